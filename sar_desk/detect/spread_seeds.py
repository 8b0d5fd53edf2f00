"""Where a spread seed stood in its sentence (issue 15, round 13).

The spread pass (`propagate`) copies a name found in two messages to every message of the
case. A common English word that opens a sentence is capitalised by grammar, not because it
is a name: NER reads "Lesson booked: Tues 4pm" or "Education team meeting" as a person, and
the word would then be proposed wherever "lesson" is written. So a lone common word no name
list has seeds the spread only if it was found somewhere inside a sentence too ("cover for
Honesty"); found only where a sentence opens, it never spreads. Listed given and family
names ("Frank rang") seed wherever they stand. `propagation_items` gathers the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.languages import is_foreign_word
from sar_desk.detect.trade_words import trade_word

# Text before a span that opens a sentence: nothing, or a sentence end, a colon, a line
# break, a quote mark or a list bullet, then spaces.
_OPENS = re.compile(r"(?:^|[.!?:;\n>•*\-–(\"“'‘])[ \t]*$")

PROPAGATION_SOURCES = (
    "SpacyRecognizer",
    "ChatNameRecognizer",
    "ContactCardRecognizer",
    "NameListRecognizer",
)

Seed = tuple[int, str, str]


def opens_sentence(value: str, before: str) -> bool:
    """Whether a one-word seed is a common word that only grammar capitalised.

    `before` is the message text before the span (the last 40 characters are enough).
    """
    word = value.strip()
    if " " in word or not word.isalpha() or not word[:1].isupper():
        return False
    gaz = gazetteer.current()
    low = word.casefold()
    if gaz.is_first_name(low) or gaz.is_surname(low) or not gaz.is_common_word(low):
        return False
    return bool(_OPENS.search(before[-40:]))


def foreign_lead(value: str, before: str) -> bool:
    """Whether a seed of two words or more opens a sentence with another language's word.

    "Salaam Tharindu", "Diolch Kiggundu": a greeting or courtesy before a name no list has
    reads as a full name to NER. Such a seed counts only where it also stands inside a
    sentence ("manager Hafiz Kiggundu knows"); a word any name list has is never refused.
    """
    words = value.split()
    if len(words) < 2 or not is_foreign_word(words[0]):
        return False
    gaz = gazetteer.current()
    if gaz.is_first_name(words[0]) or gaz.is_surname(words[0]):
        return False
    return bool(_OPENS.search(before[-40:]))


def lower_common_word(value: str) -> bool:
    """Whether a one-word seed is a lower-case common word that no given-name list has.

    "mail", "donor", "primary", "house": NER read one of them as a name once; spread, the word
    would be proposed wherever it is written. A lower-case given name ("bill", "amber") is
    still spread: chat writes names in lower case.
    """
    word = value.strip()
    if " " in word or not word.isalpha() or word != word.lower():
        return False
    gaz = gazetteer.current()
    return gaz.is_common_word(word) and not gaz.is_first_name(word)


def _without_lower_tail(value: str) -> str:
    """A capitalised seed without the lower-case common words closing it.

    "Florence Nightingale house": the name is capitalised, the noun after it is not, so
    "house" is no part of the name and must not spread.
    """
    words = value.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return value
    gaz = gazetteer.current()
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
        if not gaz.is_common_word(words[-1]):
            break
        words.pop()
    return " ".join(words)


def seed_items(rows: Iterable[Seed]) -> list[tuple[int, str]]:
    """``(message_id, text)`` spread seeds from ``(message_id, text, text before it)`` rows.

    A common word found only where sentences open is left out (see module docstring), a
    lower-case common word that is no given name is never a seed (`lower_common_word`), nor
    is a lone trade word that no name list has ("Lifeguard": `trade_words.trade_word`).
    """
    rows = [(mid, _without_lower_tail(text), before) for mid, text, before in rows]
    # "(Lifeguard)": a trade no name list has, found alone, is the job (`trade_words`)
    rows = [
        row
        for row in rows
        if not lower_common_word(row[1]) and not (" " not in row[1].strip() and trade_word(row[1]))
    ]
    opener = {
        (mid, text, before)
        for mid, text, before in rows
        if opens_sentence(text, before) or foreign_lead(text, before)
    }
    inside = {name_key(row[1]) for row in rows if row not in opener}
    return [
        (mid, text)
        for mid, text, before in rows
        if (mid, text, before) not in opener or name_key(text) in inside
    ]


def propagation_items(
    found: Iterable[Finding], texts: Mapping[int, str] | None = None
) -> list[tuple[int, str]]:
    """The ``(message_id, text)`` pairs `propagation_names` learns from.

    Given the messages' `texts`, a common word found only where sentences open is left out
    (`spread_seeds`).
    """
    rows: list[Seed] = []
    for f in found:
        if not (
            f.entity_type == "PERSON"
            and f.field == ProposalField.TEXT
            and f.recognizer in PROPAGATION_SOURCES
        ):
            continue
        text, at = (texts or {}).get(int(f.message_id), ""), f.start or 0
        # A span run over a line break ("Lechlade\nConcern") is two lines' words, not one name.
        for line in f.text.split("\n"):
            if line.strip():
                rows.append((int(f.message_id), line, text[max(0, at - 40) : at]))
            at += len(line) + 1
    return seed_items(rows) if texts is not None else [(m, t) for m, t, _b in rows]
