"""Every evidence rule the loader can write is explained in the README.

The rules are read from the loader's source with `ast`, not with a regex: a
rule is the string literal given as `rule` to `Evidence(...)` (its second
argument) or to `Attribution(...)` (its third). A call that passes on another
record's rule (`evidence.rule`) adds none; any other expression would hide a
rule from this test, so it fails the test instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOAD = ROOT / "src" / "csto_digest" / "load"
RULE_ARGUMENT = {"Evidence": 1, "Attribution": 2}  # the position of `rule` in each call


def _rule_argument(call: ast.Call) -> ast.expr | None:
    name = call.func.id if isinstance(call.func, ast.Name) else None
    if name not in RULE_ARGUMENT:
        return None
    for keyword in call.keywords:
        if keyword.arg == "rule":
            return keyword.value
    position = RULE_ARGUMENT[name]
    return call.args[position] if len(call.args) > position else None


def _rules_in_source() -> tuple[set[str], list[str]]:
    """(the rule strings, the calls whose rule is neither a literal nor another record's `.rule`)."""
    rules: set[str] = set()
    hidden: list[str] = []
    for path in sorted(LOAD.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            argument = _rule_argument(node) if isinstance(node, ast.Call) else None
            if argument is None:
                continue
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                rules.add(argument.value)
            elif not (isinstance(argument, ast.Attribute) and argument.attr == "rule"):
                hidden.append(f"{path.name}:{node.lineno}")
    return rules, hidden


def _readme_evidence_row() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `evidence` |")]
    assert len(rows) == 1, "the README's record table has one `evidence` row"
    return rows[0]


def test_the_source_states_its_rules_where_this_test_can_read_them():
    rules, hidden = _rules_in_source()
    assert hidden == [], "a rule given by a variable: name it as a literal, or teach this test"
    assert {"header", "dateline", "after", "transcript", "override"} <= rules  # the reader finds them at all


def test_every_rule_the_loader_writes_is_named_in_the_readme():
    rules, _ = _rules_in_source()
    named = set(re.findall(r"`([a-z-]+)`", _readme_evidence_row()))
    assert rules - named == set(), "add these rules to the README's `evidence` row"
