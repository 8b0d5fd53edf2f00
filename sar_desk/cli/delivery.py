"""``sar-desk delivery CASE``: record how, to whom and when the pack was sent (R64), or list.

With no options it lists the recorded deliveries; with ``--method`` and ``--recipient`` it
records one for the newest export (or ``--export ID``). For an encrypted pack
``--password-by`` says how the password travelled separately; the password itself is never
asked for nor recorded.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from sar_desk.app.delivery import DeliveryInput, DeliveryMethod, PasswordChannel, delivery_json
from sar_desk.cli.common import case_session, echo_json, json_option, user_option


def _when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date and time; write it as YYYY-MM-DD HH:MM (the case's time "
            "zone), or with an offset such as 2026-06-01T14:30+01:00.",
            param_hint="--sent-at",
        ) from None


@click.command()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option(
    "--method",
    type=click.Choice([m.value for m in DeliveryMethod]),
    help="How the pack was sent.",
)
@click.option("--recipient", help="To whom: the e-mail, postal address or name it went to.")
@click.option(
    "--sent-at",
    "sent_at",
    metavar="WHEN",
    help="When it was sent: YYYY-MM-DD HH:MM in the case's time zone, or ISO 8601 with an "
    "offset. Default: now.",
)
@click.option(
    "--password-by",
    "password_by",
    type=click.Choice([c.value for c in PasswordChannel]),
    help="For an encrypted pack: how its password was sent separately. The password itself "
    "is never recorded.",
)
@click.option("--note", default="", help="Anything else to keep, e.g. a tracking number.")
@click.option("--export", "export_id", metavar="ID", help="The export sent (default: newest).")
@json_option
@user_option
def delivery(
    folder: Path,
    method: str | None,
    recipient: str | None,
    sent_at: str | None,
    password_by: str | None,
    note: str,
    export_id: str | None,
    as_json: bool,
    user: str | None,
) -> None:
    """Record how CASE's pack was delivered, or list the deliveries recorded."""
    recording = method is not None or recipient is not None
    if not recording:
        if sent_at or password_by or note or export_id:
            raise click.UsageError("To record a delivery give --method and --recipient.")
        _list(folder, as_json)
        return
    if method is None or recipient is None:
        raise click.UsageError("Recording a delivery needs both --method and --recipient.")
    with case_session(folder, user) as session:
        given = DeliveryInput(
            DeliveryMethod(method),
            recipient,
            _when(sent_at) or session.delivery.local_now(),
            PasswordChannel(password_by) if password_by else None,
            note,
        )
        recorded = session.delivery.record_delivery(given, export_id)
    if as_json:
        echo_json(delivery_json(recorded))
    else:
        click.echo(f"Delivery recorded for export {recorded.export_id}: {recorded.sentence()}.")


def _list(folder: Path, as_json: bool) -> None:
    with case_session(folder) as session:
        recorded = session.delivery.deliveries()
        waiting = session.delivery.undelivered_export()
    for item in recorded:
        if as_json:
            echo_json(delivery_json(item))
        else:
            click.echo(f"{item.id:>3}  export {item.export_id}  {item.sentence()}")
            if item.note:
                click.echo(f"     {item.note}")
    if not as_json and waiting is not None:
        click.echo(
            f"No delivery is recorded yet for export {waiting.export_id} "
            f"({waiting.at:%d %b %Y %H:%M} UTC)."
        )
    if not as_json and not recorded and waiting is None:
        click.echo("Nothing has been exported from this case yet.")


COMMANDS = [delivery]
