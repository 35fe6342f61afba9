"""Which pages an edit can reach, known without listing every page of the site again.

Listing and keying all 15,000 pages of a 10,000-article site took 1.6 s of a
5.3 s rebuild after one edit, on both cores, to find the forty pages that
changed. Most edits change an article's text and nothing of the site's shape:
no title, date, outlet, speaker, quote, theme, place or story moves. So each
build records, beside the cache, what it listed (`Reach`):

- every path, in order, and each page's key;
- each page's *reach*: the articles its values hold, as the key's walk met
  them (`PageKeys.reach`);
- the site's *shape* (`site_shape`): a digest of every article's record
  without its text and evidence, and of the groups' members;
- what the shape leaves out of each story and statement (its reasons, its
  similarity: `group_details`).

A rebuild whose shape, epoch and templates' tracking are the recorded ones
has the same pages, holding the same values, except for the articles whose
record changed: a page's values are made from the site index and the config
(in the epoch), and the index from the articles and groups. What of an
article is outside the shape (its text, its evidence) reaches a page only
through the article itself, which the page's reach then names, or through a
piece of its record (an outlet, a quote, a piece of evidence) held apart
from it: the walk counts that piece as reaching the article owning that very
object, and marks the page `LOOSE` when no article does. A story whose
reasons changed counts as a change of its articles, which every page
showing it reaches. So only the pages that reach a changed article, the
loose ones, those no key covers (their template reads the whole index), the
home page (it compares with the previous build) and those whose live file is
not the one recorded are listed again; every other page is carried over.

At 100,000 articles this saves less than at 10,000: the pages that list
every theme, outlet, speaker, place, organisation and month hold every
article, so each edit renders them again, and the search index is
patched; those took most of the 14 s the listing still took there. Those
*wide* pages are no longer keyed on this path (see `render_plan.plan_again`):
any edit changes their keys, and walking every article to make one cost ten
times what rendering them does.

Anything else (a title edited, an article added, a template changed) lists
every page, as before. The plan checks that what it listed again matches the
record, and lists everything when it does not.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .fragments import load, save
from .model import Article, Groups
from .render_memo import LOOSE

VERSION = 4
ALWAYS = frozenset({"index.html"})  # the home page reads the previous build's snapshot, outside the shape


def site_shape(
    articles: Sequence[Article], groups: Groups, tokens: Mapping[str, str], known: Mapping[str, str]
) -> tuple[str, dict[str, str]]:
    """A digest of everything pages are made from, but the articles' text and evidence; and each
    article's outline digest by its token, which `known` (the previous build's) gives for most.

    A record's token digests all of it, so an unchanged token has the outline it had: digesting
    every outline again took 0.13 s at 10,000 articles."""
    made = hashlib.blake2b(digest_size=20)
    outlines: dict[str, str] = {}
    for article in articles:
        token = tokens[article.id]
        outline = (
            known.get(token)
            or hashlib.blake2b(repr(_outline(article)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        )
        outlines[token] = outline
        made.update(outline.encode())
    bytes_ = io.BytesIO()
    pickler = pickle.Pickler(bytes_, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: the bytes depend on the values only, not on which strings are shared
    pickler.dump(
        (
            groups.themes,
            [(story.id, story.articles, story.copies) for story in groups.stories],
            [(statement.id, statement.members, statement.speakers) for statement in groups.statements],
        )
    )
    made.update(bytes_.getvalue())
    return made.hexdigest(), outlines


def group_details(groups: Groups) -> dict[str, tuple[str, tuple[str, ...]]]:
    """What of each story and statement the shape leaves out, as text, with the articles it concerns.

    A story's reasons ("near-identical text (Jaccard 0.88)") and a statement's
    similarity move with the words of its articles while its members stay: a
    change there is a change of those articles, which every page showing the
    story or statement reaches (see `PageKeys`), not of the site's shape."""
    details: dict[str, tuple[str, tuple[str, ...]]] = {}
    for story in groups.stories:
        details[f"story:{story.id}"] = (repr(story.reasons), story.articles)
    for statement in groups.statements:
        details[f"statement:{statement.id}"] = (repr(statement.similarity), tuple(m.article for m in statement.members))
    return details


def _outline(a: Article) -> tuple[object, ...]:
    """An article's record without its text (`body`, `removed`, `markdown`) and without evidence."""
    return (
        a.id,
        a.path,
        a.title,
        a.title_derived,
        a.url,
        a.source.name if a.source else None,
        tuple(o.name for o in a.cited_sources),
        a.date,
        a.date_precision,
        a.author,
        a.disclaimer,
        tuple((s.name, s.role, s.quote_count) for s in a.speakers),
        tuple((q.text, q.speaker, q.kind, q.paragraph, q.struck, q.corrected) for q in a.quotes),
        tuple(t.slug for t in a.themes),
        a.places,
        a.organizations,
        a.format,
        a.corrections,
    )


Reached = tuple[str, ...]  # the ids of the articles a page's values hold


@dataclass
class Reach:
    """What a build listed: its pages in order, their keys and reaches, and what they were made from.

    The reaches are pickled as they are, tuples of ids: the pickler writes each id once and then
    refers to it, so 320,000 ids over 15,000 pages at 10,000 articles take a few bytes each, with no
    numbering (with ids numbered into arrays, writing the record took 0.10 s, and 0.04 s without)."""

    epoch: str
    shape: str
    untracked: frozenset[str]
    tokens: dict[str, str]  # article id -> token
    paths: list[str]  # every path listed, in order
    made: frozenset[str]  # paths of the files made while listing (search shards): listed every time
    keys: dict[str, str] = field(default_factory=dict)  # path -> key
    reaches: dict[str, Reached] = field(default_factory=dict)  # path -> the articles it holds
    outlines: dict[str, str] = field(default_factory=dict)  # article token -> its outline's digest
    details: dict[str, str] = field(default_factory=dict)  # story or statement -> `group_details` digest

    def pages_to_list(
        self,
        tokens: Mapping[str, str],
        details: Mapping[str, tuple[str, tuple[str, ...]]],
        live_keys: Mapping[str, str],
        at_most: int,
    ) -> set[str] | None:
        """The pages to list again after the articles' tokens became `tokens` and the groups' details
        `details`; None past `at_most`."""
        changed = {id_ for id_, token in tokens.items() if self.tokens.get(id_) != token}
        for name, (detail, concerned) in details.items():
            if self.details.get(name) != detail:
                changed.update(concerned)
        if len(changed) > at_most:
            return None
        wanted = set(ALWAYS)
        for path, reach in self.reaches.items():
            if LOOSE in reach or not changed.isdisjoint(reach):
                wanted.add(path)
        for path in self.paths:
            if path in self.made:
                continue
            key = self.keys.get(path)
            if key is None or live_keys.get(path) != key:
                wanted.add(path)
        return wanted if len(wanted) <= at_most else None

    def save(self, file: Path | None) -> None:
        if file is None:
            return
        save(
            file,
            {
                "version": VERSION,
                "epoch": self.epoch,
                "shape": self.shape,
                "untracked": sorted(self.untracked),
                "tokens": self.tokens,
                "paths": self.paths,
                "made": sorted(self.made),
                "keys": self.keys,
                "reaches": self.reaches,
                "outlines": self.outlines,
                "details": self.details,
            },
        )


def read_reach(file: Path | None) -> Reach | None:
    """The previous build's `Reach`, or None when there is none (or it cannot be read)."""
    found = load(file)
    if not isinstance(found, dict) or found.get("version") != VERSION:
        return None
    try:
        reaches = found["reaches"]
        if not all(isinstance(reach, tuple) for reach in reaches.values()):
            return None
        return Reach(
            epoch=found["epoch"],
            shape=found["shape"],
            untracked=frozenset(found["untracked"]),
            tokens=dict(found["tokens"]),
            paths=list(found["paths"]),
            made=frozenset(found["made"]),
            keys=dict(found["keys"]),
            reaches=reaches,
            outlines=dict(found["outlines"]),
            details=dict(found["details"]),
        )
    except (KeyError, TypeError, ValueError, IndexError):
        return None
