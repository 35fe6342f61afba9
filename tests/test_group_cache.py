"""Features kept on disk between builds: a rebuild works out only the changed articles' features."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

import csto_digest.group.features as features
from csto_digest.config import Config
from csto_digest.group import FeatureCache, group_articles
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
