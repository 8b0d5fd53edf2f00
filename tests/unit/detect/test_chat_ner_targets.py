"""The chat recogniser's training targets: md's entities corrected by the corpus's gold spans."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parents[3]


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_chat_ner", ROOT / "packaging" / "train_chat_ner.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_chat_ner"] = module
    spec.loader.exec_module(module)
    return module


TRAINER = _trainer()
CORPUS = importlib.import_module("eval_corpus")  # on the path the trainer sets
TEXT = "ask tom about the Dyson order from Leeds"


def _md_guess(labels: dict[str, str]) -> Doc:
    """A doc carrying the entities md might have proposed (text -> label)."""
    doc = spacy.blank("en").make_doc(TEXT)
    ents = []
    for text, label in labels.items():
        start = TEXT.index(text)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None
        ents.append(span)
    doc.ents = ents
    return doc


def _message(*gold: tuple[str, str, str]) -> object:
    spans = [
        CORPUS.Gold(kind, TEXT.index(text), TEXT.index(text) + len(text), form)
        for kind, text, form in gold
    ]
    return CORPUS.Message(register="test", text=TEXT, spans=spans)


def _labels(spans: list[Span] | None) -> dict[str, str]:
    assert spans is not None
    return {s.text: s.label_ for s in spans}


def test_gold_people_are_set_and_other_people_removed() -> None:
    doc = _md_guess({"Dyson": "PERSON", "Leeds": "GPE"})
    message = _message(("PERSON", "tom", "first"))
    assert _labels(TRAINER.targets(doc, message)) == {"tom": "PERSON", "Leeds": "GPE"}


@pytest.mark.parametrize(("negatives", "kept"), [(False, True), (True, False)])
def test_negatives_drop_md_places_only_when_asked(negatives: bool, kept: bool) -> None:
    doc = _md_guess({"Dyson": "GPE", "Leeds": "GPE"})
    message = _message(("NEG", "Dyson", "product"))
    labels = _labels(TRAINER.targets(doc, message, negatives))
    assert ("Dyson" in labels) is kept
    assert labels["Leeds"] == "GPE"  # a place that is no negative stays


def test_training_refuses_the_evaluation_seeds() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(SystemExit):
        next(TRAINER.chat_examples(nlp, 1, ("eval",), (1, 101), negatives=False))
