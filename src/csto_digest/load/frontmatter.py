"""Markdown articles with YAML front matter, written by hand.

Front matter fields win over extraction and say so (rule `front-matter`).
The Markdown body is turned into plain paragraphs for extraction; the page
renders the Markdown itself, safely.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..config import Config
from ..model import Article, Evidence, Outlet, Speaker, ThemeHit
from ..user_yaml import NOT_A_DATE_ERRORS, impossible_date, unnamed_item

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
KNOWN_FIELDS = {
    "title": str, "date": (str, int), "source": str, "outlet": str, "url": str, "author": str,
    "speakers": list, "themes": list, "tags": list, "cited_sources": list, "places": list,
    "organizations": list, "description": str, "lang": str, "language": str,
}  # fmt: skip


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, Any]
    lines: dict[str, int]  # field -> line in the file

    def apply(self, record: Article, config: Config) -> Article:
        from .article import parse_front_date

        changes: dict[str, Any] = {}
        f = self.fields

        def ev(key: str, text: Any) -> Evidence:
            return Evidence(f"{key}: {text}", "front-matter", 1.0, line=self.lines.get(key))

        if "title" in f:
            changes.update(title=str(f["title"]), title_derived=False, title_evidence=ev("title", f["title"]))
        if "url" in f:
            changes["url"] = str(f["url"])
        outlet = f.get("source") or f.get("outlet")
        if outlet:
            key = "source" if "source" in f else "outlet"
            changes["source"] = Outlet(str(outlet), ev(key, outlet))
        if "date" in f:
            found = parse_front_date(f["date"])
            if found is None:
                raise FrontMatterError(f"date: {f['date']!r} is not a date (write YYYY-MM-DD)", self.lines.get("date"))
            changes.update(date=found.value, date_precision=found.precision, date_evidence=ev("date", f["date"]))
        if "author" in f:
            changes["author"] = str(f["author"])
        if "speakers" in f:
            speakers = []
            for item in f["speakers"]:
                name, role = (item.get("name"), item.get("role")) if isinstance(item, dict) else (item, None)
                count = sum(1 for q in record.quotes if q.speaker == name)
                speakers.append(Speaker(str(name), role, count, ev("speakers", name)))
            changes["speakers"] = tuple(speakers)
        themes = f.get("themes") or []
        if themes:
            changes["themes"] = tuple(ThemeHit(str(t), ev("themes", t)) for t in themes)
        if "cited_sources" in f:
            changes["cited_sources"] = tuple(Outlet(str(n), ev("cited_sources", n)) for n in f["cited_sources"])
        for key in ("places", "organizations"):
            if key in f:
                changes[key] = tuple(str(x) for x in f[key])
        return dataclasses.replace(record, **changes)


def split_front_matter(text: str) -> tuple[FrontMatter | None, str, int]:
    """(front matter, body, line where the body starts). Raises FrontMatterError."""
    match = _FENCE.match(text)
    if not match:
        return None, text, 1
    raw = match.group("yaml")
    try:
        node = yaml.compose(raw)
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else None
        raise FrontMatterError(f"front matter is not valid YAML: {getattr(error, 'problem', error)}", line) from None
    except NOT_A_DATE_ERRORS:  # `date: 2024-13-45`, which YAML takes for a date and cannot make one
        found = impossible_date(node)
        raise FrontMatterError(found.message(), None if found.line is None else found.line + 2) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of fields", 2)
    lines: dict[str, int] = {}
    if node is not None and isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 2
    for key, value in data.items():
        expected = KNOWN_FIELDS.get(str(key))
        if expected is None:
            continue  # unknown fields are the user's own; keep going
        if key == "date" and not isinstance(value, str | int) and not hasattr(value, "isoformat"):
            raise FrontMatterError(f"date: expected a date, got {type(value).__name__}", lines.get(key))
        if key != "date" and not isinstance(value, expected):
            want = expected.__name__ if isinstance(expected, type) else "text"
            raise FrontMatterError(f"{key}: expected {want}, got {type(value).__name__} {value!r}", lines.get(key))
        if expected is str and not value.strip() and key in ("title", "source", "outlet", "url", "author"):
            raise FrontMatterError(f"{key}: is empty (leave the field out instead)", lines.get(key))
        if expected is list:
            _check_items(str(key), value, lines.get(key))
    body_start = text[: match.end()].count("\n") + 1
    return FrontMatter(data, lines), text[match.end() :], body_start


def _check_items(key: str, items: list[Any], line: int | None) -> None:
    """Every item of a list field names something (see `unnamed_item`)."""
    unnamed = unnamed_item(key, items)
    if unnamed is not None:
        number, item = unnamed
        what = "a name" if key == "speakers" else "text"
        raise FrontMatterError(f"{key}: item {number} is {item!r}, not {what}", line)


def markdown_to_text(markdown_text: str) -> str:
    """Plain text of a Markdown body, for the extraction rules: headings, emphasis,
    links and list markers are dropped, paragraphs kept."""
    text = re.sub(r"```.*?```", "", markdown_text, flags=re.DOTALL)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[*+-]\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"<[^>\n]+>", "", text)
    return text
