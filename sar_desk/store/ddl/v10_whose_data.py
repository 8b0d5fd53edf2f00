"""Step 10 (issue 13): item subjects, scope-exclusion approvals and sign-off voids.

Whose data a review item is, second-person approvals of scope exclusions, and sign-offs
voided by a later change.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE item_subjects (
    id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    person_id INTEGER,
    other_individual BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(item_id) REFERENCES review_items (id),
    FOREIGN KEY(person_id) REFERENCES persons (id)
)""",
    """CREATE TABLE scope_approvals (
    id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(message_id) REFERENCES messages (id)
)""",
    """CREATE TABLE signoff_voids (
    id INTEGER NOT NULL,
    signoff_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    cause TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (signoff_id),
    FOREIGN KEY(signoff_id) REFERENCES signoffs (id)
)""",
)
