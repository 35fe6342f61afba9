"""Corrections: a user fixes an extraction without editing the article.

A correction is a YAML mapping, either in a file beside the article
(`NAME.yml` next to `NAME.txt`) or under `overrides:` in the config, keyed
by the article's id or path. Any field can be set; quotes are named by their
`index` (as `csto-digest inspect` lists them, from 0) or by the words they
`start` with:

    title: A better title
    date: 2022-12-19
    source: Sputnik Tajikistan
    themes: {add: [enlargement], remove: [afghanistan]}
    quotes:
      - {index: 1, speaker: Stanislav Zas}
      - {start: "This issue is not", strike: true}

Each change is recorded as a `Correction` the page shows. A correction naming
a field or quote that does not exist is an error naming its file and line.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..config import Config
from ..model import Article, Correction, Evidence, Outlet, Quote, Speaker, ThemeHit
from ..user_yaml import NOT_A_DATE_ERRORS, impossible_date, names_something, unnamed_item
from .text import comparable

SETTABLE = {
    "title", "date", "source", "url", "author", "themes", "quotes", "speakers", "cited_sources",
    "places", "organizations",
}  # fmt: skip


class OverrideError(Exception):
    def __init__(self, message: str, path: str, line: int | None = None):
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.message, self.path, self.line = message, path, line


@dataclass(frozen=True)
class CorrectionSource:
    path: str
    data: dict[str, Any]
    lines: dict[str, Any]  # field -> line; "quotes" -> list of lines


Listings = dict[str, frozenset[str] | None]  # folder -> case-folded stems of its .yml/.yaml files (None: unreadable)


def find_corrections(article: Article, config: Config, listings: Listings | None = None) -> list[CorrectionSource]:
    """The corrections of one article: the files beside it, then the config's.

    With `listings` (shared over a corpus), each folder is listed once and an
    article with no correction file beside it costs one lookup, instead of
    two questions to the file system."""
    found: list[CorrectionSource] = []
    if _may_have_side_file(article.path, listings):
        base = Path(article.path)
        for suffix in (".yml", ".yaml"):
            side = base.with_suffix(suffix)
            if side != base and side.is_file():
                found.append(_read(side))
    if config.overrides:
        base = Path(article.path)
        for key in (article.id, article.path, base.name, base.stem):
            if key in config.overrides:
                where = str(config.config_path or "config")
                line = config.overrides_lines.get(key)
                found.append(CorrectionSource(where, dict(config.overrides[key]), {"*": line}))
    return found


def _may_have_side_file(path: str, listings: Listings | None) -> bool:
    """False only when the article's folder surely holds no `STEM.yml` or `STEM.yaml`.

    Names are compared case-folded, as a case-blind file system would; the
    stem is taken as `Path.stem` takes it; `is_file` has the last word."""
    if listings is None:
        return True
    folder, name = os.path.split(path)
    if not name:
        return True
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    if folder not in listings:
        listings[folder] = _correction_stems(folder or ".")
    stems = listings[folder]
    return stems is None or stem.casefold() in stems


def _correction_stems(folder: str) -> frozenset[str] | None:
    try:
        names = [name.casefold() for name in os.listdir(folder)]
    except OSError:
        return None
    return frozenset(n[: -len(s)] for n in names for s in (".yml", ".yaml") if n.endswith(s))


def _read(path: Path) -> CorrectionSource:
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)  # YAML's own words, without its excerpt
        raise OverrideError(
            f"cannot read the correction: {problem}", str(path), mark.line + 1 if mark else None
        ) from None
    except NOT_A_DATE_ERRORS:  # `date: 2024-13-45`, which YAML takes for a date and cannot make one
        found = impossible_date(node)
        raise OverrideError(found.message(), str(path), None if found.line is None else found.line + 1) from None
    if not isinstance(data, dict):
        raise OverrideError("a correction must be a mapping of fields", str(path), 1)
    lines: dict[str, Any] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
            if key_node.value == "quotes" and isinstance(value_node, yaml.SequenceNode):
                lines["quotes[]"] = [item.start_mark.line + 1 for item in value_node.value]
    return CorrectionSource(str(path), data, lines)


def apply_overrides(article: Article, sources: list[CorrectionSource], config: Config) -> Article:
    for source in sources:
        article = _apply(article, source, config)
    return article


def _apply(article: Article, source: CorrectionSource, config: Config) -> Article:
    changes: dict[str, Any] = {}
    corrections = list(article.corrections)

    def line(key: str) -> int | None:
        return source.lines.get(key) or source.lines.get("*")

    def where(key: str) -> str:
        n = line(key)
        return f"{source.path}:{n}" if n else source.path

    def evidence(key: str, value: Any) -> Evidence:
        return Evidence(f"{key}: {value}", "override", 1.0, line=line(key), note=f"corrected in {where(key)}")

    for key, value in source.data.items():
        if key not in SETTABLE:
            raise OverrideError(
                f"unknown field {key!r} (fields: {', '.join(sorted(SETTABLE))})", source.path, line(key)
            )
        if key == "title":
            if not names_something(value):
                raise OverrideError(
                    f"title: {value!r} is no title (a title can be changed, not removed)", source.path, line(key)
                )
            changes.update(title=str(value), title_derived=False, title_evidence=evidence(key, value))
            corrections.append(Correction("title", article.title, str(value), where(key)))
        elif key == "date":
            from .article import parse_front_date

            found = parse_front_date(value) if value is not None else None
            if value is not None and found is None:
                raise OverrideError(f"date: {value!r} is not a date (write YYYY-MM-DD)", source.path, line(key))
            changes.update(
                date=found.value if found else None,
                date_precision=found.precision if found else None,
                date_evidence=evidence(key, value) if found else None,
            )
            corrections.append(Correction("date", article.date, found.value if found else None, where(key)))
        elif key == "source":
            outlet = Outlet(str(value), evidence(key, value)) if value else None
            changes["source"] = outlet
            corrections.append(Correction("source", article.source.name if article.source else None, value, where(key)))
        elif key in ("url", "author"):
            if value is not None and not names_something(value):
                raise OverrideError(f"{key}: {value!r} is not text (null removes it)", source.path, line(key))
            changes[key] = value if value is None else str(value)
            if key == "author":
                changes["author_evidence"] = evidence(key, value) if value is not None else None
            corrections.append(Correction(key, getattr(article, key), value, where(key)))
        elif key in ("places", "organizations"):
            changes[key] = tuple(str(v) for v in _items(key, value, source, line(key)))
            corrections.append(Correction(key, list(getattr(article, key)), list(changes[key]), where(key)))
            corrected = {name: evidence(key, name) for name in changes[key]}
            kept = changes.get("listed", article.listed)
            changes["listed"] = tuple(corrected.items()) + tuple(m for m in kept if m[0] not in corrected)
        elif key == "cited_sources":
            changes[key] = tuple(Outlet(str(v), evidence(key, v)) for v in _items(key, value, source, line(key)))
            corrections.append(Correction(key, [o.name for o in article.cited_sources], list(value or ()), where(key)))
        elif key == "themes":
            changes["themes"] = _themes(article, value, source, line(key), evidence, config)
            corrections.append(
                Correction("themes", [t.slug for t in article.themes], [t.slug for t in changes["themes"]], where(key))
            )
        elif key == "quotes":
            quotes, notes = _quotes(article, value, source)
            changes["quotes"] = quotes
            corrections.extend(notes)
        elif key == "speakers":
            changes["speakers"] = tuple(
                Speaker(
                    str(s.get("name") if isinstance(s, dict) else s),
                    s.get("role") if isinstance(s, dict) else None,
                    0,
                    evidence(key, s),
                )
                for s in _items(key, value, source, line(key))
            )
            corrections.append(
                Correction(
                    "speakers", [s.name for s in article.speakers], [s.name for s in changes["speakers"]], where(key)
                )
            )
    updated = dataclasses.replace(article, **changes, corrections=tuple(corrections))
    if "quotes" in changes and "speakers" not in changes:
        updated = dataclasses.replace(updated, speakers=_recount(updated))
    return updated


def _items(key: str, value: Any, source: CorrectionSource, line: int | None) -> list[Any]:
    """A list field's items, each naming something: `speakers: [null]` would make a speaker called "None"."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise OverrideError(f"{key}: expected a list, got {value!r}", source.path, line)
    unnamed = unnamed_item(key, value)
    if unnamed is not None:
        number, item = unnamed
        raise OverrideError(f"{key}: item {number} is {item!r}, which names no one and nothing", source.path, line)
    return value


def _themes(article: Article, value: Any, source: CorrectionSource, line: int | None, evidence, config: Config):
    known = {t.slug for t in config.themes}
    current = {t.slug: t for t in article.themes}
    if isinstance(value, list):
        wanted, removed = [str(v) for v in value], set(current) - {str(v) for v in value}
    elif isinstance(value, dict):
        wanted = [*current, *[str(v) for v in value.get("add") or ()]]
        removed = {str(v) for v in value.get("remove") or ()}
    else:
        raise OverrideError("themes: expected a list of slugs or {add: [...], remove: [...]}", source.path, line)
    for slug in [*wanted, *removed]:
        if known and slug not in known:
            raise OverrideError(f"themes: no theme has the slug {slug!r}", source.path, line)
    hits = []
    for slug in dict.fromkeys(wanted):
        if slug in removed:
            continue
        hits.append(current.get(slug) or ThemeHit(slug, evidence("themes", slug)))
    return tuple(hits)


def _quotes(article: Article, items: Any, source: CorrectionSource) -> tuple[tuple[Quote, ...], list[Correction]]:
    quotes = list(article.quotes)
    notes: list[Correction] = []
    lines = source.lines.get("quotes[]") or []
    if not isinstance(items, list):
        raise OverrideError("quotes: expected a list of corrections", source.path, source.lines.get("quotes"))
    for n, item in enumerate(items):
        line = lines[n] if n < len(lines) else source.lines.get("quotes") or source.lines.get("*")
        where = f"{source.path}:{line}" if line else source.path
        if not isinstance(item, dict):
            raise OverrideError(
                "each quote correction is a mapping (index or start, then speaker or strike)", source.path, line
            )
        index = _find_quote(quotes, item)
        if index is None:
            what = f"index {item['index']}" if "index" in item else f"starting {item.get('start')!r}"
            raise OverrideError(f"no quote {what} in {article.path}", source.path, line)
        quote = quotes[index]
        if item.get("strike"):
            quotes[index] = dataclasses.replace(quote, struck=True)
            notes.append(Correction(f"quotes[{index}]", quote.text[:80], "struck: not a quote", where))
        if "speaker" in item:
            quotes[index] = dataclasses.replace(
                quotes[index],
                speaker=item["speaker"],
                corrected=True,
                evidence=Evidence(
                    f"speaker: {item['speaker']}", "override", 1.0, line=line, note=f"corrected in {where}"
                ),
            )
            notes.append(Correction(f"quotes[{index}].speaker", quote.speaker, item["speaker"], where))
    return tuple(quotes), notes


def _find_quote(quotes: list[Quote], item: dict[str, Any]) -> int | None:
    if "index" in item:
        index = item["index"]
        return index if isinstance(index, int) and 0 <= index < len(quotes) else None
    start = comparable(str(item.get("start") or ""))
    if not start:
        return None
    for i, quote in enumerate(quotes):
        if comparable(quote.text).startswith(start):
            return i
    return None


def _recount(article: Article) -> tuple[Speaker, ...]:
    counts: dict[str, int] = {}
    for quote in article.live_quotes:
        if quote.speaker:
            counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
    old = {s.name: s for s in article.speakers}
    ordered = sorted(counts, key=lambda n: (-counts[n], n))
    return tuple(
        Speaker(
            n,
            old[n].role if n in old else None,
            counts[n],
            old[n].evidence if n in old else Evidence(n, "override", 1.0),
        )
        for n in ordered
    )
