"""The spread pass skips hits `settle` can do nothing with, and stores exactly the same."""

from __future__ import annotations

import pytest

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect import propagate
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.propagate import PROPAGATED, settle, settled_spans, spread_hits

CONTEXT = CaseContext(Regime.SAR).with_propagated(["Quorvane Tillotson", "Quorvane"])


def _at(
    mid: int, text: str, value: str, entity: str = "PERSON", field: str = "text", nth: int = 0
) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(
        MessageId(mid),
        ProposalField(field),
        start,
        start + len(value),
        value,
        entity,
        0.85,
        "SpacyRecognizer",
    )


TEXTS = {
    1: "Quorvane Tillotson rang about the rota",  # proposed whole by the scan: settled
    2: "Quorvane said Quorvane rang twice",  # one proposed, one taken for a place
    3: "ask Quorvane Tillotson again",  # only part proposed: the rest is still added
    4: "Quorvane Tillotson and Quorvane",  # the first overlapped by a phone-ish finding
    5: "nothing here",
    6: "the Quorvane trophy is back",  # a thing here, but the scan proposed it anyway
}
EXISTING = [
    _at(1, TEXTS[1], "Quorvane Tillotson"),
    _at(2, TEXTS[2], "Quorvane"),
    _at(2, TEXTS[2], "Quorvane", "LOCATION", nth=1),
    _at(3, TEXTS[3], "Quorvane"),
    _at(4, TEXTS[4], "Quorvane Tillotson"),
    _at(4, TEXTS[4], "Tillotson", "UK_NINO"),
    _at(6, TEXTS[6], "Quorvane"),
]


def test_only_a_person_proposal_nothing_else_overlaps_is_settled() -> None:
    elsewhere = _at(5, "x Quorvane", "Quorvane", field="attachment")
    found = settled_spans([*EXISTING, elsewhere])
    assert found == {
        1: frozenset({(0, 18)}),
        2: frozenset({(0, 8)}),
        3: frozenset({(4, 12)}),
        6: frozenset({(4, 12)}),
    }


def test_the_spread_pass_stores_the_same_with_settled_hits_skipped() -> None:
    items = [(MessageId(i), t) for i, t in TEXTS.items()]
    full = settle(spread_hits(items, CONTEXT), CONTEXT, EXISTING)
    skipped = spread_hits(items, CONTEXT, settled=settled_spans(EXISTING))
    quick = settle(skipped, CONTEXT, EXISTING)
    assert quick.new == full.new
    assert quick.relabelled == full.relabelled
    # The checks are meaningful: something is added, something relabelled, something skipped.
    assert {(int(f.message_id), f.text) for f in full.new} >= {(3, "Tillotson")}
    assert [(int(o.message_id), n.entity_type) for o, n in full.relabelled] == [(2, "PERSON")]
    assert (0, 18) not in {(f.start, f.end) for f in skipped.get(1, [])}


def test_settled_hits_never_reach_the_thing_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[int, int]] = []

    def blocked(text: str, start: int, end: int) -> bool:
        asked.append((start, end))
        return False

    monkeypatch.setattr(propagate, "spread_blocked", blocked)
    text = TEXTS[1]
    spread_hits([(MessageId(1), text)], CONTEXT, settled=settled_spans(EXISTING[:1]))
    assert (0, 18) not in asked
    asked.clear()
    spread_hits([(MessageId(1), text)], CONTEXT)
    assert (0, 18) in asked
    assert all(f.recognizer == PROPAGATED for f in spread_hits([(MessageId(1), text)], CONTEXT)[1])
