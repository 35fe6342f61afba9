"""The quote stage brought up to date from the last one gives what working it out afresh gives.

Each test walks a corpus through random changes (an article added, one
deleted, a quote reworded or given to someone else, a date moved, a quote
struck) and compares, after every step, the stage the memo brought up to date
with the stage worked out from nothing: quotes, choices, evidence, the
statements articles share, and the count of comparisons.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from csto_digest.group import FeatureMemo, QuoteStageMemo, quote_stage, quote_update, statements
from csto_digest.model import Article
from test_group import random_sentence, synthetic_corpus
from test_group_cache import tokened

# Stock phrases many speakers repeat: they make big blocks and formulas, which small corpora lack.
STOCK = (
    "The situation on the southern borders of the organization remains tense and requires our attention",
    "We will continue to strengthen the collective rapid reaction forces of the member states",
    "The member states agreed to hold joint exercises of the peacekeeping forces next autumn",
)


def corpus(n: int, seed: int) -> list[Article]:
    """`synthetic_corpus`, with a stock phrase added to one article in three and some left undated."""
    rng = random.Random(seed)
    made = []
    for article in synthetic_corpus(n, seed):
        if rng.random() < 1 / 3:
            stock = dataclasses.replace(
                article.quotes[0], text=rng.choice(STOCK), speaker=f"Speaker {rng.randrange(5)}"
            )
            article = dataclasses.replace(article, quotes=(*article.quotes, stock))
        if rng.random() < 0.05:
            article = dataclasses.replace(article, date=None, date_precision=None)
        made.append(article)
    return tokened(made)


def _reworded(article: Article, rng: random.Random) -> Article:
    at = rng.randrange(len(article.quotes))
    quote = article.quotes[at]
    text = rng.choice([*STOCK, random_sentence(rng, 12), quote.text + " " + random_sentence(rng, 6)])
    quotes = list(article.quotes)
    quotes[at] = dataclasses.replace(quote, text=text)
    return dataclasses.replace(article, quotes=tuple(quotes))


def _given_to_another(article: Article, rng: random.Random) -> Article:
    quotes = list(article.quotes)
    at = rng.randrange(len(quotes))
    quotes[at] = dataclasses.replace(quotes[at], speaker=rng.choice([None, f"Speaker {rng.randrange(5)}"]))
    return dataclasses.replace(article, quotes=tuple(quotes))


def _moved(article: Article, rng: random.Random) -> Article:
    return dataclasses.replace(article, date=f"2020-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}")


def _struck(article: Article, rng: random.Random) -> Article:
    quotes = list(article.quotes)
    at = rng.randrange(len(quotes))
    quotes[at] = dataclasses.replace(quotes[at], struck=not quotes[at].struck)
    return dataclasses.replace(article, quotes=tuple(quotes))


CHANGES = (_reworded, _given_to_another, _moved, _struck)


def _step(present: list[Article], held: list[Article], rng: random.Random) -> None:
    """One random change to `present`: add from `held`, delete, or change an article's quotes or date."""
    what = rng.random()
    if what < 0.3 and held:
        present.append(held.pop())
    elif what < 0.5:
        held.insert(0, present.pop(rng.randrange(len(present))))
    else:
        at = rng.randrange(len(present))
        for _ in range(rng.randint(1, 2)):
            present[at] = rng.choice(CHANGES)(present[at], rng)
        present[at] = tokened([present[at]])[0]


def _walk(seed: int, steps: int, monkeypatch) -> tuple[list[bool], list[int]]:
    """Walk a corpus through `steps` changes, checking every stage; whether each was brought up to
    date, and how many quotes each step found in a block that crossed the size cap."""
    updated: list[bool] = []
    crossed: list[int] = []
    real_update, real_crossed = quote_stage.update, quote_update._crossed_members

    def counting_update(*args):
        made = real_update(*args)
        updated.append(made is not None)
        return made

    def counting_crossed(*args):
        found = real_crossed(*args)
        crossed.append(len(found))
        return found

    monkeypatch.setattr(quote_stage, "update", counting_update)
    monkeypatch.setattr(quote_update, "_crossed_members", counting_crossed)
    rng = random.Random(seed)
    pool = corpus(260, seed)
    present, held = pool[:220], pool[220:]
    memo, features = QuoteStageMemo(), FeatureMemo()
    for _ in range(steps):
        ordered = sorted(present, key=lambda a: a.id)
        made = features.features(ordered)
        got = memo.stage(ordered, made)
        assert got == quote_update.work_out(made), f"step {len(updated)}"
        _step(present, held, rng)
    return updated, crossed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_stage_brought_up_to_date_is_the_stage_worked_out(seed, monkeypatch):
    updated, _ = _walk(seed, 14, monkeypatch)
    assert len(updated) == 13 and sum(updated) >= 10  # the first is worked out; few fall back


@pytest.mark.parametrize("seed", [4, 5])
def test_blocks_crossing_the_size_cap_are_followed(seed, monkeypatch):
    """With a small cap, the stock phrases' blocks cross it as articles come and go."""
    monkeypatch.setattr(statements, "MAX_BLOCK", 4)
    updated, crossed = _walk(seed, 14, monkeypatch)
    assert sum(updated) >= 10 and any(crossed)


def test_a_moved_formula_threshold_works_the_stage_out_again(monkeypatch):
    """Every sentence's verdict hangs on the threshold: a corpus that moves it is worked out afresh."""
    monkeypatch.setattr(statements, "FORMULA_MIN", 1)
    monkeypatch.setattr(statements, "FORMULA_SHARE", 0.05)
    pool = corpus(120, 9)
    memo, features = QuoteStageMemo(), FeatureMemo()
    formulas = []
    for articles in (pool, pool[:-40]):
        ordered = sorted(articles, key=lambda a: a.id)
        made = features.features(ordered)
        keys = [(a.id, quote_update.article_digest(a)) for a in ordered]
        previous = memo.ledger
        assert memo.stage(ordered, made) == quote_update.work_out(made)
        formulas.append(memo.ledger.formula)
    assert formulas[0] != formulas[1] and quote_update.update(previous, made, keys) is None


def test_the_comparisons_counted_are_those_a_fresh_stage_makes():
    pool = corpus(150, 7)
    memo, features = QuoteStageMemo(), FeatureMemo()
    for articles in (pool[:-1], pool):
        ordered = sorted(articles, key=lambda a: a.id)
        made = features.features(ordered)
        got = memo.stage(ordered, made)
    assert got.counts == quote_update.work_out(made).counts and got.counts["quote_comparisons"] > 0
