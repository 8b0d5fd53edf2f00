"""Round-22 speed changes keep every answer: per-text caches, remembered checks, rule gates.

Phrases written for these tests; names and numbers are invented.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sar_desk.core.model import ConversationId, Message, MessageId, MessageKind, PersonId
from sar_desk.detect.allow_list import RequesterAllowList
from sar_desk.detect.famous_things import famous_thing
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer
from tests.unit.detect.conftest import bounds

pytestmark = pytest.mark.usefixtures("shipped_lists")


def test_famous_things_are_read_from_each_text_not_the_last_one() -> None:
    loco = "the Flying Scotsman loco is on the heritage line"
    person = "the Flying Scotsman told us he is on the rota now"  # no rail word: a nickname
    assert famous_thing(loco, *bounds(loco, "Flying Scotsman"))
    assert not famous_thing(person, *bounds(person, "Flying Scotsman"))
    assert famous_thing(loco, *bounds(loco, "Flying Scotsman"))


def _message(sender: str) -> Message:
    return Message(
        MessageId(1),
        ConversationId(1),
        "Rota",
        "whatsapp",
        sender,
        None,
        datetime(2026, 2, 3, 10, 0, tzinfo=UTC),
        MessageKind.MESSAGE,
        "see you at 9",
    )


def test_a_remembered_sender_is_remembered_per_requester() -> None:
    def allow(name: str) -> RequesterAllowList:
        return RequesterAllowList(
            frozenset({name}), frozenset(), frozenset(), frozenset({PersonId(1)})
        )

    wren, ames = allow("quilla wren"), allow("odo ames")
    for _ in range(2):  # the second round is answered from memory
        assert wren.sent(_message("Quilla Wren"))
        assert not ames.sent(_message("Quilla Wren"))
        assert ames.sent(_message("Odo Ames"))
        assert not wren.sent(_message("Quilla"))  # a bare given name is not enough


# Texts where the gated rules' own patterns match (the validators decide the rest).
_MATCHED = [
    "see you at the depot - marek x",
    "ta for the lift – Juno",
    "on my way — bexley",
    "cheers ~ odo xx",
    "Lily-Grace and Kenzie-May are off today",
    "Kit's NI on the agency sheet: QW-41-08-33-C",
    "printed as qw.41.08.33.c on the old form",
    "number JT/55/90/21/B from the letter",
    # Every join of `digit_joins`, not only the three marks the pairs once took.
    "sheet row: QW~41~08~33~C",
    "pasted cell qw|41|08|33|c",
    "form field JT_55_90_21_B",
]


@pytest.mark.parametrize("recognizer", [NicknameRecognizer, NinoCueRecognizer])
@pytest.mark.parametrize("text", _MATCHED)
def test_a_rule_gate_holds_wherever_its_rule_matches(
    recognizer: type[RuleRecognizer], text: str
) -> None:
    for rule in recognizer.RULES:
        if rule.needs is not None and rule.regex.search(text) is not None:
            assert rule.needs.search(text) is not None, (rule.name, text)


def test_gated_rules_still_find_their_values() -> None:
    nino = NinoCueRecognizer()
    text = "Kit's NI on the agency sheet: QW-41-08-33-C"
    assert (*bounds(text, "QW-41-08-33-C"), "UK_NINO") in [s[:3] for s in nino.noted_spans(text)]
    names = NicknameRecognizer()
    text = "Lily-Grace and Kenzie-May are off today"
    found = {text[s:e] for s, e, *_rest in names.noted_spans(text)}
    assert {"Lily-Grace", "Kenzie-May"} <= found
