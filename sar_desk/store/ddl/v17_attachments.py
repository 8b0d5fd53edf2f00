"""Step 17 (issue 16): attachments kept with their message, their text, and findings in it.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.

- ``attachments``: one row per file a message referred to (kept, refused or missing), with its
  sniffed media type, size, content hash and where the read-only copy is.
- ``attachment_texts``: text read out of a file, keyed by content hash so a photo sent twice is
  read once; word boxes as JSON.
- ``attachments_fts``: the words of each attachment's text (rowid = attachment id), so search
  finds a message by the text in its photo.
- ``attachment_findings``: detection's proposals in attachment text (spans into that text).
- ``scanned_attachments``: which attachments' text detection has scanned, and in which run.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE attachments (
    id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    declared_type TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    stored_path TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(message_id) REFERENCES messages (id),
    FOREIGN KEY(source_id) REFERENCES sources (id)
)""",
    "CREATE INDEX ix_attachments_message ON attachments (message_id, position)",
    "CREATE INDEX ix_attachments_sha ON attachments (sha256)",
    """CREATE TABLE attachment_texts (
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    boxes_json TEXT NOT NULL,
    pages INTEGER NOT NULL,
    engine TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    PRIMARY KEY (sha256)
)""",
    "CREATE VIRTUAL TABLE attachments_fts USING fts5(text, "
    'tokenize="unicode61 remove_diacritics 2")',
    "CREATE TRIGGER attachments_fts_ad AFTER DELETE ON attachments BEGIN "
    "DELETE FROM attachments_fts WHERE rowid = old.id; END",
    """CREATE TABLE attachment_findings (
    id INTEGER NOT NULL,
    attachment_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    score FLOAT NOT NULL,
    recognizer TEXT NOT NULL,
    explanation TEXT NOT NULL,
    person_id INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(attachment_id) REFERENCES attachments (id),
    FOREIGN KEY(message_id) REFERENCES messages (id)
)""",
    "CREATE INDEX ix_attachment_findings_attachment ON attachment_findings (attachment_id, start)",
    "CREATE INDEX ix_attachment_findings_message ON attachment_findings (message_id)",
    """CREATE TABLE scanned_attachments (
    attachment_id INTEGER NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (attachment_id),
    FOREIGN KEY(attachment_id) REFERENCES attachments (id),
    FOREIGN KEY(run_id) REFERENCES detection_runs (id)
)""",
)
