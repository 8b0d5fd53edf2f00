"""``sar-desk scope`` (relevance, disclosure set: R27) and ``sar-desk sources`` (R20, R72)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from sar_desk.app.session import CaseSession
from sar_desk.cli.common import ISO_DATE, echo_json, open_case
from sar_desk.cli.search import ROLES, build_query, filter_options
from sar_desk.core.errors import BadInputError
from sar_desk.core.scope import Relevance

_USER = click.option(
    "--user", "user", metavar="USER", help="Act as this user (default: your login name)."
)


def _message_ids(values: tuple[str, ...]) -> list[int]:
    ids: list[int] = []
    for value in values:
        for part in value.replace(",", " ").split():
            if not part.isdigit():
                raise BadInputError(f"{part!r} is not a message id; ids are whole numbers.")
            ids.append(int(part))
    return ids


def _targets(
    session: CaseSession, messages: tuple[str, ...], use_search: bool, filters: dict[str, Any]
) -> list[int]:
    if messages and use_search:
        raise click.UsageError("Use either --message or --search, not both.")
    if use_search:
        roles = filters.pop("person_roles")
        query = build_query(session, roles=roles, **filters)
        if not (
            query.text
            or query.person_ids
            or query.date_from
            or query.date_to
            or query.senders
            or query.platforms
            or query.conversation_ids
        ):
            raise BadInputError(
                "--search needs at least one filter (--person, --text, --from ...)."
            )
        # Record the search that chose the messages, as for any other search.
        session.search.search_logged(query, limit=0, origin="scope")
        return [int(i) for i in session.scope.search_ids(query)]
    if not messages:
        raise click.UsageError("Name the messages with --message ID or choose them with --search.")
    return _message_ids(messages)


def _bulk_options(func: Any) -> Any:
    func = click.option(
        "--person-as",
        "person_roles",
        multiple=True,
        type=click.Choice(ROLES),
        help="With --search: how --person must appear.",
    )(func)
    func = filter_options(func)
    func = click.option(
        "--search",
        "use_search",
        is_flag=True,
        help="Apply to every hit of the search filters given.",
    )(func)
    return click.option(
        "--message",
        "messages",
        multiple=True,
        metavar="ID",
        help="Message id (repeatable, or comma-separated).",
    )(func)


@click.group()
def scope() -> None:
    """Mark messages as about the requester, mentions only or not relevant (R27)."""


@scope.command("mark")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@_bulk_options
@click.option("--as", "relevance", required=True, type=click.Choice([str(r) for r in Relevance]))
@click.option("--reason", default="", help="Why (mentions-only has a default reason).")
@_USER
def scope_mark(
    folder: Path,
    messages: tuple[str, ...],
    use_search: bool,
    relevance: str,
    reason: str,
    user: str | None,
    **filters: Any,
) -> None:
    """Record the relevance of messages, by id or by search."""
    session = open_case(folder, user)
    try:
        ids = _targets(session, messages, use_search, filters)
        count = session.scope.mark_scope(ids, Relevance(relevance), reason)
    finally:
        session.close()
    click.echo(f"Marked {count} messages as {Relevance(relevance).label}.")
    if Relevance(relevance) is Relevance.MENTIONS_ONLY:
        click.echo("They are left out of the disclosure set unless you add them ('scope add').")


def _disclose(include: bool) -> Any:
    @click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
    @_bulk_options
    @click.option("--reason", default="", help="Why.")
    @_USER
    def command(
        folder: Path,
        messages: tuple[str, ...],
        use_search: bool,
        reason: str,
        user: str | None,
        **filters: Any,
    ) -> None:
        session = open_case(folder, user)
        try:
            ids = _targets(session, messages, use_search, filters)
            if include:
                count = session.scope.add_to_disclosure(ids, reason)
            else:
                count = session.scope.remove_from_disclosure(ids, reason)
        finally:
            session.close()
        click.echo(
            f"{'Added' if include else 'Removed'} {count} messages "
            f"{'to' if include else 'from'} the disclosure set."
        )

    command.__doc__ = (
        f"{'Add messages to' if include else 'Remove messages from'} the disclosure set."
    )
    return command


scope.command("add")(_disclose(True))
scope.command("remove")(_disclose(False))


@scope.command("show")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--message", "message_id", type=int, help="Show one message's decision.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per conversation.")
@_USER
def scope_show(folder: Path, message_id: int | None, as_json: bool, user: str | None) -> None:
    """In-scope counts per conversation (or one message's decision)."""
    session = open_case(folder, user)
    try:
        if message_id is not None:
            s = session.scope.scope_of(message_id)
            data = {
                "message_id": int(s.message_id),
                "relevance": str(s.relevance) if s.relevance else None,
                "in_disclosure": s.in_disclosure,
                "explicit": s.explicit,
                "reason": s.reason,
                "decided_by": s.decided_by,
                "decided_at": s.decided_at,
            }
            if as_json:
                echo_json(data)
            else:
                for key, value in data.items():
                    click.echo(f"{key}: {value}")
            return
        counts = session.scope.scope_counts()
    finally:
        session.close()
    for c in counts:
        if as_json:
            echo_json(
                {
                    "conversation_id": int(c.conversation_id),
                    "platform": c.platform,
                    "conversation": c.title,
                    "messages": c.messages,
                    "about_requester": c.about_requester,
                    "mentions_only": c.mentions_only,
                    "not_relevant": c.not_relevant,
                    "undecided": c.undecided,
                    "in_disclosure": c.in_disclosure,
                }
            )
        else:
            click.echo(
                f"{c.conversation_id}. {c.platform}/{c.title}: {c.messages} messages, "
                f"{c.about_requester} about the requester, {c.mentions_only} mentions only, "
                f"{c.not_relevant} not relevant, {c.undecided} undecided; "
                f"{c.in_disclosure} in the disclosure set"
            )


@scope.command("exclusions")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--pending", is_flag=True, help="Only exclusions waiting for a second person.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per exclusion.")
@_USER
def scope_exclusions(folder: Path, pending: bool, as_json: bool, user: str | None) -> None:
    """Messages excluded as not relevant, and who approved each exclusion (four eyes)."""
    session = open_case(folder, user)
    try:
        found = [e for e in session.scope.scope_exclusions() if e.pending or not pending]
    finally:
        session.close()
    for e in found:
        if as_json:
            echo_json(
                {
                    "message_id": int(e.message_id),
                    "kind": e.kind,
                    "reason": e.reason,
                    "excluded_by": e.excluded_by,
                    "excluded_at": e.excluded_at,
                    "approved_by": e.approved_by,
                    "approved_at": e.approved_at,
                    "note": e.note,
                }
            )
        else:
            who = f"approved by {e.approved_by}" if e.approved_by else "WAITING for approval"
            click.echo(f"msg {int(e.message_id):>6} {e.kind:<13} by {e.excluded_by}; {who}")
    if not as_json:
        waiting = sum(e.pending for e in found)
        click.echo(f"{len(found)} exclusions, {waiting} waiting for a second person.")


@scope.command("approve")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--message", "message_ids", multiple=True, help="Message ids (default: all).")
@click.option("--note", required=True, help="What you checked.")
@_USER
def scope_approve(folder: Path, message_ids: tuple[str, ...], note: str, user: str | None) -> None:
    """Approve pending exclusions as the second person (a reviewer or the DPO)."""
    session = open_case(folder, user)
    try:
        count = session.scope.approve_exclusions(_message_ids(message_ids) or None, note)
    finally:
        session.close()
    click.echo(f"Approved {count} exclusions (recorded).")


@click.group()
def sources() -> None:
    """The search plan: list, exclude, include and record unavailable sources (R20, R72)."""


@sources.command("list")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@_USER
def sources_list(folder: Path, as_json: bool, user: str | None) -> None:
    """Each source with its search status."""
    session = open_case(folder, user)
    try:
        statuses = session.search.source_statuses()
    finally:
        session.close()
    for st in statuses:
        if as_json:
            echo_json(
                {
                    "source": st.source_id,
                    "platform": st.platform,
                    "name": st.name,
                    "custodian": st.custodian,
                    "status": str(st.status),
                    "explanation": st.explanation,
                    "recorded_at": st.recorded_at,
                    "recorded_by": st.recorded_by,
                    "hits": st.hits,
                }
            )
        else:
            ident = st.source_id if st.source_id is not None else "-"
            extra = f" — {st.explanation}" if st.explanation else ""
            click.echo(f"{ident}. {st.name} ({st.platform}): {st.status}{extra}")


@sources.command("exclude")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.argument("source_id", metavar="ID", type=int)
@click.option(
    "--reason", required=True, help="Why searching it is not reasonable and proportionate."
)
@_USER
def sources_exclude(folder: Path, source_id: int, reason: str, user: str | None) -> None:
    """Leave source ID out of searches, with a recorded justification."""
    session = open_case(folder, user)
    try:
        session.search.exclude_source(source_id, reason)
    finally:
        session.close()
    click.echo(f"Source {source_id} is excluded from searches; the justification is recorded.")


@sources.command("include")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.argument("source_id", metavar="ID", type=int)
@click.option("--reason", default="", help="Why it is searched again.")
@_USER
def sources_include(folder: Path, source_id: int, reason: str, user: str | None) -> None:
    """Bring source ID back into searches."""
    session = open_case(folder, user)
    try:
        session.search.include_source(source_id, reason)
    finally:
        session.close()
    click.echo(f"Source {source_id} is searched again.")


@sources.command("unavailable")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--platform", required=True, help="Platform (whatsapp, signal, ...).")
@click.option("--description", default="", help="Which chat or device.")
@click.option("--custodian", help="Whose device or account.")
@click.option("--reason", required=True, help="What happened (deleted, disappearing messages).")
@click.option("--as-of", "as_of", type=ISO_DATE, help="Date the messages were found gone.")
@_USER
def sources_unavailable(
    folder: Path,
    platform: str,
    description: str,
    custodian: str | None,
    reason: str,
    as_of: date | None,
    user: str | None,
) -> None:
    """Record a source that cannot be searched because its messages are gone (R72)."""
    session = open_case(folder, user)
    try:
        record = session.search.record_unavailable(
            platform, description, reason, custodian=custodian, as_of=as_of
        )
    finally:
        session.close()
    click.echo(f"Recorded as not available (record {record}).")


COMMANDS = [scope, sources]
