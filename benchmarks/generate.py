# Phrase banks and page templates are long strings by nature; name lists read best as one string.
# ruff: noqa: E501, SIM905
"""Write a synthetic corpus of CSTO news articles for the benchmark.

    python benchmarks/generate.py --n 10000 --seed 1 --out /tmp/corpus
    python benchmarks/generate.py --n 10000 --seed 1 --out /tmp/hugo-site --format hugo
    python benchmarks/generate.py --n 10000 --seed 1 --out /tmp/pelican-site --format pelican

Why synthetic, and why this shape: a benchmark on five seed articles measures
start-up time, and a benchmark on lorem ipsum measures nothing the loader does.
So every article here is written in one of the raw layouts the loader meets in
`seeds/` (header lines with a URL, datelines of Sputnik, TASS and Asia-Plus,
byline dates with view counters, photo credits, tag lines, trailing headlines of
other stories, "All news"), with curly and straight quotes, unmarked speech,
pronoun and role attributions, syndicated copies under another outlet's
furniture, and one statement carried by several outlets in different wordings.
The whole pipeline then works for real: extraction, grouping into stories and
statements, every page type, search and feeds.

Determinism: everything is drawn from one `random.Random(seed)` in article
order, and nothing drawn for article i depends on N. So the same seed gives the
same bytes, and the first N articles of a corpus of N+1 are the corpus of N (the
runner uses article N+1 as "the article added" in its incremental timings).

The Hugo and Pelican outputs carry the SAME articles (same titles, dates and
body paragraphs) as Markdown with front matter. The peers do no extraction, so
they are handed the generator's own ground truth for their taxonomies
(themes, outlets, speakers); csto-digest has to find these itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------------------
# Vocabulary. Fixed, not drawn from the seed: the seed chooses among these.
# ---------------------------------------------------------------------------

MALE_FIRST = (
    "Aibek Nurlan Rustam Timur Bakhtiyor Farrukh Sergei Alexei Dmitry Igor Oleg Andrei Viktor Pavel Arman Davit "
    "Tigran Armen Vahan Ruslan Marat Daniyar Yerlan Azamat Kubanychbek Talant Sherali Rahmatullo Jamshed Anvar "
    "Ulugbek Mikhail Nikolai Vladislav Gennady Artur Samvel Erlan Bolat Kanat"
).split()
FEMALE_FIRST = (
    "Aigerim Gulnara Dinara Zarina Madina Elena Olga Irina Natalia Svetlana Anahit Lilit Marina Aliya Saltanat "
    "Nigora Malika Tatiana Yulia Ekaterina"
).split()
LAST = (
    "Sultanov Abdrakhmanov Karimov Nazarov Rakhimov Yusupov Petrov Sokolov Volkov Morozov Lebedev Kozlov Novikov "
    "Orlov Grigoryan Hakobyan Petrosyan Sargsyan Harutyunyan Avetisyan Mamedov Aliyev Omarov Baimukhamedov "
    "Zhaksybekov Iskakov Tokhtarov Bekov Sadykov Mirzoev Rahimzoda Davlatov Saidov Kholov Sharipov Umarov "
    "Makarov Zaitsev Belov Frolov Kuznetsov Antonov Tarasov Isakov Dzhumabaev Osmonov Imanaliev Kadyrov"
).split()
FEMALE_LAST = {"ov": "ova", "ev": "eva", "in": "ina"}

COUNTRIES = ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan")
ADJECTIVE = {
    "Armenia": "Armenian", "Belarus": "Belarusian", "Kazakhstan": "Kazakh", "Kyrgyzstan": "Kyrgyz",
    "Russia": "Russian", "Tajikistan": "Tajik", "Uzbekistan": "Uzbek", "Azerbaijan": "Azerbaijani",
}  # fmt: skip
CAPITAL = {
    "Armenia": "YEREVAN", "Belarus": "MINSK", "Kazakhstan": "ASTANA", "Kyrgyzstan": "BISHKEK",
    "Russia": "MOSCOW", "Tajikistan": "DUSHANBE", "Uzbekistan": "TASHKENT", "Azerbaijan": "BAKU",
}  # fmt: skip
ROLES = (
    "Deputy Foreign Minister of {c}",
    "{a} Defence Minister",
    "Chief of the General Staff of {c}",
    "Secretary of the Security Council of {c}",
    "{a} Deputy Defence Minister",
    "a member of the {a} parliament",
    "head of the {a} Border Service",
    "director of the {c} Institute for Strategic Studies",
    "{a} political analyst",
    "{a} Ambassador to the CSTO",
    "Deputy Secretary General of the CSTO",
    "Chief of the CSTO Joint Staff",
    "spokesperson of the {a} Foreign Ministry",
)

# Known people, as the registry has them: they speak more often than the rest.
KNOWN = (
    ("Imangali Tasmagambetov", "CSTO Secretary General", "he"),
    ("Stanislav Zas", "CSTO Secretary General", "he"),
    ("Nikolai Bordyuzha", "CSTO Secretary General", "he"),
    ("Sergey Lavrov", "Russian Foreign Minister", "he"),
    ("Dmitry Peskov", "Kremlin spokesman", "he"),
    ("Maria Zakharova", "Russian Foreign Ministry spokeswoman", "she"),
    ("Nikol Pashinyan", "Prime Minister of Armenia", "he"),
    ("Ararat Mirzoyan", "Armenian Foreign Minister", "he"),
    ("Kassym-Jomart Tokayev", "President of Kazakhstan", "he"),
    ("Alexander Lukashenko", "President of Belarus", "he"),
    ("Emomali Rahmon", "President of Tajikistan", "he"),
    ("Sadyr Japarov", "President of Kyrgyzstan", "he"),
)

# (name, domain, home city, layout). The registry's outlets first, then
# regional ones the registry does not know: the loader must cope with both.
OUTLETS: list[tuple[str, str, str, str]] = [
    ("Sputnik", "sputnikglobe.com", "MOSCOW", "sputnik"),
    ("TASS", "tass.com", "MOSCOW", "tass"),
    ("RIA Novosti", "ria.ru", "MOSCOW", "sputnik"),
    ("Interfax", "interfax.com", "MOSCOW", "tass"),
    ("Sputnik Tajikistan", "tj.sputniknews.ru", "DUSHANBE", "sputnik"),
    ("Sputnik Armenia", "arm.sputniknews.ru", "YEREVAN", "sputnik"),
    ("Asia-Plus", "asiaplustj.info", "DUSHANBE", "asiaplus"),
    ("Avesta", "avesta.tj", "DUSHANBE", "asiaplus"),
    ("Khovar", "khovar.tj", "DUSHANBE", "asiaplus"),
    ("ARKA", "arka.am", "YEREVAN", "tass"),
    ("Armenpress", "armenpress.am", "YEREVAN", "byline"),
    ("news.am", "news.am", "YEREVAN", "byline"),
    ("Azatutyun", "azatutyun.am", "YEREVAN", "byline"),
    ("Orda.kz", "orda.kz", "ALMATY", "photo"),
    ("Cronos.Asia", "cronos.asia", "ALMATY", "photo"),
    ("Kazinform", "inform.kz", "ASTANA", "tass"),
    ("Tengrinews", "tengrinews.kz", "ALMATY", "photo"),
    ("The Astana Times", "astanatimes.com", "ASTANA", "byline"),
    ("AKIpress", "akipress.com", "BISHKEK", "asiaplus"),
    ("24.kg", "24.kg", "BISHKEK", "byline"),
    ("Kabar", "kabar.kg", "BISHKEK", "tass"),
    ("BelTA", "belta.by", "MINSK", "tass"),
    ("Trend", "trend.az", "BAKU", "byline"),
    ("APA", "apa.az", "BAKU", "byline"),
    ("Eurasianet", "eurasianet.org", "NEW YORK", "interview"),
    ("The Diplomat", "thediplomat.com", "TOKYO", "interview"),
]
for _prefix in ("Central Asia", "Eurasia", "Caucasus", "Steppe", "Pamir", "Caspian", "Silk Road", "Tien Shan"):
    for _suffix, _layout in (("Herald", "byline"), ("Monitor", "sputnik"), ("Daily", "photo"), ("Review", "interview"),
                             ("Observer", "asiaplus"), ("Wire", "tass"), ("Courier", "byline"), ("Bulletin", "photo")):  # fmt: skip
        _domain = (_prefix + _suffix).lower().replace(" ", "") + ".com"
        OUTLETS.append((f"{_prefix} {_suffix}", _domain, "ALMATY", _layout))

# Theme phrase banks. `[a|b]` is a choice of wording (a statement keeps its
# template and slots but each outlet words it its own way); `{x}` is a slot.
# The words are chosen so that the default themes in themes.yml match them.
THEMES: dict[str, dict[str, tuple[str, ...]]] = {
    "armenia-membership": {
        "headline": (
            "{Sur}: Armenia remains a full member of the CSTO",
            "CSTO has received no official request from Yerevan on suspending membership",
            "{Sur} comments on Armenia's participation in CSTO events",
            "Yerevan's absence from the CSTO summit in {city}",
        ),
        "quote": (
            "Armenia [remains|is still] our ally, and all [existing|current] obligations [remain in force|are in force].",
            "We [respect|will respect] any decision of a sovereign state, including Armenia's decision on its participation.",
            "The secretariat has not received any official [statement|notification] from Yerevan on the suspension of its membership.",
            "[I will not hide that|I must admit that] certain sentiments among the Armenian elites [cause concern|are a concern].",
            "We hope Armenia will return to full participation in the work of the organization.",
            "The door [is open|remains open] for Armenia, and we are ready to continue the dialogue with Yerevan.",
        ),
        "fact": (
            "Armenia has not participated in CSTO events since {year}, when Prime Minister Nikol Pashinyan announced that the country had frozen its participation.",
            "Yerevan skipped the CSTO summit in {city} in {month} {year}, citing the organization's failure to meet its obligations.",
            "Armenian officials have repeatedly criticized the alliance for its absence during the border escalation with Azerbaijan.",
        ),
    },
    "tajik-afghan-border": {
        "headline": (
            "CSTO approves programme to strengthen the Tajik-Afghan border",
            "{Sur} on the situation at the Tajik-Afghan border",
            "CSTO to allocate funds for the Tajik-Afghan border",
        ),
        "quote": (
            "The [targeted interstate programme|interstate target programme] on the Tajik-Afghan border [is a priority|is our priority] for the organization.",
            "We [will help|are ready to help] Tajikistan strengthen its border with Afghanistan.",
            "The situation on the Tajik-Afghan border [remains tense|remains difficult], and we [must|need to] be prepared.",
            "[Strengthening|Reinforcing] the southern border of our region is [the key task|a key task] for the coming years.",
        ),
        "fact": (
            "The CSTO targeted interstate programme to strengthen the Tajik-Afghan border was initiated in {year}.",
            "Tajikistan shares a border of more than 1,300 kilometres with Afghanistan.",
            "The programme provides for equipment and training for Tajikistan's border troops on the border with Afghanistan.",
        ),
    },
    "enlargement": {
        "headline": (
            "CSTO does not rule out enlargement - {Sur}",
            "{Sur}: new members may join the CSTO",
            "CSTO discusses observer status for partner states",
        ),
        "quote": (
            "The possibility of enlargement [is not ruled out|cannot be ruled out], but we [should not|must not] chase quantity.",
            "We [need|have] to work not for quantity, but for quality, and steps to expand the organization should increase its effectiveness.",
            "Several states have shown interest in observer status, and we are [studying|considering] their requests.",
            "The admission of new members to the organization [is not being discussed|is not on the agenda] at this time.",
        ),
        "fact": (
            "In {year}, the CSTO introduced the status of observer and partner for states that are not members of the organization.",
            "Uzbekistan left the CSTO in 2012 and has not expressed interest in joining the organization again.",
        ),
    },
    "peacekeeping": {
        "headline": (
            "CSTO aims to expand participation in peacekeeping initiatives",
            "{Sur}: CSTO peacekeepers ready for UN missions",
            "CSTO peacekeeping forces hold drills in {country}",
        ),
        "quote": (
            "The organization [traditionally pays|has always paid] special attention to the peacekeeping track.",
            "Our peacekeeping forces [are ready|stand ready] to take part in missions under a UN mandate.",
            "Peacekeeping activities [will only increase|will grow] in the foreseeable future, unfortunately.",
        ),
        "fact": (
            "The CSTO collective peacekeeping forces number about {number} servicemen.",
            "The CSTO signed a memorandum on peacekeeping cooperation with the United Nations in {year}.",
        ),
    },
    "drug-trafficking": {
        "headline": (
            "CSTO anti-drug operation Kanal seizes {number} kilograms of drugs",
            "{Sur} on the fight against drug trafficking from Afghanistan",
        ),
        "quote": (
            "Drug trafficking from Afghanistan [remains|is still] one of the main threats to our region.",
            "During the operation, {number} kilograms of drugs were seized and [several|{small}] drug laboratories were destroyed.",
            "We [are liaising|work] closely with the UN Office on Drugs and Crime to stop drug smuggling.",
        ),
        "fact": (
            "Operation Kanal, the CSTO's regional anti-drug operation, has been held every year since 2003.",
            "Law enforcement agencies of the member states seized {number} kilograms of narcotics during the operation.",
        ),
    },
    "terrorism-extremism": {
        "headline": (
            "{Sur} warns of terrorist threats in Central Asia",
            "CSTO discusses countering extremism in {city}",
        ),
        "quote": (
            "Transnational terrorism and religious extremism [remain|are still] the main challenges for us.",
            "We [are seeing|see] attempts by terrorist groups to infiltrate Central Asia.",
        ),
        "fact": ("The CSTO maintains a list of terrorist organizations banned in the member states.",),
    },
    "military-exercises": {
        "headline": (
            "CSTO collective forces hold joint exercises in {country}",
            "{Sur}: the CSTO drills {exercise} were a success",
        ),
        "quote": (
            "The joint exercises [showed|demonstrated] the high level of readiness of our collective forces.",
            "We [will continue|plan to continue] to hold joint drills in all member states.",
        ),
        "fact": (
            "The CSTO exercises {exercise} took place in {country} with about {number} troops.",
            "The joint exercises of the CSTO collective rapid reaction forces are held annually.",
        ),
    },
    "kazakhstan-2022": {
        "headline": (
            "{Sur} recalls the CSTO mission in Kazakhstan",
            "CSTO troops complete withdrawal from Kazakhstan",
        ),
        "quote": (
            "The deployment of the CSTO contingent to Kazakhstan [showed|proved] that the organization works.",
            "The mission in Kazakhstan [was completed|ended] within the agreed time frame.",
        ),
        "fact": (
            "In January 2022, the CSTO deployed peacekeeping troops to Kazakhstan after mass unrest in Almaty.",
            "The CSTO contingent in Kazakhstan numbered about 2,000 troops.",
        ),
    },
}
THEME_NAMES = tuple(THEMES)
FILLER = (
    "The CSTO is a regional security alliance of Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.",
    "The Collective Security Treaty Organization was formed shortly after the collapse of the Soviet Union.",
    "The next session of the Collective Security Council will be held in {city} in {month}.",
    "The meeting was attended by the defence ministers of the member states.",
    "The organization's rotating chairmanship passed to {country} this year.",
)
EXERCISES = (
    "Interaction-{year}",
    "Search-{year}",
    "Echelon-{year}",
    "Indestructible Brotherhood-{year}",
    "Cobalt-{year}",
)
CITIES = ("Moscow", "Minsk", "Astana", "Almaty", "Bishkek", "Dushanbe", "Yerevan", "Sochi")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
UNRELATED_HEADLINES = (
    "Kremlin spokesman says Russia needs migrant workers",
    "Sand and dust storms threaten Tajikistan's glaciers",
    "Labor ministry denies rumors of compensation payments",
    "Tajikistan faces corn deficit, spends millions dollars on corn imports",
    "Landslide blocks highway in GBAO's Darvoz district",
    "Revenues of private telecommunications operators have reportedly decreased",
    "ADB launches initiative to build resilience to melting glaciers",
    "National bank keeps refinancing rate unchanged",
    "New school opens in the capital's Sino district",
    "Wheat prices rise ahead of the harvest season",
    "Football federation names new head coach",
    "Power outages expected in three districts on Sunday",
)
TAGS = ("#CSTO", "#Armenia", "#Russia", "#Kazakhstan", "#Tajikistan", "#security", "#Afghanistan", "#Yerevan")
# A particular sentence makes each statement its own: the same bank sentence
# said by two people is not one statement. Content words are fixed per
# statement, the `[a|b]` wordings per article.
OPENERS = ("This year", "Over the past {small} months", "Since {year}", "After the last meeting", "In recent weeks",
           "By the end of the year", "As agreed in {city}")  # fmt: skip
SUBJECTS = ("our secretariat", "the Joint Staff", "the defence ministers", "our experts", "the working group",
            "the foreign ministers", "the security council secretaries", "the member states")  # fmt: skip
VERBS = ("[prepared|drew up]", "[discussed|considered]", "[agreed on|approved]", "[will present|will submit]",
         "[will finalize|will complete]")  # fmt: skip
OBJECTS = ("a plan", "a set of measures", "a draft document", "proposals", "a roadmap", "a joint statement",
           "a programme", "recommendations")  # fmt: skip
TOPICS = (
    "the protection of the southern borders", "cyber security", "joint air defence", "the training of border guards",
    "biological safety", "information security", "the fight against illegal migration", "crisis response",
    "the supply of modern equipment", "military-technical cooperation", "the collective rapid reaction forces",
    "the exchange of intelligence", "the protection of critical infrastructure", "emergency response",
    "the financing of the programme", "the modernization of border posts", "chemical safety", "drone threats",
    "the training of peacekeepers", "the logistics of the collective forces", "relations with the SCO",
    "cooperation with the CIS", "the joint command system", "satellite communications", "mine clearance",
    "the medical support of the forces", "air transport for the contingent", "the anti-drug strategy",
    "a common list of terrorist groups", "the monitoring of the situation in Afghanistan",
)  # fmt: skip
CLOSES = ("[and we expect results|and results are expected] by {month}",
          "[which will be submitted|which will go] to the Council in {city}",
          "[which all member states support|which has the support of all member states]",
          "[and the work continues|and this work goes on]")  # fmt: skip
SAID = ("said", "stressed", "noted", "added", "told reporters", "emphasized")

DATE_FIRST = dt.date(2012, 1, 1).toordinal()
DATE_LAST = dt.date(2026, 6, 30).toordinal()
_CHOICE = re.compile(r"\[([^\]]+)\]|\{(\w+)\}")


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    pronoun: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _people() -> tuple[Person, ...]:
    """About three hundred speakers, fixed for every seed, plus the registry's."""
    rng = random.Random(20240328)
    people: dict[str, Person] = {}
    while len(people) < 300:
        female = rng.random() < 0.25
        first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        last = rng.choice(LAST)
        if female:
            for ending, replacement in FEMALE_LAST.items():
                if last.endswith(ending):
                    last = last[: -len(ending)] + replacement
                    break
        country = rng.choice(COUNTRIES)
        role = rng.choice(ROLES).format(c=country, a=ADJECTIVE[country])
        name = f"{first} {last}"
        people.setdefault(name, Person(name, role, "she" if female else "he"))
    return tuple(Person(n, r, p) for n, r, p in KNOWN) + tuple(people.values())


PEOPLE = _people()


# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """Words one person said once; several outlets then quote them."""

    id: int
    speaker: Person
    theme: str
    templates: tuple[str, ...]
    slots: dict[str, str]
    date: int  # ordinal day it was said


@dataclass(frozen=True)
class Doc:
    """One generated article, before it is laid out as a file."""

    index: int
    stem: str
    title: str
    date: dt.date | None  # None: the text states no date the loader may use
    true_date: dt.date  # what the peers get in their front matter
    outlet: str
    domain: str
    city: str
    layout: str
    paragraphs: tuple[str, ...]  # the body, lead first, without the dateline
    themes: tuple[str, ...]
    speakers: tuple[str, ...]
    statement: int
    copy_of: int | None


def _fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """Fill `{slot}`s from `slots` and pick one wording for each `[a|b]`."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            options = match.group(1).split("|")
            return _fill(options[rng.randrange(len(options))], slots, rng)
        return slots.get(match.group(2), match.group(0))

    return _CHOICE.sub(replace, template)


def _slots(rng: random.Random, day: int, speaker: Person) -> dict[str, str]:
    year = dt.date.fromordinal(day).year
    country = rng.choice(COUNTRIES)
    return {
        "year": str(rng.randint(max(2003, year - 8), year)),
        "country": country,
        "city": rng.choice(CITIES),
        "month": rng.choice(MONTHS),
        "number": f"{rng.randint(2, 40) * 50:,}",
        "small": str(rng.randint(3, 12)),
        "exercise": rng.choice(EXERCISES).format(year=year),
        "Sur": speaker.surname,
    }


class Generator:
    """Yields articles one by one, in order, from one random stream."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.statements: list[Statement] = []  # the recent ones, which later articles may report again
        self.statements_made = 0  # every statement's number: the recent list is cut, so its length is not one
        self.docs: list[Doc] = []  # kept for syndicated copies and restatements

    def __iter__(self) -> Iterator[Doc]:
        index = 0
        while True:
            yield self.next_doc(index)
            index += 1

    def next_doc(self, index: int) -> Doc:
        rng = self.rng
        if self.docs and rng.random() < 0.12:
            doc = self._copy(index, rng.choice(self.docs[-200:]))
        else:
            doc = self._original(index)
        self.docs.append(doc)
        if len(self.docs) > 400:
            del self.docs[:200]
        return doc

    # -- statements ----------------------------------------------------------
    def _statement(self) -> tuple[Statement, bool]:
        """A new statement, or (a third of the time) one already reported."""
        rng = self.rng
        if self.statements and rng.random() < 0.35:
            return rng.choice(self.statements[-300:]), True
        speaker = PEOPLE[rng.randrange(len(KNOWN))] if rng.random() < 0.3 else rng.choice(PEOPLE)
        theme = rng.choice(THEME_NAMES)
        bank = THEMES[theme]["quote"]
        templates = tuple(rng.sample(bank, min(len(bank), rng.randint(2, 3))))
        particular = _particular(rng)
        at = rng.randrange(len(templates))
        templates = tuple(f"{t} {particular}" if i == at else t for i, t in enumerate(templates))
        day = rng.randint(DATE_FIRST, DATE_LAST)
        statement = Statement(self.statements_made, speaker, theme, templates, _slots(rng, day, speaker), day)
        self.statements_made += 1
        self.statements.append(statement)
        if len(self.statements) > 600:
            del self.statements[:300]
        return statement, False

    # -- an original article ---------------------------------------------------
    def _original(self, index: int) -> Doc:
        rng = self.rng
        statement, reused = self._statement()
        speaker, slots = statement.speaker, statement.slots
        day = statement.date + (rng.randint(0, 3) if reused else 0)
        outlet, domain, city, layout = rng.choice(OUTLETS)
        quotes = [_fill(t, slots, rng) for t in statement.templates]
        said = rng.choice(SAID)
        lead_theme = THEMES[statement.theme]
        paragraphs: list[str] = []
        # Lead: who said what. Known people by role, others with an apposition.
        intro = f"{speaker.role} {speaker.name}" if rng.random() < 0.5 else f"{speaker.name}, {speaker.role},"
        facts = list(lead_theme["fact"])
        rng.shuffle(facts)
        lead = _lower_first(_fill(facts[0], slots, rng))
        paragraphs.append(f"{intro[0].upper()}{intro[1:]} {said} on {_weekday(day)} that {lead}")
        # The first quote, in one of the ways outlets write it.
        paragraphs.append(_quoted(quotes[0], speaker, rng, first=True))
        if len(facts) > 1:
            paragraphs.append(_fill(facts[1], slots, rng))
        for quote in quotes[1:]:
            paragraphs.append(_quoted(quote, speaker, rng, first=False))
        themes = {statement.theme}
        # Background on another theme, sometimes, with a second speaker.
        if rng.random() < 0.4:
            other = rng.choice(THEME_NAMES)
            themes.add(other)
            paragraphs.append(_fill(rng.choice(THEMES[other]["fact"]), slots, rng))
        speakers = [speaker.name]
        if rng.random() < 0.3:
            second = rng.choice(PEOPLE)
            others = [t for t in THEMES[statement.theme]["quote"] if t not in statement.templates]
            if second.name != speaker.name and others:
                # Not a sentence the first speaker said: the loader drops repeats within an article.
                other_quote = _fill(rng.choice(others), slots, rng) + " " + _fill(_particular(rng), slots, rng)
                paragraphs.append(
                    f"{second.role[0].upper() + second.role[1:]} {second.name} also commented on the matter."
                )
                paragraphs.append(_quoted(other_quote, second, rng, first=False, named=True))
                speakers.append(second.name)
        if rng.random() < 0.3:
            cited = rng.choice(OUTLETS)[0]
            paragraphs[2] = paragraphs[2].rstrip(".") + f", {cited} reports."
        paragraphs.append(_fill(rng.choice(FILLER), slots, rng))
        title = _fill(rng.choice(lead_theme["headline"]), slots, rng)
        return self._doc(index, title, day, outlet, domain, city, layout, paragraphs, themes, speakers, statement, None)

    def _copy(self, index: int, original: Doc) -> Doc:
        """The same text under another outlet's furniture (and dateline)."""
        rng = self.rng
        choices = [o for o in OUTLETS if o[0] != original.outlet]
        outlet, domain, city, layout = rng.choice(choices)
        paragraphs = list(original.paragraphs)
        if rng.random() < 0.5:
            paragraphs[0] = paragraphs[0].rstrip(".") + f", {original.outlet} reports."
        day = original.true_date.toordinal() + rng.randint(0, 1)
        return self._doc(
            index, original.title, day, outlet, domain, city, layout, paragraphs,
            set(original.themes), list(original.speakers), None, original.index,
            statement_id=original.statement,
        )  # fmt: skip

    def _doc(self, index, title, day, outlet, domain, city, layout, paragraphs, themes, speakers, statement,
             copy_of, statement_id=None) -> Doc:  # fmt: skip
        true_date = dt.date.fromordinal(day)
        digest = hashlib.blake2b(f"{index}:{title}".encode(), digest_size=8).hexdigest()
        undated = layout == "interview" and self.rng.random() < 0.5
        return Doc(
            index=index,
            stem=f"{index:06d}_{digest}",
            title=title,
            date=None if undated else true_date,
            true_date=true_date,
            outlet=outlet,
            domain=domain,
            city=city,
            layout=layout,
            paragraphs=tuple(paragraphs),
            themes=tuple(sorted(themes)),
            speakers=tuple(speakers),
            statement=statement.id if statement else statement_id,
            copy_of=copy_of,
        )


def _particular(rng: random.Random) -> str:
    return (
        f"{rng.choice(OPENERS)}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"on {rng.choice(TOPICS)}, {rng.choice(CLOSES)}."
    )


def _weekday(day: int) -> str:
    return dt.date.fromordinal(day).strftime("%A")


def _lower_first(text: str) -> str:
    if text[:3] in ("The", "In ") or text[:2] == "A ":
        return text[0].lower() + text[1:]
    return text


def _quoted(quote: str, person: Person, rng: random.Random, first: bool, named: bool = False) -> str:
    """One quote, attributed in one of the ways the loader must understand."""
    surname = person.name if named else person.surname
    body = quote.rstrip(".")
    style = rng.randrange(8)
    if style == 0:
        return f"“{body},” {surname} said."
    if style == 1:
        return f'"{body}," {surname} told reporters.'
    if style == 2:
        return f"{surname} said: “{quote}”"
    if style == 3 and not first:
        return f"“{body},” {person.pronoun} added."
    if style == 4:
        return f'"{body}," said {person.name}.'
    if style == 5:
        # Unmarked speech in the first person, as seed 000 has it.
        return f"{quote} We will continue this work, said {person.name}."
    if style == 6:
        return f"According to {surname}, “{quote}”"
    return f'"{body}," {surname} stressed, adding that the work would continue.'


# ---------------------------------------------------------------------------
# Layouts: a Doc as a raw text file
# ---------------------------------------------------------------------------


def render_text(doc: Doc, rng: random.Random) -> str:
    """The article as it comes off the outlet's web page."""
    date = doc.date
    paras = list(doc.paragraphs)
    slug = re.sub(r"[^a-z0-9]+", "-", doc.title.lower()).strip("-")[:80]
    layout = doc.layout
    if layout == "sputnik":
        header = f" date {date.isoformat()} https://{doc.domain}/{date:%Y%m%d}/{slug}-{doc.index + 1117000000}.html"
        paras[0] = f"{doc.city} ({doc.outlet}) - {paras[0]}"
        return "\n".join([header, doc.title, *paras])
    if layout == "tass":
        byline = f"{date.day} {date:%b}".upper() + f" {date.year}, {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        paras[0] = f"{doc.city}, {date:%B} {date.day}. /{doc.outlet}/. {paras[0]}"
        return "\n\n".join([doc.title, byline, *paras])
    if layout == "asiaplus":
        paras[0] = f"{doc.city}, {date:%B} {date.day}, {date.year}, {doc.outlet} -- {paras[0]}"
        tail = rng.sample(UNRELATED_HEADLINES, 6)
        return "\n".join([doc.title, *paras, *tail, "All news", "Авторизуйтесь, пожалуйста"])
    if layout == "byline":
        counter = f"  {date.day} {date:%B %Y}    Read: {rng.randint(40, 9000)}"
        tags = "   ".join(rng.sample(TAGS, 3))
        lines = [doc.title + " ", "", counter, f"  {doc.title} ", "", *_blank_separated(paras), "", "",
                 f"More about: {tags}  ", "", "", "News Line"]  # fmt: skip
        return "\n".join(lines)
    if layout == "photo":
        author = rng.choice(PEOPLE[len(KNOWN) :]).name
        paras[0] = paras[0].rstrip(".") + f", reports {doc.outlet}."
        lines = [f"Source: https://{doc.domain}/{date:%Y/%m/%d}/{slug}/", doc.title, "", f"cover  Photo: {doc.outlet}", "", f"{date:%d.%m.%Y} {rng.randint(8, 22)}:{rng.randint(10, 59)}",
                 "", *_blank_separated(paras), "", f"Original Author: {author}", "",
                 "DISCLAIMER: This is a translated piece. The text has been modified, the content is the same."]  # fmt: skip
        return "\n".join(lines)
    # interview: a subtitle and a photo credit; half of them state no date at all
    lines = [doc.title, paras[0], f"Photo by {doc.outlet}"]
    if date is not None:
        lines.insert(0, f"Published: {date:%B} {date.day}, {date.year}")
    return "\n".join([*lines, *paras[1:]])


def _blank_separated(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        out.extend((p, ""))
    return out[:-1]


# ---------------------------------------------------------------------------
# The same Doc as Markdown for Hugo and Pelican
# ---------------------------------------------------------------------------


def render_hugo(doc: Doc) -> str:
    """Hugo page: YAML front matter with the three taxonomies."""
    front = [
        "---",
        f"title: {json.dumps(doc.title, ensure_ascii=False)}",
        f"date: {doc.true_date.isoformat()}",
        f"themes: {json.dumps(list(doc.themes), ensure_ascii=False)}",
        f"outlets: {json.dumps([doc.outlet], ensure_ascii=False)}",
        f"speakers: {json.dumps(list(doc.speakers), ensure_ascii=False)}",
        "---",
        "",
    ]
    return "\n".join(front) + "\n\n".join(_markdown_paragraphs(doc)) + "\n"


def render_pelican(doc: Doc) -> str:
    """Pelican article: its metadata block; outlet as category, themes as tags, speakers as authors."""
    meta = [
        f"Title: {doc.title}",
        f"Date: {doc.true_date.isoformat()}",
        f"Category: {doc.outlet}",
        f"Tags: {', '.join(doc.themes)}",
        f"Authors: {', '.join(doc.speakers)}",
        f"Slug: {doc.stem}",
        "",
    ]
    return "\n".join(meta) + "\n" + "\n\n".join(_markdown_paragraphs(doc)) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_#<>\[\]])")


def _markdown_paragraphs(doc: Doc) -> list[str]:
    return [_MD_SPECIAL.sub(r"\\\1", p) for p in doc.paragraphs]


HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "CSTO digest (Hugo benchmark)"
languageCode = "en"
disableKinds = []

[taxonomies]
  theme = "themes"
  outlet = "outlets"
  speaker = "speakers"

[pagination]
  pagerSize = 20
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">Home</a>{{ range $name, $t := site.Taxonomies }} <a href="{{ printf "/%s/" $name | relURL }}">{{ $name }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
{{ range $taxonomy, $_ := site.Taxonomies }}{{ with $.GetTerms $taxonomy }}<p>{{ $taxonomy }}:{{ range . }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}{{ end }}
</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $paginator := .Paginate $pages }}<ul>{{ range $paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ with $paginator.Next }}<a href="{{ .URL }}">older</a>{{ end }}{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $paginator := .Paginate .Pages }}<ul>{{ range $paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ with $paginator.Next }}<a href="{{ .URL }}">older</a>{{ end }}{{ end }}
""",
}

PELICAN_CONFIG = """\
AUTHOR = "csto-digest benchmark"
SITENAME = "CSTO digest (Pelican benchmark)"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 20
# Outlets are categories, themes are tags, speakers are authors; feeds stay on
# (Pelican's defaults), as csto-digest writes feeds too.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/author-{slug}.atom.xml"
AUTHOR_FEED_RSS = None
# The runner turns the cache on only for the peers' rebuild timings.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def generate(n: int, seed: int) -> Iterator[Doc]:
    """The first `n` articles for `seed`."""
    generator = Generator(seed)
    for doc, _ in zip(generator, range(n), strict=False):
        yield doc


def file_text(doc: Doc, fmt: str, seed: int) -> str:
    """A Doc as the bytes of its file; furniture noise is seeded per article."""
    if fmt == "hugo":
        return render_hugo(doc)
    if fmt == "pelican":
        return render_pelican(doc)
    return render_text(doc, random.Random(seed * 1_000_003 + doc.index))


CONTENT_FOLDER = {"text": ".", "hugo": "content/posts", "pelican": "content"}


def relative_path(doc: Doc, fmt: str) -> str:
    suffix = ".txt" if fmt == "text" else ".md"
    return f"{CONTENT_FOLDER[fmt]}/{doc.stem}{suffix}".removeprefix("./")


def write_site_files(out: Path, fmt: str) -> None:
    """The peers' config (and Hugo's layouts), beside the content."""
    if fmt == "hugo":
        (out / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
        layouts = out / "layouts"
        layouts.mkdir(parents=True, exist_ok=True)
        for name, text in HUGO_LAYOUTS.items():
            (layouts / name).write_text(text, encoding="utf-8")
    elif fmt == "pelican":
        (out / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")


def write_corpus(n: int, seed: int, out: Path, fmt: str = "text", manifest: Path | None = None) -> int:
    """Write `n` articles under `out` in format `fmt`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    (out / CONTENT_FOLDER[fmt]).mkdir(parents=True, exist_ok=True)
    write_site_files(out, fmt)
    records = []
    count = 0
    for doc in generate(n, seed):
        data = file_text(doc, fmt, seed).encode("utf-8")
        fd = os.open(out / relative_path(doc, fmt), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        count += 1
        if manifest is not None:
            records.append(manifest_record(doc, fmt))
    if manifest is not None:
        manifest.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return count


def manifest_record(doc: Doc, fmt: str = "text") -> dict:
    """The ground truth of one article, for checking what the loader found."""
    return {
        "file": relative_path(doc, fmt),
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "outlet": doc.outlet,
        "layout": doc.layout,
        "themes": list(doc.themes),
        "speakers": list(doc.speakers),
        "statement": doc.statement,
        "copy_of": doc.copy_of,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--format", choices=("text", "hugo", "pelican"), default="text")
    parser.add_argument("--manifest", type=Path, help="also write the ground truth as JSON here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    count = write_corpus(args.n, args.seed, args.out, args.format, args.manifest)
    print(f"{count} {args.format} articles in {args.out} ({time.perf_counter() - started:.1f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
