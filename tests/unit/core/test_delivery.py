"""The delivery record's rules (R64): who, how, when, and the password's channel, never itself."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta, timezone

import pytest

from sar_desk.core.delivery import (
    Delivery,
    DeliveryInput,
    DeliveryMethod,
    ExportMade,
    PasswordChannel,
    check_delivery,
)
from sar_desk.core.errors import BadInputError

EXPORTED = datetime(2026, 6, 1, 13, 30, 45, tzinfo=UTC)
NOW = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
PLAIN = ExportMade("exp-1", EXPORTED, encrypted=False)
LOCKED = ExportMade("exp-2", EXPORTED, encrypted=True)
BST = timezone(timedelta(hours=1))


def given(**changes: object) -> DeliveryInput:
    values: dict[str, object] = {
        "method": DeliveryMethod.SECURE_EMAIL,
        "recipient": "  alex.morgan@example.org ",
        "sent_at": datetime(2026, 6, 1, 15, 0, tzinfo=BST),
        "password_channel": None,
        "note": " receipt 42 ",
    }
    values.update(changes)
    return DeliveryInput(**values)  # type: ignore[arg-type]


def test_a_plain_pack_delivery_is_cleaned_and_kept() -> None:
    checked = check_delivery(given(), PLAIN, NOW)
    assert checked.recipient == "alex.morgan@example.org"
    assert checked.note == "receipt 42"
    assert checked.sent_at == datetime(2026, 6, 1, 14, 0, tzinfo=UTC)


def test_an_encrypted_pack_needs_the_passwords_channel() -> None:
    with pytest.raises(BadInputError, match="how the password was sent separately"):
        check_delivery(given(), LOCKED, NOW)
    checked = check_delivery(given(password_channel=PasswordChannel.PHONE), LOCKED, NOW)
    assert checked.password_channel is PasswordChannel.PHONE


def test_a_plain_pack_has_no_password_to_send() -> None:
    with pytest.raises(BadInputError, match="no password"):
        check_delivery(given(password_channel=PasswordChannel.TEXT_MESSAGE), PLAIN, NOW)


@pytest.mark.parametrize("recipient", ["", "   ", "x" * 301])
def test_the_recipient_is_required_and_bounded(recipient: str) -> None:
    with pytest.raises(BadInputError):
        check_delivery(given(recipient=recipient), PLAIN, NOW)


def test_a_pack_cannot_be_sent_before_it_was_exported_or_in_the_future() -> None:
    with pytest.raises(BadInputError, match="it was exported at"):
        check_delivery(given(sent_at=datetime(2026, 6, 1, 14, 29, tzinfo=BST)), PLAIN, NOW)
    # The same minute as the export is fine (a time typed to the minute).
    check_delivery(given(sent_at=datetime(2026, 6, 1, 14, 30, tzinfo=BST)), PLAIN, NOW)
    with pytest.raises(BadInputError, match="in the future"):
        check_delivery(given(sent_at=NOW + timedelta(hours=1)), PLAIN, NOW)
    check_delivery(given(sent_at=NOW + timedelta(minutes=4)), PLAIN, NOW)


def test_a_time_without_its_zone_is_refused() -> None:
    with pytest.raises(BadInputError, match="time zone"):
        check_delivery(given(sent_at=datetime(2026, 6, 1, 15, 0)), PLAIN, NOW)


def test_no_field_of_the_record_can_hold_a_password() -> None:
    # The password is never asked for, so nothing may be named after it except the channel.
    names = {f.name for f in fields(Delivery)}
    assert {n for n in names if "password" in n} == {"password_channel"}
    assert all(isinstance(c.label, str) for c in PasswordChannel)


def test_the_sentence_says_how_to_whom_when_and_the_password_channel() -> None:
    record = Delivery(
        1,
        "exp-2",
        DeliveryMethod.TRACKED_POST,
        "Alex Morgan, 1 High St",
        datetime(2026, 6, 1, 15, 0, tzinfo=BST),
        PasswordChannel.TEXT_MESSAGE,
        "",
        "dpo",
        NOW,
    )
    assert record.sentence() == (
        "Tracked or signed-for post to Alex Morgan, 1 High St on 01 Jun 2026 at 15:00; "
        "password sent separately by text message (recorded by dpo)"
    )
