"""The SAR letter's Art. 15 supplementary information comes from the organisation profile.

Sources: UK GDPR Art. 15(1)(a)-(h) and 15(2); domain.md §2.6 and corrections (2026-12-05).
"""

from __future__ import annotations

from export_data import GENERATED_AT, inputs_for, synthetic

from sar_desk.core.organisation import OrgProfile
from sar_desk.export.letter import build_letter
from sar_desk.export.options import BundleOptions, Organisation
from sar_desk.export.redact import build_render_bundle


def test_art_15_text_comes_from_the_profile() -> None:
    """Art. 15(1)(a), (c), (g), (h), 15(2): the profile's words, purposes by controller type."""

    profile = OrgProfile(
        name="Brightwork Ltd", address="2 Mill Lane", dpo_email="dpo@bw.example",
        requests_email="sar@bw.example", retention_text="Kept for two years.",
        controller_type="company", automated_decisions="We use no automated decisions.",
        transfers="Chat data is hosted in Ireland under UK adequacy regulations.",
        recipients="Our payroll bureau and our chat provider.",
    )  # fmt: skip
    inputs = inputs_for(*synthetic())
    bundle = build_render_bundle(inputs.case, inputs.messages, inputs.decisions, False)
    options = BundleOptions(GENERATED_AT, organisation=Organisation.from_profile(profile))
    sections = {
        s.id: " ".join(s.paragraphs) for s in build_letter(inputs, options, bundle).sections
    }
    assert "legitimate interests in running and recording our business" in sections["art15-a"]
    assert "public tasks" not in sections["art15-a"]
    assert sections["art15-c"] == "Our payroll bureau and our chat provider."
    assert sections["art15-d"] == "Kept for two years."
    assert sections["art15-h"] == "We use no automated decisions."
    assert sections["art15-2"] == "Chat data is hosted in Ireland under UK adequacy regulations."
    assert "Brightwork Ltd, 2 Mill Lane" in sections["signoff"]
