"""Deciding the places the export's safety net found (issue 13: no redaction without a decision).

The safety net finds a term that is redacted at one place somewhere else in the bundle and
stops the export there; it never redacts by itself. A reviewer then decides the listed places,
through the normal review path: either the same redaction there (a manual item per place,
accepted under the code the term was redacted with elsewhere, which a second person must
still approve) or "keep" with a reason (the same item, rejected with that reason, which the
export reads as a decision that the text stays at that place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sar_desk.core.decisions import Action, ItemKind, ReviewItem, ReviewStatus
from sar_desk.core.disclosure import NetPlace
from sar_desk.core.errors import BadInputError, NotFoundError
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message, MessageId
from sar_desk.core.text import TermMatcher
from sar_desk.review.decide import (
    ItemView,
    ReviewContext,
    _create_and_accept,
    decide,
    load_views,
    views_by_id,
)
from sar_desk.review.fields import field_item, field_parts
from sar_desk.review.resolve import resolve_code
from sar_desk.review.roles import Permission, require
from sar_desk.review.subjects import SubjectIndex
from sar_desk.store.uow import UnitOfWork

RECOGNIZER = "SafetyNet"
SAME_REDACTION = (
    "The same redaction as approved for this term elsewhere in the disclosure (safety-net "
    "place, decided by a reviewer)."
)
_LIVE = (ReviewStatus.PROPOSED, ReviewStatus.ACCEPTED, ReviewStatus.APPROVED)


@dataclass(frozen=True, slots=True)
class PlacesResult:
    """What deciding the places did.

    Attributes:
        items: The review items decided (one per occurrence located).
        unlocated: Places whose term could not be located as written (odd spacing, invisible
            characters): they need a manual redaction or withholding.
        refused: ``(item id, reason)`` where the code may not be applied (for example a
            detection proposal there that is the requester's own data): decide each one.
    """

    items: tuple[int, ...]
    unlocated: tuple[NetPlace, ...] = ()
    refused: tuple[tuple[int, str], ...] = ()


def _pattern(term: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _spans(uow: UnitOfWork, message_id: int) -> list[tuple[int, int, int, ReviewStatus]]:
    """(start, end, item id, status) of the live text items of a message."""
    spans = []
    for v in load_views(uow):
        if int(v.item.message_id) != message_id or v.status not in _LIVE:
            continue
        if v.item.field is ProposalField.TEXT and v.state.start is not None:
            spans.append((v.state.start, v.state.end or v.state.start, v.item.id, v.status))
    return spans


# (start, end, text, id of an existing proposal at that spot or None)
Spot = tuple[int | None, int | None, str, int | None]


def _locate(uow: UnitOfWork, place: NetPlace, msg: Message) -> list[Spot]:
    """(start, end, text) of each occurrence of the place's term in its field."""
    pattern = _pattern(place.term)
    if place.field is ProposalField.TEXT:
        spots: list[Spot] = []
        live = _spans(uow, int(msg.id))
        for m in pattern.finditer(msg.text):
            clash = [x for x in live if m.start() < x[1] and x[0] < m.end()]
            if not clash:
                spots.append((m.start(), m.end(), m.group(), None))
            elif clash[0][3] is ReviewStatus.PROPOSED:
                # A proposal already covers this spot: the decision is recorded on it.
                spots.append((m.start(), m.end(), m.group(), clash[0][2]))
        return spots
    proposed = {
        v.text.casefold(): v.item.id
        for v in load_views(uow, ReviewStatus.PROPOSED)
        if int(v.item.message_id) == int(msg.id) and v.item.field is place.field
    }
    return [(s, e, t, proposed.get(t.casefold())) for s, e, t, _ in _whole(place, msg, pattern)]


def _whole(place: NetPlace, msg: Message, pattern: re.Pattern[str]) -> list[Spot]:
    """Occurrences in fields that are redacted whole or by name (not by offsets)."""
    if place.field is ProposalField.REACTION:
        # A reaction is redacted by its whole actor name.
        actors = {r.actor for r in msg.reactions if r.actor and pattern.search(r.actor)}
        return [(None, None, a, None) for a in sorted(actors)]
    if place.field is ProposalField.SENDER:
        return [(None, None, msg.sender, None)] if msg.sender else []
    where = {
        ProposalField.CONVERSATION: [msg.conversation],
        ProposalField.ATTACHMENT: [a.name for a in msg.attachments],
    }.get(place.field, [])
    # Titles and file names join a name's parts with hyphens, underscores or dots
    # ("#ruth-okoro-case"): read them as the export's matcher does.
    matcher = TermMatcher([place.term])
    found = [value[s.start : s.end] for value in where for s in matcher.spans(value)]
    return [(None, None, text, None) for text in dict.fromkeys(found)]


def _alias_codes(uow: UnitOfWork) -> dict[str, str]:
    """Alias (case-folded) -> the code its person's approved redactions use."""
    codes: dict[int, str] = {}
    for v in load_views(uow, ReviewStatus.APPROVED):
        if v.item.person_id is not None and v.state.code:
            codes.setdefault(int(v.item.person_id), v.state.code)
    out: dict[str, str] = {}
    for person, aliases in uow.decisions.person_aliases(codes).items():
        for alias in aliases:
            out.setdefault(" ".join(alias.split()).casefold(), codes[person])
    return out


def decide_places(
    uow: UnitOfWork,
    ctx: ReviewContext,
    places: Sequence[NetPlace],
    *,
    redact: bool,
    reason: str = "",
) -> PlacesResult:
    """Record a decision for each place: the same redaction there, or keep it with a reason.

    Args:
        uow: The case's unit of work (inside the caller's transaction).
        ctx: Case, code table and acting user.
        places: The places to decide (from the safety net).
        redact: True to apply the same redaction (accepted; a second person approves it);
            False to keep the text at those places.
        reason: Why the text stays (required to keep); the rationale when redacting
            (a standard sentence when empty).

    Raises:
        PermissionDeniedError: The user may not propose decisions.
        BadInputError: No places, no reason to keep, or a place without a code to redact by.
    """
    require(uow, ctx.user, Permission.PROPOSE)
    if not places:
        raise BadInputError("There are no safety-net places to decide.")
    if not redact and not reason.strip():
        raise BadInputError("Say why the text stays at these places (a reason is recorded).")
    messages = {
        m.id: m for m in uow.messages.get_messages(sorted({int(p.message_id) for p in places}))
    }
    created: list[tuple[int, str]] = []
    unlocated: list[NetPlace] = []
    aliases = _alias_codes(uow) if redact and any(not p.code for p in places) else {}
    for place in places:
        msg = messages.get(MessageId(int(place.message_id)))
        code = place.code or aliases.get(" ".join(place.term.split()).casefold(), "")
        if redact and not code:
            raise BadInputError(
                f"The term at message {int(place.message_id)} has no approved redaction to "
                "copy (it is an alias of a redacted person): decide it with a manual redaction."
            )
        spots = _locate(uow, place, msg) if msg is not None else []
        if not spots:
            unlocated.append(place)
            continue
        for start, end, text, existing in spots:
            if existing is not None:
                created.append((existing, code))
                continue
            item = ReviewItem(
                id=0,
                kind=ItemKind.MANUAL,
                message_id=MessageId(int(place.message_id)),
                field=place.field,
                start=start,
                end=end,
                text=text,
                entity_type=place.kind if place.kind != "alias" else "PERSON",
                score=None,
                recognizer=RECOGNIZER,
                created_by=ctx.user,
            )
            created.append((uow.decisions.add_item(item), code))
    extra = {"safety_net_places": len(places), "unlocated": len(unlocated)}
    refused: list[tuple[int, str]] = []
    if redact:
        index = SubjectIndex(uow, ctx.case, words=ctx.ordinary_words)
        views = {v.item.id: v.item for v in views_by_id(uow, [i for i, _c in created])}
        for item_id, code in list(created):
            try:
                resolve_code(uow, ctx, views[item_id], code, index)
            except BadInputError as exc:
                refused.append((item_id, str(exc)))
                created.remove((item_id, code))
        for code in sorted({c for _i, c in created}):
            decide(
                uow,
                ctx,
                [i for i, c in created if c == code],
                Action.ACCEPT,
                code=code,
                rationale=reason.strip() or SAME_REDACTION,
                bulk=True,
                audit_extra=extra,
            )
    elif created:
        decide(
            uow,
            ctx,
            [i for i, _c in created],
            Action.REJECT,
            note=f"Kept at this place (safety net): {reason.strip()}",
            bulk=True,
            audit_extra=extra,
        )
    return PlacesResult(tuple(i for i, _c in created), tuple(unlocated), tuple(refused))


def add_field_redaction(
    uow: UnitOfWork,
    ctx: ReviewContext,
    message_id: int,
    field: ProposalField,
    words: str,
    code: str,
    rationale: str,
) -> ItemView:
    """Propose redacting `words` wherever they occur in a message's title or file names.

    A place the net lists in a title or a file name is decided this way too. The title's
    redaction governs the conversation's title wherever it is shown (`review.fields`).

    Returns:
        The (first) item proposed; one is made per distinct spelling found in the field.

    Raises:
        NotFoundError: No such message.
        BadInputError: A field redacted by offsets; the words are not in the field; missing
            code or rationale; a code of another regime.
    """
    require(uow, ctx.user, Permission.PROPOSE)
    found = uow.messages.get_messages([message_id])
    if not found:
        raise NotFoundError(f"There is no message {message_id} in this case.")
    parts = field_parts(found[0], field, words, ctx.case.default_region)
    views = [
        _create_and_accept(
            uow, ctx, field_item(ctx.user, message_id, field, part), code, rationale, ""
        )
        for part in parts
    ]
    return views[0]
