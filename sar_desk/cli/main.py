"""The ``sar-desk`` command group: exit codes, ``--debug``, and the command list."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sar_desk import __version__
from sar_desk.app.crash import write_crash_report
from sar_desk.cli.hints import error_line
from sar_desk.cli.passphrase import install as install_passphrase_source
from sar_desk.core.errors import Cancelled, SarDeskError

# Each command module (sar_desk/cli/<module>.py) ends with ``COMMANDS = [...]``; register it with
# one line here, naming its commands, so a command's module (and everything it imports) loads
# only when that command runs. ``tests/unit/cli/test_lazy_commands.py`` checks this list
# against every module's COMMANDS.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "about": ("about",),
    "parse": ("parse", "formats"),
    "case": ("case",),
    "importing": ("import",),
    "search": ("search",),
    "demo": ("demo",),
    "detect": ("detect",),
    "review": ("review",),
    "audit": ("audit",),
    "users": ("users",),
    "people": ("people",),
    "scope": ("scope", "sources"),
    "export": ("export", "verify"),
    "delivery": ("delivery",),
    "selftest": ("self-test",),
    "org": ("org",),
    "lifecycle": ("cases",),
    "server": ("server",),
}


def start_collecting() -> None:
    """Turn the cycle collector back on once a command's modules are loaded.

    The entry point turns it off while modules load: the collector would otherwise scan the
    growing heap of module objects several times during start-up (≈40 ms of a 0.45 s search).
    Those objects live as long as the process, so they are frozen out of later collections;
    the command itself runs with the collector on, as long jobs need.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class SarDeskGroup(click.Group):
    """A group that turns expected failures into one line on stderr and exit code 1.

    Commands listed in `COMMAND_MODULES` are imported on first use: ``--version`` and a
    search need not load the PDF, spreadsheet and importer libraries the other commands use.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, without importing the modules."""
        lazy = (name for names in COMMAND_MODULES.values() for name in names)
        return sorted({*super().list_commands(ctx), *lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing its module the first time it is asked for."""
        try:
            return self._command(ctx, cmd_name)
        finally:
            start_collecting()

    def _command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        for module_name, names in COMMAND_MODULES.items():
            if cmd_name in names:
                module = importlib.import_module(f"sar_desk.cli.{module_name}")
                for loaded in module.COMMANDS:
                    self.add_command(loaded)
                return super().get_command(ctx, cmd_name)
        return None

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; `SarDeskError` → message + exit 1 (traceback only with --debug)."""
        try:
            return super().invoke(ctx)
        except SarDeskError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Error: {error_line(exc)}", err=True)
            ctx.exit(1)
        except Cancelled:
            click.echo("Cancelled; nothing was changed.", err=True)
            ctx.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise  # usage errors (exit 2) and click's own exits
        except BrokenPipeError:
            # The reader went away (``sar-desk verify OUT | head -1``): not a crash. Point
            # stdout at nothing so Python's own flush at exit cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
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
@click.option(
    "--server",
    metavar="URL",
    help="Work cases on this team server (PostgreSQL): CASE is then a case reference there. "
    "Same as setting SAR_DESK_SERVER.",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, server: str | None) -> None:
    """SAR Desk: search, redact and disclose workplace chat for SAR and FOI requests.

    Run without a command to open the desktop window.
    """
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    install_passphrase_source()  # encrypted cases: environment, keyring or a prompt
    if server:
        ctx.meta["sar_desk_server"] = server  # read by cli.common.team_server_chosen
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


def main() -> None:
    """Run the command line (without the window; see ``sar_desk.__main__.main``)."""
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="sar-desk")
