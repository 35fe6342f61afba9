"""Progress is drawn on a terminal only, in place, with rate and time left, and erased at the end."""

from __future__ import annotations

import io

from csto_digest import progress as progress_module
from csto_digest.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_the_stage_the_rate_and_the_time_left(monkeypatch):
    clock = iter([0.0, 10.0, 10.1])
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: next(clock))
    screen = FakeTerminal()
    shown = Progress(True, screen)
    shown.start("render", 1000, "pages")
    shown.advance(250)  # after 10 s: 25 pages a second, 30 s left
    shown.advance(260)  # too soon after the last redraw: not drawn
    shown.finish()
    text = screen.getvalue()
    assert "render 250/1000 pages · 25/s · 30 s left" in text
    assert "260/1000" not in text
    assert text.endswith("\r")  # erased, so the summary starts a clean line


def test_a_log_file_or_quiet_build_sees_nothing():
    log = io.StringIO()  # not a terminal
    for shown in (Progress.for_terminal(quiet=False), Progress(False, log)):
        shown.stream = log
        shown.start("load")
        shown.advance(5)
        shown.finish()
    assert log.getvalue() == ""
    assert not Progress.for_terminal(quiet=True).enabled
