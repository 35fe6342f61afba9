"""The lookups every page needs, built once from the articles and groups.

The renderer works from this one frozen `SiteIndex` rather than searching the
articles again on every page: which file each article, outlet, speaker, theme
and story goes to, every quote with where it stands, and each article's story
and statements. Building it once keeps the page functions small and the site
consistent (every page names an outlet by the same slug).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import render_paging as paging
from .config import Config
from .fragments import article_digest
from .model import Article, Groups, Outlet, Quote, Statement, Story
from .registry import OutletInfo
from .render_paging import pages_holding
from .render_text import quote_anchor
from .slug import short_hash, slugify, unique_slugs

_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
RELATED_PER_THEME = 3  # neighbours by date on each side, per shared theme


# What names an item of a paged list (see `render_paging.paged`): the same from one build to the next.


def article_key(article: Article) -> str:
    return article.id


def quote_key(ref: QuoteRef) -> str:
    return f"{ref.article.id}#{ref.index}"


def statement_key(entry: StatementEntry) -> str:
    return entry.anchor


def story_key(entry: StoryEntry) -> str:
    return entry.file


def article_day(article: Article) -> str | None:
    """An article's date, for the labels of the pages of a list (`render_paging.paged`)."""
    return article.date


def quote_day(ref: QuoteRef) -> str | None:
    return ref.article.date


def statement_day(entry: StatementEntry) -> str | None:
    """The date of its latest wording, by which the statements list is ordered."""
    return max((w.article.date for w in entry.wordings if w.article.date), default=None)


def story_day(entry: StoryEntry) -> str | None:
    """The date of its latest article, by which the stories list is ordered."""
    return max((a.date for a in entry.articles if a.date), default=None)


@dataclass(frozen=True)
class QuoteRef:
    """One live quote and where it stands: its article and its anchor there."""

    article: Article
    index: int  # among the article's live quotes
    quote: Quote

    @property
    def anchor(self) -> str:
        return quote_anchor(self.index)

    @property
    def speaker(self) -> str | None:
        return self.quote.speaker

    @property
    def theme_slugs(self) -> str:
        """The slugs of its article's themes joined by `|`, as the quote index filters by them.

        In the template, `themes | map(attribute='slug') | join('|')` cost a
        pipeline of filters per row: a page of the quote index took 159 ms at
        ten thousand articles, 152 ms with this (one run each, /tmp/todo.py)."""
        return "|".join(hit.slug for hit in self.article.themes)


@dataclass(frozen=True)
class OutletEntry:
    name: str
    slug: str
    published: tuple[Article, ...]  # articles whose publisher it is
    cited: tuple[tuple[Article, Outlet], ...]  # articles that credit it, with the words
    labels: tuple[tuple[str, str], ...] = ()  # the user's labels from the registry: (country, Russia), ...


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    slug: str
    roles: tuple[str, ...]  # most often given first
    quotes: tuple[QuoteRef, ...]  # in date order, undated last
    articles: tuple[Article, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ThemeEntry:
    slug: str  # as the config and groups name it
    file: str  # safe file name stem
    title: str
    description: str
    articles: tuple[Article, ...]  # newest first
    positions: dict[str, int]  # article id -> place in `articles`


@dataclass(frozen=True)
class StoryEntry:
    story: Story
    file: str
    articles: tuple[Article, ...]  # as the story orders them, earliest first
    copies: dict[str, str]  # copy id -> original id

    @property
    def title(self) -> str:
        return self.articles[0].title if self.articles else self.story.id


@dataclass(frozen=True)
class StatementEntry:
    statement: Statement
    anchor: str
    wordings: tuple[QuoteRef, ...]


@dataclass(frozen=True)
class EntityEntry:
    """A place or an organisation named in the articles, and the articles naming it."""

    name: str
    slug: str
    articles: tuple[Article, ...]  # newest first


@dataclass(frozen=True)
class MonthEntry:
    """One month of the archive: `YYYY-MM` and the articles dated in it."""

    month: str
    articles: tuple[Article, ...]  # newest first


@dataclass(frozen=True)
class SiteIndex:
    articles: tuple[Article, ...]  # newest first, undated last
    by_id: dict[str, Article]
    article_files: dict[str, str]  # article id -> safe file stem
    outlets: tuple[OutletEntry, ...]  # by name
    outlet_slugs: dict[str, str]
    speakers: tuple[SpeakerEntry, ...]  # by name
    speaker_slugs: dict[str, str]
    themes: tuple[ThemeEntry, ...]  # as the config orders them, then the rest by slug
    theme_by_slug: dict[str, ThemeEntry]
    stories: tuple[StoryEntry, ...]  # newest first
    story_of: dict[str, StoryEntry]  # article id -> its story
    statements: tuple[StatementEntry, ...]
    statements_of: dict[tuple[str, int], StatementEntry]  # (article id, quote index) -> statement
    quotes: tuple[QuoteRef, ...]  # every live quote, newest article first
    places: tuple[EntityEntry, ...] = ()  # by name
    organizations: tuple[EntityEntry, ...] = ()
    months: tuple[MonthEntry, ...] = ()  # newest first; articles dated to the day or month

    @cached_property
    def outlet_labels(self) -> dict[str, tuple[tuple[str, str], ...]]:
        return {o.name: o.labels for o in self.outlets}

    @cached_property
    def place_slugs(self) -> dict[str, str]:
        return {e.name: e.slug for e in self.places}

    @cached_property
    def organization_slugs(self) -> dict[str, str]:
        return {e.name: e.slug for e in self.organizations}

    @cached_property
    def digests(self) -> dict[str, str]:
        """Article id -> a digest of the whole record (`fragments.article_digest`), made once per build."""
        return {a.id: article_digest(a) for a in self.articles}

    @cached_property
    def rank(self) -> dict[str, int]:
        """Article id -> its place in `articles`, which sorts as `date_key` does, newest first."""
        return {a.id: n for n, a in enumerate(self.articles)}

    @cached_property
    def statement_pages(self) -> dict[str, str]:
        """Statement anchor -> the page of the statements list that holds it."""
        pages = pages_holding("statements/index.html", self.statements, statement_key, paging.PER_STATEMENT_PAGE)
        return {entry.anchor: page for entry, page in zip(self.statements, pages, strict=True)}

    @cached_property
    def _story_places(self) -> dict[str, int]:
        return {s.file: n for n, s in enumerate(self.stories)}

    @cached_property
    def _statements_by_article(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for n, entry in enumerate(self.statements):
            for wording in entry.wordings:
                found.setdefault(wording.article.id, []).append(n)
        return found

    def stories_among(self, articles: Iterable[Article]) -> list[StoryEntry]:
        """The stories any of `articles` belongs to, in the site's order.

        Looked up per article rather than by scanning every story, so that a
        page per story, theme or month costs its own size, not the site's.
        """
        places = {self._story_places[s.file] for a in articles if (s := self.story_of.get(a.id))}
        return [self.stories[n] for n in sorted(places)]

    def statements_among(self, articles: Iterable[Article]) -> list[StatementEntry]:
        """The statements any of `articles` carries a wording of, in the site's order."""
        places = {n for a in articles for n in self._statements_by_article.get(a.id, ())}
        return [self.statements[n] for n in sorted(places)]


def date_key(article: Article) -> tuple[int, str, str]:
    """Sort key for newest first; undated articles go last, then by id."""
    return (0 if article.date else 1, _invert(article.date or ""), article.id)


def _invert(text: str) -> str:
    """A string that sorts in reverse order of `text` (for newest-first dates)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text) + "\U0010ffff"


def newest_first(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The articles in `date_key` order: newest first, then by id; undated last.

    Two stable sorts (by id, then by date descending) give that order without
    building an inverted date string per article, which costs seconds at 10k.
    """
    by_id = sorted(articles, key=lambda a: a.id)
    return tuple(sorted(by_id, key=lambda a: (bool(a.date), a.date or ""), reverse=True))


def _ranks(by_id: dict[str, Article]) -> dict[str, int]:
    """Article id -> place in `by_id`, which `build_index` fills newest first."""
    return {article_id: n for n, article_id in enumerate(by_id)}


def chronological_key(article: Article) -> tuple[int, str, str]:
    """Sort key for oldest first; undated articles go last."""
    return (0 if article.date else 1, article.date or "", article.id)


def build_index(articles: tuple[Article, ...], groups: Groups, config: Config) -> SiteIndex:
    """Gather every lookup the pages need; the one place that reads `groups`."""
    ordered = newest_first(articles)
    by_id = {a.id: a for a in ordered}  # newest first too: its order is `date_key`'s
    quotes = tuple(QuoteRef(a, i, q) for a in ordered for i, q in enumerate(a.live_quotes))
    outlets = _outlets(ordered, config.registry.outlet_by_alias)
    speakers = _speakers(ordered, quotes, by_id)
    themes = _themes(ordered, by_id, groups, config)
    stories = _stories(groups, by_id)
    statements = _statements(groups, by_id)
    return SiteIndex(
        articles=ordered,
        by_id=by_id,
        article_files=_article_files(ordered),
        outlets=outlets,
        outlet_slugs={o.name: o.slug for o in outlets},
        speakers=speakers,
        speaker_slugs={s.name: s.slug for s in speakers},
        themes=themes,
        theme_by_slug={t.slug: t for t in themes},
        stories=stories,
        story_of={a.id: s for s in stories for a in s.articles},
        statements=statements,
        statements_of={(w.article.id, w.index): s for s in statements for w in s.wordings},
        quotes=quotes,
        places=_entities(ordered, "places"),
        organizations=_entities(ordered, "organizations"),
        months=_months(ordered),
    )


def _entities(articles: tuple[Article, ...], kind: str) -> tuple[EntityEntry, ...]:
    """Each place (or organisation) the articles name, with those articles."""
    named: dict[str, list[Article]] = {}
    for article in articles:
        for name in dict.fromkeys(getattr(article, kind)):
            named.setdefault(name, []).append(article)
    names = sorted(named, key=lambda n: (n.casefold(), n))
    slugs = unique_slugs([(n, n) for n in names])
    return tuple(EntityEntry(n, slugs[n], tuple(named[n])) for n in names)


def _months(articles: tuple[Article, ...]) -> tuple[MonthEntry, ...]:
    """Months that have articles, newest first; an article known only to the year has no month."""
    by_month: dict[str, list[Article]] = {}
    for article in articles:
        if article.date and len(article.date) >= 7:
            by_month.setdefault(article.date[:7], []).append(article)
    return tuple(MonthEntry(m, tuple(by_month[m])) for m in sorted(by_month, reverse=True))


def safe_name(key: str) -> str:
    """A file-name stem for an id: kept when already a safe slug, else slugified
    with a hash of the id so that two unsafe ids cannot meet on one file."""
    if _SAFE_NAME.match(key):
        return key
    return f"{slugify(key, 60)}-{short_hash(key, 6)}"


def _article_files(articles: tuple[Article, ...]) -> dict[str, str]:
    return {a.id: safe_name(a.id) for a in articles}


def _outlets(articles: tuple[Article, ...], registry: dict[str, OutletInfo]) -> tuple[OutletEntry, ...]:
    published: dict[str, list[Article]] = {}
    cited: dict[str, list[tuple[Article, Outlet]]] = {}
    for article in articles:
        if article.source:
            published.setdefault(article.source.name, []).append(article)
        for outlet in article.cited_sources:
            cited.setdefault(outlet.name, []).append((article, outlet))
    names = sorted(set(published) | set(cited), key=lambda n: (n.casefold(), n))
    slugs = unique_slugs([(n, n) for n in names])
    return tuple(
        OutletEntry(n, slugs[n], tuple(published.get(n, ())), tuple(cited.get(n, ())), _labels(registry.get(n.lower())))
        for n in names
    )


LABEL_ORDER = ("country", "ownership", "state-owned", "language")


def _labels(info: OutletInfo | None) -> tuple[tuple[str, str], ...]:
    """An outlet's labels, the usual keys first in a fixed order, then the rest by name."""
    if info is None:
        return ()
    rank = {key: n for n, key in enumerate(LABEL_ORDER)}
    return tuple(sorted(info.labels.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


@dataclass(frozen=True)
class LabelMix:
    """How one set of articles splits by one label: `country` -> [(Russia, 3), (Armenia, 1), (not labelled, 1)]."""

    label: str
    counts: tuple[tuple[str, int], ...]
    total: int


UNLABELLED = "not labelled"


def coverage_mix(articles: tuple[Article, ...] | list[Article], index: SiteIndex) -> tuple[LabelMix, ...]:
    """The articles' outlets counted by each label any of them has; each outlet once."""
    outlets = sorted({a.source.name for a in articles if a.source})
    labels_of = {name: dict(index.outlet_labels.get(name, ())) for name in outlets}
    keys = sorted({k for labels in labels_of.values() for k in labels}, key=lambda k: (_label_rank(k), k))
    mixes = []
    for key in keys:
        counts = Counter(labels_of[name].get(key, UNLABELLED) for name in outlets)
        ranked = sorted(counts.items(), key=lambda kv: (kv[0] == UNLABELLED, -kv[1], kv[0]))
        mixes.append(LabelMix(key, tuple(ranked), len(outlets)))
    return tuple(mixes)


def _label_rank(key: str) -> int:
    return LABEL_ORDER.index(key) if key in LABEL_ORDER else len(LABEL_ORDER)


def _speakers(
    articles: tuple[Article, ...], quotes: tuple[QuoteRef, ...], by_id: dict[str, Article]
) -> tuple[SpeakerEntry, ...]:
    roles: dict[str, Counter[str]] = {}
    quoted_in: dict[str, dict[str, Article]] = {}
    for article in articles:
        for speaker in article.speakers:
            roles.setdefault(speaker.name, Counter())
            if speaker.role:
                roles[speaker.name][speaker.role] += 1
            quoted_in.setdefault(speaker.name, {})[article.id] = article
    by_speaker: dict[str, list[QuoteRef]] = {}
    for ref in quotes:
        if ref.speaker:
            by_speaker.setdefault(ref.speaker, []).append(ref)
            quoted_in.setdefault(ref.speaker, {})[ref.article.id] = ref.article
    names = sorted(set(quoted_in), key=lambda n: (n.casefold(), n))
    slugs = unique_slugs([(n, n) for n in names])
    rank = _ranks(by_id)
    entries = []
    for name in names:
        counted = roles.get(name, Counter())
        ranked = tuple(sorted(counted, key=lambda r: (-counted[r], r)))
        refs = tuple(sorted(by_speaker.get(name, ()), key=lambda r: (chronological_key(r.article), r.index)))
        mine = tuple(sorted(quoted_in[name].values(), key=lambda a: rank[a.id]))
        themes = tuple(sorted({t.slug for a in mine for t in a.themes}))
        entries.append(SpeakerEntry(name, slugs[name], ranked, refs, mine, themes))
    return tuple(entries)


def _themes(
    articles: tuple[Article, ...], by_id: dict[str, Article], groups: Groups, config: Config
) -> tuple[ThemeEntry, ...]:
    declared = {t.slug: t for t in config.themes}
    members: dict[str, set[str]] = {slug: set(ids) for slug, ids in groups.themes.items()}
    for article in articles:  # an article's own theme hits count even if the grouper left them out
        for hit in article.themes:
            members.setdefault(hit.slug, set()).add(article.id)
    order = [t.slug for t in config.themes] + sorted(set(members) - set(declared))
    files = unique_slugs([(slug, slug) for slug in order])
    rank = _ranks(by_id)
    entries = []
    for slug in order:
        theme = declared.get(slug)
        chosen = tuple(sorted((by_id[i] for i in members.get(slug, ()) if i in by_id), key=lambda a: rank[a.id]))
        description = _theme_description(slug, config) or (theme.description if theme else "")
        positions = {a.id: n for n, a in enumerate(chosen)}
        title = theme.title if theme else slug
        entries.append(ThemeEntry(slug, files[slug], title, description, chosen, positions))
    return tuple(entries)


def _theme_description(slug: str, config: Config) -> str | None:
    """A user's `SLUG.md` for the theme, if the config names a folder of them."""
    if not config.theme_descriptions:
        return None
    path = Path(config.theme_descriptions) / f"{slugify(slug)}.md"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _stories(groups: Groups, by_id: dict[str, Article]) -> tuple[StoryEntry, ...]:
    files = unique_slugs([(s.id, s.id) for s in groups.stories])
    entries = []
    for story in groups.stories:
        members = tuple(by_id[i] for i in story.articles if i in by_id)
        if members:
            entries.append(StoryEntry(story, files[story.id], members, dict(story.copies)))
    rank = _ranks(by_id)
    return tuple(sorted(entries, key=lambda e: (min(rank[a.id] for a in e.articles), e.story.id)))


def _statements(groups: Groups, by_id: dict[str, Article]) -> tuple[StatementEntry, ...]:
    entries = []
    anchors = unique_slugs([(s.id, s.id) for s in groups.statements])
    for statement in groups.statements:
        wordings = []
        for member in statement.members:
            article = by_id.get(member.article)
            if article and 0 <= member.quote < len(article.live_quotes):
                wordings.append(QuoteRef(article, member.quote, article.live_quotes[member.quote]))
        if wordings:
            ordered = tuple(sorted(wordings, key=lambda w: (chronological_key(w.article), w.index)))
            entries.append(StatementEntry(statement, f"s-{anchors[statement.id]}", ordered))
    rank = _ranks(by_id)
    return tuple(sorted(entries, key=lambda e: (rank[e.wordings[-1].article.id], e.anchor)))


def related_articles(article: Article, index: SiteIndex, limit: int = 8) -> tuple[Article, ...]:
    """Articles of the same story first, then those sharing most themes, nearest in date.

    Only date neighbours within each shared theme are considered, so the cost
    stays small when a theme holds thousands of articles.
    """
    story = index.story_of.get(article.id)
    chosen = [a for a in (story.articles if story else ()) if a.id != article.id]
    shared: Counter[str] = Counter()
    for hit in article.themes:
        theme = index.theme_by_slug.get(hit.slug)
        if not theme:
            continue
        position = theme.positions.get(article.id, 0)
        lo, hi = max(0, position - RELATED_PER_THEME), position + RELATED_PER_THEME + 1
        for other in theme.articles[lo:hi]:
            if other.id != article.id:
                shared[other.id] += 1
    rank = index.rank
    ranked = sorted(shared, key=lambda i: (-shared[i], rank[i]))
    seen = {article.id} | {a.id for a in chosen}
    chosen += [index.by_id[i] for i in ranked if i not in seen]
    return tuple(chosen[:limit])
