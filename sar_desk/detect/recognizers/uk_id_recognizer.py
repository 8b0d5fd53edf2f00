"""UK identifiers that need their cue: passport numbers and NINOs with any prefix (issue 15).

A UK passport number is nine digits, which alone could be anything, so it is proposed only
after a "passport" cue. A NINO written next to "NI number" / "national insurance" is proposed
by its shape even when HMRC never issues its prefix (typos, old or made-up numbers are still
someone's), with a note saying so; Presidio's NINO recogniser, which checks the prefix, keeps
finding uncued ones.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import Rule, RuleRecognizer
from sar_desk.detect.recognizers.cue_lists import (
    NINE,
    NINE_RUN,
    first_after_cue,
    spans_in_lists,
)
from sar_desk.detect.recognizers.id_cues import (
    BETWEEN_AFTER,
    NINO_CUE,
    PASSPORT_CUE,
    PPT_CUE,
)
from sar_desk.detect.recognizers.id_rows import nino_column, passport_column, pp_passports
from sar_desk.detect.recognizers.nino_shapes import (
    NINO_GATE,
    NINO_SHAPE,
    PAIRED_GATE,
    PAIRED_SHAPE,
    SPELT_NINO,
    listed_after_cue,
    not_a_word_and_date,
    spelt_nino,
)
from sar_desk.detect.recognizers.passport_forms import (
    CUE_GATE,
    SPELT_AFTER_CUE,
    SPELT_BEFORE_CUE,
    SPELT_RUN,
    spelt_passport,
)
from sar_desk.detect.recognizers.passport_lines import MRZ_LINE_TWO, corrected_after, denied

_NINO_SHAPE = NINO_SHAPE
# First letters HMRC never uses, second letters it never uses, and never-issued pairs.
_BAD_FIRST = set("DFIQUV")
_BAD_SECOND = set("DFIQUVO")
_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def unissued_prefix(value: str) -> bool:
    """Whether a NINO's two-letter prefix is one HMRC never issues."""
    prefix = value[:2].upper()
    return prefix[0] in _BAD_FIRST or prefix[1] in _BAD_SECOND or prefix in _BAD_PAIRS


def _nino_note(value: str) -> str:
    # One note for every rule (Presidio's context enhancer drops which rule matched): the shape
    # came with its label or in its printed pairs.
    if unissued_prefix(value):
        return (
            f"National Insurance number by its label or printed shape; the prefix "
            f"'{value[:2].upper()}' is never issued by HMRC (a typo or a made-up number)."
        )
    return "National Insurance number by its label or printed shape."


# A label that belongs to another number ("order no.", "ref number", "NHS no"): never the
# passport's, however close the passport cue stands.
_OTHER_NUMBER = "".join(
    rf"(?<!(?i:{w}) )"
    for w in (
        "order",
        "account",
        "acc",
        "ref",
        "case",
        "booking",
        "invoice",
        "ticket",
        "phone",
        "tel",
        "policy",
        "claim",
        "member",
        "card",
        "flight",
        "seat",
        "room",
        "job",
        "licence",
        "nhs",
        "ni",
        "insurance",
        "contact",
        "mobile",
        "mob",
        "reg",
        "serial",
        "pin",
        "house",
        "flat",
        "unit",
        "bed",
        "staff",
        "payroll",
        "crime",
        "incident",
    )
)


_WORDS_OF_OTHERS = "|".join(re.findall(r"\(\?<!\(\?i:(\w+)\) \)", _OTHER_NUMBER))
_OTHER_WORDS = re.compile(
    r"(?i)\b(?:" + _WORDS_OF_OTHERS + r")\b[^\w\n]*(?:no\b\.?|number|num\b|#|ref\b)?[^\w\n]*$"
)
# The same words anywhere in the names between two values of a list (`cue_lists`).
_OTHER_LABEL = re.compile(r"(?i)\b(?:" + _WORDS_OF_OTHERS + r"|booking|invoice|ticket)\b")

# What every rule's number is, so a text without one skips the cue patterns (most texts
# with a digit hold a time or a date, no nine digits).
_NINE_DIGITS = re.compile(NINE_RUN)


# A later value of a passport list: nine digits, or a run spelt as the rules read it.
_LISTED = re.compile(f"{NINE.pattern}|{SPELT_RUN.pattern}")


def _listed_ok(value: str) -> bool:
    return NINE.fullmatch(value) is not None or spelt_passport(value)


class PassportNumberRecognizer(RuleRecognizer):
    """A 9-digit number by a passport cue: "passport no. 123456789", "ppt 123 456 789"."""

    NEEDS = None  # a passport number in words has no digit: each rule has its own gate

    ENTITIES = ("UK_PASSPORT",)
    RULES = (
        Rule(
            "passport-after-cue",
            re.compile(
                PASSPORT_CUE
                # a bracketed aside may hold digits: "passport (British, exp 2029) number ..."
                + r"(?:[ \t]*\([^()\n]{0,40}\))?"
                + r"[^\d\n]{0,40}?(?<!\d)(?P<v>"
                + NINE_RUN
                + r")(?![\d])(?![ \t]\d)"
            ),
            0.85,
            needs=_NINE_DIGITS,
        ),
        # The number's own label after a longer aside: "passport copy for Piper Vaughan-Thomas
        # (non-UK... actually UK) no. 123456789". "no."/"number"/"#" right before nine digits,
        # with a passport cue earlier in the same line, says whose number it is.
        Rule(
            "passport-cue-then-label",
            re.compile(
                PASSPORT_CUE
                + r"[^\d\n]{0,100}?\b"
                + _OTHER_NUMBER
                + r"(?:no\b\.?|number|num\b)[ \t]*[:#.-]?[ \t]*"
                + r"(?<!\d)(?P<v>"
                + NINE_RUN
                + r")(?![\d])(?![ \t]\d)"
            ),
            0.85,
            needs=_NINE_DIGITS,
        ),
        # "ppt 123456789": the abbreviation only directly before the number.
        Rule(
            "passport-after-ppt",
            re.compile(PPT_CUE + r"(?P<v>" + NINE_RUN + r")(?![\d])(?![ \t]\d)"),
            0.85,
            needs=_NINE_DIGITS,
        ),
        Rule("passport-mrz", MRZ_LINE_TWO, 0.85, needs=_NINE_DIGITS),  # `passport_lines`
        Rule(
            "passport-before-cue",
            re.compile(
                r"(?<![\d£$.,:/])(?<!\d[ \t])(?P<v>"
                + NINE_RUN
                + r")(?![\d/.,:]\d)(?![ \t]\d)"
                + BETWEEN_AFTER
                + PASSPORT_CUE
            ),
            0.85,
            needs=_NINE_DIGITS,
        ),
        # Separated, digit by digit, in words or half in words (`passport_forms`).
        Rule(
            "passport-spelt-after-cue",
            SPELT_AFTER_CUE,
            0.85,
            validate=spelt_passport,
            needs=CUE_GATE,
        ),
        Rule(
            "passport-spelt-before-cue",
            SPELT_BEFORE_CUE,
            0.85,
            validate=spelt_passport,
            needs=CUE_GATE,
        ),
    )
    CONTEXT = ("passport", "ppt")

    def noted_spans(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """The rules' matches, then numbers further along a line the cue opens."""
        found = super().noted_spans(text)
        # also after "pp" in a row of identifiers (`id_rows`)
        for start, end in first_after_cue(text, _OTHER_WORDS, _OTHER_LABEL) + pp_passports(text):
            if all(end <= s or start >= e for s, e, *_rest in found):
                found.append((start, end, "UK_PASSPORT", 0.8, ""))
        # the cue governs its list: the values after each one found ("Ola 1.., Kit 2..")
        firsts = [(s, e) for s, e, *_rest in found]
        listed = spans_in_lists(text, firsts, _LISTED, _OTHER_LABEL, _listed_ok)
        # a column its header names is read whole, never as a list (its row's next cell is not)
        fixed = corrected_after(text, firsts, _LISTED, _listed_ok)  # "sorry typo, it's ..."
        for start, end in listed + passport_column(text) + fixed:
            if all(end <= s or start >= e for s, e, *_rest in found):
                found.append((start, end, "UK_PASSPORT", 0.8, ""))
        return sorted(f for f in found if not denied(text, f[1]))  # "... is NOT the passport"


class NinoCueRecognizer(RuleRecognizer):
    """A NINO-shaped value within a few words after "NI number" or "national insurance"."""

    NEEDS = NINO_GATE

    ENTITIES = ("UK_NINO",)
    RULES = (
        Rule(
            "nino-after-cue",
            re.compile(
                NINO_CUE + r"[^\n]{0,60}?(?<![A-Za-z0-9])(?P<v>" + _NINO_SHAPE + r")(?![A-Za-z0-9])"
            ),
            0.85,
            validate=not_a_word_and_date,
            note=_nino_note,
        ),
        # Written in its printed pairs ("QQ 12 34 56 C") the shape is a NINO's alone.
        Rule(
            "nino-spaced-shape",
            re.compile(
                r"(?<![A-Za-z0-9])(?P<v>(?:[A-Z]{2} \d{2} \d{2} \d{2} [A-D]|"
                r"[a-z]{2} \d{2} \d{2} \d{2} [a-d]))(?![A-Za-z0-9])"
            ),
            0.6,
            note=_nino_note,
        ),
        # The pairs joined by one hyphen, dot or slash throughout ("JT-55-90-21-B"), in one
        # case: a NINO's printed form retyped, so with an issued prefix it stands alone.
        Rule(
            "nino-paired-shape",
            PAIRED_SHAPE,
            0.6,
            validate=lambda v: not unissued_prefix(v),
            note=_nino_note,
            needs=PAIRED_GATE,
        ),
        # A line that lists someone and a NINO-shaped code ("Mr Quayle - TN204411B"): the
        # code is that person's even with a prefix HMRC never issues, which Presidio's own
        # recogniser refuses (a typo or an old number is still someone's; the note says
        # which). A reference, an order or a code named first stays unproposed, as does a
        # code alone ("ref TN311258A", "card says TN402177B").
        Rule(
            "nino-listed-unissued",
            re.compile(
                r"(?m)^(?![ \t]*(?i:ref|order|code|invoice|case|ticket|job|serial|tracking|"
                r"booking|parcel|item|part|sku|product|model|batch|lot)\b)"
                r"[^\d\n:|-]{2,40}?[ \t]*[-–:][ \t]+(?P<v>[A-Z]{2}\d{6}[A-D])[ \t]*$"
            ),
            0.6,
            validate=unissued_prefix,
            note=_nino_note,
        ),
        # A line that holds nothing but a NINO-shaped code (a reply to "what's your NI?",
        # a pasted form field): nothing else it could be, so the prefix need not be issued.
        Rule(
            "nino-alone-on-line",
            re.compile(r"(?m)^[ \t]*(?P<v>" + _NINO_SHAPE + r")[ \t]*[.!]?[ \t]*$"),
            0.85,
            validate=not_a_word_and_date,
            note=_nino_note,
        ),
        Rule(
            "nino-before-cue",
            re.compile(
                r"(?<![A-Za-z0-9])(?P<v>"
                + _NINO_SHAPE
                + r")(?![A-Za-z0-9])"
                + BETWEEN_AFTER
                + NINO_CUE
            ),
            0.85,
            validate=not_a_word_and_date,
            note=_nino_note,
        ),
        # Digit by digit, in words or half in words, after the cue (`nino_shapes`).
        Rule("nino-spelt-after-cue", SPELT_NINO, 0.85, validate=spelt_nino, note=_nino_note),
    )
    CONTEXT = ("national", "insurance", "ni", "nino")

    def noted_spans(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """The rules' matches, then the values of a list or a column the cue names."""
        found = super().noted_spans(text)
        for start, end in listed_after_cue(text) + nino_column(text):  # `id_rows`: a table
            if all(end <= s or start >= e for s, e, *_rest in found):
                found.append((start, end, "UK_NINO", 0.85, _nino_note(text[start:end])))
        return sorted(found)
