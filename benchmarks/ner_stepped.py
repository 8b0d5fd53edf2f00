"""spaCy's compiled NER loop against the stepped decoding detection uses, side by side (issue 15).

Run: ``python benchmarks/ner_stepped.py [--n 6000] [--seed 7] [--model md] [--repeat 3]``

Since session 16 the engine decodes the NER through spaCy's own step model and
``Parser.transition_states`` (`detect/stepped_ner.py`) instead of spaCy's compiled greedy loop,
whose Python 3.11 wheels take and drop the interpreter lock at every profiling hook. This script
loads the pipeline as detection does and runs three contenders over the same masked texts the
engine would parse (``detect_bench_v2.py``'s `--n` distinct messages), alternately, `--repeat`
times: spaCy as it loads (blis products, compiled loop), the engine's numpy products with the
compiled loop (session 15), and the engine as it is (numpy products, stepped loop). It prints
the CPU seconds of each, tokens per second, and whether all three found exactly the same
entities in every text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from sar_desk.detect.engine import NER_ONLY_EXCLUDE, load_spacy, resolve_model  # noqa: E402
from sar_desk.detect.mask import could_name_anyone, mask, regions  # noqa: E402
from sar_desk.detect.stepped_ner import SteppedNer  # noqa: E402

Entities = list[list[tuple[int, int, str]]]


def _run(
    make: Callable[[str], Doc], ner: Callable[..., object], texts: list[str]
) -> tuple[float, Entities]:
    docs = [make(t) for t in texts]  # tokenising is the same for all three: not timed
    started = time.process_time()
    done = list(ner.pipe(docs, batch_size=256))  # type: ignore[attr-defined]
    cpu = time.process_time() - started
    return cpu, [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in done]


def main() -> None:
    """Time the three decoders alternately and print one table."""
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
    engine = load_spacy(args.model)
    stepped = engine.get_pipe("ner")
    if not isinstance(stepped, SteppedNer):
        raise SystemExit(f"the {args.model} recogniser is not decoded step by step")
    plain = spacy.load(resolve_model(args.model), exclude=[*NER_ONLY_EXCLUDE, "strings"])
    if args.model in ("md", "md-chat"):
        from sar_desk.detect import chat_ner

        chat_ner.load_into(plain)  # the same weights
    contenders = {
        "spaCy as loaded (blis, compiled loop)": (plain.make_doc, plain.get_pipe("ner")),
        "numpy products, compiled loop (session 15)": (engine.make_doc, stepped.parser),
        "numpy products, stepped loop (detection now)": (engine.make_doc, stepped),
    }
    tokens = sum(len(d) for d in engine.tokenizer.pipe(texts))
    times: dict[str, list[float]] = {name: [] for name in contenders}
    found: dict[str, Entities] = {}
    for _ in range(args.repeat):
        for name, (make, ner) in contenders.items():
            cpu, found[name] = _run(make, ner, texts)
            times[name].append(cpu)
    print(f"{len(texts)} texts parsed ({tokens} tokens), model {args.model}\n")
    print("| NER | CPU s (each run) | median | tokens/s |")
    print("|---|---|---|---|")
    for name, runs in times.items():
        mid = statistics.median(runs)
        each = ", ".join(f"{t:.2f}" for t in runs)
        print(f"| {name} | {each} | {mid:.2f} | {tokens / mid:,.0f} |")
    first = next(iter(found.values()))
    same = all(entities == first for entities in found.values())
    print(f"\nsame entities in every text, all three: {same}")
    print(f"entities: {sum(map(len, first))}")


if __name__ == "__main__":
    main()
