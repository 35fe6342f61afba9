/* csto-digest: the quote index filters. No request leaves the page; the page
   works without this script (the filters stay hidden and every row shows). */
(function () {
  "use strict";
  var box = document.getElementById("quote-filters");
  if (!box) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll(".quotes-table tbody tr"));
  var text = document.getElementById("filter-text");
  var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-facet]"));
  var count = document.getElementById("filter-count");
  var haystacks = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function matches(row, index, words) {
    for (var i = 0; i < selects.length; i++) {
      var wanted = selects[i].value;
      if (!wanted) { continue; }
      var values = (row.getAttribute("data-" + selects[i].getAttribute("data-facet")) || "").split("|");
      if (values.indexOf(wanted) === -1) { return false; }
    }
    for (var j = 0; j < words.length; j++) {
      if (haystacks[index].indexOf(words[j]) === -1) { return false; }
    }
    return true;
  }

  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, index) {
      var ok = matches(row, index, words);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + " of " + rows.length + " quotes";
  }

  box.hidden = false;
  text.addEventListener("input", apply);
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  apply();
}());
