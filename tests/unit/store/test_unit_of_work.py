"""The unit of work: repositories in one transaction that commit together or not at all."""

from __future__ import annotations

import typing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sar_desk.core.model import Case, Regime
from sar_desk.core.records import UserRow
from sar_desk.store import Store, audit
from sar_desk.store import uow as uow_module
from sar_desk.store.folder import CaseFolder
from sar_desk.store.repositories_team import TeamRepository
from sar_desk.store.repository import Bound, Repository
from sar_desk.store.uow import UnitOfWork, unit_of_work


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


def test_a_repository_runs_its_store_function_on_the_unit_s_transaction(tmp_path: Path) -> None:
    with CaseFolder.create(tmp_path / "case").open_store(create=True) as store:
        with unit_of_work(store, write=True) as uow:
            uow.case.save(_case())
            added = uow.users.put_user("rita", "reviewer", "officer")
            assert uow.users.get_user("RITA") == added  # seen inside the same transaction
        with unit_of_work(store) as uow:
            [row] = uow.users.list_users()
        assert isinstance(row, UserRow)
        assert (row.name, row.role, row.added_by) == ("rita", "reviewer", "officer")
        assert not uow.on_team_server  # a case file, not the PostgreSQL team server


def test_repositories_are_made_on_first_use_and_kept(tmp_path: Path) -> None:
    folder = CaseFolder.create(tmp_path / "case")
    with folder.open_store(create=True) as store, unit_of_work(store) as uow:
        assert "decisions" not in vars(uow)  # opening a unit of work builds nothing
        assert uow.decisions is uow.decisions


def _made_on_first_use() -> list[type[Repository]]:
    return [
        # The team repository is imported only when used (it brings in the PostgreSQL driver).
        typing.get_type_hints(member.func, localns={"TeamRepository": TeamRepository})["return"]
        for member in vars(UnitOfWork).values()
        if hasattr(member, "func")  # the cached properties
    ]


def _store_classes(hint: object) -> set[str]:
    found = set()
    if isinstance(hint, type) and hint.__module__.startswith("sar_desk.store"):
        found.add(f"{hint.__module__}.{hint.__qualname__}")
    for arg in typing.get_args(hint):
        found |= _store_classes(arg)
    return found


def test_every_repository_takes_and_returns_core_types_only() -> None:
    # What crosses the store's edge is core records and builtins; the one exception is the
    # import writer, a store object that streams an import's records in its transaction.
    repositories = {uow_module.CaseRepository, uow_module.AuditRepository}
    repositories |= {uow_module.SourceRepository, *_made_on_first_use()}
    assert len(repositories) > 20
    offences = set()
    for repository in repositories:
        for name, member in vars(repository).items():
            if isinstance(member, Bound) and name != "writer":
                hints = typing.get_type_hints(member._function)
                hints.pop("conn")
                offences |= {(repository.__name__, name, c) for c in _store_classes(hints)}
    assert offences == set()
