"""Step 9 (issue 13): legitimate-interests tests, recorded for the FOI s.40(3A) personal data codes.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE legitimate_interests_tests (
    id INTEGER NOT NULL,
    code TEXT NOT NULL,
    purpose TEXT NOT NULL,
    necessity TEXT NOT NULL,
    balance TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_legitimate_interests_tests_code ON legitimate_interests_tests (code, id)",
)
