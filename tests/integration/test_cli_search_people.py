"""The people, search, scope and sources commands through the CLI (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_people_search_support import JO_EMAIL, install_fakes, write_exports

from sar_desk.cli.main import cli


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    install_fakes(monkeypatch)
    folder = tmp_path / "case"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "case",
            "new",
            str(folder),
            "--regime",
            "sar",
            "--reference",
            "SAR-1",
            "--received",
            "2026-05-05",
            "--requester",
            "Alex Morgan",
            "--as",
            "officer",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli, ["import", str(folder), *map(str, write_exports(tmp_path / "ex")), "--as", "officer"]
    )
    assert result.exit_code == 0, result.output
    return folder


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_people_list_json_shows_one_person_across_three_platforms(case: Path) -> None:
    result = run("people", str(case), "--json")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    people = [json.loads(line) for line in result.output.splitlines()]  # type: ignore[attr-defined]
    jo = [p for p in people if set(p["identifiers"]) == {"whatsapp", "teams", "slack"}]
    assert len(jo) == 1
    assert jo[0]["messages_sent"] == 3


def test_search_by_person_json_has_contract_fields_and_is_logged(case: Path) -> None:
    result = run(
        "search",
        str(case),
        "--person",
        JO_EMAIL,
        "--as",
        "mentioned",
        "--json",
        "--context",
        "1",
        "--from",
        "2026-02-01",
        "--to",
        "2026-04-30",
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    hits = [json.loads(line) for line in result.output.splitlines()]  # type: ignore[attr-defined]
    assert "Did Jo sign off the Café rota?" in [h["text"] for h in hits]
    assert {
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
        "score",
        "context",
    } <= set(hits[0])
    shown = run("case", "show", str(case), "--json")
    data = json.loads(shown.output)  # type: ignore[attr-defined]
    assert data["search_log"]["searches"] == 1


def test_unknown_person_is_a_clear_message(case: Path) -> None:
    result = run("search", str(case), "--person", "Zebedee Quux")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "No one in this case matches" in result.output  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "hostile", ['"', "NEAR(", "*", "((boiler", "boiler))", "'; DROP TABLE messages; --"]
)
def test_hostile_queries_never_show_a_traceback(case: Path, hostile: str) -> None:
    result = run("search", str(case), "--text", hostile)
    assert result.exit_code in (0, 1), result.output  # type: ignore[attr-defined]
    assert result.exception is None or isinstance(result.exception, SystemExit)  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    assert run("search", str(case), "--text", "boiler").exit_code == 0  # type: ignore[attr-defined]


def test_merge_split_mark_and_suggestions_commands(case: Path) -> None:
    out = run("people", str(case), "suggestions", "--json").output  # type: ignore[attr-defined]
    suggestion = json.loads(out.splitlines()[0])
    # Acting as someone else needs a case user with a passphrase (issue 17): the creator here.
    args = ("accept-suggestion", str(suggestion["id"]), "--as", "officer")
    result = run("people", str(case), *args)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    keep = suggestion["person"]
    assert (
        run("people", str(case), "mark", str(keep), "--role", "staff", "--official").exit_code == 0
    )  # type: ignore[attr-defined]
    history = run("people", str(case), "history", "--json").output  # type: ignore[attr-defined]
    actions = [json.loads(line)["action"] for line in history.splitlines()]
    assert actions[-2:] == ["merge", "mark"]
    bad = run("people", str(case), "merge", "1", "1")
    assert bad.exit_code == 1  # type: ignore[attr-defined]


def test_scope_bulk_by_search_and_sources_exclude(case: Path) -> None:
    result = run(
        "scope",
        "mark",
        str(case),
        "--search",
        "--person",
        JO_EMAIL,
        "--person-as",
        "sender",
        "--as",
        "about-requester",
        "--reason",
        "Jo's own messages",
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "Marked 3 messages" in result.output  # type: ignore[attr-defined]
    shown = run("scope", "show", str(case), "--json")
    rows = [json.loads(line) for line in shown.output.splitlines()]  # type: ignore[attr-defined]
    assert sum(r["in_disclosure"] for r in rows) == 3
    assert (
        run(
            "sources", "exclude", str(case), "1", "--reason", "Personal device, no work use"
        ).exit_code
        == 0
    )  # type: ignore[attr-defined]
    hits = run("search", str(case), "--text", "7911 123", "--json").output  # type: ignore[attr-defined]
    assert hits.strip() == ""
    listing = run("sources", "list", str(case), "--json").output  # type: ignore[attr-defined]
    assert json.loads(listing.splitlines()[0])["status"] == "not searched – justified"
