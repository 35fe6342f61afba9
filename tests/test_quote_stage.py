"""The quote stage kept between builds: reused while no quote, speaker, date or article changes."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from csto_digest.config import Config
from csto_digest.group import FeatureCache, FeatureMemo, QuoteStageFile, QuoteStageMemo, group_articles, quote_stage
from csto_digest.model import Article
from test_group import synthetic_corpus
from test_group_cache import tokened


@pytest.fixture
def worked(monkeypatch) -> list[int]:
    """How many articles each working out of the quote stage was for."""
    calls: list[int] = []
    real = quote_stage.work_out

    def counting(features, *rest):
        calls.append(len(features))
        return real(features, *rest)

    monkeypatch.setattr(quote_stage, "work_out", counting)
    return calls


@pytest.fixture
def updated(monkeypatch) -> list[bool]:
    """Each bringing up to date of the quote stage from the last one: whether it could (or fell back)."""
    calls: list[bool] = []
    real = quote_stage.update

    def counting(previous, features, keys):
        made = real(previous, features, keys)
        calls.append(made is not None)
        return made

    monkeypatch.setattr(quote_stage, "update", counting)
    return calls


def _build(articles: list[Article], config: Config, folder: Path, read: bool = True):
    """A build's grouping: features and the quote stage both kept in `folder`."""
    return group_articles(tuple(articles), config, FeatureCache(folder, read), QuoteStageFile(folder, read))


def _with_quoted_article(articles: list[Article]) -> int:
    return next(i for i, a in enumerate(articles) if a.live_quotes)


def test_an_edit_that_leaves_the_quotes_alone_reuses_the_stage_and_groups_the_same(config, tmp_path, worked):
    articles = tokened(synthetic_corpus(300, seed=11))
    _build(articles, config, tmp_path)
    assert worked == [300]
    edited = articles[5]
    articles[5] = tokened([dataclasses.replace(edited, body=(*edited.body, "A closing paragraph, rewritten."))])[0]
    groups = _build(articles, config, tmp_path)
    assert worked == [300]  # read back, not worked out
    assert groups == group_articles(tuple(articles), config)


def _new_words(article: Article) -> Article:
    quote = article.quotes[0]
    return dataclasses.replace(
        article, quotes=(dataclasses.replace(quote, text=quote.text + " And more."), *article.quotes[1:])
    )


def _new_speaker(article: Article) -> Article:
    quote = article.quotes[0]
    return dataclasses.replace(
        article, quotes=(dataclasses.replace(quote, speaker="Someone Else"), *article.quotes[1:])
    )


def _struck(article: Article) -> Article:
    return dataclasses.replace(
        article, quotes=(dataclasses.replace(article.quotes[0], struck=True), *article.quotes[1:])
    )


def _new_date(article: Article) -> Article:
    return dataclasses.replace(article, date="2019-01-01", date_precision="day")


@pytest.mark.parametrize("change", [_new_words, _new_speaker, _struck, _new_date])
def test_a_changed_quote_speaker_or_date_brings_the_stage_up_to_date(config, tmp_path, worked, updated, change):
    articles = tokened(synthetic_corpus(200, seed=12))
    _build(articles, config, tmp_path)
    at = _with_quoted_article(articles)
    articles[at] = tokened([change(articles[at])])[0]
    groups = _build(articles, config, tmp_path)
    assert worked == [200] and updated == [True]  # from the ledger, not worked out again
    assert groups == group_articles(tuple(articles), config)


def test_an_added_or_deleted_article_brings_it_up_to_date(config, tmp_path, worked, updated):
    articles = tokened(synthetic_corpus(120, seed=13))
    expected = [group_articles(tuple(articles), config), group_articles(tuple(articles[1:]), config)]
    worked.clear()
    _build(articles[:-1], config, tmp_path)
    assert [_build(articles, config, tmp_path), _build(articles[1:], config, tmp_path)] == expected
    assert worked == [119] and updated == [True, True]


def test_a_clean_build_reads_none_but_leaves_it(config, tmp_path, worked):
    articles = tokened(synthetic_corpus(80, seed=14))
    _build(articles, config, tmp_path)
    _build(articles, config, tmp_path, read=False)
    _build(articles, config, tmp_path)
    assert worked == [80, 80]


def test_new_code_starts_afresh_and_drops_the_old(config, tmp_path, worked, monkeypatch):
    articles = tokened(synthetic_corpus(60, seed=15))
    _build(articles, config, tmp_path)
    old = list(tmp_path.glob("quote-stage-*.pickle"))
    monkeypatch.setattr(quote_stage, "code_digest", lambda: "another version")
    _build(articles, config, tmp_path)
    assert worked == [60, 60]
    assert len(old) == 1 and not old[0].exists() and len(list(tmp_path.glob("quote-stage-*.pickle"))) == 1


def test_one_memo_in_memory_serves_a_long_lived_process(config, worked):
    articles = tuple(tokened(synthetic_corpus(90, seed=16)))
    memo, features = QuoteStageMemo(), FeatureMemo()
    first = group_articles(articles, config, features, memo)
    again = group_articles(articles, config, features, memo)
    assert worked == [90] and again == first


def test_without_a_feature_memo_the_stage_is_always_worked_out(config, worked):
    articles = tuple(tokened(synthetic_corpus(40, seed=17)))
    memo = QuoteStageMemo()
    group_articles(articles, config, quote_memo=memo)
    group_articles(articles, config, quote_memo=memo)
    assert worked == [40, 40]


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05N."])  # empty, junk, a pickled None
def test_an_unreadable_stage_file_is_brought_up_to_date_from_the_ledger(config, tmp_path, worked, updated, garbage):
    articles = tokened(synthetic_corpus(70, seed=18))
    expected = group_articles(tuple(articles), config)
    _build(articles, config, tmp_path)
    (kept,) = tmp_path.glob("quote-stage-*.pickle")
    kept.write_bytes(garbage)
    worked.clear()
    assert _build(articles, config, tmp_path) == expected
    assert _build(articles, config, tmp_path) == expected
    assert worked == [] and updated == [True]  # made again once, then read back


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05N."])
def test_with_both_files_unreadable_the_stage_is_worked_out_again(config, tmp_path, worked, updated, garbage):
    articles = tokened(synthetic_corpus(70, seed=18))
    expected = group_articles(tuple(articles), config)
    _build(articles, config, tmp_path)
    for kept in [*tmp_path.glob("quote-stage-*.pickle"), *tmp_path.glob("quote-ledger-*.pickle")]:
        kept.write_bytes(garbage)
    worked.clear()
    assert _build(articles, config, tmp_path) == expected
    assert _build(articles, config, tmp_path) == expected
    assert worked == [70] and updated == []


def test_a_ledger_that_does_not_hold_together_is_not_used(config, tmp_path, worked, updated):
    articles = tokened(synthetic_corpus(70, seed=20))
    _build(articles, config, tmp_path)
    (ledger,) = tmp_path.glob("quote-ledger-*.pickle")
    kept = pickle.loads(ledger.read_bytes())
    ledger.write_bytes(pickle.dumps(dataclasses.replace(kept, choices=kept.choices[:-1])))  # one quote short
    articles = articles[1:]
    expected = group_articles(tuple(articles), config)
    worked.clear()
    assert _build(articles, config, tmp_path) == expected
    assert worked == [69] and updated == []


def test_a_stage_read_back_has_the_quotes_a_fresh_one_works_out(config, tmp_path, worked):
    """The file keeps what the corpus chose per quote; the quotes are made again from the features."""
    articles = tokened(synthetic_corpus(150, seed=19))
    ordered = sorted(articles, key=lambda a: a.id)
    features = FeatureMemo().features(ordered)
    fresh = quote_stage.work_out(features)
    QuoteStageFile(tmp_path).stage(ordered, features)  # worked out and kept
    read_back = QuoteStageFile(tmp_path).stage(ordered, FeatureMemo().features(ordered))
    assert worked == [150, 150] and read_back == fresh
    assert read_back.quotes and b"QuoteText" not in next(tmp_path.glob("quote-stage-*.pickle")).read_bytes()


def test_a_kept_stage_whose_choices_do_not_fit_the_quotes_is_made_again(config, tmp_path, worked, updated):
    articles = tokened(synthetic_corpus(70, seed=20))
    expected = group_articles(tuple(articles), config)
    _build(articles, config, tmp_path)
    (kept,) = tmp_path.glob("quote-stage-*.pickle")
    digest, choices, *rest = pickle.loads(kept.read_bytes())
    kept.write_bytes(pickle.dumps((digest, choices[:-1], *rest)))  # one quote short
    worked.clear()
    assert _build(articles, config, tmp_path) == expected
    assert worked == [] and updated == [True]
