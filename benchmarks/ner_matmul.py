"""spaCy's NER with thinc's blis products against numpy's BLAS, side by side (issue 15).

Run: ``python benchmarks/ner_matmul.py [--n 6000] [--seed 7] [--model md] [--repeat 3]``

The detection engine loads its pipeline with numpy's matrix products (`detect/matmul_ops.py`).
This script loads the same pipeline twice in one process, once as spaCy leaves it (``blis``)
and once as the engine does (``numpy``, one BLAS thread), and runs each over the same masked
texts the engine would parse (``detect_bench_v2.py``'s `--n` distinct messages), alternately,
`--repeat` times, both through spaCy's compiled decoding loop (the NER alone, tokenising
untimed). It prints the CPU seconds and tokens per second of each, whether both found
exactly the same entities, and one raw matrix product of the NER's size timed both ways.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import numpy  # noqa: E402
import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402

from sar_desk.detect.engine import NER_ONLY_EXCLUDE, load_spacy, resolve_model  # noqa: E402
from sar_desk.detect.mask import could_name_anyone, mask, regions  # noqa: E402
from sar_desk.detect.stepped_ner import SteppedNer  # noqa: E402

Entities = list[list[tuple[int, int, str]]]


def _run(nlp: Language, texts: list[str]) -> tuple[float, Entities]:
    # The compiled decoding loop for both (the engine steps it from Python since session 16;
    # benchmarks/ner_stepped.py times that): only the products differ here.
    ner = nlp.get_pipe("ner")
    ner = ner.parser if isinstance(ner, SteppedNer) else ner
    docs = [nlp.make_doc(t) for t in texts]
    started = time.process_time()
    done = list(ner.pipe(docs, batch_size=256))  # type: ignore[attr-defined]
    cpu = time.process_time() - started
    return cpu, [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in done]


def _product(ops: NumpyOps, repeat: int = 50) -> float:
    rng = numpy.random.default_rng(7)
    x = rng.random((2500, 288), dtype=numpy.float32)
    y = rng.random((288, 288), dtype=numpy.float32)
    ops.gemm(x, y)
    started = time.perf_counter()
    for _ in range(repeat):
        ops.gemm(x, y)
    return (time.perf_counter() - started) / repeat * 1000


def main() -> None:
    """Time both pipelines alternately and print one table."""
    from detect_bench_v2 import distinct_corpus

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default="md")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = distinct_corpus(args.n, args.seed)
    masked = [mask(m.text, regions(m.text)) for m in corpus.messages]  # type: ignore[attr-defined]
    texts = [t for t in masked if could_name_anyone(t)]
    engine = load_spacy(args.model)  # numpy products, one BLAS thread (as detection runs)
    plain = spacy.load(resolve_model(args.model), exclude=[*NER_ONLY_EXCLUDE, "strings"])
    if args.model in ("md", "md-chat"):
        from sar_desk.detect import chat_ner

        chat_ner.load_into(plain)  # the same weights: only the products differ
    tokens = sum(len(d) for d in plain.tokenizer.pipe(texts))
    times: dict[str, list[float]] = {"blis": [], "numpy": []}
    found: dict[str, Entities] = {}
    for _ in range(args.repeat):
        for name, nlp in (("blis", plain), ("numpy", engine)):
            cpu, found[name] = _run(nlp, texts)
            times[name].append(cpu)
    print(f"{len(texts)} texts parsed ({tokens} tokens), model {args.model}\n")
    print("| products | NER CPU s (each run) | median | tokens/s |")
    print("|---|---|---|---|")
    for name, runs in times.items():
        mid = statistics.median(runs)
        each = ", ".join(f"{t:.2f}" for t in runs)
        print(f"| {name} | {each} | {mid:.2f} | {tokens / mid:,.0f} |")
    same = found["blis"] == found["numpy"]
    print(f"\nsame entities in every text: {same}")
    print(
        f"one 2500x288 by 288x288 float32 product: blis {_product(NumpyOps()):.1f} ms, "
        f"numpy {_product(NumpyOps(use_blis=False)):.1f} ms"
    )


if __name__ == "__main__":
    main()
