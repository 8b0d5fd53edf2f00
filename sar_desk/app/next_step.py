"""What the case needs next, in the domain's words, for the window's dashboard.

One ordered walk over the same session reads the export's own refusals use (sources, the
disclosure set, detection coverage, open review items, scope approvals, sign-off), so the
dashboard never suggests a step the export would then refuse. The shell words the button.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sar_desk.app.attachment_review import undecided_line
from sar_desk.app.lifecycle import lifecycle

if TYPE_CHECKING:
    from sar_desk.app.session import CaseSession


class Step(enum.StrEnum):
    """The next step; each shell maps it to its own control."""

    IMPORT = "import"
    SCOPE = "scope"
    DETECT = "detect"
    REVIEW = "review"
    APPROVE_SCOPE = "approve-scope"
    SIGN_OFF = "sign-off"
    EXPORT = "export"
    DELIVER = "deliver"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class NextStep:
    """The step and a sentence saying why it is next."""

    step: Step
    sentence: str


def next_step(session: CaseSession) -> NextStep:
    """The first thing that still stands between the case and a delivered, closed case."""
    if not session.ingest.sources():
        return NextStep(Step.IMPORT, "Import the chat exports that hold the requester's data.")
    coverage = session.export.detection_coverage()
    if coverage.messages == 0:
        return NextStep(
            Step.SCOPE,
            "No message is in the disclosure set yet: search for the requester's messages "
            "and add them to the disclosure.",
        )
    if coverage.unscanned and coverage.waiver is None:
        return NextStep(
            Step.DETECT,
            f"Find the personal data of other people in the {coverage.unscanned:,} "
            "disclosure messages not scanned yet.",
        )
    open_items = session.review.review_progress().open_items
    if open_items:
        return NextStep(
            Step.REVIEW,
            f"{open_items:,} review items still need a decision or a second person's approval.",
        )
    attachments = session.attachments.export_undecided_attachments()
    if attachments:
        return NextStep(Step.REVIEW, undecided_line(attachments))
    waiting = sum(e.pending for e in session.scope.scope_exclusions())
    if waiting:
        return NextStep(
            Step.APPROVE_SCOPE,
            f"{waiting:,} messages left out of the disclosure wait for a second person's approval.",
        )
    outstanding = session.review.signoff_outstanding()
    if outstanding:
        # Each reason is a sentence of its own: joined without its full stop ("again.; The").
        why = "; ".join(reason.rstrip(". ") for reason in outstanding)
        return NextStep(Step.SIGN_OFF, f"The DPO signs off: {why}.")
    made = session.delivery.exports_made()
    signed = session.review.signed_off()
    # A sign-off given after the last export covers decisions that bundle does not hold.
    if not made or (signed is not None and signed.at > made[-1].at):
        return NextStep(Step.EXPORT, "Every item is decided and approved: export the bundle.")
    if session.delivery.undelivered_export() is not None:
        return NextStep(
            Step.DELIVER,
            "The bundle is exported: once the pack has gone, record how, to whom and when it "
            "was sent.",
        )
    if lifecycle(session).closed_on is None:
        return NextStep(
            Step.CLOSE,
            "The pack is delivered: close the case, so its retention period starts.",
        )
    return NextStep(Step.CLOSE, "The pack is delivered and the case is closed.")
