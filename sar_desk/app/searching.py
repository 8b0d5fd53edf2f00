"""Session methods for searching and reading messages."""

from __future__ import annotations

from sar_desk.app.base import SessionBase
from sar_desk.core.model import Conversation, Message
from sar_desk.core.search import SearchQuery
from sar_desk.store import messages as store_messages
from sar_desk.store.messages import Cursor


class SearchingMixin(SessionBase):
    """Searching the case and reading conversations."""

    def search(
        self, query: SearchQuery, after: Cursor | None = None, limit: int = 100
    ) -> list[Message]:
        """One page of hits in time order (pass `cursor_of(last_hit)` for the next page)."""
        with self.store.read() as conn:
            return store_messages.search_page(conn, query, after, limit)

    def count(self, query: SearchQuery) -> int:
        """How many messages match."""
        with self.store.read() as conn:
            return store_messages.search_count(conn, query)

    def context(self, message: Message, before: int = 2, after: int = 2) -> list[Message]:
        """A message with its neighbours in the conversation."""
        with self.store.read() as conn:
            return store_messages.context_around(conn, message, before, after)

    def conversations(self) -> list[Conversation]:
        """Every conversation with its message count."""
        with self.store.read() as conn:
            return store_messages.list_conversations(conn)

    def conversation_page(
        self, conversation_id: int, after: Cursor | None = None, limit: int = 200
    ) -> list[Message]:
        """A page of one conversation in time order."""
        with self.store.read() as conn:
            return store_messages.conversation_page(conn, conversation_id, after, limit)

    def messages(self, ids: list[int]) -> list[Message]:
        """Messages by id."""
        with self.store.read() as conn:
            return store_messages.get_messages(conn, ids)

    def message_counts(self) -> dict[str, int]:
        """Counts of messages by kind."""
        with self.store.read() as conn:
            return store_messages.message_counts(conn)
