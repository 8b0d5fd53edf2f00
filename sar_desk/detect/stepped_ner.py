"""spaCy's entity recogniser, decoded one step at a time from Python (the same entities, faster).

spaCy decodes its NER in a compiled loop that releases the interpreter lock. The wheels built for
Python 3.11 carry Cython's profiling hooks, and a hook inside that loop takes the lock back and
drops it again at every call: `perf` puts 30-38% of the NER's CPU in the lock's mutex and
condition variable, ≈1.6 s per 6,000 messages (benchmarks/README.md, session 16). spaCy has a
second path through the same decoder, the one its training uses: the step model scores the open
states, then `Parser.transition_states` checks which moves are valid, picks the best and applies
it, in compiled code run with the lock held (so the hooks cost next to nothing). Only the scores'
last product goes through numpy instead of blis; the moves, their validity and the annotations
are spaCy's own. The entities were identical on 25,107 distinct texts of corpora v2-v28 for
sm, md and md-plain and on the 6,000-message benchmark (`benchmarks/ner_stepped.py`; the stored
findings by `benchmarks/detect_command.py`'s fingerprint).

`use_stepped_ner` swaps the pipeline's ``ner`` for a thin component that holds the original and
decodes this way; a recogniser with beam search (or anything that is not spaCy's greedy
transition parser) is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from thinc.api import set_dropout_rate

FACTORY = "sar_desk_stepped_ner"


def stepped_parse(parser: Any, docs: list[Doc]) -> list[Any]:
    """The parse states `parser.predict(docs)` returns, decoded step by step from Python.

    Mirrors spaCy's ``Parser.greedy_parse``: one state per document, the step model scores
    every state not yet final, the parser takes the best valid move for each, until none is left.
    """
    if not any(len(doc) for doc in docs):
        return list(parser.moves.init_batch(docs))  # as Parser.predict: nothing to decode
    parser._ensure_labels_are_added(docs)  # what greedy_parse does first (preset entities)
    set_dropout_rate(parser.model, 0.0)
    batch = list(parser.moves.init_batch(docs))
    step_model = parser.model.predict(docs)
    states = [state for state in batch if not state.is_final()]
    while states:
        scores = step_model.predict(states)
        states = parser.transition_states(states, scores)
    step_model.clear_memory()
    return batch


class SteppedNer:
    """A pipeline component that runs a loaded ``EntityRecognizer`` through `stepped_parse`.

    Attributes:
        parser: The original recogniser (its model, labels and annotations are used as they are).
    """

    def __init__(self, parser: Any = None) -> None:
        self.parser = parser

    @property
    def model(self) -> Any:
        """The recogniser's model (for code that walks the pipeline's layers)."""
        return self.parser.model

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity labels the recogniser predicts."""
        return tuple(self.parser.labels)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one document's entities."""
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Annotate documents in batches of `batch_size`, in order."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        self.parser.set_annotations(docs, stepped_parse(self.parser, docs))


@Language.factory(FACTORY)
def _make_stepped(nlp: Language, name: str) -> SteppedNer:
    return SteppedNer()


def can_step(component: Any) -> bool:
    """Whether `component` is spaCy's greedy transition-based recogniser (no beam search)."""
    return isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1


def use_stepped_ner(nlp: Language) -> bool:
    """Replace `nlp`'s ``ner`` by a `SteppedNer` around it; False (unchanged) if it cannot step."""
    if "ner" not in nlp.pipe_names:
        return False
    original = nlp.get_pipe("ner")
    if not can_step(original):
        return False
    # The factory below makes it; spaCy types every component as a plain callable.
    stepped = cast(SteppedNer, nlp.replace_pipe("ner", FACTORY))
    stepped.parser = original
    return True
