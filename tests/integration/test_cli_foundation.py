"""The command-line contract for the foundation commands: output, JSON shapes, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sar_desk.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def make_chat(path: Path) -> Path:
    path.write_text(
        "14/03/2026, 09:00 - Sam Lee: the boiler at 12 High Street is broken\n"
        "14/03/2026, 09:05 - +44 7911 123456: thanks Sam\n"
        "that is a second line\n"
        "14/03/2026, 09:07 - Sam Lee: <Media omitted>\n"
        "15/03/2026, 10:00 - Priya Shah: rent arrears meeting moved\n",
        encoding="utf-8",
    )
    return path


def new_case(folder: Path, *extra: str) -> None:
    code, out, err = run(
        "case",
        "new",
        str(folder),
        "--regime",
        "sar",
        "--reference",
        "SAR-2026-0142",
        "--received",
        "2026-01-31",
        "--requester",
        "Alex Morgan",
        "--alias",
        "07911 123456",
        *extra,
    )
    assert code == 0, err
    assert "Due: Mon 02 Mar 2026" in out  # domain.md worked example: 31 Jan -> 2 Mar


def test_case_show_prints_deadline_with_its_derivation_and_normalised_aliases(
    tmp_path: Path,
) -> None:
    new_case(tmp_path / "c")
    code, out, _ = run("case", "show", str(tmp_path / "c"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["deadline"]["due"] == "2026-03-02"
    assert any("28 Feb" in line for line in data["deadline"]["derivation"])
    assert "+447911123456" in data["aliases"]
    assert "Alex Morgan" in data["aliases"]


def test_clarification_moves_the_deadline_and_is_audited(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    code, _, err = run(
        "case",
        "new",
        str(folder),
        "--regime",
        "sar",
        "--reference",
        "R1",
        "--received",
        "2026-01-15",
    )
    assert code == 0, err
    code, out, err = run(
        "case",
        "update",
        str(folder),
        "--clarification-asked",
        "2026-01-20",
        "--clarification-answered",
        "2026-01-26",
    )
    assert code == 0, err
    assert "Due: Mon 23 Feb 2026" in out  # domain.md: 7 paused days, rolled to Monday
    from sar_desk.store import open_store
    from sar_desk.store.audit import entries

    with open_store(folder / "case.db") as store, store.read() as conn:
        actions = [e.action for e in entries(conn)]
    assert actions == ["case-created", "clock-event"]


def test_import_search_and_parse_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    new_case(folder)
    chat = make_chat(tmp_path / "WhatsApp Chat with Sam Lee.txt")
    code, out, err = run("import", str(folder), str(chat), "--custodian", "Tom Reid")
    assert code == 0, err
    assert "4 messages" in out
    code, out, _ = run("search", str(folder), "--text", "boiler", "--json")
    assert code == 0
    hits = [json.loads(line) for line in out.splitlines()]
    assert [h["sender"] for h in hits] == ["Sam Lee"]
    assert hits[0]["timestamp"] == "2026-03-14T09:00:00+00:00"
    assert set(hits[0]) >= {
        "id",
        "platform",
        "conversation",
        "sender",
        "sender_id",
        "timestamp",
        "kind",
        "text",
        "attachments",
        "reply_to",
        "edited",
        "source",
    }
    code, out, _ = run(
        "search", str(folder), "--from", "2026-03-15", "--to", "2026-03-15", "--json"
    )
    assert [json.loads(line)["sender"] for line in out.splitlines()] == ["Priya Shah"]
    code, out, err = run("parse", str(chat))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records[1]["sender_id"] == "+447911123456"
    assert records[1]["text"] == "thanks Sam\nthat is a second line"
    assert records[2]["kind"] == "media"
    assert "parsed 4 messages, 0 system events, 0 issues" in err


def test_reimport_is_refused_with_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    new_case(folder)
    chat = make_chat(tmp_path / "chat.txt")
    assert run("import", str(folder), str(chat))[0] == 0
    code, _, err = run("import", str(folder), str(chat))
    assert code == 1
    assert "already imported" in err


def test_expected_failures_are_one_line_with_exit_1(tmp_path: Path) -> None:
    code, out, err = run("case", "show", str(tmp_path / "nowhere"))
    assert code == 1
    assert err.startswith("Error: There is no SAR Desk case")
    assert "Traceback" not in err
    assert out == ""
    (tmp_path / "letter.txt").write_text("Dear Sir,\nPlease find attached.\n", encoding="utf-8")
    code, out, err = run("parse", str(tmp_path / "letter.txt"))
    assert code == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run(
        "case",
        "new",
        str(tmp_path / "c"),
        "--regime",
        "sar",
        "--reference",
        "R",
        "--received",
        "31/01/2026",
    )
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_formats_lists_whatsapp_with_its_shapes() -> None:
    code, out, _ = run("formats", "--json")
    assert code == 0
    platforms = {json.loads(line)["platform"] for line in out.splitlines()}
    assert "whatsapp" in platforms
