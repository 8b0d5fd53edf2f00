"""Where the command line gets an encrypted case's passphrase.

From the environment, else the OS keyring (if remembered), else a prompt at a terminal.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

# The store (and SQLAlchemy) load only when a command runs, not when the command line starts.
PASSPHRASE_ENV = "SAR_DESK_PASSPHRASE"


def case_passphrase(folder: Path) -> str | None:
    """The passphrase of the encrypted case in `folder`, or None when nobody can give it."""
    from sar_desk.app.encryption import remembered

    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    kept = remembered(folder)
    if kept:
        return kept
    if not sys.stdin.isatty():
        return None
    value: str = click.prompt(f"Passphrase of the case in {folder}", hide_input=True, err=True)
    return value


def new_case_passphrase(by_default: bool = False) -> str:
    """A passphrase for a new encrypted case: from the environment, else typed twice.

    Args:
        by_default: Encryption was not asked for but comes from the organisation profile,
            so a refusal also says how to create the case unencrypted.

    Raises:
        click.UsageError: Neither is available (a script without the variable).
    """
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        why = (
            "New cases are encrypted (the organisation profile's default), so this one"
            if (by_default)
            else "An encrypted case"
        )
        other = (
            ", or create it unencrypted with --no-encrypt (or sar-desk org set "
            "--encrypt-new-cases no)"
            if by_default
            else ""
        )
        raise click.UsageError(
            f"{why} needs a passphrase: run this in a terminal to type it, or set "
            f"{PASSPHRASE_ENV} for a script{other}."
        )
    value: str = click.prompt(
        "Passphrase for the encrypted case", hide_input=True, confirmation_prompt=True, err=True
    )
    return value


def install() -> None:
    """Make every command that opens an encrypted case ask this way."""
    from sar_desk.app.encryption import set_passphrase_source

    set_passphrase_source(case_passphrase)
