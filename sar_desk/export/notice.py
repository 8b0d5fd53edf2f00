"""The FOI / EIR / FOISA / EISR notice: confirm or deny, refusal elements, review and regulator.

FOIA s.17, EIR reg 14, FOISA s.16 and EISR reg 13 say what a refusal notice contains: that a
provision is relied on, which one, why it applies in this case, the public interest reasons for
a qualified exemption, and the requester's rights of review and complaint (domain.md §6.2 and
the 2026-12-05 corrections). Each exemption's paragraph carries the case's own reasons (the
rationales recorded with the decisions, or the outcome's reason), and for third-party personal
data the recorded legitimate-interests test.
"""

from __future__ import annotations

from collections import defaultdict

from sar_desk.core.disclosure import DisclosureDecisions, ReasonCode
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.model import Regime
from sar_desk.core.outcome import OutcomeKind
from sar_desk.export.options import BundleInputs
from sar_desk.export.render_model import RenderBundle

NOTICE_LAW = {
    Regime.FOI: "section 17 of the Freedom of Information Act 2000",
    Regime.EIR: "regulation 14 of the Environmental Information Regulations 2004",
    Regime.FOISA: "section 16 of the Freedom of Information (Scotland) Act 2002",
    Regime.EISR: "regulation 13 of the Environmental Information (Scotland) Regulations 2004",
}
_NOT_HELD = {
    Regime.FOI: "We do not hold the information you asked for (section 1(1)(a) of the Freedom "
    "of Information Act 2000).",
    Regime.EIR: "We do not hold the information you asked for, so the exception in regulation "
    "12(4)(a) of the Environmental Information Regulations 2004 applies.",
    Regime.FOISA: "Under section 17 of the Freedom of Information (Scotland) Act 2002 we give "
    "you notice that we do not hold the information you asked for.",
    Regime.EISR: "We do not hold the information you asked for, so the exception in regulation "
    "10(4)(a) of the Environmental Information (Scotland) Regulations 2004 applies.",
}
_REVIEW = {
    Regime.FOI: "If you are unhappy with this response you can ask for an internal review within "
    "40 working days: {contact}. Someone not involved in this decision will carry it out.",
    Regime.EIR: "If you are unhappy with this response you can make representations within 40 "
    "working days (regulation 11 of the Environmental Information Regulations 2004): "
    "{contact}. We will reconsider and reply within 40 working days.",
    Regime.FOISA: "If you are unhappy with this response you can require us to review it, in "
    "writing within 40 working days (section 20 of the Freedom of Information (Scotland) Act "
    "2002): {contact}. We will reply within 20 working days.",
    Regime.EISR: "If you are unhappy with this response you can require us to review it, in "
    "writing within 40 working days (regulation 16 of the Environmental Information "
    "(Scotland) Regulations 2004): {contact}. We will reply within 20 working days.",
}
_ADVICE_LAW = {Regime.FOI: "section 16", Regime.FOISA: "section 15"}


def sentence(text: str) -> str:
    """``text`` stripped and ending with a full stop."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def confirm_deny(inputs: BundleInputs) -> str:
    """The answer to "do you hold it?" for the recorded outcome."""
    outcome, regime = inputs.outcome, inputs.case.regime
    if outcome is None or outcome.kind is OutcomeKind.HELD:
        return "We confirm that we hold information falling within your request."
    if outcome.kind is OutcomeKind.NOT_HELD:
        return f"{_NOT_HELD[regime]} {sentence(outcome.reason)}"
    if outcome.kind is OutcomeKind.NCND:
        return "We can neither confirm nor deny whether we hold the information you asked for."
    code = _outcome_code(inputs)
    return f"We are refusing your request under {code.reference} ({code.title})."


def review_text(inputs: BundleInputs, contact: str) -> str:
    """The requester's review route under the case's regime."""
    return _REVIEW[inputs.case.regime].format(contact=contact)


def outcome_elements(inputs: BundleInputs, advice: str) -> list[str]:
    """The refusal-notice paragraphs for an NCND or whole-request refusal outcome."""
    outcome = inputs.outcome
    if outcome is None or outcome.kind in (OutcomeKind.HELD, OutcomeKind.NOT_HELD):
        return []
    code = _outcome_code(inputs)
    law = NOTICE_LAW[inputs.case.regime]
    if outcome.kind is OutcomeKind.NCND:
        text = (
            f"This is a notice under {law}. We rely on {inputs.ncnd_provision} of the same Act "
            f"or Regulations, which means we do not have to say whether we hold information "
            f"covered by {code.reference} ({code.title}). Why it applies in this case: "
            f"{sentence(outcome.reason)}"
        )
    else:
        text = (
            f"This is a refusal notice under {law}. We rely on {code.reference} "
            f"({code.title}). Why it applies in this case: {sentence(outcome.reason)}"
        )
    text += _public_interest(inputs, code, [outcome.reason])
    text += _legitimate_interests(inputs, code)
    lines = [text]
    law_for_advice = _ADVICE_LAW.get(inputs.case.regime)
    if code.code in ("FOI-S12", "FOISA-12") and law_for_advice:
        lines.append(
            f"Advice and assistance ({law_for_advice}): {sentence(advice)} A narrower request "
            "(for example a shorter period, fewer people or one chat system) may be answerable "
            "within the cost limit."
        )
    return lines


def refusal_elements(inputs: BundleInputs, bundle: RenderBundle) -> list[str]:
    """One paragraph per exemption relied on in a disclosure: which, why here, PIT, LI test."""
    decisions = inputs.decisions
    rationales = _rationales(decisions)
    lines: list[str] = []
    for code in bundle.codes:
        if code.kind in ("marker", "procedural"):
            continue
        text = f"We rely on {code.reference} ({code.title}): {sentence(code.summary)}"
        reasons = sorted({sentence(r) for r in rationales[code.code] if r.strip()})[:3]
        if reasons:
            text += " Why it applies in this case: " + " ".join(reasons)
        opinion = decisions.qualified_person_opinions.get(code.code)
        if opinion is not None:
            day = f"{opinion.opinion_date.day} {opinion.opinion_date:%B %Y}"
            text += (
                f" In the reasonable opinion of the qualified person, {opinion.name}, given on "
                f"{day}, the exemption is engaged: {opinion.opinion}"
            )
        text += _public_interest(inputs, code, rationales[code.code])
        text += _legitimate_interests(inputs, code)
        lines.append(text)
    if lines and inputs.case.regime in NOTICE_LAW:
        lines.insert(
            0,
            f"This part of our response is a refusal notice under "
            f"{NOTICE_LAW[inputs.case.regime]}.",
        )
    return lines


def _rationales(decisions: DisclosureDecisions) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for group in decisions.redactions.values():
        for redaction in group:
            out[redaction.code.code].append(redaction.rationale)
    for withheld in decisions.withheld.values():
        out[withheld.code.code].append(withheld.rationale)
    return out


def _public_interest(inputs: BundleInputs, code: ReasonCode, fallback: list[str]) -> str:
    if not code.public_interest_test:
        return ""
    test = inputs.decisions.public_interest_tests.get(code.code)
    if test is not None:
        # R31: the recorded test, not the redaction rationales, is the public interest reason.
        return (
            " Public interest test: in favour of disclosure, "
            f"{sentence(test.factors_for)} In favour of maintaining the exemption, "
            f"{sentence(test.factors_against)} Conclusion: {sentence(test.conclusion)}"
        )
    reasons = sorted({r.strip() for r in fallback if r.strip()})[:3]
    if not reasons or (inputs.outcome is not None and inputs.outcome.code == code.code):
        raise ExportBlockedError(
            f"The exemption {code.reference} is qualified but no public interest test is "
            "recorded. Record the public interest test in review, then export again."
        )
    return " Public interest test: " + " ".join(reasons)


def _legitimate_interests(inputs: BundleInputs, code: ReasonCode) -> str:
    test = inputs.legitimate_interests.get(code.code)
    if test is None:
        if code.code in inputs.needs_legitimate_interests:
            raise ExportBlockedError(
                f"{code.reference} withholds personal data only where disclosure would breach "
                "the data protection principles: record the legitimate-interests test "
                "(purpose, necessity, balance) for it in review, then export again."
            )
        return ""
    return (
        " Legitimate interests test: the legitimate interest in disclosure, "
        f"{sentence(test.purpose)} Whether disclosure is necessary: {sentence(test.necessity)} "
        f"Balance against the rights of the people concerned: {sentence(test.balance)}"
    )


def _outcome_code(inputs: BundleInputs) -> ReasonCode:
    if inputs.outcome_code is None:
        raise ExportBlockedError(
            "The recorded outcome names no reason code; record the outcome again with its code."
        )
    return inputs.outcome_code
