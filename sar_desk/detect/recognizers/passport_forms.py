"""Passport numbers written the ways phone numbers are: separated, digit by digit, in words.

A UK passport number is nine digits. Next to its cue people give it as they would a phone
number: with one separator repeated ("127-403-958", "127.403.958"), one digit at a time
("1 2 7 4 0 3 9 5 8", read out over the phone), in words ("one two seven four oh three nine
five eight") or half in words ("127 403 nine five eight"). A run is read as one shape: digit
groups and number words joined by one separator, the same all along, that spell exactly nine
digits and do not count up or down; or groups of words and digits apart by spaces, with a comma
between groups, as a number is read out. A date, a time, a price or a sort code never spells nine
digits in one shape; the cue is what makes nine digits a passport's (`uk_id_recognizer`).
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.digit_joins import GAP
from sar_desk.detect.recognizers.id_cues import BETWEEN_AFTER, PASSPORT_CUE, PPT_CUE
from sar_desk.detect.recognizers.spoken_numbers import counting, spoken_digits

_WORD = r"(?:oh|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
# One part of the number: a spoken digit (doubled or not) or a group of one to four digits.
_PART = rf"(?:(?:double|treble|triple)[ -]?{_WORD}\b|{_WORD}\b|\d{{1,4}})"
# The one separator, the same all along: spaces, or any mark of `digit_joins` (hyphen, dot,
# slash, underscore, tilde, bar, bullet, comma, colon...) with optional spaces either side.
_SEP = GAP
_RUN = rf"(?<![\w£$.,:/-]){_PART}(?P<s>{_SEP}){_PART}(?:(?P=s){_PART}){{1,8}}(?![\w]|[-./,:]\d)"
# Read out in groups: spaces inside a group, a comma between groups, as people say a number
# over the phone ("five four eight, one one two, nine zero three"). Tried before `_RUN`, which
# would stop at the first comma with three digits. A group holds one to four parts, so a whole
# number then a comma and a count ("1 2 7 4 0 3 9 5 8, 3 copies") is still `_RUN`'s.
_GROUP = rf"{_PART}(?:[ \t]+{_PART}){{0,3}}"
_GROUPED = rf"(?<![\w£$.,:/-]){_GROUP}(?:[ \t]*,[ \t]*{_GROUP}){{1,8}}(?![\w]|[-./,:]\d)"
_RUN = rf"(?:{_GROUPED}|{_RUN})"
_RUN_BEFORE = _RUN.replace("(?P<s>", "(?P<t>").replace("(?P=s)", "(?P=t)")

# A label that makes the run another number's ("passport ref 41 27 93 58 6", "then the
# booking no: 4-1-2-7-9-3-5-8-6"): refused, however close the cue stands.
_OTHER = ("ref", "order", "booking", "case", "invoice", "ticket", "account", "acc", "version")
_NOT_OTHER = "".join(
    rf"(?<!(?i:{w}){re.escape(tail)})"
    for w in _OTHER
    for tail in (" ", ": ", ":", " no ", " no. ", " no: ", " # ", " number ", " number: ")
)
# Every form of the cue starts with one of these letters ("passport", "apssport" swapped,
# "sppt", "hmpo", "travel doc", "Reisepass"): looking at the letter first skips most
# positions of a text three times faster than trying the cue's whole alternation at each.
_CUE = r"(?=[APRSHTaprsht])" + PASSPORT_CUE
# The cue, then words without digits, then the run ("his passport: 1 2 7 4 0 3 9 5 8",
# "passport number for <a full name of four words> is one two seven..."); a run of nine
# digits in one shape is specific enough to be read as far along as a name and a verb reach.
# "ppt" and "pass no." only right before the run.
SPELT_AFTER_CUE = re.compile(
    r"(?i)(?:"
    + _CUE
    + r"(?:[ \t]*\([^()\n]{0,40}\))?[^\d\n]{0,80}?|(?=[Pp])"
    + PPT_CUE
    + ")"
    + _NOT_OTHER
    + r"(?P<v>"
    + _RUN
    + ")",
)
# The run, then a few words, then the cue ("1 2 7 4 0 3 9 5 8 is his passport").
SPELT_BEFORE_CUE = re.compile(r"(?i)(?P<v>" + _RUN_BEFORE + ")" + BETWEEN_AFTER + PASSPORT_CUE)
# One run on its own: a later value of a list the cue opens (`cue_lists`), checked by
# `spelt_passport` ("passports: Ola 1-2-7-4-0-3-9-5-8, Kit 2-3-4-5-6-7-8-9-1").
SPELT_RUN = re.compile(r"(?i:" + _RUN + ")")
# Every match of either rule stands near its cue: the cue's own regex is the gate.
CUE_GATE = re.compile(_CUE + "|(?=[Pp])" + PPT_CUE)


def spelt_passport(value: str) -> bool:
    """Whether a run spells a passport number in a form the nine-digit rules do not read.

    Nine digits exactly, no count ("1 2 3 4 5 6 7 8 9"), at least three different digits, and
    not the plain "123456789" / "123 456 789" the other rules already propose.
    """
    digits = spoken_digits(value)
    # A count but for one step is a placeholder; a short run inside is a real number's.
    if len(digits) != 9 or counting(digits, breaks=1) or len(set(digits)) < 3:
        return False
    return re.fullmatch(r"\d{3}[ \t]?\d{3}[ \t]?\d{3}", value) is None
