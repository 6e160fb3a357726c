"""Build the extra event-clustering corpora of the leave-one-corpus-out benchmark.

    python benchmarks/stories_corpora.py [--mirror /work/.mirror]

Each corpus is written as ``benchmarks/data/stories/<name>/articles.jsonl`` (``id``, ``title``,
``text``, ``published``, ``outlet``) and ``gold.tsv`` (``id``, ``topic``, ``event``), the layout
of ``../shared/data/ecbplus-dev``. Sources are public GitHub snapshots brought onto this machine
with the ``fetch`` tool (``github:owner/name``), read with ``git show`` (no work tree needed):

* ``meantime`` -- MEANTIME English (Minard et al., LREC 2016; 120 Wikinews articles in four
  corpora: Airbus, Apple, General Motors, stock market), CC BY 4.0, from the tokenised CoNLL of
  ``anastasia-zhukova/Diverse_CDCR_datasets`` (``MEANTIME-prep/output_data/en/meantime.conll``).
  Sentence 0 is the headline, sentence 1 the Wikinews dateline (the publication date). Gold:
  the topic is the corpus; the event is the article itself. Wikinews publishes one article per
  news event (a second report of one event is merged into the first), so every article is its
  own incident, and each corpus holds 30 incidents of one kind with shared actors (Apple
  product launches, Airbus contracts, stock market days): a test of keeping sister incidents
  apart (precision). Small and CC BY: committed.
* ``newswcl50`` -- NewsWCL50 (Hamborg et al., JCDL 2019): 10 US politics events of April 2018,
  each reported by five outlets from far left to far right (HuffPost, NYT, USA Today, Fox News,
  Breitbart), with very different vocabulary. Annotations CC BY-SA 4.0; the article texts are
  the outlets' (copyrighted): NOT committed, built from the CoNLL in
  ``anastasia-zhukova/Diverse_CDCR_datasets`` (``NewsWCL50-prep/output_data/NewsWCL50.conll``);
  the publication date is the date in the article's URL (``fhamborg/NewsWCL50`` ``urls.tsv``)
  when it has one. Gold: event = topic = the NewsWCL50 event. A test of recall across outlets.

Tokens are re-joined with a light detokeniser (no space before closing punctuation, after
opening brackets, around hyphens inside words), one sentence per line.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "data" / "stories"
CDCR = "anastasia-zhukova+Diverse_CDCR_datasets"
WCL = "fhamborg+NewsWCL50"
OUTLETS = {"LL": "huffingtonpost.com", "L": "nytimes.com", "M": "usatoday.com",
           "R": "foxnews.com", "RR": "breitbart.com"}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}


def git_show(mirror: Path, repo: str, path: str) -> str:
    gitdir = mirror / repo / "repo"
    if not gitdir.is_dir():
        raise SystemExit(f"{gitdir}: snapshot absent; fetch github:{repo.replace('+', '/')} first")
    return subprocess.run(["git", "--git-dir", str(gitdir), "show", f"HEAD:{path}"],
                          check=True, capture_output=True, text=True).stdout


def detok(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = re.sub(r"(\w) - (\w)", r"\1-\2", s)
    s = re.sub(r"`` ?| ?''", '"', s)
    return s.strip()


def conll_docs(text: str) -> dict[str, list[list[str]]]:
    """document id -> sentences (lists of tokens), from a CoNLL with columns doc, sent, tok, word."""
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[3].replace("\\n", "").strip():  # NewsWCL50 keeps the original line breaks as tokens
            docs[cols[0]][int(cols[1])].append(cols[3])
    return {d: [s[k] for k in sorted(s)] for d, s in docs.items()}


def write(name: str, rows: list[dict], gold: list[tuple[str, str, str]]) -> None:
    out = OUT / name
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    lines = ["id\ttopic\tevent"] + ["\t".join(g) for g in gold]
    (out / "gold.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} articles, {len({g[2] for g in gold})} events, "
          f"{len({g[1] for g in gold})} topics -> {out.relative_to(ROOT)}")


def build_meantime(mirror: Path) -> None:
    docs = conll_docs(git_show(mirror, CDCR, "MEANTIME-prep/output_data/en/meantime.conll"))
    rows, gold = [], []
    for doc_id, sents in sorted(docs.items()):
        corpus, num = doc_id.split("/")
        title, dateline = detok(sents[0]), detok(sents[1])
        m = re.match(r"([A-Za-z]+) (\d{1,2}), (\d{4})$", dateline)
        published = (f"{int(m.group(3)):04d}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
                     if m and m.group(1).lower() in _MONTHS else None)
        body = "\n".join(detok(s) for s in sents[2:])
        aid = f"meantime_{num}"
        rows.append({"id": aid, "title": title, "text": body, "published": published,
                     "outlet": "wikinews.org"})
        gold.append((aid, corpus.removeprefix("corpus_"), aid))
    write("meantime", rows, gold)


def build_newswcl50(mirror: Path) -> None:
    docs = conll_docs(git_show(mirror, CDCR, "NewsWCL50-prep/output_data/NewsWCL50.conll"))
    dates = {}
    for line in git_show(mirror, WCL, "urls.tsv").splitlines()[1:]:
        ev, outlet, url = line.split("\t")[:3]
        m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", url)
        dates[f"{ev}_{outlet}"] = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
    rows, gold = [], []
    for doc_id, sents in sorted(docs.items()):
        key = doc_id.split("/")[-1]  # "0_LL"
        ev, outlet = key.split("_")
        aid = f"newswcl50_{key}"
        rows.append({"id": aid, "title": detok(sents[0]),
                     "text": "\n".join(detok(s) for s in sents[1:]),
                     "published": dates.get(key), "outlet": OUTLETS[outlet]})
        gold.append((aid, ev, ev))
    write("newswcl50", rows, gold)


BUILDERS = {"meantime": build_meantime, "newswcl50": build_newswcl50}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("corpora", nargs="*", default=sorted(BUILDERS))
    args = ap.parse_args(argv)
    for name in args.corpora:
        BUILDERS[name](args.mirror)
    return 0


if __name__ == "__main__":
    sys.exit(main())
