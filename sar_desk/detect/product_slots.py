"""Names that stand where chat puts goods, not people (issue 15, round 15).

Drinks, foods and household goods are named after people ("Old Tom", "Jack Daniel's", "Ben &
Jerry's"), and so are horses and machines. Where the name stands says which it is; each rule
reads the span and a few dozen characters beside it, never a corpus's names:

- a measure or a container before it with "of" ("a pint of Old Tom", "a bottle of Jack
  Daniel's", "two tins of Heinz"); "a box of Sam's things" is a person's, and "shot" (a
  photo) and "case" (a file) are left out;
- how a bar or a shop sells it right after it, through a list of other goods ("Old Tom and
  Bishop's Finger on the guest lines", "Jack Daniel's on offer", "X sold out", "X on tap");
  "on the guest list" is people, "on the bar" is someone working it, so neither is a cue;
  a name after "by" made the goods ("the pattern by Ann Hale sold out") and stays a person;
- a drink or a food after it, no possessive between ("Henry gin", "Tetley bitter"): "Dave's
  pint" and "Dave's sandwich order" are Dave's;
- a count before it on an order ("2 x Old Tom", "3 Daniel's left");
- two names joined by "&" and closed by a possessive, with goods talk after ("Ben & Jerry's
  in the freezer"): "Tom & Ana's wedding" and "at Sam & Jo's tonight" have none;
- a horse or a farm animal by what only animals do or have ("Mabel threw a shoe", "Captain
  and Mabel both need the farrier", "Daisy calved", "Bonnie's hooves"); "Sam threw a shoe at
  the telly" and "Sam's tail" are people's;
- a racehorse a bet is put on before its race's time ("a tenner on Midnight Maud in the
  3.15"), and a band's lead with a gig talked of ("tickets for Jimmy Jive & the Twisters");
- a booking system's notice at a line's start ("Sarah's Lessons: booking confirmed"), and a
  device's or a system's label before a colon there ("Marshall telemetry: signal lost"): a
  name before a device word and a colon is its maker's or model's, not a person's;
- a trademark that became a thing's name ("the Zamboni", "jacuzzi").
"""

from __future__ import annotations

import re

_EDGE = ".,:;!?'’\"()[]‘“”"

# Measures and containers that goods come in; not "shot" (a photo of someone), "case" (the
# case of Mrs Khan), "half" (half of Sam's shifts) nor "cup" (a cup of tea with Mrs Khan is
# tea before the name, never the name).
_CONTAINERS = (
    r"pints?|bottles?|cans?|kegs?|casks?|crates?|glass(?:es)?|tins?|bags?|box(?:es)?|"
    r"packets?|packs?|jars?|tubs?|cartons?|bars?|slices?|scoops?|tubes?|sacks?|barrels?|"
    r"litres?|punnets?|multipacks?|firkins?|measures?|nips?|drams?"
)
# ... with perhaps a capitalised word of the name before the span ("a pint of Old [Tom]").
_OF_BEFORE = re.compile(
    rf"(?i:\b(?:{_CONTAINERS})[ \t]+of[ \t]+(?:the[ \t]+|that[ \t]+)?)(?:[A-Z][\w'’-]*[ \t]+)?$"
)
# After a possessive, what keeps it goods: nothing more, or the goods themselves.
_GOODS = (
    r"ale|ales|lager|lagers|ipa|gin|rum|whisky|whiskey|vodka|brandy|bourbon|cider|prosecco|"
    r"ice cream|ice creams|ketchup|crumpets|teabags|liquid"
)
_POSSESSIVE_GOODS = re.compile(rf"(?i)^['’]s(?:[ \t]+(?:{_GOODS})\b|[ \t]*(?:[,.;:!?)\n]|$))")
# Lower case only: a capitalised word after a name may be a family name ("Sam Porter").
_GOODS_AFTER = re.compile(rf"^[ \t]+(?:{_GOODS})(?![\w'’-])")
_POSSESSIVE = ("'s", "’s")

# How a bar or a shop sells a thing, after it and any list of other goods ("X, Y and Z on
# tap"). People are on the rota, on the bar and on the guest list, never on tap or on offer.
_SOLD = (
    r"on[ \t]+tap|on[ \t]+draught|on[ \t]+draft|on[ \t]+offer|on[ \t]+special|on[ \t]+promo|"
    r"on[ \t]+the[ \t]+guest[ \t]+(?:lines?|ales?|taps?|beers?|pumps?)|"
    r"(?:is[ \t]+|are[ \t]+)?sold[ \t]+out|back[ \t]+in[ \t]+stock|(?:off|on)[ \t]+the[ \t]+menu"
)
# A list of other goods between closes with "and" or "&" ("X, Y and Z on tap"): "Dave, Guinness
# on tap?" speaks to Dave.
_ITEM = r"[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}?"
_SOLD_AFTER = re.compile(
    rf"(?i)^(?:['’]s(?:[ \t]+[\w-]+)?)?"
    rf"(?:(?:[ \t]*,[ \t]*{_ITEM}){{0,2}}[ \t]+(?:and|&)[ \t]+{_ITEM})?"
    rf"[ \t]+(?:{_SOLD})\b"
)
_SOLD_BEFORE = re.compile(r"(?i)\b(?:sold[ \t]+out[ \t]+of|(?:run|ran)[ \t]+out[ \t]+of)[ \t]+$")
# "the pattern by Ann Hale sold out": after "by" the name is who made the goods, not the goods;
# the span may be the last word of the name ("by Ann [Hale]").
_MAKER_BEFORE = re.compile(r"(?i:\bby)[ \t]+(?:[A-Z][\w'’-]*[ \t]+)?$")

# A count on an order line before the name ("2 x Old Tom", "3x Jack Daniel's"), and a count
# with a possessive plural and what is left ("3 Daniel's left").
_TIMES_BEFORE = re.compile(r"(?:^|[\s(:-])\d{1,3}[ \t]*[x×][ \t]*(?:[A-Za-z][\w'’-]*[ \t]+)?$")
_COUNT_BEFORE = re.compile(r"(?:^|[\s(:-])\d{1,3}[ \t]+$")
_LEFT_AFTER = re.compile(r"(?i)^['’]?s[ \t]+(?:left|remaining|in stock|to go)\b")

# "Ben & Jerry's": two words joined by "&", the second possessive, then goods talk.
_PAIR = re.compile(r"^([A-Za-z][\w-]*)[ \t]*&[ \t]*([A-Za-z][\w-]*)['’]s")
_GOODS_TALK = re.compile(
    rf"(?i)\b(?:freezer|fridge|chiller|in[ \t]+stock|out[ \t]+of[ \t]+stock|{_SOLD}|tubs?|"
    r"multipacks?|flavours?|cookie dough|ice creams?)\b"
)

# What only a horse does or needs ("threw a shoe", "needs the farrier", "went lame").
_HORSE_AFTER = re.compile(
    r"(?i)^(?:[ \t]+and[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:has[ \t]+|have[ \t]+)?(?:both[ \t]+)?"
    r"(?:threw[ \t]+(?:a|her|his|another)[ \t]+shoe(?![ \t]+at\b)|"
    r"needs?[ \t]+(?:the[ \t]+)?farrier|(?:went|gone)[ \t]+lame|needs?[ \t]+shoeing|"
    r"(?:is[ \t]+)?on[ \t]+box[ \t]+rest|calved|foaled|whelped|lambed|is[ \t]+bulling)\b"
)
# Parts and tack only animals have ("Clover's hooves", "Bonnie's headcollar"): not "tail" (on
# Sam's tail) nor "stable" (Sam's stable after the op).
_ANIMAL_PARTS = re.compile(
    r"(?i)^['’]s[ \t]+(?:hooves|hoof|mane|saddle|bridle|girth|hay[ \t]?net|headcollar|"
    r"numnah|paws?|udder|whiskers|fetlock|withers)\b"
)

# A racehorse a bet is put on, before its race's time ("a tenner on Midnight Maud in the
# 3.15"): "£5 on Sam finishing first" has no race time, "Sam in the 10.30 meeting" no bet.
_BET_BEFORE = re.compile(
    r"(?i)(?:tenner|fiver|quid|£\d+(?:\.\d\d)?|each[ \t-]+way|a[ \t]+bet|a[ \t]+punt|"
    r"a[ \t]+flutter)[ \t]+on[ \t]+$"
)
_RACE_AFTER = re.compile(
    r"(?i)^[ \t]+(?:in|for)[ \t]+the[ \t]+\d{1,2}[.:]\d{2}(?![\d.:])(?![ \t]+\w)"
)

# A band: "Jimmy Jive & the Twisters" with a gig talked of; "Sam & the kids" is lower case.
_BAND_AFTER = re.compile(r"^(?:[ \t]+[A-Z][\w'’-]*)?[ \t]*&[ \t]*the[ \t]+[A-Z][a-z]+s\b")
_GIG = re.compile(r"(?i)\b(?:tickets?|gig|band|playing|live|tribute|tour|concert|headlin\w*)\b")

# A system's notice: "Sarah's Lessons: booking confirmed for Thursday".
_NOTICE = re.compile(r"^[A-Za-z][\w-]*['’]s(?:[ \t]+[A-Z][\w-]*){1,2}$")
_NOTICE_AFTER = re.compile(
    r"(?i)^:[ \t]*(?:your[ \t]+)?(?:booking|order|appointment|reminder|lesson|class|session|"
    r"payment|receipt)s?[ \t]+(?:confirmed|cancelled|canceled|received|ready|due|booked|"
    r"reminder|changed|moved)\b"
)

_HEAD = re.compile(r"[^\n:]{0,30}")

# Trademarks chat uses as the thing's own name; none is a common given name.
_GENERIC_MARKS = frozenset(
    [
        "zamboni",
        "jacuzzi",
        "tannoy",
        "portakabin",
        "portaloo",
        "sellotape",
        "dictaphone",
        "rawlplug",
        "biro",
        "rotavator",
        "strimmer",
        "tarmac",
    ]
)
_CAPITAL_AFTER = re.compile(r"^[ \t]+[A-Z]")
_TITLE_BEFORE = re.compile(r"(?i)\b(?:mr|mrs|ms|miss|dr|mx|prof)\.?[ \t]+$")


def _possessed(text: str, end: int) -> bool:
    return text[end : end + 2] in _POSSESSIVE


def contained_goods(text: str, start: int, end: int) -> bool:
    """Whether a name follows a measure or a container ("a pint of Old Tom").

    A possessive keeps the person unless goods or nothing follow it: "a bottle of Jack
    Daniel's" is whisky, "a box of Sam's things" is Sam's.
    """
    if not _OF_BEFORE.search(text[max(0, start - 24) : start]):
        return False
    value = text[start:end]
    if value.endswith(_POSSESSIVE):
        return bool(_POSSESSIVE_GOODS.match(text[end - 2 : end + 24]))
    if _possessed(text, end):
        return bool(_POSSESSIVE_GOODS.match(text[end : end + 24]))
    return True


def sold_goods(text: str, start: int, end: int) -> bool:
    """Whether a name is sold: "on tap", "on offer", "sold out" after it, "run out of" before.

    Never a name after "by": "the pattern by Ann Hale sold out" sells Ann's pattern.
    """
    if _MAKER_BEFORE.search(text[max(0, start - 40) : start]):
        return False
    if _SOLD_BEFORE.search(text[max(0, start - 20) : start]):
        return not _possessed(text, end) or bool(_POSSESSIVE_GOODS.match(text[end : end + 24]))
    return bool(_SOLD_AFTER.match(text[end : end + 80]))


def goods_after(text: str, start: int, end: int) -> bool:
    """Whether a drink or a food follows the name with no possessive ("Henry gin")."""
    value = text[start:end]
    if value.endswith(_POSSESSIVE) or _possessed(text, end):
        return False  # "Dave's bitter": his
    return bool(_GOODS_AFTER.match(text[end : end + 24]))


def counted_goods(text: str, start: int, end: int) -> bool:
    """Whether an order counts the name ("2 x Old Tom", "3 Daniel's left")."""
    before = text[max(0, start - 24) : start]
    if _TIMES_BEFORE.search(before):
        return True
    value = text[start:end]
    tail = text[end - 2 : end + 16] if value.endswith(_POSSESSIVE) else text[end : end + 16]
    return bool(_COUNT_BEFORE.search(before[-6:])) and bool(_LEFT_AFTER.match(tail))


def paired_brand(text: str, start: int, end: int) -> bool:
    """Whether a name is one half of an "A & B's" brand with goods talk after it."""
    lo = max(0, start - 16)
    window = text[lo : end + 24]
    for m in _PAIR.finditer(window) if "&" in window else ():
        a, b = lo + m.start(), lo + m.end()
        if a <= start < b or a < end <= b:
            return bool(_GOODS_TALK.search(text[b : b + 40]))
    return False


def horse(text: str, start: int, end: int) -> bool:
    """Whether a name is a horse's or a farm animal's by what follows ("Mabel threw a shoe")."""
    after = text[end : end + 48]
    if text[start:end].endswith(_POSSESSIVE):
        after = text[end - 2 : end + 46]
    return bool(_HORSE_AFTER.match(after) or _ANIMAL_PARTS.match(after))


def racehorse_or_band(text: str, start: int, end: int) -> bool:
    """Whether a name is a racehorse bet on ("a tenner on X in the 3.15") or a band's lead."""
    if _BET_BEFORE.search(text[max(0, start - 16) : start]) and _RACE_AFTER.match(
        text[end : end + 24]
    ):
        return True
    band = _BAND_AFTER.match(text[end : end + 32])
    return band is not None and bool(_GIG.search(text[max(0, start - 40) : end + band.end() + 40]))


def system_notice(text: str, start: int, end: int) -> bool:
    """Whether a possessive name opens a line with a system's notice ("Sarah's Lessons: ...")."""
    before = text[max(0, start - 8) : start]
    if "\n" in before:
        before = before.rsplit("\n", 1)[1]
    elif start > 8:
        return False  # the line opened before the few characters read
    m = _HEAD.match(text[start : start + 32])
    if before.strip() or m is None:
        return False
    head = m.group(0).rstrip()
    tail = text[start + len(head) : start + len(head) + 48]
    return bool(_NOTICE.match(head)) and bool(_NOTICE_AFTER.match(tail))


# A device or system word closing a line's label before its colon ("Marshall telemetry:").
_DEVICE_LABEL = re.compile(
    r"[ \t]+(?:telemetry|tracker|trackers|gps|alarm|alarms|sensor|sensors|probe|monitor|"
    r"system|software|app|clock|timer|scanner|camera|cctv|controller|logger|thermostat|meter|"
    r"dashboard|portal|receiver|transmitter|beacon|sync)[ \t]*:"
)


def device_label(text: str, start: int, end: int) -> bool:
    """Whether a name opens a line as a device's label ("Marshall telemetry: ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not text[start:end][:1].isalpha():
        return False
    return bool(_DEVICE_LABEL.match(text, end))


def generic_mark(text: str, start: int, end: int) -> bool:
    """Whether a span is a trademark used as a thing's name ("the Zamboni's leaking")."""
    word = text[start:end].strip(_EDGE)
    if word.endswith(_POSSESSIVE):
        word = word[:-2]
    if word.casefold() not in _GENERIC_MARKS:
        return False
    if _CAPITAL_AFTER.match(text[end : end + 3]):
        return False  # "Zamboni Way": a street, "Zamboni Smith": a name
    return not _TITLE_BEFORE.search(text[max(0, start - 6) : start])


def product_slot(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed a person, stands where goods, horses or systems do."""
    return (
        contained_goods(text, start, end)
        or sold_goods(text, start, end)
        or goods_after(text, start, end)
        or counted_goods(text, start, end)
        or paired_brand(text, start, end)
        or horse(text, start, end)
        or racehorse_or_band(text, start, end)
        or system_notice(text, start, end)
        or device_label(text, start, end)
        or generic_mark(text, start, end)
    )
