"""Slack people are shown by their names, never by handle or id when a name exists (issue 14).

Every message keeps its true sender id; only the shown name changes. Synthetic workspace.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.slack import SlackImporter

USERS = [
    # Real name only, handle "alex.e": the handle is an identifier, not a name.
    {
        "id": "U0ALEX",
        "name": "alex.e",
        "profile": {"display_name": "", "real_name": "Alex Example"},
    },
    # users.json knows only the handle; the messages' own profile copy has the real name.
    {"id": "U0SAM", "name": "sam.t", "profile": {"display_name": "", "real_name": ""}},
    # Both names: the real (full) name is shown; a display name alone is shown when that is all.
    {"id": "U0JO", "name": "jb", "profile": {"display_name": "Jo", "real_name": "Joanne Bloggs"}},
    {"id": "U0KIT", "name": "kit99", "profile": {"display_name": "Kit", "real_name": ""}},
    # The app account behind bot B0REPAIR.
    {
        "id": "U0BOTUSER",
        "name": "repairsbot",
        "is_bot": True,
        "profile": {"bot_id": "B0REPAIR", "real_name": "Repairs Bot"},
    },
]
DAY = [
    {"type": "message", "user": "U0ALEX", "text": "morning", "ts": "1704445200.000100"},
    {
        "type": "message",
        "user": "U0SAM",
        "user_profile": {"name": "sam.t", "real_name": "Sam Taylor", "display_name": ""},
        "text": "hello",
        "ts": "1704445300.000100",
    },
    {"type": "message", "user": "U0ALEX", "text": "thanks <@U0SAM>", "ts": "1704445400.000100"},
    {
        "type": "message",
        "user": "U0GUEST",
        "user_profile": {"name": "kim.guest", "display_name": "", "real_name": "Kim Guest"},
        "text": "guest here",
        "ts": "1704445500.000100",
    },
    {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B0REPAIR",
        "text": "Ticket 7 opened",
        "ts": "1704445600.000100",
    },
    {
        "type": "message",
        "subtype": "file_comment",
        "comment": {"user": "U0ALEX", "comment": "that is the damp"},
        "text": "<@U0ALEX|alex.e> commented on a file: that is the damp",
        "ts": "1704445700.000100",
    },
    {"type": "message", "user": "U0JO", "text": "on it", "ts": "1704445800.000100"},
    {"type": "message", "user": "U0KIT", "text": "me too", "ts": "1704445850.000100"},
    {
        "type": "message",
        "user": "U0NOBODY",
        "user_profile": {"name": "ghost.h"},
        "text": "who am I",
        "ts": "1704445900.000100",
    },
]


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[RawMessage]:
    root = tmp_path_factory.mktemp("slack_names")
    (root / "users.json").write_text(json.dumps(USERS))
    (root / "channels.json").write_text(
        json.dumps([{"id": "C0REP", "name": "repairs", "members": ["U0ALEX", "U0SAM"]}])
    )
    (root / "repairs").mkdir()
    (root / "repairs" / "2024-01-05.json").write_text(json.dumps(DAY))
    report = ImportReport()
    out = list(SlackImporter().read(root, report, ImportOptions()))
    assert not report.issues
    return out


def test_every_message_keeps_its_true_sender_id(records: list[RawMessage]) -> None:
    assert [r.sender_id for r in records] == [
        "U0ALEX",
        "U0SAM",
        "U0ALEX",
        "U0GUEST",
        "B0REPAIR",
        "U0ALEX",
        "U0JO",
        "U0KIT",
        "U0NOBODY",
    ]


def test_senders_are_shown_by_name_not_handle_or_id(records: list[RawMessage]) -> None:
    assert [r.sender for r in records] == [
        "Alex Example",
        "Sam Taylor",  # users.json had only "sam.t"; the message's profile names him
        "Alex Example",
        "Kim Guest",  # not in users.json at all
        "Repairs Bot",  # bot id B0REPAIR named from its users.json account
        "Alex Example",  # a file comment's author is the commenter
        "Joanne Bloggs",
        "Kit",
        "ghost.h",  # no name anywhere: the handle beats a bare id
    ]


def test_mentions_use_the_learned_name_and_keep_the_id(records: list[RawMessage]) -> None:
    thanks = records[2]
    assert thanks.text == "thanks @Sam Taylor"
    assert thanks.mentions == ("U0SAM",)
    assert records[5].text == "@Alex Example commented on a file: that is the damp"


def test_declared_members_are_named(tmp_path: Path) -> None:
    (tmp_path / "users.json").write_text(json.dumps(USERS))
    (tmp_path / "channels.json").write_text(
        json.dumps([{"id": "C0REP", "name": "repairs", "members": ["U0ALEX", "U0JO"]}])
    )
    (tmp_path / "repairs").mkdir()
    (tmp_path / "repairs" / "2024-01-05.json").write_text(json.dumps(DAY[:1]))
    report = ImportReport()
    list(SlackImporter().read(tmp_path, report, ImportOptions()))
    assert {(p.identifier, p.display_name) for p in report.participants} == {
        ("U0ALEX", "Alex Example"),
        ("U0JO", "Joanne Bloggs"),
    }


def test_names_from_later_messages_name_earlier_mentions_and_titles(tmp_path: Path) -> None:
    # No users.json: the only names are the profiles Slack copied into each message.
    (tmp_path / "dms.json").write_text(json.dumps([{"id": "D0DM", "members": ["U0A", "U0B"]}]))
    (tmp_path / "D0DM").mkdir()
    day = [
        {
            "type": "message",
            "user": "U0A",
            "user_profile": {"real_name": "Ann Guest", "name": "ann"},
            "text": "hi <@U0B>",
            "ts": "1704445200.000100",
        },
        {
            "type": "message",
            "user": "U0B",
            "user_profile": {"real_name": "Bea Guest", "name": "bea"},
            "text": "hello",
            "ts": "1704445300.000100",
        },
    ]
    (tmp_path / "D0DM" / "2024-01-05.json").write_text(json.dumps(day))
    report = ImportReport()
    records = list(SlackImporter().read(tmp_path, report, ImportOptions()))
    assert [(r.sender, r.sender_id, r.text) for r in records] == [
        ("Ann Guest", "U0A", "hi @Bea Guest"),
        ("Bea Guest", "U0B", "hello"),
    ]
    assert records[0].mentions == ("U0B",)
    assert records[0].conversation_title == "Direct message: Ann Guest, Bea Guest"
    assert any("users.json is missing" in w for w in report.warnings)
