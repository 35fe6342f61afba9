"""What the loader extracts from generated articles, scored against the generator's own truth.

`csto-digest eval` scores the loader on 24 articles labelled by hand; this scores it on as many
generated articles as asked, in every raw layout the generator writes (see `generate.py`): the
speakers it finds against those who speak, each quote's speaker, the publication date (and a date
given where the text states none, which must never happen) and the publishing outlet. The articles
are made in memory and extracted in this process, one at a time, so nothing is written to disk.

    .venv/bin/python benchmarks/extraction_truth.py --n 2500 --seed 1
    .venv/bin/python benchmarks/extraction_truth.py --n 10000 --every 4     # every 4th of 10,000

The generator's truth names the speakers of an article, not of each quote, so a quote counts as
rightly attributed when its speaker is one of the article's. It is a synthetic corpus whose
phrasings the loader's rules have been checked against: a guard against a rule that breaks, not
a measure of the loader on real articles.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _generator():
    """`generate.py` beside this script, loaded by path: benchmarks/ is a folder of scripts."""
    spec = importlib.util.spec_from_file_location("bench_generate", HERE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def score(n: int, seed: int, every: int = 1) -> Counter[str]:
    """Counts of right and wrong values over every `every`-th of the first `n` generated articles."""
    from csto_digest.config import load_config
    from csto_digest.load.corpus import extract_one

    gen = _generator()
    config = load_config()
    counts: Counter[str] = Counter()
    for doc in gen.generate(n, seed):
        if doc.index % every:
            continue
        record = extract_one(gen.relative_path(doc, "text"), gen.file_text(doc, "text", seed), config)
        if not hasattr(record, "speakers"):
            counts["articles failed"] += 1
            continue
        counts["articles"] += 1
        found, truth = {s.name for s in record.speakers}, set(doc.speakers)
        counts["speakers right"] += len(found & truth)
        counts["speakers wrong"] += len(found - truth)
        counts["speakers missed"] += len(truth - found)
        for quote in record.quotes:
            counts["quotes"] += 1
            if quote.speaker is None:
                counts["quotes with no speaker"] += 1
            elif quote.speaker not in truth:
                counts["quotes given to someone else"] += 1
        if doc.date is None:
            counts["dates invented"] += record.date is not None
        elif record.date is None:
            counts["dates missed"] += 1
        else:
            counts["dates right" if record.date == doc.date.isoformat() else "dates wrong"] += 1
        if record.source is None:
            counts["sources missed"] += 1
        else:
            counts["sources right" if record.source.name in (doc.outlet, doc.domain) else "sources wrong"] += 1
    return counts


def report(counts: Counter[str]) -> list[str]:
    """The figures, a line each."""
    right, wrong, missed = counts["speakers right"], counts["speakers wrong"], counts["speakers missed"]
    precision = right / (right + wrong) if right + wrong else 0.0
    recall = right / (right + missed) if right + missed else 0.0
    quotes = counts["quotes"]
    attributed = quotes - counts["quotes with no speaker"] - counts["quotes given to someone else"]
    return [
        f"articles             {counts['articles']} ({counts['articles failed']} failed)",
        f"speakers             precision {precision:.3f}  recall {recall:.3f}  (wrong {wrong}, missed {missed})",
        f"quotes               {quotes}: to one of the article's speakers {attributed}, "
        f"to someone else {counts['quotes given to someone else']}, to no one {counts['quotes with no speaker']}",
        f"dates                right {counts['dates right']}, wrong {counts['dates wrong']}, "
        f"missed {counts['dates missed']}, invented {counts['dates invented']}",
        f"sources              right {counts['sources right']}, wrong {counts['sources wrong']}, "
        f"missed {counts['sources missed']}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--every", type=int, default=1, help="extract only every k-th article")
    args = parser.parse_args(argv)
    print("\n".join(report(score(args.n, args.seed, max(1, args.every)))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
