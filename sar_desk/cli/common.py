"""Helpers shared by the commands: options, progress on stderr, JSON output."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from sar_desk.app.base import os_account
from sar_desk.app.opening import open_case_session
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import PermissionDeniedError
from sar_desk.core.imports import RawMessage
from sar_desk.core.jobs import Job, Progress, run_job
from sar_desk.core.model import Attachment, Message

R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])


class IsoDate(click.ParamType[date]):
    """A date written as YYYY-MM-DD."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Parse an ISO date or fail with a usage error."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(
                f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31.", param, ctx
            )


ISO_DATE = IsoDate()


AS_PASSPHRASE_ENV = "SAR_DESK_AS_PASSPHRASE"
NEW_USER_PASSPHRASE_ENV = "SAR_DESK_NEW_USER_PASSPHRASE"


def user_option(func: F) -> F:
    """The ``--as USER`` option (default: the operating-system account)."""
    return click.option(
        "--as",
        "user",
        metavar="USER",
        help=(
            "Act as this case user, with their passphrase (asked for, or from "
            f"{AS_PASSPHRASE_ENV}). Default: your operating-system account."
        ),
    )(func)


def _is_os_account(user: str | None) -> bool:
    return user is None or user.strip().casefold() == os_account().casefold()


def ask_as_passphrase(user: str) -> str | None:
    """The passphrase for acting as `user`: from the environment, else typed at a terminal."""
    given = os.environ.get(AS_PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    value: str = click.prompt(f"Passphrase of {user}", hide_input=True, err=True)
    return value


def new_passphrase(user: str) -> str:
    """A new passphrase for `user`: from the environment, else typed twice at a terminal.

    Raises:
        click.UsageError: Neither is available (a script without the variable).
    """
    given = os.environ.get(NEW_USER_PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise click.UsageError(
            f"{user} needs a passphrase of their own: run this in a terminal so they can type "
            f"it, or set {NEW_USER_PASSPHRASE_ENV} for a script."
        )
    value: str = click.prompt(
        f"New passphrase for {user} (let {user} type it)",
        hide_input=True,
        confirmation_prompt=True,
        err=True,
    )
    return value


def creator_passphrase(user: str | None) -> str | None:
    """When a case is created in another user's name, that user's new passphrase."""
    return None if user is None or _is_os_account(user) else new_passphrase(user)


def json_option(func: F) -> F:
    """The ``--json`` option."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Machine-readable output on stdout."
    )(func)


def date_order_options(func: F) -> F:
    """``--day-first`` / ``--month-first`` for ambiguous exports."""
    func = click.option(
        "--month-first", "month_first", is_flag=True, help="Dates in the export are month/day."
    )(func)
    return click.option(
        "--day-first", "day_first", is_flag=True, help="Dates in the export are day/month."
    )(func)


def day_first_value(day_first: bool, month_first: bool) -> bool | None:
    """Turn the two flags into the importer option."""
    if day_first and month_first:
        raise click.UsageError("Use either --day-first or --month-first, not both.")
    if day_first:
        return True
    if month_first:
        return False
    return None


def open_case(path: Path, user: str | None = None) -> CaseSession:
    """Open the case named on the command line, acting as the OS account or `user`.

    With a team server chosen (``--server`` or ``SAR_DESK_SERVER``) CASE is a reference on
    that server and the acting user is the database login. Acting as another case user needs
    their passphrase (issue 17); the environment's USER and LOGNAME are never consulted.
    """
    server = team_server_chosen(user)
    session = open_case_session(path, server=server)
    if server is None and not _is_os_account(user):
        assert user is not None  # _is_os_account(None) is true
        try:
            session.act_as(user, lambda: ask_as_passphrase(user))
        except BaseException:
            session.close()
            raise
    return session


SERVER_KEY = "sar_desk_server"
"""Where the group's ``--server URL`` is kept in the click context."""


def team_server_chosen(user: str | None = None) -> str | None:
    """The team server chosen by ``--server`` or ``SAR_DESK_SERVER``, else None (case folders).

    Raises:
        PermissionDeniedError: `user` was given (``--as``): on a team store the login acts.
    """
    ctx = click.get_current_context(silent=True)
    explicit = ctx.find_root().meta.get(SERVER_KEY) if ctx is not None else None
    if not explicit and not os.environ.get("SAR_DESK_SERVER", "").strip():
        return None
    # Imported only when a server is chosen: every other command starts without psycopg.
    from sar_desk.app import server as team_server

    address = team_server.server_address(explicit)
    if address is not None and user is not None:
        raise PermissionDeniedError(
            f"On the team store {team_server.describe(address)} you act as your database "
            "login; --as is refused there."
        )
    return address


@contextmanager
def case_session(folder: Path, user: str | None = None) -> Iterator[CaseSession]:
    """An open case for one command, closed when the block ends."""
    session = open_case(folder, user)
    try:
        yield session
    finally:
        session.close()


def run_with_progress(job: Job[R], quiet: bool = False) -> R:
    """Run a job, showing its progress on stderr when stderr is a terminal."""
    tty = sys.stderr.isatty() and not quiet

    def show(progress: Progress) -> None:
        if not tty:
            return
        share = progress.fraction
        pct = f" {share:.0%}" if share is not None else ""
        click.echo(f"\r{progress.message}{pct}\033[K", err=True, nl=False)

    try:
        return run_job(job, show)
    finally:
        if tty:
            click.echo("\r\033[K", err=True, nl=False)


def attachment_json(att: Attachment) -> dict[str, Any]:
    """The contract's attachment shape."""
    return {"name": att.name, "type": att.type, "present": att.present}


def iso(moment: datetime) -> str:
    """ISO 8601 with offset."""
    return moment.isoformat()


def raw_json(raw: RawMessage, index: int) -> dict[str, Any]:
    """A parsed record as a `sar-desk parse` JSON object."""
    return {
        "id": raw.platform_message_id or str(index),
        "platform": raw.platform,
        "conversation": raw.conversation_title,
        "sender": raw.sender,
        "sender_id": raw.sender_id,
        "timestamp": iso(raw.timestamp),
        "kind": str(raw.kind),
        "text": raw.text,
        "attachments": [attachment_json(a) for a in raw.attachments],
        "reply_to": raw.reply_to,
        "edited": raw.edited,
        "location": raw.location,
    }


def message_json(message: Message, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A stored message as a `sar-desk search --json` object."""
    data: dict[str, Any] = {
        "id": int(message.id),
        "platform": message.platform,
        "conversation": message.conversation,
        "conversation_id": int(message.conversation_id),
        "sender": message.sender,
        "sender_id": message.sender_id,
        "timestamp": iso(message.timestamp),
        "kind": str(message.kind),
        "text": message.text,
        "attachments": [attachment_json(a) for a in message.attachments],
        "reply_to": int(message.reply_to) if message.reply_to is not None else None,
        "edited": message.edited,
        "source": [int(s) for s in message.source_ids],
    }
    if extra:
        data.update(extra)
    return data


def echo_json(data: Any) -> None:
    """One JSON object per line on stdout."""
    click.echo(json.dumps(data, ensure_ascii=False, sort_keys=False, default=str))
