"""E-mail addresses spelt out ("x at example dot com", "x [at] example [dot] org")."""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.policy import apply_policy
from sar_desk.detect.recognizers import CUSTOM_RECOGNIZERS
from sar_desk.detect.recognizers.spelt_emails import SpeltEmailRecognizer, written_address


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, ent, _sc in SpeltEmailRecognizer().spans(text)]


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "her email's dawnchorus_71 at example dot com (she typed it like that)",
            "dawnchorus_71 at example dot com",
        ),
        ("send to x [at] example [dot] co [dot] uk please", "x [at] example [dot] co [dot] uk"),
        ("mail x(at)example(dot)org now", "x(at)example(dot)org"),
        ("it's jo AT example DOT com", "jo AT example DOT com"),
        ("jo.b at gmail.com is her personal one", "jo.b at gmail.com"),
        ("try sam at gmail dot com", "sam at gmail dot com"),
        ("priya at smithandco dot co dot uk", "priya at smithandco dot co dot uk"),
        ("DAWN_71 AT EXAMPLE DOT COM", "DAWN_71 AT EXAMPLE DOT COM"),
        ("it was kay at example dot co dot uk.", "kay at example dot co dot uk"),
        ("x {at} example {dot} net", "x {at} example {dot} net"),
    ],
)
def test_spelt_out_addresses_are_found(text: str, value: str) -> None:
    assert _found(text) == [value]


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    "text",
    [
        "meet at the pub dot com",  # no domain shape
        "look at bbc dot co dot uk",  # a verb before "at": a website, said
        "we met at home dot com lol",
        "staying at hotels dot com",
        "arrive at nine dot com",
        "I was at work.co op later",  # only the @ spelt, prose before it
        "see you at 5. com on",
        "at example dot com",  # no local part
        "jo@example.com",  # a written address is Presidio's
        "at example dot com dot com dot",
    ],
)
def test_prose_with_at_and_dot_is_no_address(text: str) -> None:
    assert _found(text) == []


def test_the_recogniser_is_registered_and_in_the_set(registry_path: Path) -> None:
    assert CUSTOM_RECOGNIZERS["SpeltEmailRecognizer"] is SpeltEmailRecognizer
    assert "- SpeltEmailRecognizer" in registry_path.read_text(encoding="utf-8")


def test_the_requesters_own_address_spelt_out_is_never_proposed_in_a_sar() -> None:
    alex = KnownPerson(
        PersonId(1),
        PersonRole.REQUESTER,
        names=("Alex Morgan",),
        emails=("alex.morgan@example.org",),
    )
    context = CaseContext(Regime.SAR, (alex,), ("Alex Morgan", "alex.morgan@example.org"))

    def spelt(text: str) -> Finding:
        return Finding(
            MessageId(1), ProposalField.TEXT, 0, len(text), text, "EMAIL_ADDRESS", 0.7, "t"
        )

    own = [spelt("alex.morgan at example dot org"), spelt("alex.morgan [at] example [dot] org")]
    other = spelt("sam.patel at example dot org")
    assert [f.text for f in apply_policy([*own, other], context)] == [other.text]
    assert written_address("x [at] example [dot] co [dot] uk") == "x@example.co.uk"
    assert written_address("meet at the pub") is None
