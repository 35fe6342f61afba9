"""Direct quotations and who said them.

A quotation is words inside quote marks (curly, straight, «guillemets»,
„low-high“), or speech with no marks that ends in an attribution and speaks
in the first person (`..., said Imangali Tasmagambetov.`), or speech set off by
dashes with its attribution between two of them (`- We respect ..., - Zas said. -
Our task is ...`, both parts his; a list item or a dash around an aside is none),
or an answer in an interview laid out as questions and answers, or unmarked
speech under a lead-in that names the speaker and ends in a colon. Quoted names of programmes,
titles and scare quotes are not quotations of a speaker; a phrase of two to four
words inside a sentence is one only as the claim of a clause a named person is
reported saying (`Putin said Armenia "remains a close ally"`, see `_claims`; after "that",
a predicate opening with a verb's form: `told TASS on Friday that the drills "send a clear
signal"`, see `_claims_after_that`); a lower-case phrase of one to ten words in that clause is the
speaker's too as its predicate (`said Moscow "welcomes" the offer`), a circumstance of its verb
(`would respond "shortly"`, `could be sent "within hours" if`) or its end with the stop inside the
marks (`would leave "when the time comes."`), never after a word of naming or a term, nor inside a
noun phrase (see `_reported_words`). A sentence ending in `, said X` reports X saying the phrase
inside it (`would be "a symbolic blow" for Moscow, said X`, see `_said_at_sentence_end`).

The speaker comes from the attribution next to the quote: after it
(`," Zas said`, `," said Zas`, `," the CSTO chief said`, `," he added`, `," said the
chief of staff, Lt. Gen. X`: a rank cut short ends no subject, and an office followed
by its holder's name is that person),
before it (`Lavrov said: "`, `According to him, "`), or from the sentence
that leads into it. A quote that ends its sentence is the speaker's its own sentence
names before it (`He said: "..." Peskov said Moscow ...` is his, not Peskov's), and a next
sentence that goes on into words of its own (`"..." Peskov said Moscow would ...`) claims
it for no one (see `_reports_a_clause`): the quote keeps what the rules give it without that
sentence, or no speaker, but is never dropped for it. A pronoun is the person last named before it, but
no one named later in its own sentence (`," he told Putin`), and no one at all when someone
unnamed spoke since (`a source told TASS ... "...," he said`); a role ("the minister") is
the person in the article holding that role (with a country's adjective, "the Belarusian
minister", only someone holding that office of that country and of no other, a "Belarusian
counterpart" included: else no one); "the Kremlin aide" and "his Belarusian counterpart" are
the one person the article gives that office (an aide or adviser of the Kremlin, someone the text
calls a Belarusian counterpart), with two or none no one; and someone else's aide (`Lukashenko's
spokesman`, `a source close to Lavrov`) or an office with "a" (`a Russian diplomat`) is not
a named person. A body (`the ministry`, `the Constitutional Court`, `the election commission`, `the
Khural's presidium`, see `_SOURCE_NOUNS`) is no person either: its quote is kept with no speaker, and
is no one else's. Where nothing attributes it, the speaker is null rather than a guess.

An interview's answers are the interviewee's: the one the title or the intro says is interviewed or
spoke (`an interview with X`, `X spoke to our correspondent`), else the one person the intro names;
with two, or none, they are no one's. A bare surname two people named in full share is the one the
text last made the subject of a verb of speech before it, or stays the bare surname; a one-word name
that is the first word of one two-word name written before it, where no name ends in it, is that
person (`Li Xin ... Li said`: the surname written first).

A quote over several paragraphs, each opening with a mark and only the last closing, is one
quote per paragraph (the opening marks between them are no one's words), all credited to whoever
its end names, or else its start.

Every quote's text is a span of the article's cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Evidence, Quote
from .gender import pronoun_gender
from .guard import guarded, tail_start
from .outlets import find_dateline
from .people import NOT_NAME_WORDS, PRONOUNS, ROLE_WORDS, Mention, PeopleIndex, strip_honorific
from .text import comparable, words

OPENERS = "“«„"
CLOSERS = "”»"
_DOUBLE_MARKS = re.compile(r'["“”«»„]')
_STRAIGHT_SINGLE = re.compile("'")
SPEECH_VERB = (
    r"(?:said|says|say|told|tells|stated|states|noted|notes|added|adds|stressed|stresses|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underscored|explained|clarified|remarked|declared|"
    r"announced|affirmed|asserted|insisted|continued|concluded|recalled|warned|admitted|"
    r"acknowledged|argued|believes|commented|observed|pointed out|wrote|writes|replied|responded|"
    r"answered|asked|wondered|quipped|joked|assured|confirmed|reiterated|highlighted|mentioned|informed|urged|suggested|specified|"
    r"complained|promised|went on|summed up|elaborated|opined|predicted|cautioned|vowed|conceded|"
    r"(?:was|is|were) (?:cited|quoted) as saying|quoted|explains|adds|stresses|notes|shared|"
    r"(?:also|further|then|has|had|later) (?:said|noted|added|stressed|told|stated))"
)
_VERB = guarded(re.compile(rf"\b{SPEECH_VERB}\b"))
# `As Tajik Foreign Minister X put it in Minsk a year earlier, "`: "put it" is no verb of speech alone
# ("put it on the agenda"), so only after "as" and a subject does it attribute.
_ACCORDING = guarded(
    re.compile(
        r"(?:\b(?:according to|in the words of|as (?:put|noted|stated|said) by)\s+(?P<who>[^,:;]{2,80}?)"
        r"|\bin\s+(?P<own>his|her)\s+(?:own\s+)?words"
        r"|\bas\s+(?P<as_who>[^,:;\"“”«»]{2,80}?)\s+(?:(?:has|had|once|later|then|so aptly)\s+)?(?:put|phrased) it\b"
        r"[^,:;.!?\"“”«»]{0,80}?)\s*[,:]\s*$",
        re.IGNORECASE,
    )
)
_FIRST_PERSON = guarded(re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|I'm|we're|We're|I've|we've|We've)\b"))
# Ranks and offices cut short before a name ("Col. Gen. Andrei Serdyukov", "Gov. X", "Amb. X"): their
# full stops end no sentence and no subject.
_SHORT_RANKS = (
    "Col", "Gen", "Lt", "Maj", "Brig", "Adm", "Capt", "Sgt", "Cpl", "Gov", "Sen", "Rep", "Amb", "Lieut", "Cmdr",
)  # fmt: skip
_NOT_AFTER_SHORT_RANK = "".join(rf"(?<!\b{rank})" for rank in _SHORT_RANKS)
_AFTER_SHORT_RANK = "|".join(rf"(?<=\b{rank})" for rank in _SHORT_RANKS)
_SUBJECT_BOUNDARY = guarded(
    re.compile(
        r"[,;:!?\"“”«»()—–]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\b[A-Z])"
        + _NOT_AFTER_SHORT_RANK
        + r"\.|\band\b|\bbut\b|\bthat\b|\bwhile\b"
    )
)
# An aside between a subject and its verb: "The Russian president, for his part, noted that ..."
_ASIDE = re.compile(
    r",\s*(?:for (?:his|her|their) part|in (?:his|her|their) turn|in turn|meanwhile|however|in particular"
    r"|in response)\s*,"
)
# `... spoke in parliament and said`, `..., and stated`: a verb that opens a second predicate, no subject of its own.
_COORDINATED = re.compile(r"(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|later|further)\s+)?$")
_ADVERBS = {"also", "further", "then", "later", "has", "had", "once", "again", "earlier", "recently", "was", "is"}

# Compiled once here rather than at each call: these run for every quote.
_SENTENCE_MARK = re.compile(r"[.!?…]")
_AFTER_LEAD = re.compile(r"^\s*[,.]?\s*(?:[—–-]+\s*)?")
# `," said Lt. Gen. Anatoly Sidorov`, `," said Mr. Ushakov`: the subject may hold the stops of short ranks
# and of honorifics.
_AFTER_HONORIFIC = r"(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr)|(?<=\bProf)"
_VERB_THEN_WHO = re.compile(
    rf"^(?P<verb>{SPEECH_VERB})\s+(?P<who>(?:[^,.;:!?\"“”]|(?:{_AFTER_SHORT_RANK}|{_AFTER_HONORIFIC})\.){{2,80}})"
)
# `," said the chief of staff, Lt. Gen. Anatoly Sidorov.`: an office, a comma, a rank maybe, then the
# name that holds the office, ending the sentence or the clause.
_ENDS_CLAUSE = re.compile(r"\s*(?:[.,;!?]|$)")
_NAME_AFTER_OFFICE = re.compile(rf",\s+(?:(?:{'|'.join(_SHORT_RANKS)})\.\s+)*")
# `," the official, who asked not to be named, said`: a subject, a relative clause set off by commas, the verb.
_SUBJECT_THEN_CLAUSE = re.compile(
    rf"^(?P<subject>[^,.;:!?\"“”]{{2,60}}?),\s*(?:who|whose|which)\b[^,.;!?\"“”]{{1,90}},\s*(?P<verb>{SPEECH_VERB})\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# `Lukashenko added that "the union will stand."`: words of speech, so a short quotation, not a phrase;
# so after a participle of speech and when it was said (`warning in 2021 that "..."`).
_SAID_THAT = re.compile(
    rf"\b(?:{SPEECH_VERB}|saying|warning|adding|noting|stressing|insisting)"
    r"(?:\s+(?:in|on|last|this|earlier|also|again|repeatedly|year|week|month|\d{4}|[A-Z][a-z]+day))*\s+that$"
)
# Verbs of judging whose object or complement may be the subject's own words (`Tokayev blamed the
# unrest on "terrorist gangs"`, `He accused some members of '...'`). Not verbs of naming: "called",
# "dubbed" and "so-called" come before a title or a scare quote.
_JUDGING_VERB = (
    r"(?:blamed|blames|accused|accuses|considered|considers|regarded|regards|described|describes"
    r"|branded|brands|labell?ed)"
)
_JUDGING = guarded(re.compile(rf"\b{_JUDGING_VERB}\b"))
# `..., warning in 2021 that "..."`: a participle whose subject is the sentence's subject.
_PARTICIPLE = re.compile(
    r",\s+(?:saying|adding|noting|warning|stressing|insisting|arguing|explaining|describing|calling|accusing"
    r"|blaming|telling|urging|declaring|recalling|promising|pledging)\b"
)
# Where a short phrase in a reported clause is the claim itself (see `_claims`): after a copula
# (`the request was "a sign of weakness"`), as the predicate (`Armenia "remains a close ally"`),
# or as what a verb of judging judges (`considered the events "an internal matter"`).
_COPULA_END = re.compile(r"\b(?:is|are|was|were|be|been|remains|remain|remained|becomes|become|became)$")
_JUDGED_END = re.compile(rf"\b{_JUDGING_VERB}(?:\s+(?!that\b)[\w'’-]+){{1,8}}$")
_NAMING_END = re.compile(r"\b(?:so-called|called|dubbed|named|titled|entitled|codenamed|known as)$", re.IGNORECASE)
_PREDICATE_WORDS = frozenset({
    "is", "isn't", "are", "aren't", "was", "wasn't", "were", "remains", "remain", "remained", "will", "won't",
    "would", "should", "must", "can", "cannot", "can't", "could", "has", "have", "had", "does", "do", "did",
    "may", "might", "shall",
})  # fmt: skip
# A paragraph that hands the floor to someone with no verb: a list number, a title, the name, one aside.
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]\s+)?")
_LEAD_ASIDE = re.compile(
    r",\s+(?:at|in|on|during|speaking|asked|answering|addressing|writing|commenting|interviewed|when|after"
    r"|before|to|via|from)\b[^,;:.!?\"“”«»]{0,80}"
)
_CONTINUING = frozenset({"added", "adds", "continued", "continues", "concluded"})  # verbs of one who spoke before
# Words that open a clause inside a sentence: a person named after one is not its subject.
_SUBORDINATE = re.compile(r"\b(?:when|after|since|while|because|although|until|before|whom|whose|which|where|that)\b")
_HEAD_OF_STATE = re.compile(r"\bhead of (?:the )?state\b")
_HEAD_OF = re.compile(r"\b(\w+) of (?:the )?[\w ]+$")
_ROLE_TOKEN = re.compile(r"[\w'’-]+")
_COMMA = re.compile(r",\s")
_STOP = re.compile(r"[.!?]\s+")
_HE_SHE = guarded(re.compile(r"\b(he|she)\b", re.IGNORECASE))
_ANSWER_LEAD = re.compile(r"^\s*(?:[—–-]+\s*|A:\s*|Answer:\s*)?")
_DASH_LEAD = re.compile(r"\s*(?:[—–-]+\s*)?")
_NEXT_SENTENCE = re.compile(r"[.!?][\"”»’]?\s+(?=[A-Z\"“«])")
_ABBREVIATION_END = re.compile(rf"\b(?:Mr|Mrs|Ms|Dr|Prof|[A-Z]|{'|'.join(_SHORT_RANKS)})\.$")
_WORD_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_ENDS_SENTENCE = re.compile(r"[.!?]\s*$")
# `— Imangali Tasmagambetov, CSTO Secretary General`: a dash, a name, maybe a role after a comma.
_SIGNATURE = re.compile(r"^\s*[—–-]{1,2}\s*(?P<who>[^,;:()\n—–]{3,60}?)\s*(?:[,(][^\n]{0,120})?$")
# After a cited headline: a dash, the outlet, a comma, a date with its year, and nothing more.
_CITATION = re.compile(
    r"\s*[—–-]{1,2}\s*(?P<outlet>[^,.;:!?\"“”«»\n]{2,60}?)\s*,\s*[\w ,./-]{0,30}\b(?:19|20)\d\d\b[\w ,./:-]{0,20}\s*$"
)
_SPOKEN_END = re.compile(r"[.!?…][\"”»’)]*\s*$")  # speech ends as a sentence does; a headline does not
# Dash dialogue (see `QuoteFinder._dialogue`): a paragraph opening with a dash and a space, the dashes that
# set its parts off (at its start or after a space, before a space: not the hyphen of `Tajik-Afghan`), and
# the marks that end a part of speech before an attribution.
_DIALOGUE_OPEN = re.compile(r"^\s*[-–—]{1,2}\s")
_DIALOGUE_DASH = re.compile(r"(?:^\s*|(?<=\s))[-–—]{1,2}\s+")
_DIALOGUE_MARKS = frozenset(",!?…")
# A name as the subject of a verb of speech (see `QuoteFinder._speaks_as_subject`): the verb right after it,
# or after an aside set off by commas; or, inverted, the verb and at most a title before it.
_SUBJECT_VERB_AFTER = re.compile(
    rf"\s*(?:,[^,.;:!?\"“”«»\n]{{1,100}},\s*)?(?:(?:also|then|later|again|once)\s+)?{SPEECH_VERB}\b"
)
# Inverted only after a quote or a comma (`," said X`, `..., said X`): `Ilham Aliyev said Heydar Aliyev had ...`
# makes the second the subject of a reported clause, not of "said".
_VERB_BEFORE_NAME = re.compile(rf"[,\"”»]\s*(?P<verb>{SPEECH_VERB})\s+(?:[\w.'’-]+\s+){{0,4}}$")
_UNMARKED = re.compile(
    rf",\s+(?:(?P<verb1>{SPEECH_VERB})\s+(?P<who1>(?:[^,.;:!?]|(?<=\b[A-Z])\.){{2,80}}?)|(?P<who2>[^,.;:!?]{{2,80}}?)\s+(?P<verb2>{SPEECH_VERB})(?:\s+[^,.;:!?]{{0,60}})?)\s*[.!]?\s*$"
)


@dataclass(frozen=True)
class Span:
    """A quoted stretch of one paragraph: inner text offsets and its marks."""

    open_mark: int
    start: int
    end: int
    close_mark: int | None  # None: the quote never closes in this paragraph


def find_quote_spans(paragraph: str) -> list[Span]:
    """Top-level quoted spans; nested quotes stay inside their outer quote.

    A paragraph with no double quote marks may use single ones (‘…’, the
    British style); there a closing ’ must not be followed by a letter, which
    tells it from the apostrophe in "Armenia’s"."""
    if not any(map(paragraph.__contains__, OPENERS + CLOSERS + '"')):
        if "‘" in paragraph:
            return _single_quote_spans(paragraph)
        if "'" in paragraph:
            return _straight_single_spans(paragraph)
        return []
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    for mark in _DOUBLE_MARKS.finditer(paragraph):
        pos, char = mark.start(), mark.group(0)
        kind = _mark_role(paragraph, pos, char, stack)
        if kind == "open":
            stack.append((char, pos))
        elif kind == "close" and stack:
            _, opened = stack.pop()
            if not stack:
                spans.append(Span(opened, opened + 1, pos, pos))
    if stack:
        opened = stack[0][1]
        spans.append(Span(opened, opened + 1, len(paragraph), None))
    return spans


def _single_quote_spans(paragraph: str) -> list[Span]:
    spans: list[Span] = []
    opened: int | None = None
    for pos, char in enumerate(paragraph):
        prev = paragraph[pos - 1] if pos > 0 else " "
        nxt = paragraph[pos + 1] if pos + 1 < len(paragraph) else " "
        if char == "‘" and opened is None and (prev.isspace() or prev in "([—–-:"):
            opened = pos
        elif char == "’" and opened is not None and not nxt.isalpha() and not prev.isspace():
            spans.append(Span(opened, opened + 1, pos, pos))
            opened = None
    if opened is not None:
        spans.append(Span(opened, opened + 1, len(paragraph), None))
    return spans


def _straight_single_spans(paragraph: str) -> list[Span]:
    """'…' in straight single marks, as British pages print them ('We are ready,' he said).

    The mark is also the apostrophe, inside a word (Armenia's) and after one
    (the ministers' meeting). So a mark opens only before a letter or digit, at
    the start or after a space or an opening bracket or dash; and it closes only
    after a sentence's punctuation ('...ready,' / '...ready.'), before it
    ('a mistake'.) or at the end of the paragraph: after a letter and before a
    space, it is read as an apostrophe."""
    spans: list[Span] = []
    opened: int | None = None
    for match in _STRAIGHT_SINGLE.finditer(paragraph):
        pos = match.start()
        prev = paragraph[pos - 1] if pos > 0 else " "
        nxt = paragraph[pos + 1] if pos + 1 < len(paragraph) else ""
        if opened is None:
            if (prev.isspace() or prev in "([—–-:") and nxt.isalnum():
                opened = pos
        elif not prev.isspace() and (
            (prev in ",.?!…" and not nxt.isalnum()) or nxt in ".,;:?!)" or not paragraph[pos + 1 :].strip()
        ):
            spans.append(Span(opened, opened + 1, pos, pos))
            opened = None
    return spans  # one left open is more likely "the '90s" than a quote that never closes


def _mark_role(text: str, pos: int, char: str, stack: list[tuple[str, int]]) -> str:
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    if char == "“" and stack and stack[-1][0] == "„":
        return "close"  # „German style“
    if char in OPENERS:
        return "open"
    if char in CLOSERS:
        return "close"
    # A straight quote: its neighbours say which way it faces.
    opens = (prev.isspace() or prev in "([{—–-:/'‘") and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-'’")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if stack else "open"


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    words: str
    rule: str
    confidence: float


@dataclass(frozen=True)
class Running:
    """A quote running on over paragraphs: each paragraph's words (paragraph, text start, text end)
    so far, and the attribution found so far."""

    pieces: tuple[tuple[int, int, int], ...]
    attribution: Attribution | None


# `_interviewed_in_title`'s answer when the title names an interviewee the text never writes.
_UNCONFIRMED = "\0unconfirmed"
# Two capitalised words in a row: the title may name someone ("Stanislav Zas")...
_NAME_IN_TITLE = re.compile(r"\b[A-ZÀ-ÖØ-ÞА-Я][a-zß-ÿа-я'’-]+\s+[A-ZÀ-ÖØ-ÞА-Я][a-zß-ÿа-я'’-]+")


def _names_someone(words: str) -> bool:
    """...unless they are an office or a body ("the CSTO Secretary General", "the Foreign Minister")."""
    for match in _NAME_IN_TITLE.finditer(words):
        if not any(w.lower() in ROLE_WORDS or w.lower() in NOT_NAME_WORDS for w in match.group(0).split()):
            return True
    return False


class QuoteFinder:
    """Finds the quotes of one article, given its paragraphs and its people."""

    def __init__(
        self, paragraphs: list[str], people: PeopleIndex, offsets: list[int], text: str, title: str | None = None
    ):
        self.paragraphs = paragraphs
        self.text = text  # paragraphs joined by "\n": the coordinates of `people`
        self.people = self._placed(people)
        self.title = title  # the headline, when it is no paragraph: it may say who is interviewed
        self._interviewee_found: tuple[str | None] | None = None  # (the interviewee,) once looked for
        self.offsets = offsets  # paragraph i starts at text[offsets[i]]
        self.last_speaker: str | None = None
        self.quotes: list[Quote] = []
        self._seen: list[str] = []
        # The people the quote being attributed names: a pronoun next to it is not one of
        # them (`"I thanked President Putin," he said` is not Putin speaking).
        self._named_in_quote: frozenset[str] = frozenset()
        self._last_attribution: Attribution | None = None  # that of the quote added last

    # -- names the index leaves short --------------------------------------
    def _placed(self, people: PeopleIndex) -> PeopleIndex:
        """The index with each bare one-word name that it cannot resolve alone, but whose place in the
        text tells whom it names, written out in full (its offsets kept): a surname of two people
        (see `_namesake`) or a surname written first (see `_surname_first`). The index itself is
        shared with the rest of the loader, so a changed copy is made, and only when one is needed."""
        mentions = list(people.mentions)
        by_surname: dict[str, set[str]] = {}  # last word of a full name -> the people of that surname
        for mention in mentions:
            parts = strip_honorific(mention.words).split()
            if len(parts) >= 2:
                by_surname.setdefault(parts[-1], set()).add(people.resolve(mention.words))
        by_first: dict[str, dict[str, str]] = {}  # first word of a two-word name so far -> person -> as written
        changed = False
        for position, mention in enumerate(mentions):
            written = strip_honorific(mention.words)
            parts = written.split()
            if len(parts) == 2:
                by_first.setdefault(parts[0], {})[people.resolve(mention.words)] = mention.words
            if len(parts) != 1 or people.resolve(mention.words) != written:
                continue
            namesakes = by_surname.get(written, set())
            if len(namesakes) >= 2:
                full = self._namesake(people, mentions, position, namesakes)
            else:
                full = _surname_first(by_first.get(written, {})) if not namesakes else None
            if full:
                mentions[position] = replace(mention, words=full)
                changed = True
        return replace(people, mentions=mentions) if changed else people

    def _namesake(self, people: PeopleIndex, mentions: list[Mention], position: int, full: set[str]) -> str | None:
        """`President Ilham Aliyev said ..., repeating his father, Heydar Aliyev` then `"...," Aliyev
        said`: a surname two people named in `full` share is the one the text last made the subject of
        a verb of speech before it. None when neither was: the surname alone, rather than a guess."""
        for earlier in reversed(mentions[:position]):
            if people.resolve(earlier.words) in full and not earlier.possessive and self._speaks_as_subject(earlier):
                return earlier.words
        return None

    def _speaks_as_subject(self, mention: Mention) -> bool:
        """Whether the text makes the person it names at `mention` the subject of a verb of speech:
        `President Ilham Aliyev said`, `X, a former minister, told`, or after it, `said former president X`."""
        if _SUBJECT_VERB_AFTER.match(self.text, mention.end):
            return True
        before = self.text[max(0, mention.start - 60) : mention.start]
        inverted = _VERB_BEFORE_NAME.search(before, tail_start(_VERB_BEFORE_NAME, before))
        return bool(inverted) and inverted.group("verb").lower() not in _TO_WHOM_VERBS

    # -- the whole article -------------------------------------------------
    def run(self) -> list[Quote]:
        interview = self._interview_answers()
        taken = 0  # paragraphs before this one are already part of a turn or an answer
        for index, paragraph in enumerate(self.paragraphs):
            if index < taken:
                continue
            # A label names who answers (`Maria Zakharova: We have seen ...`), which beats guessing the interviewee.
            turn = self._transcript(index, paragraph)
            if turn:
                self._flush_pending()
                taken = index + turn
                continue
            if index in interview:
                self._flush_pending()
                self._add_answer(index, interview[index])
                taken = index + len(interview[index])
                continue
            if _DIALOGUE_OPEN.match(paragraph) and self._dialogue(index, paragraph):
                self._flush_pending()
                continue
            spans = find_quote_spans(paragraph)
            if not spans or spans[0].open_mark != 0:
                self._flush_pending()
            if not spans:
                led = self._led_in(index)
                if led:
                    taken = index + led
                    continue
                self._unmarked(index, paragraph)
                continue
            previous: Span | None = None
            kept: Attribution | bool | None = False  # the attribution the previous span was kept with
            for span in spans:
                if previous is not None and _continues(paragraph, previous, span):
                    # The second half of `"We are ready," Zas said, "to talk."`: the same speaker's words,
                    # a quote of its own (a quote is one span of the text), credited as the first half is.
                    if kept is not False and self._one_speaker_between(index, previous, span, kept):
                        self._continued(index, paragraph, span, kept)
                        previous = span
                        continue
                    if kept is False:
                        previous = span
                        continue  # the first half was no quotation (a title, a repeat): nor is the rest
                count = len(self.quotes)
                self._quoted(index, paragraph, span)
                kept = self._last_attribution if len(self.quotes) > count else False
                self._named_in_quote = frozenset()  # speech elsewhere may name anyone
                previous = span
        self._flush_pending()
        return self.quotes

    # -- quoted speech -----------------------------------------------------
    _pending: Running | None = None  # a quote that runs on into the next paragraph

    def _quoted(self, index: int, paragraph: str, span: Span) -> None:
        attribution: Attribution | None = None
        end = span.end
        if span.close_mark is None:
            cut = self._trailing_attribution(index, paragraph, span)
            if cut:
                end, attribution = cut
        inner = paragraph[span.start : end].rstrip(" ,")
        self._named_in_quote = self._names_within(index, span.start, end)
        leads_on = not (self._pending and span.open_mark == 0)  # not the last paragraph of a running quote
        speech_follows = False  # the next sentence reports someone's own words: this quote is speech too
        if attribution is None and span.close_mark is not None:
            attribution = self._after(index, paragraph, span.close_mark + 1)
            if attribution is not None and _ends_sentence_before(paragraph, span):
                # `He said: "We will leave." Peskov said Moscow ...`: the name opens the next sentence,
                # which speaks of its own; the quote's own sentence already said whose it is.
                lead = self._before(index, paragraph, span.open_mark) if leads_on else None
                led = (lead is not None and lead.speaker) or self._said_colon_before(paragraph, span.open_mark)
                if leads_on and led:
                    attribution = lead  # `He said: "..."` with no one "he" can be: no one, not the next name
                elif _reports_a_clause(paragraph[span.close_mark + 1 :], attribution.words):
                    # `"...." Peskov said Moscow would ...`: his own words, not this quote (nor the end of a
                    # quote that ran over paragraphs: that keeps the attribution of its first paragraph).
                    # The quote is still kept, as the rules below would keep it without that sentence, or
                    # with no speaker: a quote is never lost because of the sentence after it.
                    attribution, speech_follows = None, True
        if attribution is None and leads_on:
            attribution = self._before(index, paragraph, span.open_mark)
        if attribution is None and span.close_mark is not None and not _ends_sentence_before(paragraph, span):
            attribution = self._said_at_sentence_end(index, paragraph, span)
        if attribution is None and span.close_mark is not None and not paragraph[span.close_mark + 1 :].strip(" .,"):
            attribution = self._signed_below(index)
        base = self.offsets[index]
        closes_here = span.close_mark is not None or end != span.end
        runs_on = not closes_here and self._next_opens_quote(index)
        piece = (index, base + span.start, base + span.start + len(inner))
        if self._pending and span.open_mark == 0:
            # A later paragraph of a quote that runs over several: the one named at its end spoke it all.
            running, self._pending = self._pending, None
            attribution = attribution or running.attribution
            if runs_on:
                self._pending = Running((*running.pieces, piece), attribution)
                return
            self._add_running((*running.pieces, piece), attribution)
            return
        if runs_on:
            self._pending = Running((piece,), attribution)
            return
        if attribution is None:
            # Before the test for a quotation: `«...», said X. «We value this.»` is a short
            # sentence of X's, where alone it would be too short to tell from a phrase.
            attribution = self._same_paragraph_speaker(index, span)
        if not self._is_quotation(inner, attribution or (_SPEECH_FOLLOWS if speech_follows else None), span, paragraph):
            return
        if attribution is None and self._cited_headline(index, paragraph, span):
            return
        # `," the ambassador added` with no ambassador named: someone's words, so not the last speaker's.
        credited = span.close_mark is not None and _ROLE_THEN_VERB.match(paragraph, span.close_mark + 1)
        if (
            attribution is None
            and span.open_mark == 0
            and len(words(inner)) >= 8
            and self.last_speaker
            and not credited
        ):
            previous_para = self.paragraphs[index - 1] if index > 0 else ""
            if previous_para.rstrip().endswith(":") or self._last_quote_paragraph() >= index - 2:
                attribution = Attribution(self.last_speaker, "follows a quote of the same speaker", "context", 0.6)
        self._add(index, paragraph, span.start, span.start + len(inner), attribution, "quoted")

    def _one_speaker_between(self, index: int, previous: Span, span: Span, kept: Attribution | None) -> bool:
        """Whether the words between the halves of a split quote name no one but its speaker
        (`," Lukashenko said, while Pashinyan said, "` hands the second half to someone else)."""
        assert previous.close_mark is not None
        named = self._names_within(index, previous.close_mark + 1, span.open_mark)
        return not named - {kept.speaker if kept else None}

    def _continued(self, index: int, paragraph: str, span: Span, attribution: Attribution | None) -> None:
        """The second half of a split quote, with the first half's attribution."""
        end = span.end
        if span.close_mark is None:
            cut = self._trailing_attribution(index, paragraph, span)
            if cut:
                end = cut[0]
            elif self._next_opens_quote(index):
                start = self.offsets[index] + span.start
                self._pending = Running(
                    ((index, start, start + len(paragraph[span.start : end].rstrip(" ,"))),), attribution
                )
                return
        self._add(index, paragraph, span.start, end, attribution, "quoted")

    def _cited_headline(self, index: int, paragraph: str, span: Span) -> bool:
        """`"Putin: Armenia not ready to take part" — TASS, November 28, 2024`: the headline of a cited
        article, a quote closed by a dash, an outlet, a comma and a date ending the paragraph. A pull
        quote signed the same way (`— Ararat Mirzoyan, 7 March`) names a person there, so it stays."""
        if span.close_mark is None:
            return False
        cited = _CITATION.match(paragraph, span.close_mark + 1)
        if not cited:
            return False
        return not self._names_within(index, cited.start("outlet"), cited.end("outlet"))

    def _names_within(self, index: int, start: int, end: int) -> frozenset[str]:
        """The people named in paragraph[start:end] (offsets within the paragraph)."""
        low, high = self.offsets[index] + start, self.offsets[index] + end
        return frozenset(self.people.resolve(m.words) for m in self.people.mentions if low <= m.start < high)

    def _same_paragraph_speaker(self, index: int, span: Span) -> Attribution | None:
        """`"...," says X, a scientist. "..."`: a second quote in the paragraph of the
        first, with no other person named between them, is the same speaker's."""
        earlier = [q for q in self.quotes if q.paragraph == index and q.speaker]
        if not earlier:
            return None
        base = self.offsets[index]
        last_end = self.text.find(earlier[-1].text[-20:], base) + 20
        between = [m for m in self.people.mentions if last_end <= m.start < base + span.open_mark]
        names = {self.people.resolve(m.words) for m in between}
        if names - {earlier[-1].speaker}:
            return None
        return Attribution(earlier[-1].speaker, "a second quote in the same paragraph", "context", 0.7)

    def _flush_pending(self) -> None:
        """A quote that seemed to run on but never closed: keep its first paragraph."""
        if not self._pending:
            return
        (first_index, start, end), attribution = self._pending.pieces[0], self._pending.attribution
        self._pending = None
        text = self.text[start:end]
        if len(words(text)) >= 8:
            self._add_text(first_index, text, attribution, "quoted")

    def _add_running(self, pieces: tuple[tuple[int, int, int], ...], attribution: Attribution | None) -> None:
        """A quote over several paragraphs, each opening with a mark and the last closing: one quote
        per paragraph, as a quote is one span of the text and the opening marks between them are no
        one's words, all with the one attribution."""
        for index, start, end in pieces:
            self._add_text(index, self.text[start:end], attribution, "quoted")

    def _is_quotation(self, inner: str, attribution: Attribution | None, span: Span, paragraph: str) -> bool:
        tokens = words(inner)
        before = paragraph[: span.open_mark].rstrip()
        inside = bool(before) and before[-1] not in '.!?:;,—–-"“”«»()'
        # A phrase of two to four words inside a sentence is a quotation only where it is the claim of a
        # clause a named person is reported saying (see `_claims`).
        after = _after_close(paragraph, span)
        claim = (
            inside
            and attribution is not None
            and attribution.speaker is not None
            and attribution.rule in {"before", "after"}
            and (
                (len(tokens) >= 2 and (_claims(before, tokens) or _claims_after_that(before, inner, after)))
                or _reported_words(before, inner, after, tokens)
            )
        )
        if len(tokens) < 3 and not claim:
            return False
        short = len(tokens) < 5
        if (
            short
            and attribution is not None
            and attribution.speaker is None
            and not _short_sentence_credited_after(attribution, inside, paragraph[span.start : span.end])
        ):
            return False  # a short phrase after "analysts said the ..." is a scare quote
        if len(tokens) < 5 and inside and not _SAID_THAT.search(before) and not claim:
            return False  # "was studying "all the options"": a phrase inside a sentence, not a quotation
        if _is_title_case(inner):
            return False
        if attribution is not None:
            return True
        # Unattributed: only a whole sentence or more, not a phrase in running text.
        if len(tokens) < 8:
            return False
        whole_paragraph = span.open_mark == 0
        has_sentence_end = bool(_SENTENCE_MARK.search(inner.rstrip()[-3:] if inner else ""))
        return whole_paragraph or has_sentence_end

    def _next_opens_quote(self, index: int) -> bool:
        return index + 1 < len(self.paragraphs) and self.paragraphs[index + 1][:1] in OPENERS + '"'

    def _last_quote_paragraph(self) -> int:
        return self.quotes[-1].paragraph if self.quotes else -10

    # -- attribution -------------------------------------------------------
    def _after(self, index: int, paragraph: str, pos: int) -> Attribution | None:
        """`," Zas said`, `," said Zas`, `," the CSTO chief noted`, `," he added`."""
        tail = paragraph[pos : pos + 160]
        match = _AFTER_LEAD.match(tail)
        rest_start = pos + (match.end() if match else 0)
        rest = paragraph[rest_start : rest_start + 160]
        inverted = _VERB_THEN_WHO.match(rest)
        if inverted:
            who_start = rest_start + inverted.start("who")
            who_end = self._first_named_end(index, who_start, who_start + len(inverted.group("who")))
            holder = self._holder_after_office(index, paragraph, who_start, who_end)
            if holder:
                return Attribution(holder[0], paragraph[rest_start : holder[1]].strip(), "after", 0.9)
            speaker = self._resolve_subject(index, who_start, who_end)
            if speaker:
                return Attribution(speaker, rest[: inverted.end()].strip(), "after", 0.9)
        relayed = self._quoted_as_saying(index, rest, rest_start)
        if relayed:
            return Attribution(relayed[0], relayed[1], "after", 0.85)
        appositive = self._named_then_verb(index, paragraph, rest_start)
        if appositive:
            return appositive
        clause = _SUBJECT_THEN_CLAUSE.match(rest)
        if clause:
            subject = clause.group("subject")
            speaker = self._resolve_subject(index, rest_start, rest_start + len(subject))
            if speaker:
                return Attribution(speaker, rest[: clause.end()].strip(), "after", 0.85)
            if _names_a_source(subject):  # an unnamed official: a quotation, of no one person
                return Attribution(None, rest[: clause.end()].strip(), "after-unnamed", 0.5)
        verb = _VERB.search(rest[:90])
        if verb:
            subject = rest[: verb.start()]
            if subject.strip() and not _SUBJECT_BOUNDARY.search(subject.strip()) and len(subject.split()) <= 9:
                start = rest_start
                continuing = verb.group(0).lower() in _CONTINUING
                speaker = self._resolve_subject(index, start, start + len(subject), continuing)
                if speaker:
                    return Attribution(speaker, rest[: verb.end()].strip(), "after", 0.9)
                if _names_a_source(subject):
                    # `," the ministry said.`: a quotation, but of no one person.
                    return Attribution(None, rest[: verb.end()].strip(), "after-unnamed", 0.5)
                if _names_one_by_office(subject):
                    # `," the secretary general said.` with no one of that office named: one
                    # person's words, whose unknown (as an unnamed official's are).
                    return Attribution(None, rest[: verb.end()].strip(), "after-unnamed", 0.4)
                if subject.split() in (["he"], ["she"]):
                    # `," she said.` where no one named could be "she": someone's words, whose unknown.
                    return Attribution(None, rest[: verb.end()].strip(), "after-unnamed", 0.4)
        return None

    def _said_at_sentence_end(self, index: int, paragraph: str, span: Span) -> Attribution | None:
        """`... would be "a blow to its standing" for Moscow, said X, an analyst.`: a quote inside a
        sentence that ends in `, said X`, with no verb of speech, no other quote and no sentence end
        between them, is the words of X, whom the whole sentence reports; but not a term or a name
        (`the so-called "..."`, `known as "..."`), which the writer sets in marks."""
        assert span.close_mark is not None
        lead = paragraph[: span.open_mark].rstrip()
        if _NAMING_END.search(lead, max(0, len(lead) - 40)) or _TERM_END.search(lead, max(0, len(lead) - 40)):
            return None
        pos = span.close_mark + 1
        found = _SAID_AT_END.match(paragraph, pos)
        if not found or _VERB.search(found.group("between")):
            return None
        who_start, who_end = found.start("who"), found.end("who")
        speaker = self._resolve_subject(index, who_start, who_end)
        if not speaker or self._names_within(index, pos, found.start("verb")):
            return None
        return Attribution(speaker, paragraph[found.start("verb") - 2 : who_end].strip(" ,"), "after", 0.8)

    def _holder_after_office(self, index: int, paragraph: str, start: int, end: int) -> tuple[str, int] | None:
        """(the person, where the name ends) of `," said the chief of staff, Lt. Gen. Anatoly Sidorov.`:
        an office that names no one (paragraph[start:end]), then after a comma (and a short rank) the
        name of its holder, closing the sentence or the clause. The office alone would name whoever
        holds a like office elsewhere in the article; the name says who it is."""
        office = paragraph[start:end]
        if not office.startswith(("the ", "The ")) or self._names_within(index, start, end):
            return None
        if not any(t.lower() in ROLE_WORDS for t in office.split()[1:]):
            return None  # `," said the report, X noted`: no office
        joint = _NAME_AFTER_OFFICE.match(paragraph, end)
        if joint is None:
            return None
        base = self.offsets[index]
        holder = next((m for m in self.people.mentions if m.start == base + joint.end()), None)
        if holder is None or holder.possessive or not _ENDS_CLAUSE.match(self.text, holder.end):
            return None
        return self.people.resolve(holder.words), holder.end - base

    def _first_named_end(self, index: int, start: int, end: int) -> int:
        """Where the first person named in paragraph[start:end] (not in a possessive) ends, or `end`:
        after `said Lavrov`, the rest (`in an interview with X`) names others than the speaker."""
        base = self.offsets[index]
        first = next(
            (m for m in self.people.mentions if base + start <= m.start and m.end <= base + end and not m.possessive),
            None,
        )
        return first.end - base if first else end

    def _signed_below(self, index: int) -> Attribution | None:
        """`— Imangali Tasmagambetov, CSTO Secretary General` on the line under a quote
        that fills its paragraph: the way block quotes and pull quotes are signed.

        Only a line that is a dash and a person's name (a role may follow after a
        comma) signs the quote; a dash line naming no one attributes nothing."""
        if index + 1 >= len(self.paragraphs):
            return None
        line = self.paragraphs[index + 1]
        match = _SIGNATURE.match(line)
        if not match:
            return None
        base = self.offsets[index + 1]
        start, end = base + match.start("who"), base + match.end("who")
        named = [m for m in self.people.mentions if m.start >= start and m.end <= end]
        if len(named) != 1 or self.text[start : named[0].start].strip(" ") not in {"", "Mr.", "Mrs.", "Ms.", "Dr."}:
            return None
        if self.text[named[0].end : end].strip(" ’'s"):
            return None  # "— from the statement of ...": more than a name
        return Attribution(self.people.resolve(named[0].words), line.strip(), "after", 0.8)

    def _named_then_verb(self, index: int, paragraph: str, start: int) -> Attribution | None:
        """`," Nikol Pashinyan, who chairs the council, wrote on Facebook.`: a name right
        after the quote, then an aside, then the verb, all in one sentence."""
        base = self.offsets[index]
        sentence_end = _SENTENCE_END.search(paragraph[start:])
        stop = start + (sentence_end.start() if sentence_end else len(paragraph) - start)
        first = next((m for m in self.people.mentions if base + start <= m.start < base + start + 70), None)
        if first is None or first.end > base + stop:
            return None
        between = self.text[base + start : first.start]
        if _SUBJECT_BOUNDARY.search(between) or len(between.split()) > 6:
            return None
        tail = self.text[first.end : base + stop]
        verb = _VERB.search(tail)
        if not verb or not tail.lstrip().startswith(","):
            return None
        words_said = self.text[base + start : first.end + verb.end()]
        return Attribution(self.people.resolve(first.words), words_said.strip(), "after", 0.8)

    def _before(self, index: int, paragraph: str, open_mark: int) -> Attribution | None:
        """`Lavrov said: "`, `According to him, "`, `X noted that ..., “`."""
        lead = paragraph[:open_mark]
        sentence_start = _sentence_start(lead)
        clause = lead[sentence_start:]
        according = _ACCORDING.search(clause)
        if according:
            # "In his words," names him by pronoun; "As X put it," by the subject of "put".
            group = next(g for g in ("who", "as_who", "own") if according.group(g))
            who_start = sentence_start + according.start(group)
            speaker = self._resolve_subject(index, who_start, who_start + len(according.group(group)))
            if speaker:
                return Attribution(speaker, clause.strip(), "before", 0.85)
        if not clause.strip() and index > 0 and self.paragraphs[index - 1].rstrip().endswith(":"):
            # `He said:` closing the paragraph above.
            previous = self.paragraphs[index - 1]
            sub = self._verb_subject(index - 1, previous, _sentence_start(previous.rstrip()[:-1]), len(previous))
            if sub:
                return Attribution(sub[0], sub[1], "before", 0.8)
            speaker = self._lead_in_speaker(index - 1)
            return Attribution(speaker, previous.strip(), "before", 0.8) if speaker else None
        relayed = self._quoted_as_saying(index, clause, sentence_start, last=True)
        if relayed:
            return Attribution(relayed[0], clause.strip(), "before", 0.85)
        sub = self._verb_subject(index, paragraph, sentence_start, open_mark) or self._verb_subject(
            index, paragraph, sentence_start, open_mark, _JUDGING
        )
        if sub:
            return Attribution(sub[0], sub[1], "before", 0.85)
        participle = max(_PARTICIPLE.finditer(clause), key=lambda m: m.start(), default=None)  # the nearest
        if participle:
            speaker = self._sentence_subject(index, sentence_start, sentence_start + participle.start())
            if speaker:
                return Attribution(speaker, clause.strip(), "before", 0.8)
        return self._unnamed_before(paragraph, sentence_start, open_mark)

    def _quoted_as_saying(self, index: int, words: str, start: int, last: bool = False) -> tuple[str, str] | None:
        """`TASS quoted Zas as saying`, `Lavrov cited Lukashenko as saying`: the one quoted, not the one
        quoting, with the words up to "saying". `words` are paragraph[start:...]; the first sentence
        of them is read, or with `last` the one match nearest their end."""
        if last:
            match = max(_QUOTED_AS.finditer(words), key=lambda m: m.start(), default=None)
            if match and _VERB.search(words, match.end()):
                return None  # `TASS quoted Zas as saying ..., while Lavrov said: "`: the later verb's
        else:
            stop = _SENTENCE_END.search(words)
            match = _QUOTED_AS.search(words, 0, stop.start() if stop else len(words))
            if match and _SUBJECT_BOUNDARY.search(words[: match.start()].strip()):
                return None  # the sentence after the quote is about something else before it quotes anyone
        if not match:
            return None
        who_start = start + match.start("who")
        speaker = self._resolve_subject(index, who_start, who_start + len(match.group("who")))
        return (speaker, words[: match.end()].strip()) if speaker else None

    @staticmethod
    def _said_colon_before(paragraph: str, open_mark: int) -> bool:
        """Whether the quote's own sentence leads into it with a verb of speech and a colon (`He said: "`)."""
        lead = paragraph[:open_mark]
        clause = lead[_sentence_start(lead) :].rstrip()
        return clause.endswith(":") and bool(_VERB.search(clause))

    def _sentence_subject(self, index: int, start: int, end: int) -> str | None:
        """The person a sentence (paragraph offsets `start` to `end`) opens with as its subject:
        `He` or `she`, or the one person it names, with at most a title before the name
        (`Tajik President Emomali Rahmon has repeatedly called on allies to help`)."""
        base = self.offsets[index]
        if start == 0:  # `DUSHANBE, April 2 (Pamir Wire) - Tajik ...`: the dateline is no part of the subject
            dateline = find_dateline(self.paragraphs[index])
            if dateline is not None and self.paragraphs[index].startswith(dateline.words):
                start = len(dateline.words)
        head = self.text[base + start : base + end].lstrip()
        start = end - len(head)
        pronoun = re.match(r"(?:He|She)\b", head)
        if pronoun:
            return self._resolve_subject(index, start, start + pronoun.end())
        named = [m for m in self.people.mentions if base + start <= m.start and m.end <= base + end]
        if not named or named[0].possessive or len({self.people.resolve(m.words) for m in named}) != 1:
            return None  # no one, someone's envoy, or two people: whose participle is not certain
        prefix = self.text[base + start : named[0].start]
        if _SUBJECT_BOUNDARY.search(prefix) or _VERB.search(prefix) or len(prefix.split()) > 6:
            return None
        return self.people.resolve(named[0].words)

    def _lead_in_speaker(self, index: int) -> str | None:
        """Whom a paragraph ending in a colon hands the floor to without a verb: a label
        (`Commander of the CSTO CRRF Colonel General Andrei Serdyukov:`) or a name and one
        short aside (`1. Foreign Minister Ararat Mirzoyan, at the OSCE event in Vienna:`).
        A title before the name must hold a role word; no one else may be named."""
        paragraph = self.paragraphs[index].rstrip()
        if not paragraph.endswith(":") or len(words(paragraph)) > 24:
            return None
        base = self.offsets[index]
        lead, colon = _LIST_NUMBER.match(paragraph).end(), len(paragraph) - 1
        named = [m for m in self.people.mentions if base + lead <= m.start and m.end <= base + colon]
        if not named or named[0].possessive or len({self.people.resolve(m.words) for m in named}) != 1:
            return None
        title = self.text[base + lead : named[0].start]
        if title and not (_TITLE_LABEL.match(title) and {t.lower().rstrip(".") for t in title.split()} & ROLE_WORDS):
            return None
        aside = self.text[named[-1].end : base + colon]
        if aside.strip() and not _LEAD_ASIDE.fullmatch(aside.rstrip()):
            return None
        return self.people.resolve(named[0].words)

    def _verb_subject(
        self, index: int, paragraph: str, start: int, end: int, verb_pattern: re.Pattern[str] = _VERB
    ) -> tuple[str, str] | None:
        """The subject of the last verb of speech (or of `verb_pattern`) in paragraph[start:end]."""
        # ", for his part," between subject and verb is blanked out, offsets kept.
        window = _ASIDE.sub(lambda m: " " * len(m.group(0)), paragraph[start:end])
        verbs = list(verb_pattern.finditer(window))
        for verb in reversed(verbs):
            before = window[: verb.start()]
            boundary = max((m.end() for m in _SUBJECT_BOUNDARY.finditer(before)), default=0)
            subject_start = start + boundary
            subject_end = start + len(before.rstrip())
            speaker = self._resolve_subject(index, subject_start, subject_end)
            coordinated = None if speaker else _COORDINATED.search(before)
            if coordinated:
                # `X spoke in parliament and said: "`: the verb shares the subject of the clause before "and".
                subject_start = start
                speaker = self._sentence_subject(index, start, start + coordinated.start())
            elif not speaker and before.rstrip().endswith(","):
                subject_start, subject_end = start, start + before.find(",")
                speaker = self._appositive_subject(index, paragraph, subject_start, subject_end)
            if speaker:
                return speaker, paragraph[subject_start : start + verb.end()].strip()  # as written, aside included
        return None

    def _appositive_subject(self, index: int, paragraph: str, start: int, end: int) -> str | None:
        """`Dmitry Peskov, the Kremlin spokesman, said only: "`: a verb right after a comma has
        its subject before the first comma of the sentence, the words between set off as an aside.
        Only a subject with nothing that ends a subject in it (no "and", no "that")."""
        head = paragraph[start:end]
        if not head.strip() or _SUBJECT_BOUNDARY.search(head) or len(head.split()) > 9 or _VERB.search(head):
            return None
        return self._resolve_subject(index, start, end)

    def _unnamed_before(self, paragraph: str, start: int, end: int) -> Attribution | None:
        """`The ministry said the "..."`: attributed, but to no one person."""
        window = paragraph[start:end]
        verbs = list(_VERB.finditer(window))
        if not verbs:
            return None
        verb = verbs[-1]
        before = window[: verb.start()]
        boundary = max((m.end() for m in _SUBJECT_BOUNDARY.finditer(before)), default=0)
        if _names_a_source(before[boundary:]):
            return Attribution(None, window[boundary : verb.end()].strip(), "before-unnamed", 0.5)
        return None

    def _resolve_subject(self, index: int, start: int, end: int, continuing: bool = False) -> str | None:
        """The person a subject phrase (paragraph offsets) names: a name, a pronoun or a role.

        `continuing`: the verb says the subject spoke before (`," he added`). Then a
        pronoun is the last speaker quoted rather than someone named since only in
        passing, inside a clause ("..., when Prime Minister Nikol Pashinyan announced")."""
        base = self.offsets[index]
        absolute_start, absolute_end = base + start, base + end
        named = [m for m in self.people.mentions if m.start >= absolute_start and m.end <= absolute_end]
        if named:
            # `Lukashenko's spokesman`, `a source close to Lavrov`, `an aide to President X`: one of
            # theirs, not them. Only a name that heads the phrase is its speaker.
            heads = [m for m in named if not m.possessive and not self._complement(absolute_start, m.start)]
            return self.people.resolve(heads[-1].words) if heads else None
        phrase = self.text[absolute_start:absolute_end].lower()
        phrase = _HEAD_OF_STATE.sub("president", phrase)
        phrase = _HEAD_OF.sub(r"\1", phrase)  # "the head of the delegation" -> head
        tokens = [t for t in _ROLE_TOKEN.findall(phrase) if t not in _ADVERBS]
        if not tokens or len(tokens) > 8:
            return None
        if tokens[-1] in PRONOUNS and len(tokens) <= 2:
            speaker = self._pronoun(tokens[-1], absolute_start, absolute_end, continuing)
            # `A source in the ministry said ... "...," he told TASS.`: "he" is the one who spoke last,
            # and that one has no name; not whoever was named before.
            return None if speaker and self._unnamed_spoke_since(speaker, absolute_start) else speaker
        if tokens[-1] in _SOLE_OFFICES and tokens[0] not in _UNNAMED_ONE:
            return self._sole_holder(tokens, absolute_start)
        if len(tokens) > 1 and tokens[0] in _SOMEONE_WORDS:
            return None  # `a Russian diplomat`, `his spokesman`: someone holding the office, not its holder
        if any(t in ROLE_WORDS for t in tokens):
            return self._by_role(tokens, absolute_start)
        return None

    def _pronoun(self, pronoun: str, start: int, end: int, continuing: bool) -> str | None:
        """Whom a pronoun subject (text offsets) is: the person named last before it, or the last speaker
        quoted; never one its own sentence names after it (`," he told Putin`: he is not Putin)."""
        excluded = self._named_in_quote | self._named_later_in_sentence(end)
        found = self.people.last_before(start, excluded=excluded, pronoun=pronoun)
        last = self.last_speaker
        if last is None or last in excluded or last == found:
            return found
        wanted, known = pronoun_gender(pronoun), self.people.gender(last)
        if known is not None and known != wanted:
            return found
        if found is None or (continuing and self._named_in_passing(found, start)):
            return last
        return found

    def _named_later_in_sentence(self, offset: int) -> frozenset[str]:
        """The people named from text offset `offset` to the end of its sentence (or an opening quote),
        but for a possessive (`," he said, according to Tokayev's office` may be Tokayev)."""
        stop = _SENTENCE_OR_QUOTE.search(self.text, offset)
        end = stop.start() if stop else len(self.text)
        return frozenset(
            self.people.resolve(m.words) for m in self.people.mentions if offset <= m.start < end and not m.possessive
        )

    def _complement(self, start: int, offset: int) -> bool:
        """Whether the name at text offset `offset` is what a phrase from `start` names someone by:
        `a spokesman for President X`, `a source close to X`, `an aide to X`."""
        before = self.text[max(0, start, offset - 80) : offset]
        return bool(_COMPLEMENT_LEAD.search(before, tail_start(_COMPLEMENT_LEAD, before)))

    def _unnamed_spoke_since(self, speaker: str, offset: int) -> bool:
        """Whether someone unnamed (`a source in the ministry`, `an official`, `Lavrov's aide`) was
        reported speaking after `speaker` was last named (as themselves: not in `a source close to
        Lavrov`) or quoted, before text offset `offset`."""
        since = max(
            (
                m.end
                for m in self.people.mentions
                if m.end <= offset
                and self.people.resolve(m.words) == speaker
                and not m.possessive
                and not self._complement(m.start - 80, m.start)
            ),
            default=0,
        )
        for quote in reversed(self.quotes):
            if quote.speaker == speaker:
                where = self.text.find(quote.text[:40], self.offsets[quote.paragraph])  # the words it said
                since = max(since, where + len(quote.text) if where >= 0 else self.offsets[quote.paragraph])
                break
        window = _QUOTED_TEXT.sub(lambda m: " " * len(m.group(0)), self.text[since:offset])
        return any(self._speaks(since, window, match) for match in _UNNAMED_PERSON.finditer(window))

    def _speaks(self, base: int, window: str, match: re.Match[str]) -> bool:
        """Whether the unnamed person `match` found in `window` (at text offset `base`) is reported
        speaking: the subject of a verb of speech in its sentence, or after "according to"."""
        before = window[: match.start()]
        if _ACCORDING_TO_END.search(before[-30:]):
            return True
        if _OBJECT_LEAD.search(before[-20:]):
            return False  # `Zas, speaking to a member of the press corps, said`: not the one speaking
        if before.rstrip().endswith(",") and any(
            m.end == base + len(before.rstrip()) - 1 for m in self.people.mentions
        ):
            return False  # `Zas, a senior official, said`: an aside on a name, not someone else
        rest = window[match.end() :]
        stop = _SENTENCE_OR_QUOTE.search(rest)
        clause = rest[: stop.start() if stop else len(rest)]
        verb = _VERB.search(clause) or _SPOKE.search(clause)
        if verb is None:
            return False
        low, high = base + match.end(), base + match.end() + verb.start()
        # `A source close to Lavrov said`: a name in the phrase itself, not the subject of the verb as
        # in `after talks with an official, Zas said`
        return not any(
            low <= m.start < high and not m.possessive and not self._complement(base + match.start(), m.start)
            for m in self.people.mentions
        )

    def _named_in_passing(self, name: str, offset: int) -> bool:
        """Whether `name`, never quoted so far, was last named before `offset` inside a clause
        of someone else's sentence ("..., when X announced ...", "... since X took office")."""
        if any(q.speaker == name for q in self.quotes):
            return False
        mention = next(
            (m for m in reversed(self.people.mentions) if m.end <= offset and self.people.resolve(m.words) == name),
            None,
        )
        if mention is None:
            return False
        before = self.text[: mention.start]
        sentence_start = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! ")) + 1
        return bool(_SUBORDINATE.search(self.text[sentence_start : mention.start]))

    def _by_role(self, tokens: list[str], offset: int) -> str | None:
        """The person "the minister" or "the CSTO chief" refers to. An institution
        ("the ministry said") or an anonymous "official" is nobody in particular."""
        if tokens[-1] not in PERSON_ROLE_HEADS and not (set(tokens) & {"secretary-general", "spokesman"}):
            return None
        wanted = _role_terms(tokens)
        if not wanted:
            return None
        # "the Belarusian minister": only someone of Belarus. "The Kremlin spokesman" names a seat of power,
        # no nationality: a "presidential spokesman" may be he.
        countries = _nationalities([t for t in tokens if t != "kremlin"])
        best: tuple[int, int, str] | None = None
        order = {self.people.resolve(m.words): i for i, m in enumerate(self.people.mentions) if m.start < offset}
        people = self.people
        for name in sorted(
            set(people.roles) | set(people.registry_roles) | set(people.titles) | set(people.counterparts)
        ):
            office = _ROLE_TOKEN.findall(people.office_words(name).lower())
            have = _role_terms(office)
            score = len(wanted & have)
            if score == 0 or name not in order:
                continue
            if countries and not _of_country(countries, wanted, office, have):
                continue
            key = (score, order[name], name)
            if best is None or key > best:
                best = key
        return best[2] if best else None

    def _sole_holder(self, tokens: list[str], offset: int) -> str | None:
        """The one person named before `offset` whom "the Kremlin aide" or "his Belarusian counterpart"
        (`tokens`) can be: for an aide, one whose office words hold an aide's or an adviser's word (and
        "Kremlin" or "presidential": the President's); for a counterpart, one the text calls someone's
        counterpart (see `PeopleIndex.counterparts`). Every other word, a country's adjective included,
        must be of that office too. Unlike "the minister", these are offices many hold: with two such
        people, or none, the quote is no one's rather than the last one's."""
        head, qualifiers = tokens[-1], [t for t in tokens[:-1] if t not in _OWNER_WORDS]
        people = self.people
        named = {people.resolve(m.words) for m in people.mentions if m.start < offset}
        found = {name for name in named if _holds_sole_office(head, qualifiers, people, name)}
        return next(iter(found)) if len(found) == 1 else None

    def _trailing_attribution(self, index: int, paragraph: str, span: Span) -> tuple[int, Attribution] | None:
        """In a quote that never closes, `..., Zas was cited as saying by RIA Novosti.`"""
        inner = paragraph[span.start : span.end]
        for comma in reversed([m.start() for m in _COMMA.finditer(inner)]):
            rest = inner[comma + 1 :]
            if len(rest.split()) > 16:
                break
            verb = _VERB.search(rest)
            if not verb:
                continue
            subject = rest[: verb.start()]
            start = span.start + comma + 1
            speaker = self._resolve_subject(index, start, start + len(subject))
            if speaker:
                return span.start + comma, Attribution(speaker, rest.strip(), "after", 0.8)
        return None

    # -- speech without quote marks ------------------------------------------
    def _unmarked(self, index: int, paragraph: str) -> None:
        """`We were able to ..., said Imangali Tasmagambetov.` (first person, attributed at the end)."""
        # Nothing after the attribution's comma is a comma, so only the last comma can start it.
        last_comma = paragraph.rfind(",")
        match = _UNMARKED.match(paragraph, last_comma) if last_comma >= 0 else None
        if not match:
            return
        who_group = "who1" if match.group("who1") else "who2"
        speaker = self._resolve_subject(index, match.start(who_group), match.end(who_group))
        if not speaker:
            return
        speech = paragraph[: match.start()]
        start = self._speech_start(speech, speaker)
        start = _DASH_LEAD.match(speech, start).end()  # `— We are ready, — he said.`: the dash opens speech
        spoken = speech[start:]
        if len(words(spoken)) < 8 or not _FIRST_PERSON.search(spoken):
            return
        attribution = Attribution(speaker, paragraph[match.start() + 1 :].strip(), "unmarked", 0.75)
        self._add(index, paragraph, start, len(speech), attribution, "unmarked")

    def _dialogue(self, index: int, paragraph: str) -> bool:
        """`- We respect ..., - Zas said. - Our task is ...`: speech set off by dashes (a hyphen, an en
        or an em dash, as agencies translating Russian print it), the attribution between two dashes
        after a comma, "!" or "?", and all of the speech on either side of it the speaker's, one quote
        per part. Returns whether the paragraph was read so.

        A dash that does not open a part ending in such a mark and followed by an attribution naming
        someone is no dialogue: a list item (`- in Belarus, in September;`) or a dash set around an
        aside in narration is left to the other rules, which find no speech in it."""
        dashes = list(_DIALOGUE_DASH.finditer(paragraph))
        # Each part: from after its dash to the next dash (or the paragraph's end).
        ends = [m.start() for m in dashes[1:]] + [len(paragraph)]
        bounds = [(m.end(), end) for m, end in zip(dashes, ends, strict=True)]
        found: list[tuple[int, int, Attribution]] = []
        speech_start: int | None = None
        attribution: Attribution | None = None
        n = 0
        while n < len(bounds):
            start, end = bounds[n]
            if speech_start is None:
                opening = paragraph[start : start + 1]
                if not (opening.isupper() or (found and opening.islower())):
                    break  # `- in Belarus, in September;`: no speech opens in lower case
                speech_start = start
            spoken_end = len(paragraph[:end].rstrip())
            said = None
            if n + 1 < len(bounds) and paragraph[spoken_end - 1 : spoken_end] in _DIALOGUE_MARKS:
                # `"- I thanked Putin, - he said."`: he is not Putin
                self._named_in_quote = self._names_within(index, speech_start, spoken_end)
                said = self._dialogue_attribution(index, paragraph, *bounds[n + 1])
                self._named_in_quote = frozenset()
            if said is not None:
                attribution, cut = said
                found.append((speech_start, spoken_end, attribution))
                speech_start = None
                n += 2
                if paragraph[cut : bounds[n - 1][1]].strip():
                    break  # `..., - Zas said. He then left.`: narration after the attribution ends the speech
                continue
            n += 1
        if attribution is None:
            return False
        if speech_start is not None:  # `- Our task is ...` after the attribution: the last speaker's
            found.append((speech_start, len(paragraph[: bounds[-1][1]].rstrip()), attribution))
        for start, end, said in found:
            if len(words(paragraph[start:end])) >= 3:
                self._add(index, paragraph, start, end, said, "unmarked")
        return True

    def _dialogue_attribution(self, index: int, paragraph: str, start: int, end: int) -> tuple[Attribution, int] | None:
        """The attribution in paragraph[start:end], a part of dash dialogue (`Zas said.`, `said Imangali
        Tasmagambetov,`, `he added.`), with where it ends; None unless it names whoever speaks."""
        stop = _SENTENCE_END.search(paragraph, start, end)
        cut = stop.start() + 1 if stop else end
        part = paragraph[start:cut].rstrip(" .,:")
        if len(part) > 120:
            return None
        inverted = _VERB_THEN_WHO.fullmatch(part)
        if inverted:
            who_start = start + inverted.start("who")
            who_end = self._first_named_end(index, who_start, who_start + len(inverted.group("who")))
            speaker = self._resolve_subject(index, who_start, who_end)
        else:
            verb = _VERB.search(part)
            subject = part[: verb.start()] if verb else ""
            if not subject.strip() or _SUBJECT_BOUNDARY.search(subject.strip()) or len(subject.split()) > 8:
                return None
            if verb is not None and _reports_a_clause(part, part[: verb.end()]):
                return None  # `- The commission, - Zas said, will meet in June.`: his report, not his words
            continuing = verb is not None and verb.group(0).lower() in _CONTINUING
            speaker = self._resolve_subject(index, start, start + len(subject.rstrip()), continuing)
        if not speaker:
            return None
        return Attribution(speaker, paragraph[start:cut].strip(), "unmarked", 0.75), cut

    def _led_in(self, index: int) -> int:
        """Speech with no quote marks under a lead-in ending in a colon that names who speaks
        (`Foreign Minister Ararat Mirzoyan, asked about the contributions:`, `He said:`): a
        Markdown blockquote or a pull quote once its marks are gone. Returns how many paragraphs
        the speech takes (0: none).

        The speech goes on as a labelled turn does (see `_turn_goes_on`), and must speak in
        the first person somewhere and not name its speaker: "Tokayev listed the decisions:"
        over lines of narration is no quotation."""
        if index == 0 or not self.paragraphs[index - 1].rstrip().endswith(":"):
            return 0
        paragraph = self.paragraphs[index]
        if _LABEL_LIKE.match(paragraph) or _is_question(paragraph) or not _SPOKEN_END.search(paragraph):
            return 0
        previous = self.paragraphs[index - 1]
        sub = self._verb_subject(index - 1, previous, _sentence_start(previous.rstrip()[:-1]), len(previous))
        speaker = sub[0] if sub else self._lead_in_speaker(index - 1)
        if not speaker:
            return 0
        last = index
        while last + 1 < len(self.paragraphs) and self._turn_goes_on(last + 1):
            last += 1
        text = self.text[self.offsets[index] : self.offsets[last] + len(self.paragraphs[last])]
        if len(words(text)) < 8 or not _FIRST_PERSON.search(text):
            return 0
        if any(self._names(i, speaker) for i in range(index, last + 1)):
            return 0  # "Zas said:" over "Zas then left": narration
        self._add_text(index, text, Attribution(speaker, previous.strip(), "before", 0.75), "unmarked")
        return last - index + 1

    def _speech_start(self, speech: str, speaker: str) -> int:
        """Skip leading sentences that speak of the speaker in the third person."""
        surname = speaker.split()[-1]
        start = 0
        for match in _STOP.finditer(speech):
            sentence = speech[start : match.start()]
            if surname in sentence or _HE_SHE.search(sentence):
                start = match.end()
            else:
                break
        return start

    # -- interviews ----------------------------------------------------------
    def _label(self, index: int, paragraph: str) -> tuple[str, str, int] | None:
        """(speaker, label, where the speech starts) of `Zas: ...` or of a label with an
        office before the name (`President of Kazakhstan Kassym-Jomart Tokayev: ...`)."""
        base = self.offsets[index]
        match = _LABEL.match(paragraph)
        if match:
            named = [m for m in self.people.mentions if m.start == base and m.end <= base + match.end("label")]
            if named:
                return self.people.resolve(named[0].words), match.group("label"), match.start("speech")
        colon = paragraph.find(":", 0, 120)
        if colon < 0 or not paragraph[colon + 1 : colon + 2].isspace():
            return None
        speech_start = len(paragraph) - len(paragraph[colon + 1 :].lstrip())
        named = [m for m in self.people.mentions if base < m.start and m.end == base + colon]
        if not named or speech_start == len(paragraph):
            return None
        title = paragraph[: named[-1].start - base]
        tokens = {t.lower().rstrip(".") for t in title.split()}
        if not _TITLE_LABEL.match(title) or not tokens & ROLE_WORDS:
            return None  # "Earlier today Zas:" is no label; "Mr Tokayev:" or "President of X Tokayev:" is
        if any(base <= m.start < named[-1].start for m in self.people.mentions):
            return None  # another name inside the label
        return self.people.resolve(named[-1].words), paragraph[:colon], speech_start

    def _transcript(self, index: int, paragraph: str) -> int:
        """`Zas: We believe ...`: a paragraph labelled with a person's name. Returns how many
        paragraphs the turn takes (0: not a labelled turn).

        A turn goes on over the paragraphs after the label that read as the same voice
        speaking: sentences in the first person (or a word of thanks), no quote marks, no
        question, no label of their own. A label whose words do not end as a sentence
        (`Peskov: Putin will attend CSTO summit`) is a headline, unless it opens a turn
        with a greeting that ends in a comma or colon and speech follows."""
        label = self._label(index, paragraph)
        if label is None or _is_question(paragraph):
            return 0
        speaker, label_words, speech_start = label
        last = index
        while last + 1 < len(self.paragraphs) and self._turn_goes_on(last + 1):
            last += 1
        if not _SPOKEN_END.search(paragraph) and not (paragraph.rstrip()[-1:] in ",:" and last > index):
            return 0
        base = self.offsets[index]
        text = self.text[base + speech_start : self.offsets[last] + len(self.paragraphs[last])]
        if len(words(text)) < 5:
            return 0
        attribution = Attribution(speaker, label_words + ":", "transcript", 0.8)
        self._add_text(index, text, attribution, "unmarked")
        return last - index + 1

    def _turn_goes_on(self, index: int) -> bool:
        """Whether paragraph `index` continues the labelled turn before it (see `_transcript`)."""
        paragraph = self.paragraphs[index]
        if _LABEL_LIKE.match(paragraph) or _is_question(paragraph) or _DOUBLE_MARKS.search(paragraph):
            return False
        if not _SPOKEN_END.search(paragraph) or paragraph.rstrip().endswith("?"):
            return False
        return bool(_FIRST_PERSON.search(paragraph)) or len(words(paragraph)) <= 3

    def _interview_answers(self) -> dict[int, tuple[int, ...]]:
        """Paragraph index of each answer's first paragraph -> all its paragraphs.

        An interview is at least two question paragraphs (`— Question?`,
        `Q: ...?`, `1. ...?`) each followed by paragraphs that are not questions.
        Questions with no mark before them are also an explainer's subheads ("What
        happens next?"), so they make an interview only where someone is addressed
        (see `_addressed`), and an answer there that names the interviewee is narration.

        In the dash layout (`— Question?` / `— Answer.`) dashes take turns: a dash
        paragraph after an answer is the next question even with no question mark
        (`— Some say ...`), and the paragraphs without a dash between an answer and the
        next question are the rest of that answer."""
        questions = [i for i, p in enumerate(self.paragraphs) if _is_question(p)]
        if len(questions) < 2:
            return {}
        unmarked = 2 * sum(1 for q in questions if _MARKED_QUESTION.match(self.paragraphs[q])) <= len(questions)
        if unmarked and not self._addressed(questions):
            return {}
        # Dashes on the answers too (`— Question?` then `— Answer.`), not on the questions alone.
        after_first = self.paragraphs[questions[0] + 1] if questions[0] + 1 < len(self.paragraphs) else ""
        dashed = bool(_DASHED.match(after_first)) and all(_DASHED.match(self.paragraphs[q]) for q in questions)
        if dashed:
            questions = self._dash_turns(questions)
        interviewee = self._interviewee() if unmarked else None
        answers: dict[int, tuple[int, ...]] = {}
        for n, q in enumerate(questions):
            stop = questions[n + 1] if n + 1 < len(questions) else len(self.paragraphs)
            block = tuple(i for i in range(q + 1, stop) if not _is_question(self.paragraphs[i]))
            if not block or (dashed and not _DASHED.match(self.paragraphs[block[0]])):
                continue
            if interviewee and self._names(block[0], interviewee):
                continue  # "Tokayev declared a state of emergency": about him, not by him
            length = 1
            if dashed and n + 1 < len(questions):  # the rest of an answer: only before another question
                while length < len(block) and not _DASHED.match(self.paragraphs[block[length]]):
                    length += 1
            answers[block[0]] = block[:length]
        return answers

    def _addressed(self, questions: list[int]) -> bool:
        """An interview's questions speak to someone: the intro says so ("spoke with"), or
        at least half the questions say "you" or open by naming whom they ask."""
        intro = self.text[: self.offsets[questions[0]]]
        if _INTERVIEW_INTRO.search(intro):
            return True
        asking = sum(1 for q in questions if _SECOND_PERSON.search(self.paragraphs[q]) or self._vocative(q))
        return 2 * asking >= len(questions)

    def _vocative(self, index: int) -> bool:
        """`1. Stanislav Vasilyevich, how would you ...?`: the question opens with a name and a comma."""
        paragraph = self.paragraphs[index]
        lead = len(_QUESTION_LEAD.match(paragraph).group(0))
        base = self.offsets[index]
        first = next((m for m in self.people.mentions if m.start >= base + lead), None)
        if first is None or self.text[base + lead : first.start].strip() not in {"", "Mr.", "Mrs.", "Ms.", "Mr", "Ms"}:
            return False
        return self.text[first.end : first.end + 1] == ","

    def _names(self, index: int, name: str) -> bool:
        """Whether paragraph `index` names `name`."""
        low, high = self.offsets[index], self.offsets[index] + len(self.paragraphs[index])
        return any(low <= m.start < high and self.people.resolve(m.words) == name for m in self.people.mentions)

    def _dash_turns(self, questions: list[int]) -> list[int]:
        """The questions of a dash interview, with the dash prompts that lack a question mark."""
        found = set(questions)
        answered = False  # whether the last dash paragraph was an answer
        for i in range(questions[0], len(self.paragraphs)):
            if not _DASHED.match(self.paragraphs[i]):
                continue
            if i in found:
                answered = False
            elif answered:
                found.add(i)  # `— Some in Moscow say ...`: a question without "?"
                answered = False
            else:
                answered = True
        return sorted(found)

    def _add_answer(self, index: int, block: tuple[int, ...]) -> None:
        speaker = self._interviewee()
        paragraph = self.paragraphs[index]
        start = len(_ANSWER_LEAD.match(paragraph).group(0))
        attribution = Attribution(speaker, "answer in an interview", "interview", 0.7)
        last = block[-1]
        text = self.text[self.offsets[index] + start : self.offsets[last] + len(self.paragraphs[last])]
        self._add_text(index, text, attribution, "unmarked")

    def _interviewee(self) -> str | None:
        """The person an interview's answers are credited to (see `_find_interviewee`), found once."""
        if self._interviewee_found is None:
            first = next((i for i, p in enumerate(self.paragraphs) if _is_question(p)), len(self.paragraphs))
            self._interviewee_found = (self._find_interviewee(self.offsets[first] if first < len(self.offsets) else 0),)
        return self._interviewee_found[0]

    def _find_interviewee(self, intro_end: int) -> str | None:
        """Who is interviewed, from the title and the intro (text offsets up to `intro_end`, where the
        first question begins): the one they say is interviewed or spoke (`an interview with X`, `we
        talked to X`, `X spoke to our correspondent`, `X answered questions`), else the one person the
        intro names. Two candidates, or none, give no one: answers are no one's rather than a guess,
        and a name first met inside an answer (a capitalised word opening it) is never the interviewee."""
        said = {name for name in (self._interviewed_in_title(), *self._interviewed_in_intro(intro_end)) if name}
        if said:
            return next(iter(said)) if len(said) == 1 and _UNCONFIRMED not in said else None
        named = [m for m in self.people.mentions if m.end <= intro_end]
        if len({self.people.resolve(m.words) for m in named}) != 1 or all(m.possessive for m in named):
            return None
        return self.people.resolve(named[0].words)

    def _interviewed_in_intro(self, intro_end: int) -> list[str]:
        """The people the intro's sentences say are interviewed: named right after `an interview with`,
        `talked to` and the like, or the one subject of `spoke`, `answered questions`, `gave an interview`."""
        found: list[str] = []
        objects: set[int] = set()  # where `talked to X` named its X: "talked" has no subject to look for
        for match in _INTERVIEWED_OBJECT.finditer(self.text, 0, intro_end):
            window = self.text[match.end() : min(intro_end, match.end() + 80)]
            stop = _OBJECT_STOP.search(window)
            end = match.end() + (stop.start() if stop else len(window))
            first = next((m for m in self.people.mentions if match.end() <= m.start and m.end <= end), None)
            if first is not None and not first.possessive:
                found.append(self.people.resolve(first.words))
                objects.add(match.start())
        for match in _INTERVIEWED_SUBJECT.finditer(self.text, 0, intro_end):
            if match.start() in objects:
                continue
            head = self.text[: match.start()]
            start = max(_sentence_start(head), head.rfind("\n") + 1)
            # `Ahead of the summit that X will host, we talked`: a name inside a clause is not the subject.
            named = [
                m
                for m in self.people.mentions
                if start <= m.start and m.end <= match.start() and not _SUBORDINATE.search(self.text, start, m.start)
            ]
            heads = {self.people.resolve(m.words) for m in named if not m.possessive}
            if len(heads) == 1 and len({self.people.resolve(m.words) for m in named}) == 1:
                found.append(next(iter(heads)))
        return found

    def _interviewed_in_title(self) -> str | None:
        """`"...": an interview with Stanislav Zas`: the person the title says is interviewed, by a
        name the text writes too (the people index covers the text, not the title)."""
        match = _INTERVIEWED_OBJECT.search(self.title) if self.title else None
        if match is None:
            return None
        window = self.title[match.end() :]
        stop = _OBJECT_STOP.search(window)
        window = window[: stop.start() if stop else len(window)]
        written = sorted({m.words for m in self.people.mentions}, key=len, reverse=True)
        found = next((w for w in written if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", window)), None)
        if found:
            return self.people.resolve(found)
        # The title names someone the text never writes (`an interview with Stanislav Zas` over an intro
        # naming only his deputy): the answers are that person's, whom the text cannot confirm, so no one's.
        return _UNCONFIRMED if _names_someone(window) else None

    # -- recording -------------------------------------------------------------
    def _add(
        self, index: int, paragraph: str, start: int, end: int, attribution: Attribution | None, kind: str
    ) -> None:
        self._add_text(index, paragraph[start:end], attribution, kind)

    def _add_text(self, index: int, text: str, attribution: Attribution | None, kind: str) -> None:
        text = " ".join(text.split()).rstrip(" ,")
        if not text:
            return
        key = comparable(text)
        if not key or any(key == seen or key in seen for seen in self._seen):
            return  # the same quote again (a repeated lead): keep one
        self._seen.append(key)
        self._last_attribution = attribution
        speaker = attribution.speaker if attribution else None
        evidence = (
            Evidence(attribution.words, attribution.rule, attribution.confidence)
            if attribution
            else Evidence(text[:60], "unattributed", 0.3, note="no attribution found near the quote")
        )
        self.quotes.append(Quote(text=text, speaker=speaker, kind=kind, paragraph=index, evidence=evidence))  # type: ignore[arg-type]
        if speaker:
            self.last_speaker = speaker


def _surname_first(two_word: dict[str, str]) -> str | None:
    """`Li Xin, director of ..., told ...` then `"...," Li said`: Chinese, Korean and Vietnamese names
    put the surname first, so a one-word name that is the first word of exactly one two-word name
    written before it (`two_word`: each such person, as written), where no name ends in that word,
    is that person."""
    return next(iter(two_word.values())) if len(two_word) == 1 else None


_SOURCE_NOUNS = guarded(
    re.compile(
        r"\b(ministry|ministries|secretariat|office|service|kremlin|government|statement|press release|council|"
        # an agency or a company named by one word: the Pentagon, Rosatom, Gazprom, Rosoboronexport
        r"pentagon|elysee|élysée|akorda|\w{2,}(?:prom|neft|gaz|atom|export|import|kosmos|cosmos|nadzor|gvardiya|"
        r"gvardia|energo|telecom|flot|zavod|khim|stroy|trans)|"
        r"committee|department|embassy|mission|agency|organi[sz]ation|csto|source|sources|officials?|analysts?|"
        r"experts?|observers?|diplomats?|spokesman|spokeswoman|spokesperson|report|document|declaration|communique|"
        r"witness(?:es)?|residents?|participants?|media|reports|leaders?|people|side|party|parties|authorities|aides?|"
        r"advis[eo]rs?|assistants?|insiders?|"
        # legislatures, by the words the region's parliaments and their organs are named with
        r"parliaments?|assembl(?:y|ies)|senate|duma|rada|kenesh|kengesh|majl[ie]s|majilis|mazhilis|mejlis|sejm|"
        r"saeima|seimas|khurals?|kurultai|congress(?:es)?|chambers?|presidium|politburo|caucus(?:es)?|factions?|"
        # courts and prosecutors
        r"courts?|tribunals?|judiciary|procuracy|prosecut(?:ors?|ion)|"
        # executive bodies, by their head nouns: the -ate/-iat offices, commissions, boards, bureaus, authorities
        r"(?:inspector|director|commissar|prefect|protector)(?:ate|iat)s?|commissions?|administrations?|"
        r"boards?|bureaus?|bureaux|authority|cabinet|presidency|chancellery|headquarters|command|staff|"
        r"alliance|bloc|union)\b",
        re.IGNORECASE,
    )
)


# A phrase that names someone by their office or their tie to someone else, not the holder: `a
# Russian diplomat`, `an official`, `his spokesman`.
_SOMEONE_WORDS = frozenset({"a", "an", "one", "another", "his", "her", "their", "its"})
# The words before a name that is the complement of an unnamed person: `a spokesman for President `,
# `a source close to `, `an aide to the `. In lower case: `Adviser to the President X` is X's title.
_COMPLEMENT_LEAD = re.compile(
    r"\b(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|assistant|sources?|officials?|insiders?)"
    r"\s+(?:(?:close|closer|familiar|near)\s+)?(?:for|to|with)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
# Someone unnamed, one person (`a source in the ministry`, `an official`, `the source`, `Lavrov's aide`):
# who a "he" or "she" after them may be. `an official visit` is no person.
_UNNAMED_PERSON = guarded(
    re.compile(
        r"\b(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?|[\w-]+['’]s\s+(?:[\w'’-]+\s+){0,2}?"
        r"|[Tt]he\s+(?:same\s+)?(?=(?:source|official|interlocutor|insider)\b))"
        r"(?:source|official|diplomat|officer|analyst|expert|observer|representative|insider|aide|adviser|advisor"
        r"|spokesman|spokeswoman|spokesperson|interlocutor|serviceman|employee|staffer|lawmaker|deputy|politician"
        r"|member|person|participant|witness|resident|commander|envoy|negotiator)(?![\w'’-])"
        r"(?!\s+(?:visit|trip|delegation|website|statement|channel|data|figures|position|meeting|talks|ceremony|level"
        r"|capacity|status|document|language|page|account|report|source|sources|representative)s?\b)"
    )
)
# `TASS quoted Zas as saying`: the words are Zas's, whoever quotes them.
_QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+(?P<who>[^,.;:!?\"“”«»]{2,60}?)\s+as\s+"
    r"(?:saying|telling|stating|noting|adding|stressing|writing)\b"
)
_SPOKE = re.compile(r"\b(?:spoke|speaking|talked|talking|confirmed|denied)\b")
_ACCORDING_TO_END = re.compile(r"\baccording to\s+$", re.IGNORECASE)
_OBJECT_LEAD = re.compile(r"\b(?:to|with|by|from|for|of|about|and|met|meeting|told|asked|than|like)\s+$")
_SENTENCE_OR_QUOTE = re.compile(r"[.!?](?=\s|$)|[\n\"“”«»„]")
_QUOTED_TEXT = re.compile(r"[\"“«„][^\"“”«»„\n]*[\"”»“]")


def _names_one_by_office(subject: str) -> bool:
    """A short phrase naming one person by office only: "the secretary general", "a Russian diplomat"."""
    tokens = subject.lower().split()
    return 2 <= len(tokens) <= 6 and tokens[0] in {"the", "a", "an"} and tokens[-1] in PERSON_ROLE_HEADS


def _names_a_source(subject: str) -> bool:
    """A short subject phrase naming an institution or unnamed people."""
    tokens = subject.split()
    return 0 < len(tokens) <= 7 and bool(_SOURCE_NOUNS.search(subject))


# How a quote with no speaker is judged whose next sentence reports someone's own words (`"...."
# Peskov added that ...`): speech, as one credited to no one person is, not a phrase of the writer's.
_SPEECH_FOLLOWS = Attribution(None, "the next sentence reports its own words", "unattributed", 0.3)


def _short_sentence_credited_after(attribution: Attribution, inside: bool, quoted: str) -> bool:
    """`"The appeal is rejected," the court said.`: a short quote that opens its sentence, ends in a
    sentence's punctuation inside its marks and has its attribution right after, is a sentence of a
    body's or an unnamed person's, not a scare quote (which sits inside a sentence) or a title."""
    credited = attribution.rule == "after-unnamed" or attribution is _SPEECH_FOLLOWS
    return credited and not inside and quoted.rstrip()[-1:] in {",", ".", "!", "?"}


def _claims(before: str, tokens: list[str]) -> bool:
    """Whether a short quoted phrase, after the words `before` it in its sentence, is the claim of
    the clause it sits in, so the words of whoever is reported saying that clause.

    The claim is what follows a copula (`the request was "a sign of weakness"`), a predicate the
    quote opens with a verb of (`the door "remains open"`), or what a verb of judging judges
    (`blamed the unrest on "terrorist gangs"`). A phrase anywhere else in the clause (the object
    of another verb, `was studying "all the options"`; a circumstance, `"when the time comes"`;
    its subject, `the so-called "frozen membership"`) may be a scare quote or a set phrase, and
    after a word of naming (`dubbed`, `called`) it is a title. Nor is a verb's -ing form after the
    writer's own auxiliary (`the government was "isolating Armenia"`) a claim of this rule: that
    splits one predicate between two voices, so the rule leaves it out rather than guess."""
    tail = before[-120:]
    if _NAMING_END.search(tail):
        return False
    after_copula = bool(_COPULA_END.search(tail)) and not tokens[0].endswith("ing")
    return after_copula or tokens[0] in _PREDICATE_WORDS or bool(_JUDGED_END.search(tail))


# `told Asia-Plus on Friday that the patrols "deter smugglers"`, `said on Saturday that it "changes the
# picture"`: a verb of speech, its object or its time, "that", then the clause's subject (a few words,
# no verb of its own) right before the quote (see `_claims_after_that`).
_THAT_SUBJECT_END = re.compile(
    rf"\b(?:{SPEECH_VERB}|saying|telling|adding|noting|warning|stressing|insisting)(?:\s+[\w'’-]+){{0,6}}?\s+that"
    r"\s+(?P<subject>(?:[\w'’-]+\s+){0,3}[\w'’-]+)$"
)
_MODALS = frozenset({"would", "will", "could", "should", "must", "may", "might", "can", "cannot"})
# Words a subject does not end with: it would go on into the quote ("that the "red line" was clear").
_NOT_SUBJECT_END = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "of",
    "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "so-called", "new", "so", "very", "such",
    "not", "no", "all", "some", "any", "every", "each", "other", "more", "most",
})  # fmt: skip
# Words that open no predicate ("that the talks "in good faith"").
_NOT_A_VERB = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "as", "very", "so",
    "this", "that", "these", "those", "its", "their", "his", "her", "our", "not", "no", "all", "some", "only",
    "even", "more", "most", "such", "than", "into", "over", "under", "about", "between", "against", "without",
})  # fmt: skip
_PLURAL_SUBJECTS = frozenset({"they", "we", "you", "i", "both", "many", "others"})
_PREDICATE_AFTER = re.compile(r"^\s*(?:[\w'’-]+ed|" + "|".join(sorted(_PREDICATE_WORDS)) + r")\b")


def _after_close(paragraph: str, span: Span) -> str:
    """The words of the paragraph after the quote's closing mark, if it closes."""
    return paragraph[span.close_mark + 1 : span.close_mark + 60] if span.close_mark is not None else ""


def _claims_after_that(before: str, inner: str, after: str, lead: re.Pattern[str] = _THAT_SUBJECT_END) -> bool:
    """Whether a short quoted phrase is the predicate of a clause reported after "that" (`told X that
    the drills "send a clear signal"`): the words between "that" and the quote are the clause's
    subject, with no verb of their own, and the quote opens with a verb's form, in lower case: after
    a modal, a form in -s or -ed, or any word after a plural subject ("the drills send").

    A quote the clause's subject goes on into (`that the "red line" was`, `that the Afghan "buffer
    zones" were`, `that the so-called "peace plan"`) is a scare quote or a name, not a claim."""
    tail = before[-120:]
    found = lead.search(tail)
    if not found or _NAMING_END.search(tail) or not inner.lstrip()[:1].islower():
        return False
    subject = [w.lower() for w in found.group("subject").split()]
    if subject[-1] in _MODALS:
        return len(subject) > 1 and not _PREDICATE_WORDS.intersection(subject[:-1])
    if _PREDICATE_WORDS.intersection(subject) or subject[-1] in _NOT_SUBJECT_END or _PREDICATE_AFTER.match(after):
        return False
    first = words(inner)[0]
    if first in _NOT_A_VERB or first.endswith(("ing", "ly", "'s")):
        return False
    if first.endswith("ed") or (first.endswith("s") and not first.endswith(("ss", "us", "is"))):
        return True
    return subject[-1] in _PLURAL_SUBJECTS or (subject[-1].endswith("s") and not subject[-1].endswith(("ss", "'s")))


# `said Russia "regrets" the decision`: a verb of speech, then the reported clause's subject (a few
# words, no verb of its own) right before the quote (see `_reported_words`).
_SAID_SUBJECT_END = re.compile(
    r"\b(?:said|says|added|adds|noted|notes|stressed|warned|insisted|argued|believes)"
    r"\s+(?P<subject>(?:[\w'’-]+\s+){0,3}[\w'’-]+)$"
)
# The words of speech in a sentence before a quote: a verb of speech or a participle of one, and at
# least one word of the clause it reports between it and the quote.
_REPORTS = re.compile(rf"\b(?:{SPEECH_VERB}|saying|adding|noting|stressing|warning|insisting)\s+\S")
# Words that introduce a term, not a claim: `the term "buffer zone"`, `the word "partner"`.
_TERM_END = re.compile(r"\b(?:the|a)\s+(?:term|word|phrase|expression|label|slogan|formula|motto)$", re.IGNORECASE)
# A circumstance a speaker gives in their own words (`could be deployed "within days" if`):
# prepositions of time, manner and condition, and adverbs of time standing alone.
_CIRCUMSTANCE_LEADS = frozenset({
    "within", "under", "by", "until", "till", "before", "after", "without", "in", "at", "on", "for", "from",
    "over", "during", "through", "beyond", "only",
})  # fmt: skip
_TIME_ADVERBS = frozenset({
    "soon", "now", "never", "later", "again", "together", "already", "yet", "today", "tomorrow", "forever",
    "first", "next", "still", "too",
})  # fmt: skip
_CLAUSE_OPENS = re.compile(r"\b(?:that|and|but|while|whereas)\b|[,;]")
_SENTENCE_GOES_ON = re.compile(r"^\s+[a-z]")
_STOP_INSIDE = re.compile(r"[.!?]\s*$")
# `... for Moscow, said Andrei Kortunov, a Russian analyst.`: the rest of a sentence, ending in a comma,
# a verb of speech and who spoke (maybe with an appositive), then the sentence's end.
_SAID_AT_END = re.compile(
    r"(?P<between>[^\"“”«»„.!?;:\n]{0,100}),\s+(?P<verb>said|says|added|adds|noted|notes|argued|argues|wrote|writes)"
    r"\s+(?P<who>(?:[^,.;:!?\"“”«»„\n]|(?<=\b[A-Z])\.){2,60}?)\s*(?:,[^\"“”«»„.!?\n]{0,100})?[.!]?\s*(?:$|(?<=[.!])\s)"
)


def _reported_words(before: str, inner: str, after: str, tokens: list[str]) -> bool:
    """Whether a quoted phrase of one to ten words inside a sentence is the words of the speaker
    whose reported clause it stands in (`said Armenia would leave "when the time comes."`).

    It must open in lower case, follow a verb of speech and words of the clause in its sentence,
    and not follow a word of naming or a term (`dubbed`, `the term`) or a word that opens a noun
    phrase (`the "reset"`: a scare quote). Then it counts where its marks close the speaker's
    sentence with its stop inside them; or, where the sentence goes on after it, as a circumstance
    (`"within days" if`, `"soon" on`) or as the predicate a bare subject opens (`said Russia
    "regrets" the decision`). An object inside the sentence (`was weighing "all the options" for`)
    is a scare quote's place, and a phrase the sentence ends on with its stop outside the marks
    (`"when it is ready".`) is marked by the writer as a phrase, not a sentence of the speaker's:
    both are left to `_claims`."""
    if not 1 <= len(tokens) <= 10 or not inner.lstrip()[:1].islower():
        return False
    sentence = before[_sentence_start(before) :]
    if _NAMING_END.search(sentence) or _TERM_END.search(sentence) or not _REPORTS.search(sentence):
        return False
    previous = words(sentence[-40:])
    if not previous or previous[-1] in _NOT_SUBJECT_END:
        return False
    if not _clause_has_verb(sentence):
        return _claims_after_that(before, inner, after, _SAID_SUBJECT_END)
    if _STOP_INSIDE.search(inner) and not after.strip()[:1].isalnum():
        return True
    if not _SENTENCE_GOES_ON.match(after):
        return False
    if tokens[0] in _CIRCUMSTANCE_LEADS and len(tokens) > 1:
        return True
    return len(tokens) == 1 and (tokens[0] in _TIME_ADVERBS or tokens[0].endswith("ly"))


def _clause_has_verb(sentence: str) -> bool:
    """Whether the clause the last verb of speech of `sentence` reports has its own verb before the
    quote (`that Yerevan would not return to the bloc`): only then is a phrase after it a circumstance
    or an object of that verb, not a part of the clause's subject (`that the talks "in good faith" went on`)."""
    last = max(_REPORTS.finditer(sentence), key=lambda m: m.start(), default=None)
    if last is None:
        return False
    start = last.end() - 1
    cut = max(_CLAUSE_OPENS.finditer(sentence, start), key=lambda m: m.start(), default=None)
    clause = words(sentence[cut.end() if cut else start :])  # `were ready and that the talks`: the last clause
    return any(t in _PREDICATE_WORDS or t.endswith("ed") for t in clause)


def _continues(paragraph: str, previous: Span, span: Span) -> bool:
    """The span resumes the previous quote after a short attribution."""
    if previous.close_mark is None:
        return False
    between = paragraph[previous.close_mark + 1 : span.open_mark]
    inner = paragraph[span.start : span.start + 1]
    return (
        inner.islower() and between.rstrip().endswith(",") and len(between.split()) <= 8 and bool(_VERB.search(between))
    )


# What may follow a speech verb in an attribution that says no more than who spoke: when, where,
# how, to whom (`said on Wednesday`, `added, speaking in Minsk`, `said earlier`, `said Tuesday`).
_TAIL_WORDS = frozenset({
    "at", "on", "in", "during", "after", "before", "to", "from", "with", "via", "by", "while", "when", "as",
    "for", "about", "upon", "following", "ahead", "over", "amid", "through", "within", "near", "under",
    "without", "outside", "inside", "earlier", "later", "yesterday", "today", "tonight", "again", "also",
    "then", "recently", "once", "too", "afterwards", "last", "next", "soon", "shortly", "separately",
    "meanwhile", "however", "though", "instead", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})  # fmt: skip
# Words that point back at the quote (`Peskov said this at the briefing`, `Zas said so`): a clause only
# with a verb after them (`Peskov said it would ...`).
_BACK_REFERENCE = frozenset({"this", "that", "so", "it", "these", "those", "thus", "as much", "the same"})
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "where"})
_TIME_LEADS = frozenset({"the", "a", "an", "two", "three", "several", "some", "few"})
_TIME_WORDS = frozenset({
    "day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon", "evening", "night",
    "later", "earlier", "ago", "next", "following", "previous", "same", "other",
})  # fmt: skip
# Verbs whose first words after them are whom they were said to (`told reporters`, `assured TASS`).
_TO_WHOM_VERBS = frozenset({"told", "tells", "asked", "assured", "informed", "reminded", "urged", "promised"})
_CLAUSE_CUT = re.compile(r"[,;:()\"“”«»—–]|\s-\s")


def _reports_a_clause(after_quote: str, words: str) -> bool:
    """Whether the sentence after a quote that ended its own sentence goes on, past its speech
    verb, into words of its own: a clause (`Peskov said Moscow would continue ...`, `Zas said on
    Tuesday that ...`, `Lavrov, however, said the talks had been short`), what the verb is about
    (`Peskov stressed the need for unity`), or a colon or a quote leading into other words
    (`Peskov said: "`, `Peskov said, "`).
    Then it reports that speaker's own words, and is no attribution of the quote before it.

    An attribution says no more than who spoke and when, where, how or to whom: `Peskov said.`,
    `Peskov said on Tuesday, adding that ...`, `Zas told reporters in Minsk`, `Zas said so`."""
    found = after_quote.find(words)
    if found < 0:
        return False
    rest = after_quote[found + len(words) :]
    end = _SENTENCE_END.search(rest)
    rest = _ASIDE.sub(" ", rest[: end.start() if end else len(rest)])
    if rest.lstrip().startswith(":"):
        return True
    rest = rest.lstrip(" ,")
    if rest and rest[0] in OPENERS + '"':
        return True  # `Peskov said, "Moscow will ..."`: into a quote of his own
    cut = _CLAUSE_CUT.search(rest)  # `said on Tuesday, adding that ...`: the clause after the comma is an aside
    tokens = [t.lower() for t in _WORD_TOKEN.findall(rest[: cut.start() if cut else len(rest)])]
    relative = next((i for i, t in enumerate(tokens) if t in _RELATIVE_WORDS), len(tokens))
    tokens = tokens[:relative]  # `told reporters who had gathered in Minsk`: a clause about the listeners
    if not tokens:
        return False
    if tokens[0] in _TIME_LEADS and set(tokens[1:3]) & _TIME_WORDS and not set(tokens) & _PREDICATE_WORDS:
        return False  # `said the next day`, `said a week later`
    if any(t == "that" and i + 1 < len(tokens) and tokens[i + 1] not in _TAIL_WORDS for i, t in enumerate(tokens)):
        return True
    verb = words.split()[-1].lower() if words.split() else ""
    if verb in _TO_WHOM_VERBS or tokens[0] in _BACK_REFERENCE or " ".join(tokens[:2]) in _BACK_REFERENCE:
        return any(t in _PREDICATE_WORDS for t in tokens[1:])  # `told reporters Moscow would ...`
    return tokens[0] not in _TAIL_WORDS and not tokens[0].endswith(("ly", "ing"))


def _ends_sentence_before(paragraph: str, span: Span) -> bool:
    """Whether the sentence holding a closed quote ends at the quote: its last word ends a sentence
    (`." Peskov`, `?" Zas`) or a full stop follows the mark (`". Peskov`), then a capital. What comes
    after may still attribute it (`"Why?" Zas asked.`), but not over words before it in its own sentence."""
    assert span.close_mark is not None
    rest = paragraph[span.close_mark + 1 :]
    if rest[:1] == ".":
        return True
    inner = paragraph[span.start : span.end].rstrip()
    return inner[-1:] in (".", "!", "?") and rest[:1].isspace() and rest.lstrip()[:1].isupper()


def _sentence_start(text: str) -> int:
    """Offset where the last sentence of `text` begins."""
    best = 0
    for match in _NEXT_SENTENCE.finditer(text):
        before = text[: match.start() + 1]
        if _ABBREVIATION_END.search(before, tail_start(_ABBREVIATION_END, before)):
            continue
        best = match.end()
    return best


def _is_title_case(inner: str) -> bool:
    """A programme's or a book's name: mostly capitalised words, no sentence end."""
    if _ENDS_SENTENCE.search(inner.strip()):  # most quotations: no need to read their words
        return False
    tokens = _WORD_TOKEN.findall(inner)
    if not tokens:
        return False
    small = {"of", "the", "and", "for", "to", "in", "on", "a", "an", "at", "with"}
    significant = [t for t in tokens if t.lower() not in small]
    if not significant:
        return False
    capitalised = sum(1 for t in significant if t[0].isupper())
    return capitalised / len(significant) >= 0.75


_LABEL = re.compile(
    r"^(?P<label>(?:Mr\.\s|Mrs\.\s|Ms\.\s)?[A-Z][\w.’'-]+(?:\s[A-Z][\w.’'-]+){0,2}):\s+(?P<speech>\S.*)$"
)
# A label with an office before the name: capitalised words and "of", "the" between them.
_TITLE_LABEL = re.compile(r"^(?:(?:[A-Z][\w’'-]*\.?|of|the)\s+)+$")
_LABEL_LIKE = re.compile(r"^[A-Z][\w’'. -]{0,60}:\s")  # `Question: ...`, `Putin: ...`: a turn of its own
_DASHED = re.compile(r"^\s*[—–-]+\s*\S")
_MARKED_QUESTION = re.compile(r"^\s*(?:[—–-]+\s*|Q\s*[:.]\s*|Question\s*[:.]?\s*)\S")
_QUESTION_LEAD = re.compile(r"^\s*(?:[—–-]+\s*|Q\s*[:.]\s*|Question\s*[:.]?\s*|\d{1,2}[.)]\s+)?")
_SECOND_PERSON = guarded(re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE))
_INTERVIEW_INTRO = guarded(
    re.compile(
        r"\b(?:interview(?:ed)?|spoke (?:with|to)|talked (?:with|to)|talking (?:with|to)|in conversation with"
        r"|answered (?:\w+ ){0,2}questions|asked (?:him|her)|Q&A)\b",
        re.IGNORECASE,
    )
)
_QUESTION = re.compile(r"^\s*(?:[—–-]+\s*|Q\s*[:.]\s*|Question\s*[:.]?\s*|\d{1,2}[.)]\s+)?.{8,400}\?\s*$")


# `an interview with X`, `we talked to X`, `spoke with X`: the person named right after is interviewed.
_INTERVIEWED_OBJECT = guarded(
    re.compile(
        r"\b(?:(?:an?\s+|the\s+)?interview\s+with|interviewed|in\s+conversation\s+with|conversation\s+with"
        r"|(?:spoke|talked|talking|speaking|sat\s+down)\s+(?:with|to))\s+",
        re.IGNORECASE,
    )
)
# Where the words that may name the interviewee end: a clause's punctuation, or an "about" that says the topic.
_OBJECT_STOP = re.compile(r"[,.;:!?()\"“”«»—–\n]|\s-\s|\b(?:about|on the|on how|after|before|ahead)\b")
# `X spoke to our correspondent`, `X answered questions`, `X gave an interview to`: the subject is interviewed.
_INTERVIEWED_SUBJECT = guarded(
    re.compile(
        r"\b(?:spoke|talked|answered\s+(?:\w+\s+){0,2}questions|(?:gave|granted)\s+(?:an?\s+)?(?:\w+\s+)?interview"
        r"|told\s+(?:our|this|the|a)\s+(?:\w+\s+)?(?:correspondent|reporter|journalist|newspaper|paper|agency"
        r"|magazine|website|portal|publication|editor|channel|programme|program|podcast)"
        r"|(?:said|told\s+\w+)\s+in\s+an\s+interview)\b",
        re.IGNORECASE,
    )
)


def _is_question(paragraph: str) -> bool:
    # Without a question mark, `_QUESTION` (whose `.{8,400}` backtracks over the paragraph) cannot match.
    if "?" not in paragraph or not _QUESTION.match(paragraph):
        return False
    # A question mark inside a quotation is not an interviewer's question.
    return not any(m in paragraph for m in OPENERS) and paragraph.count('"') < 2


# The last word of a phrase that names one person by office ("the CSTO chief").
PERSON_ROLE_HEADS = {
    "secretary", "general", "secretary-general", "president", "minister", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chair", "chief", "head", "ambassador", "envoy", "commander",
    "director", "leader", "premier", "diplomat", "governor", "mayor", "speaker", "pm", "fm", "secretary's",
}  # fmt: skip
# `," the ambassador added`: credited to a person by office, whoever holds it. So is `," the counterpart said`
# or `," the aide said` when no one or two hold it: someone's words, still not the last speaker's.
_ROLE_THEN_VERB = re.compile(
    rf"\s*[,.]?\s*(?:[—–-]+\s*)?(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?:{'|'.join(sorted(PERSON_ROLE_HEADS | {'counterpart', 'aide'}))})\s+{SPEECH_VERB}\b"
)
_ROLE_SYNONYMS = {
    "secretary-general": {"secretary", "general"},
    "chief": {"secretary", "general", "head"},
    "head": {"secretary", "general", "chief"},
    "spokesman": {"spokesperson", "spokeswoman", "spokesman", "press"},
    "spokeswoman": {"spokesperson", "spokeswoman", "spokesman", "press"},
    "spokesperson": {"spokesperson", "spokeswoman", "spokesman", "press"},
    "premier": {"prime", "minister"},
    "pm": {"prime", "minister"},
    "fm": {"foreign", "minister"},
    "leader": {"president", "prime", "premier", "head"},
    "diplomat": {"foreign", "minister", "ambassador", "spokeswoman", "spokesman"},
    "envoy": {"ambassador", "representative"},
}
_DEMONYMS = {
    "armenian": "armenia", "russian": "russia", "kazakh": "kazakhstan", "kazakhstani": "kazakhstan",
    "belarusian": "belarus", "belarussian": "belarus", "byelorussian": "belarus", "kyrgyz": "kyrgyzstan",
    "kyrgyzstani": "kyrgyzstan", "tajik": "tajikistan", "tajikistani": "tajikistan", "uzbek": "uzbekistan",
    "uzbekistani": "uzbekistan", "azerbaijani": "azerbaijan", "azeri": "azerbaijan", "kremlin": "russia",
    "turkmen": "turkmenistan", "georgian": "georgia", "ukrainian": "ukraine", "moldovan": "moldova",
    "chinese": "china", "iranian": "iran", "turkish": "turkey", "afghan": "afghanistan", "mongolian": "mongolia",
    "american": "usa", "us": "usa", "indian": "india", "pakistani": "pakistan", "serbian": "serbia",
    "french": "france", "german": "germany", "british": "britain", "polish": "poland", "lithuanian": "lithuania",
    "latvian": "latvia", "estonian": "estonia", "finnish": "finland", "hungarian": "hungary",
}  # fmt: skip
_COUNTRIES = set(_DEMONYMS.values())
_ROLE_NOISE = {"the", "a", "an", "of", "organization", "organisation", "collective", "security", "treaty"}


# Words before a country that say where an office is held or whom it deals with, not whose it is:
# "ambassador to Belarus", "envoy for Afghanistan", "the Russian embassy in Yerevan".
_NOT_OWN_COUNTRY = frozenset({"to", "in", "for", "on", "at", "with", "toward", "towards"})


def _nationalities(tokens: list[str]) -> set[str]:
    """The countries an office's words make it an office of ("Russian Ambassador to Belarus": Russia)."""
    found: set[str] = set()
    for i, token in enumerate(tokens):
        country = _DEMONYMS.get(_bare(token), _bare(token))
        if country in _COUNTRIES and (i == 0 or tokens[i - 1] not in _NOT_OWN_COUNTRY):
            found.add(country)
    return found


def _of_country(countries: set[str], wanted: set[str], office: list[str], have: set[str]) -> bool:
    """Whether an office named with a country's adjective ("the Belarusian minister", `countries`
    and `wanted` its terms) is the one whose office words are `office` (`have` their terms): an
    office of that country and of no other, and the same office ("minister"), or one the text gives
    only as a "counterpart" of that country. "Russian Foreign Minister" is never "the Belarusian
    minister", and "Kazakh deputy foreign minister" is no "Kazakh president"."""
    own = _nationalities(office)
    if not own & countries or own - countries:
        return False
    return "counterpart" in have or bool((wanted - _COUNTRIES) & (have - _COUNTRIES))


# "the Kremlin aide", "his Belarusian counterpart": offices named by what their holder is to someone else.
_SOLE_OFFICES = frozenset({"aide", "counterpart"})
_UNNAMED_ONE = frozenset({"a", "an", "one", "another"})  # `an aide said`: someone unnamed
_OWNER_WORDS = frozenset({"the", "his", "her", "their", "its"})
_AIDE_WORDS = frozenset({"aide", "adviser", "advisor", "assistant"})
_PRESIDENTS = frozenset({"kremlin", "president", "presidential", "president's", "president’s"})


def _holds_sole_office(head: str, qualifiers: list[str], people: PeopleIndex, name: str) -> bool:
    """Whether `name` holds the office "the Kremlin aide" (`head` "aide", `qualifiers` ["kremlin"]) or
    "Belarusian counterpart" names: see `QuoteFinder._sole_holder`."""
    if head == "counterpart":
        office = _ROLE_TOKEN.findall(people.counterparts.get(name, "").lower())
    else:
        office = _ROLE_TOKEN.findall(people.office_words(name).lower())
        if not _AIDE_WORDS & set(office):
            return False
    if not office:
        return False
    countries = _nationalities([t for t in qualifiers if t != "kremlin"])
    if countries and _nationalities(office) != countries:
        return False
    for word in qualifiers:
        if word in _PRESIDENTS:
            if not _PRESIDENTS & set(office):
                return False
        elif _DEMONYMS.get(word, word) not in countries and word not in office:
            return False
    return True


def _bare(token: str) -> str:
    """A word without its possessive ("Armenia's" -> "armenia")."""
    return token[:-2] if token.endswith(("'s", "’s")) else token


def _role_terms(tokens: list[str]) -> set[str]:
    terms: set[str] = set()
    for token in tokens:
        if token in _ROLE_NOISE:
            continue
        token = _bare(token)
        terms.add(_DEMONYMS.get(token, token))
        if token == "kremlin":
            terms.add("kremlin")
        terms |= _ROLE_SYNONYMS.get(token, set())
        if "-" in token:
            terms |= set(token.split("-"))
    return {t for t in terms if t in ROLE_WORDS or t in _COUNTRIES or t in {"csto", "kremlin", "counterpart"}}
