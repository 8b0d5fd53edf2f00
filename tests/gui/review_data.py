"""A case with three messages and saved detection findings, for the reviewer's screen tests."""

from __future__ import annotations

from pathlib import Path

from sar_desk.app.session import CaseSession
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, MessageId, Regime
from sar_desk.review.roles import Role
from sar_desk.store import detection as store_detection
from sar_desk.store.findings import save_findings

CHAT = """12/03/2026, 09:15 - Alex Morgan: Hi, any news on the repair?
12/03/2026, 09:20 - Jo Bloggs: Sam Carter from the repairs team will call you on 07700 900123
12/03/2026, 09:21 - Sam Carter: Yes, I spoke to Sam Carter's manager
"""
PHONE = (50, 62)  # "07700 900123" in message 2
NAME_IN_3 = (16, 26)  # "Sam Carter" in message 3's text


def _finding(
    message: int, field: ProposalField, span: tuple[int, int] | None, text: str, kind: str
) -> Finding:
    start, end = span if span else (None, None)
    return Finding(MessageId(message), field, start, end, text, kind, 0.85, "test")


def make_case(folder: Path, tmp: Path) -> Path:
    """Create the case (user officer, reviewer rita) and return its folder."""
    chat = tmp / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    case = Case(
        reference="SAR-GUI-19",
        regime=Regime.SAR,
        received=__import__("datetime").date(2026, 5, 5),
        requester="Alex Morgan",
    )
    session = CaseSession.create(folder, case, user="officer")
    try:
        run_job(session.ingest.import_files([chat], day_first=True), lambda _p: None)
        with session.store.transaction() as conn:
            run = store_detection.start_run(conn, "case", "test")
            store_detection.add_progress(conn, run, [1, 2, 3], 4)
            store_detection.finish_run(conn, run, "finished")
            save_findings(
                conn,
                [
                    _finding(2, ProposalField.TEXT, (0, 10), "Sam Carter", "PERSON"),
                    _finding(2, ProposalField.TEXT, PHONE, "07700 900123", "PHONE_NUMBER"),
                    _finding(3, ProposalField.SENDER, None, "Sam Carter", "PERSON"),
                    _finding(3, ProposalField.TEXT, NAME_IN_3, "Sam Carter", "PERSON"),
                ],
            )
        session.review.add_user("rita", Role.REVIEWER)
    finally:
        session.close()
    return folder
