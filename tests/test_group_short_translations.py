"""Three outlets of our own making carry one short statement in three translations
("We will leave. We will decide when to leave" / "We are going to leave; we will decide
when" / "We will exit. We will decide ourselves when to do it"): loaded and grouped as
a build does, the two sharing every content word of the shorter are one statement;
the third shares only "decide", which proves nothing."""

from __future__ import annotations

from csto_digest.group import group_articles
from csto_digest.load.corpus import extract_one

NEWS = """ date 2024-06-12 https://news.am/eng/news/000001.html
Pashinyan: Armenia will leave the CSTO
Armenian Prime Minister Nikol Pashinyan said on Wednesday that Armenia would leave the Collective Security Treaty Organization.
"We will leave. We will decide when to leave," Pashinyan told lawmakers during question time in parliament.
"""
TASS = """ date 2024-06-12 https://tass.com/politics/1800001
Pashinyan says Armenia will quit CSTO
YEREVAN, June 12. /TASS/. Armenia will withdraw from the CSTO, Prime Minister Nikol Pashinyan said at question time in parliament.
"We will exit. We will decide ourselves when to do it," he said.
"""
RFERL = """ date 2024-06-13 https://www.rferl.org/a/armenia-csto-pashinyan-leave/33000001.html
Armenia's Pashinyan Says Yerevan Will Leave Russia-Led Bloc
Armenian Prime Minister Nikol Pashinyan said on June 12 in parliament that his country will leave the Russian-led CSTO.
"We are going to leave; we will decide when," Pashinyan said in reply to an opposition lawmaker.
"""
OTHER = """ date 2024-06-12 https://news.am/eng/news/000002.html
Pashinyan on the CSTO budget
Armenian Prime Minister Nikol Pashinyan said on Wednesday in parliament that Armenia would not pay its CSTO dues.
"We will not pay. We will decide what to fund," Pashinyan said.
"""


def _grouped(config, texts: dict[str, str]):
    articles = tuple(extract_one(name, text, config) for name, text in texts.items())
    articles = tuple(a for a in articles if hasattr(a, "body"))
    groups = group_articles(articles, config)
    paths = {a.id: a.path for a in articles}
    return groups, paths


def test_a_short_statement_translated_twice_is_one_statement(config):
    groups, paths = _grouped(config, {"news.txt": NEWS, "tass.txt": TASS, "rferl.txt": RFERL})
    members = [sorted(paths[m.article] for m in s.members) for s in groups.statements]
    assert ["news.txt", "rferl.txt"] in members
    assert not any("tass.txt" in m for m in members)  # "decide" alone is shared


def test_two_short_quotes_sharing_one_word_of_two_are_not(config):
    groups, _ = _grouped(config, {"news.txt": NEWS, "other.txt": OTHER})
    assert groups.statements == ()
