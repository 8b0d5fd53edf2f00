"""Towns no list has, placed by a verb after "at X" or by "lives X" (issue 15, round 22).

Round 19 and 20 (`unlisted_towns`, `town_positions`) read a town after "at" only where the
phrase closes ("the wedding at X,") or a weekday follows. A blind corpus also names a village
as the site of someone's business, with the sentence going straight on with its verb:

- "the vicar at X says ...", "the church at X wants the quote", "the client at X let his kids
  in", "the organ at X needs releathering" (capitalised, or in lower case in a lower-case
  message: "the vicar at x says");
- "lives X" with no preposition ("new player, phone ..., lives X").

After "at" a person stands where someone looks, shouts or throws at them ("glared at X says
nothing"), so those verbs before refuse the position, as in `town_positions`; the words must
still read as a town's (the caller's check: no given name, no lone family name, not all
English, no product). In lower case the word must be no English word, no slip of one and no
listed name (`town_positions.lower_town`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from sar_desk.detect.gazetteer import Gazetteers

Span = tuple[int, int, str, float, str]
TownCheck = Callable[[str, Gazetteers, bool], bool]

NOTE_SLOT = "A town no list has, placed by the words around it."

# The verb a clause goes on with after its subject "the vicar at X".
_VERB = (
    r"(?:says|said|wants|wanted|needs|needed|let|lets|is|was|has|had|asked|asks|rang|rings|"
    r"called|told|thinks|thought|reckons|reckoned|are|were|will|would|won['’]t|can['’]t|"
    r"sent|phoned|emailed|booked|cancelled|complained|confirmed)"
)
# Where a person is looked, shouted or thrown at: "glared at X says", "shouted at X is".
_AIMED_BEFORE = re.compile(
    r"(?i)\b(?:threw|thrown|throwing|throws|shouted|shouting|swore|swearing|looked|looking|"
    r"laughed|pointed|waved|smiled|yelled|glared|stared|aimed|lashed out|had a go|angry|"
    r"cross|annoyed|furious|fuming|spat|lunged|swung|good|great|bad|best|worst)\b[^.,;:!?\n]{0,24}$"
)
# A noun before "at": "the vicar at", "the Willis organ at", "market stall at".
_NOUN_BEFORE = re.compile(r"(?i)(?:^|[\s(])[a-z][a-z'’-]{2,}[ \t]+$")
_LIVES = r"(?<![\w'’-])(?:lives|living|based)[ \t]+"
_CLOSES = r"(?=[ \t]*(?:[,.;:!?)\n]|$|[ \t][-–—][ \t]))"


@cache
def _slot_patterns(town: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The four slots around a capitalised `town` pattern, compiled once per pattern."""
    low = r"(?P<t>[a-z]{4,})"
    at = r"(?<![\w'’-])at[ \t]+"
    return (
        (re.compile(rf"{at}{town}(?=[ \t]+{_VERB}\b)"), True),
        (re.compile(rf"{at}{low}(?=[ \t]+{_VERB}\b)"), True),
        (re.compile(rf"{_LIVES}{town}{_CLOSES}"), False),
        (re.compile(rf"{_LIVES}{low}{_CLOSES}"), False),
    )


def slot_town_spans(
    text: str, gaz: Gazetteers, town: str, check: TownCheck, lower: Callable[[str], bool]
) -> list[Span]:
    """Towns after "at" before a verb, and after a bare "lives" closing the phrase.

    `town` is the pattern of a capitalised run (group "t"), `check` the caller's test of its
    words; `lower` tests one lower-case word.
    """
    out: list[Span] = []
    for pattern, aimed in _slot_patterns(town):
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if aimed and (_AIMED_BEFORE.search(before) or not _NOUN_BEFORE.search(before)):
                continue
            value = m.group("t")
            ok = lower(value) if value.islower() else check(value, gaz, False)
            if ok:
                out.append((m.start("t"), m.end("t"), "LOCATION", 0.5, NOTE_SLOT))
    return out
