"""What a bundle is built from: the inputs handed over by `app` and the caseworker's options.

Export depends only on these plain records and on `core`; it never reads review's tables.
Every time that ends up in a file comes from `BundleOptions.generated_at`, so the same inputs
give byte-identical bundles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sar_desk.core.disclosure import DisclosureDecisions
from sar_desk.core.model import Case, Message, Source


@dataclass(frozen=True, slots=True)
class Organisation:
    """Who is answering: printed in the cover letter (demo defaults are obviously fictional).

    Attributes:
        controller_name: The data controller / public authority.
        controller_address: Postal address for correspondence.
        dpo_contact: How to reach the Data Protection Officer.
        complaints_contact: Where to complain to the controller (s.164A DPA 2018).
        internal_review_contact: Where to ask for an FOI/EIR/FOISA internal review.
        retention: Retention period or criteria for the chat records (Art. 15(1)(d)).
        signatory: Name or role that signs the letter.
    """

    controller_name: str = "Demo Borough Council"
    controller_address: str = "Town Hall, 1 High Street, Demotown DT1 1AA"
    dpo_contact: str = "Data Protection Officer, Demo Borough Council, dpo@demo-council.example"
    complaints_contact: str = (
        "Information Governance Team, Demo Borough Council, complaints@demo-council.example"
    )
    internal_review_contact: str = (
        "Internal Review Officer, Demo Borough Council, foi-review@demo-council.example"
    )
    retention: str = (
        "Workplace chat records are kept for six years from the end of the matter they relate "
        "to, in line with our retention schedule."
    )
    signatory: str = "Information Governance Team"


@dataclass(frozen=True, slots=True)
class BundleOptions:
    """How to build a bundle.

    Attributes:
        generated_at: The export time written into every file (an input, for reproducibility).
        organisation: Controller details for the letter.
        pseudonyms: Show third parties as "Person A", "Person B"... instead of markers.
        large_print: Larger type and line spacing in the PDF and HTML (reasonable adjustment).
        html: Also produce the accessible HTML version.
        encrypt: Also produce an AES-256 encrypted zip of the pack.
        save_password: Write the zip password into ``internal/`` (otherwise only returned).
        rsmf: Also produce an RSMF 2.0 export of the redacted conversations.
        letter_date: Date printed on the letter (default: the date of `generated_at`).
        information_held: FOI confirm/deny: whether the information is held.
        advice: FOI s.16 advice and assistance text, when relevant.
    """

    generated_at: datetime
    organisation: Organisation = field(default_factory=Organisation)
    pseudonyms: bool = False
    large_print: bool = False
    html: bool = True
    encrypt: bool = False
    save_password: bool = False
    rsmf: bool = False
    letter_date: date | None = None
    information_held: bool = True
    advice: str = ""


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
        detection: How far detection covered the disclosure set, and any DPO decision to
            export without it (copied into the internal records).
        signing_key: The case's Ed25519 private key (raw), to sign the manifest; None for
            an unsigned bundle.
    """

    case: Case
    messages: tuple[Message, ...]
    decisions: DisclosureDecisions
    searches: tuple[SearchRecord, ...] = ()
    versions: Versions = field(default_factory=lambda: Versions(tool="0"))
    sources: tuple[Source, ...] = ()
    case_path: str = ""
    resources: Path = Path("resources")
    detection: dict[str, Any] = field(default_factory=dict)
    signing_key: bytes | None = field(default=None, repr=False)
