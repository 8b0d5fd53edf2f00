"""Conversation titles are scanned once per conversation, with the recognisers and deny-list."""

from __future__ import annotations

from dataclasses import replace

from sar_desk.core.findings import ProposalField
from sar_desk.core.model import ConversationId, MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all, analyze_batch
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.titles import title_carriers
from tests.unit.detect.test_structure import ALEX, message

RUTH = KnownPerson(PersonId(3), PersonRole.THIRD_PARTY, names=("Ruth Okoro",))
CONTEXT = CaseContext(Regime.SAR, (ALEX, RUTH), ("Alex Morgan",), region="GB")


def _titles(found):  # type: ignore[no-untyped-def]
    return [
        (int(f.message_id), f.text, f.entity_type, f.start)
        for f in found
        if f.field == "conversation"
    ]


def test_a_known_name_in_a_channel_title_is_proposed_as_written(
    fake_detector: InProcessDetector,
) -> None:
    msg = message("Any news?", conversation="#ruth-okoro-case")
    found = analyze_batch(
        fake_detector, [(msg.id, msg.text)], CONTEXT, messages=[msg], titles=[msg]
    )
    assert _titles(found) == [(7, "ruth-okoro", "PERSON", None)]
    title = next(f for f in found if f.field == ProposalField.CONVERSATION)
    assert title.person_id == PersonId(3)


def test_ner_and_number_recognisers_read_titles_and_the_requester_is_left_alone(
    fake_detector: InProcessDetector,
) -> None:
    msg = message("ok", conversation="Alex Morgan, Jo Bloggs and 07700 900123")
    found = analyze_batch(
        fake_detector, [(msg.id, msg.text)], CONTEXT, messages=[msg], titles=[msg]
    )
    texts = {(t, e) for _m, t, e, _s in _titles(found)}
    assert ("Jo Bloggs", "PERSON") in texts
    assert ("07700 900123", "PHONE_NUMBER") in texts
    assert not any("Alex" in t for t, _e in texts)  # the requester's own name (SAR)


def test_without_carriers_titles_are_not_scanned(fake_detector: InProcessDetector) -> None:
    msg = message("Any news?", conversation="#ruth-okoro-case")
    assert (
        _titles(analyze_batch(fake_detector, [(msg.id, msg.text)], CONTEXT, messages=[msg])) == []
    )


def test_one_carrier_per_conversation_preferring_a_disclosed_message() -> None:
    a1 = message(id=MessageId(1))
    a2 = message(id=MessageId(2))
    b1 = message(id=MessageId(3), conversation_id=ConversationId(2), conversation="#b")
    blank = message(id=MessageId(4), conversation_id=ConversationId(3), conversation=" ")
    done: set[ConversationId] = set()
    chosen = title_carriers([a1, a2, b1, blank], done, preferred={2})
    assert [int(m.id) for m in chosen] == [2, 3]
    assert done == {ConversationId(1), ConversationId(2)}
    assert title_carriers([replace(a1, id=MessageId(9))], done) == []  # already scanned


def test_analyze_all_proposes_each_title_once(fake_detector: InProcessDetector) -> None:
    msgs = [
        message(f"note {i}", id=MessageId(i), conversation="#ruth-okoro-case") for i in (1, 2, 3)
    ]
    found = analyze_all(fake_detector, [(m.id, m.text) for m in msgs], CONTEXT, 2, messages=msgs)
    assert _titles(found) == [(1, "ruth-okoro", "PERSON", None)]
