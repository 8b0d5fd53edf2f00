"""UK identifiers in a row of identifiers or a table column that names them (issue 15).

Two layouts staff paste from a case system or a spreadsheet, where the cue is not next to the
value in the way the cued rules of `uk_id_recognizer` read it:

- A row of one person's identifiers, each after a short label ("• Ola ▸ NI AB123456C ▸ NHS
  943 476 5919 ▸ pp 123456789"). "pp" alone is ambiguous (pages, per procurationem), so it
  names a passport number only when nine digits follow it and the line is a row of identifiers
  (another identifier's label stands on it) or a passport word is near.
- A table, comma-, tab-, semicolon- or bar-separated, whose header names a column ("name,dob,
  nino", "Name | NI number | Passport"): the header is the cue for every row below it, so a
  value of that column with the identifier's shape is that identifier, in any case and with
  any prefix (the NINO's note says when HMRC never issues it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sar_desk.detect.recognizers.id_cues import NINO_CUE, PASSPORT_CUE
from sar_desk.detect.recognizers.nino_shapes import NINO_SHAPE

Span = tuple[int, int]

# "pp", then at most a mark, then nine digits (as a passport number is written) and no more.
_PP = re.compile(
    r"(?=[Pp][Pp])(?i:(?<![\w/.&])pp[ \t]*[:#.=\-]?[ \t]*)"  # "pp=" of a key=value log line
    r"(?P<v>\d{3}[ \t]?\d{3}[ \t]?\d{3})(?!\d|[/.,:\-]\d)"
)
# Another identifier's label on the line: a NINO's, an NHS number's, a date of birth's, a
# driving licence's, or the passport's own word.
_ID_LABEL = re.compile(
    NINO_CUE
    + r"|(?i:\bnhs\b|\bd\.?o\.?b\b|\bdate\s+of\s+birth\b|\bdriving\s+licen[cs]e\b)"
    + "|"
    + PASSPORT_CUE
)
# How far a passport word may stand from "pp" when the line is not a row of identifiers.
_NEAR = 80


def _outside(text: str, pattern: re.Pattern[str], skip: Span, lo: int, hi: int) -> bool:
    """Whether `pattern` matches in text[lo:hi] somewhere not overlapping `skip`."""
    return any(m.end() <= skip[0] or m.start() >= skip[1] for m in pattern.finditer(text, lo, hi))


_PASSPORT_WORD = re.compile(PASSPORT_CUE)


def _row_around(text: str, start: int, end: int) -> Span:
    """The value's line with the lines either side: one record, across or down a block."""
    line_start = text.rfind("\n", 0, max(text.rfind("\n", 0, start), 0)) + 1
    line_end = text.find("\n", end)
    line_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    return line_start, len(text) if line_end < 0 else line_end


def pp_passports(text: str) -> list[Span]:
    """Nine digits after "pp" in a record of identifiers or near a passport word.

    The record is the value's line ("NI ... ▸ NHS ... ▸ pp ...") or a block of one label a
    line, read with the line above and the line below ("nhs ..." then "pp ...").
    """
    out: list[Span] = []
    for m in _PP.finditer(text):
        line_start, line_end = _row_around(text, m.start(), m.end())
        row = _outside(text, _ID_LABEL, m.span(), line_start, line_end)
        lo, hi = max(0, m.start() - _NEAR), min(len(text), m.end() + _NEAR)
        near = _outside(text, _PASSPORT_WORD, m.span(), lo, hi)
        if row or near:
            out.append(m.span("v"))
    return out


# The marks a pasted table parts its cells with, most specific first.
_DELIMITERS = ("\t", "|", ";", ",")
# A header cell: the cue alone, perhaps with "no."/"number"/"#" ("NI No.", "nino", "NHS
# number", "passport_no", "NI number (if known)"); snake or kebab case is read as words.
_TAIL = (
    r"(?:[ \t]*(?:no\b\.?|nos?\.?|number|num\b|#))?[ \t]*[:.]?"
    r"(?:[ \t]*\([^()\d]{0,20}\))?"  # "NI number (if known)"
)
# Up to two words before the cue say whose it is ("Employee NI number", "Client passport").
_WHOSE = r"(?:[^\W\d_][\w'’]*[ \t]+){0,2}"
NINO_HEADER = re.compile(r"(?i)" + _WHOSE + r"(?:" + NINO_CUE + r")" + _TAIL)
PASSPORT_HEADER = re.compile(r"(?i)" + _WHOSE + r"(?:" + PASSPORT_CUE + r"|ppt?\b)" + _TAIL)
NHS_HEADER = re.compile(r"(?i)" + _WHOSE + r"nhs" + _TAIL)
# The values of those columns, as the cell holds them (its spaces and quotes stripped).
NINO_CELL = re.compile(NINO_SHAPE)
PASSPORT_CELL = re.compile(r"\d{3}[ \-]?\d{3}[ \-]?\d{3}")
NHS_CELL = re.compile(r"\d{3}[ \-]?\d{3}[ \-]?\d{4}")
_STRIP = " \t\"'"


# A rule line of a table drawn in text ("+-----+-----+", "|=====|", "----").
_BORDER = re.compile(r"[ \t]*[+|:]?[ \t]*[-=─━+|: \t]*[-=─━][-=─━+|: \t]*")


def _cells(text: str, start: int, end: int, mark: str) -> list[Span]:
    """The spans of a line's cells parted by `mark`, each without its spaces and quotes."""
    out: list[Span] = []
    at = start
    while True:
        cut = text.find(mark, at, end)
        stop = end if cut < 0 else cut
        lo, hi = at, stop
        while lo < hi and text[lo] in _STRIP:
            lo += 1
        while hi > lo and text[hi - 1] in _STRIP:
            hi -= 1
        out.append((lo, hi))
        if cut < 0:
            return out
        at = cut + 1


def _names(header: re.Pattern[str], cell: str) -> bool:
    """Whether a header cell is the cue alone ("NI No.", "ni_number", "Passport-No")."""
    return len(cell) <= 40 and header.fullmatch(re.sub(r"[_\-]+", " ", cell)) is not None


def _lines(text: str) -> list[Span]:
    out: list[Span] = []
    at = 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def column_values(
    text: str, header: re.Pattern[str], cell: re.Pattern[str], ok: Callable[[str], bool]
) -> list[Span]:
    """Values of every table column whose header cell is `header`, below that header.

    A row belongs to the table while it holds the header's mark; its cell in the column is read
    when the row has as many cells as the header (or more, as when a name holds a comma or the
    row ends in a mark: the column is then counted from the start or from the end, whichever
    cell fits), is `cell` and passes `ok`.
    """
    out: list[Span] = []
    if "\n" not in text or cell.search(text) is None:
        return out  # no table, or no value of the column's shape anywhere in it
    lines = _lines(text)
    for n, (start, end) in enumerate(lines[:-1]):
        line = text[start:end]
        for mark in _DELIMITERS:
            if mark not in line:
                continue
            heads = _cells(text, start, end, mark)
            cols = [i for i, (lo, hi) in enumerate(heads) if _names(header, text[lo:hi])]
            if not cols:
                continue
            for row_start, row_end in lines[n + 1 :]:
                if _BORDER.fullmatch(text, row_start, row_end):
                    continue  # "+------+------+": a drawn table's rule between its rows
                if mark not in text[row_start:row_end]:
                    break
                row = _cells(text, row_start, row_end, mark)
                if len(row) < len(heads):
                    continue
                for col in cols:
                    for lo, hi in dict.fromkeys((row[col], row[col - len(heads)])):
                        if cell.fullmatch(text[lo:hi]) and ok(text[lo:hi]):
                            out.append((lo, hi))
                            break
            break  # a line is one table's header at most
    return out


def _varied(value: str) -> bool:
    """Not one digit repeated ("000000000"), which a blank form field holds."""
    return len(set(re.sub(r"\D", "", value))) > 2


def nino_column(text: str) -> list[Span]:
    """NINO-shaped values of a column headed by a NINO cue."""
    return column_values(text, NINO_HEADER, NINO_CELL, lambda _v: True)


def passport_column(text: str) -> list[Span]:
    """Nine-digit values of a column headed by a passport cue."""
    return column_values(text, PASSPORT_HEADER, PASSPORT_CELL, _varied)


def nhs_column(text: str) -> list[Span]:
    """Ten-digit values of a column headed "NHS" (a failed check digit is still a typo'd one)."""
    return column_values(text, NHS_HEADER, NHS_CELL, _varied)
