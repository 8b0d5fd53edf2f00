"""`outcome_codes` offers exactly the codes `record_outcome` accepts (the window's code picker).

Source: review/legal.check_outcome (issue 13 item 4); an offered code that the record refused,
or a refused code that was offered, would make the picker lie to the case handler.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.core.model import Case, Regime
from sar_desk.core.outcome import OutcomeKind

ACCESS_REGIMES = [Regime.FOI, Regime.EIR, Regime.FOISA, Regime.EISR]


def _session(folder: Path, regime: Regime) -> CaseSession:
    case = Case(reference=f"{regime.value}-1", regime=regime, received=date(2026, 5, 5))
    return CaseSession.create(folder, case, user="officer")


@pytest.mark.parametrize("regime", ACCESS_REGIMES)
def test_offered_codes_are_exactly_the_accepted_ones(tmp_path: Path, regime: Regime) -> None:
    session = _session(tmp_path / "case", regime)
    try:
        assert session.legal.outcome_codes(OutcomeKind.HELD) == []
        assert session.legal.outcome_codes(OutcomeKind.NOT_HELD) == []
        for kind in (OutcomeKind.NCND, OutcomeKind.REFUSE):
            offered = {c.code for c in session.legal.outcome_codes(kind)}
            assert offered, (regime, kind)
            for found in session.review.reason_codes():
                try:
                    session.legal.record_outcome(kind, found.code, "Why it applies here.")
                    accepted = True
                except SarDeskError:
                    accepted = False
                assert accepted is (found.code in offered), (regime, kind, found.code)
    finally:
        session.close()


def test_foi_lists_hold_the_issue_examples(tmp_path: Path) -> None:
    session = _session(tmp_path / "case", Regime.FOI)
    try:
        ncnd = {c.code for c in session.legal.outcome_codes(OutcomeKind.NCND)}
        refuse = {c.code for c in session.legal.outcome_codes(OutcomeKind.REFUSE)}
    finally:
        session.close()
    assert {"FOI-40-2", "FOI-30", "FOI-31"} <= ncnd  # s.40(5B), s.30(3), s.31(3)
    assert {"FOI-S12", "FOI-S14"} <= refuse
    assert not {"FOI-S12", "FOI-S14"} & ncnd


def test_subject_access_case_offers_no_outcome_codes(session: CaseSession) -> None:
    assert all(session.legal.outcome_codes(kind) == [] for kind in OutcomeKind)
