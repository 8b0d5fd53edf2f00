"""What the shells use besides `CaseSession`: the features' plain data types, and case-less calls.

The command line and the window import only `app` and `core` (an import-linter contract), so
the value types a session method takes or returns are named here. Types that are domain
vocabulary (roles, consent responses, QA modes) belong in `core` and may move there; until
then this module is the one door, so the shells never reach into `review`, `export` or `store`.
"""

from __future__ import annotations

from pathlib import Path

from sar_desk.core.records import AuditEntry, SampleRow
from sar_desk.export.manifest import BundleManifest
from sar_desk.export.options import BundleOptions
from sar_desk.export.verify import VerifyReport
from sar_desk.review.bulk import BulkPlan, BulkSelection
from sar_desk.review.decide import ItemView, WithholdBasis
from sar_desk.review.elusion import DEFAULT_THRESHOLD_PERCENT as DEFAULT_ELUSION_THRESHOLD
from sar_desk.review.elusion import ElusionResult
from sar_desk.review.qa import QaMode, QaSettings
from sar_desk.review.roles import Role, parse_role
from sar_desk.review.thirdparty import ConsentResponse, ThirdPartyDecision, ThirdPartyRecord

__all__ = [
    "DEFAULT_ELUSION_THRESHOLD",
    "AuditEntry",
    "BulkPlan",
    "BulkSelection",
    "BundleManifest",
    "BundleOptions",
    "ConsentResponse",
    "ElusionResult",
    "ItemView",
    "QaMode",
    "QaSettings",
    "Role",
    "SampleRow",
    "ThirdPartyDecision",
    "ThirdPartyRecord",
    "VerifyReport",
    "WithholdBasis",
    "parse_role",
    "verify_bundle",
]


def verify_bundle(folder: Path, password: str | None = None) -> VerifyReport:
    """Re-run the safety checks on an exported bundle (no case needs to be open).

    `password` opens an encrypted pack so its content is checked again too.
    """
    from sar_desk.export.verify import verify_bundle as verify

    return verify(Path(folder), password=password)
