"""The NER's matrix products go through numpy's BLAS, one thread, with the same entities."""

from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from sar_desk.detect.engine import NER_ONLY_EXCLUDE, load_spacy, resolve_model
from sar_desk.detect.matmul_ops import single_blas_thread, use_numpy_matmul

# Synthetic chat lines with names, places and organisations for the NER to find.
LINES = [
    "Sarah Jenkins said she would ring Tom Reid from Leeds on Monday",
    "Can you ask Priya Shah to send the rota to Mr Okafor before the meeting",
    "Dave and Sophie from Barnsley Council went to Manchester with Ahmed Khan",
    "ok",
    "The Environment Agency wrote to Ellie Marsh about the flooding in York",
]


def _weighted_layers(nlp: spacy.language.Language) -> list[NumpyOps]:
    return [layer.ops for layer in nlp.get_pipe("ner").model.walk()]


def test_the_product_is_numpy_and_equals_blis() -> None:
    rng = numpy.random.default_rng(7)
    x = rng.random((40, 30), dtype=numpy.float32)
    y = rng.random((20, 30), dtype=numpy.float32)
    blis_ops, numpy_ops = NumpyOps(), NumpyOps(use_blis=False)
    for trans2, right in ((True, y), (False, y.T.copy())):
        want = blis_ops.gemm(x, right, trans2=trans2)
        got = numpy_ops.gemm(x, right, trans2=trans2)
        assert got.shape == (40, 20)
        assert numpy.allclose(got, want, rtol=1e-5, atol=1e-5)


@pytest.mark.nlp
def test_loaded_pipelines_use_numpy_and_find_the_same_entities() -> None:
    nlp = load_spacy("sm")
    assert all(not ops.use_blis for ops in _weighted_layers(nlp))
    # The same pipeline as spaCy loads it, with blis: the entities must not move.
    plain = spacy.load(resolve_model("sm"), exclude=[*NER_ONLY_EXCLUDE, "strings"])
    assert any(ops.use_blis for ops in _weighted_layers(plain))

    def ents(pipeline: spacy.language.Language) -> list[list[tuple[int, int, str]]]:
        docs = pipeline.pipe(LINES)
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]

    found = ents(plain)
    assert sum(map(len, found)) >= 5  # the check means something: the lines hold entities
    assert ents(nlp) == found
    assert use_numpy_matmul(nlp) == 0  # a second call finds nothing left to change


def test_function_components_are_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert use_numpy_matmul(nlp) == 0


def test_blas_is_kept_to_one_thread() -> None:
    single_blas_thread()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy's BLAS is loaded"
    assert {pool["num_threads"] for pool in blas} == {1}
