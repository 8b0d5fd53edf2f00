"""The Export panel: is the case ready to disclose, export the bundle, verify a bundle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.attachment_review import undecided_line
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.context import DECISIONS, EXPORTS, FINDINGS, USERS, CaseContext
from sar_desk.gui.dialogs.export_wizard import ExportWizard
from sar_desk.gui.dialogs.outcome import OutcomeBox
from sar_desk.gui.errors import show_error
from sar_desk.gui.widgets.lazy import LazyPanel
from sar_desk.gui.workers import JobController


class ExportPanel(LazyPanel):
    """Readiness for export and the way into the export wizard."""

    def __init__(
        self, context: CaseContext, jobs: JobController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs = jobs
        self.readiness = QLabel()
        self.readiness.setAccessibleName("Readiness for export")
        self.readiness.setWordWrap(True)
        self.export_button = QPushButton("&Export bundle…")
        self.export_button.setObjectName("primary")
        self.export_button.setAccessibleName("Export bundle")
        self.export_button.clicked.connect(self.open_wizard)
        self.verify_button = QPushButton("&Verify a bundle…")
        self.verify_button.setAccessibleName("Verify a bundle")
        self.verify_button.clicked.connect(self.verify_dialog)
        self.verify_password = QLineEdit()
        self.verify_password.setAccessibleName("Pack password for verifying")
        self.verify_password.setPlaceholderText("Pack password, if encrypted")
        self.verify_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.verify_result = QLabel()
        self.verify_result.setAccessibleName("Bundle verification result")
        self.verify_result.setWordWrap(True)
        # R54: the DPO signs off here; the checklist above re-reads at once afterwards.
        self.signoff_note = QLineEdit()
        self.signoff_note.setAccessibleName("What you checked before signing off")
        self.signoff_note.setPlaceholderText("What you checked (recorded with the sign-off)")
        self.signoff_note.textChanged.connect(self._signoff_ready)
        self.signoff_button = QPushButton("&Sign off")
        self.signoff_button.setAccessibleName("Sign off")
        self.signoff_button.clicked.connect(self.sign_off)
        self.signoff_state = QLabel()
        self.signoff_state.setAccessibleName("Sign-off")
        self.signoff_state.setWordWrap(True)
        self.wizard: ExportWizard | None = None
        self.outcome = OutcomeBox()
        self.outcome.changed.connect(lambda: self.context.notify(frozenset({EXPORTS})))
        title = QLabel("Export")
        title.setObjectName("panelTitle")
        ready = QGroupBox("Before exporting")
        QVBoxLayout(ready).addWidget(self.readiness)
        signoff = QGroupBox("DPO sign-off")
        box = QVBoxLayout(signoff)
        box.addWidget(self.signoff_state)
        line = QHBoxLayout()
        line.addWidget(self.signoff_note, 1)
        line.addWidget(self.signoff_button)
        box.addLayout(line)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.verify_button)
        row.addWidget(self.verify_password)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(ready)
        layout.addWidget(signoff)
        layout.addWidget(self.outcome)
        layout.addLayout(row)
        layout.addWidget(self.verify_result)
        layout.addStretch(1)
        context.opened.connect(self.request_refresh)
        context.case_changed.connect(self._case_changed)

    def _case_changed(self, changes: frozenset[str]) -> None:
        if changes & {DECISIONS, FINDINGS, EXPORTS, USERS}:
            self.request_refresh()

    def refresh(self) -> None:
        """Say what still stands between the case and an export."""
        session = self.context.session
        if session is None:
            return
        self.outcome.show_session(session)
        # Issue 19: the number export itself would refuse over (the disclosure set's items).
        undecided = session.review.export_undecided()
        lines = []
        if undecided:
            lines.append(
                f"{undecided:,} proposal(s) in the disclosure set still need a decision or an "
                "approval; the export will refuse until they are done."
            )
        attachments = session.attachments.export_undecided_attachments()  # issue 16
        if attachments:
            lines.append(undecided_line(attachments) + " The export will refuse until then.")
        lines += [f"Sign-off needed: {why}" for why in session.review.signoff_outstanding()]
        self.readiness.setText(
            "\n".join(lines) if lines else "Every item is decided and approved: ready to export."
        )
        self._show_signoff()

    def _show_signoff(self) -> None:
        session = self.context.require()
        needed = session.review.signoff_required()
        latest = session.review.signed_off()
        if latest is not None and latest.voided_at is not None:
            text = (
                f"The sign-off by {latest.user} no longer holds: a decision changed after it. "
                "The DPO signs off again."
            )
        elif latest is not None:
            text = f"Signed off by {latest.user} on {latest.at:%d %b %Y at %H:%M}."
        elif needed:
            text = "The DPO must sign off before export: " + "; ".join(needed) + "."
        else:
            text = "No sign-off is needed for this case (the DPO may still sign off)."
        self.signoff_state.setText(text)
        self._signoff_ready()

    def _signoff_ready(self) -> None:
        self.signoff_button.setEnabled(bool(self.signoff_note.text().strip()))

    def sign_off(self) -> None:
        """Record the acting user's sign-off (refused in the session's words unless DPO)."""
        try:
            self.context.require().review.sign_off(self.signoff_note.text())
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.signoff_note.clear()
        self.context.notify(frozenset({DECISIONS}))

    def set_busy(self, busy: bool) -> None:
        """No export while another writing job runs."""
        self.export_button.setEnabled(not busy)
        self.outcome.set_busy(busy)

    def open_wizard(self) -> ExportWizard:
        """Open the export wizard (non-blocking) and return it."""
        self.wizard = ExportWizard(self.context.require(), self.jobs, self)
        self.wizard.finished.connect(lambda _code: self.context.notify(frozenset({EXPORTS})))
        self.wizard.open()
        return self.wizard

    def verify_dialog(self) -> None:
        """Ask for a bundle folder and verify it."""
        folder = QFileDialog.getExistingDirectory(self, "Choose a bundle folder to verify")
        if folder:
            self.verify(Path(folder))

    def verify(self, folder: Path) -> None:
        """Re-run a bundle's safety checks and say what was found."""
        password = self.verify_password.text() or None
        try:
            report = self.context.require().export.verify_bundle(folder, password)
        except SarDeskError as exc:
            show_error(self, exc)
            return
        failed = [r for r in report.results if not r.passed]
        if not failed:
            self.verify_result.setText(
                f"{folder.name}: all {len(report.results)} safety checks passed."
            )
        else:
            self.verify_result.setText("\n".join(r.sentence() for r in failed[:10]))
