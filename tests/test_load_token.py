"""`Article.token`: set on every loaded article, and changed whenever anything in the record changes."""

from __future__ import annotations

import dataclasses
import shutil
import time
from pathlib import Path

import pytest

from csto_digest.config import load_config
from csto_digest.load import cache
from csto_digest.load.corpus import load_corpus, load_files
from csto_digest.model import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def articles(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    monkeypatch.setattr(cache, "RACY_SECONDS", 0.0)  # settled at once: the cache is used as a rebuild uses it
    time.sleep(0.01)
    return folder


def config_for(articles: Path, **options):
    return load_config(None, inputs=(str(articles),), output=articles.parent / "site", **options)


class Seen:
    """Every (token, record) loaded: one token must never stand for two different records."""

    def __init__(self) -> None:
        self.records: dict[str, Article] = {}

    def load(self, config, use_cache: bool = True) -> dict[str, Article]:
        loaded = load_corpus(config, use_cache=use_cache).articles
        for article in loaded:
            assert len(article.token) == 32 and int(article.token, 16) >= 0
            known = self.records.setdefault(article.token, article)
            assert known == article and known.id == article.id, f"token {article.token} stands for two records"
        return {Path(a.path).name: a for a in loaded}


def test_every_article_gets_a_token_and_a_clean_load_gives_the_cached_ones(articles):
    seen = Seen()
    config = config_for(articles)
    first = seen.load(config, use_cache=False)
    assert len({a.token for a in first.values()}) == len(first)
    assert {n: a.token for n, a in seen.load(config).items()} == {n: a.token for n, a in first.items()}
    shutil.rmtree(articles.parent / ".site.cache")
    assert {n: a.token for n, a in seen.load(config).items()} == {n: a.token for n, a in first.items()}


def test_the_token_changes_with_the_text_the_id_and_the_corrections(articles):
    seen = Seen()
    config = config_for(articles)
    name = sorted(p.name for p in articles.glob("*.txt"))[1]
    target = articles / name
    before = seen.load(config)[name]

    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("CSTO", "C.S.T.O.", 1), encoding="utf-8")
    edited = seen.load(config)[name]
    assert edited.token != before.token

    other = f"{edited.title}\n\nOther words about another matter entirely, said by nobody in particular.\n"
    (articles / "zz-same-title.txt").write_text(other, encoding="utf-8")
    renamed = seen.load(config)[name]
    assert renamed.id != edited.id and renamed.token != edited.token  # the title's slug is shared now
    (articles / "zz-same-title.txt").unlink()
    assert seen.load(config)[name].token == edited.token

    target.with_suffix(".yml").write_text("title: A corrected title\n", encoding="utf-8")
    corrected = seen.load(config)[name]
    assert corrected.title == "A corrected title" and corrected.token != edited.token
    target.with_suffix(".yml").write_text("title: Another corrected title\n", encoding="utf-8")
    again = seen.load(config)[name]
    assert again.token not in (corrected.token, edited.token)
    target.with_suffix(".yml").unlink()
    assert seen.load(config)[name].token == edited.token


def test_a_correction_in_the_config_changes_the_token(articles, tmp_path):
    seen = Seen()
    name = sorted(p.name for p in articles.glob("*.txt"))[0]
    plain = seen.load(config_for(articles))[name]
    settings = tmp_path / "csto-digest.yml"
    settings.write_text(f"overrides:\n  {name}:\n    author: Somebody Else\n", encoding="utf-8")
    config = load_config(settings, inputs=(str(articles),), output=articles.parent / "site")
    corrected = seen.load(config)[name]
    assert corrected.author == "Somebody Else" and corrected.token != plain.token


def test_a_record_changed_after_loading_carries_no_stale_token(articles):
    article = load_files(sorted(articles.glob("*.txt")), config_for(articles)).articles[0]
    assert article.token
    changed = dataclasses.replace(article, title="Something else")
    assert changed.token == ""  # unknown: a reader must digest the record itself
    assert changed == dataclasses.replace(changed)  # the token takes no part in equality
    assert "token" not in article.to_json()


def test_equal_records_give_equal_digests_whatever_strings_they_share():
    from csto_digest.load.cache import record_digest
    from factories import make_article

    words = "The secretariat received no official statement"
    shared = make_article(title=words, author=words)
    apart = make_article(title=words, author=" ".join(words.split()))  # an equal string, not the same one
    assert shared == apart and shared.author is not apart.author
    assert record_digest(shared) == record_digest(apart)
    assert record_digest(dataclasses.replace(shared, author="Somebody")) != record_digest(shared)
