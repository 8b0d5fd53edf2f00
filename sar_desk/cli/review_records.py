"""``sar-desk review CASE`` whole-message decisions and the records reviewers keep.

``withhold``, ``not-in-scope`` and ``duplicate`` decide a whole message; ``codes`` lists the
code table the case's regime allows (R77); ``third-party`` and ``third-parties`` keep the
para 16 records (R33): consent sought, the answer, and the decision with its reasons.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date

import click

from sar_desk.app.api import ConsentResponse, ThirdPartyDecision, ThirdPartyRecord, WithholdBasis
from sar_desk.app.session import CaseSession
from sar_desk.cli.common import (
    ISO_DATE,
    case_session,
    echo_json,
    json_option,
    user_option,
)
from sar_desk.core.decisions import ReviewStatus


def _session(ctx: click.Context, user: str | None) -> AbstractContextManager[CaseSession]:
    return case_session(ctx.obj, user)


@click.command("codes")
@json_option
@click.pass_context
def codes(ctx: click.Context, as_json: bool) -> None:
    """The reason codes this case's regime allows, with summary, type and source (R77)."""
    with _session(ctx, None) as session:
        table, found = session.review.code_table, session.review.reason_codes()
    for c in found:
        if as_json:
            echo_json(
                {
                    "code": c.code,
                    "reference": c.reference,
                    "marker": c.marker,
                    "title": c.title,
                    "summary": c.summary,
                    "kind": c.kind,
                    "public_interest_test": c.public_interest_test,
                    "source": c.source,
                    "use": str(table.uses[c.code]),
                    "table": table.version,
                }
            )
        else:
            pit = ", public interest test" if c.public_interest_test else ""
            click.echo(
                f"{c.code:<14} {c.reference} ({c.kind}{pit})\n{'':15}{c.summary}\n{'':15}{c.source}"
            )


@click.command("third-party")
@click.argument("party")
@click.option("--person-id", type=int, help="The case's person id for this third party.")
@click.option("--consent-sought", type=ISO_DATE, help="Date consent was sought.")
@click.option(
    "--response", type=click.Choice([r.value for r in ConsentResponse]), help="Their answer."
)
@click.option("--capable/--not-capable", default=None, help="Capable of consenting (16(3)(d)).")
@click.option(
    "--confidence/--no-confidence", default=None, help="A duty of confidence is owed (16(3)(b))."
)
@click.option("--info-type", default="", help="Type of information (16(3)(a)).")
@click.option(
    "--decision",
    type=click.Choice([d.value for d in ThirdPartyDecision]),
    default="undecided",
    help="disclose, redact or withheld.",
)
@click.option("--reason", default="", help="Why, weighing 16(3)(a)-(e).")
@user_option
@click.pass_context
def third_party(
    ctx: click.Context,
    party: str,
    person_id: int | None,
    consent_sought: date | None,
    response: str | None,
    capable: bool | None,
    confidence: bool | None,
    info_type: str,
    decision: str,
    reason: str,
    user: str | None,
) -> None:
    """Record a para-16 third-party decision (R33)."""
    record = ThirdPartyRecord(
        party=party,
        person_id=person_id,
        consent_sought=consent_sought is not None,
        consent_date=consent_sought,
        response=ConsentResponse(response or ("awaiting" if consent_sought else "not-sought")),
        capable_of_consenting=capable,
        duty_of_confidence=confidence,
        information_type=info_type,
        decision=ThirdPartyDecision(decision),
        reasons=reason,
    )
    with _session(ctx, user) as session:
        saved = session.review.record_third_party(record)
    click.echo(f"Recorded {saved.party}: consent {saved.response}, decision {saved.decision}")


@click.command("third-parties")
@json_option
@click.pass_context
def third_parties(ctx: click.Context, as_json: bool) -> None:
    """List the current third-party records."""
    with _session(ctx, None) as session:
        records = session.review.third_parties()
    for r in records:
        if as_json:
            echo_json(
                {
                    "party": r.party,
                    "person_id": r.person_id,
                    "consent_sought": r.consent_sought,
                    "consent_date": r.consent_date.isoformat() if r.consent_date else None,
                    "response": str(r.response),
                    "capable_of_consenting": r.capable_of_consenting,
                    "duty_of_confidence": r.duty_of_confidence,
                    "information_type": r.information_type,
                    "decision": str(r.decision),
                    "reasons": r.reasons,
                    "recorded_by": r.recorded_by,
                    "recorded_at": r.recorded_at.isoformat() if r.recorded_at else None,
                }
            )
        else:
            sought = f"sought {r.consent_date}" if r.consent_sought else "not sought"
            click.echo(
                f"{r.party}: consent {sought}, {r.response}; decision {r.decision} "
                f"({r.recorded_by})"
            )


@click.command("withhold")
@click.option("--message", "message_id", type=int, required=True, help="Message id.")
@click.option("--code", required=True, help="Reason code.")
@click.option("--reason", "rationale", required=True, help="Why the code applies.")
@click.option(
    "--confirm",
    "basis",
    required=True,
    type=click.Choice([b.value for b in WithholdBasis]),
    help="Confirm that redaction would leave the message meaningless, or that the "
    "whole message is exempt (R39).",
)
@user_option
@click.pass_context
def withhold(
    ctx: click.Context, message_id: int, code: str, rationale: str, basis: str, user: str | None
) -> None:
    """Propose withholding a whole message."""
    with _session(ctx, user) as session:
        view = session.review.withhold(message_id, code, rationale, WithholdBasis(basis))
    click.echo(f"Withholding {view.item.id} of message {message_id} proposed ({view.state.code})")


@click.command("not-in-scope")
@click.option("--message", "message_id", type=int, required=True, help="Message id.")
@click.option("--reason", required=True, help="Why it is out of scope.")
@user_option
@click.pass_context
def not_in_scope(ctx: click.Context, message_id: int, reason: str, user: str | None) -> None:
    """Mark a message not in scope (not an exemption)."""
    with _session(ctx, user) as session:
        view = session.review.mark(message_id, ReviewStatus.NOT_IN_SCOPE, reason)
    click.echo(f"Message {message_id} marked not in scope (item {view.item.id})")


@click.command("duplicate")
@click.option("--message", "message_id", type=int, required=True, help="Message id.")
@click.option("--of", "original", type=int, required=True, help="The message it duplicates.")
@click.option("--reason", required=True, help="Why it is a duplicate.")
@user_option
@click.pass_context
def duplicate(
    ctx: click.Context, message_id: int, original: int, reason: str, user: str | None
) -> None:
    """Mark a message as a duplicate of another (not an exemption)."""
    with _session(ctx, user) as session:
        view = session.review.mark(message_id, ReviewStatus.DUPLICATE, reason, original)
    click.echo(f"Message {message_id} marked duplicate of {original} (item {view.item.id})")


def register(group: click.Group) -> None:
    """Add these commands to the ``review`` group."""
    for command in (codes, third_party, third_parties, withhold, not_in_scope, duplicate):
        group.add_command(command)
