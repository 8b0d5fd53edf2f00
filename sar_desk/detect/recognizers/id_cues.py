"""The words that name a UK identifier next to it: cues for passport numbers and NINOs.

A nine-digit number or a NINO-shaped code is only someone's passport or National Insurance
number when something says so. Staff type the cue as they speak: in full ("passport number"),
abbreviated ("ppt", "pp no.", "N.Ins", "nat ins"), mistyped ("passprot", "natoinal") or as the
agency that keys its records on the number ("HMRC", "DWP"). Each cue here is a regex fragment
for `uk_id_recognizer`; none captures a group.
"""

from __future__ import annotations

from sar_desk.detect.recognizers.base import typo_tolerant


def _dropped_letter(word: str) -> str:
    """A regex alternation of `word` with any one letter left out ("pasport", "passprt")."""
    forms = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


# The short forms of "passport" written on forms and rotas, each also with one slip of
# neighbouring letters ("pport" typed "poprt" or "pprot"): "pport", "p/port", "p'port",
# "pspt", "psprt", "passpt". Two letters are too few to swap safely, so "pp" only with its
# "no."/"#" (above) and "ppt" only right before the number (`PPT_CUE`).
_PASSPORT_SHORT = (
    "|".join(typo_tolerant(w) for w in ("pport", "pspt", "psprt", "passpt", "pssprt"))
    + r"|p[/'’.-]port"
)
# "passport", mistyped, and the forms people write on forms and in chat: "pp no.", "pp #",
# "travel document", "travel doc", and HM Passport Office, which keys its records on it.
# A word form must end its word ("passports" is fine, "passportal" is not); "pp#", "pp:" and
# "pp no." end in a mark, so the number may follow with no space ("PP#123456789").
PASSPORT_CUE = (
    rf"(?i:\b(?:(?:{typo_tolerant('passport')}|{_dropped_letter('passport')}|pass[ \t]port|"
    rf"{_PASSPORT_SHORT}|hmpo|"
    r"pp[ \t]*(?:no\b|number|num\b)|travel[ \t]+doc(?:ument)?s?\b)(?:'?s)?(?!\w)"
    r"|pp[ \t]*(?:no\.|#|:)))"
)
# "ppt" is also a slide deck, so as a passport cue it must stand right before the number:
# "ppt 123456789", "ppt no: 123456789", "ppt#123456789".
PPT_CUE = r"(?i:\bppt\b(?:[ \t]*(?:no\b\.?|number|num\b))?[ \t]*[:#-]?[ \t]*)"

_NATIONAL = rf"(?:{typo_tolerant('national')}|nat\.?)"
_INSURANCE = rf"(?:{typo_tolerant('insurance')}|ins\b\.?)"
# "NI", "N.I.", "N.Ins", "nino", "national insurance", "insurance no" and the agencies that key
# a person's record on it: HMRC (contributions) and DWP (benefits). "N.I." ends in a dot, so it
# needs its own right boundary.
NINO_CUE = (
    rf"(?i:\b(?:{_NATIONAL}\s+{_INSURANCE}|NI\b|N\.I\.(?!\w)|N\.[ \t]?Ins\b\.?|"
    rf"{typo_tolerant('nino')}\b|NIN\b|HMRC\b|DWP\b|insurance\s+(?:no\b\.?|number|num\b)))"
)

# A cue after the value names what was just given: "gave AB123456C as his NINO", "123456789
# is her passport number", "GB009248A when he rang, doesn't match DWP". Only a few short words
# may stand between (no digits, no new line).
BETWEEN_AFTER = r"(?:[ \t]*[,:;(-]?[ \t]*(?:[A-Za-z'’]+,?[ \t]+){0,5}?)"
