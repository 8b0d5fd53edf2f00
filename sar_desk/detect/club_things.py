"""Bodies, kit and platforms a club's chat names that NER reads as people (issue 15, round 21).

A sports or hobby club's chat names its national governing body ("Welsh Athletics",
"Scottish Curling"), the boards and kit it buys ("Banana Pi", "Slazenger bat") and
the platforms it books and scores on ("Pay-Play", "XY Card"). Each rule reads the span's own
words and the word right after it:

- a nation's adjective before a sport or an activity (a word in -ing or a listed sport) is
  a governing body, and so is the adjective alone before one;
- a common English word before "Pi" is a single-board computer;
- one hyphenated word of two capitalised common English words, neither a listed name, is a
  platform's or a product's coinage (a double-barrelled surname has a listed name in it);
- a short acronym before one common English noun that is no listed name is a product or a
  system ("XY Card", "QR Reader"), not initials and a surname;
- a name opening a line before a colon and fields of counts split by dashes or bars is a
  platform's notice ("Pitchbook: 4 new bookings — 1 cancellation");
- a name closing with the plural of goods the message names in lower case is a trading name.

It also holds the older rule of a brand before the goods it makes ("Ted Baker bag", round 11).

Source: written by hand for round 21 (7 Dec 2026); no corpus's sentences.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer

_EDGE = ".,:;!?'’\"()[]‘“”"


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The adjectives and names of the UK's nations and of Great Britain, as bodies open with them.
_NATIONS = _set("british english welsh scottish irish ulster england scotland wales gb uk")
# Sports whose names do not end in -ing; those that do ("Rowing", "Curling") are read by shape.
_SPORTS = _set(
    """
    athletics gymnastics hockey rugby cricket football netball tennis golf triathlon judo
    badminton squash canoe bowls archery lacrosse handball volleyball basketball baseball
    softball korfball polo karate taekwondo orienteering rounders croquet snooker darts
    chess bridge equestrian swimming cycling sailing rowing fencing shooting wrestling boxing
    """
)
_NEXT_WORD = re.compile(r"^[ \t]+([A-Z][\w-]*)")
_ACRONYM = re.compile(r"^[A-Z]{2,3}$")


def _listed(word: str) -> bool:
    gaz = gazetteer.current()
    key = word.casefold()
    return gaz.is_first_name(key) or gaz.is_surname(key)


def _common(word: str) -> bool:
    """A common English word that is no listed given name or family name."""
    return word.isalpha() and gazetteer.current().is_common_word(word.lower()) and not _listed(word)


def _sport(word: str) -> bool:
    key = word.casefold()
    if key in _SPORTS:
        return True
    return key.endswith("ing") and len(key) > 5 and gazetteer.current().is_english(key)


# Goods a brand makes, and how shops talk about stock: a person's name is not followed by these
# without a possessive ("Ted Baker bag handed in", "Mr Kipling cakes", "out of stock").
_GOODS = (
    r"bags?|handbags?|purse|wallet|shoes|boots|trainers|sandals|coat|jacket|hoodie|scarf|"
    r"lenses|cakes?|biscuits|pizzas?|crisps|cereal|chocolates?|hoover|vacuum|kettle|toaster|"
    r"fridge|freezer|cooker|microwave|blender|dryer|headphones|earbuds|charger|vans?|hatchback|"
    r"bracelet|necklace|earrings|charms?|cup|flask|tumbler|watch|windows|knife|slices|roasties|"
    r"bassinet|pram|pushchair|buggy|nappies|reps?|processor|projector|amplifier|router|laptop|"
    r"controllers?|stoves?|bat(?=[ \t]+(?:for|from|is|was|needs))|rackets?|racquets?|helmets?|"
    r"masks?|gloves|(?<!['’]s )order(?=[ \t]*:)|"
    # a trade's kit: "Viking Johnson coupling", "Kidde alarms", "Straub clamp", "Apollo detector"
    r"couplings?|clamps?|valves?|alarms?|extinguishers?|detectors?|sounders?|hydrants?"
)
_GOODS_AFTER = re.compile(
    rf"^(?:\s+[A-Z][\w'’-]*){{0,2}}\s+(?:(?:{_GOODS})\b(?!\s+(?:it|them|up|this|that)\b)|size\s+\d|"
    r"in stock\b|(?:is |are )?out of stock\b|one (?:works|is working)\b)"
)
_GOODS_INSIDE = re.compile(rf"^(?:{_GOODS})$")


def brand_before_goods(text: str, start: int, end: int) -> bool:
    """Whether a capitalised span is a brand: goods or stock talk right after it, or inside.

    "Ted Baker bag", "Dr Martens size 9", "Acuvue Oasys out of stock", "Henry hoover" (a
    capitalised name with a lower-case goods noun closing the span).
    """
    value = text[start:end]
    words = value.split()
    if not words or text[end : end + 2] in ("'s", "’s") or value.endswith(("'s", "’s")):
        return False  # "Ola Bankole's bag": a person's
    if not words[0][:1].isupper() and len(words) < 2:
        return False  # "sam bag" is too thin; "mr kipling cakes" is not
    if (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1].islower()
        and _GOODS_INSIDE.match(words[-1])
    ):
        return True  # "Henry hoover"; "tayyab cake" in lower case may be a surname
    return bool(_GOODS_AFTER.match(text[end:]))


def national_body(text: str, start: int, end: int) -> bool:
    """Whether a span is (or opens) a nation's body for a sport ("Welsh Curling")."""
    words = [w.strip(_EDGE) for w in text[start:end].split()]
    if not words or words[0].casefold() not in _NATIONS:
        return False
    if len(words) == 1:
        after = _NEXT_WORD.match(text[end : end + 24])
        return after is not None and _sport(after.group(1)) and not _listed(after.group(1))
    return len(words) == 2 and _sport(words[1]) and not _listed(words[1])


def board_computer(text: str, start: int, end: int) -> bool:
    """Whether a span is a single-board computer ("Banana Pi"), or its first word before "Pi"."""
    words = [w.strip(_EDGE) for w in text[start:end].split()]
    if len(words) == 1 and re.match(r"^[ \t]+Pi\b", text[end : end + 4]):
        return _common(words[0])
    return len(words) == 2 and words[1] == "Pi" and _common(words[0])


def coined_compound(value: str) -> bool:
    """Whether one hyphenated word joins two capitalised common words ("Pay-Play")."""
    word = value.strip(_EDGE)
    parts = word.split("-")
    return (
        " " not in word and len(parts) == 2 and all(p[:1].isupper() and _common(p) for p in parts)
    )


def trading_plural(text: str, start: int, end: int) -> bool:
    """Whether a span closes with the plural of a goods noun the message writes in lower case.

    "the tent supplier is Hale Tents": a trading name, its goods named beside it.
    """
    words = [w.strip(_EDGE) for w in text[start:end].split()]
    if len(words) < 2 or not words[-1][:1].isupper() or _listed(words[-1]):
        return False
    last = words[-1].lower()
    if not last.endswith("s") or len(last) < 5:
        return False
    singular = last[:-2] if last.endswith("es") else last[:-1]
    rest = text[:start] + " " + text[end:]
    return (
        re.search(rf"(?<![\w-])(?:{re.escape(last[:-1])}|{re.escape(singular)})(?![\w-])", rest)
        is not None
    )


def acronym_product(value: str) -> bool:
    """Whether a span is a short acronym and one common noun, no listed name ("XY Card")."""
    words = [w.strip(_EDGE) for w in value.split()]
    return (
        len(words) == 2
        and bool(_ACRONYM.match(words[0]))
        and words[1][:1].isupper()
        and _common(words[1])
    )


# After a platform's label: one more capitalised word at most ("Acme CloudPrint:"), the colon.
_LABEL_TAIL = re.compile(r"^(?:[ \t]+[A-Z][\w-]*)?[ \t]*:[ \t]*(?P<rest>[^\n]*)")
# A count of things ("4 new bookings", "300 pages"), and a number too long to be one.
_COUNT = re.compile(r"(?<![\w.])\d{1,5}[ \t]+(?:new[ \t]+)?[a-z]{3,}")
_LONG_NUMBER = re.compile(r"\d[\d \t-]{5,}\d")
_FIELD_SEP = re.compile(r"[ \t](?:—|–|\||·)[ \t]")


def notice_label(text: str, start: int, end: int) -> bool:
    """Whether a span opens a line as the label of an automated notice of counted fields.

    "Pitchbook: 4 new bookings — 1 cancellation": a platform posts fields with numbers split
    by dashes or bars; a person speaking in chat does not.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    m = _LABEL_TAIL.match(text[end : end + 200])
    if m is None:
        return False
    rest = m.group("rest")
    if _LONG_NUMBER.search(rest):
        return False  # "Ola: NI ... | mob 07700 ...": a person's details, not a count
    fields = _FIELD_SEP.split(rest)
    return (
        len(fields) >= 2
        and sum(any(c.isdigit() for c in f) for f in fields) >= 2
        and any(_COUNT.search(f) for f in fields)
    )


def club_thing(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed a person, is a body, a board, a brand or a platform."""
    value = text[start:end]
    return (
        national_body(text, start, end)
        or board_computer(text, start, end)
        or coined_compound(value)
        or trading_plural(text, start, end)
        or acronym_product(value)
        or notice_label(text, start, end)
    )
