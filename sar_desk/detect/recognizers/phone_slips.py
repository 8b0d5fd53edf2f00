"""UK phone numbers typed with a slip: the trunk zero left off, or letters O for zeros (issue 15).

Two habits the shape rules of `uk_phone_recognizer` cannot read without losing precision:

- A mobile typed without its trunk zero ("7911 123456", "7700900552"), as people who give
  their number abroad (+44 7...) learn to write it, or with the country code but no "+" ("44
  7700 900877", as some exports show it). Ten digits starting with 7 are as often an
  order or a reference number, so the value is read as a mobile only where the message says
  it is a number to reach someone on: a phone word near it on its line ("mob", "text me on",
  "call") or a remark that the zero is missing ("no zero", "without the leading 0"), and no
  other number's label right before it ("order", "ref", "account").
- Letters O typed for zeros ("o77oo 9oo 418", "O2O 7946 OOO1"): a phone keyboard that offers
  letters first, or a habit from typewriters. A run of digits and O's is a phone number when,
  with every O read as 0, it has a shape the phone rules read and a UK number's length and
  prefix; it must hold some real digits and some O, so no word and no plain number is read.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.uk_phone_recognizer import is_uk_number, phone_rule_shape

# Ten digits starting 7: 71-75 and 77-79 are mobiles, 7624 the Isle of Man's (076 otherwise
# pagers, 070 personal numbers). Grouped as people group a mobile: "7911123456", "7911 123456",
# "7911 123 456", "791 112 3456", one separator along.
_MOBILE = r"7(?:[1-57-9]\d{2}|624)"
_UNZEROED = re.compile(
    r"(?=7\d|44[ \t]?7)(?<![\w+£$.,:/\-])(?<!\d[ ])"  # the digit first: most fail at once
    # the country code without its "+", as some exports show a number ("44 7700 900877")
    rf"(?P<v>(?:44[ \t]?)?{_MOBILE}(?:[ \-.]?\d{{6}}|(?P<s>[ \-.])\d{{3}}(?P=s)\d{{3}})"
    r"|7[1-57-9]\d(?P<t>[ \-.])\d{3}(?P=t)\d{4})"
    r"(?![\w]|[.,:/\-]\d)"
)
# Words that say the number is one to call or text: its device, the act, or its app.
_PHONE_WORD = re.compile(
    r"(?i)\b(?:mob(?:ile|ie|y)?|phone|fone|tel|telephone|cell|cellphone|text|txt|texts|"
    r"call|ring|whatsapp|signal|sms|contact\s+(?:no|number)|caller\s+id|caller\s+display|"
    r"(?:my|his|her|their|your|new)\s+(?:no|number)|reach\s+(?:me|her|him|them)\s+on)\b"
)
# A remark that the zero is missing: "no zero", "without the 0", "forgot the leading 0", "add a
# 0 at the front", "never types the zero".
_NO_ZERO = re.compile(
    r"(?i)(?:\b(?:no|without|missing|minus|forgot|forgets|forgetting|drop(?:s|ped|ping)?|"
    r"left\s+off|leaves?\s+off|leaving\s+off|never\s+\w+|add|adds|put)"
    r"\b[^\n\d]{0,16}?|\bleading[ \t]+)(?:\bzero\b|(?<!\d)0(?!\d)|\bnought\b)"
)
# Another number's label: an order's, a reference's, a card's, a tax or an NHS number's.
_OTHER_LABEL = re.compile(
    r"(?i)\b(?:order|ref|reference|account|acc|acct|invoice|case|booking|ticket|policy|claim|"
    r"member|membership|card|tracking|parcel|consignment|delivery|serial|job|po|sku|item|"
    r"transaction|txn|customer|nhs|ni|utr|tax|vat|payroll|staff|employee|(?<!caller )id|pin|"
    r"licence|"
    r"passport|reg|registration|batch|lot|cheque|receipt|voucher|code|product|model|part|"
    r"application|permit)\b"
)
# Another number between a cue and the value (two digits or more; a lone "0" or "6pm" is
# not): the cue is that number's.
_OTHER_NUMBER = re.compile(r"\d{2}")
# How far along its line a cue may stand from the value.
_REACH = 60


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the value's line before it and after it, each cut to `_REACH`.

    A value that opens its line is read with the line above too: a form's label stands over
    its field ("Mobile:" then "7911 123456").
    """
    line_start = text.rfind("\n", 0, start) + 1
    if line_start > 0 and not text[line_start:start].strip():
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    return text[max(line_start, start - _REACH) : start], text[end : min(line_end, end + _REACH)]


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of `pattern` in `text` ends (-1: none)."""
    ends = [m.end() for m in pattern.finditer(text)]
    return ends[-1] if ends else -1


def unzeroed_mobiles(text: str) -> list[tuple[int, int]]:
    """Mobiles typed without the trunk zero, where the message says it is a number to call.

    The cue stands with no other number between it and the value; a label of another number
    closer before the value than any phone word ("order 7911123456, call me") refuses it.
    """
    out: list[tuple[int, int]] = []
    for m in _UNZEROED.finditer(text):
        start, end = m.span("v")
        digits = re.sub(r"\D", "", m["v"])
        if not is_uk_number("0" + (digits[2:] if len(digits) == 12 else digits)):
            continue
        before, after = _line_around(text, start, end)
        before = before[max(_last(_OTHER_NUMBER, before), 0) :]
        cut = _OTHER_NUMBER.search(after)
        after = after[: cut.start()] if cut else after
        cue = _last(_PHONE_WORD, before)
        if _last(_OTHER_LABEL, before) > cue:
            continue
        if cue >= 0 or _PHONE_WORD.search(after) or _NO_ZERO.search(before + " " + after):
            out.append((start, end))
    return out


# A run of groups of digits and O's, one separator between groups, the first group perhaps in
# brackets ("(o2o) 7946 oooo") or after +44. Each window of its groups is tried as a number.
_GROUP = r"[(\[]?[0-9oO]+[)\]]?"
_O_RUN = re.compile(r"(?<![\w+])(?:\+44[ \-]?)?" + _GROUP + r"(?:[ \-.]" + _GROUP + r")*(?![\w])")
_O_GATE = re.compile(r"[0-9][oO]|[oO][0-9]")
_GROUP_IN_RUN = re.compile(r"(?:\+44[ \-]?)?[(\[]?[0-9oO]+[)\]]?")
_INTL = re.compile(r"(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?")


def o_for_zero_number(value: str) -> bool:
    """Whether a run with O's for zeros is a UK phone number once every O is read as 0."""
    digits = sum(c.isdigit() for c in value)
    if digits < 3 or not any(c in "oO" for c in value):
        return False
    national = value.replace("o", "0").replace("O", "0")
    if national.startswith(("+44", "0044")):
        national = "0" + _INTL.sub("", national, count=1)
    return (
        national.lstrip("([").startswith("0")
        and phone_rule_shape(national)
        and is_uk_number(national)
    )


def o_for_zero_numbers(text: str) -> list[tuple[int, int]]:
    """Phone numbers with letters O typed for zeros: each run's longest window that is one."""
    out: list[tuple[int, int]] = []
    if not _O_GATE.search(text):
        return out
    for run in _O_RUN.finditer(text):
        groups = [g.span() for g in _GROUP_IN_RUN.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(groups):
            # the longest window from group i that reads as a number (a number has 1-4 groups)
            for j in range(min(len(groups), i + 4) - 1, i - 1, -1):
                start, end = groups[i][0], groups[j][1]
                if o_for_zero_number(text[start:end]):
                    out.append((start, end))
                    i = j
                    break
            i += 1
    return out
