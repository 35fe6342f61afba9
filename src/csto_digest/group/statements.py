"""Statements: the same words carried by several articles, matched quote to quote.

Two outlets rarely print a quotation identically: one translates "commitments",
the other "obligations"; one cuts a sentence the other keeps; one splits a
passage into two quotes. So quotes are compared sentence by sentence, on the
stems of their content words: a sentence of the shorter quote is matched when
some sentence of the other says nearly the same words (in any order), or
holds all of them. Two quotes are one statement when enough of the shorter
one is matched.

Across the corpus, candidates come from blocking on rare three-word shingles
(and on shingles rare in one speaker's quotes), never from all pairs. A
sentence none of whose shingles is rare ("the situation on the border remains
tense", said by everyone every month) is a formula: it proves nothing across
the corpus. Inside one story, where the articles are already known to report
one interview, formulas count too: there they are the same words.
"""

from __future__ import annotations

import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..fragments import FragmentMemo
from ..model import Article, Statement, StatementMember
from .blocking import UnionFind, rarest_keys, shared_key_counts
from .features import ArticleFeatures, QuoteFeatures, Sentence, date_order

KEYS_PER_QUOTE = 8  # the rarest shingles a quote is indexed under
MAX_BLOCK = 40  # quotes sharing one key, above which the key is not used for blocking
SAME_WEEK = 7  # quotes dated this close (or undated) are compared when they share one key...
NEAR_DAYS = 31  # ...this close, two keys...
FAR_SHARED_SHINGLES = 3  # ...further apart, this many distinct shingles
FORMULA_SHARE = 0.01  # a sentence whose typical (median) shingle is in more than this share of quotes...
FORMULA_MIN = 30  # ...(and more than this many) is a formula
MIN_SENTENCE_WORDS = 3  # shorter sentences ("We agree.") prove nothing
SENTENCE_SIMILARITY = 0.76  # a sentence matches one of the other quote at this score
CUTOFF = 100 * SENTENCE_SIMILARITY - 1e-6  # rapidfuzz's percent: it gives 0 below, and gets there faster
CONTAINED_WORDS = 6  # a sentence this long counts as held inside a longer one when its words are there
MIN_MATCHED_WORDS = 6  # content words matched, at the least
MIN_COVERAGE = 0.5  # share of the shorter quote's words matched...
LONG_MATCH_WORDS = 14  # ...unless this many words match (one passage quoted inside a longer one)
CONFLICT_SIMILARITY = 0.9  # words given to two different people must match this closely
MAX_SPEAKERS = 2  # one statement is one person's words; two is a conflicting attribution, more is a formula
MAX_MEMBERS = 60  # quotes in one statement: a bigger chain has drifted from the words it started with
STORY_QUOTES = 60  # quotes of one story compared all with all; a bigger story compares neighbours


@dataclass(frozen=True)
class QuoteText:
    """One live quote as the matcher sees it."""

    article: int  # position in the grouper's article list
    index: int  # index into that article's live quotes
    speaker: str | None
    sentences: tuple[Sentence, ...]  # every sentence, as `sentence_similarity` reads it
    size: int  # content words
    parts: tuple[Sentence, ...]  # the sentences long enough to count (`MIN_SENTENCE_WORDS`)...
    words: int  # ...and their distinct words
    rare_parts: tuple[Sentence, ...]  # those of them that are not formulas...
    rare_words: int  # ...and their distinct words
    keys: tuple[int, ...]  # the blocking keys chosen for it
    shingle_keys: frozenset[int]  # their plain shingles: a speaker-tied key and its plain one are one shingle
    day: int | None  # the article's day number, when known


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


QuoteChoice = tuple[tuple[int, ...], tuple[bool, ...]]  # a quote's blocking keys, and which sentences are rare


def quote_choices(features: Sequence[ArticleFeatures]) -> list[QuoteChoice]:
    """What the corpus decides for each live quote: its blocking keys, and which of its sentences are formulas.

    Two passes: the first counts in how many quotes each key occurs, the
    second uses the counts to mark formulas and pick blocking keys."""
    frequency, drafts = key_frequency(features)
    formula = formula_frequency(len(drafts))
    return [choose(quote, keys, frequency, formula) for quote, keys in drafts]


Draft = tuple[QuoteFeatures, array]  # a live quote and its keys (`quote_keys`), compact


def key_frequency(features: Sequence[ArticleFeatures]) -> tuple[Counter[int], list[Draft]]:
    """In how many live quotes each key occurs, and every live quote with its keys, in article order."""
    drafts: list[Draft] = []
    frequency: Counter[int] = Counter()
    for article in features:
        for quote in article.quotes:
            keys = quote_keys(quote)
            frequency.update(keys)
            drafts.append((quote, array("Q", keys)))  # compact till the second pass
    return frequency, drafts


def formula_frequency(quotes: int) -> int:
    """The number of quotes a sentence's typical shingle must be in, past which it is a formula."""
    return max(FORMULA_MIN, int(FORMULA_SHARE * quotes))


def quote_keys(quote: QuoteFeatures) -> set[int]:
    """Plain shingles, and the same shingles tied to the speaker (each its own key)."""
    plain = {k for part in quote.shingles for k in part}
    if quote.speaker:
        code = speaker_code(quote.speaker)
        return plain | {code | k for k in plain}
    return plain


SHINGLE_BITS = 0xFFFFFFFF  # a key's plain shingle; the bits above are its speaker's


@lru_cache(maxsize=65536)
def speaker_code(speaker: str) -> int:
    """A speaker's name moved above the range of plain shingles, to be or-ed with one."""
    return zlib.crc32(speaker.encode("utf-8")) << 32


def quote_texts_chosen(features: Sequence[ArticleFeatures], choices: Sequence[QuoteChoice]) -> list[QuoteText]:
    """Every live quote of every article, in article order, with what the corpus chose for it (`quote_choices`).

    The choices are the only part of a quote that depends on the rest of the
    corpus; the rest is the quote's own features. So a kept quote stage need
    keep only these, a few numbers per quote, and not a second copy of every
    quote's sentences."""
    made = []
    chosen = iter(choices)
    for position, article in enumerate(features):
        for index, quote in enumerate(article.quotes):
            made.append(_quote_text(position, index, article.day, quote, *next(chosen)))
    if next(chosen, None) is not None:
        raise ValueError("more quote choices than quotes")
    return made


def choose(quote: QuoteFeatures, keys: Iterable[int], frequency: Counter[int], formula: int) -> QuoteChoice:
    """A quote's rarest blocking keys, and whether each sentence is rare (not a formula)."""
    chosen = tuple(rarest_keys(keys, frequency, KEYS_PER_QUOTE, MAX_BLOCK))
    rare = tuple(_median(sorted(map(frequency.__getitem__, part))) <= formula for part in quote.shingles)
    return chosen, rare


def _quote_text(
    article: int,
    index: int,
    day: int | None,
    quote: QuoteFeatures,
    chosen: tuple[int, ...],
    rare: tuple[bool, ...],
) -> QuoteText:
    """One quote's `QuoteText`. Made for every quote of the corpus on every build (from a kept
    quote stage too), so written as one loop over the sentences: 0.11 s for the 25,753 quotes
    of 10,000 articles, from 0.14."""
    sentences = quote.sentences
    parts: list[Sentence] = []
    rare_parts: list[Sentence] = []
    words = rare_words = 0
    for sentence, is_rare in zip(sentences, rare, strict=True):  # choices that do not fit: ValueError
        count = len(sentence[1])
        if count >= MIN_SENTENCE_WORDS:
            parts.append(sentence)
            words += count
            if is_rare:
                rare_parts.append(sentence)
                rare_words += count
    return QuoteText(
        article=article,
        index=index,
        speaker=quote.speaker,
        sentences=sentences,
        size=quote.size,
        parts=tuple(parts),
        words=words,
        rare_parts=tuple(rare_parts),
        rare_words=rare_words,
        keys=chosen,
        shingle_keys=frozenset(map(SHINGLE_BITS.__and__, chosen)),
        day=day,
    )


def _median(ordered: Sequence[int]) -> float:
    """The median of a sorted, non-empty list (`statistics.median`, without its overhead)."""
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def candidate_pairs(quotes: Sequence[QuoteText]) -> list[tuple[int, int]]:
    """Pairs of quotes in different articles worth comparing (see `worth_comparing`).

    One shared rare shingle is weak evidence in a big corpus, where the same
    three words turn up in unrelated quotes years apart; it is enough only
    for quotes dated within `SAME_WEEK` (or undated). Within `NEAR_DAYS`, two
    shared keys are asked for. Quotes further apart can only be one
    statement when nearly word for word (see `match_across_corpus`), so they
    must share `FAR_SHARED_SHINGLES` distinct shingles."""
    pairs = shared_key_counts([q.keys for q in quotes], MAX_BLOCK)
    found = []
    for (first, second), shared in pairs.items():
        a, b = quotes[first], quotes[second]
        if a.article == b.article:
            continue
        if worth_comparing(a, b, shared):
            found.append((first, second))
    return sorted(found)


def worth_comparing(a: QuoteText, b: QuoteText, shared: int) -> bool:
    """Whether two quotes sharing `shared` blocking keys are close enough in time and words to compare."""
    if a.day is None or b.day is None or abs(a.day - b.day) <= SAME_WEEK:
        return True
    if abs(a.day - b.day) <= NEAR_DAYS:
        return shared >= min(2, len(a.keys), len(b.keys))
    short = a if a.size <= b.size else b  # as `compare` picks it: far apart, its words must reach a close match
    return (
        shared >= 2
        and short.rare_words >= LONG_MATCH_WORDS
        and len(a.shingle_keys & b.shingle_keys) >= min(FAR_SHARED_SHINGLES, len(a.keys), len(b.keys))
    )


def near_in_time(first: int | None, second: int | None) -> bool:
    """True when two days are within `NEAR_DAYS`, or either is unknown."""
    return first is None or second is None or abs(first - second) <= NEAR_DAYS


def sentence_similarity(a: Sentence, b: Sentence) -> float:
    """0..1: the same words in any order, or all of the shorter sentence inside the longer.

    When both sentences hold numbers, the numbers must agree: "1,600
    kilograms" and "1,150 kilograms" in one sentence frame are two reports,
    not two wordings of one. Scores below `SENTENCE_SIMILARITY` are only
    ever compared with it, so rapidfuzz may cut them to 0."""
    text_a, words_a, numbers_a = a
    text_b, words_b, numbers_b = b
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return 0.0
    score = fuzz.ratio(text_a, text_b, score_cutoff=CUTOFF) / 100
    if score < SENTENCE_SIMILARITY:
        shorter = min(len(words_a), len(words_b))
        if shorter >= CONTAINED_WORDS:
            score = max(score, len(words_a & words_b) / shorter - 0.1)
    return score


def compare(a: QuoteText, b: QuoteText, formulas_count: bool) -> tuple[float, int] | None:
    """(similarity, words matched) of two quotes, or None when they are not one statement.

    Stops as soon as the sentences left could not reach the words needed."""
    short, long = (a, b) if a.size <= b.size else (b, a)
    need = max(MIN_MATCHED_WORDS, min(LONG_MATCH_WORDS, MIN_COVERAGE * short.size))
    eligible = short.parts if formulas_count else short.rare_parts
    left = short.words if formulas_count else short.rare_words
    matched = 0
    scores: list[float] = []
    for part in eligible:
        if matched + left < need:
            return None
        words = len(part[1])
        left -= words
        best = 0.0
        for other in long.sentences:
            score = sentence_similarity(part, other)
            if score > best:
                best = score
        if best >= SENTENCE_SIMILARITY:
            matched += words
            scores.append(best)
    if matched < need:
        return None
    return round(min(1.0, sum(scores) / len(scores)), 2), matched


Compared = Callable[[QuoteText, QuoteText], tuple[float, int] | None]


def compare_pairs(
    quotes: Sequence[QuoteText],
    pairs: Iterable[tuple[int, int]],
    formulas_count: bool,
    counter: Counter[str],
    compared: Compared | None = None,
) -> list[QuoteMatch]:
    """The matching pairs among `pairs`; `counter` records the pairs weighed.

    `compared`, when given, stands for `compare(a, b, formulas_count)` (a
    remembered result, see `remembered_comparisons`)."""
    matches = []
    for first, second in pairs:
        counter["quote_comparisons"] += 1
        a, b = quotes[first], quotes[second]
        found = compared(a, b) if compared is not None else compare(a, b, formulas_count)
        if found and (same_speaker(a, b) or closely(found)):
            matches.append(QuoteMatch(first, second, found[0], found[1]))
    return matches


def remembered_comparisons(tokens: Sequence[str | None], kept: FragmentMemo) -> Compared:
    """`compare(a, b, formulas_count=True)`, kept in `kept` under each quote's article token and index.

    Counting formulas, a comparison reads only the two quotes' own sentences
    and speakers, never what the rest of the corpus decided about them (which
    sentences are rare), so an article's token and the quote's place in it say
    everything the result depends on. After an edit, the 35,000 pairs inside
    stories of a ten-thousand-article corpus are read back rather than compared
    again (the group stage's median went from 2.90 to 2.63 s). `tokens` are by
    article position; a quote of an article without a token (made outside the
    loader) is always compared."""

    def compared(a: QuoteText, b: QuoteText) -> tuple[float, int] | None:
        first, second = tokens[a.article], tokens[b.article]
        if not (first and second):
            return compare(a, b, True)
        found = kept.get((first, a.index, second, b.index), lambda: compare(a, b, True) or ())
        return found or None  # () stands for "not one statement": the memo takes None for "not kept"

    return compared


def same_speaker(a: QuoteText, b: QuoteText) -> bool:
    """True unless both quotes name a speaker and the names differ."""
    return not (a.speaker and b.speaker and a.speaker != b.speaker)


def closely(found: tuple[float, int]) -> bool:
    """A match close and long enough to join quotes that name different speakers."""
    return found[0] >= CONFLICT_SIMILARITY and found[1] >= LONG_MATCH_WORDS


def match_across_corpus(quotes: Sequence[QuoteText], counter: Counter[str]) -> list[QuoteMatch]:
    """Matches found by blocking over the whole corpus, on rare words only.

    Outlets reword and translate a statement in the days after it is made;
    the same sentences from one speaker months apart are a stock phrase
    with new particulars, so far apart in time only a close match counts."""
    return across_corpus_evidence(quotes, compare_pairs(quotes, candidate_pairs(quotes), False, counter))


def across_corpus_evidence(quotes: Sequence[QuoteText], matches: Sequence[QuoteMatch]) -> list[QuoteMatch]:
    """Of the matches across the corpus, those that hold as evidence: timely, or close, and anchored."""
    timely = [m for m in matches if near_in_time(quotes[m.first].day, quotes[m.second].day) or closely_matched(m)]
    return anchored(quotes, timely)


def closely_matched(match: QuoteMatch) -> bool:
    return closely((match.similarity, match.words))


def anchored(quotes: Sequence[QuoteText], matches: Sequence[QuoteMatch]) -> list[QuoteMatch]:
    """The matches, less those of an undated quote far in time from its best match.

    An undated quote is compared with quotes of every date, and in a big
    corpus its stock phrases meet many other statements. It takes the date
    of its closest dated match, and keeps only the dated matches within
    `NEAR_DAYS` of that date (or close enough to count at any distance)."""
    anchor: dict[int, int] = {}
    for match in sorted(matches, key=lambda m: (-m.similarity, -m.words, m.first, m.second)):
        for own, other in ((match.first, match.second), (match.second, match.first)):
            day = quotes[other].day
            if quotes[own].day is None and day is not None and own not in anchor:
                anchor[own] = day
    kept = []
    for match in matches:
        sides = ((match.first, match.second), (match.second, match.first))
        if closely_matched(match) or all(_near_anchor(anchor.get(own), quotes[other].day) for own, other in sides):
            kept.append(match)
    return kept


def _near_anchor(anchor: int | None, day: int | None) -> bool:
    return anchor is None or day is None or abs(anchor - day) <= NEAR_DAYS


def story_pairs(quotes: Sequence[QuoteText], stories: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs of quotes from different articles of one story.

    `stories` lists article positions. A story with more quotes than
    `STORY_QUOTES` compares each quote with its next `STORY_QUOTES` only."""
    by_article: dict[int, list[int]] = {}
    for position, quote in enumerate(quotes):
        by_article.setdefault(quote.article, []).append(position)
    pairs = []
    for story in stories:
        members = [q for article in sorted(story) for q in by_article.get(article, [])]
        for x, first in enumerate(members):
            for second in members[x + 1 : x + 1 + STORY_QUOTES]:
                if quotes[first].article != quotes[second].article:
                    pairs.append((first, second))
    return pairs


def match_within_stories(
    quotes: Sequence[QuoteText],
    stories: Sequence[Sequence[int]],
    known: Iterable[QuoteMatch],
    counter: Counter[str],
    compared: Compared | None = None,
) -> list[QuoteMatch]:
    """Matches between articles already known to report one event, formulas included.

    Inside one story, two translations of the same words by one speaker share
    few exact words ("equipment, weapons" against "hardware, arms"), so a
    looser test applies there: see `translation_matches`. `compared` may stand
    for the comparison (see `remembered_comparisons`)."""
    known = list(known)
    done = {(m.first, m.second) for m in known}
    todo = [p for p in story_pairs(quotes, stories) if p not in done]
    strict = compare_pairs(quotes, todo, True, counter, compared)
    matched = {q for m in (*known, *strict) for q in (m.first, m.second)}
    loose = [p for p in todo if p[0] not in matched and p[1] not in matched]
    return strict + translation_matches(quotes, loose)


LOOSE_OVERLAP = 0.3  # share of the smaller quote's stems the other has, inside one story
LOOSE_SHARED = 3  # stems shared, at the least...
LOOSE_SHORT_SHARED = 2  # ...unless the smaller quote has fewer: then all of its stems, and at least this many
LOOSE_MAX_STEMS = 16  # the smaller quote at most this long: long quotes share common words by chance


def _enough_shared(shared: int, smaller: int) -> bool:
    """Whether two quotes of one speaker in one story share enough stems to be one statement translated twice.

    A quote of two content words (`"We will leave. We will decide when to leave"`: leave,
    decide) can never share `LOOSE_SHARED`, so it must share both of them with the
    other ("We are going to leave; we will decide when")."""
    if smaller < LOOSE_SHARED:
        return smaller >= LOOSE_SHORT_SHARED and shared == smaller
    return shared >= LOOSE_SHARED and shared / smaller >= LOOSE_OVERLAP


def _stem_set(quote: QuoteText) -> frozenset[str]:
    return frozenset().union(*(words for _, words, _ in quote.sentences))


def translation_matches(quotes: Sequence[QuoteText], pairs: Sequence[tuple[int, int]]) -> list[QuoteMatch]:
    """Quotes of one named speaker, in two articles of one story, that share enough
    stems (and the same numbers, if any). Only quotes nothing else matched, only
    short ones, and only where each is the other's best match between the two
    articles, so one quote never pairs with two."""
    scored: list[tuple[float, int, int, int]] = []
    for first, second in pairs:
        a, b = quotes[first], quotes[second]
        if not (a.speaker and a.speaker == b.speaker):
            continue
        stems_a, stems_b = _stem_set(a), _stem_set(b)
        numbers_a = {w for w in stems_a if w[0].isdigit()}
        numbers_b = {w for w in stems_b if w[0].isdigit()}
        if numbers_a != numbers_b:
            continue
        shared = stems_a & stems_b
        smaller = min(len(stems_a), len(stems_b))
        if smaller > LOOSE_MAX_STEMS or not _enough_shared(len(shared), smaller):
            continue
        scored.append((round(len(shared) / smaller, 2), len(shared), first, second))
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (quote, other article) -> best partner
    for score, _, first, second in scored:
        for own, other in ((first, second), (second, first)):
            slot = (own, quotes[other].article)
            if slot not in best or (score, -other) > (best[slot][0], -best[slot][1]):
                best[slot] = (score, other)
    matches = []
    for score, shared, first, second in sorted(scored, key=lambda item: (item[2], item[3])):
        mutual = (
            best[(first, quotes[second].article)][1] == second and best[(second, quotes[first].article)][1] == first
        )
        if mutual:
            matches.append(QuoteMatch(first, second, score, shared))
    return matches


def statement_groups(quotes: Sequence[QuoteText], matches: Sequence[QuoteMatch]) -> list[StatementFound]:
    """Matched quotes joined into statements that span at least two articles.

    The closest matches are joined first, and a join that would give one
    statement more than `MAX_SPEAKERS` speakers or `MAX_MEMBERS` quotes is
    refused: fuzzy matches chain (A like B, B like C), and a chain through
    many people's words is a formula, not a statement."""
    sets = UnionFind(len(quotes))
    speakers: dict[int, frozenset[str]] = {}
    sizes: dict[int, int] = {}
    for position, quote in enumerate(quotes):
        speakers[position] = frozenset((quote.speaker,)) if quote.speaker else frozenset()
        sizes[position] = 1
    joined: list[QuoteMatch] = []
    for match in sorted(matches, key=lambda m: (-m.similarity, -m.words, m.first, m.second)):
        a, b = sets.find(match.first), sets.find(match.second)
        if a == b:
            joined.append(match)
            continue
        together = speakers[a] | speakers[b]
        if len(together) > MAX_SPEAKERS or sizes[a] + sizes[b] > MAX_MEMBERS:
            continue
        sets.union(a, b)
        speakers[sets.find(a)] = together
        sizes[sets.find(a)] = sizes[a] + sizes[b]
        joined.append(match)
    similarity: dict[int, list[float]] = {}
    for match in joined:
        similarity.setdefault(sets.find(match.first), []).append(match.similarity)
    found = []
    for group in sets.groups():
        if len({quotes[q].article for q in group}) < 2:
            continue
        scores = similarity[sets.find(group[0])]
        found.append(StatementFound(tuple(group), round(min(scores), 2)))
    return found


def article_statements(quotes: Sequence[QuoteText], matches: Sequence[QuoteMatch]) -> dict[tuple[int, int], set[int]]:
    """(article, article) -> the statements (numbered by their first quote) matched directly between them.

    Built from the matches, not from the statements' members, so a long chain
    of quotes never turns into all the pairs of its articles."""
    sets = UnionFind(len(quotes))
    for match in matches:
        sets.union(match.first, match.second)
    pairs: dict[tuple[int, int], set[int]] = {}
    for match in matches:
        a, b = quotes[match.first].article, quotes[match.second].article
        pairs.setdefault((min(a, b), max(a, b)), set()).add(sets.find(match.first))
    return pairs


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
