"""``sar-desk audit CASE verify|list``: the tamper-evident audit log (R55)."""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.cli.common import echo_json, json_option, open_case


@click.group()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.pass_context
def audit(ctx: click.Context, folder: Path) -> None:
    """Inspect and verify the audit log of CASE."""
    ctx.obj = folder


@audit.command("verify")
@click.option(
    "--bundle",
    "bundles",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="An exported bundle folder whose manifest's audit head the log must still contain "
    "(repeatable; copies kept away from this PC prove the most).",
)
@json_option
@click.pass_context
def verify(ctx: click.Context, bundles: tuple[Path, ...], as_json: bool) -> None:
    """Check the audit log: its chain, the decisions it seals, its head file and bundles.

    Exit 1 if anything was edited, deleted, added or reordered outside SAR Desk.
    """
    session = open_case(ctx.obj)
    try:
        problems = session.review.verify_audit(bundles)
        count = len(session.review.audit_entries())
    finally:
        session.close()
    if as_json:
        echo_json(
            {
                "intact": not problems,
                "entries": count,
                "problems": [{"entry": p.entry_id, "message": p.message} for p in problems],
            }
        )
    elif not problems:
        click.echo(f"Audit log intact: {count} entries, hash chain verified.")
    for problem in problems:
        click.echo(f"Audit log altered: {problem}", err=True)
    if problems:
        click.echo(
            f"The audit log was changed outside SAR Desk ({len(problems)} problems). Keep the "
            "case folder as it is, restore it from a backup, and tell your DPO.",
            err=True,
        )
        ctx.exit(1)


@audit.command("list")
@click.option("--action", help="Only entries of this action (e.g. import, review-approve).")
@json_option
@click.pass_context
def list_entries(ctx: click.Context, action: str | None, as_json: bool) -> None:
    """List audit entries, oldest first."""
    session = open_case(ctx.obj)
    try:
        found = session.review.audit_entries(action)
    finally:
        session.close()
    for e in found:
        if as_json:
            echo_json(
                {
                    "id": e.id,
                    "at": e.at.isoformat(),
                    "user": e.user,
                    "action": e.action,
                    "details": e.details,
                    "prev_hash": e.prev_hash,
                    "hash": e.hash,
                }
            )
        else:
            click.echo(
                f"{e.id:>5}  {e.at:%Y-%m-%d %H:%M:%S}Z  {e.user:<16} {e.action:<22} {e.details}"
            )


COMMANDS = [audit]
