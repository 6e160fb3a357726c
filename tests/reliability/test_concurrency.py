"""Concurrency: ``storyline serve`` keeps answering while ``storyline ingest`` writes to its store;
two ingests on one store at once take turns and leave every article exactly once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_inputs import small_corpus

from storyline import api
from storyline.store import Store

pytestmark = pytest.mark.slow


def _feed(path: Path, n: int, seed: int) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in small_corpus(n, seed=seed)),
                    encoding="utf-8")
    return path


def _ingest(feed: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "storyline.cli", "-q", "ingest", str(feed),
                             "--db", str(db), "--set", "annotate.batch_size=4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _whole(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db, timeout=30) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == n
        assert con.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
        return n, con.execute("SELECT count(DISTINCT external_id) FROM articles").fetchone()[0]


def test_serve_answers_while_ingest_writes(tmp_path, examples_dir):
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    db = tmp_path / "corpus.db"
    api.ingest_corpus([examples_dir], db)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    proc = _ingest(_feed(tmp_path / "feed.jsonl", 150, seed=3), db)
    answered, seen = 0, set()
    try:
        while proc.poll() is None:
            res = client.get("/api/search", params={"q": "fire", "limit": 500})
            assert res.status_code == 200, res.text
            with Store(db, readonly=True) as store:  # what serve's search reads per request
                seen.add(len(store.search("fire", limit=500)))
            assert client.get("/api/articles").status_code == 200
            answered += 1
            time.sleep(0.05)
    finally:
        _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()
    assert answered >= 3
    assert len(seen) >= 2, "the read-only store saw the corpus grow while ingest wrote"
    assert _whole(db)[0] == 7 + 150


def test_two_ingests_on_one_store_take_turns(tmp_path):
    db = tmp_path / "corpus.db"
    feed = _feed(tmp_path / "feed.jsonl", 120, seed=4)
    other = _feed(tmp_path / "other.jsonl", 60, seed=5)
    first, second = _ingest(feed, db), _ingest(other, db)
    errs = [p.communicate(timeout=600)[1].decode() for p in (first, second)]
    # Writes wait for each other (BUSY_TIMEOUT_S), so both finish.
    assert [first.returncode, second.returncode] == [0, 0], errs
    assert _whole(db) == (180, 180)
    # The same feed ingested twice at once: each article stored exactly once.
    again = [_ingest(feed, db), _ingest(feed, db)]
    for proc in again:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    assert _whole(db) == (180, 180)
