"""The "Organisation profile" dialog: who answers requests, as letters and Art. 15 text name it.

A thin shell over `app.organisation` (the same load and save ``org set`` / ``org show`` use): it
shows every profile field with its label, marks live the fields an export still needs, and saves
the whole form at once. The profile is the installation's; when the open case has details of its
own (the demo does), the dialog says which, since its letters use those instead.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.organisation import load_profile, update_profile
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.core.model import Jurisdiction, Regime
from sar_desk.core.organisation import (
    DEFAULT_RECIPIENTS,
    DEFAULT_SOURCE,
    FIELD_LABELS,
    ControllerType,
    OrgProfile,
    missing_fields,
    purposes_text,
)
from sar_desk.core.retention import format_retention, parse_retention
from sar_desk.gui.errors import show_error

# Labels for the fields an export does not insist on (FIELD_LABELS names the required ones).
_MORE_LABELS = {
    "website": "website",
    "complaints_text": "how to complain to you (DPA 2018 s.164A)",
    "controller_type": "type of organisation",
    "jurisdiction": "jurisdiction (whose bank holidays count)",
    "purposes": "why the data is processed (Art. 15(1)(a))",
    "recipients": "who it is shared with (Art. 15(1)(c))",
    "source": "where the data comes from (Art. 15(1)(g))",
    "signatory": "who signs the letters",
    "retention": "how long closed cases are kept",
    "encrypt_new_cases": "encrypt new cases at rest (a passphrase for each case)",
}
_LONG_TEXT = frozenset(
    {
        "address",
        "complaints_text",
        "retention_text",
        "purposes",
        "recipients",
        "source",
        "automated_decisions",
        "transfers",
    }
)
_CHOICES = {
    "controller_type": (
        ("Public authority (FOI applies)", ControllerType.PUBLIC_AUTHORITY.value),
        ("Company or other organisation", ControllerType.COMPANY.value),
    ),
    "encrypt_new_cases": (
        ("Yes: new cases are encrypted unless their creator unticks it", "yes"),
        ("No: new cases are plain unless their creator ticks it", "no"),
    ),
    "jurisdiction": (
        ("England and Wales", Jurisdiction.ENGLAND_AND_WALES.value),
        ("Scotland", Jurisdiction.SCOTLAND.value),
        ("Northern Ireland", Jurisdiction.NORTHERN_IRELAND.value),
    ),
}
_PLACEHOLDERS = {
    "recipients": DEFAULT_RECIPIENTS,
    "source": DEFAULT_SOURCE,
    "signatory": "Information Governance",
    "retention": "for example sar=1y, foi=3y (left empty: one year for SARs, three for others)",
    "website": "https://",
}
NEEDED = "needed for every export"
NEEDED_SAR = "needed for subject access letters"


def field_label(name: str) -> str:
    """The label a profile field is shown with (capitalised)."""
    text = FIELD_LABELS.get(name) or _MORE_LABELS[name]
    return text[0].upper() + text[1:]


class OrganisationDialog(QDialog):
    """Edits the installation's organisation profile; emits `saved` with the stored profile."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None, session: CaseSession | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Organisation profile")
        self.setAccessibleName("Organisation profile")
        self.editors: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        intro = QLabel(
            "Letters name the organisation answering the request, and a subject access letter "
            "states what it does with the data (UK GDPR Art. 15). An export refuses while a "
            "field it needs is empty."
        )
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("missingSummary")
        self.summary.setAccessibleName("Fields still needed")
        self.summary.setWordWrap(True)
        self.case_note = QLabel()
        self.case_note.setAccessibleName("The open case's own details")
        self.case_note.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        # Labels above their fields: long legal labels stay whole on a 1280x720 screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for spec in fields(OrgProfile):
            editor = self._editor(spec.name)
            label = QLabel()
            label.setBuddy(editor)
            self.labels[spec.name] = label
            self.editors[spec.name] = editor
            form.addRow(label, editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save organisation profile")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.case_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self._load()
        self._fit_to_screen()

    def _editor(self, name: str) -> QLineEdit | QPlainTextEdit | QComboBox:
        editor: QLineEdit | QPlainTextEdit | QComboBox
        if name in _CHOICES:
            editor = QComboBox()
            for text, value in _CHOICES[name]:
                editor.addItem(text, value)
            editor.currentIndexChanged.connect(self._update_marks)
        elif name in _LONG_TEXT:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            # Four lines tall in the user's font, so the form fits a 720-pixel screen.
            lines = editor.fontMetrics().lineSpacing() * 4
            editor.setMaximumHeight(lines + 2 * editor.frameWidth() + 8)
            editor.textChanged.connect(self._update_marks)
        else:
            editor = QLineEdit()
            editor.textChanged.connect(self._update_marks)
        if name in _PLACEHOLDERS and not isinstance(editor, QComboBox):
            editor.setPlaceholderText(_PLACEHOLDERS[name])
        editor.setAccessibleName(field_label(name))
        return editor

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.resize(area.width() * 7 // 10, area.height() * 8 // 10)

    def _load(self) -> None:
        try:
            profile = load_profile() or OrgProfile()
        except SarDeskError as exc:
            show_error(self, exc)
            profile = OrgProfile()
        for name, value in profile.to_json().items():
            self._set(name, value)
        self._update_marks()
        self._note_case_overrides(profile)

    def _note_case_overrides(self, installed: OrgProfile) -> None:
        # A case's own details win over the installation's in its letters: say which ones.
        try:
            effective = self.session.export.organisation_profile() if self.session else None
        except SarDeskError:
            effective = None  # already reported by _load
        own = [
            field_label(name).lower()
            for name, value in (effective.to_json() if effective else {}).items()
            if value != getattr(installed, name)
        ]
        self.case_note.setVisible(bool(own))
        if self.session is not None and own:
            self.case_note.setText(
                f"Case {self.session.case.reference} has its own details, used in its letters "
                f"instead of these: {'; '.join(own)}."
            )

    def _set(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)

    def value(self, name: str) -> str:
        """The form's current text for a field (stripped)."""
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        return editor.text().strip()

    def profile(self) -> OrgProfile:
        """The profile the form describes (not yet saved)."""
        return OrgProfile.from_json({name: self.value(name) for name in self.editors})

    def _update_marks(self) -> None:
        profile = self.profile()
        always = set(missing_fields(profile, Regime.FOI))
        for_sar = set(missing_fields(profile, Regime.SAR)) - always
        for name, label in self.labels.items():
            text = field_label(name)
            if name in always:
                text += f" ({NEEDED})"
            elif name in for_sar:
                text += f" ({NEEDED_SAR})"
            label.setText(text)
            label.setProperty("missing", name in always or name in for_sar)
            label.style().polish(label)
        purposes = self.editors["purposes"]
        if isinstance(purposes, QPlainTextEdit):
            purposes.setPlaceholderText(purposes_text(profile))
        missing = sorted(always | for_sar, key=list(self.editors).index)
        if missing:
            self.summary.setText(
                "Still needed before an export: "
                + "; ".join(FIELD_LABELS[name] for name in missing)
                + "."
            )
        else:
            self.summary.setText("Every field an export needs is set.")

    def save(self) -> None:
        """Store the whole form through the profile service; problems are shown as sentences."""
        values = {name: self.value(name) for name in self.editors}
        try:
            # The same check and spelling the command line applies to retention periods.
            values["retention"] = format_retention(parse_retention(values["retention"]))
            profile = update_profile(values)
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.saved.emit(profile)
        self.accept()
