"""Closing, holding and releasing a case; retention from the profile; the list of cases due."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sar_desk.app import cases_due, lifecycle
from sar_desk.app.organisation import update_profile
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import BadInputError, PermissionDeniedError
from sar_desk.core.model import Case, Regime
from sar_desk.core.retention import DisposalState, Period
from sar_desk.review.roles import Role

TODAY = date(2026, 9, 1)


def test_close_starts_retention_and_is_audited(session: CaseSession) -> None:
    position = lifecycle.close_case(session, date(2026, 6, 30), today=TODAY)
    assert position.state is DisposalState.RETAINED
    assert position.retain_until == date(2027, 6, 30)  # SAR default: one year
    (entry,) = session.review.audit_entries("case-closed")
    assert entry.user == "officer"
    assert entry.details["closed_on"] == "2026-06-30"
    assert entry.details["retain_until"] == "2027-06-30"
    assert not session.review.verify_audit()
    # Closing again corrects the date; the audit keeps the earlier one.
    lifecycle.close_case(session, date(2026, 7, 1), today=TODAY)
    assert (
        session.review.audit_entries("case-closed")[-1].details["previous_closed_on"]
        == "2026-06-30"
    )
    assert lifecycle.lifecycle(session).closed_on == date(2026, 7, 1)


@pytest.mark.parametrize(
    ("closed_on", "words"), [(date(2026, 9, 2), "future"), (date(2026, 5, 4), "before")]
)
def test_close_refuses_impossible_dates(session: CaseSession, closed_on: date, words: str) -> None:
    with pytest.raises(BadInputError, match=words):
        lifecycle.close_case(session, closed_on, today=TODAY)
    assert lifecycle.lifecycle(session).closed_on is None
    assert not session.review.audit_entries("case-closed")


def test_hold_and_release_keep_their_reasons_out_of_the_audit_details(
    session: CaseSession,
) -> None:
    lifecycle.close_case(session, date(2026, 6, 30), today=TODAY)
    hold = lifecycle.place_hold(session, "Complaint to the ICO about Jo Planted", today=TODAY)
    assert lifecycle.disposal_position(session, date(2030, 1, 1)).state is DisposalState.ON_HOLD
    with pytest.raises(BadInputError, match="already on hold"):
        lifecycle.place_hold(session, "Again", today=TODAY)
    released = lifecycle.release_hold(session, "ICO closed its case", today=date(2026, 10, 1))
    assert released == hold
    assert lifecycle.disposal_position(session, date(2030, 1, 1)).state is DisposalState.DUE
    (placed,) = session.review.audit_entries("hold-placed")
    (freed,) = session.review.audit_entries("hold-released")
    assert "Jo Planted" not in str(placed.details)
    assert placed.details["reason_sha256"] == lifecycle.reason_digest(hold.reason)
    assert freed.details == {
        "on": "2026-10-01",
        "placed_on": "2026-09-01",
        "reason_sha256": lifecycle.reason_digest("ICO closed its case"),
    }
    assert [e["action"] for e in lifecycle.lifecycle_log(session)] == [
        "case-closed",
        "hold-placed",
        "hold-released",
    ]
    with pytest.raises(BadInputError, match="not on hold"):
        lifecycle.release_hold(session, "Nothing to release")


def test_hold_and_release_need_a_reason(session: CaseSession) -> None:
    with pytest.raises(BadInputError, match="Say why"):
        lifecycle.place_hold(session, " ")
    lifecycle.place_hold(session, "Tribunal appeal")
    with pytest.raises(BadInputError, match="Say why"):
        lifecycle.release_hold(session, "")


def test_reviewers_and_strangers_cannot_change_the_lifecycle(
    session: CaseSession, case_dir: Path
) -> None:
    session.review.add_user("second.reviewer", Role.REVIEWER)
    for name, words in (("second.reviewer", "only the case handler or the DPO"), ("x", "not a")):
        other = CaseSession.open(case_dir, user=name)
        try:
            with pytest.raises(PermissionDeniedError, match=words):
                lifecycle.place_hold(other, "Appeal")
            with pytest.raises(PermissionDeniedError):
                lifecycle.close_case(other)
        finally:
            other.close()


def test_retention_comes_from_the_profile_then_the_case_override(session: CaseSession) -> None:
    assert lifecycle.retention_period(session) == Period(1, "y")
    update_profile({"retention": "sar=2y,foi=5y"})
    assert lifecycle.retention_period(session) == Period(2, "y")
    session.export.set_case_organisation({"retention": "sar=6m"})
    assert lifecycle.retention_period(session) == Period(6, "m")


def test_retention_setting_changes_only_the_regimes_given() -> None:
    assert lifecycle.retention_setting("sar=2y,foi=5y", ["foi=4y", "eir=30m"]) == (
        "sar=2y,foi=4y,eir=30m"
    )
    with pytest.raises(BadInputError):
        lifecycle.retention_setting("", ["foi=forever"])


def _case(folder: Path, reference: str, regime: Regime) -> CaseSession:
    record = Case(reference=reference, regime=regime, received=date(2026, 1, 5))
    return CaseSession.create(folder, record, user="officer")


def test_the_disposal_list_finds_cases_in_a_folder_and_says_which_are_due(
    tmp_path: Path,
) -> None:
    for name, regime, closed in (
        ("a", Regime.SAR, date(2026, 2, 1)),  # SAR 1y: due 2027-02-01
        ("b", Regime.FOI, date(2026, 2, 1)),  # FOI 3y: kept until 2029
        ("c", Regime.SAR, None),  # open
    ):
        s = _case(tmp_path / "cases" / name, f"REF-{name}", regime)
        if closed:
            lifecycle.close_case(s, closed, today=TODAY)
        s.close()
    (tmp_path / "cases" / "not-a-case").mkdir()
    rows = cases_due.disposal_list([tmp_path / "cases"], today=date(2027, 3, 1))
    assert [(r.reference, r.due) for r in rows] == [
        ("REF-a", True),
        ("REF-b", False),
        ("REF-c", False),
    ]
    first = rows[0].to_json()
    assert first["state"] == "due"
    assert first["retain_until"] == "2027-02-01"
    assert rows[1].to_json()["retain_until"] == "2029-02-01"
    assert rows[2].to_json()["state"] == "open"
    # A case folder named directly works too; a missing folder is refused.
    assert len(cases_due.disposal_list([tmp_path / "cases" / "a"])) == 1
    with pytest.raises(BadInputError, match="No such folder"):
        cases_due.disposal_list([tmp_path / "nowhere"])


def test_a_damaged_case_is_listed_as_unreadable_without_hiding_the_others(
    tmp_path: Path,
) -> None:
    _case(tmp_path / "cases" / "good", "REF-good", Regime.SAR).close()
    bad = tmp_path / "cases" / "bad"
    _case(bad, "REF-bad", Regime.SAR).close()
    (bad / "case.db").write_bytes(b"not a database at all" * 100)
    rows = cases_due.disposal_list([tmp_path / "cases"])
    assert [r.to_json()["state"] for r in rows] == ["unreadable", "open"]
    assert rows[0].problem
