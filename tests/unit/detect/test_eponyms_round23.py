"""Round-23 things named after people (issue 15): conditions, laws, knots, dishes and pubs.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
Each family has its person-safe counterpart: the same name used of a person stays a person.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.eponym_fare import named_dish, pub_name
from sar_desk.detect.eponym_kinds import medical_eponym, named_knot, named_law
from sar_desk.detect.not_people import never_person, without_things
from tests.unit.detect.conftest import bounds

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the home says Mum's Alzheimer's has got worse, GP visiting Monday", "Alzheimer"),
        ("Fenwick's uncle was diagnosed with Huntington's in the spring", "Huntington"),
        ("her Hashimoto's is under control, medication reviewed", "Hashimoto"),
        ("he lives with Tourette's and may shout out, please be patient", "Tourette"),
        ("off sick again, her Graves' disease is flaring", "Graves"),
        ("Perthes' disease in one hip, hospital Tuesday", "Perthes"),
        ("our driver has Addison's disease and carries an emergency injection", "Addison"),
        ("her grandson has Asperger syndrome and hates loud rooms", "Asperger"),
        ("Kessler's syndrome is rare, the consultant said", "Kessler"),
        ("she has bell's palsy and can't close one eye", "bell"),
        ("volunteer note: has Sjögren's, needs water breaks", "Sjögren"),
    ],
)
def test_a_condition_named_after_someone_is_a_condition(text: str, name: str) -> None:
    assert medical_eponym(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr Bell has palsy on one side and is off this week", "Bell"),
        ("Dr Parkinson's clinic moved to Thursdays", "Parkinson"),
        ("Bell's car is blocking the ambulance bay, ask him to move it", "Bell"),
        ("ring Wilson's number, she has the medication list", "Wilson"),
        ("Still has the keys to the store, ask him", "Still"),
        ("Priya's fracture is healing, back at work in May", "Priya"),
        ("went round to Addison's after the shift", "Addison"),
        ("Nurse Crohn's rota is on the board", "Crohn"),
    ],
)
def test_a_person_near_a_condition_stays_a_person(text: str, name: str) -> None:
    assert not medical_eponym(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("refresher on Sarah's Law for the new volunteers", "Sarah's Law"),
        ("has anyone done the Owain's Law e-learning yet?", "Owain"),
        ("sod's law the van broke down on the bridge", "sod"),
        ("Murphy's Law: the printer jams on deadline day", "Murphy"),
        ("the Lowri's Scheme disclosure came back clear", "Lowri"),
        ("classic Dunning-Kruger... no, the Streisand effect", "Streisand"),
        ("first aid refresher covered the Heimlich manoeuvre", "Heimlich"),
        ("she is 15 and Gillick competent, so we asked her directly", "Gillick"),
        ("copy to the Caldicott Guardian before release", "Caldicott"),
    ],
)
def test_a_law_or_scheme_named_after_someone_is_a_law(text: str, name: str) -> None:
    assert named_law(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tom's rule is no phones at the table", "Tom"),
        ("Carys's law degree starts in September", "Carys"),
        ("Ffion's Act 2 costume needs taking in", "Ffion"),
        ("Mr Lowri's Scheme of work is on the drive", "Lowri"),
        ("Fraser Hughes will review the file", "Fraser Hughes"),
    ],
)
def test_a_person_near_a_law_word_stays_a_person(text: str, name: str) -> None:
    assert not named_law(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("back it up with a Klemheist knot on the tail", "Klemheist"),
        ("use a Prusik loop as the backup, not a bare sling", "Prusik"),
        ("she tied a Farrimond hitch on the guy line", "Farrimond"),
        ("finish the lanyard with a Blake's hitch", "Blake"),
        ("Munter hitch on the HMS krab, then lower her", "Munter"),
        ("whip the end, then a Matthew Walker on the bell rope", "Matthew Walker"),
        ("an ashley stopper at the end of the rope please", "ashley"),
        ("she backed the rope up with a Bachmann", "Bachmann"),
        ("with a Klemheist as the backup", "Klemheist"),
    ],
)
def test_a_knot_named_after_someone_is_a_knot(text: str, name: str) -> None:
    assert named_knot(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dan can loop back to the client on Friday", "Dan"),
        ("Blake's knot came undone again on the hoist", "Blake"),
        ("there's a Matthew Walker at reception asking for you", "Matthew Walker"),
        ("Ashley will hitch the trailer after lunch", "Ashley"),
        ("ask Mrs Munter hitch or no hitch", "Munter"),
    ],
)
def test_a_person_near_a_knot_word_stays_a_person(text: str, name: str) -> None:
    assert not named_knot(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sunday lunch: salmon Wellington or mushroom Wellington", "Wellington"),
        ("Sunday lunch: salmon Wellington or mushroom Wellington", "salmon Wellington"),
        ("specials board: steak Diane, sole Véronique, lobster Thermidor", "Diane"),
        ("specials board: steak Diane, sole Véronique, lobster Thermidor", "Véronique"),
        ("brunch menu has eggs Benedict and eggs Florentine", "Benedict"),
        ("crêpes Suzette for pudding at the Burns night", "Suzette"),
        ("bring a Victoria sandwich or a lemon drizzle to the stall", "Victoria"),
        ("prawn cocktail with Marie Rose sauce, then the roast", "Marie Rose"),
        ("cake stall: Battenberg, flapjack / Lamington / rock cakes", "Lamington"),
        ("the Garibaldi biscuits are out of date", "Garibaldi"),
        ("Eton mess and eggs Royale are off the menu", "Eton"),
        ("Eton mess and eggs Royale are off the menu", "Royale"),
        ("the Earl Grey is stewed, make a fresh one", "Earl Grey"),
    ],
)
def test_a_dish_named_after_someone_is_a_dish(text: str, name: str) -> None:
    assert named_dish(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("can you get the fish Tom", "Tom"),
        ("make Sam toast before school", "Sam"),
        ("chicken Benedict? no, ask Benedict what he wants", "Benedict"),
        ("Victoria will bring the sponge and the scones", "Victoria"),
        ("Mrs Garibaldi ordered the cake", "Garibaldi"),
        ("the steak Carys cooked was lovely", "Carys"),
    ],
)
def test_a_person_near_food_stays_a_person(text: str, name: str) -> None:
    assert not named_dish(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Christmas do at the Earl of Derby, pint on me", "Earl of Derby"),
        ("Christmas do at the Earl of Derby, pint on me", "Derby"),
        ("meet outside the Prince Albert at half six", "Prince Albert"),
        ("the quiz at the General Elliot is Tuesdays now", "General Elliot"),
        ("darts team lost to the Duke again", "Duke"),
        ("taxi back from the Bishop Blaize, 11pm", "Bishop Blaize"),
        ("we booked the function room at the Cavendish Arms", "Cavendish"),
        ("the Saracen's Head has a beer garden", "Saracen"),
        ("landlord of the Tolliver says the cellar flooded", "Tolliver"),
        ("after the match we went down the Pengelly for one", "Pengelly"),
        ("meet at the Tolliver at 7 for the leaving do", "Tolliver"),
        ("the lord nelson does a quiz on thursdays", "nelson"),
        ("the Admiral Hardy reopens after the refurb on Friday", "Admiral Hardy"),
        ("Duke of Clarence pub quiz moved to Wednesday", "Clarence"),
    ],
)
def test_a_pub_named_after_someone_is_a_pub(text: str, name: str) -> None:
    assert pub_name(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("meet Duke at the pub at 8", "Duke"),
        ("a letter to the Duke of Kent about the visit", "Duke of Kent"),
        ("the Earl of Derby's visit is on the calendar", "Earl of Derby"),
        ("the Hendersons are down the pub again", "Hendersons"),
        ("pint with Gethin at the Cavendish Arms", "Gethin"),
        ("landlord of the Pengelly family pub is Ruairi Pengelly", "Ruairi Pengelly"),
        ("the Mrs Tolliver Head of Year letter", "Mrs Tolliver"),
        ("I saw the Duke of Clarence on the news", "Duke of Clarence"),
        ("Dave pub later? ask Sir Anwen", "Dave"),
        ("meet at the Tolliver house at 7", "Tolliver"),
    ],
)
def test_a_person_near_a_pub_stays_a_person(text: str, name: str) -> None:
    assert not pub_name(text, *bounds(text, name))


def test_a_place_in_a_dish_or_a_pub_is_no_place() -> None:
    """A LOCATION guess inside a dish or a pub sign is dropped; a real town stays."""
    from sar_desk.core.findings import Finding, ProposalField
    from sar_desk.core.model import MessageId, Regime
    from sar_desk.detect.case_terms import CaseContext

    text = "beef Wellington at the Marquis of Exeter, then home to Wellington"

    def loc(name: str, nth: int = 0) -> Finding:
        start = text.index(name) if nth == 0 else text.rindex(name)
        return Finding(
            message_id=MessageId(1),
            field=ProposalField.TEXT,
            entity_type="LOCATION",
            start=start,
            end=start + len(name),
            text=name,
            score=0.85,
            recognizer="SpacyRecognizer",
        )

    kept = without_things(
        text,
        [loc("Wellington"), loc("Exeter"), loc("Wellington", 1)],
        CaseContext(Regime.SAR, (), ()),
    )
    assert [f.start for f in kept] == [text.rindex("Wellington")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("see you at the Harwich jobs fair, bring the banner", "Harwich"),
        ("we walked down the Strand to the office", "Strand"),
    ],
)
def test_a_place_after_a_pub_word_outside_a_pub_message_stays(text: str, name: str) -> None:
    from sar_desk.detect.not_people import _thing

    assert not _thing(text, "LOCATION", *bounds(text, name))
