"""Search queries: what the user asked for, validated, with dates in the case time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sar_desk.core.errors import BadSearchError
from sar_desk.core.model import ConversationId, PersonId


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A search over the case's messages. Empty fields do not filter.

    Attributes:
        text: Free text; words must all appear (phrases in quotes, ``word*`` for prefixes).
        date_from: Earliest instant (inclusive), aware.
        date_to: Latest instant (exclusive), aware.
        senders: Sender names, handles, e-mails or numbers (matched against the sender fields).
        person_ids: People (matched as sender, participant or mentioned, per `person_roles`).
        person_roles: Which of "sender", "participant", "mentioned" count for `person_ids`.
        platforms: Platform registry keys.
        conversation_ids: Conversations to search in.
        include_excluded: Also search sources excluded from the search plan.
    """

    text: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    senders: tuple[str, ...] = ()
    person_ids: tuple[PersonId, ...] = ()
    person_roles: tuple[str, ...] = ("sender", "participant", "mentioned")
    platforms: tuple[str, ...] = ()
    conversation_ids: tuple[ConversationId, ...] = ()
    include_excluded: bool = False


def day_range(
    date_from: date | None, date_to: date | None, tz: str
) -> tuple[datetime | None, datetime | None]:
    """Turn inclusive calendar dates in the case time zone into an instant range.

    ``--to 2026-01-31`` includes the whole of 31 January local time, so the upper bound is the
    start of the next day.

    Raises:
        BadSearchError: The start date is after the end date.
    """
    if date_from and date_to and date_from > date_to:
        raise BadSearchError(
            f"The search starts on {date_from.isoformat()} but ends earlier, on "
            f"{date_to.isoformat()}. Swap the dates and search again."
        )
    zone = ZoneInfo(tz)
    start = datetime.combine(date_from, time(0), zone) if date_from else None
    end = datetime.combine(date_to + timedelta(days=1), time(0), zone) if date_to else None
    return start, end
