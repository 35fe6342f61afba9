"""The quote stage brought up to date from the last one, after articles were added, deleted or re-quoted.

Adding one article to ten thousand changes the quote stage's inputs, and
working it out afresh took 1.6 to 2.3 s of that rebuild here: choosing every
quote's blocking keys against the corpus's key counts, and finding the pairs
that share them. Yet one article's quotes change the counts of a few hundred
keys, and only the quotes holding one of those keys can choose differently.
So the last stage is kept as a `QuoteLedger`, and a new corpus is worked from it:

- every quote's keys are counted again (a pass over the features, cheap), and
  the keys whose count changed are found by comparing with the kept counts;
- a quote whose article is unchanged and which holds none of those keys keeps
  its choice; the others choose again;
- a pair of quotes is a candidate when its shared keys say so (`candidate_pairs`).
  Its count changes only when one of the two quotes chose differently (or is
  new), or when a block they share crossed the size cap (`MAX_BLOCK`), so
  every member of such a block counts as changed. Pairs between unchanged
  quotes keep their verdict (a comparison reads the two quotes and their
  choices only); pairs with a changed quote are found through the blocks and
  compared;
- what follows (timely, anchored, which articles share a statement) reads the
  whole list of matches and is done again, as in `work_out`.

The result is the one `work_out` gives, field for field (the tests compare
them over random changes). When the number of quotes moves the formula
threshold (`formula_frequency`), every sentence's verdict may change: the
stage is worked out afresh then (None here).

Quotes are known across builds by their article's id, a digest of exactly what
the stage reads of that article (`article_digest`), and their place in it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Article
from . import statements
from .features import ArticleFeatures
from .statements import (
    QuoteChoice,
    QuoteMatch,
    QuoteText,
    across_corpus_evidence,
    article_statements,
    candidate_pairs,
    choose,
    closely,
    compare,
    compare_pairs,
    formula_frequency,
    key_frequency,
    quote_texts_chosen,
    same_speaker,
    worth_comparing,
)

ArticleKey = tuple[str, str]  # (article id, `article_digest`)


@dataclass(frozen=True)
class QuoteLedger:
    """What the next stage starts from: the last one's quotes by article, their choices, the key
    counts, the candidate pairs and which of them matched (before the evidence is sifted)."""

    articles: tuple[tuple[str, str, int], ...]  # (id, digest, live quotes), in the grouper's order
    formula: int
    frequency: dict[int, int]  # keys in two or more quotes -> how many (a key in one quote blocks nothing)
    choices: list[QuoteChoice]
    candidates: list[tuple[int, int]]  # quote positions, sorted
    matches: list[QuoteMatch]  # those of the candidates that matched, in their order


def fits(ledger: QuoteLedger) -> bool:
    """Whether a ledger read back holds together: its quotes, choices and pairs agree in number."""
    quotes = sum(count for _, _, count in ledger.articles)
    return (
        quotes == len(ledger.choices)
        and all(0 <= first < second < quotes for first, second in ledger.candidates)
        and all(0 <= m.first < m.second < quotes for m in ledger.matches)
    )


def article_digest(article: Article) -> str:
    """A digest of everything the quote stage reads of one article: its date and its live quotes."""
    inputs = (article.date, article.date_precision, [(q.speaker, q.text) for q in article.live_quotes])
    return hashlib.blake2b(repr(inputs).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class QuoteStage:
    """What the quote stage hands on: every live quote, the matches across the corpus, and
    the statements each pair of articles shares; `counts` are the comparisons it made,
    `choices` what the corpus decided for each quote (see `quote_choices`); `ledger` what
    the next stage can start from (not part of the result: a stage read back has none)."""

    quotes: list[QuoteText]
    evidence: list[QuoteMatch]
    shared: dict[tuple[int, int], set[int]]
    counts: dict[str, int]
    choices: list[QuoteChoice]
    ledger: QuoteLedger | None = field(default=None, compare=False, repr=False)


def work_out(features: Sequence[ArticleFeatures], articles: Sequence[ArticleKey] | None = None) -> QuoteStage:
    """The quote stage computed from nothing; with a ledger when `articles` (the id and
    `article_digest` of the article each of `features` is of) are given."""
    frequency, drafts = key_frequency(features)
    formula = formula_frequency(len(drafts))
    choices = [choose(quote, keys, frequency, formula) for quote, keys in drafts]
    quotes = quote_texts_chosen(features, choices)
    candidates = candidate_pairs(quotes)
    matches = compare_pairs(quotes, candidates, False, Counter())
    return _finish(features, articles, formula, frequency, choices, quotes, candidates, matches)


def update(
    previous: QuoteLedger, features: Sequence[ArticleFeatures], articles: Sequence[ArticleKey]
) -> QuoteStage | None:
    """The quote stage of `features`, worked from the `previous` one; None when it must be worked out afresh."""
    frequency, drafts = key_frequency(features)
    formula = formula_frequency(len(drafts))
    if formula != previous.formula:
        return None
    old_of = _old_positions(previous, features, articles)
    moved = _moved_keys(previous.frequency, frequency)
    choices: list[QuoteChoice] = []
    changed: set[int] = set()
    for position, (quote, keys) in enumerate(drafts):
        old = old_of[position]
        if old is not None and moved.isdisjoint(keys):
            choices.append(previous.choices[old])
            continue
        choice = choose(quote, keys, frequency, formula)
        choices.append(choice)
        if old is None or choice != previous.choices[old]:
            changed.add(position)
    new_of = {old: new for new, old in enumerate(old_of) if old is not None}
    blocks = _blocks(choices)
    changed |= _crossed_members(previous, old_of, new_of, choices, changed, blocks)
    quotes = quote_texts_chosen(features, choices)
    verdicts = _kept_verdicts(previous, new_of, changed)
    fresh = _fresh_candidates(quotes, blocks, changed)
    candidates = sorted([*verdicts, *fresh])
    matches: list[QuoteMatch] = []
    for first, second in candidates:
        if (first, second) in verdicts:
            kept = verdicts[(first, second)]
            if kept is not None:
                matches.append(kept)
            continue
        a, b = quotes[first], quotes[second]
        found = compare(a, b, False)
        if found and (same_speaker(a, b) or closely(found)):
            matches.append(QuoteMatch(first, second, found[0], found[1]))
    return _finish(features, articles, formula, frequency, choices, quotes, candidates, matches)


def _finish(
    features: Sequence[ArticleFeatures],
    articles: Sequence[ArticleKey] | None,
    formula: int,
    frequency: Counter[int],
    choices: list[QuoteChoice],
    quotes: list[QuoteText],
    candidates: list[tuple[int, int]],
    matches: list[QuoteMatch],
) -> QuoteStage:
    """The stage from its candidates' matches, by the steps that read them all; with its ledger when
    the articles' keys are known."""
    evidence = across_corpus_evidence(quotes, matches)
    counts = {"quote_comparisons": len(candidates)} if candidates else {}  # as `compare_pairs` counts them
    ledger = None
    if articles is not None:
        ledger = QuoteLedger(
            articles=tuple((id_, digest, len(f.quotes)) for (id_, digest), f in zip(articles, features, strict=True)),
            formula=formula,
            frequency={k: n for k, n in frequency.items() if n >= 2},
            choices=choices,
            candidates=candidates,
            matches=matches,
        )
    return QuoteStage(quotes, evidence, article_statements(quotes, evidence), counts, choices, ledger)


def _old_positions(
    previous: QuoteLedger, features: Sequence[ArticleFeatures], articles: Sequence[ArticleKey]
) -> list[int | None]:
    """Each live quote's position in the previous stage, None for a quote of a new or changed article."""
    starts: dict[ArticleKey, tuple[int, int]] = {}
    position = 0
    for id_, digest, count in previous.articles:
        starts[(id_, digest)] = (position, count)
        position += count
    old_of: list[int | None] = []
    for key, article in zip(articles, features, strict=True):
        found = starts.get(key)
        if found is not None and found[1] == len(article.quotes):
            old_of.extend(range(found[0], found[0] + found[1]))
        else:
            old_of.extend([None] * len(article.quotes))
    return old_of


def _moved_keys(before: dict[int, int], now: Counter[int]) -> set[int]:
    """Keys whose count changed, of those in two or more quotes then or now.

    A key in one quote at most, then and now, is that quote's alone: it
    weighs in no other quote's choice, and its own quote is new (or held it)."""
    moved = {k for k, n in now.items() if n >= 2 and before.get(k) != n}
    moved.update(k for k, n in before.items() if now.get(k) != n)
    return moved


def _blocks(choices: Sequence[QuoteChoice]) -> dict[int, list[int]]:
    """Chosen key -> the quotes that chose it, in order (the blocks of `shared_key_counts`)."""
    blocks: dict[int, list[int]] = {}
    for position, (keys, _) in enumerate(choices):
        for k in keys:
            blocks.setdefault(k, []).append(position)
    return blocks


def _expanded(size: int) -> bool:
    """Whether a block of this many quotes is expanded into pairs (`shared_key_counts`)."""
    return 2 <= size <= statements.MAX_BLOCK


def _crossed_members(
    previous: QuoteLedger,
    old_of: Sequence[int | None],
    new_of: dict[int, int],
    choices: Sequence[QuoteChoice],
    changed: set[int],
    blocks: dict[int, list[int]],
) -> set[int]:
    """The quotes of every block that was expanded into pairs and is no longer, or the other way round.

    Only a key that a changed or dropped quote chose, then or now, can have
    changed its block's size."""
    touched: set[int] = set()
    for position in changed:
        touched.update(choices[position][0])
        old = old_of[position]
        if old is not None:
            touched.update(previous.choices[old][0])
    for old, (keys, _) in enumerate(previous.choices):
        if old not in new_of:
            touched.update(keys)
    before: Counter[int] = Counter(k for keys, _ in previous.choices for k in keys if k in touched)
    members: set[int] = set()
    for k in touched:
        now = blocks.get(k, [])
        if _expanded(before[k]) != _expanded(len(now)):
            members.update(now)
    return members


def _kept_verdicts(
    previous: QuoteLedger, new_of: dict[int, int], changed: set[int]
) -> dict[tuple[int, int], QuoteMatch | None]:
    """The previous candidates between two unchanged quotes, at their new positions, with their match (or None)."""
    matched = {(m.first, m.second): m for m in previous.matches}
    kept: dict[tuple[int, int], QuoteMatch | None] = {}
    for pair in previous.candidates:
        first, second = new_of.get(pair[0]), new_of.get(pair[1])
        if first is None or second is None or first in changed or second in changed:
            continue
        match = matched.get(pair)
        kept[(first, second)] = None if match is None else QuoteMatch(first, second, match.similarity, match.words)
    return kept


def _fresh_candidates(
    quotes: Sequence[QuoteText], blocks: dict[int, list[int]], changed: set[int]
) -> list[tuple[int, int]]:
    """The candidate pairs with a changed quote in them, counted over the blocks as `candidate_pairs` does."""
    shared: Counter[tuple[int, int]] = Counter()
    for position in changed:
        for k in quotes[position].keys:
            members = blocks[k]
            if not _expanded(len(members)):
                continue
            for other in members:
                if other == position or (other in changed and other < position):
                    continue  # a pair of two changed quotes is counted from its first
                shared[(min(position, other), max(position, other))] += 1
    found = []
    for (first, second), count in shared.items():
        a, b = quotes[first], quotes[second]
        if a.article != b.article and worth_comparing(a, b, count):
            found.append((first, second))
    return found
