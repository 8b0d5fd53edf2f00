"""Session methods for searching, the search log (R19, R20, R72) and reading messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sar_desk.app.base import SessionBase
from sar_desk.app.summary import SummarySection
from sar_desk.core.errors import BadInputError, Hint, NotFoundError
from sar_desk.core.model import Conversation, Message, SourceId
from sar_desk.core.scope import SearchLogEntry, SearchStatus, SourceSearchStatus
from sar_desk.core.search import SearchQuery
from sar_desk.store.messages import Cursor
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    import pandas as pd

MIN_REASON_CHARS = 10


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A hit with its relevance to the text (when there is text) and its neighbours."""

    message: Message
    score: float | None = None
    context: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class LoggedSearch:
    """A search that was run and recorded in the search log."""

    log_id: int
    total: int
    hits: tuple[SearchHit, ...]
    by_platform: dict[str, int] = field(default_factory=dict)
    by_source: dict[int, int] = field(default_factory=dict)
    by_conversation: tuple[tuple[str, str, int], ...] = ()


def _reason(reason: str, what: str) -> str:
    text = " ".join(reason.split())
    if len(text) < MIN_REASON_CHARS:
        raise BadInputError(
            f"{what} needs a written justification of at least {MIN_REASON_CHARS} characters "
            "(why searching it would not be reasonable and proportionate).",
            hint=Hint.GIVE_REASON,
        )
    return text


class SearchingMixin(SessionBase):
    """Searching the case, logging searches and reading conversations."""

    def search(
        self, query: SearchQuery, after: Cursor | None = None, limit: int = 100
    ) -> list[Message]:
        """One page of hits in time order (pass `cursor_of(last_hit)` for the next page).

        Raises:
            BadSearchError: The query cannot be run as written.
        """
        with unit_of_work(self.store) as uow:
            return uow.messages.search_page(query, after, limit)

    def count(self, query: SearchQuery) -> int:
        """How many messages match.

        Raises:
            BadSearchError: The query cannot be run as written.
        """
        with unit_of_work(self.store) as uow:
            return uow.messages.search_count(query)

    def search_hits(
        self, query: SearchQuery, after: Cursor | None = None, limit: int = 100, context: int = 0
    ) -> list[SearchHit]:
        """A page of hits with scores (for text searches) and `context` messages either side."""
        with unit_of_work(self.store) as uow:
            page = uow.messages.search_page(query, after, limit)
            scores = uow.messages.search_scores(query, [int(m.id) for m in page])
            return [
                SearchHit(
                    m,
                    scores.get(int(m.id)),
                    tuple(uow.messages.context_around(m, context, context)) if context else (),
                )
                for m in page
            ]

    def search_logged(
        self, query: SearchQuery, limit: int = 100, context: int = 0, origin: str = "cli"
    ) -> LoggedSearch:
        """Run a search and record it in the search log: who, when, filters and hit counts.

        This is what the command line and the window call for a search the user runs; paging
        further through the same results uses `search_hits` and is not logged again.

        Raises:
            BadSearchError: The query cannot be run as written (nothing is logged).
        """
        with unit_of_work(self.store) as uow:
            total = uow.messages.search_count(query)
            by_source, by_platform = uow.messages.search_breakdown(query)
            by_conversation = tuple(uow.messages.hits_by_conversation(query))
            names = [uow.people.get_person(p).display_name for p in query.person_ids]
        hits = self.search_hits(query, None, limit, context) if limit else []
        entry = SearchLogEntry(
            id=0,
            at=datetime.now(UTC).replace(microsecond=0),
            user=self.user,
            origin=origin,
            text=query.text,
            person_ids=query.person_ids,
            person_names=tuple(names),
            person_roles=query.person_roles if query.person_ids else (),
            date_from=query.date_from,
            date_to=query.date_to,
            platforms=query.platforms,
            conversation_ids=query.conversation_ids,
            include_excluded=query.include_excluded,
            total=total,
            by_source=by_source,
            by_platform=by_platform,
        )
        with unit_of_work(self.store, write=True) as uow:
            log_id = uow.searchlog.record_search(entry)
            uow.audit.append(
                self.user,
                "search",
                {
                    "search": log_id,
                    "hits": total,
                    "people": [int(p) for p in query.person_ids],
                    "origin": origin,
                },
            )
        return LoggedSearch(log_id, total, tuple(hits), by_platform, by_source, by_conversation)

    def search_log(self) -> list[SearchLogEntry]:
        """Every logged search, oldest first."""
        with unit_of_work(self.store) as uow:
            return uow.searchlog.list_searches()

    def search_log_frame(self) -> pd.DataFrame:
        """The search log as a table (one row per search) for the internal record."""
        import pandas as pd  # only for this table: a search must start fast

        with unit_of_work(self.store) as uow:
            rows = uow.searchlog.search_rows()
        columns = [
            "id",
            "at",
            "user",
            "origin",
            "text",
            "person_ids",
            "people",
            "as",
            "date_from",
            "date_to",
            "platforms",
            "conversations",
            "include_excluded",
            "hits",
            "hits_by_source",
            "hits_by_platform",
        ]
        return pd.DataFrame(list(rows), columns=columns)

    def source_statuses(self) -> list[SourceSearchStatus]:
        """Where every source stands in the search record (R72)."""
        with unit_of_work(self.store) as uow:
            return uow.searchlog.source_statuses()

    def exclude_source(self, source_id: int, reason: str) -> None:
        """Leave a source out of searches, with a recorded justification (R20).

        Raises:
            NotFoundError: No such source.
            BadInputError: The justification is missing or too short.
        """
        text = _reason(reason, f"Excluding source {source_id}")
        self._set_excluded(source_id, True, text)

    def include_source(self, source_id: int, reason: str = "") -> None:
        """Bring an excluded source back into searches (recorded)."""
        self._set_excluded(source_id, False, " ".join(reason.split()))

    def _set_excluded(self, source_id: int, excluded: bool, reason: str) -> None:
        with unit_of_work(self.store, write=True) as uow:
            if not any(int(s.id) == int(source_id) for s in uow.sources.list()):
                raise NotFoundError(
                    f"There is no source {source_id} in this case. The case summary lists the "
                    "sources with their numbers.",
                    hint=Hint.SHOW_CASE,
                )
            uow.sources.set_excluded(
                SourceId(int(source_id)), excluded, reason if excluded else None
            )
            record = uow.searchlog.record_exclusion(
                SourceId(int(source_id)), excluded, reason, self.user
            )
            uow.audit.append(
                self.user,
                "source-excluded" if excluded else "source-included",
                {
                    "source": int(source_id),
                    "record": record,
                },
            )

    def record_unavailable(
        self,
        platform: str,
        description: str,
        explanation: str,
        *,
        custodian: str | None = None,
        as_of: date | None = None,
    ) -> int:
        """Record a source that cannot be searched because messages were deleted or disappeared.

        Raises:
            BadInputError: The explanation is missing or too short.
        """
        text = _reason(explanation, "A source recorded as not available")
        with unit_of_work(self.store, write=True) as uow:
            record = uow.searchlog.add_unavailable(
                platform=platform.strip().lower(),
                custodian=custodian,
                description=description.strip() or platform,
                explanation=text,
                as_of=(as_of or datetime.now(UTC).date()).isoformat(),
                user=self.user,
            )
            uow.audit.append(
                self.user, "source-unavailable", {"record": record, "platform": platform}
            )
            return record

    def summary_sections(self) -> list[SummarySection]:
        """Adds a "Search log" block to ``case show``."""
        sections = super().summary_sections()
        log = self.search_log()
        statuses = self.source_statuses()
        lines = [f"{len(log)} searches logged"]
        if log:
            last = log[-1]
            lines.append(f"Last: {last.at:%Y-%m-%d %H:%M} by {last.user}, {last.total} hits")
        for st in statuses:
            ident = f"source {st.source_id}" if st.source_id is not None else "not imported"
            detail = (
                f": {st.explanation}"
                if st.explanation and st.status is not SearchStatus.FOUND
                else ""
            )
            lines.append(f"{ident} {st.name} ({st.platform}): {st.status}{detail}")
        sections.append(
            SummarySection(
                "Search log",
                tuple(lines),
                {
                    "searches": len(log),
                    "sources": [
                        {
                            "source": st.source_id,
                            "name": st.name,
                            "platform": st.platform,
                            "status": str(st.status),
                            "explanation": st.explanation,
                            "recorded_at": st.recorded_at,
                            "recorded_by": st.recorded_by,
                            "hits": st.hits,
                        }
                        for st in statuses
                    ],
                },
            )
        )
        return sections

    def context(self, message: Message, before: int = 2, after: int = 2) -> list[Message]:
        """A message with its neighbours in the conversation."""
        with unit_of_work(self.store) as uow:
            return uow.messages.context_around(message, before, after)

    def conversations(self) -> list[Conversation]:
        """Every conversation with its message count."""
        with unit_of_work(self.store) as uow:
            return uow.messages.list_conversations()

    def conversation_page(
        self, conversation_id: int, after: Cursor | None = None, limit: int = 200
    ) -> list[Message]:
        """A page of one conversation in time order."""
        with unit_of_work(self.store) as uow:
            return uow.messages.conversation_page(conversation_id, after, limit)

    def messages(self, ids: list[int]) -> list[Message]:
        """Messages by id."""
        with unit_of_work(self.store) as uow:
            return uow.messages.get_messages(ids)

    def message_counts(self) -> dict[str, int]:
        """Counts of messages by kind."""
        with unit_of_work(self.store) as uow:
            return uow.messages.message_counts()
