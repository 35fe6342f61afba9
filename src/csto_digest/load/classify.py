"""Themes of one article: a theme holds it when enough of its sentences are about it.

Matching is per sentence, not per article, so a list of member states in one
sentence and the word "suspension" in another never add up to a theme. Each
hit keeps the sentence that earned it as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..model import Evidence, Theme, ThemeHit
from .clues import Clues, clues, clues_of_any, is_local, lowered, may_match
from .guard import guarded
from .text import sentences


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(guarded(re.compile(p, re.IGNORECASE)) for p in patterns)


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The patterns as one alternation: one search instead of one per pattern."""
    return guarded(re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))


@dataclass(frozen=True)
class _Rules:
    """A theme's patterns compiled, each with the clues that rule a text out before its regex runs."""

    patterns: re.Pattern[str]
    clues: Clues
    requires: tuple[tuple[re.Pattern[str], Clues], ...]
    excludes: tuple[re.Pattern[str], ...]
    local: bool  # the patterns and requirements look at nothing outside what they match

    def may_hold(self, text: str, lower: str | None) -> bool:
        """Whether any sentence of `text` could count: its patterns and requirements match the text.

        Local patterns that match a sentence match the whole text too, so for
        them the sentences alone decide and the clues are enough here."""
        if not may_match(self.clues, lower) or not all(may_match(c, lower) for _, c in self.requires):
            return False
        if self.local:
            return True
        return all(p.search(text) for p, _ in self.requires) and self.patterns.search(text) is not None

    def within(self, lower: str | None) -> _Rules:
        """These rules with only the clues the lower-cased text `lower` holds, for its sentences.

        A clue the whole text lacks is in none of its sentences (`lowered` keeps
        every letter in its place, and clues are ASCII), so testing a sentence for
        it can only fail: with it gone, each sentence is tested for a clue or two."""
        if lower is None:
            return self
        requires = tuple((pattern, _present(own, lower)) for pattern, own in self.requires)
        return _Rules(self.patterns, _present(self.clues, lower), requires, self.excludes, self.local)

    def counts(self, sentence: str, lower: str | None) -> bool:
        """The sentence matches a pattern and every requirement, and no exclusion.

        Every clue is looked for before any regex runs: a sentence with a pattern's
        word but without the required one ("member" but not "Armenia") is not searched."""
        return (
            may_match(self.clues, lower)
            and all(may_match(c, lower) for _, c in self.requires)
            and self.patterns.search(sentence) is not None
            and all(p.search(sentence) for p, _ in self.requires)
            and not any(p.search(sentence) for p in self.excludes)
        )


def _present(own: Clues, lower: str) -> Clues:
    return own if own is None else frozenset(clue for clue in own if clue in lower)


@lru_cache(maxsize=64)
def _rules(theme: Theme) -> _Rules:
    return _Rules(
        _any_of(theme.patterns),
        clues_of_any(theme.patterns),
        tuple(zip(_compiled(theme.requires), map(clues, theme.requires), strict=True)),
        _compiled(theme.excludes),
        all(map(is_local, (*theme.patterns, *theme.requires))),
    )


_rules_of_themes: dict[int, tuple[tuple[Theme, ...], tuple[_Rules, ...]]] = {}


def _all_rules(themes: tuple[Theme, ...]) -> tuple[_Rules, ...]:
    """The rules of every theme, found by the tuple's identity: it is the same for every article."""
    cached = _rules_of_themes.get(id(themes))
    if cached is not None and cached[0] is themes:
        return cached[1]
    rules = tuple(_rules(theme) for theme in themes)
    if len(_rules_of_themes) >= 16:
        _rules_of_themes.clear()
    _rules_of_themes[id(themes)] = (themes, rules)  # holding the tuple keeps its id from being reused
    return rules


def sentence_matches(theme: Theme, sentence: str) -> bool:
    return _rules(theme).counts(sentence, lowered(sentence))


def classify(title: str, paragraphs: list[str], themes: tuple[Theme, ...]) -> tuple[ThemeHit, ...]:
    hits: list[ThemeHit] = []
    whole = "\n".join([title, *paragraphs])
    whole_lower = lowered(whole)
    all_sentences: list[tuple[str, str | None]] | None = None  # split only once a theme may hold
    for theme, rules in zip(themes, _all_rules(themes), strict=True):
        # Most themes miss most articles: one look at the whole text rules them out.
        if not rules.may_hold(whole, whole_lower):
            continue
        if all_sentences is None:
            all_sentences = [
                (s, s.lower() if whole_lower is not None else None) for p in [title, *paragraphs] for s in sentences(p)
            ]
        counts = rules.within(whole_lower).counts
        matching = [s for s, lower in all_sentences if counts(s, lower)]
        if len(matching) >= max(1, theme.min_sentences):
            confidence = min(1.0, 0.5 + 0.15 * len(matching))
            hits.append(
                ThemeHit(
                    theme.slug,
                    Evidence(
                        matching[0][:300], "text", round(confidence, 2), note=f"{len(matching)} sentence(s) match"
                    ),
                )
            )
    return tuple(hits)
