"""In a SAR no proposal holds the requester's words, even when a span runs them into others."""

from __future__ import annotations

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.policy import apply_policy

ODILE = KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Odile Fenwick-Tarr",))
VAN = KnownPerson(PersonId(2), PersonRole.REQUESTER, names=("Pieter van der Berg",))
STAFF = KnownPerson(PersonId(3), PersonRole.STAFF, names=("Kasimir Bleddyn",))


def _context(requester: KnownPerson, regime: Regime = Regime.SAR) -> CaseContext:
    return CaseContext(regime, (requester, STAFF), requester.names, region="GB")


def _finding(text: str, span: str, person: PersonId | None = None) -> Finding:
    """A PERSON guess on `span` in `text`, tied to `person` when the case's matcher saw one."""
    start = text.index(span)
    return Finding(
        MessageId(1),
        ProposalField.TEXT,
        start,
        start + len(span),
        span,
        "PERSON",
        0.85,
        "t",
        person_id=person,
    )


def _proposed(text: str, span: str, requester: KnownPerson = ODILE) -> list[str]:
    found = _finding(text, span)
    out = apply_policy([found], _context(requester))
    for f in out:
        assert f.start is not None
        assert text[f.start : f.end] == f.text
    return [f.text for f in out]


def test_a_span_of_another_person_and_the_requester_keeps_only_the_other() -> None:
    text = "its Kasimir Bleddyn Odile came in about her data"
    assert _proposed(text, "Kasimir Bleddyn Odile") == ["Kasimir Bleddyn"]


def test_the_requesters_full_name_run_into_the_next_word_is_dropped() -> None:
    text = "saw Odile Fenwick-Tarr today"
    assert _proposed(text, "Odile Fenwick-Tarr today") == []


def test_hyphenated_halves_and_lower_case_are_the_requesters_words() -> None:
    text = "ask kasimir about tarr and Zuleika"
    assert _proposed(text, "tarr and Zuleika") == ["Zuleika"]
    text = "FENWICK-TARR KASIMIR rang"
    assert _proposed(text, "FENWICK-TARR KASIMIR") == ["KASIMIR"]


def test_a_possessive_of_the_requester_is_cut_too() -> None:
    text = "Odile's Kasimir Bleddyn note"
    assert _proposed(text, "Odile's Kasimir Bleddyn") == ["Kasimir Bleddyn"]


def test_a_particle_surname_is_cut_as_a_whole() -> None:
    text = "Mr van der Berg and Zuleika Amadi"
    assert _proposed(text, "Mr van der Berg and Zuleika Amadi", VAN) == ["Zuleika Amadi"]
    text = "pieter van der berg"
    assert _proposed(text, text, VAN) == []


def test_a_title_left_alone_is_no_name() -> None:
    text = "Dear Ms Odile"
    assert _proposed(text, "Ms Odile") == []


def test_a_name_run_together_with_the_requesters_spelling_is_cut() -> None:
    text = "from odilefenwicktarr Zuleika"
    assert _proposed(text, "odilefenwicktarr Zuleika") == ["Zuleika"]


def test_spans_without_the_requester_are_untouched() -> None:
    text = "Zuleika Amadi and Kasimir Bleddyn"
    assert _proposed(text, text) == [text]


def test_foi_keeps_the_span_whole() -> None:
    found = Finding(MessageId(1), ProposalField.TEXT, 0, 13, "Odile Zuleika", "PERSON", 0.8, "t")
    out = apply_policy([found], _context(ODILE, Regime.FOI))
    assert [f.text for f in out] == ["Odile Zuleika"]


def test_a_span_tied_to_the_requester_keeps_the_other_name_untied() -> None:
    text = "its Kasimir Odile Fenwick-Tarr came in"  # staff Kasimir Bleddyn, then the requester
    # The case's matcher saw the requester's name inside it, so the span is tied to them.
    found = _finding(text, "Kasimir Odile Fenwick-Tarr", PersonId(1))
    out = apply_policy([found], _context(ODILE))
    assert [(f.text, f.person_id) for f in out] == [("Kasimir", None)]


def test_what_is_left_must_be_name_like_at_both_ends() -> None:
    text = "SAR from Mrs Odile Fenwick-Tarr logged"
    assert _proposed(text, "SAR from Mrs Odile Fenwick-Tarr") == []
    text = "logged Odile's SAR today"
    assert _proposed(text, "Odile's SAR") == []
    text = "cc Odile Fenwick-Tarr, Zuleika Amadi re: the file"
    assert _proposed(text, "Odile Fenwick-Tarr, Zuleika Amadi re") == ["Zuleika Amadi"]


def test_a_title_or_rank_left_alone_is_no_name() -> None:
    text = "Revd Odile Fenwick-Tarr rang"
    assert _proposed(text, "Revd Odile Fenwick-Tarr") == []
    text = "Sgt Odile Fenwick-Tarr rang"
    assert _proposed(text, "Sgt Odile Fenwick-Tarr") == []


def test_a_span_tied_to_the_requester_drops_a_word_no_known_person_has() -> None:
    text = "its Marguerite Odile Fenwick-Tarr came in"  # perhaps her own middle name
    found = _finding(text, "Marguerite Odile Fenwick-Tarr", PersonId(1))
    assert apply_policy([found], _context(ODILE)) == []


def test_the_requesters_name_stretched_is_theirs() -> None:
    text = "ODILEEEE 🎉 welcome back"
    assert _proposed(text, "ODILEEEE") == []
    text = "Odileee and Zuleika came"
    assert _proposed(text, "Odileee and Zuleika") == ["Zuleika"]


def test_a_link_holding_the_requesters_name_is_theirs() -> None:
    for link, kept in (("odile.fe", []), ("www.fenwick-tarr.example", []), ("example.org", [1])):
        found = Finding(MessageId(1), ProposalField.TEXT, 0, len(link), link, "URL", 0.5, "t")
        assert len(apply_policy([found], _context(ODILE))) == len(kept)
