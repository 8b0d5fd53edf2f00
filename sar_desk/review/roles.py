"""Users, roles and what each role may do (R51), including who may approve (R52) and sign off.

The person who created the case is its case handler without being registered (they are named in
the audit log's "case-created" entry); everyone else must be added with a role before they can
change anything. Reading and verifying are open to anyone who can open the case folder.
"""

from __future__ import annotations

import enum

from sar_desk.core.errors import BadInputError, Hint, PermissionDeniedError
from sar_desk.store import audit
from sar_desk.store import users as store_users
from sar_desk.store.decisions import Connection


class Role(enum.StrEnum):
    """A user's part in the case workflow (domain.md section 5)."""

    CASE_HANDLER = "case-handler"
    REVIEWER = "reviewer"
    DPO = "dpo"
    AUDITOR = "auditor"

    @property
    def label(self) -> str:
        """A human name for the role."""
        return {
            Role.CASE_HANDLER: "case handler",
            Role.REVIEWER: "reviewer/approver",
            Role.DPO: "DPO / head of IG",
            Role.AUDITOR: "read-only auditor",
        }[self]


class Permission(enum.StrEnum):
    """Things a user may be allowed to do."""

    PROPOSE = "propose"  # accept/reject proposals, manual redactions, withholdings, markers
    APPROVE = "approve"  # the second pair of eyes
    SIGN_OFF = "sign-off"  # DPO sign-off before export (R54)
    MANAGE_USERS = "manage-users"
    RECORD_THIRD_PARTY = "record-third-party"


PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.PROPOSE: frozenset({Role.CASE_HANDLER, Role.REVIEWER, Role.DPO}),
    Permission.APPROVE: frozenset({Role.REVIEWER, Role.DPO}),
    Permission.SIGN_OFF: frozenset({Role.DPO}),
    Permission.MANAGE_USERS: frozenset({Role.CASE_HANDLER, Role.DPO}),
    Permission.RECORD_THIRD_PARTY: frozenset({Role.CASE_HANDLER, Role.REVIEWER, Role.DPO}),
}

_WHAT = {
    Permission.PROPOSE: "make review decisions",
    Permission.APPROVE: "approve redactions",
    Permission.SIGN_OFF: "sign off the case",
    Permission.MANAGE_USERS: "add users to the case",
    Permission.RECORD_THIRD_PARTY: "record third-party decisions",
}


def case_creator(conn: Connection) -> str | None:
    """The user named in the case-created audit entry (the implicit case handler)."""
    created = audit.entries(conn, action="case-created")
    return created[0].user if created else None


def role_of(conn: Connection, user: str) -> Role | None:
    """The user's role, or None when they are not a user of this case."""
    row = store_users.get_user(conn, user)
    if row is not None:
        return Role(row.role)
    creator = case_creator(conn)
    if creator is not None and creator.casefold() == user.casefold():
        return Role.CASE_HANDLER
    return None


def require(conn: Connection, user: str, permission: Permission) -> Role:
    """Check that `user` may do something; returns their role.

    Raises:
        PermissionDeniedError: Unknown user, or the role does not allow it (says who can).
    """
    role = role_of(conn, user)
    if role is None:
        raise PermissionDeniedError(
            f"{user} is not a user of this case; add them as a user with a role (reviewer or "
            "another).",
            hint=Hint.ADD_USER,
        )
    allowed = PERMISSIONS[permission]
    if role not in allowed:
        who = " or ".join(sorted(r.label for r in allowed))
        raise PermissionDeniedError(
            f"{user} is the {role.label} on this case and cannot {_WHAT[permission]}; "
            f"only a {who} can. Ask one, or add {user} with another role."
        )
    return role


def parse_role(value: str) -> Role:
    """A role from its name (case-handler, reviewer, dpo, auditor; "approver" means reviewer).

    Raises:
        BadInputError: Unknown role name.
    """
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"approver": "reviewer", "handler": "case-handler", "read-only": "auditor"}
    try:
        return Role(aliases.get(key, key))
    except ValueError as exc:
        raise BadInputError(
            f"{value!r} is not a role; use one of: {', '.join(r.value for r in Role)}."
        ) from exc


def add_user(conn: Connection, acting: str, name: str, role: Role) -> store_users.UserRow:
    """Register a user with a role (or change their role), audited.

    Raises:
        PermissionDeniedError: The acting user may not manage users.
        BadInputError: The name is empty.
    """
    require(conn, acting, Permission.MANAGE_USERS)
    if not name.strip():
        raise BadInputError("Give the user's login name (for example jsmith).")
    before = role_of(conn, name.strip())
    row = store_users.put_user(conn, name.strip(), str(role), acting)
    audit.append(
        conn,
        acting,
        "user-added",
        {
            "user": row.name,
            "role": str(role),
            "previous_role": str(before) if before else None,
        },
    )
    return row


def list_users(conn: Connection) -> list[tuple[str, Role, str]]:
    """Every user with their role and how they got it ("case creator" or who added them)."""
    rows = [(r.name, Role(r.role), f"added by {r.added_by}") for r in store_users.list_users(conn)]
    creator = case_creator(conn)
    if creator and all(name.casefold() != creator.casefold() for name, _, _ in rows):
        rows.insert(0, (creator, Role.CASE_HANDLER, "case creator"))
    return rows
