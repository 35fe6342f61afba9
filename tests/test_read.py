"""Reading article files: decode what can be decoded, refuse the rest, one message per file."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from csto_digest.load.read import MAX_BYTES, read_article_bytes, read_article_file
from csto_digest.model import Problem

RUSSIAN = (
    "ОДКБ готова помочь Армении\n\n"
    "МОСКВА, 5 марта. Генеральный секретарь ОДКБ Имангали Тасмагамбетов заявил, что организация "
    "готова помочь Армении. «Мы всегда открыты для диалога», — сказал он журналистам.\n"
)
FRENCH = (
    "L'OTSC prête à aider\n\n"
    "Le secrétaire général de l'OTSC a déclaré à Genève que l'organisation était prête à aider. "
    "« Nous sommes toujours ouverts », a-t-il dit aux journalistes à Zürich. Ça suffit.\n"
)
ENGLISH = "CSTO meets in Minsk\n\nThe CSTO met in Minsk on Monday. “We are ready,” said the Secretary General.\n"


def read(data: bytes, name: str = "a.txt"):
    text, problems = read_article_bytes(Path(name), data)
    assert len(problems) <= 1, problems
    return text, (problems[0] if problems else None)


def test_plain_utf8_is_read_silently():
    assert read(ENGLISH.encode()) == (ENGLISH, None)


@pytest.mark.parametrize(
    ("data", "text", "words", "severity"),
    [
        (RUSSIAN.encode("cp1251"), RUSSIAN, "decoded as Windows-1251", "warning"),
        (RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-").encode("koi8_r"), None, "KOI8-R", "warning"),
        (FRENCH.encode("latin-1"), FRENCH, "decoded as Windows-1252", "warning"),
        (codecs.BOM_UTF8 + RUSSIAN.encode(), RUSSIAN, "UTF-8 with a byte-order mark", "note"),
        (RUSSIAN.encode("utf-16"), RUSSIAN, "UTF-16 with a byte-order mark", "note"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), RUSSIAN, "UTF-16 with a byte-order mark", "note"),
        (RUSSIAN.encode("utf-32"), RUSSIAN, "UTF-32 with a byte-order mark", "note"),
    ],
    ids=["cp1251", "koi8-r", "latin-1", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_encodings_are_told_and_said(data, text, words, severity):
    decoded, problem = read(data)
    if text is not None:
        assert decoded == text
    else:
        assert "Тасмагамбетов" in decoded
    assert words in problem.message
    assert problem.severity == severity
    assert problem.path == "a.txt"


def test_an_encoding_that_cannot_be_told_is_refused_with_its_line():
    data = b"Title\nsecond line\n" + bytes(range(0x80, 0x100)) * 3 + bytes(range(1, 9)) * 40
    text, problem = read(data)
    assert text is None
    assert problem.message == "not UTF-8 (line 3), and its encoding cannot be told; skipped"
    assert problem.line == 3


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + os.urandom(200), "a PDF"),
        (b"PK\x03\x04\x14\x00" + os.urandom(200), "a zip archive"),
        (b"\xff\xd8\xff\xe0" + os.urandom(200), "a JPEG image"),
        (b"RIFF\x24\x08\x00\x00WAVEfmt " + os.urandom(200), "a media file"),
        (b"ID3\x03\x00\x00\x00\x00\x0f\x76" + os.urandom(200), "an MP3 file"),
        (b"some text\x00\x00\x00\x00 and \x00\x00\x00\x00 more", "NUL bytes"),
        (bytes(range(1, 9)) * 50 + b"text", "control characters"),
        (b"", "empty file"),
        (b"  \n\t\r\n   \n", "only whitespace"),
        (codecs.BOM_UTF8 + b"\n\n", "only whitespace"),
    ],
    ids=["png", "pdf", "zip", "jpeg", "wav", "mp3", "nul", "control", "empty", "whitespace", "bom-only"],
)
def test_what_is_not_an_article_is_refused_with_one_message(data, words):
    text, problem = read(data)
    assert text is None
    assert words in problem.message and problem.message.endswith("; skipped")


def test_a_stray_nul_byte_is_removed_and_said():
    data = ("x" * 500 + "\nline two\x00 goes on\n").encode()
    text, problem = read(data)
    assert text == "x" * 500 + "\nline two goes on\n"
    assert problem.message == "1 NUL byte removed (first on line 2)"


@pytest.mark.parametrize(
    ("raw", "words"),
    [("Title\r\n\r\nBody one.\r\nBody two.\r\n", "CRLF"), ("Title\r\rBody one.\rBody two.\r", "lone CR")],
)
def test_line_endings_become_lf(raw, words):
    text, problem = read(raw.encode())
    assert text == "Title\n\nBody one.\nBody two.\n"
    assert words in problem.message and problem.severity == "note"


def test_several_oddities_in_one_file_give_one_message():
    text, problem = read(codecs.BOM_UTF16_LE + "Title\r\n\r\nBody.\r\n".encode("utf-16-le"))
    assert text == "Title\n\nBody.\n"
    assert problem.message == "UTF-16 with a byte-order mark; CRLF (Windows) line endings read as LF"


def test_a_huge_file_is_refused_from_its_size_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    text, problems = read_article_file(huge)
    assert time.perf_counter() - started < 0.5
    assert text is None
    assert [str(p) for p in problems] == [f"warning: {huge}: file is 50 MB, over the 20 MB limit; skipped"]
    assert MAX_BYTES == 20 * 1024 * 1024


def test_the_limit_is_an_argument(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    assert read_article_file(path, max_bytes=10)[0] is None
    assert read_article_file(path)[0] == ENGLISH


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH)
    path.chmod(0)
    text, problems = read_article_file(path)
    assert text is None
    assert [p.message for p in problems] == ["cannot read: Permission denied; skipped"]


def test_a_missing_file_is_reported(tmp_path):
    text, problems = read_article_file(tmp_path / "gone.txt")
    assert text is None and "No such file" in problems[0].message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_is_told_by_its_nul_bytes(encoding):
    text, problem = read(ENGLISH.replace("“", '"').replace("”", '"').encode(encoding))
    assert text == ENGLISH.replace("“", '"').replace("”", '"')
    assert problem.message == f"{encoding.upper()} without a byte-order mark (told by its NUL bytes)"
    assert problem.severity == "warning"


def test_nul_bytes_that_are_not_utf16_are_still_binary():
    text, problem = read(b"\x00" * 64 + b"\x01\x02" * 64)
    assert text is None and "not an article" in problem.message


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    started = time.perf_counter()
    assert read_article_file(pipe) == (None, (Problem(str(pipe), "not a regular file; skipped"),))
    assert time.perf_counter() - started < 1


def test_a_folder_or_a_device_is_refused(tmp_path):
    assert read_article_file(tmp_path)[0] is None
    if Path("/dev/zero").exists():  # endless if read
        assert read_article_file(Path("/dev/zero"))[1][0].message == "not a regular file; skipped"


def test_a_permission_error_is_reported_even_for_root(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("csto_digest.load.read.os.open", refuse)
    assert read_article_file(path) == (
        None,
        (Problem(str(path), "cannot read: Permission denied; skipped", severity="error"),),
    )


def test_a_headline_that_opens_like_a_magic_number_is_text():
    for headline in ("RIFF between Baku and Yerevan widens\n\nBody.\n", "ID3 report on the CSTO\n\nBody.\n"):
        assert read(headline.encode()) == (headline, None)
