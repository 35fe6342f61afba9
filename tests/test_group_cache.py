"""Features kept on disk between builds: a rebuild works out only the changed articles' features."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import Counter
from pathlib import Path

import pytest

import csto_digest.group.features as features
from csto_digest import fragments
from csto_digest.config import Config
from csto_digest.group import FeatureCache, FeatureMemo, group_articles, statements, stories
from csto_digest.group import cache as feature_cache
from csto_digest.model import Article, with_token
from test_group import synthetic_corpus


def tokened(articles: list[Article]) -> list[Article]:
    """The articles with tokens, as the loader gives them (a digest of the whole record)."""
    return [with_token(a, hashlib.blake2b(repr(a).encode(), digest_size=16).hexdigest()) for a in articles]


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The ids of the articles whose features are worked out."""
    ids: list[str] = []
    real = features.article_features

    def counting(article: Article) -> features.ArticleFeatures:
        ids.append(article.id)
        return real(article)

    monkeypatch.setattr(features, "article_features", counting)
    return ids


def test_a_rebuild_works_out_no_features_and_groups_the_same(config: Config, tmp_path: Path, made):
    articles = tuple(tokened(synthetic_corpus(300, seed=3)))
    first = group_articles(articles, config, FeatureCache(tmp_path))
    assert len(made) == 300
    made.clear()
    again = group_articles(articles, config, FeatureCache(tmp_path))
    assert made == []
    assert again == first == group_articles(articles, config)


def test_an_edit_works_out_that_article_only(config: Config, tmp_path: Path, made):
    articles = tokened(synthetic_corpus(300, seed=4))
    group_articles(tuple(articles), config, FeatureCache(tmp_path))
    folder = FeatureCache(tmp_path).folder
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    time.sleep(0.01)
    edited = articles[7]
    articles[7] = tokened([with_token(edited, "", body=(*edited.body, "A new closing paragraph."))])[0]
    made.clear()
    groups = group_articles(tuple(articles), config, FeatureCache(tmp_path))
    assert made == [edited.id]
    assert groups == group_articles(tuple(articles), config)
    after = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    assert sum(after[name] != before.get(name) for name in after) <= 2  # the old token's shard and the new one's


def test_a_clean_build_reads_none_but_leaves_them(config: Config, tmp_path: Path, made):
    articles = tuple(tokened(synthetic_corpus(100, seed=5)))
    group_articles(articles, config, FeatureCache(tmp_path))
    made.clear()
    group_articles(articles, config, FeatureCache(tmp_path, read=False))
    assert len(made) == 100
    made.clear()
    group_articles(articles, config, FeatureCache(tmp_path))
    assert made == []


def test_articles_without_a_token_are_worked_out_every_time(config: Config, tmp_path: Path, made):
    articles = tuple(synthetic_corpus(50, seed=6))
    group_articles(articles, config, FeatureCache(tmp_path))
    made.clear()
    group_articles(articles, config, FeatureCache(tmp_path))
    assert len(made) == 50


def test_new_feature_code_starts_afresh_and_drops_the_old(config: Config, tmp_path: Path, made, monkeypatch):
    articles = tuple(tokened(synthetic_corpus(60, seed=7)))
    group_articles(articles, config, FeatureCache(tmp_path))
    old = FeatureCache(tmp_path).folder
    monkeypatch.setattr(feature_cache, "code_digest", lambda: "another version")
    made.clear()
    group_articles(articles, config, FeatureCache(tmp_path))
    assert len(made) == 60 and not old.exists()


@pytest.fixture
def compared(monkeypatch) -> list[tuple[str, str]]:
    """The article pairs whose bodies are compared word for word."""
    pairs: list[tuple[str, str]] = []
    real = stories.Bodies._similarity

    def counting(self: stories.Bodies, a: int, b: int) -> tuple[float, float]:
        pairs.append((self.articles[a].id, self.articles[b].id))
        return real(self, a, b)

    monkeypatch.setattr(stories.Bodies, "_similarity", counting)
    return pairs


def _with_copies(n: int, seed: int) -> list[Article]:
    """A corpus where every third of the first thirty articles is carried again by another outlet."""
    base = synthetic_corpus(n, seed=seed)
    copies = [
        dataclasses.replace(a, id=f"{a.id}-copy", body=(*a.body, "Reprinted with the permission of the outlet."))
        for a in base[:30:3]
    ]
    return tokened(base + copies)


def test_body_similarities_are_kept_and_an_edit_compares_only_its_own_pairs_again(config, tmp_path, compared):
    articles = _with_copies(120, seed=9)
    first = group_articles(tuple(articles), config, FeatureCache(tmp_path))
    assert len(compared) == 10 and sum(any(i.endswith("-copy") for i in s.articles) for s in first.stories) == 10
    compared.clear()
    assert group_articles(tuple(articles), config, FeatureCache(tmp_path)) == first
    assert compared == []  # read back from the file, not compared again
    at = next(i for i, a in enumerate(articles) if a.id.endswith("-copy"))
    edited = articles[at]
    articles[at] = tokened([with_token(edited, "", body=(*edited.body, "A correction was appended."))])[0]
    groups = group_articles(tuple(articles), config, FeatureCache(tmp_path))
    assert compared and all(edited.id in pair for pair in compared)
    assert groups == group_articles(tuple(articles), config)


def test_body_similarities_from_other_code_or_a_clean_build_are_not_read(config, tmp_path, compared, monkeypatch):
    articles = tuple(_with_copies(90, seed=10))
    group_articles(articles, config, FeatureCache(tmp_path))
    group_articles(articles, config, FeatureCache(tmp_path, read=False))
    assert len(compared) == 20  # a clean build compares every pair again
    monkeypatch.setattr(fragments, "_code_digest", lambda: "another version")
    group_articles(articles, config, FeatureCache(tmp_path))
    assert len(compared) == 30 and [p.name for p in tmp_path.glob("pairs-*.pickle")] == ["pairs-another version.pickle"]


def test_a_long_lived_process_keeps_the_pairs_of_its_last_grouping_only(config, compared):
    articles = tuple(_with_copies(90, seed=10))
    memo = FeatureMemo()
    group_articles(articles, config, memo)
    group_articles(articles, config, memo)
    assert len(compared) == 10
    fewer = tuple(a for a in articles if not a.id.endswith("-copy"))
    group_articles(fewer, config, memo)
    assert memo.pairs.previous == {}  # no copies left: nothing of the earlier corpus is held


@pytest.fixture
def quotes_compared(monkeypatch) -> list[tuple[int, int]]:
    """The (article position, article position) of each quote pair compared with formulas counted (inside stories)."""
    pairs: list[tuple[int, int]] = []
    real = statements.compare

    def counting(a: statements.QuoteText, b: statements.QuoteText, formulas_count: bool):
        if formulas_count:
            pairs.append((a.article, b.article))
        return real(a, b, formulas_count)

    monkeypatch.setattr(statements, "compare", counting)
    return pairs


def test_quote_comparisons_inside_stories_are_kept_and_an_edit_compares_its_own_again(
    config, tmp_path, quotes_compared
):
    articles = tokened(synthetic_corpus(200, seed=12))
    first = group_articles(tuple(articles), config, FeatureCache(tmp_path))
    assert quotes_compared, "the corpus has quotes to compare inside stories"
    quotes_compared.clear()
    assert group_articles(tuple(articles), config, FeatureCache(tmp_path)) == first
    assert quotes_compared == []  # read back, not compared again
    group_articles(tuple(articles), config)  # without a memo every pair is compared
    busiest = Counter(p for pair in quotes_compared for p in pair).most_common(1)[0][0]
    at = sorted(range(len(articles)), key=lambda i: articles[i].id)[busiest]  # positions are in id order
    quotes_compared.clear()
    edited = articles[at]
    articles[at] = tokened([with_token(edited, "", body=(*edited.body, "A correction was appended."))])[0]
    groups = group_articles(tuple(articles), config, FeatureCache(tmp_path))
    assert quotes_compared and all(busiest in pair for pair in quotes_compared)
    assert groups == group_articles(tuple(articles), config)
