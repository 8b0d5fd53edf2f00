"""Review errors in the window's words: codes by name, and the next step as a button.

The services' sentences already speak the domain; the window adds two things: any internal
code id in a sentence becomes the code's title and marker, and an error whose next step is on
this screen (write the rationale, choose who is acting, show what is undecided) gets a button
that takes the reviewer there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.errors import Hint, SarDeskError
from sar_desk.gui.errors import show_error


def in_window_words(text: str, codes: Sequence[ReasonCode]) -> str:
    """`text` with every code id of `codes` replaced by its plain title and marker."""
    if not codes:
        return text
    names = {c.code: f"“{c.title}” ({c.marker})" for c in codes}
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(c) for c in sorted(names, key=len, reverse=True))
        + r")(?![\w-])"
    )
    return pattern.sub(lambda m: names[m.group(1)], text)


class WordedError(SarDeskError):
    """An expected failure re-worded for the window (same kind of failure, same hint)."""


def show_review_error(
    parent: QWidget,
    exc: SarDeskError,
    codes: Sequence[ReasonCode],
    actions: dict[Hint, tuple[str, Callable[[], None]]],
) -> QMessageBox | None:
    """Show `exc` in the window's words, with a button for its next step when there is one.

    Returns:
        The dialog shown (tests read its text and press its buttons).
    """
    worded = WordedError(in_window_words(str(exc), codes), hint=exc.hint)
    dialog = show_error(parent, worded)
    if not isinstance(dialog, QMessageBox) or exc.hint is None or exc.hint not in actions:
        return dialog if isinstance(dialog, QMessageBox) else None
    label, act = actions[exc.hint]
    button = dialog.addButton(label, QMessageBox.ButtonRole.ActionRole)
    button.setAccessibleName(label)
    button.clicked.connect(act)
    return dialog
