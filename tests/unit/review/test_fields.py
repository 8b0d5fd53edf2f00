"""Words of a title or file name, found however the field writes them (issue 20 item 1)."""

from __future__ import annotations

import pytest

from sar_desk.core.disclosure import NetPlace
from sar_desk.core.errors import BadInputError
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Attachment, MessageId
from sar_desk.review.fields import field_parts
from sar_desk.review.places import _pattern, _whole
from tests.unit.detect.test_structure import message

MSG = message(
    conversation="Housing / #ruth-okoro-case",
    attachments=(Attachment("Ruth_Okoro letter.pdf", "document", True),),
)


def test_words_are_found_across_separators_and_kept_as_written() -> None:
    title = field_parts(MSG, ProposalField.CONVERSATION, "Ruth Okoro", "GB")
    assert title == ["ruth-okoro"]
    assert field_parts(MSG, ProposalField.ATTACHMENT, "ruth okoro", "GB") == ["Ruth_Okoro"]


@pytest.mark.parametrize(
    ("field", "words", "why"),
    [
        (ProposalField.CONVERSATION, "Jo Bloggs", "not in the conversation title of message 7"),
        (ProposalField.ATTACHMENT, "Housing", "not in the attachment names"),
        (ProposalField.CONVERSATION, "  ", "Give the words"),
        (ProposalField.TEXT, "Ruth", "by its offsets"),
    ],
)
def test_words_not_in_the_field_are_refused_without_echoing_them(field, words, why) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInputError, match=why) as caught:
        field_parts(MSG, field, words, "GB")
    assert "Bloggs" not in str(caught.value)


def test_a_safety_net_place_in_a_title_is_located_across_hyphens() -> None:
    place = NetPlace(
        MessageId(7), "C001", ProposalField.CONVERSATION, "PERSON", "SAR-3P", "Ruth Okoro"
    )
    spots = _whole(place, MSG, _pattern(place.term))
    assert [t for _s, _e, t, _i in spots] == ["ruth-okoro"]
