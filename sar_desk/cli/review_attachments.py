"""``sar-desk review CASE attachments`` and ``attachment ID``: photos and documents as review items.

Each attachment is decided as a whole: ``--disclose``, ``--redact`` with boxes (``--box
x,y,w,h`` in pixels of the upright image, ``--proposed`` for the boxes detection proposed from
the words it found), or ``--withhold`` with a code. ``--add-box``, ``--move-box N=x,y,w,h`` and
``--delete-box N`` edit the boxes one recorded proposal at a time; ``--approve`` is the second
person's approval (four eyes). The export uses approved decisions only.
"""

from __future__ import annotations

from typing import Any

import click

from sar_desk.app.attachment_review import AttachmentItemView
from sar_desk.cli.common import echo_json, json_option, open_case, user_option
from sar_desk.core.attachment_review import (
    AttachmentAction,
    AttachmentDecision,
    RedactionBox,
    shown_as,
)
from sar_desk.core.errors import BadInputError


def _boxes(decision_boxes: tuple[RedactionBox, ...]) -> list[list[float]]:
    return [[b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0] for b in decision_boxes]


def _decision_json(decision: AttachmentDecision) -> dict[str, Any]:
    return {
        "status": str(decision.status),
        "action": str(decision.action) if decision.action else None,
        "code": decision.code,
        "boxes": _boxes(decision.boxes),
        "box_pages": [b.page + 1 for b in decision.boxes],
        "proposed_by": decision.proposed_by,
        "approved_by": decision.approved_by,
        "version": decision.version,
    }


def _item_json(item: AttachmentItemView) -> dict[str, Any]:
    a = item.attachment
    return {
        "id": a.id,
        "message_id": int(a.message_id),
        "media_type": a.media_type,
        "status": str(a.status),
        "findings": len(item.findings),
        "proposed_boxes": _boxes(item.proposed),
        "proposed_box_pages": [b.page + 1 for b in item.proposed],
        "decision": _decision_json(item.decision),
        "shown_as": shown_as(a.kind),
    }


def _xywh(box: RedactionBox) -> str:
    page = f"{box.page + 1}:" if box.page else ""
    return page + ",".join(f"{v:.0f}" for v in (box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0))


def _show(item: AttachmentItemView) -> None:
    a, d = item.attachment, item.decision
    click.echo(f"attachment {a.id} · message {int(a.message_id)} · {a.media_type} · {a.status}")
    click.echo(f"  disclosed as: {shown_as(a.kind)}")
    click.echo(f"  {len(item.findings)} findings in its text; proposed boxes ([page:]x,y,w,h):")
    for n, box in enumerate(item.proposed, start=1):
        click.echo(f"    {n}. {_xywh(box)}")
    click.echo(f"  decision: {d.status}" + (f" · {d.action}" if d.action else ""))
    if d.code:
        click.echo(f"  code: {d.code}")
    for n, box in enumerate(d.boxes, start=1):
        click.echo(f"    box {n}: {_xywh(box)}")
    if d.proposed_by:
        click.echo(f"  proposed by {d.proposed_by}; approved by {d.approved_by or '(nobody yet)'}")


def _move(values: tuple[str, ...]) -> dict[int, RedactionBox]:
    out: dict[int, RedactionBox] = {}
    for value in values:
        number, _, box = value.partition("=")
        if not number.strip().isdigit():
            raise BadInputError(f"Write a moved box as N=x,y,w,h, not {value!r}.")
        out[int(number)] = RedactionBox.from_xywh(box)
    return out


@click.command("attachments")
@json_option
@user_option
@click.pass_context
def attachments(ctx: click.Context, as_json: bool, user: str | None) -> None:
    """List the case's attachments as review items with their decisions."""
    session = open_case(ctx.obj, user)
    try:
        items = session.attachments.attachment_items()
        for item in items:
            if as_json:
                echo_json(_item_json(item))
                continue
            a, d = item.attachment, item.decision
            click.echo(
                f"{a.id:>6} msg {int(a.message_id):>6} {a.media_type:<24} {len(item.findings):>3} "
                f"findings  {d.status}" + (f" · {d.action} {d.code or ''}" if d.action else "")
            )
        if not as_json:
            click.echo(f"{len(items)} attachments")
    finally:
        session.close()


@click.command("attachment")
@click.argument("attachment_id", type=int)
@click.option("--disclose", "action", flag_value="disclose", help="Disclose it in full.")
@click.option("--redact", "action", flag_value="redact", help="Disclose it with boxes blacked out.")
@click.option("--withhold", "action", flag_value="withhold", help="Withhold it (needs --code).")
@click.option(
    "--box",
    "boxes",
    multiple=True,
    help="A box x,y,w,h in pixels (P:x,y,w,h on page P of a document; with --redact).",
)
@click.option("--proposed", is_flag=True, help="Use the boxes proposed from detection's findings.")
@click.option("--add-box", "add", multiple=True, help="Add a box x,y,w,h to the current ones.")
@click.option("--move-box", "move", multiple=True, help="Move box N: N=x,y,w,h.")
@click.option("--delete-box", "delete", type=int, multiple=True, help="Delete box N.")
@click.option(
    "--code", default=None, help="Reason code ('default': the regime's third-party code)."
)
@click.option("--about-another", is_flag=True, help="It shows another individual (e.g. a face).")
@click.option("--approve", is_flag=True, help="Approve the current proposal (a second person).")
@click.option("--reason", default="", help="Why (kept in the record).")
@json_option
@user_option
@click.pass_context
def attachment(
    ctx: click.Context,
    attachment_id: int,
    action: str | None,
    boxes: tuple[str, ...],
    proposed: bool,
    add: tuple[str, ...],
    move: tuple[str, ...],
    delete: tuple[int, ...],
    code: str | None,
    about_another: bool,
    approve: bool,
    reason: str,
    as_json: bool,
    user: str | None,
) -> None:
    """Show an attachment as a review item, or decide, edit or approve it."""
    session = open_case(ctx.obj, user)
    try:
        if action is not None:
            chosen = [RedactionBox.from_xywh(b) for b in boxes]
            if proposed:
                chosen += list(session.attachments.attachment_item(attachment_id).proposed)
            session.attachments.decide_attachment(
                attachment_id,
                AttachmentAction(action),
                code,
                chosen,
                about_another=about_another,
                note=reason,
            )
        elif add or move or delete:
            session.attachments.edit_attachment_boxes(
                attachment_id,
                add=[RedactionBox.from_xywh(b) for b in add],
                delete=delete,
                move=_move(move),
                code=code,
            )
        if approve:
            session.attachments.approve_attachment(attachment_id)
        item = session.attachments.attachment_item(attachment_id)
        if as_json:
            echo_json(_item_json(item))
        else:
            _show(item)
    finally:
        session.close()


def register(group: click.Group) -> None:
    """Add these commands to the ``review`` group."""
    group.add_command(attachments)
    group.add_command(attachment)
