"""The organisation profile: who answers requests, and its Art. 15 information (pure).

One profile per installation (kept in the user's config folder by `app.organisation`), with
optional per-case overrides. Letters take the controller's name, address, DPO and contact
routes from it, and a SAR letter takes the Art. 15(1)(a)-(h) and 15(2) information (purposes,
recipients, retention, source, automated decision-making, transfers) from it: only the
controller can state those facts, so an export refuses while the ones it needs are missing
(domain.md §2.6 and corrections 2026-12-05).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.model import Jurisdiction, Regime


class ControllerType(enum.StrEnum):
    """Whether the controller is a public authority (FOI applies) or a company."""

    PUBLIC_AUTHORITY = "public-authority"
    COMPANY = "company"


@dataclass(frozen=True, slots=True)
class OrgProfile:
    """The organisation's details. Empty strings are "not set".

    Attributes:
        name: The controller / public authority.
        address: Postal address for correspondence.
        dpo_email: The Data Protection Officer's e-mail.
        requests_email: Where requests, complaints and reviews go unless set separately.
        website: The organisation's website (optional).
        complaints_text: How to complain to the controller (DPA 2018 s.164A); optional.
        retention_text: How long chat records are kept (Art. 15(1)(d)).
        controller_type: Public authority or company; sets the default purposes.
        jurisdiction: Whose bank holidays apply to SAR deadlines by default.
        purposes: Why the data is processed (Art. 15(1)(a)); default by controller type.
        recipients: Who it is shared with (Art. 15(1)(c)); default wording if unset.
        source: Where the data came from (Art. 15(1)(g)); default wording if unset.
        automated_decisions: Whether automated decision-making is used (Art. 15(1)(h)).
        transfers: Transfers outside the UK and their safeguards (Art. 15(2)).
        signatory: Who signs letters; default "Information Governance".
        retention: How long closed cases are kept per regime (``sar=1y,foi=3y``); regimes
            not named keep `core.retention.DEFAULT_RETENTION`.
        encrypt_new_cases: "yes" (the default) or "no": whether a new case is encrypted
            at rest unless its creator chooses otherwise (`encrypts_new_cases`).
    """

    name: str = ""
    address: str = ""
    dpo_email: str = ""
    requests_email: str = ""
    website: str = ""
    complaints_text: str = ""
    retention_text: str = ""
    controller_type: str = ControllerType.PUBLIC_AUTHORITY.value
    jurisdiction: str = Jurisdiction.ENGLAND_AND_WALES.value
    purposes: str = ""
    recipients: str = ""
    source: str = ""
    automated_decisions: str = ""
    transfers: str = ""
    signatory: str = ""
    retention: str = ""
    encrypt_new_cases: str = "yes"

    def to_json(self) -> dict[str, str]:
        """Every field, for the config file."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OrgProfile:
        """Read known fields (unknown keys from a newer release are ignored)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in known and v is not None})

    def overridden(self, overrides: Mapping[str, str]) -> OrgProfile:
        """This profile with a case's non-empty overrides applied."""
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in overrides.items() if k in known and v})


def encrypts_new_cases(profile: OrgProfile | None) -> bool:
    """Whether new cases are encrypted by default (yes unless the profile says "no").

    Encryption at rest is the safe choice for chat downloads (issue 18), so a missing or
    unreadable setting means yes; only an explicit "no" turns it off.
    """
    if profile is None:
        return True
    return profile.encrypt_new_cases.strip().casefold() not in {"no", "false", "off", "0"}


# Field -> the words used when it is missing (domain words; the shells add how to set it).
FIELD_LABELS = {
    "name": "organisation name",
    "address": "postal address",
    "dpo_email": "DPO e-mail",
    "requests_email": "requests e-mail",
    "retention_text": "retention period for chat records (Art. 15(1)(d))",
    "automated_decisions": "whether automated decision-making is used (Art. 15(1)(h))",
    "transfers": "transfers outside the UK and their safeguards (Art. 15(2))",
}
_ALWAYS = ("name", "address", "dpo_email", "requests_email")
_SAR = ("retention_text", "automated_decisions", "transfers")


def missing_fields(profile: OrgProfile | None, regime: Regime) -> list[str]:
    """The required fields not set for a response under ``regime`` (all of them if no profile)."""
    needed = _ALWAYS + (_SAR if regime is Regime.SAR else ())
    if profile is None:
        return list(needed)
    return [name for name in needed if not getattr(profile, name).strip()]


def describe_missing(names: list[str]) -> str:
    """The missing fields in words."""
    return "; ".join(FIELD_LABELS[name] for name in names)


_PURPOSES = {
    ControllerType.PUBLIC_AUTHORITY.value: (
        "We hold these messages because staff used workplace chat to discuss and deliver our "
        "services, including your case. We process them to carry out our public tasks and "
        "to meet our legal obligations."
    ),
    ControllerType.COMPANY.value: (
        "We hold these messages because staff used workplace chat to run our business, "
        "including dealings that concern you. We process them for our legitimate interests in "
        "running and recording our business, to perform contracts and to meet our legal "
        "obligations."
    ),
}
DEFAULT_RECIPIENTS = (
    "Staff who need it to deal with your matter, our chat service providers acting on our "
    "instructions, and other organisations only where the law requires or allows it."
)
DEFAULT_SOURCE = (
    "The messages come from our staff's workplace chat accounts and exports of them. Some "
    "were written by you."
)


def purposes_text(profile: OrgProfile) -> str:
    """Art. 15(1)(a): the profile's purposes, or the wording for its controller type."""
    return profile.purposes.strip() or _PURPOSES.get(
        profile.controller_type, _PURPOSES[ControllerType.PUBLIC_AUTHORITY.value]
    )


DEMO_PROFILE = OrgProfile(
    name="Demo Borough Council",
    address="Town Hall, 1 High Street, Demotown DT1 1AA",
    dpo_email="dpo@demo-council.example",
    requests_email="foi@demo-council.example",
    website="https://demo-council.example",
    complaints_text=(
        "Information Governance Team, Demo Borough Council, complaints@demo-council.example"
    ),
    retention_text=(
        "Workplace chat records are kept for six years from the end of the matter they relate "
        "to, in line with our retention schedule."
    ),
    automated_decisions=(
        "We do not make decisions about you based solely on automated processing, including "
        "profiling, using these messages."
    ),
    transfers=(
        "Where our chat providers store data outside the UK, the transfer is protected by UK "
        "adequacy regulations or the International Data Transfer Agreement."
    ),
    signatory="Information Governance Team",
)


class OrganisationIncompleteError(ExportBlockedError):
    """Export needs organisation details that are not set (naming them in `missing`)."""

    code = "organisation-incomplete"

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            "The organisation profile is not complete, so the letter cannot say who is "
            f"answering and what it does with the data. Missing: {describe_missing(missing)}."
        )
