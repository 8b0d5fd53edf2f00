"""A name a form or a template gives as its example: nobody's (issue 15, round 18).

"John Smith is the example name on the waiver template", "example name: Jane Bloggs",
"enter the full name (e.g. Sam Taylor)", "(sample: Ann Other)": forms and templates show
how a name is to be written with a name that stands for nobody, and the model proposes it
as a person in every message that quotes the form. English marks such a name by calling it
an example: an example word (example, sample, dummy, placeholder, specimen, test, made-up)
before the word "name", or right after the name as what the name *is* ("... is the sample
name", "... is just a placeholder"), or a "for example" cue where the clause is about a
name, right after the word "name" ("full name (e.g. ...)", "name, e.g. ...").

A real person held up as an example is left alone: "Priya is an example of good practice",
"someone senior, e.g. Priya" and "names for the rota, e.g. Priya" name someone, and "Sam is
the test lead" a post. The clause must say that the name itself is the example.
"""

from __future__ import annotations

import re

_EXAMPLE = r"(?:example|sample|dummy|placeholder|specimen|test|made[- ]up|fake|fictional)"
_NAME_NOUN = r"(?:names?|entry|person|user|account|customer|client|signature|record|contact)"
_QUOTE = r"[\"'“‘]?"
# Before: "example name: ", "the sample name is ", "(example: ", "name (e.g. ", "name, e.g. ".
_BEFORE = re.compile(
    rf"(?i)(?:\b{_EXAMPLE}[ \t]+{_NAME_NOUN}[ \t]*(?:is|was|=|:|-|of|as)?"
    rf"|\([ \t]*(?:example|sample)[ \t]*[:=-]"
    rf"|\bname[ \t]*[(,:]?[ \t]*(?:\be\.?g\.?|\beg|\bfor example|\bfor instance|\bsuch as)"
    rf"[ \t]*[:,]?)[ \t]*{_QUOTE}$"
)
# After: "... is the example name", "... is just a placeholder.", "... (example)".
_AFTER = re.compile(
    rf"(?i)^{_QUOTE}[ \t]*(?:(?:is|was|are)[ \t]+(?:just[ \t]+|only[ \t]+)?"
    rf"(?:the|an?|our|their)[ \t]+(?:\w+[ \t]+)?(?:{_EXAMPLE}[ \t]+{_NAME_NOUN}\b"
    rf"|(?:example|sample|placeholder|specimen)[ \t]*(?:[.,;:)!\n]|$))"
    rf"|\([ \t]*(?:example|sample|dummy|placeholder)[ \t]*\))"
)


# The stock names English uses for nobody in particular ("A. N. Other" on a rota, "Jane Doe"
# on a form, "Joe Bloggs" in an example): any word of them is nobody's name.
_STOCK = re.compile(
    r"(?i)(?<![\w'’-])(?:(?:joe|fred)[ \t]+bloggs|joe[ \t]+public|j(?:ohn|ane)[ \t]+doe|"
    r"richard[ \t]+roe|a\.?[ \t]*n\.?[ \t]*other|ann?[ \t]+other)(?![\w'’-])"
)


def stock_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a stock name for nobody ("A. N. Other")."""
    return any(
        m.start() <= start and end <= m.end()
        for m in _STOCK.finditer(text, max(0, start - 24), min(len(text), end + 24))
    )


def example_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the example a form or template gives for a name."""
    return (
        stock_name(text, start, end)
        or bool(_BEFORE.search(text[max(0, start - 48) : start]))
        or bool(_AFTER.match(text[end : end + 48]))
    )
