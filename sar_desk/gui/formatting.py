"""How the window writes dates, times and counts (display only; storage stays UTC)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def local_time(moment: datetime, tz: str) -> str:
    """A message time in the case time zone with its abbreviation: "Sat 14 Mar 2026 09:15 GMT"."""
    local = moment.astimezone(ZoneInfo(tz))
    return f"{local:%a} {local.day} {local:%b %Y %H:%M} {local.tzname() or ''}".rstrip()


def short_time(moment: datetime, tz: str) -> str:
    """A compact time for table cells: "14/03/2026 09:15"."""
    return moment.astimezone(ZoneInfo(tz)).strftime("%d/%m/%Y %H:%M")


def long_date(day: date) -> str:
    """A date the way UK letters write it: "Thursday 4 June 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """Count and noun, e.g. "1 message", "2,345 messages"."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def days_left_text(days: int) -> str:
    """Days to the deadline in words: "12 days left", "due today" or "3 days overdue"."""
    if days > 0:
        return f"{plural(days, 'day')} left"
    if days == 0:
        return "due today"
    return f"{plural(-days, 'day')} overdue"
