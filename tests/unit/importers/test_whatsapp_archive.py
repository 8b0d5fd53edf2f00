"""WhatsApp exports as zips and folders, hostile inputs, sniffing and whole-file warnings."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from sar_desk.core.errors import BadInputError, ImportFormatError, SarDeskError, UnsafeArchiveError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter, chat_title
from sar_desk.importers.whatsapp import importer as importer_module

DATA = Path(__file__).parents[2] / "data" / "importers" / "whatsapp"
BAD_INPUTS = Path("/work/shared/tools/make_bad_inputs.py")
PHOTO = "00000035-PHOTO-2022-03-28-08-02-10.jpg"
TINY_JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def read(path: Path, **options: object) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    records = list(WhatsAppImporter().read(path, report, ImportOptions(**options)))  # type: ignore[arg-type]
    return records, report


def make_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def ios_zip_with_media(tmp_path: Path) -> Path:
    return make_zip(
        tmp_path / "WhatsApp Chat - Test Group.zip",
        {"_chat.txt": (DATA / "_chat.txt").read_bytes(), PHOTO: TINY_JPEG},
    )


def test_ios_zip_marks_included_media_present(ios_zip_with_media: Path) -> None:
    records, report = read(ios_zip_with_media)
    photo = next(r for r in records if r.attachments and r.attachments[0].name == PHOTO)
    (attachment,) = photo.attachments
    assert attachment.present is True
    assert attachment.path == PHOTO
    assert attachment.size == len(TINY_JPEG)
    lease = next(r for r in records if r.text == "Lease.docx")
    assert lease.attachments[0].present is False
    assert report.settings["chat_file"] == "_chat.txt"


def test_zip_name_wins_over_chat_txt(ios_zip_with_media: Path) -> None:
    records, _ = read(ios_zip_with_media)
    assert {r.conversation_key for r in records} == {"Test Group"}


def test_ios_zip_without_media_marks_everything_absent(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "WhatsApp Chat - Test Group.zip",
        {"_chat.txt": (DATA / "_chat.txt").read_bytes()},
    )
    records, _ = read(path)
    attachments = [a for r in records for a in r.attachments]
    assert attachments
    assert not any(a.present for a in attachments)


def test_macosx_junk_is_ignored(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "WhatsApp Chat - Test Group.zip",
        {
            "__MACOSX/._chat.txt": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x00",
            f"__MACOSX/._{PHOTO}": b"\x00\x05\x16\x07junk",
            "_chat.txt": (DATA / "_chat.txt").read_bytes(),
            PHOTO: TINY_JPEG,
        },
    )
    records, report = read(path)
    assert len(records) == 14
    assert report.settings["chat_file"] == "_chat.txt"
    assert WhatsAppImporter().sniff(path)


def test_android_zip_and_folder_find_media_by_name(tmp_path: Path) -> None:
    chat = (
        b"13/04/2026, 10:00 - Sam Patel: IMG-20260413-WA0001.jpg (file attached)\n"
        b"The leak under the sink\n"
        b"13/04/2026, 10:01 - Sam Patel: VID-20260413-WA0002.mp4 (file attached)\n"
    )
    files = {"WhatsApp Chat with Sam Patel.txt": chat, "IMG-20260413-WA0001.jpg": TINY_JPEG}
    archive = make_zip(tmp_path / "export.zip", files)
    folder = tmp_path / "unzipped"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for path in (archive, folder):
        records, _ = read(path)
        assert [r.attachments[0].present for r in records] == [True, False]
        assert records[0].text == "The leak under the sink"
        assert {r.conversation_key for r in records} == {"Sam Patel"}
        assert WhatsAppImporter().sniff(path)


def test_zip_without_a_chat_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "photos.zip", {"IMG-1.jpg": TINY_JPEG})
    with pytest.raises(ImportFormatError, match="no chat text file"):
        read(path)
    assert not WhatsAppImporter().sniff(path)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("WhatsApp Chat with Sam Patel.txt", "Sam Patel"),
        ("WhatsApp Chat mit Lena Schmidt.txt", "Lena Schmidt"),
        ("Chat de WhatsApp con Ana García.txt", "Ana García"),
        ("Conversa do WhatsApp com João.txt", "João"),
        ("Chat WhatsApp con Gia.txt", "Gia"),
        ("WhatsApp-chat met Sanne.txt", "Sanne"),
        ("Discussion WhatsApp avec Luc.txt", "Luc"),
        ("Chat WhatsApp s\u00a0uživatelem Jana.txt", "Jana"),
        ("WhatsApp Chat - Housing Team.zip", "Housing Team"),
        ("_chat.txt", "_chat"),
        ("notes.txt", "notes"),
    ],
)
def test_chat_title_from_localised_file_names(name: str, title: str) -> None:
    assert chat_title(name) == title


# --- hostile and broken inputs ---------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BAD_INPUTS.exists():
        pytest.skip("shared bad-input generator not available")
    folder = tmp_path_factory.mktemp("bad")
    subprocess.run([sys.executable, str(BAD_INPUTS), str(folder)], check=True, capture_output=True)
    return folder


BAD_NAMES = [
    "empty.txt",
    "binary.txt",
    "not_a_chat.txt",
    "latin1_garbage.txt",
    "zip_slip.zip",
    "zip_absolute.zip",
    "zip_bomb.zip",
    "truncated.zip",
    "billion_laughs.xml",
    "xxe.xml",
    "truncated_telegram.json",
]


# The shared generator compresses a 2 GiB zip bomb, which takes tens of seconds to write.
@pytest.mark.slow
@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_inputs_raise_a_readable_error(bad_inputs: Path, name: str) -> None:
    path = bad_inputs / name
    start = time.perf_counter()
    with pytest.raises(SarDeskError) as caught:
        read(path)
    assert time.perf_counter() - start < 2.0
    assert isinstance(caught.value, ImportFormatError | UnsafeArchiveError)
    message = str(caught.value)
    assert name in message
    assert "Traceback" not in message
    assert "\n" not in message
    assert message.endswith(".")


@pytest.mark.slow
@pytest.mark.parametrize("name", BAD_NAMES)
def test_sniff_rejects_bad_inputs_without_raising(bad_inputs: Path, name: str) -> None:
    assert WhatsAppImporter().sniff(bad_inputs / name) is False


@pytest.mark.slow
def test_every_bad_input_is_covered(bad_inputs: Path) -> None:
    assert {p.name for p in bad_inputs.iterdir()} <= set(BAD_NAMES)


@pytest.mark.slow
def test_zip_bomb_is_refused_as_unsafe(bad_inputs: Path) -> None:
    with pytest.raises(UnsafeArchiveError):
        read(bad_inputs / "zip_bomb.zip")


def test_undecodable_byte_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(
        b"13/04/2026, 10:00 - Ann: fine\n13/04/2026, 10:01 - Ann: fine\n"
        b"13/04/2026, 10:02 - Ann: caf\xe9\n"
    )
    with pytest.raises(ImportFormatError, match=r"chat\.txt line 3 "):
        read(path)


def test_utf16_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("13/04/2026, 10:00 - Ann: héllo\n".encode("utf-16"))
    (record,) = read(path)[0]
    assert record.text == "héllo"


def test_unknown_time_zone_is_a_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("13/04/2026, 10:00 - Ann: hi\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="Mars/Olympus"):
        read(path, timezone="Mars/Olympus")


def test_a_letter_quoting_one_chat_line_is_not_a_chat(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(
        "Dear Ms Shah,\nYou wrote:\n13/04/2026, 10:00 - Ann: hi\nRegards\n", encoding="utf-8"
    )
    assert WhatsAppImporter().sniff(path) is False


# --- sniffing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", sorted(p.name for p in DATA.glob("*.txt")))
def test_sniff_accepts_every_sample(sample: str) -> None:
    assert WhatsAppImporter().sniff(DATA / sample) is True


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("result.json", '{"name": "Chat", "type": "personal_chat", "messages": []}\n'),
        ("sms.xml", '<?xml version="1.0"?>\n<smses count="0"></smses>\n'),
        ("messages.html", "<html><body><div class='message'>hi</div></body></html>\n"),
        ("notes.txt", "Meeting notes 23/03/2022\nAttendees: Priya, Tom\n"),
    ],
)
def test_sniff_rejects_other_formats(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert WhatsAppImporter().sniff(path) is False


def test_sniff_never_raises_on_missing_or_odd_paths(tmp_path: Path) -> None:
    assert WhatsAppImporter().sniff(tmp_path / "missing.txt") is False
    assert WhatsAppImporter().sniff(tmp_path) is False


# --- whole-file warnings ----------------------------------------------------------------------


def test_message_count_near_the_export_cap_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer_module, "CAP_WITHOUT_MEDIA", 20)
    path = tmp_path / "capped.txt"
    path.write_text("".join(f"13/04/2026, 10:{m:02d} - Ann: {m}\n" for m in range(20)), "utf-8")
    _, report = read(path)
    assert any("possibly truncated" in w for w in report.warnings)
    shutil.copy(path, tmp_path / "small.txt")
    monkeypatch.setattr(importer_module, "CAP_WITHOUT_MEDIA", 40_000)
    assert read(tmp_path / "small.txt")[1].warnings == []
