"""Round-18 case-level things (issue 15): a name one message shows to be a thing, none a person.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.identity import name_key
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.case_things import case_things
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.thing_positions import thing_noun

pytestmark = pytest.mark.usefixtures("shipped_lists")

CONTEXT = CaseContext(
    Regime.SAR,
    (KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Alex Morgan",)),),
    ("Alex Morgan",),
)


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["Wilfred the llama bit a child", "Wilfred off his food again"], "Wilfred"),
        (["her old cat Mr Pickles is poorly", "Mr Pickles needs collecting"], "Mr Pickles"),
        (["T2 (the Fred Perry table) booked", "Fred Perry recovered"], "Fred Perry"),
        (["the Ransome stretch is flooded", "Ransome fishing well"], "Ransome"),
        (['new route "Jodie\'s Jump" 6a', "Jodie's Jump reset"], "Jodie's Jump"),
        (["the Duke of Clarence sign needs gold leaf", "the old Duke faded"], "Duke"),
        (["Hector and Lady Mabel (the Cobs) need shoes"], "Lady Mabel"),
        (["Hector and Lady Mabel (the Cobs) need shoes"], "Hector"),
        (["the goats Nutmeg and Pepper got out again"], "Pepper"),
        (["Stables: Rufus — owner Dana Kerr, pay on invoice"], "Rufus"),
        (['the "Ena Harkness" roses are in, 3 buckets'], "Ena Harkness"),
        (["the Ellis Bitter and the Dabinett trees need pruning"], "Ellis Bitter"),
    ],
)
def test_a_name_in_a_thing_position_and_no_person_position_is_a_thing(
    texts: list[str], name: str
) -> None:
    assert case_things(texts, [name]) == {name_key(name.removesuffix("'s"))}


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        # The same name as a person anywhere in the case keeps it everywhere.
        (["Wilfred the llama bit a child", "Wilfred said he'd call back"], "Wilfred"),
        (["Wilfred the llama bit a child", "Mr Wilfred rang"], "Wilfred"),
        (["Wilfred the llama bit a child", "Wilfred's mum is cross"], "Wilfred"),
        (["Wilfred the llama bit a child", "can you tell Wilfred"], "Wilfred"),
        (["Wilfred the llama bit a child", "Wilfred on 07700 900123"], "Wilfred"),
        (["Wilfred the llama bit a child", "Wilfred Price from the shop"], "Wilfred"),
        (["Wilfred the llama bit a child", "Wilfred: on my way"], "Wilfred"),
        (["the Ransome stretch is flooded", "Mrs Ransome rang"], "Ransome"),
        # A person noun beside the name makes it a person, never a thing.
        (["Wilfred the plumber is late"], "Wilfred"),
        (["our cleaner Wilfred is off"], "Wilfred"),
        (["Wilfred the cook is off", "our temp Wilfred starts Monday"], "Wilfred"),
        (["her son Wilfred is off"], "Wilfred"),
        # The shapes that look like it but name a person's own things.
        (["the Ransome family moved out"], "Ransome"),
        (["the Ransome case is closed"], "Ransome"),
        (["the late Wilfred was a good man"], "Wilfred"),
        # A place: a name is no thing when a message puts someone in it, nor a listed town
        # ("Walton") at all; an apostrophe is no closing quote.
        (["the Ransome stretch is flooded", "she lives in Ransome"], "Ransome"),
        (["the Walton stretch is flooded"], "Walton"),  # a listed town
        (["Mr Boateng came off on the towpath near Ransome"], "Ransome"),
        (['the group name is now "Dr Bucket\'s last stand"'], "Dr Bucket"),
        # A bracket or an owner that makes the name the person.
        (["Wilfred (the plumber) is late"], "Wilfred"),
        (["Wilfred and Tara (the twins) are in"], "Wilfred"),
        (["Wilfred (owner) signed the form"], "Wilfred"),
        (["Wilfred, owner of the cafe, rang"], "Wilfred"),
        (["the twins Nutmeg and Pepper are in"], "Pepper"),
        (["our cat Nutmeg and Pepper came round"], "Pepper"),
        # A full name beside a noun is a person's shape ("the new sweep").
        (["Wilfred Oakes, the new sweep, starts Monday"], "Wilfred Oakes"),
        # A plural after "the" is a verb left out ("Wilfred [doing] the villages").
        (["Tara doing the town, Wilfred the villages"], "Wilfred"),
        # A lower-case word is the word ("the bill came in"), not a thing's name.
        (["the bill came in", "bill rang"], "bill"),
        (["the bill came in"], "bill"),
    ],
)
def test_person_evidence_or_no_thing_position_keeps_the_name(texts: list[str], name: str) -> None:
    assert case_things(texts, [name]) == frozenset()


def test_a_name_known_to_the_case_is_never_a_thing() -> None:
    assert case_things(["Wilfred the llama"], ["Wilfred"], known={"wilfred"}) == frozenset()


def test_the_noun_decides_not_a_list_of_kinds() -> None:
    assert thing_noun("llama")
    assert thing_noun("table")
    assert thing_noun("stretch")
    assert not thing_noun("plumber")
    assert not thing_noun("florist")
    assert not thing_noun("nanny")
    assert not thing_noun("lovely")
    assert not thing_noun("came")
    assert not thing_noun("family", modified=True)
    assert thing_noun("sign", modified=True)


def test_analyze_all_drops_a_thing_name_across_the_case_and_keeps_people(
    fake_detector: InProcessDetector,
) -> None:
    items = [
        (MessageId(1), "Priya the alpaca spat at a walker"),
        (MessageId(2), "Priya off work today, keep the gate shut"),
        (MessageId(3), "Priya off work again"),
        # A person with a pet of another name keeps every mention.
        (MessageId(4), "Jo Bloggs brought her dog Rolo in"),
        (MessageId(5), "Jo Bloggs is late"),
    ]
    found = analyze_all(fake_detector, items, CONTEXT)
    people = {(int(f.message_id), f.text) for f in found if f.entity_type == "PERSON"}
    assert not any(text.startswith("Priya") for _m, text in people)
    assert (4, "Jo Bloggs") in people
    assert (5, "Jo Bloggs") in people


def test_analyze_all_keeps_a_thing_name_that_is_a_person_elsewhere(
    fake_detector: InProcessDetector,
) -> None:
    items = [
        (MessageId(1), "Priya the alpaca spat at a walker"),
        (MessageId(2), "Priya said she'd cover Saturday"),
        (MessageId(3), "Priya off work again"),
    ]
    found = analyze_all(fake_detector, items, CONTEXT)
    ids = {int(f.message_id) for f in found if f.entity_type == "PERSON" and "Priya" in f.text}
    assert {2, 3} <= ids


def test_a_name_is_matched_as_whole_words_in_any_case_and_spelling() -> None:
    # "Neill" inside "O'Neill" is not the name; "zoë" in lower case is "Zoe" and a person.
    assert case_things(["the Neill table", "Mrs O'Neill rang"], ["Neill"]) == {"neill"}
    assert case_things(["the Zoe stretch", "tell zoë"], ["Zoe"]) == frozenset()
