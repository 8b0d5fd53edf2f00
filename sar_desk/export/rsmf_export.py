"""RSMF 2.0 export of the redacted conversations, for eDiscovery review tools.

One RFC 5322 message per conversation with the ``X-RSMF-*`` headers, a plain-text body and an
``rsmf.zip`` attachment holding ``rsmf_manifest.json``. Everything comes from the render
records, so every copy of the text (manifest, body, headers, participant lists) is the redacted
one, and counts are recomputed from what is actually included. Deterministic: fixed MIME
boundaries, message ids and zip times.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Final

from sar_desk.core.model import MessageKind
from sar_desk.export.render_model import RenderBundle, RenderConversation, RenderMessage

RSMF_VERSION = "2.0.0"
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _participants(conv: RenderConversation) -> dict[str, str]:
    ids: dict[str, str] = {}
    for msg in conv.messages:
        if msg.sender is not None:
            ids.setdefault(msg.sender, f"P{len(ids) + 1}")
    return ids


# RSMF's system event types, from the (redacted) wording of a system line; the rest "unknown".
_EVENT_WORDS: Final = (
    ("join", re.compile(r"\b(?:joined|added|was added)\b", re.IGNORECASE)),
    ("leave", re.compile(r"\b(?:left|removed|was removed)\b", re.IGNORECASE)),
    ("disclaimer", re.compile(r"end-to-end encrypted|security code", re.IGNORECASE)),
)
CUSTODIAN_ID: Final = "custodian"
"""The participant id of the disclosing organisation, the custodian of every conversation."""


def _event_type(msg: RenderMessage) -> str:
    if msg.kind != MessageKind.SYSTEM.value:
        return "message"
    for event_type, words in _EVENT_WORDS:
        if words.search(msg.text):
            return event_type
    return "unknown"


def rsmf_manifest(conv: RenderConversation, custodian: str) -> dict[str, Any]:
    """The ``rsmf_manifest.json`` content for one conversation (redacted).

    `custodian` names the disclosing organisation (the case reference); it is listed among
    the participants, as the RSMF reference rules require of a conversation's custodian.
    """
    people = _participants(conv)
    events = []
    for msg in conv.messages:
        body = "\n".join(p for p in (msg.text, *msg.attachments, *msg.reactions) if p)
        event: dict[str, Any] = {
            "id": f"E{msg.item}",
            "type": _event_type(msg),
            "conversation": conv.ref,
            "timestamp": msg.iso_time,
            "body": body,
        }
        if msg.sender is not None:
            event["participant"] = people[msg.sender]
        if msg.kind == MessageKind.DELETED.value:
            event["deleted"] = True
        if msg.edited:
            event["edited"] = True
        events.append(event)
    listed = [{"id": pid, "display": name} for name, pid in people.items()]
    return {
        "version": RSMF_VERSION,
        "participants": [*listed, {"id": CUSTODIAN_ID, "display": custodian}],
        "conversations": [
            {
                "id": conv.ref,
                "display": conv.title,
                "platform": conv.platform,
                "type": "channel" if len(people) > 2 else "direct",
                "participants": list(people.values()),
                "custodian": CUSTODIAN_ID,
            }
        ],
        "events": events,
    }


def _body(conv: RenderConversation) -> str:
    lines = [conv.heading, ""]
    for msg in conv.messages:
        who = msg.sender or "(system)"
        lines.append(f"[{msg.iso_time}] {who}: {msg.text}")
        lines += [f"    {extra}" for extra in (*msg.attachments, *msg.reactions)]
    return "\n".join(lines) + "\n"


def rsmf_message(
    bundle: RenderBundle, conv: RenderConversation, generated_at: datetime, generator: str
) -> bytes:
    """One conversation as an RSMF 2.0 e-mail (bytes)."""
    manifest = rsmf_manifest(conv, custodian=bundle.reference)
    people = [p["display"] for p in manifest["participants"] if p["id"] != CUSTODIAN_ID]
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("rsmf_manifest.json", date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False))
    msg = EmailMessage()
    msg["From"] = f"{bundle.reference} <{CUSTODIAN_ID}@rsmf.invalid>"  # RSMF: From is the custodian
    msg["To"] = ", ".join(f"{name} <P{i}@rsmf.invalid>" for i, name in enumerate(people, 1))
    msg["Subject"] = f"{bundle.reference} {conv.ref} redacted conversation"
    msg["Date"] = format_datetime(generated_at)
    msg["Message-ID"] = f"<{bundle.reference}.{conv.ref}@sar-desk.invalid>"
    msg["X-RSMF-Version"] = RSMF_VERSION
    msg["X-RSMF-Generator"] = generator
    msg["X-RSMF-Application"] = conv.platform
    msg["X-RSMF-Custodian"] = bundle.reference
    msg["X-RSMF-Participants"] = "; ".join(people)
    msg["X-RSMF-EventCount"] = str(len(manifest["events"]))
    msg["X-RSMF-AttachmentCount"] = "0"
    if conv.messages:
        msg["X-RSMF-BeginDate"] = conv.messages[0].iso_time
        msg["X-RSMF-EndDate"] = conv.messages[-1].iso_time
    msg.set_content(_body(conv))
    msg.add_attachment(
        packed.getvalue(), maintype="application", subtype="zip", filename="rsmf.zip"
    )
    msg.set_boundary(f"sar-desk-rsmf-{conv.ref}")
    return bytes(msg)


def write_rsmf(
    bundle: RenderBundle, folder: Path, prefix: str, generated_at: datetime, generator: str
) -> list[Path]:
    """Write one ``<prefix>-<conversation>.eml`` per conversation into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for conv in bundle.conversations:
        path = folder / f"{prefix}-{conv.ref}.eml"
        path.write_bytes(rsmf_message(bundle, conv, generated_at, generator))
        written.append(path)
    return written
