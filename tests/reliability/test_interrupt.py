"""Interruption: ``storyline ingest`` killed with SIGKILL at random moments while it writes. After
each kill the store passes ``PRAGMA integrity_check`` and holds only whole articles; rerunning the
same command completes the corpus with nothing lost and nothing duplicated."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_inputs import small_corpus

pytestmark = pytest.mark.slow

ARTICLES = 300
KILLS = 20


def _ingest(feed: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "storyline.cli", "-q", "ingest", str(feed), "--db", str(db),
         "--set", "annotate.batch_size=4"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _check_whole(db: Path) -> int:
    """Integrity, and every stored article whole (annotation and search row); returns the count."""
    with sqlite3.connect(db, timeout=30) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        annotated = con.execute("SELECT count(*) FROM articles a JOIN annotations n "
                                "ON n.article_id = a.id").fetchone()[0]
        indexed = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert annotated == indexed == n
        assert con.execute("SELECT count(DISTINCT external_id) FROM articles").fetchone()[0] == n
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        for (tokens,) in con.execute("SELECT tokens FROM annotations"):
            assert json.loads(tokens)["start"]  # a whole annotation, never an empty shell
    return n


def test_sigkill_during_ingest_loses_and_duplicates_nothing(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in small_corpus(ARTICLES)),
                    encoding="utf-8")
    stores = 1
    db = tmp_path / "corpus-1.db"
    rng = random.Random(16)
    kills, stored = 0, 0
    while kills < KILLS:
        proc = _ingest(feed, db)
        start = _count(db)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _count(db) == start and time.monotonic() < deadline:
            time.sleep(0.02)  # wait until it writes
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is not None:
            # finished before the kill (a fast machine): the corpus is complete and whole; go
            # on killing ingests of a new store, so every run makes its KILLS kills
            assert proc.returncode == 0 and _check_whole(db) == ARTICLES
            stores += 1
            db, stored = tmp_path / f"corpus-{stores}.db", 0
            continue
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        now = _check_whole(db)
        assert now >= stored  # nothing committed is ever lost
        stored = now
    proc = _ingest(feed, db)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()
    assert _check_whole(db) == ARTICLES
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".new")]
    assert leftovers == []
    assert os.path.getsize(db) > 0
