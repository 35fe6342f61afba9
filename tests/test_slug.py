"""Slugs made from titles stay distinct however many articles share one."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from csto_digest.slug import _CYRILLIC, _RESERVED, distinct_slugs, short_hash, slugify


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


def _slug_the_long_way(text: str) -> str:
    """`slugify`'s steps for any text, with no shortcut for ASCII: normalise, transliterate, fold to ASCII."""
    out = [_CYRILLIC[c].replace("_", "") if c in _CYRILLIC else c for c in unicodedata.normalize("NFKC", text).lower()]
    ascii_text = unicodedata.normalize("NFKD", "".join(out)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0] or slug[:60]
    slug = slug.strip("-")
    if not slug:
        return "x-" + short_hash(text)
    return slug + "-" + short_hash(text, 4) if slug in _RESERVED else slug


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=90))
def test_an_ascii_title_gets_the_slug_the_full_steps_give(title):
    assert slugify(title) == _slug_the_long_way(title)


def test_titles_beyond_ascii_are_still_normalised_and_transliterated():
    assert slugify("Пашинян: ОДКБ") == "pashinyan-odkb"
    assert slugify("Café ﬁnal") == "cafe-final"  # an accent and a ligature folded
    assert slugify("CON") == "con-" + short_hash("CON", 4)
