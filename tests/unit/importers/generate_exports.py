"""Render random synthetic chats in Telegram, Slack, Discord and Google Chat export formats.

Used by the round-trip tests (render, parse back, compare) and by the throughput and memory
benchmarks (which write 100k to millions of messages, so every writer streams its output).
Every name, id and address here is made up.

`specs(seed, n)` yields `Spec`s (one per message, in time order); each `write_*` function
renders them and each `expect_*` function says what the importer must produce for them, as
`Expected` tuples.
"""

from __future__ import annotations

import json
import random
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, NamedTuple

USERS = (
    ("Ann Example", "U0ANNEX01", 1001),
    ("Bea Sample", "U0BEASA02", 1002),
    ("Cal Testing", "U0CALTE03", 1003),
    ("Dee Placeholder", "U0DEEPL04", 1004),
    ("Eli Fictional", "U0ELIFI05", 1005),
)
WORDS = [
    "repair",
    "boiler",
    "damp",
    "tenancy",
    "visit",
    "Tuesday",
    "report",
    "leak",
    "window",
    "council",
    "housing",
    "officer",
    "appointment",
    "call",
    "back",
    "rent",
    "arrears",
    "inspection",
    "heating",
    "mould",
    "ladder",
    "quote",
    "urgent",
]
SPECIALS = (
    '"quoted"',
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "👍",
    "café",
    "a & b",
    "x < y > z",
    "bell\x07char",
    "ctl\x0bchar",
    "sep\u2028line",
    "1.5 \\x41 literal",
)
BASE = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Spec:
    """One synthetic message, independent of any platform."""

    index: int
    conv: int
    sender: int
    when: datetime
    text: str
    reply_to: int | None
    edited: bool
    mention: int | None
    reactors: tuple[int, ...]
    system: bool


class Expected(NamedTuple):
    """The fields of a parsed record that a round trip must reproduce."""

    conversation_key: str
    sender: str | None
    sender_id: str | None
    timestamp: datetime
    kind: str
    text: str
    platform_message_id: str | None
    reply_to: str | None
    edited: bool
    mentions: tuple[str, ...]
    reactions: int


def as_expected(raw: Any) -> Expected:
    """Reduce a RawMessage to the fields a round trip compares."""
    return Expected(
        raw.conversation_key,
        raw.sender,
        raw.sender_id,
        raw.timestamp,
        str(raw.kind),
        raw.text,
        raw.platform_message_id,
        raw.reply_to,
        raw.edited,
        tuple(raw.mentions),
        len(raw.reactions),
    )


def specs(seed: int, n: int, convs: int = 3, text_words: int = 12) -> Iterator[Spec]:
    """Yield `n` random messages over `convs` conversations, in strictly increasing time."""
    rng = random.Random(seed)
    pool = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, text_words)))
        + (" " + rng.choice(SPECIALS) if rng.random() < 0.5 else "")
        for _ in range(512)
    ]
    last: dict[int, list[int]] = {}
    when = BASE
    for index in range(n):
        conv = rng.randrange(convs)
        when += timedelta(seconds=rng.randint(1, 400), microseconds=rng.randint(0, 999) * 1000)
        earlier = last.setdefault(conv, [])
        system = rng.random() < 0.05
        reply = rng.choice(earlier[-20:]) if earlier and not system and rng.random() < 0.2 else None
        yield Spec(
            index=index,
            conv=conv,
            sender=rng.randrange(len(USERS)),
            when=when,
            text=f"{rng.choice(pool)} #{index}",
            reply_to=reply,
            edited=not system and rng.random() < 0.1,
            mention=rng.randrange(len(USERS)) if not system and rng.random() < 0.2 else None,
            reactors=tuple(sorted(rng.sample(range(len(USERS)), rng.randint(0, 2))))
            if not system
            else (),
            system=system,
        )
        if not system:
            earlier.append(index)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- Telegram -----------------------------------------------------------------------------

_U_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u00([01][0-9a-f])")


def _telegram_json(value: Any) -> str:
    """JSON as tdesktop writes it: control characters escaped as invalid ``\\xNN``."""
    return _U_ESCAPE.sub(r"\1\\x\2", json.dumps(value, ensure_ascii=False))


def _telegram_message(spec: Spec) -> dict[str, Any]:
    name, _, num = USERS[spec.sender]
    local = spec.when.astimezone(timezone(timedelta(hours=1))).replace(tzinfo=None)
    obj: dict[str, Any] = {
        "id": spec.index + 1,
        "type": "service" if spec.system else "message",
        "date": local.isoformat(),
        "date_unixtime": str(int(spec.when.timestamp())),
    }
    if spec.system:
        obj.update(actor=name, actor_id=f"user{num}", action="pin_message", text="")
        return obj
    obj.update({"from": name, "from_id": f"user{num}"})
    if spec.edited:
        obj["edited"] = obj["date"]
    if spec.reply_to is not None:
        obj["reply_to_message_id"] = spec.reply_to + 1
    if spec.mention is not None:
        target, _, tnum = USERS[spec.mention]
        obj["text"] = [spec.text + " ", {"type": "mention_name", "text": target, "user_id": tnum}]
    else:
        obj["text"] = spec.text
    if spec.reactors:
        obj["reactions"] = [
            {
                "type": "emoji",
                "count": len(spec.reactors),
                "emoji": "👍",
                "recent": [
                    {"from": USERS[r][0], "from_id": f"user{USERS[r][2]}", "date": obj["date"]}
                    for r in spec.reactors
                ],
            }
        ]
    return obj


def write_telegram(path: Path, items: Iterable[Spec], full: bool = False) -> int:
    """Write ``result.json``; for `full`, specs must come grouped by conversation."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        if not full:
            out.write(
                '{\n "name": "Repairs \\x0b chat",\n "type": "private_group",\n "id": 0,\n'
                ' "messages": [\n'
            )
        else:
            out.write(
                '{\n "about": "Here is the data you requested.",\n "personal_information": '
                '{"user_id": 1001, "first_name": "Ann", "phone_number": "+44 7911 123456"},\n'
                ' "chats": {"about": "", "list": [\n'
            )
        conv: int | None = None
        first = True
        for spec in items:
            if full and spec.conv != conv:
                if conv is not None:
                    out.write("\n ]}, ")
                conv, first = spec.conv, True
                out.write(
                    f'{{"name": "Chat {conv}", "type": "private_supergroup", "id": {conv},'
                    ' "messages": [\n'
                )
            out.write(("" if first else ",\n") + "  " + _telegram_json(_telegram_message(spec)))
            first = False
            count += 1
        out.write("\n ]}\n" if not full else ("\n ]}" if conv is not None else "") + "]}}\n")
    return count


def expect_telegram(items: Iterable[Spec], full: bool = False) -> list[Expected]:
    """What the Telegram importer must read back."""
    result = []
    for spec in items:
        name, _, num = USERS[spec.sender]
        text = spec.text
        mentions: tuple[str, ...] = ()
        if spec.mention is not None:
            text += " " + USERS[spec.mention][0]
            mentions = (f"user{USERS[spec.mention][2]}",)
        if spec.system:
            text = f"{name} pinned a message"
        result.append(
            Expected(
                str(spec.conv if full else 0),
                name,
                f"user{num}",
                spec.when.replace(microsecond=0),
                "system" if spec.system else "message",
                text,
                str(spec.index + 1),
                str(spec.reply_to + 1) if spec.reply_to is not None else None,
                spec.edited,
                mentions,
                len(spec.reactors),
            )
        )
    return result


# --- Slack --------------------------------------------------------------------------------


def _ts(spec: Spec) -> str:
    return f"{int(spec.when.timestamp())}.{spec.when.microsecond:06d}"


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_slack(root: Path, items: Iterable[Spec], convs: int = 3) -> int:
    """Write an unpacked Slack export under `root`, one day file at a time."""
    root.mkdir(parents=True, exist_ok=True)
    users = [
        {
            "id": uid,
            "name": name.split()[0].lower(),
            "real_name": name,
            "profile": {
                "display_name": name,
                "real_name": name,
                "email": f"{name.split()[0].lower()}@example.org",
                "phone": f"07911 1234{n % 100:02d}",
            },
        }
        for name, uid, n in USERS
    ]
    (root / "users.json").write_text(_dump(users), encoding="utf-8")
    channels = [
        {"id": f"C0CHAN{c:04d}", "name": f"channel-{c}", "members": [u for _, u, _ in USERS]}
        for c in range(convs)
    ]
    (root / "channels.json").write_text(_dump(channels), encoding="utf-8")
    ts_of: dict[int, str] = {}
    days: dict[int, tuple[str, list[dict[str, Any]]]] = {}

    def flush(conv: int) -> None:
        day, records = days.pop(conv)
        folder = root / f"channel-{conv}"
        folder.mkdir(exist_ok=True)
        (folder / f"{day}.json").write_text(_dump(records), encoding="utf-8")

    count = 0
    for spec in items:
        ts = _ts(spec)
        ts_of[spec.index] = ts
        _, uid, _ = USERS[spec.sender]
        obj: dict[str, Any] = {"type": "message", "user": uid, "ts": ts}
        if spec.system:
            obj.update(subtype="channel_join", text=f"<@{uid}> has joined the channel")
        else:
            text = _slack_escape(spec.text)
            if spec.mention is not None:
                text += f" <@{USERS[spec.mention][1]}>"
            obj["text"] = text
        if spec.reply_to is not None:
            obj["thread_ts"] = ts_of[spec.reply_to]
        if spec.edited:
            obj["edited"] = {"user": uid, "ts": ts}
        if spec.reactors:
            obj["reactions"] = [
                {
                    "name": "thumbsup",
                    "count": len(spec.reactors),
                    "users": [USERS[r][1] for r in spec.reactors],
                }
            ]
        day = spec.when.strftime("%Y-%m-%d")
        if spec.conv in days and days[spec.conv][0] != day:
            flush(spec.conv)
        days.setdefault(spec.conv, (day, []))[1].append(obj)
        count += 1
    for conv in list(days):
        flush(conv)
    return count


def expect_slack(items: Iterable[Spec]) -> list[Expected]:
    """What the Slack importer must read back (conversation by conversation, in ts order)."""
    result = []
    ts_of: dict[int, str] = {}
    for spec in sorted(items, key=lambda s: (f"channel-{s.conv}", s.index)):
        ts_of[spec.index] = _ts(spec)
        name, uid, _ = USERS[spec.sender]
        text = f"@{name} has joined the channel" if spec.system else spec.text
        mentions: tuple[str, ...] = (uid,) if spec.system else ()
        if spec.mention is not None:
            text += f" @{USERS[spec.mention][0]}"
            mentions = (USERS[spec.mention][1],)
        result.append(
            Expected(
                f"C0CHAN{spec.conv:04d}",
                name,
                uid,
                spec.when,
                "system" if spec.system else "message",
                text,
                _ts(spec),
                ts_of[spec.reply_to] if spec.reply_to is not None else None,
                spec.edited,
                mentions,
                len(spec.reactors),
            )
        )
    return result


def zip_folder(folder: Path, target: Path) -> Path:
    """Zip a folder's content (entries relative to the folder)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return target


# --- Discord ------------------------------------------------------------------------------

_DISCORD_TZ = timezone(timedelta(hours=1))


def _snowflake(index: int) -> str:
    return str(1_100_000_000_000_000_000 + index)


def _discord_user(i: int) -> dict[str, Any]:
    name, _, num = USERS[i]
    return {
        "id": str(900_000_000_000_000_000 + num),
        "name": name.split()[0].lower(),
        "discriminator": "0000",
        "nickname": name,
        "isBot": False,
    }


def write_discord(folder: Path, items: Iterable[Spec]) -> int:
    """Write one DCE JSON file per conversation into `folder`, streaming."""
    folder.mkdir(parents=True, exist_ok=True)
    handles: dict[int, IO[str]] = {}
    count = 0
    try:
        for spec in items:
            out = handles.get(spec.conv)
            if out is None:
                out = handles[spec.conv] = (
                    folder / f"Northvale - Text - chan{spec.conv} [{spec.conv}].json"
                ).open("w", encoding="utf-8")
                head = {
                    "guild": {"id": "1", "name": "Northvale"},
                    "channel": {
                        "id": str(500 + spec.conv),
                        "type": "GuildTextChat",
                        "category": "Text",
                        "name": f"chan{spec.conv}",
                    },
                    "dateRange": {"after": None, "before": None},
                }
                out.write(_dump(head)[:-1] + ', "messages": [\n')
            else:
                out.write(",\n")
            stamp = spec.when.astimezone(_DISCORD_TZ).isoformat(timespec="milliseconds")
            obj: dict[str, Any] = {
                "id": _snowflake(spec.index),
                "type": "ChannelPinnedMessage"
                if spec.system
                else ("Reply" if spec.reply_to is not None else "Default"),
                "timestamp": stamp,
                "timestampEdited": stamp if spec.edited else None,
                "isPinned": False,
                "content": "" if spec.system else spec.text,
                "author": _discord_user(spec.sender),
                "attachments": [],
                "embeds": [],
                "reactions": [
                    {
                        "emoji": {"id": "", "name": "👍"},
                        "count": len(spec.reactors),
                        "users": [_discord_user(r) for r in spec.reactors],
                    }
                ]
                if spec.reactors
                else [],
                "mentions": [_discord_user(spec.mention)] if spec.mention is not None else [],
            }
            if spec.reply_to is not None:
                obj["reference"] = {
                    "messageId": _snowflake(spec.reply_to),
                    "channelId": str(500 + spec.conv),
                }
            out.write(_dump(obj))
            count += 1
    finally:
        for out in handles.values():
            out.write("\n]}\n")
            out.close()
    return count


def expect_discord(items: Iterable[Spec]) -> list[Expected]:
    """What the Discord importer must read back (file by file, in file-name order)."""
    result = []
    for spec in sorted(items, key=lambda s: (f"chan{s.conv} [{s.conv}]", s.index)):
        user = _discord_user(spec.sender)
        result.append(
            Expected(
                str(500 + spec.conv),
                user["nickname"],
                user["id"],
                spec.when.astimezone(_DISCORD_TZ).replace(
                    microsecond=spec.when.microsecond // 1000 * 1000
                ),
                "system" if spec.system else "message",
                "Channel pinned message" if spec.system else spec.text,
                _snowflake(spec.index),
                _snowflake(spec.reply_to) if spec.reply_to is not None else None,
                spec.edited,
                (_discord_user(spec.mention)["id"],) if spec.mention is not None else (),
                len(spec.reactors),
            )
        )
    return result


# --- Google Chat --------------------------------------------------------------------------

_HU_MONTHS = [
    "január",
    "február",
    "március",
    "április",
    "május",
    "június",
    "július",
    "augusztus",
    "szeptember",
    "október",
    "november",
    "december",
]
_HU_DAYS = ["hétfő", "kedd", "szerda", "csütörtök", "péntek", "szombat", "vasárnap"]


def takeout_date(when: datetime, style: int) -> str:
    """A Takeout ``created_date`` in one of three locale styles (12h en, 24h en, hu)."""
    when = when.astimezone(UTC)
    if style == 0:
        hour = when.hour % 12 or 12
        return (
            f"{when:%A, %B} {when.day}, {when.year} at {hour}:{when:%M:%S}\u202f"
            f"{'PM' if when.hour >= 12 else 'AM'} UTC"
        )
    if style == 1:
        return f"{when:%A, %B} {when.day}, {when.year} at {when:%H:%M:%S} UTC"
    return (
        f"{when.year}. {_HU_MONTHS[when.month - 1]} {when.day}., "
        f"{_HU_DAYS[when.weekday()]} {when:%H:%M:%S} UTC"
    )


def _email(i: int) -> str:
    return f"{USERS[i][0].split()[0].lower()}.{USERS[i][0].split()[1].lower()}@example.org"


def write_google_chat(root: Path, items: Iterable[Spec], convs: int = 3) -> int:
    """Write ``Takeout/Google Chat/Groups/Space N/`` folders under `root`, streaming."""
    groups = root / "Takeout" / "Google Chat" / "Groups"
    handles: dict[int, IO[str]] = {}
    topics: dict[int, str] = {}
    count = 0
    try:
        for spec in items:
            out = handles.get(spec.conv)
            if out is None:
                folder = groups / f"Space AAAA{spec.conv}"
                folder.mkdir(parents=True, exist_ok=True)
                info = {
                    "name": f"Space {spec.conv}",
                    "members": [
                        {"name": USERS[i][0], "email": _email(i), "user_type": "Human"}
                        for i in range(len(USERS))
                    ],
                }
                (folder / "group_info.json").write_text(_dump(info), encoding="utf-8")
                out = handles[spec.conv] = (folder / "messages.json").open("w", encoding="utf-8")
                out.write('{\n  "messages": [\n')
            else:
                out.write(",\n")
            topic = topics[spec.reply_to] if spec.reply_to is not None else f"t{spec.index}"
            topics[spec.index] = topic
            obj: dict[str, Any] = {
                "creator": {
                    "name": USERS[spec.sender][0],
                    "email": _email(spec.sender).upper(),
                    "user_type": "Human",
                },
                "created_date": takeout_date(spec.when, spec.index % 3),
                "text": spec.text,
                "topic_id": topic,
                "message_id": f"AAAA{spec.conv}/{topic}/m{spec.index}",
            }
            if spec.system:  # Google Chat has no system events; use a deleted marker instead
                obj.pop("created_date")
                obj.update(
                    text="",
                    message_state="DELETED",
                    deleted_date=takeout_date(spec.when, 1),
                    deletion_metadata={"deletion_type": "CREATOR"},
                )
            if spec.edited:
                obj["updated_date"] = takeout_date(spec.when + timedelta(minutes=1), 1)
            if spec.mention is not None:
                obj["annotations"] = [
                    {
                        "start_index": 0,
                        "length": 3,
                        "user_mention_metadata": {
                            "type": "MENTION",
                            "user": {"name": USERS[spec.mention][0], "email": _email(spec.mention)},
                        },
                    }
                ]
            if spec.reactors:
                obj["reactions"] = [
                    {
                        "emoji": {"unicode": "👍"},
                        "reactor_emails": [_email(r) for r in spec.reactors],
                    }
                ]
            out.write("    " + _dump(obj))
            count += 1
    finally:
        for out in handles.values():
            out.write("\n  ]\n}\n")
            out.close()
    return count


def expect_google_chat(items: Iterable[Spec]) -> list[Expected]:
    """What the Google Chat importer must read back (group folder by folder)."""
    result = []
    topics: dict[int, str] = {}
    roots: dict[str, str] = {}
    for spec in sorted(items, key=lambda s: (s.conv, s.index)):
        topic = topics[spec.reply_to] if spec.reply_to is not None else f"t{spec.index}"
        topics[spec.index] = topic
        mid = f"AAAA{spec.conv}/{topic}/m{spec.index}"
        root = roots.setdefault(topic, mid)
        result.append(
            Expected(
                f"Space AAAA{spec.conv}",
                USERS[spec.sender][0],
                _email(spec.sender),
                spec.when.replace(microsecond=0),
                "deleted" if spec.system else "message",
                "" if spec.system else spec.text,
                mid,
                root if root != mid else None,
                spec.edited,
                (_email(spec.mention),) if spec.mention is not None else (),
                len(spec.reactors),
            )
        )
    return result
