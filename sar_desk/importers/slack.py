"""Slack workspace exports (the admin export zip, or that zip unpacked).

Layout: ``users.json`` (or ``org_users.json``), ``channels.json``, ``groups.json``, ``dms.json``,
``mpims.json`` and one folder per conversation holding one JSON array per day
(``general/2024-01-05.json``).

Memory: day files are read one at a time, in date order, and only that file's records are held
(sorted by ``ts``) before they are yielded. Day files are UTC dates and thread replies live in the
day file of their own date, so the result is in ``ts`` order across the conversation; peak
memory is bounded by the largest single day file, not by the export.

People are shown by the names colleagues know them by (see `slack_names`): real or display
name, the handle and ``U…`` id kept as identifiers. Message text is Slack mrkdwn: ``<@U123>``
becomes ``@Real Name`` (the raw id goes into ``mentions`` so redaction can match both),
channel and link tokens become readable text, and ``&amp; &lt; &gt;`` are unescaped. File
links are listed but never fetched.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import normalise_email, normalise_phone
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.jsonstream import dict_at, list_at, load_json
from sar_desk.importers.slack_names import SlackNames

PLATFORM = "slack"
USER_FILES = ("users.json", "org_users.json")
CONVERSATION_FILES = ("channels.json", "groups.json", "dms.json", "mpims.json")
_DAY = re.compile(r"^(?:(?P<root>.*)/)?(?P<conv>[^/]+)/(?P<day>\d{4}-\d{2}-\d{2})\.json$")
_TOKEN = re.compile(r"<([^<>\n]*)>")
_SYSTEM = frozenset(
    f"{scope}_{what}"
    for scope in ("channel", "group")
    for what in ("join", "leave", "topic", "purpose", "name", "archive", "unarchive")
) | {
    "bot_add",
    "bot_remove",
    "pinned_item",
    "unpinned_item",
    "reminder_add",
    "channel_convert_to_private",
    "channel_convert_to_public",
    "sh_room_created",
}
_DELETED = frozenset({"tombstone", "message_deleted"})


@dataclass
class _Workspace:
    """What the metadata files say: user names and conversation keys, titles and members."""

    names: SlackNames = field(default_factory=SlackNames)
    channels: dict[str, str] = field(default_factory=dict)  # id -> name, for <#C123>
    folders: dict[str, tuple[str, str]] = field(default_factory=dict)  # folder -> (key, title)
    users_file: bool = False
    conversations: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    uploads: dict[str, str] = field(default_factory=dict)  # file id -> its copy in the export


def _looks_like_slack(tree: ExportTree) -> bool:
    if tree.kind == "file":
        return False
    names = tree.names()
    days = [n for n in names if _DAY.match(n)]
    if not days:
        return False
    if {posixpath.basename(n) for n in names} & {*USER_FILES, *CONVERSATION_FILES}:
        return True
    head = tree.head(days[0], 4096).decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
    return head.startswith("[") and '"ts"' in head


class SlackImporter:
    """Reads Slack workspace exports (zip or unpacked folder)."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "Slack workspace export"
    shapes: ClassVar[str] = "the export .zip, or its unpacked folder (channels.json + day files)"
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` is a Slack export folder or zip; reads one small file at most."""
        return sniff_tree(path, _looks_like_slack)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream each conversation's messages in ``ts`` order, one day file at a time.

        Raises:
            ImportFormatError: There are no Slack day files in the export.
        """
        report.limitations.append(
            "Slack exports include private channels and direct messages only on Business+ and "
            "Enterprise Grid plans; a standard export holds public channels only. Only the last "
            "edit of a message is kept, and files are listed but not included unless the tool "
            "that made the export downloaded them (their links are never opened)."
        )
        with ExportTree(path) as tree:
            names = tree.names()
            root = _root(names)
            days: dict[str, list[str]] = defaultdict(list)
            for name in names:
                match = _DAY.match(name)
                if match and (match["root"] or "") == root:
                    days[match["conv"]].append(name)
            if not days:
                raise ImportFormatError(
                    f"{path.name} is not a Slack workspace export: it has no conversation folders "
                    "of daily JSON files (like general/2024-01-05.json)."
                )
            every_day = [day for folder in sorted(days) for day in sorted(days[folder])]
            workspace = _workspace(tree, names, root, report, options)
            workspace.uploads = find_uploads(names)
            if not workspace.users_file or workspace.names.weak:
                _learn_names(tree, every_day, workspace)
            for base, conv in workspace.conversations:
                _conversation(workspace, base, conv, report)
            for folder in sorted(days):
                key, title = workspace.folders.get(folder, (folder, folder))
                for day in sorted(days[folder]):
                    yield from _day_file(tree, day, folder, key, title, workspace, report)


def _root(names: list[str]) -> str:
    """The folder holding the metadata files (shallowest), or the day folders' parent."""
    meta = [n for n in names if posixpath.basename(n) in (*USER_FILES, *CONVERSATION_FILES)]
    if meta:
        return posixpath.dirname(min(meta, key=lambda n: (n.count("/"), n)))
    roots = sorted((m["root"] or "" for n in names if (m := _DAY.match(n))), key=len)
    return roots[0] if roots else ""


def _find(names: list[str], root: str, base: str) -> str | None:
    name = f"{root}/{base}" if root else base
    return name if name in names else None


def _load_list(tree: ExportTree, name: str, report: ImportReport) -> list[dict[str, Any]]:
    try:
        data = load_json(tree, name)
    except ImportFormatError as exc:
        report.skip(name, f"could not be read, so it was left out: {exc}")
        return []
    if not isinstance(data, list):
        report.skip(name, "is not a JSON list, so it was left out")
        return []
    return [item for item in data if isinstance(item, dict)]


def _workspace(
    tree: ExportTree, names: list[str], root: str, report: ImportReport, options: ImportOptions
) -> _Workspace:
    space = _Workspace()
    user_files = [n for base in USER_FILES if (n := _find(names, root, base))]
    if not user_files:
        report.warn(
            "users.json is missing from this Slack export, so people are named only from the "
            "profile copied into their own messages: where there is none, senders and mentions "
            "show Slack user ids (U…) instead."
        )
    for name in user_files:
        for user in _load_list(tree, name, report):
            uid = str(user.get("id") or "")
            if not uid:
                continue
            display = space.names.add_user(user)
            profile = dict_at(user, "profile")
            email = normalise_email(str(profile.get("email") or ""))
            if email:
                report.link(IdentifierKind.PLATFORM_ID, uid, IdentifierKind.EMAIL, email, display)
            phone = normalise_phone(str(profile.get("phone") or ""), options.region)
            if phone:
                report.link(IdentifierKind.PLATFORM_ID, uid, IdentifierKind.PHONE, phone, display)
    space.users_file = bool(user_files)
    for base in CONVERSATION_FILES:
        found = _find(names, root, base)
        for conv in _load_list(tree, found, report) if found else []:
            space.conversations.append((base, conv))
    return space


def _learn_names(tree: ExportTree, days: list[str], space: _Workspace) -> None:
    """Name accounts users.json lacks or names by handle only, from their messages' profiles.

    Only run when needed: it reads every day file once more (one at a time), so that a mention
    or reaction before the account's first message is named too. Unreadable files are reported
    when the messages are read.
    """
    for day in days:
        try:
            data = load_json(tree, day)
        except ImportFormatError:
            continue
        for obj in data if isinstance(data, list) else []:
            if isinstance(obj, dict) and isinstance(obj.get("user"), str):
                space.names.learn(obj["user"], dict_at(obj, "user_profile"))


def _conversation(space: _Workspace, base: str, conv: dict[str, Any], report: ImportReport) -> None:
    cid = str(conv.get("id") or "")
    cname = str(conv.get("name") or cid)
    members = [str(m) for m in conv.get("members") or [] if isinstance(m, str)]
    people = ", ".join(space.names.user(m) or m for m in members)
    if base == "dms.json":
        folder, title = cid, f"Direct message: {people}" if people else f"Direct message {cid}"
    elif base == "mpims.json":
        folder, title = cname, f"Group direct message: {people}" if people else cname
    else:
        folder, title = cname, f"#{cname}" + (" (private)" if base == "groups.json" else "")
        space.channels[cid] = cname
    key = cid or folder
    space.folders[folder] = (key, title)
    for member in members:
        report.declare(key, member, IdentifierKind.PLATFORM_ID, space.names.user(member))


def _ts_key(ts: str) -> tuple[int, int]:
    seconds, _, fraction = ts.partition(".")
    return int(seconds), int(fraction or 0)


def _day_file(
    tree: ExportTree,
    name: str,
    folder: str,
    key: str,
    title: str,
    space: _Workspace,
    report: ImportReport,
) -> Iterator[RawMessage]:
    try:
        data = load_json(tree, name)
    except ImportFormatError as exc:
        report.skip(name, f"could not be read, so that day was left out: {exc}")
        return
    if not isinstance(data, list):
        report.skip(name, "is not a list of messages, so that day was left out")
        return
    label = f"{folder}/{posixpath.basename(name)}"
    ready: list[tuple[tuple[int, int], RawMessage]] = []
    for index, obj in enumerate(data, start=1):
        where = f"{label} message {index}"
        raw = _message(obj, key, title, space, where, report)
        if raw is not None and raw.platform_message_id is not None:
            ready.append((_ts_key(raw.platform_message_id), raw))
    ready.sort(key=lambda pair: pair[0])
    for _, raw in ready:
        yield raw


def _message(
    obj: Any, key: str, title: str, space: _Workspace, where: str, report: ImportReport
) -> RawMessage | None:
    if not isinstance(obj, dict):
        report.skip(where, "is not a message object")
        return None
    ts = obj.get("ts")
    try:
        seconds, micros = _ts_key(str(ts))
        when = datetime.fromtimestamp(seconds, UTC) + timedelta(microseconds=micros % 1_000_000)
    except (ValueError, OverflowError, OSError):
        report.skip(where, f"has no readable ts (message time): {str(ts)[:40]!r}")
        return None
    subtype = str(obj.get("subtype") or "")
    mentions: list[str] = []
    text = render_mrkdwn(str(obj.get("text") or ""), space, mentions)
    attachments = tuple(_files(obj, space.uploads))
    sender, sender_id = space.names.sender(obj)
    if subtype in _DELETED:
        kind = MessageKind.DELETED
    elif subtype in _SYSTEM:
        kind = MessageKind.SYSTEM
    elif attachments or subtype == "file_share":
        kind = MessageKind.MEDIA
    else:
        kind = MessageKind.MESSAGE
    thread = obj.get("thread_ts")
    return RawMessage(
        platform=PLATFORM,
        conversation_key=key,
        conversation_title=title,
        sender=sender,
        sender_id=sender_id,
        sender_id_kind=IdentifierKind.PLATFORM_ID if sender_id else None,
        timestamp=when,
        timestamp_raw=str(ts),
        time_basis=TimeBasis.UTC,
        kind=kind,
        text=text,
        attachments=attachments,
        platform_message_id=str(ts),
        reply_to=str(thread) if thread and str(thread) != str(ts) else None,
        edited=isinstance(obj.get("edited"), dict),
        reactions=tuple(_reactions(obj.get("reactions"), space)),
        mentions=tuple(dict.fromkeys(mentions)),
        location=where,
    )


def render_mrkdwn(text: str, space: _Workspace, mentions: list[str]) -> str:
    """Turn Slack mrkdwn tokens into readable text, collecting mentioned user ids.

    ``<@U1>`` → ``@Name``, ``<#C1|general>`` → ``#general``, ``<!here>`` → ``@here``,
    ``<https://x|label>`` → ``label (https://x)``; then ``&lt; &gt; &amp;`` are unescaped.
    """

    def token(match: re.Match[str]) -> str:
        target, _, label = match.group(1).partition("|")
        if target.startswith("@"):
            uid = target[1:]
            mentions.append(uid)
            return "@" + (space.names.user(uid) or label.lstrip("@") or uid)
        if target.startswith("#"):
            return "#" + (label or space.channels.get(target[1:]) or target[1:])
        if target.startswith("!"):
            special = target[1:]
            if special.startswith(("subteam^", "date^")):
                return label or special.split("^", 1)[-1]
            return "@" + special
        if target.startswith("mailto:"):
            return label or target[len("mailto:") :]
        return f"{label} ({target})" if label and label != target else target

    out = _TOKEN.sub(token, text)
    return out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def find_uploads(names: list[str]) -> dict[str, str]:
    """Files a Slack export tool downloaded with the messages, by Slack file id.

    Slack's own export holds links only; slackdump saves each file as ``__uploads/<id>/<name>``
    (or ``<channel>/attachments/<id>-<name>`` in its older layout), so a file found there is
    kept with its message and any other stays listed as not in the export.
    """
    found: dict[str, str] = {}
    for name in names:
        parts = name.split("/")
        if len(parts) >= 3 and parts[-3] == "__uploads":
            found.setdefault(parts[-2], name)
        elif len(parts) >= 2 and parts[-2] == "attachments" and "-" in parts[-1]:
            found.setdefault(parts[-1].split("-", 1)[0], name)
    return found


def _files(obj: dict[str, Any], uploads: dict[str, str]) -> Iterator[Attachment]:
    files = list_at(obj, "files")
    if isinstance(obj.get("file"), dict):
        files = [*files, obj["file"]]
    for item in files:
        if not isinstance(item, dict):
            continue
        label = item.get("name") or item.get("title") or item.get("id") or "file"
        size = item.get("size")
        path = uploads.get(str(item.get("id") or ""))
        yield Attachment(
            name=str(label),
            type=str(item.get("mimetype") or item.get("filetype") or "file"),
            present=path is not None,
            path=path,
            size=int(size) if isinstance(size, int | float) else None,
        )


def _reactions(value: Any, space: _Workspace) -> Iterator[Reaction]:
    if not isinstance(value, list):
        return
    for item in value:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        emoji = f":{item['name']}:"
        for uid in item.get("users") or []:
            yield Reaction(emoji, space.names.user(str(uid)), str(uid))
