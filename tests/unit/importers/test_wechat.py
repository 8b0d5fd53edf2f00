"""WeChat exports from WeChatMsg (TXT, CSV) and PyWxDump (CSV)."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.wechat import WeChatImporter

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "wechat"
LONDON = ZoneInfo("Europe/London")


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(WeChatImporter().read(path, report, ImportOptions())), report


def test_wechatmsg_txt() -> None:
    msgs, report = read(DATA / "WeChatMsg" / "Jamie_Lee.txt")
    assert [(m.sender, m.kind, m.line_no) for m in msgs] == [
        ("Alex Morgan", MessageKind.MESSAGE, 1),
        ("Jamie Lee", MessageKind.MEDIA, 4),
        (None, MessageKind.SYSTEM, 7),
        ("Jamie Lee", MessageKind.MESSAGE, 9),
        ("Alex Morgan", MessageKind.MESSAGE, 16),
    ]
    first, photo, recall, reply, card = msgs
    assert first.timestamp == datetime(2024, 3, 1, 9, 15, 2, tzinfo=LONDON)
    assert first.time_basis == TimeBasis.CASE_TZ
    assert (photo.text, photo.attachments[0].type) == ("", "image")
    assert recall.text == '"Jamie Lee" 撤回了一条消息'
    assert reply.text.startswith("引用:Alex Morgan:Morning, slides are ready\nGreat")
    assert reply.text.endswith(
        "\n\nsecond paragraph, and a pasted line:\n2024-02-28 10:00:00 from the old thread"
    )
    assert "url:https://intranet.example.org/rota" in card.text
    assert [(i.line_no, i.location) for i in report.issues] == [(21, "Jamie_Lee.txt line 21")]


def test_wechatmsg_csv_times_are_exact() -> None:
    msgs, report = read(DATA / "WeChatMsg" / "Jamie_Lee_utf8.csv")
    assert Counter(m.sender for m in msgs) == {"Alex Morgan": 1, "Jamie Lee": 2, None: 1}
    first, photo, recall, card = msgs
    assert first.timestamp == datetime(2024, 3, 1, 9, 15, 2, tzinfo=UTC)
    assert first.time_basis == TimeBasis.UTC
    assert (first.sender_id, first.sender_id_kind) == ("wxid_alex01", IdentifierKind.PLATFORM_ID)
    assert first.conversation_key == "Jamie_Lee"  # the _utf8 suffix is not the chat's name
    assert (photo.kind, photo.text) == (MessageKind.MEDIA, "")
    assert (recall.kind, recall.sender_id) == (MessageKind.SYSTEM, None)
    assert card.text.startswith("Repairs rota\n")
    assert [i.line_no for i in report.issues] == [6]


def test_pywxdump_csv_names_from_users_json() -> None:
    msgs, report = read(DATA / "PyWxDump")
    assert [(m.sender, m.kind) for m in msgs] == [
        ("Priya Shah", MessageKind.MESSAGE),
        ("我", MessageKind.MESSAGE),
        ("Sam Patel", MessageKind.MEDIA),
        (None, MessageKind.SYSTEM),
        ("Priya Shah", MessageKind.MESSAGE),
    ]
    priya, me, van, joined, thanks = msgs
    assert (priya.sender_id, priya.conversation_key, priya.conversation_title) == (
        "wxid_priya03",
        "12345@chatroom",
        "Van rota",
    )
    assert me.sender_id is None
    assert (van.attachments[0].name, van.text) == ("van.dat", "")
    assert joined.text == '"Sam" joined the group chat'
    assert thanks.text == "Thanks,\nsee you then"
    assert thanks.timestamp == datetime(2024, 3, 2, 8, 4, tzinfo=LONDON)
    assert [i.line_no for i in report.issues] == [8]  # after a two-line quoted message


def test_whole_folder_and_zip(tmp_path: Path) -> None:
    msgs, _ = read(DATA / "WeChatMsg")
    assert len(msgs) == 14
    zipped = Path(shutil.make_archive(str(tmp_path / "wechat"), "zip", DATA))
    assert WeChatImporter().sniff(zipped)
    assert len(read(zipped)[0]) == 19


def test_whatsapp_style_year_first_lines_are_not_wechat(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("2024-03-01 09:15:02 - Alex Morgan: hi\n2024-03-01 09:16:02 - Jamie: hello\n")
    assert not WeChatImporter().sniff(chat)
    with pytest.raises(ImportFormatError, match="no WeChat export"):
        read(chat)


def test_wechatmsg_html_array() -> None:
    msgs, report = read(DATA / "WeChatMsg" / "Jamie_Lee.html")
    assert [(m.sender, m.kind, m.line_no) for m in msgs] == [
        ("Alex Morgan", MessageKind.MESSAGE, 7),
        ("Jamie Lee", MessageKind.MEDIA, 8),
        (None, MessageKind.SYSTEM, 9),
        ("Jamie Lee", MessageKind.MESSAGE, 10),
        ("Jamie Lee", MessageKind.MEDIA, 11),
    ]
    first, photo, recall, reply, voice = msgs
    assert first.timestamp == datetime(2024, 3, 1, 9, 15, 2, tzinfo=UTC)
    assert first.time_basis == TimeBasis.UTC
    assert photo.text == ""
    assert recall.text == '"Jamie Lee" recalled a message'
    assert reply.text == "> Alex Morgan: Morning, slides are ready\nGreat, it's \u2713\nsee you"
    assert (voice.text, voice.attachments[0].type) == ("call me back", "audio")
    assert [i.line_no for i in report.issues] == [12]


def test_a_cut_short_html_array_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "chat.html"
    text = (DATA / "WeChatMsg" / "Jamie_Lee.html").read_text(encoding="utf-8")
    page.write_text(text[: text.index("{ type:34")] + "{ type:34, text: 'cut")
    with pytest.raises(ImportFormatError, match="line 11"):
        read(page)
