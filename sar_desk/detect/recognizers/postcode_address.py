"""Street addresses anchored by the postcode that ends them: "14 Kiln Row, Harbury CV33 9HX".

A house number and a few words are an address in any case and with any name ("31b Kingfishers",
"16 cnoc an t-sìthein", "69b trem-y-mor") when a valid full UK postcode closes the phrase, on
the same line or the next ones, with at most a town or two between ("..., cromer, ch7 1zl",
"117 Canal Side" over "Whitley Bay GL5 3HS"). That is how the Royal Mail writes an address and how
people copy one, so the street's own shape does not matter. The span is the street part only
(the town and the postcode are proposed by their own recognisers).

The words must still be able to name a street: no stop words, units or chat words ("paid 20
for parking at SW1A 1AA" is no address), and a listed town written without a comma before the
postcode ("3 Kiln Row Harbury CV33 9HX") is cut off the street.
"""

from __future__ import annotations

import re

from sar_desk.detect.gazetteer import current
from sar_desk.detect.recognizers.bare_street import never_a_street_word

Span = tuple[int, int, str, float, str]

# A word of a street or town name, in any case: letters (accents too), joined by hyphens or
# apostrophes ("trem-y-mor", "lady's", "t-sìthein").
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_WORDS = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_FLAT = r"(?:(?i:flat|apartment|apt|unit)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)?"
# A full UK postcode (Royal Mail's letters: no Q, V or X first, no C, I, K, M, O or V inward).
POSTCODE = r"(?i:(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}|GIR[ \t]?0AA))"
# Between the street and a town, or before the postcode: a comma, a new line, or both.
_BREAK = r"(?:[ \t]*,[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*)"
_ANCHORED = re.compile(
    rf"(?<![\w£$€.,:/#+-])(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?[ \t]+(?P<street>{_WORDS}))"
    rf"(?P<towns>(?:{_BREAK}{_WORDS}){{0,2}})"
    rf"(?:{_BREAK}|[ \t]+)(?P<postcode>{POSTCODE})(?![\w])"
)
# Words that may stand inside a street name although they are stop words: "14 The Maltings",
# "16 Cnoc an t-Sìthein", "3 Heol y Nant" (never first, but "the").
_PARTICLES = frozenset({"the", "an", "y", "yr", "of"})
# Stop words that are also street words: "125 Canal Side", "3 Back Lane", "40 Lady's Well
# Close", "7 First Avenue".
_STREET_STOP_WORDS = frozenset(
    {"side", "back", "front", "top", "bottom", "well", "down", "over", "upon", "under", "first"}
)
# A number that counts, is had or names something else: "we have 3 boxes", "room 5 the
# annexe", "aged 42", "PO Box 12".
_COUNTED = re.compile(
    r"(?i)\b(?:have|has|had|got|get|need|needs|bought|sent|paid|cost|costs|the|these|those|my|"
    r"your|his|her|our|their|all|only|just|about|around|approx|over|under|room|rm|bay|bed|ward|"
    r"page|year|item|x|of|and|or|plus|minus|aged?|box|bus|route|no|ext)[ \t.#:]*$"
)


def _street_end(street: str, start: int) -> int | None:
    """Where the street name in `street` ends (an offset into it), or None for no street.

    A listed town glued to the end of the name without a comma is cut off ("Kiln Row
    Harbury"), as long as a word is left.
    """
    words = list(re.finditer(r"\S+", street))
    for word in words:
        low = word.group(0).casefold()
        if low in _PARTICLES or low in _STREET_STOP_WORDS:
            continue
        if never_a_street_word(low):
            return None
    if words[0].group(0).casefold() in _PARTICLES - {"the"}:
        return None
    gaz = current()
    if gaz.is_place(street):
        return None  # "PO Box 12, Truro TR1 2AB", "route 42 Truro TR1 2AB": a town, no street
    n = len(words)
    for size in (3, 2, 1):
        if n > size and gaz.is_place(" ".join(w.group(0) for w in words[n - size :])):
            n -= size
            break
    while n > 1 and words[n - 1].group(0).casefold() in _PARTICLES:
        n -= 1
    if words[n - 1].group(0).casefold() in _PARTICLES:
        return None
    return start + words[n - 1].end()


def postcode_addresses(text: str) -> list[Span]:
    """Numbered street names closed by a postcode (see the module docstring)."""
    out: list[Span] = []
    for m in _ANCHORED.finditer(text):
        if _COUNTED.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        end = _street_end(m.group("street"), m.start("street"))
        if end is None:
            continue
        out.append((m.start("v"), end, "STREET_ADDRESS", 0.65, ""))
    return out
