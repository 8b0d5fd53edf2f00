"""E-mail addresses spelt out so a machine will not read them: "jo_71 at example dot com".

People hide an address from scrapers, or type it as they would say it, in a handful of
conventional ways: the @ as "at", "AT", "[at]", "(at)", "{at}", "<at>", "-at-" or an @ set off
by spaces, each dot as "dot", "DOT", "[dot]", "(dot)", "-dot-" or a real dot, in the domain and
in the local part ("ted dot flinders at sky dot com"). Presidio's e-mail recogniser needs the @
and a dotted domain, so none of these is found. The shape is read whole: a local part, the at-
form, one or more domain labels joined by dot-forms, and a last label that is a top-level domain
("com", "org", "uk", ...).

Prose has the same words ("meet at the pub dot com" never parses, but "look at bbc dot co dot
uk" does), so a plain lower-case " at " needs more: a local part with an address's own
characters (a digit, "_", ".", "-", "+"), or a given name or a word no dictionary has, or a
mail provider's domain ("gmail", "hotmail"). The bracketed and capitalised forms are a
convention of their own and are enough by themselves.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.detect.gazetteer import current
from sar_desk.detect.recognizers.base import RuleRecognizer

_AT = (
    r"(?:[ \t]*(?P<br>[\[({<]|(?<=[ \t])-)[ \t]*at[ \t]*[\])}>\-][ \t]*"
    r"|[ \t]+(?P<word>at|AT|At)[ \t]+|(?P<spaced>[ \t]+@[ \t]*|[ \t]*@[ \t]+))"
)
_DOT = r"(?:[ \t]*[\[({<\-][ \t]*dot[ \t]*[\])}>\-][ \t]*|[ \t]+(?:dot|DOT|Dot)[ \t]+|\.)"
_PART = r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
# The top-level domains people write most; the last label must be one ("com", "co dot uk").
_TLDS = (
    "com|org|net|uk|ie|io|info|biz|me|edu|gov|nhs|ac|co|eu|de|fr|es|it|nl|pl|ro|pt|be|ch|"
    "at|us|ca|au|nz|in|app|dev|email|online|scot|wales|cymru|london"
)
SPELT_EMAIL = re.compile(
    rf"(?<![\w.@+\-])(?P<local>{_PART}(?:[ \t]+(?:dot|DOT|Dot)[ \t]+{_PART}){{0,3}})"
    + _AT
    + rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}){_DOT}(?P<tld>{_TLDS})"
    + r"(?![\w\-]|\.\w|[ \t]+(?:dot|DOT)\b)",
    re.IGNORECASE,
)
# Every match has an at-form then a dot-form (cheap test before the full pattern).
_GATE = re.compile(r"(?i)(?:\bat\b|[\[({<]at[\])}>]|\s@|@\s).{1,80}?(?:\bdot\b|\.[a-z])")
# Mail providers' domains: "sam at gmail dot com" is an address whatever the local part is.
_PROVIDERS = frozenset(
    """
    gmail googlemail hotmail outlook live msn yahoo ymail icloud me mac aol btinternet
    btopenworld sky talktalk virginmedia ntlworld blueyonder tiscali protonmail proton pm
    gmx mail zoho fastmail example nhs
    """.split()  # noqa: SIM905 - a word list reads better as words
)
Span = tuple[int, int, str, float, str]


def _first_label(domain: str) -> str:
    return re.split(r"[\s.\[\](){}<>]+", domain.strip())[0].casefold()


def _address_like(local: str, domain: str) -> bool:
    """An address's own characters in the local part, or a mail provider's domain."""
    return _first_label(domain) in _PROVIDERS or re.search(r"[\d_.+\-]", local) is not None


def _plain_at_is_address(local: str, domain: str) -> bool:
    """Whether a lower-case " at " joins an address, not a verb and its object."""
    if _address_like(local, domain):
        return True
    low = local.casefold()
    gaz = current()
    return gaz.is_first_name(low) or not gaz.is_english(low)


def spelt_address(m: re.Match[str]) -> bool:
    """Whether a match of `SPELT_EMAIL` is an address (see the module docstring)."""
    spelt, local, domain = m.group(0), m.group("local"), m.group("domain")
    if m.group("spaced"):
        return True  # "mandy.cogan @ letterbox.example.net": an @ nothing else has
    if "@" in spelt:
        return False  # a real address: Presidio's
    if m.group("br") or m.group("word") == "AT":
        return True  # "x [at] example [dot] org", "x AT example DOT com"
    if re.search(r"(?i)\bdot\b", spelt):
        return _plain_at_is_address(local, domain)  # not "look at bbc dot co dot uk"
    # only the @ spelt ("jo.b at gmail.com"): prose runs into a dotted word too easily
    # ("was at work.co"), so an address's own characters or a provider are needed
    return _address_like(local, domain)


_DOT_FORM = re.compile(_DOT)


def written_address(value: str) -> str | None:
    """The address a spelt-out one stands for ("jo at example dot com" → "jo@example.com").

    So that the requester's own address, spelt out, is recognised as theirs.
    """
    m = SPELT_EMAIL.fullmatch(value.strip())
    if m is None:
        return None
    domain = _DOT_FORM.sub(".", m.group("domain"))
    local = _DOT_FORM.sub(".", m.group("local"))
    return f"{local}@{domain}.{m.group('tld')}".lower()


class SpeltEmailRecognizer(RuleRecognizer):
    """E-mail addresses with the @ and dots written as words or in brackets."""

    ENTITIES = ("EMAIL_ADDRESS",)
    RULES = ()
    CONTEXT = ("email", "e-mail", "mail", "address")
    NOTE: ClassVar[str] = "An e-mail address spelt out (at, dot) instead of written."

    def noted_spans(self, text: str) -> list[Span]:
        """Every spelt-out address (see the module docstring)."""
        if _GATE.search(text) is None:
            return []
        out: list[Span] = []
        for m in SPELT_EMAIL.finditer(text):
            if spelt_address(m):
                out.append((m.start(), m.end(), "EMAIL_ADDRESS", 0.7, self.NOTE))
        return out
