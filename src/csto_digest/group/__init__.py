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
from .quote_stage import QuoteStageFile, QuoteStageMemo, match_quotes
from .statements import match_within_stories, remembered_comparisons, statement_groups, to_statement
from .stories import build_stories, find_links, known_names, story_groups

__all__ = [
    "ArticleFeatures",
    "FeatureCache",
    "FeatureMemo",
    "GroupStats",
    "QuoteStageFile",
    "QuoteStageMemo",
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
    articles: tuple[Article, ...],
    config: Config,
    features: FeaturesOf | FeatureMemo = article_features,
    quote_memo: QuoteStageMemo | None = None,
) -> Groups:
    """Themes, stories and statements of the corpus.

    `features` makes each article's `ArticleFeatures`. A long-lived process
    can pass one `FeatureMemo` to every call, and a build a `FeatureCache`,
    which keeps them on disk: grouping after an edit then redoes the text work
    of the changed articles only. Likewise `quote_memo` (a `QuoteStageFile`
    for a build) keeps the quote stage, reused while no quote or date changes.
    The defaults keep nothing, so a one-off call holds nothing after."""
    return group_with_stats(articles, config, features, quote_memo)[0]


def group_with_stats(
    articles: tuple[Article, ...],
    config: Config,
    features: FeaturesOf | FeatureMemo = article_features,
    quote_memo: QuoteStageMemo | None = None,
) -> tuple[Groups, GroupStats]:
    """`group_articles`, and the counts of comparisons it made."""
    with collector_paused():
        return _group(articles, config, features, quote_memo)


def _group(
    articles: tuple[Article, ...],
    config: Config,
    features: FeaturesOf | FeatureMemo,
    quote_memo: QuoteStageMemo | None,
) -> tuple[Groups, GroupStats]:
    ordered = sorted(articles, key=lambda a: a.id)
    made = features.features(ordered) if isinstance(features, FeatureMemo) else [features(a) for a in ordered]
    # The memo is for `article_features` only: the quote stage reads the articles' quotes through them.
    stage = match_quotes(ordered, made, quote_memo if isinstance(features, FeatureMemo) else None)
    counter: Counter[str] = Counter(stage.counts)
    quotes, evidence, shared = stage.quotes, stage.evidence, stage.shared
    memo = features if isinstance(features, FeatureMemo) else None
    links = find_links(ordered, made, shared, counter, known_names(config.registry), memo.pairs if memo else None)
    compared = remembered_comparisons([a.token for a in ordered], memo.quote_pairs) if memo else None
    stories_found = story_groups(len(ordered), links)
    matches = evidence + match_within_stories(quotes, stories_found, evidence, counter, compared)
    if memo:
        memo.grouped()
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
