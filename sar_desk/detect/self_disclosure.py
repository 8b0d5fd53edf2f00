"""What the requester says about themselves in their own messages (issue 13 item 2).

In a subject access request, "my address is 3 Oak Lane" or "my NHS number is 943 476 5919",
written by the requester, is the requester's own personal data: it is theirs to receive and is
never proposed for redaction (UK GDPR Art. 15; DPA 2018 Sch 2 Pt 3 para 16 covers information
about *another* individual only). This module finds the parts of a requester's message that
follow such a first-person cue, up to the end of the sentence.

It is deliberately narrow: "my neighbour's number is ..." is not the requester's, because only
identifier words may stand between "my" and the value; and a region stops at the first other
person named in it ("my address is 3 Oak Lane, Jordan Ellis is at 5 Oak Lane").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that may qualify an identifier after "my" ("my new home address", "my NHS number").
_QUALIFIERS = (
    r"new|home|current|old|previous|personal|own|full|private|mobile|work|landline|contact|"
    r"postal|e-?mail|nhs|ni|national\s+insurance|phone|telephone|tel|mob|cell|house|flat|"
    r"date\s+of\s+birth|post|bank|account|sort|passport|driving|licence|car|vehicle|patient|"
    r"hospital|gp|council|tenancy|reference|ref"
)
_NOUNS = (
    r"address|number|no\.?|num|mobile|phone|e-?mail(?:\s+address)?|postcode|post\s*code|"
    r"nhs(?:\s+no\.?)?|ni|national\s+insurance|dob|date\s+of\s+birth|birthday|details|landline|"
    r"reg(?:istration)?|code|sort\s+code|account|licence|passport|handle|username|id"
)
_LINK = r"(?:\s*(?:is|are|was|'s|’s|=|:|-|–|now|still|changed\s+to|will\s+be|remains))*\s*"
_CUES = re.compile(
    r"(?:"
    rf"\bmy\s+(?:(?:{_QUALIFIERS})\s+)*(?:{_NOUNS})\b{_LINK}"
    r"|\bmine\s+is\s*"
    r"|\bi\s+(?:now\s+)?(?:live|reside|stay|moved)\s+(?:at|in|on|to)\s+"
    r"|\bi(?:'m|’m|\s+am)\s+(?:at|on)\s+"
    r"|\b(?:call|text|ring|phone|reach|contact|email|e-mail|message|whatsapp)\s+me\s+(?:on|at)\s+"
    r"|\bme\s+on\s+"
    r")",
    re.IGNORECASE,
)
# A sentence ends at . ! ? or a line break followed by a space or the end (not "No.5").
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def self_regions(text: str, others: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Character ranges of `text` that the writer gives as their own identifiers.

    Args:
        text: A message written by the requester.
        others: Start offsets of other people named in the text (a region stops there).

    Returns:
        ``(start, end)`` ranges, from just after each cue to the end of its sentence.
    """
    stops = sorted(others)
    regions: list[tuple[int, int]] = []
    for cue in _CUES.finditer(text):
        start = cue.end()
        end_match = _SENTENCE_END.search(text, start)
        end = end_match.start() if end_match else len(text)
        end = min([end, *(s for s in stops if s >= start)])
        if end > start:
            regions.append((start, end))
    return regions


def is_self_disclosed(regions: list[tuple[int, int]], start: int | None) -> bool:
    """Whether a span starting at `start` lies in one of the requester's own regions."""
    return start is not None and any(lo <= start < hi for lo, hi in regions)
