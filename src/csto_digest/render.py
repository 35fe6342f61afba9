"""Render stage: records and groups in, every output file out, as bytes.

`render_site` is pure: it reads templates but writes nothing, and the same
input always gives byte-identical output (everything is sorted; the build time
is printed only when the config asks for it). One small function per page kind
gathers that page's values and hands them to its template; the lookups all
pages share are built once in `render_index.build_index`.

Every internal link is relative to the page that holds it and names its file
(`../articles/x.html`, never `../articles/`), so the site works opened from
disk and under a sub-path such as GitHub Pages' `/repo/`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape as html_escape
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import render_items, render_plan
from . import render_paging as paging
from .charts import Series, bar_chart, per_period
from .config import Config
from .exports import export_files
from .feeds import atom, feed_base, feed_entries, feed_links, site_feeds
from .forked import SpooledFiles, can_fork
from .fragments import BytesMemo, ShardedMemo, cache_file, cache_folder
from .model import Article, Evidence, Groups
from .progress import Progress
from .render_archive import archive_pages, organization_pages, place_pages
from .render_digest import outlet_theme_matrix, story_snapshot, theme_sparks, whats_new
from .render_env import environment, static_files, template_dirs
from .render_env import render as render_template
from .render_index import (
    OutletEntry,
    QuoteRef,
    SiteIndex,
    SpeakerEntry,
    StatementEntry,
    StoryEntry,
    ThemeEntry,
    article_day,
    article_key,
    build_index,
    coverage_mix,
    quote_day,
    quote_key,
    related_articles,
    statement_day,
    statement_key,
    story_day,
    story_key,
)
from .render_item_store import prepare_items
from .render_items import ArticleItems
from .render_memo import Lookup, PageKeys
from .render_pages import PARALLEL_PAGES, render_pages, untracked_templates
from .render_paging import page_description, page_stem, page_title, paged
from .render_plan import Plan, plan_again, plan_site
from .render_quotes import quote_pages
from .render_reach import Reach, group_details, read_reach, site_shape
from .render_text import body_html, diff_words, mark_in_html, markdown_html, quote_anchor, safe_url
from .search import SearchMemo, build_search_index, search_files, shard_paths

INFERRED_RULES = frozenset({"inferred", "derived"})
LATEST = 10  # articles, stories and statements on the home page
NEWEST = 25  # stories and statements beside a theme's articles: the newest, not hundreds
# Pages listed again after an edit at most (see `render_reach`); past it, every page is listed, on
# both cores: listing one page alone costs about 0.1 ms, and all 15,000 of a 10,000-article site 1.6 s.
AT_MOST_AGAIN = 2000
PIECES_BUDGET = 4_000_000  # bytes of shared pieces of output a rendering process keeps (see `_Renderer.pieces`)


@dataclass(frozen=True)
class Links:
    """Relative links from one page to every other, given the page's depth."""

    root: str  # "" at the top, "../" one folder down
    index: SiteIndex

    def page(self, path: str) -> str:
        return self.root + path

    def article(self, article: Article) -> str:
        return f"{self.root}articles/{self.index.article_files[article.id]}.html"

    def quote(self, ref: QuoteRef) -> str:
        return f"{self.article(ref.article)}#{ref.anchor}"

    def outlet(self, name: str) -> str:
        return f"{self.root}outlets/{self.index.outlet_slugs[name]}.html"

    def speaker(self, name: str) -> str | None:
        slug = self.index.speaker_slugs.get(name)
        return f"{self.root}speakers/{slug}.html" if slug else None

    def theme(self, slug: str) -> str | None:
        entry = self.index.theme_by_slug.get(slug)
        return f"{self.root}themes/{entry.file}.html" if entry else None

    def story(self, entry: StoryEntry) -> str:
        return f"{self.root}stories/{entry.file}.html"

    def statement(self, entry: StatementEntry) -> str:
        return f"{self.root}{self.index.statement_pages[entry.anchor]}#{entry.anchor}"

    def place(self, name: str) -> str | None:
        slug = self.index.place_slugs.get(name)
        return f"{self.root}places/{slug}.html" if slug else None

    def organization(self, name: str) -> str | None:
        slug = self.index.organization_slugs.get(name)
        return f"{self.root}organizations/{slug}.html" if slug else None

    def month(self, month: str) -> str:
        return f"{self.root}archive/{month}.html"


@dataclass(frozen=True)
class FieldRow:
    """One row of an article's extracted-fields table."""

    label: str
    value: str
    href: str | None
    evidence: Evidence | None

    @property
    def inferred(self) -> bool:
        return self.evidence is not None and self.evidence.rule in INFERRED_RULES


@dataclass(frozen=True)
class PageSpec:
    """A page before it is rendered: its template and the values it is made of.

    `values` are what the page's key is computed from (see `render_memo`);
    `derive` computes further values that follow from those alone (the
    article's text as HTML, a chart), and is called only when the page is
    rendered, so an unchanged page costs its key and nothing more.
    """

    path: str
    template: str
    root: str
    values: dict[str, Any]
    derive: Callable[[], dict[str, Any]] | None = None
    make: Callable[[], bytes] | None = None  # a file made without a template (a feed)
    # Rendered by this process once the forked workers are gone (see `render_pages`):
    # the page reads across the whole corpus, and a worker reading that much copies
    # most of what it had shared with this process.
    alone: bool = False


Page = PageSpec | tuple[str, bytes]  # a page to render, or a file made some other way


@dataclass(frozen=True)
class RenderResult:
    """The site's files as a stream, and each page's key for the next build.

    `files` yields `(path, bytes)` one file at a time, rendering as it goes, so
    the writer can put each file on disk before the next is made and the whole
    site is never held in memory. It can be read once. A file whose bytes are
    `None` was not rendered again: its key equals the live site's, so the
    writer carries the live file over unchanged.
    """

    files: Iterator[tuple[str, bytes | None]]
    keys: dict[str, str]
    rendered: int
    reused: int
    snapshot: dict[str, Any]  # this build's stories and articles, the next build's baseline
    stop: Callable[[], None] = lambda: None  # stops a helper still at work: for a build that fails before the end

    def collect(self) -> dict[str, bytes | None]:
        """Every file at once, sorted by path (for tests and small sites)."""
        return dict(sorted(self.files))


@dataclass(frozen=True)
class _Renderer:
    env: jinja2.Environment
    index: SiteIndex
    config: Config
    built: str | None  # the build time, only when the config asks for it
    feeds: dict[str, str]  # page path -> the path of its Atom feed
    baseline: dict[str, Any] | None = None  # the previous build's stories and articles (see `history`)
    cache: Path | None = None  # where memos of pieces of output are kept for the next build, if anywhere
    fresh: bool = False  # a clean build: reuse no memo, but leave this build's
    # List only these pages, given by their paths and their stems (see `render_reach`); None: all.
    only: frozenset[str] | None = None
    # The forked helper making the search shards and the data exports meanwhile, on the fast path of a
    # large site's rebuild (see `render`); empty when they are made here.
    helper: list[SpooledFiles] = dataclasses.field(default_factory=list, compare=False, repr=False)

    def wants(self, page: str) -> bool:
        """Whether to list the page at `page`, or (given its `page_stem`) any page of a list: a family
        skips the rest unmade."""
        return self.only is None or page in self.only

    def memo_file(self, name: str) -> Path | None:
        return cache_file(self.cache, name) if self.cache else None

    @property
    def spool_folder(self) -> Path | None:
        """Where a helper's spool of files goes: beside the cache when there is one, since a
        temporary folder in memory (tmpfs) would hold the files in memory."""
        return self.cache if self.cache is not None and self.cache.is_dir() else None

    def page(
        self,
        path: str,
        template: str,
        title: str,
        description: str,
        root: str | None = None,
        derive: Callable[[], dict[str, Any]] | None = None,
        alone: bool = False,
        **values: Any,
    ) -> PageSpec:
        """One page; `path` is its place in the site, which sets its links."""
        return PageSpec(
            path,
            template,
            "../" * path.count("/") if root is None else root,
            {
                "page_path": path,
                "site_title": self.config.site_title,
                "title": title,
                "description": description,
                "canonical": _canonical(self.config.base_url, path),
                "built": self.built,
                "feed": self.feeds.get(path),
                **values,
            },
            derive,
            alone=alone,
        )

    def render(self, spec: PageSpec) -> bytes:
        if spec.make is not None:
            return spec.make()
        extra = spec.derive() if spec.derive else {}
        links = Links(spec.root, self.index)
        html = render_template(
            self.env.get_template(spec.template),
            {
                "links": links,
                "site": self.index,
                "theme_title": self._theme_title,
                "list_item": self.items.for_page(links),
                **spec.values,
                **extra,
            },
        )
        return html.encode("utf-8")

    @functools.cached_property
    def pieces(self) -> BytesMemo:
        """Pieces of output many pages share (an article's entry in a list, in a feed), one memo for all.

        Each process that renders fills its own (a forked worker starts from a
        copy of this one's), so it is bounded: list entries give way to feed
        entries when the feeds, rendered last, come.
        """
        return BytesMemo(PIECES_BUDGET)

    @functools.cached_property
    def items(self) -> ArticleItems:
        """The build's list entries of articles."""
        return ArticleItems(self.env, self.index, self._theme_title, self.pieces, lambda root: Links(root, self.index))

    def _theme_title(self, slug: str) -> str:
        entry = self.index.theme_by_slug.get(slug)
        return entry.title if entry else slug


def render_site(articles: tuple[Article, ...], groups: Groups, config: Config) -> dict[str, bytes]:
    """Every file of the site keyed by its POSIX path relative to the output."""
    files = render(articles, groups, config).collect()
    return {path: data for path, data in files.items() if data is not None}


def render(
    articles: tuple[Article, ...],
    groups: Groups,
    config: Config,
    live_keys: dict[str, str] | None = None,
    epoch: str = "",
    progress: Progress | None = None,
    baseline: dict[str, Any] | None = None,
    cache: bool = False,
    clean: bool = False,
) -> RenderResult:
    """Every file of the site; pages whose key is in `live_keys` unchanged are not rendered again.

    With `cache`, compiled templates and what they read are kept in the
    config's cache folder for the next build, and (unless `clean`) reused.
    """
    dirs = template_dirs(config.templates)
    built = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") if config.timestamp else None
    index = build_index(articles, groups, config)
    feeds = feed_links(site_feeds(index, config.site_title))
    compiled = config.cache_dir / "templates" if cache else None
    renderer = _Renderer(
        environment(dirs, compiled, clean),
        index,
        config,
        built,
        feeds,
        baseline,
        cache=config.cache_dir if cache else None,
        fresh=clean,
    )
    keys = PageKeys(epoch, _site_lookups(index), index.article_files, (index.by_id, index.digests))
    untracked = untracked_templates(renderer.env, compiled and compiled / "untracked.json", fresh=clean)

    prepared = False

    def prepare(listed: Plan) -> None:
        """With many pages to render, every list entry is made once, before the workers fork."""
        nonlocal prepared
        if prepared or len(listed.todo) < PARALLEL_PAGES:
            return
        prepared = True
        renderer.items.store = prepare_items(
            renderer.items,
            index.articles,
            "../",
            epoch,
            None if render_items.TEMPLATE in untracked else keys.article_part,
            renderer.memo_file("items"),
            fresh=clean,
        )

    def make_exports() -> Iterator[tuple[str, bytes]]:
        exports = ShardedMemo(renderer.cache and cache_folder(renderer.cache, "exports"), fresh=clean)
        return export_files(renderer.index, groups, exports)

    def meanwhile() -> None:
        """Called as the pages reaching an edit are about to be listed: the search shards and the data
        exports, which read the whole index (at 10,000 articles the exports took 0.44 s of an edit's
        rebuild, and the search index alone 0.13 to 0.25 s before its shards were written), are made
        meanwhile by a forked helper (see `forked`), in that order, the shards being wanted first.
        Only then: a clean build's peak memory counts, and after a larger change the listing helper
        is busy already."""
        if len(index.articles) >= render_plan.SPLIT_MIN_ARTICLES and can_fork():
            makers = {"search": lambda: search_shards(renderer).items(), "exports": make_exports}
            renderer.helper.append(SpooledFiles(makers, "search and exports helper", renderer.spool_folder))

    def dismiss() -> None:
        """Stop the helper, if any: the build stopped, or the pages are listed all over again."""
        while renderer.helper:
            renderer.helper.pop().close()

    try:
        plan = _plan(renderer, groups, keys, untracked, live_keys, epoch, prepare, meanwhile, dismiss)
    except BaseException:
        dismiss()
        raise
    made, todo = plan.made, plan.todo  # made: files made while listing (search shards), and carried-over pages
    pages = plan.paths  # each once: `plan_site` refuses two pages at one path

    def stream() -> Iterator[tuple[str, bytes | None]]:
        try:
            for path in list(made):  # let go of each as it is handed over: the search shards weigh megabytes
                yield path, made.pop(path)
            yield from plan.spooled_files()  # the helper's pages, read back one at a time
            prepare(plan)
            if progress:
                progress.start("render", len(todo), "pages")
            on_done = progress.advance if progress else None
            for position, data in render_pages(renderer, todo, on_done):  # in the order they are finished
                yield todo[position].path, data
            static = static_files(dirs)
            yield from static.items()
            yield from _crawler_files([*pages, *static], index, config.base_url).items()
            yield from renderer.helper[0].files("exports") if renderer.helper else make_exports()
        finally:
            dismiss()  # also when the build stopped before the exports

    return RenderResult(stream(), plan.keys, len(todo) + plan.rendered, plan.reused, story_snapshot(index), dismiss)


def _plan(
    renderer: _Renderer,
    groups: Groups,
    keys: PageKeys,
    untracked: set[str],
    live_keys: dict[str, str] | None,
    epoch: str,
    prepare: Callable[[Plan], None],
    before_again: Callable[[], None] = lambda: None,
    refused: Callable[[], None] = lambda: None,
) -> Plan:
    """Every page, made, carried over or to render. After an edit that leaves the site's shape alone
    only the pages reaching the edited articles are listed again (see `render_reach`), after calling
    `before_again`; otherwise every page is (after calling `refused`, if what was listed again did not
    match). What was listed is recorded for the next build, then let go."""
    index = renderer.index
    reach_file = renderer.memo_file("reach")
    before = read_reach(reach_file) if live_keys and not renderer.fresh and renderer.built is None else None
    shape, outlines = site_shape(index.articles, groups, index.digests, before.outlines if before else {})
    details = group_details(groups)
    plan = None
    if before and (before.epoch, before.shape, before.untracked) == (epoch, shape, frozenset(untracked)):
        wanted = before.pages_to_list(index.digests, details, live_keys or {}, AT_MOST_AGAIN)
        if wanted is not None:
            before_again()
            plan = plan_again(renderer, _PAGES_ALL, keys, untracked, live_keys or {}, before, wanted)
            if plan is None:
                refused()
    if plan is None:
        # Entries are prepared while the listing helper (if any) works, or once every page is listed.
        plan = plan_site(renderer, _PAGES_HERE, _PAGES_THERE, _PAGES_APART, keys, untracked, live_keys, prepare)
    listed = Reach(epoch, shape, frozenset(untracked), dict(index.digests), list(plan.paths), frozenset(plan.files))
    listed.keys, listed.reaches, listed.outlines = dict(plan.keys), plan.reaches, outlines
    listed.details = {name: detail for name, (detail, _) in details.items()}
    listed.save(reach_file)
    plan.reaches = {}
    keys.forget_reaches()  # the memory goes to the pages about to be rendered
    return plan


def _site_lookups(index: SiteIndex) -> dict[str, Any]:
    """What a page's links resolve through besides its own values (article files go with each article)."""
    return {
        "outlets": index.outlet_slugs,
        "speakers": index.speaker_slugs,
        "themes": {slug: (t.file, t.title) for slug, t in index.theme_by_slug.items()},
        "places": index.place_slugs,
        "organizations": index.organization_slugs,
        "statement_pages": index.statement_pages,
    }


def _canonical(base_url: str, path: str) -> str | None:
    base = base_url.strip().rstrip("/")
    if not base.lower().startswith(("http://", "https://")):
        return None
    return f"{base}/" if path == "index.html" else f"{base}/{path}"


def _crawler_files(pages: Iterable[str], index: SiteIndex, base_url: str) -> dict[str, bytes]:
    """`robots.txt` always; `sitemap.xml` only with a base URL, since a sitemap holds absolute URLs.

    An article's `lastmod` is its date when known to the day; nothing reads the clock.
    """
    root = _canonical(base_url, "")
    if not root:
        return {"robots.txt": b"User-agent: *\nAllow: /\n"}
    dated = {
        f"articles/{index.article_files[a.id]}.html": a.date
        for a in index.articles
        if a.date and a.date_precision == "day"
    }
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path in sorted(p for p in pages if p.endswith(".html") and p != "404.html"):
        lastmod = f"<lastmod>{dated[path]}</lastmod>" if path in dated else ""
        lines.append(f"<url><loc>{html_escape(_canonical(base_url, path) or '', quote=False)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return {
        "sitemap.xml": ("\n".join(lines) + "\n").encode("utf-8"),
        "robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\n".encode(),
    }


# --- pages -----------------------------------------------------------------


def _home(r: _Renderer) -> Iterator[Page]:
    index = r.index
    themes = [t for t in index.themes if t.articles]
    yield r.page(
        "index.html",
        "index.html",
        r.config.site_title,
        f"What officials said about the CSTO: {len(index.articles)} articles, "
        f"{len(index.stories)} stories, {len(index.quotes)} quotes.",
        themes=themes,
        sparks=theme_sparks(themes),
        news=whats_new(r.baseline, index),
        articles=index.articles[:LATEST],
        stories=index.stories[:LATEST],
        statements=_newest_statements(index)[:LATEST],
    )


def _newest_statements(index: SiteIndex) -> tuple[StatementEntry, ...]:
    return index.statements  # already newest first


def _article_list(r: _Renderer) -> Iterator[Page]:
    articles = r.index.articles
    description = f"All {len(articles)} articles, newest first."
    yield from _list_pages(
        r,
        "articles/index.html",
        "articles.html",
        "All articles",
        description,
        article_key,
        article_day,
        articles=articles,
    )


def _list_pages(
    r: _Renderer,
    path: str,
    template: str,
    title: str,
    description: str,
    key: Callable[[Any], str],
    day: Callable[[Any], str | None],
    **lists: Any,
) -> Iterator[Page]:
    """A list's pages; `lists` names the one list (`articles=...`), which each page gets cut to its share.
    `key` and `day` name and date an item (see `paged`)."""
    [(name, items)] = lists.items()
    if not r.wants(page_stem(path)):
        return
    for chunk, pager in paged(path, items, key, day=day):
        if not r.wants(pager.path):
            continue
        described = page_description(description, title, pager)
        yield r.page(pager.path, template, page_title(title, pager), described, pager=pager, **{name: chunk})


def _articles(r: _Renderer) -> Iterator[Page]:
    files = r.index.article_files
    for article in r.index.articles:
        if r.wants(f"articles/{files[article.id]}"):
            yield _article_page(r, article)


def _article_page(r: _Renderer, article: Article) -> PageSpec:
    story = r.index.story_of.get(article.id)
    path = f"articles/{r.index.article_files[article.id]}.html"
    quotes = article.live_quotes
    return r.page(
        path,
        "article.html",
        article.title,
        _describe_article(article),
        derive=lambda: _article_text(r, article),
        article=article,
        statement_of=Lookup(
            (i, entry) for i in range(len(quotes)) if (entry := r.index.statements_of.get((article.id, i)))
        ),
        story=story,
        also_reported=_also_reported(article, story),
        related=related_articles(article, r.index),
    )


def _article_text(r: _Renderer, article: Article) -> dict[str, Any]:
    """The values of an article's page that follow from the article alone."""
    quotes = article.live_quotes
    if article.format == "markdown" and article.markdown is not None:
        rendered, placed = mark_in_html(markdown_html(article.markdown), quotes)
        paragraphs: list[Markup] = [rendered]
        is_markdown = True
    else:
        paragraphs, placed = body_html(article.body, quotes)
        is_markdown = False
    return {
        "paragraphs": paragraphs,
        "is_markdown": is_markdown,
        "quotes": [QuoteRef(article, i, q) for i, q in enumerate(quotes)],
        "placed": placed,
        "fields": _field_rows(article, Links("../", r.index)),
        "original_url": safe_url(article.url),
    }


def _describe_article(article: Article) -> str:
    outlet = article.source.name if article.source else "an unnamed outlet"
    speakers = ", ".join(s.name for s in article.speakers[:3])
    said = f", quoting {speakers}" if speakers else ""
    return f"{article.title} — from {outlet}{said}."


def _also_reported(article: Article, story: StoryEntry | None) -> list[Article]:
    """The story's other articles: who else carried this interview or event."""
    return [a for a in story.articles if a.id != article.id] if story else []


def _field_rows(article: Article, links: Links) -> list[FieldRow]:
    """The extracted fields, each beside the evidence that gave it."""
    rows = [FieldRow("Title", article.title, None, article.title_evidence)]
    if article.source:
        rows.append(
            FieldRow("Published by", article.source.name, links.outlet(article.source.name), article.source.evidence)
        )
    else:
        rows.append(FieldRow("Published by", "not stated in the article", None, None))
    rows += [FieldRow("Cites", o.name, links.outlet(o.name), o.evidence) for o in article.cited_sources]
    if article.date:
        date = f"{article.date} ({article.date_precision})"
    else:  # evidence with no date: a date the text gives in a form that reads two ways
        date = "not read: the text's date reads two ways" if article.date_evidence else "not stated in the article"
    rows.append(FieldRow("Date", date, None, article.date_evidence))
    if article.author:
        rows.append(FieldRow("Author", article.author, None, article.author_evidence))
    for speaker in article.speakers:
        value = f"{speaker.name}, {speaker.role}" if speaker.role else speaker.name
        rows.append(FieldRow("Speaker", value, links.speaker(speaker.name), speaker.evidence))
    for number, quote in enumerate(article.live_quotes):
        words = quote.text if len(quote.text) <= 70 else quote.text[:70].rsplit(" ", 1)[0] + "…"
        value = f"“{words}” ({quote.speaker or 'unattributed'})"
        rows.append(FieldRow(f"Quote {number + 1}", value, f"#{quote_anchor(number)}", quote.evidence))
    for hit in article.themes:
        entry = links.index.theme_by_slug.get(hit.slug)
        rows.append(FieldRow("Theme", entry.title if entry else hit.slug, links.theme(hit.slug), hit.evidence))
    rows += [
        FieldRow("Place", name, links.place(name), article.mention_of(name)) for name in dict.fromkeys(article.places)
    ]
    rows += [
        FieldRow("Organization", name, links.organization(name), article.mention_of(name))
        for name in dict.fromkeys(article.organizations)
    ]
    return rows


def _theme_pages(r: _Renderer) -> Iterator[Page]:
    themes = r.index.themes
    if r.wants("themes/index"):
        yield r.page(
            "themes/index.html",
            "themes.html",
            "Themes",
            f"{len(themes)} themes the articles are sorted into, with their counts.",
            themes=themes,
            sparks=theme_sparks(themes),
        )
    for theme in themes:
        if r.wants(f"themes/{theme.file}"):
            yield from _theme_page(r, theme)


def _theme_page(r: _Renderer, theme: ThemeEntry) -> Iterator[PageSpec]:
    """A theme's pages: the first sums it up (chart, outlets, stories, statements), all list its articles."""
    rest = {"description_html": Markup(""), "stories": [], "statements": [], "outlets": [], "chart": None}
    for chunk, pager in paged(f"themes/{theme.file}.html", theme.articles, article_key, day=article_day):
        if not r.wants(pager.path):
            continue
        yield r.page(
            pager.path,
            "theme.html",
            page_title(theme.title, pager),
            page_description(
                f"{theme.title}: {len(theme.articles)} articles. {theme.description[:120]}".strip(), theme.title, pager
            ),
            theme=dataclasses.replace(theme, articles=chunk, positions={}),  # the theme as this page shows it
            pager=pager,
            **(_theme_summary(r, theme) if pager.is_first else rest),
        )


def _theme_summary(r: _Renderer, theme: ThemeEntry) -> dict[str, Any]:
    """What a theme's first page adds: made only when that page is listed, since it reads the whole theme
    (at 100,000 articles, tens of thousands of them) and an edit usually lists a later page alone."""
    stories = r.index.stories_among(theme.articles)
    statements = r.index.statements_among(theme.articles)
    return {
        "article_count": len(theme.articles),
        "story_count": len(stories),
        "statement_count": len(statements),
        "description_html": markdown_html(theme.description) if theme.description else Markup(""),
        "stories": stories[:NEWEST],
        "statements": statements[:NEWEST],
        "outlets": _most_first(Counter(a.source.name for a in theme.articles if a.source)),
        "chart": _chart(per_period(a.date for a in theme.articles), f"Articles on {theme.title} per period", "chart"),
    }


def _most_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _outlet_pages(r: _Renderer) -> Iterator[Page]:
    outlets = r.index.outlets
    if r.wants("outlets/index"):
        yield r.page(
            "outlets/index.html",
            "outlets.html",
            "Outlets",
            f"{len(outlets)} outlets that published or are cited by the articles.",
            outlets=outlets,
            matrix=outlet_theme_matrix(r.index),
        )
    for outlet in outlets:
        if r.wants(f"outlets/{outlet.slug}") or r.wants(f"outlets/{outlet.slug}/cited"):
            yield from _outlet_page(r, outlet)


def _outlet_page(r: _Renderer, outlet: OutletEntry) -> Iterator[PageSpec]:
    """An outlet's articles, about 100 to a page, each page with the stories they are in; and who cites it.

    A big outlet's one page weighed 176 kB at ten thousand articles and would
    weigh over a megabyte at a hundred thousand. The articles citing it are
    listed on the first page while they fit one page, and otherwise on pages
    of their own (`outlets/NAME/cited.html`), which the first page links to."""
    labels = "; ".join(f"{k}: {v}" for k, v in outlet.labels)
    description = (
        f"{outlet.name}{f' ({labels})' if labels else ''}: {len(outlet.published)} articles published, "
        f"cited by {len(outlet.cited)}."
    )
    cited_apart = f"outlets/{outlet.slug}/cited.html" if len(outlet.cited) > paging.PER_PAGE else None
    counts = {"published_count": len(outlet.published), "cited_count": len(outlet.cited)}
    for chunk, pager in paged(f"outlets/{outlet.slug}.html", outlet.published, article_key, day=article_day):
        if not r.wants(pager.path):
            continue
        first = pager.is_first
        cited = outlet.cited if first and not cited_apart else ()
        yield r.page(
            pager.path,
            "outlet.html",
            page_title(outlet.name, pager),
            page_description(description, outlet.name, pager),
            outlet=dataclasses.replace(outlet, published=chunk, cited=cited),  # as this page shows it
            stories=[(s, coverage_mix(_originals(s), r.index)) for s in r.index.stories_among(chunk)],
            cited_apart=cited_apart if first else None,
            pager=pager,
            **(counts if first else {}),
        )
    if cited_apart:
        citing = paged(cited_apart, outlet.cited, lambda cited: cited[0].id, day=lambda cited: cited[0].date)
        for chunk, pager in citing:
            if not r.wants(pager.path):
                continue
            yield r.page(
                pager.path,
                "outlet_cited.html",
                page_title(f"Articles citing {outlet.name}", pager),
                page_description(
                    f"The {len(outlet.cited)} articles that cite {outlet.name}, with their words.",
                    f"Articles citing {outlet.name}",
                    pager,
                ),
                outlet=dataclasses.replace(outlet, published=(), cited=chunk),
                pager=pager,
            )


def _originals(story: StoryEntry) -> list[Article]:
    """A story's articles without the syndicated copies, which do not add to its coverage."""
    return [a for a in story.articles if a.id not in story.copies]


@dataclass(frozen=True)
class Chart:
    """A chart and the numbers it draws, for the table beside it."""

    svg: Markup
    series: Series
    title: str


def _chart(series: Series, title: str, chart_id: str) -> Chart | None:
    """A chart only when there is something over time to see (two periods or more)."""
    if len(series.points) < 2:
        return None
    title = title.replace("per period", f"per {series.period}")
    return Chart(bar_chart(series, title, chart_id), series, title)


def _speaker_pages(r: _Renderer) -> Iterator[Page]:
    speakers = r.index.speakers
    if r.wants("speakers/index"):
        yield r.page(
            "speakers/index.html",
            "speakers.html",
            "Speakers",
            f"{len(speakers)} people quoted directly in the articles.",
            speakers=speakers,
        )
    for speaker in speakers:
        if r.wants(f"speakers/{speaker.slug}"):
            yield from _speaker_page(r, speaker)


def _speaker_page(r: _Renderer, speaker: SpeakerEntry) -> Iterator[PageSpec]:
    """A speaker's quotes, oldest first, `PER_SPEAKER_QUOTES` to a page, each with the articles its quotes are from.

    On one page, the busiest speakers' quotes and articles weighed half a
    megabyte at ten thousand articles, and would weigh five at a hundred
    thousand. The first page also carries the chart and the articles that
    name the speaker without quoting them."""
    role = f", {speaker.roles[0]}" if speaker.roles else ""
    quoted = {ref.article.id for ref in speaker.quotes}
    counts = {"quote_count": len(speaker.quotes), "article_count": len(speaker.articles)}
    place = {a.id: n for n, a in enumerate(speaker.articles)}  # each page's articles in the speaker's order
    unquoted = [n for n, a in enumerate(speaker.articles) if a.id not in quoted]
    quotes = paged(f"speakers/{speaker.slug}.html", speaker.quotes, quote_key, paging.PER_SPEAKER_QUOTES, quote_day)
    for chunk, pager in quotes:
        if not r.wants(pager.path):
            continue
        first = pager.is_first
        # Looked up from the page's own quotes: scanning every article of the speaker for every page
        # cost the busiest speakers pages x articles (0.83 s against 0.42 s at 100,000 articles).
        shown = {place[ref.article.id] for ref in chunk}
        if first:
            shown.update(unquoted)
        articles = tuple(speaker.articles[n] for n in sorted(shown))
        yield r.page(
            pager.path,
            "speaker.html",
            page_title(speaker.name, pager),
            page_description(
                f"{speaker.name}{role}: {len(speaker.quotes)} quotes in {len(speaker.articles)} articles.",
                speaker.name,
                pager,
            ),
            speaker=dataclasses.replace(speaker, quotes=chunk, articles=articles),  # as this page shows them
            pager=pager,
            chart=_speaker_chart(speaker) if first else None,  # made for the first page only
            **(counts if first else {}),
        )


def _speaker_chart(speaker: SpeakerEntry) -> Chart | None:
    return _chart(per_period(q.article.date for q in speaker.quotes), f"Quotes of {speaker.name} per period", "chart")


def _story_pages(r: _Renderer) -> Iterator[Page]:
    stories = r.index.stories
    description = f"{len(stories)} interviews and events reported by several articles."
    yield from _list_pages(
        r, "stories/index.html", "stories.html", "Stories", description, story_key, story_day, stories=stories
    )
    for story in stories:
        if r.wants(f"stories/{story.file}"):
            yield _story_page(r, story)


def _story_page(r: _Renderer, story: StoryEntry) -> PageSpec:
    originals = _originals(story)
    copies_of = {a.id: [c for c in story.articles if story.copies.get(c.id) == a.id] for a in originals}
    outlets = sorted({a.source.name for a in originals if a.source})
    dated = [a for a in story.articles if a.date]
    first = min(dated, key=lambda a: (a.date or "", a.id)) if dated else None
    statements = r.index.statements_among(story.articles)
    return r.page(
        f"stories/{story.file}.html",
        "story.html",
        story.title,
        f"One story reported by {len(originals)} articles: {story.title}.",
        story=story,
        originals=originals,
        copies_of=copies_of,
        outlets=outlets,
        first=first,
        statements=statements,
        mix=coverage_mix(originals, r.index),
    )


def _statement_page(r: _Renderer) -> Iterator[Page]:
    statements = r.index.statements
    if not r.wants("statements/index"):
        return
    pages = paged("statements/index.html", statements, statement_key, paging.PER_STATEMENT_PAGE, statement_day)
    for chunk, pager in pages:
        if not r.wants(pager.path):
            continue
        yield r.page(
            pager.path,
            "statements.html",
            page_title("Statements", pager),
            page_description(
                f"{len(statements)} statements carried by several articles, their wordings side by side.",
                "Statements",
                pager,
            ),
            derive=functools.partial(_wording_diffs, chunk),
            alone=True,  # every statement's wordings, from articles all over the corpus
            statements=chunk,
            pager=pager,
        )


def _wording_diffs(statements: Sequence[StatementEntry]) -> dict[str, Any]:
    """Each wording marked where it differs from the statement's first."""
    return {
        "diffs": {
            (s.anchor, n): diff_words(s.wordings[0].quote.text, w.quote.text)
            for s in statements
            for n, w in enumerate(s.wordings)
        }
    }


def _search_page(r: _Renderer) -> Iterator[Page]:
    """The search page and the index shards it loads with `<script src>` (no fetch, so file:// works)."""
    shards = dict(r.helper[0].files("search")) if r.helper else search_shards(r)
    yield from shards.items()
    yield r.page(
        "search.html",
        "search.html",
        "Search",
        f"Search the {len(r.index.articles)} articles by words, theme, outlet, speaker and year.",
        shards=shard_paths(shards),
    )


def search_shards(r: _Renderer) -> dict[str, bytes]:
    """The search index's scripts, by path (see `search`)."""
    paths = {a.id: f"articles/{r.index.article_files[a.id]}.html" for a in r.index.articles}
    memo = SearchMemo(r.memo_file("search"), fresh=r.fresh)  # the previous build's postings, if it left them
    shards = search_files(build_search_index(r.index, paths, memo))
    memo.save()
    return shards


def _feeds(r: _Renderer) -> Iterator[Page]:
    """The Atom feeds, keyed like pages by the articles they carry."""
    base = feed_base(r.config.base_url)
    for feed in site_feeds(r.index, r.config.site_title):
        yield PageSpec(
            feed.path,
            "atom",
            "",
            {
                "title": feed.title,
                "page": feed.page,
                "entries": feed_entries(feed),
                "site": r.config.site_title,
                "base": base,
            },
            make=functools.partial(atom, feed, r.index, r.config.site_title, base, r.pieces),
        )


def _not_found(r: _Renderer) -> Iterator[Page]:
    """404 is served at any depth, so its links start from the base URL when known."""
    canonical = _canonical(r.config.base_url, "")
    root = canonical.rstrip("/") + "/" if canonical else ""
    yield r.page("404.html", "404.html", "Page not found", "There is no page at this address.", root=root)


# The page kinds, in the order their files are listed. On a rebuild of a large
# site a forked helper lists the second share and the kinds set apart, whose pages
# read across the whole corpus, and renders those of them that changed (see
# `render_plan`): the article pages are the most costly to key, and the shares
# take about as long.
_PAGES_HERE = (
    _home,
    _article_list,
    _theme_pages,
    _outlet_pages,
    _speaker_pages,
    _story_pages,
    archive_pages,
    place_pages,
    organization_pages,
    _not_found,
)
_PAGES_THERE = (
    _articles,
    _feeds,
)
_PAGES_APART = (
    _statement_page,
    quote_pages,
    _search_page,
)
_PAGES_ALL = (*_PAGES_HERE, *_PAGES_THERE, *_PAGES_APART)
