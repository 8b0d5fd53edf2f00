r"""Delimited fields read as an address's commas (issue 15, round 22).

A contact line is often written with a symbol between its fields instead of commas: "Ann Lee
~ 12 Mill Lane ~ Kirkby ~ LA6 2AB ~ 07700 900123", "name | 4 Brook Row | Settle | BD24 9AA",
"Unit 3 · 9 Station Yard · Hawes · DL8 3NT". The street and town recognisers read an address
by its commas ("12 Mill Lane, Kirkby, LA6 2AB"), so such a line lost its town and, where the
street has no suffix, its street too.

`as_commas` gives the same text with each such delimiter written as a comma and spaces (same
length, so every span found in it is a span of the original). Only a line that uses one
delimiter, spaced on both sides, at least twice, and holds a full postcode is read so: a lone
"~ 20 people" (about twenty), "A | B" or a log line ("21:45 · Jupiter · Sam/22:30", where
"45, Jupiter," would read as a house and a street) is left as it is. Since session 17 an
address written down the lines, bulleted or not ("address:\n - 4 Elm Row\n - Hartfield\n -
TN7 4AB"), is read the same way: a house number's line, one to three lines of capitalised
words, then a postcode alone on its last line.
"""

from __future__ import annotations

import re

# A field delimiter: a tilde, a bar, a slash, a middle dot or a bullet with space on both
# sides ("epeli bah / 122a Burrow Knap / Buckland Brewer / BN6 1AD", session 17).
_DELIMITER = re.compile(r"[ \t]+([~|/·•])[ \t]+")
_LINE = re.compile(r"[^\n]+")
_POSTCODE = re.compile(r"(?<![\w-])[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}(?![\w-])")


# An address written down the lines, each part on its own line, bulleted or not: a house
# number's line, one to three lines of capitalised words, then a full postcode alone on its
# line ("address:\n  - 106a Quarry Riggs\n  - Priest Hutton\n  - M2 8XZ").
_BREAK = r"\n[ \t]*(?:[-*•▪◦·][ \t]+)?"
_BLOCK = re.compile(
    r"(?m)^[ \t]*(?:[-*•▪◦·][ \t]+)?(?=(?:flat|unit|apt)?[ \t]*\d|(?i:flat|unit|apt)\b)"
    r"[^\n,]*\d[^\n,]*"
    rf"(?:{_BREAK}[A-Z][^\n\d,]{{1,40}}){{1,3}}"
    rf"{_BREAK}[A-Za-z]{{1,2}}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{{2}}[ \t]*$"
)
_BREAK_IN_BLOCK = re.compile(_BREAK)


def as_commas(text: str) -> str:
    """`text` with the delimiters of delimited lines written as commas (same offsets).

    An address written down the lines (`_BLOCK`) has its line breaks written as commas too.
    """
    if "\n" in text:
        text = _lines_as_commas(text)
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


def _lines_as_commas(text: str) -> str:
    """`text` with the breaks (and bullets) inside an address down the lines as commas."""
    out = list(text)
    for block in _BLOCK.finditer(text):
        for m in _BREAK_IN_BLOCK.finditer(text, block.start(), block.end()):
            # "Riggs\n  - Priest" -> "Riggs,    Priest": the comma touches the part before.
            out[m.start() : m.end()] = "," + " " * (m.end() - m.start() - 1)
    return "".join(out)
