"""The data exports: one item a line, the same data as the records, and a memo that never changes the bytes."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle

from csto_digest import exports, fragments
from csto_digest.config import Config
from csto_digest.exports import export_files, quote_rows
from csto_digest.fragments import FragmentMemo, cache_file
from csto_digest.model import Article, Groups
from csto_digest.render_index import build_index
from factories import HOSTILE, make_quote, sample_corpus


def exported(articles, groups, memo=None):
    return dict(export_files(build_index(articles, groups, Config()), groups, memo))


def test_each_json_file_holds_one_item_a_line_and_parses_to_the_rows():
    articles, groups = sample_corpus()
    files = exported(articles, groups)
    index = build_index(articles, groups, Config())
    for path in ("data/articles.json", "data/quotes.json", "data/stories.json", "data/statements.json"):
        lines = files[path].decode("utf-8").split("\n")
        assert lines[0] == "[" and lines[-2:] == ["]", ""], path
        items = [json.loads(line.rstrip(",")) for line in lines[1:-2]]
        assert json.loads(files[path]) == items, path
    assert json.loads(files["data/articles.json"]) == [
        a.to_json(entity_evidence=False) for a in sorted(articles, key=lambda a: a.id)
    ]
    assert json.loads(files["data/quotes.json"]) == quote_rows(index)
    group_lines = files["data/groups.json"].decode("utf-8").split("\n")
    assert group_lines[0] == "{" and len(group_lines) == 6, "themes, stories, statements: a line each"
    assert json.loads(files["data/groups.json"]) == groups.to_json()


def test_empty_exports_are_empty_arrays():
    files = exported((), Groups({}, (), ()))
    for name in ("articles", "quotes", "stories", "statements"):
        assert files[f"data/{name}.json"] == b"[]\n"
    assert json.loads(files["data/groups.json"]) == {"themes": {}, "stories": [], "statements": []}


def test_text_with_line_breaks_stays_on_its_line():
    articles, groups = sample_corpus()
    odd = dataclasses.replace(articles[0], title="one\ntwo\u2028three " + HOSTILE)
    files = exported((odd, *articles[1:]), groups)
    lines = files["data/articles.json"].decode("utf-8").split("\n")
    assert len(lines) == len(articles) + 3
    assert any(json.loads(line.rstrip(","))["title"] == odd.title for line in lines[1:-2])


def test_a_memo_gives_the_same_bytes_and_makes_only_what_changed(tmp_path, monkeypatch):
    articles, groups = sample_corpus()
    file = cache_file(tmp_path / ".site.cache", "exports")
    first = exported(articles, groups, FragmentMemo(file))
    assert file is not None and file.is_file()

    edited = dataclasses.replace(articles[1], quotes=(*articles[1].quotes, make_quote("A new quote here,", 0)))
    changed = (articles[0], edited, *articles[2:])
    made: list[str] = []
    real = Article.to_json
    monkeypatch.setattr(Article, "to_json", lambda self, **kw: made.append(self.id) or real(self, **kw))
    warm = exported(changed, groups, FragmentMemo(file))
    assert made == [edited.id], "only the edited article's record is made again"
    assert warm == exported(changed, groups), "the memo's pieces are the pieces made from nothing"
    assert (
        warm["data/quotes.csv"] != first["data/quotes.csv"] and "A new quote here" in warm["data/quotes.csv"].decode()
    )
    assert exported(articles, groups, FragmentMemo(file)) == first


def test_a_piece_is_keyed_by_the_whole_record():
    articles, groups = sample_corpus()
    memo = FragmentMemo()
    exported(articles, groups, memo)
    memo.previous, memo.current = memo.current, {}
    retitled = (dataclasses.replace(articles[0], title="Another title"), *articles[1:])
    assert exported(retitled, groups, memo) == exported(retitled, groups)


def test_an_article_token_is_its_digest_when_the_loader_gives_one():
    article = sample_corpus()[0][0]

    class Tokened:
        token = "t0k3n"

    assert fragments.article_digest(Tokened()) == "t0k3n"  # type: ignore[arg-type]
    assert fragments.article_digest(article) == fragments.article_digest(pickle.loads(pickle.dumps(article)))
    assert fragments.article_digest(article) != fragments.article_digest(dataclasses.replace(article, author="X"))


def test_memos_are_kept_per_version_of_the_code_and_a_clean_build_reuses_none(tmp_path):
    file = cache_file(tmp_path / ".site.cache", "exports")
    assert file.parent == tmp_path / ".site.cache"
    stale = file.with_name("exports-0000000000000000.pickle")
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    memo = FragmentMemo(file)
    memo.get("k", lambda: "v")
    memo.save()
    assert file.is_file() and not stale.exists(), "a memo of another version of the code is removed"
    assert FragmentMemo(file).previous == {"k": "v"}
    clean = FragmentMemo(file, fresh=True)
    assert clean.previous == {} and clean.get("k", lambda: "made") == "made"
    file.write_bytes(b"\x80garbage")
    assert FragmentMemo(file).previous == {}


def test_csv_rows_from_the_memo_are_the_csv_of_all_rows():
    articles, groups = sample_corpus()
    index = build_index(articles, groups, Config())
    whole = exports._csv_text([exports.CSV_COLUMNS, *(exports._csv_row(r) for r in quote_rows(index))], bom=True)
    assert exported(articles, groups)["data/quotes.csv"] == whole
    assert whole.startswith("\ufeffquote,speaker".encode())


def test_story_and_statement_rows_follow_what_they_read():
    """A row from the memo is the row made afresh: after an outlet's labels change (the config), after an
    article in a story is retitled, and after a statement's quote is reworded."""
    from csto_digest.registry import Registry

    articles, groups = sample_corpus()
    labelled = Config(registry=Registry.from_data({"outlets": [{"name": "TASS", "labels": {"country": "Russia"}}]}))
    memo = FragmentMemo()
    dict(export_files(build_index(articles, groups, Config()), groups, memo))
    story_article = groups.stories[0].articles[0]
    member = groups.statements[0].members[0]
    quoted = next(a for a in articles if a.id == member.article)
    live = [q for q in quoted.quotes if not q.struck]
    reworded = dataclasses.replace(live[member.quote], text="Words said differently,")
    quotes = tuple(reworded if q is live[member.quote] else q for q in quoted.quotes)
    changes = [
        (articles, labelled),
        ([dataclasses.replace(a, title="New") if a.id == story_article else a for a in articles], Config()),
        ([dataclasses.replace(a, quotes=quotes) if a is quoted else a for a in articles], Config()),
    ]
    plain = dict(export_files(build_index(articles, groups, Config()), groups))
    for changed, config in changes:
        memo.previous, memo.current = memo.current, {}
        fresh = dict(export_files(build_index(tuple(changed), groups, config), groups))
        assert fresh != plain, "each change shows in the exports"
        assert dict(export_files(build_index(tuple(changed), groups, config), groups, memo)) == fresh


def test_a_sharded_memo_rewrites_only_the_files_whose_pieces_changed(tmp_path):
    """The exports' memo weighs as much as the data files: an edit must not rewrite all of it."""
    from csto_digest.fragments import ShardedMemo, cache_folder

    folder = cache_folder(tmp_path / ".site.cache", "exports")
    stale = folder.with_name("exports-0000000000000000.pickle")  # the one-file memo of another version
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    memo = ShardedMemo(folder, shards=16)
    for n in range(400):
        memo.get(f"record {n}", lambda n=n: f"line {n}".encode())
    memo.save()
    assert not stale.exists(), "a memo of another version of the code is removed"
    files = sorted(folder.glob("*.pickle"))
    assert len(files) == 16
    before = {path: path.stat().st_mtime_ns for path in files}

    again = ShardedMemo(folder, shards=16)
    assert again.previous == {f"record {n}": f"line {n}".encode() for n in range(400)}
    for n in range(400):  # one piece replaced, as an edit replaces an article's record
        key = "record 400" if n == 7 else f"record {n}"
        assert again.get(key, lambda: b"made") == (b"made" if n == 7 else f"line {n}".encode())
    for path in files:
        path.touch()
        os.utime(path, ns=(before[path] - 10**9, before[path] - 10**9))
    aged = {path: path.stat().st_mtime_ns for path in files}
    again.save()
    rewritten = [path for path in files if path.stat().st_mtime_ns != aged[path]]
    assert 1 <= len(rewritten) <= 2, rewritten  # the file that lost "record 7" and the one that gained "record 400"

    third = ShardedMemo(folder, shards=16)
    assert "record 7" not in third.previous and third.previous["record 400"] == b"made"
    assert ShardedMemo(folder, fresh=True, shards=16).previous == {}
    (folder / "00.pickle").write_bytes(b"\x80garbage")
    assert len(ShardedMemo(folder, shards=16).previous) < 400, "an unreadable file only loses its own pieces"
