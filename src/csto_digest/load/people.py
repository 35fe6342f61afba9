"""People named in an article: their mentions, their fullest names and roles.

A person is a run of capitalised name words that are not role words, places,
organisations or outlets ("CSTO Secretary General Imangali Tasmagambetov" is
the role "CSTO Secretary General" and the name "Imangali Tasmagambetov").
Short forms are resolved to the fullest name the article gives anywhere
(`Mr. Zas`, `Zas`, `Stanislav` -> `Stanislav Zas`), with the registry as a
fallback for a full name the article never spells out.

A lone capitalised word is a name only with evidence: an honorific, the registry, a
full name written before whose surname it is, or a verb of speech after it ("Zas said",
an aside between or not: "Zas, who heads the secretariat, said"). A comma alone after it
is none ("the envoy to Austria, met": a place). An auxiliary alone ("Karimzoda will chair")
is enough only for a surname of the region's shape (-ov, -yan, -zoda...), and a word ending
as English common nouns do ("Membership is open", "Procurement has been slow") is never a
lone name. A rank between an office and the name ("Joint Staff chief Col. Gen. X") leaves
the office as the role.

A newspaper's title is no one's name, listed or not: words such as Pravda,
Gazeta, Vestnik, Golos and the words right after them ("Golos Tajikistana"),
or a title opening with a Russian adjective ("Literaturnaya Rossiya"). Nor is
a company or agency of one word named as the region's are ("Kazatomprom",
"Roskomnadzor"). Nor is an exercise or an operation ("Indestructible
Brotherhood-2021", "Operation Kanal-Patrol", "the Echo Mountain drills"): no one's
name ends in a year or stands before "drills".

A role is the first the text gives (before the name, as an appositive, as a long
title, one joined by "to" or "in" included: "Russian Ambassador to Belarus X", "the envoy in
Yerevan X", as an office set off by a comma before it: "said the chief of staff, Lt.
Gen. X"), else the registry's, else the institution the text places the person in
("Zaur Shiriyev of the International Crisis Group"). An appositive office at an
institution may be long ("X, director of the Institute of ... at the ...,"); a clause
after it is no part of it, and a role too long is cut where a place or an
institution is added. An office held for the holder of another, joined by "to the",
is one title with it ("Adviser to the President X" is the adviser, not the President),
unless the registry gives X the second office. "His Belarusian counterpart X" is no role
to show, but it makes X the holder of an office of Belarus (see `PeopleIndex.counterparts`);
"his counterpart X" makes X someone's counterpart, of no country the text names.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Evidence
from ..registry import Person, Registry
from .gender import MALE, gender_of, has_surname_ending, pronoun_gender

ROLE_WORDS = {
    "secretary", "general", "secretary-general", "president", "vice-president", "minister", "prime",
    "foreign", "defence", "defense", "deputy", "chairman", "chairwoman", "chair", "chief", "head", "spokesman",
    "spokeswoman", "spokesperson", "press", "ambassador", "envoy", "commander", "colonel", "lieutenant",
    "major", "captain", "director", "adviser", "advisor", "speaker", "representative", "official", "leader",
    "premier", "governor", "mayor", "senator", "lawmaker", "mp", "analyst", "expert", "professor", "editor",
    "correspondent", "journalist", "permanent", "acting", "first", "former", "interior", "state", "security",
    "council", "assembly", "parliamentary", "national", "collective", "treaty", "organization", "organisation",
    "ministry", "affairs", "emergency", "emergencies", "border", "service", "staff", "joint", "armed", "forces",
    "army", "military", "political", "scientist", "researcher", "political scientist", "executive", "senior",
    "member", "members", "pm", "fm", "ceo", "mr", "mrs", "ms", "dr", "prof", "gen", "sir", "madam", "mister",
    "general's", "office", "department", "committee", "secretariat", "nurse", "doctor", "diplomat",
    "prosecutor", "commissioner", "ombudsman", "ombudswoman", "aide", "judge", "rector", "attaché", "attache",
}  # fmt: skip
NOT_NAME_WORDS = {
    "the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "but", "or",
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these",
    "those", "there", "here", "when", "while", "after", "before", "during", "since", "according", "meanwhile",
    "moreover", "however", "also", "furthermore", "besides", "earlier", "later", "today", "yesterday",
    "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "csto", "sco", "cis", "un", "nato", "eu", "eaeu", "osce", "usa", "us", "photo", "video", "read",
    "news", "tass", "ria", "novosti", "sputnik", "interfax", "reuters", "kremlin", "duma", "republic",
    "federation", "union", "west", "western", "east", "eastern", "central", "asia", "asian", "south", "north",
    "soviet", "islamic", "god", "what", "why", "how", "who", "which", "question", "answer", "q", "a:", "so",
    "yes", "no", "not", "all", "both", "each", "every", "such", "some", "many", "if", "then", "thus",
    "therefore", "nevertheless", "regarding", "despite", "although", "because", "let", "dear", "thanks",
    "program", "programme", "operation", "exercise", "exercises", "drills", "strategy", "concept", "agreement",
    "treaty", "charter", "day",
    "afghan", "tajik", "kazakh", "kyrgyz", "armenian", "russian", "belarusian", "uzbek", "chinese", "iranian",
    "azerbaijani", "turkish", "american", "european", "ukrainian", "georgian", "taliban", "international",
    "multimedia", "center", "centre", "hall", "presidential", "agency", "magazine", "channel", "tv", "radio",
    "original", "author", "disclaimer", "more", "about", "lines", "line", "targeted", "interstate",
    "analysts", "officials", "experts", "observers", "diplomats", "sources", "critics", "reporters",
    "journalists", "residents", "lawmakers", "deputies", "participants", "authorities", "media", "leaders",
    "representatives", "activists", "protesters", "militants", "soldiers", "troops", "ministers", "parties",
    "sides", "others", "most", "several", "everyone", "nobody", "someone", "people", "citizens", "voters",
    "witnesses", "locals", "scientists", "researchers", "commentators",
    # The head word of an institution's name: "Stonehill College", "Carnegie Endowment" are no one's name.
    "college", "university", "institute", "academy", "school", "foundation", "endowment", "fund", "bank",
    "company", "corporation", "society", "club", "museum", "hospital", "embassy", "parliament", "forum",
    "initiative", "network", "party", "group", "house",  # Chatham House, the White House
    # ... and what an institute studies: "the Institute for Strategic Studies Rahmatullo Sadykov".
    "studies", "research", "relations", "policy", "analysis", "sciences", "science", "development",
    "cooperation", "problems", "issues", "politics", "economics",
    # ... and of a newspaper's: "Silk Road Monitor reports. '...,' he added." quotes no one called Monitor.
    "journal", "gazette", "times", "tribune", "herald", "courier", "monitor", "bulletin", "daily", "weekly",
    "wire", "observer", "review", "chronicle", "post", "express", "telegraph", "digest", "insider",
    # ... and of a public body's: two capitalised words read as "First Last" ("Jogorku Kenesh", "Supreme
    # Court", "Accounts Chamber"), or one read as a surname before "said" ("the Sejm said"), are a body.
    # Legislatures by their own names (the registry lists the region's, with their countries):
    "kenesh", "kengesh", "majlis", "majilis", "mazhilis", "mejlis", "majlisi", "maslahati", "maslahaty",
    "khural", "kurultai", "rada", "sejm", "seimas", "saeima", "senate", "congress", "bundestag", "knesset",
    "riksdag", "storting", "presidium", "politburo",
    # ... and other bodies by their head noun
    "court", "tribunal", "chamber", "commission", "administration", "cabinet", "government", "guard",
    "directorate", "inspectorate", "prosecutor's", "procuracy", "headquarters", "palace", "chancellery",
}  # fmt: skip
# The words newspapers and magazines of the region are named with, as transliterated ("Golos Armenii",
# "Vestnik Kavkaza", "Komsomolskaya Pravda", "Zerkalo Nedeli"): the Voice, the Herald, the Truth, the
# Mirror of ... Never a word of a person's name, and a capitalised word right after one belongs to the
# title, not to a name ("told Golos Tajikistana" names no one called Tajikistana). The English head
# words (times, post, daily, news, herald, tribune...) are among NOT_NAME_WORDS above.
NEWSPAPER_WORDS = frozenset({
    "pravda", "gazeta", "vestnik", "izvestiya", "izvestia", "golos", "vecherny", "vecherniy", "vecherniye",
    "vechernyaya", "kurier", "kuryer", "vedomosti", "obozrevatel", "zerkalo", "komsomolets", "argumenty", "fakty",
    "respublika", "nedelya", "nedeli", "ekspress", "ekho", "zvezda", "slovo", "vesti", "vremya", "segodnya",
    "kurer", "kurjer", "gazette", "times", "post", "daily", "news", "herald", "tribune", "courier", "kurir",
})  # fmt: skip
# Seats of power that stand for their governments, as "the Kremlin" does ("the Pentagon said").
NOT_NAME_WORDS |= NEWSPAPER_WORDS | {"pentagon", "elysee", "élysée", "akorda", "whitehall", "zhongnanhai"}
# A company or an agency of one word, named as the region's are: Gazprom, Kazatomprom, Rosatom,
# Roscosmos, Rosoboronexport, Roskomnadzor, Sovcomflot, Uzbekneftegaz. No surname ends so. Before
# "said" such a word would otherwise pass for a surname.
_COMPANY_WORD = re.compile(
    r"^[A-ZА-Я][a-zа-я]{2,}(?:prom|neft|gaz|atom|export|import|kosmos|cosmos|nadzor|gvardiya|gvardia|energo|telecom"
    r"|flot|zavod|khim|stroy|trans)$"
)
# "Sovetskaya Belorussiya", "Literaturnaya Rossiya", "Moskovsky Komsomolets", "Novoye Vremya": a title
# opening with a Russian adjective. A person's name never opens with one (a woman's surname in -skaya
# comes last: "Anna Kovalskaya"), so a run of name words whose first word is one is no one's name.
# Seven letters at least for -aya, so that first names such as Maya and Soraya are not taken for one.
TITLE_ADJECTIVE = re.compile(
    r"^[A-ZА-Я][a-zа-я]{2,}(?:skaya|skoye|skoe|sky|skiy|skii)$|^[A-ZА-Я][a-zа-я]{4,}aya$|^[A-ZА-Я][a-zа-я]{3,}oye$"
)
PRONOUNS = {"he", "she", "him", "her", "his"}
# Forms of address: kept among ROLE_WORDS so that they are never read as a name, but
# no one's role ("Mr Tokayev, colleagues," makes no one a "Mr").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "sir", "madam", "dr", "prof"})

# An honorific (Mr.), an initial or two (V., A. B.), or a capitalised word. Each form
# starts with a capital taken outside the alternation, so the scan skips from capital
# to capital instead of trying every form at every character.
_TOKEN = re.compile(
    r"[A-ZА-ЯЁ](?:(?<=M)(?:r|rs|s)\.|(?<=D)r\.|(?<=P)rof\.|\.(?:\s?[A-ZА-ЯЁ]\.)?|[\w'’]*(?:-[A-ZА-ЯЁ]?[\w'’]+)*)"
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.$")
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.)?$")


@dataclass(frozen=True)
class Mention:
    """One place the text names a person: the words as written and where."""

    words: str  # the name as written ("Zas", "Imangali Tasmagambetov")
    start: int
    end: int
    role: str | None = None
    possessive: bool = False


@dataclass
class PeopleIndex:
    """Every person named in one article, with their canonical names."""

    mentions: list[Mention] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # written name -> fullest name
    roles: dict[str, tuple[str, Evidence]] = field(default_factory=dict)  # fullest name -> role
    registry_roles: dict[str, str] = field(default_factory=dict)  # fullest name -> the registry's role
    # fullest name -> a title the text writes before a name with "of" in it ("Minister of Defense of the
    # Republic of Tajikistan Colonel General"): not shown as the role, but it tells who "the minister" is.
    titles: dict[str, str] = field(default_factory=dict)
    # fullest name -> a country's office the text gives only relative to someone else's ("his Belarusian
    # counterpart Sergei Aleinik"): no role to show, but it tells who "the Belarusian minister" is.
    counterparts: dict[str, str] = field(default_factory=dict)

    def role_words(self, name: str) -> str:
        """Every role the text and the registry give a person, for matching "the minister"."""
        text_role = self.roles.get(name)
        return " ".join(filter(None, [text_role[0] if text_role else None, self.registry_roles.get(name)]))

    def office_words(self, name: str) -> str:
        """`role_words`, the person's long titles and the office a "counterpart" holds: what "the
        minister" may be matched against."""
        return " ".join(filter(None, [self.role_words(name), self.titles.get(name), self.counterparts.get(name)]))

    def resolve(self, written: str) -> str:
        written = strip_honorific(written)
        return self.canonical.get(written, written)

    def names(self) -> set[str]:
        return set(self.canonical.values())

    def gender(self, name: str) -> str | None:
        """FEMALE, MALE or None, from the person's name and the roles given them (see `gender`)."""
        return gender_of(name, self.role_words(name))

    def last_before(
        self,
        offset: int,
        skip_possessive: bool = True,
        excluded: AbstractSet[str] = frozenset(),
        pronoun: str | None = None,
    ) -> str | None:
        """The person most recently named before `offset`, passing over the `excluded` names.

        With a `pronoun`, whoever is known to be of the other gender is passed over too. For
        "she", a woman named earlier also wins over someone of unknown gender named later:
        most people quoted in this news are men, so an unknown name is more likely a man's."""
        wanted = pronoun_gender(pronoun) if pronoun else None
        unknown: str | None = None
        for mention in reversed(self.mentions):
            if mention.end <= offset and not (skip_possessive and mention.possessive):
                name = self.resolve(mention.words)
                if name in excluded:
                    continue
                if wanted is None:
                    return name
                known = self.gender(name)
                if known == wanted or (known is None and wanted == MALE):
                    return name
                if known is None and unknown is None:
                    unknown = name
        return unknown


# Capitalised only because they open a sentence or a clause: never the first word of a role.
# fmt: off
_NOT_ROLE_LEAD = frozenset({
    "the", "a", "an", "and", "but", "or", "as", "when", "while", "after", "before", "during", "since", "according",
    "meanwhile", "moreover", "however", "also", "furthermore", "besides", "earlier", "later", "today", "yesterday",
    "tomorrow", "then", "thus", "therefore", "nevertheless", "so", "yes", "no", "now", "previously", "recently",
    "separately", "finally", "additionally", "in", "on", "at", "to", "for", "with", "by", "from", "here", "there",
    "this", "that", "if", "although", "because", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
})
# fmt: on


def strip_honorific(name: str) -> str:
    return re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+", "", name.strip())


def _is_name_token(token: str, blocked: AbstractSet[str]) -> bool:
    low = token.lower().rstrip(".")
    if _INITIAL.match(token):
        return True
    if low in NOT_NAME_WORDS or low in ROLE_WORDS or token.lower() in blocked:
        return False
    if token.isupper() and len(token) > 1:  # CSTO, TASS: acronyms are not names
        return False
    if _COMPANY_WORD.match(token):
        return False
    return token[0].isupper()


@lru_cache(maxsize=4)
def _lower_case_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case somewhere ("analysts" as well as "Analysts")."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-zа-яё][\w'’-]*", text))


def find_mentions(text: str, registry: Registry, blocked: AbstractSet[str]) -> list[Mention]:
    """Every run of name words in `text` that reads as a person's name."""
    mentions: list[Mention] = []
    tokens = list(_TOKEN.finditer(text))
    written = [t.group(0) for t in tokens]
    spans = [t.span() for t in tokens]
    name_like: dict[str, bool] = {}  # word -> honorific or name word; names repeat
    surnames: set[str] = set()  # the last word of each full name found so far
    i = 0
    while i < len(tokens):
        j = i + 1
        while j < len(tokens) and _adjacent(text, spans[j - 1][1], spans[j][0], written[j - 1]):
            j += 1
        # Most runs are one word that cannot end a name ("The", "CSTO"): no name part.
        if _name_like(written[j - 1], blocked, name_like):
            found = _mentions_in_run(text, tokens[i:j], registry, blocked, name_like, surnames)
            surnames.update(m.words.split()[-1] for m in found if " " in m.words)
            mentions.extend(found)
        i = j
    return mentions


def _name_like(token: str, blocked: AbstractSet[str], known: dict[str, bool]) -> bool:
    """An honorific or a name word, remembered in `known` for the rest of the article."""
    verdict = known.get(token)
    if verdict is None:
        verdict = known[token] = bool(_HONORIFIC.match(token)) or _is_name_token(token, blocked)
    return verdict


# The particles a name may hold between its words: Ursula von der Leyen, Pedro de la Rosa, Ali bin Saleh.
_PARTICLES = "von|von der|van|van der|van den|de|de la|del|der|di|da|du|dos|bin|ibn|al|el"
_PARTICLE_GAPS = frozenset(f" {p} " for p in _PARTICLES.split("|"))


def _adjacent(text: str, left_end: int, right_start: int, left: str) -> bool:
    """One name word follows another: nothing, one space or a particle between, no possessive before."""
    if left.endswith(("’s", "'s")):
        return False
    gap = text[left_end:right_start]
    return gap in (" ", "") or (right_start - left_end <= 9 and gap in _PARTICLE_GAPS)


def _mentions_in_run(
    text: str,
    run: list[re.Match[str]],
    registry: Registry,
    blocked: AbstractSet[str],
    name_like: dict[str, bool],
    surnames: AbstractSet[str] = frozenset(),
) -> list[Mention]:
    # Split the run into a leading role part and a trailing name part.
    name_start = len(run)
    for k in range(len(run) - 1, -1, -1):
        if _name_like(run[k].group(0), blocked, name_like):
            name_start = k
        else:
            break
    name_tokens = run[name_start:]
    # an initial alone, or a run ending in an initial, is not a name
    while name_tokens and _INITIAL.match(name_tokens[-1].group(0)):
        name_tokens = name_tokens[:-1]
    real = [t for t in name_tokens if not _HONORIFIC.match(t.group(0))]
    if not real or len(real) > 4 or _in_a_title(run, name_start, real):
        return []
    first_tok = real[0]
    # A sentence-initial single capitalised word is usually not a name ("Yerevan", "Steps").
    # As written, particles included ("von der"); the tokens of a run stand one space apart otherwise.
    words = text[first_tok.start() : real[-1].end()].replace("’s", "").replace("'s", "")
    if len(real) == 1 and not _could_be_surname(text, run[0], real[0], registry, name_tokens, surnames):
        return []
    if _names_an_exercise(text, run[name_start - 1].group(0) if name_start else "", real[-1]):
        return []
    role_tokens = run[:name_start]
    while role_tokens and role_tokens[0].group(0).lower() in _NOT_ROLE_LEAD:
        role_tokens = role_tokens[1:]  # "Earlier Security Council Secretary X": the sentence's first word
    while role_tokens and role_tokens[0].group(0).lower().rstrip(".") in HONORIFICS:
        role_tokens = role_tokens[1:]  # "Mr President Putin": the role is "President"; "Mr Tokayev" has none
    role = " ".join(t.group(0) for t in role_tokens) or None
    if role and not any(t.group(0).lower().rstrip(".") in ROLE_WORDS for t in role_tokens):
        role = None
    end_token = real[-1]
    possessive = text[end_token.end() - 2 : end_token.end()] in ("’s", "'s") or text[
        end_token.end() : end_token.end() + 2
    ] in ("’s", "'s")
    return [Mention(words, first_tok.start(), end_token.end(), role, possessive)]


# An exercise or an operation, named as the CSTO's are ("Indestructible Brotherhood-2021", "Rubezh-2024",
# "Operation Kanal-Patrol", "the Echo Mountain drills"): a year joined to the last word, or a word for an
# exercise before or after the name. No person's name ends in a year.
_YEAR_SUFFIX = re.compile(r"-(?:19|20)\d\d$")
_EXERCISE_AFTER = re.compile(r"[ ]+(?:exercises?|drills?|operations?|manoeuvres|maneuvers|war games)(?![\w'’-])")
_EXERCISE_WORDS = frozenset({"operation", "exercise", "exercises", "drills"})


def _names_an_exercise(text: str, word_before: str, last: re.Match[str]) -> bool:
    """Whether the name words ending with `last` (after `word_before`, the word of the run before them,
    if any) are the name of an exercise or an operation, not of a person."""
    if _YEAR_SUFFIX.search(last.group(0)) or word_before.lower() in _EXERCISE_WORDS:
        return True
    return bool(_EXERCISE_AFTER.match(text, last.end()))


def _in_a_title(run: list[re.Match[str]], name_start: int, real: list[re.Match[str]]) -> bool:
    """Whether the name words of a run are the rest of a newspaper's title: they follow one of its
    words ("Golos Tajikistana", "Zerkalo Nedeli"), or open with a Russian adjective ("Literaturnaya
    Rossiya"). A name after a role word ("Pravda editor Ivan Petrov") is still a name."""
    if name_start > 0 and run[name_start - 1].group(0).lower() in NEWSPAPER_WORDS:
        return True
    return len(real) >= 2 and bool(TITLE_ADJECTIVE.match(real[0].group(0)))


# A verb of speech or action right after a lone capitalised word ("Zas said", "Tokayev has said",
# "Lavrov, speaking"), or after an aside set off by commas ("Zas, who heads the secretariat, said"):
# what makes the word a name when nothing else does. A comma alone is no such evidence: "the envoy to
# Austria, met", "a territory of Denmark, may" end a place's name as often as a person's.
_SPEECH_NEAR = re.compile(
    r"^\s*(?:,\s*(?:[^,.;:!?\"“”«»()\n]{1,45},\s*)?)?(?:(?:also|further|then|has|had|have|was|is|will|would|could"
    r"|did|does)\s+){0,2}"
    r"(?:said|says|told|stated|noted|added|stressed|emphasi[sz]ed|explained|clarified|underlined|underscored|"
    r"believes|affirmed|reiterated|spoke|speaking|warned|recalled|remarked|declared|announced|insisted|"
    r"called|confirmed|continued|concluded|pointed|argued|admitted|acknowledged|expressed|highlighted|"
    r"cited|quoted|replied|answered|responded|asked|urged|wrote|commented|mentioned|assured|informed|"
    r"also)(?![\w'’-])"
)
# Only an auxiliary or a copula after the word: "Membership is open", "Procurement has been slow" open
# sentences with a common noun as often as "Lavrov is expected" does with a surname, so the word is a
# name only with more evidence (an honorific, the registry, a full name, a surname's ending).
_AUXILIARY_NEAR = re.compile(r"^\s*(?:is|was|has|had|will|would|could|does|did)(?![\w'’-])")
# The endings of English common nouns ("Membership", "Integration", "Procurement", "Readiness", "Training"):
# a lone word so ending is no one's name by the verb after it alone. Three letters at least before the
# ending, so that short surnames such as King, Ding or Page are not caught.
_COMMON_NOUN = re.compile(
    r"^[A-Z][a-z]{3,}(?:ship|tion|sion|ment|ness|ity|ance|ence|ism|ing|ure|age|ery)$|^[A-Z][a-z]{2}(?:ship|ment|ness)$"
)


def _could_be_surname(
    text: str,
    first: re.Match[str],
    token: re.Match[str],
    registry: Registry,
    name_tokens: list[re.Match[str]],
    surnames: AbstractSet[str] = frozenset(),
) -> bool:
    """Whether a lone capitalised word names a person: after an honorific, as a name the registry
    knows, as the surname of a full name written earlier ("Oleg Tokhtarov ... According to
    Tokhtarov,"), or followed by a verb of speech or action ("Zas said").

    By the verb alone it is not when the word reads as a common noun: it ends as one does
    ("Membership", "Procurement"), the text also writes it in lower case, or only an auxiliary
    follows it ("Readiness is higher") and it has no surname's ending of the region ("Karimzoda will")."""
    word = token.group(0).replace("’s", "").replace("'s", "")
    if any(_HONORIFIC.match(t.group(0)) for t in name_tokens) or word in surnames:
        return True
    if word.lower() in registry.person_by_alias or word in registry.name_parts:
        return True
    after = text[token.end() : token.end() + 80]
    if _COMMON_NOUN.match(word):
        return False
    if not _SPEECH_NEAR.match(after) and not (_AUXILIARY_NEAR.match(after) and has_surname_ending(word)):
        return False
    lower = word.lower()
    # Nowhere in the text at all (most surnames): then surely never written in lower case.
    return lower not in text or lower not in _lower_case_words(text)


def build_index(text: str, registry: Registry, blocked: AbstractSet[str]) -> PeopleIndex:
    """Find every mention and map each written form to the fullest name."""
    mentions = find_mentions(text, registry, blocked)
    index = PeopleIndex(mentions=mentions)
    full_names = sorted({m.words for m in mentions if len(m.words.split()) >= 2}, key=lambda n: (-len(n), n))
    for mention in mentions:
        if mention.words not in index.canonical:  # a name written again resolves alike
            index.canonical[mention.words] = _fullest(mention.words, full_names, registry, mentions)
    # Roles: the first role the text gives a person, else the registry's.
    for mention in mentions:
        name = index.canonical[mention.words]
        if mention.role and name not in index.roles:
            index.roles[name] = (mention.role, Evidence(f"{mention.role} {mention.words}", "text", 0.8))
    for mention in mentions:
        name = index.canonical[mention.words]
        if name not in index.roles or _only_a_rank(index.roles[name]):
            found = _lower_role_before(text, mention) or _office_before_comma(text, mention)
            if found:
                index.roles[name] = (found[0], Evidence(found[1], "text", 0.7))
    for mention in mentions:
        name = index.canonical[mention.words]
        if name not in index.roles:
            appositive = _appositive_role(text, mention, mentions)
            if appositive:
                index.roles[name] = (appositive, Evidence(f"{mention.words}, {appositive}", "text", 0.75))
    _find_counterparts(text, index)
    for mention in mentions:
        name = index.canonical[mention.words]
        title = _title_before(text, mention, mentions)
        if title and name not in index.titles:
            index.titles[name] = title
    for name in sorted(set(index.canonical.values())):
        person = registry.person_by_alias.get(name.lower())
        if person and person.role:
            index.registry_roles[name] = person.role
            if name not in index.roles:
                index.roles[name] = (person.role, Evidence(person.name, "registry", 0.6))
    # "Secretary of the Security Council of Kyrgyzstan Marat Imankulov": the office is the role. So it is when
    # the words right before the name are only the end of it ("... of the Republic of Tajikistan Colonel General").
    for name, title in index.titles.items():
        role = index.roles.get(name)
        if role is None or (role[1].rule == "text" and title.endswith(" " + role[0])):
            index.roles[name] = (title, Evidence(f"{title} {name}", "text", 0.7))
    # "Zaur Shiriyev of the International Crisis Group": where the text gives nothing better, the
    # institution the person is of is their role, in the words the text writes it.
    for mention in mentions:
        name = index.canonical[mention.words]
        if name not in index.roles:
            found = _affiliation(text, mention, registry)
            if found:
                index.roles[name] = (found[0], Evidence(found[1], "text", 0.65, note="the institution named after"))
    _join_offices_to_the(text, index)
    for name, (role_text, evidence) in list(index.roles.items()):
        office = without_rank(role_text) if evidence.rule == "text" else role_text
        if office != role_text:
            index.roles[name] = (office, evidence)  # the evidence keeps the words as written, rank and all
    return index


# "Adviser to the President X", "Assistant to the Secretary General X", "Deputy to the Chief of General Staff
# X": an office held for the holder of another, written before the role the text gives right before the name.
# The two are one title: X is the adviser, never the President. Without "the" ("an aide to President X") the
# name is the second office's holder, and the role stays so.
_OFFICE_TO_THE = re.compile(
    r"(?<![\w'’-])(?P<office>(?:[A-Z][\w'’-]*\s+){0,3}(?:[Aa]dviser|[Aa]dvisor|[Aa]ssistant|[Aa]ide|[Dd]eputy"
    r"|[Cc]ounsell?or|[Ss]pokes(?:man|woman|person)|[Cc]hief\s+of\s+[Ss]taff|[Ss]ecretary|[Ee]nvoy"
    r"|[Rr]epresentative)\s+to\s+the)\s+$"
)


def _join_offices_to_the(text: str, index: PeopleIndex) -> None:
    """Make a role the text wrote right after "<office> to the" the whole title ("Adviser to the President").

    A name the registry gives the second office ("an aide to the President Vladimir Putin") keeps it:
    there the aide is someone else, unnamed."""
    joined: set[str] = set()
    for mention in index.mentions:
        name = index.canonical[mention.words]
        role = index.roles.get(name)
        if role is None or role[1].rule != "text" or name in joined:
            continue
        start = mention.start - len(role[0]) - 1
        if start < 0 or text[start : mention.start] != role[0] + " ":
            continue
        found = _OFFICE_TO_THE.search(text, max(0, start - 80), start)
        if not found or _registry_office(role[0], index.registry_roles.get(name)):
            continue
        tokens = found.group("office").split()
        while tokens and tokens[0].lower() in _WHEN_WORDS:
            tokens = tokens[1:]  # "On Monday Adviser to the ...": the sentence's first words
        title = f"{' '.join(tokens)} {role[0]}"
        index.roles[name] = (title, Evidence(f"{title} {mention.words}", "text", role[1].confidence))
        joined.add(name)


def _registry_office(role: str, registry_role: str | None) -> bool:
    """Whether the registry's role for a person ("President of Russia") holds the first or the last word
    of `role` ("President"): then the text names them as that office's holder."""
    words = set(registry_role.lower().split()) if registry_role else set()
    tokens = role.lower().split()
    return tokens[0] in words or tokens[-1] in words


# "of the International Crisis Group", "from the Moscow State Institute of International Relations": capitalised
# words, with the small words of a body's name between them, right after a person's name.
_AFFILIATION = re.compile(
    r",?[ ]+(?:of|from)[ ]+(?:the[ ]+)?(?P<body>[A-Z][\w'’&.-]*(?:[ ]+(?:[A-Z][\w'’&.-]*|of|for|on|and|the|in|&))*)"
)
_WORD_SPAN = re.compile(r"\S+")
_SMALL_WORDS = frozenset({"of", "for", "on", "and", "the", "in", "&"})
# The head nouns that make a run of capitalised words a body a person works for ("Institute", "Group").
_BODY_HEADS = frozenset({
    "group", "institute", "institution", "endowment", "university", "centre", "center", "council", "foundation",
    "school", "academy", "club", "fund", "commission", "committee", "ministry", "agency", "service", "office",
    "corporation", "company", "society", "association", "movement", "forum", "network", "initiative", "programme",
    "program", "project", "studies", "research", "chamber", "court", "college", "department", "embassy",
    "parliament", "assembly", "organization", "organisation", "staff", "secretariat", "laboratory", "observatory",
    "bureau", "directorate", "administration", "mission", "party", "alliance", "faculty", "board", "union",
})  # fmt: skip


def _affiliation(text: str, mention: Mention, registry: Registry) -> tuple[str, str] | None:
    """(the body, the words as written) when a body's name follows the person's: "X of the Y Institute".

    The name must hold a body's head noun, or be an organisation the registry lists, and be no
    place: "Putin of Russia" is of a country, "Petrov of the opposition" of no body the text names."""
    match = _AFFILIATION.match(text, mention.end, mention.end + 160)
    if not match or mention.possessive:
        return None
    tokens = list(_WORD_SPAN.finditer(match.group("body")))
    while tokens and tokens[-1].group(0).lower() in _SMALL_WORDS:
        tokens.pop()
    if not tokens:
        return None
    end = match.start("body") + tokens[-1].end()
    end -= text[end - 1] == "."  # the sentence's full stop
    body = text[match.start("body") : end]
    words = body.split()
    if any(p.name == body or body in p.aliases for p in registry.places):
        return None
    lowered = {w.lower().rstrip(".,") for w in words}
    if not lowered & _BODY_HEADS and not any(o.name == body or body in o.aliases for o in registry.organizations):
        return None
    return body, text[mention.start : end]


# Military and police ranks written between an office and the name ("Chief of the CSTO Joint Staff Colonel
# General Andrei Serdyukov"), longest first so "Colonel General" goes as one.
_RANKS = (
    "general of the army", "colonel general", "lieutenant general", "major general", "brigadier general",
    "army general", "lieutenant colonel", "vice admiral", "rear admiral", "admiral", "marshal", "colonel",
    "major", "captain", "lieutenant", "general",
)  # fmt: skip
# "Secretary General", "Director General": there "General" belongs to the office, it is no rank.
_GENERAL_OFFICES = frozenset({
    "secretary", "director", "attorney", "consul", "inspector", "prosecutor", "procurator", "governor", "surgeon",
    "auditor", "comptroller", "solicitor", "postmaster", "adjutant", "quartermaster",
})  # fmt: skip
_RANK_WORDS = frozenset(word for rank in _RANKS for word in rank.split())
# Words that make what is left before a rank an office; "state" or "national" alone do not.
_OFFICE_WORDS = ROLE_WORDS - _RANK_WORDS - HONORIFICS - {"state", "security", "council", "national", "organization"}


def without_rank(role: str) -> str:
    """The office of a role written as an office and then a rank ("Minister of Defence of the Republic
    of Belarus Lieutenant General" -> "Minister of Defence of the Republic of Belarus"): the rank
    says what the person is in the army, the office what they speak for. A role that is only a rank
    ("Colonel General"), or whose other words hold no office, is kept as written."""
    tokens = role.split()
    while tokens:
        lowered = [t.lower() for t in tokens]
        cut = next(
            (
                len(tokens) - len(rank.split())
                for rank in _RANKS
                if lowered[-len(rank.split()) :] == rank.split() and len(tokens) > len(rank.split())
            ),
            None,
        )
        if cut is None or (lowered[cut:] == ["general"] and lowered[cut - 1] in _GENERAL_OFFICES):
            break
        rest = tokens[:cut]
        if not {t.lower().strip(",") for t in rest} & _OFFICE_WORDS:
            break
        tokens = rest
    return " ".join(tokens).rstrip(",")


def _fullest(written: str, full_names: list[str], registry: Registry, mentions: list[Mention]) -> str:
    parts = written.split()
    # the registry's canonical name for an alias
    known = registry.person_by_alias.get(written.lower())
    if known:
        return known.name
    fuller = {
        _registry_name(full, registry): None
        for full in full_names
        if full != written and len(parts) < len(full.split()) and _is_short_form(parts, full.split())
    }
    if len(fuller) == 1:
        return next(iter(fuller))
    if len(fuller) > 1:
        return written  # "Rahimzoda" beside two Rahimzodas: which one is not ours to guess
    if len(parts) == 1:
        word = parts[0]
        surnames = [p for p, _first, last in _first_and_last(registry.people) if last == word]
        if len(surnames) == 1:
            return surnames[0].name
        firsts = [p for p, first, _last in _first_and_last(registry.people) if first == word]
        mentioned = {m.words for m in mentions}
        for person in firsts:
            if person.name.split()[-1] in mentioned:
                return person.name
    if len(parts) >= 2:
        return _registry_name(written, registry)
    return written


def _registry_name(full: str, registry: Registry) -> str:
    """The registry's name for a full name: by alias, or by one registry person of the same
    surname and first name (`Alexander Grigorievich Lukashenko` is `Alexander Lukashenko`).

    Short forms resolve through this too, so that `Lukashenko` beside the
    patronymic form is the one person the registry knows, not a second one."""
    known = registry.person_by_alias.get(full.lower())
    if known:
        return known.name
    parts = full.split()
    surnames = [p for p, _first, last in _first_and_last(registry.people) if last == parts[-1]]
    if len(surnames) == 1 and _same_person(parts, surnames[0].name.split()):
        return surnames[0].name
    return full


_split_names: dict[int, tuple[tuple[Person, ...], tuple[tuple[Person, str, str], ...]]] = {}


def _first_and_last(people: tuple[Person, ...]) -> tuple[tuple[Person, str, str], ...]:
    """Each registry person with the first and last word of their name, split once per process.

    The same tuple comes with every article, so it is recognised by identity;
    keeping it in the cache keeps its id from being reused."""
    cached = _split_names.get(id(people))
    if cached is not None and cached[0] is people:
        return cached[1]
    split = tuple((person, person.name.split()[0], person.name.split()[-1]) for person in people)
    if len(_split_names) >= 16:
        _split_names.clear()
    _split_names[id(people)] = (people, split)
    return split


def _same_person(parts: list[str], other: list[str]) -> bool:
    """Same surname and same first name (or its initial): `Nikolai N. Bordyuzha` is
    `Nikolai Bordyuzha`; middle names and patronymics may be left out."""
    if parts[-1] != other[-1]:
        return False
    first, other_first = parts[0], other[0]
    if first.endswith(".") or other_first.endswith("."):
        return first[0] == other_first[0]
    return first == other_first


def _is_short_form(parts: list[str], full_parts: list[str]) -> bool:
    """`Zas` of `Stanislav Zas`; `V. Semerikov` of `Valery Semerikov`;
    `Stanislav Vasilyevich` (name and patronymic) of `Stanislav Vasilyevich Zas`."""
    if len(parts) >= 2 and parts == full_parts[: len(parts)]:
        return True
    if parts[-1] != full_parts[-1]:
        return False
    for part, full in zip(parts[:-1], full_parts[: len(parts) - 1], strict=False):
        if part.endswith(".") and not full.startswith(part[0]):
            return False
        if not part.endswith(".") and part != full:
            return False
    return True


# "Kyrgyz security service chief Kamchybek Tashiev": a role in lower case right before the name.
_LOWER_ROLE_HEADS = (
    "chief", "minister", "spokesman", "spokeswoman", "spokesperson", "head", "president", "secretary", "ambassador",
    "commander", "director", "leader", "analyst", "expert", "scientist", "envoy", "adviser", "advisor", "deputy",
    "chairman", "chairwoman", "general", "aide", "judge", "rector", "attaché", "attache", "ombudsman", "governor",
    "mayor", "speaker", "commissioner",
)  # fmt: skip
_LOWER_ROLE = re.compile(
    r"(?P<role>(?:[A-Z][\w-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,3}(?:" + "|".join(_LOWER_ROLE_HEADS) + r"))\s+$"
)


def _lower_role(before: str) -> re.Match[str] | None:
    """`_LOWER_ROLE` in the text before a name. It can only match where that text ends in
    a role word and white space, which is checked first: the search itself tries every
    position of the window."""
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped.endswith(_LOWER_ROLE_HEADS):
        return None
    return _LOWER_ROLE.search(before)


# A rank written between an office and the name, in full or cut short: "CSTO Joint Staff chief Col. Gen.
# Andrei Serdyukov", "border guard commander Lieutenant General X". The office is the role.
_TRAILING_RANK = re.compile(
    r"(?<![\w'’-])(?:(?:Gen|Col|Lt|Lieut|Maj|Brig|Adm|Capt|Cmdr|Cdr|Vice|Rear)\.?\s+"
    r"|(?:General|Colonel|Lieutenant|Major|Brigadier|Admiral|Marshal|Captain|Vice|Rear|Army)\s+){1,4}$"
)


def _lower_role_before(text: str, mention: Mention) -> tuple[str, str] | None:
    """(the role, the words as written) of an office in lower case right before a name, a rank
    between them or not ("presidential aide X", "Joint Staff chief Col. Gen. X"). The rank stays
    in the evidence only: it says what the person is in the army, the office what they speak for."""
    before = text[max(0, mention.start - 100) : mention.start]
    rank = _TRAILING_RANK.search(before)
    office_end = rank.start() if rank else len(before)
    lower = _lower_role(before[:office_end])
    role = _role_after_lead_in(lower.group("role")) if lower else None
    if not role:
        return None
    return role, " ".join(filter(None, (role, " ".join(before[office_end:].split()), mention.words)))


# "his Belarusian counterpart Sergei Aleinik", "her Kazakh counterpart, Maj. Gen. X": a country's adjective
# (or none) and "counterpart" right before a name (a comma or a rank between them or not).
# With no adjective ("his counterpart X", "his new counterpart, X") the office is only "counterpart": of no
# country the text says, but still someone's, so that "the counterpart said" can name the one such person.
_COUNTERPART = re.compile(r"(?<![\w'’-])(?P<words>(?:[A-Z][a-z]+\s+)?counterparts?)\s*,?\s+$")


def _counterpart_before(text: str, mention: Mention) -> str | None:
    """The words ("Belarusian counterpart", or "counterpart" alone) that make the person named at `mention`
    the holder of an office of that country (of none the text names), the office of the one whose
    counterpart they are, whichever it is."""
    before = text[max(0, mention.start - 80) : mention.start]
    if "counterpart" not in before:
        return None
    rank = _TRAILING_RANK.search(before)
    found = _COUNTERPART.search(before, 0, rank.start() if rank else len(before))
    return found.group("words") if found else None


# Between the names of a list: "his counterparts X and Y", "X, Y and Z".
_LIST_GAP = re.compile(r"(?:\s*,)?\s+and\s+|\s*,\s*")


def _find_counterparts(text: str, index: PeopleIndex) -> None:
    """Fill `PeopleIndex.counterparts`: the one named right after "counterpart", and after "counterparts"
    every name of the list it opens ("his counterparts X and Y"), so that "the counterpart" is not the
    first of two."""
    plural: str | None = None  # the words of "counterparts" whose list the previous name was of
    previous: Mention | None = None
    for mention in index.mentions:
        counterpart = _counterpart_before(text, mention)
        if counterpart is None and plural and previous and _LIST_GAP.fullmatch(text, previous.end, mention.start):
            counterpart = plural
        name = index.canonical[mention.words]
        if counterpart and name not in index.counterparts:
            index.counterparts[name] = counterpart
        plural = counterpart if counterpart and counterpart.endswith("counterparts") else None
        previous = mention


# `said the chief of staff, Lt. Gen. X`, `according to the CSTO secretary general, X`: an office with "the",
# then a comma and the name of its holder, after a verb of speech (or with a rank before the name).
_OFFICE_BEFORE_COMMA = re.compile(
    r"(?:\b(?P<verb>said|says|told|added|noted|stressed|explained|wrote|according to)\s+)?\b[Tt]he\s+"
    r"(?P<office>(?:[\w'’-]+\s+){0,5}?[\w'’-]+),\s+$"
)


_OFFICE_HEADS = frozenset(_LOWER_ROLE_HEADS)
_NOT_IN_AN_OFFICE = frozenset({"and", "or", "but", "that", "who", "which", "whom", "when", "while"})


def _office_before_comma(text: str, mention: Mention) -> tuple[str, str] | None:
    """(the office, the words as written) of `said the chief of staff, Lt. Gen. X`: the office set before
    the name it is held by. Only after a verb of speech (or before a rank): "After meeting the president,
    Lavrov said" makes Lavrov no president. The office must hold the word of a person's office."""
    before = text[max(0, mention.start - 100) : mention.start]
    if not before.endswith(" "):
        return None
    rank = _TRAILING_RANK.search(before)
    office_end = rank.start() if rank else len(before)
    if not before[:office_end].rstrip().endswith(","):
        return None  # most names: no comma right before them (or their rank)
    found = _OFFICE_BEFORE_COMMA.search(before, 0, office_end)
    if not found or not (found.group("verb") or rank):
        return None
    office = found.group("office")
    tokens = set(office.lower().split())
    if not tokens & _OFFICE_HEADS or tokens & _NOT_IN_AN_OFFICE:
        return None
    return office, " ".join([*before[found.start("office") :].split(), mention.words])


def _only_a_rank(role: tuple[str, Evidence]) -> bool:
    """Whether a role the run of name words gave is only a rank ("Colonel General"): an office in
    lower case before it ("border guard commander Colonel General X") says more."""
    words = role[0].lower().split()
    return role[1].rule == "text" and bool(words) and all(w in _RANK_WORDS for w in words)


# Words that end the sentence's lead-in rather than belong to a role: "According to
# security analyst X", "told by expert X", "said Kremlin spokesman X".
_LEAD_IN_WORDS = {
    "according", "to", "by", "with", "from", "for", "at", "as", "on", "in", "the", "a", "an", "and", "that",
    "said", "says", "told", "added", "noted", "wrote",
}  # fmt: skip


_WHEN_WORDS = _NOT_ROLE_LEAD | {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip


def _role_after_lead_in(role: str) -> str | None:
    """The role without the words before it that only lead into the name."""
    tokens = role.split()
    cut = max((i + 1 for i, token in enumerate(tokens) if token.lower() in _LEAD_IN_WORDS), default=0)
    while cut < len(tokens) - 1 and tokens[cut].lower().strip(",") in _WHEN_WORDS:
        cut += 1  # "On Tuesday Kremlin spokesman X": the day is when, not part of the office
    return " ".join(tokens[cut:]) or None


_APPOSITIVE = re.compile(r"^,\s+(?:(?:the|a|an)\s+)?(?P<role>[^,;()]{3,90}?)(?:\s*\([A-Z]{2,6}\))?(?=,|\.|;)")


# `Li Xin, director of the Institute of European and Asian Studies at the Shanghai Institutes for International
# Studies, told`: an office at an institution, whose name may be longer than `_APPOSITIVE` takes, up to the
# comma that closes it.
_OFFICE_AT = re.compile(
    r"^,\s+(?P<role>(?:[a-z][\w-]*\s+){0,2}(?:director|head|chairman|chairwoman|chair|professor|researcher|fellow"
    r"|dean|rector|lecturer|scholar)\s+(?:of|at)\s+[^,;()\"“”]{3,160}?),"
)
# A clause or a time inside the words after a name ("head of the delegation that arrived on Monday",
# "chairwoman of the council since it was set up"): the role ends before it.
_CLAUSE_IN_ROLE = re.compile(
    r"\s+(?:who|whom|whose|which|that|where|when|while|since|after|before|because|if|until|is|was|were|has|had"
    r"|have|will|would|said|says|told)\s.*$"
)
_ROLE_LIMIT = 110  # characters: a longer role is cut where a place or an institution is added ("... at Y")
_ROLE_CUT = re.compile(r"\s+(?:at|in)\s")  # not "of": that may be inside the institution's name
_ROLE_TAIL = re.compile(r"(?:\s+(?:of|at|in|for|the|and|on|a|an))+$")


def _trimmed_role(role: str) -> str | None:
    """The role without a clause after it, and, when longer than `_ROLE_LIMIT`, cut before the last
    "at" or "in" that leaves it within the limit (where the place or the institution is added);
    None when no such cut is left."""
    role = _ROLE_TAIL.sub("", _CLAUSE_IN_ROLE.sub("", role.strip()))
    if len(role) > _ROLE_LIMIT:
        cuts = [m.start() for m in _ROLE_CUT.finditer(role, 0, _ROLE_LIMIT + 1) if m.start() <= _ROLE_LIMIT]
        role = role[: cuts[-1]] if cuts else ""
    return role if len(role.split()) >= 1 and len(role) >= 3 else None


def _appositive_role(text: str, mention: Mention, mentions: list[Mention]) -> str | None:
    """`X, the CSTO chief,`: the words after a name's comma, when they open with a role word; a
    clause after them is no part of the role (see `_trimmed_role`).

    In a list ("Tokayev, President of Belarus Alexander Lukashenko, ...") those words
    hold the next person's name and role: they are not the first person's."""
    window = text[mention.end : mention.end + 200]
    match = _OFFICE_AT.match(window) or _APPOSITIVE.match(window[:140])
    if not match:
        return None
    end = mention.end + match.end("role")
    if any(mention.end < other.start < end for other in mentions):
        return None
    role = _trimmed_role(match.group("role"))
    if role is None:
        return None
    first = role.split()[0].lower()
    if first in ROLE_WORDS or first in {"csto", "russian", "armenian", "kazakh", "belarusian", "kyrgyz", "tajik"}:
        return role
    occupation = _OCCUPATION.match(text, mention.end)
    return role if occupation and occupation.end() <= end else None


# `Dosym Satpayev, an Almaty-based political analyst,` / `Laurence Broers, an associate fellow at Chatham
# House.` / `X, Norway's ambassador to Portugal,`: an article or a country's possessive, then words in lower
# case (or hyphenated, "Almaty-based", or a country's adjective, "the Swedish envoy") ending in an
# occupation, maybe followed by where the person holds it or to whom. Without the article ("Peskov,
# speaking on Friday,") or without the occupation ("Putin, the host,") the words are an aside, not a role.
_OCCUPATIONS = (
    "analyst", "expert", "fellow", "scientist", "researcher", "scholar", "professor", "lecturer", "historian",
    "economist", "specialist", "commentator", "columnist", "journalist", "correspondent", "editor", "diplomat",
    "lawyer", "lawmaker", "official", "officer", "adviser", "advisor", "director", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "minister", "commander", "deputy", "chairman", "chairwoman",
)  # fmt: skip
_OCCUPATION = re.compile(
    r",\s+(?:a|an|the|[A-Z][a-z]+['’]s)\s+(?:(?:[a-z][\w’'-]*|[A-Z][\w’']*-[a-z][\w-]*|[A-Z][a-z]+)\s+){0,3}(?:"
    + "|".join(_OCCUPATIONS)
    + r")(?=[,.;]|\s+(?:at|of|with|in|for|from|on|to)\s)"
)


# "Minister of Defense of the Republic of Tajikistan Colonel General Emomali Sobirzoda": capitalised
# words joined by "of" (and "the") right before a name. The name's run of words stops at "of", so the
# role found there is only "Colonel General"; this finds the office before it.
# "for" joins them too ("Head of the State Committee for National Security Kamchybek Tashiev").
_TITLE = re.compile(r"(?<![\w'’-])(?P<title>(?:[A-Z][\w'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){2,12})$")
# "Head of the Kyrgyz border service Kamchybek Tashiev": the head of a body named in lower case, the
# body's noun right before the name.
_HEAD_OF_BODY = re.compile(
    r"(?<![\w'’-])(?P<title>(?:Deputy\s+)?(?:Head|Chief|Director|Chairman|Chairwoman|Commander)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,3}(?:service|committee|ministry|agency|department|staff"
    r"|council|guard|directorate|administration|forces|troops|police)\s+)$"
)
# "Russian Ambassador to Belarus Boris Gryzlov", "Permanent Representative to the UN X", "the envoy in Yerevan
# X", "Special Representative of the President to the CSTO X": a diplomat's office joined by "to" or "in" to
# the country or the body it deals with, whose capitalised name comes right before the person's.
_TITLE_TO = re.compile(
    r"(?<![\w'’-])(?P<title>(?:[A-Z][\w'’-]*\s+){0,4}(?:(?:special|deputy|senior|permanent|presidential"
    r"|plenipotentiary|acting|former|chief|top|military|trade|defen[cs]e)\s+){0,2}"
    r"(?:[Aa]mbassador|[Ee]nvoy|[Rr]epresentative|[Aa]dviser|[Aa]dvisor|[Aa]ide|[Aa]ttach[ée]|[Cc]ommissioner)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
    r"\s+(?:to|in)\s+(?:the\s+)?(?P<where>(?:[A-Z][\w'’.-]*\s+){1,4}))$"
)
# An office after "to" is someone else's: "an aide to President X" makes X no aide.
_NOT_A_PLACE = frozenset(_LOWER_ROLE_HEADS) | {"prime", "premier"} | HONORIFICS
# "the Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov": a title, a comma, a rank, the name.
_COMMA_RANK = re.compile(r",\s+(?P<rank>(?:[A-Z][a-z]+\s+){1,3})$")
_PERSON_TITLE_HEADS = frozenset({
    "head", "chief", "director", "chairman", "chairwoman", "commander", "minister", "secretary", "deputy",
})  # fmt: skip


def _title_to(segment: str) -> re.Match[str] | None:
    """`_TITLE_TO` at the end of `segment`, when what follows "to" or "in" is no one's office."""
    if " to " not in segment and " in " not in segment:
        return None
    match = _TITLE_TO.search(segment)
    if match is None or {w.lower().rstrip(".") for w in match.group("where").split()} & _NOT_A_PLACE:
        return None
    return match


def _title_before(text: str, mention: Mention, mentions: list[Mention]) -> str | None:
    """A long title before `mention` holding "of" and a role word, with no other name inside it."""
    window_start = max(0, mention.start - 140)
    end, rank = mention.start, ""
    ranked = _COMMA_RANK.search(text, window_start, end)
    if ranked and ranked.group("rank").strip().lower() in _RANKS:
        end, rank = ranked.start(), ", " + ranked.group("rank").strip()
    segment = text[window_start:end] + (" " if rank else "")  # the title's last word before the comma
    match = _TITLE.search(segment)
    if not match or " of " not in match.group("title"):
        match = None if rank else _HEAD_OF_BODY.search(segment) or _title_to(segment)
        if not match:
            return None
    if rank and match.group("title").split()[0].lower() not in _PERSON_TITLE_HEADS:
        return None  # "In the Ministry of Defence, Colonel General X": no office of X's
    start = window_start + match.start("title")
    if any(start <= m.start < mention.start for m in mentions if m is not mention):
        return None  # "Putin of Russia Tokayev": a title holding another person is no one's
    tokens = match.group("title").split()
    while tokens and tokens[0].lower() in _NOT_ROLE_LEAD:
        tokens = tokens[1:]
    title = " ".join(tokens)
    words = {t.lower() for t in tokens} - HONORIFICS
    return title + rank if words & (ROLE_WORDS - {"state", "security", "council", "national", "organization"}) else None
