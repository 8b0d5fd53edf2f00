"""Google Chat from Google Takeout: ``Google Chat/Groups/<DM … | Space …>/messages.json``.

Accepted: the Takeout zip, the ``Takeout`` folder, a single group folder, or one
``messages.json``. Each group's ``group_info.json`` gives its name and members (e-mail
addresses). Messages are streamed with ijson. ``created_date`` is a locale-dependent sentence
("Monday, February 10, 2025 at 3:45:22 PM UTC", "2015. február 15., vasárnap 21:54:36 UTC");
`parse_takeout_date` reads it in English, Hungarian, German, French, Spanish and Dutch, and the
raw string is kept with every message.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import normalise_email
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.jsonstream import dict_at, head_text, iter_items, load_json

PLATFORM = "google-chat"
_KEYS = re.compile(r'"(?:creator|created_date|topic_id|message_state|annotations)"\s*:')
_MESSAGES = re.compile(r'^\{\s*"messages"\s*:\s*\[')
_NOT_OURS = re.compile(r'"guild"\s*:\s*\{|"date_unixtime"\s*:|"from_id"\s*:')
_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "hu": "január február március április május június július augusztus szeptember október "
    "november december",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
MONTHS: dict[str, int] = {}
for _names in _MONTH_NAMES.values():
    for _number, _name in enumerate(_names.split(), start=1):
        MONTHS.setdefault(_name, _number)
        MONTHS.setdefault(_name[:3], _number)  # "Feb", "febr." style abbreviations
_TIME = re.compile(
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|de\.|du\.)?(?=\s|$|,)"
)
_ZONE = re.compile(r"\s(?:utc|gmt)(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?$|\s([+-])(\d{2}):?(\d{2})$")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_takeout_date(raw: str) -> tuple[datetime, bool] | None:
    """Read a Takeout ``created_date`` sentence.

    Returns:
        The datetime and whether the string named its zone (UTC or an offset); a string with no
        zone gives a naive datetime. None when the string cannot be read.
    """
    text = " ".join(raw.replace("\u202f", " ").replace("\u00a0", " ").lower().split())
    zone_match = _ZONE.search(text)
    tz: timezone | None = None
    if zone_match:
        sign, hours, minutes = zone_match.group(1, 2, 3)
        if sign is None:
            sign, hours, minutes = zone_match.group(4, 5, 6)
        delta = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
        tz = timezone(-delta if sign == "-" else delta) if sign else UTC
        text = text[: zone_match.start()]
    # The time is the last h:mm group: Hungarian dates put dotted numbers before it.
    time_match = next(reversed(list(_TIME.finditer(text))), None)
    if time_match is None:
        return None
    hour, minute, second = (int(g or 0) for g in time_match.group(1, 2, 3))
    marker = time_match.group(4) or ""
    if marker in ("pm", "p.m.", "du.") and hour < 12:
        hour += 12
    elif marker in ("am", "a.m.", "de.") and hour == 12:
        hour = 0
    rest = text[: time_match.start()] + " " + text[time_match.end() :]
    iso = _ISO_DAY.search(rest)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        years = re.findall(r"(?<!\d)(\d{4})(?!\d)", rest)
        words = re.findall(r"[^\W\d_]+", rest)
        month = next((MONTHS[w] for w in words if w in MONTHS), 0)
        rest_days = re.findall(r"(?<!\d)(\d{1,2})(?!\d)", rest)
        if not years or not month or not rest_days:
            return None
        year, day = int(years[0]), int(rest_days[0])
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz), tz is not None
    except ValueError:
        return None


def looks_like_google_chat(head: str, has_group_info: bool = False) -> bool:
    """Whether the start of a JSON file looks like a Takeout ``messages.json``."""
    text = head.lstrip()
    if not _MESSAGES.match(text) or _NOT_OURS.search(text):
        return False
    return bool(_KEYS.search(text)) or has_group_info


class GoogleChatImporter:
    """Reads Google Chat data from Google Takeout."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "Google Chat (Google Takeout)"
    shapes: ClassVar[str] = "the Takeout zip or folder, a group folder, or one messages.json"
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds Google Chat ``messages.json``; reads a few KB, never raises."""
        return sniff_tree(path, lambda tree: bool(_groups(tree, limit=1)))

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every group's messages, group by group.

        Raises:
            ImportFormatError: There is no Google Chat ``messages.json`` in the input.
        """
        report.limitations.append(
            "Google Takeout holds only the chats of the account that made it. Deleted messages "
            "appear only as markers without their text, and only the last edit is kept."
        )
        with ExportTree(path) as tree:
            groups = _groups(tree)
            if not groups:
                raise ImportFormatError(
                    f"{path.name} is not a Google Chat export: there is no 'Google Chat' "
                    "messages.json in it. Ask for a Google Takeout export with Google Chat ticked."
                )
            names = frozenset(tree.names())
            zone = ZoneInfo(options.timezone)
            for name in groups:
                yield from _read_group(tree, name, names, zone, report)


def _groups(tree: ExportTree, limit: int = 0) -> list[str]:
    names = tree.names()
    if tree.kind == "file":
        candidates = names
    else:
        candidates = [n for n in names if posixpath.basename(n) == "messages.json"]
    known = set(names)
    found: list[str] = []
    for name in candidates:
        info = posixpath.join(posixpath.dirname(name), "group_info.json")
        if looks_like_google_chat(head_text(tree, name, 4096), info in known):
            found.append(name)
            if limit and len(found) >= limit:
                break
    return found


def _group_meta(
    tree: ExportTree, name: str, names: frozenset[str], report: ImportReport
) -> tuple[str, str]:
    folder = posixpath.dirname(name)
    key = posixpath.basename(folder)  # "" for a lone messages.json: set from its message ids
    info_name = posixpath.join(folder, "group_info.json")
    info: Any = {}
    if info_name in names:
        try:
            info = load_json(tree, info_name)
        except ImportFormatError as exc:
            report.skip(info_name, f"could not be read, so members were not listed: {exc}")
    members = info.get("members") if isinstance(info, dict) else None
    people: list[str] = []
    for member in members if isinstance(members, list) else []:
        if not isinstance(member, dict):
            continue
        email = normalise_email(str(member.get("email") or ""))
        display = str(member.get("name") or "") or None
        if email:
            report.declare(key, email, IdentifierKind.EMAIL, display)
        people.append(display or email or "?")
    title = info.get("name") if isinstance(info, dict) else None
    if not title and key:
        title = f"{key.split(' ')[0]}: {', '.join(people)}" if people else key
    return key, str(title or "")


def _read_group(
    tree: ExportTree, name: str, names: frozenset[str], zone: ZoneInfo, report: ImportReport
) -> Iterator[RawMessage]:
    key, title = _group_meta(tree, name, names, report)
    folder = posixpath.dirname(name)
    label = posixpath.join(posixpath.basename(folder), "messages.json") if folder else name
    roots: dict[str, str] = {}
    for index, obj in enumerate(iter_items(tree, name, "messages.item"), start=1):
        where = f"{label} message {index}"
        if not isinstance(obj, dict):
            report.skip(where, "is not a message object")
            continue
        if not key:  # message ids are "<group>/<topic>/<message>"
            key = str(obj.get("message_id") or "").split("/")[0] or "Google Chat"
            title = title or key
        raw = _message(obj, key, title, folder, names, zone, roots, where, report)
        if raw is not None:
            yield raw


def _message(
    obj: dict[str, Any],
    key: str,
    title: str,
    folder: str,
    names: frozenset[str],
    zone: ZoneInfo,
    roots: dict[str, str],
    where: str,
    report: ImportReport,
) -> RawMessage | None:
    deleted = str(obj.get("message_state") or "").upper() == "DELETED"
    stamp = obj.get("created_date") or (obj.get("deleted_date") if deleted else None)
    parsed = parse_takeout_date(str(stamp)) if isinstance(stamp, str) else None
    if parsed is None:
        report.skip(where, f"has no readable date: {str(stamp)[:60]!r}")
        return None
    when, zoned = parsed
    basis = TimeBasis.UTC if zoned and when.utcoffset() == timedelta(0) else TimeBasis.OFFSET_GIVEN
    if not zoned:
        when, basis = when.replace(tzinfo=zone), TimeBasis.CASE_TZ
    creator = dict_at(obj, "creator")
    email = normalise_email(str(creator.get("email") or ""))
    attachments = tuple(_attachments(obj.get("attached_files"), folder, names))
    text = str(obj.get("text") or "")
    if deleted:
        kind = MessageKind.DELETED
    else:
        kind = MessageKind.MEDIA if attachments and not text else MessageKind.MESSAGE
    mid = str(obj.get("message_id") or "") or None
    reply: str | None = None
    quoted = obj.get("quoted_message_metadata")
    if isinstance(quoted, dict) and quoted.get("message_id"):
        reply = str(quoted["message_id"])
    topic = obj.get("topic_id")
    if topic and mid:
        root = roots.setdefault(str(topic), mid)
        reply = reply or (root if root != mid else None)
    updated = obj.get("updated_date")
    return RawMessage(
        platform=PLATFORM,
        conversation_key=key,
        conversation_title=title,
        sender=str(creator.get("name") or "") or email,
        sender_id=email,
        sender_id_kind=IdentifierKind.EMAIL if email else None,
        timestamp=when,
        timestamp_raw=str(stamp),
        time_basis=basis,
        kind=kind,
        text=text,
        attachments=attachments,
        platform_message_id=mid,
        reply_to=reply,
        edited=bool(updated) and updated != obj.get("created_date"),
        reactions=tuple(_reactions(obj.get("reactions"))),
        mentions=tuple(dict.fromkeys(_mentions(obj.get("annotations")))),
        location=where,
    )


def _mentions(value: Any) -> Iterator[str]:
    for item in value if isinstance(value, list) else []:
        meta = item.get("user_mention_metadata") if isinstance(item, dict) else None
        user = meta.get("user") if isinstance(meta, dict) else None
        if isinstance(user, dict):
            email = normalise_email(str(user.get("email") or ""))
            if email or user.get("name"):
                yield email or str(user["name"])


def _attachments(value: Any, folder: str, names: frozenset[str]) -> Iterator[Attachment]:
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        export_name = str(item.get("export_name") or "")
        rel = posixpath.join(folder, export_name) if export_name else None
        present = rel is not None and rel in names
        yield Attachment(
            name=str(item.get("original_name") or export_name or "attachment"),
            type="file",
            present=present,
            path=rel,
        )


def _reactions(value: Any) -> Iterator[Reaction]:
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        emoji_obj = dict_at(item, "emoji")
        emoji = str(emoji_obj.get("unicode") or emoji_obj.get("custom_emoji", {}).get("name", "?"))
        for reactor in item.get("reactor_emails") or []:
            yield Reaction(emoji, None, normalise_email(str(reactor)) or str(reactor))
