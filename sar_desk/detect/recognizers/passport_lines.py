"""Passport numbers in two more places: a pasted machine-readable line, and a retyped value.

A passport's machine-readable zone (MRZ) is two lines of 44 characters at the foot of the
photo page; staff paste the second from a scan: the document number (nine digits on a UK
passport), its check digit, the issuing state, the date of birth and its check digit, the
sex, the expiry and its check digit ("5619348721GBR8501014F3103159<<<<<<<<<<<<<<02"). That
shape is nobody's reference but a passport's, so the number is read from it with no cue. The
check digits are not required: a line retyped with a slip is still someone's passport.

A value corrected in the same message ("Passport: 628194821 — sorry typo, it's 628194820")
is the same kind of number as the one it corrects: the cue governs both (`corrected_after`).
A value the message says is no passport number is none, whatever label it carries ("receipt
no PP 108 447 293 is NOT the passport", `denied`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Line 2 of a passport's MRZ: number, check digit, issuing state, birth date, check digit,
# sex (M, F, or < for unspecified), expiry, check digit.
MRZ_LINE_TWO = re.compile(r"(?<![A-Z0-9<])(?P<v>\d{9})\d[A-Z<]{3}\d{6}\d[MF<]\d{6}\d")
# What turns one value into a correction of it: an apology, "typo", "I mean", "should be".
_CORRECTION = re.compile(
    r"[^\d\n]{0,30}?\b(?i:sorry|typo|correction|i mean|i meant|should (?:be|read)|"
    r"actually|not that one)\b[^\d\n]{0,30}?(?=\d)"
)


def corrected_after(
    text: str,
    found: Iterable[tuple[int, int]],
    value: re.Pattern[str],
    ok: Callable[[str], bool] = lambda _v: True,
) -> list[tuple[int, int]]:
    """Values that correct one in `found`: after it, past a correction and nothing numeric."""
    out: list[tuple[int, int]] = []
    for _start, end in found:
        fix = _CORRECTION.match(text, end)
        if fix is None:
            continue
        m = value.match(text, fix.end())
        if m is not None and ok(m.group()):
            out.append(m.span())
    return out


# "... is NOT the passport", "isn't her passport number", "not a passport no.".
_DENIED = re.compile(
    r"[ \t]*(?:(?i:is|was|'s)[ \t]+)?(?i:not|isn['’]?t|wasn['’]?t)[ \t]+(?:(?i:the|a|an|her|his|"
    r"their|your|my)[ \t]+)?(?i:passport|ppt)\b"
)


def denied(text: str, end: int) -> bool:
    """Whether the words right after a value say it is no passport number."""
    return _DENIED.match(text, end) is not None
