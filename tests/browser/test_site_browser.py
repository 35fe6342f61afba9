"""The built site in Debian's Chromium, driven by Playwright, as a reader would use it.

The site is built from `seeds/` and `tests/corpus/` and opened two ways: from
disk (file://) and from a local server under a sub-path (`/repo/`, as GitHub
Pages serves a project site). On it: a click-through from home to a quote, the
search box, every link on every page, console errors, axe-core on each kind of
page, and the phone and desktop layouts.

axe-core is the npm package, installed into `tests/browser/node_modules` from
`package.json` when missing, and injected from disk. Screenshots go to
`$CSTO_SCREENSHOTS` when set (to look at them), else to a temporary folder.

Skipped only when Chromium or Playwright is missing and `CI` is not set; in CI a
missing browser fails the tests.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - only without the test extra
    sync_playwright = None  # type: ignore[assignment]

if not os.environ.get("CI") and (CHROMIUM is None or sync_playwright is None):
    pytest.skip("Chromium or Playwright is not installed (CI installs both)", allow_module_level=True)

# One page of each kind: the axe check and the screenshots visit these.
PAGE_KINDS = (
    "index.html",
    "articles/index.html",
    "themes/index.html",
    "stories/index.html",
    "statements/index.html",
    "speakers/index.html",
    "outlets/index.html",
    "quotes/index.html",
    "archive/index.html",
    "places/index.html",
    "search.html?q=csto",
    "404.html",
)
FIRST_OF = ("articles/", "themes/", "stories/", "speakers/", "outlets/", "archive/", "places/", "organizations/")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site built from the seeds and the test corpus, under a folder named `repo`."""
    from csto_digest.config import load_config
    from csto_digest.pipeline import run_build

    out = tmp_path_factory.mktemp("www") / "repo"
    config = load_config(None, inputs=(str(ROOT / "seeds"), str(ROOT / "tests" / "corpus")), output=out)
    run_build(config, clean=True)
    return out  # a link to the tree the writer switched in; the server follows it


@pytest.fixture(scope="module")
def server(site: Path):
    """A local server for the folder above the site, so the site is at `/repo/`."""
    handler = functools.partial(_QuietHandler, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/repo/"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "Chromium is not installed"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
        yield launched
        launched.close()


@pytest.fixture(params=["file", "server"])
def home(request, site: Path) -> str:
    if request.param == "file":
        return (site / "index.html").as_uri()
    return request.getfixturevalue("server") + "index.html"


class Errors(list):
    """Console errors and uncaught exceptions of a page, collected as they come."""

    def watch(self, page: Page) -> Page:
        page.set_default_timeout(20_000)  # generous: on a loaded 2-core machine a search has taken over 8 s
        page.on("console", lambda m: self.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.append(f"{page.url}: {e}"))
        return page


def test_click_through_home_theme_story_article_speaker_quote(browser: Browser, home: str):
    errors = Errors()
    page = errors.watch(browser.new_page())
    page.goto(home)
    page.locator(".cards a.card-title").first.click()
    assert "/themes/" in page.url
    page.locator("#stories-h ~ ul a.item-title").first.click()
    assert "/stories/" in page.url
    page.locator(".side-by-side a.card-title").first.click()
    assert "/articles/" in page.url
    page.locator("table.fields a[href*='speakers/']").first.click()
    assert "/speakers/" in page.url
    page.locator(".quote-card figcaption a[href*='#q-']").first.click()
    assert "/articles/" in page.url and "#q-" in page.url
    fragment = urlsplit(page.url).fragment
    target = page.locator(f"[id='{fragment}']")
    assert target.count() == 1 and target.is_visible()
    assert page.evaluate("document.querySelector(':target') !== null")
    assert errors == []
    page.close()


def test_search_from_the_header_box_with_keyboard(browser: Browser, home: str):
    errors = Errors()
    # The test's own waits are scripts the pages' CSP would refuse; the pages' scripts are unchanged.
    page = errors.watch(browser.new_context(bypass_csp=True).new_page())
    page.goto(home)
    page.fill("#header-q", "border")
    page.press("#header-q", "Enter")
    page.wait_for_url("**/search.html?q=border")
    page.wait_for_selector("#search-results a")
    status = page.text_content("#search-count") or ""
    assert status.split()[0].isdigit() and int(status.split()[0]) > 0, status
    assert page.get_attribute("#search-count", "aria-live") == "polite"
    # results as you type: narrow the query letter by letter
    page.fill("#search-q", "")
    page.type("#search-q", "peacek")
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0")
    assert "peacek" in (page.text_content("#search-results") or "").lower()
    page.press("#search-q", "ArrowDown")
    first = page.locator("#search-results a").first
    assert page.evaluate("document.activeElement === document.querySelector('#search-results a')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused result shows its focus"
    href = first.get_attribute("href") or ""
    page.press("#search-results a >> nth=0", "ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.press("#search-q", "ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{href}")
    # a facet narrows the results
    page.go_back()
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_load_state()
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0")
    before = len(page.locator("#search-results a").all())
    page.select_option("#facet-year", index=1)
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0")
    after = len(page.locator("#search-results a").all())
    assert 0 < after <= before
    assert errors == []
    page.close()


def test_every_link_on_every_page_resolves_without_console_errors(browser: Browser, server: str):
    """Visit every page reachable from home under /repo/: no 404, no missing anchor, no error."""
    errors = Errors()
    page = errors.watch(browser.new_page())
    missing: list[str] = []
    anchors: list[tuple[str, str, str]] = []  # (on page, target page, fragment)
    ids: dict[str, set[str]] = {}
    checked: set[str] = set()
    queue = deque([server + "index.html"])
    while queue:
        url = queue.popleft()
        if url in ids:
            continue
        response = page.goto(url, wait_until="domcontentloaded")
        if response is None or response.status != 200:
            missing.append(f"{url}: {response.status if response else 'no response'}")
            ids[url] = set()
            continue
        found = page.evaluate(
            """() => ({
                ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
                links: Array.from(document.querySelectorAll('a[href], link[href], script[src]'))
                    .map(e => [e.tagName, e.href || e.src])
            })"""
        )
        ids[url] = set(found["ids"])
        for tag, link in found["links"]:
            target, fragment = urldefrag(link)
            if not target.startswith(server):
                # a reader may follow a link out (an article's original); nothing loads from elsewhere
                assert tag == "A", f"{url}: <{tag.lower()}> loads from outside the site: {link}"
                continue
            if fragment:
                anchors.append((url, target, fragment))
            if target.endswith(".html"):
                queue.append(target)
            elif target not in checked:
                checked.add(target)
                try:
                    urllib.request.urlopen(target, timeout=10).close()
                except urllib.error.HTTPError as error:
                    missing.append(f"{url}: {link}: {error.code}")
    page.close()
    for on, target, fragment in anchors:
        if target in ids and fragment not in ids[target]:
            missing.append(f"{on}: #{fragment} not on {target}")
    assert len(ids) > 60, "the crawl reached the whole site"
    assert missing == []
    assert errors == []


def _first_pages(site: Path) -> list[str]:
    """One page of each kind: the fixed ones and the first of each folder."""
    pages = list(PAGE_KINDS)
    for folder in FIRST_OF:
        names = sorted(p.name for p in (site / folder).glob("*.html") if p.name != "index.html")
        if names:
            pages.append(folder + names[0])
    return pages


def _axe_script() -> Path:
    if not AXE.exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install axe-core for the accessibility check"
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=HERE,
            check=True,
            capture_output=True,
            timeout=180,
        )
    return AXE


DARK_PAGES = ("index.html", "search.html?q=csto", "articles/", "stories/", "quotes/index.html")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(browser: Browser, server: str, site: Path, scheme: str):
    """Every rule on each kind of page in light mode; colour contrast again in dark mode."""
    axe = _axe_script()
    # The pages forbid inline scripts (CSP); axe is injected as one, so this context bypasses the CSP.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    problems = []
    pages = _first_pages(site)
    options = "{resultTypes: ['violations']}"
    if scheme == "dark":
        pages = [p for p in pages if p.startswith(DARK_PAGES) and (p.count("/") == 0 or p != p.split("/")[0] + "/")]
        options = "{resultTypes: ['violations'], runOnly: ['color-contrast']}"
    for path in pages:
        page.goto(server + path)
        if path.startswith("search.html"):
            page.wait_for_selector("#search-results a")
        page.add_script_tag(path=str(axe))
        result = page.evaluate(
            f"async () => (await axe.run(document, {options})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
        )
        problems += [f"{path}: {line}" for line in result]
    context.close()
    assert problems == []


@pytest.mark.parametrize("width", [375, 1280])
def test_layout_fits_phone_and_desktop(browser: Browser, site: Path, tmp_path_factory, width: int):
    """Screenshots to look at, and no page wider than the screen."""
    folder = Path(os.environ.get("CSTO_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    too_wide = []
    for path in _first_pages(site):
        page.goto((site / path.split("?")[0]).as_uri() + ("?" + path.split("?")[1] if "?" in path else ""))
        if path.startswith("search.html"):
            page.wait_for_selector("#search-results a")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide.append(f"{path}: {scroll}px")
        name = path.split("?")[0].replace("/", "_").removesuffix(".html")
        page.screenshot(path=str(folder / f"{width}-{name}.png"))
    page.close()
    assert too_wide == []
