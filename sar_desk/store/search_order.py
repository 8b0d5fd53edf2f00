"""Search results in another order than time: by platform, conversation, sender or text.

The window sorts the search table by re-querying (never by sorting loaded rows in Python): each
order is a keyset over (key, sent_at, id), so any page costs what the first costs, and the next
page starts after the last row shown, found by its id. Time order is `messages.search_page`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, select, tuple_

from sar_desk.core.model import Message
from sar_desk.core.records import SearchOrder
from sar_desk.core.search import SearchQuery
from sar_desk.store.messages import _base, _filters, _hydrate
from sar_desk.store.tables import conversations, messages


def _key(order: SearchOrder) -> list[Any]:
    if order is SearchOrder.PLATFORM:
        first: list[Any] = [conversations.c.platform]
    elif order is SearchOrder.CONVERSATION:
        first = [conversations.c.title]
    elif order is SearchOrder.SENDER:
        first = [func.coalesce(messages.c.sender, "")]  # system lines have no sender
    elif order is SearchOrder.TEXT:
        first = [func.coalesce(messages.c.text, "")]
    else:
        first = []
    return [*first, messages.c.sent_at, messages.c.id]


def search_page_ordered(
    conn: Connection,
    query: SearchQuery,
    order: SearchOrder,
    descending: bool = False,
    after_id: int | None = None,
    limit: int = 100,
) -> list[Message]:
    """One page of hits in `order`; pass the last hit's id to get the next page.

    Raises:
        BadSearchError: The query cannot be run as written.
    """
    key = _key(order)
    stmt = _base().where(and_(True, *_filters(conn, query)))
    if after_id is not None:
        last = conn.execute(
            select(*key)
            .select_from(
                messages.join(conversations, conversations.c.id == messages.c.conversation_id)
            )
            .where(messages.c.id == after_id)
        ).first()
        if last is not None:
            here, there = tuple_(*key), tuple_(*last)
            stmt = stmt.where(here < there if descending else here > there)
    ordering = [k.desc() for k in key] if descending else key
    rows = conn.execute(stmt.order_by(*ordering).limit(limit)).all()
    return _hydrate(conn, rows)
