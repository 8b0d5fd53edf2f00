"""Numbered schema migrations, recorded in SQLite's ``PRAGMA user_version``.

The convention (read this before adding a step):

- Each step is one module ``store/ddl/vNN_<what>.py`` holding ``DDL: tuple[str, ...]``, the SQL
  text of the step as it ships (one statement per string; triggers may hold ``;`` inside).
  Write it by hand, or capture what ``Table.create()`` emits, then paste the text: a step never
  refers to today's ``Table`` objects, which keep changing, so old and new cases cannot drift.
- A step that must also move data adds a function ``fill(conn)`` in its module (raw SQL, or
  store functions whose tables that step already has).
- Register it with ONE line in `MIGRATIONS` below (and one import line), so parallel branches
  merge by keeping both lines. Numbers only grow and are never reused.
- Never edit a step that has shipped; change the schema in a new step, and change the
  ``Table`` objects to match. ``tests/unit/store/test_migrations.py`` checks that a case made
  by step 1 migrates to exactly the schema of a new case and that it matches the ``Table``
  definitions (columns, types, indexes, FTS tables and triggers).

A case written by a newer release (a higher user_version than the last step) is refused by
`store.db.open_store`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection

from sar_desk.store.ddl import (
    v01_initial,
    v02_audit,
    v03_findings,
    v04_people_search,
    v05_review,
    v07_detection_runs,
    v08_pit_qa,
    v09_legitimate_interests,
    v10_whose_data,
    v13_copies,
    v15_identity,
    v16_elusion,
    v17_attachments,
    v18_attachment_review,
)

Migration = Callable[[Connection], None]


class FrozenStep:
    """A migration step that runs its frozen DDL, then its data step if it has one.

    It keeps its text so the team store (`store.pg.ddl`) can run the same step translated.
    """

    def __init__(self, ddl: Sequence[str], fill: Migration | None = None) -> None:
        self.ddl = tuple(ddl)
        self.fill = fill

    def __call__(self, conn: Connection) -> None:
        """Run the step in `conn`'s transaction."""
        for statement in self.ddl:
            conn.exec_driver_sql(statement)
        if self.fill is not None:
            self.fill(conn)


def frozen(ddl: Sequence[str], fill: Migration | None = None) -> FrozenStep:
    """A migration step that runs its frozen DDL, then its data step if it has one."""
    return FrozenStep(ddl, fill)


# (version, step), one line per step. Append only: 6, 11, 12 and 14 were reserved on branches
# and never used, and must not be used now (a case records only its highest step). The next
# step is 17.
MIGRATIONS: list[tuple[int, Migration]] = [
    (1, frozen(v01_initial.DDL)),
    (2, frozen(v02_audit.DDL)),
    (3, frozen(v03_findings.DDL)),
    (4, frozen(v04_people_search.DDL, v04_people_search.fill)),
    (5, frozen(v05_review.DDL)),
    (7, frozen(v07_detection_runs.DDL)),
    (8, frozen(v08_pit_qa.DDL)),
    (9, frozen(v09_legitimate_interests.DDL)),
    (10, frozen(v10_whose_data.DDL)),
    (13, frozen(v13_copies.DDL, v13_copies.fill)),
    (15, frozen(v15_identity.DDL)),
    (16, frozen(v16_elusion.DDL)),
    (17, frozen(v17_attachments.DDL)),
    (18, frozen(v18_attachment_review.DDL)),
]


def latest_version() -> int:
    """The schema version this release writes."""
    return max(version for version, _ in MIGRATIONS)
