"""The case folder: layout, private creation, locked incoming copies and the database."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from sar_desk.core.errors import CaseExistsError, CaseNotFoundError
from sar_desk.store import SCHEMA_VERSION
from sar_desk.store.folder import CaseFolder

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@posix_only
def test_create_makes_private_folders_and_a_current_database(tmp_path: Path) -> None:
    folder = CaseFolder.create(tmp_path / "deep" / "case")
    for path in (folder.root, folder.originals):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    with folder.open_store(create=True) as store:
        assert store.user_version() == SCHEMA_VERSION
    assert folder.exists()
    assert stat.S_IMODE(folder.master_dir().stat().st_mode) == 0o700


def test_create_refuses_a_case_or_a_folder_with_files(tmp_path: Path) -> None:
    CaseFolder.create(tmp_path / "a").open_store(create=True).close()
    with pytest.raises(CaseExistsError, match="already holds a case"):
        CaseFolder.create(tmp_path / "a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "notes.txt").write_text("x")
    with pytest.raises(CaseExistsError, match="not empty"):
        CaseFolder.create(tmp_path / "b")


def test_open_store_without_a_case_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(CaseNotFoundError):
        CaseFolder(tmp_path).open_store()
    assert not (tmp_path / "case.db").exists()


def test_incoming_is_locked_while_in_use_and_removed_after(tmp_path: Path) -> None:
    folder = CaseFolder.create(tmp_path / "case")
    with folder.incoming() as incoming:
        (incoming / "chat.txt").write_text("hello")
        folder.clean_incoming()  # another opener must leave a running import alone
        assert incoming.is_dir()
        folder.clean_orphans(set)  # nothing is an orphan while an import is in flight
    assert not incoming.exists()


def test_kept_originals_are_read_only_and_orphans_are_removed(tmp_path: Path) -> None:
    folder = CaseFolder.create(tmp_path / "case")
    with folder.incoming() as incoming:
        copy = incoming / "chat.txt"
        copy.write_text("hello")
        kept = folder.keep_original(copy, "0001-abc-chat.txt")
    assert not kept.stat().st_mode & stat.S_IWUSR
    folder.clean_orphans(lambda: {folder.stored_path(kept.name)})
    assert kept.exists()
    folder.clean_orphans(set)
    assert not kept.exists()
