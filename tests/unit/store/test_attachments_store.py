"""Attachment rows, their text (cached by content hash), its search index and findings (step 17)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sar_desk.core.attachments import (
    AttachmentFinding,
    AttachmentPlan,
    AttachmentStatus,
    AttachmentText,
    TextKind,
    WordBox,
    boxes_for_span,
)
from sar_desk.core.imports import RawMessage
from sar_desk.core.model import MessageId, MessageKind, SourceId, TimeBasis
from sar_desk.store import Store, open_store
from sar_desk.store import attachments as store_attachments
from sar_desk.store.sources import add_source
from sar_desk.store.writer import ImportWriter

SHA = "ab" * 32


def _case(tmp_path: Path) -> tuple[Store, SourceId, MessageId]:
    store = open_store(tmp_path / "case.db", create=True)
    with store.transaction() as conn:
        source = add_source(
            conn,
            platform="whatsapp",
            original_name="chat.zip",
            stored_path="",
            sha256="cd" * 32,
            size=1,
            custodian=None,
            imported_at=datetime.now(UTC),
            importer_version="t",
        )
        writer = ImportWriter(conn, source)
        writer.add(
            RawMessage(
                "whatsapp",
                "c",
                "Chat",
                "Sam",
                None,
                None,
                datetime(2026, 1, 1, tzinfo=UTC),
                "x",
                TimeBasis.CASE_TZ,
                MessageKind.MEDIA,
                "see photo",
            )
        )
        writer.finish()
        message = conn.exec_driver_sql("SELECT id FROM messages").scalar_one()
    return store, SourceId(source), MessageId(message)


def _plan(position: int, sha: str | None, status: AttachmentStatus) -> AttachmentPlan:
    return AttachmentPlan(
        position=position,
        name=f"IMG-{position}.jpg",
        declared_type="image",
        media_type="image/jpeg" if sha else "application/octet-stream",
        size=10 if sha else 0,
        sha256=sha,
        status=status,
        reason="" if status is AttachmentStatus.KEPT else "why",
        stored_path=f"attachments/{sha}" if sha else None,
    )


def test_rows_text_and_search_round_trip(tmp_path: Path) -> None:
    store, source, message = _case(tmp_path)
    with store.transaction() as conn:
        ids = store_attachments.add_attachments(
            conn,
            [
                (message, source, _plan(0, SHA, AttachmentStatus.KEPT)),
                (message, source, _plan(1, None, AttachmentStatus.MISSING)),
            ],
        )
        assert store_attachments.unread(conn) == [(SHA, f"attachments/{SHA}", "image/jpeg")]
        words = (
            WordBox("Jordan", 0, 10, 20, 60, 40, 0, 6),
            WordBox("Blake", 0, 70, 20, 110, 40, 7, 12),
        )
        store_attachments.save_text(
            conn, AttachmentText(SHA, TextKind.OCR, "Jordan Blake", words, 1, "test")
        )
        assert store_attachments.unread(conn) == []
        hits = conn.execute(store_attachments.message_ids_matching('"blake"', "q")).all()
        assert [int(h[0]) for h in hits] == [message]
    with store.read() as conn:
        found = store_attachments.attachments_of(conn, [message])[message]
        assert [a.status for a in found] == [AttachmentStatus.KEPT, AttachmentStatus.MISSING]
        assert found[0].text == "Jordan Blake"
        assert found[0].text_kind is TextKind.OCR
        assert found[1].text_kind is TextKind.NONE
        assert found[1].sha256 is None
        read = store_attachments.get_text(conn, SHA)
        assert read is not None
        assert read.boxes == words
        assert boxes_for_span(read.boxes, 7, 12) == [words[1]]
        assert store_attachments.status_counts(conn) == {"kept": 1, "missing": 1}
    with store.transaction() as conn:
        store_attachments.save_findings(
            conn,
            [AttachmentFinding(ids[0], message, 0, 12, "Jordan Blake", "PERSON", 0.85, "r")],
        )
        (finding,) = store_attachments.findings_of(conn, [ids[0]])
        assert (finding.start, finding.end, finding.id is not None) == (0, 12, True)
        store_attachments.clear_findings(conn, [ids[0]])
        assert store_attachments.findings_of(conn, [ids[0]]) == []
    store.close()


def test_a_copy_of_text_already_read_is_searchable_at_once(tmp_path: Path) -> None:
    store, source, message = _case(tmp_path)
    with store.transaction() as conn:
        store_attachments.add_attachments(
            conn, [(message, source, _plan(0, SHA, AttachmentStatus.KEPT))]
        )
        store_attachments.save_text(conn, AttachmentText(SHA, TextKind.OCR, "Flat 4 Cedar Court"))
        store_attachments.add_attachments(
            conn, [(message, source, _plan(1, SHA, AttachmentStatus.KEPT))]
        )
        hits = conn.execute(store_attachments.message_ids_matching('"cedar"', "q")).all()
    assert len(hits) == 2
    store.close()
