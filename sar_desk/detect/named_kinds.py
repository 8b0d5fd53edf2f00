"""Names given to machines, buildings, animals and businesses (issue 15, round 14).

Chat names its vehicles and its wards after people: "Brenda the gritter", "the gritter
called Gladys", "on Fleming ward". The name is a thing's then, read from the kind word right
next to it, never from a corpus's names:

- a name with a vehicle's, a machine's or a hired thing's kind after it ("Brenda the
  gritter", "Tess the tractor") or before it with "called"/"named" ("a van called Gertie");
- a name before "ward" or "wing" after a preposition or an article ("on Fleming ward");
  a named building ("Taylor House") is an address's, a place, and is left to the others;
- "Storm" and a given name ("Storm Dervla"), or a name said to come, hit or cancel things
  ("Storm Fenella warning", "out in Storm Idris"), for `thing_names.named_storm`;
- a police dog ("PD Bruno") and an animal that has an owner ("Ziggy's owner");
- a business named with a possessive and its trade, capitalised ("Big Sal's Plaice");
- a lower-case name-word inside a set phrase (`set_phrases`: "cash and carry", "carol
  service", "in jan").
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.set_phrases import set_phrase_word

# Vehicles, machines and hired things that are given pet names.
_KINDS = (
    r"gritter|snowplough|snow plough|plough|tractor|digger|excavator|dumper|forklift|"
    r"lorry|truck|van|minibus|bus|coach|tram|train|engine|locomotive|boat|barge|narrowboat|"
    r"ferry|tug|canoe|kayak|yacht|dinghy|ambulance|fire engine|taxi|cab|camper|campervan|"
    r"motorhome|caravan|car|motorbike|scooter|bike|mower|hoover|robot|drone|crane|"
    r"bouncy castle|steamroller|road sweeper|sweeper|bin lorry|ice cream van|combine"
)
# "Brenda the gritter", or set off by commas ("Percy, the old tractor, ..."); not "to Olwen,
# the tractor needs diesel" (a new clause) nor "Olwen the van driver" (a trade).
_KIND_AFTER = re.compile(
    r"(?i)^[ \t]+the[ \t]+(?:big[ \t]+|old[ \t]+|new[ \t]+|little[ \t]+)?"
    rf"(?:{_KINDS})(?![\w'’-])(?![ \t]+(?:driver|man|woman|lady|guy|crew|team|firm)\b)"
)
_APPOSITION = re.compile(rf"(?i)^,[ \t]*the[ \t]+(?:\w+[ \t]+)?(?:{_KINDS})[ \t]*[,.;:!?)]")
_KIND_WORD = re.compile(rf"(?i)^(?:{_KINDS})$")
_EDGE = ".,:;!?'’\"()[]‘“”"
_KIND_BEFORE = re.compile(
    rf"(?i)\b(?:{_KINDS})s?[ \t]+(?:(?:is|was|has[ \t]+been|got)[ \t]+)?"
    r"(?:called|named|nicknamed)[ \t]+['‘\"“]?$"
)


def named_machine(text: str, start: int, end: int) -> bool:
    """Whether a name names a vehicle or a machine by its kind ("Brenda the gritter").

    "Sam the van driver" is a person: a kind that goes on to a trade ("driver", "man") is
    not read as the thing.
    """
    if _KIND_WORD.match(text[start:end].strip(_EDGE)) and _THE_BEFORE.search(
        text[max(0, start - 8) : start]
    ):
        return True  # "Brenda the Gritter": the kind itself, capitalised as part of the name
    after = text[end:]
    if after.startswith(","):
        return bool(_APPOSITION.match(after))
    return bool(_KIND_AFTER.match(after) or _KIND_BEFORE.search(text[max(0, start - 40) : start]))


# Wards and wings of a hospital named after someone ("on Fleming ward", "Cavell wing"). A
# named building ("Taylor House", "Bevan Hall") is left alone: it is part of an address, a
# place to redact, and "the Taylor house" may be the Taylors' home.
# Lower case only: "to Sam Ward" is a person with a family name.
_WARD_AFTER = re.compile(r"^[ \t]+(?:ward|wing)\b")
# A preposition or an article, then perhaps a given name the span left out ("on Nye
# [Bevan] ward").
_PLACE_BEFORE = re.compile(
    r"(?:^|[\s(])(?i:on|in|at|to|from|into|onto|off|near|opposite|outside|inside|"
    r"behind|past|the|our|their|by)[ \t]+(?:[A-Z][\w'’-]*[ \t]+)?$"
)
_THE_BEFORE = re.compile(r"(?i)(?:^|[\s(])the[ \t]+$")


def named_building(text: str, start: int, end: int) -> bool:
    """Whether a name names a hospital ward or wing ("on Fleming ward", "to Cavell Wing").

    Only after a preposition or an article: "tell Sam Ward" keeps its surname.
    """
    value = text[start:end]
    if value.endswith(("'s", "’s")) or text[end : end + 2] in ("'s", "’s"):
        return False
    if not _PLACE_BEFORE.search(text[max(0, start - 24) : start]):
        return False
    return bool(_WARD_AFTER.match(text[end:]))


# A police dog ("PD Bruno"), and an animal with its owner ("Ziggy's owner"): people have no
# owners.
_POLICE_DOG = re.compile(r"^PD[ \t]+[A-Z][a-z]+$")
_PD_BEFORE = re.compile(r"\bPD[ \t]+$")
_OWNER_AFTER = re.compile(r"^['’]s[ \t]+owners?\b")


def named_animal_kind(text: str, start: int, end: int) -> bool:
    """Whether a name is a police dog's ("PD Bruno") or an owned animal's ("Ziggy's owner")."""
    value = text[start:end].strip(_EDGE)
    if _POLICE_DOG.match(value) or _PD_BEFORE.search(text[max(0, start - 4) : start]):
        return True
    value = re.sub(r"['’]s$", "", text[start:end])
    return bool(_OWNER_AFTER.match(text[start + len(value) :]))


# A business named with a possessive and its trade ("Big Sal's Plaice", "Tony's Cafe").
_TRADES = (
    r"plaice|cafe|café|caff|kitchen|diner|bakery|bakes|barbers?|salon|takeaway|pizza|pizzeria|"
    r"grill|chippy|fish bar|deli|catering|cars|cabs|taxis|motors|carpets|tiles|florist|"
    r"emporium|bistro|tearooms?|tea rooms?|kebabs?|curry house|balti"
)
_BUSINESS = re.compile(rf"(?i)['’]s[ \t]+(?:{_TRADES})$")
_BUSINESS_AFTER = re.compile(rf"(?i)^['’]s[ \t]+(?:{_TRADES})\b")


def possessive_business(text: str, start: int, end: int) -> bool:
    """Whether a capitalised name with a possessive and a trade names a business."""
    value = text[start:end]
    if not value[:1].isupper():
        return False
    words = value.split()
    trade = _BUSINESS.search(value) or _BUSINESS_AFTER.match(text[end:])
    # the trade capitalised as a name's is ("Sal's Plaice"), not "Sal's kitchen" at home
    tail = trade.group(0).split()[-1] if trade else ""
    return bool(trade) and tail[:1].isupper() and len(words) <= 3


def named_kind(text: str, start: int, end: int) -> bool:
    """Whether a span names a machine, a building, an animal, a business or a phrase's word."""
    return (
        named_machine(text, start, end)
        or named_building(text, start, end)
        or named_animal_kind(text, start, end)
        or possessive_business(text, start, end)
        or set_phrase_word(text, start, end)
    )


def storm_and_given_name(phrase: str) -> bool:
    """Whether "Storm X" names a storm by its second word alone ("Storm Dervla").

    The Met Office names storms with given names; a person called Storm has a family name
    after it ("Storm Okafor"). So "Storm" and a listed given name that is no listed family
    name is the storm, whatever the message says.
    """
    words = [w.strip(_EDGE) for w in phrase.split()]
    if len(words) != 2 or words[0] != "Storm" or not words[1][:1].isupper():
        return False
    gaz = gazetteer.current()
    low = words[1].casefold()
    return gaz.is_first_name(low) and not gaz.is_surname(low)


_DAYS = (
    r"(?:mon|tues?|wed|weds|thurs?|fri|sat|sun)(?:day)?|today|tonight|tomorrow|this|next|on|"
    r"in|overnight|later"
)
# What a storm does or is said to do ("Storm X warning", "is coming Thursday", "may cancel").
_STORM_EVENT_AFTER = re.compile(
    rf"(?i)^[ \t]+(?:(?:is|was|will|has|had|may|could|might|should)[ \t]+)?(?:be[ \t]+)?"
    rf"(?:warning|alert|damage|hits?|hitting|arriv\w*|batter\w*|approach\w*|forecast|"
    rf"blew|blow\w*|cancel\w*|clos\w*|(?:coming|due|expected)[ \t]+(?:{_DAYS})\b)"
)
# Being inside a storm: "on the water in Storm X", "during storm x".
_STORM_EVENT_BEFORE = re.compile(
    r"(?i)\b(?:in|during|amid|through|ahead[ \t]+of|because[ \t]+of|due[ \t]+to)[ \t]+$"
)


def storm_event(text: str, start: int, end: int) -> bool:
    """Whether "Storm X" (or "storm x" in lower case) stands as weather (round 21).

    The word Storm before one name stands as a title, as the Met Office names storms; it is
    the weather when the phrase is said to come, hit or cancel things ("Storm Fenella is
    coming Friday", "storm x may cancel Sat"), or something happens in it ("out in Storm
    Idris"). A listed family name after Storm without a given name is a person ("Storm Okafor").
    """
    words = text[start:end].split()
    if len(words) != 2 or words[0].casefold() != "storm" or not words[1].isalpha():
        return False
    if (
        not (words[0] == "Storm" and words[1][:1].isupper())
        and text[start:end] != text[start:end].lower()
    ):
        return False
    gaz = gazetteer.current()
    low = words[1].casefold()
    if gaz.is_surname(low) and not gaz.is_first_name(low):
        return False
    return bool(
        _STORM_EVENT_AFTER.match(text[end : end + 40])
        or _STORM_EVENT_BEFORE.search(text[max(0, start - 16) : start])
    )
