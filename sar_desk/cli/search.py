"""``sar-desk search``: find messages by person, date, text, platform and conversation (logged)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from sar_desk.app.session import CaseSession
from sar_desk.cli.common import ISO_DATE, echo_json, message_json, open_case
from sar_desk.core.model import ConversationId, Message, PersonId
from sar_desk.core.search import SearchQuery, day_range

F = TypeVar("F", bound=Callable[..., Any])

ROLES = ("sender", "participant", "mentioned")


def filter_options(func: F) -> F:
    """The search filters, shared by ``search`` and the bulk form of ``scope``."""
    options = [
        click.option(
            "--person",
            "people",
            multiple=True,
            metavar="P",
            help="Person id, name, phone, e-mail, handle or 'requester' (repeatable).",
        ),
        click.option(
            "--text",
            "text_query",
            metavar="QUERY",
            help='Words to find: "phrases", prefix*, AND/OR/NOT, (brackets), -word.',
        ),
        click.option("--from", "date_from", type=ISO_DATE, help="First day (case time zone)."),
        click.option(
            "--to", "date_to", type=ISO_DATE, help="Last day, inclusive (case time zone)."
        ),
        click.option(
            "--sender", "senders", multiple=True, help="Sender name, number or id (repeatable)."
        ),
        click.option("--platform", "platforms", multiple=True, help="Platform name (repeatable)."),
        click.option(
            "--conversation",
            "conversations",
            multiple=True,
            type=int,
            help="Conversation id (repeatable).",
        ),
        click.option("--include-excluded", is_flag=True, help="Also search excluded sources."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_query(
    session: CaseSession,
    *,
    people: tuple[str, ...],
    roles: tuple[str, ...],
    text_query: str | None,
    date_from: date | None,
    date_to: date | None,
    senders: tuple[str, ...],
    platforms: tuple[str, ...],
    conversations: tuple[int, ...],
    include_excluded: bool,
) -> SearchQuery:
    """Turn command-line filters into a query; names and numbers are resolved to people.

    Raises:
        NotFoundError: A --person matches nobody in the case.
        BadSearchError: The dates are the wrong way round.
    """
    start, end = day_range(date_from, date_to, session.case.timezone)
    person_ids: list[PersonId] = []
    for wanted in people:
        for person in session.people.find_people(wanted):
            if person.id not in person_ids:
                person_ids.append(person.id)
    return SearchQuery(
        text=text_query,
        date_from=start,
        date_to=end,
        senders=senders,
        person_ids=tuple(person_ids),
        person_roles=roles or ROLES,
        platforms=tuple(p.strip().lower() for p in platforms),
        conversation_ids=tuple(ConversationId(c) for c in conversations),
        include_excluded=include_excluded,
    )


def _no_text(hit: Message) -> str:
    """What to show for a message with no words, so a photo-only hit is not a blank line."""
    if not hit.attachments:
        return "(no text)"
    files = ", ".join(f"{a.type} {a.name}" for a in hit.attachments[:3])
    more = f" and {len(hit.attachments) - 3} more" if len(hit.attachments) > 3 else ""
    return f"(no text; {files}{more})"


def _line(hit: Message, mark: str = "") -> str:
    when = hit.timestamp.strftime("%Y-%m-%d %H:%M %z")
    who = hit.sender or "(system)"
    text = " ".join(hit.text.split()) or _no_text(hit)
    return f"{mark}[{hit.id}] {when} {hit.platform}/{hit.conversation} — {who}: {text[:200]}"


@click.command()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@filter_options
@click.option(
    "--as",
    "roles",
    multiple=True,
    type=click.Choice(ROLES),
    help="How --person must appear (repeatable; default all three).",
)
@click.option(
    "--context",
    default=0,
    show_default=True,
    type=click.IntRange(0, 50),
    help="Messages of context either side of each hit.",
)
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="How many hits to show.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option("--user", "user", metavar="USER", help="Act as this user (default: your login name).")
def search(
    folder: Path,
    people: tuple[str, ...],
    text_query: str | None,
    date_from: date | None,
    date_to: date | None,
    senders: tuple[str, ...],
    platforms: tuple[str, ...],
    conversations: tuple[int, ...],
    include_excluded: bool,
    roles: tuple[str, ...],
    context: int,
    limit: int,
    as_json: bool,
    user: str | None,
) -> None:
    """Search the messages of CASE. Every search is recorded in the case's search log."""
    session = open_case(folder, user)
    try:
        query = build_query(
            session,
            people=people,
            roles=roles,
            text_query=text_query,
            date_from=date_from,
            date_to=date_to,
            senders=senders,
            platforms=platforms,
            conversations=conversations,
            include_excluded=include_excluded,
        )
        result = session.search.search_logged(query, limit=limit, context=context, origin="cli")
    finally:
        session.close()
    if as_json:
        for hit in result.hits:
            extra: dict[str, Any] = {"score": hit.score}
            if context:
                extra["context"] = [message_json(m) for m in hit.context]
            echo_json(message_json(hit.message, extra))
        return
    click.echo(
        f"{result.total} messages match; showing {len(result.hits)} (search log #{result.log_id})."
    )
    if result.by_platform:
        click.echo(
            "By platform: " + ", ".join(f"{p} {n}" for p, n in sorted(result.by_platform.items()))
        )
    for hit in result.hits:
        if context:
            for neighbour in hit.context:
                click.echo(_line(neighbour, "> " if neighbour.id == hit.message.id else "  "))
            click.echo("")
        else:
            click.echo(_line(hit.message))


COMMANDS = [search]
