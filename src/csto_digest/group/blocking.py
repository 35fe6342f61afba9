"""Blocking: find the pairs worth comparing without comparing every pair.

Each item (a quote, an article) names a few keys: rare shingles, rare
sentences, a speaker. Only items that share a key are compared. A key that
many items share says little (a formula every outlet repeats) and would make
its block quadratic, so keys are chosen among the rarest an item has and
blocks above a size cap are not expanded into all their pairs. The work is
then bounded by (items x keys per item x cap), linear in the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from itertools import combinations
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind:
    """Disjoint sets over 0..n-1; the representative is the smallest member, so results do not depend on order."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        """Every set of two or more members, each sorted, in order of their smallest member."""
        members: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            members.setdefault(self.find(item), []).append(item)
        return [group for _, group in sorted(members.items()) if len(group) > 1]


def document_frequency(keys_per_item: Iterable[Iterable[K]]) -> Counter[K]:
    """In how many items each key occurs (each item's keys distinct)."""
    counts: Counter[K] = Counter()
    for keys in keys_per_item:
        counts.update(keys)
    return counts


def rarest_keys(keys: Iterable[int], frequency: Counter[int], limit: int, max_frequency: int) -> list[int]:
    """Up to `limit` of the item's keys that some other item shares, rarest first.

    A key only this item has finds no partner; a key more than
    `max_frequency` items share is a formula, not evidence."""
    count = frequency.__getitem__
    usable = sorted([(n, k) for k in keys if 2 <= (n := count(k)) <= max_frequency])
    return [k for _, k in usable[:limit]]


def shared_key_counts(keys_per_item: Sequence[Iterable[int]], max_block: int) -> Counter[tuple[int, int]]:
    """(i, j) with i < j -> how many keys the two items share, for blocks of at most `max_block` items."""
    blocks: dict[int, list[int]] = {}
    for item, keys in enumerate(keys_per_item):
        for k in keys:
            blocks.setdefault(k, []).append(item)
    pairs: Counter[tuple[int, int]] = Counter()
    for members in blocks.values():
        if 2 <= len(members) <= max_block:
            pairs.update(combinations(members, 2))  # members are in item order, so each pair is (low, high)
    return pairs


def nearby_pairs(positions: Sequence[tuple[int, int]], reach: int, window: int) -> list[tuple[int, int]]:
    """Pairs of items whose positions (day numbers) are at most `reach` apart.

    `positions` is (position, item). Each item is paired with at most
    `window` followers, so a crowded day cannot make this quadratic."""
    ordered = sorted(positions)
    pairs: list[tuple[int, int]] = []
    for x, (where, item) in enumerate(ordered):
        for other_where, other in ordered[x + 1 : x + 1 + window]:
            if other_where - where > reach:
                break
            pairs.append((min(item, other), max(item, other)))
    return pairs
