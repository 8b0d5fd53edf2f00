"""Step 7 (issue 5): detection runs and scanned messages, so detection can stop and carry on.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE detection_runs (
    id INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    scope TEXT NOT NULL,
    engine TEXT NOT NULL,
    status TEXT NOT NULL,
    scanned INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE scanned_messages (
    message_id INTEGER NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (message_id),
    FOREIGN KEY(message_id) REFERENCES messages (id),
    FOREIGN KEY(run_id) REFERENCES detection_runs (id)
)""",
)
