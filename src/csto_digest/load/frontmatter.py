"""Markdown articles with YAML front matter, written by hand.

Front matter fields win over extraction and say so (rule `front-matter`).
The Markdown body is turned into plain paragraphs for extraction; the page
renders the Markdown itself, safely.

Front matter is written by hand, so it is read forgivingly: one bad field never
costs the article. A field that cannot be read is dropped (a list item naming
nothing, just that item) with a warning naming the file's line, and the rest is
kept; front matter that is not YAML (`title: Putin: "no"`, a colon in an
unquoted title) is read line by line as `key: value`. Keys are matched
whatever their case (`Title:`), and a few common synonyms are taken (`link`).
Nothing here raises: the problems travel on `FrontMatter.problems`.
"""

from __future__ import annotations

import calendar
import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..config import Config
from ..model import Article, Evidence, Outlet, Problem, Speaker, ThemeHit
from ..user_yaml import NOT_A_DATE_ERRORS, names_something, unnamed_item

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
KNOWN_FIELDS = {
    "title": str, "date": (str, int), "source": str, "outlet": str, "url": str, "author": str,
    "speakers": list, "themes": list, "tags": list, "cited_sources": list, "places": list,
    "organizations": list, "description": str, "lang": str, "language": str,
}  # fmt: skip
# What Hugo, Jekyll, WordPress exports and people call our fields. `sources` are the outlets an article draws on.
SYNONYMS = {
    "link": "url", "permalink": "url", "canonical": "url", "canonical_url": "url", "source_url": "url",
    "authors": "author", "byline": "author", "by": "author", "writer": "author",
    "sources": "cited_sources", "organisations": "organizations",
    "publisher": "source", "publication": "source",
    "published": "date", "publishdate": "date", "publish_date": "date", "pubdate": "date", "date_published": "date",
    "datepublished": "date", "published_at": "date",
    "headline": "title", "keywords": "tags", "categories": "tags", "tag": "tags",
}  # fmt: skip
_NEEDS_TEXT = ("title", "source", "outlet", "url", "author")  # an empty one is left out
_LINE = re.compile(r"(?P<key>[A-Za-z_][\w -]*?)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*")
_ITEM = re.compile(r"[ \t]*-[ \t]+(?P<value>.*?)[ \t]*")
_SLASH_DATE = re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)")


class _Loader(yaml.SafeLoader):
    """YAML without its timestamps: a date stays the text the user wrote, for `parse_front_date`
    to read like any other. PyYAML makes `2024-13-45` into a date and then raises outside its
    own errors, with no line (see `user_yaml`); as text it is just a date we cannot read."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FrontMatterError(ValueError):
    """Kept for callers that catch it; reading front matter no longer raises it."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, Any]  # under our names (`url`, not `Link`), every value checked
    lines: dict[str, int]  # field -> line in the file
    problems: tuple[Problem, ...] = ()  # what was dropped or guessed, each naming its line
    written: dict[str, str] = field(default_factory=dict)  # field -> the key as the file writes it

    def evidence(self, key: str, text: Any) -> Evidence:
        """Why field `key` reads `text`: the key as the file writes it, on its line. A page's
        metadata (`html_page.PageMeta`) says instead which part of the page it came from."""
        return Evidence(f"{self.written.get(key, key)}: {text}", "front-matter", 1.0, line=self.lines.get(key))

    def _speakers(self, record: Article) -> tuple[Speaker, ...]:
        """The speakers the front matter lists, in its order.

        A name listed without a role keeps the role the text gives that person
        (`Secretary General Stanislav Zas said`), with the text's evidence and a note
        saying so: the writer named who speaks, not that the text's role is wrong."""
        extracted = {s.name: s for s in record.speakers}
        speakers = []
        for item in self.fields["speakers"]:
            name, role = (item.get("name"), item.get("role")) if isinstance(item, dict) else (item, None)
            name = str(name)
            count = sum(1 for q in record.quotes if q.speaker == name)
            evidence = self.evidence("speakers", name)
            known = extracted.get(name)
            if role is None and known is not None and known.role:
                role = known.role
                evidence = dataclasses.replace(
                    known.evidence, note="the front matter names this speaker; the role is the text's"
                )
            speakers.append(Speaker(name, role, count, evidence))
        return tuple(speakers)

    def apply(self, record: Article, config: Config) -> Article:
        from .article import parse_front_date

        changes: dict[str, Any] = {}
        f = self.fields
        ev = self.evidence
        if "title" in f:
            changes.update(title=str(f["title"]), title_derived=False, title_evidence=ev("title", f["title"]))
        if "url" in f:
            changes["url"] = str(f["url"])
        outlet = f.get("source") or f.get("outlet")
        if outlet:
            key = "source" if "source" in f else "outlet"
            changes["source"] = Outlet(str(outlet), ev(key, outlet))
        found = parse_front_date(f["date"]) if "date" in f else None
        if found is not None:  # split_front_matter dropped a date it cannot read
            changes.update(date=found.value, date_precision=found.precision, date_evidence=ev("date", f["date"]))
        if "author" in f:
            changes.update(author=str(f["author"]), author_evidence=ev("author", f["author"]))
        if "speakers" in f:
            changes["speakers"] = self._speakers(record)
        themes = f.get("themes") or []
        if themes:
            changes["themes"] = tuple(ThemeHit(str(t), ev("themes", t)) for t in themes)
        elif f.get("tags"):
            tagged = _tagged_themes(f["tags"], config, {hit.slug for hit in record.themes})
            if tagged:
                changes["themes"] = record.themes + tuple(ThemeHit(slug, ev("tags", tag)) for slug, tag in tagged)
        if "cited_sources" in f:
            changes["cited_sources"] = tuple(Outlet(str(n), ev("cited_sources", n)) for n in f["cited_sources"])
        listed = [(str(x), ev(key, x)) for key in ("places", "organizations") if key in f for x in f[key]]
        for key in ("places", "organizations"):
            if key in f:
                changes[key] = tuple(str(x) for x in f[key])
        if listed:  # the front matter's word for what it lists, over the text's
            names = {name for name, _ in listed}
            changes["listed"] = tuple(listed) + tuple(m for m in record.listed if m[0] not in names)
        return dataclasses.replace(record, **changes)


def _tagged_themes(tags: list[Any], config: Config, have: set[str]) -> list[tuple[str, Any]]:
    """(theme slug, tag) for each tag that names one of the site's themes by slug or title
    (`tajik-afghan-border`, `Armenia's membership`), beyond those the text already gave.
    A tag is the user's own word: one naming no theme is left alone."""
    by_name: dict[str, str] = {}
    for theme in config.themes:
        by_name[theme.slug.lower()] = theme.slug
        by_name[theme.title.lower()] = theme.slug
    found: list[tuple[str, Any]] = []
    for tag in tags:
        key = str(tag).strip().lower()
        slug = by_name.get(key) or by_name.get(key.replace(" ", "-"))
        if slug and slug not in have:
            have.add(slug)
            found.append((slug, tag))
    return found


def split_front_matter(text: str, path: str = "") -> tuple[FrontMatter | None, str, int]:
    """(front matter, body, line where the body starts). Never raises: what cannot be
    read is left out and said in `FrontMatter.problems` (on `path`), the body always kept."""
    match = _FENCE.match(text)
    if not match:
        return None, text, 1
    problems: list[Problem] = []
    raw_fields = _read_yaml(match.group("yaml"), path, problems)
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    written: dict[str, str] = {}
    seen: dict[str, int | None] = {}  # field -> the line of its first key, kept or dropped
    for raw_key, value, line in raw_fields:
        key = str(raw_key)
        name = SYNONYMS.get(key.strip().lower(), key.strip().lower())
        if name not in KNOWN_FIELDS:
            guess = difflib.get_close_matches(name, [*KNOWN_FIELDS, *SYNONYMS], n=1, cutoff=0.8)
            if guess:  # `titel:`; other fields are the user's own, and left alone
                problems.append(Problem(path, f"{key}: not a field we read (did you mean {guess[0]}?); ignored", line))
            continue
        if name in seen:  # `title:` and `Title:`, or `url:` and `link:`: the first is taken
            problems.append(Problem(path, f"{key}: {name} is given twice (line {seen[name]}); ignored", line))
            continue
        seen[name] = line
        checked = _checked(name, key, value, line, path, problems)
        if checked is not None:
            fields[name], written[name] = checked, key
            if line is not None:
                lines[name] = line
    body_start = text[: match.end()].count("\n") + 1
    return FrontMatter(fields, lines, tuple(problems), written), text[match.end() :], body_start


def front_matter_problems(path: str, text: str) -> tuple[Problem, ...]:
    """What reading the front matter of the Markdown file `path` dropped or guessed."""
    front = split_front_matter(text, path)[0]
    return front.problems if front is not None else ()


def _read_yaml(raw: str, path: str, problems: list[Problem]) -> list[tuple[Any, Any, int | None]]:
    """The (key, value, line of the key) of each field; failing YAML, of each `key: value`
    line (see `_read_lines`), and failing those, none."""
    try:
        node = yaml.compose(raw, Loader=_Loader)
        data = yaml.load(raw, Loader=_Loader)  # a SafeLoader, without timestamps
    except (yaml.YAMLError, RecursionError, *NOT_A_DATE_ERRORS) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        why = "nested too deeply" if isinstance(error, RecursionError) else getattr(error, "problem", None) or error
        pairs = _read_lines(raw)
        if not pairs:
            problems.append(Problem(path, f"front matter is not valid YAML ({why}); ignored", line))
        else:
            message = f"front matter is not valid YAML ({why}); read line by line as `key: value`"
            problems.append(Problem(path, message, line))
        return pairs
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.append(Problem(path, "front matter is not a mapping of fields (`key: value`); ignored", 2))
        return []
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 2  # a repeated key: YAML keeps the last
    return [(key, value, lines.get(str(key))) for key, value in data.items()]


def _read_lines(raw: str) -> list[tuple[Any, Any, int | None]]:
    """Front matter that is not YAML read as `key: value` lines, split at the first colon:
    `Title: Putin at CSTO summit: "No colour revolutions"` is a title. A value in brackets
    or quotes is read as YAML if it can be (`[a, b]`), and `- item` lines under an empty
    `key:` make a list; any other line is passed over."""
    pairs: list[tuple[Any, Any, int | None]] = []
    for number, line in enumerate(raw.split("\n"), 2):
        item = _ITEM.fullmatch(line)
        if item and pairs and (pairs[-1][1] is None or isinstance(pairs[-1][1], list)):
            key, value, at = pairs[-1]
            pairs[-1] = (key, [*(value or []), _line_value(item["value"])], at)
            continue
        found = _LINE.fullmatch(line)
        if found and not line.lstrip().startswith("#"):
            pairs.append((found["key"], _line_value(found["value"]) if found["value"] else None, number))
    return pairs


def _line_value(text: str) -> Any:
    if text[:1] in "[\"'" and text[-1:] in "]\"'":
        try:
            return yaml.load(text, Loader=_Loader)  # a SafeLoader, without timestamps
        except (yaml.YAMLError, RecursionError, *NOT_A_DATE_ERRORS):
            pass
    return text


def _checked(name: str, key: str, value: Any, line: int | None, path: str, problems: list[Problem]) -> Any:
    """The value of field `name` (written `key`) as we can use it, or None (and a problem) when it
    cannot be: a list of authors is joined, one name for a list field is a list of one, a number
    for text is its text; a list item that names nothing is dropped, the rest kept."""

    def drop(why: str) -> None:
        problems.append(Problem(path, f"{key}: {why}; ignored", line))

    if value is None:  # `title:` and nothing after it
        return drop("is empty")
    if name == "date":
        return _checked_date(value, drop)
    expected = KNOWN_FIELDS[name]
    if expected is str:
        if name == "author" and isinstance(value, list) and value and all(names_something(v) for v in value):
            value = ", ".join(str(v).strip() for v in value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return drop(f"expected text, got {type(value).__name__} {value!r}")
        if not value.strip() and name in _NEEDS_TEXT:
            return drop("is empty")
        return value
    if isinstance(value, str) and value.strip() and not value.startswith(("[", "{")):  # `[a, b` is broken
        value = [value]
    if not isinstance(value, list):
        return drop(f"expected a list, got {type(value).__name__} {value!r}")
    kept = []
    for number, item in enumerate(value, 1):
        if unnamed_item(name, [item]) is None:
            kept.append(item)
        else:
            what = "a name" if name == "speakers" else "text"
            problems.append(Problem(path, f"{key}: item {number} is {item!r}, not {what}; dropped", line))
    return kept if kept or not value else None  # `themes: []` says "none"; all dropped says nothing


def _checked_date(value: Any, drop: Callable[[str], None]) -> Any:
    """A date `parse_front_date` reads (YYYY-MM-DD, `7 March 2024`, `13/03/2024`), or None:
    a slash date that reads both ways (07/03/2024) gives none, never a guess."""
    from .article import parse_front_date

    if isinstance(value, bool) or not isinstance(value, str | int):
        return drop(f"expected a date, got {type(value).__name__} {value!r}")
    if parse_front_date(value) is not None:
        return value
    slash = _SLASH_DATE.fullmatch(str(value).strip())
    if slash and int(slash["a"]) <= 12 and int(slash["b"]) <= 12:
        a, b, year = int(slash["a"]), int(slash["b"]), slash["year"]
        month = calendar.month_name
        return drop(f"{value!r} reads both ways, as {a} {month[b]} or {month[a]} {b}, {year} (write YYYY-MM-DD)")
    return drop(f"{value!r} is not a date (write YYYY-MM-DD)")


# A run of consecutive `>` lines (nested `> >` too), each maybe indented under a list item.
_BLOCKQUOTE = re.compile(r"(?:^[ \t]{0,3}>[^\n]*(?:\n|\Z))+", re.MULTILINE)
_QUOTE_MARKER = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)


def _joined_blockquote(match: re.Match[str]) -> str:
    """One blockquote, one paragraph: its lines joined by spaces, set off by blank lines.

    Markdown renders the lines of a blockquote as one paragraph, and the text's lines become
    paragraphs, so left as they are a quote of two lines read as two. No quote marks are added:
    a quote's text must be words of the article as written, and a blockquote's speaker comes
    from the lead-in line above it (see `QuoteFinder._led_in`). A `>` line left empty inside
    the run separates paragraphs of the quote, as Markdown does."""
    lines = _QUOTE_MARKER.sub("", match.group(0)).split("\n")
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    before = match.string[: match.start()]
    opening = "\n" if before and not before.endswith("\n\n") else ""  # a blockquote interrupts a paragraph
    after = match.string[match.end() : match.end() + 1]
    closing = "\n" if after == "\n" else "\n\n"  # one blank line after it, whatever followed
    return opening + "\n\n".join(paragraphs) + closing


def markdown_to_text(markdown_text: str) -> str:
    """Plain text of a Markdown body, for the extraction rules: headings, emphasis,
    links and list markers are dropped, paragraphs kept."""
    text = re.sub(r"```.*?```", "", markdown_text, flags=re.DOTALL)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = _BLOCKQUOTE.sub(_joined_blockquote, text)
    text = re.sub(r"^\s*[*+-]\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"<[^>\n]+>", "", text)
    return text
