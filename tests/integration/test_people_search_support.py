"""A tiny fake importer and a three-platform synthetic case for the people/search tests.

The fake reads a JSON file of records and identity links, so tests control exactly what an
export says without depending on the real Slack/Teams importers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, TimeBasis


class FakeImporter:
    """Reads ``{"platform": ..., "messages": [...], "links": [...], "members": [...]}``."""

    platform: ClassVar[str] = "fake"
    display_name: ClassVar[str] = "Fake export"
    shapes: ClassVar[str] = ".json"
    version: ClassVar[str] = "test-1"

    def sniff(self, path: Path) -> bool:
        return path.suffix == ".json" and f'"platform": "{self.platform}"' in path.read_text()

    def read(self, path: Path, report: ImportReport, options: Any) -> Iterator[RawMessage]:
        data = json.loads(path.read_text())
        for link in data.get("links", []):
            report.link(IdentifierKind(link[0]), link[1], IdentifierKind(link[2]), link[3], link[4])
        for i, m in enumerate(data["messages"]):
            ts = datetime.fromisoformat(m["at"])
            yield RawMessage(
                platform=self.platform,
                conversation_key=m["conv"],
                conversation_title=m["conv"],
                sender=m.get("sender"),
                sender_id=m.get("sender_id"),
                sender_id_kind=IdentifierKind(m["kind"]) if m.get("kind") else None,
                timestamp=ts,
                timestamp_raw=m["at"],
                time_basis=TimeBasis.OFFSET_GIVEN,
                kind="message",
                text=m["text"],
                platform_message_id=m.get("id", str(i)),
                reply_to=m.get("reply_to"),
                mentions=tuple(m.get("mentions", ())),
                location=f"messages[{i}]",
            )
        for member in data.get("members", []):
            report.declare(member[0], member[1], IdentifierKind(member[2]), member[3])


def fake_importers() -> dict[str, FakeImporter]:
    return {
        name: type(f"Fake{name.title()}", (FakeImporter,), {"platform": name})()
        for name in ("whatsapp", "teams", "slack")
    }


def install_fakes(monkeypatch: pytest.MonkeyPatch) -> dict[str, FakeImporter]:
    """Make the ingest job use the fake importers."""
    import sar_desk.app.ingest as ingest

    fakes = fake_importers()

    def importer_for(path: Path) -> FakeImporter:
        return fakes[json.loads(path.read_text())["platform"]]

    monkeypatch.setattr(ingest, "importer_for", importer_for)
    monkeypatch.setattr(ingest, "by_platform", lambda name: fakes[name])
    return fakes


JO_PHONE = "+447700900123"
JO_EMAIL = "jo.bloggs@example.gov.uk"

WHATSAPP = {
    "platform": "whatsapp",
    "messages": [
        {
            "conv": "Housing team",
            "at": "2026-02-02T09:00:00+00:00",
            "sender": "Jo Bloggs",
            "sender_id": JO_PHONE,
            "kind": "phone",
            "text": "Morning all, repairs list attached",
        },
        {
            "conv": "Housing team",
            "at": "2026-02-02T09:05:00+00:00",
            "sender": "Sam Patel",
            "sender_id": "+447700900456",
            "kind": "phone",
            "text": "Thanks, will check the damp report",
        },
        {
            "conv": "Housing team",
            "at": "2026-02-03T10:00:00+00:00",
            "sender": "Sam Patel",
            "sender_id": "+447700900456",
            "kind": "phone",
            "text": "Call the tenant back on 07911 123456 about the boiler",
        },
        {
            "conv": "Sam and Priya",
            "at": "2026-02-04T12:00:00+00:00",
            "sender": "Sam Patel",
            "sender_id": "+447700900456",
            "kind": "phone",
            "text": "Did Jo sign off the Café rota?",
        },
        {
            "conv": "Sam and Priya",
            "at": "2026-02-04T12:01:00+00:00",
            "sender": "~ Priya",
            "text": "Not yet. I'll chase her",
        },
    ],
}

TEAMS = {
    "platform": "teams",
    "messages": [
        {
            "conv": "Repairs channel",
            "at": "2026-03-01T08:00:00+00:00",
            "sender": "Joanne Bloggs",
            "sender_id": "aad-0001",
            "kind": "platform-id",
            "text": "Boiler contractor booked",
        },
        {
            "conv": "Repairs channel",
            "at": "2026-03-01T08:30:00+00:00",
            "sender": "Priya Shah",
            "sender_id": "aad-0002",
            "kind": "platform-id",
            "text": "Great, Joanne can you confirm the date",
        },
    ],
    "links": [
        ["platform-id", "aad-0001", "email", JO_EMAIL, "Joanne Bloggs"],
        ["platform-id", "aad-0002", "email", "priya.shah@example.gov.uk", "Priya Shah"],
    ],
}

SLACK = {
    "platform": "slack",
    "messages": [
        {
            "conv": "#housing",
            "at": "2026-04-10T14:00:00+01:00",
            "sender": "jbloggs",
            "sender_id": "U0JO",
            "kind": "platform-id",
            "text": "Minutes from the tenants' meeting",
        },
        {
            "conv": "#housing",
            "at": "2026-04-10T14:10:00+01:00",
            "sender": "tom",
            "sender_id": "U0TOM",
            "kind": "platform-id",
            "text": "@jbloggs thanks, filed",
            "mentions": ["U0JO"],
        },
        {
            "conv": "#general",
            "at": "2026-04-11T09:00:00+01:00",
            "sender": "tom",
            "sender_id": "U0TOM",
            "kind": "platform-id",
            "text": "Lunch order closes at noon",
        },
        {
            "conv": "#general",
            "at": "2026-04-12T09:00:00+01:00",
            "sender": "tom",
            "sender_id": "U0TOM",
            "kind": "platform-id",
            "text": "Reminder: fire drill, Jo is warden",
        },
    ],
    "links": [
        ["platform-id", "U0JO", "email", JO_EMAIL, "Jo Bloggs"],
        ["platform-id", "U0JO", "phone", JO_PHONE, "Jo Bloggs"],
        ["platform-id", "U0TOM", "email", "tom.reed@example.gov.uk", "Tom Reed"],
    ],
    "members": [["#general", "U0JO", "platform-id", "Joanne Bloggs"]],
}


def write_exports(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in (("wa", WHATSAPP), ("teams", TEAMS), ("slack", SLACK)):
        path = folder / f"{name}.json"
        path.write_text(json.dumps(data))
        paths.append(path)
    return paths
