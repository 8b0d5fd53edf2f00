"""Places no list has that NER calls people, read from what follows them (issue 15, round 13).

The small model calls a village it has never seen a person ("Cheselbourne station", "from Rhiw
council", "school trip from Litton primary"). An institution named after the place, or the
end of a numbered address, shows the place; the proposal stays (a place is personal data in
an address), only its kind changes, so it no longer seeds the spread pass as a name.
"""

from __future__ import annotations

import re
from collections.abc import Container

from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer

# What a place's name stands before ("Litton primary", "from Rhiw council", "Tynan town hall").
_INSTITUTION_AFTER = re.compile(
    r"(?i)^[ \t]+(?:council|primary|station|town hall|village hall|library|harbour|golf club|"
    r"leisure centre|high school|academy|fire station|police station|community centre|"
    r"cricket club|rugby club|football club|parish)\b"
)


# A house number and a street name, then a comma: "25 Mill Close, " (the town comes next).
_ADDRESS_BEFORE = re.compile(
    r"\b\d{1,4}[A-Za-z]?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’-]*,[ \t]*$"
)


def unlisted_place(text: str, start: int, end: int, known: Container[str] = ()) -> bool:
    """Whether a PERSON guess no name list has is a place: an institution's name after it.

    "Cheselbourne station", "from Rhiw council", "Litton primary", or closing an address
    ("25 Mill Close, Litton"). A span opening with a listed given name, or a name in `known`
    (the case's name index), is left a person.
    """
    words = text[start:end].split()
    if not words or name_key(text[start:end]) in known:
        return False
    gaz = gazetteer.current()
    if gaz.is_first_name(words[0].strip(".,'’")) or not all(w[:1].isupper() for w in words):
        return False
    return bool(_INSTITUTION_AFTER.match(text[end:])) or bool(
        _ADDRESS_BEFORE.search(text[max(0, start - 40) : start])
        and re.match(r"[ \t]*(?:[,.\n]|$)", text[end:])
    )
