"""What a bundle is built from: the inputs handed over by `app` and the caseworker's options.

Export depends only on these plain records and on `core`; it never reads review's tables.
Every time that ends up in a file comes from `BundleOptions.generated_at`, so the same inputs
give byte-identical bundles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sar_desk.core.disclosure import DisclosureDecisions, ReasonCode
from sar_desk.core.errors import BadInputError
from sar_desk.core.legitimate_interests import LegitimateInterestsTest
from sar_desk.core.model import Case, Message, Source
from sar_desk.core.organisation import (
    DEFAULT_RECIPIENTS,
    DEFAULT_SOURCE,
    DEMO_PROFILE,
    OrgProfile,
    purposes_text,
)
from sar_desk.core.outcome import Outcome
from sar_desk.core.scope import ScopeExclusion

if TYPE_CHECKING:
    # Image and PDF libraries load only to export; these are annotations only.
    from sar_desk.export.attachment_render import AttachmentOutcome
    from sar_desk.export.image_checks import ImageReader


@dataclass(frozen=True, slots=True)
class Organisation:
    """Who is answering, as the cover letter prints it (built from the organisation profile).

    Every field defaults to empty: a letter built without a profile blocks on its first empty
    mandatory section rather than printing anyone's details. `DEMO_ORGANISATION` is the demo's.

    Attributes:
        controller_name: The data controller / public authority.
        controller_address: Postal address for correspondence.
        dpo_contact: How to reach the Data Protection Officer.
        complaints_contact: Where to complain to the controller (s.164A DPA 2018).
        internal_review_contact: Where to ask for an FOI/EIR/FOISA/EISR review.
        retention: Retention period or criteria for the chat records (Art. 15(1)(d)).
        signatory: Name or role that signs the letter.
        purposes: Why the data is processed (Art. 15(1)(a)).
        recipients: Who it is shared with (Art. 15(1)(c)).
        source: Where it came from (Art. 15(1)(g)).
        automated_decisions: Automated decision-making, if any (Art. 15(1)(h)).
        transfers: Transfers outside the UK and safeguards (Art. 15(2)).
    """

    controller_name: str = ""
    controller_address: str = ""
    dpo_contact: str = ""
    complaints_contact: str = ""
    internal_review_contact: str = ""
    retention: str = ""
    signatory: str = ""
    purposes: str = ""
    recipients: str = ""
    source: str = ""
    automated_decisions: str = ""
    transfers: str = ""

    @classmethod
    def from_profile(cls, profile: OrgProfile) -> Organisation:
        """The letter's view of an organisation profile (contacts composed from its e-mails)."""
        name = profile.name.strip()
        requests = ", ".join(filter(None, [name, profile.requests_email.strip()]))
        return cls(
            controller_name=name,
            controller_address=profile.address.strip(),
            dpo_contact=(
                f"Data Protection Officer, {name}, {profile.dpo_email.strip()}"
                if profile.dpo_email.strip()
                else ""
            ),
            complaints_contact=profile.complaints_text.strip() or requests,
            internal_review_contact=requests if profile.requests_email.strip() else "",
            retention=profile.retention_text.strip(),
            signatory=profile.signatory.strip()
            or (f"Information Governance, {name}" if name else ""),
            purposes=purposes_text(profile),
            recipients=profile.recipients.strip() or DEFAULT_RECIPIENTS,
            source=profile.source.strip() or DEFAULT_SOURCE,
            automated_decisions=profile.automated_decisions.strip(),
            transfers=profile.transfers.strip(),
        )


@dataclass(frozen=True, slots=True)
class BundleOptions:
    """How to build a bundle.

    Attributes:
        generated_at: The export time written into every file (an input, for reproducibility).
        organisation: Controller details for the letter (empty unless given).
        pseudonyms: Show each redacted person as one consistent label ("Person A",
            "Officer 1") instead of markers; on by default (issue 13 item 7).
        large_print: Larger type and line spacing in the PDF and HTML (reasonable adjustment).
        html: Also produce the accessible HTML version.
        encrypt: Seal the requester pack: its PDFs AES-256 encrypted with a password sent
            separately, no plain copy left in the pack (see `export.sealing`).
        encrypt_extras: With `encrypt`, put the pack's other files (HTML version, RSMF) in an
            AES-256 zip with the same password; otherwise they are left out of the pack.
        pack_password: The password to use (None: a new one is made). Never stored.
        rsmf: Also produce an RSMF 2.0 export of the redacted conversations.
        letter_date: Date printed on the letter (default: the date of `generated_at`).
        information_held: FOI confirm/deny: whether the information is held.
        advice: FOI s.16 advice and assistance text, when relevant.
    """

    generated_at: datetime
    organisation: Organisation = field(default_factory=Organisation)
    pseudonyms: bool = True
    large_print: bool = False
    html: bool = True
    encrypt: bool = False
    encrypt_extras: bool = False
    pack_password: str | None = field(default=None, repr=False)
    rsmf: bool = False
    letter_date: date | None = None
    information_held: bool = True
    advice: str = ""

    def __post_init__(self) -> None:
        if self.pack_password is not None:
            check_password(self.pack_password)


MIN_PASSWORD = 12
_MAX_PASSWORD_BYTES = 127  # PDF revision 6 uses at most 127 bytes of the UTF-8 password


def check_password(password: str) -> str:
    """Return `password` if it is fit to protect a requester pack.

    Raises:
        BadInputError: It is too short, too long or holds control characters.
    """
    if len(password) < MIN_PASSWORD:
        raise BadInputError(
            f"The pack password is too short: use at least {MIN_PASSWORD} characters, or let "
            "SAR Desk make one."
        )
    if len(password.encode("utf-8")) > _MAX_PASSWORD_BYTES or not password.isprintable():
        raise BadInputError(
            "The pack password must be printable characters only and at most "
            f"{_MAX_PASSWORD_BYTES} bytes long."
        )
    return password


@dataclass(frozen=True, slots=True)
class Versions:
    """Versions recorded in the manifest and safety report."""

    tool: str
    model: str = "none"
    code_table: str = "unknown"


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One logged search, as the cover letter and the search log need it.

    Attributes:
        searched_at: When it was run.
        user: Who ran it.
        systems: Platforms or systems searched ("whatsapp", "teams").
        date_from: First day covered, if limited.
        date_to: Last day covered, if limited.
        result_count: How many messages matched.
        terms: The search terms (internal log only: they may name third parties).
        description: Free-text note (internal log only).
    """

    searched_at: datetime
    user: str
    systems: tuple[str, ...]
    date_from: date | None
    date_to: date | None
    result_count: int
    terms: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class BundleInputs:
    """Everything a bundle is made from, handed over by `app`.

    Attributes:
        case: The case record.
        messages: At least every in-scope message (others are ignored).
        decisions: The approved review decisions.
        searches: The search log.
        versions: Tool, model and code-table versions.
        sources: The imported sources (for custodians in the index).
        case_path: The case folder, recorded in the internal part of the manifest.
        resources: The ``resources/`` folder (fonts, letter templates); `app` resolves it.
        outcome: How an FOI-type request is answered (None: held).
        outcome_code: The reason code the outcome relies on (NCND and refusals).
        ncnd_provision: The exemption's own neither-confirm-nor-deny provision (NCND only).
        legitimate_interests: The recorded legitimate-interests test per code.
        needs_legitimate_interests: Codes whose notice must print that test.
        exclusions: Messages excluded as not relevant, with their second-person approval
            (listed in the internal record, issue 13 item 8).
        detection: How far detection covered the disclosure set, and any DPO decision to
            export without it (copied into the internal records).
        elusion: Every elusion test with its sample, verdicts and estimated miss rate
            (issue 15 item 5b), copied into the internal records; empty when none.
        signing_key: The case's Ed25519 private key (raw), to sign the manifest; None for
            an unsigned bundle.
        audit_head: The case's audit head when exported (entry and hash), copied into the
            manifest so the log can later be checked against it.
        attachments: Every attachment with an approved decision, with the bytes of images
            to disclose (`attachment_render.place_attachments`).
        ocr: Reads the text of the pack's images for the leak check; None checks their
            metadata only.
    """

    case: Case
    messages: tuple[Message, ...]
    decisions: DisclosureDecisions
    searches: tuple[SearchRecord, ...] = ()
    versions: Versions = field(default_factory=lambda: Versions(tool="0"))
    sources: tuple[Source, ...] = ()
    case_path: str = ""
    resources: Path = Path("resources")
    outcome: Outcome | None = None
    outcome_code: ReasonCode | None = None
    ncnd_provision: str = ""
    legitimate_interests: dict[str, LegitimateInterestsTest] = field(default_factory=dict)
    needs_legitimate_interests: frozenset[str] = frozenset()
    exclusions: tuple[ScopeExclusion, ...] = ()
    detection: dict[str, Any] = field(default_factory=dict)
    elusion: dict[str, Any] = field(default_factory=dict)
    signing_key: bytes | None = field(default=None, repr=False)
    audit_head: dict[str, Any] | None = None
    attachments: tuple[AttachmentOutcome, ...] = ()
    ocr: ImageReader | None = field(default=None, repr=False)


DEMO_ORGANISATION = Organisation.from_profile(DEMO_PROFILE)
