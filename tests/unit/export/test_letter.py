from __future__ import annotations

from dataclasses import replace

import pytest
from export_data import GENERATED_AT, inputs_for, synthetic

from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.model import MessageId, Regime
from sar_desk.export.letter import build_letter
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.redact import build_render_bundle

OPTIONS = BundleOptions(generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False)


def _letter(inputs, options=OPTIONS):
    bundle = build_render_bundle(inputs.case, inputs.messages, inputs.decisions, False)
    return build_letter(inputs, options, bundle)


def test_sar_letter_has_every_article_15_item_and_complaint_routes():
    letter = _letter(inputs_for(*synthetic()))
    ids = [s.id for s in letter.sections]
    for item in ("a", "b", "c", "d", "e", "f", "g", "h"):
        assert f"art15-{item}" in ids
    assert {"art15-2", "complaints", "dpo", "searches", "conventions"} <= set(ids)
    text = "\n".join(letter.all_strings())
    assert "164A" in text
    assert "judicial remedy" in text
    assert "dpo@demo-council.example" in text
    searches = next(s for s in letter.sections if s.id == "searches").paragraphs
    assert searches == (
        "1 search of whatsapp covering messages from 1 January 2026 to 30 April "
        "2026, run on 6 May 2026, found 11 matching messages in total.",
    )
    assert "Jordan" not in text  # search terms never reach the letter


def test_export_is_blocked_when_a_mandatory_section_is_empty():
    inputs = inputs_for(*synthetic())
    with pytest.raises(ExportBlockedError, match="searches we carried out"):
        _letter(replace(inputs, searches=()))
    no_dpo = replace(OPTIONS, organisation=replace(DEMO_ORGANISATION, dpo_contact=""))
    with pytest.raises(ExportBlockedError, match="Data Protection Officer"):
        _letter(inputs, no_dpo)


def _foi_inputs(pit_rationale: str):
    case, messages, decisions = synthetic()
    code = ReasonCode(
        "FOI-40-2",
        Regime.FOI,
        "FOIA 2000 s.40(2)",
        "s.40(2)",
        "Personal information",
        "Someone else's personal data.",
        "absolute",
        False,
        "",
    )
    qualified = ReasonCode(
        "FOI-43-2",
        Regime.FOI,
        "FOIA 2000 s.43(2)",
        "s.43(2)",
        "Commercial interests",
        "Would prejudice commercial interests.",
        "qualified",
        True,
        "",
    )
    redactions = {
        k: tuple(replace(r, code=code) for r in v) for k, v in decisions.redactions.items()
    }
    withheld = {
        MessageId(6): replace(
            decisions.withheld[MessageId(6)], code=qualified, rationale=pit_rationale
        )
    }
    decisions = replace(decisions, redactions=redactions, withheld=withheld)
    return inputs_for(replace(case, regime=Regime.FOI), messages, decisions)


def test_foi_letter_has_refusal_notice_elements_and_review_rights():
    letter = _letter(_foi_inputs("Public interest favours withholding: live tender."))
    refusal = next(s for s in letter.sections if s.id == "refusal").paragraphs
    assert any("s.40(2)" in p and "Why it applies" in p for p in refusal)
    assert any(
        "s.43(2)" in p and "Public interest test: Public interest favours" in p for p in refusal
    )
    ids = [s.id for s in letter.sections]
    assert {"confirm-deny", "advice", "review", "regulator"} <= set(ids)


def test_qualified_exemption_without_public_interest_reasons_blocks():
    with pytest.raises(ExportBlockedError, match="public interest"):
        _letter(_foi_inputs(""))
