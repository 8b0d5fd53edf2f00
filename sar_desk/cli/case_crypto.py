"""``sar-desk case passphrase``: change an encrypted case's passphrase, or remember it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from sar_desk.app.encryption import (
    change_passphrase,
    forget_remembered,
    is_encrypted,
    remember,
    unlock,
)
from sar_desk.cli.common import team_server_chosen
from sar_desk.cli.passphrase import PASSPHRASE_ENV, case_passphrase
from sar_desk.core.errors import BadInputError

NEW_PASSPHRASE_ENV = "SAR_DESK_NEW_PASSPHRASE"


def _new_passphrase() -> str:
    given = os.environ.get(NEW_PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise click.UsageError(
            f"Type the new passphrase in a terminal, or set {NEW_PASSPHRASE_ENV} for a script."
        )
    value: str = click.prompt(
        "New passphrase for the case", hide_input=True, confirmation_prompt=True, err=True
    )
    return value


@click.command("passphrase")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option(
    "--remember",
    "remember_",
    is_flag=True,
    help="Only remember the current passphrase in the operating system's keyring.",
)
@click.option("--forget", is_flag=True, help="Only remove a remembered passphrase.")
def case_passphrase_command(folder: Path, remember_: bool = False, forget: bool = False) -> None:
    """Change the passphrase of an encrypted case CASE (the data is not re-encrypted).

    The current passphrase comes from SAR_DESK_PASSPHRASE, the keyring or a prompt; the new
    one from SAR_DESK_NEW_PASSPHRASE or a prompt.
    """
    if team_server_chosen() is not None:
        raise BadInputError(
            "A case on the team store has no passphrase of its own: the server protects it "
            "with its logins and roles."
        )
    if not is_encrypted(folder):
        raise click.UsageError(f"The case in {folder} is not encrypted.")
    if forget:
        forget_remembered(folder)
        click.echo("The passphrase is no longer remembered on this computer.")
        return
    old = case_passphrase(folder)
    if not old:
        raise click.UsageError(
            f"Give the current passphrase in a terminal, or set {PASSPHRASE_ENV} for a script."
        )
    if remember_:
        unlock(folder, old)  # never remember a wrong one
        if remember(folder, old):
            click.echo("The passphrase is remembered in this computer's keyring.")
        else:
            click.echo("This computer has no keyring; you will be asked for the passphrase.")
        return
    change_passphrase(folder, old, _new_passphrase())
    click.echo(f"The passphrase of the case in {folder} was changed.")
