"""The config: every key checked before any work, errors naming the key, the file and the line."""

from __future__ import annotations

import os
import re
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from csto_digest.cli import main
from csto_digest.config import ConfigError, load_config
from csto_digest.themes import load_default_themes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def write_config(folder: Path, text: str) -> Path:
    path = folder / "csto-digest.yml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def refused(folder: Path, text: str) -> ConfigError:
    path = write_config(folder, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, output=folder / "site")
    return caught.value


def test_a_full_config_is_read(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "my-templates").mkdir()
    (tmp_path / "descriptions").mkdir()
    (tmp_path / "CNAME").write_text("digest.example.org\n")
    path = write_config(
        tmp_path,
        """
        site_title: Digest
        base_url: https://example.org/digest/
        inputs: [articles]
        output: public
        templates: my-templates
        theme_descriptions: descriptions
        keep: [CNAME]
        timestamp: true
        themes:
          - slug: water-security
            title: Water
            patterns: ['\\bnew members?\\b']
            min_sentences: 2
          - slug: peacekeeping
            title: Our own peacekeeping
            patterns: ['peacekeep\\w*']
        registry:
          people:
            - {name: Jane Analyst, role: Analyst, aliases: [J. Analyst]}
          outlets:
            - {name: Digest Wire, domains: [wire.example.org], labels: {country: Nowhere}}
        overrides:
          003:
            title: Corrected
          some-article-id:
            date: 2024-01-02
        """,
    )
    config = load_config(path)
    assert config.site_title == "Digest"
    assert config.base_url == "https://example.org/digest/"
    assert config.inputs == (tmp_path / "articles",)  # relative to the config file
    assert config.output == tmp_path / "public"
    assert config.templates == tmp_path / "my-templates"
    assert config.theme_descriptions == tmp_path / "descriptions"
    assert config.keep == (str(tmp_path / "CNAME"),)
    assert config.timestamp is True
    slugs = [t.slug for t in config.themes]
    defaults = [t.slug for t in load_default_themes()]
    assert slugs[: len(defaults)] == defaults and slugs[-1] == "water-security"
    peacekeeping = next(t for t in config.themes if t.slug == "peacekeeping")
    assert peacekeeping.title == "Our own peacekeeping"  # replaces the default of that slug, in its place
    assert slugs.count("peacekeeping") == 1
    assert config.registry.person_by_alias["j. analyst"].name == "Jane Analyst"
    assert "Stanislav Zas" in {p.name for p in config.registry.people}  # the defaults stay
    assert config.registry.outlet_by_alias["wire.example.org"].labels == {"country": "Nowhere"}
    assert set(config.overrides) == {"003", "some-article-id"}  # as written, not the number 3
    assert config.overrides_lines == {"003": 23, "some-article-id": 25}
    assert config.config_path == path


def test_cli_options_win_over_the_file(tmp_path):
    path = write_config(tmp_path, "output: public\nbase_url: https://a.example/\n")
    config = load_config(path, output=tmp_path / "elsewhere", base_url="https://b.example/", inputs=(SEEDS,))
    assert config.output == tmp_path / "elsewhere"
    assert config.base_url == "https://b.example/"
    assert config.inputs == (SEEDS,)


def test_themes_replace_drops_the_defaults(tmp_path):
    path = write_config(tmp_path, "themes_replace: true\nthemes:\n  - {slug: only, patterns: [x]}\n")
    assert [t.slug for t in load_config(path).themes] == ["only"]


def test_an_empty_file_is_the_defaults(tmp_path):
    path = write_config(tmp_path, "# nothing yet\n")
    assert load_config(path).themes == load_default_themes()


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        ("site_title: x\nouptut: build\n", 2, "ouptut", "did you mean 'output'"),
        ("colour: red\n", 1, "colour", "unknown key"),
        ("site_title: 2024\n", 1, "site_title", "expected text, got a number"),
        ("timestamp: sometimes\n", 1, "timestamp", "expected true or false"),
        ("inputs: {a: 1}\n", 1, "inputs", "expected a list of text"),
        ("base_url: javascript:alert(1)\n", 1, "base_url", "http:// or https://"),
        ("themes:\n  - title: No slug\n    patterns: [x]\n", 2, "themes[0]", "needs a slug"),
        ("themes:\n  - {slug: Bad Slug, patterns: [x]}\n", 2, "themes[0].slug", "not a slug"),
        (
            "themes:\n  - {slug: one, patterns: [x]}\n  - {slug: two, patterns: [y]}\n  - {slug: one, patterns: [z]}\n",
            4,
            "themes[2].slug",
            "two themes with the slug 'one' (first on line 2)",
        ),
        (
            "themes:\n  - slug: t\n    patterns:\n      - ok\n      - '(unclosed'\n",
            5,
            "themes[0].patterns[1]",
            "does not compile",
        ),
        (
            "themes:\n  - slug: t\n    patterns: [x]\n    requires: ['[a-']\n",
            4,
            "themes[0].requires[0]",
            "does not compile",
        ),
        (
            "themes:\n  - slug: t\n    patterns: [x]\n    excludes: ['x(?i)']\n",
            4,
            "themes[0].excludes[0]",
            "does not compile",
        ),
        ("themes:\n  - slug: t\n    patterns: ['']\n", 3, "themes[0].patterns[0]", "empty pattern"),
        ("themes:\n  - slug: t\n", 2, "themes[0]", "no patterns"),
        ("themes:\n  - slug: t\n    patterns: [x]\n    colour: red\n", 4, "themes[0].colour", "unknown key"),
        ("themes:\n  - slug: t\n    patterns: [x]\n    min_sentences: 0\n", 4, "themes[0].min_sentences", "at least 1"),
        ("themes: {slug: t}\n", 1, "themes", "expected a list of themes"),
        ("themes_replace: true\n", 1, "themes_replace", "declares none"),
        ("templates: no-such-folder\n", 1, "templates", "does not exist"),
        ("theme_descriptions: nowhere\n", 1, "theme_descriptions", "does not exist"),
        ("keep: [CNAME]\n", 1, "keep[0]", "does not exist"),
        ("registry:\n  people:\n    - {role: Nobody}\n", 3, "registry.people[0]", "needs a name"),
        ("registry:\n  animals: []\n", 2, "registry.animals", "unknown key"),
        ("registry:\n  people:\n    - {name: X, rank: 3}\n", 3, "registry.people[0].rank", "unknown key"),
        ("registry:\n  outlets:\n    - {name: X, domains: example.org}\n", 3, "registry.outlets[0].domains", "list"),
        ("overrides:\n  a: just text\n", 2, "overrides.a", "expected a mapping"),
        ("site_title: a\nsite_title: b\n", 2, "site_title", "given twice (first on line 1)"),
    ],
)
def test_a_bad_config_names_the_key_file_and_line(tmp_path, text, line, key, words):
    error = refused(tmp_path, text)
    assert error.path == str(tmp_path / "csto-digest.yml")
    assert error.line == line
    assert error.key == key
    assert words in error.message
    assert str(error).startswith(f"{tmp_path / 'csto-digest.yml'}:{line}: {key}: ")


def test_invalid_yaml_names_the_line(tmp_path):
    error = refused(tmp_path, "site_title: ok\nthemes: [unclosed\n")
    assert error.line is not None and error.line >= 2
    assert "not valid YAML" in error.message


def test_a_value_yaml_takes_for_an_impossible_date_names_the_line(tmp_path):
    error = refused(tmp_path, "site_title: ok\nkeep: [CNAME, 2024-13-45]\n")
    assert (error.line, error.message) == (2, "keep: '2024-13-45' is not a date (write YYYY-MM-DD)")


def test_a_config_that_is_not_a_mapping(tmp_path):
    assert "mapping" in refused(tmp_path, "- a\n- b\n").message


def test_a_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yml")


def test_cli_templates_and_base_url_are_checked(tmp_path):
    with pytest.raises(ConfigError, match="does not exist") as caught:
        load_config(None, templates=tmp_path / "missing", output=tmp_path / "site")
    assert caught.value.key == "--templates"
    with pytest.raises(ConfigError, match="https://"):
        load_config(None, base_url="data:text/html,hi", output=tmp_path / "site")


def test_output_refusal_from_the_file_names_its_line(tmp_path):
    (tmp_path / "articles").mkdir()
    path = write_config(tmp_path, "inputs: [articles]\noutput: articles\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert (caught.value.line, caught.value.key) == (2, "output")
    assert "input folder" in caught.value.message


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    """One site built from the seeds, which each refused build below must leave alone."""
    folder = tmp_path_factory.mktemp("built")
    result = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(folder / "site")])
    assert result.exit_code == 0, result.output
    return folder


def snapshot(folder: Path) -> dict[str, bytes | str]:
    return {
        str(p.relative_to(folder)): (os.readlink(p) if p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


@pytest.mark.parametrize(
    "text",
    ["colour: red\n", "themes:\n  - {slug: a, patterns: ['(']}\n", "templates: gone\n", "themes:\n  - {title: x}\n"],
)
def test_the_cli_refuses_a_bad_config_with_exit_2_and_leaves_the_output_alone(built_site, tmp_path, text):
    before = snapshot(built_site)
    path = write_config(tmp_path, text)
    result = CliRunner().invoke(
        main, ["build", "--config", str(path), "--input", str(SEEDS), "--output", str(built_site / "site"), "--clean"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(built_site) == before


def test_every_key_is_documented():
    import csto_digest.config as config_module

    documented = set(re.findall(r"^- `(\w+)`", config_module.__doc__ or "", re.MULTILINE))
    assert documented == set(config_module.KEYS)


def test_aliases_that_hold_themselves_or_multiply_are_refused_quickly(tmp_path):
    error = refused(tmp_path, "themes: &a\n  - *a\n")
    assert error.key == "themes[0]" and "expected a mapping" in error.message
    laughs = "".join(
        f"{key}: &{key} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, key in zip("abcdefg", "bcdefgh", strict=True)
    )
    started = time.perf_counter()
    error = refused(tmp_path, "a: &a [x, x, x, x, x, x, x, x, x]\n" + laughs)
    assert time.perf_counter() - started < 2
    assert (error.key, error.line) == ("a", 1)


def test_the_default_output_is_checked_only_when_a_build_writes(tmp_path, monkeypatch):
    """`inspect` and `check` run inside a folder of articles must work; `build` refuses there."""
    from csto_digest.write import check_output

    monkeypatch.chdir(tmp_path)
    config = load_config(None, inputs=(Path("."),))
    with pytest.raises(ConfigError, match="inside the input folder"):
        check_output(config.output, config.inputs)
    with pytest.raises(ConfigError) as caught:
        load_config(None, inputs=(Path("."),), output=Path("site"))
    assert caught.value.key == "--output"


def test_a_theme_description_for_no_theme_is_refused(tmp_path):
    (tmp_path / "descriptions").mkdir()
    (tmp_path / "descriptions" / "peacekeeping.md").write_text("Fine.\n")
    (tmp_path / "descriptions" / "peacekeping.md").write_text("Misspelt.\n")
    error = refused(tmp_path, "site_title: x\ntheme_descriptions: descriptions\n")
    assert (error.key, error.line) == ("theme_descriptions", 2)
    assert error.message == "peacekeping.md describes no theme (no theme has that slug); did you mean peacekeeping.md?"
