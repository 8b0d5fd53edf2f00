r"""Streets of everyday words after a house number, placed by what stands around them.

Many UK streets are plain words with no suffix: "12 Laurels", "4 Canal Side", "7 The Spinney",
and in chat they come in lower case ("31 kingfishers"). The words alone cannot tell them from a
count ("3 boxes"), so a numbered name is a street only where the address around it says so:

- a postcode follows ("31 Kingfishers CH7 7TR", "9 laurels, ls2 4ab");
- a listed UK town follows after a comma or on the next line ("19 bluebells, battle",
  "65 Abbotsford\nShotts"), or a short line and then a postcode ("89 Heath Row, March, N4 9LU");
- "Flat N," comes first ("flat 3, 17 bluebells");
- an address cue or a place preposition comes first and the phrase ends there: punctuation,
  the line's end, a dash, "in", or a clock time ("address 94 laurels", "at 73 bluebells,",
  "for elin at 13 tithebarn?", "round 10 Canal Side", "at 85 the spinney at 2am");
- it follows a name and a comma and ends at one ("from Ann Ode, 46 foxgloves, she ...");
- a journey starts there: "from 34a paradise to the day centre" (as placed by a preposition);
- a town follows in brackets: "126a micklegate (newtown)".

Round 20: "towards", "past", "by", "beside" and "behind" place a phrase as "at" does, and
the sentence's verb closes it ("the mats at 64 boathouse need ...", "Ann Ode at 12 Kelp Row wants
...", also with two letters swapped: "asekd"). After someone placed where they live or trade
("neighbour Ann Ode on", "Mrs Ode off" but not "dropped off", "the landowner at") any words make the
street ("46 turbine view", "8 garden of remembrance"), as do two or more capitalised words
("138 Green Room"). Four digits need a postcode or a town ("furnace at 1120 overnight"); one
everyday word after a name and a comma or in brackets is a count ("Ann Ode, 6 loaves,",
"sofa (2 seater)").

Never when a word before counts ("took 2", "bay 3", a margin "won by 6") or a word of the name is
a stop word, a unit, a month, a day or a product ("at 3 weeks,"; "well", "side", "back", "top" are
street words); with only a preposition to place it, not when the words are a listed given name
("at 3 kirsty,") or things a number counts in chat ("for 2 nights,").
"""

from __future__ import annotations

import re

from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.recognizers.bare_street import (
    NUMBERED_THINGS,
    WARD_WORDS,
    never_a_street_word,
)
from sar_desk.detect.recognizers.base import typo_tolerant

Span = tuple[int, int, str, float, str]


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LETTERS = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*"
_NUMBERED = re.compile(
    rf"(?<![\w£$€.,:/#+@-])(?P<v>(?P<flat>(?i:flat|apartment|apt|unit)[ \t]+\d{{1,4}}[A-Za-z]?,?"
    rf"[ \t]+)?(?P<num>\d{{1,4}}[A-Za-z]?),?[ \t]+(?P<name>{_LETTERS}(?:[ \t]+{_LETTERS}){{0,3}}))"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}\b"
_POSTCODE_AFTER = re.compile(rf"[ \t]*,?[ \t]*{_POSTCODE}")
# ", <up to three words>, <postcode>" or the same on the next lines: a town between.
_BREAK = r"(?:,[ \t]*|[ \t]*\n[ \t]*)"
_TOWN_THEN_POSTCODE = re.compile(rf"{_BREAK}[^\W\d_][^\n,\d]{{0,30}}(?:{_BREAK}|[ \t]+){_POSTCODE}")
_TOWN_AFTER = re.compile(
    r"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]*\([ \t]*)"
    r"(?P<town>[^\W\d_][^\W\d_'’ \t-]*(?:[ \t-][^\W\d_'’]+){0,2})"
)
_TOWN_ENDS = re.compile(r"[ \t]*(?:[,.;:)\n]|$|[ \t][-–—][ \t]|[ \t]*" + _POSTCODE + ")")
# An address cue: the phrase after it is an address.
_STRONG_CUE = re.compile(
    r"(?i)(?:\baddress(?:[ \t]+(?:is|now|was))?:?|\b(?:lives|living|staying|moved|moving)[ \t]+"
    r"(?:at|to)|\bc/o[ \t]+[^,\n]{2,40},)[ \t]*$"
)
# A place preposition: the phrase after it may be an address.
_WEAK_CUE = re.compile(
    r"(?i)(?:\b(?:at|on|for|round|opposite|outside|near|to|towards?|past|by|beside|behind)"
    r"|\()[ \t]*$"
)
# Someone placed by where they live or work ("neighbour Ann Ode on", "Mrs Ode off", "the
# landowner at"): the phrase after the preposition is where, whatever its words.
_RESIDENT_CUE = re.compile(
    r"(?i)\b(?:neighbou?rs?|residents?|tenants?|landowners?|landlord|landlady|owners?|"
    r"occupiers?|householders?|customers?|clients?|mrs|mr|ms|miss|mx|place|premises|shop|"
    r"farm|business)\b[^,.;:!?\n\d]{0,40}"
    r"\b(?:at|on|off|from)[ \t]*$"
)
_FROM = re.compile(r"(?i)\bfrom[ \t]*$")
_TO = re.compile(r"[ \t]+to[ \t]+(?:the[ \t]+)?(?P<w>[^\W\d_]+)")
_NAME_COMMA = re.compile(r"(?P<name>[^\W\d_][\w'’-]*),[ \t]*$")
# Stop words that are also common street words ("Well Close", "Canal Side", "Back Lane").
_STREET_STOPS = _set("well side back front top bottom down over under up")
# Times and short day names a number may run into ("at 10 tomorrow", "on 12 fri").
_WHEN = _set("""
    tomorrow today tonight yesterday noon midnight morning afternoon evening night latest sharp
    earliest mon tue tues weds wed thu thur thurs fri sat sun o'clock oclock overnight again
    now still already earlier later lately recently outside inside upstairs downstairs home
    there here away abroad nearby instead
""")
# Verbs that close a placed subject ("Ann at 12 Kelp Shore wants ...", "the mats at 6 loft
# need ..."), each also with two letters swapped as typed on a phone ("asekd").
_CLOSING_VERBS = "|".join(
    typo_tolerant(v)
    for v in sorted(
        _set("""says said asked asks wants wanted needs need rang rung phoned called reckons
        thinks complained reported reports told wrote emailed texted""")
    )
)
# Where a placed phrase ends: punctuation, the line's end, a dash, "in", a time or a day, a verb.
_ENDS = re.compile(
    r"[ \t]*(?:[,;:?!)\n]|\.(?:\s|$)|$|[ \t][-–—][ \t]|[ \t]in[ \t]|[ \t]+(?:at|on)[ \t]+\d"
    # the sentence's verb after a placed subject: "the tenant at 45 the shambles is ..."
    r"|[ \t]+(?:is|was|has|have|are|keeps)[ \t]"
    rf"|[ \t]+(?i:{_CLOSING_VERBS})\b"
    rf"|[ \t]+(?i:{'|'.join(sorted(_WHEN, key=len, reverse=True))})\b)"
)
# Particles inside Welsh, Gaelic and English street names ("Cnoc an t-Sìthein", "Heol y Nant").
_PARTICLES = _set("y yr an na nan am the de la le of")
# What a number counts in chat and casework: never a street with only a preposition to place it.
_COUNTED = _set("""
    occasions times things items boxes bags calls texts messages emails letters visits sessions
    tablets pills doses nights pints quid pounds pence kids children people adults staff cases
    pages forms copies rooms beds places spaces slots points cars dogs cats sites schools homes
    houses properties flats units shifts days weeks hours minutes months years referrals overs
    patients clients tenants residents visitors members students pupils others more wickets players
    guests riders callers volunteers passengers customers participants attendees bookings tickets
    seats tables covers entries teams groups voices singers ringers dancers performers musicians
    runners walkers climbers helpers votes goals percent degrees sheets innings tries runs laps
    lengths
""")
_COUNTING = re.compile(
    rf"(?i)\b(?:{NUMBERED_THINGS}|(?:won|lost|beat|short|up|down|ahead|behind)[ \t]+by|"
    r"bay|bed|beds|room|ward|year|yr|page|p|pg|aged?|level|floor|table|step|stage|band|"
    r"grade|day|week|line|item|q|question|version|v|size|gate|platform|bus|route|channel|"
    r"section|para|clause|x|the|these|those|my|your|his|its|our|their|all|only|just|about|"
    r"around|approx|over|under|took|take|got|get|bought|need|needs|have|has|had|gave|give|"
    r"want|ordered|cost|paid|found|lost|made|ate|won|sold|used|bring|brought)[ \t.#:]*$"
)


def _word_ok(word: str, first: bool) -> bool:
    low = re.sub(r"['’]s$", "", word).casefold()
    if low in _PARTICLES:
        return not first or low == "the"
    if low in _WHEN or _VERB_WORD.fullmatch(low):
        return False  # "at 10 tomorrow", "at 74 Moorgate says": the phrase has ended
    if low in WARD_WORDS and not first:
        return True  # "Green Room": only "12 Room" counts rooms
    return low in _STREET_STOPS or (not never_a_street_word(word) and len(low) >= 3)


def _name_words(words: list[re.Match[str]]) -> int:
    """How many words from the first can make a street name (particles never last)."""
    n = 0
    for k, w in enumerate(words):
        if not _word_ok(w.group(0), k == 0):
            break
        n += 1
    while n and words[n - 1].group(0).casefold() in _PARTICLES:
        n -= 1
    return n


def _weakly_placed_ok(words: list[str], gaz: Gazetteers) -> bool:
    """A name placed by a preposition alone: not a count, not a listed given name."""
    lows = [w.casefold() for w in words]
    if lows[-1] in _COUNTED or (len(lows) == 1 and gaz.is_first_name(lows[0])):
        return False
    if lows[0] == "the" and len(lows) == 2 and lows[1].endswith("s") and len(lows[1]) > 4:
        return True  # "at 102 the orchards": "The Paddocks", "The Maltings" are streets
    if len(lows) > 3 or (lows[0] == "the" and gaz.is_common_word(lows[1])):
        return False  # "at 5 the shop closes": a time, then a clause
    if len(lows) > 1 and lows[0].endswith("ed") and gaz.is_common_word(lows[0][:-2]):
        return False  # "Tombland, 8 signed up": a count and a verb ("seaweed" is no verb)
    return not all(gaz.is_first_name(w) or gaz.is_surname(w) for w in lows if w not in _PARTICLES)


def _town_follows(text: str, end: int, gaz: Gazetteers) -> bool:
    if _TOWN_THEN_POSTCODE.match(text, end):
        return True
    m = _TOWN_AFTER.match(text, end)
    if not m:
        return False
    parts = m.group("town").split()
    for n in range(len(parts), 0, -1):
        town = " ".join(parts[:n])
        stop = m.start("town") + len(town)
        if (gaz.is_place(town) or gaz.is_word_place(town)) and _TOWN_ENDS.match(text, stop):
            return True
    return False


def anchored_streets(text: str) -> list[Span]:
    """Numbered street names placed by a postcode, a town, a flat or a cue (module docstring)."""
    gaz = current()
    out: list[Span] = []
    for m in _NUMBERED.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _COUNTING.search(before[-14:]) and not m.group("flat"):
            continue
        words = list(re.finditer(r"\S+", m.group("name")))
        # "audit at 10, Technical in ...": a comma after the number makes it a time or a
        # count, unless a postcode or a town places the words after it as an address.
        comma = "," in text[m.end("num") : m.start("name")] and not m.group("flat")
        # Four digits are a time, a year or a measure ("furnace at 1120 overnight") far more
        # often than a house: only a postcode or a town after makes them one.
        long_number = _FOUR_DIGITS.match(m.group("num")) is not None
        for n in range(_name_words(words), 0, -1):
            end = m.start("name") + words[n - 1].end()
            if text[end - 2 : end] in ("'s", "’s") and n == len(words) and n > 1:
                continue
            if (comma or long_number) and not (
                _POSTCODE_AFTER.match(text, end) or _town_follows(text, end, gaz)
            ):
                continue
            flat = m.group("flat") is not None
            if _placed(text, before, end, flat, words[:n], gaz, m.group("num")):
                out.append((m.start("v"), end, "STREET_ADDRESS", 0.5, ""))
                break
    return out


def _placed(
    text: str,
    before: str,
    end: int,
    flat: bool,
    words: list[re.Match[str]],
    gaz: Gazetteers,
    num: str = "",
) -> bool:
    if _POSTCODE_AFTER.match(text, end) or _town_follows(text, end, gaz):
        return True
    to = _TO.match(text, end)
    if _FROM.search(before) and to is not None and _ends_like_a_street(words, gaz):
        # a journey's start: "taxi from 34a paradise to the day centre"; a swap between two
        # people is not one ("the shift from 4 tamsin to jude")
        if gaz.is_first_name(to.group("w")) and not gaz.is_common_word(to.group("w")):
            return False
        return _weakly_placed_ok([w.group(0) for w in words], gaz)
    closer = _ENDS.match(text, end)
    if not closer:
        return False
    resident = _RESIDENT_CUE.search(before) is not None
    if not (resident or _title_case(words) or _ends_like_a_street(words, gaz)):
        return False
    if flat or _STRONG_CUE.search(before):
        return True
    if _VERB_END.match(closer.group(0)) and not resident and _HOUR_AT.search(before + num):
        return False  # "at 5 mum said": a time, then who spoke
    plain = [w.group(0) for w in words]
    named = _NAME_COMMA.search(before)
    if named and _name_like(named.group("name"), gaz):
        # "order for Ann Ode, 6 loaves,": one everyday word after a name is what was ordered
        return not _one_common_word(plain, gaz) and _weakly_placed_ok(plain, gaz)
    cue = _WEAK_CUE.search(before)
    if cue and cue.group(0).strip() == "(" and num.isdigit() and _one_common_word(plain, gaz):
        return False  # "sofa (2 seater)", "(3 depts)": a count in brackets
    return (cue is not None or resident) and _weakly_placed_ok(plain, gaz)


def _one_common_word(words: list[str], gaz: Gazetteers) -> bool:
    """One lower-case word that a dictionary has, or a plural of one ("loaves", "depts")."""
    if len(words) != 1 or not words[0].islower():
        return False
    word = words[0]
    return any(gaz.is_common_word(w) for w in (word, word[:-1], word[:-2])) or len(word) < 6


_VERB_WORD = re.compile(rf"(?i:{_CLOSING_VERBS})")
_VERB_END = re.compile(rf"[ \t]+(?i:{_CLOSING_VERBS})$")
# "at" and a number that can be an hour: a verb after it may follow a time, not a place.
_HOUR_AT = re.compile(r"(?i)\bat[ \t]+(?:[01]?\d|2[0-4])$")


def _title_case(words: list[re.Match[str]]) -> bool:
    """Whether a name of two or more words is written as a proper name ("Green Room")."""
    named = [w.group(0) for w in words if w.group(0).casefold() not in _PARTICLES]
    return len(named) > 1 and all(w[:1].isupper() and w[1:2].islower() for w in named)


def _name_like(word: str, gaz: Gazetteers) -> bool:
    """A listed name in any case, or a capitalised word no dictionary has ("Nowak,")."""
    if gaz.is_first_name(word) or gaz.is_surname(word):
        return True
    return word[:1].isupper() and not gaz.is_english(word.casefold())


# Last words of many-word street names that are also everyday words ("Canal Side").
_STREET_TYPES = _set("""
    side hill well close row end court lane road street way walk view green park gate grove
    field fields bank rise mews place square gardens terrace drive avenue crescent yard wharf
    quay croft brae wynd common meadow meadows cottages villas house farm mill path shore
    fold chase dene garth vale paddock orchard spinney parade approach heights
""")


def _ends_like_a_street(words: list[re.Match[str]], gaz: Gazetteers) -> bool:
    """Whether many words end as a street does: not in an everyday word ("went fine")."""
    if len([w for w in words if w.group(0).casefold() not in _PARTICLES]) < 2:
        return True  # "12 Laurels", "7 the chestnuts"
    last = re.sub(r"['’]s$", "", words[-1].group(0)).casefold()
    return last in _STREET_TYPES or not gaz.is_common_word(last)
