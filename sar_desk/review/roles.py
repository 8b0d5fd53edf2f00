"""Users, roles and what each role may do (R51), including who may approve (R52) and sign off.

The person who created the case is its owner and case handler without being registered (they
are named in the audit log's "case-created" entry); everyone else must be added with a role
before they can change anything. Reading and verifying are open to anyone who can open the case
folder. Nobody changes their own role, and roles are changed (and the DPO role granted) only by
the case owner or a DPO (issue 17). Acting as a user other than oneself needs their passphrase
(`authenticate`).
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sar_desk.core.errors import BadInputError, Hint, NotFoundError, PermissionDeniedError
from sar_desk.core.records import UserRow
from sar_desk.review.passphrases import passphrase_matches
from sar_desk.store.audit_seal import passphrase_mark
from sar_desk.store.uow import UnitOfWork


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


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class PassphraseNeededError(PermissionDeniedError):
    """Acting as another case user needs their passphrase, and none was given."""

    code = "passphrase-needed"


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


def case_creator(uow: UnitOfWork) -> str | None:
    """The user named in the case-created audit entry (the implicit case handler)."""
    created = uow.audit.entries(action="case-created")
    return created[0].user if created else None


def role_of(uow: UnitOfWork, user: str) -> Role | None:
    """The user's role, or None when they are not a user of this case."""
    if uow.on_team_server:  # the team store: roles are the server's (issue 17)
        return _team_role(uow, user)
    row = uow.users.get_user(user)
    if row is not None:
        return Role(row.role)
    creator = case_creator(uow)
    if creator is not None and creator.casefold() == user.casefold():
        return Role.CASE_HANDLER
    return None


def _team_role(uow: UnitOfWork, login: str) -> Role | None:
    held = set(uow.team.team_roles(login))
    # One role answers each check: the one allowing most of the workflow the login holds.
    for role in (Role.DPO, Role.REVIEWER, Role.CASE_HANDLER, Role.AUDITOR):
        if role.value in held:
            return role
    return None


def require(uow: UnitOfWork, user: str, permission: Permission) -> Role:
    """Check that `user` may do something; returns their role.

    Raises:
        PermissionDeniedError: Unknown user, or the role does not allow it (says who can).
    """
    role = role_of(uow, user)
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


def _may_change_roles(uow: UnitOfWork, acting: str) -> bool:
    owner = case_creator(uow)
    if owner is not None and owner.casefold() == acting.casefold():
        return True
    return role_of(uow, acting) is Role.DPO


def add_user(
    uow: UnitOfWork, acting: str, name: str, role: Role, passphrase_hash: str | None = None
) -> UserRow:
    """Register a user with a role and passphrase hash (or change their role), audited.

    Raises:
        PermissionDeniedError: The acting user may not manage users; changes their own role;
            or changes a role (or grants the DPO role) without being the case owner or a DPO.
        BadInputError: The name is empty.
    """
    require(uow, acting, Permission.MANAGE_USERS)
    name = name.strip()
    if not name:
        raise BadInputError("Give the user's login name (for example jsmith).")
    before = role_of(uow, name)
    if before is not None and name.casefold() == acting.casefold() and before is not role:
        raise PermissionDeniedError(
            f"{acting} cannot change their own role on this case; the case owner or a DPO can."
        )
    changes = (before is not None and before is not role) or role is Role.DPO
    if changes and not _may_change_roles(uow, acting):
        raise PermissionDeniedError(
            f"Only the case owner ({case_creator(uow) or 'unknown'}) or a DPO can change "
            f"roles or make someone DPO; {acting} cannot."
        )
    row = uow.users.put_user(name, str(role), acting, passphrase_hash)
    details = {
        "user": row.name,
        "role": str(role),
        "previous_role": str(before) if before else None,
    }
    if passphrase_hash is not None:
        details["passphrase"] = passphrase_mark(passphrase_hash)
    uow.audit.append(acting, "user-added", details)
    return row


def set_passphrase(uow: UnitOfWork, acting: str, name: str, passphrase_hash: str) -> None:
    """Set a user's passphrase hash, audited (the hash of the hash, never the passphrase).

    The user may set their own; the case owner or a DPO may set one for a user who has none
    (users added before passphrases existed); only a DPO replaces someone else's.

    Raises:
        NotFoundError: `name` is not a user of this case.
        PermissionDeniedError: The acting user may not set it.
    """
    row = _registered(uow, name)
    own = row.name.casefold() == acting.casefold()
    if not own:
        allowed = role_of(uow, acting) is Role.DPO or (
            row.passphrase_hash is None and _may_change_roles(uow, acting)
        )
        if not allowed:
            raise PermissionDeniedError(
                f"{acting} cannot set the passphrase of {row.name}: {row.name} can, or a DPO "
                "(the case owner too, while they have none)."
            )
    uow.users.set_passphrase_hash(row.name, passphrase_hash)
    uow.audit.append(
        acting,
        "user-passphrase-set",
        {"user": row.name, "role": row.role, "passphrase": passphrase_mark(passphrase_hash)},
    )


def _registered(uow: UnitOfWork, name: str) -> UserRow:
    row = uow.users.get_user(name)
    if row is None:
        creator = case_creator(uow)
        if creator is not None and creator.casefold() == name.strip().casefold():
            # The owner is a user without a row until they are given one (a passphrase).
            return uow.users.put_user(creator, str(Role.CASE_HANDLER), creator)
        raise NotFoundError(
            f"{name} is not a user of this case; add them with a role first.",
            hint=Hint.ADD_USER,
        )
    return row


def authenticate(uow: UnitOfWork, name: str, passphrase: str | None) -> str:
    """Check that the person at the keyboard may act as case user `name`; returns the name.

    Raises:
        PermissionDeniedError: Not a user of the case, no passphrase set yet, none given, or
            the wrong one.
    """
    row = uow.users.get_user(name)
    if row is None:
        if role_of(uow, name) is None:
            raise PermissionDeniedError(
                f"{name} is not a user of this case, so nobody can act as them.",
                hint=Hint.ADD_USER,
            )
        row = UserRow(name, str(Role.CASE_HANDLER), "", _EPOCH)
    if row.passphrase_hash is None:
        raise PermissionDeniedError(
            f"{row.name} has no passphrase on this case yet, so nobody else can act as them "
            "(users added before passphrases were needed have none). They can set one when "
            "signed in as themselves, or the case owner or a DPO can set one.",
            hint=Hint.SET_PASSPHRASE,
        )
    if not passphrase:
        raise PassphraseNeededError(
            f"Acting as {row.name} needs {row.name}'s own passphrase.", hint=Hint.AS_PASSPHRASE
        )
    if not passphrase_matches(row.passphrase_hash, passphrase):
        raise PermissionDeniedError(f"That is not the passphrase of {row.name}.")
    return row.name


def list_users(uow: UnitOfWork) -> list[tuple[str, Role, str]]:
    """Every user with their role and how they got it ("case creator" or who added them)."""
    rows = [
        (
            r.name,
            Role(r.role),
            f"added by {r.added_by}{'' if r.passphrase_hash else ', no passphrase'}",
        )
        for r in uow.users.list_users()
    ]
    creator = case_creator(uow)
    if creator and all(name.casefold() != creator.casefold() for name, _, _ in rows):
        rows.insert(0, (creator, Role.CASE_HANDLER, "case creator"))
    return rows
