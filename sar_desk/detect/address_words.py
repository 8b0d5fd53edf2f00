"""Words that speak to or about someone without naming them (issue 15, round 15).

Chat addresses and refers to people with words that are no one's name, in English and in the
languages a UK workplace speaks; NER and the name lists read them as names:

- a kin word standing alone ("Mum says...", "nan's tablets", Welsh "Nain", Polish "babcia"):
  who someone is to the writer, not who they are (`lone_kin_word`);
- a term of endearment or address before a name ("habibi Jaskaran", "bhai Imran", "hun
  Kayleigh"), or a greeting ("Ahoj Purna", "Mangwanani Gadisa", "Wagwan Dele"): cut from the
  front of the span, so the name is proposed without it (`address_term`);
- Scots and Northern Irish dialect words written in lower case ("nae bother", "och aye",
  "wee yin"), which some name lists carry as given names (`dialect_word`);
- a run of language names ("Kurdish Sorani", "Punjabi Gurmukhi") after "needs" or "speaks":
  a language, however capitalised (`language_phrase`).

Each is a closed class of function words (kin terms, forms of address, dialect negatives and
pronouns), never a corpus's names; a word a given-name list has is kept where it could be one.
"""

from __future__ import annotations

from sar_desk.detect import gazetteer
from sar_desk.detect.brands import language_name
from sar_desk.detect.cues import RELATIONS
from sar_desk.detect.languages import WORDS, is_foreign_word
from sar_desk.detect.world_greetings import is_world_greeting

_EDGE = ".,:;!?'’\"()[]‘“”"


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kin terms of the languages UK chat mixes in (Welsh, Scots Gaelic, Irish, Polish, Romanian,
# South Asian languages, Italian, Spanish, Portuguese, German, Yoruba), beside English's.
KIN = RELATIONS | _set("""
mam mammy mummy mommy mother-in-law father-in-law daddy da pops grandmother grandfather
granda grandpa grampa gramps nanny nanna nanma grandparents stepmum stepdad
nain taid mamgu tadcu bampi mamgi tad mam-gu
seanmhair seanair mamó daideo
babcia dziadek mama tata ciocia wujek bunica bunicul mamaie tataie
nani nana dadi dada ammi abbu amma appa ammamma chacha chachi mama-ji khala khalu phupho
nonna nonno abuela abuelo abuelita avó avô vovó oma opa iya baba mama-mi
""")

# Terms of endearment and address said before a name ("habibi Jaskaran", "hun Kayleigh"),
# none of them a given name in any language this list knows of.
ADDRESS_TERMS = _set("""
habibi habibti yaar yaara bhai bhaiya behen canim canım kochanie kochana skarbie dragule
cariad hun hunny bae bro bruv bredrin blud fam sweetie sweetheart darlin darling petal duckie
""")

# Greetings of UK chat said before a name ("Wagwan Dele", "Hiya Sam", "Alreet Kev"): the
# chat greetings of `closed_classes.GREETINGS` that are no ordinary English word ("sweet",
# "sound", "mint" are left out), and London and Geordie "wagwan", "alreet". Greetings of the
# Census 2021 main languages ("Ahoj", "Mangwanani", "Jambo") come from `world_greetings`.
CHAT_GREETINGS = _set("""
wagwan wagwarn alreet wotcha watcha wotcher alright alrite hiya heya howdy yo oi eyup sup
mornin evenin
""")

# The lists of courtesies whose words also open people's names ("Sri", "Salam", "Selam").
_NAME_OPENERS = WORDS["south_asian_arabic"] | WORDS["turkish"] | WORDS["horn_of_africa"]

# Scots and Northern Irish dialect words, as chat writes them (lower case).
DIALECT = _set("""
nae naw och dinnae cannae didnae wouldnae couldnae shouldnae isnae wasnae disnae doesnae
havnae hasnae huvnae widnae willnae wullnae gonnae wantae aye awfy braw dreich bairn bairns
wean weans wee lassie laddie hame oot aboot masel yersel hersel himsel oursels youse yous
ahm ah'm awright awrite haud wheesht glaikit numpty scunnered peely-wally shoogly stooshie
craic eejit wains howzat owzat
""")


def _fold(word: str) -> str:
    return word.strip(_EDGE).casefold()


def _given(low: str) -> bool:
    return gazetteer.current().is_first_name(low)


def lone_kin_word(value: str) -> bool:
    """Whether a span is one kin word ("Mum", "nan", "Nain", "babcia"), no one's name.

    A kin word that a given-name list has ("Nan", "Oma") may be someone's name when it is
    capitalised, so it is kept then; in lower case ("nan says") it is the kin word.
    """
    words = value.split()
    if len(words) != 1:
        return False
    word = words[0].strip(_EDGE)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    low = word.casefold()
    return low in KIN and (word.islower() or not _given(low))


def address_term(word: str) -> bool:
    """Whether a word is a term of address or greeting said before a name ("habibi", "Ahoj").

    A listed word of another language ("bardzo", "mâine", "diolch", "shukran") counts too.
    Words that may open someone's name ("Habib", "Didi", "Pal", "Sri", "Salam", any listed
    given or family name) are left out: cut from a span, they would be left readable.

    A listed given name ("Babe", "Love") is not: "Love Okafor" keeps both words.
    """
    low = _fold(word)
    if low in ADDRESS_TERMS or low in CHAT_GREETINGS:
        return not _given(low)
    if is_world_greeting(low):
        # "Ahoj Purna", "Mangwanani Gadisa": a one-word greeting of a community language;
        # `is_world_greeting` already refuses a word a name list or dictionary has
        return True
    gaz = gazetteer.current()
    if not is_foreign_word(low) or gaz.is_first_name(low) or gaz.is_surname(low):
        return False
    if low in _NAME_OPENERS:
        # courtesies that also open names ("Sri", "Salam", "Hafiz", "Selam"): only a word
        # of thanks or greeting no one is called ("shukran") is cut
        return is_world_greeting(low)
    return True  # "bardzo", "mâine", "diolch": a European word no name list has


def dialect_word(value: str) -> bool:
    """Whether a span is one lower-case dialect word ("nae", "och", "dinnae").

    Capitalised, a name list's word ("Nae") is left to the name rules.
    """
    word = value.strip(_EDGE)
    return " " not in word and word.islower() and word in DIALECT


def language_phrase(value: str) -> bool:
    """Whether every word of a span of two or more is a language's name ("Kurdish Sorani")."""
    words = [w.strip(_EDGE) for w in value.split()]
    words = [w for w in words if w]
    return len(words) >= 2 and all(language_name(w) for w in words)


def spoken_not_named(value: str) -> bool:
    """Whether a whole span is a kin word, a dialect word or a language's name."""
    return lone_kin_word(value) or dialect_word(value) or language_phrase(value)
