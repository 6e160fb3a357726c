"""How checks read: labels in the articles' own words (crosscheck.labels) beside the lemma strings
the cross-check summaries used before ("fire break", "injure people"), on several real corpora.

    python benchmarks/check_labels.py [--ecb-max N]

For every date and figure check of each corpus (the example, the seeds, the ECB+ dev articles):

* ``written``: the label's words occur, in that order, in the text of an article behind the check
  (a reader finds it as written); the baseline is the label the summaries carried before, the
  claim's subject, the lemma of its verb and its noun;
* ``clause``: the label has a verb with its subject (a clause, not a verbless fragment or a lone
  verb), read from the parse through :mod:`storyline.crosscheck.labels`;
* ``dropped``: date claims that are a light verb with a bare year (no check is made of them), with
  examples to read.

Nothing here is tuned: the light verbs are a closed class of English and the phrase limits are
for display; the figures say how often the label is a readable clause on text it was not written
on. Results go to ``benchmarks/results/check_labels.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from storyline.api import analyze
from storyline.crosscheck.labels import _clause, has_content
from storyline.models import Claim, Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold())


def _in_order(label: str, text: str) -> bool:
    it = iter(_words(text))
    return all(w in it for w in _words(label))


def _baseline(c: Claim) -> str:
    """The lemma string the summaries used (verdict._about before labels)."""
    if c.kind == "quantity":
        return " ".join(x for x in (c.subject, c.action, c.noun or "figure") if x)
    return " ".join(x for x in (c.subject, c.action) if x) or "dated event"


def _has_clause(c: Claim, doc: Document | None) -> bool:
    found = _clause(doc, c) if doc is not None else None
    return bool(found and found[1] is not None and found[2] is not None)


def evaluate(paths: list[Path]) -> dict:
    report = analyze(paths)
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    n = written = base_written = clause = 0
    for ch in report.checks:
        if ch.kind not in ("date", "quantity"):
            continue
        group = [claims[c] for c in ch.claim_ids]
        texts = [docs[c.article_id].text for c in group]
        n += 1
        written += bool(ch.label) and any(_in_order(ch.label or "", t) for t in texts)
        base_written += any(_in_order(_baseline(group[0]), t) for t in texts)
        clause += any(_has_clause(c, docs.get(c.article_id)) for c in group)
    dropped = [c for c in report.claims if c.kind == "date"
               and not has_content(c, docs.get(c.article_id))]
    examples = []
    for c in dropped[:12]:
        d = docs[c.article_id]
        s0, s1 = c.sentence_span or c.span
        examples.append({"date": c.date, "expression": c.text,
                         "sentence": " ".join(d.text[s0:s1].split())[:200]})
    return {
        "articles": len(report.documents),
        "date_and_figure_checks": n,
        "label_written": round(written / n, 3) if n else None,
        "baseline_written": round(base_written / n, 3) if n else None,
        "label_clause": round(clause / n, 3) if n else None,
        "date_claims": sum(1 for c in report.claims if c.kind == "date"),
        "dropped_light_verb_year": len(dropped),
        "dropped_examples": examples,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ecb-max", type=int, default=462, help="ECB+ dev articles read")
    args = ap.parse_args()
    corpora: dict[str, list[Path]] = {"example": [ROOT / "examples" / "harbor-fire"]}
    seeds = SHARED / "corpus" / "seeds"
    ecb = SHARED / "data" / "ecbplus-dev" / "articles.jsonl"
    if seeds.is_dir():
        corpora["seeds"] = [seeds]
    tmp = tempfile.TemporaryDirectory()
    if ecb.is_file():
        lines = ecb.read_text(encoding="utf-8").splitlines()[: args.ecb_max]
        sub = Path(tmp.name) / "ecbplus-dev.jsonl"
        sub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpora["ecbplus-dev"] = [sub]
    results = {}
    for name, paths in corpora.items():
        results[name] = evaluate(paths)
        r = results[name]
        print(f"{name:12s} articles {r['articles']:4d}  checks {r['date_and_figure_checks']:4d}  "
              f"written {r['label_written']}  (baseline {r['baseline_written']})  "
              f"clause {r['label_clause']}  dropped {r['dropped_light_verb_year']}"
              f"/{r['date_claims']}", flush=True)
    out = ROOT / "benchmarks" / "results" / "check_labels.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
