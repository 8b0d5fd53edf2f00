"""``sar-desk search``: find messages by text, date, sender, platform and conversation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from sar_desk.cli.common import ISO_DATE, echo_json, message_json, open_case, user_option
from sar_desk.core.model import ConversationId
from sar_desk.core.search import SearchQuery, day_range
from sar_desk.store.messages import cursor_of


@click.command()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--text", "text_query", metavar="QUERY", help="Words to find (\"phrases\", prefix*).")
@click.option("--from", "date_from", type=ISO_DATE, help="First day (case time zone).")
@click.option("--to", "date_to", type=ISO_DATE, help="Last day, inclusive (case time zone).")
@click.option("--sender", "senders", multiple=True, help="Sender name, number or id (repeatable).")
@click.option("--platform", "platforms", multiple=True, help="Platform name (repeatable).")
@click.option("--conversation", "conversations", multiple=True, type=int,
              help="Conversation id (repeatable).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000),
              help="How many hits to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@user_option
def search(
    folder: Path, text_query: str | None, date_from: date | None, date_to: date | None,
    senders: tuple[str, ...], platforms: tuple[str, ...], conversations: tuple[int, ...],
    limit: int, as_json: bool, user: str | None,
) -> None:
    """Search the messages of CASE."""
    session = open_case(folder, user)
    try:
        start, end = day_range(date_from, date_to, session.case.timezone)
        query = SearchQuery(
            text=text_query, date_from=start, date_to=end, senders=senders,
            platforms=tuple(p.lower() for p in platforms),
            conversation_ids=tuple(ConversationId(c) for c in conversations),
        )
        total = session.count(query)
        hits = []
        after = None
        while len(hits) < limit:
            page = session.search(query, after=after, limit=min(500, limit - len(hits)))
            if not page:
                break
            hits.extend(page)
            after = cursor_of(page[-1])
    finally:
        session.close()
    if as_json:
        for hit in hits:
            echo_json(message_json(hit))
        return
    click.echo(f"{total} messages match; showing {len(hits)}.")
    for hit in hits:
        when = hit.timestamp.strftime("%Y-%m-%d %H:%M %Z").strip()
        who = hit.sender or "(system)"
        text = " ".join(hit.text.split())
        click.echo(f"[{hit.id}] {when} {hit.platform}/{hit.conversation} — {who}: {text[:200]}")


COMMANDS = [search]
