"""csto-digest: a static digest site of news articles about the CSTO."""

__version__ = "0.1.0"
