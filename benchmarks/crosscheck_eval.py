"""Labelled evaluation of cross-check verdicts on real text with injected changes (ECB+ dev).

    python benchmarks/crosscheck_eval.py [--max-per-type 60] [--seed 13] [--events N]

Ground truth comes from edits we make, not from text we write: for a real ECB+ article A we make a
second "outlet" A' = A with one known change, run claims extraction on both and the cross-check on
{A, A'}, and compare the verdict of every pair of corresponding claims (a in A, a' in A') with what
the edit implies:

==================  ===============================================  =====================
case                edit in A'                                       expected verdicts
==================  ===============================================  =====================
date_moved          a "Month D" day moved by 1-9 days                target: conflicting
figure_beyond       a figure multiplied by 0.5/1.5/2/3                target: conflicting
figure_within       "N" -> "about M", M within 8% of N                target: corroborated
quote_reworded      one content word of a quote replaced              target: misquoted
quote_negated       "not" put after an auxiliary in a quote           target: misquoted
quote_punct         quote marks / final comma / first-letter case     target: corroborated
rewrite_family      byline added, last sentence cut; A, A' one family  all pairs: single_source
==================  ===============================================  =====================

In every case but ``rewrite_family`` A and A' are two families, so each unchanged pair must come
out ``corroborated`` (``single_source`` when the claim gives a via: both outlets relay one agency)
(and a conflict or misquote on an unchanged pair is a false alarm). A pair
whose claims the aligner did not put in one check is ``unaligned`` (a miss for every verdict).
Date claims the extractor left without a date ("Monday" with no publication date) are not scored.

Baseline, in the same run: what an aggregator does, given the pairs (oracle alignment, generous
to it): count articles, not families, and compare raw values (any difference in a quote's
characters is a misquote, any difference in a figure or date a conflict).

Extraction: per kind, the claims stage's extractor where it has landed (``--extractor auto``, the
default; the JSON records which), else ``benchmarks/crosscheck_fallback.py`` (a minimal extractor
in this benchmark only; ``--extractor fallback`` uses it for every kind). Results go to
``benchmarks/results/crosscheck_eval.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from crosscheck_fallback import DATE_RE, QUOTE_RE

from storyline.crosscheck import CheckSettings, cross_check
from storyline.crosscheck.text import is_content, words
from storyline.models import Article, Claim, Document, Family, content_id

ECB_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-dev"
VERDICTS = ("conflicting", "misquoted", "corroborated", "single_source")
CASES = ("date_moved", "figure_beyond", "figure_within", "quote_reworded", "quote_negated",
         "quote_punct",
         "rewrite_family")
Edit = tuple[str, int, int, str]  # (new text, edit start, old edit end, replacement)


# ------------------------------------------------------------------------------ injections


def _replace(text: str, start: int, end: int, new: str) -> Edit:
    return text[:start] + new + text[end:], start, end, new


def inject(case: str, doc: Document, claims: Sequence[Claim], rng: random.Random) -> Edit | None:
    """One edit of ``case`` kind in ``doc`` (``None`` when the article offers nothing to edit)."""
    text = doc.text
    if case == "date_moved":
        ms = [m for m in DATE_RE.finditer(text) if 1 <= int(m.group(2)) <= 28]
        if not ms:
            return None
        m = rng.choice(ms)
        day = int(m.group(2))
        new = day + rng.choice([d for d in range(-9, 10) if d and 1 <= day + d <= 28])
        return _replace(text, m.start(2), m.end(2), str(new))
    if case in ("figure_beyond", "figure_within"):
        figs = [c for c in claims if c.kind == "quantity" and c.value is not None
                and re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", _num_text(text, c) or "")
                and not 1900 <= c.value <= 2100
                and float((_num_text(text, c) or "0").replace(",", "")) >= (
                    2 if case == "figure_beyond" else 20)
                and (case == "figure_beyond" or c.approximator is None)]
        if not figs:
            return None
        c = rng.choice(figs)
        raw = _num_text(text, c) or ""
        v = float(raw.replace(",", ""))  # the numeral as written ("32" of "32 million")
        if case == "figure_beyond":
            nv = round(v * rng.choice([0.5, 1.5, 2.0, 3.0]))
            new = f"{nv:,}" if "," in raw else str(nv)
        else:
            nv = round(v * (1 + rng.choice([-0.08, -0.05, 0.05, 0.08])))
            new = "about " + (f"{nv:,}" if "," in raw else str(nv))
        return _replace(text, c.span[0], c.span[0] + len(raw), new)
    if case == "quote_negated":
        spots = [(m, a) for m in QUOTE_RE.finditer(text) if len(m.group(1).split()) >= 5
                 for a in _AUX.finditer(m.group(1))]
        if not spots:
            return None
        m, a = rng.choice(spots)
        at = m.start(1) + a.end()
        return _replace(text, at, at, " not")
    if case in ("quote_reworded", "quote_punct"):
        qs = [m for m in QUOTE_RE.finditer(text) if len(m.group(1).split()) >= 5]
        if not qs:
            return None
        m = rng.choice(qs)
        inner = m.group(1)
        if case == "quote_punct":
            op = rng.choice(["marks", "comma", "case"])
            if op == "marks":
                curly = m.group(0)[0] == "\u201c"
                new = ('"' + inner + '"') if curly else ("\u201c" + inner + "\u201d")
                return _replace(text, m.start(), m.end(), new)
            if op == "comma":
                body = inner.rstrip()
                body = body[:-1] if body.endswith((",", ".")) else body + ","
                return _replace(text, m.start(1), m.end(1), body)
            body = inner[0].swapcase() + inner[1:]
            return _replace(text, m.start(1), m.end(1), body)
        toks = [t for t in re.finditer(r"[a-z]{4,}", inner) if is_content(t.group(0))]
        pool = sorted({w for w in re.findall(r"\b[a-z]{5,}\b", text) if is_content(w)}
                      - set(words(inner)))
        if not toks or not pool:
            return None
        t = rng.choice(toks)
        return _replace(text, m.start(1) + t.start(), m.start(1) + t.end(), rng.choice(pool))
    if case == "rewrite_family":
        sents = doc.annotation.sentences
        if len(sents) < 3:
            return None
        cut = text[: sents[-1].start].rstrip()
        return "By Staff Writer. " + cut, 0, 0, "By Staff Writer. "
    raise ValueError(case)


# an auxiliary followed by a word that is not already a negation ("will rebuild", "is ready")
_AUX = re.compile(r"\b(?:is|are|was|were|will|would|can|could|should|must|has|have|had)"
                  r"(?= (?!not\b|n't|never\b)[a-z])")


def _num_text(text: str, c: Claim) -> str | None:
    m = re.match(r"[\d,]+", text[c.span[0]:c.span[1]])
    return m.group(0).rstrip(",") if m else None


# ------------------------------------------------------------------------------ scoring


def _pairs(a: Sequence[Claim], b: Sequence[Claim], edit: Edit, case: str):
    """Corresponding claims of A and A': the target (the claims the edit touched) and the others
    (same kind, same text, same occurrence)."""
    _, start, old_end, new = edit
    new_end = start + len(new)
    if case == "rewrite_family":
        start, old_end, new_end = -1, -1, -1
    touched_a = [c for c in a if c.span[0] < max(old_end, start + 1) and c.span[1] > start]
    touched_b = [c for c in b if c.span[0] < max(new_end, start + 1) and c.span[1] > start]
    target = None
    if touched_a and touched_b:
        ka = {c.kind for c in touched_a} & {c.kind for c in touched_b}
        kind = next((k for k in ("date", "quantity", "quote") if k in ka), None)
        if kind:
            def best(cs):  # the claim that starts where the edit starts, else the first
                cs = [c for c in cs if c.kind == kind]
                return min(cs, key=lambda c: (abs(c.span[0] - start), c.span))
            target = (best(touched_a), best(touched_b))
    def keyed(claims, touched):
        seen: Counter = Counter()
        out = {}
        for c in claims:
            if c in touched:
                continue
            k = (c.kind, c.text)
            out[(*k, seen[k])] = c
            seen[k] += 1
        return out

    def comparable(c):  # a date left unresolved ("Monday") has no value to agree or differ on
        return c.kind != "date" or c.date is not None

    a = [c for c in a if comparable(c)]
    b = [c for c in b if comparable(c)]
    ka_, kb_ = keyed(a, touched_a), keyed(b, touched_b)
    others = [(c, kb_[k]) for k, c in ka_.items() if k in kb_]
    return target, others


def expected_target(case: str) -> str:
    return {"date_moved": "conflicting", "figure_beyond": "conflicting",
            "figure_within": "corroborated", "quote_reworded": "misquoted",
            "quote_negated": "misquoted",
            "quote_punct": "corroborated"}[case]


def predicted(checks, a: Claim, b: Claim) -> str:
    for ch in checks:
        if b.id in ch.claim_ids:
            return ch.status if a.id in ch.claim_ids else "unaligned"
    return "unaligned"


def baseline(a: Claim, b: Claim) -> str:
    """Article counting and raw comparison, given the pair (see the module docstring)."""
    if a.kind == "quote":
        return "corroborated" if a.text == b.text else "misquoted"
    if a.kind == "quantity":
        return "corroborated" if a.value == b.value else "conflicting"
    if a.kind == "date":
        return "corroborated" if a.date == b.date else "conflicting"
    return "corroborated"


def prf(rows: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    out = {}
    for v in VERDICTS:
        tp = sum(1 for e, p in rows if e == v and p == v)
        fp = sum(1 for e, p in rows if e != v and p == v)
        fn = sum(1 for e, p in rows if e == v and p != v)
        prec = tp / (tp + fp) if tp + fp else float("nan")
        rec = tp / (tp + fn) if tp + fn else float("nan")
        out[v] = {"precision": prec, "recall": rec, "tp": tp, "fp": fp, "fn": fn,
                  "support": tp + fn}
    return out


# ------------------------------------------------------------------------------ running


def evaluate(docs: Sequence[Document], annotate_text: Callable[[str, str], Document],
             extract: Callable[[Document], list[Claim]], *, seed: int = 13,
             max_per_type: int = 60, settings: CheckSettings | None = None,
             resolve: Callable | None = None) -> dict:
    """Build the cases from ``docs`` (deterministic in ``seed``), run, and score."""
    settings = settings or CheckSettings()
    rng = random.Random(seed)
    order = sorted(docs, key=lambda d: d.article.external_id or d.id)
    rng.shuffle(order)
    rows: dict[str, list] = {"ours": [], "baseline": []}
    per_case: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    alarms: list[dict] = []  # a conflict or misquote where none was made: the costly error
    misses: list[dict] = []
    for case in CASES:
        for doc in order:
            if counts[case] >= max_per_type:
                break
            claims_a = extract(doc)
            edit = inject(case, doc, claims_a, rng)
            if edit is None or edit[0] == doc.text:
                continue
            doc_b = annotate_text(edit[0], f"{doc.article.source}#{case}")
            claims_b = extract(doc_b)
            target, others = _pairs(claims_a, claims_b, edit, case)
            if case != "rewrite_family" and target is None:
                continue  # the extractor found no claim at the edit: not a case of the aligner
            fams = (Family("F-" + doc.id, (doc.id, doc_b.id), doc.id),) \
                if case == "rewrite_family" else ()
            both, entities = claims_a + claims_b, ()
            if resolve is not None:  # the claims stage's entity resolution (aliases, speakers)
                entities, both = resolve([doc, doc_b], both)
            checks = cross_check(both, [doc, doc_b], fams, (), entities, settings)
            counts[case] += 1
            pair_rows = []
            if target is not None and case != "rewrite_family":
                exp = expected_target(case)
                if exp == "corroborated" and target[0].via:
                    exp = "single_source"  # both outlets relay one agency
                pair_rows.append((exp, *target, True))
            expected_other = "single_source" if case == "rewrite_family" else "corroborated"
            # two outlets relaying one agency ("according to KCNA") are one source
            pair_rows += [("single_source" if a.via else expected_other, a, b, False)
                          for a, b in others]
            for exp, a, b, is_target in pair_rows:
                p = predicted(checks, a, b)
                pb = baseline(a, b)
                rows["ours"].append((exp, p))
                rows["baseline"].append((exp, pb))
                per_case[case][f"{'target' if is_target else 'other'}:{exp}->{p}"] += 1
                if p != exp:
                    bucket = alarms if p in ("conflicting", "misquoted") else misses
                    if len(bucket) < 25:
                        ch = next((c for c in checks if b.id in c.claim_ids), None)
                        bucket.append({"case": case, "expected": exp, "predicted": p,
                                       "target": is_target, "article": doc.article.external_id,
                                       "a": a.text[:80], "b": b.text[:80],
                                       "summary": ch.summary[:300] if ch else None})
    return {
        "cases": dict(counts),
        "pairs": len(rows["ours"]),
        "ours": prf(rows["ours"]),
        "baseline": prf(rows["baseline"]),
        "per_case": {k: dict(v) for k, v in per_case.items()},
        "false_alarms": alarms,
        "misses": misses,
    }


def load_ecb(nlp, limit: int | None = None) -> list[Document]:
    from storyline.annotate import AnnotateSettings, annotate

    arts = []
    with (ECB_DIR / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec["text"].strip()
            arts.append(Article(id=content_id(text), text=text, source=f"ecbplus-dev/{rec['id']}",
                                external_id=rec["id"]))
    arts = arts[:limit] if limit else arts
    return [Document(a, n) for a, n in zip(arts, annotate(arts, AnnotateSettings(), nlp))]


def make_annotator(nlp) -> Callable[[str, str], Document]:
    from storyline.annotate import AnnotateSettings, annotate

    def _ann(text: str, source: str) -> Document:
        art = Article(id=content_id(text), text=text, source=source, external_id=source)
        (ann,) = list(annotate([art], AnnotateSettings(), nlp))
        return Document(art, ann)

    return _ann


_REAL = {  # kind -> (module, function names tried) of the claims stage
    "quote": ("storyline.claims.quotes", ("extract_quotes",)),
    "quantity": ("storyline.claims.figures", ("extract_figures", "extract_quantities")),
    "date": ("storyline.claims.dates", ("extract_dates",)),
}


def make_resolver(mode: str) -> Callable | None:
    """The claims stage's entity resolution, when it has landed (``auto``)."""
    if mode != "auto":
        return None
    try:
        from storyline.claims import ClaimsSettings, resolve_entities
    except ImportError:
        return None
    cs = ClaimsSettings()
    return lambda docs, claims: resolve_entities(docs, claims, cs)


def _bind(fn: Callable, cs) -> Callable[[Document], list[Claim]]:
    return lambda d: list(fn(d, cs))


def make_extractor(mode: str, probe: Sequence[Document] = ()
                   ) -> tuple[Callable[[Document], list[Claim]], dict[str, str]]:
    """Per kind, the claims stage's extractor when it has landed and runs on the ``probe``
    documents (``auto``), else the fallback."""
    import importlib

    from crosscheck_fallback import dates as fb_dates
    from crosscheck_fallback import figures as fb_figures
    from crosscheck_fallback import quotes as fb_quotes

    chosen: dict[str, Callable] = {"quote": fb_quotes, "quantity": fb_figures, "date": fb_dates}
    used = {k: "fallback" for k in chosen}
    if mode == "auto":
        from storyline.claims.settings import ClaimsSettings

        cs = ClaimsSettings()
        for kind, (mod_name, names) in _REAL.items():
            try:
                mod = importlib.import_module(mod_name)
            except ImportError:
                continue
            fn = next((getattr(mod, n) for n in names if hasattr(mod, n)), None)
            if fn is None:
                continue
            real = _bind(fn, cs)
            try:
                for d in probe:
                    real(d)
            except Exception as exc:  # noqa: BLE001  a stage still being written: say so, use the fallback
                used[kind] = f"fallback ({mod_name} raised {type(exc).__name__})"
                continue
            chosen[kind] = real
            used[kind] = f"{mod_name}.{fn.__name__}"

    def extract(doc: Document) -> list[Claim]:
        out = [c for fn in chosen.values() for c in fn(doc)]
        return sorted(out, key=lambda c: (c.span, c.kind))

    return extract, used


def _fmt(x: float) -> str:
    return "  n/a" if math.isnan(x) else f"{x:5.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--max-per-type", type=int, default=60)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    ap.add_argument("--extractor", choices=("auto", "fallback"), default="auto",
                    help="auto: the claims stage's extractors where they exist, else the fallback")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "crosscheck_eval.json"))
    args = ap.parse_args(argv)
    from storyline.annotate import load_pipeline

    nlp = load_pipeline()
    t0 = time.perf_counter()
    docs = load_ecb(nlp, args.limit)
    extract, used = make_extractor(args.extractor, docs[:20])
    resolve = make_resolver(args.extractor)
    res = evaluate(docs, make_annotator(nlp), extract, seed=args.seed,
                   max_per_type=args.max_per_type, resolve=resolve)
    used["entities"] = "storyline.claims.resolve_entities" if resolve else "none"
    res.update(extractor=used, seed=args.seed, articles=len(docs),
               seconds=round(time.perf_counter() - t0, 1))
    print(f"cases: {res['cases']}  corresponding claim pairs: {res['pairs']}  "
          f"extractor: {used}")
    print(f"{'verdict':<15}{'support':>8}  {'P ours':>7}{'R ours':>7}  {'P base':>7}{'R base':>7}")
    for v in VERDICTS:
        o, b = res["ours"][v], res["baseline"][v]
        print(f"{v:<15}{o['support']:>8}  {_fmt(o['precision']):>7}{_fmt(o['recall']):>7}  "
              f"{_fmt(b['precision']):>7}{_fmt(b['recall']):>7}")
    for case, c in sorted(res["per_case"].items()):
        print(f"  {case}: {c}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(res, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
