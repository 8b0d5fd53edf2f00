"""The pre-2018 Facebook download's single ``html/messages.htm`` (all threads on one page).

Each ``div.thread`` starts with its participants as text, then pairs of
``div.message > div.message_header > span.user + span.meta`` and a sibling ``<p>`` body, newest
first (formats-more.md section 4, [P]). Times read like ``Sunday, April 5, 2015 at 3:04pm PDT``
or ``Sunday, 5 April 2015 at 15:04 UTC+01``: a ``UTC±hh[:mm]`` suffix or a common zone
abbreviation gives the offset; anything else is read in the case time zone with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import MessageKind, TimeBasis
from sar_desk.importers.htmltree import Node
from sar_desk.importers.localtime import clock, local, month_number

PLATFORM = "messenger-html"
_STAMP = re.compile(
    r"^(?:[A-Za-z]+, )?"
    r"(?:(?P<mon>[A-Za-z]+) (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<mon2>[A-Za-z]+)),?"
    r" (?P<year>\d{4}) at (?P<h>\d{1,2}):(?P<m>\d{2}) ?(?P<ampm>[ap]m)?(?: (?P<zone>\S+))?$",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"^UTC([+-])(\d{1,2})(?::?(\d{2}))?$")
# Abbreviations Facebook printed for its most common zones; others fall back to the case zone.
_ABBREVIATIONS = {
    "UTC": 0,
    "GMT": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}


def looks_old(head: str) -> bool:
    """Whether a page's start looks like the pre-2018 ``messages.htm``."""
    return 'class="thread"' in head and 'class="message_header"' in head


def _offset(zone: str) -> timezone | None:
    found = _OFFSET.match(zone)
    if found:
        minutes = int(found[2]) * 60 + int(found[3] or 0)
        return timezone(timedelta(minutes=minutes if found[1] == "+" else -minutes))
    if zone.upper() in _ABBREVIATIONS:
        return timezone(timedelta(minutes=_ABBREVIATIONS[zone.upper()]))
    return None


def parse_old_time(text: str, zone: ZoneInfo, report: ImportReport) -> tuple[datetime, bool] | None:
    """The time and whether the page gave its offset, or None when it cannot be read."""
    found = _STAMP.match(clean_whitespace(text))
    if not found:
        return None
    month = month_number(found["mon"] or found["mon2"] or "")
    hms = clock(found["h"], found["m"], None, found["ampm"])
    if month is None or hms is None:
        return None
    day = int(found["day"] or found["day2"])
    given = _offset(found["zone"]) if found["zone"] else None
    if found["zone"] and given is None:
        report.warn(
            f"Some times name a zone SAR Desk does not know ('{found['zone']}'); they were "
            "read in the case time zone."
        )
    try:
        when = datetime(int(found["year"]), month, day, *hms, tzinfo=given) if given else None
    except ValueError:
        return None
    if when is None:
        when = local(zone, int(found["year"]), month, day, hms)
    return (when, given is not None) if when else None


def read_old(root: Node, name: str, zone: ZoneInfo, report: ImportReport) -> Iterator[RawMessage]:
    """Every thread's messages, oldest first within each thread."""
    threads = list(root.find_all(lambda n: n.tag == "div" and "thread" in n.classes))
    for index, thread in enumerate(threads):
        title = clean_whitespace(next((c for c in thread.children if isinstance(c, str)), ""))
        key = f"messages.htm/{title or f'thread-{index + 1}'}"
        records: list[RawMessage] = []
        for header, body in _pairs(thread, name, report):
            raw = _record(header, body, key, title or key, name, zone, report)
            if raw is not None:
                records.append(raw)
        if len(records) > 1 and records[0].timestamp > records[-1].timestamp:
            records.reverse()  # newest first on the page; oldest first out
        yield from records


def _pairs(thread: Node, name: str, report: ImportReport) -> Iterator[tuple[Node, Node | None]]:
    pending: Node | None = None
    for child in thread.children:
        if not isinstance(child, Node):
            continue
        if "message" in child.classes:
            if pending is not None:
                yield pending, None
            pending = child
        elif child.tag == "p" and pending is not None:
            yield pending, child
            pending = None
        elif child.tag == "p" and child.text():
            report.skip(
                f"{name} line {child.line}",
                "is message text with no sender or time before it, so it was not placed.",
                child.line,
            )
    if pending is not None:
        yield pending, None


def _record(
    header: Node,
    body: Node | None,
    key: str,
    title: str,
    name: str,
    zone: ZoneInfo,
    report: ImportReport,
) -> RawMessage | None:
    user = header.first(lambda n: "user" in n.classes)
    meta = header.first(lambda n: "meta" in n.classes)
    stamp = meta.text() if meta is not None else ""
    placed = parse_old_time(stamp, zone, report)
    if placed is None:
        report.skip(
            f"{name} line {header.line}",
            f"has a time SAR Desk cannot read ({stamp!r}), so the message was not placed.",
            header.line,
        )
        return None
    when, given = placed
    sender = clean_whitespace(user.text()) if user is not None else ""
    return RawMessage(
        platform=PLATFORM,
        conversation_key=key,
        conversation_title=title,
        sender=sender or None,
        sender_id=None,
        sender_id_kind=None,
        timestamp=when,
        timestamp_raw=stamp,
        time_basis=TimeBasis.OFFSET_GIVEN if given else TimeBasis.CASE_TZ,
        kind=MessageKind.MESSAGE if sender else MessageKind.SYSTEM,
        text=body.text() if body is not None else "",
        location=f"{name} line {header.line}",
        line_no=header.line,
    )
