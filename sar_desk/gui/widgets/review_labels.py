"""Plain-language words for the review screen: what a proposal is, why, and which code.

The window names codes by their title and statutory marker, never by their internal id, and
entity types as a reviewer would say them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.app.api import ItemView
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.findings import ProposalField

ENTITY_NAMES = {
    "PERSON": "a person's name",
    "PHONE_NUMBER": "a phone number",
    "EMAIL_ADDRESS": "an e-mail address",
    "LOCATION": "a place",
    "UK_POSTCODE": "a postcode",
    "UK_NHS": "an NHS number",
    "UK_NINO": "a National Insurance number",
    "IBAN_CODE": "a bank account number",
    "CREDIT_CARD": "a card number",
    "DATE_TIME": "a date",
    "URL": "a web address",
    "IP_ADDRESS": "an IP address",
    "MANUAL": "text redacted by hand",
    "MESSAGE": "the whole message",
}

# The queue's Type column and the progress line: a word or two, so the column fits at 1280x720.
SHORT_TYPES = {
    "PERSON": "Name",
    "PHONE_NUMBER": "Phone",
    "EMAIL_ADDRESS": "E-mail",
    "LOCATION": "Place",
    "STREET_ADDRESS": "Address",
    "UK_POSTCODE": "Postcode",
    "UK_NHS": "NHS no.",
    "UK_NINO": "NI no.",
    "IBAN_CODE": "Bank acct.",
    "CREDIT_CARD": "Card no.",
    "DATE_TIME": "Date",
    "URL": "Web address",
    "IP_ADDRESS": "IP address",
    "MANUAL": "By hand",
    "MESSAGE": "Message",
}


def short_type(entity_type: str) -> str:
    """An entity type in a word or two ("Phone"), for the queue and the progress line."""
    return SHORT_TYPES.get(entity_type, entity_type.replace("_", " ").capitalize())


FIELD_NAMES = {
    ProposalField.TEXT: "message text",
    ProposalField.SENDER: "sender line",
    ProposalField.MENTION: "mentions",
    ProposalField.REACTION: "reactions",
    ProposalField.ATTACHMENT: "attachment",
    ProposalField.CONVERSATION: "conversation title",
}


def entity_name(entity_type: str) -> str:
    """What a proposal's entity type means, in words ("a phone number")."""
    return ENTITY_NAMES.get(entity_type, entity_type.replace("_", " ").lower())


def code_name(code: str | None, codes: Sequence[ReasonCode]) -> str:
    """A code's plain title and statutory marker, never its internal id."""
    if not code:
        return ""
    match = next((c for c in codes if c.code == code), None)
    return f"{match.title} ({match.marker})" if match else "a reason code of another table"


def proposal_reason(view: ItemView, codes: Sequence[ReasonCode]) -> str:
    """One line: what the proposal is, where, and why (the code and rationale once decided)."""
    where = FIELD_NAMES.get(view.item.field, str(view.item.field))
    found = (
        "added by hand"
        if view.item.recognizer == "manual"
        else "found by detection"
        + (f", confidence {view.item.score:.0%}" if view.item.score is not None else "")
    )
    line = f"{entity_name(view.item.entity_type).capitalize()} in the {where}, {found}"
    if view.state.code:
        line += f"; {code_name(view.state.code, codes)}"
        if view.state.rationale:
            line += f": {view.state.rationale}"
    if view.state.note:
        line += f" — {view.state.note}"
    return line
