"""The loader's shortcuts give what the plain computations they stand for give."""

from __future__ import annotations

import io
import random
import re

from csto_digest.load import clues, entities, outlets, read
from csto_digest.load import text as text_helpers

PIECES = [
    *"aAsSſKKıİΣσςΑ’'.-–—/(),:; \n0123456789“”«»",
    "ΟΔΟΣ", "İstanbul", "U.S.", "Mr.", "MOSCOW", "(TASS)", "/ARKA/", "Kazakhstan", "Nov. 23", "2024",
    " said", " reports", "told ", "Reuters", "France 24", "the", "channel", "Sputnik Armenia",
]  # fmt: skip


def _texts(count: int, longest: int = 30, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(count)]


def test_words_lowered_at_once_as_one_by_one() -> None:
    for text in _texts(3000):
        tokens, lowered = entities._words_of.__wrapped__(text)
        assert lowered == [token.lower() for token in tokens]


def test_required_clues_hold_in_every_match() -> None:
    patterns = [*outlets.DATELINES, outlets._CITING_BEFORE, re.compile(r"(?:ab|cd)e+(?:,\s*(x|y))?\)")]
    for pattern in patterns:
        needs = clues.required(pattern.pattern)
        for text in _texts(2000):
            lower = clues.lowered(text)
            if lower is None:
                continue
            for match in pattern.finditer(text):
                low = match.group(0).lower()
                assert all(any(clue in low for clue in own) for own in needs), (pattern.pattern, text)


def test_datelines_tried_as_all_would_be(monkeypatch) -> None:
    paragraphs = [*_texts(3000, 12), "MOSCOW (TASS) - text", "YEREVAN, March 5 /ARKA/ - text", "/TASS/ - x"]
    fast = [outlets.find_dateline.__wrapped__(p) for p in paragraphs]
    monkeypatch.setattr(outlets, "_datelines_with", lambda present: outlets.DATELINES)
    assert fast == [outlets.find_dateline.__wrapped__(p) for p in paragraphs]
    assert sum(found is not None for found in fast) >= 3


def test_name_before_a_verb_is_the_first_that_runs_to_the_end() -> None:
    plain = re.compile(outlets._NAME + r"$")
    for window in _texts(3000, 12, seed=9):
        expected = None
        for begin in [m.start() for m in re.finditer(r"(?<![\w.&'’\-])[A-Z0-9]", window)]:
            named = plain.match(window, begin)
            if named:
                expected = (begin, named.group("name"))
                break
        found = outlets._NAME_AT_END.search(window)
        assert ((found.start(), found.group("name")) if found else None) == expected


def test_read_at_most_reads_on_when_the_file_grew() -> None:
    data = bytes(range(256)) * 4
    for size, limit in [(0, 100), (10, 100), (99, 100), (1024, 2000), (5, 6), (1000, 1025), (1024, 1025)]:
        handle = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
        assert read._read_at_most(handle, size, limit) == data[:limit]  # the stat size may be behind


def test_sentence_gaps_as_with_a_lookbehind() -> None:
    behind = re.compile(r"(?<=[.!?…])[\"”»’]?\s+(?=[\"“«„‘(\[]?[A-ZА-ЯЁ0-9])")
    rng = random.Random(3)
    pieces = [*'.!?…"”»’“«„‘([ \n\tAaZЯ0x', "Mr. ", "U.S. ", "B. ", "end. Next"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        gaps = [(m.start(1), m.end()) for m in text_helpers.SENTENCE_END.finditer(text)]
        assert gaps == [m.span() for m in behind.finditer(text)], text


def test_searches_ending_in_dollar_start_near_the_end() -> None:
    from csto_digest.load import quotes
    from csto_digest.load.guard import tail_start

    rng = random.Random(4)
    pieces = [*"Mr. sDUNC\n.vetcs", "U.S", "Prof", "Capt", " "]
    for pattern in (text_helpers._ABBREV, quotes._ABBREVIATION_END):
        for _ in range(5000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
            assert bool(pattern.search(text, tail_start(pattern, text))) == bool(pattern.search(text)), text
    assert tail_start(re.compile(r"a+$"), "aaaa") == 0  # no longest match: the whole text
