"""``sar-desk review CASE legitimate-interests``: the s.40(2) / reg 13 / s.38(1)(b) test.

Hangs off the ``review`` group (registered by `sar_desk.cli.review`). Recording the test again
for the same code supersedes the earlier record; both stay in the case and the audit log.
"""

from __future__ import annotations

from pathlib import Path

import click

from sar_desk.cli.common import echo_json, json_option, open_case, user_option


@click.command("legitimate-interests")
@click.option("--code", help="The personal-data code, e.g. FOI-40-2, EIR-13, FOISA-38-1-B.")
@click.option("--purpose", help="The legitimate interest in disclosure.")
@click.option("--necessity", help="Whether disclosure is necessary for that interest, and why.")
@click.option(
    "--balance", help="Whether that interest overrides the data subject's interests and rights."
)
@json_option
@user_option
@click.pass_context
def legitimate_interests(
    ctx: click.Context,
    code: str | None,
    purpose: str | None,
    necessity: str | None,
    balance: str | None,
    as_json: bool,
    user: str | None,
) -> None:
    """Record the legitimate-interests test for a code, or list the tests (no options)."""
    folder: Path = ctx.obj
    parts = (code, purpose, necessity, balance)
    if any(parts) and not all(parts):
        raise click.UsageError("Give --code, --purpose, --necessity and --balance together.")
    session = open_case(folder, user)
    try:
        if code and purpose and necessity and balance:
            test = session.legal.record_legitimate_interests(code, purpose, necessity, balance)
            click.echo(f"Legitimate-interests test for {test.code} recorded by {test.recorded_by}")
            return
        tests = session.legal.legitimate_interests_tests()
    finally:
        session.close()
    for t in tests.values():
        if as_json:
            echo_json(
                {
                    "code": t.code,
                    "purpose": t.purpose,
                    "necessity": t.necessity,
                    "balance": t.balance,
                    "recorded_by": t.recorded_by,
                    "recorded_at": t.recorded_at.isoformat(),
                }
            )
        else:
            click.echo(
                f"{t.code} ({t.recorded_by}, {t.recorded_at:%d %b %Y})\n  purpose: {t.purpose}\n"
                f"  necessity: {t.necessity}\n  balance: {t.balance}"
            )


def register(group: click.Group) -> None:
    """Add these commands to the ``review`` group."""
    group.add_command(legitimate_interests)
