r"""Where the model's entities run on past what they name (issue 15, round 6).

spaCy reads a line break as plain space and an address block as one phrase, so its entities
run across lines ("Cherry Garth\nHolt") and into the postcode after a town ("Lanark NE26").
Presidio then drops a recogniser's exact town inside such a span as a duplicate, and the
postcode, which outranks it, takes the whole span away. A place never runs across a line
break or into a postcode, so a place the model found is cut into its lines and stops before
one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def pieces(
    text: str, start: int, end: int, postcodes: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at line breaks and before any postcode inside; empty parts go.

    A span with neither comes back as it was.
    """
    if "\n" not in text[start:end] and not any(start < p < end for p, _e in postcodes):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    at = start
    for line in text[start:end].split("\n"):
        a, b = at, at + len(line)
        at = b + 1
        for p_start, _p_end in postcodes:
            if a < p_start < b:
                b = p_start
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b - a > 1 and any(c.isalpha() for c in text[a:b]):  # "w/" is no place
            out.append((a, b))
    return out


# A full name of two or three capitalised words (a hyphen or an apostrophe inside a word),
# then a number after a blank: a grade, a score or a time read into the name by the model.
_NAME_THEN_NUMBER = re.compile(
    r"(?P<name>[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?(?:[ \t]+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?){1,2})"
    r"[ \t]+[\d][\d:.,/-]*"
)


def name_before_number(text: str, start: int, end: int) -> int | None:
    """End of a full name when a person span is that name and a trailing number, else None.

    "Tomasz Wierzbicki-Lowe 1385" on a grading list: the number is the grade, the name stands
    on its own. Anything else holding a digit ("WO2 Pritchard", a reference) is left to the
    caller's other rules.
    """
    m = _NAME_THEN_NUMBER.fullmatch(text, start, end)
    if m is None or any(ch.isdigit() for ch in m.group("name")):
        return None
    return m.end("name")
