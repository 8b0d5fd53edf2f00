"""Scope (R27): relevance decisions per message and the disclosure set, by id or by search."""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.app.base import SessionBase
from sar_desk.app.summary import SummarySection
from sar_desk.core.errors import BadInputError, Hint
from sar_desk.core.model import MessageId
from sar_desk.core.scope import ConversationScope, MessageScope, Relevance, ScopeExclusion
from sar_desk.core.search import SearchQuery
from sar_desk.review import exclusions
from sar_desk.store import messages as store_messages
from sar_desk.store.uow import unit_of_work

_PAGE = 2000
MAX_BULK = 200_000


class ScopeMixin(SessionBase):
    """Marking messages as about the requester, mentions only or not relevant."""

    def mark_scope(self, ids: Sequence[int], relevance: Relevance, reason: str = "") -> int:
        """Record a relevance decision on messages; returns how many were marked.

        "Mentions only" messages leave the disclosure set by default, with the reason logged.

        Raises:
            NotFoundError: An id is not a message of this case (nothing is changed).
            BadInputError: No ids were given.
        """
        ids = self._ids(ids)
        with unit_of_work(self.store, write=True) as uow:
            count = uow.scope.set_relevance(ids, relevance, reason, self.user)
            uow.audit.append(
                self.user,
                "scope-mark",
                {
                    "relevance": str(relevance),
                    "messages": count,
                    "first": min(ids),
                    "last": max(ids),
                    "reason_given": bool(reason.strip()),
                },
            )
        return count

    def scope_exclusions(self) -> list[ScopeExclusion]:
        """Every message excluded as not relevant, with its second-person approval (if any)."""
        with unit_of_work(self.store) as uow:
            return exclusions.scope_exclusions(uow)

    def approve_exclusions(self, message_ids: Sequence[int] | None, note: str) -> int:
        """Approve pending exclusions as the second person (issue 13 item 8).

        Raises:
            PermissionDeniedError: Not a reviewer or DPO, or the user made the exclusions.
            BadInputError: Nothing pending, or no note.
        """
        with unit_of_work(self.store, write=True) as uow:
            return exclusions.approve_exclusions(uow, self.user, message_ids, note)

    def add_to_disclosure(self, ids: Sequence[int], reason: str = "") -> int:
        """Put messages in the disclosure set by hand; returns how many.

        Raises:
            NotFoundError: An id is not a message of this case.
        """
        return self._disclose(ids, True, reason)

    def remove_from_disclosure(self, ids: Sequence[int], reason: str = "") -> int:
        """Take messages out of the disclosure set by hand; returns how many.

        Raises:
            NotFoundError: An id is not a message of this case.
        """
        return self._disclose(ids, False, reason)

    def _disclose(self, ids: Sequence[int], include: bool, reason: str) -> int:
        ids = self._ids(ids)
        with unit_of_work(self.store, write=True) as uow:
            count = uow.scope.set_disclosure(ids, include, reason, self.user)
            uow.audit.append(
                self.user,
                "scope-add" if include else "scope-remove",
                {
                    "messages": count,
                    "first": min(ids),
                    "last": max(ids),
                    "reason_given": bool(reason.strip()),
                },
            )
        return count

    @staticmethod
    def _ids(ids: Sequence[int]) -> list[int]:
        unique = sorted({int(i) for i in ids})
        if not unique:
            raise BadInputError(
                "No messages were given: name them by id, or by a search.",
                hint=Hint.NAME_MESSAGES,
            )
        return unique

    def search_ids(self, query: SearchQuery, limit: int = MAX_BULK) -> list[MessageId]:
        """Every hit of a query (for bulk scope changes), in time order.

        Raises:
            BadInputError: The search has more hits than a bulk change may touch.
            BadSearchError: The query cannot be run as written.
        """
        found: list[MessageId] = []
        after = None
        with unit_of_work(self.store) as uow:
            while True:
                page = uow.messages.search_page(query, after, _PAGE)
                found.extend(m.id for m in page)
                if len(found) > limit:
                    raise BadInputError(
                        f"The search matches more than {limit:,} messages; narrow it (dates, "
                        "people, conversation) before changing their scope in bulk."
                    )
                if len(page) < _PAGE:
                    return found
                after = store_messages.cursor_of(page[-1])

    def scope_of(self, message_id: int) -> MessageScope:
        """The scope decision of one message.

        Raises:
            NotFoundError: No such message.
        """
        with unit_of_work(self.store) as uow:
            return uow.scope.scope_of(message_id)

    def disclosure_set(self) -> list[MessageId]:
        """Messages in the disclosure set, in time order (for review and export)."""
        with unit_of_work(self.store) as uow:
            return uow.scope.disclosure_ids()

    def scope_counts(self) -> list[ConversationScope]:
        """In-scope counts per conversation."""
        with unit_of_work(self.store) as uow:
            return uow.scope.conversation_scope()

    def summary_sections(self) -> list[SummarySection]:
        """Adds a "Scope" block to ``case show``."""
        sections = super().summary_sections()
        counts = self.scope_counts()
        total = sum(c.messages for c in counts)
        about = sum(c.about_requester for c in counts)
        mentions = sum(c.mentions_only for c in counts)
        not_rel = sum(c.not_relevant for c in counts)
        disclosed = sum(c.in_disclosure for c in counts)
        lines = [
            f"{about} about the requester, {mentions} mentions only, {not_rel} not relevant, "
            f"{total - about - mentions - not_rel} undecided; {disclosed} in the disclosure set"
        ]
        lines += [
            f"{c.platform}/{c.title}: {c.in_disclosure} of {c.messages} in the disclosure set"
            for c in counts
            if c.in_disclosure
        ]
        sections.append(
            SummarySection(
                "Scope",
                tuple(lines),
                {
                    "about_requester": about,
                    "mentions_only": mentions,
                    "not_relevant": not_rel,
                    "undecided": total - about - mentions - not_rel,
                    "in_disclosure": disclosed,
                },
            )
        )
        return sections
