"""The start screen: recent cases, and the three ways in (new, open, demo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.case_glance import glance
from sar_desk.gui.models.recent_cases import RecentCasesModel
from sar_desk.gui.settings import RecentCases


class StartPage(QWidget):
    """What the window shows when no case is open.

    Signals:
        new_requested(): "New case…" was chosen.
        open_requested(): "Open case…" was chosen (the window asks for a folder).
        open_folder(Path): A recent case was chosen.
        demo_requested(): "Open demo case" was chosen.
    """

    new_requested = Signal()
    open_requested = Signal()
    open_folder = Signal(Path)
    demo_requested = Signal()
    team_requested = Signal()

    def __init__(self, recent: RecentCases, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.recent = recent
        self.model = RecentCasesModel(recent)
        title = QLabel("SAR Desk")
        title.setObjectName("startTitle")
        subtitle = QLabel(
            "Answer subject access and FOI requests over workplace chat: import the exports, "
            "find what is in scope, review the redactions and build a verified bundle."
        )
        subtitle.setWordWrap(True)
        subtitle.setObjectName("startSubtitle")
        self.new_button = self._button("New case…", "Create a new case (Ctrl+N)")
        self.open_button = self._button("Open case…", "Open a case folder (Ctrl+O)")
        self.demo_button = self._button("Open demo case", "Build a demo case from sample exports")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.team_button = self._button(
            "Open a case on a team server…", "Work a case kept on the team's PostgreSQL server"
        )
        self.team_button.clicked.connect(self.team_requested)
        recent_label = QLabel("&Recent cases")
        recent_label.setObjectName("sectionTitle")
        self.recent_view = QListView()
        self.recent_view.setModel(self.model)
        self.recent_view.setAccessibleName("Recent cases")
        self.recent_view.setAlternatingRowColors(True)
        self.recent_view.setUniformItemSizes(True)
        self.recent_view.activated.connect(self._activated)
        recent_label.setBuddy(self.recent_view)
        self.empty_label = QLabel("No recent cases yet. Create one, or open the demo case.")
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)  # else at 200% text it widens the window past 1280
        self.disposal_label = QLabel()
        self.disposal_label.setAccessibleName("Cases due for disposal")
        self.disposal_label.setWordWrap(True)
        actions = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.team_button, self.demo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        listing = QVBoxLayout()
        listing.addWidget(recent_label)
        listing.addWidget(self.recent_view, 1)
        listing.addWidget(self.empty_label)
        listing.addWidget(self.disposal_label)
        body = QHBoxLayout()
        body.addLayout(actions, 1)
        body.addSpacing(24)
        body.addLayout(listing, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(24)
        outer.addLayout(body, 1)
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.team_button)
        self.setTabOrder(self.team_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.recent_view)
        self.refresh()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(tip)
        button.setMinimumHeight(36)
        return button

    def refresh(self) -> None:
        """Re-read the recent cases with their deadlines, and say which are due for disposal."""
        entries = self.recent.entries()
        glances = {str(e.folder): glance(e.folder) for e in entries if e.exists}
        self.model.reload(glances)
        due = [e.reference for e in entries if (g := glances.get(str(e.folder))) and g.disposal_due]
        self.disposal_label.setText(
            "Due for disposal (retention ended): "
            + ", ".join(due)
            + ". Open one and destroy it on its Retention page."
            if due
            else ""
        )
        self.disposal_label.setVisible(bool(due))
        has_rows = self.model.rowCount() > 0
        self.empty_label.setVisible(not has_rows)
        if has_rows:
            self.recent_view.setCurrentIndex(self.model.index(0, 0))

    def set_busy(self, busy: bool) -> None:
        """Disable the ways in while a job (the demo) runs."""
        for button in (self.new_button, self.open_button, self.team_button, self.demo_button):
            button.setEnabled(not busy)
        self.recent_view.setEnabled(not busy)

    def _activated(self, index: QModelIndex) -> None:
        folder = self.model.data(index, RecentCasesModel.FOLDER_ROLE)
        if folder:
            self.open_folder.emit(Path(folder))
