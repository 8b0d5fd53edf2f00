"""A capitalised town no list has, found by where a town stands (issue 15, round 19).

The village list stops somewhere ("Saltfleetby", "Kildrummy", "Cilmery" are in no shipped
list), and the model reads an unknown capitalised word as nothing or as a person. English puts
a town in a few positions no person, product or weekday takes, so the shape of the sentence
says what the word is:

- after a place word, closing its phrase: "first wagon from Saltfleetby at 05:40", "ambulance
  from Kildrummy", "deli in Crathie", "course in Tathwell in Feb" (a time after "at", not a
  house number: "collecting from Durga at 81A Pit Lane" is a person);
- after "at", with a weekday after it: "big top up at Cilmery on Thurs";
- before a public service or a site only a town's name stands before (`town_sites`):
  "Mosside primary", "Midlem leisure centre", "Maxton parish council", "at Corgarff rec",
  "the Ednam garage", "the Dinnet fete".

The words must read as a town's, not a person's or a thing's: capitalised, one to three of
them, none a listed given name, a title, a weekday or a month, no lone family name ("from
Okafor" is a person's message), not all dictionary words ("in Accounts", "from Head Office"),
and not a product, a team or a placeholder ("in Figma" is refused only if a list has it, so
the positions are kept narrow). A name the case knows is still relabelled a person later.
"""

from __future__ import annotations

import re

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES, MONTH_SHORT_FORMS
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.recognizers.route_towns import route_town_spans
from sar_desk.detect.recognizers.town_clauses import slot_town_spans
from sar_desk.detect.recognizers.town_positions import lower_town, more_town_spans
from sar_desk.detect.town_sites import facility_after, site_after, town_modifier
from sar_desk.detect.words import ORG_WORDS, PRODUCTS, TITLES, is_not_a_name

Span = tuple[int, int, str, float, str]

NOTE_UNLISTED = "A town no list has, placed by the words around it."

# Hyphened parts may be small words or a Roman numeral ("Cwm-y-Glo", "Ruyton-XI-Towns").
_CAP = r"[A-Z][a-z]{2,}(?:-(?:[A-Z]?[a-z]+|[IVX]{1,4}))*"
# One to three capitalised words: "Saltfleetby", "Logie Coldstone", "Llanfihangel Rhydithon".
_TOWN = rf"(?P<t>{_CAP}(?:[ \t]{_CAP}){{0,2}})"
_DAY = r"(?:mon|tues?|weds?|thu|thurs?|fri|sat|sun)[a-z]*\.?"
# What closes a town's phrase: punctuation or the line's end, a dash, or a time, a date or
# a movement after it ("from Saltfleetby at 05:40", "in Tathwell in Feb", "from X coming").
# "at" and a bare number is a house ("collecting from Durga at 81A Pit Lane"): a person's;
# an hour alone before punctuation is a time ("minibus from X at 11, ...").
_MONTHS = "|".join(sorted(m[:3] for m in MONTH_NAMES))
_CLOSES = (
    # a bracket opening too: "the man from X (Dev) who brought the dog" (round 22)
    r"(?=[ \t]*(?:[,.;:!?()\n]|$|[ \t][-–—][ \t])"
    r"|[ \t]+(?:at[ \t]+\d{1,2}(?:(?:[:.]\d\d|[ \t]?[ap]m)\b|(?=[ \t]*[,.;!?]|$))"
    rf"|on[ \t]+(?i:{_DAY})\b|in[ \t]+(?i:{_MONTHS})|coming\b|today\b|"
    r"tomorrow\b|tmrw\b|tonight\b|this[ \t]+(?:morning|afternoon|week)\b|next[ \t]+week\b))"
)
# "left" and "leaving" place too (round 23): "left Quistbury, 14:52". Not "via": a service
# or a platform stands there as often ("booked via Bookteq —", "paid via Monzo,").
_AFTER_CUE = re.compile(
    rf"(?<![\w'’-])(?:from|in|near|nr|outside|left|leaving)[ \t]+{_TOWN}{_CLOSES}"
)
# A weekday's word whole ("Sunday", "Weds"), not a town that starts like one ("Fridaythorpe").
_DAY_WORD = re.compile(
    r"(?:mon|tues?|wed(?:nes)?|weds|thu|thur|thurs|fri|sat(?:ur)?|sun)(?:days?)?\.?"
)
_AT_ON_A_DAY = re.compile(rf"(?<![\w'’-])at[ \t]+{_TOWN}(?=[ \t]+on[ \t]+(?i:{_DAY})\b)")
# A capitalised run anywhere, for the site and service positions.
_RUN = re.compile(rf"(?<![\w'’-]){_TOWN}(?![\w'’-])")
_PLACE_CUE = re.compile(r"(?i)(?:^|[\s(])(?:at|from|in|near|nr|outside)[ \t]+$")
_CALENDAR = frozenset(w.casefold() for w in (*DAY_NAMES, *MONTH_NAMES, *MONTH_SHORT_FORMS))
# A street's last word: "in London Road" is a street, left to the address recognisers.
_STREET_WORD = re.compile(
    r"(?i)(?:road|street|lane|avenue|close|drive|way|crescent|terrace|grove|place|gardens|"
    r"court|square|row|walk|park|mews|parade)"
)


def unlisted_town_spans(text: str, gaz: Gazetteers) -> list[Span]:
    """The capitalised towns no list has that `text` places (see above), as LOCATION spans."""
    out: list[Span] = []
    for m in (*_AFTER_CUE.finditer(text), *_AT_ON_A_DAY.finditer(text)):
        if _town_words(m.group("t"), gaz):
            out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_UNLISTED))
    for m in _RUN.finditer(text):
        start = m.start("t")
        # The run may take the service's own capitalised words ("Inskip Crown Court"): the
        # town is then the words before it, so each shorter run is tried, longest first.
        for end in _word_ends(text, start, m.end("t")):
            # Before a public service no person stands ("Tynan primary"), so a family name too.
            served = facility_after(text, end)
            sited = town_modifier(text, start, end)
            # "at Corgarff rec": a site after a place word, as after "the".
            cued = _PLACE_CUE.search(text[max(0, start - 12) : start]) and site_after(text, end)
            if (served or sited or cued) and _town_words(text[start:end], gaz, bool(served)):
                out.append((start, end, "LOCATION", 0.5, NOTE_UNLISTED))
                break
    out += more_town_spans(text, gaz, _TOWN, _town_words)
    out += slot_town_spans(text, gaz, _TOWN, _town_words, lambda w: lower_town(w, gaz))
    out += route_town_spans(text, gaz)
    return _without_overlaps(out)


def _word_ends(text: str, start: int, end: int) -> list[int]:
    """Where each word of ``text[start:end]`` ends, the last first."""
    return [start + m.end() for m in re.finditer(r"\S+", text[start:end])][::-1]


def _town_words(value: str, gaz: Gazetteers, strong: bool = False) -> bool:
    words = value.split()
    lows = [w.casefold() for w in words]
    if gaz.is_place(value) or gaz.is_village(value):
        return False  # listed: the list's own recognisers propose it
    for low in lows:
        if (
            low in _CALENDAR
            or _DAY_WORD.fullmatch(low)
            or low in TITLES
            or low in PRODUCTS
            or low in ORG_WORDS
        ):
            return False  # "from Monday", "in Teams", "from Council"
        for part in low.split("-"):
            if gaz.is_first_name(part):
                return False  # "from Siobhan", "near Mary-Jane": a person may stand there
    if _STREET_WORD.fullmatch(lows[-1]):
        return False
    if len(words) == 1 and not strong and gaz.is_surname(lows[0]):
        return False  # "a message from Okafor": a family name alone is a person's
    if all(gaz.is_common_word(w) or gaz.is_english(w) for w in lows):
        return False  # "in Accounts", "from Head Office": English words
    return not is_not_a_name(value)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if all(span[0] >= k[1] or span[1] <= k[0] for k in out):
            out.append(span)
    return out
