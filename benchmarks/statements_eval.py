"""Statement detection on 120 hand-labelled ECB+ dev sentences (benchmarks/data/statements_ecb_sample.tsv).

Each labelled sentence is one that carries no quote, figure or date claim (the only sentences a
statement can come from); label 1 = a check-worthy factual statement (a concrete past event or
assertion with a named actor). The rule of storyline.claims.statements is compared, in the same
run, with two baselines: every sentence ("all"), and every sentence that names a person,
organisation, place or group ("has_entity", the entity-type feature ClaimBuster leans on).

    python benchmarks/statements_eval.py

prints a table and writes benchmarks/results/statements_eval.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "statements_ecb_sample.tsv"
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
OUT = ROOT / "benchmarks" / "results" / "statements_eval.json"


def load_labels(path: Path = DATA) -> list[tuple[str, int, int, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "ecb_id\t")) or not line.strip():
            continue
        ecb_id, start, end, label, _text = line.split("\t", 4)
        rows.append((ecb_id, int(start), int(end), int(label)))
    return rows


def scores(pred: list[bool], gold: list[int]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def main() -> int:
    from storyline.annotate import AnnotateSettings, annotate, load_pipeline
    from storyline.claims import ClaimsSettings, extract_claims
    from storyline.claims.statements import ACTOR_LABELS
    from storyline.models import Article, Document, content_id

    labels = load_labels()
    wanted = {r[0] for r in labels}
    articles = []
    for line in ECB.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in wanted:
            text = rec["text"].strip()
            articles.append(Article(id=content_id(text), text=text, source=rec["id"],
                                    external_id=rec["id"]))
    docs = {a.external_id: Document(a, n) for a, n in
            zip(articles, annotate(articles, AnnotateSettings(), load_pipeline()))}
    settings = ClaimsSettings()
    statements = {k: [c.span for c in extract_claims(d, settings) if c.kind == "statement"]
                  for k, d in docs.items()}
    gold, rule, every, has_entity = [], [], [], []
    for ecb_id, start, end, label in labels:
        gold.append(label)
        rule.append(any(a < end and start < b for a, b in statements[ecb_id]))
        every.append(True)
        has_entity.append(any(m.label in ACTOR_LABELS and start <= m.start < end
                              for m in docs[ecb_id].annotation.mentions))
    table = {"statements rule": scores(rule, gold), "baseline: has_entity": scores(has_entity, gold),
             "baseline: all": scores(every, gold)}
    print(f"{'method':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, s in table.items():
        print(f"{name:24} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
              f"{s['tp']:4d} {s['fp']:4d} {s['fn']:4d}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"n": len(gold), "positives": sum(gold), "results": table},
                              indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
