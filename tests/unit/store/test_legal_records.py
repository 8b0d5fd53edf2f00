"""Migration step 9 (frozen DDL) and the legitimate-interests record (ICO s.40 / reg 13 test)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Case, Regime
from sar_desk.store import open_store
from sar_desk.store.ddl.v09_legitimate_interests import DDL as STEP_9_DDL
from sar_desk.store.migrations import MIGRATIONS


def test_step_9_creates_the_table_from_its_frozen_ddl(tmp_path: Path) -> None:
    assert 9 in [v for v, _ in MIGRATIONS]
    with open_store(tmp_path / "case.db", create=True) as store, store.read() as conn:
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'legitimate_interests_tests'"
        ).scalar()
    assert sql == STEP_9_DDL[0]


def test_legitimate_interests_test_is_recorded_superseded_and_audited(tmp_path: Path) -> None:
    case = Case("FOI-1", Regime.FOI, date(2026, 6, 1))
    session = CaseSession.create(tmp_path / "c", case, user="officer")
    try:
        with pytest.raises(BadInputError, match="does not turn on a legitimate-interests test"):
            session.legal.record_legitimate_interests("FOI-43", "p", "n", "b")
        with pytest.raises(BadInputError, match="cannot be left empty"):
            session.legal.record_legitimate_interests("FOI-40-2", "p", " ", "b")
        session.legal.record_legitimate_interests("FOI-40-2", "first", "n", "b")
        session.legal.record_legitimate_interests("foi-40-2", "second", "n", "b")
        tests = session.legal.legitimate_interests_tests()
        assert tests["FOI-40-2"].purpose == "second"
        actions = [e.action for e in session.review.audit_entries()]
        assert actions.count("legitimate-interests-test") == 2
    finally:
        session.close()
