"""The grouper's rules that keep a big corpus sane: per-article features that can
be cached, stories that do not chain without end, and stock phrases far apart
in time that are not one statement.
"""

from __future__ import annotations

from datetime import date, timedelta

from csto_digest.config import Config
from csto_digest.group import ArticleFeatures, FeatureMemo, article_features, group_articles
from csto_digest.model import Article
from test_group import make_article

SPEAKER = "Marat Sokolov"
PLAN = (
    "After the last meeting, the defence ministers will present recommendations on joint air defence of the "
    "southern borders, and results are expected by May. The working group has already drawn up the first "
    "schedule of exercises for the border troops"
)
# The same sentence frame with other particulars: what one official says every few months.
OTHER_PLAN = (
    "After the last meeting, the defence ministers will submit recommendations on joint air defence of the "
    "southern borders, and this work goes on"
)


def day(offset: int) -> str:
    return (date(2023, 1, 1) + timedelta(days=offset)).isoformat()


def test_article_features_are_a_pure_function_of_the_article(config: Config):
    article = make_article("a", (PLAN,), speaker=SPEAKER, date=day(0), themes=("enlargement",))
    twin = make_article("a", (PLAN,), speaker=SPEAKER, date=day(0), themes=("enlargement",))
    assert article_features(article) == article_features(twin)
    assert article_features(article).speakers == frozenset({SPEAKER})


def test_a_memoised_features_function_gives_the_same_groups(config: Config):
    articles = (
        make_article("a", (PLAN,), speaker=SPEAKER, date=day(0)),
        make_article("b", (PLAN,), speaker=SPEAKER, date=day(1)),
        make_article("c", (OTHER_PLAN,), speaker=SPEAKER, date=day(200)),
    )
    cache: dict[str, ArticleFeatures] = {}
    calls: list[str] = []

    def memoised(article: Article) -> ArticleFeatures:
        if article.content_hash not in cache:
            calls.append(article.id)
            cache[article.content_hash] = article_features(article)
        return cache[article.content_hash]

    first = group_articles(articles, config, memoised)
    again = group_articles(articles, config, memoised)
    assert first == again == group_articles(articles, config)
    assert calls == ["a", "b", "c"]  # each article's text work done once
    assert [s.articles for s in first.stories] == [("a", "b")]


def test_one_official_on_one_theme_every_day_is_not_one_endless_story(config: Config):
    articles = tuple(
        make_article(
            f"d{i:03d}",
            (f"Statement number {i} of a long series about item{i} and topic{i} and matter{i}",),
            speaker=SPEAKER,
            date=day(i),
            themes=("tajik-afghan-border",),
        )
        for i in range(120)
    )
    groups = group_articles(articles, config)
    assert groups.stories  # neighbouring days still join
    for story in groups.stories:
        days = sorted(int(a[1:]) for a in story.articles)
        assert days[-1] - days[0] <= 31
        assert len(story.articles) <= 60


def test_a_stock_phrase_a_year_later_is_not_the_same_statement(config: Config):
    groups = group_articles(
        (
            make_article("then", (PLAN,), speaker=SPEAKER, date=day(0)),
            make_article("later", (OTHER_PLAN,), speaker=SPEAKER, date=day(365)),
        ),
        config,
    )
    assert groups.statements == ()


def test_the_same_stock_phrase_within_days_is_one_statement(config: Config):
    groups = group_articles(
        (
            make_article("then", (PLAN,), speaker=SPEAKER, date=day(0)),
            make_article("soon", (OTHER_PLAN,), speaker=SPEAKER, date=day(2)),
        ),
        config,
    )
    assert len(groups.statements) == 1


def test_words_quoted_again_a_year_later_are_one_statement(config: Config):
    groups = group_articles(
        (
            make_article("then", (PLAN,), speaker=SPEAKER, date=day(0)),
            make_article("later", (PLAN,), speaker=SPEAKER, date=day(365)),
        ),
        config,
    )
    assert [[m.article for m in s.members] for s in groups.statements] == [["then", "later"]]
    assert groups.stories == ()  # a year apart: two events, whatever words they share


def test_a_feature_memo_redoes_only_the_edited_article(config: Config, monkeypatch):
    import csto_digest.group.features as features

    made: list[str] = []
    real = features.article_features

    def counting(article: Article) -> ArticleFeatures:
        made.append(article.id)
        return real(article)

    monkeypatch.setattr(features, "article_features", counting)
    articles = [make_article(x, (PLAN,), speaker=SPEAKER, date=day(i)) for i, x in enumerate("abc")]
    memo = FeatureMemo()
    first = group_articles(tuple(articles), config, memo)
    articles[1] = make_article("b", (OTHER_PLAN,), speaker=SPEAKER, date=day(1))
    second = group_articles(tuple(articles), config, memo)
    assert made == ["a", "b", "c", "b"]
    assert first != second
    assert second == group_articles(tuple(articles), config)
