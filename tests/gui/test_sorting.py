"""Every table sorts by a click on its header: search results by re-querying page by page, the
small tables by what they show (numbers as numbers), keeping each row's record (issue 19)."""

from __future__ import annotations

from pathlib import Path

from gui_data import write_chat
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QTableView
from test_workflow import create_case, import_file

from sar_desk.gui.models.messages import COL_SENDER, COL_TIME
from sar_desk.gui.sections import IMPORT, SEARCH
from sar_desk.gui.tables import sort_key


def click_header(qtbot, view: QTableView, column: int) -> None:  # type: ignore[no-untyped-def]
    header: QHeaderView = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_cells_sort_numbers_by_value_and_text_naturally() -> None:
    assert sorted(["1,204", "95", "#12", "x"], key=sort_key) == ["#12", "95", "1,204", "x"]
    assert sorted(["line 12", "Line 100", "line 9"], key=sort_key) == [
        "line 9",
        "line 12",
        "Line 100",
    ]


def test_search_results_sort_by_sender_across_pages(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(window, qtbot, write_chat(tmp_path / "exports", lines=450))
    search = window.show_section(SEARCH)
    search.run_search(logged=False)
    qtbot.waitUntil(lambda: search.model.rowCount() == 200, timeout=10_000)
    click_header(qtbot, search.table, COL_SENDER)
    click_header(qtbot, search.table, COL_SENDER)  # the second click: Z to A
    assert search.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    while search.model.canFetchMore():
        search.model.fetchMore()
    rows = [search.model.message(r) for r in range(search.model.rowCount())]
    assert len(rows) == 455
    assert len({int(m.id) for m in rows}) == 455  # every message once, across the pages
    senders = [m.sender or "" for m in rows]
    assert senders == sorted(senders, reverse=True)
    assert senders[0] == "Sam Patel"
    assert senders[-1] == "Alex Morgan"
    click_header(qtbot, search.table, COL_TIME)
    times = [search.model.message(r).timestamp for r in range(search.model.rowCount())]
    assert times == sorted(times)
    assert not dialogs


def test_the_import_report_sorts_and_keeps_each_rows_source(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(
        window, qtbot, write_chat(tmp_path / "a", name="WhatsApp Chat with B.txt", lines=12)
    )
    import_file(window, qtbot, write_chat(tmp_path / "b", name="WhatsApp Chat with A.txt"))
    report = window.show_section(IMPORT).report
    results = report.results
    assert results.rowCount() == 2
    click_header(qtbot, results, 3)  # Messages, as numbers
    counts = [int(results.item(r, 3).text().replace(",", "")) for r in range(2)]
    assert counts == sorted(counts)
    assert counts[0] != counts[1]
    for row in range(2):  # each row still opens its own source's report after the sort
        results.setCurrentCell(row, 0)
        assert report.notes.text().startswith(results.item(row, 0).text())
    click_header(qtbot, results, 0)
    assert [results.item(r, 0).text() for r in range(2)] == [
        "WhatsApp Chat with A.txt",
        "WhatsApp Chat with B.txt",
    ]
    assert not dialogs
