"""Classifying WhatsApp message bodies: system events, media, deletions, edits and calls.

WhatsApp writes these as ordinary text in the user's language. Our own patterns for en, de, nl,
es, fr, it and pt (`wordings`) name the events; unknown wordings fall back to plain messages
(with a sender) or to unclassified system events (without one), so nothing is ever dropped.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from sar_desk.core.model import MessageKind
from sar_desk.importers.whatsapp.marks import has_invisible
from sar_desk.importers.whatsapp.wordings import SYSTEM_PATTERNS

_SYSTEM: Final = tuple(
    (event, re.compile(pattern + r"\.?", re.IGNORECASE))
    for event, patterns in SYSTEM_PATTERNS.items()
    for pattern in patterns
)
# Notices iOS writes under the chat's name with a leading mark (our wording of them).
_IOS_NOTICE: Final = re.compile(
    r"(?:You (?:blocked|unblocked) this (?:contact|business)(?:\. Tap to (?:un)?block\.)?"
    r"|This chat is with a business account\..*|Waiting for this message\..*"
    # WhatsApp Business notices (formats-more.md section 6), which iOS files under the
    # business's name with the mark; Android prints the first as if the business said it.
    r"|This business (?:uses a secure service from \w+|works with other companies) to manage"
    r" this chat\..*"
    r"|.+ (?:is a contact|joined using this group's invite link|changed their phone number.*))"
    r"\.?",
    re.IGNORECASE,
)
# Notices that iOS files under a person's name without the LRM clue; safe to match anywhere.
_STRONG_SYSTEM: Final = re.compile(
    "|".join(p for e in ("encryption-notice", "security-code-changed") for p in SYSTEM_PATTERNS[e]),
    re.IGNORECASE,
)
# Their first three letters, so that ordinary messages skip the regex (profiling showed it).
_STRONG_STARTS: Final = frozenset(
    p[:3].lower()
    for e in ("encryption-notice", "security-code-changed")
    for p in SYSTEM_PATTERNS[e]
)

_DELETED: Final = frozenset(
    {
        "this message was deleted",
        "you deleted this message",
        "diese nachricht wurde gelöscht",
        "du hast diese nachricht gelöscht",
        "dit bericht is verwijderd",
        "je hebt dit bericht verwijderd",
        "se eliminó este mensaje",
        "eliminaste este mensaje",
        "este mensaje fue eliminado",
        "ce message a été supprimé",
        "vous avez supprimé ce message",
        "questo messaggio è stato eliminato",
        "hai eliminato questo messaggio",
        "esta mensagem foi apagada",
        "você apagou esta mensagem",
        "mensagem apagada",
    }
)
_MEDIA_OMITTED: Final = frozenset(
    {
        "<media omitted>",
        "<medien ausgeschlossen>",
        "<media weggelaten>",
        "<multimedia omitido>",
        "<médias omis>",
        "<media omessi>",
        "<mídia oculta>",
        "<média vynechány>",
        "<без медиафайлов>",
    }
)
_IOS_OMITTED: Final = {
    "image omitted": "image",
    "video omitted": "video",
    "audio omitted": "audio",
    "sticker omitted": "sticker",
    "gif omitted": "gif",
    "contact card omitted": "contact",
    "document omitted": "document",
}
_DOCUMENT_OMITTED: Final = re.compile(
    r"(?P<name>.+?)\s*•\s*(?:\d+\s+pages?\s*)?document omitted", re.IGNORECASE
)
_EDITED: Final = re.compile(
    r"\s*<(?:This message was edited|Diese Nachricht wurde bearbeitet|Dit bericht is bewerkt"
    r"|Se editó este mensaje|Ce message a été modifié|Questo messaggio è stato modificato"
    r"|Esta mensagem foi editada)\.?>$",
    re.IGNORECASE,
)
_ATTACHED: Final = re.compile(
    r"<(?:attached|angehängt|adjunto|pièce jointe|bijgevoegd|allegato|anexado) ?: "
    r"(?P<name>[^<>]+)>"
)
_FILE_ATTACHED: Final = re.compile(
    r"(?P<name>.+?) \((?:file attached|Datei angehängt|bestand bijgevoegd|archivo adjunto"
    r"|fichier joint|file allegato|arquivo anexado)\)$"
)
_LOCATION: Final = re.compile(
    r"(?:location|standort|locatie|ubicación|localisation|position|posizione|localização)"
    r"\s?: (?P<url>https?://\S+)$",
    re.IGNORECASE,
)
_DURATION = (
    r"(?:[.,•]?\s*(?:\d+\s*(?:sec|secs|seconds?|min|mins|minutes?|hr|hrs|hours?|h|m|s)\b\.?\s*)+"
    r"|[.,]?\s*\(?\d{1,2}(?::\d{2}){1,2}\)?"
    r"|[.,]?\s*(?:tap to call back|click to call back|no answer|answered on other device)\.?)*"
)
_CALL: Final = re.compile(
    r"(?:(?:missed |silenced )?(?:group )?(?:voice|video) call"
    r"|verpasster (?:sprach|video)anruf|(?:sprach|video)anruf"
    r"|gemiste (?:spraak|video-)oproep|(?:spraak|video-)oproep"
    r"|(?:video)?llamada (?:de voz )?perdida|(?:video)?llamada de (?:voz|video)"
    r"|appel (?:vocal|vidéo) manqué|appel (?:vocal|vidéo)"
    r"|(?:video)?chiamata (?:vocale )?persa|(?:video)?chiamata vocale"
    r"|chamada de (?:voz|vídeo) perdida|chamada de (?:voz|vídeo))" + _DURATION + r"\.?",
    re.IGNORECASE,
)
_PREFIX_TYPES: Final = (
    ("IMG-", "image"),
    ("VID-", "video"),
    ("PTT-", "audio"),
    ("AUD-", "audio"),
    ("STK-", "sticker"),
)
_MARKER_TYPES: Final = (
    ("-PHOTO-", "image"),
    ("-VIDEO-", "video"),
    ("-AUDIO-", "audio"),
    ("-STICKER-", "sticker"),
    ("-GIF-", "gif"),
)
_EXTENSION_TYPES: Final = {
    **dict.fromkeys(("jpg", "jpeg", "png", "heic", "webp", "bmp"), "image"),
    **dict.fromkeys(("mp4", "mov", "3gp", "avi", "mkv"), "video"),
    **dict.fromkeys(("opus", "ogg", "m4a", "mp3", "aac", "amr", "wav"), "audio"),
    "gif": "gif",
    "vcf": "contact",
}
VIEW_ONCE: Final = "view-once"


class Body(NamedTuple):
    """What a message body turned out to be.

    Attributes:
        kind: message, system, media, call or deleted.
        text: The text to keep: the caption for media, the whole line for system events.
        files: ``(name, type)`` of each file referred to.
        edited: Whether WhatsApp marked the message as edited.
        event: The system event (``added``, ``left``...), None when unknown or not system.
    """

    kind: MessageKind
    text: str
    files: tuple[tuple[str, str], ...] = ()
    edited: bool = False
    event: str | None = None


def system_event(text: str) -> str | None:
    """The system event a line describes (``created-group``, ``added``...), or None."""
    for event, pattern in _SYSTEM:
        if pattern.fullmatch(text):
            return event
    return None


def group_name(text: str) -> str | None:
    """The group name in a "created group" line, or None."""
    for event, pattern in _SYSTEM:
        if event == "created-group":
            match = pattern.fullmatch(text)
            if match is not None and match.groupdict().get("name"):
                return match["name"]
    return None


def file_type(name: str) -> str:
    """The attachment type (image, video, audio...) of an exported media file name."""
    for prefix, kind in _PREFIX_TYPES:
        if name.startswith(prefix):
            return kind
    for marker, kind in _MARKER_TYPES:
        if marker in name:
            return kind
    extension = name.rpartition(".")[2].lower()
    return _EXTENSION_TYPES.get(extension, "document")


def system_body(text: str) -> Body:
    """A system event (a line with no sender, or one iOS marks as system)."""
    return Body(MessageKind.SYSTEM, text, event=system_event(text))


def classify(text: str, marked: bool) -> Body:
    """Classify a message body written by a sender.

    Args:
        text: The body (all its lines) without the header, invisible marks removed.
        marked: Whether the body began with a direction mark, which iOS puts on system
            events, media and deletions (and phones on some ordinary text: only a recognised
            system event is then read as one, so a sender is never lost to a stray mark).
    """
    edited = False
    if text.endswith(">"):
        edit = _EDITED.search(text)
        if edit is not None:
            text, edited = text[: edit.start()], True
    if "\n" not in text and (len(text) <= _LONGEST_MARKER or "://" in text or text[-1:] == "d"):
        special = _single_line(text.strip(), edited)
        if special is not None:
            return special
    first, _, rest = text.partition("\n")
    if "<" in first:
        attached = _ATTACHED.search(first)
        if attached is not None:
            name = attached["name"].strip()
            caption = (first[: attached.start()] + first[attached.end() :]).strip()
            caption = "\n".join(part for part in (caption, rest) if part)
            return Body(MessageKind.MEDIA, caption, ((name, file_type(name)),), edited)
    if first.endswith(")"):
        attached = _FILE_ATTACHED.match(first.strip())
        if attached is not None:
            name = attached["name"].strip()
            return Body(MessageKind.MEDIA, rest, ((name, file_type(name)),), edited)
    if text[:3].lower() in _STRONG_STARTS and _STRONG_SYSTEM.fullmatch(text.strip()):
        return system_body(text.strip())
    if marked:
        # iOS files group events under the group's name with a leading mark; but Android and
        # RTL phones also put marks before ordinary text, so only a known event loses its sender.
        stripped = text.strip()
        if system_event(stripped) is not None or _IOS_NOTICE.fullmatch(stripped):
            return system_body(stripped)
    return Body(MessageKind.MESSAGE, text, edited=edited)


def is_plain(text: str) -> bool:
    """Whether `text` (as written, marks and all) is certainly an unedited ordinary message.

    A cheap test on the first three letters and the ends of the text, true only when
    ``classify`` would return ``Body(MessageKind.MESSAGE, text)`` unchanged: no edit note,
    media marker, attachment, call, location, deletion or system notice can start or end
    like this. False means "not sure", never "not plain"; callers then use `classify`.
    It runs once per message, so the common ASCII case is a handful of C-level calls.
    """
    if not text:
        return False
    if text.isascii():
        if text[0] in _ASCII_SPACE or text[-1] in _ASCII_BAD_END:
            return False
        if "<" in text or "://" in text or ")\n" in text:
            return False  # an attachment, a location, or a first line ending "(file attached)"
        if text[-1] == "d" and text.endswith("omitted"):
            return False  # "NAME • 3 pages document omitted"
        return text[:3].lower() not in _GATED_STARTS
    if text[0].isspace() or text[-1].isspace() or text[-1] in _SPECIAL_ENDS:
        return False
    if "<" in text or "://" in text or ")\n" in text or has_invisible(text):
        return False  # classify sees the text without marks, and a leading mark means system
    if text[-1] == "d" and text.endswith("omitted"):
        return False
    return text[:3].lower() not in _STRONG_STARTS and text[:3].casefold()[:3] not in _GATED_STARTS


def _single_line(text: str, edited: bool) -> Body | None:
    """Whole-body markers: deleted, omitted media, view-once, calls and locations."""
    if len(text) <= _LONGEST_MARKER:
        key = text.rstrip(".").casefold()
        fixed = _FIXED.get(key)
        if fixed is not None:
            kind, file_kind = fixed
            if kind is MessageKind.DELETED:
                return Body(kind, text, (), edited)
            name = "view-once media" if file_kind == VIEW_ONCE else text
            return Body(kind, "", ((name, file_kind),), edited)
        if key[:3] in _CALL_STARTS and _CALL.fullmatch(text):
            return Body(MessageKind.CALL, text, (), edited)
    if text.endswith("omitted"):
        document = _DOCUMENT_OMITTED.fullmatch(text)
        if document is not None:
            return Body(MessageKind.MEDIA, "", ((document["name"], "document"),), edited)
    if "://" in text:
        location = _LOCATION.match(text)
        if location is not None:
            return Body(MessageKind.MEDIA, text, ((location["url"], "location"),), edited)
    return None


# One lookup for every fixed whole-body marker (most messages miss it at the cost of a hash).
_FIXED: Final[dict[str, tuple[MessageKind, str]]] = {
    **dict.fromkeys(_DELETED, (MessageKind.DELETED, "")),
    **dict.fromkeys(_MEDIA_OMITTED, (MessageKind.MEDIA, "file")),
    **{key: (MessageKind.MEDIA, kind) for key, kind in _IOS_OMITTED.items()},
    "null": (MessageKind.MEDIA, VIEW_ONCE),
}
_LONGEST_MARKER: Final = 80
_CALL_STARTS: Final = frozenset(
    {"mis", "sil", "gro", "voi", "vid", "ver", "spr", "gem", "lla", "app", "chi", "cha"}
)
_SPECIAL_ENDS: Final = ">)"  # an edit note or media marker ends ">", a "(file attached)" ")"
_ASCII_SPACE: Final = frozenset(ch for ch in map(chr, range(128)) if ch.isspace())
_ASCII_BAD_END: Final = _ASCII_SPACE | frozenset(_SPECIAL_ENDS)
# Every fixed marker, call and iOS notice starts with one of these (lower-cased).
_GATED_STARTS: Final = frozenset(key[:3] for key in _FIXED) | _CALL_STARTS | _STRONG_STARTS
