"""The marks people type between the digit groups of a number, one set for every identifier.

A phone number, an NHS number, a NINO or a passport number is retyped with whatever the
keyboard or the form offers between its groups: a hyphen or a dot, a slash or a backslash, an
underscore, a tilde ("0131 ~ 496 0106", a team sheet's column mark), a middle dot or a bullet,
a bar (a pasted table row), an equals sign, a colon, a comma, an en or em dash, or a run of
spaces. Each recogniser reads one join the same all along a value (or the area code apart), and
its own check (a UK number's length and prefix, the NHS check digit, a NINO's shape, a cue
before nine digits) says whether the digits are that identifier. Keeping the set here means a
new mark reaches every recogniser at once (issue 15).
"""

from __future__ import annotations

# Every join mark as the body of a regex character class (no brackets), hyphen first.
JOIN_MARKS = "-./\\\\_~\u00b7\u2022|=:,\u2013\u2014"
# One join mark.
JOIN = f"[{JOIN_MARKS}]"
# The marks other than a plain hyphen and dot, which the phone rules read on their own.
ODD_MARKS = JOIN_MARKS.replace("-./", "/", 1)
ODD_JOIN = f"[{ODD_MARKS}]"
# A join between two groups: one mark with optional spaces or tabs either side, or a run of
# spaces and tabs alone.
GAP = rf"(?:[ \t]*{JOIN}[ \t]*|[ \t]+)"
# A join mark right after a digit: a value glued to a longer list or a longer number
# ("1,0131,496,0106") is not cut out of it.
AFTER_DIGIT = rf"(?<!\d{JOIN})"
BEFORE_DIGIT = rf"(?!{JOIN}\d)"
# The brackets an area code is typed in, any of them: "(0141)", "[0141]", "{0141}", "<0141>"
# (round brackets on a letterhead, square ones in a spreadsheet or a chat that turns round ones
# into a link). Open and close are read alone, each optional, as round ones always were.
OPEN = r"[(\[{<]"
CLOSE = r"[)\]}>]"
