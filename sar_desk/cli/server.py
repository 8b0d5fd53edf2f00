"""``sar-desk server``: set up the team store on PostgreSQL and give logins their roles.

``server init URL`` is run once by the team's admin login; ``grant``/``revoke`` give or take a
team role; ``whoami`` shows which login the credentials reach and its roles. Credentials come
the libpq way (the URL, PGUSER/PGPASSWORD, ``~/.pgpass``); SAR Desk never stores them.
"""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.app import server as team_server
from sar_desk.cli.common import echo_json, json_option, run_with_progress, team_server_chosen
from sar_desk.core.errors import BadInputError

_ROLE = click.option(
    "--role",
    required=True,
    type=click.Choice(team_server.TEAM_ROLES),
    help="The team role.",
)


@click.group()
def server() -> None:
    """The team store on PostgreSQL: set it up, grant and revoke roles."""


@server.command("init")
@click.argument("url")
def init_command(url: str) -> None:
    """Create the team's roles (case-handler, reviewer, dpo, auditor) and case register."""
    team_server.init(url)
    click.echo(f"Team store ready on {team_server.describe(url)}.")


@server.command("grant")
@click.argument("url")
@click.argument("login")
@_ROLE
def grant_command(url: str, login: str, role: str) -> None:
    """Give LOGIN a team role."""
    team_server.grant(url, login, role)
    click.echo(f"{login} now has the {role} role.")


@server.command("revoke")
@click.argument("url")
@click.argument("login")
@click.option(
    "--role",
    type=click.Choice(team_server.TEAM_ROLES),
    default=None,
    help="Only this team role (default: every team role LOGIN holds).",
)
def revoke_command(url: str, login: str, role: str | None) -> None:
    """Take LOGIN's team roles away (or only --role), so it can no longer open cases."""
    taken = team_server.revoke(url, login, role)
    if role is not None:
        click.echo(f"{login} no longer has the {role} role.")
    elif taken:
        click.echo(f"{login} no longer has any team role (took away: {', '.join(taken)}).")
    else:
        click.echo(f"{login} had no team role; nothing was changed.")


@server.command("whoami")
@click.argument("url", required=False)
@json_option
def whoami_command(url: str | None, as_json: bool) -> None:
    """The login your credentials reach the team server as, and its roles."""
    address = team_server.server_address(url)
    if address is None:
        raise BadInputError(f"No team server given: name one, or set {team_server.SERVER_ENV}.")
    me = team_server.who_am_i(address)
    if as_json:
        echo_json({"login": me.login, "roles": list(me.roles)})
        return
    click.echo(f"{me.login}: {', '.join(me.roles)}")


@server.command("move")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option(
    "--to",
    "to_folder",
    type=click.Path(path_type=Path),
    default=None,
    help="Copy the case CASE on the server back to this new case folder, for offline work.",
)
def move_command(folder: Path, to_folder: Path | None) -> None:
    """Move the case folder CASE to the team server (--server or SAR_DESK_SERVER).

    Every original is checked against its recorded SHA-256 and imported again on the server,
    as your login; a case whose review has started cannot move. The folder is left as it is.

    With --to FOLDER, CASE is a case on the server: it is copied whole (decisions and audit
    log included, every file SHA-256 checked) into the new case folder FOLDER, and the server
    records that you took the copy. The case on the server is left as it is.
    """
    address = team_server_chosen()
    if address is None:
        raise BadInputError(f"No team server given: use --server, or set {team_server.SERVER_ENV}.")
    if to_folder is not None:
        from sar_desk.app.team_copy import copy_to_folder

        copied = run_with_progress(copy_to_folder(address, str(folder).strip(), to_folder))
        click.echo(
            f"Copied case {copied.reference} from the team store {team_server.describe(address)} "
            f"to {copied.folder}: {copied.messages} messages; originals: {copied.originals}, "
            f"attachments: {copied.attachments} (SHA-256 checked); audit entries: "
            f"{copied.entries}. The server's log records that you took it; the case there is "
            "otherwise unchanged."
        )
        return
    from sar_desk.app.team_move import move_to_server

    result = run_with_progress(move_to_server(folder, address))
    click.echo(
        f"Moved case {result.reference} to the team store {team_server.describe(address)}: "
        f"{result.sources} sources (SHA-256 checked), {result.messages} messages. The folder "
        f"{folder} was left as it is; run detection and review on the server."
    )


COMMANDS = [server]
