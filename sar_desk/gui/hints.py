"""How the window words the next steps that errors name (`core.errors.Hint`).

The command line's own wording is in ``cli/hints.py``; here each hint becomes a sentence about
the window and, where a page does it, the section a "Go to …" button on the error opens. No
sentence names a command or a flag.
"""

from __future__ import annotations

from sar_desk.core.errors import Hint

# Section names are those of `gui.sections` (kept as text: sections imports the panels).
WINDOW_HINTS: dict[Hint, tuple[str, str | None]] = {
    Hint.CREATE_CASE: ("Create a case from the start screen.", None),
    Hint.SHOW_CASE: ("The Dashboard lists the sources.", "Dashboard"),
    Hint.VERIFY_AUDIT: ("The Audit page checks the chain and says where it breaks.", "Audit"),
    Hint.LIST_PEOPLE: ("The People page lists everyone.", "People"),
    Hint.LIST_SUGGESTIONS: ("The People page shows the open suggestions.", "People"),
    Hint.LIST_REVIEW: ("The Review page lists the items.", "Review"),
    Hint.DECIDE_ITEMS: ("Decide or approve them on the Review page.", "Review"),
    Hint.SELECT_ITEMS: ("Choose the items first.", None),
    Hint.NAME_MESSAGES: ("Select the messages first.", None),
    Hint.NAME_DUPLICATE: ("Choose the message it repeats.", None),
    Hint.GIVE_REASON: ("Type a reason.", None),
    Hint.GIVE_CODE: ("Choose a reason code.", None),
    Hint.GIVE_NOTE: ("Type a note saying what you checked.", None),
    Hint.SIGN_OFF: (
        "The DPO signs off on the Export page (choose them under Acting as).",
        "Export",
    ),
    Hint.ADD_USER: ("Add them on the Team page.", "Team"),
    Hint.AS_PASSPHRASE: ("Type their passphrase when the window asks for it.", None),
    Hint.SET_PASSPHRASE: ("Their passphrase is set on the Team page.", "Team"),
    Hint.CONSENT_SOUGHT: ("Give the date consent was asked for.", None),
    Hint.RECORD_PIT: ("Record it on the Records page (Public interest).", "Records"),
    Hint.PIT_FOR: ("Type the factors for disclosure.", None),
    Hint.PIT_AGAINST: ("Type the factors for keeping the exemption.", None),
    Hint.PIT_CONCLUSION: ("Type the conclusion.", None),
    Hint.RECORD_OPINION: ("Record it on the Records page (s.36 opinion).", "Records"),
    Hint.OPINION_NAME: ("Type the qualified person's name or post.", None),
    Hint.OPINION_TEXT: ("Type the opinion.", None),
    Hint.QA_SAMPLING: ("Switch to sample review on the Records page (QA sample).", "Records"),
    Hint.DRAW_SAMPLE: ("Draw one on the Records page (QA sample).", "Records"),
    Hint.SCOPE_DATES: ("Check the scope's start and end dates.", None),
    Hint.CHOOSE_PLATFORM: ("Choose the platform in the Import list and import again.", "Import"),
    Hint.DATE_ORDER: ("Choose day-first or month-first when the Import page asks.", "Import"),
    Hint.LENIENT_IMPORT: (
        "Tick \u201cSkip lines that cannot be read\u201d on the Import page.",
        "Import",
    ),
    Hint.CHOOSE_MODEL: ("Choose another detection model.", None),
    Hint.CLOSE_CASE: ("Close it on the Retention page.", "Retention"),
    Hint.RELEASE_HOLD: ("Release it on the Retention page.", "Retention"),
    Hint.PURGE_EARLY: ("Only the DPO can destroy a case before its retention date.", None),
    Hint.RESUME_PURGE: ("Destroy it again to finish.", None),
    Hint.LIST_PLACES: ("Decide them on the Review page.", "Review"),
    Hint.CASE_PASSPHRASE: ("Type the case's passphrase when the window asks for it.", None),
    Hint.LIST_ATTACHMENTS: ("Decide them on the Review page's Attachments tab.", "Review"),
}


def window_hint(hint: Hint | None) -> tuple[str, str | None]:
    """The window's sentence for `hint` and the section that does it ("" and None if none)."""
    if hint is None:
        return "", None
    return WINDOW_HINTS.get(hint, ("", None))
