"""Round-24 modifier position (issue 15): a name before a common noun, after any determiner.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.identity import name_key
from sar_desk.detect.case_things import case_things
from sar_desk.detect.modifier_positions import modifier_at

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["bring a Heimlich certificate on Monday", "Heimlich refresher booked"], "Heimlich"),
        (["these Barbour jackets are soaked", "Barbour in the drying room"], "Barbour"),
        (["his Barbour jacket is on the peg"], "Barbour"),
        (["need 3 Halloran keys cut"], "Halloran"),
        (["two Pemberton bits went missing"], "Pemberton"),
        (["every Brisbane clamp is out on hire"], "Brisbane"),
    ],
)
def test_a_name_modifying_a_thing_noun_after_a_determiner_is_a_thing(
    texts: list[str], name: str
) -> None:
    assert case_things(texts, [name]) == {name_key(name)}


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        # A person cue anywhere in the case keeps the name a person everywhere.
        (["a Heimlich certificate", "Heimlich said he'd cover"], "Heimlich"),
        (["a Heimlich certificate", "hi Heimlich, you about?"], "Heimlich"),
        (["a Heimlich certificate", "Heimlich's mum rang"], "Heimlich"),
        (["a Heimlich certificate", "Heimlich Okafor is in"], "Heimlich"),
        # Kin by a given name after a possessive.
        (["our Shannon left"], "Shannon"),
        (["our Shannon works at the mill"], "Shannon"),
        (["my Dave rang"], "Dave"),
        (["my Dave bought a van"], "Dave"),
        # Pronoun "her", conjunction "that", a time word, a clock time.
        (["told her Pemberton knew"], "Pemberton"),
        (["said that Pemberton knew"], "Pemberton"),
        (["no Pemberton today"], "Pemberton"),
        (["at 3 Pemberton leaves"], "Pemberton"),
        # A person noun after the name: the name is the person.
        (["that Pemberton bloke"], "Pemberton"),
    ],
)
def test_person_evidence_or_a_weak_shape_keeps_the_name(texts: list[str], name: str) -> None:
    assert case_things(texts, [name]) == frozenset()


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("a Heimlich certificate", "Heimlich", True),
        ("my Pemberton drill", "Pemberton", True),
        ("my Pemberton drills", "Pemberton", False),  # "our Kev works": a verb in "-s"
        ("my Dave drill", "Dave", False),  # a given name after a possessive is kin
        ("3 Halloran keys", "Halloran", True),
        ("3 Halloran key", "Halloran", False),  # a count wants a plural
        ("Halloran keys", "Halloran", False),  # a bare "Name nouns" may be a subject and verb
        ("a Heimlich", "Heimlich", False),
        # After an article a noun that is also a family name, or an unlisted agent noun.
        ("an Ormerod key for the bolts", "Ormerod", True),
        ("a Ormerod screwdriver", "Ormerod", True),
        ("the Ormerod stone", "Ormerod", False),  # a definite one may be a person's own
        ("those Ormerod jackets", "Ormerod", True),
        ("my Ormerod screwdriver", "Ormerod", False),  # not after a possessive
        ("the Ormerod lad", "Ormerod", False),  # a listed person noun
        ("the Ormerod family", "Ormerod", False),  # what is a person's
        ("we need 3 Ormerod keys", "Ormerod", True),
    ],
)
def test_modifier_at(text: str, value: str, expected: bool) -> None:
    start = text.index(value)
    assert modifier_at(text, start, start + len(value)) is expected
