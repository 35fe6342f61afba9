"""Records built by hand for renderer tests, so they do not depend on the loader.

`make_article(**overrides)` gives a complete, plausible `Article`; a test names
only the fields it cares about. `sample_corpus()` is a small site: two
articles that form one story and share a statement, one Markdown article, one
hostile article, and one with no date, source or quotes.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from csto_digest.model import (
    Article,
    Correction,
    Evidence,
    Groups,
    Outlet,
    Quote,
    Speaker,
    Statement,
    StatementMember,
    Story,
    ThemeHit,
)

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% include 'base.html' %}"


def ev(text: str = "evidence words", rule: str = "text", confidence: float = 0.9, note: str | None = None) -> Evidence:
    return Evidence(text=text, rule=rule, confidence=confidence, note=note)


def make_quote(text: str, paragraph: int, speaker: str | None = "Imangali Tasmagambetov", **overrides: Any) -> Quote:
    values: dict[str, Any] = {
        "text": text,
        "speaker": speaker,
        "kind": "quoted",
        "paragraph": paragraph,
        "evidence": ev(f"{speaker or 'someone'} said", "after"),
    }
    values.update(overrides)
    return Quote(**values)


def make_article(**overrides: Any) -> Article:
    """A plausible article; any field can be replaced by keyword."""
    body = (
        "MOSCOW (Sputnik) - The CSTO secretary general spoke about peacekeeping.",
        '"The organization pays special attention to peacekeeping," Tasmagambetov told the magazine.',
        "Armenia has not recently taken part in the work of the Secretariat.",
    )
    values: dict[str, Any] = {
        "id": "csto-peacekeeping",
        "path": "seeds/002.txt",
        "title": "CSTO Aims to Expand Peacekeeping",
        "title_derived": False,
        "title_evidence": ev("CSTO Aims to Expand Peacekeeping", "title", 1.0),
        "url": "https://sputnikglobe.com/20240328/csto.html",
        "source": Outlet("Sputnik", ev("https://sputnikglobe.com/20240328/csto.html", "url", 0.95)),
        "cited_sources": (Outlet("National Defense magazine", ev("told the magazine")),),
        "date": "2024-03-28",
        "date_precision": "day",
        "date_evidence": ev("date 2024-03-28", "header", 1.0),
        "author": None,
        "disclaimer": None,
        "speakers": (Speaker("Imangali Tasmagambetov", "CSTO Secretary General", 1, ev("Secretary General Imangali")),),
        "quotes": (make_quote("The organization pays special attention to peacekeeping,", 1),),
        "themes": (ThemeHit("armenia-membership", ev("Armenia has not recently taken part")),),
        "places": ("Armenia",),
        "organizations": ("CSTO",),
        "body": body,
        "removed": ("Read: 487",),
        "content_hash": "abc123",
    }
    values.update(overrides)
    return Article(**values)


def sample_corpus() -> tuple[tuple[Article, ...], Groups]:
    """A small site exercising every page kind."""
    first = make_article()
    second = make_article(
        id="tass-armenia",
        path="seeds/004.txt",
        title="CSTO Secretary General on Armenian elites",
        url=None,
        source=Outlet("TASS", ev("/TASS/", "dateline")),
        cited_sources=(),
        date="2024-03-12",
        date_evidence=ev("12 March 2024", "byline", 0.95),
        author="Olga Ibraeva",
        body=(
            "YEREVAN, March 12. /TASS/. The secretary general gave an interview.",
            "“The organisation pays special attention to the peacekeeping track,” he stated, adding more.",
            "A second paragraph starts a quote: “We will not hide",
            "that some sentiments exist,” he affirmed.",
        ),
        quotes=(
            make_quote("The organisation pays special attention to the peacekeeping track,", 1),
            make_quote("We will not hide that some sentiments exist,", 2),
        ),
        corrections=(Correction("speaker", "Tasmagambetov", "Imangali Tasmagambetov", "seeds/004.yml:3"),),
    )
    markdown = make_article(
        id="markdown-piece",
        path="notes/analysis.md",
        title="Analysis: the CSTO and the border",
        format="markdown",
        markdown=(
            "## Background\n\nThe *border* programme was adopted. <b>raw html</b>\n\n"
            "[bad link](javascript:alert(1)) [good link](https://example.org) ![pic](https://evil.example/x.png)\n\n"
            "> Zas said: We need to work not for quantity, but for quality.\n"
        ),
        body=(
            "Background",
            "The border programme was adopted.",
            "Zas said: We need to work not for quantity, but for quality.",
        ),
        quotes=(make_quote("We need to work not for quantity, but for quality.", 2, "Stanislav Zas"),),
        speakers=(Speaker("Stanislav Zas", "Secretary-General", 1, ev("Secretary-General Stanislav Zas")),),
        date="2022-12",
        date_precision="month",
        date_evidence=ev("December 2022", "inferred", 0.5, note="year inferred from the meeting date"),
        themes=(ThemeHit("tajik-afghan-border", ev("border programme")),),
        source=None,
        cited_sources=(Outlet("RIA Novosti", ev("cited by RIA Novosti")),),
    )
    hostile = make_article(
        id="hostile",
        path="inbox/hostile.txt",
        title=f"Hostile {HOSTILE}",
        url="javascript:alert(1)",
        source=Outlet("Evil <b>Outlet</b> {{ 7*7 }}", ev(HOSTILE)),
        body=(HOSTILE, f"He said “{HOSTILE}” to all."),
        quotes=(make_quote(HOSTILE, 1, "Mallory <script>x</script>"),),
        speakers=(Speaker("Mallory <script>x</script>", HOSTILE, 1, ev(HOSTILE)),),
        themes=(ThemeHit("tajik-afghan-border", ev(HOSTILE)),),
        disclaimer=HOSTILE,
        removed=(HOSTILE,),
    )
    bare = make_article(
        id="bare",
        path="inbox/bare.txt",
        title="A note with nothing extracted",
        title_derived=True,
        title_evidence=ev("A note with nothing extracted", "derived", 0.5, note="no title line: first sentence"),
        url=None,
        source=None,
        cited_sources=(),
        date=None,
        date_precision=None,
        date_evidence=None,
        speakers=(),
        quotes=(),
        themes=(),
        body=("A note with nothing extracted.",),
        removed=(),
    )
    articles = (first, second, markdown, hostile, bare)
    groups = Groups(
        themes={
            "armenia-membership": ("csto-peacekeeping", "tass-armenia"),
            "tajik-afghan-border": ("hostile", "markdown-piece"),
        },
        stories=(Story("story-1", ("tass-armenia", "csto-peacekeeping"), ("shared quote", "same speaker")),),
        statements=(
            Statement(
                "statement-1",
                (StatementMember("csto-peacekeeping", 0), StatementMember("tass-armenia", 0)),
                ("Imangali Tasmagambetov",),
                0.86,
            ),
        ),
    )
    return articles, groups


def replace(article: Article, **changes: Any) -> Article:
    return dataclasses.replace(article, **changes)


def quotes_found(paragraphs: list[str], config: Any, title: str | None = None) -> list[Quote]:
    """The quote finder on paragraphs as given (with `title`, a headline that is no paragraph):
    the layout's work skipped, so a test can hold a quote rule to lines the layout would take out."""
    from csto_digest.load.people import build_index
    from csto_digest.load.quotes import QuoteFinder

    text = "\n".join(paragraphs)
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 1
    people = build_index(text, config.registry, config.registry.non_person_words)
    return QuoteFinder(paragraphs, people, offsets, text, title).run()
