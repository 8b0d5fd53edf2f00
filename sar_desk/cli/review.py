"""``sar-desk review CASE ...``: list, decide, approve, redact, withhold, mark, sign off."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import click

from sar_desk.app.api import (
    BulkSelection,
    ItemView,
)
from sar_desk.app.session import CaseSession
from sar_desk.cli.common import case_session, echo_json, json_option, user_option
from sar_desk.cli.review_attachments import register as register_attachment_commands
from sar_desk.cli.review_elusion import register as register_elusion_commands
from sar_desk.cli.review_legal import register as register_legal_commands
from sar_desk.cli.review_places import register as register_places_command
from sar_desk.cli.review_qa import register as register_qa_commands
from sar_desk.cli.review_records import register as register_record_commands
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import BadInputError
from sar_desk.core.findings import ProposalField


@click.group()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.pass_context
def review(ctx: click.Context, folder: Path) -> None:
    """Review redaction proposals in CASE: decide, approve (four eyes), sign off."""
    ctx.obj = folder


def _session(ctx: click.Context, user: str | None) -> AbstractContextManager[CaseSession]:
    return case_session(ctx.obj, user)


def item_json(view: ItemView) -> dict[str, Any]:
    """The contract's ``review list --json`` object."""
    item, state = view.item, view.state
    return {
        "id": item.id,
        "message_id": int(item.message_id),
        "start": state.start,
        "end": state.end,
        "field": str(item.field),
        "text": view.text,
        "entity_type": item.entity_type,
        "score": item.score,
        "recognizer": item.recognizer,
        "status": str(state.status),
        "code": state.code,
        "kind": str(item.kind),
        "rationale": state.rationale,
        "note": state.note,
        "proposer": state.proposer,
        "approver": state.approver,
        "rejected_by": state.rejected_by,
        "person_id": int(item.person_id) if item.person_id is not None else None,
    }


def _line(view: ItemView) -> str:
    span = f"{view.state.start}-{view.state.end}" if view.state.start is not None else "whole"
    code = f" [{view.state.code}]" if view.state.code else ""
    state = view.state
    first = state.rejected_by if view.status is ReviewStatus.REJECTED else state.proposer
    who = f" by {first}" if first else ""
    # Approving a rejection confirms it (a second person for a third party's data, issue 17).
    verb = "confirmed" if view.status is ReviewStatus.REJECTED else "approved"
    ok = f", {verb} by {state.approver}" if state.approver else ""
    return (
        f"{view.item.id:>5}  msg {view.item.message_id} {view.item.field} {span}  "
        f"{view.item.entity_type:<14} {view.status}{code}{who}{ok}  {view.text!r}"
    )


@review.command("list")
@click.option(
    "--status", type=click.Choice([str(s) for s in ReviewStatus]), help="Only items in this state."
)
@json_option
@user_option
@click.pass_context
def list_items(ctx: click.Context, status: str | None, as_json: bool, user: str | None) -> None:
    """List redaction proposals and decisions."""
    with _session(ctx, user) as session:
        views = session.review.review_items(ReviewStatus(status) if status else None)
    for view in views:
        if as_json:
            echo_json(item_json(view))
        else:
            click.echo(_line(view))
    if not as_json:
        click.echo(f"{len(views)} items", err=True)


def _selection(
    entity: str | None, recognizer: str | None, value: str | None, all_items: bool
) -> BulkSelection | None:
    if not (entity or recognizer or value or all_items):
        return None
    return BulkSelection(entity, recognizer, value, all_items)


def _decide(
    ctx: click.Context,
    action: Action,
    ids: tuple[int, ...],
    user: str | None,
    selection: BulkSelection | None,
    yes: bool,
    **kwargs: Any,
) -> None:
    if ids and selection:
        raise click.UsageError("Give item ids or a bulk filter (--entity/--value/--all), not both.")
    if not ids and not selection:
        raise click.UsageError(
            "Give item ids, or --entity TYPE, --recognizer NAME, --value TEXT or --all."
        )
    with _session(ctx, user) as session:
        if ids:
            views = session.review.decide(list(ids), action, **kwargs)
            click.echo(f"{action}: {len(views)} items ({', '.join(str(v.item.id) for v in views)})")
            return
        assert selection is not None
        plan = session.review.plan_bulk(selection, action, kwargs.get("code"))
        if plan.needs_confirmation or selection.everything:
            click.echo(plan.warning(), err=True)
        if plan.needs_confirmation and not yes:
            raise BadInputError(
                f"{len(plan.targets)} items is above this case's limit of {plan.threshold} for "
                "bulk decisions. Check them, then run the command again with --yes."
            )
        result = session.review.bulk_decide(selection, action, confirmed=yes, **kwargs)
    click.echo(f"{action}: {len(result.decided)} items")
    for line in result.plan.skipped_lines():
        click.echo(line)


def _bulk_options(func: Any) -> Any:
    func = click.option(
        "--yes", is_flag=True, help="Confirm a bulk action above the case's limit."
    )(func)
    func = click.option("--all", "all_items", is_flag=True, help="Every undecided proposal.")(func)
    func = click.option("--value", help="Every occurrence of this text (and of that person).")(func)
    func = click.option("--recognizer", help="Every proposal from this recogniser.")(func)
    return click.option("--entity", help="Every proposal of this entity type.")(func)


@review.command("accept")
@click.argument("ids", nargs=-1, type=int)
@click.option("--code", required=True, help="Reason code, or 'default' for the regime's default.")
@click.option("--reason", "rationale", required=True, help="Why the code applies (R29).")
@click.option("--note", default="", help="Extra note (for s.36: the qualified person's opinion).")
@_bulk_options
@user_option
@click.pass_context
def accept(
    ctx: click.Context,
    ids: tuple[int, ...],
    code: str,
    rationale: str,
    note: str,
    entity: str | None,
    recognizer: str | None,
    value: str | None,
    all_items: bool,
    yes: bool,
    user: str | None,
) -> None:
    """Accept proposals as redactions (a second person must approve them)."""
    _decide(
        ctx,
        Action.ACCEPT,
        ids,
        user,
        _selection(entity, recognizer, value, all_items),
        yes,
        code=code,
        rationale=rationale,
        note=note,
    )


@review.command("reject")
@click.argument("ids", nargs=-1, type=int)
@click.option("--reason", "note", required=True, help="Why it is not redacted.")
@click.option("--code", default=None, hidden=True, help="Ignored for rejections.")
@_bulk_options
@user_option
@click.pass_context
def reject(
    ctx: click.Context,
    ids: tuple[int, ...],
    note: str,
    code: str | None,
    entity: str | None,
    recognizer: str | None,
    value: str | None,
    all_items: bool,
    yes: bool,
    user: str | None,
) -> None:
    """Reject proposals (the text stays in the disclosure); a reason is required."""
    del code
    _decide(
        ctx,
        Action.REJECT,
        ids,
        user,
        _selection(entity, recognizer, value, all_items),
        yes,
        note=note,
    )


@review.command("approve")
@click.argument("ids", nargs=-1, type=int)
@click.option(
    "--all-accepted",
    is_flag=True,
    help="Every accepted item you did not propose, and every rejection by someone else "
    "waiting for a second person.",
)
@click.option(
    "--sample",
    "on_sample",
    is_flag=True,
    help="Approve the rest of a proposer's batch once its QA sample was checked (R53).",
)
@click.option("--proposer", help="Whose batch (with --sample).")
@click.option("--note", default="", help="A note for the record.")
@click.option("--yes", is_flag=True, help="Confirm a bulk approval above the case's limit.")
@user_option
@click.pass_context
def approve(
    ctx: click.Context,
    ids: tuple[int, ...],
    all_accepted: bool,
    on_sample: bool,
    proposer: str | None,
    note: str,
    yes: bool,
    user: str | None,
) -> None:
    """Approve accepted redactions as the second person (four eyes)."""
    if on_sample:
        if ids or all_accepted or not proposer:
            raise click.UsageError("Use --sample with --proposer USER only (no ids, no --all).")
        with _session(ctx, user) as session:
            result = session.review.approve_on_sample(proposer)
        click.echo(
            f"QA sample {result.sample.id} passed: {len(result.approved)} more items of "
            f"{proposer}'s batch approved on its basis ({result.sample.percent}%, seed "
            f"{result.sample.seed})."
        )
        return
    selection = BulkSelection(everything=True) if all_accepted else None
    _decide(ctx, Action.APPROVE, ids, user, selection, yes, note=note)


@review.command("reopen")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--reason", "note", required=True, help="Why the decision is reopened.")
@user_option
@click.pass_context
def reopen(ctx: click.Context, ids: tuple[int, ...], note: str, user: str | None) -> None:
    """Send decided items back to 'proposed'."""
    _decide(ctx, Action.REOPEN, ids, user, None, False, note=note)


@review.command("modify")
@click.argument("item_id", metavar="ID", type=int)
@click.option("--start", type=int, required=True, help="New start offset in the message text.")
@click.option("--end", type=int, required=True, help="New end offset (exclusive).")
@click.option("--note", default="", help="Why the span changed.")
@user_option
@click.pass_context
def modify(
    ctx: click.Context, item_id: int, start: int, end: int, note: str, user: str | None
) -> None:
    """Change the span of a proposal."""
    _decide(ctx, Action.MODIFY, (item_id,), user, None, False, start=start, end=end, note=note)


@review.command("redact")
@click.option("--message", "message_id", type=int, required=True, help="Message id.")
@click.option("--start", type=int, help="Start offset in the message text.")
@click.option("--end", type=int, help="End offset (exclusive).")
@click.option(
    "--title",
    "title_words",
    help="Words to redact in the message's conversation title (instead of --start/--end).",
)
@click.option(
    "--attachment",
    "file_words",
    help="Words to redact in the message's attachment names (instead of --start/--end).",
)
@click.option("--code", required=True, help="Reason code.")
@click.option("--reason", "rationale", required=True, help="Why the code applies.")
@user_option
@click.pass_context
def redact(
    ctx: click.Context,
    message_id: int,
    start: int | None,
    end: int | None,
    title_words: str | None,
    file_words: str | None,
    code: str,
    rationale: str,
    user: str | None,
) -> None:
    """Add a manual redaction (it still needs a second person's approval)."""
    by_offsets = start is not None or end is not None
    modes = sum((by_offsets, title_words is not None, file_words is not None))
    if modes != 1 or (by_offsets and (start is None or end is None)):
        raise click.UsageError(
            "Give either --start and --end (message text), or --title, or --attachment."
        )
    with _session(ctx, user) as session:
        if start is not None and end is not None:
            view = session.review.manual_redaction(message_id, start, end, code, rationale)
        else:
            field = (
                ProposalField.CONVERSATION if title_words is not None else ProposalField.ATTACHMENT
            )
            words = title_words if title_words is not None else file_words or ""
            view = session.review.redact_field(message_id, field, words, code, rationale)
    where = {"conversation": " (conversation title)", "attachment": " (attachment name)"}
    click.echo(
        f"Manual redaction {view.item.id} proposed on message {message_id}"
        f"{where.get(str(view.item.field), '')} ({view.state.code})"
    )


@review.command("sign-off")
@click.option("--note", required=True, help="What you checked.")
@user_option
@click.pass_context
def sign_off(ctx: click.Context, note: str, user: str | None) -> None:
    """Record the DPO's sign-off (R54)."""
    with _session(ctx, user) as session:
        needed = session.review.signoff_required()
        row = session.review.sign_off(note)
    click.echo(f"Signed off by {row.user} at {row.at.isoformat()}")
    for reason in needed:
        click.echo(f"  covers: {reason}")


register_qa_commands(review)
register_legal_commands(review)
register_places_command(review)
register_elusion_commands(review)
register_attachment_commands(review)

COMMANDS = [review]
register_record_commands(review)
