"""Turn messages and approved decisions into already-redacted render records (pure).

Order of work for each in-scope message: approved decisions first (text spans, sender,
mentions, reactions, attachment names, conversation titles), then the second safety net, which
looks for any remaining occurrence of a protected term in every rendered string. The net never
redacts by itself (issue 13: nothing is redacted without a recorded decision): each place it
finds must be decided in review (the same redaction there, or a recorded reason to keep it),
and until then the bundle is not built. Not-in-scope and duplicate items are dropped here and
never appear as exemptions (R40).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from sar_desk.core.disclosure import ApprovedRedaction, DisclosureDecisions, NetPlace, ReasonCode
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Case, ConversationId, Message, MessageId
from sar_desk.core.redaction import RedactionSpan
from sar_desk.export.anonymise import redact_spans
from sar_desk.export.attachment_lines import attachment_line
from sar_desk.export.net import (
    FIELDS,
    UndecidedPlacesError,
    net_terms,
    protected_alone,
    protected_terms,
    term_kinds,
)
from sar_desk.export.pseudonyms import Replacements, marker_for
from sar_desk.export.render_model import (
    IndexRow,
    ItemStatus,
    RenderBundle,
    RenderConversation,
    RenderMessage,
)
from sar_desk.export.terms import TermReplacer, clean_term, normalise, replace_each


def in_scope_messages(messages: Iterable[Message], decisions: DisclosureDecisions) -> list[Message]:
    """The in-scope messages in bundle order, without not-in-scope items and duplicates."""
    wanted = set(decisions.in_scope) - decisions.not_in_scope - decisions.duplicates
    chosen = {m.id: m for m in messages if m.id in wanted}
    return sorted(chosen.values(), key=lambda m: (m.conversation_id, m.timestamp, m.id))


class _Redactor:
    """State for one bundle: replacements, safety-net terms and the places the net found."""

    def __init__(self, case: Case, decisions: DisclosureDecisions, pseudonyms: bool) -> None:
        self.decisions = decisions
        self.zone = ZoneInfo(case.timezone)
        self.replacements = Replacements(decisions, pseudonyms)
        # The case's region, so a national-format number is the same number as its +44 form.
        self.region = case.default_region
        self.replacer = TermReplacer(net_terms(decisions), self.region)
        self.kinds = term_kinds(decisions)
        self.kept = {(m, f, normalise(clean_term(t))) for m, f, t in decisions.kept_places}
        self.places: dict[tuple[MessageId, ProposalField, str], NetPlace] = {}
        self.used_codes: dict[str, ReasonCode] = {}

    def net(self, text: str, where: tuple[MessageId, str], field: str) -> None:
        """The second safety net over one rendered string: note every undecided place."""
        found = self.replacer.sub(text, lambda term: term)[1]
        message_id, conversation = where
        kind = FIELDS.get(field, ProposalField.TEXT)
        for term in found:
            key = (message_id, kind, normalise(term))
            if key in self.kept or key in self.places:
                continue
            entity, code = self.kinds.get(normalise(term), ("alias", ""))
            self.places[key] = NetPlace(message_id, conversation, kind, entity, code, term)

    def use(self, redaction: ApprovedRedaction, codes: set[str]) -> str:
        codes.add(redaction.code.code)
        self.used_codes[redaction.code.code] = redaction.code
        return self.replacements.for_redaction(redaction)

    def title(
        self, title: str, group: Sequence[ApprovedRedaction], ref: str, first: MessageId
    ) -> str:
        codes: set[str] = set()
        # All decided strings at once against the original title, so "Ruth" decided before
        # "Ruth Okoro" cannot leave "-okoro" behind (issue 20 item 2).
        title = replace_each(title, [(r.text, self.use(r, codes)) for r in group], self.region)
        self.net(title, (first, ref), "title")
        return title

    def message(self, msg: Message, item: int, reply_note: str | None, ref: str) -> RenderMessage:
        local = msg.timestamp.astimezone(self.zone)
        stamp = (
            item,
            msg.id,
            local.isoformat(),
            f"{local:%A} {local.day} {local:%B %Y}",
            f"{local:%H:%M} {local.tzname() or ''}".strip(),
        )
        withheld = self.decisions.withheld.get(msg.id)
        if withheld is not None:
            self.used_codes[withheld.code.code] = withheld.code
            return RenderMessage(
                *stamp,
                sender=None,
                kind="withheld",
                text=f"[Message withheld · {withheld.code.marker}]",
                attachments=(),
                reactions=(),
                reply_note=None,
                edited=False,
                status=ItemStatus.WITHHELD,
                codes=(withheld.code.code,),
            )
        codes: set[str] = set()
        by_field: dict[ProposalField, list[ApprovedRedaction]] = {}
        for redaction in self.decisions.redactions.get(msg.id, ()):
            by_field.setdefault(redaction.field, []).append(redaction)
        text = self._text(msg.text, by_field.get(ProposalField.TEXT, []), codes)
        sender = msg.sender
        for redaction in by_field.get(ProposalField.SENDER, []):
            sender = self.use(redaction, codes)
        mentions = by_field.get(ProposalField.MENTION, [])
        text = replace_each(text, [(r.text, self.use(r, codes)) for r in mentions], self.region)
        attachments = [
            self._attachment(a.name, a.type, a.present, by_field, codes) for a in msg.attachments
        ]
        reactions = [self._reaction(r.emoji, r.actor, by_field, codes) for r in msg.reactions]
        where = (msg.id, ref)
        for field, value in (("text", text), ("sender", sender or ""), ("reply", reply_note)):
            self.net(value or "", where, field)
        for attachment in attachments:
            self.net(attachment, where, "attachment")
        for reaction in reactions:
            self.net(reaction, where, "reaction")
        return RenderMessage(
            *stamp,
            sender=sender or None,
            kind=str(msg.kind),
            text=text,
            attachments=tuple(attachments),
            reactions=tuple(reactions),
            reply_note=reply_note or None,
            edited=msg.edited,
            status=ItemStatus.PART if codes else ItemStatus.FULL,
            codes=tuple(sorted(codes)),
        )

    def _text(self, text: str, group: list[ApprovedRedaction], codes: set[str]) -> str:
        spans: list[RedactionSpan] = []
        for redaction in group:
            marker = self.use(redaction, codes)
            if redaction.start is not None and redaction.end is not None:
                spans.append(RedactionSpan(redaction.start, redaction.end, marker))
        original = text
        text = redact_spans(text, spans)
        # Offsets that no longer match the stored text must still not let the string out;
        # where they match, only the decided span is redacted (issue 13).
        moved = [
            (r.text, self.use(r, codes))
            for r in group
            if r.start is None or r.end is None or original[r.start : r.end] != r.text
        ]
        return replace_each(text, moved, self.region)

    def _attachment(
        self,
        name: str,
        kind: str,
        present: bool,
        by_field: dict[ProposalField, list[ApprovedRedaction]],
        codes: set[str],
    ) -> str:
        for redaction in by_field.get(ProposalField.ATTACHMENT, []):
            if redaction.text.casefold() in name.casefold():
                name = self.use(redaction, codes)
        return attachment_line(kind, name, present)

    def _reaction(
        self,
        emoji: str,
        actor: str | None,
        by_field: dict[ProposalField, list[ApprovedRedaction]],
        codes: set[str],
    ) -> str:
        for redaction in by_field.get(ProposalField.REACTION, []):
            if actor is not None and redaction.text.casefold() == actor.casefold():
                actor = self.use(redaction, codes)
        return f"{emoji} {actor}" if actor else emoji


def _reply_note(msg: Message, times: dict[MessageId, tuple[str, str]], day: str) -> str | None:
    if msg.reply_to is None:
        return None
    target = times.get(msg.reply_to)
    if target is None:
        return "↩ reply to a message not included in this bundle"
    target_day, target_time = target
    when = target_time if target_day == day else f"{target_day}, {target_time}"
    return f"↩ reply to {when} message"


def build_render_bundle(
    case: Case, messages: Iterable[Message], decisions: DisclosureDecisions, pseudonyms: bool
) -> RenderBundle:
    """Build the redacted render records for a bundle.

    Args:
        case: The case (reference, regime, display time zone).
        messages: At least every in-scope message; others are ignored.
        decisions: The approved decisions from review.
        pseudonyms: Show third parties as "Person A"... instead of markers.

    Returns:
        The render bundle; its strings are safe to hand to any renderer.

    Raises:
        UndecidedPlacesError: The safety net found a protected term at a place with no
            decision (listing the places; nothing is redacted by the net itself).
    """
    bundle, places = _build(case, messages, decisions, pseudonyms)
    if places:
        raise UndecidedPlacesError(places)
    return bundle


def find_places(
    case: Case, messages: Iterable[Message], decisions: DisclosureDecisions
) -> list[NetPlace]:
    """The places where the safety net finds a protected term with no decision there."""
    return _build(case, messages, decisions, pseudonyms=False)[1]


def _build(
    case: Case, messages: Iterable[Message], decisions: DisclosureDecisions, pseudonyms: bool
) -> tuple[RenderBundle, list[NetPlace]]:
    chosen = in_scope_messages(messages, decisions)
    red = _Redactor(case, decisions, pseudonyms)
    red.replacements.assign_in_order(chosen)
    by_conv: dict[ConversationId, list[Message]] = {}
    for msg in chosen:
        by_conv.setdefault(msg.conversation_id, []).append(msg)
    times: dict[MessageId, tuple[str, str]] = {}
    conversations: list[RenderConversation] = []
    items: dict[MessageId, int] = {}
    item = 0
    for number, (_conv_id, group) in enumerate(by_conv.items(), start=1):
        ref = f"C{number:03d}"
        title_decisions = [
            r
            for m in group
            for r in decisions.redactions.get(m.id, ())
            if r.field == ProposalField.CONVERSATION
        ]
        title = red.title(group[0].conversation, title_decisions, ref, group[0].id)
        rendered: list[RenderMessage] = []
        for msg in group:
            item += 1
            items[msg.id] = item
            local = msg.timestamp.astimezone(red.zone)
            # Digits only: a month's name in the tool's own text ("Jan", "May", "June") could be
            # a redacted person's name, and the safety net would rightly stop the export.
            day = f"{local:%d/%m/%Y}"
            entry = red.message(msg, item, _reply_note(msg, times, day), ref)
            times[msg.id] = (day, entry.time_label)
            rendered.append(entry)
        conversations.append(
            RenderConversation(number, ref, title, group[0].platform, tuple(rendered))
        )
    statuses = Counter(m.status for c in conversations for m in c.messages)
    counts = {
        "in_scope": len(chosen),
        "disclosed_in_full": statuses[ItemStatus.FULL],
        "disclosed_in_part": statuses[ItemStatus.PART],
        "withheld": statuses[ItemStatus.WITHHELD],
        "not_in_scope": len(decisions.not_in_scope),
        "duplicates": len(decisions.duplicates),
        "conversations": len(conversations),
        "redactions": sum(len(g) for k, g in decisions.redactions.items() if k in items),
        # The safety net never redacts by itself any more; the key stays for old readers.
        "automatic_catches": 0,
    }
    bundle = RenderBundle(
        reference=case.reference,
        regime=case.regime,
        timezone=case.timezone,
        conversations=tuple(conversations),
        index=tuple(_index(conversations)),
        codes=tuple(red.used_codes[k] for k in sorted(red.used_codes)),
        counts=counts,
        auto_catches=(),
        items=items,
    )
    return bundle, sorted(red.places.values(), key=lambda p: (p.message_id, str(p.field)))


def _index(conversations: Sequence[RenderConversation]) -> list[IndexRow]:
    """Runs of fully disclosed items are one row; each redacted or withheld item has its own."""
    rows: list[IndexRow] = []
    for conv in conversations:
        run: list[RenderMessage] = []

        def flush(run: list[RenderMessage], ref: str = conv.ref) -> None:
            if run:
                rows.append(
                    IndexRow(
                        ref,
                        run[0].item,
                        run[-1].item,
                        len(run),
                        ItemStatus.FULL,
                        (),
                        run[0].iso_time,
                        run[-1].iso_time,
                    )
                )

        for msg in conv.messages:
            if msg.status == ItemStatus.FULL:
                run.append(msg)
                continue
            flush(run)
            run = []
            rows.append(
                IndexRow(
                    conv.ref,
                    msg.item,
                    msg.item,
                    1,
                    msg.status,
                    msg.codes,
                    msg.iso_time,
                    msg.iso_time,
                )
            )
        flush(run)
    return rows


__all__ = [
    "UndecidedPlacesError",
    "build_render_bundle",
    "find_places",
    "in_scope_messages",
    "marker_for",
    "net_terms",
    "protected_alone",
    "protected_terms",
]
