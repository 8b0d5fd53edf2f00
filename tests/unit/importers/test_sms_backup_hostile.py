"""Hostile inputs from shared/tools/make_bad_inputs.py against all five importers of issue 3b."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from sar_desk.core.errors import SarDeskError, UnsafeArchiveError
from sar_desk.core.imports import ImportReport
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.messenger import MessengerImporter
from sar_desk.importers.rsmf import RsmfImporter
from sar_desk.importers.signal import SignalImporter
from sar_desk.importers.sms_backup import SmsBackupImporter
from sar_desk.importers.teams import TeamsImporter

IMPORTERS = [
    TeamsImporter(),
    SignalImporter(),
    MessengerImporter(),
    SmsBackupImporter(),
    RsmfImporter(),
]
SCRIPT = Path(__file__).resolve().parents[3].parent / "shared" / "tools" / "make_bad_inputs.py"
BAD = [
    "empty.txt",
    "binary.txt",
    "not_a_chat.txt",
    "latin1_garbage.txt",
    "zip_slip.zip",
    "zip_absolute.zip",
    "zip_bomb.zip",
    "truncated.zip",
    "billion_laughs.xml",
    "xxe.xml",
    "truncated_telegram.json",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile files, made once for the module (the zip bomb takes a while to write)."""
    if not SCRIPT.exists():
        pytest.skip("shared/tools is not beside the repository")
    out = tmp_path_factory.mktemp("hostile")
    subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("name", BAD)
@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda imp: imp.platform)
def test_hostile_input_is_refused_cleanly(hostile: Path, importer: object, name: str) -> None:
    path = hostile / name
    started = time.monotonic()
    try:
        sniffed = importer.sniff(path)  # type: ignore[attr-defined]
    except UnsafeArchiveError:  # issue 20: a hostile archive is named as such while sniffing
        assert name in ("zip_slip.zip", "zip_absolute.zip", "zip_bomb.zip")
        sniffed = False
    assert sniffed is (importer.platform == "sms" and name in ("billion_laughs.xml", "xxe.xml"))  # type: ignore[attr-defined]
    with pytest.raises(SarDeskError) as caught:
        list(importer.read(path, ImportReport(), ImportOptions()))  # type: ignore[attr-defined]
    assert str(caught.value).endswith((".", ")"))
    assert len(str(caught.value)) > 30
    assert time.monotonic() - started < 5
    assert "root:" not in str(caught.value)  # /etc/passwd was never read


@pytest.mark.parametrize("name", ["billion_laughs.xml", "xxe.xml"])
def test_entity_attacks_name_the_danger(hostile: Path, name: str) -> None:
    with pytest.raises(SarDeskError, match="DTD or XML entities"):
        list(SmsBackupImporter().read(hostile / name, ImportReport(), ImportOptions()))
