"""Table definitions shared by every store module (SQLAlchemy Core, dialect-neutral).

Feature modules that need more tables define them against the same `metadata` in their own
module and create them in a numbered migration (see `store.migrations`).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

case_meta = Table(
    "case_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("original_name", Text, nullable=False),
    Column("stored_path", Text, nullable=False),
    Column("sha256", Text, nullable=False, unique=True),
    Column("size", BigInteger, nullable=False),
    Column("custodian", Text),
    Column("imported_at", Text, nullable=False),
    Column("importer_version", Text, nullable=False),
    Column("message_count", Integer, nullable=False, default=0),
    Column("system_count", Integer, nullable=False, default=0),
    Column("issue_count", Integer, nullable=False, default=0),
    Column("duplicate_count", Integer, nullable=False, default=0),
    Column("excluded", Boolean, nullable=False, default=False),
    Column("exclusion_reason", Text),
    Column("settings_json", Text, nullable=False, default="{}"),
    Column("report_json", Text, nullable=False, default="{}"),
)

# Step 13: every custodian a source came from. A byte-identical export handed over by a second
# custodian adds a row here instead of a second copy of the file.
source_custodians = Table(
    "source_custodians",
    metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("custodian", Text, nullable=False),
    Column("added_at", Text, nullable=False),
    Column("added_by", Text, nullable=False),
    PrimaryKeyConstraint("source_id", "custodian"),
)

# Step 13: how finely a source gives times, in microseconds (60,000,000 = to the minute). Two
# copies of a message match when their times agree at the coarser of their two sources'.
source_precision = Table(
    "source_precision",
    metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), primary_key=True),
    Column("micros", BigInteger, nullable=False),
)

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("title", Text, nullable=False),
    UniqueConstraint("platform", "key"),
)

persons = Table(
    "persons",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("role", Text, nullable=False, default="unknown"),
    Column("official_capacity", Boolean, nullable=False, default=False),
    Column("created_at", Text, nullable=False),
)

participants = Table(
    "participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("identifier", Text, nullable=False),
    Column("display_name", Text),
    Column("person_id", Integer, ForeignKey("persons.id")),
    UniqueConstraint("platform", "kind", "identifier"),
)

conversation_members = Table(
    "conversation_members",
    metadata,
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=False),
    Column("participant_id", Integer, ForeignKey("participants.id"), nullable=False),
    PrimaryKeyConstraint("conversation_id", "participant_id"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=False),
    Column("participant_id", Integer, ForeignKey("participants.id")),
    Column("sender", Text),
    Column("sender_id", Text),
    # Microseconds since the epoch (UTC) so range filters and keyset paging are integer compares.
    Column("sent_at", BigInteger, nullable=False),
    Column("utc_offset", Integer, nullable=False),
    Column("time_basis", Text, nullable=False),
    Column("timestamp_raw", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("attachments_json", Text, nullable=False, default="[]"),
    Column("reactions_json", Text, nullable=False, default="[]"),
    Column("mentions_json", Text, nullable=False, default="[]"),
    Column("platform_message_id", Text),
    Column("reply_to_platform_id", Text),
    Column("reply_to", Integer),
    Column("edited", Boolean, nullable=False, default=False),
    Column("dedup_key", Text, nullable=False, unique=True),
    Column("seq", Integer, nullable=False),
    Index("ix_messages_sent", "sent_at", "id"),
    Index("ix_messages_conv_sent", "conversation_id", "sent_at", "id"),
    Index("ix_messages_participant_sent", "participant_id", "sent_at"),
    Index("ix_messages_platform_id", "conversation_id", "platform_message_id"),
)

message_sources = Table(
    "message_sources",
    metadata,
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("location", Text, nullable=False, default=""),
    PrimaryKeyConstraint("message_id", "source_id"),
    Index("ix_message_sources_source", "source_id"),
)

# Step 17 (issue 16): the files messages referred to, kept, refused or missing. A kept file's
# copy is content-addressed under the case folder (see `store.folder`); `sha256` is null when
# the file was never read (missing from the export, or refused before reading).
attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("declared_type", Text, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", Text),
    Column("status", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("stored_path", Text),
    Index("ix_attachments_message", "message_id", "position"),
    Index("ix_attachments_sha", "sha256"),
)

# Step 17: text read out of a file, once per content hash (a photo forwarded twice is read once).
attachment_texts = Table(
    "attachment_texts",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("boxes_json", Text, nullable=False),
    Column("pages", Integer, nullable=False),
    Column("engine", Text, nullable=False),
    Column("extracted_at", Text, nullable=False),
)

# Step 17: detection's proposals in attachment text; start/end index the attachment's text.
attachment_findings = Table(
    "attachment_findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("attachment_id", Integer, ForeignKey("attachments.id"), nullable=False),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("entity_type", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("recognizer", Text, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("person_id", Integer),
    Column("created_at", Text, nullable=False),
    Index("ix_attachment_findings_attachment", "attachment_id", "start"),
    Index("ix_attachment_findings_message", "message_id"),
)

# Step 17: attachments whose text detection has scanned (a later run skips them).
scanned_attachments = Table(
    "scanned_attachments",
    metadata,
    Column("attachment_id", Integer, ForeignKey("attachments.id"), primary_key=True),
    Column("run_id", Integer, ForeignKey("detection_runs.id"), nullable=False),
)
