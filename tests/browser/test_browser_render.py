"""The rendered site in headless Chromium: injected text never runs, our own files load.

The payloads here would change the page if they ran (set the title, mark the
body); the DOM Chromium dumps after running the page must show neither. The
quote filters, shown only by our `site.js`, prove that the Content-Security-
Policy still lets our own script run from file://.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from csto_digest.config import Config
from csto_digest.model import Groups
from csto_digest.render import render_site
from factories import make_article, make_quote

PAYLOAD = (
    "<script>document.title='PWNED'</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    "<svg onload=\"document.body.setAttribute('data-pwned','2')\"></svg>"
)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def dump_dom(url: str, profile: Path) -> str:
    """The DOM after Chromium has loaded the page and run its scripts."""
    result = subprocess.run(
        [
            CHROMIUM or "chromium",
            "--headless",
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    article = make_article(
        title=f"Hostile {PAYLOAD}",
        body=(PAYLOAD, f"He said “{PAYLOAD}” there."),
        quotes=(make_quote(PAYLOAD, 1),),
        disclaimer=PAYLOAD,
    )
    markdown = make_article(
        id="md",
        path="md.md",
        format="markdown",
        markdown=f"# Head\n\n{PAYLOAD}\n\n[x](javascript:document.title='PWNED')\n",
        quotes=(),
    )
    files = render_site((article, markdown), Groups({}, (), ()), Config())
    out = tmp_path_factory.mktemp("site")
    for path, data in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    return out


@pytest.mark.parametrize(
    "page", ["articles/csto-peacekeeping.html", "articles/md.html", "index.html", "quotes/index.html"]
)
def test_injected_script_never_runs(built, tmp_path, page):
    dom = dump_dom((built / page).as_uri(), tmp_path / "profile")
    assert "<body" in dom, "Chromium produced no DOM"
    assert 'data-pwned="' not in dom
    assert "<title>PWNED</title>" not in dom
    assert "document.title='PWNED'" in dom, "the payload is shown as text"


def test_our_script_runs_under_the_csp_from_disk(built, tmp_path):
    dom = dump_dom((built / "quotes/index.html").as_uri(), tmp_path / "profile")
    assert 'id="quote-filters" hidden' not in dom
    assert "1 of 1 quotes" in dom
