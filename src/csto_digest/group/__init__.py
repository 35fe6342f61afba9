"""Group stage: themes, stories and statements over the whole corpus.

`group_articles` takes the loader's records and returns `Groups`. It sorts
the articles by id first, so the same corpus in any order gives the same
groups, and it never compares every pair: see `blocking`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..cache_files import collector_paused
from ..config import Config
from ..model import Article, Groups
from .cache import FeatureCache
from .features import ArticleFeatures, FeatureMemo, article_features, date_order
from .statements import (
    article_statements,
    match_across_corpus,
    match_within_stories,
    quote_texts,
    statement_groups,
    to_statement,
)
from .stories import build_stories, find_links, known_names, story_groups

__all__ = [
    "ArticleFeatures",
    "FeatureCache",
    "FeatureMemo",
    "GroupStats",
    "article_features",
    "group_articles",
    "group_with_stats",
]


@dataclass(frozen=True)
class GroupStats:
    """How much work grouping took, counted rather than timed, so a test can catch quadratic growth."""

    quotes: int
    quote_comparisons: int  # quote pairs compared
    article_comparisons: int  # article pairs weighed for a story
    quote_matches: int


FeaturesOf = Callable[[Article], ArticleFeatures]


def group_articles(
    articles: tuple[Article, ...], config: Config, features: FeaturesOf | FeatureMemo = article_features
) -> Groups:
    """Themes, stories and statements of the corpus.

    `features` makes each article's `ArticleFeatures`. A long-lived process
    can pass one `FeatureMemo` to every call, and a build a `FeatureCache`,
    which keeps them on disk: grouping after an edit then redoes the text work
    of the changed articles only. The default keeps nothing, so a one-off
    call holds no features after."""
    return group_with_stats(articles, config, features)[0]


def group_with_stats(
    articles: tuple[Article, ...], config: Config, features: FeaturesOf | FeatureMemo = article_features
) -> tuple[Groups, GroupStats]:
    """`group_articles`, and the counts of comparisons it made."""
    with collector_paused():
        return _group(articles, config, features)


def _group(
    articles: tuple[Article, ...], config: Config, features: FeaturesOf | FeatureMemo
) -> tuple[Groups, GroupStats]:
    ordered = sorted(articles, key=lambda a: a.id)
    made = features.features(ordered) if isinstance(features, FeatureMemo) else [features(a) for a in ordered]
    counter: Counter[str] = Counter()
    quotes = quote_texts(made)
    evidence = match_across_corpus(quotes, counter)
    shared = article_statements(quotes, evidence)
    links = find_links(ordered, made, shared, counter, known_names(config.registry))
    matches = evidence + match_within_stories(quotes, story_groups(len(ordered), links), evidence, counter)
    found = statement_groups(quotes, matches)
    spans = [frozenset(quotes[q].article for q in s.quotes) for s in found]
    stories = build_stories(ordered, links, spans)
    statements = [to_statement(s, quotes, ordered) for s in found]
    groups = Groups(
        themes=themes_of(ordered, config),
        stories=tuple(sorted(stories, key=lambda s: s.id)),
        statements=tuple(sorted(statements, key=lambda s: s.id)),
    )
    stats = GroupStats(len(quotes), counter["quote_comparisons"], counter["article_comparisons"], len(matches))
    return groups, stats


def themes_of(articles: list[Article], config: Config) -> dict[str, tuple[str, ...]]:
    """Theme slug -> its articles by date, for every declared theme and any other an article carries."""
    members: dict[str, list[Article]] = {theme.slug: [] for theme in config.themes}
    for article in articles:
        for slug in dict.fromkeys(hit.slug for hit in article.themes):
            members.setdefault(slug, []).append(article)
    return {slug: tuple(a.id for a in sorted(found, key=date_order)) for slug, found in members.items()}
