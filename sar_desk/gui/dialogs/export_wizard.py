"""The export wizard: options, destination, then the export job with its safety-check results.

The bundle is built by `CaseSession.export_bundle` on a worker (through the window's job
controller, so nothing else writes meanwhile) and then verified from the files written; the last
page lists every check and offers to open the folder.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sar_desk.app.api import BundleManifest, BundleOptions, VerifyReport
from sar_desk.app.gui_support import export_and_verify
from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import CancelToken, Job
from sar_desk.gui.tables import cell, filling, make_sortable
from sar_desk.gui.workers import JobController

OPTIONS = (
    ("pseudonyms", "One label per redacted person (Person A, Officer 1…)", True),
    ("large_print", "Also produce a large-print PDF", False),
    ("html", "Also produce an accessible HTML version", True),
    (
        "encrypt",
        "Encrypt the requester's PDFs with a password (shown once; the HTML version is left out)",
        False,
    ),
    ("rsmf", "Also produce an RSMF file for e-disclosure tools", False),
)


class OptionsPage(QWizardPage):
    """What the bundle contains and where it goes."""

    def __init__(self, default_dest: Path) -> None:
        super().__init__()
        self.setTitle("Bundle options")
        self.setSubTitle("Choose the formats, then where to write the bundle (a new folder).")
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for key, text, default in OPTIONS:
            box = QCheckBox(text)
            box.setChecked(default)
            box.setAccessibleName(text.split(" (")[0])
            self.boxes[key] = box
            layout.addWidget(box)
        self.dest = QLineEdit(str(default_dest))
        self.dest.setAccessibleName("Bundle folder")
        self.dest.textChanged.connect(self.completeChanged)
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose the bundle folder")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel("Write to"))
        row.addWidget(self.dest, 1)
        row.addWidget(browse)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Where should the bundle go?")
        if chosen:
            self.dest.setText(str(Path(chosen) / Path(self.dest.text()).name))

    def isComplete(self) -> bool:
        return bool(self.dest.text().strip())

    def options(self) -> BundleOptions:
        """The chosen options, stamped with the time now."""
        flag = {key: box.isChecked() for key, box in self.boxes.items()}
        return BundleOptions(
            generated_at=datetime.now(UTC).replace(microsecond=0),
            pseudonyms=flag["pseudonyms"],
            large_print=flag["large_print"],
            html=flag["html"],
            encrypt=flag["encrypt"],
            rsmf=flag["rsmf"],
        )


class RunPage(QWizardPage):
    """Runs the export and shows the safety checks."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Building the bundle")
        self.status = QLabel("The export starts when this page opens.")
        self.status.setAccessibleName("Export status")
        self.status.setWordWrap(True)
        self.checks = QTableWidget(0, 3)
        self.checks.setHorizontalHeaderLabels(("File", "Check", "Result"))
        self.checks.setAccessibleName("Safety checks")
        self.checks.verticalHeader().setVisible(False)
        self.checks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.checks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        make_sortable(self.checks)
        self.open_button = QPushButton("&Open folder")
        self.open_button.setAccessibleName("Open the bundle folder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.open_button)
        self.folder: Path | None = None
        self.done = False

    def isComplete(self) -> bool:
        return self.done

    def show_result(self, manifest: BundleManifest, report: VerifyReport) -> None:
        """List the checks and say where the bundle is."""
        self.folder = manifest.folder
        verdict = "All safety checks passed." if report.ok else "Some safety checks FAILED."
        lines = [verdict, f"Bundle written to {manifest.folder} ({len(manifest.files)} files)."]
        if manifest.password:
            lines.append(f"Pack password (shown once, send it separately): {manifest.password}")
        self.status.setText("\n".join(lines))
        with filling(self.checks):
            self.checks.setRowCount(len(report.results))
            for row, result in enumerate(report.results):
                outcome = "Passed" if result.passed else f"Failed: {result.detail}"
                for col, text in enumerate((result.file, result.check, outcome)):
                    self.checks.setItem(row, col, cell(text))
        self.open_button.setEnabled(True)
        self.done = True
        self.completeChanged.emit()

    def show_stopped(self) -> None:
        """Say that nothing was exported (the error dialog has said why)."""
        self.status.setText("No bundle was written. Fix what the message said, then try again.")

    def open_folder(self) -> None:
        """Open the bundle folder in the file manager."""
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class ExportWizard(QWizard):
    """Export the case's disclosure bundle."""

    def __init__(
        self, session: CaseSession, jobs: JobController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the disclosure bundle")
        self.setAccessibleName("Export the disclosure bundle")
        self.session = session
        self.jobs = jobs
        default = Path.home() / "SAR Desk bundles" / f"{session.case.reference}-bundle"
        self.options_page = OptionsPage(default)
        self.run_page = RunPage()
        self.addPage(self.options_page)
        self.addPage(self.run_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.currentIdChanged.connect(self._page_changed)
        jobs.finished.connect(self._job_finished)

    def _page_changed(self, page_id: int) -> None:
        if self.page(page_id) is self.run_page and not self.run_page.done:
            self.start()

    def start(self) -> None:
        """Start the export job."""
        dest = Path(self.options_page.dest.text().strip())
        options = self.options_page.options()
        session = self.session

        def job(token: CancelToken) -> Job[tuple[BundleManifest, VerifyReport]]:
            return export_and_verify(session, dest, options, token)

        self.run_page.status.setText("Building the bundle and running the safety checks…")
        self.jobs.start("Exporting the bundle", job, self._exported)

    def _exported(self, result: tuple[BundleManifest, VerifyReport]) -> None:
        self.run_page.show_result(*result)

    def _job_finished(self) -> None:
        if not self.run_page.done:
            self.run_page.show_stopped()
