"""The search index: what it holds, how it is cut into scripts, and that search.js finds in it.

The JavaScript side runs under Node (when installed) with the shards loaded as
the page loads them, so the Python tokenizer and the JavaScript one are checked
against each other without a browser. The browser tests type into the page.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csto_digest import search
from csto_digest.config import Config
from csto_digest.fragments import cache_file
from csto_digest.render import render_site
from csto_digest.render_env import packaged_templates
from csto_digest.render_index import build_index
from csto_digest.search import SearchMemo, build_search_index, search_files, shard_paths, tokens
from factories import make_article, sample_corpus

NODE = shutil.which("node")


def built_index(articles=None, groups=None):
    if articles is None:
        articles, groups = sample_corpus()
    index = build_index(articles, groups, Config())
    return index, build_search_index(index, {a.id: f"articles/{a.id}.html" for a in articles})


def test_tokens_fold_case_and_accents_and_drop_single_letters():
    assert tokens("Café CSTO’s A 5 Zas-led, ОДКБ") == ["cafe", "csto", "5", "zas", "led", "одкб"]


def reference_tokens(text: str) -> list[str]:
    """The rule as first written: fold the whole text character by character, then find the words."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w for w in re.findall(r"[^\W_]+", folded.lower()) if len(w) > 1 or w.isdigit()]


# Characters where folding, case or word breaks are tricky: decomposed accents, a combining mark after a
# space, ligatures, fractions and symbols that fold to letters, Greek final sigma, dotted I, and spaces
# that are not ASCII (NBSP folds to a space, U+1680 stays itself).
TRICKY = "aeÉé\u0301\u0308\u0327ﬁ½™①ΣσςİıßŉǅДй_-'’.,5 \t\n\u00a0\u2003\u1680\u3000\x1c\u2028\u0345\u05b0"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(alphabet=TRICKY, max_size=40), st.text(max_size=60)))
def test_tokens_fold_per_chunk_as_the_whole_text_would(text):
    assert tokens(text) == reference_tokens(text)


def test_every_article_is_a_document_with_its_facets():
    index, found = built_index()
    assert [d[1] for d in found.docs] == [f"articles/{a.id}.html" for a in index.articles]
    first = found.docs[[a.id for a in index.articles].index("tass-armenia")]
    title, _path, date, outlet, themes, speakers, snippet = first
    assert title == "CSTO Secretary General on Armenian elites" and date == "2024-03-12"
    assert found.meta["outlets"][outlet] == "TASS"
    assert [found.meta["themes"][t] for t in themes] == ["armenia-membership"]
    assert [found.meta["speakers"][s] for s in speakers] == ["Imangali Tasmagambetov"]
    assert snippet.startswith("YEREVAN, March 12.")


def test_postings_record_the_best_field_a_term_is_in():
    index, found = built_index()
    number = [a.id for a in index.articles].index("tass-armenia")
    assert number * 4 + search.FIELD_TITLE in found.postings["armenian"]
    assert number * 4 + search.FIELD_NAME in found.postings["tass"]
    assert number * 4 + search.FIELD_NAME in found.postings["tasmagambetov"]
    assert number * 4 + search.FIELD_QUOTE in found.postings["sentiments"]
    assert number * 4 + search.FIELD_TEXT in found.postings["yerevan"]
    assert all(values == sorted(set(values)) for values in found.postings.values())


def test_shards_are_scripts_handing_their_part_to_the_page():
    _, found = built_index()
    files = search_files(found)
    assert shard_paths(files) == ["search/docs-000.js", "search/index-000.js", "search/meta.js"]
    for data in files.values():
        text = data.decode("utf-8")
        assert text.startswith("window.CSTO_SEARCH.add(") and text.endswith(");\n")
        assert "</" not in text, "a title must not be able to close the script"
        json.loads(text[len("window.CSTO_SEARCH.add(") : -3])


def test_large_indexes_are_cut_into_shards(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 200)
    monkeypatch.setattr(search, "DOCS_PER_SHARD", 2)
    _, found = built_index()
    files = search_files(found)
    assert len([p for p in files if p.startswith("search/index-")]) > 3
    assert len([p for p in files if p.startswith("search/docs-")]) == 3
    terms = []
    for path in shard_paths(files):
        if path.startswith("search/index-"):
            terms += json.loads(files[path].decode()[len("window.CSTO_SEARCH.add(") : -3])["terms"]
    assert terms == sorted(found.postings)


def test_search_page_loads_every_shard_in_order():
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config())
    page = files["search.html"].decode()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == ["static/search.js", *shard_paths(files)]
    assert 'aria-live="polite"' in page and 'role="search"' in page
    header = files["articles/tass-armenia.html"].decode()
    assert 'action="../search.html"' in header and 'name="q"' in header


def run_search(files: dict[str, bytes], queries: list[str]) -> list[list[str]]:
    """Load search.js and the shards in Node as the page would, and return each query's result paths."""
    script = (packaged_templates() / "static" / "search.js").read_text(encoding="utf-8")
    shards = [files[p].decode() for p in shard_paths(files)]
    program = (
        "const vm = require('vm'); const ctx = {document: {addEventListener() {}}};"
        "ctx.window = ctx; vm.createContext(ctx);"
        f"for (const code of {json.dumps([script, *shards])}) vm.runInContext(code, ctx);"
        "const S = ctx.CSTO_SEARCH;"
        f"const out = {json.dumps(queries)}.map(q => {{ const found = S.match(S.tokens(q));"
        " return S.best(found.docs, found.score, 50).map(d => S.docs[d][1]); });"
        "console.log(JSON.stringify(out));"
    )
    result = subprocess.run([NODE or "node", "-e", program], capture_output=True, text=True, timeout=30, check=True)
    return json.loads(result.stdout)


@pytest.mark.skipif(NODE is None, reason="Node is not installed: search.js is checked in the browser tests")
def test_search_js_finds_words_prefixes_names_and_ranks_titles_first():
    articles, groups = sample_corpus()
    extra = make_article(
        id="peacekeeping-in-text",
        title="A later note",
        body=("Peacekeeping came up once.",),
        quotes=(),
        speakers=(),
        source=None,
        cited_sources=(),
    )
    files = search_files(built_index((*articles, extra), groups)[1])
    words, prefix, name, both, none, accent = run_search(
        files, ["peacekeeping", "peacek", "tasmagamb", "armenian elites", "nothing-such-word", "ÉLITES"]
    )
    assert words[0] == "articles/csto-peacekeeping.html", "a title match ranks first"
    assert "articles/peacekeeping-in-text.html" in words
    assert prefix == words
    assert "articles/tass-armenia.html" in name
    assert both == ["articles/tass-armenia.html"]
    assert none == []
    assert accent == ["articles/tass-armenia.html"]


# --- the memo: a rebuild changes only what an edit changed, and gives the bytes of a build from nothing ------


def shard_value(data: bytes):
    return json.loads(data.decode("utf-8")[len("window.CSTO_SEARCH.add(") : -3])


def index_of(articles, groups):
    index = build_index(articles, groups, Config())
    return index, {a.id: f"articles/{index.article_files[a.id]}.html" for a in index.articles}


def shards(articles, groups, memo=None):
    index, paths = index_of(articles, groups)
    return search_files(build_search_index(index, paths, memo))


def counting_doc_terms(monkeypatch):
    calls = []
    real = search.doc_terms
    monkeypatch.setattr(search, "doc_terms", lambda texts: calls.append(texts[search.FIELD_TITLE][0]) or real(texts))
    return calls


def edited_corpus():
    articles, groups = sample_corpus()
    first = articles[0]
    edited = dataclasses.replace(
        first,
        title="Zanzibar talks, nothing else",  # a new term, and the old title's terms gone from the title
        body=(*first.body[:-1], "Quokkas appear once."),
    )
    return (edited, *articles[1:]), groups, edited


def test_a_memo_from_the_previous_build_gives_the_same_shards_and_redoes_only_the_edit(tmp_path, monkeypatch):
    articles, groups = sample_corpus()
    file = cache_file(tmp_path / ".site.cache", "search")
    first = SearchMemo(file)
    shards(articles, groups, first)
    first.save()
    assert file is not None and file.is_file()

    edited, groups, changed = edited_corpus()
    calls = counting_doc_terms(monkeypatch)
    fresh = search._postings
    monkeypatch.setattr(search, "_postings", lambda terms: pytest.fail("the postings were made afresh"))
    warm = shards(edited, groups, SearchMemo(file))
    assert calls == [changed.title], "only the edited article's terms are made again"
    monkeypatch.setattr(search, "_postings", fresh)
    calls.clear()
    assert warm == shards(edited, groups), "patched postings are the postings made from nothing"
    assert len(calls) == len(edited)
    terms = [t for p in shard_paths(warm) if "index-" in p for t in shard_value(warm[p])["terms"]]
    assert "zanzibar" in terms and "quokkas" in terms


def test_a_memo_is_right_whatever_moved_or_went(monkeypatch):
    articles, groups = sample_corpus()
    memo = SearchMemo()
    shards(articles, groups, memo)
    moved = (dataclasses.replace(articles[0], date="1999-01-01"), *articles[1:])  # a new place: numbers shift
    for changed in (moved, articles[1:], (*articles, make_article(id="added", title="Added later"))):
        memo.previous = memo.current
        assert shards(changed, groups, memo) == shards(changed, groups)


def test_postings_that_do_not_hold_what_the_memo_says_are_made_afresh():
    articles, groups = sample_corpus()
    memo = SearchMemo()
    shards(articles, groups, memo)
    edited, groups, changed = edited_corpus()
    doc = [a.id for a in index_of(edited, groups)[0].articles].index(changed.id)
    memo.current["postings"]["csto"].remove(doc * 4 + search.FIELD_TITLE)  # the old title had "CSTO"
    memo.previous = memo.current
    assert shards(edited, groups, memo) == shards(edited, groups)


def test_an_unreadable_memo_file_is_a_build_from_nothing(tmp_path):
    articles, groups = sample_corpus()
    file = tmp_path / "search-x.pickle"
    file.write_bytes(b"not a pickle")
    assert shards(articles, groups, SearchMemo(file)) == shards(articles, groups)


def test_shards_escape_what_could_end_or_break_a_script():
    hostile = make_article(id="hostile-title", title="</script><script>alert(1)</script> line\u2028para\u2029end")
    files = search_files(built_index((hostile,), sample_corpus()[1])[1])
    for data in files.values():
        text = data.decode("utf-8")
        assert "</" not in text and "\u2028" not in text and "\u2029" not in text
    docs = shard_value(files["search/docs-000.js"])["docs"]
    assert docs[0][0] == hostile.title, "escaped for the script, the same title for the page"
