"""The unit of work: repositories in one transaction that commit together or not at all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sar_desk.core.model import Case, Regime
from sar_desk.store import Store, audit
from sar_desk.store.folder import CaseFolder
from sar_desk.store.uow import unit_of_work


def _case(reference: str = "SAR-1") -> Case:
    return Case(reference=reference, regime=Regime.SAR, received=date(2026, 5, 5))


def _change_then_fail(store: Store) -> None:
    with unit_of_work(store, write=True) as uow:
        uow.case.save(replace(_case(), reference="SAR-2"))
        uow.audit.append("officer", "case-updated", {"fields": 1})
        raise RuntimeError("the change that needed this failed")


def test_a_write_unit_commits_the_record_and_its_audit_entry_together(tmp_path: Path) -> None:
    with CaseFolder.create(tmp_path / "case").open_store(create=True) as store:
        with unit_of_work(store, write=True) as uow:
            uow.case.save(_case())
            uow.audit.append("officer", "case-created", {"aliases": 0})
        with unit_of_work(store) as uow:
            assert uow.case.load().reference == "SAR-1"
            assert uow.sources.list() == []
        assert store.user_version() > 0


def test_a_failing_write_unit_changes_nothing(tmp_path: Path) -> None:
    with CaseFolder.create(tmp_path / "case").open_store(create=True) as store:
        with unit_of_work(store, write=True) as uow:
            uow.case.save(_case())
        with pytest.raises(RuntimeError):
            _change_then_fail(store)
        with unit_of_work(store) as uow:
            assert uow.case.load().reference == "SAR-1"
        with store.read() as conn:
            assert audit.entries(conn) == []
