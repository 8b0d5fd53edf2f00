"""Names Slack people are shown by: the ones colleagues recognise, never a handle or an id.

A Slack account has an id (``U…``/``W…``), a handle (``name``, e.g. ``priya.e``), a real name
and an optional display name. Records show the real name (a full name is what the requester
and IG staff know, and what people matching and redaction work from), else the display name;
the handle and the id are identifiers, shown only when the export holds no name at all. Names
come from ``users.json`` first and, for accounts it lacks or names only by handle (deleted,
external or guest users), from the ``user_profile`` Slack copies into each message. Bots are
named from their ``users.json`` entry (``profile.bot_id``) when the message carries no name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sar_desk.importers.jsonstream import dict_at


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def profile_name(*profiles: dict[str, Any]) -> str:
    """The real name, else the display name, found in these profile-like objects (or "")."""
    for key in ("real_name", "display_name"):
        for profile in profiles:
            if name := _text(profile.get(key)):
                return name
    return ""


@dataclass
class SlackNames:
    """Who is who in one workspace: account and bot ids to the names people know them by.

    Attributes:
        users: Account id to the name shown for it.
        weak: Account ids whose shown name is only a handle or the id (a real name wins later).
        bots: Bot id (``B…``) to the bot's name.
    """

    users: dict[str, str] = field(default_factory=dict)
    weak: set[str] = field(default_factory=set)
    bots: dict[str, str] = field(default_factory=dict)

    def add_user(self, user: dict[str, Any]) -> str:
        """Learn one ``users.json`` entry; returns the name it will be shown by."""
        uid = _text(user.get("id"))
        profile = dict_at(user, "profile")
        name = profile_name(profile, user)
        if not name:
            # A handle is still better than an id, but any real name seen later replaces it.
            name = _text(user.get("name")) or uid
            self.weak.add(uid)
        self.users[uid] = name
        bot_id = _text(profile.get("bot_id"))
        if bot_id and bot_id not in self.bots:
            self.bots[bot_id] = name
        return name

    def learn(self, uid: str, profile: dict[str, Any]) -> None:
        """Take a message's ``user_profile`` as the name of an account known only weakly."""
        if not uid or (uid in self.users and uid not in self.weak):
            return
        name = profile_name(profile)
        if name:
            self.users[uid] = name
            self.weak.discard(uid)
        elif uid not in self.users and (handle := _text(profile.get("name"))):
            self.users[uid] = handle
            self.weak.add(uid)

    def user(self, uid: str) -> str | None:
        """The name shown for an account, or None when the export names it nowhere."""
        return self.users.get(uid)

    def sender(self, obj: dict[str, Any]) -> tuple[str | None, str | None]:
        """The (name, id) of a message's author: a person, a bot, or a file commenter."""
        is_bot = obj.get("subtype") == "bot_message" or (obj.get("bot_id") and not obj.get("user"))
        if is_bot:
            bot_id = _text(obj.get("bot_id")) or None
            bot = dict_at(obj, "bot_profile")
            name = (
                _text(obj.get("username"))
                or _text(bot.get("name"))
                or self.bots.get(bot_id or "")
                or (self.users.get(_text(obj.get("user"))) if obj.get("user") else None)
            )
            return name or bot_id, bot_id
        comment = dict_at(obj, "comment")
        uid = _text(obj.get("user")) or _text(comment.get("user")) or None
        if uid is None:
            return profile_name(dict_at(obj, "user_profile")) or None, None
        self.learn(uid, dict_at(obj, "user_profile"))
        return self.users.get(uid) or uid, uid
