"""Whether what an article says of a person tells "he" from "she".

An attribution by pronoun ("...," she said) goes to the person last named,
and that is wrong whenever someone else was named in between: "Maria
Zakharova criticised the decision. Ararat Mirzoyan had said the day before
that... '...,' she said." Only what the text and the registry write is read:
a role word (spokeswoman, chairman, or Mrs written in the role), the endings that
mark a surname's gender in Russian and the Turkic languages of the region
(Zakharova, Lavrov; Nazarbayev, Tokayeva; -kyzy, -uly), and a short list of
common first names. Anything else (Pashinyan, Zas, Mirzoyan) is unknown,
which is most names: the caller decides what unknown means. The same endings, with
the ones of either gender (-yan, -zoda, -enko), tell `has_surname_ending` that a lone
word reads as a surname of the region.
"""

from __future__ import annotations

import re

FEMALE, MALE = "f", "m"

_FEMALE_WORDS = re.compile(
    r"\b(?:spokeswoman|chairwoman|businesswoman|congresswoman|stateswoman|councilwoman|woman|mrs|ms|madam|madame|"
    r"lady|baroness|duchess|queen|princess|actress|mother|daughter|wife|widow|sister)\b",
    re.IGNORECASE,
)
_MALE_WORDS = re.compile(
    r"\b(?:spokesman|chairman|businessman|congressman|statesman|councilman|mr|sir|lord|baron|duke|king|prince|"
    r"actor|father|son|husband|widower|brother)\b",
    re.IGNORECASE,
)
# Surname endings: Russian, Belarusian and Central Asian surnames take -a in the feminine
# (Zakharova, Matviyenko is unmarked), patronymic surnames -kyzy/-qizi ("daughter of") or -uly/-ogly.
# "-in" is left out: Putin, but also Qin and Jin.
_FEMALE_SURNAME = ("ova", "eva", "yova", "ina", "skaya", "tskaya", "kyzy", "qizi", "gyzy")
_MALE_SURNAME = ("ov", "ev", "yov", "sky", "skiy", "skii", "tsky", "uly", "ogly", "oglu", "ovich", "evich")

# Common first names of the region's and the world's press, as they are transliterated; a
# first name marks gender far more often than a surname does (Mirzoyan, Pashinyan).
_FEMALE_FIRST_NAMES = """
    maria mariya anna elena yelena olga irina natalia natalya tatiana tatyana svetlana yulia yuliya ekaterina
    yekaterina valentina lyudmila galina marina nina vera larisa oksana viktoria victoria alla inna nadezhda
    anastasia daria darya sofia kseniya ksenia alina polina veronika lilit anahit gayane armine hasmik lusine
    narine ani zarina madina aigul aigerim gulnara dinara aida kamila aliya saltanat nigora malika dilnoza
    gulshan zamira nazira asel ainur aizhan roza zhanna sabina leyla leila fatima mehriban jamila ursula
    angela kaja kaia hillary kamala theresa emmanuelle annalena catherine christine sarah mary jennifer
"""
_MALE_FIRST_NAMES = """
    vladimir sergei sergey dmitry dmitri alexander aleksandr alexei alexey andrei andrey nikolai nikolay igor
    oleg pavel yuri yury mikhail ivan viktor valery vyacheslav gennady anatoly boris konstantin maxim roman
    nikol ararat armen arman tigran hovhannes artur suren samvel vahan davit david serzh robert levon
    kassym-jomart nursultan imangali yerlan erlan kanat nurlan bolat marat daniyar azamat almazbek sadyr
    kubanychbek talant emomali rustam jamshed sherali rahmatullo farrukh bakhtiyor shavkat ulugbek anvar
    aibek timur ruslan stanislav alyaksandr viktar ilham recep joe donald emmanuel olaf antony
"""
_FEMALE_FIRST = frozenset(_FEMALE_FIRST_NAMES.split())
_MALE_FIRST = frozenset(_MALE_FIRST_NAMES.split())


def gender_of(name: str, words: str = "") -> str | None:
    """FEMALE, MALE or None (unknown) for a person called `name`, of whom the text or the
    registry also writes `words` (their roles)."""
    if words:
        female, male = bool(_FEMALE_WORDS.search(words)), bool(_MALE_WORDS.search(words))
        if female != male:
            return FEMALE if female else MALE
    tokens = name.lower().split()
    if not tokens:
        return None
    if len(tokens) >= 2:
        if tokens[0] in _FEMALE_FIRST:
            return FEMALE
        if tokens[0] in _MALE_FIRST:
            return MALE
    surname = tokens[-1]
    if len(surname) >= 5 and surname.endswith(_FEMALE_SURNAME):
        return FEMALE
    if len(surname) >= 4 and surname.endswith(_MALE_SURNAME):
        return MALE
    return None


# Endings that mark a surname of the region whatever its gender (Pashinyan, Rahmonzoda, Aliyev, Shoigu is
# unmarked): Armenian -yan/-yants, Tajik -zoda/-zod, Azerbaijani and Persian -zade, Ukrainian and Belarusian
# -enko/-chuk/-vich, Georgian -shvili/-dze/-adze/-ia, with the Russian and Turkic ones above. No English
# common noun ends so, which is why a lone word "Karimzoda will" may be read as a name and "Dialogue is" not.
_NEUTRAL_SURNAME = ("yan", "yants", "zoda", "zod", "zade", "zada", "enko", "chuk", "vich", "shvili", "dze")
_SURNAME_ENDINGS = _FEMALE_SURNAME + _MALE_SURNAME + _NEUTRAL_SURNAME


def has_surname_ending(word: str) -> bool:
    """Whether one capitalised word ends as the region's surnames do ("Karimzoda", "Mirzoyan", "Tokayev")."""
    low = word.lower()
    return len(low) >= 5 and word[:1].isupper() and low.endswith(_SURNAME_ENDINGS)


def pronoun_gender(pronoun: str) -> str | None:
    return {"she": FEMALE, "her": FEMALE, "he": MALE, "him": MALE, "his": MALE}.get(pronoun.lower())
