"""``sar-desk users CASE add|list``: who works on a case and in which role (R51)."""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.app.api import Role, parse_role
from sar_desk.cli.common import (
    echo_json,
    json_option,
    new_passphrase,
    open_case,
    team_server_chosen,
    user_option,
)
from sar_desk.core.errors import BadInputError


@click.group()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.pass_context
def users(ctx: click.Context, folder: Path) -> None:
    """Manage the users of CASE and their roles."""
    if team_server_chosen() is not None:
        # The server's logins and group roles are the users there (issue 17).
        raise BadInputError(
            "A case on the team store has no users of its own: its users are the server's "
            "logins, with the roles 'sar-desk server grant URL LOGIN --role ROLE' gives them "
            "('sar-desk server whoami' shows yours)."
        )
    ctx.obj = folder


@users.command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice([r.value for r in Role] + ["approver"]),
    help="case-handler, reviewer (approver), dpo or auditor.",
)
@user_option
@click.pass_context
def add(ctx: click.Context, name: str, role: str, user: str | None) -> None:
    """Add NAME to the case with a role and their passphrase (or change their role).

    A new user's passphrase is typed by them at the prompt (or comes from
    SAR_DESK_NEW_USER_PASSPHRASE in a script); anyone acting as NAME later needs it.
    """
    session = open_case(ctx.obj, user)
    try:
        known = {n.casefold() for n, _, _ in session.review.users()}
        passphrase = None if name.strip().casefold() in known else new_passphrase(name.strip())
        row = session.review.add_user(name, parse_role(role), passphrase)
    finally:
        session.close()
    click.echo(f"{row.name} is now {Role(row.role).label} on this case.")


@users.command("passphrase")
@click.argument("name")
@user_option
@click.pass_context
def passphrase(ctx: click.Context, name: str, user: str | None) -> None:
    """Set NAME's passphrase (NAME themselves, or the case owner or a DPO if NAME has none)."""
    session = open_case(ctx.obj, user)
    try:
        session.review.set_passphrase(name, new_passphrase(name.strip()))
    finally:
        session.close()
    click.echo(f"The passphrase of {name.strip()} is set; acting as them now needs it.")


@users.command("list")
@json_option
@click.pass_context
def list_users(ctx: click.Context, as_json: bool) -> None:
    """List the case's users and roles."""
    session = open_case(ctx.obj)
    try:
        found = session.review.users()
    finally:
        session.close()
    for name, role, how in found:
        if as_json:
            echo_json({"name": name, "role": str(role), "source": how})
        else:
            click.echo(f"{name:<20} {role.label:<20} ({how})")


COMMANDS = [users]
