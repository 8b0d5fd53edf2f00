r"""Where the model's entities run on past what they name (issue 15, round 6).

spaCy reads a line break as plain space and an address block as one phrase, so its entities
run across lines ("Cherry Garth\nHolt") and into the postcode after a town ("Lanark NE26").
Presidio then drops a recogniser's exact town inside such a span as a duplicate, and the
postcode, which outranks it, takes the whole span away. A place never runs across a line
break or into a postcode, so a place the model found is cut into its lines and stops before
one.
"""

from __future__ import annotations

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
