"""Round-23 address and town shapes (issue 15): rare street words, lower-case "the" streets,
numbered sites after place verbs, tallies, arrow routes, towns after "left".

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.lane_words import in_tally, is_cue, lower_the_streets
from sar_desk.detect.recognizers.route_towns import route_town_spans
from sar_desk.detect.recognizers.site_streets import site_streets
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.recognizers.unlisted_towns import unlisted_town_spans

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _streets(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in StreetAddressRecognizer().noted_spans(text)]


def _sites(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in site_streets(text)]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("parcel for Ona Brisk, 17 Cooper's Alley, then the depot", "17 Cooper's Alley"),
        ("member since May: 8b Quarrymen Pitch, Thornwick", "8b Quarrymen Pitch"),
        ("new tenant at flat 3, 41 tanners snicket, bring keys", "flat 3, 41 tanners snicket"),
        ("drop the form to 6 Weavers Ope, ta", "6 Weavers Ope"),
        ("her card says 12 Windmill Tump", "12 Windmill Tump"),
        ("invoice to 90 dyers ginnel, holmbrook", "90 dyers ginnel"),
    ],
)
def test_rare_street_words_end_an_address(text: str, street: str) -> None:
    assert any(found.startswith(street) for found in _streets(text))


def test_a_food_bank_count_is_no_street() -> None:
    assert _streets("gave 10 Food Bank vouchers out today") == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("adress 27 the hollies, westbury", "27 the hollies"),
        ("cheque went to 14 the sidings, ta", "14 the sidings"),
    ],
)
def test_lower_case_the_streets_after_a_cue(text: str, street: str) -> None:
    assert [text[s:e] for s, e, *_ in lower_the_streets(text)] == [street]


@pytest.mark.parametrize(
    "text", ["back at 5 the latest, promise", "turn to 3 the other way", "page 12 the index,"]
)
def test_hours_and_pages_before_the_are_no_streets(text: str) -> None:
    assert lower_the_streets(text) == []


def test_a_cue_with_a_swap_or_a_dropped_letter_is_read() -> None:
    cues = frozenset({"address", "arrived"})
    assert is_cue("adrdess", cues)
    assert is_cue("arrvied", cues)
    assert is_cue("adress", cues)
    assert not is_cue("dresser", cues)
    assert not is_cue("form", frozenset({"from"}))


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("09:10 reached 44 Boat Shed, 09:40 left", "44 Boat Shed"),
        ("seen entering 7 Paint Store with the courier", "7 Paint Store"),
        ("crates stacked in 30 Bench 6", "30 Bench 6"),
        ("stretcher from 5 Hangar C 11:05", "5 Hangar C"),
        ("the fence past 81 Upper Lawn is down", "81 Upper Lawn"),
        ("the clamps on 16 Glaze Room are loose", "16 Glaze Room"),
        ("the van arrvied 58 Sail Loft, late", "58 Sail Loft"),
        ("parcel left outside 3 Pattern Bay.", "3 Pattern Bay"),
    ],
)
def test_numbered_sites_after_a_place_verb(text: str, site: str) -> None:
    assert _sites(text) == [site]


@pytest.mark.parametrize(
    "text",
    [
        "we all fit in 1 room.",
        "back in 10 minutes",
        "looking at a 2 bedroom house.",
        "parked at 3 bay.",
        "on 2 bench.",
        "Bench 2 is free",
        "on 4 shifts this week, in 2 rooms",
    ],
)
def test_counts_are_no_sites(text: str) -> None:
    assert _sites(text) == []


def test_a_tally_is_no_address() -> None:
    text = "trap round: 31 new, 7 retrapped"
    assert in_tally(text, text.index("7 r"), len(text))
    assert _streets(text) == []


def test_route_stops_beside_a_listed_town_are_places() -> None:
    gaz = gazetteer.current()
    text = "drop-offs: Leeds → Quistbury → Hallowmere, driver Pim"
    assert [text[s:e] for s, e, *_ in route_town_spans(text, gaz)] == ["Quistbury", "Hallowmere"]


@pytest.mark.parametrize(
    "text",
    [
        "rota: Ann → Bo → Cy",  # people, no listed place
        "status: draft → review → Leeds",  # lower-case words in a capitalised route
        "tea → coffee → leeds",  # everyday words in a lower-case route
    ],
)
def test_routes_of_people_or_words_give_no_towns(text: str) -> None:
    assert route_town_spans(text, gazetteer.current()) == []


@pytest.mark.parametrize(
    "text", ["lives at 4 Elm Close, Thanks.", "lives at 4 Elm Close, Thanks\nok see you"]
)
def test_an_english_word_after_a_street_stays_a_word(text: str) -> None:
    assert _streets(text) == ["4 Elm Close"]


def test_a_route_of_unknown_capitalised_stops_is_places() -> None:
    text = "round today: Quistbury → Hallowmere → Brackwick, back by six"
    spans = route_town_spans(text, gazetteer.current())
    assert [text[s:e] for s, e, *_ in spans] == ["Quistbury", "Hallowmere", "Brackwick"]


@pytest.mark.parametrize("text", ["Draft → Review → Done", "Zoom → Teams", "Okafor → Lee → Smith"])
def test_a_chain_of_words_products_or_surnames_is_no_route(text: str) -> None:
    assert route_town_spans(text, gazetteer.current()) == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("courier left Quistbury, 14:10 at the depot", "Quistbury"),
        ("van leaving Hallowmere.", "Hallowmere"),
    ],
)
def test_left_and_leaving_place_an_unlisted_town(text: str, town: str) -> None:
    spans = unlisted_town_spans(text, gazetteer.current())
    assert [text[s:e] for s, e, *_ in spans] == [town]


@pytest.mark.parametrize(
    "text",
    [
        "I left Sarah, she was fine",
        "we left Okafor, then",
        "left Accounts, sadly",
        "booked via Quistbury — Ann",
    ],
)
def test_left_before_a_person_or_a_word_is_no_town(text: str) -> None:
    assert unlisted_town_spans(text, gazetteer.current()) == []
