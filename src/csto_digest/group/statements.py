"""Statements: the same words carried by several articles, matched quote to quote.

Two outlets rarely print a quotation identically: one translates "commitments",
the other "obligations"; one cuts a sentence the other keeps; one splits a
passage into two quotes. So quotes are compared sentence by sentence, on the
stems of their content words: a sentence of the shorter quote is matched when
some sentence of the other says nearly the same words (in any order), or
holds all of them. Two quotes are one statement when enough of the shorter
one is matched.

Candidates come from blocking on rare three-word shingles, never from all
pairs. A sentence that many quotes carry word for word ("the CSTO is a
regional security alliance") is a formula and is not evidence on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Article, Statement, StatementMember
from .blocking import UnionFind, document_frequency, rarest_keys, shared_key_counts
from .features import date_order, key, sentences, shingles

KEYS_PER_QUOTE = 8  # the rarest shingles a quote is indexed under
MAX_BLOCK = 40  # quotes sharing one shingle, above which it is a formula, not a lead
FORMULA_COUNT = 25  # quotes carrying one sentence word for word, above which it is a formula
MIN_SENTENCE_WORDS = 3  # shorter sentences ("We agree.") prove nothing
SENTENCE_SIMILARITY = 0.72  # a sentence matches one of the other quote at this score
MIN_MATCHED_WORDS = 6  # content words matched, at the least
MIN_COVERAGE = 0.5  # share of the shorter quote's words matched...
LONG_MATCH_WORDS = 14  # ...unless this many words match (one passage quoted inside a longer one)


@dataclass(frozen=True)
class QuoteText:
    """One live quote as the matcher sees it."""

    article: int  # position in the grouper's article list
    index: int  # index into that article's live quotes
    speaker: str | None
    sentences: tuple[tuple[str, ...], ...]
    size: int  # content words
    keys: frozenset[int]  # shingles


@dataclass(frozen=True)
class QuoteMatch:
    first: int  # positions in the quote list
    second: int
    similarity: float
    words: int  # content words matched


@dataclass(frozen=True)
class StatementFound:
    """A statement with its members as positions in the quote list."""

    quotes: tuple[int, ...]
    similarity: float


def quote_texts(articles: Sequence[Article]) -> list[QuoteText]:
    """Every live quote of every article, in article order."""
    found: list[QuoteText] = []
    for position, article in enumerate(articles):
        for index, quote in enumerate(article.live_quotes):
            parts = sentences(quote.text)
            words = tuple(w for part in parts for w in part)
            found.append(QuoteText(position, index, quote.speaker, parts, len(words), shingles(words)))
    return found


def candidate_pairs(quotes: Sequence[QuoteText]) -> list[tuple[int, int]]:
    """Pairs of quotes in different articles that share a rare shingle."""
    frequency = document_frequency(q.keys for q in quotes)
    chosen = [rarest_keys(q.keys, frequency, KEYS_PER_QUOTE, MAX_BLOCK) for q in quotes]
    pairs = shared_key_counts(chosen, MAX_BLOCK)
    return sorted(p for p in pairs if quotes[p[0]].article != quotes[p[1]].article)


def formula_sentences(quotes: Sequence[QuoteText]) -> frozenset[int]:
    """Sentences carried word for word by so many quotes that they prove nothing."""
    counts: Counter[int] = Counter()
    for quote in quotes:
        counts.update({key(s) for s in quote.sentences})
    return frozenset(k for k, n in counts.items() if n > FORMULA_COUNT)


def sentence_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """0..1: the same words in any order, or all of the shorter sentence inside the longer."""
    score = fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100
    shorter = min(len(set(a)), len(set(b)))
    if score < SENTENCE_SIMILARITY and shorter >= MIN_SENTENCE_WORDS + 2:
        score = max(score, len(set(a) & set(b)) / shorter - 0.1)
    return score


def compare(a: QuoteText, b: QuoteText, formulas: frozenset[int]) -> QuoteMatch | None:
    """The match between two quotes, or None when they are not one statement."""
    short, long = (a, b) if a.size <= b.size else (b, a)
    matched = 0
    scores: list[float] = []
    for sentence in short.sentences:
        if len(sentence) < MIN_SENTENCE_WORDS or key(sentence) in formulas:
            continue
        best = max((sentence_similarity(sentence, other), other) for other in long.sentences)
        if best[0] >= SENTENCE_SIMILARITY and key(best[1]) not in formulas:
            matched += len(sentence)
            scores.append(best[0])
    if matched < MIN_MATCHED_WORDS:
        return None
    if matched < LONG_MATCH_WORDS and matched < MIN_COVERAGE * short.size:
        return None
    return QuoteMatch(0, 0, round(min(1.0, sum(scores) / len(scores)), 2), matched)


def match_quotes(quotes: Sequence[QuoteText], counter: Counter[str]) -> list[QuoteMatch]:
    """Every matching pair among the candidates; `counter` records the comparisons made."""
    formulas = formula_sentences(quotes)
    matches: list[QuoteMatch] = []
    pairs = candidate_pairs(quotes)
    counter["quote_comparisons"] += len(pairs)
    for first, second in pairs:
        found = compare(quotes[first], quotes[second], formulas)
        if found:
            matches.append(QuoteMatch(first, second, found.similarity, found.words))
    return matches


def statement_groups(quotes: Sequence[QuoteText], matches: Sequence[QuoteMatch]) -> list[StatementFound]:
    """Matched quotes joined into statements that span at least two articles."""
    sets = UnionFind(len(quotes))
    for match in matches:
        sets.union(match.first, match.second)
    similarity: dict[int, list[float]] = {}
    for match in matches:
        similarity.setdefault(sets.find(match.first), []).append(match.similarity)
    found = []
    for group in sets.groups():
        if len({quotes[q].article for q in group}) < 2:
            continue
        scores = similarity[sets.find(group[0])]
        found.append(StatementFound(tuple(group), round(min(scores), 2)))
    return found


def to_statement(found: StatementFound, quotes: Sequence[QuoteText], articles: Sequence[Article]) -> Statement:
    """The model record: members earliest first, speakers most attributed first, id from the earliest member."""
    members = sorted(found.quotes, key=lambda q: (date_order(articles[quotes[q].article]), quotes[q].index))
    speakers = Counter(quotes[q].speaker for q in members if quotes[q].speaker)
    first = quotes[members[0]]
    return Statement(
        id=f"{articles[first.article].id}-q{first.index + 1}",
        members=tuple(StatementMember(articles[quotes[q].article].id, quotes[q].index) for q in members),
        speakers=tuple(name for name, _ in sorted(speakers.items(), key=lambda item: (-item[1], item[0]))),
        similarity=found.similarity,
    )
