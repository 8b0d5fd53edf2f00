"""Step 1 (first release): cases, sources, conversations, people, messages and their FTS5 index.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE case_meta (
    "key" TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
)""",
    """CREATE TABLE sources (
    id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    original_name TEXT NOT NULL,
    stored_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    custodian TEXT,
    imported_at TEXT NOT NULL,
    importer_version TEXT NOT NULL,
    message_count INTEGER NOT NULL,
    system_count INTEGER NOT NULL,
    issue_count INTEGER NOT NULL,
    duplicate_count INTEGER NOT NULL,
    excluded BOOLEAN NOT NULL,
    exclusion_reason TEXT,
    settings_json TEXT NOT NULL,
    report_json TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (sha256)
)""",
    """CREATE TABLE conversations (
    id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    "key" TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (platform, "key")
)""",
    """CREATE TABLE persons (
    id INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    official_capacity BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE participants (
    id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    identifier TEXT NOT NULL,
    display_name TEXT,
    person_id INTEGER,
    PRIMARY KEY (id),
    UNIQUE (platform, kind, identifier),
    FOREIGN KEY(person_id) REFERENCES persons (id)
)""",
    """CREATE TABLE conversation_members (
    conversation_id INTEGER NOT NULL,
    participant_id INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, participant_id),
    FOREIGN KEY(conversation_id) REFERENCES conversations (id),
    FOREIGN KEY(participant_id) REFERENCES participants (id)
)""",
    """CREATE TABLE messages (
    id INTEGER NOT NULL,
    conversation_id INTEGER NOT NULL,
    participant_id INTEGER,
    sender TEXT,
    sender_id TEXT,
    sent_at BIGINT NOT NULL,
    utc_offset INTEGER NOT NULL,
    time_basis TEXT NOT NULL,
    timestamp_raw TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    attachments_json TEXT NOT NULL,
    reactions_json TEXT NOT NULL,
    mentions_json TEXT NOT NULL,
    platform_message_id TEXT,
    reply_to_platform_id TEXT,
    reply_to INTEGER,
    edited BOOLEAN NOT NULL,
    dedup_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(conversation_id) REFERENCES conversations (id),
    FOREIGN KEY(participant_id) REFERENCES participants (id),
    UNIQUE (dedup_key)
)""",
    "CREATE INDEX ix_messages_sent ON messages (sent_at, id)",
    "CREATE INDEX ix_messages_platform_id ON messages (conversation_id, platform_message_id)",
    "CREATE INDEX ix_messages_conv_sent ON messages (conversation_id, sent_at, id)",
    "CREATE INDEX ix_messages_participant_sent ON messages (participant_id, sent_at)",
    """CREATE TABLE message_sources (
    message_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    location TEXT NOT NULL,
    PRIMARY KEY (message_id, source_id),
    FOREIGN KEY(message_id) REFERENCES messages (id),
    FOREIGN KEY(source_id) REFERENCES sources (id)
)""",
    "CREATE INDEX ix_message_sources_source ON message_sources (source_id)",
    (
        "CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', "
        "content_rowid='id', tokenize=\"unicode61 remove_diacritics 2\")"
    ),
    (
        "CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN INSERT INTO "
        "messages_fts(rowid, text) VALUES (new.id, new.text); END"
    ),
    (
        "CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN INSERT INTO "
        "messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    ),
    (
        "CREATE TRIGGER messages_au AFTER UPDATE OF text ON messages BEGIN INSERT INTO "
        "messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT "
        "INTO messages_fts(rowid, text) VALUES (new.id, new.text); END"
    ),
)
