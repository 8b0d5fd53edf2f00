"""``sar-desk case close|hold|release|purge`` and ``sar-desk cases due``: retention and disposal.

The four case commands join the ``case`` group (``cli/case.py`` adds them); ``cases due`` is
its own group so that it can look at many case folders at once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from sar_desk.app import lifecycle
from sar_desk.app.cases_due import disposal_list
from sar_desk.cli.common import (
    ISO_DATE,
    ask_as_passphrase,
    echo_json,
    json_option,
    open_case,
    team_server_chosen,
    user_option,
)

_CASE = click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))


@click.command("close")
@_CASE
@click.option(
    "--closed-on",
    type=ISO_DATE,
    help="The date the case closed (default today); retention runs from it.",
)
@user_option
def case_close(folder: Path, closed_on: date | None, user: str | None) -> None:
    """Close the case; it is kept for its regime's retention period, then due for disposal."""
    session = open_case(folder, user)
    try:
        position = lifecycle.close_case(session, closed_on)
    finally:
        session.close()
    assert position.closed_on is not None
    assert position.retain_until is not None
    click.echo(
        f"Case closed on {position.closed_on:%d %b %Y}; kept for {position.period.words}, "
        f"until {position.retain_until:%d %b %Y}."
    )
    if position.hold is not None:
        click.echo("It is on legal hold: it cannot be destroyed until the hold is released.")


@click.command("hold")
@_CASE
@click.option("--reason", default="", help="Why (review, complaint, ICO case, appeal...).")
@user_option
def case_hold(folder: Path, reason: str, user: str | None) -> None:
    """Put the case under legal hold: it cannot be destroyed until released."""
    session = open_case(folder, user)
    try:
        hold = lifecycle.place_hold(session, reason)
    finally:
        session.close()
    click.echo(f"Legal hold placed on {hold.placed_on:%d %b %Y}.")


@click.command("release")
@_CASE
@click.option("--reason", default="", help="Why the hold has ended.")
@user_option
def case_release(folder: Path, reason: str, user: str | None) -> None:
    """Release the legal hold; the retention date applies again."""
    session = open_case(folder, user)
    try:
        lifecycle.release_hold(session, reason)
        position = lifecycle.disposal_position(session)
    finally:
        session.close()
    click.echo(f"Legal hold released. The case is now {position.state}.")


@click.command("purge")
@_CASE
@click.option("--yes", is_flag=True, help="Confirm: destroying a case cannot be undone.")
@click.option(
    "--certificate",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to write the destruction certificate (JSON, outside the case folder).",
)
@click.option("--early", is_flag=True, help="Destroy before the retention date (DPO only).")
@click.option("--reason", default="", help="Why it is destroyed early (with --early).")
@user_option
def case_purge(
    folder: Path, yes: bool, certificate: Path, early: bool, reason: str, user: str | None
) -> None:
    """Securely destroy a closed case past its retention date and write its certificate.

    Refused under legal hold, and before the retention date unless the DPO destroys it
    early with --early --reason. Run it again to finish a purge that was interrupted.
    On a team store (--server) CASE is the reference and the server drops the case.
    """
    if not yes:
        raise click.UsageError("Destroying a case cannot be undone; add --yes to confirm.")
    if reason and not early:
        raise click.UsageError("--reason goes with --early.")
    server = team_server_chosen(user)
    if server is not None:
        from sar_desk.app.team_purge import purge_team_case  # loaded only to destroy

        cert = purge_team_case(server, str(folder), certificate, early=early, reason=reason)
        contents = cert["contents"]
        click.echo(
            f"Case {cert['case']['reference']} destroyed on the team store: its schema, with "
            f"{contents['files']} kept files ({contents['bytes']:,} bytes), was dropped."
        )
        click.echo(f"Certificate {cert['certificate_id']} written to {certificate}.")
        return
    from sar_desk.app.purge import purge_case  # loaded only to destroy

    ask = (lambda: ask_as_passphrase(user)) if user else None
    cert = purge_case(folder, certificate, user, early=early, reason=reason, ask=ask)
    contents = cert["contents"]
    click.echo(
        f"Case {cert['case']['reference']} destroyed: {contents['files']} files "
        f"({contents['bytes']:,} bytes) overwritten and deleted."
    )
    click.echo(f"Certificate {cert['certificate_id']} written to {certificate}.")


@click.group()
def cases() -> None:
    """Look across case folders."""


@cases.command("due")
@click.argument("folders", metavar="[FOLDER]...", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "show_all", is_flag=True, help="List every case, not only those due.")
@json_option
def cases_due(folders: tuple[Path, ...], show_all: bool, as_json: bool) -> None:
    """List cases due for disposal (and purges to finish) in FOLDERs (default: here).

    Each FOLDER is a case folder or a folder that holds case folders.
    """
    rows = disposal_list(list(folders) or [Path.cwd()])
    shown = [row for row in rows if show_all or row.due or row.problem]
    if as_json:
        for row in shown:
            echo_json(row.to_json())
        return
    if not shown:
        click.echo(f"No case due for disposal ({len(rows)} case(s) looked at).")
        return
    for row in shown:
        state = row.to_json()
        if row.interrupted:
            detail = "purge interrupted: run purge again to finish it"
        elif row.problem:
            detail = f"cannot be read: {row.problem}"
        else:
            detail = f"{state['state']}; closed {state['closed_on'] or '-'}, kept until "
            detail += f"{state['retain_until'] or '-'}"
            if state["on_hold_since"]:
                detail += f", on hold since {state['on_hold_since']}"
        click.echo(f"{row.folder}  {row.reference or '?'} ({row.regime or '?'}): {detail}")


LIFECYCLE_COMMANDS = [case_close, case_hold, case_release, case_purge]
COMMANDS = [cases]
