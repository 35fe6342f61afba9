"""What the previous build held, so that the home page can say what is new.

"New since the previous build" must not break "same input, same output": a
build repeated on the same input (a `--clean` one included) must show the same
news, not "nothing new". So the baseline moves only when the input changes:
the state folder keeps the snapshot of the last build (its stories and
articles) with that build's fingerprint, and the baseline it was compared with.
A build whose fingerprint differs takes the last build's snapshot as its
baseline; one with the same fingerprint keeps the baseline that build had.

A first build, or one whose record is missing or unreadable, has no baseline,
and the home page says nothing about news rather than calling everything new.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .write import state_dir

RECORD = "history.json"


def _path(output: Path) -> Path:
    return state_dir(output) / RECORD


def _read(output: Path) -> dict[str, Any]:
    try:
        value = json.loads(_path(output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def baseline_for(output: Path, fingerprint: str) -> dict[str, Any] | None:
    """The snapshot this build's news are counted against, or None."""
    record = _read(output)
    if not record:
        return None
    chosen = record.get("baseline") if record.get("fingerprint") == fingerprint else record.get("current")
    return chosen if isinstance(chosen, dict) else None


def remember_snapshot(
    output: Path, fingerprint: str, baseline: dict[str, Any] | None, snapshot: dict[str, Any]
) -> None:
    """Record a successful build's snapshot (after its site is switched in)."""
    path = _path(output)
    try:
        temporary = path.with_suffix(".tmp")
        record = {"fingerprint": fingerprint, "baseline": baseline, "current": snapshot}
        temporary.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # without the record the next build shows no news, which is honest
