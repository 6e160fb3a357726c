"""Figures and dates against a hand-labelled sample of ECB+ articles, with a library baseline.

    python benchmarks/claims_figures_dates.py

Gold: ``benchmarks/data/claims_figures_dates_gold.tsv`` (16 ECB+ dev articles in two splits of
8: ``dev``, looked at while fixing errors, and ``test``, labelled before the extractor was run on
it; about 110 gold items in all, so one item moves a score by several points; labelling
guidelines in its header). Systems, run on the same annotation in the same run:

- ``storyline``: :func:`storyline.claims.figures.extract_figures` and
  :func:`storyline.claims.dates.extract_dates`;
- ``ner+dateparser`` (baseline): spaCy NER mentions (CARDINAL/MONEY/PERCENT/QUANTITY for
  figures, DATE for dates) with values from :func:`storyline.claims.numbers.parse_cardinal` and
  ``dateparser``'s ``DateDataParser.get_date_data`` (PREFER_DATES_FROM=past; the clock is its
  relative base, as for an article with no publication date).

A prediction matches a gold item when their spans overlap. Detection precision/recall/F1
count ``ignore`` items as neither; value accuracy is over matched gold items (figures: the
value within 0.5%; dates: the ISO string, ``none`` meaning the system must not give a date).
Also: throughput of storyline's extractors on all 462 ECB+ dev articles (annotation excluded)
and the share of NER CARDINAL mentions storyline does not take as figures.
Writes ``benchmarks/results/claims_figures_dates.json``.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.annotate import AnnotateSettings, annotate, load_pipeline  # noqa: E402
from storyline.claims.dates import extract_dates  # noqa: E402
from storyline.claims.figures import extract_figures  # noqa: E402
from storyline.claims.numbers import parse_cardinal  # noqa: E402
from storyline.claims.settings import ClaimsSettings  # noqa: E402
from storyline.models import Article, Document, content_id  # noqa: E402

ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
GOLD = ROOT / "benchmarks" / "data" / "claims_figures_dates_gold.tsv"
OUT = ROOT / "benchmarks" / "results" / "claims_figures_dates.json"
FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def load_gold() -> list[dict]:
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_docs(ids: set[str] | None, nlp) -> list[Document]:
    arts = []
    for line in ECB.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if ids is None or rec["id"] in ids:
            text = rec["text"].strip()
            arts.append(Article(id=content_id(text), text=text, source=rec["id"],
                                external_id=rec["id"]))
    anns = annotate(arts, AnnotateSettings(), nlp)
    return [Document(a, n) for a, n in zip(arts, anns, strict=True)]


def gold_spans(doc: Document, rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        pos = -1
        for _ in range(int(r["occurrence"])):
            pos = doc.text.find(r["surface"], pos + 1)
            if pos < 0:
                raise SystemExit(f"gold surface not found: {r}")
        out.append({**r, "span": (pos, pos + len(r["surface"]))})
    return out


def storyline_preds(doc: Document, s: ClaimsSettings) -> dict[str, list[tuple]]:
    return {
        "figure": [(c.span, c.value) for c in extract_figures(doc, s)],
        "date": [(c.span, c.date) for c in extract_dates(doc, s)],
    }


def baseline_preds(doc: Document) -> dict[str, list[tuple]]:
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    figs, dates = [], []
    for m in doc.annotation.mentions:
        if m.label in FIGURE_LABELS:
            words = [w for w in m.text.replace("$", " ").replace("%", " ").split()
                     if w.lower() not in ("about", "more", "than", "nearly", "some")]
            figs.append(((m.start, m.end), parse_cardinal(words)))
        elif m.label == "DATE":
            d = parser.get_date_data(m.text)
            iso = None
            if d and d.date_obj:
                o = d.date_obj
                iso = {"day": f"{o:%Y-%m-%d}", "month": f"{o:%Y-%m}"}.get(d.period, f"{o:%Y}")
            dates.append(((m.start, m.end), iso))
    return {"figure": figs, "date": dates}


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _value_ok(kind: str, gold: str, got) -> bool:
    if kind == "date":
        return (got or "none") == gold
    if gold == "none":
        return got is None
    return got is not None and abs(got - float(gold)) <= 0.005 * float(gold)


TEST_PREFIX = 1800  # characters of each test article that are labelled


def score(gold: list[dict], preds: dict[str, dict[str, list[tuple]]], split: str,
          texts: dict[str, str]) -> dict:
    res = {}
    arts = {x["article"] for x in gold if x["split"] == split}
    for kind in ("figure", "date"):
        tp = fp = fn = correct = 0
        errors: list[str] = []
        for art in sorted(arts):
            g = [x for x in gold if x["article"] == art and x["kind"] == kind]
            p = preds[art][kind]
            if split == "test":
                p = [(span, v) for span, v in p if span[0] < TEST_PREFIX]
            for x in g:
                hit = [v for span, v in p if _overlap(span, x["span"])]
                if x["status"] == "ignore":
                    continue
                if hit:
                    tp += 1
                    ok = _value_ok(kind, x["value"], hit[0])
                    correct += ok
                    if not ok:
                        errors.append(f"wrong value {art}: {x['surface']!r} {hit[0]!r}")
                else:
                    fn += 1
                    errors.append(f"missed {art}: {x['surface']!r}")
            for span, _ in p:
                if not any(_overlap(span, x["span"]) for x in g):
                    fp += 1
                    errors.append(f"spurious {art}: {texts[art][span[0]:span[1]]!r}")
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        res[kind] = {
            "tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 3), "recall": round(rec, 3),
            "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
            "value_accuracy": round(correct / tp, 3) if tp else 0.0,
            "errors": errors,
        }
    return res


def main() -> None:
    nlp = load_pipeline()
    s = ClaimsSettings()
    gold_rows = load_gold()
    ids = {r["article"] for r in gold_rows}
    docs = load_docs(ids, nlp)
    gold = []
    for d in docs:
        gold += gold_spans(d, [r for r in gold_rows if r["article"] == d.article.external_id])
    for x in gold:
        if x["split"] == "test" and x["span"][1] > TEST_PREFIX:
            raise SystemExit(f"test gold item beyond the labelled prefix: {x}")
    texts = {d.article.external_id: d.text for d in docs}
    ours = {d.article.external_id: storyline_preds(d, s) for d in docs}
    base = {d.article.external_id: baseline_preds(d) for d in docs}
    results: dict = {}
    for split in ("dev", "test"):
        rows = [r for r in gold_rows if r["split"] == split]
        results[split] = {
            "gold_items": sum(r["status"] == "gold" for r in rows),
            "articles": len({r["article"] for r in rows}),
            "storyline": score(gold, ours, split, texts),
            "ner+dateparser": score(gold, base, split, texts),
        }
    if "--quick" in sys.argv:  # gold samples only
        all_docs = docs
    else:  # throughput and NER agreement on all ECB+ dev articles
        all_docs = load_docs(None, nlp)
    t0 = time.perf_counter()
    n_fig = n_date = 0
    cardinal = kept = 0
    for d in all_docs:
        figs = extract_figures(d, s)
        n_fig += len(figs)
        n_date += len(extract_dates(d, s))
        for m in d.annotation.mentions:
            if m.label == "CARDINAL":
                cardinal += 1
                kept += any(_overlap((m.start, m.end), c.span) for c in figs)
    dt = time.perf_counter() - t0
    results["ecb_all"] = {"articles": len(all_docs), "figures": n_fig, "dates": n_date,
                          "seconds": round(dt, 2),
                          "articles_per_second": round(len(all_docs) / dt, 1),
                          "ner_cardinal_mentions": cardinal,
                          "ner_cardinal_taken_as_figures": round(kept / cardinal, 3)}
    print(f"{'split':5} {'system':16} {'kind':7} {'P':>6} {'R':>6} {'F1':>6} {'value acc':>10}")
    for split in ("dev", "test"):
        for system in ("storyline", "ner+dateparser"):
            for kind in ("figure", "date"):
                r = results[split][system][kind]
                print(f"{split:5} {system:16} {kind:7} {r['precision']:6.3f} {r['recall']:6.3f} "
                      f"{r['f1']:6.3f} {r['value_accuracy']:10.3f}")
    for split in ("dev", "test"):
        for kind in ("figure", "date"):
            a, b = results[split]["storyline"][kind], results[split]["ner+dateparser"][kind]
            print(f"{split} ratio storyline/baseline {kind}: "
                  f"F1 x{a['f1'] / max(b['f1'], 1e-9):.2f}, value accuracy "
                  f"x{a['value_accuracy'] / max(b['value_accuracy'], 1e-9):.2f}")
    e = results["ecb_all"]
    print(f"all ECB+ dev: {e['articles']} articles, {e['figures']} figures, {e['dates']} dates, "
          f"{e['articles_per_second']} articles/s; NER CARDINAL taken as figures: "
          f"{e['ner_cardinal_taken_as_figures']:.1%}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
