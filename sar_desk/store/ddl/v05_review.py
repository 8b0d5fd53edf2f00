"""Step 5: review items, decision events, third-party records, sign-offs and review users.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE review_items (
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    finding_id INTEGER,
    message_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    score FLOAT,
    recognizer TEXT NOT NULL,
    person_id INTEGER,
    duplicate_of INTEGER,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (finding_id),
    FOREIGN KEY(message_id) REFERENCES messages (id)
)""",
    "CREATE INDEX ix_review_items_message ON review_items (message_id)",
    """CREATE TABLE decision_events (
    id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    code TEXT,
    rationale TEXT NOT NULL,
    note TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text TEXT,
    bulk BOOLEAN NOT NULL,
    table_version TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(item_id) REFERENCES review_items (id)
)""",
    "CREATE INDEX ix_decision_events_item ON decision_events (item_id, id)",
    """CREATE TABLE third_party_records (
    id INTEGER NOT NULL,
    party TEXT NOT NULL,
    person_id INTEGER,
    details TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_third_party_party ON third_party_records (party, id)",
    """CREATE TABLE signoffs (
    id INTEGER NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE review_users (
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (name)
)""",
)
