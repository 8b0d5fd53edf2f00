"""Step 18 (issue 16 items 3-4): review decisions on attachments, one row per recorded event.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.

- ``attachment_review_events``: appended, never edited. A ``propose`` row holds the whole
  proposal (action, code, boxes as JSON); each box added, moved or deleted is a new proposal.
  An ``approve`` row is the second person's approval of the proposal before it.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE attachment_review_events (
    id INTEGER NOT NULL,
    attachment_id INTEGER NOT NULL,
    event TEXT NOT NULL,
    action TEXT,
    code TEXT,
    boxes_json TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(attachment_id) REFERENCES attachments (id)
)""",
    "CREATE INDEX ix_attachment_review_events_attachment "
    "ON attachment_review_events (attachment_id, id)",
)
