"""Themes of one article: a theme holds it when enough of its sentences are about it.

Matching is per sentence, not per article, so a list of member states in one
sentence and the word "suspension" in another never add up to a theme. Each
hit keeps the sentence that earned it as evidence.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Evidence, Theme, ThemeHit
from .text import sentences


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The patterns as one alternation: one search instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def sentence_matches(theme: Theme, sentence: str) -> bool:
    if theme.requires and not all(p.search(sentence) for p in _compiled(theme.requires)):
        return False
    if theme.excludes and any(p.search(sentence) for p in _compiled(theme.excludes)):
        return False
    return _any_of(theme.patterns).search(sentence) is not None


def classify(title: str, paragraphs: list[str], themes: tuple[Theme, ...]) -> tuple[ThemeHit, ...]:
    all_sentences = [s for p in [title, *paragraphs] for s in sentences(p)]
    hits: list[ThemeHit] = []
    whole = "\n".join([title, *paragraphs])
    for theme in themes:
        # Most themes miss most articles: one search over the whole text rules them out.
        if theme.requires and not all(p.search(whole) for p in _compiled(theme.requires)):
            continue
        if not _any_of(theme.patterns).search(whole):
            continue
        matching = [s for s in all_sentences if sentence_matches(theme, s)]
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
