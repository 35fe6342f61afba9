"""Progress of a long build on a terminal: the stage, items per second, time left.

Only when standard error is a terminal and the build is not `--quiet`: a log
file or a CI job gets the one-line summary and the problems, nothing else. The
line is redrawn in place (`\\r`) at most `REDRAW` times a second and erased when
the build ends, so the summary stands alone.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW = 0.2  # seconds between two redraws


class Progress:
    """One line of progress, redrawn in place; does nothing when disabled."""

    def __init__(self, enabled: bool, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.stage = ""
        self.unit = ""
        self.total = 0
        self.started = 0.0
        self.drawn = 0.0
        self.width = 0

    @classmethod
    def for_terminal(cls, quiet: bool) -> Progress:
        stream = sys.stderr
        return cls(not quiet and hasattr(stream, "isatty") and stream.isatty(), stream)

    def start(self, stage: str, total: int = 0, unit: str = "") -> None:
        """A new stage; `total` items of `unit` when it counts them."""
        self.stage, self.total, self.unit = stage, total, unit
        self.started = time.monotonic()
        self.drawn = 0.0
        self._draw(f"{stage}…")

    def advance(self, done: int) -> None:
        """`done` of the stage's items are finished."""
        now = time.monotonic()
        if not self.enabled or now - self.drawn < REDRAW:
            return
        self.drawn = now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        line = f"{self.stage} {done}/{self.total} {self.unit} · {rate:.0f}/s"
        if 0 < done < self.total and rate > 0:
            line += f" · {(self.total - done) / rate:.0f} s left"
        self._draw(line)

    def finish(self) -> None:
        """Erase the line, so the summary prints on a clean one."""
        self._draw("")

    def _draw(self, text: str) -> None:
        if not self.enabled:
            return
        padding = " " * max(0, self.width - len(text))
        self.stream.write(f"\r{text}{padding}\r" if not text else f"\r{text}{padding}")
        self.stream.flush()
        self.width = len(text)
