"""Copies of one chat from an Android phone, an iPhone and a German phone are one chat (14.4)."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from sar_desk.app.importing import ImportFailure
from sar_desk.app.ingest import ImportResult
from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, MessageKind, Regime
from sar_desk.core.search import SearchQuery

COPIES = Path(__file__).resolve().parents[1] / "data" / "copies"


def exports(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The Android file, the iPhone zip and the German file renamed by its custodian."""
    iphone = tmp_path / "WhatsApp Chat - Priya Shah.zip"
    with zipfile.ZipFile(iphone, "w") as archive:
        archive.write(COPIES / "_chat.txt", "_chat.txt")
    german = tmp_path / "priya export.txt"
    shutil.copyfile(COPIES / "WhatsApp Chat mit Priya Shah.txt", german)
    return COPIES / "WhatsApp Chat with Priya Shah.txt", iphone, german


def one(session: CaseSession, path: Path, custodian: str) -> ImportResult | ImportFailure:
    return run_job(session.ingest.import_files([path], custodian=custodian))[0]


def test_three_copies_of_one_chat_are_one_conversation_with_every_message_once(
    tmp_path: Path,
) -> None:
    android, iphone, german = exports(tmp_path)
    case = Case(reference="SAR-C-1", regime=Regime.SAR, received=date(2026, 4, 1))
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    try:
        first = one(session, android, "Alex Morgan")
        second = one(session, iphone, "Priya Shah")
        third = one(session, german, "Alex Morgan")
        assert isinstance(first, ImportResult)
        assert isinstance(second, ImportResult)
        assert isinstance(third, ImportResult)
        # iPhone: 9 of its 10 messages were already in (the thumbs-up is new).
        assert (second.messages, second.duplicates) == (1, 9)
        assert second.source.shared == ((first.source.id, 9),)
        assert (third.messages, third.duplicates) == (0, 9)
        assert len(session.search.conversations()) == 1
        hits = session.search.search(SearchQuery(), limit=100)
        said = [m for m in hits if m.kind != MessageKind.SYSTEM]
        assert len(said) == 10
        # "ok" twice in 09:03 from Alex, once at 09:12 from Priya: three, each in all copies.
        oks = [m for m in said if m.text == "ok"]
        assert [(m.sender, len(m.source_ids)) for m in oks] == [
            ("Alex Morgan", 3),
            ("Alex Morgan", 3),
            ("Priya Shah", 3),
        ]
        assert session.search.count(SearchQuery(text="ladder")) == 1
        # The deleted message (three wordings of the note) and the photo are one each.
        assert sum(m.kind == MessageKind.DELETED for m in said) == 1
        assert sum(m.kind == MessageKind.MEDIA for m in said) == 1
        # System lines are kept as each device worded them: one per source.
        assert sum(m.kind == MessageKind.SYSTEM for m in hits) == 3
    finally:
        session.close()


def test_a_byte_identical_export_from_a_second_custodian_adds_that_custodian(
    tmp_path: Path,
) -> None:
    android, _, _ = exports(tmp_path)
    runner = CliRunner()
    folder = str(tmp_path / "case")
    new = ["case", "new", folder, "--regime", "sar", "--reference", "SAR-C-2"]
    assert runner.invoke(cli, [*new, "--received", "2026-04-01"]).exit_code == 0
    base = ["import", folder, str(android)]
    assert runner.invoke(cli, [*base, "--custodian", "Alex Morgan"]).exit_code == 0
    added = runner.invoke(cli, [*base, "--custodian", "Priya Shah", "--json"])
    assert added.exit_code == 0, added.output
    report = json.loads(added.stdout)
    assert report["source"] == 1
    assert report["custodian_added"] == "Priya Shah"
    assert report["custodians"] == ["Alex Morgan", "Priya Shah"]
    again = runner.invoke(cli, [*base, "--custodian", "priya shah"])
    assert again.exit_code == 1
    assert "same custodian" in again.stderr
    shown = json.loads(runner.invoke(cli, ["case", "show", folder, "--json"]).stdout)
    assert [s["custodians"] for s in shown["sources"]] == [["Alex Morgan", "Priya Shah"]]
    assert sum(shown["messages"].values()) == 10  # stored once
    text = runner.invoke(cli, ["case", "show", folder]).stdout
    assert "custodians Alex Morgan, Priya Shah" in text
