"""The Team page: who works on the case, in which role, and adding a reviewer or DPO.

A thin shell over the same session calls as the command line's users commands: `users`,
`add_user` (a new user brings their own passphrase, typed twice here) and `set_passphrase`.
Who may add or change whom is decided by the session (the case owner or a DPO); a refusal is
shown in its own words. After a change every page hears `USERS`, so "Acting as" on the Review
page lists the new user at once.

On a team server the page says who is signed in (the database login, the only user one can act
as there) and hides the form: people are added and given roles on the server, not per case.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import Role
from sar_desk.app.opening import is_team_session
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.context import CASE, USERS, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.tables import cell
from sar_desk.gui.widgets.lazy import LazyPanel

HEADERS = ("Name", "Role", "How they were added")


class TeamPanel(LazyPanel):
    """The case's users and roles, with a form to add a user or change a role."""

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Case users")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._picked)
        self.acting = QLabel()
        self.acting.setAccessibleName("You are working as")
        self.acting.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName("User name")
        self.name.setPlaceholderText("e.g. Sam Reviewer")
        self.name.textChanged.connect(self._update)
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in Role:
            self.role.addItem(role.label.capitalize(), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.REVIEWER.value))
        self.passphrase = _secret("Their passphrase")
        self.confirm = _secret("Their passphrase again")
        for field in (self.passphrase, self.confirm):
            field.textChanged.connect(self._update)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.add_button = QPushButton("&Add user or change role")
        self.add_button.setObjectName("primary")
        self.add_button.setAccessibleName("Add user or change role")
        self.add_button.clicked.connect(self.save)
        self._build()
        context.opened.connect(self.request_refresh)
        context.case_changed.connect(self._changed)
        self._update()

    def _build(self) -> None:
        title = QLabel("Team")
        title.setObjectName("panelTitle")
        intro = QLabel(
            "Everyone who works on this case has a role. Four eyes: a reviewer or the DPO "
            "approves what a case handler decides, and only the DPO signs off."
        )
        intro.setWordWrap(True)
        form_box = self.form_box = QGroupBox("Add a user or change a role")
        form = QFormLayout(form_box)
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow("&Passphrase", self.passphrase)
        form.addRow("Pass&phrase again", self.confirm)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        form.addRow(self.note)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.acting)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)

    def _changed(self, changes: frozenset[str]) -> None:
        if changes & {USERS, CASE}:
            self.request_refresh()

    def refresh(self) -> None:
        """Re-read the case's users."""
        session = self.context.session
        if session is None:
            return
        users = session.review.users()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(users))
        for row, (name, role, how) in enumerate(users):
            for col, text in enumerate((name, role.label, how)):
                self.table.setItem(row, col, cell(text))
        self.table.setSortingEnabled(True)
        mine = session.review.role()
        said = f" ({mine.label})." if mine is not None else " (no role on this case)."
        team = is_team_session(session)
        if team:
            self.acting.setText(
                f"You are signed in to the team server as {session.user}{said} On the team "
                "server everyone signs in with their own login, and the server's administrator "
                "gives each login its role, so people are not added case by case here."
            )
        else:
            self.acting.setText(f"You are working as {session.user}{said}")
        self.form_box.setVisible(not team)
        self._update()

    def _known(self) -> bool:
        session = self.context.session
        typed = self.name.text().strip().casefold()
        return session is not None and typed in {n.casefold() for n, _, _ in session.review.users()}

    def _picked(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        row = rows.pop()
        name, role = self.table.item(row, 0), self.table.item(row, 1)
        if name is None or role is None:
            return
        self.name.setText(name.text())
        for value in Role:
            if value.label == role.text():
                self.role.setCurrentIndex(self.role.findData(value.value))

    def _update(self) -> None:
        """Ask for a passphrase only for a new user, and say why the button is off."""
        known = self._known()
        for field in (self.passphrase, self.confirm):
            field.setEnabled(not known)
        name = self.name.text().strip()
        if not name:
            why = "Type the person's name."
        elif known:
            why = f"{name} is already on the case: saving changes their role."
        elif not self.passphrase.text():
            why = f"{name} types their own passphrase twice; acting as them will need it."
        elif self.passphrase.text() != self.confirm.text():
            why = "The two passphrases are not the same."
        else:
            why = ""
        self.note.setText(why)
        ready = bool(name) and (known or (bool(self.passphrase.text()) and not why))
        self.add_button.setEnabled(ready and self.context.session is not None)

    def save(self) -> None:
        """Add the user (or change their role) through the session; show any refusal."""
        session = self.context.require()
        known = self._known()
        role = Role(self.role.currentData())
        try:
            row = session.review.add_user(
                self.name.text(), role, None if known else self.passphrase.text()
            )
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.passphrase.clear()
        self.confirm.clear()
        self.name.clear()
        self.context.notify(frozenset({USERS}))
        self.note.setText(f"{row.name} is now {Role(row.role).label} on this case.")

    def set_busy(self, busy: bool) -> None:
        """No user changes while a writing job runs."""
        self.add_button.setEnabled(not busy)
        if not busy:
            self._update()


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
