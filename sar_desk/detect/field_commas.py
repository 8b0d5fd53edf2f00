"""Delimited fields read as an address's commas (issue 15, round 22).

A contact line is often written with a symbol between its fields instead of commas: "Ann Lee
~ 12 Mill Lane ~ Kirkby ~ LA6 2AB ~ 07700 900123", "name | 4 Brook Row | Settle | BD24 9AA",
"Unit 3 · 9 Station Yard · Hawes · DL8 3NT". The street and town recognisers read an address
by its commas ("12 Mill Lane, Kirkby, LA6 2AB"), so such a line lost its town and, where the
street has no suffix, its street too.

`as_commas` gives the same text with each such delimiter written as a comma and spaces (same
length, so every span found in it is a span of the original). Only a line that uses one
delimiter, spaced on both sides, at least twice, and holds a full postcode is read so: a lone
"~ 20 people" (about twenty), "A | B" or a log line ("21:45 · Jupiter · Sam/22:30", where
"45, Jupiter," would read as a house and a street) is left as it is.
"""

from __future__ import annotations

import re

# A field delimiter: a tilde, a bar, a middle dot or a bullet with space on both sides.
_DELIMITER = re.compile(r"[ \t]+([~|·•])[ \t]+")
_LINE = re.compile(r"[^\n]+")
_POSTCODE = re.compile(r"(?<![\w-])[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}(?![\w-])")


def as_commas(text: str) -> str:
    """`text` with the delimiters of delimited lines written as commas (same offsets)."""
    if not _DELIMITER.search(text):
        return text  # the quick way out: most messages have none
    parts: list[str] = []
    last = 0
    for line in _LINE.finditer(text):
        found = list(_DELIMITER.finditer(line.group(0)))
        symbols = {m.group(1) for m in found}
        if len(found) < 2 or len(symbols) != 1 or not _POSTCODE.search(line.group(0)):
            continue
        for m in found:
            start, end = line.start() + m.start(), line.start() + m.end()
            parts.append(text[last:start])
            # "Mill Lane ~ Kirkby" -> "Mill Lane,  Kirkby": the comma touches the field before.
            parts.append("," + " " * (end - start - 1))
            last = end
    parts.append(text[last:])
    return "".join(parts)
