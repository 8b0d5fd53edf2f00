"""Platform system lines read by their wording: who is named in them, and nothing else.

Chat exports carry lines the platform wrote ("Priya Shah added Jo Bloggs", "Daan Jansen heeft
de groep verlaten", "Diese Nachricht wurde gelöscht", "Messages and calls are end-to-end
encrypted..."). The people in them are personal data, but the words around them are the
platform's own, in the user's language, and a statistical model reads them badly: "Sam Lee
changed the subject" became one name, "Nachrichten und" another, "este mensaje" a third.

So structure comes before statistics (issue 15 item 3): each template below is one platform
wording, pinned with anchors, with the slots where names go (``a`` the actor, ``t`` the
targets, a list) and the slots where a user-chosen group name or topic goes (``s``). A line a
template matches is proposed from its name slots only (`structure.text_findings`), and the
model's name and place guesses elsewhere in it are dropped (`analyze`); identifiers (phone
numbers, e-mails, addresses) are still found anywhere, and so are people known to the case.
A system line no template knows keeps the ordinary treatment, so new wording is never lost.

Sources: ``docs/platform-wording.md`` (the wordings, restated in this project's words) and
the importers' own fixtures (WhatsApp in English, German, Dutch, Spanish and French;
Messenger, Teams, Slack, Skype, Sametime, Telegram, Signal, Discord, WeChat, iMessage, RSMF).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sar_desk.core.model import MessageKind

_Q = "\"“”„«»'‘’"  # quotation marks around group names, in several languages
_QUOTED = rf"[{_Q}][^\n]*?[{_Q}]"
_END = r"\s*[.!]?\s*(?:Tap (?:to|for) .*|Click to .*|Learn more\.?)?$"

# Each entry: a pattern with named slots a (actor), t (targets), s/s2 (group names, topics).
_TEMPLATES: tuple[str, ...] = (
    # WeChat puts the name in quotes (first, so the quotes stay outside the slot)
    rf"[{_Q}](?P<a>[^\n]+?)[{_Q}] (?:recalled a message|joined the group chat|"
    rf"撤回了一条消息|加入了群聊)\s*$",
    # English: members
    rf"(?P<a>.+?) (?:added|removed|invited) (?P<t>.+?)(?: (?:to|from) (?:the|this) "
    rf"(?:group|chat|conversation|channel|meeting))?{_END}",
    rf"(?:added|removed|invited) (?P<t>.+?) (?:to|from) (?:the|this) "
    rf"(?:group|chat|conversation|channel|meeting){_END}",
    rf"(?P<a>.+?) (?:has )?(?:left|joined)(?: the (?:group|chat|channel|conversation|call|"
    rf"meeting|group chat))?(?: using this group's invite link| via (?:an )?invite link|"
    rf" by link| from the community)?{_END}",
    rf"(?P<a>.+?) (?:was|were) (?:added|removed)(?: by (?P<t>.+?))?{_END}",
    rf"(?P<a>.+?) (?:is|are) now an? (?:admin|member|owner){_END}",
    rf"(?P<a>.+?) (?:is a contact|is no longer an admin|is now (?:away|available|busy|offline|"
    rf"online|in a call|in a meeting|presenting|do not disturb|be right back)){_END}",
    # English: the group's name, picture and settings
    rf"(?P<a>.+?) created (?:the )?group (?P<s>{_QUOTED})(?: with (?P<t>.+?))?{_END}",
    rf"(?P<a>.+?) changed the (?:subject|group name|name of the group|topic|chat name)"
    rf"(?: from (?P<s>{_QUOTED}))? to (?P<s2>{_QUOTED}){_END}",
    rf"(?P<a>.+?) (?:renamed|named) the (?:conversation|chat|group|channel)(?: to)? "
    rf"(?P<s>.+?){_END}",
    rf"(?P<a>.+?) (?:set|changed) the channel (?:topic|purpose|name)(?: to)?:? (?P<s>.+?){_END}",
    r"(?:set|changed) the channel (?:topic|purpose|name)(?: to)?:? (?P<s>.+?)\s*$",
    r"(?P<a>.+?) (?:changed|updated|deleted|removed) (?:this group's|the group's|the group|"
    r"the chat's|their|the) (?:icon|photo|picture|description|settings|profile photo|theme|"
    r"emoji|nickname|group photo|message timer|disappearing messages)\b.*",
    r"(?P<a>.+?) (?:turned (?:on|off)|updated) (?:disappearing messages|the message timer)\b.*",
    # English: numbers, security, calls, messages
    r"(?P<a>.+?) changed (?:their phone number )?to (?:a new number|(?P<t>\+?[\d ()-]{7,}))"
    r"\b.*",
    rf"your security code with (?P<a>.+?) changed{_END}",
    rf"your safety number with (?P<a>.+?) (?:has )?changed{_END}",
    r"(?P<a>.+?) called you\b.*",
    rf"missed (?:voice |video |group )?call from (?P<a>.+?){_END}",
    r"call ended: (?P<t>.+?)\s*$",
    r"(?P<a>.+?) (?:started|ended) (?:a |the )?(?:call|video call|meeting|voice chat)\b.*",
    r"(?P<a>.+?) (?:pinned|unpinned|deleted|recalled|edited) (?:a|this|the) message\b.*",
    r"(?P<a>.+?) sent (?:an attachment|a photo|a video|a sticker|a gif|a voice message|a link|"
    r"a thumbs up|an audio clip|a file)\b.*",
    # German
    rf"(?P<a>.+?) hat (?P<t>.+?) (?:hinzugefügt|entfernt|eingeladen){_END}",
    rf"(?P<a>.+?) hat die Gruppe (?:verlassen|(?P<s>{_QUOTED}) erstellt){_END}",
    rf"(?P<a>.+?) hat den Betreff (?:von (?P<s>{_QUOTED}) )?(?:zu|in) (?P<s2>{_QUOTED}) "
    rf"geändert{_END}",
    r"(?P<a>.+?) ist (?:der Gruppe )?beigetreten\b.*",
    # Dutch
    rf"(?P<a>.+?) heeft (?P<t>.+?) (?:toegevoegd|verwijderd|uitgenodigd){_END}",
    rf"(?P<a>.+?) heeft (?:de groep verlaten|(?:de )?groep (?P<s>{_QUOTED}) aangemaakt){_END}",
    r"(?P<a>.+?) (?:is lid geworden|is toegetreden)\b.*",
    # Spanish
    rf"(?P<a>.+?) (?:añadió|eliminó) a (?P<t>.+?){_END}",
    rf"(?P<a>.+?) (?:salió del grupo|se unió\b.*|creó el grupo (?P<s>{_QUOTED})){_END}",
    # French
    rf"(?P<a>.+?) a (?:ajouté|retiré) (?P<t>.+?){_END}",
    rf"(?P<a>.+?) (?:est parti|est partie|a quitté le groupe|a rejoint le groupe\b.*|"
    rf"a créé le groupe (?P<s>{_QUOTED})){_END}",
)

# Lines that are the platform's alone and name nobody (the case's people are still matched).
_NOTICES: tuple[str, ...] = (
    r"(?:messages|messages and calls|calls) (?:to this (?:group|chat) )?are (?:now )?"
    r"(?:end-to-end encrypted|secured with end-to-end encryption)\b.*",
    r"this (?:business|chat) (?:uses a secure service from meta|works with other companies)\b.*",
    r"(?:this message was deleted|you deleted this message|this message has been deleted|"
    r"message deleted|waiting for this message)\b.*",
    r"(?:missed (?:voice |video )?call|started a call that lasted .*|history cleared|"
    r"this chat is recorded|messages in this chat are now archived|you're now an admin|"
    r"you (?:blocked|unblocked) this (?:business|contact)|liked a message|reacted .* to your "
    r"message|guild member join|signal event: .*)\.?\s*$",
    r"nachrichten und anrufe sind ende-zu-ende-verschlüsselt\b.*",
    r"(?:diese nachricht wurde gelöscht|du hast diese nachricht gelöscht)\b.*",
    r"berichten en oproepen zijn end-to-end versleuteld\b.*",
    r"(?:dit bericht is verwijderd|je hebt dit bericht verwijderd)\b.*",
    r"los mensajes y las llamadas están cifrados de extremo a extremo\b.*",
    r"(?:se eliminó este mensaje|eliminaste este mensaje|este mensaje fue eliminado)\b.*",
    r"les messages et les appels sont chiffrés de bout en bout\b.*",
    r"(?:ce message a été supprimé|vous avez supprimé ce message)\b.*",
    r"(?:esta mensagem foi apagada|questo messaggio è stato eliminato|"
    r"ta wiadomość została usunięta|tato zpráva byla smazána)\b.*",
)

# Kinds whose text the platform wrote. Media lines can carry the sender's own caption, and
# ordinary messages are the users' words: neither is read this way.
PLATFORM_KINDS = frozenset({MessageKind.SYSTEM, MessageKind.CALL, MessageKind.DELETED})


@dataclass(frozen=True, slots=True)
class SystemLine:
    """A system line a template knows.

    Attributes:
        names: ``(start, end)`` of each slot holding people (one name, or a list of them).
        subjects: ``(start, end)`` of each user-chosen group name or topic.
    """

    names: tuple[tuple[int, int], ...] = ()
    subjects: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    flags = re.IGNORECASE | re.DOTALL
    templates = [re.compile(rf"^\s*{t}$", flags) for t in _TEMPLATES]
    notices = re.compile(r"^\s*(?:" + "|".join(_NOTICES) + r")$", flags)
    return templates, notices


@lru_cache(maxsize=4096)  # structure and analyze both read each platform line
def read_system_line(text: str) -> SystemLine | None:
    """The name and group-name slots of a platform line, or None if no wording matches."""
    clean = text.replace("\u200e", " ").replace("\u200f", " ")
    templates, notices = _compiled()
    if notices.match(clean):
        return SystemLine()
    for template in templates:
        match = template.match(clean)
        if match is None:
            continue
        slots = match.groupdict()
        names = tuple(
            match.span(key) for key in ("a", "t") if slots.get(key) and slots[key].strip()
        )
        subjects = tuple(match.span(key) for key in ("s", "s2") if slots.get(key))
        return SystemLine(names, subjects)
    return None


def platform_line(kind: MessageKind, text: str) -> SystemLine | None:
    """`read_system_line` for lines the platform wrote (system, call and deleted lines).

    A deleted line is read only when it is the platform's notice: some exports (RSMF) keep a
    deleted message's recovered text, which is the user's words and read as such.
    """
    if kind not in PLATFORM_KINDS:
        return None
    return read_system_line(text)
