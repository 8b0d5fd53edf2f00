"""Reason codes as versioned data: loading, scoping to a regime, defaults (R29-R30, R70).

The table lives in ``resources/codes/codes-vN.json`` so that a change in the law is a data
release, and each case records the version it used. Loading is pure (the caller finds the file);
every code comes back as a `core.disclosure.ReasonCode`, the record export prints from.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.errors import BadInputError, NotFoundError
from sar_desk.core.model import Regime

NOT_IN_SCOPE = "NOT-IN-SCOPE"
DUPLICATE = "DUPLICATE"
MARKER_KIND = "marker"


class CodeUse(enum.StrEnum):
    """What a code may be attached to."""

    ITEM = "item"  # a redaction or a withheld message
    REQUEST = "request"  # a request-level refusal (s.12, s.14, MUE): never a redaction
    DISCLOSE = "disclose"  # a reason to disclose (para 17): never a redaction


class Situation(enum.StrEnum):
    """Whose data a proposal is, for picking the regime's default code (domain.md 2.4)."""

    THIRD_PARTY = "third-party"
    REQUESTER = "requester"


@dataclass(frozen=True, slots=True)
class CodeTable:
    """One version of the reason-code table.

    Attributes:
        version: The table's version id, recorded per case and per decision (R70).
        codes: Every code by id.
        uses: What each code may be attached to.
        verified: Whether the statutory reference was checked against the legislation.
        qualified_person: Codes that need a qualified person's opinion (FOIA s.36, R32).
        ncnd: The exemption's own neither-confirm-nor-deny provision, by code (e.g.
            FOI-40-2 -> s.40(5B)); a code absent here cannot ground an NCND response.
        legitimate_interests: Codes (s.40(2), reg 13, s.38(1)(b), EISR reg 11(2)) whose use
            needs the recorded legitimate-interests test (ICO s.40 / reg 13 guidance).
        not_for_emissions: Exceptions that cannot withhold information on emissions (EIR
            reg 12(9); EISR reg 10(6)).
        defaults: Default code per regime and situation.
        markers: Marker texts for the non-exemption markers by id.
    """

    version: str
    codes: Mapping[str, ReasonCode]
    uses: Mapping[str, CodeUse]
    verified: Mapping[str, bool]
    qualified_person: frozenset[str]
    defaults: Mapping[tuple[Regime, Situation], str]
    markers: Mapping[str, Mapping[str, str]]
    ncnd: Mapping[str, str] = field(default_factory=dict)
    legitimate_interests: frozenset[str] = frozenset()
    not_for_emissions: frozenset[str] = frozenset()

    def for_regime(self, regime: Regime) -> list[ReasonCode]:
        """The codes a case under `regime` may use (R30), in table order."""
        return [c for c in self.codes.values() if c.regime == regime]

    def get(self, code: str, regime: Regime, use: CodeUse = CodeUse.ITEM) -> ReasonCode:
        """Look a code up for a case, refusing codes of another regime or the wrong use.

        Raises:
            NotFoundError: No such code.
            BadInputError: The code belongs to another regime, or cannot justify a redaction.
        """
        found = self.codes.get(code.strip().upper())
        if found is None:
            raise NotFoundError(
                f"There is no reason code {code!r} in table {self.version}. Choose one of the "
                f"{regime.name} codes: {', '.join(c.code for c in self.for_regime(regime))}."
            )
        if found.regime != regime:
            raise BadInputError(
                f"{found.code} ({found.reference}) is a {found.regime.name} code, but this is a "
                f"{regime.name} case: codes are scoped to the case's regime (R30). Use a "
                f"{regime.name} code such as {self.default(regime)}."
            )
        actual = self.uses[found.code]
        if use is CodeUse.ITEM and actual is not CodeUse.ITEM:
            why = (
                "is a reason to disclose, not to redact"
                if actual is CodeUse.DISCLOSE
                else "refuses a whole request; it is not a reason to redact part of a message"
            )
            raise BadInputError(f"{found.code} ({found.reference}) {why}. Choose another code.")
        return found

    def default(self, regime: Regime, situation: Situation = Situation.THIRD_PARTY) -> str | None:
        """The default code for a regime and situation, or None when the default is to disclose."""
        return self.defaults.get((regime, situation))

    def marker(self, name: str, regime: Regime) -> ReasonCode:
        """The "not in scope" or "duplicate" marker as a code record (never an exemption, R40)."""
        data = self.markers[name]
        return ReasonCode(
            code=name,
            regime=regime,
            reference=data["reference"],
            marker=data["marker"],
            title=data["title"],
            summary=data["summary"],
            kind=MARKER_KIND,
            public_interest_test=False,
            source=data["source"],
        )

    def is_exemption(self, code: str) -> bool:
        """Whether a code id is a legal exemption (markers and disclose reasons are not)."""
        found = self.codes.get(code)
        return found is not None and found.kind != MARKER_KIND and code not in self.markers


def parse_code_table(data: Mapping[str, Any]) -> CodeTable:
    """Build a table from its JSON form.

    Raises:
        BadInputError: The table is malformed (missing fields, unknown regime, duplicate code).
    """
    try:
        version = str(data["version"])
        codes: dict[str, ReasonCode] = {}
        uses: dict[str, CodeUse] = {}
        verified: dict[str, bool] = {}
        qualified: set[str] = set()
        ncnd: dict[str, str] = {}
        flagged: dict[str, set[str]] = {"legitimate_interests": set(), "not_for_emissions": set()}
        for raw in data["codes"]:
            code = str(raw["code"]).upper()
            if code in codes:
                raise BadInputError(f"Reason-code table {version} lists {code} twice.")
            codes[code] = ReasonCode(
                code=code,
                regime=Regime(raw["regime"]),
                reference=raw["reference"],
                marker=raw["marker"],
                title=raw["title"],
                summary=raw["summary"],
                kind=raw["kind"],
                public_interest_test=bool(raw["public_interest_test"]),
                source=raw["source"],
            )
            uses[code] = CodeUse(raw.get("use", "item"))
            verified[code] = bool(raw.get("verified", False))
            if raw.get("qualified_person"):
                qualified.add(code)
            if raw.get("ncnd"):
                ncnd[code] = str(raw["ncnd"])
            for flag, members in flagged.items():
                if raw.get(flag):
                    members.add(code)
        defaults: dict[tuple[Regime, Situation], str] = {}
        for regime_name, by_situation in data["defaults"].items():
            for situation, code in by_situation.items():
                if code not in codes:
                    raise BadInputError(f"Default code {code} is not in table {version}.")
                defaults[(Regime(regime_name), Situation(situation))] = code
        markers = {str(m["code"]): {k: str(v) for k, v in m.items()} for m in data["markers"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise BadInputError(
            f"The reason-code table is damaged ({exc!r}); reinstall SAR Desk."
        ) from exc
    return CodeTable(
        version,
        codes,
        uses,
        verified,
        frozenset(qualified),
        defaults,
        markers,
        ncnd,
        frozenset(flagged["legitimate_interests"]),
        frozenset(flagged["not_for_emissions"]),
    )


def load_code_table(path: Path) -> CodeTable:
    """Read a table file (``resources/codes/codes-vN.json``).

    Raises:
        BadInputError: The file is missing or damaged.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInputError(
            f"The reason-code table {path.name} cannot be read ({exc}); reinstall SAR Desk."
        ) from exc
    return parse_code_table(data)
