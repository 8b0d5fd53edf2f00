"""How people write a NINO: any separator between its pairs, in any case (issue 15).

HMRC prints "AB 12 34 56 C", but agency sheets, payslips and chat carry "AB-12-34-56-C",
"ab.12.34.56.c", "AB/123456/C", "AB 12-34-56C" or, boxed in threes, "JB 449 107 C". The cued
rules in `uk_id_recognizer` read every one of these forms; an uncued value is read only in its
printed pairs (one separator, repeated) and with a prefix HMRC issues, since a bare code could
be anyone's reference.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.digit_joins import GAP, JOIN
from sar_desk.detect.recognizers.id_cues import NINO_CUE
from sar_desk.detect.recognizers.spoken_numbers import spoken_digits

# One gap between parts: nothing, or any join of `digit_joins` (a mark with optional spaces, or
# spaces): "AB 12 34 56 C", "ab-12-34-56-c", "AB~12~34~56~C", "AB | 12 | 34 | 56 | C".
_GAP = GAP + "?"
# The six digits in pairs as printed, or in two threes as some forms box them ("JB 449 107 C").
_SIX = r"(?:\d{2}" + _GAP + r"\d{2}" + _GAP + r"\d{2}|\d{3}" + _GAP + r"\d{3})"
NINO_SHAPE = r"[A-Za-z]{2}" + _GAP + _SIX + _GAP + r"[A-Da-d]"
# The digits of every shape the rules read, for the cheap "could this text hold one" check.
SIX_DIGITS = re.compile(_SIX)

# Labels that make a code some other number's ("order AB-12-34-56-C", "ref: ab.12.34.56.c").
_OTHER_LABELS = (
    "order",
    "ref",
    "invoice",
    "booking",
    "ticket",
    "serial",
    "sku",
    "part",
    "model",
    "tracking",
    "item",
    "job",
    "case",
    "batch",
    "lot",
    "code",
    "reg",
    "product",
    "parcel",
    "no",
    "no.",
    "number",
    "#",
)
_NOT_AFTER_LABEL = "".join(
    rf"(?<!(?i:{re.escape(w)}){re.escape(tail)})"
    for w in _OTHER_LABELS
    for tail in (" ", ": ", ":")
)
# An uncued value in printed pairs: one separator, the same all along, in one case.
PAIRED_SHAPE = re.compile(
    _NOT_AFTER_LABEL
    + r"(?<![A-Za-z0-9./-])(?P<v>(?:"
    + rf"[A-Z]{{2}}(?P<s>{JOIN})\d{{2}}(?P=s)\d{{2}}(?P=s)\d{{2}}(?P=s)[A-D]|"
    rf"[a-z]{{2}}(?P<t>{JOIN})\d{{2}}(?P=t)\d{{2}}(?P=t)\d{{2}}(?P=t)[a-d]))(?![A-Za-z0-9]|[-./]\w)"
)

# The digit pairs and final letter every match of `PAIRED_SHAPE` holds: its gate, as its own
# pattern tries some ninety lookbehinds at every position of every cued text.
PAIRED_GATE = re.compile(rf"\d\d{JOIN}\d\d{JOIN}\d\d{JOIN}[A-Da-d]")

_WORD_THEN_DATE = re.compile(
    r"[A-Za-z]{2}[ \t]+(?P<d>\d{2})[ \t]*(?P<j>[-–./:])[ \t]*(?P<m>\d{2})[ \t]*[-–./:][ \t]*"
    r"(?P<s>\d{2})"
)


def not_a_word_and_date(value: str) -> bool:
    """False for a two-letter word before a written date or a clock time.

    "paid up to 12.03.24 a", "in at 10:30:00 a.m.". A NINO written with marks between its
    digit pairs joins its letters the same way or directly; a space then a date-shaped or
    time-shaped triple is a word and a date or time.
    """
    m = _WORD_THEN_DATE.match(value)
    if m is None:
        return True
    if m["j"] == ":":
        return not (int(m["d"]) <= 23 and int(m["m"]) <= 59 and int(m["s"]) <= 59)
    return not (1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12)


# The cue's line, and the list it opens below: lines that start with a bullet, or, after a
# line ending in a colon, the lines down to a blank one ("NI numbers:" then "Ola AB123456C").
_NINO_CUE_LINE = re.compile(
    NINO_CUE
    + r"(?:[^\n]{0,240}?:[ \t]*(?:\n[ \t]*\S[^\n]{0,80}){1,12}"
    + r"|[^\n]{0,240}(?:\n[ \t]*[-*\u2022\u00b7][^\n]{0,80}){0,12})"
)
_LISTED_NINO = re.compile(
    _NOT_AFTER_LABEL + r"(?<![A-Za-z0-9])(?P<v>" + NINO_SHAPE + r")(?![A-Za-z0-9])"
)
# What parts the items of a list: a dash, a colon, an equals sign, a comma, a semicolon, a
# bar, a bullet or a middle dot ("Ola Reyes - AB123456C · Kit TN082246C").
_ITEM_START = re.compile(r"[-\u2013:=,;|\u00b7\u2022][^-\u2013:=,;|\u00b7\u2022]*$")
_ITEM_END = re.compile(r"[ \t]*(?:[-\u2013,;|\u00b7\u2022.)]|$)", re.MULTILINE)
_LABEL_WORD = re.compile(
    r"(?i)\b(?:" + "|".join(w for w in _OTHER_LABELS if w.isalpha() and len(w) > 2) + r"|ticket)\b"
)


def listed_after_cue(text: str) -> list[tuple[int, int]]:
    """NINO-shaped values of a list its cue opens on the line, however far along.

    "NI numbers still missing: Ola Reyes - applied, Kit Byrne - AB123456C · Ib TN082246C": the
    cue names every item of the line, so a NINO-shaped value that ends its item ("name value"
    or "name - value") is a NINO, unless its item names another label ("van's ticket is ...").
    """
    out: list[tuple[int, int]] = []
    for line in _NINO_CUE_LINE.finditer(text):
        for m in _LISTED_NINO.finditer(text, line.start(), line.end()):
            if not not_a_word_and_date(m["v"]) or not _ITEM_END.match(text, m.end()):
                continue
            before = text[line.start() : m.start()]
            start = _ITEM_START.search(before)
            item = before[start.start() + 1 :] if start else before
            if not _LABEL_WORD.search(item):
                out.append(m.span("v"))
    return out


_WORD = r"(?:oh|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
_PART = rf"(?:(?:double|treble|triple)[ -]?{_WORD}|{_WORD}|\d{{1,2}})"
_SEP = GAP
# After its cue, a NINO spelt as a phone number is: its digits one at a time, in words or
# half in words, one separator between them ("NI: AB 1 2 3 4 5 6 C", "A-B-1-2-3-4-5-6-C",
# "nino is ab one two three four five six c"). `spelt_nino` checks the run.
SPELT_NINO = re.compile(
    r"(?i)"
    + NINO_CUE
    + r"[^\d\n]{0,40}?(?<![A-Za-z0-9])(?P<v>[A-Z](?:"
    + _SEP
    + r")?[A-Z]"
    + rf"{_SEP}{_PART}\b(?:{_SEP}{_PART}\b){{1,11}}{_SEP}[A-D])(?![A-Za-z0-9])"
)
# What every NINO rule's text holds: six digits, or the cue a NINO in words follows.
NINO_GATE = re.compile(SIX_DIGITS.pattern + "|" + NINO_CUE)
_SMALL_WORDS = {"an", "as", "at", "be", "by", "if", "in", "is", "it", "me", "my", "of", "on"}
_SMALL_WORDS |= {"or", "so", "to", "up", "us", "we", "he", "do", "go", "no", "am"}
_SPELT_PARTS = re.compile(rf"(?i)\b{_PART}\b")


def spelt_nino(value: str) -> bool:
    """Whether a run after a NINO cue spells two letters, six digits and a letter A-D.

    The digits' separator is one and the same all along, and some digit stands alone or in a
    word (joined pairs are the printed shape's, read by the other rules); the letters are no
    little word the cue's sentence goes on with ("NI: on 1 2 3 4 5 6 a").
    """
    if re.sub(r"[^A-Za-z]", "", value[:3])[:2].lower() in _SMALL_WORDS:
        return False
    middle = value[2:-1] if value[1].isalpha() else value[1:-1].lstrip(" \t-./_,\u00b7")[1:]
    parts = _SPELT_PARTS.findall(middle)
    if len(spoken_digits(" ".join(parts))) != 6 or all(len(p) == 2 for p in parts):
        return False
    gaps = {g.strip() or " " for g in _SPELT_PARTS.split(middle.strip(" \t-./_,\u00b7"))[1:-1]}
    return len(gaps) <= 1
