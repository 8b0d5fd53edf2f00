from __future__ import annotations

from dataclasses import replace

import pytest
from export_data import ARABIC_NAME, EMAIL, EMOJI_NAME, PLANTED, SAR_3P, THIRD_PARTY, synthetic

from sar_desk.core.disclosure import ApprovedRedaction
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import MessageId
from sar_desk.export.pseudonyms import marker_for, pseudonym
from sar_desk.export.redact import (
    UndecidedPlacesError,
    build_render_bundle,
    find_places,
    protected_alone,
    protected_terms,
)
from sar_desk.export.render_model import ItemStatus
from sar_desk.export.terms import TermMatcher


def _bundle(pseudonyms: bool = False):
    case, messages, decisions = synthetic()
    return build_render_bundle(case, messages, decisions, pseudonyms)


def _strings(bundle) -> str:
    return "\n".join(bundle.all_strings())


def test_no_planted_string_survives_in_any_render_record():
    for pseudonyms in (False, True):
        text = _strings(_bundle(pseudonyms))
        assert TermMatcher(PLANTED).find(text) == []
        for planted in PLANTED:
            assert planted.casefold() not in text.casefold()


def test_marker_width_does_not_depend_on_the_removed_text():
    case, messages, decisions = synthetic()
    short = replace(decisions.redactions[MessageId(1)][0], text="Jo")
    assert marker_for(short.code) == marker_for(decisions.redactions[MessageId(1)][0].code)
    bundle = build_render_bundle(case, messages, decisions, False)
    first = bundle.conversations[0].messages[0]
    assert first.text == "Morning Alex, [REDACTED · Sch 2 Pt 3 para 16] called about your repair."


def test_pseudonyms_are_stable_and_in_first_appearance_order():
    bundle = _bundle(pseudonyms=True)
    conv = bundle.conversations[0]
    assert conv.messages[0].text == "Morning Alex, Person A called about your repair."
    second = conv.messages[1]
    assert second.sender == "Person A"
    assert second.text.startswith("Person A's number is [REDACTED")  # phones keep markers
    assert second.reactions == ("👍 Person A",)
    arabic = next(m for m in conv.messages if "office" in m.text)
    assert "Person B" in arabic.text  # سارة خليل is the second third party to appear
    assert "Person C" in next(m for m in conv.messages if "sorted" in m.text).text
    assert bundle.conversations[1].title == "Chat with Person A"


def test_withheld_excluded_and_statuses_reconcile():
    bundle = _bundle()
    entries = {m.message_id: m for c in bundle.conversations for m in c.messages}
    assert MessageId(8) not in entries
    assert MessageId(9) not in entries
    withheld = entries[MessageId(6)]
    assert withheld.text == "[Message withheld · Sch 2 Pt 4 para 19]"
    assert withheld.status is ItemStatus.WITHHELD
    assert withheld.sender is None
    counts = bundle.counts
    assert (
        counts["in_scope"]
        == 9
        == sum(counts[k] for k in ("disclosed_in_full", "disclosed_in_part", "withheld"))
    )
    assert sum(row.count for row in bundle.index) == 9
    assert entries[MessageId(10)].status is ItemStatus.FULL
    assert all("duplicate" not in code.title.lower() for code in bundle.codes)
    assert [c.code for c in bundle.codes] == ["SAR-3P", "SAR-LPP"]


def test_attachment_names_titles_system_lines_and_replies_are_redacted():
    bundle = _bundle()
    entries = {m.message_id: m for c in bundle.conversations for m in c.messages}
    assert entries[MessageId(5)].attachments == (
        "[Attachment · document · [REDACTED · Sch 2 Pt 3 para 16] · not in the export]",
    )
    assert entries[MessageId(7)].text == "[REDACTED · Sch 2 Pt 3 para 16] added Alex Morgan"
    assert bundle.conversations[1].heading == (
        "C002 · whatsapp · Chat with [REDACTED · Sch 2 Pt 3 para 16]"
    )
    assert entries[MessageId(3)].reply_note == "↩ reply to 09:00 GMT message"
    assert entries[MessageId(3)].edited


def _without(decisions, message_id: int, field: ProposalField | None = None):
    redactions = dict(decisions.redactions)
    redactions[MessageId(message_id)] = tuple(
        r for r in redactions[MessageId(message_id)] if field is not None and r.field is not field
    )
    return replace(decisions, redactions=redactions)


def test_safety_net_stops_on_an_undecided_place_and_never_redacts_by_itself():
    # Issue 13: "jordan blake" in message 11 has no decision there; the net lists the place
    # (message, conversation, field, kind) and the bundle is not built.
    case, messages, decisions = synthetic()
    undecided = _without(decisions, 11)
    with pytest.raises(UndecidedPlacesError) as caught:
        build_render_bundle(case, messages, undecided, False)
    places = caught.value.places
    assert [(int(p.message_id), p.conversation, p.field, p.kind, p.code) for p in places] == [
        (11, "C002", ProposalField.TEXT, "PERSON", SAR_3P.code)
    ]
    assert "jordan" not in str(caught.value).casefold()  # ids and kinds, never the text
    assert find_places(case, messages, undecided) == list(places)


def test_sender_without_decision_is_a_place_not_a_silent_redaction():
    case, messages, decisions = synthetic()
    undecided = _without(decisions, 2, ProposalField.SENDER)
    places = find_places(case, messages, undecided)
    assert [(int(p.message_id), p.field) for p in places] == [(2, ProposalField.SENDER)]


def test_a_kept_place_is_rendered_verbatim_and_leaves_the_leak_list():
    case, messages, decisions = synthetic()
    kept = replace(
        _without(decisions, 11),
        kept_places=frozenset({(MessageId(11), ProposalField.TEXT, "jordan blake")}),
    )
    bundle = build_render_bundle(case, messages, kept, False)
    entry = {m.message_id: m for c in bundle.conversations for m in c.messages}[MessageId(11)]
    assert entry.text == "Reminder: jordan blake will attend too"
    assert entry.status is ItemStatus.FULL
    assert THIRD_PARTY not in protected_terms(kept)
    assert bundle.counts["automatic_catches"] == 0


def test_common_words_and_short_terms_are_never_protected_alone():
    # "Here it is." became "[REDACTED · Sch 2 Pt 3 para 16] it is." when NER took "Here" for a
    # name; "Rota", "Surveyor" and "NI" were blanked everywhere.
    words = frozenset({"here", "rota", "surveyor"})
    for term in ("Here", "Rota", "Surveyor", "NI", "Al"):
        assert not protected_alone(term, words)
    for term in ("Kaur", "Jordan Blake", "Here Rota", "SW1A 1AA", "07911 654321"):
        assert protected_alone(term, words)
    case, messages, decisions = synthetic()
    here = replace(
        decisions,
        protected_terms=(*decisions.protected_terms, "Reminder", "too"),
        ordinary_words=frozenset({"reminder", "too"}),
    )
    assert find_places(case, messages, here) == []


def test_an_approved_span_redacts_only_its_own_occurrence():
    # The decision is about one place; the same word elsewhere in the message stays.
    case, messages, decisions = synthetic()
    text = "Here it is. Here is the form."
    msg = replace(messages[-1], text=text)
    span = replace(decisions.redactions[MessageId(11)][0], start=0, end=4, text="Here")
    one = replace(
        decisions,
        redactions={**decisions.redactions, MessageId(11): (span,)},
        ordinary_words=frozenset({"here"}),
    )
    bundle = build_render_bundle(case, [*messages[:-1], msg], one, False)
    entry = {m.message_id: m for c in bundle.conversations for m in c.messages}[MessageId(11)]
    assert entry.text == "[REDACTED · Sch 2 Pt 3 para 16] it is. Here is the form."


def test_stale_offsets_still_remove_the_string():
    case, messages, decisions = synthetic()
    stale = ApprovedRedaction(
        **{
            **{
                f: getattr(decisions.redactions[MessageId(3)][0], f)
                for f in ApprovedRedaction.__dataclass_fields__
            },
            "start": 0,
            "end": 2,
        }
    )
    redactions = {**decisions.redactions, MessageId(3): (stale,)}
    bundle = build_render_bundle(case, messages, replace(decisions, redactions=redactions), False)
    text = "\n".join(bundle.all_strings())
    assert EMAIL not in text
    assert EMOJI_NAME not in text
    assert ARABIC_NAME not in text
    assert THIRD_PARTY not in text
    assert SAR_3P.marker in text


def test_pseudonym_letters():
    assert [pseudonym(i) for i in (0, 1, 25, 26, 27)] == [
        "Person A",
        "Person B",
        "Person Z",
        "Person AA",
        "Person AB",
    ]


def test_a_reply_across_days_names_no_month_so_a_redacted_jan_or_may_is_no_place():
    # "Jan" redacted as a person elsewhere once made the reply note "reply to 7 Jan 2026, ..."
    # a safety-net place nobody could decide (it is the tool's own text), blocking export.
    from datetime import UTC, datetime, timedelta

    from export_data import _msg, _span

    january = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    case, messages, decisions = synthetic()
    first = _msg(30, 9, "Rota", "Sam Officer", "Jan covers Monday.", when=january)
    reply = _msg(
        31,
        9,
        "Rota",
        "Sam Officer",
        "Thanks, noted.",
        when=january + timedelta(days=3),
        reply_to=MessageId(30),
    )
    redactions = {**decisions.redactions, first.id: (_span(30, first.text, "Jan"),)}
    decisions = replace(
        decisions,
        in_scope=(*decisions.in_scope, first.id, reply.id),
        redactions=redactions,
        protected_terms=(*decisions.protected_terms, "Jan"),
    )
    bundle = build_render_bundle(case, [*messages, first, reply], decisions, pseudonyms=False)
    note = {m.message_id: m for c in bundle.conversations for m in c.messages}[reply.id].reply_note
    assert note is not None
    assert note.startswith("↩ reply to ")
    assert any(ch.isdigit() for ch in note)
    assert "jan" not in note.casefold()
