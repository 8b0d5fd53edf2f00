"""Four eyes, sign-off and identity enforced by the team server itself (issue 17 item 4).

The application checks these rules before it writes; on the team store the database checks
them again, so a script holding a team login cannot bypass them with direct SQL:

- a decision event or sign-off is recorded as the login that makes it (``session_user``), never
  as a name the writer claims;
- an approval needs a login other than the one whose accept, reshape or rejection it approves,
  and that login must hold the reviewer or DPO role;
- only a DPO login signs off;
- decision events and sign-offs are facts: no team login can change or delete them.

The functions are pinned to their case schema (`PINNED`), so a caller's search_path cannot
point them at look-alike tables.
"""

from __future__ import annotations

_REFUSE = "USING ERRCODE = 'insufficient_privilege'"

RULE_STATEMENTS: tuple[str, ...] = (
    "CREATE FUNCTION sar_desk_decision_rules() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE v_proposer text; BEGIN "
    "IF TG_OP <> 'INSERT' THEN RAISE EXCEPTION "
    f"'Decisions are facts: a recorded decision cannot be changed or removed.' {_REFUSE}; "
    "END IF; "
    'IF NEW."user" IS DISTINCT FROM session_user::text THEN RAISE EXCEPTION '
    "'A decision is recorded as the login that makes it (%), not as %.', session_user, "
    f'NEW."user" {_REFUSE}; END IF; '
    "IF NEW.action = 'approve' THEN "
    '  SELECT "user" INTO v_proposer FROM decision_events WHERE item_id = NEW.item_id '
    # The proposer is whoever last accepted, reshaped or rejected the item: a rejection of a
    # third party's data discloses it, so it needs a second login too (issue 17 item 4).
    "    AND action IN ('accept', 'modify', 'reject') ORDER BY id DESC LIMIT 1; "
    "  IF v_proposer = session_user::text THEN RAISE EXCEPTION "
    "'Four eyes: % cannot approve their own decision on item %.', session_user, NEW.item_id "
    f"{_REFUSE}; END IF; "
    "  IF NOT (pg_has_role(session_user, 'sar_reviewer', 'MEMBER') "
    "       OR pg_has_role(session_user, 'sar_dpo', 'MEMBER')) THEN RAISE EXCEPTION "
    f"'Only a reviewer or the DPO approves decisions; % is neither.', session_user {_REFUSE}; "
    "  END IF; "
    "END IF; RETURN NEW; END $$",
    "CREATE TRIGGER decision_events_rules BEFORE INSERT OR UPDATE OR DELETE ON decision_events "
    "FOR EACH ROW EXECUTE FUNCTION sar_desk_decision_rules()",
    "CREATE FUNCTION sar_desk_signoff_rules() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP <> 'INSERT' THEN RAISE EXCEPTION "
    f"'A recorded sign-off cannot be changed or removed.' {_REFUSE}; END IF; "
    'IF NEW."user" IS DISTINCT FROM session_user::text THEN RAISE EXCEPTION '
    "'A sign-off is recorded as the login that gives it (%), not as %.', session_user, "
    f'NEW."user" {_REFUSE}; END IF; '
    "IF NOT pg_has_role(session_user, 'sar_dpo', 'MEMBER') THEN RAISE EXCEPTION "
    f"'Only the DPO signs off; % is not a DPO login.', session_user {_REFUSE}; END IF; "
    "RETURN NEW; END $$",
    "CREATE TRIGGER signoffs_rules BEFORE INSERT OR UPDATE OR DELETE ON signoffs "
    "FOR EACH ROW EXECUTE FUNCTION sar_desk_signoff_rules()",
)
"""Run in a new case schema after the audit guard (search_path set to that schema)."""

PINNED: tuple[str, ...] = (
    "sar_desk_audit_append(text, text, text)",
    "sar_desk_decision_rules()",
    "sar_desk_signoff_rules()",
)
"""Functions whose search_path is fixed to their own case schema."""
