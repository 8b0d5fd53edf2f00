"""Render random synthetic messages as Teams, Signal, Messenger, SMS and RSMF exports.

Used by the round-trip tests (the importer must give back exactly what was rendered) and by
``benchmarks/importers_throughput_b.py`` (large exports). Every name and number is made up.
"""

from __future__ import annotations

import base64
import io
import json
import random
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from html import escape
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

WORDS = [
    "repair",
    "boiler",
    "damp",
    "Tuesday",
    "café",
    "naïve",
    "😀",
    "❤️",
    "&",
    "<b>",
    '"quoted"',
    "it's",
    "—",
    "5%",
    "flat",
    "2B",
    "council",
    "visit",
    "ok",
    "thanks",
    "Zoë",
    "łódź",
    "ß",
]
PEOPLE = [
    ("Priya Shah", "priya.shah@northvale.gov.uk", "+447700900101"),
    ("Tom Reid", "tom.reid@northvale.gov.uk", "+447700900102"),
    ("Jo Bloggs", "jo.bloggs@northvale.gov.uk", "+447700900103"),
    ("Sam Okafor", "sam.okafor@example.org", "+447700900104"),
]
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Msg:
    """What a rendered message must read back as."""

    sender: str | None
    when: datetime
    text: str
    files: tuple[str, ...] = ()
    sender_id: str | None = None
    msg_id: str | None = None
    reply_to: str | None = None
    reactions: tuple[str, ...] = field(default=())


def text(rng: random.Random, lines: bool = True) -> str:
    """Random message text: words with accents, emoji, markup characters, maybe two lines."""
    out = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9)))
    if lines and rng.random() < 0.2:
        out += "\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5)))
    return out


def _times(rng: random.Random, count: int, step: int = 600) -> Iterator[datetime]:
    moment = START
    for _ in range(count):
        moment += timedelta(seconds=rng.randint(1, step))
        yield moment


# --- SMS Backup & Restore -------------------------------------------------------------------


def _xml_attr(value: str, surrogates: bool) -> str:
    out = escape(value, quote=True).replace("\n", "&#10;")
    if surrogates:  # old app versions: emoji as UTF-16 surrogate-pair references
        chars = []
        for ch in out:
            if ord(ch) > 0xFFFF:
                code = ord(ch) - 0x10000
                chars.append(f"&#{0xD800 + (code >> 10)};&#{0xDC00 + (code & 0x3FF)};")
            else:
                chars.append(ch)
        out = "".join(chars)
    return out


def write_sms(handle: IO[bytes], count: int, seed: int = 1, media_bytes: int = 0) -> list[Msg]:
    """Write an SMS backup; every fifth record an MMS with a JPEG part of `media_bytes`."""
    rng = random.Random(seed)
    expected: list[Msg] = []
    handle.write(
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        b"<!--File Created By SMS Backup & Restore v10.18.300 on 30/04/2026 12:00:00-->\n"
        + f'<smses count="{count}" backup_set="x" type="full">\n'.encode()
    )
    blob = base64.b64encode(rng.randbytes(media_bytes)).decode() if media_bytes else ""
    for i, when in enumerate(_times(rng, count)):
        name, _, phone = rng.choice(PEOPLE)
        body = text(rng)
        ms = int(when.timestamp() * 1000)
        sent = rng.random() < 0.4
        if media_bytes and i % 5 == 4:
            line = (
                f'<mms date="{ms}" date_sent="{ms // 1000}" msg_box="{2 if sent else 1}" '
                f'address="{phone}" contact_name="{name}"><parts>'
                f'<part seq="-1" ct="application/smil" text="&lt;smil/&gt;" />'
                f'<part seq="0" ct="text/plain" text="{_xml_attr(body, False)}" />'
                f'<part seq="1" ct="image/jpeg" cl="IMG_{i}.jpg" data="{blob}" />'
                f'</parts><addrs><addr address="{phone}" type="{151 if sent else 137}" />'
                f"</addrs></mms>\n"
            )
            files: tuple[str, ...] = (f"IMG_{i}.jpg",)
        else:
            line = (
                f'<sms protocol="0" address="{phone}" date="{ms}" type="{2 if sent else 1}" '
                f'body="{_xml_attr(body, rng.random() < 0.5)}" read="1" '
                f'contact_name="{name if rng.random() < 0.7 else "(Unknown)"}" />\n'
            )
            files = ()
        handle.write(line.encode())
        expected.append(Msg("Me" if sent else None, when, body, files, None if sent else phone))
    handle.write(b"</smses>\n")
    return expected


# --- Messenger / Instagram ------------------------------------------------------------------


def _mojibake(value: str) -> str:
    return value.encode("utf-8").decode("latin-1")


def write_messenger(root: Path, count: int, seed: int = 2, per_part: int = 500) -> list[Msg]:
    """Write one thread folder under ``messages/inbox/`` with mojibake and newest-first parts."""
    rng = random.Random(seed)
    folder = root / "your_facebook_activity" / "messages" / "inbox" / "housingrepair_123"
    folder.mkdir(parents=True, exist_ok=True)
    expected = [
        Msg(rng.choice(PEOPLE)[0], when.replace(microsecond=0), text(rng))
        for when in _times(rng, count)
    ]
    newest_first = expected[::-1]
    parts = [newest_first[i : i + per_part] for i in range(0, len(newest_first), per_part)]
    for number, part in enumerate(parts, 1):
        data = {
            "participants": [{"name": _mojibake(p[0])} for p in PEOPLE],
            "messages": [
                {
                    "sender_name": _mojibake(m.sender or ""),
                    "timestamp_ms": int(m.when.timestamp() * 1000),
                    "content": _mojibake(m.text),
                    "is_geoblocked_for_viewer": False,
                }
                for m in part
            ],
            "title": _mojibake("Housing repair — Zoë"),
            "is_still_participant": True,
            "thread_path": "inbox/housingrepair_123",
            "magic_words": [],
        }
        (folder / f"message_{number}.json").write_text(json.dumps(data, indent=1))
    return expected


# --- Signal (signal-export) -----------------------------------------------------------------


def write_signal(root: Path, count: int, seed: int = 3, json_lines: bool = False) -> list[Msg]:
    """Write a chat folder with chat.md (local minutes) or also data.json (epoch ms)."""
    rng = random.Random(seed)
    chat = root / "Housing team"
    chat.mkdir(parents=True, exist_ok=True)
    zone = ZoneInfo("Europe/London")
    expected: list[Msg] = []
    md: list[str] = []
    data: list[str] = []
    for when in _times(rng, count, step=3600):
        when = when.replace(second=0)
        sender = rng.choice(["Me", "Priya Shah", "Tom Reid"])
        body = text(rng)
        local = when.astimezone(zone)
        md.append(f"[{local:%Y-%m-%d, %H:%M}] {sender}: {body}")
        ms = int(when.timestamp() * 1000)
        data.append(json.dumps({"timestamp": ms, "sender": sender, "body": body}))
        expected.append(Msg(sender, when, body, msg_id=str(ms)))
    (chat / "chat.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    if json_lines:
        (chat / "data.json").write_text("\n".join(data) + "\n", encoding="utf-8")
    return expected


# --- Teams (Graph) --------------------------------------------------------------------------


def write_teams(handle: IO[str], count: int, seed: int = 4) -> list[Msg]:
    """Write the ``{"chat", "members", "messages"}`` Graph shape with HTML bodies."""
    rng = random.Random(seed)
    ids = {p[0]: f"{i + 1:08d}-aaaa-bbbb-cccc-{i + 1:012d}" for i, p in enumerate(PEOPLE)}
    members = [
        {
            "@odata.type": "#microsoft.graph.aadUserConversationMember",
            "id": f"m{i}",
            "displayName": p[0],
            "userId": ids[p[0]],
            "email": p[1],
        }
        for i, p in enumerate(PEOPLE)
    ]
    handle.write(
        '{"chat": {"id": "19:round@thread.v2", "topic": "Repairs", "chatType": "group"},'
        f'"members": {json.dumps(members)}, "messages": ['
    )
    expected: list[Msg] = []
    for i, when in enumerate(_times(rng, count)):
        name = rng.choice(PEOPLE)[0]
        body = text(rng)
        html_body = "<p>" + escape(body, quote=False).replace("\n", "<br>") + "</p>"
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
        message = {
            "id": str(1767600000000 + i),
            "messageType": "message",
            "createdDateTime": stamp,
            "chatId": "19:round@thread.v2",
            "from": {"user": {"id": ids[name], "displayName": name}},
            "body": {"contentType": "html", "content": html_body},
            "attachments": [],
            "mentions": [],
            "reactions": [],
        }
        handle.write(("," if i else "") + json.dumps(message))
        expected.append(
            Msg(
                name,
                when.replace(microsecond=when.microsecond // 1000 * 1000),
                body,
                sender_id=ids[name],
                msg_id=str(1767600000000 + i),
            )
        )
    handle.write("]}")
    return expected


# --- RSMF -----------------------------------------------------------------------------------


def rsmf_bytes(count: int, seed: int = 5, version: str = "2.0.0") -> tuple[bytes, list[Msg]]:
    """An ``.rsmf`` e-mail whose manifest holds `count` message events."""
    rng = random.Random(seed)
    participants = [{"id": f"P{i}", "display": p[0], "email": p[1]} for i, p in enumerate(PEOPLE)]
    events = []
    expected = []
    for i, when in enumerate(_times(rng, count)):
        who = rng.randrange(len(PEOPLE))
        body = text(rng)
        events.append(
            {
                "id": f"E{i}",
                "type": "message",
                "participant": f"P{who}",
                "conversation": "C1",
                "body": body,
                "timestamp": when.isoformat().replace("+00:00", "Z"),
            }
        )
        expected.append(Msg(PEOPLE[who][0], when, body, sender_id=PEOPLE[who][1], msg_id=f"E{i}"))
    manifest = {
        "version": version,
        "participants": participants,
        "conversations": [
            {
                "id": "C1",
                "platform": "teams",
                "display": "Repairs",
                "participants": [p["id"] for p in participants],
            }
        ],
        "events": events,
    }
    return rsmf_email(manifest, {}, version), expected


def rsmf_email(
    manifest: object, files: dict[str, bytes], version: str = "2.0.0", application: str = "Teams"
) -> bytes:
    """Wrap a manifest (and attachment files) as an ``.rsmf`` e-mail."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rsmf_manifest.json", json.dumps(manifest))
        for name, data in files.items():
            archive.writestr(name, data)
    msg = EmailMessage()
    msg["From"] = "Priya Shah <priya.shah@northvale.gov.uk>"
    msg["X-RSMF-Version"] = version
    msg["X-RSMF-Application"] = application
    msg.set_content("Transcript (synthetic).")
    msg.add_attachment(
        buffer.getvalue(), maintype="application", subtype="zip", filename="rsmf.zip"
    )
    return bytes(msg)
