"""Input the loader handled slowly or wrongly, of our own making.

Long texts of short lines (a page read from its <body>, a list of headlines) and long texts
whose paragraphs share phrases are laid out in one pass, the same as before: the tests count the
work done (calls, comparisons), never the time it takes, which the benchmarks measure.
Datelines whose numeric date reads both ways are read only when the lead names the day."""

from __future__ import annotations

import itertools
import random
import sys

import pytest

from csto_digest.load import layout as layout_module
from csto_digest.load.layout import parse_layout

# --- Long texts of short lines ----------------------------------------------------------------------

_SYLLABLES = ["ka", "ro", "tu", "mi", "sel", "van", "dor", "ez", "lin", "bo"]


def _place_names(count: int) -> list[str]:
    """Made-up names, all different, so that no two lines repeat one another."""
    names = ("".join(parts).capitalize() for parts in itertools.product(_SYLLABLES, repeat=4))
    return list(itertools.islice(names, count))


def _long_list(count: int) -> tuple[str, list[str]]:
    """A saved page read from its <body>: a site's name, a headline, a date, then `count` short
    items of three words each (fewer than a header line's four), none of them a headline."""
    items = [f"Convoy reached {name}." for name in _place_names(count)]
    text = "Kabar\n\nWeekly roundup of the border convoys\n\nPublished 12 March 2024\n\n" + "\n".join(items)
    return text, items


def test_a_text_of_nine_thousand_short_lines_keeps_its_header_and_every_line() -> None:
    text, items = _long_list(9000)
    found = parse_layout(text)
    assert found.title == "Weekly roundup of the border convoys"
    assert found.mastheads == [("Kabar", 1)]
    assert found.byline_date is not None and found.byline_date.value == "2024-03-12"
    assert found.paragraphs == items
    assert found.paragraph_lines == list(range(7, 7 + len(items)))
    assert found.removed == ["Kabar", "Published 12 March 2024"]


def _labelled_list(count: int) -> str:
    """Short sentences one a line under `Read more:` labels, every fifth line."""
    names = _place_names(count)
    lines = ["Read more:" if i % 5 == 0 else f"Troops left {name}." for i, name in enumerate(names)]
    return "Border convoys of the week\n\n" + "\n".join(lines)


def _transcript(count: int) -> list[str]:
    """A long transcript whose answers share stock phrases, and whose first answer is repeated."""
    rng = random.Random(11)
    names = _place_names(count)
    stock = ["as we have said many times before", "the security of the region comes first"]
    answers = [
        f"Answer {i}: the convoy reached {name} on time, {rng.choice(stock)}, and it went on."
        for i, name in enumerate(names)
    ]
    return [*answers[:5], answers[0], *answers[5:]]


def _calls(text: str) -> int:
    """The Python calls (and generator steps) laying `text` out takes: work, not time."""
    calls = 0

    def count(frame, event, arg) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        parse_layout(text)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize(
    "make",
    [
        lambda n: _long_list(n)[0],
        _labelled_list,
        lambda n: "Transcript of the briefing\n\n" + "\n\n".join(_transcript(n)),
    ],
    ids=["short lines", "labelled list", "transcript with repeats"],
)
def test_laying_out_twice_the_lines_takes_twice_the_work(make) -> None:
    """What the header's rules ask of all the lines above (only short lines? only site names?) is
    kept as the lines come in, and repeats are found through the phrases paragraphs share: a text
    twice as long takes about twice the work, not four times."""
    parse_layout(make(50))  # patterns compiled and caches filled once, outside the count
    once = _calls(make(800))
    assert _calls(make(1600)) < 2.5 * once


def test_the_repeated_answer_of_a_long_transcript_goes() -> None:
    paragraphs = _transcript(1500)
    kept, dropped = layout_module._dedupe(paragraphs)
    assert dropped == [paragraphs[0]]
    assert kept == paragraphs[:5] + paragraphs[6:]


def _plain_dedupe(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The repeats as comparing every paragraph with every other tells them (the rule itself)."""
    grams = [layout_module.shingles(layout_module._without_dateline(p)) for p in paragraphs]
    dropped: set[int] = set()
    for i, own in enumerate(grams):
        if len(own) < 12:
            continue
        sources = [j for j, other in enumerate(grams) if j != i and j not in dropped and own & other]
        union = set().union(*(grams[j] for j in sources)) if sources else set()
        big = [j for j in sources if len(own & grams[j]) >= 5]
        if len(own & union) >= 0.8 * len(own) and len(big) >= 2 and all(len(grams[j]) < len(own) for j in big):
            dropped.add(i)
    kept: list[int] = []
    for i, own in enumerate(grams):
        if i in dropped:
            continue
        if not own or any(len(own & grams[j]) >= 0.8 * len(own) for j in kept):
            dropped.add(i)
            continue
        kept.append(i)
    return [paragraphs[i] for i in kept], [paragraphs[i] for i in sorted(dropped)]


def test_repeats_told_through_the_index_are_those_every_pair_tells() -> None:
    rng = random.Random(5)
    vocabulary = ["the", "CSTO", "said", "on", "Monday", "in", "Minsk", "that", "border", "drills", "would", "go", "on"]
    for _ in range(1500):
        pieces = [" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(0, 25))) for _ in range(6)]
        paragraphs = [
            rng.choice(pieces) + (" " + rng.choice(pieces) if rng.random() < 0.3 else "")
            for _ in range(rng.randrange(1, 12))
        ]
        assert layout_module._dedupe(paragraphs) == _plain_dedupe(paragraphs), paragraphs
        grams = [layout_module.shingles(p) for p in paragraphs]
        index: dict[tuple[str, ...], list[int]] = {}
        for j, own in enumerate(grams):
            for gram in own:
                index.setdefault(gram, []).append(j)
        for own in filter(None, grams):  # an empty paragraph is dropped before it is compared
            for least in (1, 5, 0.8 * len(own)):
                sharing = [j for j, other in enumerate(grams) if len(own & other) >= least]
                assert layout_module._sharing(own, grams, index, least) == sharing


@pytest.mark.parametrize("seed", range(4))
def test_the_running_counts_are_what_looking_at_every_line_gives(seed: int) -> None:
    rng = random.Random(seed)
    lines = ["", "", "Kabar", "BelTA", "SC/15641", "News", "Troops moved.", "The summit opened in Minsk today"]
    body = layout_module._Body()
    for number in range(1, 400):
        if rng.random() < 0.03:
            body.blank_all()
        else:
            body.add(number, rng.choice(lines))
        texts = [text for _, text in body.lines if text]
        assert body.texts == texts
        assert body.only_short == all(len(text.split()) < 4 for text in texts)
        masts = all(layout_module.is_masthead(t) or layout_module._is_code_line(t) for t in texts)
        assert (body.unlike_mastheads == 0) == masts


# --- A dateline's numeric date that reads both ways ------------------------------------------------

_HEADLINE = "CSTO secretary general visits the peacekeeping contingent"
_MORE = "The visit lasted two days, the secretariat said in a statement."


@pytest.mark.parametrize(
    ("dateline", "lead", "value", "named"),
    [
        (
            "MOSCOW, 03/04/2024 (TASS) -",
            "On April 3 the secretary general met the contingent.",
            "2024-04-03",
            "'April 3'",
        ),
        (
            "MOSCOW, 03/04/2024 (TASS) -",
            "The contingent was inspected on 4 March, officers said.",
            "2024-03-04",
            "'4 March'",
        ),
        (
            "ASTANA, 04-05-2024 (Kazinform) –",
            "The officers met on Saturday, May 4, in Astana.",
            "2024-05-04",
            "'Saturday, May 4'",
        ),
    ],
)
def test_a_datelines_date_that_reads_both_ways_is_read_as_the_lead_names_it(extract_text, dateline, lead, value, named):
    record = extract_text(f"{_HEADLINE}\n\n{dateline} {lead}\n\n{_MORE}\n")
    assert (record.date, record.date_precision) == (value, "day")
    evidence = record.date_evidence
    assert (evidence.rule, evidence.text) == ("dateline", dateline)
    assert evidence.confidence < 0.9  # less sure than a date written one way
    assert "in the dateline reads as" in evidence.note and f"the lead ({named})" in evidence.note
    assert record.source is not None and record.source.evidence.text == dateline


@pytest.mark.parametrize(
    "lead",
    [
        "The secretary general met the contingent on Wednesday.",  # a weekday names no day
        "On April 3 he recalled the agreement signed on 4 March.",  # both readings
        "He met the contingent on 12 May.",  # neither
        "On April 3, 2023 the contingent arrived.",  # another year's day
    ],
)
def test_a_datelines_date_nothing_settles_is_no_date_with_a_note(extract_text, lead):
    text = f"{_HEADLINE}\n\nMOSCOW, 03/04/2024 (TASS) - {lead}\n\n{_MORE}\n"
    record = extract_text(text)
    assert (record.date, record.date_precision) == (None, None)
    assert (record.date_evidence.rule, record.date_evidence.confidence) == ("dateline", 0.0)  # why: no date
    unread = [(place, found.words, ev.note) for place, found, ev in parse_layout(text).ambiguous_dates]
    assert record.date_evidence.note == unread[0][2]
    assert unread == [
        (
            "dateline",
            "03/04/2024",
            "'03/04/2024' in the dateline reads as 3 April or 4 March 2024; no day named in words in the "
            "dateline or the lead tells which, so it gives no date",
        )
    ]


def test_a_header_date_outranks_the_datelines_and_says_they_differ(extract_text):
    text = f"{_HEADLINE}\nDate: 2024-04-05\n\nMOSCOW, 03/04/2024 (TASS) - On April 3 the contingent was inspected.\n"
    record = extract_text(text)
    assert (record.date, record.date_evidence.rule) == ("2024-04-05", "header")
    assert record.date_evidence.note == "date read from '2024-04-05'; but the dateline says 2024-04-03"


def test_a_dotted_dateline_date_is_day_first_and_a_header_ambiguity_still_notes_itself(extract_text):
    """`05.06.2024` is read day first, as everywhere it is written so; an ambiguous header date that
    nothing settles says so in its note too."""
    record = extract_text(f"{_HEADLINE}\n\nBishkek, 05.06.2024 /Kabar/. The contingent was inspected.\n\n{_MORE}\n")
    assert (record.date, record.date_evidence.rule) == ("2024-06-05", "dateline")
    text = f"{_HEADLINE}\nDate: 03/04/2024\n\nThe contingent was inspected.\n\n{_MORE}\n"
    [(place, _, evidence)] = parse_layout(text).ambiguous_dates
    assert place == "header" and evidence.note.startswith("'03/04/2024' in the header line reads as 3 April or 4 March")


def test_a_line_closing_a_quote_on_a_comma_goes_on_on_the_next_line(extract_text):
    """`"...armed groups,"` over `a spokesman told reporters.`: no paragraph ends on a comma, inside
    quote marks or not."""
    text = (
        "Drills near Osh\n\n"
        "\u201cThe scenario is the defence of the southern border,\u201d\n"
        "a ministry spokesman told reporters in Bishkek on Tuesday.\n\n"
        "The drills end on Friday.\n"
    )
    record = extract_text(text)
    assert record.body[0] == (
        "\u201cThe scenario is the defence of the southern border,\u201d a ministry spokesman told reporters in "
        "Bishkek on Tuesday."
    )
    assert [q.text for q in record.quotes] == ["The scenario is the defence of the southern border"]
