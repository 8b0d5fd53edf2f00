"""The forms that record the legal tests: public interest (R31), s.36 (R32), legitimate interests.

Each form is a code picker, a few text boxes and a button that calls the session (the same
calls as the command line's review pit, qualified-person and legitimate-interests commands);
below it, what is recorded now. The session checks which codes a test applies to and who may
record it; a refusal is shown in its words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.session import CaseSession
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.errors import show_error

# (label, accessible name) of each text box, per form.
Fields = tuple[tuple[str, str], ...]
PIT_FIELDS: Fields = (
    ("Factors &for disclosure", "For"),
    ("Factors &against", "Against"),
    ("&Conclusion", "Conclusion"),
)
S36_FIELDS = (("Qualified &person", "Qualified person"), ("&Opinion", "Opinion"))
LI_FIELDS = (("&Purpose", "Purpose"), ("&Necessity", "Necessity"), ("&Balance", "Balance"))


class RecordForm(QWidget):
    """A code, some text boxes and a Record button; `recorded` runs after a success."""

    def __init__(
        self,
        fields: Fields,
        button: str,
        *,
        with_date: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = QComboBox()
        # Long exemption titles must not make the form (and the page) wider than the window.
        self.code.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.code.setMinimumContentsLength(16)
        self.code.setAccessibleName("Exemption")
        # Qt sizes the box to its placeholder too, so the placeholder stays short.
        self.code.setPlaceholderText("None needed in this regime")
        self.code.setToolTip("Only the exemptions of this case's regime that need this record.")
        self.boxes: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow("&Exemption", self.code)
        for label, name in fields:
            box = QPlainTextEdit()
            box.setAccessibleName(name)
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
            box.textChanged.connect(self._ready)
            self.boxes[name] = box
            form.addRow(label, box)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName("Date of the opinion")
        if with_date:
            form.addRow("&Date of the opinion", self.date)
        self.button = QPushButton(button)
        self.button.setObjectName("primary")
        self.button.setAccessibleName(button.replace("&", ""))
        self.current = QLabel()
        self.current.setAccessibleName("Recorded so far")
        self.current.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.current)
        layout.addStretch(1)
        self._ready()

    def set_codes(self, codes: list[ReasonCode]) -> None:
        """Offer these codes (the regime's codes the test applies to)."""
        self.code.clear()
        for code in codes:
            self.code.addItem(f"{code.marker} — {code.title}", code.code)
        self._ready()

    def text(self, name: str) -> str:
        """What is typed in the box called `name`."""
        return self.boxes[name].toPlainText().strip()

    def opinion_date(self) -> date:
        """The date picked."""
        picked = self.date.date()
        return date(picked.year(), picked.month(), picked.day())

    def _ready(self) -> None:
        filled = all(box.toPlainText().strip() for box in self.boxes.values())
        self.button.setEnabled(filled and self.code.count() > 0)

    def clear(self) -> None:
        """Empty the text boxes after a record."""
        for box in self.boxes.values():
            box.clear()


def run(form: RecordForm, step: Callable[[], object], done: Callable[[], None]) -> bool:
    """Call the session; on success empty the form and run `done`, else show the refusal."""
    try:
        step()
    except SarDeskError as exc:
        show_error(form, exc)
        return False
    form.clear()
    done()
    return True


def pit_form() -> RecordForm:
    """The public interest test form."""
    return RecordForm(PIT_FIELDS, "&Record the public interest test")


def s36_form() -> RecordForm:
    """The s.36 qualified person's opinion form."""
    return RecordForm(S36_FIELDS, "Record the &opinion", with_date=True)


def li_form() -> RecordForm:
    """The legitimate-interests test form."""
    return RecordForm(LI_FIELDS, "Record the &legitimate-interests test")


def fill(session: CaseSession, pit: RecordForm, s36: RecordForm, li: RecordForm) -> None:
    """Offer each form its codes and show what is recorded now."""
    codes = session.review.reason_codes()
    # Recorded tests name their code by its statutory marker and title, never its internal id.
    named = {c.code: f"{c.marker} {c.title}" for c in codes}

    def name(code: str) -> str:
        return named.get(code, "an exemption of another code table")

    pit.set_codes([c for c in codes if c.public_interest_test])
    s36.set_codes([c for c in codes if "s.36" in c.marker or "s 36" in c.reference])
    table = session.review.code_table
    li.set_codes([c for c in codes if c.code in table.legitimate_interests])
    tests = session.review.public_interest_tests()
    pit.current.setText(
        "\n\n".join(
            f"{name(t.code)} — recorded by {t.recorded_by} on {t.recorded_at:%d %b %Y}\n"
            f"For: {t.factors_for}\nAgainst: {t.factors_against}\nConclusion: {t.conclusion}"
            for t in tests.values()
        )
        or "No public interest test recorded yet."
    )
    opinions = session.review.qualified_person_opinions()
    s36.current.setText(
        "\n\n".join(
            f"{name(o.code)} — {o.name}, opinion of {o.opinion_date:%d %b %Y} "
            f"(recorded by {o.recorded_by})\n{o.opinion}"
            for o in opinions.values()
        )
        or "No qualified person's opinion recorded yet."
    )
    li_tests = session.legal.legitimate_interests_tests()
    li.current.setText(
        "\n\n".join(
            f"{name(code)} — recorded by {t.recorded_by}\nPurpose: {t.purpose}\n"
            f"Necessity: {t.necessity}\nBalance: {t.balance}"
            for code, t in li_tests.items()
        )
        or "No legitimate-interests test recorded yet."
    )
