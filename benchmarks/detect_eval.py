"""Per-entity precision and recall of SAR Desk's detection on the labelled synthetic corpus.

Run: ``python benchmarks/detect_eval.py [--n 6000] [--seed 5] [--regime sar|foi] [--model NAME]``

The case is a SAR whose known people (its people table) are about half of the generated people,
including the requester; the other half are strangers to the case. Matching rule (presidio.md
§1): a prediction and a gold span match when they overlap and have the same type; "R any" counts
a gold span as found when any proposal overlaps it (what matters for redaction). The requester's
own spans are scored separately: in SAR mode no proposal may touch them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_corpus import Corpus, GoldSpan, generate

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import DEFAULT_MODEL, build_analyzer

REGISTRY = Path(__file__).resolve().parent.parent / "resources/detect/recognizers-uk-v2.yaml"
TARGET_TYPES = (
    "PERSON",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "UK_NHS",
    "UK_NINO",
    "UK_POSTCODE",
    "STREET_ADDRESS",
    "DATE_OF_BIRTH",
)


def case_context(corpus: Corpus, regime: Regime) -> CaseContext:
    """The case as the app would build it: known people with names, phones and e-mails."""
    people = tuple(
        KnownPerson(
            PersonId(i + 1),
            PersonRole.REQUESTER if p.requester else PersonRole.STAFF,
            names=(f"{p.first} {p.last}",),
            phones=(p.phone,),
            emails=(p.email,),
        )
        for i, p in enumerate(corpus.people)
        if p.known
    )
    req = corpus.people[0]
    return CaseContext(
        regime, people, (f"{req.first} {req.last}", req.phone, req.email), region="GB"
    )


def _overlaps(f: Finding, g: GoldSpan) -> bool:
    return f.start is not None and f.end is not None and f.start < g.end and g.start < f.end


class Scores:
    """Counters for one evaluation."""

    def __init__(self) -> None:
        self.gold: Counter[str] = Counter()
        self.hit_same: Counter[str] = Counter()
        self.hit_any: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.pred_tp: Counter[str] = Counter()
        self.forms: Counter[str] = Counter()
        self.forms_hit: Counter[str] = Counter()
        self.requester_gold = 0
        self.requester_proposed = 0
        self.requester_shared = 0
        self.requester_shared_proposed = 0
        self.requester_examples: list[str] = []


def _shared(corpus: Corpus, value: str) -> bool:
    """Whether a requester name form is also another person's name ("Ms Bailey", "Bailey").

    Such a span cannot be told apart from the other person's, so policy proposes it (safe side).
    """
    words = [w for w in value.casefold().split() if w not in ("mr", "mrs", "ms", "dr", "mx")]
    req = corpus.people[0]
    own = {req.first.casefold(), req.last.casefold()}
    if len(words) != 1 or words[0] not in own:
        return False
    return any(words[0] in (p.first.casefold(), p.last.casefold()) for p in corpus.people[1:])


def score(corpus: Corpus, found: Sequence[Finding]) -> Scores:
    """Compare proposals with the gold spans."""
    s = Scores()
    by_message: dict[int, list[Finding]] = {}
    for f in found:
        if f.field == ProposalField.TEXT:
            by_message.setdefault(int(f.message_id), []).append(f)
    for i, message in enumerate(corpus.messages):
        preds = by_message.get(i, [])
        for g in message.spans:
            person = corpus.people[g.person] if g.person is not None else None
            requester = (
                person is not None
                and person.requester
                and (g.entity_type in ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"))
            )
            over = [f for f in preds if _overlaps(f, g)]
            if requester:
                if _shared(corpus, message.text[g.start : g.end]):
                    s.requester_shared += 1
                    s.requester_shared_proposed += bool(over)
                    continue
                s.requester_gold += 1
                if over:
                    s.requester_proposed += 1
                    if len(s.requester_examples) < 5:
                        s.requester_examples.append(message.text[g.start : g.end])
                continue
            key = g.entity_type
            if key == "PERSON" and person is not None:
                key = "PERSON (known)" if person.known else "PERSON (other)"
                s.forms[g.form] += 1
                s.forms_hit[g.form] += bool(over)
            s.gold[key] += 1
            s.hit_any[key] += bool(over)
            s.hit_same[key] += any(f.entity_type == g.entity_type for f in over)
        for f in preds:
            s.pred[f.entity_type] += 1
            s.pred_tp[f.entity_type] += any(
                _overlaps(f, g) and g.entity_type == f.entity_type for g in message.spans
            )
    return s


def report(s: Scores, seconds: float, n: int) -> None:
    """Print the tables."""
    print(f"{n} messages in {seconds:.1f} s ({n / seconds:.0f} msgs/s incl. both passes)\n")
    print(f"{'entity':<22}{'gold':>7}{'R same':>8}{'R any':>8}{'pred':>7}{'P':>7}")
    for key in sorted(s.gold):
        base = key.split(" ")[0]
        pred, tp = s.pred[base], s.pred_tp[base]
        prec = f"{tp / pred:.3f}" if pred else "-"
        print(
            f"{key:<22}{s.gold[key]:>7}{s.hit_same[key] / s.gold[key]:>8.3f}"
            f"{s.hit_any[key] / s.gold[key]:>8.3f}{pred:>7}{prec:>7}"
        )
    others = {k: v for k, v in s.pred.items() if k not in TARGET_TYPES}
    print(f"\nother proposal types (no gold labels; all count as false here): {dict(others)}")
    person_pred, person_tp = s.pred["PERSON"], s.pred_tp["PERSON"]
    print(f"PERSON precision {person_tp / max(person_pred, 1):.3f} ({person_pred} proposals)")
    print("\nPERSON recall (any type) by surface form:")
    for form in sorted(s.forms):
        print(f"  {form:<16}{s.forms[form]:>6}{s.forms_hit[form] / s.forms[form]:>8.3f}")
    print(
        f"\nrequester's own spans (name forms, phone, e-mail): {s.requester_gold}; "
        f"proposed: {s.requester_proposed}"
        + (f" e.g. {s.requester_examples}" if s.requester_examples else "")
    )
    print(
        f"requester's bare surname/first name shared with another person: "
        f"{s.requester_shared}; proposed (policy: shared names are proposed): "
        f"{s.requester_shared_proposed}"
    )


def main() -> None:
    """Generate, detect, score, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--regime", choices=["sar", "foi"], default="sar")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    corpus = generate(args.n, seed=args.seed)
    context = case_context(corpus, Regime(args.regime))
    detector = InProcessDetector(build_analyzer(REGISTRY, args.model))
    items = [(MessageId(i), m.text) for i, m in enumerate(corpus.messages)]
    started = time.perf_counter()
    found = analyze_all(detector, items, context)
    elapsed = time.perf_counter() - started
    print(
        f"regime {args.regime}, seed {args.seed}, engine {detector.version}, "
        f"{sum(p.known for p in corpus.people)}/{len(corpus.people)} people known to the case"
    )
    report(score(corpus, found), elapsed, len(items))


if __name__ == "__main__":
    main()
