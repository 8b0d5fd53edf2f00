"""Importers, one module per platform, listed explicitly (no plugin discovery).

`importer_for(path)` picks the importer whose `sniff` accepts a file, zip or folder;
`by_platform(name)` looks one up by its registry key.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from sar_desk.core.errors import Hint, ImportFormatError, UnknownFormatError
from sar_desk.importers.archive import ExportTree
from sar_desk.importers.base import Importer, ImportOptions
from sar_desk.importers.discord import DiscordImporter
from sar_desk.importers.google_chat import GoogleChatImporter
from sar_desk.importers.imessage import IMessageImporter
from sar_desk.importers.messenger import MessengerImporter
from sar_desk.importers.messenger_html import MessengerHtmlImporter
from sar_desk.importers.rsmf import RsmfImporter
from sar_desk.importers.sametime import SametimeImporter
from sar_desk.importers.signal import SignalImporter
from sar_desk.importers.skype import SkypeImporter
from sar_desk.importers.slack import SlackImporter
from sar_desk.importers.sms_backup import SmsBackupImporter
from sar_desk.importers.teams import TeamsImporter
from sar_desk.importers.telegram import TelegramImporter
from sar_desk.importers.wechat import WeChatImporter
from sar_desk.importers.whatsapp import WhatsAppImporter

IMPORTERS: tuple[Importer, ...] = (
    WhatsAppImporter(),
    TelegramImporter(),
    SlackImporter(),
    DiscordImporter(),
    GoogleChatImporter(),
    TeamsImporter(),
    SignalImporter(),
    MessengerImporter(),
    SmsBackupImporter(),
    RsmfImporter(),
    SkypeImporter(),
    MessengerHtmlImporter(),
    IMessageImporter(),
    SametimeImporter(),
    WeChatImporter(),
)

__all__ = ["IMPORTERS", "ImportOptions", "Importer", "by_platform", "importer_for"]


def _supported() -> str:
    return ", ".join(imp.platform for imp in IMPORTERS)


def by_platform(name: str) -> Importer:
    """The importer registered under `name`.

    Raises:
        UnknownFormatError: No such platform; the message suggests the nearest name.
    """
    wanted = name.strip().lower()
    for importer in IMPORTERS:
        if importer.platform == wanted:
            return importer
    close = difflib.get_close_matches(wanted, [imp.platform for imp in IMPORTERS], n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UnknownFormatError(
        f"There is no importer called '{name}'.{hint} Supported platforms: {_supported()}."
    )


def importer_for(path: Path) -> Importer:
    """The importer that recognises `path`.

    Raises:
        ImportFormatError: The path does not exist, is empty or cannot be read.
        UnsafeArchiveError, InputLimitError: The input is hostile; the message gives the
            real reason (a zip bomb, nesting past the limits) rather than "not recognised".
        UnknownFormatError: No importer recognises it.
    """
    if not path.exists():
        raise ImportFormatError(f"{path} does not exist. Check the file name and try again.")
    if path.is_file() and path.stat().st_size == 0:
        raise ImportFormatError(
            f"{path.name} is empty (0 bytes). Export the chat again and import the new file."
        )
    _check_readable(path)
    for importer in IMPORTERS:
        if importer.sniff(path):
            return importer
    raise UnknownFormatError(
        f"{path.name} is not an export SAR Desk recognises. Supported platforms: {_supported()}. "
        "If you know the platform, name it when importing; the list of formats shows the "
        "file shapes each one accepts.",
        hint=Hint.CHOOSE_PLATFORM,
    )


def _check_readable(path: Path) -> None:
    """Open the input once, so that a hostile or unreadable one is refused with its reason."""
    try:
        with ExportTree(path) as tree:
            if tree.kind == "file":
                tree.head(path.name, 1)
    except OSError as exc:
        raise ImportFormatError(
            f"{path.name} could not be read ({exc.strerror or type(exc).__name__}). Check that "
            "the file is still there and that you can open it, then try again."
        ) from exc
