"""Article features kept between builds: a rebuild works out the features of the changed articles only.

`article_features` is a pure function of the article, and an article's token
changes whenever its record does (see `Article.token`), so the features are
stored under the token. They are spread over `SHARDS` files by token, so an
edit rewrites a small shard, not all of them; the folder is named after the
code that makes features, so a new version starts afresh. Articles without a
token (made outside the loader) are worked out every time.

The body similarities of candidate copies (`FeatureMemo.pairs`) and the
comparisons of quotes inside stories (`FeatureMemo.quote_pairs`) are kept
beside them, each in one small file, as the output memos are (see `fragments`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..cache_files import collector_paused, read_pickle, source_digest, write_shards
from ..fragments import FragmentMemo, cache_file
from ..model import Article
from .features import ArticleFeatures, FeatureMemo

SHARDS = 64
VERSION = "1"


class FeatureCache(FeatureMemo):
    """A `FeatureMemo` read from `folder` (unless `read` is false) and written back to it after each use."""

    def __init__(self, folder: Path, read: bool = True):
        super().__init__()
        self.root = folder
        self.folder = folder / f"features-{code_digest()}"
        self.read = read
        self.stored: list[dict[str, ArticleFeatures]] = [{} for _ in range(SHARDS)]
        self.loaded = False
        self.pairs = FragmentMemo(cache_file(folder, "pairs"), fresh=not read)
        self.quote_pairs = FragmentMemo(cache_file(folder, "quote-pairs"), fresh=not read)

    def features(self, articles: Iterable[Article]) -> list[ArticleFeatures]:
        if self.read and not self.loaded:
            self._load()
        articles = list(articles)
        made = super().features(articles)
        self._save(articles, made)
        return made

    def _load(self) -> None:
        self.loaded = True
        with collector_paused():  # hundreds of thousands of small objects and no cycles: nothing to find
            for number in range(SHARDS):
                found = read_pickle(self.folder / f"{number:02x}.pickle")
                if isinstance(found, dict):
                    self.stored[number] = found
                    self._previous.update(found)

    def _save(self, articles: list[Article], made: list[ArticleFeatures]) -> None:
        shards: list[dict[str, ArticleFeatures]] = [{} for _ in range(SHARDS)]
        for article, features in zip(articles, made, strict=True):
            if article.token:
                shards[_shard(article.token)][article.token] = features
        changed = [
            n for n in range(SHARDS) if not self.read or shards[n].keys() != self.stored[n].keys()
        ]  # features stored under a token never change: only which tokens are there
        self.stored = shards
        self.read = True  # what is on disk now is what was just stored
        if not changed:
            return
        write_shards(self.folder, {n: shards[n] for n in changed}, self.root.glob("features-*"))


def _shard(token: str) -> int:
    return int(token[:4], 16) % SHARDS


def code_digest() -> str:
    """A digest of the code that makes features: a new version never reuses old ones."""
    here = Path(__file__).resolve().parent
    return source_digest([here / "features.py"], here, salt=VERSION)
