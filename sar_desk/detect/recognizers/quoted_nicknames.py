"""Quoted nicknames inside a name, and a name a greeting emoji addresses (issue 15, round 24).

Two shapes people write names in that no name list holds:

- a nickname in quotes between a given name and a family name, or before a family name or a
  title and a family name: "Ffion 'Sparky' Gwilliam", "'Razor' Pennock", "Big “Tash” Okafor",
  "Rhi “the Boss” Gethin", "'Smudge' Sgt Whitcombe". The whole span is the person. The family
  name must look like a name (a listed family or given name, or capitalised and no English
  word, place, day or month), so a quoted title of a song, a product or a thing before a word
  stays a title: 'the "Flying Scotsman" engine', 'the "Deluxe" Hamper'.
- a bare name right after a greeting emoji at a message's start or a line's: "👋 Pipsy!",
  "🙋 Fenwick, can you...", "👋👋 Wibbs and Tosh". The emoji stands where "hi" stands, so the
  capitalised words after it are who is greeted; each must be no English word (a listed
  given name that is no common word will do), no place, no product and no greeting of another
  language ("👋 Hola everyone", "👋 Netflix is down" stay what they are).

Neither span spreads through the case by itself, so a wrong guess stays in its own message.
"""

from __future__ import annotations

import re

from sar_desk.core.calendar import DAY_AND_MONTH_NAMES
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.words import TITLES, is_not_a_name
from sar_desk.detect.world_greetings import is_world_greeting

_CAP = r"[A-Z][a-z]{1,15}"
_FAMILY = rf"{_CAP}(?:-{_CAP})?"
# The epithet: one to three capitalised words, "the" allowed first ("the Boss").
_NICK = rf"(?:(?i:the)[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
# Quotes come in pairs: straight double or single, or curly double or single.
_QUOTED = rf"(?:\"{_NICK}\"|“{_NICK}”|'{_NICK}'|‘{_NICK}’)"
_TITLE_WORD = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Cllr|Rev|Revd|Capt|Sgt|Cpl|Insp|Coach)"
QUOTED_NICKNAME = re.compile(
    rf"(?<![\w'’\"“‘-])(?:(?P<given>{_CAP})\.?[ \t]+)?(?P<nick>{_QUOTED})[ \t]+"
    rf"(?:(?P<title>{_TITLE_WORD})\.?[ \t]+)?(?P<family>{_FAMILY})(?![\w'’-])"
)
_TITLE_AT = re.compile(_TITLE_WORD)
_QUOTE_GATE = re.compile(r"[\"“'‘][A-Za-z]")
# Words before a quoted epithet that make it part of a name: a familiar word of address.
_FAMILIAR = frozenset({"big", "little", "lil", "wee", "old", "young", "mad", "mr", "mrs"})

# Greeting emoji: waving hand, raised hand (and the person raising one), hugging face (also
# called "smiling face with open hands"), people hugging, raised hand and its back, splayed
# hand, saluting face; with an optional skin tone, gender sign and variation selector.
_EMOJI = "[\U0001f44b\U0001f64b\U0001f917\U0001fac2\u270b\U0001f91a\U0001f590\U0001fae1]"
_EMOJI_ONE = rf"{_EMOJI}[\U0001f3fb-\U0001f3ff]?(?:\u200d[\u2640\u2642])?\ufe0f?"
_JOIN = r"(?:[ \t]*(?:,|&|\+|and)?[ \t]+|[ \t]*,[ \t]*)"
GREETED = re.compile(
    rf"^[ \t]*(?:{_EMOJI_ONE}[ \t]*)+(?P<names>{_CAP}(?:{_JOIN}{_CAP}){{0,4}})(?![\w'’-])",
    re.MULTILINE,
)
_EMOJI_GATE = re.compile(_EMOJI)
_NAME_WORD = re.compile(_CAP)


def _not_person_word(word: str, gaz: Gazetteers) -> bool:
    """Whether a capitalised word is a place, a day, a product, a greeting or filler."""
    low = word.casefold()
    if low in DAY_AND_MONTH_NAMES or gaz.is_place(low) or gaz.is_word_place(low):
        return True
    return is_world_greeting(word) or is_not_a_name(word)


def family_ok(word: str, gaz: Gazetteers, named: bool = False, titled: bool = False) -> bool:
    """Whether the word after a quoted epithet looks like a family name (see the docstring).

    After a given name (`named`) a listed family name that is also a town is the family name
    ("Cerys 'Boots' Ruthin"); after a title (`titled`) any word no dictionary has is ("Sgt
    'Smudge' Whitworth").
    """
    parts = word.split("-")
    lows = [p.casefold() for p in parts]
    if set(lows) & DAY_AND_MONTH_NAMES or any(is_not_a_name(p) for p in parts):
        return False
    if titled and not any(gaz.is_english(low) for low in lows):
        return True
    if named and all(gaz.is_surname(low) for low in lows):
        return True
    if any(_not_person_word(p, gaz) for p in parts):
        return False
    if not named:
        # alone after the quotes only a word no dictionary has: "Dad's 'Special' Curry"
        return not any(gaz.is_english(p) for p in parts)
    return all(
        gaz.is_surname(p)
        or (gaz.is_first_name(p) and not gaz.is_common_word(p))
        or not gaz.is_english(p)
        for p in parts
    )


def given_ok(word: str, gaz: Gazetteers) -> bool:
    """Whether the word before a quoted epithet is a given name, a title or a familiar word."""
    low = word.casefold()
    if low in _FAMILIAR or low in TITLES or _TITLE_AT.fullmatch(word):
        return True
    if _not_person_word(word, gaz):
        return False
    listed = gaz.is_first_name(low) and not gaz.is_common_word(low)
    return listed or not gaz.is_english(low)


def greeted_ok(word: str, gaz: Gazetteers) -> bool:
    """Whether a capitalised word after a greeting emoji is a name (see the docstring)."""
    if _not_person_word(word, gaz):
        return False
    low = word.casefold()
    return (gaz.is_first_name(low) and not gaz.is_common_word(low)) or not gaz.is_english(low)


def quoted_nickname_spans(text: str, gaz: Gazetteers) -> list[tuple[int, int]]:
    """The spans of names with a quoted epithet in `text` (given name, epithet, family name)."""
    if _QUOTE_GATE.search(text) is None:
        return []
    out: list[tuple[int, int]] = []
    for m in QUOTED_NICKNAME.finditer(text):
        given = m.group("given")
        named = bool(given) and given_ok(given, gaz)
        titled = named and _TITLE_AT.fullmatch(given) is not None
        if not family_ok(m.group("family"), gaz, named, titled):
            continue  # 'the "Deluxe" Hamper'
        out.append((m.start("given") if named else m.start("nick"), m.end("family")))
    return out


def greeted_spans(text: str, gaz: Gazetteers) -> list[tuple[int, int]]:
    """The names a greeting emoji addresses at a line's start, up to the first that is no name."""
    if _EMOJI_GATE.search(text) is None:
        return []
    out: list[tuple[int, int]] = []
    for m in GREETED.finditer(text):
        for w in _NAME_WORD.finditer(m.group("names")):
            if w.group() == "And" or not greeted_ok(w.group(), gaz):
                break  # "👋 Pipsy Thanks for...": the names end at a word
            offset = m.start("names")
            out.append((offset + w.start(), offset + w.end()))
    return out
