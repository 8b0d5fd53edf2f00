"""``sar-desk people``: who is who across platforms; merge, split, mark and review suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from sar_desk.app.session import CaseSession
from sar_desk.cli.common import ask_as_passphrase, echo_json, open_case
from sar_desk.core.model import Person, PersonRole
from sar_desk.core.people import PersonSummary, Suggestion

ROLE_CHOICES = [str(r) for r in PersonRole if r is not PersonRole.UNKNOWN] + ["unknown"]


def _session(ctx: click.Context) -> CaseSession:
    session: CaseSession = ctx.obj["session"]
    user = ctx.params.get("user")
    if user:  # ``--as`` may also follow the sub-command; it needs the user's passphrase too
        session.act_as(user, lambda: ask_as_passphrase(user))
    return session


def _group_json(ctx: click.Context) -> bool:
    # With interspersed arguments, "people CASE suggestions --json" hands --json to the group.
    return bool(ctx.parent is not None and ctx.parent.params.get("as_json"))


def _as_user(func: Any) -> Any:
    return click.option("--as", "user", metavar="USER", help="Act as this user.")(func)


def _person_json(item: PersonSummary) -> dict[str, Any]:
    p = item.person
    return {
        "id": int(p.id),
        "name": p.display_name,
        "role": str(p.role),
        "official_capacity": p.official_capacity,
        "messages_sent": item.message_count,
        "identifiers": {k: list(v) for k, v in item.identifiers.items()},
    }


def _suggestion_json(s: Suggestion) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": str(s.kind),
        "person": int(s.person_id),
        "other": int(s.other_id) if s.other_id is not None else None,
        "score": s.score,
        "reason": s.reason,
        "status": s.status,
    }


def _role_text(p: Person) -> str:
    return str(p.role) + (" (official capacity)" if p.official_capacity else "")


@click.group(
    invoke_without_command=True,
    context_settings={"allow_interspersed_args": True, "ignore_unknown_options": True},
)
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per person.")
@click.option("--as", "user", metavar="USER", help="Act as this user (default: your login name).")
@click.pass_context
def people(ctx: click.Context, folder: Path, as_json: bool, user: str | None) -> None:
    """People in CASE with their identifiers per platform, message counts and role.

    Sub-commands: merge A B, split A --identifier ID, mark A --role ROLE, suggestions,
    accept-suggestion N, dismiss-suggestion N, resolve, history.
    """
    session = open_case(folder, user)
    ctx.obj = {"session": session}
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is not None:
        return
    items = session.people.people()
    if as_json:
        for item in items:
            echo_json(_person_json(item))
        return
    click.echo(f"{len(items)} people")
    for item in items:
        p = item.person
        ids = "; ".join(f"{plat}: {', '.join(v)}" for plat, v in item.identifiers.items())
        click.echo(f"{p.id}. {p.display_name} [{_role_text(p)}] {item.message_count} sent — {ids}")


@people.command()
@click.argument("keep", type=int)
@click.argument("absorb", type=int)
@click.option("--reason", default="", help="Why they are the same person.")
@_as_user
@click.pass_context
def merge(ctx: click.Context, user: str | None, keep: int, absorb: int, reason: str) -> None:
    """Merge person ABSORB into person KEEP."""
    person = _session(ctx).people.merge_people(keep, absorb, reason)
    click.echo(f"Merged person {absorb} into {person.id} ({person.display_name}).")


@people.command()
@click.argument("person_id", metavar="A", type=int)
@click.option("--identifier", required=True, help="The phone, e-mail, id or name to split off.")
@click.option("--reason", default="", help="Why they are different people.")
@_as_user
@click.pass_context
def split(
    ctx: click.Context, user: str | None, person_id: int, identifier: str, reason: str
) -> None:
    """Move an identifier out of person A into a new person."""
    new = _session(ctx).people.split_person(person_id, identifier, reason)
    click.echo(f"Split {identifier} off person {person_id} into new person {new.id}.")


@people.command()
@click.argument("person_id", metavar="A", type=int)
@click.option("--role", required=True, type=click.Choice(ROLE_CHOICES))
@click.option("--official", is_flag=True, help="Staff acting in an official capacity.")
@click.option("--reason", default="", help="Why.")
@_as_user
@click.pass_context
def mark(
    ctx: click.Context, user: str | None, person_id: int, role: str, official: bool, reason: str
) -> None:
    """Mark person A as requester, staff or third party."""
    person = _session(ctx).people.mark_person(person_id, PersonRole(role), official, reason)
    click.echo(f"Person {person.id} ({person.display_name}) is now {_role_text(person)}.")


@people.command()
@click.option("--all", "show_all", is_flag=True, help="Include accepted and dismissed ones.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per suggestion.")
@click.pass_context
def suggestions(ctx: click.Context, show_all: bool, as_json: bool) -> None:
    """Name-based matches to confirm (never merged automatically)."""
    session = _session(ctx)
    items = session.people.suggestions(None if show_all else "open")
    if as_json or _group_json(ctx):
        for s in items:
            echo_json(_suggestion_json(s))
        return
    if not items:
        click.echo("No suggestions to review.")
    for s in items:
        a = session.people.person(s.person_id).display_name
        if s.other_id is not None:
            b = session.people.person(s.other_id).display_name
            what = f"merge {s.person_id} ({a}) with {s.other_id} ({b})"
        else:
            what = f"mark {s.person_id} ({a}) as the requester"
        click.echo(f"#{s.id} [{s.status}] {what}: {s.reason} (score {s.score})")


@people.command("accept-suggestion")
@click.argument("suggestion_id", metavar="N", type=int)
@click.option("--reason", default="", help="Why (default: the suggestion's reason).")
@_as_user
@click.pass_context
def accept_suggestion(
    ctx: click.Context, user: str | None, suggestion_id: int, reason: str
) -> None:
    """Carry out suggestion N."""
    person = _session(ctx).people.accept_suggestion(suggestion_id, reason)
    click.echo(f"Accepted suggestion {suggestion_id}: person {person.id} ({_role_text(person)}).")


@people.command("dismiss-suggestion")
@click.argument("suggestion_id", metavar="N", type=int)
@click.option("--reason", default="", help="Why they are not the same.")
@_as_user
@click.pass_context
def dismiss_suggestion(
    ctx: click.Context, user: str | None, suggestion_id: int, reason: str
) -> None:
    """Record that suggestion N is wrong; it is not offered again."""
    _session(ctx).people.dismiss_suggestion(suggestion_id, reason)
    click.echo(f"Dismissed suggestion {suggestion_id}.")


@people.command()
@_as_user
@click.pass_context
def resolve(ctx: click.Context, user: str | None) -> None:
    """Re-run resolution: new identities, the requester from the aliases, suggestions."""
    s = _session(ctx).people.resolve_people()
    click.echo(
        f"{s.new_people} new people, {s.joined} identities joined, {s.merged} merges, "
        f"{s.requester_marked} marked as requester, {s.open_suggestions} suggestions open."
    )


@people.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per decision.")
@click.pass_context
def history(ctx: click.Context, as_json: bool) -> None:
    """Every merge, split, mark and suggestion decision: who, when, what and why."""
    for d in _session(ctx).people.person_decisions():
        if as_json or _group_json(ctx):
            echo_json(
                {
                    "id": d.id,
                    "at": d.at,
                    "user": d.user,
                    "action": d.action,
                    "person": int(d.person_id),
                    "other": d.other_id,
                    "automatic": d.automatic,
                    "reason": d.reason,
                    "details": d.details,
                }
            )
            continue
        other = f" / {d.other_id}" if d.other_id is not None else ""
        auto = " (automatic)" if d.automatic else ""
        click.echo(f"{d.at} {d.user}: {d.action} {d.person_id}{other}{auto} — {d.reason}")


COMMANDS = [people]
