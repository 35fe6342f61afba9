"""How fast the search page answers at 10,000 articles, in headless Chromium.

Makes N synthetic article records (deterministic from --seed), renders the
site, writes the search page with its index shards and static files, opens
`search.html` from disk (file://, as a reader who double-clicks it would) and
times, after the index has loaded, typing each query until its results are in
the page. Prints one line per query and the worst time; `--json` saves them.

    .venv/bin/python benchmarks/search_speed.py --n 10000

Issue 4's bar: first results under 100 ms after the index has loaded.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from csto_digest.config import Config
from csto_digest.model import Article, Evidence, Groups, Outlet, Quote, Speaker, ThemeHit
from csto_digest.render import render_site

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERIES = ("s", "se", "sec", "secu", "secur", "security", "collective security", "zas peace", "armenia withdraw", "q")
THEMES = ("enlargement", "afghanistan", "armenia-membership", "exercises", "peacekeeping", "ukraine", "kazakhstan-2022")
WORDS_TEXT = (
    "collective security treaty organization member states secretary general meeting summit council defence "
    "ministers border tajikistan afghanistan armenia azerbaijan kazakhstan kyrgyzstan belarus russia exercises "
    "peacekeeping forces rapid reaction troops deployment agreement cooperation threat terrorism drug trafficking "
    "military political situation region stability joint staff headquarters consultations withdraw participation "
    "statement interview journalists agency reported said added noted stressed according sources officials "
    "president prime minister parliament session decision mechanism crisis response mission observers"
)
WORDS = tuple(WORDS_TEXT.split())
NAMES = ("Stanislav Zas", "Imangali Tasmagambetov", "Nikol Pashinyan", "Sergei Lavrov", "Kassym-Jomart Tokayev")
OUTLETS = ("TASS", "Sputnik", "RIA Novosti", "Interfax", "Asia-Plus", "ARKA", "Kazinform", "AKIpress", "BelTA")


def synthetic_articles(n: int, seed: int) -> tuple[Article, ...]:
    rng = random.Random(seed)
    vocabulary = [*WORDS, *[f"{rng.choice(WORDS)[:5]}{i}" for i in range(20_000)]]  # a long tail of rare words
    articles = []
    for i in range(n):
        body = tuple(
            " ".join(rng.choice(vocabulary) if rng.random() < 0.15 else rng.choice(WORDS) for _ in range(60))
            for _ in range(5)
        )
        speaker = rng.choice(NAMES)
        quote = " ".join(body[1].split()[:12])
        outlet = rng.choice(OUTLETS)
        evidence = Evidence("synthetic", "text")
        articles.append(
            Article(
                id=f"article-{i:05d}",
                path=f"synthetic/{i:05d}.txt",
                title=" ".join(rng.choice(WORDS) for _ in range(8)).capitalize(),
                title_derived=False,
                title_evidence=evidence,
                url=None,
                source=Outlet(outlet, evidence),
                cited_sources=(),
                date=f"{2012 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                date_precision="day",
                date_evidence=evidence,
                author=None,
                disclaimer=None,
                speakers=(Speaker(speaker, None, 1, evidence),),
                quotes=(Quote(quote, speaker, "quoted", 1, evidence),),
                themes=tuple(ThemeHit(t, evidence) for t in rng.sample(THEMES, rng.randint(0, 2))),
                places=(),
                organizations=(),
                body=body,
                removed=(),
                content_hash=str(i),
            )
        )
    return tuple(articles)


def write_search_site(articles: tuple[Article, ...], out: Path) -> int:
    """Write the search page, its shards and the static files; return the index's size in bytes."""
    files = render_site(articles, Groups({}, (), ()), Config())
    size = 0
    for path, data in files.items():
        if path == "search.html" or path.startswith(("search/", "static/")):
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(data)
            size += len(data) if path.startswith("search/") else 0
    return size


def time_queries(page_path: Path, queries: tuple[str, ...]) -> tuple[float, dict[str, tuple[float, str]]]:
    """Load time of the page with its index, then each query's time to results in the page (ms)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("document.getElementById('search-count').textContent.startsWith('Type')")
        loaded = (time.perf_counter() - started) * 1000
        timings = {}
        for query in queries:
            timings[query] = page.evaluate(
                """(query) => {
                    const input = document.getElementById('search-q');
                    input.value = '';
                    input.dispatchEvent(new Event('input'));
                    const t0 = performance.now();
                    input.value = query;
                    input.dispatchEvent(new Event('input'));
                    const first = document.querySelector('#search-results a');
                    const t1 = performance.now();
                    return [t1 - t0, document.getElementById('search-count').textContent + (first ? '' : ' (none)')];
                }""",
                query,
            )
        browser.close()
    return loaded, {q: (float(ms), text) for q, (ms, text) in timings.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        started = time.perf_counter()
        articles = synthetic_articles(args.n, args.seed)
        size = write_search_site(articles, out)
        print(f"{args.n} articles rendered in {time.perf_counter() - started:.1f} s; index {size / 1e6:.1f} MB")
        loaded, timings = time_queries(out / "search.html", QUERIES)
    print(f"page and index loaded in {loaded:.0f} ms")
    for query, (ms, text) in timings.items():
        print(f"{ms:7.1f} ms  {query!r}: {text}")
    worst = max(ms for ms, _ in timings.values())
    print(f"worst: {worst:.1f} ms (bar: 100 ms)")
    if args.json:
        args.json.write_text(
            json.dumps({"n": args.n, "index_bytes": size, "load_ms": loaded, "queries": timings, "worst_ms": worst})
        )
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
