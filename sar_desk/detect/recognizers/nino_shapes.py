"""How people write a NINO: any separator between its pairs, in any case (issue 15).

HMRC prints "AB 12 34 56 C", but agency sheets, payslips and chat carry "AB-12-34-56-C",
"ab.12.34.56.c", "AB/123456/C" or "AB 12-34-56C". The cued rules in `uk_id_recognizer` read
every one of these forms; an uncued value is read only in its printed pairs (one separator,
repeated) and with a prefix HMRC issues, since a bare code could be anyone's reference.
"""

from __future__ import annotations

import re

# One gap between parts: nothing, a space, or a hyphen, dot, slash or dash with optional spaces.
_GAP = r"(?:[ \t]?[-–./][ \t]?|[ \t])?"
NINO_SHAPE = (
    r"[A-Za-z]{2}" + _GAP + r"\d{2}" + _GAP + r"\d{2}" + _GAP + r"\d{2}" + _GAP + r"[A-Da-d]"
)
# The digits of every shape the rules read, for the cheap "could this text hold one" check.
SIX_DIGITS = re.compile(r"\d{2}" + _GAP + r"\d{2}" + _GAP + r"\d{2}")

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
    + r"[A-Z]{2}(?P<s>[-./])\d{2}(?P=s)\d{2}(?P=s)\d{2}(?P=s)[A-D]|"
    r"[a-z]{2}(?P<t>[-./])\d{2}(?P=t)\d{2}(?P=t)\d{2}(?P=t)[a-d]))(?![A-Za-z0-9]|[-./]\w)"
)

_WORD_THEN_DATE = re.compile(
    r"[A-Za-z]{2}[ \t]+(?P<d>\d{2})[ \t]?[-–./][ \t]?(?P<m>\d{2})[ \t]?[-–./][ \t]?\d{2}"
)


def not_a_word_and_date(value: str) -> bool:
    """False for a two-letter word before a written date ("paid up to 12.03.24 a").

    A NINO written with hyphens, dots or slashes between its digit pairs joins its letters
    the same way or directly; a space then a date-shaped triple is a word and a date.
    """
    m = _WORD_THEN_DATE.match(value)
    if m is None:
        return True
    return not (1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12)
