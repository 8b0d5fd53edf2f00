"""Default-code resolution per item (issue 13 items 2 and 7; R29-R30).

``--code default`` becomes the right code for each item, or is refused with the reason: in a
SAR the third-party code (DPA 2018 Sch 2 Pt 3 para 16) only for an item linked to another
individual (`subjects`), and never for staff acting in an official capacity while the case's
staff policy is to disclose them. The same check guards an explicitly named para 16 code.
"""

from __future__ import annotations

from sar_desk.core.decisions import ReviewItem
from sar_desk.core.disclosure import StaffPolicy
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Case, PersonRole, Regime
from sar_desk.review.codes import CodeUse, Situation
from sar_desk.review.decide import DEFAULT_CODE, ReviewContext, match_key
from sar_desk.review.subjects import SubjectIndex, para16_refusal
from sar_desk.store.uow import UnitOfWork


class DisclosedByPolicyError(BadInputError):
    """The case's staff policy discloses this name: no code applies (reject it, recorded)."""

    code = "disclosed-by-staff-policy"


STAFF_POLICY_NOTE = (
    "Case staff policy: staff acting in an official capacity are disclosed (ICO guidance: the "
    "names of senior staff acting in their official role are usually disclosed)."
)


def situation_of(uow: UnitOfWork, case: Case, item: ReviewItem) -> Situation:
    """Whether an item is the requester's own data or a third party's (for default codes)."""
    if item.person_id is not None and int(item.person_id) in uow.decisions.person_ids_with_role(
        str(PersonRole.REQUESTER)
    ):
        return Situation.REQUESTER
    keys = {match_key(a, case.default_region) for a in (case.requester or "", *case.aliases) if a}
    if item.text and match_key(item.text, case.default_region) in keys:
        return Situation.REQUESTER
    return Situation.THIRD_PARTY


def resolve_code(
    uow: UnitOfWork,
    ctx: ReviewContext,
    item: ReviewItem,
    code: str,
    index: SubjectIndex | None = None,
) -> str:
    """The code id to record for an item (``default`` becomes the right code for that item).

    In a SAR the third-party code (para 16) is only for an item linked to another individual
    (issue 13 item 2; see `review.subjects`): the requester's own data, unlinked items and
    undecided mixed data are refused with the reason, whether the code is given or defaulted.

    Raises:
        BadInputError: A code of another regime (R30), or no code applies to this item.
        NotFoundError: Unknown code.
    """
    regime = ctx.case.regime
    third_party = ctx.table.default(regime, Situation.THIRD_PARTY)
    index = index or SubjectIndex(uow, ctx.case, words=ctx.ordinary_words)
    if (
        code.strip().lower() == DEFAULT_CODE
        and index.staff_policy is StaffPolicy.DISCLOSE
        and index.official(item) is not None
    ):
        raise DisclosedByPolicyError(
            f"Item {item.id} names staff acting in an official capacity; the case's staff "
            "policy is to disclose them, so there is no default code. Reject it with that "
            "reason, or change the staff policy."
        )
    if code.strip().lower() == DEFAULT_CODE and regime is not Regime.SAR:
        chosen = ctx.table.default(regime, situation_of(uow, ctx.case, item))
        if chosen is None:
            raise BadInputError(
                f"Item {item.id} looks like the requester's own data; in a {regime.name} case "
                "the default is to disclose it, so there is no default code. Reject it, or give "
                "a code explicitly."
            )
        return chosen
    if code.strip().lower() == DEFAULT_CODE:
        chosen = third_party or ""
    else:
        chosen = ctx.table.get(code, regime, CodeUse.ITEM).code
    if regime is Regime.SAR and chosen == third_party:
        why = para16_refusal(index, item)
        if why is not None:
            raise BadInputError(
                f"The third-party code (DPA 2018 Sch 2 Pt 3 para 16) does not apply: {why}."
            )
    return chosen
