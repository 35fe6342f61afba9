"""The quote stage of one corpus, worked out afresh against brought up to date after one article is added.

A rebuild after an article is added (or deleted, or re-quoted) brings the
quote stage up to date from the last one's ledger (`group/quote_update.py`)
instead of working it out again. This prints both times for the same corpus
in one process, medians of `--runs`, and checks that the two stages are equal:

    .venv/bin/python benchmarks/quote_stage.py --input /tmp/corpus --output /tmp/site

`--output` names the build whose extraction and feature caches are read (a
folder never built extracts every article first, which takes minutes at
100,000). The article "added" is the quoted article in the middle of the
grouper's order: the stage is worked out without it, then brought up to date
with it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from csto_digest.cache_files import collector_paused
from csto_digest.config import load_config
from csto_digest.group import FeatureCache, quote_update
from csto_digest.load.corpus import load_corpus


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    config = load_config(None, inputs=(args.input,), output=args.output)
    with collector_paused():  # as a build groups
        articles = sorted(load_corpus(config).articles, key=lambda a: a.id)
        features = FeatureCache(config.cache_dir).features(articles)
        keys = [(a.id, quote_update.article_digest(a)) for a in articles]
        quoted = [i for i, f in enumerate(features) if f.quotes]
        if not quoted:
            print("no article of the corpus has a quote", file=sys.stderr)
            return 1
        at = quoted[len(quoted) // 2]
        before = quote_update.work_out([*features[:at], *features[at + 1 :]], [*keys[:at], *keys[at + 1 :]])
        assert before.ledger is not None
        fresh_seconds, update_seconds = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            fresh = quote_update.work_out(features, keys)
            fresh_seconds.append(time.perf_counter() - start)
            start = time.perf_counter()
            updated = quote_update.update(before.ledger, features, keys)
            update_seconds.append(time.perf_counter() - start)
    if updated is None:
        print("the added article moved the formula threshold: the stage would be worked out afresh")
        return 0
    if updated != fresh:
        print("the stage brought up to date differs from the one worked out", file=sys.stderr)
        return 1
    print(f"articles {len(articles)}, quotes {len(fresh.quotes)}")
    print(f"worked out afresh              {statistics.median(fresh_seconds):7.3f} s")
    print(f"brought up to date, one added  {statistics.median(update_seconds):7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
