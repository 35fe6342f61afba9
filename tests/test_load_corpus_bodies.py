"""The bodies of the labelled corpus and the seeds hold no page furniture.

`gold.yaml` labels titles, dates, outlets and quotes but not bodies, so a
layout change that lets a "Share" line, a wire credit or a site's name into
the text would pass the corpus bars unnoticed. These checks name no sentence
of any file: each states a kind of line that is never article text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from csto_digest.load.furniture import is_furniture
from csto_digest.load.text import comparable, fold, is_mostly_latin

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    path
    for folder in (ROOT / "tests" / "corpus", ROOT / "seeds")
    for path in folder.glob("*")
    if path.suffix in {".txt", ".md"}
)
# Labels of navigation and calls to action, written here apart from the
# furniture file so that a change to that file is checked against them.
_CALL_TO_ACTION = re.compile(
    r"(read (also|more)|see also|related( news| articles)?|share( this( news| article)?)?|subscribe|follow us|"
    r"sign up|donate|tags|comments?|читайте также|поделиться|подписывайтесь)\b\W*(:.*)?",
    re.IGNORECASE,
)
_BARE_ADDRESS = re.compile(r"(https?://|www\.)\S+|[\w-]+(\.[\w-]+)*\.[a-z]{2,6}/?", re.IGNORECASE)


@pytest.fixture(scope="module")
def records(config) -> dict[Path, object]:
    from csto_digest.load.corpus import extract_one

    out = {}
    for path in FILES:
        record = extract_one(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), config)
        assert not hasattr(record, "message"), f"extraction failed: {record}"
        out[path] = record
    return out


@pytest.fixture(scope="module")
def outlets(config) -> frozenset[str]:
    """Every outlet's name, alias and domain, in the form `comparable` gives."""
    return frozenset(comparable(alias) for alias in config.registry.outlet_by_alias)


def _furniture_kind(paragraph: str, title: str, latin: bool, outlets: frozenset[str]) -> str | None:
    """Which kind of non-article line `paragraph` is, or None for article text."""
    line = fold(paragraph)
    if is_furniture(line, latin):
        return "a furniture pattern"
    if _CALL_TO_ACTION.fullmatch(line):
        return "a navigation label or call to action"
    if _BARE_ADDRESS.fullmatch(line):
        return "a bare address"
    if comparable(line) in outlets:
        return "an outlet's name alone"
    if comparable(line) == comparable(title):
        return "the title again"
    return None


def test_the_corpus_is_there():
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_no_body_paragraph_is_page_furniture(path: Path, records, outlets):
    record = records[path]
    latin = is_mostly_latin("\n".join(record.body))
    found = [(kind, p) for p in record.body if (kind := _furniture_kind(p, record.title, latin, outlets))]
    assert found == [], f"{path.name}: furniture left in the body"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Share this article", "a furniture pattern"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "a furniture pattern"),
        ("Comments", "a furniture pattern"),
        ("akipress.org", "a bare address"),
        ("Sputnik", "an outlet's name alone"),
        ("Armenia skips CSTO summit", "the title again"),
        ("The CSTO reporting mechanism will cover all borders.", None),
        ("Sputnik reported that the talks had ended.", None),
    ],
)
def test_the_check_tells_furniture_from_text(line: str, kind: str | None, outlets):
    assert _furniture_kind(line, "Armenia skips CSTO summit", True, outlets) == kind
