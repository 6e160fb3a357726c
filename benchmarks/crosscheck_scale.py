"""Cross-check and timeline at scale: linear in stories, blocked within a story, only what changed.

    python benchmarks/crosscheck_scale.py [--stories 500,4000,16000] [--legacy-max 4000]
        [--quotes 250,500,1000,2000,4000] [--ecb] [--old-src /tmp/base-cc/src]

Three measurements, each beside its baseline in the same run:

1. **Many stories** (``--stories``): synthetic corpora of N single-article stories of 10 claims
   each (3 quotes, 3 figures, 2 dates, 2 statements), with Documents. ``cross_check`` +
   ``build_timeline`` against the implementation before issue #14, rebuilt here (``legacy_*``:
   every story's bucket filtered from all claims, orphans appended to every story, all pairs
   compared; the timeline filtering all claims, all checks and all documents per story), up to
   ``--legacy-max`` stories. Seconds and the growth exponent between sizes.
2. **Growing quote counts** (``--quotes``): one story of Q quotes in Q/5 articles (a Zipfian
   vocabulary, 50 speakers, a third of the quotes re-renderings of earlier ones: fragments,
   one word changed, another speaker): ``align_groups`` with blocking against all pairs
   (``exhaustive=True``, which folds each quote once too, so it is faster than the code before
   #14), pairs compared and seconds; the aligned pairs must be identical.
3. **ECB+ dev** (``--ecb``, needs ../shared/data/ecbplus-dev): ``ingest`` of 452 articles, the
   first ``report`` (claims, checks and timeline computed), ``ingest`` of the last 10, the
   ``report`` after it (unchanged stories reused), a ``report`` of the unchanged store; and,
   with ``--old-src`` (the ``src`` of a checkout of the code before this change, e.g. ``git
   worktree add /tmp/base-cc 19a1671``), the old code's ``report`` on a copy of the same store
   (claims already cached for both: their cache key does not depend on the cross-check's code).
   Also the blocked/all-pairs conformance on all 462 articles.

One huge generated story checked as one story: ``crosscheck_one_story.py``.

Results go to ``benchmarks/results/crosscheck_scale.json``. Timings are wall seconds on a shared
2-core machine: compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from storyline.crosscheck import build_timeline, check_story, cross_check
from storyline.crosscheck.align import align_groups, claim_order
from storyline.crosscheck.blocking import candidate_pairs
from storyline.crosscheck.corpus import KINDS, prepare
from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.timeline import _entries_for_story
from storyline.models import (
    Annotation,
    Article,
    Check,
    Claim,
    Document,
    Sentence,
    Story,
    TimelineEntry,
    content_id,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "crosscheck_scale.json"
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
ECB = SHARED / "data" / "ecbplus-dev" / "articles.jsonl"

NOUNS = ["people", "firefighters", "homes", "vehicles", "officers", "buildings", "patients",
         "workers", "boats", "stalls", "residents", "flights", "troops", "votes", "dollars"]
VERBS = ["injure", "kill", "destroy", "arrest", "evacuate", "rescue", "send", "close", "open",
         "announce", "visit", "sign", "approve", "hold", "launch"]


FUNCTION_WORDS = ("the of and to in a is that for it was on with he as at by this from they we "
                  "have be are not but had his has were their been will would there can").split()


class Words:
    """Text like a quote's: 45% function words, the rest content words of a Zipfian vocabulary
    of 20,000 pseudo-words (a few common ones, a long tail)."""

    def __init__(self, rng: random.Random, n: int = 20000) -> None:
        self.rng = rng
        self.vocab = [self._word(i) for i in range(n)]
        self.weights = [1.0 / (i + 1) for i in range(n)]

    def _word(self, i: int) -> str:
        letters = "abcdefghijklmnoprstuvwy"
        return "".join(self.rng.choice(letters) for _ in range(self.rng.randrange(3, 10)))

    def phrase(self, n: int) -> str:
        content = iter(self.rng.choices(self.vocab, self.weights, k=n))
        return " ".join(self.rng.choice(FUNCTION_WORDS) if self.rng.random() < 0.45
                        else next(content) for _ in range(n))


def _doc(aid: str, sentences: list[str], published: str | None) -> Document:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append(Sentence(pos, pos + len(s)))
        text += s + " "
        pos += len(s) + 1
    art = Article(id=aid, text=text, source=f"synthetic/{aid}", outlet=f"Outlet {aid[-2:]}",
                  published=published)
    return Document(art, Annotation(article_id=aid, language="en", sentences=tuple(spans)))


def _claims_of(aid: str, parts: list[tuple[str, dict]], published: str | None,
               ) -> tuple[Document, list[Claim]]:
    """One article whose sentences are the claims' texts (each claim its own sentence)."""
    doc = _doc(aid, [t for t, _ in parts], published)
    claims = []
    for k, ((text, fields), sent) in enumerate(zip(parts, doc.annotation.sentences)):
        claims.append(Claim(id=content_id(aid, k), article_id=aid, text=text,
                            span=(sent.start, sent.end), sentence_span=(sent.start, sent.end),
                            **fields))
    return doc, claims


def single_article_stories(n: int, seed: int = 14
                           ) -> tuple[list[Document], list[Claim], list[Story]]:
    """``n`` stories of one article each, 10 claims per article."""
    rng = random.Random(seed)
    w = Words(rng)
    docs, claims, stories = [], [], []
    for i in range(n):
        aid = content_id("article", seed, i)
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        parts: list[tuple[str, dict]] = []
        for _ in range(3):
            parts.append((w.phrase(9), {"kind": "quote", "speaker": f"Speaker {rng.randrange(200)}",
                                        "attribution": "direct"}))
        for _ in range(3):
            noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
            v = rng.randrange(2, 500)
            parts.append((f"{v} {noun} were {verb}d by {w.phrase(3)}",
                          {"kind": "quantity", "value": float(v), "noun": noun, "action": verb,
                           "subject": None}))
        for _ in range(2):
            verb = rng.choice(VERBS)
            parts.append((f"{w.phrase(2)} will {verb} {w.phrase(2)} on {day}",
                          {"kind": "date", "date": day, "precision": "day", "action": verb,
                           "subject": f"Speaker {rng.randrange(200)}"}))
        for _ in range(2):
            parts.append((w.phrase(10), {"kind": "statement"}))
        doc, cl = _claims_of(aid, parts, day)
        docs.append(doc)
        claims += cl
        stories.append(Story(content_id("story", aid), f"story {i}", (aid,)))
    return docs, claims, stories


def quote_story(q: int, seed: int = 14) -> tuple[list[Document], list[Claim], list[Story]]:
    """One story of ``q`` quotes in ``q // 5`` articles; a third re-render earlier quotes."""
    rng = random.Random(seed)
    w = Words(rng)
    docs, claims = [], []
    said: list[tuple[str, str]] = []
    for a in range(max(1, q // 5)):
        aid = content_id("quotes", seed, a)
        parts: list[tuple[str, dict]] = []
        for _ in range(5):
            speaker = f"Speaker {rng.randrange(50)}"
            if said and rng.random() < 0.33:
                text, speaker = rng.choice(said)
                ws = text.split()
                r = rng.random()
                if r < 0.3:
                    ws = ws[rng.randrange(3):][: rng.randrange(5, len(ws) + 1)]  # a fragment
                elif r < 0.7:
                    ws[rng.randrange(len(ws))] = w.phrase(1)  # one word changed
                else:
                    speaker = f"Speaker {rng.randrange(50)}"  # given to someone else
                text = " ".join(ws)
            else:
                text = w.phrase(rng.randrange(6, 20))
                said.append((text, speaker))
            parts.append((text, {"kind": "quote", "speaker": speaker, "attribution": "direct"}))
        doc, cl = _claims_of(aid, parts, "2024-06-01")
        docs.append(doc)
        claims += cl
    return docs, claims, [Story("story-q", "quotes", tuple(d.id for d in docs))]


# ------------------------------------------------------------------- the code before #14


def legacy_cross_check(claims: Sequence[Claim], docs: Sequence[Document],
                       stories: Sequence[Story], settings: CheckSettings) -> tuple[Check, ...]:
    """Before #14: each story's bucket filtered from all claims, every orphan appended to every
    story, all pairs of a kind compared."""
    from storyline.crosscheck.verdict import sort_key

    prep = prepare(claims, docs, (), stories, (), settings)
    orphans = [c for c in prep.claims if c.article_id not in prep.in_story]
    buckets: list[tuple[str | None, list[Claim]]] = []
    for st in sorted(stories, key=lambda s: s.id):
        arts = set(st.article_ids)
        buckets.append((st.id, [c for c in prep.claims if c.article_id in arts] + orphans))
    if not stories:
        buckets.append((None, list(prep.claims)))
    checks: dict[str, Check] = {}
    for sid, bucket in buckets:
        for check in check_story(prep, sid, bucket, exhaustive=True):
            checks.setdefault(check.id, check)
    return tuple(sorted(checks.values(), key=sort_key))


def legacy_timeline(claims: Sequence[Claim], checks: Sequence[Check], stories: Sequence[Story],
                    docs: Sequence[Document], settings: CheckSettings
                    ) -> tuple[TimelineEntry, ...]:
    """Before #14: per story, all dated claims, all checks and all documents scanned."""
    docs_by_id = {d.id: d for d in docs}
    dated = [c for c in claims if c.kind == "date" and c.date]
    out: list[TimelineEntry] = []
    for story in sorted(stories, key=lambda s: s.id):
        arts = set(story.article_ids)
        own = [c for c in dated if c.article_id in arts]
        by_id = {c.id: c for c in own}
        group_of: dict[str, Check] = {}
        for check in checks:
            if check.kind != "date" or check.story_id not in (story.id, None):
                continue
            for cid in check.claim_ids:
                if cid in by_id and cid not in group_of:
                    group_of[cid] = check
        pubs = [p for d in docs if d.id in arts if (p := d.article.published_date) is not None]
        out += _entries_for_story(story.id, pubs, own, group_of, docs_by_id, settings)
    return tuple(out)


# ------------------------------------------------------------------------- measurements


def _exponent(rows: list[dict], key: str) -> None:
    for prev, row in zip(rows, rows[1:]):
        a, b = prev.get(key), row.get(key)
        if a and b:
            row[f"{key}_exponent"] = round(math.log(b / a) / math.log(row["n"] / prev["n"]), 2)


def many_stories(sizes: list[int], legacy_max: int) -> list[dict]:
    s = CheckSettings()
    rows = []
    for n in sizes:
        docs, claims, stories = single_article_stories(n)
        t = time.perf_counter()
        checks = cross_check(claims, docs, (), stories, (), s)
        t_checks = time.perf_counter() - t
        tl = build_timeline(claims, checks, stories, docs, s)
        t_new = time.perf_counter() - t
        row = {"n": n, "claims": len(claims), "checks": len(checks), "timeline": len(tl),
               "new_s": round(t_new, 3), "new_checks_s": round(t_checks, 3)}
        if n <= legacy_max:
            t = time.perf_counter()
            old = legacy_cross_check(claims, docs, stories, s)
            t_old_checks = time.perf_counter() - t
            old_tl = legacy_timeline(claims, old, stories, docs, s)
            row.update(old_s=round(time.perf_counter() - t, 3),
                       old_checks_s=round(t_old_checks, 3),
                       identical=old == checks and old_tl == tl)
            row["speedup"] = round(row["old_s"] / max(t_new, 1e-9), 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    _exponent(rows, "new_s")
    _exponent(rows, "old_s")
    return rows


def growing_quotes(counts: list[int], legacy_max: int) -> list[dict]:
    s = CheckSettings()
    rows = []
    for q in counts:
        docs, claims, stories = quote_story(q)
        prep = prepare(claims, docs, (), stories, (), s)
        ordered = sorted(prep.claims, key=claim_order)
        t = time.perf_counter()
        n_cand = len(candidate_pairs(ordered, prep.ctx))
        blocked = align_groups(ordered, prep.ctx)
        t_new = time.perf_counter() - t
        row = {"n": q, "all_pairs": q * (q - 1) // 2, "candidates": n_cand,
               "aligned": sum(len(p) for _, p in blocked), "new_s": round(t_new, 3)}
        if q <= legacy_max:
            prep = prepare(claims, docs, (), stories, (), s)
            t = time.perf_counter()
            full = align_groups(ordered, prep.ctx, exhaustive=True)
            row["all_pairs_s"] = round(time.perf_counter() - t, 3)
            row["identical"] = ([[c.id for c in g] for g, _ in full]
                                == [[c.id for c in g] for g, _ in blocked]
                                and [[(a.id, b.id) for a, b in p] for _, p in full]
                                == [[(a.id, b.id) for a, b in p] for _, p in blocked])
        rows.append(row)
        print(json.dumps(row), flush=True)
    _exponent(rows, "new_s")
    _exponent(rows, "all_pairs_s")
    return rows


class _Recomputed(logging.Handler):
    """Reads the checks stage's "checks: X of Y stories recomputed" log line, and the seconds
    of each stage from the runner's "stage NAME" lines (until :meth:`stop`)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.last = ""
        self.stages: dict[str, float] = {}
        self._at: tuple[str, float] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if msg.startswith("checks: "):
            self.last = msg[len("checks: "):]
        elif msg.startswith("stage ") and " " not in msg[6:]:
            self.stop(record.created)
            self._at = (msg[6:], record.created)

    def stop(self, now: float | None = None) -> dict[str, float]:
        """Ends the running stage's clock (the last stage ends with the report built)."""
        if self._at is not None:
            name, t = self._at
            self.stages[name] = round((now or time.time()) - t, 1)
            self._at = None
        return self.stages

    def start(self) -> None:
        self.stages, self._at = {}, None


def _old_report(old_src: str, db: Path, out: Path) -> float:
    """The old code's report on ``db`` in a subprocess (its ``src`` first on the path)."""
    script = (
        "import json, sys, time\n"
        "from storyline.pipeline import analyze_store\n"
        "from storyline.settings import Settings\n"
        "from storyline.store import Store\n"
        "import storyline\n"
        f"assert storyline.__file__.startswith({old_src!r}), storyline.__file__\n"
        f"with Store({str(db)!r}) as store:\n"
        "    t = time.perf_counter()\n"
        "    report = analyze_store(store, Settings())\n"
        "    print(time.perf_counter() - t)\n"
        f"open({str(out)!r}, 'w').write(json.dumps(report.to_dict(), sort_keys=True))\n"
    )
    env = dict(os.environ, PYTHONPATH=old_src)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def ecbplus(old_src: str | None) -> dict:
    """ECB+ dev: ingest and report times, incremental report, old code, conformance."""
    import sqlite3

    from storyline.crosscheck.corpus import buckets
    from storyline.pipeline import (
        STAGES,
        Context,
        analyze_store,
        ingest_into,
        load_documents,
        run_stages,
    )
    from storyline.settings import Settings
    from storyline.store import Store

    lines = ECB.read_text(encoding="utf-8").splitlines()
    settings = Settings()
    row: dict = {"articles": len(lines)}
    log = logging.getLogger("storyline")
    log.setLevel(logging.INFO)
    seen = _Recomputed()
    log.addHandler(seen)
    with tempfile.TemporaryDirectory(prefix="cc-scale-") as tmp_:
        tmp = Path(tmp_)
        (tmp / "first.jsonl").write_text("\n".join(lines[:-10]) + "\n", encoding="utf-8")
        (tmp / "last.jsonl").write_text("\n".join(lines[-10:]) + "\n", encoding="utf-8")
        db = tmp / "corpus.db"
        with Store(db) as store:
            t = time.perf_counter()
            ingest_into(store, [str(tmp / "first.jsonl")], settings)
            row["ingest_452_s"] = round(time.perf_counter() - t, 1)
            seen.start()
            t = time.perf_counter()
            analyze_store(store, settings)
            row["report_first_s"] = round(time.perf_counter() - t, 1)
            row["report_first_stages_s"] = dict(seen.stop())
            t = time.perf_counter()
            ingest_into(store, [str(tmp / "last.jsonl")], settings)
            row["ingest_10_s"] = round(time.perf_counter() - t, 1)
        shutil.copy(db, tmp / "before.db")  # 462 articles, claims of 452 cached
        with Store(db) as store:
            seen.start()
            t = time.perf_counter()
            analyze_store(store, settings)
            row["report_after_10_s"] = round(time.perf_counter() - t, 1)
            row["report_after_10_stages_s"] = dict(seen.stop())
            row["stories_recomputed_after_10"] = seen.last
            t = time.perf_counter()
            analyze_store(store, settings)
            row["report_unchanged_s"] = round(time.perf_counter() - t, 1)
            row["stories_recomputed_unchanged"] = seen.last
        # the whole checks and timeline recomputed: the same store, its story results removed
        cold = tmp / "cold.db"
        shutil.copy(db, cold)
        with sqlite3.connect(cold) as con:
            con.execute("DELETE FROM state WHERE name LIKE 'crosscheck.%'")
        with Store(cold) as store:
            seen.start()
            t = time.perf_counter()
            new_report = analyze_store(store, settings).to_dict()
            row["report_cold_stories_s"] = round(time.perf_counter() - t, 1)
            row["report_cold_stories_stages_s"] = dict(seen.stop())
            docs = load_documents(store)
            v = run_stages(STAGES[:4], Context(settings=settings, store=store,
                                               values={"docs": docs}))
        if old_src:
            row["old_report_cold_stories_s"] = round(_old_report(old_src, cold, tmp / "o.json"), 1)
            old = json.loads((tmp / "o.json").read_text(encoding="utf-8"))
            new = json.loads(json.dumps(new_report, sort_keys=True))
            # the records this change computes (other sections' formats moved on main since)
            row["old_report_same_checks_timeline_claims"] = all(
                old[k] == new[k] for k in ("checks", "timeline", "claims", "stories"))
        # blocked vs all pairs on every story of the 462 articles
        s = settings.checks
        found: dict[str, list] = {}
        by_kind: dict[str, dict[str, float]] = {}
        compared = total = 0
        for how in ("blocked", "all_pairs"):  # each with a fresh context: its own folding
            prep = prepare(v["claims"], v["docs"], v["families"], v["stories"], v["entities"], s)
            out = found.setdefault(how, [])
            secs = by_kind.setdefault(how, dict.fromkeys(KINDS, 0.0))
            for _sid, bucket in buckets(prep, v["stories"]):
                for kind in KINDS:
                    of_kind = sorted((c for c in bucket if c.kind == kind and prep.eligible(c)),
                                     key=claim_order)
                    t = time.perf_counter()
                    groups = align_groups(of_kind, prep.ctx, small=0,
                                          exhaustive=how == "all_pairs")
                    secs[kind] += time.perf_counter() - t
                    out.append([([c.id for c in g], [(x.id, y.id) for x, y in p])
                                for g, p in groups])
                    if how == "blocked":
                        compared += len(candidate_pairs(of_kind, prep.ctx))
                        total += len(of_kind) * (len(of_kind) - 1) // 2
        row.update(blocking_identical=found["blocked"] == found["all_pairs"],
                   candidate_pairs=compared, all_pairs=total,
                   align_s={how: {k: round(x, 2) for k, x in secs.items()}
                            for how, secs in by_kind.items()})
    log.removeHandler(seen)
    row["report_first_over_ingest"] = round(row["report_first_s"] / row["ingest_452_s"], 3)
    row["report_after_10_over_cold"] = round(row["report_after_10_s"]
                                             / row["report_cold_stories_s"], 3)
    print(json.dumps(row), flush=True)
    return row


# ------------------------------------------------------------- one huge generated story


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", default="500,4000,16000")
    ap.add_argument("--legacy-max", type=int, default=4000,
                    help="largest corpus the code before #14 is run on (it is quadratic)")
    ap.add_argument("--quotes", default="250,500,1000,2000,4000")
    ap.add_argument("--quotes-all-pairs-max", type=int, default=2000)
    ap.add_argument("--ecb", action="store_true", help="the ECB+ dev measurements (minutes)")
    ap.add_argument("--old-src", default=None, help="src of a checkout of the code before #14")
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args(argv)
    out = Path(args.out)
    # sections run separately (the ECB+ one takes minutes) are merged into one results file
    result: dict = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    command = "python benchmarks/crosscheck_scale.py " + shlex.join(
        sys.argv[1:] if argv is None else argv)
    if args.stories:
        result["single_article_stories"] = many_stories(_ints(args.stories), args.legacy_max)
    if args.quotes:
        result["one_story_quotes"] = growing_quotes(_ints(args.quotes), args.quotes_all_pairs_max)
    if args.ecb:
        if not ECB.is_file():
            print(f"ECB+ dev not found at {ECB}: skipped", file=sys.stderr)
        else:
            result["ecbplus_dev"] = ecbplus(args.old_src)
    result.setdefault("commands", [])
    if command not in result["commands"]:
        result["commands"].append(command)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
