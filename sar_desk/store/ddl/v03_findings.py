"""Step 3: detection findings.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE findings (
    id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    score FLOAT NOT NULL,
    recognizer TEXT NOT NULL,
    explanation TEXT NOT NULL,
    person_id INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(message_id) REFERENCES messages (id)
)""",
    "CREATE INDEX ix_findings_entity ON findings (entity_type)",
    "CREATE INDEX ix_findings_message ON findings (message_id)",
)
