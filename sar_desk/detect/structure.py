"""Identity that leaks through a message's structure, not its words (R38, R76).

A transcript shows who sent each message, who was @mentioned, who reacted, the names of
attached files (contact cards are named after the person) and system lines such as "Jo added
07911 123456". Each becomes a proposal: header items have no offsets (``start``/``end`` None,
``text`` = the value); system lines and quoted-reply headers are text spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import classify_identifier
from sar_desk.core.model import IdentifierKind, Message, MessageKind, PersonId
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer
from sar_desk.detect.system_lines import platform_line
from sar_desk.detect.words import is_placeholder

RECOGNIZER = "CaseStructure"

_KIND_ENTITY = {
    IdentifierKind.PHONE: "PHONE_NUMBER",
    IdentifierKind.EMAIL: "EMAIL_ADDRESS",
    IdentifierKind.HANDLE: "PERSON",
    IdentifierKind.NAME: "PERSON",
    IdentifierKind.PLATFORM_ID: "PERSON",
}
_SYSTEM = re.compile(
    r"^(?P<actor>.+?)\s+(?:added|removed|invited|changed the group|changed the subject|"
    r"changed this group|created group|created the group|left|joined|was added|"
    r"changed their phone number|changed to|pinned|started a call|deleted)\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_TARGETS = re.compile(r"^\s*(?P<list>[^.\n]+?)\s*(?:to the group|from the group)?\.?\s*$")
_QUOTE = re.compile(
    r"^(?:>\s*|(?:replying|in reply)\s+to\s+)(?P<name>[A-Za-z][\w'’\-]*(?: [A-Za-z][\w'’\-]*){0,2})"
    r"(?=:|\s+wrote\b|$)",
    re.MULTILINE | re.IGNORECASE,
)
_SELF = frozenset({"me", "you"})
# One item of a list of names: "A, B and C" (also und/en/y/et in other languages' lines).
_LIST_ITEM = re.compile(r"(?:(?:and|und|en|y|et)\s+)?(?P<v>(?:(?!\s+(?:and|und|en|y|et)\s)[^,])+)")
_AFTER_NAME = re.compile(r"\s*\([^)]*\)\s*$")
_QUOTES = "\"“”„«»'‘’"
_NOT_PEOPLE = frozenset({"you", "your", "the", "a", "an", "this", "it", "message", "group"})
_GENERIC_FILE = re.compile(r"^(?:IMG|VID|AUD|PTT|DOC|STK|PHOTO|VIDEO|Screenshot|image)[-_ ]", re.I)
_phones = UkPhoneRecognizer()


def _header(
    message: Message,
    field: ProposalField,
    value: str | None,
    score: float,
    why: str,
    person_id: PersonId | None = None,
) -> Iterator[Finding]:
    if not value or not value.strip() or value.strip().casefold() in _SELF:
        return  # "Me"/"You" in an export's own-side header names nobody
    if is_placeholder(value):
        return  # "Deleted User", "Author 1", an emoji-only name: no one to protect
    kind, _norm = classify_identifier(value)
    yield Finding(
        message.id,
        field,
        None,
        None,
        value.strip(),
        _KIND_ENTITY[kind],
        score,
        RECOGNIZER,
        why,
        person_id,
    )


def _person_for(context: CaseContext, value: str) -> PersonId | None:
    ids: set[PersonId | None] = set()
    for hit in context.matcher.find(value):
        if hit.start == 0 and hit.end >= len(value.strip()):
            ids |= hit.person_ids
    return next(iter(ids)) if len(ids) == 1 else None


def header_findings(message: Message, context: CaseContext) -> list[Finding]:
    """Sender, mentions, reaction actors and telling attachment names of one message."""
    out: list[Finding] = []
    sender_pid = _person_for(context, message.sender or "")
    out += _header(
        message,
        ProposalField.SENDER,
        message.sender,
        0.9,
        "Sender shown in the message header.",
        sender_pid,
    )
    if message.sender_id and message.sender_id != message.sender:
        out += _header(
            message,
            ProposalField.SENDER,
            message.sender_id,
            0.9,
            "Sender's number or account id in the message header.",
            sender_pid,
        )
    for mention in message.mentions:
        out += _header(
            message,
            ProposalField.MENTION,
            mention,
            0.85,
            "Person @mentioned.",
            _person_for(context, mention.lstrip("@")),
        )
    for reaction in message.reactions:
        out += _header(
            message,
            ProposalField.REACTION,
            reaction.actor,
            0.8,
            "Person who reacted to the message.",
            _person_for(context, reaction.actor or ""),
        )
        if reaction.actor_id and reaction.actor_id != reaction.actor:
            out += _header(
                message,
                ProposalField.REACTION,
                reaction.actor_id,
                0.8,
                "Number or id of a person who reacted.",
            )
    for attachment in message.attachments:
        out += _attachment(message, attachment.name, context)
    return out


def _attachment(message: Message, name: str, context: CaseContext) -> Iterator[Finding]:
    stem = name.rsplit(".", 1)[0]
    if name.lower().endswith((".vcf", ".vcard")):
        yield Finding(
            message.id,
            ProposalField.ATTACHMENT,
            None,
            None,
            name,
            "PERSON",
            0.9,
            RECOGNIZER,
            "Contact card: the file is named after the person.",
            _person_for(context, stem),
        )
        return
    if _GENERIC_FILE.match(name):
        return  # camera and voice-note names carry no identity
    hits = context.matcher.find(stem.replace("_", " ").replace("-", " "))
    if hits or _phones.spans(stem) or "@" in stem:
        entity = hits[0].entity_type if hits else "PERSON"
        yield Finding(
            message.id,
            ProposalField.ATTACHMENT,
            None,
            None,
            name,
            entity,
            0.8,
            RECOGNIZER,
            "Attachment name contains a name, number or address.",
        )


def text_findings(message: Message) -> list[Finding]:
    """People named by system lines ("Jo added Sam") and quoted-reply headers ("> Sam: ...")."""
    out: list[Finding] = []
    text = message.text
    known = platform_line(message.kind, text)
    if known is not None:
        # The platform's own wording (any language): only its name slots name anyone.
        for start, end in known.names:
            out += _names_at(message, start, text[start:end], "system line")
    elif message.kind == MessageKind.SYSTEM:
        match = _SYSTEM.match(text)
        if match:
            out += _names_at(message, match.start("actor"), match.group("actor"), "system line")
            targets = _TARGETS.match(match.group("rest"))
            if targets and targets.group("list"):
                base = match.start("rest") + targets.start("list")
                out += _names_at(message, base, targets.group("list"), "system line")
    for quote in _QUOTE.finditer(text):
        out += _names_at(message, quote.start("name"), quote.group("name"), "quoted reply")
    return out


def _names_at(message: Message, base: int, chunk: str, where: str) -> list[Finding]:
    out: list[Finding] = []
    for part in _LIST_ITEM.finditer(chunk):
        raw = part.group("v")
        # "Jamie Lee (84.82 s)" in a call summary, '"Sam"' in a WeChat line: the name only.
        value = _AFTER_NAME.sub("", raw).strip().strip(_QUOTES).strip()
        if not value or value.casefold() in _NOT_PEOPLE or value.startswith(("the ", "this ")):
            continue
        if is_placeholder(value):
            continue  # "Deleted Account" added to a group names nobody
        start = base + part.start("v") + raw.index(value)
        kind, _ = classify_identifier(value)
        entity = _KIND_ENTITY[kind]
        if entity == "PERSON" and not re.search(r"[A-Za-z]", value):
            continue
        out.append(
            Finding(
                message.id,
                ProposalField.TEXT,
                start,
                start + len(value),
                value,
                entity,
                0.85,
                RECOGNIZER,
                f"Person named in a {where}.",
            )
        )
    return out
