"""Teams accounts are shown by display name when the export names them anywhere (issue 14).

GUIDs stay the identifiers (every record keeps its true sender id); they are never the shown
name of a sender or member the export names elsewhere. Synthetic export.
"""

from __future__ import annotations

import json

import pytest

from sar_desk.core.model import MessageKind
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.teams import TeamsImporter

ALEX = "aaaaaaaa-0000-4000-8000-000000000001"
SAM = "aaaaaaaa-0000-4000-8000-000000000002"
NOBODY = "aaaaaaaa-0000-4000-8000-000000000003"


def _user(uid: str, name: str | None) -> dict[str, object]:
    return {"user": {"id": uid.upper(), "displayName": name, "userIdentityType": "aadUser"}}


# Read first (file order), yet names nobody: every displayName is null.
EARLY = [
    {
        "id": "1",
        "messageType": "message",
        "createdDateTime": "2026-01-06T09:00:00Z",
        "chatId": "19:rep@thread.v2",
        "from": _user(ALEX, None),
        "body": {"contentType": "text", "content": "first"},
    },
    {
        "id": "2",
        "messageType": "systemEventMessage",
        "createdDateTime": "2026-01-06T09:01:00Z",
        "chatId": "19:rep@thread.v2",
        "from": None,
        "body": {"contentType": "html", "content": "<systemEventMessage/>"},
        "eventDetail": {
            "@odata.type": "#microsoft.graph.membersAddedEventMessageDetail",
            "initiator": _user(SAM, None),
            "members": [{"id": ALEX, "displayName": None}],
        },
    },
    {
        "id": "3",
        "messageType": "message",
        "createdDateTime": "2026-01-06T09:02:00Z",
        "chatId": "19:rep@thread.v2",
        "from": _user(NOBODY, None),
        "body": {"contentType": "text", "content": "nobody names me"},
        "reactions": [{"reactionType": "like", "user": _user(SAM, None)}],
    },
]
# Read later: the only place the names appear (a sender and a mention).
LATER = {
    "value": [
        {
            "id": "4",
            "messageType": "message",
            "createdDateTime": "2026-01-07T09:00:00Z",
            "chatId": "19:rep@thread.v2",
            "from": _user(ALEX, "Alex Example"),
            "body": {"contentType": "html", "content": '<p><at id="0">Sam Taylor</at> ok</p>'},
            "mentions": [
                {"id": 0, "mentionText": "Sam Taylor", "mentioned": _user(SAM, "Sam Taylor")}
            ],
        }
    ]
}
TRANSCRIPT = f"""<!DOCTYPE html><html><body>
<div class="transcript" data-conversation-id="19:tr@thread.v2">
  <ul class="participants"><li class="participant" data-user-id="{SAM}">{SAM}</li></ul>
  <div class="message" data-message-id="t1">
    <span class="sender" data-user-id="{ALEX}">{ALEX}</span>
    <time datetime="2026-01-08T09:00:00Z">08/01/2026</time>
    <div class="body">from the transcript</div>
  </div>
</div></body></html>"""


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[RawMessage], ImportReport]:
    root = tmp_path_factory.mktemp("teams_names")
    (root / "a_early.json").write_text(json.dumps(EARLY))
    (root / "m_transcript.html").write_text(TRANSCRIPT)
    (root / "z_later.json").write_text(json.dumps(LATER))
    report = ImportReport()
    records = list(TeamsImporter().read(root, report, ImportOptions()))
    assert not report.issues
    return sorted(records, key=lambda r: r.timestamp), report


def test_senders_keep_their_ids(read: tuple[list[RawMessage], ImportReport]) -> None:
    assert [r.sender_id for r in read[0]] == [ALEX, None, NOBODY, ALEX, ALEX]


def test_senders_are_shown_by_a_name_found_anywhere(
    read: tuple[list[RawMessage], ImportReport],
) -> None:
    # Alex is named only in a later file; the transcript wrote his GUID as the sender.
    assert [r.sender for r in read[0]] == [
        "Alex Example",
        None,  # a system event has no sender
        None,  # named nowhere: no name rather than a GUID; the id is kept
        "Alex Example",
        "Alex Example",
    ]


def test_system_lines_and_reactions_name_people(
    read: tuple[list[RawMessage], ImportReport],
) -> None:
    records, report = read
    event = records[1]
    assert event.kind == MessageKind.SYSTEM
    assert event.text == "Sam Taylor added Alex Example"
    assert [(x.actor, x.actor_id) for x in records[2].reactions] == [("Sam Taylor", SAM)]
    members = {(p.identifier, p.display_name) for p in report.participants}
    assert (SAM, "Sam Taylor") in members
    for record in records:
        for uid in (ALEX, SAM):
            assert uid not in record.text.lower()
            assert uid != (record.sender or "").lower()
