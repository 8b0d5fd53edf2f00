"""The dashboard's sign-off step reads as one sentence, whatever the reasons' own full stops."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sar_desk.app.next_step import Step, next_step


def _session(outstanding: list[str]) -> Any:
    """Just enough of a session to reach the sign-off step: everything before it is done."""
    return SimpleNamespace(
        ingest=SimpleNamespace(sources=lambda: ["a source"]),
        export=SimpleNamespace(
            detection_coverage=lambda: SimpleNamespace(messages=3, unscanned=0, waiver=None)
        ),
        review=SimpleNamespace(
            review_progress=lambda: SimpleNamespace(open_items=0),
            signoff_outstanding=lambda: outstanding,
        ),
        attachments=SimpleNamespace(export_undecided_attachments=lambda: []),
        scope=SimpleNamespace(scope_exclusions=lambda: []),
    )


def test_reasons_ending_in_a_full_stop_are_joined_without_doubled_punctuation() -> None:
    step = next_step(
        _session(
            [
                "The DPO sign-off 1 was voided by a later change of decision; sign off again.",
                "The case holds special-category data (found: NHS numbers).",
                "31 third parties are redacted",
            ]
        )
    )
    assert step.step is Step.SIGN_OFF
    assert ".;" not in step.sentence
    assert not step.sentence.endswith("..")
    assert step.sentence.endswith("redacted.")
    assert "sign off again; The case holds" in step.sentence
