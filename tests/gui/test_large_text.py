"""At 1280x720, with normal and with 200% text, every page and dialog shows its text in full.

Pages, the New case dialog, the export wizard and the organisation dialog: labels, buttons
and column titles (issue 19).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from sar_desk.gui.layout_check import clipped
from sar_desk.gui.models.audit import AuditModel
from sar_desk.gui.tables import fit_titles

HERE = Path(__file__).resolve().parent


def test_the_check_finds_text_that_is_cut_off(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("Nothing is exported yet: record the delivery here once the pack has gone.")
    label.setFixedWidth(40)
    table = QTableView()
    table.setModel(AuditModel())
    table.horizontalHeader().resizeSection(1, 20)
    layout.addWidget(label)
    layout.addWidget(table)
    root.resize(600, 300)
    root.show()
    problems = clipped(root)
    assert any("Nothing is exported" in p for p in problems)
    assert any("'When (UTC)' needs" in p for p in problems)
    fit_titles(table)
    assert not any("When (UTC)" in p for p in clipped(root))


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_page_reads_in_full_with_200_percent_text(tmp_path: Path, scale: str) -> None:
    env = {
        **os.environ,
        "SAR_DESK_TEXT_SCALE": scale,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, str(HERE / "large_text_check.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,  # the demo case runs detection with the real model
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    if scale == "2":
        assert shown["title_points"] >= 31  # 16pt titles at 200%: the text really is bigger
        assert shown["sidebar"] > 190  # and the sidebar grew to hold the section names
    assert shown["clipped"] == {}
    # No page scrolls sideways, even with 200% text: the pages with a list and a detail pane
    # stack them, and forms size their boxes to the window, not to their longest item.
    assert shown["sideways"] == {}
