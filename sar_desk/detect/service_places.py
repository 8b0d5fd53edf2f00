"""Prisons, rivers, police operations, estates and hospitals: named things of public services.

The bodies SAR Desk serves write about their own named things every day, and many carry a
person's or a place's name: "HMP Berwyn", "River Douglas", "Op Kenova", "Operation Elveden",
"Grosvenor Estate", "the John Radcliffe", "Alder Hey", "Whipps Cross". A model reads them as
people, and a name found twice is then spread across the case ("Op" in every "op note"). They
are nobody's personal data (session 18, from corpus v33 as a development set):

- a span opening with the head of such a name, or standing right after one: "HMP", "HMYOI"
  (a prison or young offender institution), "Operation", "Op" (a police or military
  operation), capitalised as the name is; "River", "Afon", "Loch", "Lough", "Llyn" (water) only
  after "the" or where the message speaks of water (a gauge, a level, a flood warning), as
  "River" is a given name too ("River Banks collapsed in the gym");
- a span closing with "Estate" or "Estates", or standing right before it (a landed or housing
  estate: an estate is an owner's or a place's, never a person's name);
- "Op" alone, which nobody is called;
- a listed hospital (`_HOSPITALS`), with or without "the".

A title before the span keeps it a person ("Mr River", "Dr Op"); the caller does not ask about
names the case knows. The hospitals were written by hand (8 Dec 2026) from general knowledge of
NHS hospitals whose names read as a person's or are no town's name; not from any corpus's
sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sar_desk.detect.eponym_kinds import lowered, titled

_HEADS = frozenset({"HMP", "HMYOI", "River", "Afon", "Loch", "Lough", "Llyn", "Operation", "Op"})
_HEAD_BEFORE = re.compile(
    r"(?:^|[^\w'’-])(?:HMP|HMYOI|River|Afon|Loch|Lough|Llyn|Operation|Op)[ \t]+$"
)
_ESTATE_AFTER = re.compile(r"[ \t]+Estates?(?![\w'’-])")
# The same heads in a message typed wholly in lower case.
_HEADS_SMALL = frozenset(h.casefold() for h in _HEADS)
_HEAD_BEFORE_SMALL = re.compile(_HEAD_BEFORE.pattern.lower())
_ESTATE_AFTER_SMALL = re.compile(r"[ \t]+estates?(?![\w'’-])")
_ESTATES = frozenset({"estate", "estates"})
# The heads as typed, by whether the message is wholly in lower case.
_FORMS = {
    False: (_HEADS, _HEAD_BEFORE, _ESTATE_AFTER),
    True: (_HEADS_SMALL, _HEAD_BEFORE_SMALL, _ESTATE_AFTER_SMALL),
}
# "River", "Afon", "Loch", "Lough", "Llyn": a given name too ("River Banks collapsed in the
# gym"), so a water's head counts only after "the" or where the message speaks of water.
_WATER_HEAD = re.compile(r"(?i)[ \t(]?(?:river|afon|loch|lough|llyn)\b")
_WATER = re.compile(
    r"(?i)\b(?:gauge|gauges|rising|risen|level|levels|flood\w*|in warning|warning lifted|"
    r"warning in force|tide|"
    r"tidal|weir|catchment|upstream|downstream|swollen|overtopp\w*|burst its banks|sandbags?|"
    r"fishing|angling|canoe\w*|kayak\w*|bridge|\d+(?:\.\d+)?\s?m\b)"
)
_THE_BEFORE = re.compile(r"(?i)\bthe[ \t]+$")


def _water(text: str, head_at: int) -> bool:
    """Whether a water's head is one: after "the", or in a message about water."""
    return bool(_THE_BEFORE.search(text[max(0, head_at - 8) : head_at]) or _WATER.search(text))


# A name after a head the model tagged alone ("River" of "the Idle and River Leven").
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][\w'’-]+")

_HOSPITALS = """
John Radcliffe|Alder Hey|Whipps Cross|Musgrove Park|Musgrave Park|Great Ormond Street|
Arrowe Park|Frimley Park|Wexham Park|Northwick Park|Russells Hall|James Cook|William Harvey|
Stoke Mandeville|Royal Free|Addenbrooke's|Addenbrookes|Daisy Hill|Chase Farm|Nevill Hall|
Countess of Chester|Queen Alexandra|Royal Albert Edward|Diana Princess of Wales|
Princess Alexandra|Princess Royal|Princess of Wales|Prince Charles Hospital|Prince Philip Hospital|
Queen Elizabeth Hospital|Queen Elizabeth University Hospital|Queen's Medical Centre|
Royal Victoria Infirmary|Royal Victoria Hospital|Leighton Hospital|Walsgrave|Heartlands|
Good Hope Hospital|Selly Oak|New Cross Hospital|Pinderfields|Wythenshawe|Derriford|Treliske|
Southmead|Frenchay|Ninewells|Raigmore|Hairmyres|Altnagelvin|Craigavon Area|Homerton|Glangwili|
Withybush|Bronglais|Ysbyty Gwynedd|Glan Clwyd|Wrexham Maelor|Morriston Hospital|Singleton Hospital|
Freeman Hospital|Friarage|Darlington Memorial|Furness General|Cumberland Infirmary|
Royal Hallamshire|Northern General|King's Mill|Kings Mill|Glenfield Hospital|Churchill Hospital|
Nuffield Orthopaedic|Evelina|Lister Hospital|Conquest Hospital|Pilgrim Hospital|
Hinchingbrooke|Papworth|Broomfield Hospital|Basildon Hospital|Darent Valley|Medway Maritime|
Pembury Hospital|Fairfield General|Salford Royal|Stepping Hill|Tameside General|Aintree Hospital|
Whiston Hospital|Airedale General|Calderdale Royal|St Thomas'|St Thomas's|Guy's Hospital|
St George's Hospital|St Mary's Hospital|Charing Cross Hospital|Hammersmith Hospital|
Chelsea and Westminster|Royal Marsden|Moorfields|Great Western Hospital|Royal United Hospital|
Morriston|Ulster Hospital|Mater Hospital|Antrim Area|Causeway Hospital|Dr Gray's|Forth Valley Royal|
Western General|Wishaw General|Monklands|Borders General|Gartnavel|Yorkhill|Royal Alexandra Hospital
"""
_HOSPITAL = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(
        re.escape(h).replace(r"'", "['’]").replace(r"\ ", r"[ \t]+")
        for h in sorted(
            {h.strip() for h in _HOSPITALS.split("|") if h.strip()}, key=len, reverse=True
        )
    )
    + r")(?![\w'’-])"
)


@lru_cache(maxsize=256)
def _hospitals(text: str) -> tuple[tuple[int, int], ...]:
    """Where the listed hospitals of `text` stand (searched once a text)."""
    return tuple(m.span() for m in _HOSPITAL.finditer(text))


def service_place(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a prison, a river, an operation, an estate or a hospital.

    In a message written wholly in lower case the head words count in lower case too ("hmp
    berwyn", "river kent gauge offline", "cadogan estate").
    """
    words = text[start:end].split()
    if not words or titled(text, start):
        return False
    if words[0].casefold() == "op" and len(words) == 1:
        return True  # "Op" alone: the spread part of "Op Kenova"
    heads, before, estate = _FORMS[lowered(text)]
    head_at = None
    if words[0] in heads and (len(words) > 1 or _NAME_AFTER.match(text, end)):
        head_at = start  # "HMP Berwyn", "River Douglas", "Operation Elveden", "River (Leven)"
    elif (m := before.search(text[max(0, start - 12) : start])) is not None:
        head_at = max(0, start - 12) + m.start() + (1 if m.group(0)[:1] in " \t(" else 0)
    if head_at is not None and (not _WATER_HEAD.match(text, head_at) or _water(text, head_at)):
        return True  # a water's head only where water is spoken of (not "River Banks rang")
    if (len(words) > 1 and words[-1].casefold() in _ESTATES) or estate.match(text, end):
        return True  # "Cadogan Estate", "(Grosvenor) Estate"
    return any(a <= start and end <= b for a, b in _hospitals(text))
