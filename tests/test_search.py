"""The search index: what it holds, how it is cut into scripts, and that search.js finds in it.

The JavaScript side runs under Node (when installed) with the shards loaded as
the page loads them, so the Python tokenizer and the JavaScript one are checked
against each other without a browser. The browser tests type into the page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from csto_digest import search
from csto_digest.config import Config
from csto_digest.render import render_site
from csto_digest.render_env import packaged_templates
from csto_digest.render_index import build_index
from csto_digest.search import build_search_index, search_files, shard_paths, tokens
from factories import make_article, sample_corpus

NODE = shutil.which("node")


def built_index(articles=None, groups=None):
    if articles is None:
        articles, groups = sample_corpus()
    index = build_index(articles, groups, Config())
    return index, build_search_index(index, {a.id: f"articles/{a.id}.html" for a in articles})


def test_tokens_fold_case_and_accents_and_drop_single_letters():
    assert tokens("Café CSTO’s A 5 Zas-led, ОДКБ") == ["cafe", "csto", "5", "zas", "led", "одкб"]


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
