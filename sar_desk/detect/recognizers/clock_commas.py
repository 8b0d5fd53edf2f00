"""An hour, a comma, then a new clause: "audit at 10, Technical in attendance" (issue 15).

"A&E at 2, Master Farrier Xoán drove him", "mask fitting at 2, Health & Safety booked it":
after "at", a number from 1 to 12 closed by a comma is the time something happens, and the
capitalised word after it opens the next clause (a post, a team, a name). The address rule
that takes any capitalised word after "at" and a number read each as a street with no suffix.
A house number is written without the comma ("at 10 Kingsmead"), or the street says what it
is ("at 3, Mill Lane", "at 4, Kingsmead"): those stay addresses, and so does a number after
an address cue ("lives at 7, Ormond").
"""

from __future__ import annotations

import re

# "at" right before the number, not "lives at" / "living at" / "staying at" / "address at".
_AT = re.compile(r"(?i)(?<![\w-])at[ \t]+$")
_ADDRESS_BEFORE = re.compile(r"(?i)\b(?:lives?|living|lived|staying|stays|moved|address)\s+at\s+$")
_HOUR_COMMA = re.compile(r"(?:1[0-2]|0?[1-9]),[ \t]+(?P<rest>\S.*)", re.DOTALL)


def hour_then_clause(text: str, start: int, end: int, street: re.Pattern[str]) -> bool:
    """Whether ``text[start:end]`` is "H, Word" after "at": an hour, then the next clause.

    `street` matches a name that says it is a street (a suffix or a street-like ending); a
    span it matches stays an address.
    """
    match = _HOUR_COMMA.fullmatch(text, start, end)
    if match is None:
        return False
    before = text[max(0, start - 24) : start]
    if not _AT.search(before) or _ADDRESS_BEFORE.search(before):
        return False
    return street.search(match.group("rest")) is None
