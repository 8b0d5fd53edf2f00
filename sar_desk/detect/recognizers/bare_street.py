"""Streets with no suffix after a house number: "14 Maesycoed", "3 Pen-y-Bryn", "9 Bryn Awel".

Many UK streets, Welsh and Scottish ones above all, have no "Road" or "Close" and no ending a
rule could list. What marks them is the shape: a house number (with an optional letter and
"Flat N,") followed by one to three capitalised words that are not common English words (the
SCOWL list in `detect.gazetteer`: "12 Apples", "5 Stars"), not units or stop words ("5 Mins",
"2 PM") and do not together make a person's name ("at 3 Kirsty", "at 3 Jade Hart-Davies").
A number that counts beds, years or pages ("bay 3 Ward", "year 9 Rafferty") or things had or
given ("took 2 Paracetamol", "the 3 Amigos"), a year or a reference ("2018 Sch 2") and a day
before a clock time ("03 Macrh 09:14") are not houses either. A common word is a street name
only when an address cue comes first and punctuation follows ("sent to 12 Hollies."); "The"
makes one of any word ("14 The Limes").

Written wholly in lower case the same words are a street only where an address cue or a bracket
comes first and punctuation, "in" or the line's end follows ("left it at 48 coppice, ..."),
and never a common word; Welsh street words place themselves ("6 ffordd y gamlas").

Round 20: a comma after the number with no listed town after the name ("screen 1, Aled Wyn
rebooted it"), four digits ("at 1120 Overnight") and a numbered thing before the number ("lot
88", "peg 17", "hive 4") make no house, unless a postcode follows.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.brands import HOUSEHOLD_BRANDS
from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.thing_names import TRADE_BRANDS
from sar_desk.detect.words import PRODUCTS

Span = tuple[int, int, str, float, str]

_FLAT = r"(?:(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?"
# "Pen-y-Bryn", "Tan-y-Bryn", "Bryn-Glas": hyphenated parts, Welsh particles in lower case.
_NAME_WORD = r"[A-Z][a-zà-ÿŵŷ'’]+(?:-(?:(?i:y|yr)|[A-Z][a-zà-ÿŵŷ'’]+))*"
_BARE = re.compile(
    rf"(?<![\w£$€.,:/#+-])(?P<v>{_FLAT}(?P<num>\d{{1,4}}[A-Za-z]?),?[ \t]+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?:(?i:y|yr)[ \t]+)?{_NAME_WORD}){{0,2}}))(?![\w'’-])"
)
# Numbers that count something other than houses.
# Things numbered in a list, a site or a sale ("lot 88", "peg 17", "hive 4", "screen 1").
NUMBERED_THINGS = (
    r"lot|peg|pitch|plot|stall|hive|trench|ramp|screen|position|caravan|heat|lap|hole|pen|"
    r"kennel|stable|box|camera|cam|pump|locker|seat|tee"
)
# A noun that numbers something other than a house, right before the number.
COUNTED_BEFORE = re.compile(rf"(?i)\b(?:{NUMBERED_THINGS})[ \t.#:]*$")
_COUNTING = re.compile(
    r"(?i)\b(?:bay|bed|beds|room|rm|ward|year|yr|years|period|page|p|pg|aged?|"
    r"level|floor|table|step|stage|band|grade|day|week|wk|month|line|item|q|question|"
    r"version|v|size|gate|platform|bus|route|channel|ch|section|para|paragraph|clause|x|"
    rf"{NUMBERED_THINGS}|"
    # ... or follow a determiner or a verb of having and giving ("the 3 Amigos", "took 2
    # Paracetamol", "got 2 Tesco bags").
    r"the|these|those|my|your|his|its|our|their|all|only|just|about|around|approx|over|under|"
    r"took|take|takes|taking|got|get|gets|bought|buy|need|needs|needed|have|has|had|gave|give|"
    r"given|want|wants|ordered|order|cost|costs|paid|pay|found|lost|made|make|ate|eat|drank|"
    r"drink|won|win|sold|sell|used|use|using|bring|brought)"
    r"[ \t.#:]*$"
)
# A number, a full name, a speech verb ("at 4 Priyanka Okafor rang"): a time and a person.
# Only a number that can be a clock time (1-24, or HHMM): "on 87 Sawpit Lane says" is a house.
TIME_THEN_PERSON = re.compile(
    r"(?:[01]?\d|2[0-4]|(?:[01]\d|2[0-3])[0-5]\d)(?!\d)"
    r"[ \t]+[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+[ \t]+(?:said|says|rang|rings|phoned|"
    r"called|texted|emailed|messaged|asked|asks|told|replied|wants|thinks|reckons|confirmed)\b"
)
_POSSESSIVE = re.compile(r"['’]s$")  # compiled once: read at every word
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBER_AFTER = re.compile(r"[ \t]+\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
# A clock time or a year after the name: the number was a day of the month.
_DATE_AFTER = re.compile(r",?[ \t]+(?:\d{1,2}[:.]\d{2}\b|(?:19|20)\d{2}\b)")
_CHAT_AND_UNITS = """
    min mins minute minutes hr hrs hour hours day days wk wks week weeks month months yr yrs
    year years mile miles metres meters km kg kgs lb lbs g mg ml cm mm times people kids pm am
    ish tmrw tmr tomoz tonite tonight lol pls plz asap thx ta xx xxx ok okay ppl mins yrs
    sec secs ft
"""
# Months and days, whole and short ("14 Dec", "3 Sept", "2 Tues"): a date, never a street.
_CALENDAR_AND_WARDS = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed weds thu thur thurs fri sat sun bay ward bed room
"""
# Words that number a bed or a room ("bay 3", "12 Room"), but may end a name ("Green Room").
WARD_WORDS = frozenset({"bay", "ward", "bed", "room"})
# A brand after a number counts goods ("12 Velux", "2 Baxi"), never a house.
_BRANDS = HOUSEHOLD_BRANDS | frozenset(b for b in TRADE_BRANDS if "_" not in b)


def _swaps(words: str) -> frozenset[str]:
    """Each word of five letters or more with two neighbouring letters swapped ("yaers")."""
    return frozenset(
        w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        for w in words.split()
        if len(w) >= 5
        for i in range(len(w) - 1)
    )


_NEVER = (
    STOP_WORDS
    | PRODUCTS
    | _BRANDS
    | frozenset((_CHAT_AND_UNITS + _CALENDAR_AND_WARDS).split())
    | _swaps(_CHAT_AND_UNITS)  # "for 60 yaers,": a unit typed on a phone
    | _swaps(_CALENDAR_AND_WARDS)  # "of 22 Staurday,": a date typed on a phone
)


def never_a_street_word(word: str) -> bool:
    """A stop word, unit, chat word, month, day or product ("at 10 Teams", "at 5 Mins")."""
    return _plain(word) in _NEVER


def _plain(word: str) -> str:
    return _POSSESSIVE.sub("", word).casefold()


def _street_words(words: list[str], gaz: Gazetteers, common_ok: bool = False) -> int:
    """How many of `words` (from the first) can make a street name; 0: none.

    Common words ("Nightingales", "Limes") only when `common_ok`: the caller saw the name
    placed as an address.
    """
    n = 0
    for word in words:
        low = _plain(word)
        common = "-" not in low and gaz.is_common_word(low)
        if low in _NEVER or (common and not common_ok) or len(low) < 3:
            break
        n += 1
    if n and all(gaz.is_first_name(_plain(w)) or gaz.is_surname(_plain(w)) for w in words[:n]):
        first = _plain(words[0])
        if gaz.is_first_name(first) or n > 1:
            return 0  # "at 3 Kirsty", "at 3 Jade Hart-Davies": a time and a person
    return n


def bare_streets(text: str, common_words: bool = True) -> list[Span]:
    """Suffix-less numbered street names in `text` (Title Case; see the module docstring).

    Also run on a capitalised copy of lower-case text (`common_words` False: "for 3 boxes" is
    no street), whose caller checks where each stands.
    """
    gaz = current()
    out: list[Span] = []
    for m in _BARE.finditer(text):
        if _COUNTING.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        words = list(re.finditer(r"\S+", m.group("name")))
        n = _street_words([w.group(0) for w in words], gaz)
        if (
            not n
            and common_words
            and _TITLE_CUE.search(text[max(0, m.start() - 20) : m.start()])
            and not _COMMA_AFTER_NUMBER.match(text, m.end("num"))
        ):
            # "sent to 12 Nightingales." : a common word, placed by a cue and a full stop;
            # "audit at 10, Technical in ..." is a time, then a clause.
            n = _street_words([w.group(0) for w in words], gaz, common_ok=True)
            if n and not _LOWER_AFTER.match(text, m.start("name") + words[n - 1].end()):
                n = 0
        if not n:
            continue
        # A trailing particle ("9 Heol Y") is not where a name ends.
        while n > 1 and words[n - 1].group(0).casefold() in ("y", "yr"):
            n -= 1
        end = m.start("name") + words[n - 1].end()
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        if _DATE_AFTER.match(text, end):
            continue  # "Sent: 03 Macrh 09:14": a date with a mistyped month
        if _YEAR.fullmatch(m.group("num")) or _NUMBER_AFTER.match(text, end):
            continue  # "DPA 2018 Sch 2 Pt 3": a year and a reference, not a house
        if not _POSTCODE_SOON.match(text, end) and (
            _FOUR_DIGITS.fullmatch(m.group("num")) or _after_comma(text, m, gaz)
        ):
            # "furnace at 1120 Overnight": four digits are a time or a measure; "screen 1,
            # Aled Wyn rebooted it": a number, a comma and then a clause's subject
            continue
        if n == 1 and len(_plain(words[0].group(0))) < 4:
            continue  # "12 Sch", "3 Reg": short abbreviations
        out.append((m.start("v"), end, "STREET_ADDRESS", 0.5, ""))
    return out


_POSTCODE_SOON = re.compile(r"[^\n\d]{0,40}?\b[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}\b")


def _after_comma(text: str, m: re.Match[str], gaz: Gazetteers) -> bool:
    """A comma after the number and no listed town after the name: not a house."""
    if not _COMMA_AFTER_NUMBER.match(text, m.end("num")):
        return False
    town = re.match(r",?[ \t]*([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)", text[m.end() :])
    return town is None or not gaz.is_place(town.group(1))


# Address cues before a capitalised common word ("for 119 Nightingales:").
_TITLE_CUE = re.compile(r"(?i)\b(?:at|to|for|from|address(?: is)?:?|lives?|living)[ \t]*$")
_LOWER_CUE = re.compile(
    r"(?i)(?:\b(?:at|to|for|of|from|address(?: is)?:?|visit(?:ed)?|lives?|living)|\()[ \t]*$"
)
_LOWER_AFTER = re.compile(r"[ \t]*(?:[,.;:)\n]|in\b|$)")
_COMMA_AFTER_NUMBER = re.compile(r"[ \t]*,")


def placed_lower(text: str, start: int, end: int) -> bool:
    """Whether a lower-case numbered name at ``text[start:end]`` stands where addresses do."""
    name = text[start:end].split()[-1]
    if re.match(r"\d{4}\b", text[start:end]):
        return False  # "at 1120 overnight": a time or a measure
    if len(name) < 5 and "-" not in name:
        return False  # "at 10 tmrw", "at 3 ish": short chat words, not streets
    cue = _LOWER_CUE.search(text[max(0, start - 20) : start])
    value = text[start:end]
    if cue and cue.group(0).strip() == "(" and re.match(r"\d+ [^ ]+$", value):
        return False  # "sofa (2 seater)", "(3 depts)": a count in brackets
    return bool(cue) and bool(_LOWER_AFTER.match(text, end))


# "14 The Limes", "Flat 2, 3 The Maltings": "The" and a capitalised name make a street name.
_THE_STREET = re.compile(
    rf"(?<![\w£$€.,:/#+-])(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?[ \t]+The[ \t]+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?))(?![\w'’-])"
)


def the_streets(text: str) -> list[Span]:
    """Numbered "The ..." street names ("14 The Limes"), not counts ("page 3 The Sun")."""
    out: list[Span] = []
    for m in _THE_STREET.finditer(text):
        if _COUNTING.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        words = m.group("name").split()
        n = 0
        while n < len(words) and _plain(words[n]) not in _NEVER:
            n += 1
        if n:
            end = m.start("name") + len(" ".join(words[:n]))
            out.append((m.start("v"), end, "STREET_ADDRESS", 0.5, ""))
    return out


# Welsh street words are never English, so they place a lower-case address on their own
# ("10 heol y nant needs scaffold"); the name runs until a common English word.
_WELSH_LOWER = re.compile(
    r"(?<![\w£$.,])(?P<v>(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?[ \t]+"
    r"(?:heol|ffordd|stryd|lôn|clos|rhodfa|cilgant|teras|maes|llwyn|parc|cae)"
    r"(?:[ \t]+[a-zà-ÿŵŷ'’-]+){1,3})"
)


def lower_welsh_streets(text: str) -> list[Span]:
    """Lower-case Welsh street addresses ("4 clos cae mawr"), ending before an English word."""
    gaz = current()
    out: list[Span] = []
    for m in _WELSH_LOWER.finditer(text):
        if m.group("v") != m.group("v").lower():
            continue
        words = list(re.finditer(r"\S+", m.group("v")))
        n = 2  # the number and the street word
        while (n < len(words) and words[n].group(0) in ("y", "yr")) or (
            n < len(words)
            and words[n].group(0) not in _NEVER
            and not gaz.is_common_word(words[n].group(0))
        ):
            n += 1
        while words[n - 1].group(0) in ("y", "yr"):
            n -= 1
        if n > 2:
            out.append((m.start("v"), m.start("v") + words[n - 1].end(), "STREET_ADDRESS", 0.5, ""))
    return out
