"""Matrix products for the spaCy pipeline through numpy's BLAS, one thread per process.

spaCy's models multiply matrices through thinc's `NumpyOps.gemm`, which by default calls the
`blis` package. On the machine we measured (AMD EPYC with AVX-512, benchmarks/README.md
"Matrix products through numpy") that wheel's kernels ran about three times slower than the
BLAS numpy ships (OpenBLAS on Linux and Windows, Accelerate on macOS), and the NER's layers
spend most of their time there. thinc's own switch, ``NumpyOps(use_blis=False)``, sends the
same float32 products to numpy instead; `use_numpy_matmul` gives it to every layer of a
loaded pipeline. The entities are the same (checked on every labelled corpus); the NER takes
about two thirds of the time.

Detection spreads its work over worker processes, one per core; a BLAS thread pool in each
of them would fight the others for the same cores, so `single_blas_thread` keeps numpy's BLAS
to one thread in this process (forked workers inherit it, spawned ones set it themselves).
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]


def single_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process (the workers are the parallelism)."""
    threadpool_limits(limits=1, user_api="blas")  # applied now, for the process's life


def use_numpy_matmul(nlp: Language) -> int:
    """Give every weighted layer of `nlp` numpy's matrix product; returns the layers changed."""
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue  # a function component (no weights)
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps) and layer.ops.use_blis:
                layer.ops = ops
                changed += 1
    return changed
