"""The loader on short quoted phrases (one to ten words) inside the clause a named person is
reported saying, in articles of our own making.

A phrase counts as the speaker's quote where it stands in the reported clause of one speaker named
(or named before and taken up by a pronoun or an office) in its sentence: after "said ... (that)",
"adding that", or before a sentence-final ", said X". It must read as the speaker's words: the
predicate a bare subject opens (`said Moscow "welcomes" the offer`), a circumstance of the clause's
verb (`would respond "shortly" to`, `could be sent "within hours" if`), or the end of the speaker's
sentence with its stop inside the marks (`would host the summit "if the partners agree."`).

Scare quotes stay out: a word inside a noun phrase (`a "paper tiger"`), an object inside the
sentence (`was reviewing "every scenario" for`), a name or a term (`known as`, `the term`), a
capitalised title or a single capitalised word, a phrase the sentence ends on with its stop
outside the marks, and any phrase whose sentence names no speaker."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def quoted(record) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record.quotes]


PREDICATES_AND_CIRCUMSTANCES = article("""
    Astana weighs a new border mission

    ASTANA | 4 May 2027 | Steppe Herald

    The foreign ministers of the bloc gathered in Astana on Tuesday to discuss the southern border.

    Kremlin aide Yuri Ushakov said Moscow "welcomes" the offer from Astana.

    Kazakh Foreign Minister Murat Nurtleu said Astana would respond "shortly" to the proposal from Bishkek.

    Tajik Defence Minister Sherali Mirzo spoke at length about the frontier. He also said that the reinforcements could be sent "within hours" if the allies agreed.

    Nurtleu said the alliance had become a "paper tiger" in the eyes of its critics.

    Mirzo said the ministry was reviewing "every scenario" for the spring.

    Ushakov said Moscow used the term "buffer belt" only in private.

    Nurtleu said Astana would send troops to "Rubezh" next year.

    Diplomats said the mission could start "within weeks" if funding came through.
""")


def test_a_predicate_or_a_circumstance_in_a_named_speakers_clause_is_their_quote(extract_text):
    record = extract_text(PREDICATES_AND_CIRCUMSTANCES)
    assert quoted(record) == [
        ("welcomes", "Yuri Ushakov"),  # one word: the predicate the clause's bare subject opens
        ("shortly", "Murat Nurtleu"),  # one word: an adverb of the clause's verb
        ("within hours", "Sherali Mirzo"),  # a pronoun for the man named the sentence before
    ]  # a noun after "a", an object, a term, a capitalised name, no named speaker: none of them
    assert [q.evidence.rule for q in record.quotes] == ["before"] * 3


SENTENCE_ENDS = article("""
    Bishkek hosts the allies

    Bishkek, 12.09.2027 (Ala-Too News)

    Kyrgyz President Sadyr Japarov met the visiting delegations in the capital. The president said on Monday that the region faced "a real danger of spillover."

    Belarusian President Alexander Lukashenko said Minsk would host the next summit "if the partners agree."

    Uzbek Foreign Minister Bakhtiyor Saidov addressed the council for an hour, adding that Tashkent would not join the alliance "in the foreseeable future."

    Saidov said Tashkent would answer the invitation "in due course".

    Lukashenko said the so-called "eastern flank" would be reinforced.
""")


def test_a_phrase_that_ends_the_speakers_sentence_inside_its_marks_is_their_quote(extract_text):
    record = extract_text(SENTENCE_ENDS)
    assert quoted(record) == [
        ("a real danger of spillover.", "Sadyr Japarov"),  # "the president": the one president named
        ("if the partners agree.", "Alexander Lukashenko"),
        ("in the foreseeable future.", "Bakhtiyor Saidov"),  # the clause of "adding that"
    ]  # the stop outside the marks ends the writer's sentence on a phrase; "so-called" names a term


SAID_AT_THE_END = article("""
    Analysts on the bloc's summit

    Moscow, 30 October 2027 — The allies meet in Dushanbe next week.

    The summit would be "a test of unity rather than a formality" for the bloc, said Fyodor Lukyanov, a Moscow-based analyst.

    The drills, known as "Southern Shield", went well, said Lukyanov.

    The so-called "policy of quiet retreat and delay" was over, said Lukyanov.

    The mission would need "years rather than months" to pay off, officials said.

    Yerevan has called the treaty "a dead letter" for years. Nothing has changed, said Lukyanov.
""")


def test_a_sentence_ending_in_said_and_a_name_credits_the_phrase_inside_it(extract_text):
    record = extract_text(SAID_AT_THE_END)
    assert quoted(record) == [("a test of unity rather than a formality", "Fyodor Lukyanov")]
    assert record.quotes[0].evidence.rule == "after"
    # a name after "known as", a term after "so-called"; "officials" name no one; ", said X" in the next sentence is no attribution
