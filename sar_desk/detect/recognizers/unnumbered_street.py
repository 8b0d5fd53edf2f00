"""Streets named without a house number: "Halls Drive", "fobs for quadrangle close" (round 11).

Chat names a street on its own when the place is the block, the estate or the job ("fire alarm
at Halls Drive", "the spare fobs for quadrangle close"). The street's own word says what it is
when it is one only a street has:

- capitalised, one or two capitalised words and a street word ("Drive", "Close", "Crescent",
  "Avenue", "Gardens", "Terrace", "Mews", "Road", "Street"): a street wherever it stands,
  unless a word of it is a stop word, or the whole is a thing ("Test Drive", "Google Drive",
  "Hard Drive", "Food Drive") or a person ("Ember Street", "Grace Lane": a listed given name
  then a street word that is also a family name), nor before the site on it ("Terminal
  Drive car park", "Mill Road depot": a workplace);
- in lower case only after a place preposition ("at", "for", "near", "round") and before the
  phrase ends (punctuation, the line's end, "is"/"are"/"was"), never "close" after an adverb
  ("quite close") and never a word of the capitalised exclusions.

"Lane" and "Way" are left out: "Lane" is a family name, "Way" ends many phrases ("No Way").

Round 12: Scottish street words ("Tolbooth Wynd", "Kirk Brae", "Cross Vennel") end a street
as the words above do ("Loan" not after a kind of loan: "Student Loan"); Welsh, Gaelic and
Irish street words open one ("Stryd y Bont", "Lôn Capel", "Cnoc na Creige", "Sràid na
h-Eaglais", "Bóthar an Mhuilinn"), with their particles in lower case.
"""

from __future__ import annotations

import re
from typing import ClassVar

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.gazetteer import current
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.words import TITLES


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STREET = (
    r"(?:Drive|Close|Crescent|Avenue|Gardens|Terrace|Mews|Road|Street|Wynd|Vennel|Brae|Loan|Pend)"
)
_LOWER_STREET = "(?:drive|close|crescent|avenue|gardens|terrace|mews|road|street|wynd|vennel)"
_CAPITALISED = re.compile(
    rf"(?<![\w'’&-])(?P<v>(?:[A-Z][a-z'’]+[ \t]+){{1,2}}{_STREET})(?![\w'’-])"
    # a street named for the site on it ("Terminal Drive car park", "Mill Road depot") is a
    # workplace, not where someone lives
    r"(?![ \t]+(?i:car[ \t]?park|site|depot|office|branch|store|entrance|gate|campus|"
    r"surgery|centre|center|station|hub|warehouse|yard|clinic|practice)\b)"
)
# Welsh, Gaelic and Irish words for a street or a hill road, written before the name; "Lon"
# without its accent is left out (a given name).
_CELTIC = re.compile(
    r"(?<![\w'’&-])(?P<v>(?:Y[ \t]+)?(?:Heol|Ffordd|Stryd|Lôn|Cnoc|Sràid|Sráid|Sraid|Bóthar|"
    r"Bothar|Rathad)(?:[ \t]+(?:y|yr|na|an|nan|a['’]))?[ \t]+(?:[ht]-)?[A-Z][a-zà-ÿŵŷ'’]+"
    r"(?:-[A-Za-z][a-zà-ÿŵŷ'’]+)*)(?![\w'’-])"
)
_LOWER = re.compile(
    r"(?i:\b(?:at|for|near|round|around|outside|opposite|off|behind)[ \t]+)"
    rf"(?P<v>[a-z][a-z'’]+(?:[ \t]+[a-z][a-z'’]+)?[ \t]+{_LOWER_STREET})"
    r"(?=[ \t]*(?:[,.;:!?)]|$|\n|[ \t](?:is|are|was|were|has|have)\b))",
    re.MULTILINE,
)
# What a street word follows when the whole is a thing: drives of a computer or a charity,
# a test drive, a closing word ("Very Close"), a road that is a kind of road.
_THINGS = _set("""
    test hard google shared team network disk disc flash external usb cloud one sponsored
    recruitment food toy charity membership fundraising blood donation book clothes coat
    very quite too so really pretty fairly extremely not close main ring trunk slip access
    service toll dirt gravel dual private public country side back front high low long short
    open closed safe home road street drive memory student bank payday personal car business
    hardship mortgage
""")
# Round 21: what "close" ends in lower case ("missing at course close", "at day close"): the
# end of an event or a working day, not a street.
_CLOSING_EVENTS = _set("""
    course day market play business trading session event race registration entries polls
    competition comp shop office season
""")
# Street words that are also family names: "Ember Street" may be a person.
_FAMILY_STREET_WORDS = _set("street close")
Span = tuple[int, int, str, float, str]


def _ok(value: str) -> bool:
    words = value.split()
    lows = [w.casefold() for w in words]
    if any(w in STOP_WORDS or w in _THINGS or w.rstrip(".") in TITLES for w in lows[:-1]):
        return False  # "the Close", "Mr Street", "Dr Close"
    gaz = current()
    if lows[-1] in _FAMILY_STREET_WORDS and gaz.is_first_name(lows[-2]):
        return False  # "Ember Street", "Witness Mary Close": a person
    return not any(gaz.is_place(w) for w in lows[:-1]) or len(words) > 2 or lows[-1] != "road"


class UnnumberedStreetRecognizer(RuleRecognizer):
    """Streets named without a number (see module docstring)."""

    ENTITIES = ("STREET_ADDRESS",)
    RULES = ()
    NOTE: ClassVar[str] = "A street named without a house number."

    def noted_spans(self, text: str) -> list[Span]:
        """Capitalised street names anywhere, lower-case ones after a place preposition."""
        out: list[Span] = []
        for m in _CAPITALISED.finditer(text):
            if _ok(m.group("v")):
                out.append((m.start("v"), m.end("v"), "STREET_ADDRESS", 0.5, self.NOTE))
        for m in _CELTIC.finditer(text):
            out.append((m.start("v"), m.end("v"), "STREET_ADDRESS", 0.5, self.NOTE))
        for m in _LOWER.finditer(text):
            value = m.group("v")
            closing = value.endswith("close") and value.split()[-2] in _CLOSING_EVENTS
            if value.islower() and _ok(value) and not closing:
                out.append((m.start("v"), m.end("v"), "STREET_ADDRESS", 0.45, self.NOTE))
        return out
