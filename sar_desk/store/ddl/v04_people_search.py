"""Step 4 (issue 4): people resolution, scope, the search log, and the digits and mentions indexes.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

from sqlalchemy import Connection

from sar_desk.store.fts import index_messages

DDL: tuple[str, ...] = (
    """CREATE TABLE identity_links (
    id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    "key" TEXT NOT NULL,
    other_key TEXT NOT NULL,
    display_name TEXT,
    PRIMARY KEY (id),
    UNIQUE ("key", other_key)
)""",
    "CREATE INDEX ix_identity_links_other ON identity_links (other_key)",
    """CREATE TABLE person_decisions (
    id INTEGER NOT NULL,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    other_id INTEGER,
    automatic BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    details_json TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE person_separations (
    person_a INTEGER NOT NULL,
    person_b INTEGER NOT NULL,
    UNIQUE (person_a, person_b)
)""",
    """CREATE TABLE name_suggestions (
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    other_id INTEGER,
    score INTEGER NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_name_suggestions_pair ON name_suggestions (kind, person_id, other_id)",
    """CREATE TABLE message_scope (
    message_id INTEGER NOT NULL,
    relevance TEXT,
    in_disclosure BOOLEAN,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (message_id),
    FOREIGN KEY(message_id) REFERENCES messages (id)
)""",
    "CREATE INDEX ix_message_scope_disclosure ON message_scope (in_disclosure, relevance)",
    """CREATE TABLE scope_events (
    id INTEGER NOT NULL,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    message_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    value TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE search_log (
    id INTEGER NOT NULL,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    origin TEXT NOT NULL,
    text TEXT,
    person_ids_json TEXT NOT NULL,
    person_names_json TEXT NOT NULL,
    person_roles_json TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    platforms_json TEXT NOT NULL,
    conversations_json TEXT NOT NULL,
    include_excluded BOOLEAN NOT NULL,
    total INTEGER NOT NULL,
    by_source_json TEXT NOT NULL,
    by_platform_json TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE source_exclusions (
    id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    excluded BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE unavailable_sources (
    id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    custodian TEXT,
    description TEXT NOT NULL,
    explanation TEXT NOT NULL,
    as_of TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE VIRTUAL TABLE messages_digits USING fts5(digits, tokenize='trigram')",
    (
        "CREATE TABLE message_mentions (message_id INTEGER NOT NULL REFERENCES messages(id), "
        "value TEXT NOT NULL, PRIMARY KEY (value, message_id)) WITHOUT ROWID"
    ),
    (
        "CREATE TRIGGER messages_digits_ad AFTER DELETE ON messages BEGIN DELETE FROM "
        "messages_digits WHERE rowid = old.id; DELETE FROM message_mentions WHERE message_id = "
        "old.id; END"
    ),
    "CREATE INDEX ix_messages_reply_to ON messages(reply_to) WHERE reply_to IS NOT NULL",
)


def fill(conn: Connection) -> None:
    """Index the messages a case already holds in the new digits and mentions tables."""
    last = 0
    while True:
        rows = conn.exec_driver_sql(
            "SELECT id, text, mentions_json FROM messages WHERE id > ? ORDER BY id LIMIT 5000",
            (last,),
        ).all()
        if not rows:
            break
        index_messages(
            conn, [{"id": r.id, "text": r.text, "mentions_json": r.mentions_json} for r in rows]
        )
        last = int(rows[-1].id)
