"""How the command line words the next steps that errors name (`core.errors.Hint`).

Messages raised below the shells speak the domain ("give a reason"); this is where the command
line says which command or flag does it.
"""

from __future__ import annotations

from sar_desk.core.errors import Hint, SarDeskError

CLI_HINTS: dict[Hint, str] = {
    Hint.CREATE_CASE: "To create one: sar-desk case new FOLDER --reference REF ...",
    Hint.SHOW_CASE: "'sar-desk case show CASE' lists the sources with their numbers.",
    Hint.VERIFY_AUDIT: "Run 'sar-desk audit CASE verify' to see where.",
    Hint.LIST_PEOPLE: "'sar-desk people CASE' lists everyone with their ids.",
    Hint.LIST_SUGGESTIONS: "'sar-desk people CASE suggestions' lists the open ones.",
    Hint.LIST_REVIEW: "'sar-desk review CASE list' shows the items with their ids.",
    Hint.DECIDE_ITEMS: "Use 'sar-desk review CASE approve ID' (or reject ID).",
    Hint.SELECT_ITEMS: "Give ids, --entity TYPE, --recognizer NAME, --value TEXT or --all.",
    Hint.NAME_MESSAGES: "Use --message ID or --search.",
    Hint.NAME_DUPLICATE: "Use --of ID.",
    Hint.GIVE_REASON: "Add --reason with a sentence.",
    Hint.GIVE_CODE: "Add --code.",
    Hint.GIVE_NOTE: "Add --note.",
    Hint.SIGN_OFF: "The DPO signs off with 'sar-desk review CASE sign-off --as DPO'.",
    Hint.ADD_USER: "'sar-desk users CASE add NAME --role ROLE' adds them.",
    Hint.AS_PASSPHRASE: (
        "Type it when asked (run in a terminal), or set SAR_DESK_AS_PASSPHRASE for a script."
    ),
    Hint.SET_PASSPHRASE: "'sar-desk users CASE passphrase NAME' sets it.",
    Hint.CONSENT_SOUGHT: "Add --consent-sought DATE.",
    Hint.RECORD_PIT: (
        "Use 'sar-desk review CASE pit --code CODE --for TEXT --against TEXT --conclusion TEXT'."
    ),
    Hint.PIT_FOR: "Add --for with a sentence.",
    Hint.PIT_AGAINST: "Add --against with a sentence.",
    Hint.PIT_CONCLUSION: "Add --conclusion with a sentence.",
    Hint.RECORD_OPINION: (
        "Use 'sar-desk review CASE qualified-person --name NAME --date YYYY-MM-DD --opinion TEXT'."
    ),
    Hint.OPINION_NAME: "Add --name.",
    Hint.OPINION_TEXT: "Add --opinion with a sentence.",
    Hint.QA_SAMPLING: "'sar-desk review CASE qa --mode sample --percent N' switches to sampling.",
    Hint.DRAW_SAMPLE: "'sar-desk review CASE sample --proposer NAME' draws one.",
    Hint.SCOPE_DATES: "Check --scope-from and --scope-to.",
    Hint.CHOOSE_PLATFORM: "Use --platform NAME; 'sar-desk formats' lists the file shapes.",
    Hint.DATE_ORDER: "Use --day-first or --month-first.",
    Hint.LENIENT_IMPORT: "Use --lenient.",
    Hint.CHOOSE_MODEL: "Use --model NAME.",
    Hint.CLOSE_CASE: "'sar-desk case close CASE [--closed-on DATE]' closes it.",
    Hint.RELEASE_HOLD: "'sar-desk case release CASE --reason TEXT' releases it.",
    Hint.PURGE_EARLY: "A DPO can add --early --reason TEXT --as DPO.",
    Hint.RESUME_PURGE: "Finish it with 'sar-desk case purge CASE --yes --certificate FILE'.",
    Hint.CASE_PASSPHRASE: "Type it when asked, or set SAR_DESK_PASSPHRASE.",
    Hint.LIST_ATTACHMENTS: (
        "'sar-desk review CASE attachments' lists them; decide each with "
        "'sar-desk review CASE attachment ID'."
    ),
    Hint.LIST_PLACES: "'sar-desk review CASE places' lists them; decide with --redact or --keep.",
}


def with_hint(message: str, hint: Hint | None) -> str:
    """A message with the command line's next step added, if it has one."""
    return f"{message} {CLI_HINTS[hint]}" if hint is not None else message


def error_line(exc: SarDeskError) -> str:
    """What the command line prints for an expected failure."""
    return with_hint(str(exc), exc.hint)
