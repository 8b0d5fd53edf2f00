"""``sar-desk self-test``: check this installation and print a report for the IT department."""

from __future__ import annotations

import sys

import click

from sar_desk.app.selftest import self_test
from sar_desk.cli.common import echo_json, json_option, run_with_progress


@click.command("self-test")
@json_option
def selftest(as_json: bool) -> None:
    """Check that this installation works, with no network access, and print a report.

    Imports every module, checks the bundled resources and Qt, loads the language model,
    detects personal data in a built-in sample and exports and verifies a small sample
    bundle, refusing any network access. Exit code 1 if any check fails.
    """
    report = run_with_progress(self_test())
    if as_json:
        echo_json(report.as_json())
    else:
        for line in report.lines():
            click.echo(line)
    if not report.ok:
        sys.exit(1)


COMMANDS = [selftest]
