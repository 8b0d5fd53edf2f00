"""Ways chat names someone without a listed name: ranks said as names, sign-offs, short forms.

- A rank's form of address stands for the one person who holds it in the team that says it:
  "Sarge wants everyone out by 9", "tell sarge" (`ranks.ADDRESS_RANKS`), where a name would
  stand; "we need a sarge on nights" and "the sarge rota" are the post, not a person.
- A message or a line signed after a dash: "see you tomorrow - Tomasz", "bis morgen – Ilse
  Brandt". Every word after the dash must be capitalised and no common English word, place
  or listed non-name ("- Thanks", "- The Team", "- Reception"), or a listed name in lower
  case that is no word.
- A lower-case word in no dictionary right after a relation ("her husband dritan") or
  opening a message before "from the ... said" ("babatunde from the agency said").
- A family name before "family" or "twins": "the Ogunbiyi fmaily moved out".
- A short form of a given name opening a line before what only a person does: "mo is on
  the 2nd van", "jo wants the keys". The word (two or three letters) must open at least
  three listed given names ("mo": Mohammed, Morgan, Moira...) and be no stop word or common
  English word, so "it is on", "tv is on" and "so says" stay words.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.lexical import CHAT_WORDS, is_typo_of_word, lower_word_not_name
from sar_desk.detect.prefilters import atoms, folded
from sar_desk.detect.recognizers.ranks import ADDRESS_RANKS
from sar_desk.detect.recognizers.titled_names import TITLED, titled_name_ok
from sar_desk.detect.words import is_not_a_name

ADDRESS_RANK = re.compile(rf"(?<![\w'’-])(?P<v>(?i:{ADDRESS_RANKS}))(?![\w'’-])")
# Said as a name, the form opens a sentence or stands where a name does: after a verb of
# contact, a preposition or "and". After any other word it is the post ("a sarge", "every
# sarge", "the sarge rota", "beryl gaffer wants": a role after a name).
_NAME_SLOT = re.compile(
    r"(?i)(?:^|[.!?,;:(\n\-–]|\b(?:ask|asked|tell|told|thanks|thank|cheers|ta|cc|ping|ring|"
    r"rang|call|called|text|texted|message|with|to|from|for|by|and|&|hi|hey|morning|"
    r"hiya))[ \t]*$"
)


# The word right after the rank: a name there makes the rank a title ("Gaffer Okoro wants").
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


def _name_after(text: str, end: int) -> bool:
    """Whether a name follows the rank: a listed name, or a capitalised word no dictionary has.

    Then the rank is said before the name, like a title, and the name is the person ("Gaffer
    Okoro wants", "gaffer tomasz says"): a listed name, or a word no dictionary has that is no
    chat shorthand or typo. "Sarge wants" and "tell sarge tmrw" stay names.
    """
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return False
    word, gaz = match.group(1), current()
    low = word.casefold()
    if gaz.is_first_name(low) or gaz.is_surname(low):
        return not gaz.is_common_word(low)
    if gaz.is_english(low) or low in CHAT_WORDS or low in STOP_WORDS or is_typo_of_word(low):
        return False  # "Sarge wants", "tell sarge tmrw", "gaffer's"
    return word[:1].isupper() or (len(low) >= 3 and word.isalpha())  # "gaffer zulfiqar says"


def address_ranks(text: str) -> list[tuple[int, int]]:
    """Spans of a rank said as a name ("Sarge"), not the post in general ("a sarge")."""
    return [
        m.span("v")
        for m in ADDRESS_RANK.finditer(text)
        if _NAME_SLOT.search(text[max(0, m.start() - 12) : m.start()])
        and not _name_after(text, m.end())
    ]


def ruled_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The rank or titled name a model's PERSON span holds, with only digits and marks around.

    "Sarge", "WO2 Pritchard", "Mr di Stefano" of "Mr di Stefano 74",
    "Mx Bromsgrove" of "04/12,Mx Bromsgrove". The rules vouch for it, so the checks the
    model's guesses go through (a number means a reference, "sarge" alone is a post) do not
    apply. None when the span is more than that ("Dr Ahmed Khan" is left to those checks).
    """
    if (start, end) in address_ranks(text):
        return start, end
    for m in TITLED.finditer(text, start, end):
        a, b = m.span("v")
        if titled_name_ok(m.group("v")) and not re.search(r"[^\W\d_]", text[start:a] + text[b:end]):
            return a, b
    return None


_PART = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"
# Kisses may close the line ("- Cerys x", "— Jo xx"): a sign-off's, not a word of the name.
SIGN_OFF = re.compile(
    rf"(?m)(?:^|[ \t])[-–—~][ \t]*(?P<v>{_PART}(?:[ \t]+{_PART}){{0,2}}?)"
    r"(?:[ \t]+(?:x{1,4}|X{1,4}))?[ \t]*[.!]?[ \t]*$"
)


def _signed_word_ok(word: str, gaz: Gazetteers) -> bool:
    low = re.sub(r"['’]s$", "", word).casefold()
    if word.isupper() or is_not_a_name(word) or low in STOP_WORDS:
        return False  # "- HR", "- Admin", "- the team"
    if re.search(r"['’]", low) and not re.match(r"[od]['’]", low):
        return False  # "- Didn't work": a contraction; "O'Brien", "D'Souza" are names
    if word[:1].isupper():
        # A listed name passes even when it is a word too ("Bishop-Lowe", "Hope").
        return all(
            gaz.is_first_name(p)
            or gaz.is_surname(p)
            or not (gaz.is_common_word(p) or gaz.is_place(p))
            for p in low.split("-")
        )
    listed = gaz.is_first_name(low) or gaz.is_surname(low)
    return listed and not gaz.is_english(low)


def sign_off_ok(value: str) -> bool:
    """Whether the words after a closing dash are a name ("- Tomasz", not "- Thanks")."""
    gaz = current()
    return all(_signed_word_ok(w, gaz) for w in value.split())


SHORT_SUBJECT = re.compile(
    r"(?m)^[ \t]*(?P<v>[A-Za-z][a-z]{1,2})[ \t]+(?=(?:is|was|'s)[ \t]+(?:on[ \t]+the|off|doing|"
    r"covering|back|away|driving|in[ \t]+charge)\b|(?:wants|wanted|says|said|rang|phoned|"
    r"texted|emailed|signed|asked)\b)"
)
_OPENINGS: dict[int, dict[str, int]] = {}


def _openings(gaz: Gazetteers) -> dict[str, int]:
    """How many listed given names open with each two or three letters."""
    key = id(gaz.first_names)
    if key not in _OPENINGS:
        counts: dict[str, int] = {}
        for name in gaz.first_names:
            for n in (2, 3):
                if len(name) > n:
                    counts[name[:n]] = counts.get(name[:n], 0) + 1
        _OPENINGS.clear()
        _OPENINGS[key] = counts
    return _OPENINGS[key]


def short_subject_ok(value: str) -> bool:
    """Whether a two- or three-letter word opening a line is a short given name ("mo")."""
    gaz = current()
    low = value.casefold()
    if low in STOP_WORDS or gaz.is_common_word(low) or gaz.is_place(low) or is_not_a_name(value):
        return False
    if not re.search(r"[aeiouy]", low):
        return False  # "tv", "pc", "hr": letters said one by one
    return gaz.is_first_name(low) or _openings(gaz).get(low, 0) >= 3


# The people of a household are named right after who they are to someone: "her husband
# dritan", "landlord okonjo won't let us in". In lower case only a word in no dictionary (and
# no shorthand or typo of one: "husband hasnt") is a name here; listed names and words that
# are names are the lists' and `name_words`' to find.
_RELATION = (
    r"husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|son|daughter|stepson|stepdaughter|"
    r"brother|sister|mum|mam|dad|nephew|niece|cousin|grandson|granddaughter|landlord|landlady|"
    r"lodger|flatmate|housemate|tenant|neighbour|carer|ex"
)
_LOWER_WORD = r"[a-z]{2,}(?:-[a-z]{2,})?"
# Alone only where the name plainly ends: a possessive, punctuation, or a word that follows a
# name ("is", "won't", "rang", "and"). Before any other word that word may be the family
# name ("her ex rupinder budge"), which the full form or the spread pass finds; a given name
# proposed alone would stop the spread pass from covering the family name.
_AFTER_NAME = (
    r"is|was|has|had|does|did|says|said|rang|rung|wants|wanted|won['’]?t|can['’]?t|didn['’]?t|"
    r"doesn['’]?t|isn['’]?t|wasn['’]?t|will|would|could|should|and|or|n|who|to|from|at|on|in|"
    r"with|for|about|took|came|went|keeps|told|asked|called|phoned|texted|emailed|left|moved|"
    r"got|lives|lived"
)
AFTER_RELATION = re.compile(
    rf"(?<![\w'’-])(?i:{_RELATION})[ \t]+(?P<v>{_LOWER_WORD})(?:['’]s(?![\w'’-])|"
    rf"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?:{_AFTER_NAME}|&)(?![\w'’-])))"
)
# With the family name after it: "her ex rupinder budge took out loans". A shorter span
# would leave the family name readable where nothing else finds it.
AFTER_RELATION_FULL = re.compile(
    rf"(?<![\w'’-])(?i:{_RELATION})[ \t]+(?P<v>{_LOWER_WORD}[ \t]+{_LOWER_WORD})(?:['’]s)?"
    r"(?![\w'’-])"
)
# Both open with a relation word and a lower-case letter: a gate (`prefilters`) for the two.
RELATION_GATE = re.compile(
    rf"(?<![\w'’-])(?i:{folded(atoms(b) for b in _RELATION.split('|'))})[ \t]+[a-z]"
)


def lower_unlisted_ok(value: str) -> bool:
    """Whether a lower-case word after a relation is a name no list has ("dritan")."""
    gaz = current()
    parts = re.sub(r"['’]s$", "", value).split("-")
    shortest = 2 if len(parts) > 1 else 3  # "ji-woo"
    if any(len(p) < shortest or p in STOP_WORDS for p in parts) or is_not_a_name(value):
        return False
    return not any(gaz.is_place(p) or gaz.is_word_place(p) or lower_word_not_name(p) for p in parts)


# A message opening with who someone is by where they are from, then what they said:
# "babatunde from the agency said", "ilona from housing rang". Lower case, in no dictionary.
FROM_SAID = re.compile(
    r"(?m)^[ \t]*(?P<v>[a-z]{2,}(?:-[a-z]{2,})?)[ \t]+from[ \t]+(?:the[ \t]+)?[a-z]+[ \t]+"
    r"(?:says|said|rang|phoned|called|emailed|texted)\b"
)


def lower_full_name_ok(value: str) -> bool:
    """Whether an unlisted given name and a family name follow a relation ("dritan hoxha")."""
    first, last = value.split()
    gaz = current()
    low = last.casefold()
    surname = gaz.is_surname(low) and not gaz.is_common_word(low)
    return lower_unlisted_ok(first) and (surname or lower_unlisted_ok(last))


# "the Ogunbiyi family moved", "the okafor twins": a family name before the household it
# names, "family" typed as fast as chat types it ("fmaily", "famliy").
FAMILY = re.compile(
    r"(?<![\w'’-])(?i:the)[ \t]+(?P<v>[^\W\d_][\w'’-]+)[ \t]+"
    r"(?i:f[ai]m[ai]?l[iy]y?|fmaily|faimly|famly|families|household|twins|kids|boys|girls)\b"
)


def family_ok(value: str) -> bool:
    """Whether the word before "family" is a family name, not a kind ("the whole family")."""
    gaz = current()
    low = value.casefold()
    if low in STOP_WORDS or is_not_a_name(value) or gaz.is_word_place(low):
        return False
    if gaz.is_surname(low) and (value[:1].isupper() or not gaz.is_common_word(low)):
        return True  # "the Baker family": a word too, but capitalised
    return not gaz.is_english(low) and not lower_word_not_name(low) and not gaz.is_place(low)
