"""`guard.guarded`: a lookahead of a pattern's first characters changes none of its matches."""

from __future__ import annotations

import random
import re

import pytest

from csto_digest.config import load_config
from csto_digest.load import classify, dates, outlets, quotes
from csto_digest.load.guard import guarded

# Letters case-blind matching treats oddly (ſ ~ s, K ~ k, İ, ı, the Cyrillic ᲁ ~ д), quote marks,
# digits and month names: the strings the loader's patterns care about.
ALPHABET = [
    *"aAbBsSſkKKıİiIяЯдДᲁоОᲂ 0123456789.,-–—/()\"“”«»'’\n:;!?",
    "May", "March", "Sept", "January", "марта", "мая", " said", " told ", "according to ", "Mr. ", "TASS",
    " reports ", "Armenia", "member", "peacekeeping", "we ", "I ", "ministry",
]  # fmt: skip


def _strings(count: int = 3000) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 40))) for _ in range(count)]


def _loader_patterns() -> list[re.Pattern[str]]:
    patterns = [p for p, _ in dates.DATE_PATTERNS] + [outlets._CITING_BEFORE, outlets._OUTLET_WORDS, quotes._VERB]
    patterns += [quotes._SUBJECT_BOUNDARY, quotes._SOURCE_NOUNS, quotes._FIRST_PERSON, quotes._ACCORDING]
    for theme in load_config().themes:
        patterns += [classify._any_of(theme.patterns), *classify._compiled(theme.requires)]
    return patterns


def _matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "source,flags",
    [
        (r"\b(?:said|told|noted)\b", 0),
        (r"(?P<m>january|march|may|мая)\.?,?\s+(?P<y>\d{4})", re.IGNORECASE),
        (r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)", 0),
        (r"\b(?i:reports?|writes)\s+[A-Z]\w*", 0),
        (r"(?:(?:mon|tue)[a-z]*,?\s+)?(?:\d|ſt)", re.IGNORECASE),
        (r"[,;:]|(?<!\bMr)\.|\band\b", 0),
    ],
)
def test_guarded_patterns_match_alike(source: str, flags: int) -> None:
    plain = re.compile(source, flags)
    guard = guarded(plain)
    assert guard is not plain
    for text in _strings():
        assert _matches(guard, text) == _matches(plain, text)


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without the lookahead `guarded` put in front of it."""
    source = pattern.pattern
    if not source.startswith("(?=("):
        return pattern
    inner = source[source.index("]))(?:") + len("]))(?:") : -1]
    return re.compile(inner, pattern.flags)


def test_loader_patterns_match_alike() -> None:
    texts = _strings(1500)
    patterns = _loader_patterns()
    assert sum(_unguarded(p) is not p for p in patterns) >= 10
    for pattern in patterns:
        plain = _unguarded(pattern)
        for text in texts:
            assert _matches(pattern, text) == _matches(plain, text)


def test_left_alone_when_nothing_to_gain_or_unknown() -> None:
    for source, flags in [
        (r"[ ](?:reports|said)\b", 0),  # the engine skips to a space itself
        (r"(?:19|20)\d\d", re.IGNORECASE),  # digits: case does not touch them
        (r"x?", 0),  # can match empty
        (r".said", 0),  # any character first
        (r"[^a-z]said", 0),  # a negated class
        (r"(?i)said", 0),  # global flags must stay first
    ]:
        pattern = re.compile(source, flags)
        assert guarded(pattern) is pattern
