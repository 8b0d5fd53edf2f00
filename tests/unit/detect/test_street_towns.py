"""The town written after a street runs into the street's span, though no list has it."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer


def streets(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in StreetAddressRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cottage at 42 Glebe Croft, Zarnwick: owner wants", ["42 Glebe Croft, Zarnwick"]),
        ("on 215 pendle view, zarnwick", ["215 pendle view, zarnwick"]),
        ("9 mill lane, zarnwick ll41 4rt", ["9 mill lane, zarnwick"]),
        ("12 Mill Road, Zarnwick upon Tyll — text first", ["12 Mill Road, Zarnwick upon Tyll"]),
    ],
)
def test_unlisted_town_after_a_street(text: str, expected: list[str], shipped_lists: None) -> None:
    assert streets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("letter to 12 Mill Road, Siobhan: fine", ["12 Mill Road"]),  # a given name
        ("sent to 4 Elm Close, Thanks.", ["4 Elm Close"]),  # everyday English
        ("at 12 Mill Road, Tuesday: fine", ["12 Mill Road"]),  # a day
        ("flat 2, 9 mill lane, thanks!", ["flat 2, 9 mill lane"]),  # lower-case English
        ("at 12 Mill Road, Zarnwick said no", ["12 Mill Road"]),  # not closed: a clause
    ],
)
def test_what_is_not_a_town_slot(text: str, expected: list[str], shipped_lists: None) -> None:
    assert streets(text) == expected


def test_chat_words_after_a_street_are_no_town(shipped_lists: None) -> None:
    assert streets("post for 9 st anne's close, ok") == ["9 st anne's close"]
    assert streets("post for 9 St Anne's Close, Ta.") == ["9 St Anne's Close"]
    assert streets("post for 9 mill lane, cheers") == ["9 mill lane"]
