"""The Export page's delivery form: the password's channel for an encrypted pack, never itself."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from sar_desk.app.session import CaseSession
from sar_desk.core.delivery import DeliveryMethod, PasswordChannel
from sar_desk.core.model import Case, Regime
from sar_desk.gui.widgets.delivery_box import DeliveryBox
from sar_desk.store import audit


def _case(tmp_path: Path, encrypted: bool) -> CaseSession:
    case = Case(reference="SAR-DLV-1", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    # An export as its audit entry records it (building a real bundle is the journey's job).
    with session.store.transaction() as conn:
        details = {"export_id": "SAR-DLV-1-x", "manifest_sha256": "0" * 64}
        if encrypted:
            details["pack_password"] = "sent separately"
        audit.append(conn, "officer", "export", details, at=datetime.now(UTC) - timedelta(hours=2))
    return session


@pytest.fixture
def box(qtbot) -> DeliveryBox:  # type: ignore[no-untyped-def]
    widget = DeliveryBox()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_an_encrypted_pack_needs_the_passwords_channel_before_recording(
    box: DeliveryBox, tmp_path: Path, qtbot, dialogs
) -> None:
    session = _case(tmp_path, encrypted=True)
    box.show_session(session)
    assert "no delivery recorded yet" in box.state.text()
    assert "password" in box.state.text()
    assert not box.table.isVisible()
    qtbot.keyClicks(box.recipient, "alex.morgan@example.org")
    assert not box.record_button.isEnabled()  # the channel is still to choose
    box.password.setCurrentIndex(box.password.findData(PasswordChannel.TEXT_MESSAGE.value))
    box.method.setCurrentIndex(box.method.findData(DeliveryMethod.SECURE_EMAIL.value))
    assert box.record_button.isEnabled()
    with qtbot.waitSignal(box.recorded):
        qtbot.mouseClick(box.record_button, Qt.MouseButton.LeftButton)
    assert not dialogs
    (recorded,) = session.delivery.deliveries()
    assert recorded.recipient == "alex.morgan@example.org"
    assert recorded.password_channel is PasswordChannel.TEXT_MESSAGE
    assert recorded.recorded_by == "officer"
    box.show_session(session)
    assert "The newest bundle was delivered: Secure e-mail to alex.morgan" in box.state.text()
    assert box.table.rowCount() == 1
    assert box.table.item(0, 3).text() == "text message"
    session.close()


def test_a_plain_pack_offers_no_password_and_a_refusal_is_shown_in_words(
    box: DeliveryBox, tmp_path: Path, qtbot, dialogs
) -> None:
    session = _case(tmp_path, encrypted=False)
    box.show_session(session)
    assert not box.password.isEnabled()
    qtbot.keyClicks(box.recipient, "1 High Street")
    box.sent_at.setDateTime(QDateTime(QDate(2020, 1, 1), QTime(9, 0)))  # before the export
    qtbot.mouseClick(box.record_button, Qt.MouseButton.LeftButton)
    (shown,) = dialogs
    assert "it was exported at" in shown.text()  # type: ignore[attr-defined]
    assert session.delivery.deliveries() == []
    session.close()


def test_with_nothing_exported_the_form_waits(box: DeliveryBox, tmp_path: Path) -> None:
    case = Case(reference="SAR-DLV-2", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "empty", case, user="officer")
    box.show_session(session)
    assert "Nothing is exported yet" in box.state.text()
    assert not box.isEnabled()
    session.close()
