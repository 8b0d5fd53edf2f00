"""DPO sign-off (R54): when it is required, recording it, and whether it still covers the case.

A sign-off covers the reasons that applied when it was given; if a new reason appears later (a
withholding is added, an extension recorded), export needs a fresh sign-off. Any decision
change after a sign-off voids it (issue 13 item 8, `store.signoffs`): export then refuses until
the DPO signs off again. Exclusions from scope still waiting for a second person are a reason
too, and the DPO's sign-off approves them (unless the DPO made them).
"""

from __future__ import annotations

from sar_desk.core.decisions import ItemKind, ReviewStatus
from sar_desk.core.errors import BadInputError, Hint, InvalidTransitionError
from sar_desk.core.model import Case, Regime
from sar_desk.core.records import SignOffRow
from sar_desk.review.codes import CodeTable, CodeUse, Situation
from sar_desk.review.decide import load_settings, load_views, match_key
from sar_desk.review.elusion import signoff_blocker
from sar_desk.review.exclusions import approve_exclusions, pending_exclusions
from sar_desk.review.resolve import situation_of
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork

# Entity types that reveal special-category data (UK GDPR Art 9) or criminal-offence data
# (Art 10). An NHS number is included because it places the person in a health context.
SPECIAL_CATEGORY_WORDS: dict[str, str] = {
    "HEALTH": "health",
    "MEDICAL": "health",
    "MEDICAL_CONDITION": "health",
    "UK_NHS": "NHS numbers",
    "SPECIAL_CATEGORY": "special-category terms",
    "RELIGION": "religion",
    "ETHNICITY": "ethnic origin",
    "ETHNIC_ORIGIN": "ethnic origin",
    "SEXUAL_ORIENTATION": "sexual orientation",
    "POLITICAL_OPINION": "political opinions",
    "TRADE_UNION": "trade union membership",
    "BIOMETRIC": "biometric data",
    "GENETIC": "genetic data",
    "CRIMINAL_OFFENCE": "criminal offences",
    "NRP": "nationality, religion or politics",
}
"""Each such entity type in the words the sign-off reason uses."""
SPECIAL_CATEGORY_TYPES = frozenset(SPECIAL_CATEGORY_WORDS)

_LIVE = (ReviewStatus.ACCEPTED, ReviewStatus.APPROVED)


def required_reasons(uow: UnitOfWork, case: Case, table: CodeTable) -> dict[str, str]:
    """Why this case needs DPO sign-off, as {stable key: sentence}; empty when it does not."""
    views = [v for v in load_views(uow) if v.status in _LIVE]
    reasons: dict[str, str] = {}
    if case.extension is not None:
        reasons["extension"] = "An extension of the deadline was recorded."
    withheld = sum(1 for v in views if v.item.kind is ItemKind.WITHHOLD)
    refusals = {
        v.state.code
        for v in views
        if v.state.code and table.uses.get(v.state.code) is CodeUse.REQUEST
    }
    if withheld or refusals:
        reasons["refusal"] = (
            f"Information is withheld or refused (messages withheld in full: {withheld})."
        )
    found = SPECIAL_CATEGORY_TYPES & uow.decisions.finding_entity_types()
    special = sorted({SPECIAL_CATEGORY_WORDS[t] for t in found})
    if special:
        reasons["special-category"] = (
            f"The case holds special-category data (found: {', '.join(special)})."
        )
    settings = load_settings(uow)
    if settings.child_data:
        reasons["child"] = "The case involves a child's data."
    codes = {v.state.code for v in views if v.state.code}
    if case.regime is not Regime.SAR and any(
        table.codes[c].public_interest_test for c in codes if c in table.codes
    ):
        reasons["qualified-exemption"] = (
            "A qualified exemption (public interest test) is relied on."
        )
    if codes & table.qualified_person:
        reasons["s36"] = "Section 36 (qualified person's opinion) is relied on."
    parties = {
        f"p{int(v.item.person_id)}"
        if v.item.person_id is not None
        else match_key(v.text, case.default_region)
        for v in views
        if v.item.kind in (ItemKind.FINDING, ItemKind.MANUAL)
        and v.item.entity_type == "PERSON"
        and situation_of(uow, case, v.item) is Situation.THIRD_PARTY
    }
    limit = settings.third_party_signoff_threshold
    if len(parties) > limit:
        reasons["third-parties"] = (
            f"{len(parties)} third parties are redacted (more than this case's limit of {limit})."
        )
    pending = pending_exclusions(uow)
    if pending:
        reasons["scope-exclusions"] = (
            f"{len(pending)} messages excluded from the disclosure as not relevant wait for a "
            "second person (a reviewer's approval, or this sign-off)."
        )
    return reasons


def signoff_required(uow: UnitOfWork, case: Case, table: CodeTable) -> list[str]:
    """The reasons DPO sign-off is needed before export (empty: not needed)."""
    return list(required_reasons(uow, case, table).values())


def signed_off(uow: UnitOfWork) -> SignOffRow | None:
    """The latest sign-off, if any."""
    return uow.decisions.latest_signoff()


def signoff_outstanding(uow: UnitOfWork, case: Case, table: CodeTable) -> list[str]:
    """Reasons that need sign-off and are not covered by the latest sign-off (export gate).

    A failed or missing elusion test (when the case sets a threshold) is listed whatever the
    sign-off covers: no sign-off can cover it (issue 15 item 5b).
    """
    latest = uow.decisions.latest_signoff()
    blocker = signoff_blocker(uow)
    blocked = [blocker] if blocker else []
    if latest is not None and latest.voided_at is not None:
        # A change after the sign-off voided it: everything needs signing off again.
        return [
            f"The DPO sign-off {latest.id} was voided by a later change of decision "
            f"({latest.voided_by}, {latest.voided_at:%d %b %Y %H:%M} UTC); sign off again.",
            *required_reasons(uow, case, table).values(),
            *blocked,
        ]
    covered = set(latest.reasons) if latest else set()
    reasons = required_reasons(uow, case, table).items()
    return [text for key, text in reasons if key not in covered] + blocked


def sign_off(uow: UnitOfWork, case: Case, table: CodeTable, user: str, note: str) -> SignOffRow:
    """Record a DPO sign-off covering the current reasons (audited).

    Raises:
        PermissionDeniedError: The user is not a DPO of this case.
        BadInputError: No note.
        InvalidTransitionError: The case's elusion test is missing, unfinished or failed.
    """
    require(uow, user, Permission.SIGN_OFF)
    if not note.strip():
        raise BadInputError("A sign-off needs a note saying what was checked.", hint=Hint.GIVE_NOTE)
    blocker = signoff_blocker(uow)
    if blocker:
        raise InvalidTransitionError(f"The DPO cannot sign off yet. {blocker}")
    if pending_exclusions(uow):
        # The sign-off is the second pair of eyes for exclusions (not for the DPO's own).
        approve_exclusions(uow, user, None, note, signoff=True)
    reasons = required_reasons(uow, case, table)
    if pending_exclusions(uow):
        reasons.pop("scope-exclusions", None)  # the DPO's own exclusions stay uncovered
    row = uow.decisions.add_signoff(user, note.strip(), sorted(reasons))
    uow.audit.append(user, "sign-off", {"signoff": row.id, "reasons": sorted(reasons)})
    return row
