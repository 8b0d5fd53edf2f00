"""Teams importer: Graph chatMessage JSON shapes and Purview HTML transcripts."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from generate_exports_b import write_teams

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.teams import TeamsImporter
from sar_desk.importers.teams.htmltext import html_to_text, parse_utc

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "teams"
PRIYA = "aaaaaaaa-1111-2222-3333-444444444444"
TOM = "bbbbbbbb-1111-2222-3333-444444444444"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(TeamsImporter().read(path, report, ImportOptions())), report


@pytest.mark.parametrize(
    ("html", "text", "mentions"),
    [
        ('<p>Hi <at id="0">Tom Reid</at></p>', "Hi @Tom Reid", ["Tom Reid"]),
        ("a<br>b<br/>c", "a\nb\nc", []),
        ("<div>one</div><div>two</div>", "one\ntwo", []),
        ('x <attachment id="9"></attachment>y', "x y", []),
        ("&lt;b&gt; &amp; &#8212; &quot;q&quot; &nbsp;", '<b> & — "q"', []),
        ('<img alt="😀" src="emoji.png">', "😀", []),
        ("<systemEventMessage/>", "", []),
    ],
)
def test_html_bodies_become_text(html: str, text: str, mentions: list[str]) -> None:
    body = html_to_text(html)
    assert body.text == text
    assert body.mentions == mentions


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-05T09:00:00.123Z", datetime(2026, 1, 5, 9, 0, 0, 123000, tzinfo=UTC)),
        ("2021-03-1706:47:05.123Z", datetime(2021, 3, 17, 6, 47, 5, 123000, tzinfo=UTC)),
        ("2026-01-05T09:00:00+01:00", datetime(2026, 1, 5, 8, 0, tzinfo=UTC)),
        ("2026-01-05 09:00:00", datetime(2026, 1, 5, 9, 0, tzinfo=UTC)),
        ("2026-01-05T09:00:00.1234567Z", datetime(2026, 1, 5, 9, 0, 0, 123456, tzinfo=UTC)),
        ("yesterday", None),
        ("2026-13-45T09:00:00Z", None),
    ],
)
def test_timestamps_are_parsed_defensively(raw: str, expected: datetime | None) -> None:
    assert parse_utc(raw) == expected


def test_graph_array_maps_every_field() -> None:
    msgs, report = read(DATA / "graph_array.json")
    first, reply, added, deleted, no_t = msgs
    assert (first.sender, first.sender_id, first.sender_id_kind) == (
        "Priya Shah",
        PRIYA,
        IdentifierKind.PLATFORM_ID,
    )
    assert first.text.startswith("Hi @Tom Reid, the repair for Alex is booked & confirmed.\nSee")
    assert "attachment" not in first.text
    assert first.mentions == (TOM, "Tom Reid")
    assert [(a.name, a.present) for a in first.attachments] == [("Repair plan.docx", False)]
    assert first.reactions[0].emoji == "like"
    assert first.reactions[0].actor_id == TOM
    assert first.time_basis == TimeBasis.UTC
    assert first.platform_message_id == "1767603600000"
    assert reply.reply_to == "1767603600000"
    assert reply.edited
    assert reply.attachments[0].type == "image"
    assert not reply.attachments[0].present
    assert (added.kind, added.sender, added.text) == (
        MessageKind.SYSTEM,
        None,
        "Priya Shah added Jo Bloggs",
    )
    assert deleted.kind == MessageKind.DELETED
    assert deleted.text == ""
    assert no_t.timestamp == datetime(2021, 3, 17, 6, 47, 5, 123000, tzinfo=UTC)
    assert [i.location for i in report.issues] == ["graph_array.json item[5]"]


def test_value_page_and_chat_events() -> None:
    msgs, _ = read(DATA / "graph_value.json")
    assert msgs[0].kind == MessageKind.SYSTEM
    assert msgs[0].text == "Priya Shah renamed the chat to 'Repairs team'"
    assert msgs[1].text == 'Line one\nLine <two> — "quoted"'


def test_chat_shape_links_members_and_names_the_chat() -> None:
    msgs, report = read(DATA / "graph_chat.json")  # starts with a BOM
    assert msgs[0].sender == "Priya Shah"  # displayName null: taken from the members list
    assert msgs[1].timestamp == datetime(2026, 1, 7, 7, 1, tzinfo=UTC)
    assert msgs[0].conversation_title == "Priya Shah, Tom Reid"
    links = {(link.identifier, link.other) for link in report.identity_links}
    assert (PRIYA, "priya.shah@northvale.gov.uk") in links
    assert {p.identifier for p in report.participants} == {PRIYA, TOM}


def test_truncated_json_keeps_what_was_read() -> None:
    msgs, report = read(DATA / "truncated_chat.json")
    assert [m.text for m in msgs] == ["Morning"]
    assert "ends early" in report.warnings[0]
    assert report.issues


def test_purview_transcripts_in_a_folder_form_one_conversation() -> None:
    msgs, report = read(DATA)
    transcript = [m for m in msgs if m.conversation_key == "19:eee@thread.v2"]
    assert [m.kind for m in transcript] == [
        MessageKind.SYSTEM,
        MessageKind.MESSAGE,
        MessageKind.MESSAGE,
        MessageKind.DELETED,
    ]
    system, first, second, gone = transcript
    assert system.text == "Priya Shah added Tom Reid"
    assert system.sender is None
    assert first.text == "Hi @Tom Reid,\nAlex called & asked again."
    assert first.sender_id == PRIYA
    assert first.mentions == ("Tom Reid",)
    assert [a.name for a in first.attachments] == ["Inspection.pdf"]
    assert second.text == "On it\ntoday"
    assert second.reply_to == "m1"
    assert second.edited
    assert second.timestamp == datetime(2026, 2, 2, 9, 5, tzinfo=UTC)
    assert gone.text == ""
    assert first.conversation_title == "Repairs & complaints"
    assert any("message 4" in i.location for i in report.issues)
    assert any("Purview" in lim for lim in report.limitations)


def test_zip_of_exports_is_sniffed_and_read(tmp_path: Path) -> None:
    target = tmp_path / "teams.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(DATA / "graph_value.json", "export/chat1.json")
        archive.write(DATA / "transcript_part2.html", "export/t2.html")
    assert TeamsImporter().sniff(target)
    msgs, _ = read(target)
    assert len(msgs) == 3


@pytest.mark.parametrize(
    "content",
    [
        b'{"messages": [{"creator": {"name": "A"}, "text": "google chat"}]}',
        b'[{"id": 1, "type": "message", "content": "discord-ish"}]',
        b"<html><body><p>just a page</p></body></html>",
        b"",
    ],
)
def test_sniff_rejects_other_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / ("x.html" if content.startswith(b"<html") else "x.json")
    path.write_bytes(content)
    assert not TeamsImporter().sniff(path)


def test_not_teams_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"hello": "world"}')
    with pytest.raises(ImportFormatError, match="no Teams export"):
        read(path)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_round_trip(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "chat.json"
    with path.open("w", encoding="utf-8") as handle:
        expected = write_teams(handle, 150, seed=seed)
    msgs, report = read(path)
    assert not report.issues
    got = [(m.sender, m.sender_id, m.timestamp, m.text, m.platform_message_id) for m in msgs]
    assert got == [(e.sender, e.sender_id, e.when, e.text, e.msg_id) for e in expected]
