"""A given name that is also a word of another language spreads from a full name (round 19).

"hafiz" is a word of the Urdu farewell "khuda hafiz", so alone it is never a name; written
before a family name no list has ("Hafiz Kiggundu") it is that person's given name, and the
case's other mentions of it ("Hafiz says") are the same person. A courtesy or greeting that
opens a message before a name ("Salaam Kiggundu", "Diolch Kiggundu") stays out. A given name
before a family name with a particle ("Balwinder de Gruchy") spreads the same way.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.spread_names import propagation_names
from sar_desk.detect.spread_seeds import seed_items


@pytest.mark.usefixtures("shipped_lists")
def test_a_foreign_word_before_an_unlisted_family_name_spreads_as_a_given_name() -> None:
    names = propagation_names(seed_items([(1, "Hafiz Kiggundu", "manager ")]))
    assert {"Hafiz", "Hafiz Kiggundu", "Kiggundu"} <= set(names)


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("seed", "before"),
    [
        ("Salaam Kiggundu", ""),  # opens the message: a greeting and a name
        ("Salaam Kiggundu", "ok. "),
        ("Diolch Kiggundu", "ok so "),  # a courtesy on its own, wherever it stands
        ("Namaste Kiggundu", "and "),
        ("Hafiz Sian", "manager "),  # a listed given name last: greeting and addressee
        ("Khuda Hafiz", "manager "),  # the farewell itself
    ],
)
def test_greetings_before_a_name_do_not_spread_the_greeting(seed: str, before: str) -> None:
    names = propagation_names(seed_items([(1, seed, before)]))
    assert seed.split()[0] not in names


def test_the_given_name_is_found_in_the_case_but_the_farewell_is_not(
    real_detector: InProcessDetector,
) -> None:
    texts = [
        "agency lad Hafiz Kiggundu started on the chill today",
        "Hafiz says the van is fixed",
        "Khuda hafiz, see you Monday",
    ]
    items = [(MessageId(i + 1), t) for i, t in enumerate(texts)]
    found = analyze_all(real_detector, items, CaseContext(Regime.SAR))
    people = {(int(f.message_id), f.text) for f in found if f.entity_type == "PERSON"}
    assert (2, "Hafiz") in people
    assert not [f for f in found if int(f.message_id) == 3]


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("seed", "given"),
    [("Balwinder de Gruchy", "Balwinder"), ("Sanduni Ruiz de Alda", "Sanduni")],
)
def test_a_given_name_before_a_family_name_with_a_particle_spreads(seed: str, given: str) -> None:
    names = propagation_names(seed_items([(1, seed, "ask ")]))
    assert given in names
    assert not {"De", "de"} & set(names)


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize("seed", ["Hotel du Vin", "Sales de la Cruz", "Café de Paris"])
def test_a_word_before_a_particle_is_no_given_name(seed: str) -> None:
    names = propagation_names(seed_items([(1, seed, "at ")]))
    assert seed.split()[0] not in names
