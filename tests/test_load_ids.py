"""An article's id, and so its page's URL, must not depend on how its input folder was named."""

from __future__ import annotations

import os
from pathlib import Path

from csto_digest.config import load_config
from csto_digest.load.corpus import load_corpus

TEXT = (
    "date 2024-0{month}-1{day} https://example.org/news/{n}\n"
    "CSTO ministers meet in Minsk\n\n"
    "MINSK, {month} May. The CSTO defence ministers met in Minsk, {speaker} said.\n"
)


def write_corpus(folder: Path) -> None:
    """Three articles under one title, which only a hash of their file names tells apart; one in a subfolder."""
    (folder / "sub").mkdir(parents=True)
    for n, (name, speaker) in enumerate([("a.txt", "Stanislav Zas"), ("b.txt", "Imangali Tasmagambetov")]):
        (folder / name).write_text(TEXT.format(month=3 + n, day=n, n=n, speaker=speaker), encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(TEXT.format(month=5, day=2, n=2, speaker="Sergey Lavrov"), encoding="utf-8")


def ids(inputs: tuple[str, ...], cwd: Path, output: Path) -> dict[str, str]:
    """File name -> id, loaded with the inputs named as given, from `cwd`."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        config = load_config(inputs=inputs, output=str(output))
        articles = load_corpus(config, use_cache=False).articles
    finally:
        os.chdir(here)
    return {Path(a.path).name: a.id for a in articles}


def test_the_same_articles_get_the_same_ids_whatever_the_input_is_called(tmp_path):
    write_corpus(tmp_path / "one" / "articles")
    write_corpus(tmp_path / "elsewhere" / "deeper" / "news")
    relative = ids(("articles",), tmp_path / "one", tmp_path / "site1")
    absolute = ids((str(tmp_path / "elsewhere" / "deeper" / "news"),), tmp_path, tmp_path / "site2")
    dotted = ids(("./articles",), tmp_path / "one", tmp_path / "site3")
    assert len(set(relative.values())) == 3  # one title, three ids
    assert all(value.startswith("csto-ministers-meet-in-minsk") for value in relative.values())
    assert relative == absolute == dotted


def test_files_given_one_by_one_get_the_ids_they_get_in_their_folder(tmp_path):
    folder = tmp_path / "articles"
    write_corpus(folder)
    whole = ids((str(folder),), tmp_path, tmp_path / "site1")
    one_by_one = ids((str(folder / "a.txt"), str(folder / "b.txt")), tmp_path, tmp_path / "site2")
    assert one_by_one == {name: whole[name] for name in ("a.txt", "b.txt")}


def test_two_inputs_holding_the_same_file_name_still_get_two_ids(tmp_path):
    for name in ("left", "right"):
        write_corpus(tmp_path / name)
        (tmp_path / name / "sub" / "c.txt").unlink()
    (tmp_path / "right" / "a.txt").write_text(
        TEXT.format(month=6, day=3, n=9, speaker="Nikol Pashinyan"), encoding="utf-8"
    )
    config = load_config(inputs=(str(tmp_path / "left"), str(tmp_path / "right")), output=str(tmp_path / "site"))
    articles = load_corpus(config, use_cache=False).articles
    assert len(articles) == 3  # right/b.txt is a duplicate of left/b.txt
    assert len({a.id for a in articles}) == 3
