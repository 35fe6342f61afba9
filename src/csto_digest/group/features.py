"""What the grouper compares: normalised word stems, sentences and shingles.

Everything the grouper needs from one article is made once, by
`article_features`, a pure function of the `Article`: the same article always
gives the same `ArticleFeatures`, whatever else is in the corpus. So a caller
that rebuilds after one edit can memoise it by article content and pay the
text work only for the articles that changed; the rest of grouping works on
these small records.

Outlets translate and reword the same interview, so exact text rarely
matches. Comparing crude stems of content words (the first six letters of
each word that is not a function word) makes "participated" meet
"participation" and "organisation" meet "organization", while the order of
the stems still separates different sentences built from the same words.

Hashes are CRC-32 rather than Python's `hash`, which is salted per process:
the grouper must give the same output on every run.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..fragments import FragmentMemo
from ..model import Article

STEM_LENGTH = 6
SHINGLE_SIZE = 3

COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]")
WORD = re.compile(r"[^\W_]+")
# Sentence ends, punctuation included: the words are what is compared, and a
# split on the punctuation itself is faster than one behind a lookbehind.
SENTENCE_BREAK = re.compile(r"[.!?…;][\"'”»’)\]]*\s+")
SENTENCE_END = re.compile(r"[.!?]\s+")
# A capitalised word (or run of them) inside a sentence: not at the start of
# the text nor after a sentence end. The capital comes first and the context is
# checked behind it, so the regex engine can skip to capitals quickly.
NAME = re.compile(r"[A-Z](?<=\W[A-Z])(?<![.!?]\s[A-Z])[\w’'-]{2,}(?:\s+[A-Z][\w’'-]{2,})*")
MIN_BODY_SENTENCE_WORDS = 8  # a body sentence this long is particular enough to index word for word

# Function words carry no evidence that two texts say the same thing.
_FUNCTION_WORDS = (
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each either even ever every few "
    "for from further had has have having he her here hers him his how however i if in into is it its "
    "itself just let like may me might more most must my myself neither no nor not now of off on once one "
    "only or other our ours ourselves out over own per rather same shall she should so some such than "
    "that the their theirs them themselves then there these they this those through thus to too under "
    "until up upon us very was we were what when where whether which while who whom whose why will with "
    "within without would yet you your yours "
)
STOPWORDS = frozenset(_FUNCTION_WORDS.split())


def fold(text: str) -> str:
    """Lower case without accents: `É` and `e` are one letter to a comparison."""
    if text.isascii():
        return text.lower()
    return COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def stems(text: str) -> tuple[str, ...]:
    """The content words of `text`, each cut to its first letters."""
    return _stems(fold(text))


def _stems(folded: str) -> tuple[str, ...]:
    return tuple([w[:STEM_LENGTH] for w in WORD.findall(folded) if w not in STOPWORDS])


def sentences(text: str) -> tuple[tuple[str, ...], ...]:
    """The stems of each sentence of `text`, skipping sentences with no content word."""
    parts = [_stems(part) for part in SENTENCE_BREAK.split(fold(text))]
    return tuple(part for part in parts if part)


class _Codes(dict[str, int]):
    """Word -> stable 32-bit code, computed on first use; a dict, so lookups stay in C."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode("utf-8"))
        return code


_CODES = _Codes()


def word_code(word: str) -> int:
    """A stable 32-bit code of one word, computed once per distinct word."""
    return _CODES[word]


def key(words: Iterable[str]) -> int:
    """A stable 32-bit hash of a run of words."""
    value = 0
    for word in words:
        value = (value * 1000003 ^ word_code(word)) & 0xFFFFFFFF
    return value


def shingles(words: tuple[str, ...], size: int = SHINGLE_SIZE) -> frozenset[int]:
    """Hashes of every run of `size` consecutive words (the whole text if shorter)."""
    if len(words) < size:
        return frozenset((key(words),)) if words else frozenset()
    if size != SHINGLE_SIZE:
        return frozenset(key(words[i : i + size]) for i in range(len(words) - size + 1))
    codes = list(map(_CODES.__getitem__, words))
    return frozenset(
        [((a * 1000003 ^ b) * 1000003 ^ c) & 0xFFFFFFFF for a, b, c in zip(codes, codes[1:], codes[2:], strict=False)]
    )


def date_order(article: Article) -> tuple[bool, str, str]:
    """Earliest first, undated last, then by id: the order of a story's members."""
    return (article.date is None, article.date or "", article.id)


def day_number(article: Article) -> int | None:
    """The article's date as a day count, when it is known to the day."""
    if not article.date or article.date_precision not in ("day", None) or article.date.count("-") != 2:
        return None
    try:
        year, month, day = (int(part) for part in article.date.split("-"))
    except ValueError:
        return None
    try:
        return date(year, month, day).toordinal()
    except ValueError:
        return None


# A sentence as quotes are compared: its distinct stems sorted and joined
# (ready for a ratio), the same stems as a set (for containment), and those
# of them that are numbers.
Sentence = tuple[str, frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class QuoteFeatures:
    """One live quote as the statement matcher needs it.

    Shingles are kept in compact arrays: a big corpus has hundreds of
    thousands of quotes, and a tuple of Python ints costs ten times more."""

    speaker: str | None
    size: int  # content words
    sentences: tuple[Sentence, ...]  # each sentence with a content word, in order
    shingles: tuple[array, ...]  # each sentence's distinct stem trigrams, sorted


@dataclass(frozen=True)
class ArticleFeatures:
    """What grouping reads from one article; see `article_features`."""

    quotes: tuple[QuoteFeatures, ...]  # one per live quote, in order
    day: int | None  # see `day_number`
    speakers: frozenset[str]  # named speakers of live quotes
    themes: frozenset[str]  # theme slugs
    sentence_keys: frozenset[int]  # hashes of long body sentences, word for word
    names: frozenset[str]  # capitalised names inside body sentences, folded


def article_features(article: Article) -> ArticleFeatures:
    """Everything grouping needs from `article`, computed from it alone.

    Pure and deterministic (no salted hashes, no corpus statistics), so the
    result may be cached by article content and reused across builds."""
    live = article.live_quotes
    return ArticleFeatures(
        quotes=tuple(quote_features(q.speaker, q.text) for q in live),
        day=day_number(article),
        speakers=frozenset(q.speaker for q in live if q.speaker),
        themes=frozenset(t.slug for t in article.themes),
        sentence_keys=body_sentence_keys(article.body),
        names=body_names(article.body),
    )


def feature_key(article: Article) -> tuple[object, ...]:
    """Everything `article_features` reads from an article: equal keys give equal features."""
    return (
        tuple((q.speaker, q.text) for q in article.live_quotes),
        article.date,
        article.date_precision,
        tuple(t.slug for t in article.themes),
        article.body,
    )


def memo_key(article: Article) -> object:
    """What `FeatureMemo` keeps an article's features under: its token (see `Article.token`),
    which changes whenever the record does, or, for a record without one, `feature_key`."""
    return article.token or feature_key(article)


class FeatureMemo:
    """`article_features`, remembered from one grouping to the next.

    A long-lived process (`serve`, rebuilding on every edit) groups the same
    corpus again and again; passing one memo to every `group_articles` call,
    only the articles whose text changed are worked through again. Only the
    last call's features are kept, so memory stays at one corpus's features
    however long the process runs. (`cache.FeatureCache` keeps them on disk too.)

    The body similarities of candidate copies are kept alongside (`pairs`),
    under the two articles' tokens: comparing their words was the largest share
    of finding links after an edit (0.4 s at ten thousand articles), though an
    edit changes one article's pairs. So are the comparisons of quotes inside
    stories (`quote_pairs`, see `statements.remembered_comparisons`)."""

    def __init__(self) -> None:
        self._previous: dict[object, ArticleFeatures] = {}
        self.pairs = FragmentMemo()
        self.quote_pairs = FragmentMemo()

    def grouped(self) -> None:
        """Called once a grouping is done: the pairs it asked for become the ones kept."""
        self.pairs.save()
        self.quote_pairs.save()

    def features(self, articles: Iterable[Article]) -> list[ArticleFeatures]:
        """The features of `articles`, in order; they become the generation kept."""
        current: dict[object, ArticleFeatures] = {}
        made = []
        for article in articles:
            key = memo_key(article)
            found = current.get(key) or self._previous.get(key)
            if found is None:
                found = article_features(article)
            current[key] = found
            made.append(found)
        self._previous = current
        return made


def quote_features(speaker: str | None, text: str) -> QuoteFeatures:
    """The stems and shingles of each sentence of one quote."""
    parts = sentences(text)
    return QuoteFeatures(
        speaker=speaker,
        size=sum(len(part) for part in parts),
        sentences=tuple(compared_sentence(part) for part in parts),
        shingles=tuple(sorted_shingles(part) for part in parts),
    )


def sorted_shingles(words: tuple[str, ...]) -> array:
    """`shingles(words)`, sorted, in a compact array."""
    if len(words) < SHINGLE_SIZE:
        return array("I", [key(words)] if words else [])
    c = list(map(_CODES.__getitem__, words))
    found = {((x * 1000003 ^ y) * 1000003 ^ z) & 0xFFFFFFFF for x, y, z in zip(c, c[1:], c[2:], strict=False)}
    return array("I", sorted(found))


_NO_NUMBERS: frozenset[str] = frozenset()


def compared_sentence(stems: tuple[str, ...]) -> Sentence:
    """One sentence's stems as `Sentence`."""
    distinct = sorted(set(stems))
    joined = " ".join(distinct)
    if joined.replace(" ", "").isalpha():  # no digit anywhere (the usual case): skip the per-word test
        return joined, frozenset(distinct), _NO_NUMBERS
    return joined, frozenset(distinct), frozenset([w for w in distinct if w[0].isdigit()])


def body_sentence_keys(body: Iterable[str]) -> frozenset[int]:
    """Hashes of the body's sentences long enough to be particular to it, word for word (case aside)."""
    found = set()
    for paragraph in body:
        for sentence in SENTENCE_END.split(fold(paragraph)):
            words = WORD.findall(sentence)
            if len(words) >= MIN_BODY_SENTENCE_WORDS:
                found.add(zlib.crc32(" ".join(words).encode("utf-8")))
    return frozenset(found)


def body_names(body: Iterable[str]) -> frozenset[str]:
    """Capitalised names inside sentences (not the first word of one), folded."""
    return frozenset(fold(match) for paragraph in body for match in NAME.findall(paragraph))


def body_words(body: Iterable[str]) -> tuple[str, ...]:
    """Every word of the body, folded, in order."""
    return tuple(WORD.findall(fold("\n".join(body))))
