"""More places only a town stands, for towns no list has (issue 15, round 20).

Round 19 (`unlisted_towns`) read a town after from / in / near closing its phrase, after "at"
before a weekday, and before a site or a service. Blind corpora write villages in more
positions that no person, product or weekday takes:

- after a journey or a move ("a lift to X", "ambulance to X", "moving to X", "80 miles to X",
  "off to X", "awa tae X"), whatever lower-case word comes next ("moving to X with her
  sister"): a journey ends at a place;
- after "from", before a verb the sentence goes on with ("the choir from X booked Sat",
  "Jubair from X wants a refund");
- after "at", closing the phrase ("the wedding at X, 3rd of June", "the comp at X");
- between a comma (or a line's start) and a postcode ("kelp for ..., X, LL51 5US").

In lower case one word is read, only after a journey or before a public service ("a lift to
x sat", "took her to x a&e"), and only if it is no English word, no slip of one, no shorthand,
no weekday and no listed name or place: lower case is where typos live.

The capitalised words must still read as a town's (the caller's check, `unlisted_towns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sar_desk.core.calendar import MONTH_NAMES, MONTH_SHORT_FORMS
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.lexical import is_listed_name, lower_word_not_name
from sar_desk.detect.town_sites import facility_after
from sar_desk.detect.words import TITLES

Span = tuple[int, int, str, float, str]
# (value, lists, strong) -> whether the words read as a town's name; `strong` lets a lone
# family name through where no person stands (before a postcode or a harbour).
TownCheck = Callable[[str, Gazetteers, bool], bool]

NOTE_PLACED_MORE = "A town no list has, placed by the words around it."

# A journey or a move that ends in a town. Not "back to", "out to", "transferred to",
# "delivery to" or "posted to", which take people too ("money back to X", "call transferred
# to X"), nor "going to", which takes shops and events.
_JOURNEY = (
    r"(?<![\w'’-])(?:lift|drive|bus|train|coach|ferry|taxi|ambulance|road|trip|journey|miles|"
    r"move[sd]?|moving|relocat(?:ed|ing)|off|heading|headed|drove|driving|awa|went|van|car)"
    r"[ \t]+(?:to|into|tae)[ \t]+"
)
_DAY = (
    r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)(?![a-z])"
)
# The phrase closes: punctuation, a line's end, a dash, a bracket, a weekday or a date.
_CLOSES = (
    r"[ \t]*(?:[,.;:!?()\n\"”]|$|[ \t][-–—][ \t])"
    rf"|[ \t]+{_DAY}|[ \t]+(?:on|in|at|by|till|until|before|after)[ \t]+\d"
)
# A verb the sentence goes on with after "the choir from X".
_FROM_VERB = (
    r"[ \t]+(?:wants|wanted|booked|is|was|has|had|said|says|asked|asks|rang|rings|called|about|"
    r"needs|needed|sent|brought|left|will|would|who)\b"
)
_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}\b"
# An event at a place called off ("the match at X cancelled"): the place, not who was there.
_CALLED_OFF = r"[ \t]+(?:cancelled|canceled|postponed|abandoned|called[ \t]+off|rained[ \t]+off)\b"
# A message is from a person ("the email from X says"); a glass is thrown, a word shouted or
# a look given at one ("threw a glass at X."): there the position takes people, not towns.
_MESSAGE_BEFORE = re.compile(
    r"(?i)\b(?:message|email|e-mail|letter|text|call|note|reply|msg|voicemail|dm|word|"
    r"complaint|invoice|quote|card|parcel|present|gift|refund|order|delivery|payment|"
    r"approval|pre-auth|statement|bill|cheque|offer|form|pack|update)s?[ \t]+$"
)
_AIMED_BEFORE = re.compile(
    r"(?i)\b(?:threw|thrown|throwing|throws|shouted|shouting|swore|swearing|looked|looking|"
    r"laughed|pointed|waved|smiled|yelled|glared|stared|aimed|lashed out|had a go|angry|"
    r"cross|annoyed|furious|fuming|spat|lunged|swung)\b[^.,;:!?\n]{0,24}$"
)
_LOW = r"(?P<t>[a-z]{4,})"
_LOW_AFTER_JOURNEY = re.compile(rf"{_JOURNEY}{_LOW}(?={_CLOSES})")
_LOW_BEFORE_SERVICE = re.compile(rf"(?<![\w'’-])(?:to|at|in|from|the)[ \t]+{_LOW}(?=[ \t])")
# Lower case after from / at / near, closing the phrase ("air ambulance from x, hse
# informed", "the minor injuries at x"), and before a postcode ("..., x, ph30 3yt"). Not
# after "in", which takes activities and words of other languages ("hurt in randori"), nor
# before a dot or an @ that goes on ("at name.surname@...": an address).
_LOW_PLACED = re.compile(rf"(?<![\w'’-])(?P<cue>from|at|near)[ \t]+{_LOW}(?![.@]\w)(?={_CLOSES})")
# In lower case only as an address's middle item, between commas ("pcode w12 8rp" is a label).
_LOW_BEFORE_POSTCODE = re.compile(rf"(?<=,)[ \t]*{_LOW}[ \t]*,[ \t]*(?={_POSTCODE})")
# A bracketed "who, where" ("(Janaki, X)", "(Mx Weinberg, X)"): after a person, the town.
_PAIR = re.compile(r"\((?P<who>[^(),\n]{2,40}),[ \t]*(?P<t>[^(),\n]{3,40})\)")


def _patterns(town: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    return (
        (re.compile(rf"{_JOURNEY}{town}(?=[ \t]+[a-z]|{_CLOSES})"), False),
        (re.compile(rf"(?<![\w'’-])from[ \t]+{town}(?={_FROM_VERB})"), False),
        (re.compile(rf"(?<![\w'’-])at[ \t]+{town}(?={_CLOSES}|{_CALLED_OFF})"), False),
        (re.compile(rf"(?:^|(?<=,))[ \t]*{town}[ \t]*,?[ \t]*(?={_POSTCODE})", re.M), True),
    )


_COMPILED: dict[str, tuple[tuple[re.Pattern[str], bool], ...]] = {}
# What before each position (journey, "from", "at", postcode) says a person stands there.
_REFUSED_BEFORE = (None, _MESSAGE_BEFORE, _AIMED_BEFORE, None)
_JOURNEY_BEFORE = re.compile(_JOURNEY + r"$")
_CLOSED = re.compile(rf"(?:[ \t]+[a-z]|{_CLOSES})")


def after_journey(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends a journey ("a lift to X sat", "ambulance to X,")."""
    return bool(_JOURNEY_BEFORE.search(text[max(0, start - 24) : start])) and bool(
        _CLOSED.match(text, end)
    )


def more_town_spans(text: str, gaz: Gazetteers, town: str, check: TownCheck) -> list[Span]:
    """Towns in the positions above; `town` is the pattern of a capitalised run (group "t")."""
    patterns = _COMPILED.get(town)
    if patterns is None:
        patterns = _COMPILED[town] = _patterns(town)
    out: list[Span] = []
    for (pattern, strong), refused in zip(patterns, _REFUSED_BEFORE, strict=True):
        for m in pattern.finditer(text):
            if refused is not None and refused.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            if check(m.group("t"), gaz, strong):
                out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_PLACED_MORE))
    for m in _PAIR.finditer(text):
        where = m.group("t")
        if not _a_person(m.group("who"), gaz):
            continue
        if where.islower():
            placed = re.fullmatch("[a-z]{4,}", where) is not None and _lower_town(where, gaz)
        else:
            placed = re.fullmatch(town, where) is not None and check(where, gaz, False)
        if placed:
            out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_PLACED_MORE))
    return out + lower_town_spans(text, gaz)


_FEASTS = frozenset(
    [
        "xmas",
        "christmas",
        "easter",
        "diwali",
        "eid",
        "hanukkah",
        "halloween",
        "ramadan",
        "hogmanay",
        "vaisakhi",
        "navratri",
        "passover",
    ]
)


def _calendar_slip(word: str) -> bool:
    """Whether a word is a weekday's or a month's short form, or one letter swap from one."""
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return any(re.fullmatch(_DAY, w) or w in _MONTHS for w in {word, *swaps})


_MONTHS = frozenset(m.casefold() for m in (*MONTH_NAMES, *MONTH_SHORT_FORMS))


def _a_person(who: str, gaz: Gazetteers) -> bool:
    """Whether a bracket's first item names a person: a title or a listed given name first."""
    first = who.split()[0].strip(".").casefold() if who.split() else ""
    return first in TITLES or gaz.is_first_name(first)


def lower_town_spans(text: str, gaz: Gazetteers) -> list[Span]:
    """One lower-case word after a journey or before a public service, if no word or name."""
    out: list[Span] = []
    for m in _LOW_AFTER_JOURNEY.finditer(text):
        if _lower_town(m.group("t"), gaz):
            out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_PLACED_MORE))
    for m in _LOW_BEFORE_SERVICE.finditer(text):
        if facility_after(text, m.end("t")) and _lower_town(m.group("t"), gaz):
            out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_PLACED_MORE))
    for m in (*_LOW_PLACED.finditer(text), *_LOW_BEFORE_POSTCODE.finditer(text)):
        cue = m.groupdict().get("cue")
        refused = _MESSAGE_BEFORE if cue == "from" else _AIMED_BEFORE if cue == "at" else None
        if refused is not None and refused.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if _lower_town(m.group("t"), gaz):
            out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_PLACED_MORE))
    return out + strong_lower_spans(text, gaz)


# Round 21: the strongest place positions take any lower-case word, English ones too: a route
# ("the minibus is going via walls and voe to ...") and where someone lives out ("still living
# out at brae?"). Villages named by plain words (Walls, Voe, Brae on Shetland) stand there.
_ROUTE = (
    r"(?<![\w'’-])(?:going|go|goes|went|gone|coming|comes|came|driving|drive|drives|drove|"
    r"travelling|traveling|heading|headed|route|routed|running|runs|bus|minibus|coach|train)"
)
_LOW_ANY = r"[a-z]{3,}"
_VIA = re.compile(
    rf"{_ROUTE}[ \t]+via[ \t]+(?P<t>{_LOW_ANY})(?:[ \t]+(?:and|&)[ \t]+(?P<u>{_LOW_ANY}))?"
    r"(?=[ \t]+(?:to|then|for|and)\b|[ \t]*(?:[,.;:!?)\n]|$))"
)
_LIVES_OUT = re.compile(
    r"(?<![\w'’-])(?:living|lives|live|lived|staying|stays|stay)[ \t]+(?:out|up|down|over)"
    rf"[ \t]+(?:at|in|by)[ \t]+(?P<t>{_LOW_ANY})(?=[ \t]*(?:[,.;:!?)\n]|$))"
)
# Plain words those positions also take that are never a village.
_PLAIN_WORDS = """home work school college uni sea town city country there here now still again
    yet email text phone whatsapp facebook zoom teams post hospital prison night nights weekends
    the this that his her their our your mine yours mum mums dad dads nan nans gran grans"""
_NOT_A_VILLAGE = frozenset(_PLAIN_WORDS.split())


def strong_lower_spans(text: str, gaz: Gazetteers) -> list[Span]:
    """Lower-case words on a route ("via walls and voe to") or where someone lives out."""
    out: list[Span] = []
    for m in (*_VIA.finditer(text), *_LIVES_OUT.finditer(text)):
        for group in ("t", "u"):
            word = m.groupdict().get(group)
            if word is None:
                continue
            if word in _NOT_A_VILLAGE or word in _FEASTS or _calendar_slip(word):
                continue
            if is_listed_name(word) and not gaz.is_common_word(word):
                continue  # "going via kirsty and jo": people on the way
            out.append((m.start(group), m.end(group), "LOCATION", 0.5, NOTE_PLACED_MORE))
    return out


def lower_town(word: str, gaz: Gazetteers) -> bool:
    """Whether one lower-case word can be a town no list has (no word, slip, name or day)."""
    return _lower_town(word, gaz)


def _lower_town(word: str, gaz: Gazetteers) -> bool:
    if gaz.is_place(word) or gaz.is_village(word) or gaz.is_common_word(word):
        return False  # listed: the lists' recognisers decide; "the local a&e": a word
    if word in _FEASTS or _calendar_slip(word):
        return False  # "up from Ilkley at xmas", "moved to thrus"
    return not (is_listed_name(word) or lower_word_not_name(word) or re.fullmatch(_DAY, word))
