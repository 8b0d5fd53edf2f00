"""The Retention page: close the case, place or release a legal hold, destroy it with a certificate.

A thin shell over `app.lifecycle` and `app.purge`, the same calls as the command line's case
close, hold, release and purge. The rules (who may, a hold always wins, the retention date,
the DPO alone destroys early) live there; a refusal is shown in its own words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app import lifecycle
from sar_desk.app.base import AskPassphrase
from sar_desk.app.opening import is_team_session
from sar_desk.core.errors import SarDeskError
from sar_desk.core.retention import DisposalState
from sar_desk.gui.context import CASE, LIFECYCLE, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.formatting import long_date
from sar_desk.gui.widgets.lazy import LazyPanel

STATE_WORDS = {
    DisposalState.OPEN: "Open: retention starts when the case is closed.",
    DisposalState.RETAINED: "Closed and kept for its retention period.",
    DisposalState.ON_HOLD: "On legal hold: it cannot be destroyed until the hold is released.",
    DisposalState.DUE: "Due for disposal: its retention period has ended.",
}


class RetentionPanel(LazyPanel):
    """Where the case is in its life, and the buttons that move it on.

    Signals:
        purged(str): The case was destroyed; the text says where its certificate is.
    """

    purged = Signal(str)

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.position = QLabel()
        self.position.setAccessibleName("Retention position")
        self.position.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for a hold or its release")
        self.reason.setPlaceholderText("Why (a review, complaint, regulator case, appeal…)")
        self.close_button = _button("&Close the case", self.close_case)
        self.hold_button = _button("Place a legal &hold", self.place_hold)
        self.release_button = _button("&Release the hold", self.release_hold)
        self.purge_button = _button("&Destroy the case…", self.purge_dialog)
        title = QLabel("Retention")
        title.setObjectName("panelTitle")
        where = QGroupBox("Where the case is")
        QVBoxLayout(where).addWidget(self.position)
        hold = QGroupBox("Close and hold")
        box = QVBoxLayout(hold)
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.hold_button)
        row.addWidget(self.release_button)
        row.addStretch(1)
        box.addLayout(row)
        destroy = QGroupBox("Destroy")
        box = QVBoxLayout(destroy)
        note = QLabel(
            "Destroying overwrites and deletes every file of the case and writes a destruction "
            "certificate (kept outside the case folder). It cannot be undone."
        )
        note.setWordWrap(True)
        box.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.purge_button)
        row.addStretch(1)
        box.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (title, where, hold, destroy):
            layout.addWidget(widget)
        layout.addStretch(1)
        context.opened.connect(self.request_refresh)
        context.case_changed.connect(
            lambda changes: self.request_refresh() if changes & {LIFECYCLE, CASE} else None
        )

    def refresh(self) -> None:
        """Re-read the case's retention position."""
        session = self.context.session
        if session is None:
            return
        pos = lifecycle.disposal_position(session)
        lines = [STATE_WORDS[pos.state], f"Retention period: {pos.period.words} after closing."]
        if pos.closed_on and pos.retain_until:
            lines.append(
                f"Closed on {long_date(pos.closed_on)}; kept until {long_date(pos.retain_until)}."
            )
        if pos.hold is not None:
            lines.append(
                f"Hold placed by {pos.hold.placed_by} on {long_date(pos.hold.placed_on)}: "
                f"{pos.hold.reason}"
            )
        self.position.setText("\n".join(lines))
        self.hold_button.setEnabled(pos.hold is None)
        self.release_button.setEnabled(pos.hold is not None)
        self.close_button.setText(
            "&Close the case" if pos.closed_on is None else "&Close again today"
        )

    def _run(self, step: str) -> bool:
        session = self.context.require()
        try:
            if step == "close":
                lifecycle.close_case(session)
            elif step == "hold":
                lifecycle.place_hold(session, self.reason.text())
            else:
                lifecycle.release_hold(session, self.reason.text())
        except SarDeskError as exc:
            show_error(self, exc)
            return False
        self.reason.clear()
        self.context.notify(frozenset({LIFECYCLE}))
        return True

    def close_case(self) -> bool:
        """Close the case today; its retention period starts."""
        return self._run("close")

    def place_hold(self) -> bool:
        """Place a legal hold with the reason typed."""
        return self._run("hold")

    def release_hold(self) -> bool:
        """Release the hold with the reason typed."""
        return self._run("release")

    def purge_dialog(self) -> None:
        """Confirm, ask where the certificate goes, then destroy the case."""
        answer = QMessageBox.warning(
            self,
            "Destroy the case",
            (
                "Destroy this case now? The team server drops it with all its files; this "
                "cannot be undone."
                if is_team_session(self.context.require())
                else "Destroy this case now? Every file of it is overwritten and deleted; this "
                "cannot be undone."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = f"{self.context.require().case.reference}-destruction-certificate.json"
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Where should the destruction certificate go?", str(Path.home() / name)
        )
        if chosen:
            self.purge(Path(chosen))

    def purge(self, certificate: Path, *, early: bool = False, reason: str = "") -> bool:
        """Close the session and destroy the case, writing its certificate to `certificate`."""
        session = self.context.require()
        if is_team_session(session):
            return self._purge_team(certificate, early=early, reason=reason)
        from sar_desk.app.purge import purge_case  # loaded only to destroy

        folder, user = session.folder, session.user
        # The case's own database must be closed before its files are destroyed.
        self.context.close()
        try:
            cert = purge_case(
                folder, certificate, user, early=early, reason=reason, ask=self._ask(user)
            )
        except SarDeskError as exc:
            show_error(self.window(), exc)
            self.context.open(folder)
            return False
        self._done(cert, certificate)
        return True

    def _purge_team(self, certificate: Path, *, early: bool, reason: str) -> bool:
        # On the team store the login acts and the server drops the case in one transaction.
        from sar_desk.app.team_purge import purge_team_case  # loaded only to destroy

        session = self.context.require()
        server, reference = getattr(session, "server_url", ""), session.case.reference
        self.context.close()
        try:
            cert = purge_team_case(server, reference, certificate, early=early, reason=reason)
        except SarDeskError as exc:
            show_error(self.window(), exc)
            try:  # nothing was destroyed: the case opens again, unless the server is gone now
                self.context.open_team(server, reference)
            except SarDeskError as again:
                show_error(self.window(), again)
            return False
        self._done(cert, certificate)
        return True

    def _done(self, cert: dict[str, Any], certificate: Path) -> None:
        self.purged.emit(
            f"Case {cert['case']['reference']} destroyed; certificate {cert['certificate_id']} "
            f"written to {certificate}."
        )

    def _ask(self, user: str) -> AskPassphrase:
        def ask() -> str | None:
            text, ok = QInputDialog.getText(
                self.window(),
                "Destroy the case",
                f"Passphrase of {user}:",
                QLineEdit.EchoMode.Password,
            )
            return text if ok and text else None

        return ask

    def set_busy(self, busy: bool) -> None:
        """No lifecycle change while a writing job runs."""
        for button in (self.close_button, self.purge_button):
            button.setEnabled(not busy)


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button
