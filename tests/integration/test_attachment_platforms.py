"""An attachment inside each platform's export reaches the review queue; one only linked is listed.

Issue 16, item 1: photos in Teams (saved hosted contents, inline pictures, shared files
collected with the chat, a transcript's files), Slack (files a tool downloaded), Messenger,
Instagram, Telegram, Discord and Signal exports are kept with their message and become review
items. A file the export only names or links (a SharePoint link, a Slack file left out) is
never dropped: the import report and the bundle say it is not in the export.
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.attachments import AttachmentStatus
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.store import attachments as store_attachments
from tests.unit.attachments import files

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
HOSTED = "aWQ9eF8wLXd1cy1kMS1mNDI3NjhkNmRi"
GRAPH = "https://graph.microsoft.com/v1.0/chats/19:aaa@unq.gbl.spaces/messages/{}/hostedContents/{}/$value"


def _graph_message(n: int, html: str, attachments: list[dict[str, object]] | None = None) -> dict:
    return {
        "id": str(1767603600000 + n),
        "messageType": "message",
        "createdDateTime": f"2026-01-05T09:0{n}:00Z",
        "chatId": "19:aaa@unq.gbl.spaces",
        "from": {"user": {"id": "aaaa-1111", "displayName": "Priya Shah"}},
        "body": {"contentType": "html", "content": html},
        "attachments": attachments or [],
    }


def _teams_graph(root: Path) -> Path:
    export = root / "teams-export"
    (export / "hostedContents").mkdir(parents=True)
    (export / "files").mkdir()
    inline = base64.b64encode(files.photo(("INLINE PICTURE",))).decode()
    messages = [
        _graph_message(1, f'<p>the damp</p><img src="{GRAPH.format(1, HOSTED)}">'),
        _graph_message(2, f'<p>pasted</p><img src="data:image/jpeg;base64,{inline}">'),
        _graph_message(
            3,
            '<p>plan <attachment id="a1"></attachment><attachment id="a2"></attachment></p>',
            [
                {
                    "id": "a1",
                    "contentType": "reference",
                    "name": "Survey.pdf",
                    "contentUrl": "https://northvale.sharepoint.com/x/Survey.pdf",
                },
                {
                    "id": "a2",
                    "contentType": "reference",
                    "name": "Budget 2026.xlsx",
                    "contentUrl": "https://northvale.sharepoint.com/x/Budget%202026.xlsx",
                },
            ],
        ),
    ]
    (export / "chat.json").write_text(json.dumps(messages), encoding="utf-8")
    (export / "hostedContents" / f"{HOSTED}.jpg").write_bytes(files.photo(("HOSTED",)))
    (export / "files" / "Survey.pdf").write_bytes(files.pdf_with_text())
    return export


def _teams_transcript(root: Path) -> Path:
    export = root / "purview"
    (export / "Attachments").mkdir(parents=True)
    shutil.copy(DATA / "teams" / "transcript_part1.html", export / "transcript_part1.html")
    html = (export / "transcript_part1.html").read_text("utf-8")
    html = html.replace("<div>today</div>", '<div>today</div><img src="Attachments/door.jpg">')
    (export / "transcript_part1.html").write_text(html, "utf-8")
    (export / "Attachments" / "Inspection.pdf").write_bytes(files.pdf_with_text())
    (export / "Attachments" / "door.jpg").write_bytes(files.photo(("DOOR",)))
    return export


def _slack(root: Path) -> Path:
    export = root / "slack"
    shutil.copytree(DATA / "slack" / "workspace", export)
    (export / "__uploads" / "F01").mkdir(parents=True)
    (export / "__uploads" / "F01" / "damp.jpg").write_bytes(files.photo())
    return export


def _messenger(root: Path) -> Path:
    export = root / "messenger"
    shutil.copytree(DATA / "messenger" / "download", export)
    inbox = export / "your_facebook_activity" / "messages" / "inbox" / "alexmorgan_1234"
    (inbox / "photos" / "111.jpg").write_bytes(files.photo())
    return export


def _instagram(root: Path) -> Path:
    export = root / "instagram"
    shutil.copytree(DATA / "messenger" / "instagram", export)
    thread = export / "your_instagram_activity" / "messages" / "inbox" / "jobloggs_555"
    data = json.loads((thread / "message_1.json").read_text("utf-8"))
    uri = "your_instagram_activity/messages/inbox/jobloggs_555/photos/55.jpg"
    data["messages"][0] = {
        "sender_name": "Jo Bloggs",
        "timestamp_ms": 1768600003000,
        "photos": [{"uri": uri, "creation_timestamp": 1768600003}],
    }
    (thread / "message_1.json").write_text(json.dumps(data), "utf-8")
    (thread / "photos").mkdir()
    (thread / "photos" / "55.jpg").write_bytes(files.photo())
    return export


def _sample(platform: str, sample: str, inside: str) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        export = root / sample
        shutil.copytree(DATA / platform / sample, export)
        (export / inside).write_bytes(files.photo())  # the samples hold stand-in bytes
        return export

    return make


# platform -> (export maker, files kept as review items, files listed as not in the export)
PLATFORMS: dict[str, tuple[str, Callable[[Path], Path], set[str], set[str]]] = {
    "teams-graph": (
        "teams",
        _teams_graph,
        {"image 1 (hosted in Teams)", "Survey.pdf"},
        {"Budget 2026.xlsx"},
    ),
    "teams-transcript": ("teams", _teams_transcript, {"Inspection.pdf", "door.jpg"}, set()),
    "slack": ("slack", _slack, {"damp.jpg"}, set()),
    "messenger": ("messenger", _messenger, {"111.jpg"}, {"222.jpg"}),
    "instagram": ("messenger", _instagram, {"55.jpg"}, set()),
    "telegram": (
        "telegram",
        _sample("telegram", "full_export", "photos/photo_1@01-06-2024_09-00-00.jpg"),
        {"photo_1@01-06-2024_09-00-00.jpg"},
        set(),
    ),
    "discord": (
        "discord",
        _sample("discord", "with_media", "General [500].json_Files/damp-1A2B.png"),
        {"damp.png"},
        set(),
    ),
    "signal": ("signal", _sample("signal", "chats", "Priya Shah/media/photo.jpg"), set(), set()),
    "google_chat": (
        "google-chat",
        _sample("google_chat", "Takeout", "Google Chat/Groups/DM 8xYzAbC/File-damp.jpg"),
        set(),
        set(),
    ),
}


@pytest.mark.parametrize("name", sorted(PLATFORMS))
def test_an_attachment_in_the_export_reaches_the_review_queue(tmp_path: Path, name: str) -> None:
    platform, make, kept, absent = PLATFORMS[name]
    export = make(tmp_path)
    case = Case(reference="SAR-ATT-P", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    try:
        (result,) = run_job(session.ingest.import_files([export], platform=platform))
        assert hasattr(result, "warnings"), result  # imported, not an ImportFailure
        queue = session.attachments.attachment_items()
        assert queue, "no attachment reached the review queue"
        for item in queue:
            assert item.attachment.status is AttachmentStatus.KEPT
            assert item.attachment.media_type in ("image/jpeg", "application/pdf")
            assert str(item.decision.status) == "undecided"
            (message,) = session.search.messages([item.attachment.message_id])
            assert any(a.name == item.attachment.name for a in message.attachments)
        if kept:
            assert kept <= {item.attachment.name for item in queue}
        with session.store.read() as conn:
            rows = store_attachments.list_attachments(conn)
        missing = {a.name for a in rows if a.status is AttachmentStatus.MISSING}
        assert absent <= missing
        for file_name in absent:  # never dropped silently: the report names it
            assert any(file_name in w and "not in the export" in w for w in result.warnings)
    finally:
        session.close()


def test_teams_inline_and_hosted_pictures_are_the_exports_own_bytes(tmp_path: Path) -> None:
    export = _teams_graph(tmp_path)
    case = Case(reference="SAR-ATT-T", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    try:
        run_job(session.ingest.import_files([export], platform="teams"))
        folder = session.base.case_folder
        kept = {
            folder.attachment_file(i.attachment.stored_path).read_bytes()
            for i in session.attachments.attachment_items()
            if i.attachment.stored_path
        }
        assert files.photo(("HOSTED",)) in kept
        assert files.photo(("INLINE PICTURE",)) in kept
        assert len(kept) == 3  # and the collected SharePoint file
    finally:
        session.close()
