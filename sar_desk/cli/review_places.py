"""``sar-desk review CASE places`` and ``link``: safety-net places, whose data (issue 13).

The export's safety net never redacts by itself. When it finds a redacted term somewhere else
in the disclosure, export stops and lists those places; this command shows them and records a
decision for them: ``--redact`` accepts the same redaction there (a second person approves it
as usual), ``--keep --reason`` records why the text stays.

``staff-policy`` sets what the pack does with staff acting in an official capacity.
``link`` records whose data an item is (a person in the case, or an unnamed other individual):
in a SAR the third-party code applies only to information about another individual.
"""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.cli.common import echo_json, json_option, open_case, user_option
from sar_desk.core.disclosure import StaffPolicy


@click.command("places")
@click.option("--redact", "action", flag_value="redact", help="Apply the same redaction there.")
@click.option("--keep", "action", flag_value="keep", help="Keep the text there (needs --reason).")
@click.option("--reason", default="", help="Why the text stays (or the redaction's rationale).")
@click.option(
    "--message", "message_ids", type=int, multiple=True, help="Only places in this message."
)
@json_option
@user_option
@click.pass_context
def places(
    ctx: click.Context,
    action: str | None,
    reason: str,
    message_ids: tuple[int, ...],
    as_json: bool,
    user: str | None,
) -> None:
    """List the places where a term redacted elsewhere has no decision, or decide them."""
    folder: Path = ctx.obj
    session = open_case(folder, user)
    try:
        if action is None:
            found = session.places.safety_net_places()
            if message_ids:
                found = [p for p in found if int(p.message_id) in set(message_ids)]
            if as_json:
                for p in found:
                    echo_json(
                        {
                            "message_id": int(p.message_id),
                            "conversation": p.conversation,
                            "field": str(p.field),
                            "kind": p.kind,
                            "code": p.code or None,
                            "term": p.term,
                        }
                    )
                return
            for p in found:
                click.echo(
                    f"msg {int(p.message_id):>6} {p.conversation} {p.field:<12} {p.kind:<14} "
                    f"{p.code or '-':<10} {p.term!r}"
                )
            click.echo(
                f"{len(found)} places need a decision"
                + (
                    ": add --redact (same redaction) or --keep --reason TEXT."
                    if found
                    else "; the safety net will not stop the export."
                )
            )
            return
        result = session.places.decide_safety_net_places(
            redact=action == "redact", reason=reason, message_ids=message_ids or None
        )
        verb = "accepted the same redaction for" if action == "redact" else "kept the text at"
        click.echo(f"{session.user} {verb} {len(result.items)} occurrences (recorded).")
        if action == "redact" and result.items:
            click.echo("A second person must approve them: review CASE approve --all-accepted.")
        if result.unlocated:
            click.echo(
                f"{len(result.unlocated)} places could not be located as written; decide them "
                "with 'review CASE redact' (--title or --attachment in a title or file name) "
                "or 'review CASE withhold': messages "
                + ", ".join(str(int(p.message_id)) for p in result.unlocated)
            )
    finally:
        session.close()


@click.command("link")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--person", "person_id", type=int, help="The case's person id it is about.")
@click.option("--other-individual", is_flag=True, help="It is about an individual not in the case.")
@click.option("--reason", required=True, help="Why it is about that individual.")
@user_option
@click.pass_context
def link(
    ctx: click.Context,
    ids: tuple[int, ...],
    person_id: int | None,
    other_individual: bool,
    reason: str,
    user: str | None,
) -> None:
    """Record whose data items IDS are (the third-party code needs another individual)."""
    session = open_case(ctx.obj, user)
    try:
        count = session.subjects.link_items(
            ids, person_id=person_id, other_individual=other_individual, reason=reason
        )
        for item_id, subject in session.subjects.item_subjects(ids).items():
            click.echo(f"{item_id:>5}  {subject.whose}: {subject.basis}")
    finally:
        session.close()
    click.echo(f"Linked {count} items (recorded).")


@click.command("staff-policy")
@click.argument("policy", required=False, type=click.Choice([str(p) for p in StaffPolicy]))
@click.option("--reason", default="", help="Why this policy fits the case (recorded).")
@user_option
@click.pass_context
def staff_policy(ctx: click.Context, policy: str | None, reason: str, user: str | None) -> None:
    """Show or set what the pack does with staff acting in an official capacity.

    disclose (the default; ICO guidance: senior staff names are usually disclosed), label
    ("Officer 1") or redact.
    """
    session = open_case(ctx.obj, user)
    try:
        if policy is not None:
            session.subjects.set_staff_policy(StaffPolicy(policy), reason)
        click.echo(f"Staff acting in an official capacity: {session.subjects.staff_policy()}")
    finally:
        session.close()


def register(group: click.Group) -> None:
    """Add these commands to the ``review`` group."""
    group.add_command(places)
    group.add_command(link)
    group.add_command(staff_policy)
