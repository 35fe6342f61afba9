"""Property-based tests of the loader: any text, however broken, gives a valid
record (or a Problem), never a crash; quotes are spans of the article's text;
no date is claimed that the text does not contain."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csto_digest.load.corpus import extract_one
from csto_digest.model import Article, Problem

INTERNAL = "could not be extracted ("  # how extract_one reports an exception its rules raised

PIECES = [
    "CSTO", "Secretary General Imangali Tasmagambetov", "said", ", he said.", '"', "“", "”", "«", "»", "'",
    "\n", "\n\n", " ", "MOSCOW (Sputnik) - ", "date 2024-03-28 https://example.com/2024/03/28/x",
    "12 March 2024", "Read: 487", "Photo: x", "— ", "?", "Armenia", "suspension", "we", "our", ".",
    ", said Zas.", "According to him, ", "Lavrov said: ", "/TASS/", "June 3", "2022", "<script>", "{{ 7*7 }}",
]  # fmt: skip
fragments = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


def _fold(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(fragments, st.text(max_size=400)))
def test_any_text_gives_a_record_or_a_problem(config, text):
    record = extract_one("fuzz.txt", text, config)
    assert isinstance(record, Article | Problem)
    if isinstance(record, Problem):
        assert not record.message.startswith(INTERNAL), record.message  # a rule that crashed, caught
        return
    assert isinstance(record.title, str) and record.title
    body = _fold("\n".join(record.body))
    for quote in record.quotes:
        assert _fold(quote.text) in body, quote.text
    if record.date is not None:
        year = record.date[:4]
        assert year in text, f"date {record.date} claimed but {year} is not in the text"
        assert record.date_evidence is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragments)
def test_markdown_with_any_front_matter_never_crashes(config, text):
    record = extract_one("fuzz.md", "---\n" + text + "\n---\n" + text, config)
    assert isinstance(record, Article | Problem)
    assert not (isinstance(record, Problem) and record.message.startswith(INTERNAL)), record.message


def test_date_needs_a_year_in_the_text(extract_text):
    record = extract_text("CSTO talks\nASTANA, June 3 - The talks took place on June 3, he said.\n")
    assert record.date is None
    assert not re.search(r"\d{4}", record.to_json()["date"] or "")
