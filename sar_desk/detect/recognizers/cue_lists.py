"""The values of a list one cue opens: every item is read with the cue's type (issue 15).

Staff name the kind of number once and then list whose is which: "passport numbers: Ola
Reyes 123456782, Kit 234567891 and Ib - 345678912", "passports — 123456782 (Ola), 234567891
(Kit)", or a cue line ending in a colon with one item a line below it. The cue governs the
whole list, so once one value after it has been read, the next value is the same kind of
number when nothing but a list mark (comma, semicolon, "and", "&", slash, bar, bullet, dash,
a new line) and a short name stand between. A word that labels another number (`labels`:
"order", "ref", "invoice"...), a sentence's end, or any other digit ends the list; the item's
own shape check is the caller's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from sar_desk.detect.recognizers.id_cues import PASSPORT_CUE

# A digit said as a word ("oh", "double", "seven") starts a value read out, not a name.
_SAID = r"(?i:oh|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine|double|treble|triple)"
# One word of a name or a title: letters, apostrophes, inner hyphens and a trailing dot
# ("Dr.", "O'Loughlin-Kay", "Šťastný"); no digit.
_WORD = rf"(?!{_SAID}\b)[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?"
# Up to five such words, each after spaces, optionally in brackets ("(Ola)", "(Kit Byrne)").
_NAME = rf"(?:[ \t]*\(?{_WORD}(?:[ \t]+{_WORD}){{0,4}}\)?)?"
# What parts two items: one list mark, or a new line with an optional bullet.
_MARK = (
    r"(?:[ \t]*(?:[,;/|\u00b7\u2022&+\u2013\u2014][ \t]*(?:and\b|&)?|[ \t]+and\b)"
    r"|[ \t]*\n[ \t]*(?:[-*\u2022\u00b7][ \t]*)?)"
)
# Words no name holds: a sentence going on ("and her claim number is ..."), a count or a price
# ("3 copies of", "paid"), or the label of a number of another kind.
_NOT_A_NAME = re.compile(
    r"(?i)\b(?:is|was|are|were|be|for|the|a|an|to|of|at|on|in|by|with|her|his|my|our|their|"
    r"its|your|has|had|have|number|numbers|no|nos|num|ref|reference|total|paid|pay|cost|costs|"
    r"price|copies|copy|items|item|x|then|also|plus|from|code|id)\b"
)
# Between one value and the next: a name that follows its value, the mark, a name that
# precedes the next value and its colon or dash ("Kit - 234567891", "Ib: 345678912").
GAP = re.compile(rf"{_NAME}{_MARK}{_NAME}[ \t]*(?:[:=\-\u2013\u2014][ \t]*)?")


def listed_after(
    text: str,
    first_end: int,
    value: re.Pattern[str],
    labels: re.Pattern[str],
    ok: Callable[[str], bool] = lambda _v: True,
) -> list[tuple[int, int]]:
    """The spans of the values that follow a value ending at `first_end`, in its list.

    `value` matches one value at a position (its whole match is the span); `labels` finds a
    word that makes an item another number's; `ok` is the value's own check. The list ends at
    the first gap that is not a list's or the first value that fails.
    """
    out: list[tuple[int, int]] = []
    at = first_end
    while True:
        gap = GAP.match(text, at)
        if gap is None:
            return out
        m = value.match(text, gap.end())
        words = gap.group()
        if m is None or labels.search(words) or _NOT_A_NAME.search(words) or not ok(m.group()):
            return out
        out.append(m.span())
        at = m.end()


def spans_in_lists(
    text: str,
    firsts: Iterable[tuple[int, int]],
    value: re.Pattern[str],
    labels: re.Pattern[str],
    ok: Callable[[str], bool] = lambda _v: True,
) -> list[tuple[int, int]]:
    """Every value of the lists that start at `firsts`, none of `firsts` itself, no repeats."""
    seen = set(firsts)
    out: list[tuple[int, int]] = []
    for _start, end in sorted(seen):
        for span in listed_after(text, end, value, labels, ok):
            if span not in seen:
                seen.add(span)
                out.append(span)
    return out


# A passport number's value in a list: nine digits, not glued to a price, a path or a longer
# number.
# Nine digits in groups of two or more joined by single spaces: "123 456 789", "123456789",
# and the old paper forms' "5021 77408" (digits one by one are `passport_forms`' to judge,
# which refuses a count). The lookahead holds the run to exactly nine digits.
NINE_RUN = r"(?=(?:\d[ \t]?){8}\d(?![ \t]?\d))\d{2,9}(?:[ \t]\d{2,9}){0,3}"
NINE = re.compile(r"(?<![\w£$.,:/-])(?<!\d[ \t])" + NINE_RUN + r"(?![/.,:]?\d)(?![ \t]\d)")
# The cue and the rest of its line without a digit.
_CUE_LINE = re.compile(PASSPORT_CUE + r"(?P<rest>[^\d\n]{0,160})")
# The next line's item: a bullet, a short name and its colon or dash, then the value.
_NEXT_LINE = re.compile(
    r"[ \t]*\n[ \t]*(?:[-*\u2022\u00b7][ \t]*)?"
    r"(?:[^\W\d_][^\d\n:]{0,40}?[ \t]*[:=\-\u2013\u2014]?[ \t]*)?(?=\d)"
)


def first_after_cue(
    text: str, label_before: re.Pattern[str], label_in: re.Pattern[str]
) -> list[tuple[int, int]]:
    """The first passport number of a list its cue introduces ("for the trip: Ola 123456789").

    Nothing numeric stands between, and the number carries no other number's label
    (`label_before`, "then the booking no. 612093471"). A cue line that ends in a colon or a
    dash, or with the cue itself, opens a list on the next line ("passport numbers:" then
    "- Ola 123456789"), whose item names no other number (`label_in`) and is a name.
    """
    out: list[tuple[int, int]] = []
    if not NINE.search(text):
        return out  # most texts with a digit hold no nine-digit number: skip the cue scan
    for cue in _CUE_LINE.finditer(text):
        at = cue.end("rest")
        rest = cue["rest"].rstrip(" \t")
        down = _NEXT_LINE.match(text, at)
        heading = not rest.strip() or rest.endswith((":", "-", "\u2013", "\u2014"))
        if down is not None and heading:
            item = down.group()
            if not label_in.search(item) and not _NOT_A_NAME.search(item):
                at = down.end()
        m = NINE.match(text, at)
        if m is not None and not label_before.search(text[max(0, m.start() - 30) : m.start()]):
            out.append(m.span())
    return out
