"""How a disclosure pack reached the requester (R64): the record and the rules it must meet.

The ICO's audit toolkit ("Supplying information") expects the controller to be able to show how,
to whom and when the pack was sent, and that a password protecting it travelled another way.
A delivery record says exactly that and nothing more: the password itself is never recorded;
for an encrypted pack only the channel it went by is, chosen from a fixed list, so no free
text can carry it into the case either.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sar_desk.core.errors import BadInputError

MAX_RECIPIENT = 300
MAX_NOTE = 1000
CLOCK_SKEW = timedelta(minutes=5)
"""A delivery time this far ahead of the computer's clock is still accepted (clocks differ)."""


class DeliveryMethod(enum.StrEnum):
    """How the pack was sent."""

    SECURE_EMAIL = "secure-email"
    EMAIL = "email"
    SECURE_TRANSFER = "secure-transfer"
    TRACKED_POST = "tracked-post"
    POST = "post"
    BY_HAND = "by-hand"

    @property
    def label(self) -> str:
        """The method in words."""
        return {
            DeliveryMethod.SECURE_EMAIL: "Secure e-mail",
            DeliveryMethod.EMAIL: "E-mail",
            DeliveryMethod.SECURE_TRANSFER: "Secure file transfer or portal",
            DeliveryMethod.TRACKED_POST: "Tracked or signed-for post",
            DeliveryMethod.POST: "Post",
            DeliveryMethod.BY_HAND: "By hand",
        }[self]


class PasswordChannel(enum.StrEnum):
    """How an encrypted pack's password was sent, separately from the pack."""

    PHONE = "phone"
    TEXT_MESSAGE = "text-message"
    SEPARATE_EMAIL = "separate-email"
    POST = "post"
    IN_PERSON = "in-person"

    @property
    def label(self) -> str:
        """The channel in words, as it completes "password sent separately by ..."."""
        return {
            PasswordChannel.PHONE: "phone call",
            PasswordChannel.TEXT_MESSAGE: "text message",
            PasswordChannel.SEPARATE_EMAIL: "a separate e-mail",
            PasswordChannel.POST: "post",
            PasswordChannel.IN_PERSON: "in person",
        }[self]


@dataclass(frozen=True, slots=True)
class Delivery:
    """One recorded delivery of an exported pack.

    Attributes:
        id: Its id.
        export_id: The export whose pack was sent.
        method: How it was sent.
        recipient: To whom (an address, e-mail or name as the pack was addressed).
        sent_at: When it was sent (time-zone aware).
        password_channel: For an encrypted pack, how its password was sent separately.
        note: Anything else worth keeping (a tracking number, a receipt).
        recorded_by: Who recorded it.
        recorded_at: When it was recorded (UTC).
    """

    id: int
    export_id: str
    method: DeliveryMethod
    recipient: str
    sent_at: datetime
    password_channel: PasswordChannel | None
    note: str
    recorded_by: str
    recorded_at: datetime

    def sentence(self) -> str:
        """The delivery in one line, for the case summary and the window."""
        line = f"{self.method.label} to {self.recipient} on {self.sent_at:%d %b %Y at %H:%M}"
        if self.password_channel is not None:
            line += f"; password sent separately by {self.password_channel.label}"
        return line + f" (recorded by {self.recorded_by})"


@dataclass(frozen=True, slots=True)
class ExportMade:
    """An export of the case, as its audit entry recorded it.

    Attributes:
        export_id: The export's id.
        at: When it was made (UTC).
        encrypted: Whether its pack is protected by a password.
    """

    export_id: str
    at: datetime
    encrypted: bool


@dataclass(frozen=True, slots=True)
class DeliveryInput:
    """A delivery as given, checked by `check_delivery` before it is stored."""

    method: DeliveryMethod
    recipient: str
    sent_at: datetime
    password_channel: PasswordChannel | None = None
    note: str = ""


def check_delivery(given: DeliveryInput, export: ExportMade, now: datetime) -> DeliveryInput:
    """The delivery cleaned up, or the reason it cannot be recorded.

    Args:
        given: What the user gave.
        export: The export whose pack was sent.
        now: The time now (aware), to refuse a delivery in the future.

    Raises:
        BadInputError: No recipient, a time without a time zone, before the export or in the
            future, an encrypted pack without the password's channel, or a channel given for
            a pack with no password.
    """
    recipient = " ".join(given.recipient.split())
    note = given.note.strip()
    if not recipient:
        raise BadInputError("Say who the pack was sent to (their e-mail, address or name).")
    if len(recipient) > MAX_RECIPIENT or len(note) > MAX_NOTE:
        raise BadInputError(
            f"The recipient must fit in {MAX_RECIPIENT} characters and the note in {MAX_NOTE}."
        )
    sent = given.sent_at
    if sent.tzinfo is None:
        raise BadInputError("The delivery time needs its time zone (for example +01:00).")
    # Compared to the minute: a time typed as 14:30 for a pack exported at 14:30:45 is right.
    if sent < export.at.replace(second=0, microsecond=0):
        raise BadInputError(
            f"The pack cannot have been sent at {sent:%d %b %Y %H:%M}: it was exported at "
            f"{export.at:%d %b %Y %H:%M} (UTC). Check the date and time."
        )
    if sent > now + CLOCK_SKEW:
        raise BadInputError(
            f"{sent:%d %b %Y %H:%M} is in the future; record a delivery once the pack has gone."
        )
    channel = given.password_channel
    if export.encrypted and channel is None:
        raise BadInputError(
            "This pack is protected by a password: say how the password was sent separately "
            "(phone call, text message...). The password itself is never recorded."
        )
    if not export.encrypted and channel is not None:
        raise BadInputError("This pack has no password, so no password was sent.")
    return DeliveryInput(given.method, recipient, sent, channel, note)
