"""Build ``benchmarks/data/reuse_onestop.jsonl`` from a snapshot of the public repository
``nishkalavallabhi/OneStopEnglishCorpus`` (its ``Texts-Together-OneCSVperFile/``):

    python benchmarks/build_reuse_onestop.py /work/.mirror/nishkalavallabhi+OneStopEnglishCorpus/repo

The corpus (Vajjala & Lučić, "OneStopEnglish corpus: A new corpus for automatic readability
assessment and text simplification", BEA workshop 2018; CC BY-SA 4.0, so the built file is too):
189 Guardian news articles (2012-2016) as published by onestopenglish.com at three reading levels.
The advanced text is the article as the Guardian ran it, lightly trimmed; the intermediate and
elementary texts were **rewritten from it by people** (English teachers) for learners: the
intermediate one keeps most sentences and rewords or simplifies many (a light rewrite), the
elementary one is shorter and reworded throughout (a heavy rewrite). Each CSV row holds one
paragraph at each level.

The CSVs are what a user meets in the wild: Windows-1252 bytes (curly quotes and dashes as 0x91-0x97)
and lines hard-wrapped at the width of the PDF the texts were copied from. The builder decodes each
file with storyline's own decoder (:func:`storyline.ingest.decode.decode_bytes`, the one ingest and
``compare`` use) and keeps every line break as it is: ``reuse_levels.py`` writes the texts back to
files in their original encoding and reads them as ``storyline compare`` does.

Each record: ``{"name", "encoding", "adv", "int", "ele"}``; a level's text is its paragraphs
separated by blank lines, with the CSV's line breaks inside them.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "reuse_onestop.jsonl"
FOLDER = "Texts-Together-OneCSVperFile"
LEVELS = {"Advanced": "adv", "Intermediate": "int", "Elementary": "ele"}


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def record(name: str, data: bytes) -> dict | None:
    """One corpus record from a CSV file's bytes (None when a level is empty)."""
    from storyline.ingest.decode import decode_bytes

    decoded = decode_bytes(data, name)
    header, *rows = list(csv.reader(io.StringIO(decoded.text, newline="")))
    columns = [h.strip() for h in header]  # some headers have a trailing space
    rec: dict = {"name": name, "encoding": decoded.encoding}
    for column, key in LEVELS.items():
        if column not in columns:
            return None
        at = columns.index(column)
        paras = [row[at].strip() if at < len(row) else "" for row in rows]
        rec[key] = "\n\n".join(p.replace("\r\n", "\n") for p in paras if p)
        if not rec[key]:
            return None
    return rec


def main(argv: list[str] | None = None) -> None:
    repo = Path((argv or sys.argv[1:])[0])
    names = sorted(n for n in _git(repo, "ls-tree", "-r", "--name-only", "-z", "HEAD", FOLDER)
                   .decode("utf-8").split("\0") if n.endswith(".csv"))
    kept = 0
    with OUT.open("w", encoding="utf-8") as fh:
        for path in names:
            rec = record(Path(path).stem, _git(repo, "show", f"HEAD:{path}"))
            if rec is None:
                print(f"skipped {path}: a level is empty")
                continue
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            kept += 1
    print(f"wrote {kept} of {len(names)} records to {OUT}")


if __name__ == "__main__":
    main()
