"""The words that name a UK identifier next to it: cues for passport numbers and NINOs.

A nine-digit number or a NINO-shaped code is only someone's passport or National Insurance
number when something says so. Staff type the cue as they speak: in full ("passport number"),
abbreviated ("ppt", "pp no.", "N.Ins", "nat ins"), mistyped ("passprot", "natoinal") or as the
agency that keys its records on the number ("HMRC", "DWP"). Each cue here is a regex fragment
for `uk_id_recognizer`; none captures a group.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import typo_tolerant


def _slips(word: str) -> set[str]:
    """`word` with one slip after its first letter: a letter out, a swap or a doubled letter.

    "pasport", "passprot", "passsport".
    """
    out = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    return out | {word[:i] + word[i] + word[i:] for i in range(1, len(word))}


def _trie(forms: set[str]) -> str:
    """One regex alternation of `forms`, shared prefixes factored ("pas(?:sp(?:ort|rt)|...)")."""
    heads: dict[str, set[str]] = {}
    for form in forms:
        heads.setdefault(form[:1], set()).add(form[1:])
    parts = []
    for head, tails in sorted(heads.items(), key=lambda item: item[0] == ""):
        if head:
            parts.append(re.escape(head) + _trie(tails))
    optional = "" in heads
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not optional else "(?:" + "|".join(parts) + ")"
    return body + "?" if optional else body


def _slipped(word: str) -> str:
    """A regex of `word` with up to two slips, the commonest way a cue is mistyped.

    "Passrpt" is a letter left out and two swapped, "paspsort" the same. The first letter
    stays; forms shorter than six letters or ending mid-syllable ("passpo") are dropped. None
    of the rest is an English word (checked against a British word list), so the cue stays
    specific.
    """
    once = _slips(word)
    forms = once.union(*(_slips(f) for f in once))
    return _trie({f for f in forms if len(f) >= 6 and not f.endswith("o")})


# The short forms of "passport" written on forms and rotas, each also with one slip of
# neighbouring letters ("pport" typed "poprt" or "pprot"): "pport", "p/port", "p'port",
# "pspt", "psprt", "passpt". Two letters are too few to swap safely, so "pp" only with its
# "no."/"#" (above) and "ppt" only right before the number (`PPT_CUE`).
_PASSPORT_SHORT = (
    "|".join(typo_tolerant(w) for w in ("pport", "pspt", "psprt", "passpt", "pssprt"))
    + r"|p[/'’.-]port"
)
# "passport" in the languages of travellers whose documents staff record, in full and with a
# slip or two ("Reisepass Nr.", "Riesepass", "passeport", "pasaporte", "paszport").
_FOREIGN = "|".join(
    [_slipped("reisepass")]
    + [typo_tolerant(w) for w in ("passeport", "pasaporte", "passaporto", "passaporte")]
    + [typo_tolerant(w) for w in ("paszport", "paspoort", "pasaport", "pașaport")]
)
# "doc", or "document" with a slip ("travel doucment").
_DOC = rf"(?:doc|{typo_tolerant('document')})"
# A cue word's edges: no letter or digit beside it, but an underscore may be, since exports,
# logs and form fields join words with one ("passport_no: 481854779", "ni_number: ...",
# "holder_passport"); an underscore is a word character to `\b`, so that missed them.
_START = r"(?<![^\W_])"
_END = r"(?![^\W_])"
# "passport", mistyped, and the forms people write on forms and in chat: "pp no.", "pp #",
# "travel document", "travel doc", and HM Passport Office, which keys its records on it.
# A word form must end its word ("passports" is fine, "passportal" is not); "pp#", "pp:" and
# "pp no." end in a mark, so the number may follow with no space ("PP#123456789").
PASSPORT_CUE = (
    rf"(?i:{_START}(?:(?:{typo_tolerant('passport')}|{_slipped('passport')}|pass[ \t]port|"
    rf"{_PASSPORT_SHORT}|{_FOREIGN}|hmpo|"
    rf"pp[ \t]*(?:no\b|number|num\b)|{typo_tolerant('travel')}[ \t]+{_DOC}s?\b)"
    rf"(?:'?s)?{_END}"
    r"|pp[ \t]*(?:no\.|#|:)))"
)
# "ppt" is also a slide deck, and "pass no." the number of a bus, parking or guest pass, so as
# passport cues they must stand right before the number: "ppt 123456789", "ppt no: 123456789",
# "ppt#123456789", "pass no. 123456789" ("pass. no." too), and "pass" not after the kind of
# pass it is.
_PASS_KINDS = (
    "bus|rail|train|season|parking|car|gym|boarding|day|visitor|guest|staff|security|access|"
    "library|travel|student|press|backstage|ferry|annual|weekly|monthly|member|event|site|"
    "temporary|temp|hall|festival|leisure|swim|key|entry|exit|hospital|blue|disabled"
)
# The word first, so the lookbehinds run only where "pass" stands.
_PASS_NO = (
    r"(?=\bpass)"
    + "".join(rf"(?<!\b{k} )(?<!\b{k}-)" for k in _PASS_KINDS.split("|"))
    + r"\bpass\.?[ \t]*(?:no\b\.?|number|num\b|#)"
)
PPT_CUE = (
    rf"(?i:(?:\bppt\b(?:[ \t]*(?:no\b\.?|number|num\b))?|{_PASS_NO})[ \t]*[:#-]?[ \t]*"
    # a form's arrow between the label and its value ("ppt# ▹ 102855090")
    r"(?:[▹▸►→⟶=>][ \t]*)?)"
)

_NATIONAL = rf"(?:{typo_tolerant('national')}|nat\.?)"
_INSURANCE = rf"(?:{typo_tolerant('insurance')}|ins\b\.?)"
# "NI", "N.I.", "N.Ins", "nino", "national insurance", "insurance no" and the agencies that key
# a person's record on it: HMRC (contributions) and DWP (benefits). "N.I." ends in a dot, so it
# needs its own right boundary.
NINO_CUE = (
    rf"(?i:{_START}(?:{_NATIONAL}\s+{_INSURANCE}|NI{_END}|N\.I\.(?!\w)|N\.[ \t]?Ins\b\.?|"
    rf"{typo_tolerant('nino')}{_END}|NIN{_END}|HMRC{_END}|DWP{_END}|"
    rf"insurance\s+(?:no\b\.?|number|num\b)))"
)

# A cue after the value names what was just given: "gave AB123456C as his NINO", "123456789
# is her passport number", "GB009248A when he rang, doesn't match DWP". Only a few short words
# may stand between (no digits, no new line), and no "not": "PP 108 447 293 is NOT the
# passport" says the number is something else (session 18).
BETWEEN_AFTER = (
    r"(?:[ \t]*[,:;(-]?[ \t]*(?:(?!(?i:not|isn['’]?t|never|nothing)\b)[A-Za-z'’]+,?[ \t]+){0,5}?)"
)
