"""``sar-desk detect``: find personal data in a case's messages and store proposals."""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.cli.common import echo_json, json_option, open_case, run_with_progress, user_option


@click.command()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option(
    "--scope",
    type=click.Choice(["all", "in-scope"]),
    default="all",
    show_default=True,
    help="Scan every message, or only those inside the case's scope dates.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 16),
    default=None,
    help="Worker processes for the language model (default: every core, up to four, for "
    "3,000 messages or more; otherwise one).",
)
@click.option(
    "--model",
    metavar="NAME",
    help="'md' (the default when installed), 'sm' (always bundled) or an installed spaCy "
    "pipeline name or folder.",
)
@json_option
@user_option
def detect(
    folder: Path,
    scope: str,
    workers: int | None,
    model: str | None,
    as_json: bool,
    user: str | None,
) -> None:
    """Propose redactions of personal data in CASE (resumable; progress on stderr).

    Proposals are suggestions only: a reviewer decides each one. Automated detection is
    incomplete, so the transcript still needs a human read.
    """
    session = open_case(folder, user)
    try:
        summary = run_with_progress(
            session.detection.run_detection(scope=scope, workers=workers, model=model)
        )
    finally:
        session.close()
    if summary.note:
        click.echo(summary.note, err=True)
    if as_json:
        echo_json(
            {
                "run": summary.run_id,
                "scope": summary.scope,
                "scanned": summary.scanned,
                "already_scanned": summary.skipped,
                "proposals": summary.findings,
                "propagated": summary.propagated,
                "by_entity": summary.by_entity,
                "engine": summary.engine,
            }
        )
        return
    click.echo(
        f"Scanned {summary.scanned} messages ({summary.skipped} already scanned); "
        f"{summary.findings} new proposals, {summary.propagated} from names found "
        "elsewhere in the case."
    )
    for entity, count in sorted(summary.by_entity.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {entity}: {count}")
    click.echo("Proposals are suggestions only; review each one before export.")


COMMANDS = [detect]
