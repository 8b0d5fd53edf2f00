"""The NER decoded step by step from Python finds exactly what spaCy's compiled loop finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sar_desk.detect.engine import load_spacy
from sar_desk.detect.models import md_installed
from sar_desk.detect.stepped_ner import SteppedNer, can_step, stepped_parse, use_stepped_ner

# Synthetic chat lines: names, places, organisations, dates, lower case, emoji, an empty line,
# a line of spaces and one long line (a state that stays open for many steps).
LINES = [
    "Sarah Jenkins said she would ring Tom Reid from Leeds on Monday",
    "spoke to dan hughes re the rota, he's off till the 14th",
    "Can you ask Priya Shah to send it to Mr Okafor before the meeting at Barnsley Council?",
    "ok 👍",
    "",
    "   ",
    "The Environment Agency wrote to Ellie Marsh about the flooding in York and Selby. " * 6,
    "Happy birthday Gran!! 🎂🎉 from all of us at 12 Mill Lane",
    "Meeting moved to Tuesday 3pm, Jo and Sam can't make it",
]


def _ents(docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]


def _compiled(nlp: spacy.language.Language, parser: object) -> list[list[tuple[int, int, str]]]:
    docs = [nlp.make_doc(line) for line in LINES]
    parser.set_annotations(docs, parser.predict(docs))  # type: ignore[attr-defined]
    return _ents(docs)


@pytest.mark.nlp
@pytest.mark.parametrize("model", ["sm", "md"])
def test_the_loaded_pipeline_steps_and_finds_the_same_entities(model: str) -> None:
    if model == "md" and not md_installed():
        pytest.skip("the medium model is not installed")
    nlp = load_spacy(model)
    stepped = nlp.get_pipe("ner")
    assert isinstance(stepped, SteppedNer)
    assert nlp.pipe_names[0] == "ner"
    want = _compiled(nlp, stepped.parser)
    assert sum(map(len, want)) >= 8  # the lines hold entities: the comparison means something
    assert _ents(list(nlp.pipe(LINES, batch_size=3))) == want  # batches that split the lines
    assert _ents([nlp(line) for line in LINES]) == want  # one document at a time
    assert "PERSON" in stepped.labels
    assert stepped.model is stepped.parser.model


@pytest.mark.nlp
def test_documents_without_tokens_are_decoded_as_spacy_does() -> None:
    nlp = load_spacy("sm")
    parser = nlp.get_pipe("ner").parser
    empty = [nlp.make_doc(""), nlp.make_doc("")]
    assert [s.is_final() for s in stepped_parse(parser, empty)] == [True, True]
    assert list(nlp.pipe(["", "Tom Reid", ""]))[1].ents[0].text == "Tom Reid"


def test_a_beam_recogniser_and_a_pipeline_without_ner_are_left_alone() -> None:
    beam = spacy.blank("en")
    component = beam.add_pipe("beam_ner")
    component.add_label("PERSON")  # type: ignore[attr-defined]
    beam.initialize()
    assert not can_step(component)
    assert not use_stepped_ner(beam)
    assert beam.get_pipe("beam_ner") is component
    ruler_only = spacy.blank("en")
    ruler_only.add_pipe("entity_ruler", name="ner")
    assert not use_stepped_ner(ruler_only)
    assert not use_stepped_ner(spacy.blank("en"))  # no recogniser at all
