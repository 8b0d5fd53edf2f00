"""Verifying a case's audit log against its seals, its head file and exported bundles.

The session's ``verify_audit`` calls `verify`; the command line's ``audit verify`` can name
bundle folders (copies kept elsewhere are what a local store cannot rewrite).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sar_desk.core.errors import BadInputError
from sar_desk.core.records import ChainProblem, Head
from sar_desk.store import Store
from sar_desk.store.uow import unit_of_work

MANIFEST_KEY = "audit_head"


def bundle_head(folder: Path) -> Head:
    """The audit head recorded in a bundle's manifest.

    Raises:
        NotFoundError: The folder holds no readable bundle manifest.
        BadInputError: The manifest records no audit head (an export by an earlier release).
    """
    from sar_desk.export.manifest import read_manifest  # export stays unloaded until asked for

    head = Head.from_json(read_manifest(Path(folder)).get(MANIFEST_KEY))
    if head is None:
        raise BadInputError(
            f"The bundle in {folder} records no audit head (it was exported by an earlier "
            "release of SAR Desk), so the audit log cannot be checked against it."
        )
    return head


def verify(store: Store, case_folder: Path, bundles: Sequence[Path] = ()) -> list[ChainProblem]:
    """Every audit check; an empty list means the log is intact.

    Raises:
        NotFoundError: A named bundle folder has no manifest.
        BadInputError: A named bundle records no audit head.
    """
    heads = [(Path(b).name, bundle_head(Path(b))) for b in bundles]
    with unit_of_work(store) as uow:
        return uow.audit_anchor.verify_all(case_folder, heads)
