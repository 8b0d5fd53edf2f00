"""Step 16 (issue 15 item 5b): elusion tests and the reviewer's marks on their samples.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE elusion_tests (
    id INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    population TEXT NOT NULL,
    sample TEXT NOT NULL,
    drawn_by TEXT NOT NULL,
    drawn_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE elusion_marks (
    id INTEGER NOT NULL,
    test_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    missed BOOLEAN NOT NULL,
    note TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(test_id) REFERENCES elusion_tests (id),
    FOREIGN KEY(message_id) REFERENCES messages (id)
)""",
    "CREATE INDEX ix_elusion_marks_test ON elusion_marks (test_id, message_id, id)",
)
