"""Bytes to text: decode what can be decoded, refuse what is not an article.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read directly; other
encodings (Windows-1251 Russian, Latin-1) are told by `charset_normalizer`
rather than guessed by hand, and a warning says which was used. Binary files,
empty files and files over the size limit are refused with a Problem naming
the file. Line endings become LF.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..model import Problem

MAX_BYTES = 20 * 1024 * 1024
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive", b"\x1f\x8b": "a gzip archive", b"RIFF": "a media file",
    b"\x7fELF": "a program", b"BM": None,
}  # fmt: skip


def read_article_file(path: Path) -> tuple[str | None, tuple[Problem, ...]]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, (
                Problem(
                    str(path),
                    f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit; skipped",
                ),
            )
        data = path.read_bytes()
    except OSError as error:
        return None, (Problem(str(path), f"cannot read: {error.strerror or error}", severity="error"),)
    return read_article_bytes(path, data)


def read_article_bytes(path: Path, data: bytes) -> tuple[str | None, tuple[Problem, ...]]:
    name = str(path)
    for magic, kind in _BINARY_MAGIC.items():
        if kind and data.startswith(magic):
            return None, (Problem(name, f"{kind}, not an article; skipped"),)
    problems: list[Problem] = []
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        problems.append(Problem(name, "decoded as UTF-16"))
    else:
        if b"\x00" in data[:4096]:
            return None, (Problem(name, "binary file (NUL bytes), not an article; skipped"),)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            best = from_bytes(data).best()
            if best is None:
                line = data[: error.start].count(b"\n") + 1
                return None, (Problem(name, "not text in any encoding that can be told; skipped", line),)
            text = str(best)
            problems.append(Problem(name, f"not UTF-8; decoded as {best.encoding}"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        return None, (*problems, Problem(name, "empty file; skipped"))
    return text, tuple(problems)
