"""The ``sar-desk`` command group: exit codes, ``--debug``, and the command list."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sar_desk import __version__
from sar_desk.app.crash import write_crash_report
from sar_desk.cli import audit as audit_cmds
from sar_desk.cli import case as case_cmds
from sar_desk.cli import demo as demo_cmds
from sar_desk.cli import detect as detect_cmds
from sar_desk.cli import export as export_cmds
from sar_desk.cli import importing as import_cmds
from sar_desk.cli import parse as parse_cmds
from sar_desk.cli import people as people_cmds
from sar_desk.cli import review as review_cmds
from sar_desk.cli import scope as scope_cmds
from sar_desk.cli import search as search_cmds
from sar_desk.cli import selftest as selftest_cmds
from sar_desk.cli import users as users_cmds
from sar_desk.core.errors import Cancelled, SarDeskError


class SarDeskGroup(click.Group):
    """A group that turns every failure into one line on stderr.

    Usage errors exit 2 (click); everything else exits 1, and an unexpected error also writes
    a crash report.
    """

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; `SarDeskError` → message + exit 1 (traceback only with --debug)."""
        try:
            return super().invoke(ctx)
        except SarDeskError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except Cancelled:
            click.echo("Cancelled; nothing was changed.", err=True)
            ctx.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise  # usage errors (exit 2) and click's own exits
        except Exception as exc:
            # A bug: never a traceback (its text can hold case content), but a crash report
            # of types and code locations only, and one sentence.
            if ctx.find_root().params.get("debug"):
                raise
            _report_crash(exc, ctx.invoked_subcommand)
            ctx.exit(1)


def _report_crash(exc: Exception, command: str | None) -> None:
    try:
        where = f"A crash report (no case content) was saved to {write_crash_report(exc, command)}"
    except OSError:
        where = "The crash report could not be saved either"
    click.echo(
        f"Error: SAR Desk stopped on an unexpected problem ({type(exc).__name__}); this is a "
        f"bug, and nothing half-done was kept. {where}; please send it to your support team.",
        err=True,
    )


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM ends the command like Ctrl+C, so partial work is rolled back and removed."""
    raise SystemExit(128 + signum)


@click.group(cls=SarDeskGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="sar-desk")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """SAR Desk: search, redact and disclose workplace chat for SAR and FOI requests.

    Run without a command to open the desktop window.
    """
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


GuiLauncher = Callable[[Path | None], int]
_gui_launcher: GuiLauncher | None = None


def set_gui_launcher(launcher: GuiLauncher) -> None:
    """Register how to open the window (done by ``sar_desk.__main__``).

    The command line must not import the window package (layering: nothing imports gui),
    so the program's entry point hands the launcher in.
    """
    global _gui_launcher
    _gui_launcher = launcher


@cli.command()
@click.argument("case", required=False, type=click.Path(path_type=Path))
def gui(case: Path | None) -> None:
    """Open the desktop window (optionally on CASE)."""
    if _gui_launcher is None:
        raise click.ClickException(
            "The desktop window is not available from here; start it with 'sar-desk gui' "
            "or 'python -m sar_desk'."
        )
    sys.exit(_gui_launcher(case))


for _module in (
    parse_cmds,
    case_cmds,
    import_cmds,
    search_cmds,
    demo_cmds,
    detect_cmds,
    review_cmds,
    audit_cmds,
    users_cmds,
    people_cmds,
    scope_cmds,
    export_cmds,
    selftest_cmds,
):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    """Run the command line (without the window; see ``sar_desk.__main__.main``)."""
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="sar-desk")
