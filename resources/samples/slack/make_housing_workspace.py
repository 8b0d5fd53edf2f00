"""Write the synthetic demo Slack export ``housing-workspace.zip`` (Northvale Council).

Every name, number, address and id in it is made up. Run ``python make_housing_workspace.py``
to rebuild the zip; the output is deterministic (fixed entry dates) so its hash is stable.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ALEX, PRIYA, TOM, JO = "U0ALEXM01", "U0PRIYAS2", "U0TOMRE03", "U0JOBLO04"
USERS = [
    (ALEX, "alex.morgan", "Alex Morgan", "alex.morgan@example.org", "+44 7911 123456"),
    (PRIYA, "priya.shah", "Priya Shah", "priya.shah@northvale.gov.uk", ""),
    (TOM, "tom.reid", "Tom Reid", "tom.reid@northvale.gov.uk", ""),
    (JO, "jo.bloggs", "Jo Bloggs", "jo.bloggs@northvale.gov.uk", ""),
]
CHANNEL, DM = ("C0HOUSREP", "housing-repairs"), "D0PRIYTOM"

# (conversation, when (UTC), user, text, extra)
MESSAGES: list[tuple[str, str, str, str, dict[str, object]]] = [
    (
        "housing-repairs",
        "2026-01-06 09:02",
        ALEX,
        "",
        {"subtype": "channel_join", "text": f"<@{ALEX}> has joined the channel"},
    ),
    (
        "housing-repairs",
        "2026-01-06 09:05",
        PRIYA,
        f"Welcome <@{ALEX}>, this channel is for the repairs at 14 Elm Court.",
        {},
    ),
    (
        "housing-repairs",
        "2026-01-06 09:40",
        ALEX,
        "Thanks Priya. The damp in the back bedroom is getting worse &amp; the window won't close.",
        {},
    ),
    ("housing-repairs", "2026-01-07 10:15", TOM, "I can visit Thursday. Alex, is 10am ok?", {}),
    ("housing-repairs", "2026-01-07 10:31", ALEX, "10am Thursday works for me.", {"reply": 3}),
    (
        "housing-repairs",
        "2026-01-09 11:50",
        TOM,
        "Visited today. Mould on two walls, photos attached.",
        {"files": ["mould-bedroom.jpg", "mould-hall.jpg"]},
    ),
    (
        "housing-repairs",
        "2026-01-09 12:05",
        PRIYA,
        f"Thanks <@{TOM}>. I'll raise a works order.",
        {"reply": 5, "reactions": [("thumbsup", [TOM, ALEX])]},
    ),
    (
        "housing-repairs",
        "2026-01-12 08:55",
        JO,
        "",
        {"subtype": "channel_join", "text": f"<@{JO}> has joined the channel"},
    ),
    (
        "housing-repairs",
        "2026-01-12 09:10",
        JO,
        "Works order WO-1182 raised for Elm Court, contractor booked for 20 Jan.",
        {},
    ),
    (
        "housing-repairs",
        "2026-01-13 14:20",
        ALEX,
        "My neighbour Mrs Kaur at 16 Elm Court has the same problem, her number is 07911 654321.",
        {},
    ),
    (
        "housing-repairs",
        "2026-01-13 14:45",
        PRIYA,
        "Thanks, we'll contact her separately. Please don't post other residents' details here.",
        {"reply": 9},
    ),
    (
        "housing-repairs",
        "2026-01-20 16:30",
        JO,
        "Contractor attended. Alex confirmed the window now closes.",
        {"edited": True},
    ),
    (
        "housing-repairs",
        "2026-01-21 09:00",
        ALEX,
        "Window is fine but the damp is back already.",
        {},
    ),
    (
        "housing-repairs",
        "2026-01-21 09:20",
        TOM,
        f"<@{ALEX}> can you send a photo of the wall?",
        {},
    ),
    (
        "housing-repairs",
        "2026-01-21 18:02",
        ALEX,
        "Here it is.",
        {"files": ["wall-21jan.jpg"], "reply": 13},
    ),
    (
        "housing-repairs",
        "2026-02-02 10:00",
        PRIYA,
        "",
        {"subtype": "channel_topic", "text": "set the channel topic: Elm Court repairs (WO-1182)"},
    ),
    (
        "housing-repairs",
        "2026-02-03 11:11",
        TOM,
        "Surveyor report due next week. Note for file: "
        "tenant reports a new leak under the kitchen sink.",
        {},
    ),
    (
        "housing-repairs",
        "2026-02-10 15:45",
        PRIYA,
        "Survey says rising damp. Quote requested from Northvale Building Services.",
        {},
    ),
    (
        "housing-repairs",
        "2026-02-11 09:30",
        ALEX,
        "How long will the work take? I work from home on Mondays.",
        {},
    ),
    (
        "housing-repairs",
        "2026-02-11 10:02",
        JO,
        "About 3 days. We'll avoid Mondays for Alex.",
        {"reply": 18},
    ),
    (
        "housing-repairs",
        "2026-02-18 13:13",
        ALEX,
        "The contractor called from 07700 900456 to book, is that right?",
        {},
    ),
    (
        "housing-repairs",
        "2026-02-18 13:40",
        TOM,
        "Yes that's Northvale Building Services.",
        {"reply": 20},
    ),
    (
        "housing-repairs",
        "2026-02-24 08:00",
        "B0REPAIRS",
        "Reminder: WO-1182 starts 2 March.",
        {"subtype": "bot_message", "username": "Repairs Bot"},
    ),
    (
        "housing-repairs",
        "2026-03-02 17:05",
        JO,
        "Day 1 done. Damp course injected on the back wall.",
        {},
    ),
    ("housing-repairs", "2026-03-04 16:50", JO, "All done. Alex please check and confirm.", {}),
    (
        "housing-repairs",
        "2026-03-05 09:12",
        ALEX,
        "Looks much better, thank you all!",
        {"reactions": [("tada", [PRIYA, JO, TOM])]},
    ),
    (
        "housing-repairs",
        "2026-03-05 09:30",
        PRIYA,
        "",
        {"subtype": "tombstone", "text": "This message was deleted."},
    ),
    (
        "housing-repairs",
        "2026-03-18 10:25",
        ALEX,
        "Also, the garden fence at NE4 7QT blew down in the storm.",
        {},
    ),
    (
        "housing-repairs",
        "2026-03-18 11:00",
        TOM,
        "That's a different address, Alex. Please "
        "report it via <https://northvale.example.gov.uk/report|the online form>.",
        {"reply": 27},
    ),
    ("housing-repairs", "2026-04-01 09:00", PRIYA, "Closing WO-1182. <!here> thanks everyone.", {}),
    (
        "housing-repairs",
        "2026-04-01 09:05",
        ALEX,
        "",
        {"subtype": "channel_leave", "text": f"<@{ALEX}> has left the channel"},
    ),
    (
        DM,
        "2026-01-13 15:00",
        PRIYA,
        "Tom, Alex posted his neighbour's number in the channel. "
        "Can you call Mrs Kaur on 07911 654321?",
        {},
    ),
    (DM, "2026-01-13 15:10", TOM, "Will do. Her email is k.kaur@example.net too.", {}),
    (DM, "2026-01-14 09:00", TOM, "Spoke to Mrs Kaur, she'll report it herself.", {}),
    (DM, "2026-01-21 09:35", PRIYA, "Alex seems frustrated about the damp coming back.", {}),
    (DM, "2026-01-21 09:50", TOM, "Understandable. I'll push for the survey.", {}),
    (DM, "2026-02-11 10:10", PRIYA, "Alex asked about Mondays, can we schedule around that?", {}),
    (DM, "2026-02-11 10:20", TOM, "Yes, noted on the works order.", {"edited": True}),
    (DM, "2026-03-18 11:05", PRIYA, "The fence is at his mum's house I think, not ours.", {}),
    (DM, "2026-04-01 09:10", TOM, "Good outcome on Elm Court. Closing my notes.", {}),
]


def _ts(when: str, n: int) -> str:
    moment = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    return f"{int(moment.timestamp())}.{n:06d}"


def build(target: Path) -> Path:
    """Write the zip to `target`."""
    users = [
        {
            "id": uid,
            "name": handle,
            "real_name": name,
            "deleted": False,
            "is_bot": False,
            "profile": {"real_name": name, "display_name": name, "email": email, "phone": phone},
        }
        for uid, handle, name, email, phone in USERS
    ]
    files: dict[str, object] = {
        "users.json": users,
        "channels.json": [
            {
                "id": CHANNEL[0],
                "name": CHANNEL[1],
                "created": 1767600000,
                "members": [ALEX, PRIYA, TOM, JO],
            }
        ],
        "dms.json": [{"id": DM, "created": 1767600000, "members": [PRIYA, TOM]}],
    }
    days: dict[str, list[dict[str, object]]] = {}
    stamps: list[str] = []
    for n, (conv, when, user, text, extra) in enumerate(MESSAGES, start=1):
        ts = _ts(when, n)
        stamps.append(ts)
        record: dict[str, object] = {"type": "message", "ts": ts, "text": extra.get("text", text)}
        if user.startswith("B"):
            record.update(bot_id=user, username=extra["username"])
        else:
            record["user"] = user
        if "subtype" in extra:
            record["subtype"] = extra["subtype"]
        if "reply" in extra:
            record["thread_ts"] = stamps[int(str(extra["reply"])) - 1]
        if extra.get("edited"):
            record["edited"] = {"user": user, "ts": ts}
        if "files" in extra:
            record["files"] = [
                {"id": f"F{n:04d}{i}", "name": name, "mimetype": "image/jpeg", "size": 48213 + i}
                for i, name in enumerate(extra["files"])
            ]  # type: ignore[arg-type]
        if "reactions" in extra:
            record["reactions"] = [
                {"name": name, "users": who, "count": len(who)} for name, who in extra["reactions"]
            ]  # type: ignore[attr-defined]
        days.setdefault(f"{conv}/{when[:10]}.json", []).append(record)
    files.update(days)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2026, 4, 2, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, json.dumps(files[name], indent=1, ensure_ascii=False))
    return target


if __name__ == "__main__":
    print(build(Path(__file__).with_name("housing-workspace.zip")))  # noqa: T201 - a script
