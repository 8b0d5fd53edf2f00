"""The FOI refusal notice in a disclosure: why the exemption applies here, and the LI test.

Sources: FOIA 2000 s.17(1)(c) (why the exemption applies) and s.40(2) with the ICO's s.40
guidance (legitimate interests: purpose, necessity, balance); domain.md corrections 2026-12-05.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from export_data import GENERATED_AT, inputs_for, synthetic

from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.legitimate_interests import LegitimateInterestsTest
from sar_desk.core.model import Regime
from sar_desk.export.letter import build_letter
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.redact import build_render_bundle

S40 = ReasonCode(
    "FOI-40-2", Regime.FOI, "FOIA 2000 s.40(2)", "s.40(2)", "Other people's personal data",
    "Someone else's personal data.", "absolute", False, "",
)  # fmt: skip


def _inputs():
    case, messages, decisions = synthetic()
    redactions = {
        k: tuple(replace(r, code=S40, rationale="Neighbour's mobile number") for r in v)
        for k, v in decisions.redactions.items()
    }
    decisions = replace(decisions, redactions=redactions, withheld={})
    return replace(
        inputs_for(replace(case, regime=Regime.FOI), messages, decisions),
        needs_legitimate_interests=frozenset({"FOI-40-2"}),
    )


def _refusal(inputs) -> str:
    bundle = build_render_bundle(inputs.case, inputs.messages, inputs.decisions, False)
    letter = build_letter(
        inputs, BundleOptions(generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION), bundle
    )
    return " ".join(next(s for s in letter.sections if s.id == "refusal").paragraphs)


def test_s40_notice_needs_and_prints_the_legitimate_interests_test_and_case_reason() -> None:
    inputs = _inputs()
    with pytest.raises(ExportBlockedError, match="legitimate-interests test"):
        _refusal(inputs)
    test = LegitimateInterestsTest(
        "FOI-40-2", "transparency about repairs", "not necessary: the repair log is public",
        "residents expect their numbers to stay private", "officer", datetime.now(UTC),
    )  # fmt: skip
    text = _refusal(replace(inputs, legitimate_interests={"FOI-40-2": test}))
    assert "refusal notice under section 17 of the Freedom of Information Act 2000" in text
    assert "Why it applies in this case: Neighbour's mobile number." in text
    assert "the legitimate interest in disclosure, transparency about repairs." in text
    assert "Whether disclosure is necessary: not necessary: the repair log is public." in text
    assert "Balance against the rights of the people concerned: residents expect" in text
