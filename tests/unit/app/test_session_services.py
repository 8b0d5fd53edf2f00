"""`CaseSession` is a small context manager that hands out one service per feature area."""

from __future__ import annotations

import pytest

from sar_desk.app.session import CaseSession

SERVICES = (
    "ingest",
    "search",
    "people",
    "scope",
    "clock",
    "detection",
    "review",
    "export",
    "legal",
    "places",
    "subjects",
    "elusion",
)


def test_the_session_has_at_most_25_public_members() -> None:
    public = [name for name in dir(CaseSession) if not name.startswith("_")]
    assert len(public) <= 25, public
    assert set(SERVICES) <= set(public)


def test_the_services_share_one_open_case(session: CaseSession) -> None:
    # Every service sees the same store and acting user, so a change of user reaches them all.
    session.user = "someone-else"
    for name in SERVICES:
        service = getattr(session, name)
        assert service.store is session.store
        assert service.user == "someone-else"


def test_leaving_the_with_block_closes_the_store(
    session: CaseSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[bool] = []
    monkeypatch.setattr(session.store, "close", lambda: closed.append(True))
    with session as same:
        assert same is session
        assert closed == []
    assert closed == [True]
