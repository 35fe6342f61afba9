"""Which pages need rendering again: a key per page from the values it is made of.

Rendering ten thousand pages costs seconds; after one article is edited only
a handful of them change. Each page's key is a digest of everything its
template receives (titles, articles, stories, quotes...), of how the names
it holds resolve through the site-wide lookups its links go through (outlet,
speaker, theme, place and organisation slugs, the page each statement is
on), and of the build's `epoch` (our code, the templates and the config). A
page whose key equals the one recorded for the live site is not rendered;
the writer carries the live file over.

Keys are computed by walking the values: strings, numbers, containers and frozen
dataclasses are read field by field; an article counts as its token (a digest of
the whole record, computed once per build), the file its page is written to,
and how its names resolve. A value of any other type makes the page `None`: it
is always rendered, which is slower but never stale.

Only the lookups a page can reach count, not the whole tables: a string the
walk meets counts with its entry in each table that has it, and an article
with the entries of every name it carries (`names_of`). Deleting one article
moves a hundred statements to another page of the statement list; when every
key held a digest of the whole table, that re-rendered all fourteen thousand
pages of a 10,000-article site, where it now re-renders the pages that link
to those statements.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from .fragments import article_digest
from .model import Article, Correction, Evidence, Outlet, Quote, Speaker, StatementMember, Story, ThemeHit
from .render_index import QuoteRef

_SCALARS = (str, int, float, bool, type(None))
# A page's reach (see `PageKeys.reach`) holds this when its values hold a piece of an
# article's record (its evidence, a quote) that is not one of the site's articles' own.
LOOSE = ""
_PIECES = (Evidence, Quote, Outlet, Speaker, ThemeHit, Correction)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


class Uncacheable(Exception):
    """A page value the walker cannot read; the page is rendered every time."""


class Lookup(dict):
    """A mapping a template may also call, `statement_of(i)`, and the walker can read."""

    def __call__(self, key: Any) -> Any:
        return self.get(key)


def names_of(article: Article) -> Iterator[str]:
    """The names an article's entries and pages may look up: its outlets, speakers, places, organisations, themes."""
    if article.source:
        yield article.source.name
    for outlet in article.cited_sources:
        yield outlet.name
    for speaker in article.speakers:
        yield speaker.name
    for quote in article.live_quotes:
        if quote.speaker:
            yield quote.speaker
    yield from article.places
    yield from article.organizations
    for hit in article.themes:
        yield hit.slug


class PageKeys:
    """Keys of the pages of one build."""

    def __init__(
        self,
        epoch: str,
        lookups: Mapping[str, Mapping[str, Any]],
        article_files: Mapping[str, str],
        known: tuple[Mapping[str, Article], Mapping[str, str]] = ({}, {}),
    ):
        """`lookups` are the site-wide tables by name (each name -> what it resolves to)."""
        self.article_files = article_files
        self.known_articles, self.known_digests = known  # the site's articles by id, and their digests
        self.alive: list[Any] = []  # what the id-keyed memos point at: an id is unique only while its object lives
        self.articles: dict[int, str] = {}  # id(article) -> token, for this build
        self.objects: dict[int, str] = {}  # id(dataclass) -> digest of its fields
        self.resolved = _resolutions(lookups)
        self.prefix = f"{epoch}\x1e"
        self.reached: list[str] = []  # ids of the articles the walk under way has met (see `reach`)
        self.object_reach: dict[int, tuple[str, ...]] = {}  # id(dataclass) -> the ids its fields reach
        self.reach: tuple[str, ...] = ()
        self.owners: dict[type, dict[int, str]] = {}  # kind -> id(piece of an article's record) -> the article's id
        self.owner: str | None = None  # the article whose piece is being walked, which owns the pieces in it

    def key(self, path: str, template: str, values: Mapping[str, Any]) -> str | None:
        """The page's key; `reach` is then the ids of the articles its values hold (see `render_reach`).

        A page whose values hold a piece of an article (a quote, a piece of
        evidence) outside the article has `LOOSE` in its reach: an edit of
        any article may have changed it."""
        self.reached = []
        try:
            body = self._walk_root({"path": path, "template": template, **values})
        except Uncacheable:
            return None
        finally:
            self.reach = tuple(dict.fromkeys(self.reached))  # each once, in a set's memory and in order
        return hashlib.blake2b((self.prefix + body).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()

    def _walk_root(self, value: Any) -> str:
        parts: list[str] = []
        self._walk(value, parts)
        return "\x1f".join(parts)

    def _walk(self, value: Any, out: list[str]) -> None:
        kind = type(value)
        if kind is str:
            out.append("s" + value)
            if (entry := self.resolved.get(value)) is not None:
                out.append(entry)
        elif kind is Article:  # the commonest value by far: looked for before the rest
            out.append(self.articles.get(id(value)) or self.article_part(value))
            self.reached.append(value.id)
        elif isinstance(value, _SCALARS):
            out.append(f"{kind.__name__[0]}{value}")
        elif kind in (tuple, list):
            out.append(f"[{len(value)}")
            self._walk_all(value, out)
        elif isinstance(value, dict):
            out.append(f"{{{len(value)}")
            self._walk_all(itertools.chain.from_iterable(value.items()), out)  # key, value, key, value...
        elif kind in (set, frozenset):
            out.append(f"<{len(value)}")
            out.extend(sorted(self._walk_root(item) for item in value))
        elif kind is QuoteRef and any(q is value.quote for q in value.article.quotes):
            # A quote of the article, which its token covers: where it stands says the rest.
            out.append(f"q{value.index}")
            out.append(self.article_part(value.article))
            self.reached.append(value.article.id)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            out.append(self._dataclass(value))
        else:
            raise Uncacheable(kind.__name__)

    def _walk_all(self, items: Any, out: list[str]) -> None:
        """`_walk` of each item, with the commonest kinds (strings, articles, None) written here.

        The keys of a build of ten thousand articles walk over a million values,
        and a call per string or article was most of their cost. The parts are
        the ones `_walk` writes.
        """
        articles, resolved, reached = self.articles, self.resolved, self.reached
        for item in items:
            kind = type(item)
            if kind is str:
                out.append("s" + item)
                if (entry := resolved.get(item)) is not None:
                    out.append(entry)
            elif kind is Article:
                out.append(articles.get(id(item)) or self.article_part(item))
                reached.append(item.id)
            elif item is None:
                out.append("NNone")
            elif kind is int:  # a theme's positions hold one per article
                out.append(f"i{item}")
            else:
                self._walk(item, out)

    def _dataclass(self, value: Any) -> str:
        known = self.objects.get(id(value))
        if known is None:
            kind = type(value)
            parts = [kind.__name__]
            owner = self.owner
            if kind in _PIECES:
                self.owner = owner or self._owner(value)
            outer, self.reached = self.reached, [self.owner] if self.owner is not None else []
            if kind is Story:  # a group names its articles by id: it reaches them all the same
                self.reached.extend(value.articles)
            elif kind is StatementMember:
                self.reached.append(value.article)
            try:
                self._walk_all([getattr(value, name) for name in _field_names(kind)], parts)
                inner = tuple(set(self.reached))
            finally:
                self.reached, self.owner = outer, owner
            known = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            self.objects[id(value)] = known
            self.alive.append(value)
            if inner:  # most objects (a pager, a chart) reach no article: only the others are kept
                self.object_reach[id(value)] = inner
                outer.extend(inner)
        elif (inner := self.object_reach.get(id(value))) is not None:
            self.reached.extend(inner)
        return known

    def forget_reaches(self) -> None:
        """Let go of what finding reaches needs, once every page is keyed (`article_part` still works)."""
        self.object_reach, self.owners, self.reached, self.reach = {}, {}, [], ()

    def _owner(self, piece: Any) -> str:
        """The id of the article whose record holds `piece` (that very object), or `LOOSE`.

        Only the pieces an article holds itself are mapped; those inside them (an outlet's
        evidence) take the owner of the piece they are walked in."""
        kind = type(piece)
        owners = self.owners.get(kind)
        if owners is None:  # mapped for the kinds met only: most builds meet outlets alone
            owners = self.owners[kind] = {
                id(held): article.id
                for article in self.known_articles.values()
                for held in _pieces_of(article)
                if type(held) is kind
            }
        return owners.get(id(piece), LOOSE)

    def article_part(self, article: Article) -> str:
        """What an article adds to a key: its token, its page's file, and how each name it carries resolves."""
        known = self.articles.get(id(article))
        if known is None:
            digest = self.known_digests.get(article.id) if self.known_articles.get(article.id) is article else None
            resolved = self.resolved
            links = "\x1d".join([resolved.get(name, "") for name in names_of(article)])
            known = (
                (digest or article_digest(article))
                + self.article_files.get(article.id, "")
                + hashlib.blake2b(links.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
            )
            self.articles[id(article)] = known
            self.alive.append(article)
        return known


def _pieces_of(article: Article) -> Iterator[Any]:
    """The objects of `_PIECES` an article's record holds itself (its evidence, outlets, speakers, quotes, themes)."""
    yield article.title_evidence
    if article.date_evidence:
        yield article.date_evidence
    if article.source:
        yield article.source
    yield from article.cited_sources
    yield from article.speakers
    yield from article.quotes
    yield from article.themes
    yield from article.corrections


def _resolutions(lookups: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Each name in any table -> one part saying what it resolves to in every table that has it."""
    found: dict[str, list[str]] = {}
    for table, entries in sorted(lookups.items()):
        for name, value in entries.items():
            found.setdefault(name, []).append(f"{table}={value!r}")
    return {name: "r" + "\x1d".join(parts) for name, parts in found.items()}
