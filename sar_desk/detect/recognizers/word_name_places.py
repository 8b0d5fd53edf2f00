"""More places only a person stands in, after a word-name in lower case (issue 15).

Split from `name_words` (which lists the first cues):

- someone and their own relation: "autumn and her mum at the hall", "sky with his dad";
- someone at a house number, opening a sentence: "crystal at 12 mill lane has the parcels"
  (a time is no house: "dawn at 6am", "at 12 noon");
- someone in a department written in capitals, then what they do: "rich in HR has the
  contract", "pat from IT says".
"""

from __future__ import annotations

import re

from sar_desk.detect.cues import RELATIONS

_KIN = "|".join(sorted(RELATIONS))
_AND_THEIR_KIN = re.compile(rf"(?i)[ \t]+(?:and|with|n|&)[ \t]+(?:her|his|their)[ \t]+(?:{_KIN})\b")
_AT_A_HOUSE = re.compile(
    r"(?i)[ \t]+at[ \t]+(?:no\.?[ \t]?|number[ \t]+|flat[ \t]+\d{1,4}[a-z]?,?[ \t]+)?"
    r"\d{1,4}[a-z]?[ \t]+(?!(?:am|pm|noon|midday|midnight|o'?clock|ish|on|and|or|to|mins?|"
    r"minutes|hours?|hrs?|days?|weeks?|today|tonight|tomorrow|tmrw|was|is|were|are|will|would|sharp|latest|start)\b)[a-z]{3,}"
)
_IN_A_DEPARTMENT = re.compile(
    r"[ \t]+(?:in|from|at)[ \t]+[A-Z]{2,5}[ \t]+(?:has(?![ \t]+been)|says|said|rang|wants|"
    r"sorted|did|knows|sent|emailed|phoned)\b"
)


def placed_as_a_person(text: str, end: int, opens_sentence: bool) -> bool:
    """Whether what follows a word-name ending at ``end`` places a person there."""
    if _AND_THEIR_KIN.match(text, end):
        return True  # "autumn and her mum"
    return opens_sentence and bool(
        _AT_A_HOUSE.match(text, end) or _IN_A_DEPARTMENT.match(text, end)
    )
