"""Slugs made from titles stay distinct however many articles share one."""

from __future__ import annotations

from csto_digest.slug import distinct_slugs, short_hash


def test_keys_whose_short_hashes_meet_still_get_distinct_slugs():
    """At 100,000 articles many share one headline, and two of their six-digit suffixes can meet."""
    seen: dict[str, str] = {}
    for number in range(100_000):  # find two keys whose six-digit hashes meet (k247 and k13116 do)
        key = f"k{number}"
        if (other := seen.setdefault(short_hash(key, 6), key)) != key:
            break
    pair = {other: "same-title", key: "same-title", "third": "same-title"}
    slugs = distinct_slugs(pair)
    assert len(set(slugs.values())) == 3
    assert slugs["third"] == f"same-title-{short_hash('third', 6)}"  # the others' clash does not move it
    assert distinct_slugs(dict(reversed(list(pair.items())))) == slugs  # order never matters
    many = {f"k{n}": "same-title" for n in range(20_000)}
    assert len(set(distinct_slugs(many).values())) == len(many)
    natural = {"a": "x-" + short_hash("b", 6), "b": "x", "c": "x"}  # a suffixed slug meeting a natural one
    assert len(set(distinct_slugs(natural).values())) == 3
