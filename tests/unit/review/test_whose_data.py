"""Issue 13 item 2: para 16 only for another individual's data; ``default`` per item.

DPA 2018 Sch 2 Pt 3 para 16(1) covers "information relating to another individual"; the
requester's own data is never withheld under it (UK GDPR Art. 15). Mixed data goes through
the para 16(2)-(3) balancing record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import BadInputError
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, MessageId, Regime
from sar_desk.review.bulk import BulkSelection
from sar_desk.review.subjects import Whose
from sar_desk.review.thirdparty import ThirdPartyDecision, ThirdPartyRecord
from sar_desk.store.findings import save_findings

CHAT = (
    "03/02/2026, 10:05 - Kim Dalby: Thanks Robin, I've noted 27 Quarry Bank on your file.\n"
    "03/02/2026, 10:06 - Kim Dalby: Glenda Pike rang; her number is 07700 900321.\n"
    "03/02/2026, 10:07 - Kim Dalby: Parcel left at 5 Mill Lane.\n"
)
SPANS = [
    (1, "27 Quarry Bank", "STREET_ADDRESS"),
    (2, "Glenda Pike", "PERSON"),
    (2, "07700 900321", "PHONE_NUMBER"),
    (3, "5 Mill Lane", "STREET_ADDRESS"),
]


@pytest.fixture
def case(tmp_path: Path):
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    record = Case(
        "SAR-WHOSE-1",
        Regime.SAR,
        __import__("datetime").date(2026, 5, 5),
        "Robin Ashby",
        ("Robin",),
    )
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    run_job(session.ingest.import_files([chat], day_first=True), lambda _p: None)
    lines = CHAT.splitlines()
    found = []
    for mid, value, entity in SPANS:
        text = lines[mid - 1].split(": ", 1)[1]
        start = text.index(value)
        found.append(
            Finding(
                MessageId(mid),
                ProposalField.TEXT,
                start,
                start + len(value),
                value,
                entity,
                0.9,
                "test",
            )
        )
    with session.store.transaction() as conn:
        save_findings(conn, found)
    yield session
    session.close()


def ids(session: CaseSession) -> dict[str, int]:
    return {v.text: v.item.id for v in session.review.review_items()}


def test_default_resolves_per_item_and_reports_refusals(case: CaseSession) -> None:
    result = case.review.bulk_decide(
        BulkSelection(everything=True), Action.ACCEPT, code="default", rationale="Third party"
    )
    item = ids(case)
    assert sorted(result.plan.targets) == sorted([item["Glenda Pike"], item["07700 900321"]])
    refused = dict(result.plan.refused)
    assert "requester's own data" in refused[item["27 Quarry Bank"]]
    assert "not linked to another individual" in refused[item["5 Mill Lane"]]
    assert any("left undecided" in line for line in result.plan.skipped_lines())
    codes = {v.text: v.state.code for v in case.review.review_items()}
    assert codes["07700 900321"] == "SAR-3P"  # linked to Glenda Pike, named just before it
    assert codes["27 Quarry Bank"] is None


def test_an_explicit_third_party_code_on_the_requesters_data_is_refused(case: CaseSession) -> None:
    own = ids(case)["27 Quarry Bank"]
    with pytest.raises(BadInputError, match="requester's own data"):
        case.review.decide([own], Action.ACCEPT, code="SAR-3P", rationale="x")
    assert case.subjects.item_subjects([own])[own].whose is Whose.REQUESTER


def test_a_confirmed_other_individual_can_take_para_16(case: CaseSession) -> None:
    unlinked = ids(case)["5 Mill Lane"]
    with pytest.raises(BadInputError, match="not linked"):
        case.review.decide([unlinked], Action.ACCEPT, code="default", rationale="x")
    case.subjects.link_items([unlinked], other_individual=True, reason="A neighbour's address")
    [view] = case.review.decide([unlinked], Action.ACCEPT, code="default", rationale="Neighbour")
    assert (view.status, view.state.code) == (ReviewStatus.ACCEPTED, "SAR-3P")
    entry = case.review.audit_entries("review-link")[-1]
    assert entry.details["other_individual"] is True
    assert "Mill" not in str(entry.details)


def test_mixed_data_needs_the_para_16_balancing_record(case: CaseSession) -> None:
    shared = ids(case)["27 Quarry Bank"]
    case.subjects.link_items([shared], other_individual=True, reason="Shared with the lodger")
    assert case.subjects.item_subjects([shared])[shared].whose is Whose.MIXED
    with pytest.raises(BadInputError, match="balancing"):
        case.review.decide([shared], Action.ACCEPT, code="default", rationale="x")
    party = case.subjects.item_subjects([shared])[shared].party
    assert party == f"item {shared}"
    case.review.record_third_party(
        ThirdPartyRecord(party=party, decision=ThirdPartyDecision.DISCLOSE, reasons="Known")
    )
    with pytest.raises(BadInputError, match="says disclose"):
        case.review.decide([shared], Action.ACCEPT, code="default", rationale="x")
    case.review.record_third_party(
        ThirdPartyRecord(party=party, decision=ThirdPartyDecision.REDACT, reasons="Refused")
    )
    [view] = case.review.decide([shared], Action.ACCEPT, code="default", rationale="Lodger's too")
    assert view.state.code == "SAR-3P"
