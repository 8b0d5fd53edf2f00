from __future__ import annotations

from dataclasses import replace

from export_data import ARABIC_NAME, EMAIL, EMOJI_NAME, PLANTED, SAR_3P, THIRD_PARTY, synthetic

from sar_desk.core.disclosure import ApprovedRedaction
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import MessageId
from sar_desk.export.pseudonyms import marker_for, pseudonym
from sar_desk.export.redact import build_render_bundle
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
        "[Attachment · document · [REDACTED · Sch 2 Pt 3 para 16] · not included]",
    )
    assert entries[MessageId(7)].text == "[REDACTED · Sch 2 Pt 3 para 16] added Alex Morgan"
    assert bundle.conversations[1].heading == (
        "C002 · whatsapp · Chat with [REDACTED · Sch 2 Pt 3 para 16]"
    )
    assert entries[MessageId(3)].reply_note == "↩ reply to 09:00 GMT message"
    assert entries[MessageId(3)].edited


def test_safety_net_catches_undecided_occurrences_and_counts_them():
    bundle = _bundle()
    entries = {m.message_id: m for c in bundle.conversations for m in c.messages}
    caught = entries[MessageId(11)]
    assert caught.text == "Reminder: [REDACTED · Sch 2 Pt 3 para 16] will attend too"
    assert caught.status is ItemStatus.PART
    assert [(c.item, c.field, c.count) for c in bundle.auto_catches] == [(caught.item, "text", 1)]


def test_sender_without_decision_is_caught_by_the_net():
    case, messages, decisions = synthetic()
    redactions = dict(decisions.redactions)
    redactions[MessageId(2)] = tuple(
        r for r in redactions[MessageId(2)] if r.field is not ProposalField.SENDER
    )
    bundle = build_render_bundle(case, messages, replace(decisions, redactions=redactions), False)
    entry = bundle.conversations[0].messages[1]
    assert entry.sender == "[REDACTED · Sch 2 Pt 3 para 16]"
    assert any(c.field == "sender" for c in bundle.auto_catches)


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
