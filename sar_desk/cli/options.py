"""The options every command shares, in a module that imports nothing but click.

A command that must start work before the app and the store are imported (``detect`` starts
its workers first) declares its options from here; `cli.common` offers the same ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

AS_PASSPHRASE_ENV = "SAR_DESK_AS_PASSPHRASE"


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


def json_option(func: F) -> F:
    """The ``--json`` option."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Machine-readable output on stdout."
    )(func)
