"""UK towns where the place list alone is not enough: words, lower case, addresses (issue 15).

The listed-place recogniser (`gazetteer_recognizers`) finds towns written as the list has them.
Two kinds of mention it cannot take on their own are found here by where they stand:

- towns that are everyday words ("Reading", "Bath", "Street", "Sale"), which the main list
  leaves out: a place only after a place word ("from Reading", "moved to Bath") or inside an
  address ("12 Kirkgate, Reading"); a bare capitalised word stays a word ("Reading is fun");
- listed towns typed in lower case ("the bus from wigan", "12 oldfield, lisburn"): a place
  after a place word or inside an address, unless the word is an everyday English word too
  ("from reading" may be a pastime).

Villages and small towns of the village list (GeoNames cities500) are found here too:
capitalised as the towns are, in lower case where placed (`uk_villages`).

`placed_in_address` is also what lets a listed town NER called a person be a place ("74 Mill
Lane, Stafford, ST16 2AB").
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES
from sar_desk.detect.field_commas import as_commas
from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.platforms import named_thing
from sar_desk.detect.recognizers.gazetteer_recognizers import (
    UkPlaceRecognizer as ListedPlaceRecognizer,
)
from sar_desk.detect.recognizers.uk_villages import village_spans
from sar_desk.detect.recognizers.unlisted_towns import unlisted_town_spans

Span = tuple[int, int, str, float, str]

# "adjourned to March", "in May": a month or a day, never the town of that name.
_CALENDAR = MONTH_NAMES | DAY_NAMES
# "St. Andrews", "Saint Ives": the list writes "St Andrews".
_SAINT = re.compile(r"(?:St\.|Saint)[ \t]+([A-Z][\w'’-]+)")
_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*")
# Words that place what follows them; the first group takes any place, the second only places
# that are not also people's names ("talk to Stone" is a person).
_STRONG_CUE = re.compile(
    r"(?i)(?:\b(?:in|near|outside|around|towards|via|from|nr)|\b(?:lives?|living|based|born|"
    r"moved?|moving|relocat(?:e|ed|es|ing)|transferred|stays?|staying)\s+(?:in|to|at|near|from)"
    # a notice's "both of <town>": where two people named before it live
    r"|\bboth\s+of|\blives)[ \t]+$"  # and "phone 07700 900123, lives Thirsk" (round 22)
)
_WEAK_CUE = re.compile(r"(?i)\b(?:to|at)[ \t]+$")
# A house number and a street name, then a comma: "12 Kirkgate, " (the town comes next).
AFTER_STREET = re.compile(r"\d{1,4}[A-Za-z]?,?[ \t]+[^\n,;:()]{2,40},[ \t]*$")
# A postcode after the town: "Stafford, ST16 2AB".
_BEFORE_POSTCODE = re.compile(r"[ \t]*,?[ \t]*[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}\b")


# What only follows a town: "Stafford General", "the Leek office", "wigan council".
_TOWN_AFTER = re.compile(
    r"(?i)[ \t]+(?:general|hospital|infirmary|royal infirmary|council|borough council|"
    r"town cent(?:re|er)|city cent(?:re|er)|area|office|branch|depot|station|crown court|"
    r"county court|family court|district|tribunal|"
    r"magistrates|shop|market|library|jobcentre|food ?bank)\b"
)
# A numbered street, then a town and a postcode: whatever stands between is the town, listed
# or not ("211 Mill Parade, March, TR7 2XH", "17 Grange Crescent\nLanark NE26 5ZD").
_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}\b"
# A town named by the river, sea or hill it stands on, joined by hyphens ("Hay-on-Wye",
# "Stratford-upon-Avon", "Wotton-under-Edge", "Wells-next-the-Sea", "Chapel-en-le-Frith").
_RIVER_TOWN = re.compile(
    r"(?<![\w-])[^\W\d_]{2,}(?:-(?i:on|upon|under|by|in|next|le|en|cum|juxta|super|the))+"
    r"-[^\W\d_]{2,}(?![\w-])"
)
TOWN_BEFORE_POSTCODE = re.compile(
    r"(?<![\w£$.,])\d{1,4}[A-Za-z]?,?[ \t]+[^\W\d_][^\n,;:()\d]{1,40}?(?:,[ \t]*|[ \t]*\n[ \t]*)"
    r"(?P<town>[^\W\d_][^\W\d_'’]*(?:[ \t-]+[^\W\d_'’]+){0,2})"
    rf"(?:[ \t]*,[ \t]*|[ \t]*\n[ \t]*|[ \t]+){_POSTCODE}"
)
# A month that is also a town ("March") is the town where no month can stand: before another
# time ("in March tmrw", "moving to March end of the month"), after a bus or a train, or
# closing an address.
_ANOTHER_TIME = re.compile(
    r"(?i)[ \t]+(?:tmrw|tomorrow|today|tonight|end of (?:the )?month|at (?:xmas|christmas|easter)|"
    r"next week|this week(?:end)?)\b"
)
_TRANSPORT = re.compile(r"(?i)\b(?:bus|train|coach|taxi|lift)[ \t]+(?:from|to)[ \t]+$")
_ADDRESS_END = re.compile(r"[ \t]*(?:,|\n|$)(?![ \t]*\d)")
# "in X" phrases that are everyday English: a word-town there is the word ("in stock").
_IDIOMS = frozenset(
    ["battle", "stock", "law", "church", "bath", "sale", "reading", "eye", "hope", "wall", "stone"]
)
# Where a phrase ends: punctuation, the line's end, a day or a word that follows a town.
_PHRASE_END = re.compile(
    r"(?i)[ \t]*(?:[,.;:!?)\n]|$|[ \t]-[ \t])|[ \t]+(?:mon|tues?|weds?|thurs?|fri|sat|sun|"
    r"today|tomorrow|tmrw|market|shop|station|office)\b"
)


def placed_in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a town does.

    After a numbered street and a comma, before a postcode, or before a word that only follows
    a town ("Stafford General", "the Leek office").
    """
    return _in_an_address(text, start, end) or bool(_TOWN_AFTER.match(text, end))


def _in_an_address(text: str, start: int, end: int) -> bool:
    return bool(
        AFTER_STREET.search(text[max(0, start - 60) : start]) or _BEFORE_POSTCODE.match(text, end)
    )


# One to three letters and a number: a code, never a town's name.
_CODE = re.compile(r"[A-Za-z]{1,3}\d{1,4}[A-Za-z]?")


def place_word(text: str, start: int, end: int, value: str) -> bool:
    """Whether NER's LOCATION ``value`` can be a place.

    Not when it is a lower-case guess ("wfh", "tdoay") that no list has and no place word or
    address stands by, nor, outside an address, an English word or a slip of one no place
    list has ("collected from judo", "came in pesron"; "12 kirk road, dulas" is a town), nor
    a code ("T09", "M31", "U52": a turbine, a galaxy, a unit, a road).
    """
    if _CODE.fullmatch(value):
        return False
    if not value.islower():
        return True
    gaz = current()
    if gaz.is_place(value) or _in_an_address(text, start, end):
        return True
    if " " not in value and not gaz.is_word_place(value) and lower_word_not_name(value):
        return False
    return _placed(text, start, end, name=False)


def _placed(text: str, start: int, end: int, name: bool) -> bool:
    before = text[max(0, start - 24) : start]
    if _STRONG_CUE.search(before) or placed_in_address(text, start, end):
        return True
    return not name and bool(_WEAK_CUE.search(before))


def _is_name(value: str, gaz: Gazetteers) -> bool:
    return gaz.is_first_name(value) or gaz.is_surname(value)


class UkPlaceRecognizer(ListedPlaceRecognizer):
    """Listed UK towns, plus word-towns and lower-case towns where they stand as places."""

    NOTE_PLACED: ClassVar[str] = "UK town in the place list, placed by the words around it."

    def noted_spans(self, text: str) -> list[Span]:
        """The listed places, then placed word-towns and lower-case towns not overlapping them."""
        text = as_commas(text)  # "4 Brook Row ~ Kirkby ~ LA6 2AB" read as with commas
        found = super().noted_spans(text)
        gaz = current()
        if not gaz.places:
            return found
        for m in TOWN_BEFORE_POSTCODE.finditer(text):
            town = (m.start("town"), m.end("town"), "LOCATION", 0.55, self.NOTE_PLACED)
            if all(town[1] <= k[0] or town[0] >= k[1] for k in found):
                found.append(town)
        for m in _RIVER_TOWN.finditer(text):
            # "Hay-on-Wye", "Bolton-by-Bowland": the shape of an English town's name, a place
            # whether listed or not (in lower case only where a place word says so).
            lower = not m.group(0)[:1].isupper()
            last = m.group(0).rsplit("-", 1)[-1]
            if lower and (gaz.is_common_word(last) or not _placed(text, m.start(), m.end(), False)):
                continue  # "a hands-on-deck job"
            town = (m.start(), m.end(), "LOCATION", 0.55, self.NOTE_PLACED)
            if all(town[1] <= k[0] or town[0] >= k[1] for k in found):
                found.append(town)
        words = self._words(text)
        taken = -1
        for i, w in enumerate(words):
            if w.start() < taken:
                continue
            span = self._placed_at(text, words, i, gaz)
            if span is not None and all(span[1] <= k[0] or span[0] >= k[1] for k in found):
                found.append(span)
                taken = span[1]
        found = _with_villages(text, words, gaz, found)
        # Towns no list has, where only a town stands ("ambulance from Kildrummy").
        for town in unlisted_town_spans(text, gaz):
            if all(town[1] <= k[0] or town[0] >= k[1] for k in found):
                found.append(town)
        return sorted(found)

    def _placed_at(
        self, text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers
    ) -> Span | None:
        w = words[i]
        word = w.group(0)
        stem = word[:-2]
        low = word.casefold()
        if (
            low not in gaz.place_heads
            and low not in gaz.word_places
            and stem.casefold() not in gaz.place_heads
            and word not in ("St", "Saint")
        ):
            return None  # most words start no place: the quick way out
        # "Wigan's food bank": a listed town in the possessive, unless a name or a word.
        if (
            word.endswith(("'s", "’s"))
            and stem[:1].isupper()
            and gaz.is_place(stem)
            and not (_is_name(stem, gaz) or gaz.is_word(stem) or gaz.is_common_word(stem))
        ):
            return (w.start(), w.start() + len(stem), "LOCATION", 0.6, self.NOTE_PLACED)
        saint = _SAINT.match(text, w.start())
        if saint and gaz.is_place(saint.group(0)):
            return (w.start(), saint.end(), "LOCATION", 0.6, self.NOTE_PLACED)
        if (
            word[:1].isupper()
            and gaz.is_place(word)
            and word.casefold() not in _CALENDAR
            and placed_in_address(text, w.start(), w.end())
        ):
            return (w.start(), w.end(), "LOCATION", 0.6, self.NOTE_PLACED)
        if gaz.is_word_place(word) and low in _CALENDAR:
            if _month_as_town(text, w.start(), w.end()):
                return (w.start(), w.end(), "LOCATION", 0.5, self.NOTE_PLACED)
            return None
        if (
            word[:1].isupper()
            and word[1:].islower()
            and gaz.is_word_place(word)
            and word.casefold() not in _CALENDAR
        ):
            if named_thing(text, w.start(), w.end()):
                return None  # "Box Office", "Reading Room": the word names a thing there
            if _placed(text, w.start(), w.end(), _is_name(word, gaz)):
                return (w.start(), w.end(), "LOCATION", 0.6, self.NOTE_PLACED)
            return None
        if not word.islower():
            return None
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            end = words[i + n - 1].end()
            value = text[w.start() : end]
            listed = gaz.is_place(value) or (n == 1 and gaz.is_word_place(value))
            if "\n" in value or not value.islower() or not listed:
                continue
            if n == 1 and (
                gaz.is_common_word(value) or gaz.is_word(value) or not gaz.is_place(value)
            ):
                # "from reading", "in bury": words first, unless an address holds them
                # ("12 oldfield, leek, st13 5ab").
                if value not in _CALENDAR and _in_an_address(text, w.start(), end):
                    return (w.start(), end, "LOCATION", 0.5, self.NOTE_PLACED)
                word_town = gaz.is_word_place(value) or gaz.is_place(value)  # "amble"
                if word_town and _placed_word_town(text, w.start(), end):
                    return (w.start(), end, "LOCATION", 0.5, self.NOTE_PLACED)
                return None
            if _placed(text, w.start(), end, _is_name(value, gaz)):
                return (w.start(), end, "LOCATION", 0.55, self.NOTE_PLACED)
            return None
        return None


def _with_villages(
    text: str, words: list[re.Match[str]], gaz: Gazetteers, found: list[Span]
) -> list[Span]:
    """`found` and the villages (`uk_villages`); a village takes a town inside it."""

    def inside(start: int, end: int) -> list[Span]:
        return [k for k in found if start <= k[0] and k[1] <= end and k[1] - k[0] < end - start]

    def placed(text: str, start: int, end: int, name: bool) -> bool:
        # "Steeple Aston": a listed town inside a listed village makes the whole the village.
        return bool(inside(start, end)) or _placed(text, start, end, name)

    for span in village_spans(text, words, gaz, placed):
        rest = [k for k in found if k not in inside(span[0], span[1])]
        if all(span[1] <= k[0] or span[0] >= k[1] for k in rest):
            found = [*rest, span]
    return found


def _month_as_town(text: str, start: int, end: int) -> bool:
    """Whether a month that is also a town stands where no month can (see `_ANOTHER_TIME`)."""
    if _ANOTHER_TIME.match(text, end) or _TRANSPORT.search(text[max(0, start - 16) : start]):
        return True
    after_street = AFTER_STREET.search(text[max(0, start - 60) : start])
    return bool(after_street and _ADDRESS_END.match(text, end)) or bool(
        _BEFORE_POSTCODE.match(text, end)
    )


def _placed_word_town(text: str, start: int, end: int) -> bool:
    """A lower-case word-town after a place word, closing its phrase ("gp in deal,")."""
    value = text[start:end]
    before = text[max(0, start - 24) : start]
    if value in _CALENDAR or (value in _IDIOMS and re.search(r"(?i)\bin[ \t]+$", before)):
        return False  # "in stock", "in bath": an idiom only after "in" ("moved from bath")
    return bool(_STRONG_CUE.search(before)) and bool(_PHRASE_END.match(text, end))
