"""Stories: articles reporting one interview or event, a syndicated copy included.

Two articles are one story when one of these holds:
- their texts are near-identical (a syndicated copy under other furniture);
- they carry two or more statements in common (and, when both are dated,
  appeared within a month of each other);
- they carry one statement in common, said by a speaker both name, and are
  dated within a week of each other (or one is undated);
- they quote the same speaker within a few days and share a rare name
  (a person, place or body few other articles mention).
A speaker alone is never enough: a Secretary General speaks every week.

Candidate pairs come from the statements found, from rare sentences the
bodies share, and from articles quoting one speaker on nearby days, each
blocked and capped so the work grows with the corpus, not its square.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

from ..fragments import FragmentMemo
from ..model import Article, Story
from ..registry import Registry
from .blocking import UnionFind, document_frequency, nearby_pairs, rarest_keys, shared_key_counts
from .features import ArticleFeatures, body_words, date_order, fold, shingles

NEAR_DUPLICATE = 0.7  # word-trigram Jaccard of two bodies at which one is a copy of the other
CONTAINED = 0.9  # ...or this share of the shorter body inside the longer
SENTENCE_KEYS = 6  # rare body sentences an article is indexed under
MAX_SENTENCE_BLOCK = 30  # articles sharing one sentence word for word, above which it is boilerplate
COPY_SENTENCES = 0.5  # share of the smaller body's sentences both carry, before the words are compared
STATEMENT_DAYS = 7  # one shared statement and one speaker: at most this many days apart
STORY_DAYS = 31  # two dated articles further apart than this report two events, whatever words they share
MAX_STORY = 60  # articles in one story: a bigger chain has drifted from the event it started with
SPEAKER_DAYS = 3  # one speaker and a shared rare name: at most this many days apart
SPEAKER_WINDOW = 12  # articles of one speaker compared with at most this many later ones
RARE_NAME_COUNT = 25  # a name in at most this many articles is rare
SHARED_NAMES = 2  # rare names two articles of one speaker must share
SAME_EVENT_DAYS = 1  # one speaker and one theme: at most this many days apart


@dataclass
class PairEvidence:
    """What two articles have in common."""

    statements: set[int] = field(default_factory=set)  # statement numbers
    jaccard: float | None = None
    days: int | None = None
    speakers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


# How strong a link is, strongest first when stories are joined.
COPY, STATEMENTS, STATEMENT, SPEAKER = 4, 3, 2, 1


@dataclass(frozen=True)
class Link:
    first: int
    second: int
    reasons: tuple[str, ...]
    strength: int = STATEMENT  # COPY, STATEMENTS, STATEMENT or SPEAKER
    copy: float | None = None  # the Jaccard, when one is a copy of the other


class Bodies:
    """Word-trigram sets of article bodies, made when a pair needs them and kept for a while.

    The cache of sets holds no reference back to this object: a cycle through
    it would leave its sets (about 30 MB at 10,000 articles) to the cyclic
    collector, which a build keeps from running while it groups."""

    def __init__(self, articles: Sequence[Article], pairs: FragmentMemo | None = None):
        self.articles = articles
        self.pairs = pairs
        self.trigrams = lru_cache(maxsize=4096)(partial(_trigrams, articles))

    def similarity(self, a: int, b: int) -> tuple[float, float]:
        """(Jaccard, containment of the smaller in the larger) of the two bodies."""
        tokens = (self.articles[a].token, self.articles[b].token)
        if self.pairs is None or not all(tokens):  # made outside the loader: no token says it is unchanged
            return self._similarity(a, b)
        return self.pairs.get(tokens, lambda: self._similarity(a, b))

    def _similarity(self, a: int, b: int) -> tuple[float, float]:
        first, second = self.trigrams(a), self.trigrams(b)
        if not first or not second:
            return 0.0, 0.0
        shared = len(first & second)
        return shared / len(first | second), shared / min(len(first), len(second))


def _trigrams(articles: Sequence[Article], position: int) -> frozenset[int]:
    return shingles(body_words(articles[position].body))


def sentence_pairs(keys: Sequence[frozenset[int]]) -> set[tuple[int, int]]:
    """Pairs of articles sharing rare body sentences word for word: copy candidates.

    Two shared sentences are asked for (one, when an article has only one
    rare sentence), and enough overlap of all their sentences, before the
    costlier word comparison."""
    frequency = document_frequency(keys)
    chosen = [rarest_keys(k, frequency, SENTENCE_KEYS, MAX_SENTENCE_BLOCK) for k in keys]
    pairs = set()
    for (a, b), shared in shared_key_counts(chosen, MAX_SENTENCE_BLOCK).items():
        if shared >= min(2, len(chosen[a]), len(chosen[b])):
            overlap = len(keys[a] & keys[b]) / min(len(keys[a]), len(keys[b]))
            if overlap >= COPY_SENTENCES:
                pairs.add((a, b))
    return pairs


def speaker_pairs(days: Sequence[int | None], speakers: Sequence[frozenset[str]]) -> set[tuple[int, int]]:
    """Pairs of dated articles quoting one speaker within a few days of each other."""
    by_speaker: dict[str, list[tuple[int, int]]] = {}
    for position, day in enumerate(days):
        if day is not None:
            for name in speakers[position]:
                by_speaker.setdefault(name, []).append((day, position))
    pairs: set[tuple[int, int]] = set()
    for name in sorted(by_speaker):
        pairs.update(nearby_pairs(by_speaker[name], SPEAKER_DAYS, SPEAKER_WINDOW))
    return pairs


def known_names(registry: Registry) -> frozenset[str]:
    """Places, bodies and outlets the registry lists: named in half the corpus, so never rare evidence."""
    entities = (*registry.places, *registry.organizations, *registry.outlets)
    return frozenset(fold(name) for entity in entities for name in (entity.name, *entity.aliases))


def rare_names(
    features: Sequence[ArticleFeatures], candidates: set[tuple[int, int]], known: frozenset[str]
) -> dict[int, frozenset[str]]:
    """The rare names of the articles in `candidates`, without their own speakers' names or `known` ones.

    Rarity is counted over the whole corpus; the speaker's own name is what
    put the pair together, so it is no further evidence."""
    frequency = document_frequency(f.names for f in features)
    wanted = {p for pair in candidates for p in pair}
    found = {}
    for p in sorted(wanted):
        own = {word for name in features[p].speakers for word in fold(name).split()}
        found[p] = frozenset(
            n
            for n in features[p].names
            if frequency[n] <= RARE_NAME_COUNT and n not in known and not own & set(n.split())
        )
    return found


def decide(a: int, b: int, evidence: PairEvidence, undated: bool) -> Link | None:
    """Whether two articles are one story, and the reasons a reader is shown."""
    if evidence.jaccard is not None:
        return Link(a, b, (f"near-identical text (Jaccard {evidence.jaccard:.2f})",), COPY, copy=evidence.jaccard)
    if evidence.days is not None and evidence.days > STORY_DAYS:
        return None  # a speaker repeating himself a year later is a new event
    count = len(evidence.statements)
    reasons: list[str] = []
    close = evidence.days is not None and evidence.days <= STATEMENT_DAYS
    if count >= 2:
        return Link(a, b, (), STATEMENTS)
    if count == 1 and evidence.speakers and (close or undated):
        if evidence.days is not None:
            reasons.append(_same_speaker(evidence))
        else:
            reasons.append(f"same speaker {', '.join(evidence.speakers)}")
        return Link(a, b, tuple(reasons), STATEMENT)
    if evidence.speakers and evidence.days is not None and evidence.days <= SAME_EVENT_DAYS and evidence.themes:
        # One official quoted on one subject on the same day by two outlets: one
        # interview or briefing, even when each translated the words its own way.
        return Link(a, b, (_same_speaker(evidence), f"same theme: {', '.join(evidence.themes)}"), SPEAKER)
    if (
        evidence.speakers
        and evidence.days is not None
        and evidence.days <= SPEAKER_DAYS
        and len(evidence.names) >= SHARED_NAMES
    ):
        names = ", ".join(sorted(evidence.names)[:3])
        return Link(a, b, (_same_speaker(evidence), f"shared rare names: {names}"), SPEAKER)
    return None


def _same_speaker(evidence: PairEvidence) -> str:
    days = evidence.days or 0
    when = "on the same day" if days == 0 else f"within {days} day{'s' if days > 1 else ''}"
    return f"same speaker {', '.join(evidence.speakers)} {when}"


def find_links(
    articles: Sequence[Article],
    features: Sequence[ArticleFeatures],
    shared: dict[tuple[int, int], set[int]],
    counter: Counter[str],
    known: frozenset[str] = frozenset(),
    pairs: FragmentMemo | None = None,
) -> list[Link]:
    """Every pair of articles that belongs to one story.

    `features` are the articles' own (see `article_features`); `shared` maps
    article pairs to the statements matched between them; `known` holds names
    too common to be evidence (see `known_names`); `pairs` remembers body
    similarities from one call to the next."""
    speakers = [f.speakers for f in features]
    days = [f.day for f in features]
    themes = [f.themes for f in features]
    copies = sentence_pairs([f.sentence_keys for f in features])
    nearby = speaker_pairs(days, speakers)
    names = rare_names(features, nearby, known)
    bodies = Bodies(articles, pairs)
    candidates = sorted(set(shared) | copies | nearby)
    counter["article_comparisons"] += len(candidates)
    links = []
    for a, b in candidates:
        evidence = PairEvidence(statements=shared.get((a, b), set()))
        if (a, b) in copies:
            jaccard, contained = bodies.similarity(a, b)
            if jaccard >= NEAR_DUPLICATE or contained >= CONTAINED:
                evidence.jaccard = round(jaccard, 2)
        first, second = days[a], days[b]
        if first is not None and second is not None:
            evidence.days = abs(first - second)
        evidence.speakers = tuple(sorted(speakers[a] & speakers[b]))
        if (a, b) in nearby:
            evidence.names = tuple(sorted(names[a] & names[b]))
            evidence.themes = tuple(sorted(themes[a] & themes[b]))
        link = decide(a, b, evidence, first is None or second is None)
        if link:
            links.append(link)
    return joinable(links, days)


def joinable(links: Sequence[Link], days: Sequence[int | None]) -> list[Link]:
    """The links that may join into stories, strongest first, in article order.

    Each link is sound between its two articles, but stories join through
    links (A with B, B with C), and in a big corpus such chains run on:
    one official speaks on one subject every few days. A link is refused when
    the story it would make spans more than `STORY_DAYS` between its dated
    articles, or holds more than `MAX_STORY` articles: one event is reported
    within a month, and not by hundreds of articles. A speaker-only link
    (`SPEAKER`) is the weakest evidence, and the more articles a corpus has
    the more often it holds by chance: it may pair two lone articles or add
    a lone article to a story its words made, never join two stories."""
    sets = UnionFind(len(days))
    spans: dict[int, tuple[int, int] | None] = {}
    members: dict[int, list[int]] = {}
    worded: set[int] = set()  # stories joined by more than a speaker
    speaker_pairs = {(k.first, k.second) for k in links if k.strength == SPEAKER}
    kept = []
    for link in sorted(links, key=lambda k: (-k.strength, k.first, k.second)):
        a, b = sets.find(link.first), sets.find(link.second)
        if a != b:
            span = _joined_span(spans.get(a, _own_span(days[a])), spans.get(b, _own_span(days[b])))
            in_a, in_b = members.get(a, [a]), members.get(b, [b])
            if len(in_a) + len(in_b) > MAX_STORY or (span is not None and span[1] - span[0] > STORY_DAYS):
                continue
            if (
                link.strength == SPEAKER
                and not _may_attach(len(in_a), a in worded, len(in_b), b in worded)
                and not _linked_to_all(in_a, in_b, speaker_pairs)
            ):
                continue
            sets.union(a, b)
            root = sets.find(a)
            spans[root], members[root] = span, in_a + in_b
            if link.strength != SPEAKER or a in worded or b in worded:
                worded.add(root)
        kept.append(link)
    return sorted(kept, key=lambda k: (k.first, k.second))


def _linked_to_all(in_a: list[int], in_b: list[int], speaker_pairs: set[tuple[int, int]]) -> bool:
    """A lone article that one speaker's words on one day link to every article of a story those
    links alone made: three outlets' reports of one interview, where a chain of such links (A with
    B, B with C, never A with C) could drift from one event to the next."""
    if len(in_a) != 1 and len(in_b) != 1:
        return False
    (lone,), story = (in_a, in_b) if len(in_a) == 1 else (in_b, in_a)
    return all((min(lone, p), max(lone, p)) in speaker_pairs for p in story)


def _may_attach(size_a: int, worded_a: bool, size_b: int, worded_b: bool) -> bool:
    """Whether a speaker-only link may join these two: two lone articles, or one to a story of words."""
    if size_a == 1 and size_b == 1:
        return True
    return (size_a == 1 and worded_b) or (size_b == 1 and worded_a)


def _own_span(day: int | None) -> tuple[int, int] | None:
    return None if day is None else (day, day)


def _joined_span(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def original_of(group: Sequence[int], articles: Sequence[Article]) -> int:
    """The article the others copy: one whose outlet the others cite, else the earliest."""
    cited = Counter(o.name for p in group for o in articles[p].cited_sources)
    sourced = [p for p in group if articles[p].source and cited[articles[p].source.name]]
    return min(sourced or group, key=lambda p: date_order(articles[p]))


def story_groups(size: int, links: Sequence[Link]) -> list[list[int]]:
    """The article positions of each story, joined through its links."""
    sets = UnionFind(size)
    for link in links:
        sets.union(link.first, link.second)
    return sets.groups()


def build_stories(
    articles: Sequence[Article], links: Sequence[Link], statements: Sequence[frozenset[int]]
) -> list[Story]:
    """Join the links into stories of two or more articles.

    `statements` holds the articles each statement spans; a story's reasons
    count those it carries in two or more of its articles."""
    stories = UnionFind(len(articles))
    copies = UnionFind(len(articles))
    for link in links:
        stories.union(link.first, link.second)
        if link.copy is not None:
            copies.union(link.first, link.second)
    reasons: dict[int, list[str]] = {}
    for link in links:
        reasons.setdefault(stories.find(link.first), []).extend(link.reasons)
    carried: Counter[int] = Counter()
    for spanned in statements:
        roots = Counter(stories.find(p) for p in spanned)
        carried.update(root for root, n in roots.items() if n > 1)
    copy_of: dict[int, int] = {}
    for group in copies.groups():
        original = original_of(group, articles)
        copy_of.update({p: original for p in group if p != original})
    result = []
    for group in stories.groups():
        root = stories.find(group[0])
        ordered = sorted(group, key=lambda p: date_order(articles[p]))
        count = carried[root]
        shared = [f"{count} shared statement{'s' if count > 1 else ''}"] if count else []
        result.append(
            Story(
                id=articles[ordered[0]].id,
                articles=tuple(articles[p].id for p in ordered),
                reasons=tuple(shared + list(dict.fromkeys(reasons.get(root, [])))),
                copies=tuple(sorted((articles[p].id, articles[copy_of[p]].id) for p in group if p in copy_of)),
            )
        )
    return result
