"""An article's entry in a list, rendered once per build however many lists hold it.

An article is listed on a dozen pages or more: its themes, outlet, speakers,
month, places and organisations, the list of all articles, and the "Related
articles" of other articles. As a Jinja macro its entry cost a tenth of a
millisecond each time, the largest share of those pages.

Our `_macros.html` makes each entry with `list_item(article, show_themes)`,
which renders the small template `_article_item.html` and keeps the HTML for the
rest of the build. That template is given nothing but the article,
`show_themes`, `links`, `site` and `theme_title`, all fixed for the build once
the page's depth (the root of its links) is known, so an entry kept is the
entry that would be rendered. A user's `_article_item.html` is rendered the same
way; a user's `_macros.html` that does not call `list_item` renders as it says.

The lists sit at two depths (`themes/x.html`, `places/x/p-3f9a1c2e0b.html`), so an entry
is kept without its root: rendered with a mark in its place, which each page
replaces with its own root. A template that does more with the root than
write it (measures it, escapes it) is found out at the build's first entry,
and its entries are kept per depth instead.

When many pages are rendered, every article's entries are made before them
and kept from one build to the next (`render_item_store`). Otherwise they are
kept as UTF-8 bytes in the renderer's bounded memo of shared pieces
(`_Renderer.pieces`): the forked render workers each keep their own, and a
build of ten thousand articles has to fit in a few hundred megabytes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from .fragments import BytesMemo
from .model import Article
from .render_env import render as render_template

if TYPE_CHECKING:
    from .render import Links
    from .render_index import SiteIndex
    from .render_item_store import ItemStore

TEMPLATE = "_article_item.html"
GLOBAL = "list_item"  # its name in the templates


class ArticleItems:
    """One build's list entries by article and `show_themes`, whatever the page's depth."""

    def __init__(
        self,
        env: jinja2.Environment,
        index: SiteIndex,
        theme_title: Callable[[str], str],
        kept: BytesMemo,
        links_from: Callable[[str], Links],
    ):
        """`links_from(root)`: the links of a page whose links start from `root`."""
        self.env = env
        self.index = index
        self.theme_title = theme_title
        self.links_from = links_from
        self.template: jinja2.Template | None = None  # loaded at the first entry: a site may never list one
        self.kept = kept  # keyed by (article id, show_themes) or (root, ...): no other piece has a tuple key
        # Random (or the one the kept entries were made with) and never written to a page:
        # no article can hold it (see `_rootless`).
        self.mark = f"\x00{secrets.token_hex(12)}\x00"
        self.rootless: bool | None = None  # whether entries may be kept without their root; None: not yet known
        self.store: ItemStore | None = None  # every article's entries, made before the pages (`render_item_store`)

    def for_page(self, links: Links) -> Callable[..., Markup]:
        """The `list_item` of one page, whose links start from `links.root`."""

        def list_item(article: Article, show_themes: bool = True) -> Markup:
            return self.entry(links, article, show_themes)

        return list_item

    def entry(self, links: Links, article: Any, show_themes: bool) -> Markup:
        """The article's entry; kept only for the site's own articles, which the build does not change."""
        known = type(show_themes) is bool and type(article) is Article and self.index.by_id.get(article.id) is article
        if not known:
            return self._render(links, article, show_themes)
        if self.rootless is None:
            self.rootless, html = self._rootless(links, article, show_themes)
            return html
        if not self.rootless:
            return self._kept_with_root(links, article, show_themes)
        found = self.store.get(article.id, show_themes) if self.store is not None else None
        if found is None:
            key = (article.id, show_themes)
            found = self.kept.get(key)
            if found is None:
                found = self.marked(article, show_themes)
                self.kept.put(key, found)
        return Markup(self._placed(found, links.root).decode("utf-8", "surrogatepass"))

    def _rootless(self, links: Links, article: Article, show_themes: bool) -> tuple[bool, Markup]:
        """Whether an entry made with `mark` as its root, the mark then replaced by a page's root, is
        the entry made for that page; and the entry.

        Most pages list their articles from one of two depths; kept without its
        root, an entry is rendered once, not once per depth. Our template puts
        the root only at the start of its links; a user's could measure it or
        escape it, which this first entry shows. An article cannot hold the mark:
        it is random, and kept only in the build cache with the entries made with it.
        """
        html = self._render(links, article, show_themes)
        marked = self.marked(article, show_themes)
        same = self._placed(marked, links.root) == html.encode("utf-8", "surrogatepass")
        if same:
            self.kept.put((article.id, show_themes), marked)
        return same, html

    def _placed(self, marked: bytes, root: str) -> bytes:
        """A marked entry with `root` in the mark's place."""
        return marked.replace(self.mark.encode(), root.encode())

    def marked(self, article: Article, show_themes: bool) -> bytes:
        """The entry with `mark` where a page's root goes, as UTF-8."""
        return self._render(self.links_from(self.mark), article, show_themes).encode("utf-8", "surrogatepass")

    def _kept_with_root(self, links: Links, article: Article, show_themes: bool) -> Markup:
        key = (links.root, article.id, show_themes)
        found = self.kept.get(key)
        if found is not None:
            return Markup(found.decode("utf-8", "surrogatepass"))
        html = self._render(links, article, show_themes)
        self.kept.put(key, html.encode("utf-8", "surrogatepass"))
        return html

    def _render(self, links: Links, article: Any, show_themes: Any) -> Markup:
        if self.template is None:
            self.template = self.env.get_template(TEMPLATE)
        values = {
            "article": article,
            "show_themes": show_themes,
            "links": links,
            "site": self.index,
            "theme_title": self.theme_title,
        }
        return Markup(render_template(self.template, values))
