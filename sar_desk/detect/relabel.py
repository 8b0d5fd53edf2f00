"""NER's labels corrected by the lists and the case: names, places and labels (issue 15).

spaCy swallows greetings and trailing verbs into names, calls towns people and people towns,
tags "NI" and "NINO" as names and organisations, and reads "the robin" or "jack the car up" as
people. These helpers narrow a span to its name, relabel it, recover the names the small model
calls organisations, and drop one-word guesses that are words used as words or labels.
"""

from __future__ import annotations

import re

from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.address_words import address_term
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.cues import RELATIONS, ROLES, after_article
from sar_desk.detect.eponym_goods import entry_end
from sar_desk.detect.leading_posts import without_leading_post
from sar_desk.detect.lexical import calendar_word, inner_capitals, lower_word_not_name, odd_capitals
from sar_desk.detect.number_words import measured, range_or_swap
from sar_desk.detect.numbered_names import in_numbered_list
from sar_desk.detect.people_not_places import person_not_place
from sar_desk.detect.place_slots import unlisted_town
from sar_desk.detect.recognizers.bare_street import NUMBERED_THINGS
from sar_desk.detect.recognizers.marked_names import lone_toned_name
from sar_desk.detect.recognizers.nicknames import after_kin_word
from sar_desk.detect.recognizers.titled_names import titled_name_at
from sar_desk.detect.recognizers.uk_place_recognizer import place_word, placed_in_address
from sar_desk.detect.resolve import NAME_LIKE
from sar_desk.detect.units import without_unit
from sar_desk.detect.words import (
    ORG_WORDS,
    TITLES,
    VERBS,
    is_ambiguous,
    is_not_a_name,
    looks_like_name,
    named_in_lower_case,
    used_as_word,
)


def _name_word(word: str) -> bool:
    """A word that can be part of a name: name-like, or a listed name ("bob rang")."""
    gaz = gazetteer.current()
    return looks_like_name(word) or (
        word.isalpha() and (gaz.is_first_name(word) or gaz.is_surname(word))
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a name span to its name: NER often swallows "hi", "thanks" or a trailing "'s".

    A name never runs over a line break (a signature's name line, then "Tenancy Officer"): the
    line holding the most name words is kept; a post run on before or after the name is cut.
    """
    if "\n" in text[start:end]:
        start, end = _best_line(text, start, end)
    end = entry_end(text, start, end)  # "Ada Rowe - Jessie Tate": the rose after the dash
    # "Sam Okafor Duty Manager": the post is cut off; a span that is all post stays whole
    # and is refused as a unit by `relabel`.
    start, end = without_unit(text, start, end) or (start, end)
    start, end = without_leading_post(text, start, end)  # "Club Treasurer Akihiro"
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and (
        not _name_word(first := words[0].group(0).strip(",.:;!?")) or address_term(first)
    ):
        if first.casefold().rstrip(".") in TITLES and _name_word(words[1].group(0)):
            break  # "emial mrs fisher": the title stays with its name
        if titled_name_at(text, start + words[0].start(), end) is not None:
            break  # "thanks cllr pomfret", "ds voss"
        words.pop(0)
    titled = titled_name_at(text, start + words[0].start(), end) if words else None
    if titled is not None and not is_not_a_name(text[start + words[0].start() : titled]):
        # "cllr pomfret", "Ms St John-Smythe is"; not "Revd Canon" of "Revd Canon Ashdown"
        return start + words[0].start(), titled
    while len(words) > 1 and (
        not _name_word(last := words[-1].group(0).strip(",.:;!?")) or last.casefold() in VERBS
    ):
        words.pop()
    if not words:
        return start, end
    new_start, new_end = start + words[0].start(), start + words[-1].end()
    while new_end > new_start and not (text[new_end - 1].isalnum()):
        new_end -= 1
    if text[new_start:new_end].endswith(("'s", "’s")):
        new_end -= 2
    return (new_start, new_end) if new_end > new_start else (start, end)


def _best_line(text: str, start: int, end: int) -> tuple[int, int]:
    gaz = gazetteer.current()
    best, best_score, pos = (start, end), -1, start
    for line in text[start:end].split("\n"):
        words = [w.strip(",.:;!?") for w in line.split()]
        score = sum(_name_word(w) + (gaz.is_first_name(w) or gaz.is_surname(w)) for w in words)
        if line.strip() and score > best_score:
            best, best_score = (pos, pos + len(line)), score
        pos += len(line) + 1
    return best


# A town written after an address: "12 Mill Road, Bolton", "Flat 2, Mill House, Bolton".
_AFTER_ADDRESS = re.compile(r"(?:\d[A-Za-z]?|\b[A-Z][a-z]+) [A-Z][\w'’-]+, $")
_PLACE_CUE = re.compile(r"(?i)\b(?:in|to|from|near|at|of|outside|around|towards)\s+$")


def relabel(text: str, start: int, end: int, entity: str, context: CaseContext) -> str | None:
    """NER's label for ``text[start:end]``, corrected by the lists; None: never personal data.

    A product, placeholder, filler word or an acronym ("Teams", "Lorem", "DoLS") is nobody;
    a UK town NER calls a person is a place ("Ludlow", "Fort William", "in Ely"), unless it is
    a known person's name; a given name NER calls a place is a person ("Eilidh" as LOCATION).
    """
    value = text[start:end].strip()
    words = value.split()
    if lone_toned_name(text, start, end):
        return entity if entity == "PERSON" else None  # "verified by Hằng": a name
    if is_not_a_name(value) or (len(words) == 1 and inner_capitals(value)):
        return None
    if acronym(value, context):
        return None
    gaz = gazetteer.current()
    if entity in ("PERSON", "LOCATION", "GPE") and person_not_place(text, start, end):
        return "PERSON"  # "cheers Blackwood for the cover", "zinnia hollingworth at no. 4"
    town = gaz.is_place(value) or gaz.is_word_place(value)
    if entity == "PERSON" and town and name_key(value) not in context.name_index:
        named = any(gaz.is_first_name(w) or gaz.is_surname(w) for w in words)
        named = named or gaz.is_word_place(value)  # "Leek", "Reading": a place only when placed
        cued = bool(_PLACE_CUE.search(text[max(0, start - 12) : start]))
        cued = cued or placed_in_address(text, start, end)
        cued = cued or bool(_AFTER_ADDRESS.search(text[max(0, start - 30) : start]))
        if len(words) > 1 or not named or cued:
            return "LOCATION"
    known = name_key(value) in context.name_index
    if entity == "PERSON" and not known and unlisted_town(text, start, end):
        return "LOCATION"  # "12 Lido Road, Rhigos": a village no list has
    if entity in NAME_LIKE:
        if value.upper() in _NOT_PLACES:
            return None
        first = words[0]
        if name_key(value) in context.name_index or (
            (gaz.is_first_name(first) or (len(words) == 1 and gaz.is_surname(first)))
            and not gaz.is_place(value)
            and not gaz.is_word(first)
            and not unlisted_town(text, start, end)  # "Tynan primary": the town's
        ):
            return "PERSON"
    if entity == "NRP" and gaz.is_place(value):
        return "LOCATION"  # "from Dolgellau general": a listed town, not a nationality
    if entity == "LOCATION" and not place_word(text, start, end, value):
        # A lower-case guess no list has as a place: a listed name ("dean") or nothing ("wfh").
        named = len(words) == 1 and (gaz.is_first_name(value) or gaz.is_surname(value))
        return "PERSON" if named else None
    return entity


def acronym(value: str, context: CaseContext | None) -> bool:
    """Whether `value` is a short all-capitals label ("NI", "NINO", "DWP"), not a name.

    Even when a name list has it ("Nino"), unless it is known to the case. Dotted forms
    ("N.I.", "D.W.P.") count too.
    """
    letters = value.replace(".", "") if re.fullmatch(r"(?:[A-Za-z]\.){2,4}", value) else value
    return (
        " " not in value
        and letters.isalpha()
        and letters.isupper()
        and len(letters) <= 4
        and (context is None or name_key(value) not in context.name_index)
    )


# Abbreviations NER calls places that never locate anyone ("UK passport", "NI number").
_NOT_PLACES = frozenset({"UK", "GB", "NI", "N.I.", "NHS", "EU", "US", "USA", "U.K."})


def from_org(value: str, context: CaseContext | None = None) -> str | None:
    """A name or town the small model called an organisation ("Lachlan Penhaligon", "Truro").

    One to three capitalised words with no organisation word ("Elm House", "Leeds Council"):
    a listed town is a LOCATION; a single word must be a listed name; two or three words are
    taken as a full name. Anything else stays an organisation (never proposed).
    """
    words = value.split()
    if not 1 <= len(words) <= 3 or is_not_a_name(value) or acronym(value, context):
        return None
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return None
    if any(w.casefold() in ORG_WORDS for w in words):
        return None
    gaz = gazetteer.current()
    if gaz.is_place(value):
        return "LOCATION"
    if len(words) == 1:
        listed = gaz.is_first_name(value) or gaz.is_surname(value)
        return "PERSON" if listed and not gaz.is_word(value) else None
    return "PERSON" if all(looks_like_name(w) for w in words) else None


def word_not_name(
    text: str, start: int, end: int, context: CaseContext, trimmed: bool = False
) -> bool:
    """A PERSON from a model or a list that is a word used as a word, a label or chat.

    "NiNo" (capitals no name has), "tihs" or "holly wreath" in lower case (a typo, a
    dictionary word no name list has), "the robin", "jack the car up"; a lower-case word-name
    NER glued to the next word (`trimmed`: "holly wreath") only where grammar makes it a name.
    Names known to the case are found by the case's own matcher, with its own rules.
    """
    value = text[start:end]
    words = value.split()
    if titled_name_at(text, start, end) == end or lone_toned_name(text, start, end):
        return False  # "cllr pomfret", "hằng": a family name after a title, a Vietnamese name
    if (
        len(words) == 1
        and after_kin_word(text, start)
        and not is_not_a_name(value)
        and not gazetteer.current().is_common_word(value)
    ):
        return False  # "uncle tunde": a word of kin used as a title, then the name
    if is_not_a_name(value) or any(odd_capitals(w) for w in words):
        return True
    if calendar_word(text, start, end):
        return True  # "visa expires jan"
    if len(words) == 1 and measured(value) and _HOUSE_NO.search(text[:start]):
        return True  # "went from 10 stone", "seen on 12 Jan": what a number measures or dates
    # "mrs fisher", "mrs van der berg": titles and surname particles are no evidence
    plain = [w for w in words if w.rstrip(".") not in TITLES and w not in _PARTICLES]
    if value == value.lower() and any(lower_word_not_name(w, len(words) == 1) for w in plain):
        return True
    if _in_place_name(text, start, end):
        return True  # "Pen-y-Graig", "st john's court"
    if len(words) > 1:
        return False
    lower = value == value.lower()
    if lower and (value in ROLES | RELATIONS or _determined(text, start, value)):
        return True  # "her gran", "his ben", "a hazel tree"
    if not is_ambiguous(value):
        return acronym(value, context)
    if trimmed and lower and not named_in_lower_case(text, start, end):
        return True
    head = text[:start].rstrip()
    decide = lower or not head or head[-1] in ".!?:\n"
    return (decide and used_as_word(text, start, end)) or acronym(value, context)


# A Welsh place compound ("Pen-y-Graig", "Tan-yr-Allt") or a saint's name ("St John's Court").
_COMPOUND = re.compile(r"(?i)-y[r']?-$|^-y[r']?-")
_SAINT = re.compile(r"(?i)\b(?:st|st\.|saint)\s+$")


def _in_place_name(text: str, start: int, end: int) -> bool:
    """Whether a name-like span is part of a place name, not a person."""
    return bool(
        _COMPOUND.search(text[max(0, start - 4) : start])
        or _COMPOUND.search(text[end : end + 4])
        or _SAINT.search(text[max(0, start - 7) : start])
    )


# A number before a name-like word is a street ("41 Pen-y-Graig") unless it counts ("peg 17").
_HOUSE_NO = re.compile(r"(?<![\w.,:/£$-])(\d{1,4}[A-Za-z]?) +$")
_COUNTED_WORDS = """
    bed bay room ward year yr flat unit floor level table desk page step no number team group
    week day aged age class set cubicle side station gate platform line screen"""
_COUNTED = frozenset(_COUNTED_WORDS.split()) | frozenset(NUMBERED_THINGS.split("|"))


def street_start(text: str, start: int) -> int | None:
    """Where the street begins if a house number comes right before `start`, else None."""
    match = _HOUSE_NO.search(text[max(0, start - 12) : start])
    if match is None:
        return None
    number_at = max(0, start - 12) + match.start(1)
    before = re.findall(r"[A-Za-z]+", text[max(0, number_at - 12) : number_at])
    if before and before[-1].casefold() in _COUNTED:
        return None
    word = re.match(r"[^\W\d_]+", text[start:])
    if word is not None and measured(word.group(0)):
        return None  # "12 Jan", "went from 10 stone" (`number_words`)
    from_ = before and before[-1].casefold() == "from"
    if word is not None and from_ and range_or_swap(text, start + len(word.group(0))):
        return None  # "from 3 kirsty to jo"; "from 34a paradise to the shop" stays
    return None if in_numbered_list(text, number_at) else number_at  # "1 Ann 2 Bo Lee"


# Particles inside family names ("van der Berg", "de la Cruz"); each is also a word.
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "da", "di", "la", "le", "del"})


def _determined(text: str, start: int, value: str) -> bool:
    """Whether an article or possessive stands before a lower-case word as its determiner.

    "that" before a name no dictionary has is the conjunction ("tell jo that edna is out"):
    a determiner needs a noun, and such a name is none.
    """
    if not after_article(text, start):
        return False
    conj = text[:start].rstrip().casefold().endswith("that")
    return not (conj and not gazetteer.current().is_english(value))
