"""Safe, stable slugs for ids and file names made from untrusted titles and names.

A slug is lower-case ASCII letters, digits and single hyphens, at most
`max_length` long, never empty, never a Windows device name, and never a path:
`../../etc/passwd` becomes `etc-passwd`. Cyrillic is transliterated so that
Russian titles keep readable slugs; other scripts fall back to a short hash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєўғқңөұүһә",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i i e u g k n o u u h a".split(),  # noqa: SIM905
        strict=True,
    )
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def slugify(text: str, max_length: int = 60) -> str:
    """Return a safe slug for `text`; a text with no letters gets a hash slug."""
    if text.isascii():  # most titles: normalising and transliterating leave ASCII as it is
        ascii_text = text.lower()
    else:
        out = []
        for char in unicodedata.normalize("NFKC", text).lower():
            if char in _CYRILLIC:
                out.append(_CYRILLIC[char].replace("_", ""))
            else:
                out.append(char)
        ascii_text = unicodedata.normalize("NFKD", "".join(out)).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    slug = slug.strip("-")
    if not slug:
        return "x-" + short_hash(text)
    if slug in _RESERVED:
        return slug + "-" + short_hash(text, 4)
    return slug


def unique_slugs(items: list[tuple[str, str]], max_length: int = 60) -> dict[str, str]:
    """Map each key to a unique slug of its text. Keys whose slugs collide all get
    a suffix hashed from the key, so each id depends only on its own key and text."""
    return distinct_slugs({key: slugify(text, max_length) for key, text in items})


def distinct_slugs(slugs: dict[str, str]) -> dict[str, str]:
    """`unique_slugs` for slugs already made (the loader keeps each title's slug with its record).

    A slug two keys share gets a suffix hashed from each key: six hex digits,
    more for the rare keys whose suffixes meet too (at 100,000 articles, many
    under one wire headline, six digits do meet). Which keys need longer
    suffixes follows from the set of keys alone, never from their order.
    """
    counts = Counter(slugs.values())
    out = {key: slug for key, slug in slugs.items() if counts[slug] == 1}
    taken = set(out.values())
    pending = sorted(key for key, slug in slugs.items() if counts[slug] > 1)
    length = 6
    while pending:
        suffixed = {key: f"{slugs[key]}-{short_hash(key, length)}" for key in pending}
        made = Counter(suffixed.values())
        settled = {key: slug for key, slug in suffixed.items() if made[slug] == 1 and slug not in taken}
        out.update(settled)
        taken.update(settled.values())
        pending = [key for key in pending if key not in settled]
        if length >= 40:  # the whole digest: keys left are equal texts under one hash, which cannot happen
            out.update({key: f"{slugs[key]}-{short_hash(key, 40)}-{n}" for n, key in enumerate(pending)})
            break
        length += 2
    return {key: out[key] for key in slugs}
