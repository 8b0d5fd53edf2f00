"""Local wall-clock times from exports that give no offset, placed in the case time zone.

Several exports (Messenger HTML, iMessage tools, Sametime, WeChat tools) print the exporting
machine's local time with no zone. Those times are read in the case's time zone and marked
`TimeBasis.CASE_TZ`, as formats.md rule 3 requires.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.core.errors import ImportFormatError

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_AMPM = re.compile(r"^([ap])\.?\s?m\.?$", re.IGNORECASE)


def case_zone(name: str, what: str) -> ZoneInfo:
    """The case time zone, for reading `what`'s local times.

    Raises:
        ImportFormatError: The zone name is unknown.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ImportFormatError(
            f"The case time zone '{name}' is not known, so {what}'s local times cannot be "
            "placed. Set the case time zone (e.g. Europe/London) and import again."
        ) from exc


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation, else None."""
    return _MONTHS.get(name.strip(".").lower())


def clock(
    hour: str,
    minute: str,
    second: str | None = None,
    marker: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[int, int, int] | None:
    """Hour, minute and second from clock parts with an optional AM/PM marker.

    A marker the hour does not allow ("00:04 AM", "13:00 PM") keeps the clock value, as
    issue 14 asks, rather than dropping the record, and `warn` is told. Returns None for
    impossible values.
    """
    h, m, s = int(hour), int(minute), int(second or 0)
    if marker:
        found = _AMPM.match(marker.strip())
        if found and 1 <= h <= 12:
            pm = found.group(1).lower() == "p"
            h = (h % 12) + (12 if pm else 0)
        elif found and h <= 23 and warn is not None:
            # One fixed sentence, so the report's de-duplication leaves one warning per file.
            warn(
                "some times have an hour their AM/PM marker does not allow (such as "
                "'00:04 AM' or '23:59 PM'); the clock value was used."
            )
    if h > 23 or m > 59 or s > 59:
        return None
    return h, m, s


def local(
    zone: ZoneInfo, year: int, month: int, day: int, hms: tuple[int, int, int]
) -> datetime | None:
    """An aware datetime in `zone`, or None when the date does not exist."""
    try:
        return datetime(year, month, day, *hms, tzinfo=zone)
    except ValueError:
        return None
