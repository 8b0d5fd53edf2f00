"""Which sections the case window has, in sidebar order, and how each panel is built.

A section is listed only when its back end exists in this release; there are no placeholder
screens. Each builder gets the window (for its context and job controller) and returns the panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from sar_desk.gui.widgets.audit_panel import AuditPanel
from sar_desk.gui.widgets.dashboard import DashboardPanel
from sar_desk.gui.widgets.export_panel import ExportPanel
from sar_desk.gui.widgets.import_panel import ImportPanel
from sar_desk.gui.widgets.people_panel import PeoplePanel
from sar_desk.gui.widgets.records_panel import RecordsPanel
from sar_desk.gui.widgets.retention_panel import RetentionPanel
from sar_desk.gui.widgets.review_panel import ReviewPanel
from sar_desk.gui.widgets.search_panel import SearchPanel
from sar_desk.gui.widgets.team_panel import TeamPanel

if TYPE_CHECKING:
    from sar_desk.gui.main_window import MainWindow

DASHBOARD = "Dashboard"
IMPORT = "Import"
PEOPLE = "People"
SEARCH = "Search"
REVIEW = "Review"
RECORDS = "Records"
TEAM = "Team"
EXPORT = "Export"
RETENTION = "Retention"
AUDIT = "Audit"


def build_sections(window: MainWindow) -> list[tuple[str, QWidget]]:
    """The case window's panels, in sidebar order."""
    context, jobs = window.context, window.jobs
    search = SearchPanel(context, jobs)
    search.count_changed.connect(window.count_label.setText)
    find = window._action(
        "&Find in messages",
        QKeySequence(QKeySequence.StandardKey.Find),
        lambda: _focus_search(window, search),
    )
    window.go_menu.addAction(find)
    dashboard = DashboardPanel(context, jobs)
    dashboard.go_to.connect(window.show_section)
    retention = RetentionPanel(context)
    retention.purged.connect(window.case_purged)
    return [
        (DASHBOARD, dashboard),
        (IMPORT, ImportPanel(context, jobs)),
        (PEOPLE, PeoplePanel(context)),
        (SEARCH, search),
        (REVIEW, ReviewPanel(context, jobs)),
        (RECORDS, RecordsPanel(context)),
        (TEAM, TeamPanel(context)),
        (EXPORT, ExportPanel(context, jobs)),
        (RETENTION, retention),
        (AUDIT, AuditPanel(context)),
    ]


def _focus_search(window: MainWindow, search: SearchPanel) -> None:
    if window.context.session is not None:
        window.show_section(SEARCH)
        search.focus_text()
