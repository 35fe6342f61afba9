"""The record itself: what every new `Article` works out from its own fields."""

from __future__ import annotations

import dataclasses
import pickle

from csto_digest.model import with_token
from factories import make_article, make_quote


def _quotes():
    return (
        make_quote("We will hold the exercise in the autumn.", 0),
        make_quote("Nothing was agreed.", 1, struck=True),
        make_quote("The border will be reinforced.", 2, speaker=None),
    )


def test_live_quotes_leave_out_the_struck_ones_in_order():
    article = make_article(quotes=_quotes())
    assert [q.text for q in article.live_quotes] == [
        "We will hold the exercise in the autumn.",
        "The border will be reinforced.",
    ]


def test_live_quotes_follow_a_replaced_record_and_a_token():
    article = make_article(quotes=_quotes())
    unstruck = tuple(dataclasses.replace(q, struck=False) for q in article.quotes)
    assert len(dataclasses.replace(article, quotes=unstruck).live_quotes) == 3
    assert len(with_token(article, "t", quotes=unstruck[:1]).live_quotes) == 1
    assert dataclasses.replace(article, quotes=()).live_quotes == ()


def test_live_quotes_survive_a_pickle():
    back = pickle.loads(pickle.dumps(make_article(quotes=_quotes())))
    assert [q.text for q in back.live_quotes] == [q.text for q in back.quotes if not q.struck]
