"""What is new since the previous build: the snapshot one build keeps and the comparison the next makes."""

from __future__ import annotations

import json

from csto_digest.config import Config
from csto_digest.model import Groups, Story
from csto_digest.render_digest import story_snapshot, whats_new
from csto_digest.render_index import build_index
from factories import make_article


def article(key: str, date: str, path: str | None = None):
    return make_article(id=key, path=path or f"in/{key}.txt", title=f"Article {key}", date=date)


def build(articles, stories):
    """A site index; `stories` are lists of article ids, earliest first (the first id is the story's)."""
    groups = Groups(themes={}, stories=tuple(Story(ids[0], tuple(ids), ("test",)) for ids in stories), statements=())
    return build_index(tuple(articles), groups, Config())


A, B, C, D, E, F = (article(k, f"2024-03-{n:02d}") for n, k in enumerate("abcdef", start=10))


def test_snapshot_is_sorted_plain_json():
    snapshot = story_snapshot(build([C, A, B, D], [["b", "d"], ["a", "c"]]))
    assert snapshot == {
        "stories": {"a": ["a", "c"], "b": ["b", "d"]},
        "articles": ["a", "b", "c", "d"],
        "paths": {"a": "in/a.txt", "b": "in/b.txt", "c": "in/c.txt", "d": "in/d.txt"},
    }
    assert list(snapshot["stories"]) == ["a", "b"]
    assert json.loads(json.dumps(snapshot)) == snapshot


def test_no_baseline_or_a_malformed_one_gives_nothing_to_show():
    index = build([A, B], [["a", "b"]])
    assert whats_new(None, index) is None
    for bad in ([], "x", {"stories": []}, {"stories": {}, "articles": "a"}, {"stories": {"a": "b"}, "articles": []}):
        assert whats_new(bad, index) is None


def test_the_same_build_again_has_nothing_new():
    index = build([A, B, C], [["a", "b"]])
    news = whats_new(story_snapshot(index), index)
    assert news is not None and news.empty
    assert (news.stories, news.grown, news.articles) == ((), (), ())


def test_new_articles_new_stories_and_grown_stories():
    before = story_snapshot(build([A, B, C, D], [["a", "b"], ["c", "d"]]))
    # e joins story a, story c is unchanged, f is in no story
    index = build([A, B, C, D, E, F], [["a", "b", "e"], ["c", "d"]])
    news = whats_new(before, index)
    assert news is not None and not news.empty
    assert [a.id for a in news.articles] == ["f", "e"]  # newest first
    assert news.stories == ()
    assert [(g.entry.story.id, g.added, g.before) for g in news.grown] == [("a", 1, 2)]


def test_a_story_made_of_articles_that_were_alone_before_is_new():
    before = story_snapshot(build([A, B, C], [["a", "b"]]))
    index = build([A, B, C, D], [["a", "b"], ["c", "d"]])
    news = whats_new(before, index)
    assert news is not None
    assert [s.story.id for s in news.stories] == ["c"]
    assert news.grown == ()
    assert [a.id for a in news.articles] == ["d"]


def test_an_earlier_article_joining_moves_the_key_but_the_story_only_grew():
    early = article("early", "2024-01-01")
    before = story_snapshot(build([A, B], [["a", "b"]]))
    index = build([early, A, B], [["early", "a", "b"]])
    news = whats_new(before, index)
    assert news is not None
    assert news.stories == ()
    assert [(g.entry.story.id, g.added, g.before) for g in news.grown] == [("early", 1, 2)]


def test_grown_stories_most_added_first_then_newest():
    before = story_snapshot(build([A, B, C, D], [["a", "b"], ["c", "d"]]))
    late = [article(k, f"2024-04-{n:02d}") for n, k in enumerate("xyz", start=1)]
    index = build([A, B, C, D, *late], [["a", "b", "x"], ["c", "d", "y", "z"]])
    news = whats_new(before, index)
    assert news is not None
    assert [(g.entry.story.id, g.added) for g in news.grown] == [("c", 2), ("a", 1)]


def test_a_story_that_lost_an_article_did_not_grow():
    before = story_snapshot(build([A, B, C], [["a", "b", "c"]]))
    index = build([A, B, C, D], [["a", "b", "d"]])  # c left, d joined: same size
    news = whats_new(before, index)
    assert news is not None and news.grown == () and news.stories == ()


def test_an_article_whose_id_changed_is_known_by_its_path():
    """A new article taking an old one's title adds a hash to the old one's id; it is not new."""
    old = article("csto-summit", "2024-03-01", path="in/1.txt")
    renamed = article("csto-summit-1a2b3c", "2024-03-01", path="in/1.txt")
    twin = article("csto-summit-4d5e6f", "2024-03-05", path="in/2.txt")
    before = story_snapshot(build([old, A], [["csto-summit", "a"]]))
    index = build([renamed, twin, A], [["csto-summit-1a2b3c", "a", "csto-summit-4d5e6f"]])
    news = whats_new(before, index)
    assert news is not None
    assert [a.id for a in news.articles] == ["csto-summit-4d5e6f"]
    assert news.stories == ()
    assert [(g.entry.story.id, g.added) for g in news.grown] == [("csto-summit-1a2b3c", 1)]


def test_a_snapshot_without_paths_still_compares_by_id():
    before = story_snapshot(build([A, B], [["a", "b"]]))
    before.pop("paths")
    news = whats_new(before, build([A, B, C], [["a", "b", "c"]]))
    assert news is not None and [g.added for g in news.grown] == [1] and [a.id for a in news.articles] == ["c"]
