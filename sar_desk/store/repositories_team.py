"""The team-server repository of a unit of work (issue 17): what only the PostgreSQL store has.

Kept apart and loaded on first use (`UnitOfWork.team`) because the server module brings in the
PostgreSQL driver, which a case file never needs and start-up should not pay for.
"""

from __future__ import annotations

from sar_desk.store.pg import destroy, move, roles, server
from sar_desk.store.repository import Bound, Repository


class TeamRepository(Repository):
    """The team server's roles, case creation, the move of a case file onto it, its files."""

    team_roles = Bound(roles.team_roles)
    create_case = Bound(server.create_case)
    decision_rows = Bound(move.decision_rows)
    kept_files = Bound(destroy.kept_files)
