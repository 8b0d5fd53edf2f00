"""``sar-desk parse`` and ``sar-desk formats``: reading exports without a case."""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.app.parsing import parse_export, supported_formats
from sar_desk.cli.common import date_order_options, day_first_value, echo_json, raw_json
from sar_desk.core.model import MessageKind


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--platform", help="Platform name (default: detected from the file).")
@click.option(
    "--tz",
    "tz",
    default="Europe/London",
    show_default=True,
    help="Time zone for exports whose times have no offset.",
)
@click.option(
    "--region",
    default="GB",
    show_default=True,
    help="Region for phone numbers written without a country code.",
)
@click.option("--lenient", is_flag=True, help="Accept common producer mistakes (RSMF).")
@date_order_options
def parse(
    path: Path,
    platform: str | None,
    tz: str,
    region: str,
    lenient: bool,
    day_first: bool,
    month_first: bool,
) -> None:
    """Parse one export (file, zip or folder) and print JSON Lines, one per record."""
    parsed = parse_export(
        path,
        platform=platform,
        timezone=tz,
        region=region,
        day_first=day_first_value(day_first, month_first),
        lenient=lenient,
    )
    messages = system = 0
    for index, raw in enumerate(parsed.records, start=1):
        if raw.kind == MessageKind.SYSTEM:
            system += 1
        else:
            messages += 1
        echo_json(raw_json(raw, index))
    report = parsed.report
    click.echo(
        f"parsed {messages} messages, {system} system events, {len(report.issues)} issues",
        err=True,
    )
    for issue in report.issues:
        click.echo(f"{issue.location}: {issue.message}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def formats(as_json: bool) -> None:
    """List the platforms SAR Desk imports and the file shapes each accepts."""
    for fmt in supported_formats():
        if as_json:
            echo_json(fmt)
        else:
            click.echo(f"{fmt['platform']:<12} {fmt['name']}")
            click.echo(f"{'':<12} {fmt['shapes']}")


COMMANDS = [parse, formats]
