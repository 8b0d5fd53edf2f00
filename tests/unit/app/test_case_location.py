"""Where a case is kept, in words: a folder, or a team server without its password."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from sar_desk.app.opening import case_location


def _session(**fields: Any) -> Any:
    return cast(Any, SimpleNamespace(**fields))


def test_a_folder_case_is_shown_by_its_folder(tmp_path: Path) -> None:
    assert case_location(_session(folder=tmp_path / "SAR-1")) == str(tmp_path / "SAR-1")


def test_a_team_case_names_server_and_database_never_the_password_or_scratch() -> None:
    session = _session(
        folder=Path("/tmp/sar-desk-scratch-abc"),
        server_url="postgresql://ig.officer:s3cret@db.council.example:5433/sardesk",
    )
    shown = case_location(session)
    assert shown == "Team server db.council.example:5433, database sardesk"
    assert "s3cret" not in shown
    assert "scratch" not in shown
