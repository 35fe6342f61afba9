/* csto-digest search: full text over the articles, with facets, as you type.
   The index arrives as scripts (search/*.js) that call CSTO_SEARCH.add(...):
   no fetch, so it works from disk as well as from a server. Tokens follow the
   same rule as csto_digest/search.py: lower case, accents folded, letters and
   digits. A posting is doc * 4 + field (3 title, 2 name, 1 quote, 0 text). */
(function () {
  "use strict";
  var FIELD_WEIGHT = [1, 3, 4, 8];
  var MAX_EXPANSION = 3000; // prefix terms looked at per word
  var SHOWN = 50;
  var store = window.CSTO_SEARCH = {
    meta: { themes: [], themeTitles: [], outlets: [], speakers: [] },
    docs: [], terms: [], gaps: [], lists: [],
    add: function (part) {
      if (part.meta) { store.meta = part.meta; }
      if (part.docs) { Array.prototype.push.apply(store.docs, part.docs); }
      if (part.terms) {
        Array.prototype.push.apply(store.terms, part.terms);
        Array.prototype.push.apply(store.gaps, part.postings);
      }
    }
  };

  function tokens(text) {
    var folded = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length > 1 || /^\p{N}$/u.test(w); });
  }

  function postings(t) {
    var list = store.lists[t];
    if (!list) {
      var gaps = store.gaps[t], value = 0;
      list = new Int32Array(gaps.length);
      for (var i = 0; i < gaps.length; i++) { value += gaps[i]; list[i] = value; }
      store.lists[t] = list;
    }
    return list;
  }

  function lowerBound(word) {
    var lo = 0, hi = store.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (store.terms[mid] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* Term numbers for one word: the word itself, and as a prefix when it has two letters or more. */
  function expand(word, prefix) {
    var first = lowerBound(word), found = [];
    for (var t = first; t < store.terms.length && found.length < MAX_EXPANSION; t++) {
      var term = store.terms[t];
      if (term === word) { found.push(t); if (!prefix) { break; } continue; }
      if (!prefix || term.lastIndexOf(word, 0) !== 0) { break; }
      found.push(t);
    }
    return found;
  }

  /* Documents holding every word, best first: [doc numbers sorted, matched count]. */
  function match(words) {
    var n = store.docs.length, score = new Float64Array(n), count = new Uint8Array(n);
    var strongest = new Int8Array(n), touched = new Int32Array(n);
    for (var w = 0; w < words.length; w++) {
      var word = words[w], ntouched = 0;
      var terms = expand(word, word.length > 1);
      for (var i = 0; i < terms.length; i++) {
        var list = postings(terms[i]), exact = store.terms[terms[i]] === word ? 4 : 0;
        for (var j = 0; j < list.length; j++) {
          var doc = list[j] >> 2, weight = FIELD_WEIGHT[list[j] & 3] + exact;
          if (count[doc] !== w) { continue; } // missed an earlier word
          if (strongest[doc] === 0) { touched[ntouched++] = doc; }
          if (weight > strongest[doc]) { strongest[doc] = weight; }
        }
      }
      for (var k = 0; k < ntouched; k++) {
        var d = touched[k];
        count[d] = w + 1; score[d] += strongest[d]; strongest[d] = 0;
      }
    }
    var hits = [];
    for (var doc2 = 0; doc2 < n; doc2++) { if (count[doc2] === words.length) { hits.push(doc2); } }
    return { docs: hits, score: score };
  }

  /* The best `limit` of `docs` (in doc order, newest first), by score then newest.
     Scores are small whole numbers, so a histogram finds the cut without sorting every hit. */
  function best(docs, score, limit) {
    if (!score) { return docs.slice(0, limit); }
    var histogram = {}, levels = [];
    docs.forEach(function (d) {
      if (!histogram[score[d]]) { histogram[score[d]] = 0; levels.push(score[d]); }
      histogram[score[d]]++;
    });
    levels.sort(function (a, b) { return b - a; });
    var cut = levels.length ? levels[levels.length - 1] : 0, seen = 0;
    for (var i = 0; i < levels.length; i++) { seen += histogram[levels[i]]; if (seen >= limit) { cut = levels[i]; break; } }
    var top = docs.filter(function (d) { return score[d] >= cut; });
    top.sort(function (a, b) { return score[b] - score[a] || a - b; });
    return top.slice(0, limit);
  }

  /* Each facet as a list of value numbers per document, made once when the index has loaded. */
  var FACETS = {}, YEARS = [];
  function prepareFacets() {
    var years = {};
    store.docs.forEach(function (d) { if (d[2]) { years[d[2].slice(0, 4)] = true; } });
    YEARS = Object.keys(years).sort().reverse();
    var yearNo = {};
    YEARS.forEach(function (y, i) { yearNo[y] = i; });
    FACETS = {
      theme: store.docs.map(function (d) { return d[4]; }),
      outlet: store.docs.map(function (d) { return d[3] < 0 ? [] : [d[3]]; }),
      speaker: store.docs.map(function (d) { return d[5]; }),
      year: store.docs.map(function (d) { return d[2] ? [yearNo[d[2].slice(0, 4)]] : []; })
    };
  }

  function passes(doc, chosen, except) {
    for (var facet in chosen) {
      if (facet === except || chosen[facet] < 0) { continue; }
      if (FACETS[facet][doc].indexOf(chosen[facet]) < 0) { return false; }
    }
    return true;
  }

  function decodeAll() {
    for (var t = 0; t < store.terms.length; t++) { postings(t); }
    store.gaps = [];
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form) { return; }
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-count");
    var results = document.getElementById("search-results");
    var root = form.getAttribute("data-root") || "";
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    decodeAll();
    prepareFacets();
    var labels = {
      theme: store.meta.themeTitles, outlet: store.meta.outlets, speaker: store.meta.speakers, year: YEARS
    };
    selects.forEach(function (select) {
      var facet = select.getAttribute("data-facet");
      labels[facet].forEach(function (label, number) {
        var option = document.createElement("option");
        option.value = String(number);
        option.textContent = label;
        option.setAttribute("data-label", label);
        select.appendChild(option);
      });
    });

    function chosen() {
      var out = {};
      selects.forEach(function (s) { out[s.getAttribute("data-facet")] = s.value === "" ? -1 : Number(s.value); });
      return out;
    }

    /* Each option's count: the results it would give, the other facets as chosen. */
    function updateCounts(base, picked) {
      var narrowed = Object.keys(picked).some(function (f) { return picked[f] >= 0; });
      selects.forEach(function (select) {
        var facet = select.getAttribute("data-facet"), values = FACETS[facet];
        var counts = new Int32Array(select.options.length);
        for (var i = 0; i < base.length; i++) {
          var doc = base[i];
          if (narrowed && !passes(doc, picked, facet)) { continue; }
          var mine = values[doc];
          for (var j = 0; j < mine.length; j++) { counts[mine[j]]++; }
        }
        for (var k = 1; k < select.options.length; k++) {
          var option = select.options[k], text = option.getAttribute("data-label") + " (" + counts[k - 1] + ")";
          if (option.textContent !== text) { option.textContent = text; }
        }
      });
    }

    function item(doc) {
      var d = store.docs[doc];
      var li = document.createElement("li");
      li.className = "item";
      var a = document.createElement("a");
      a.className = "item-title";
      a.href = root + d[1];
      a.textContent = d[0];
      var meta = document.createElement("div");
      meta.className = "meta";
      [d[3] >= 0 ? store.meta.outlets[d[3]] : "outlet not stated", d[2] || "undated"].forEach(function (text) {
        var span = document.createElement("span");
        span.textContent = text;
        meta.appendChild(span);
      });
      var p = document.createElement("p");
      p.className = "snippet";
      p.textContent = d[6];
      li.appendChild(a);
      li.appendChild(meta);
      li.appendChild(p);
      return li;
    }

    function run() {
      var words = tokens(input.value).slice(0, 20), picked = chosen();
      var filtering = Object.keys(picked).some(function (f) { return picked[f] >= 0; });
      results.textContent = "";
      if (!words.length && !filtering) {
        status.textContent = "Type to search " + store.docs.length + " articles.";
        updateCounts([], picked);
        return;
      }
      var found = words.length ? match(words) : { docs: store.docs.map(function (_, i) { return i; }), score: null };
      var hits = filtering ? found.docs.filter(function (doc) { return passes(doc, picked, null); }) : found.docs;
      var list = document.createDocumentFragment();
      best(hits, found.score, SHOWN).forEach(function (doc) { list.appendChild(item(doc)); });
      results.appendChild(list);
      status.textContent = hits.length + (hits.length === 1 ? " article" : " articles") +
        (hits.length > SHOWN ? ", the best " + SHOWN + " shown" : "");
      updateCounts(found.docs, picked);
      clearTimeout(remember);
      remember = setTimeout(rememberQuery, 500);
    }

    /* Keep the query in the address once typing pauses, so Back and a bookmark bring it again. */
    var remember = 0;
    function rememberQuery() {
      try {
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      } catch (e) { /* some browsers refuse it from disk */ }
    }

    /* Arrow keys move between the box and the results; Enter follows the focused link. */
    function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
      if (event.key === "Enter") { event.preventDefault(); run(); }
    });
    results.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (at < 0) { return; }
      if (event.key === "ArrowDown" && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      if (event.key === "Escape") { event.preventDefault(); input.focus(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    selects.forEach(function (s) { s.addEventListener("change", run); });

    var params = new URLSearchParams(location.search);
    if (params.get("q")) { input.value = params.get("q"); }
    form.hidden = false;
    document.getElementById("search-noscript").hidden = true;
    run();
    input.focus();
  }

  store.tokens = tokens;
  store.match = match;
  store.best = best;
  document.addEventListener("DOMContentLoaded", start);
}());
