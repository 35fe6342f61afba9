"""The quote stage of grouping, kept from one build to the next.

Marking formulas, choosing each quote's blocking keys and matching quotes
across the whole corpus take seconds at ten thousand articles, and they read
nothing but each article's live quotes (speaker and words) and date, in the
grouper's order. Most edits (a typo in a lead, a corrected title, a new
theme) leave all of those alone. So the stage's result is kept under a digest
of exactly those inputs and of the code that computes it; a rebuild whose
digest matches reads the result back instead of working it out. A change to
a quote, a speaker, a date or the set of articles brings the last stage up
to date from its ledger (`quote_update`), kept in a file of its own; a change
of the code works it out afresh. Later stages (stories, statements within
stories) always run.

The file keeps what the corpus decided for each quote (its blocking keys and
which sentences are formulas), not the quotes themselves: those follow from
each article's features, which the feature cache keeps already. Read back
whole, the quotes held a second copy of every quote's sentences: at ten
thousand articles the file was 9.8 MB (now 2.1) and the peak of a rebuild
after one edit 452 MB (now 374).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..cache_files import read_pickle, remove_stale, source_digest, write_pickle
from ..model import Article
from .features import ArticleFeatures
from .quote_update import ArticleKey, QuoteLedger, QuoteStage, article_digest, fits, update, work_out
from .statements import quote_texts_chosen

__all__ = ["QuoteStage", "QuoteStageFile", "QuoteStageMemo", "inputs_digest", "match_quotes", "work_out"]


def match_quotes(
    articles: Sequence[Article], features: Sequence[ArticleFeatures], memo: QuoteStageMemo | None
) -> QuoteStage:
    """The quote stage of `articles`, whose features are `features`: from `memo` when it has it."""
    return memo.stage(articles, features) if memo is not None else work_out(features)


def inputs_digest(keys: Sequence[ArticleKey]) -> str:
    """A digest of everything the quote stage reads (each article's `article_digest`), in order."""
    digest = hashlib.blake2b(digest_size=20)
    for id_, inputs in keys:
        digest.update(f"{id_}\x1f{inputs}\x1e".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class QuoteStageMemo:
    """The last quote stage worked out, in memory; `QuoteStageFile` keeps it on disk too.

    A stage whose inputs changed is brought up to date from the last one's
    ledger when there is one (see `quote_update`), and worked out afresh
    when not."""

    def __init__(self) -> None:
        self.kept: tuple[str, QuoteStage] | None = None
        self.ledger: QuoteLedger | None = None

    def stage(self, articles: Sequence[Article], features: Sequence[ArticleFeatures]) -> QuoteStage:
        """The quote stage of `articles` (whose features are `features`), reused when its inputs are the same."""
        keys = [(a.id, article_digest(a)) for a in articles]
        digest = f"{code_digest()}:{inputs_digest(keys)}"
        if self.kept is None or self.kept[0] != digest:
            recalled = self._recall(digest, features)
            if recalled is None:
                recalled = (digest, self._work(features, keys))
                self._remember(recalled)
            self.kept = recalled
        return self.kept[1]

    def _work(self, features: Sequence[ArticleFeatures], keys: Sequence[ArticleKey]) -> QuoteStage:
        previous = self.ledger or self._recall_ledger()
        stage = update(previous, features, keys) if previous is not None else None
        if stage is None:
            stage = work_out(features, keys)
        self.ledger = stage.ledger
        return stage

    def _recall(self, digest: str, features: Sequence[ArticleFeatures]) -> tuple[str, QuoteStage] | None:
        return None

    def _recall_ledger(self) -> QuoteLedger | None:
        return None

    def _remember(self, kept: tuple[str, QuoteStage]) -> None:
        pass


class QuoteStageFile(QuoteStageMemo):
    """A `QuoteStageMemo` read from (unless `read` is false) and written to a file in `folder`."""

    def __init__(self, folder: Path, read: bool = True):
        super().__init__()
        self.folder, self.read = folder, read

    def _path(self) -> Path:
        return self.folder / f"quote-stage-{code_digest()}.pickle"

    def _ledger_path(self) -> Path:
        return self.folder / f"quote-ledger-{code_digest()}.pickle"

    def _recall_ledger(self) -> QuoteLedger | None:
        """The last stage's ledger, kept in its own file: a rebuild that reuses the stage never reads it."""
        if not self.read:
            return None
        found = read_pickle(self._ledger_path())
        return found if isinstance(found, QuoteLedger) and fits(found) else None

    def _recall(self, digest: str, features: Sequence[ArticleFeatures]) -> tuple[str, QuoteStage] | None:
        """The stage kept in the file for `digest`, its quotes made again from `features`."""
        if not self.read:
            return None
        found = read_pickle(self._path())
        if not (isinstance(found, tuple) and len(found) == 5 and found[0] == digest):
            return None
        _, choices, evidence, shared, counts = found
        if not (isinstance(choices, list) and isinstance(evidence, list) and isinstance(shared, dict)):
            return None
        try:
            quotes = quote_texts_chosen(features, choices)
        except (TypeError, ValueError, StopIteration):
            return None  # choices that do not fit these quotes: worked out again
        return digest, QuoteStage(quotes, evidence, shared, counts, choices)

    def _remember(self, kept: tuple[str, QuoteStage]) -> None:
        try:
            digest, stage = kept
            write_pickle(self._path(), (digest, stage.choices, stage.evidence, stage.shared, stage.counts))
            remove_stale(self.folder.glob("quote-stage-*.pickle"), self._path())
            if stage.ledger is not None:
                write_pickle(self._ledger_path(), stage.ledger)
                remove_stale(self.folder.glob("quote-ledger-*.pickle"), self._ledger_path())
        except OSError:
            pass  # a cache that cannot be written only costs time


@functools.cache
def code_digest() -> str:
    """A digest of the code the quote stage runs: a new version never reuses an old result."""
    here = Path(__file__).resolve().parent
    names = ("features.py", "statements.py", "blocking.py", "quote_stage.py", "quote_update.py")
    files = [here / name for name in names]
    return source_digest(files, here)
