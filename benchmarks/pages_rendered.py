"""Which pages a rebuild would render, by folder, without writing anything.

A rebuild's "files written" counts the pages whose bytes changed, and, with
two output trees, the catch-up of the build before. This counts what costs the
time: the pages whose key differs from the live site's and are rendered again.
Run it after changing the input folder, against the output of the last build:

    .venv/bin/python benchmarks/pages_rendered.py --input /tmp/corpus --output /tmp/site

It loads and groups with the build's caches, as a rebuild does; it writes no
page, but the caches are brought up to date, as by a build.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from csto_digest.config import load_config
from csto_digest.fingerprint import fingerprint
from csto_digest.group import FeatureCache, QuoteStageFile, group_articles
from csto_digest.history import baseline_for
from csto_digest.load.corpus import load_corpus
from csto_digest.render import render
from csto_digest.write import live_page_keys


def folder_of(path: str) -> str:
    """`places/armenia/p-3f9a1c2e0b.html` -> `places/armenia`; `places/armenia.html` -> `places`."""
    parts = path.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, required=True, help="the articles, as changed")
    parser.add_argument("--output", type=Path, required=True, help="the output folder of the last build")
    parser.add_argument("--most", type=int, default=20, help="folders to list")
    args = parser.parse_args()
    config = load_config(None, inputs=(args.input,), output=args.output)
    print_, _ = fingerprint(config)
    loaded = load_corpus(config, use_cache=True)
    groups = group_articles(loaded.articles, config, FeatureCache(config.cache_dir), QuoteStageFile(config.cache_dir))
    start = time.perf_counter()
    result = render(
        loaded.articles,
        groups,
        config,
        live_page_keys(config.output),
        epoch=print_.code,
        baseline=baseline_for(config.output, print_.whole),
        cache=False,
    )
    by_folder: Counter[str] = Counter(folder_of(path) for path, data in result.files if data is not None)
    seconds = time.perf_counter() - start
    print(f"{result.rendered} pages rendered, {result.reused} carried over; render stage {seconds:.2f}s")
    print("files made again (rendered pages, and files made on every build), by folder:")
    for folder, count in by_folder.most_common(args.most):
        print(f"  {count:6d}  {folder}")


if __name__ == "__main__":
    main()
