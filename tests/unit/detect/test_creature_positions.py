"""Round-20 names of animals, bells and boats (issue 15): read from a kind, a weight, a deed.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.identity import name_key
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.case_things import case_things
from sar_desk.detect.creature_positions import creature_at, kind_word
from sar_desk.detect.detector import InProcessDetector

pytestmark = pytest.mark.usefixtures("shipped_lists")

CONTEXT = CaseContext(
    Regime.SAR,
    (KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Alex Morgan",)),),
    ("Alex Morgan",),
)


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        # a kind right before the name, no determiner needed
        (["scales: merlin Hilda 165g, goshawk Bertram 742g", "Hilda off her food"], "Hilda"),
        (["scales: merlin Hilda 165g, goshawk Bertram 742g"], "Bertram"),
        (["the narrowboat Old Tilly needs blacking"], "Tilly"),
        # an apposition with a possessive, a height in hands, eggs, a vet's work
        (["Hester, our tenor bell, is back from the foundry"], "Hester"),
        (["Bramble 15.2hh, grey, for sale"], "Bramble"),
        (["Hilda laid an egg on the lawn"], "Hilda"),
        (["Rex was neutered on Tuesday, collect at 4"], "Rex"),
        # the name alone in brackets after its kind; the name said to be a kind
        (["the rescue greyhound (Biscuit) is ready to rehome"], "Biscuit"),
        (["Biscuit is a 3-year-old Labrador cross, very gentle"], "Biscuit"),
        (["Biscuit's our new puppy"], "Biscuit"),
        (["Biscuit, a rescue greyhound, needs a home"], "Biscuit"),
        # a weight in grams after it
        (["weigh-in Bertram: 742 g, keen as mustard"], "Bertram"),
        (["ring of six, Fenella 14 cwt on the back"], "Fenella"),
        # a determiner's phrase and a comma, opening the message
        (["our buzzard, Percy, is moulting early"], "Percy"),
        # a heading closing on a kind
        (["escaped ferret! Clover headed for the hedge"], "Clover"),
        # an apposition of several words, after a describing word
        (["Little Horace the black runner duck laid again"], "Horace"),
        (["Ottoline the big grey lop rabbit is loose in the yard"], "Ottoline"),
        # a kind in brackets, with or without a determiner
        (["Percy (Lanner falcon) is back in the mews"], "Percy"),
        # a kind or another thing before "called"/"named"
        (["the treble is named Hester since the recast"], "Hester"),
        (["that old ewe is called Rosalind"], "Rosalind"),
        # the name modifying an animal kind
        (["a Cooper hawk took a pigeon off the roof"], "Cooper"),
        # a deed only an animal or a bell does, a part only they have
        (["Percy perched on the lamp post all afternoon"], "Percy"),
        (["Bramble foaled overnight, both well"], "Bramble"),
        (["Hilda's jesses need replacing before the show"], "Hilda"),
        (["Hester's clapper has cracked, tower shut"], "Hester"),
    ],
)
def test_a_name_beside_an_animal_or_a_thing_kind_is_a_thing(texts: list[str], name: str) -> None:
    assert case_things(texts, [name]) == {name_key(name)}


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        # The same name as a person anywhere in the case keeps it everywhere.
        (["merlin Hilda 165g", "Hilda said she'd do the feeds"], "Hilda"),
        (["Percy perched on the desk", "thanks Percy"], "Percy"),
        (["we've a goose named Stacey", "a lass named Stacey rang"], "Stacey"),
        (["a Cooper hawk over the car park", "Jo Cooper is off today"], "Cooper"),
        # Kinds said of people count only after "the", "a", "an", "our".
        (["his bird Stacey is coming to the do"], "Stacey"),
        (["that silly cow Stacey parked in my space"], "Stacey"),
        # A kind that goes on to a trade or an activity is the person's.
        (["Stacey the dog walker is late"], "Stacey"),
        (["Stacey dog walking Sat, can't do the rota"], "Stacey"),
        # Someone spoken to after a comma, a person's boat or stall, a verb.
        (["can you feed the cat, Stacey"], "Stacey"),
        (["Stacey (hire boat) moored on the lock landing"], "Stacey"),
        (["Stacey (fresh fish) has not paid"], "Stacey"),
        (["Stacey ducks out at 4"], "Stacey"),
        (["Stacey does the teas"], "Stacey"),
        (["Stacey badgers me every day"], "Stacey"),
        # A person noun before "called" makes a person.
        (["the new lad is called Stacey"], "Stacey"),
        # Kinds said of people after "is a".
        (["Stacey is a night owl, texts at 2am"], "Stacey"),
        (["Stacey is a right cow about the rota"], "Stacey"),
        (["Stacey is a dog person"], "Stacey"),
        (["Stacey is a bus driver now"], "Stacey"),
        (["Stacey is a bus ride away"], "Stacey"),
        (["Stacey is a Heron now she's married"], "Stacey"),
        (["ask the vet (Stacey) about it"], "Stacey"),
        # An apposition that goes on to a clause or a trade; a kind that is a person too.
        (["Stacey, the dog needs a walk"], "Stacey"),
        (["Stacey, the cat's been sick"], "Stacey"),
        (["Stacey the farrier shod the cob"], "Stacey"),
        (["Stacey is our tenor this year"], "Stacey"),
        (["Stacey pony club Sat"], "Stacey"),
        # A weight that is no grams, a person laying something, a possessive kind of people.
        (["Stacey 74kg at the weigh-in"], "Stacey"),
        (["Stacey laid the patio last week"], "Stacey"),
        (["Stacey, my bird, is coming to the do"], "Stacey"),
        (["Stacey, our dog walker, is off"], "Stacey"),
    ],
)
def test_a_person_or_no_kind_keeps_the_name(texts: list[str], name: str) -> None:
    assert case_things(texts, [name]) == frozenset()


def test_kinds_said_of_people_need_a_plain_determiner() -> None:
    assert kind_word("hawk", None)
    assert kind_word("bird", "the")
    assert not kind_word("bird", "his")
    assert not kind_word("cow", None)
    assert not kind_word("plumber", "the")


def test_creature_at_reads_one_message() -> None:
    text = "tower log: the big bell is named Fenwick, rope replaced"
    start = text.index("Fenwick")
    assert creature_at(text, start, start + len("Fenwick"))
    text = "tower log: Fenwick rang the big bell, rope replaced"
    start = text.index("Fenwick")
    assert not creature_at(text, start, start + len("Fenwick"))


def test_analyze_all_drops_an_animal_name_and_keeps_people(
    fake_detector: InProcessDetector,
) -> None:
    items = [
        (MessageId(1), "weights today: kestrel Priya 201g, all flying"),
        (MessageId(2), "Priya not flying today, sulking on the perch"),
        (MessageId(3), "Jo Bloggs did the weights"),
    ]
    found = analyze_all(fake_detector, items, CONTEXT)
    people = {(int(f.message_id), f.text) for f in found if f.entity_type == "PERSON"}
    assert not any(text.startswith("Priya") for _m, text in people)
    assert (3, "Jo Bloggs") in people


def test_analyze_all_keeps_an_animal_name_that_is_a_person_elsewhere(
    fake_detector: InProcessDetector,
) -> None:
    items = [
        (MessageId(1), "weights today: kestrel Priya 201g, all flying"),
        (MessageId(2), "Priya said she'd cover the feeds"),
        (MessageId(3), "Priya not in today"),
    ]
    found = analyze_all(fake_detector, items, CONTEXT)
    ids = {int(f.message_id) for f in found if f.entity_type == "PERSON" and "Priya" in f.text}
    assert {2, 3} <= ids
