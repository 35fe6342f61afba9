"""Bytes to text: decode what can be decoded, refuse what is not an article.

Each file gives at most one message, naming it (and the line, where there is
one), so a messy folder reads as one line per odd file:

- UTF-8 is read as is; UTF-8, UTF-16 and UTF-32 with a byte-order mark are
  read by their mark (a note says so); UTF-16 without its mark is told by
  the NUL bytes on one side of every character (a warning says so);
- a saved page (`.html`, `.htm`) that is not UTF-8 is read in the charset its
  markup declares (`<meta charset="windows-1251">`, `<meta http-equiv=
  "Content-Type" content="text/html; charset=koi8-r">`), as a browser reads
  it (a page labelled Latin-1 or ASCII is Windows-1252), with a note naming
  the charset and its line; a declared charset that Python does not know,
  that is no charset of text, or that does not decode the page gives way to
  the guess below, with a warning saying so;
- other encodings (Windows-1251 or KOI8-R Russian, Latin-1, ...) are told by
  `charset_normalizer` rather than guessed by hand, preferring the encodings
  news text is usually in when several decode alike; a warning names the one
  used, and a file whose encoding cannot be told is skipped with a warning;
- binary files (images, PDFs, archives, anything dense with NUL or control
  bytes), empty and whitespace-only files, files over `MAX_BYTES` (told
  from the size alone, without reading them), and anything that is not a
  regular file (a named pipe, a device) are skipped;
- a few stray NUL or control bytes in text are removed, and CRLF and lone-CR
  line endings become LF, each with a note.

Notes (`severity="note"`) describe what was done to a file that was read fine;
they are reported but do not fail a `--strict` build.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from ..model import Problem
from .html_page import HTML_SUFFIXES

MAX_BYTES = 20 * 1024 * 1024
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive (or an Office document)", b"PK\x05\x06": "an empty zip archive",
    b"\x1f\x8b": "a gzip archive", b"\x7fELF": "a program", b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive", b"\xd0\xcf\x11\xe0": "an old Office document", b"OggS": "an audio file",
    b"\x00\x00\x00\x18ftyp": "a video", b"\x00\x00\x00\x20ftyp": "a video",
    b"\x1aE\xdf\xa3": "a video", b"wOFF": "a font", b"\x00\x00\x01\x00": "an icon",
}  # fmt: skip
_ANY_MAGIC = tuple(_BINARY_MAGIC)
# Magic numbers that are also words a headline could open with ("RIFF between
# Baku and Yerevan") count only with the bytes that follow them in such files.
_BINARY_PATTERNS = (
    (re.compile(rb"RIFF[\x00-\xff]{4}(WAVE|AVI |WEBP)", re.DOTALL), "a media file"),
    (re.compile(rb"ID3[\x02-\x04]\x00"), "an MP3 file"),
)
# When several encodings decode a file alike, the first of these wins: the
# encodings CSTO coverage comes in (Western European, Russian, Central European,
# Turkish/Azerbaijani, Arabic), Windows code pages before their ISO cousins.
PREFERRED_ENCODINGS = (
    "cp1252", "cp1251", "koi8_r", "cp1250", "cp866", "iso8859_5", "mac_cyrillic", "koi8_u", "cp1254", "cp1256",
    "latin_1", "iso8859_2",
)  # fmt: skip
_NAMES = {"cp1252": "Windows-1252 (Latin-1)", "cp1251": "Windows-1251", "cp1250": "Windows-1250", "koi8_r": "KOI8-R",
          "cp866": "CP866", "latin_1": "Latin-1", "cp1254": "Windows-1254", "cp1256": "Windows-1256"}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # not tab, LF, FF, CR
_BINARY_SHARE = 0.01  # more NUL or control bytes than this: not text


def read_article_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[str | None, tuple[Problem, ...]]:
    """The text of an article file, and at most one Problem about it.

    Only regular files are read (a named pipe or `/dev/zero` would never end;
    it is opened without waiting for a writer, to be told apart), and never
    more than `max_bytes` of them, even if the file grows meanwhile.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                return None, (Problem(str(path), "not a regular file; skipped"),)
            if status.st_size > max_bytes:
                return None, (_too_big(path, status.st_size, max_bytes),)
            data = _read_at_most(handle, status.st_size, max_bytes + 1)
    except OSError as error:
        return None, (Problem(str(path), f"cannot read: {error.strerror or error}; skipped", severity="error"),)
    if len(data) > max_bytes:
        return None, (_too_big(path, len(data), max_bytes),)
    return read_article_bytes(path, data)


def _read_at_most(handle: BinaryIO, size: int, limit: int) -> bytes:
    """The file's first `limit` bytes (all of it, if shorter).

    Asked for its stat size and one byte more, the read stops at the end of the
    file without a buffer of `limit` bytes being made for every small article;
    only a file that grew since its stat is read on, up to the limit."""
    data = handle.read(min(size + 1, limit))
    if len(data) == size + 1 < limit:
        data += handle.read(limit - len(data))
    return data


def _too_big(path: Path, size: int, max_bytes: int) -> Problem:
    return Problem(str(path), f"file is {_size(size)}, over the {_size(max_bytes)} limit; skipped")


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def read_article_bytes(path: Path | str, data: bytes) -> tuple[str | None, tuple[Problem, ...]]:
    """Decode `data`; returns (text or None, at most one Problem naming `path`)."""
    name = str(path)

    def skip(message: str, line: int | None = None) -> tuple[None, tuple[Problem, ...]]:
        return None, (Problem(name, message + "; skipped", line),)

    if not data:
        return skip("empty file")
    kind = _binary_kind(data)
    if kind:
        return skip(f"{kind}, not an article")
    notes: list[str] = []
    warning = False
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, replaced = _decode(data, "utf-32")
        notes.append("UTF-32 with a byte-order mark")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, replaced = _decode(data, "utf-16")
        notes.append("UTF-16 with a byte-order mark")
    elif data.startswith(codecs.BOM_UTF8):
        text, replaced = _decode(data[3:], "utf-8")
        notes.append("UTF-8 with a byte-order mark")
    elif (bomless := _bomless_utf16(data)) is not None:
        text, encoding = bomless
        replaced = 0
        notes.append(f"{encoding} without a byte-order mark (told by its NUL bytes)")
        warning = True
    else:
        nul = data.count(b"\x00")
        if nul > len(data) * _BINARY_SHARE:
            return skip(f"binary file ({nul} NUL bytes), not an article")
        if nul:
            first = _line_of(data, b"\x00")
            notes.append(f"{nul} NUL byte{'s' if nul > 1 else ''} removed (first on line {first})")
            data = data.replace(b"\x00", b"")
        try:
            text, replaced = data.decode("utf-8"), 0
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            declared = _read_as_declared(data) if Path(name).suffix.lower() in HTML_SUFFIXES else None
            if declared is not None and declared[0] is not None:
                text, replaced = declared[0], 0
                notes.append(declared[1])
            else:
                gave_way = f"{declared[1]}; " if declared is not None else ""
                if declared is not None:
                    notes.append(declared[1])
                told = _tell_encoding(data)
                if told is None:
                    return skip(f"{gave_way}not UTF-8 (line {line}), and its encoding cannot be told", line)
                text, encoding = told
                replaced = 0
                notes.append(f"not UTF-8; decoded as {encoding} (told by charset_normalizer)")
                warning = True
    if replaced:
        notes.append(f"{replaced} undecodable byte{'s' if replaced > 1 else ''} replaced by �")
        warning = True
    controls = len(_CONTROL.findall(text))
    if controls > max(len(text) * _BINARY_SHARE, 2):
        return skip(f"binary data ({controls} control characters), not an article")
    if controls:
        notes.append(f"{controls} control character{'s' if controls > 1 else ''} removed")
        text = _CONTROL.sub("", text)
    if "\r" in text:
        crlf = text.count("\r\n")
        lone = text.count("\r") - crlf
        if lone:
            notes.append("lone CR (old Mac) line endings read as line breaks")
        elif crlf:
            notes.append("CRLF (Windows) line endings read as LF")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return skip("only whitespace" if text else "empty file")
    if not notes:
        return text, ()
    return text, (Problem(name, "; ".join(notes), severity="warning" if warning else "note"),)


def _binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` opens like, or None."""
    if data.startswith(_ANY_MAGIC):
        return next(kind for magic, kind in _BINARY_MAGIC.items() if data.startswith(magic))
    for pattern, kind in _BINARY_PATTERNS:
        if pattern.match(data):
            return kind
    return None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for UTF-16 saved without its mark, or None.

    Text in a Latin script saved so has a NUL in every other byte, on one side:
    the odd bytes for little-endian, the even ones for big-endian. Anything
    else with NUL bytes is binary, or text with a few stray NULs.
    """
    if len(data) % 2 or data.count(b"\x00") < len(data) // 4:
        return None
    for encoding, side in (("UTF-16-LE", data[1::2]), ("UTF-16-BE", data[0::2])):
        if side.count(b"\x00") < len(side) * 0.6:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        if len(_CONTROL.findall(text)) <= len(text) * _BINARY_SHARE:
            return text, encoding
    return None


def _decode(data: bytes, encoding: str) -> tuple[str, int]:
    text = data.decode(encoding, errors="replace")
    return text, text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.find(needle)].count(b"\n") + 1


def _tell_encoding(data: bytes) -> tuple[str, str] | None:
    """(text, encoding name) as charset_normalizer tells it, or None."""
    matches = list(from_bytes(data, cp_isolation=list(PREFERRED_ENCODINGS)))
    if not matches:
        best = from_bytes(data).best()
        matches = [best] if best is not None else []
    if not matches:
        return None

    def rank(encoding: str) -> int:
        return PREFERRED_ENCODINGS.index(encoding) if encoding in PREFERRED_ENCODINGS else len(PREFERRED_ENCODINGS)

    best = min(matches, key=lambda m: (round(m.chaos, 2), -round(m.coherence, 2), rank(m.encoding)))
    # Encodings that decode these bytes to the same text are listed together; name the likeliest.
    encoding = min(best.could_be_from_charset or [best.encoding], key=rank)
    return str(best), _NAMES.get(encoding, encoding)


# `<meta charset="windows-1251">`, `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`:
# the charset is named inside a meta tag either way, whatever the order of its attributes.
_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,400}?\bcharset\s*=\s*[\"']?\s*(?P<label>[a-z0-9][\w.:+-]{0,39})", re.IGNORECASE
)
_NEWLINE = b"\n"
_HEAD_BYTES = 64 * 1024  # a page declares its charset in its head, before any text
# Labels browsers read otherwise (the WHATWG Encoding Standard): a page labelled Latin-1 or ASCII is
# Windows-1252, whose curly quotes and dashes Latin-1 lacks; a page read as bytes is never UTF-16 or UTF-32.
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8",
                     "utf-16-be": "utf-8", "utf-32": "utf-8", "utf-32-le": "utf-8", "utf-32-be": "utf-8"}  # fmt: skip
# Codecs Python knows that no page is written in: they would turn escapes or markup into other text.
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7"})


def _read_as_declared(data: bytes) -> tuple[str | None, str] | None:
    """(text, note) for a page read in the charset its markup declares; (None, why not) when that
    charset cannot read it, for the guess to; None when the page declares none.

    The page's own word is surer than a guess from its letters: a few Russian words in an English
    page are too few to tell Windows-1251 from KOI8-R by."""
    match = _META_CHARSET.search(data, 0, _HEAD_BYTES)
    if match is None:
        return None
    label = match["label"].decode("ascii")
    line = data[: match.start()].count(_NEWLINE) + 1
    why = f"the page declares the charset {label}"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None, f"{why}, which Python does not know"
    codec = _AS_BROWSERS_READ.get(codec, codec)
    if codec in _NOT_CHARSETS:
        return None, f"{why}, which is no charset of text"
    try:
        text = data.decode(codec)
    except LookupError:  # a codec of bytes to bytes (base64, zlib): no charset of text
        return None, f"{why}, which is no charset of text"
    except UnicodeDecodeError as error:
        return None, f"{why}, which does not decode it (line {data[: error.start].count(_NEWLINE) + 1})"
    named = _NAMES.get(codec.replace("-", "_"), label)
    return text, f"not UTF-8; decoded as {named}, the charset the page declares (line {line})"
