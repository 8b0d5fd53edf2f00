"""``sar-desk import``: add exports to a case, each whole or not at all."""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.app.importing import ImportFailure, ImportOutcome
from sar_desk.app.ingest import ImportResult
from sar_desk.cli.common import (
    date_order_options,
    day_first_value,
    echo_json,
    open_case,
    run_with_progress,
    user_option,
)
from sar_desk.cli.hints import with_hint

_MAX_ISSUES_SHOWN = 20


@click.command("import")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.argument(
    "paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--platform", help="Platform name (default: detected from each file).")
@click.option("--custodian", help="Whose device or account the export came from.")
@click.option(
    "--lenient",
    is_flag=True,
    help="Accept common producer mistakes in strict formats (RSMF), reporting each.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Treat any skipped line as a failure (exit 1); refuse RSMF times with no UTC offset.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON report per source on stdout.")
@date_order_options
@user_option
def import_(
    folder: Path,
    paths: tuple[Path, ...],
    platform: str | None,
    custodian: str | None,
    lenient: bool,
    strict: bool,
    as_json: bool,
    day_first: bool,
    month_first: bool,
    user: str | None,
) -> None:
    """Import exports (files, zips or folders) into CASE."""
    order = day_first_value(day_first, month_first)
    session = open_case(folder, user)
    try:
        outcomes = run_with_progress(
            session.ingest.import_files(
                list(paths),
                platform=platform,
                custodian=custodian,
                day_first=order,
                lenient=lenient,
                strict=strict,
            )
        )
    finally:
        session.close()
    failed = False
    for outcome in outcomes:
        if as_json:
            echo_json(_outcome_json(outcome))
        else:
            _print_outcome(outcome)
        if isinstance(outcome, ImportFailure) or (strict and outcome.issues):
            failed = True
    if failed:
        raise SystemExit(1)


def _print_outcome(outcome: ImportOutcome) -> None:
    if isinstance(outcome, ImportFailure):
        click.echo(
            f"NOT IMPORTED {outcome.path.name}: {with_hint(outcome.message, outcome.hint)}",
            err=True,
        )
        return
    src = outcome.source
    if outcome.custodian_added is not None:
        click.echo(
            f"Custodian {outcome.custodian_added} added to source {src.id} "
            f"({src.original_name}): the file is byte-identical, so it was not stored again."
        )
        return
    click.echo(
        f"Imported {src.original_name} as source {src.id} ({outcome.platform}): "
        f"{outcome.messages} messages, {outcome.system} system events, "
        f"{outcome.duplicates} duplicates of messages already in the case, "
        f"{len(outcome.issues)} skipped lines."
    )
    if src.shared:
        shared = ", ".join(f"{n} in source {other}" for other, n in src.shared)
        click.echo(f"  merged with copies already in the case: {shared}")
    for key, value in sorted(outcome.settings.items()):
        click.echo(f"  {key.replace('_', ' ')}: {value}")
    for warning in outcome.warnings:
        click.echo(f"  warning: {warning}")
    for limitation in outcome.limitations:
        click.echo(f"  note: {limitation}")
    for issue in outcome.issues[:_MAX_ISSUES_SHOWN]:
        click.echo(f"  skipped {issue.location}: {issue.message}")
    if len(outcome.issues) > _MAX_ISSUES_SHOWN:
        click.echo(
            f"  … and {len(outcome.issues) - _MAX_ISSUES_SHOWN} more skipped lines "
            "(see 'sar-desk case show --json')."
        )


def _outcome_json(outcome: ImportOutcome) -> dict[str, object]:
    if isinstance(outcome, ImportFailure):
        return {"path": str(outcome.path), "imported": False, "error": outcome.message}
    result: ImportResult = outcome
    return {
        "path": result.source.original_name,
        "imported": True,
        "source": int(result.source.id),
        "platform": result.platform,
        "sha256": result.source.sha256,
        "messages": result.messages,
        "system": result.system,
        "duplicates": result.duplicates,
        "merged_with": {str(other): n for other, n in result.source.shared},
        "custodians": list(result.source.custodians),
        "custodian_added": result.custodian_added,
        "issues": [{"location": i.location, "message": i.message} for i in result.issues],
        "warnings": list(result.warnings),
        "settings": result.settings,
    }


COMMANDS = [import_]
