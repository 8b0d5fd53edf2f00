"""A post or trade before a name is cut off the name; the name stays whole (round 18).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.leading_posts import without_leading_post
from sar_desk.detect.relabel import trim_span

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _cut(value: str) -> str:
    start, end = without_leading_post(value, 0, len(value))
    return value[start:end]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Club Treasurer Okonkwo", "Okonkwo"),  # a qualifier, a post of the list, a name
        ("Head Glazier Wilhelmina Brackley", "Wilhelmina Brackley"),  # an honorific qualifies
        ("Florist Tamsin", "Tamsin"),  # a lone trade, no qualifier
        ("Lead Thatcher Ngozi", "Ngozi"),  # an agent noun no list has as a post
        ("Master Saddler Yusuf", "Yusuf"),  # "Master" qualifies a trade here
        ("Head Signwriter Oluwadamilare", "Oluwadamilare"),  # a compound trade by its ending
        ("Deputy Head Gardener Priyanka Osei", "Priyanka Osei"),  # up to the last head
        ("club treasurer priyanka osei", "priyanka osei"),  # typed in lower case
        ("Head Chef Rose Mabry", "Rose Mabry"),  # a given name that is a word is no qualifier
    ],
)
def test_the_post_before_a_name_is_cut_off(span: str, name: str) -> None:
    assert _cut(span) == name


@pytest.mark.parametrize(
    "span",
    [
        "Rose Baker",  # a given name, then a family name that is a trade
        "Porter Jones",  # a lone post word a family-name list has is the name
        "Hunter Okafor",  # a given name that is an agent noun
        "Master Tom",  # an honorific right before the name: the title rules read it
        "Nurse Ratchford",
        "Mrs Baker",  # a title
        "Father Ryan",  # a word of kin or a religious title
        "Brother Tom",
        "Head Cider Maker",  # nothing left that reads as a name: refused as a unit elsewhere
        "Tamsin Okafor",  # no post at all
        "Florist Shop",  # what follows is a word, not a name
        "Clover Rahman",  # a given name no list has that ends like a trade
        "Juniper Okafor",
        "Thanks Clover Rahman",  # a word before it that qualifies no post
        "Thatcher Ngozi",  # a trade by its ending alone, with no qualifier: maybe a name
    ],
)
def test_names_and_titled_names_are_unchanged(span: str) -> None:
    assert _cut(span) == span


def test_a_qualifier_the_model_left_out_still_makes_a_trade_a_post() -> None:
    text = "Lead Signwriter Oluwadamilare off Friday"
    start = text.index("Signwriter")
    a, b = without_leading_post(text, start, text.index(" off"))
    assert text[a:b] == "Oluwadamilare"
    text = "Clover Rahman off Friday"  # nothing before: a given name
    assert without_leading_post(text, 0, text.index(" off")) == (0, text.index(" off"))


def test_ner_span_running_from_a_post_into_a_name_is_trimmed_to_the_name() -> None:
    text = "cash paid in, Club Treasurer Okonkwo wants it on the books"
    start = text.index("Club")
    a, b = trim_span(text, start, text.index(" wants"))
    assert text[a:b] == "Okonkwo"


def test_posts_before_names_are_not_proposed_but_the_names_are_end_to_end(
    real_detector: object,
) -> None:
    from sar_desk.core.model import MessageId, Regime
    from sar_desk.detect.analyze import analyze_all
    from sar_desk.detect.case_terms import CaseContext

    texts = [
        "the float is short, Club Treasurer Okonkwo wants it on the books",
        "wedding consult Thursday, Head Florist Tamsin Blackwood to quote",
        "Lead Signwriter Oluwadamilare off Friday, cover needed",
    ]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    found = analyze_all(real_detector, items, CaseContext(Regime.SAR, ()))  # type: ignore[arg-type]
    people = [f.text for f in found if f.entity_type == "PERSON"]
    for post in ("Club", "Treasurer", "Florist", "Signwriter", "Lead"):
        assert not any(post in p for p in people), people
    for name in ("Okonkwo", "Tamsin Blackwood", "Oluwadamilare"):
        assert any(name in p for p in people), people
