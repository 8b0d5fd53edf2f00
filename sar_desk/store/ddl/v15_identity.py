"""Step 15 (issue 17): passphrases for acting as a case user, and the audit anchor upgrade mark.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
The ``audit_upgrade`` mark tells the first write after this step to seal the decision rows
written before it into the audit chain and to start the head file outside the database.
"""

DDL: tuple[str, ...] = (
    "ALTER TABLE review_users ADD COLUMN passphrase_hash TEXT",
    "INSERT INTO case_meta (key, value) VALUES ('audit_upgrade', '15')",
)
