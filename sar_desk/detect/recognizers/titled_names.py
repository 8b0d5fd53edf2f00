"""Family names after a title or rank in any case, and Welsh patronymics (issue 15).

A title, a clergy or police rank, or a ward "Sister" is a closed class in English that always
stands before a family name: "sister mcbride", "ds voss", "Fr. Brannigan", "cllr pomfret".
The name may open with a particle ("Ms St John-Smythe", "dr van der berg") and may be
double-barrelled ("rev. anstruther-gough"). A Welsh patronymic joins two names with "ap",
"ab" or "ferch" ("Siân ap Gruffydd"). What follows a title must still be no ordinary word:
"sister ward", "mr said", "ds team" stay words.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.gazetteer import current
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.prefilters import atoms, folded
from sar_desk.detect.recognizers.ranks import RANKS, WORD_RANKS

# Titles that never mean anything else before a name.
_HONORIFICS = (
    "mr|mrs|ms|miss|mx|dr|prof|sir|dame|cllr|councillor|rev|revd|reverend|fr|canon|rabbi|imam"
    "|capt|cpt|captain|sgt|sergeant|insp|inspector|supt|cpl|lt|col|lord|lady"
)
# Ranks and roles that are also words or letters ("ds" is also a console, "sister" a relation,
# "pc" a computer): the name after them must be in no English dictionary.
# The fire service's managers go by their initials too ("wm dobson": Watch Manager; station,
# group and crew managers "sm", "gm", "cm").
_AMBIGUOUS = (
    "sister|ds|dc|di|dci|dsi|pc|pcso|wpc|wm|sm|gm|cm"
    # A club's or a dojo's form of address ("Coach Ó hUiginn", "Sensei Abe"): also a bus, a
    # boat's master and a teacher in other senses, so the name after must be no word.
    "|coach|skipper|sensei|sifu|maestro|padre"
    # Old registers' and services' forms ("extinguished by Fireman Dobbs", "Gunner Hale"):
    # also trades. Not "driver" or "engineer", which head jargon ("driver onboarding"), nor
    # "Widow", a pantomime's stock character's title (`thing_names.stock_character`).
    "|fireman|gunner|sapper|trooper|matron|constable|turncock"
)
_PARTICLE = (
    r"(?:(?i:st\.?|de|la|le|du|da|di|del|della|van|von|der|den|ten|ter|o|ó|mac|bin|al|el)[ \t]+)"
)
_PART = r"[^\W\d_][\w'’]*"
_NAME = rf"{_PART}(?:-{_PART})*"

# Longest first, so "Lt Col" is one title, not "Lt" before a family name "Col".
_TITLE = rf"(?i:{RANKS}|{WORD_RANKS}|{_HONORIFICS}|{_AMBIGUOUS})\.?[ \t]+"
_TITLE_AT = re.compile(_TITLE)
# Titles that follow another title ("Revd Canon Ashdown", "Lt Col Fanshawe"); not "Major" or
# "Lord", which are family names too ("Mr Major").
_SECOND_TITLE = re.compile(rf"(?i:{RANKS}|canon|revd|rev|reverend|fr|father|prof|dr|cllr)\.?")
TITLED = re.compile(rf"(?<![\w.])(?P<v>{_TITLE}{_PARTICLE}{{0,3}}{_NAME})")
PATRONYMIC = re.compile(rf"(?<![\w'])(?P<v>{_PART}[ \t]+(?i:ap|ab|ferch|verch)[ \t]+{_PART})")
# Gates (`prefilters`): every match of TITLED opens with a title and a blank, every
# PATRONYMIC holds its joining word between blanks.
_TITLES = (RANKS, WORD_RANKS, _HONORIFICS, _AMBIGUOUS)
TITLED_GATE = re.compile(
    rf"(?<![\w.])(?i:{folded(atoms(b) for t in _TITLES for b in t.split('|'))})\.?[ \t]+"
)
PATRONYMIC_GATE = re.compile(r"[ \t](?i:ap|ab|ferch|verch)[ \t]")

_HONORIFIC_SET = frozenset(_HONORIFICS.split("|"))
_PARTICLES = frozenset(re.findall(r"[a-zó]+", _PARTICLE.replace("(?i:", "")))


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _family_part_ok(part: str, strict: bool) -> bool:
    """One hyphen-separated piece of a family name: capitalised or in no dictionary."""
    gaz = current()
    low = part.casefold()
    if len(low) < 2 or low in STOP_WORDS:
        return False
    if gaz.is_surname(low) and not gaz.is_word(low):
        return True
    if part[:1].isupper() and part[1:2].islower():
        return not strict or not gaz.is_english(low) or gaz.is_surname(low)
    if gaz.is_word(low):
        return False  # "mr said", "sister ward"
    if strict:
        return not gaz.is_english(low) and not lower_word_not_name(part)
    # After a title that is only a title, a rare dictionary word is a family name
    # ("cllr pomfret"); shorthand and typos of common words are not.
    return gaz.is_english(low) or not lower_word_not_name(part)


def titled_name_ok(value: str) -> bool:
    """Whether a title, optional particles and a word after it make a person's name."""
    head = _TITLE_AT.match(value)
    if head is None:
        return False
    words = value[head.end() :].split()
    if not words:
        return False
    title = " ".join(value[: head.end()].split()).rstrip(".")
    family = _plain(words[-1])
    if _SECOND_TITLE.fullmatch(family):
        return False  # "Revd Canon", "Lt Col": two titles, the name is still to come
    particles = words[:-1]
    # Only the titles above mean nothing else. A service rank also heads a course, a meeting
    # or another acronym ("Watch Manager Training", "LAC review": a looked-after child's,
    # "Superintendent Registrar"): the word after it must be no word only.
    strict = title.casefold() not in _HONORIFIC_SET
    if strict and value.isupper() and len(title) > 2:
        return False  # "SISTER WARD" shouting a heading, not a title
    if particles and not all(p.rstrip(".").casefold() in _PARTICLES for p in particles):
        return False
    pieces = family.split("-")
    # A particle or a hyphen is itself a mark of a family name ("St John-Smythe").
    relaxed = bool(particles) or len(pieces) > 1
    return all(_family_part_ok(p, strict and not relaxed) for p in pieces)


def patronymic_ok(value: str) -> bool:
    """Whether "X ap Y" joins a given name to a family name, not two words."""
    first, _, last = value.split()
    gaz = current()
    first_ok = gaz.is_first_name(first.casefold()) or not gaz.is_word(first.casefold())
    return first_ok and _family_part_ok(_plain(last), strict=False)


def titled_name_at(text: str, start: int, end: int) -> int | None:
    """End of a titled name (`titled_name_ok`) opening at ``start`` within ``end``, if any."""
    m = TITLED.match(text, start, end)
    if m is None or not titled_name_ok(m.group("v")):
        return None
    return m.end()
