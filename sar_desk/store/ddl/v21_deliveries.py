"""Step 21 (issue 19, R64): delivery records of exported packs.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE deliveries (
    id INTEGER NOT NULL,
    export_id TEXT NOT NULL,
    method TEXT NOT NULL,
    recipient TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    password_channel TEXT,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_deliveries_export ON deliveries (export_id, id)",
)
