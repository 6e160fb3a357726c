"""Rows of issue #16 on the store: empty, foreign, damaged and read-only store files, concurrent
creation of one new store, and a search for a NUL character."""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from storyline import api
from storyline.errors import StoreError
from storyline.store import Store


@pytest.fixture(scope="module")
def stored(tmp_path_factory, examples_dir) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    api.ingest_corpus([examples_dir], db)
    with sqlite3.connect(db) as con:  # one self-contained file, as a user would copy it
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def test_empty_file_is_refused_not_turned_into_a_store(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    for open_it in (lambda: Store(empty), lambda: Store(empty, readonly=True),
                    lambda: api.report_corpus(empty)):
        with pytest.raises(StoreError) as err:
            open_it()
        assert err.value.code == "E200" and "empty file" in str(err.value)
    assert empty.stat().st_size == 0


def test_foreign_file_is_refused_not_overwritten(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        api.ingest_corpus([], notes)
    assert err.value.code == "E200" and str(notes) in str(err.value)
    assert notes.read_text(encoding="utf-8") == "my notes, not a database\n"


def _damage(src: Path, dst: Path, offset: int, length: int, byte: bytes) -> Path:
    data = bytearray(src.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):
        data[start + offset:start + offset + length] = byte * length
    dst.write_bytes(bytes(data))
    return dst


@pytest.mark.parametrize("offset,length,byte", [(0, 12, b"\xff"), (100, 300, b"A")],
                         ids=["page-headers", "record-bytes"])
def test_damaged_store_is_an_E202_error_naming_the_file(stored, tmp_path, offset, length, byte):
    damaged = _damage(stored, tmp_path / "damaged.db", offset, length, byte)
    with pytest.raises(StoreError) as err:
        api.report_corpus(damaged)
    assert err.value.code == "E202"
    assert str(damaged) in str(err.value) and "damaged" in str(err.value)


def test_store_that_cannot_be_written_opens_read_only(stored, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = Path(shutil.copy(stored, folder / "corpus.db"))
    before = db.read_bytes()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real(p, mode))
    with Store.for_reading(db) as store:
        assert store.readonly
    report = api.report_corpus(db)
    assert len(report.documents) == 7
    assert sorted(p.name for p in folder.iterdir()) == ["corpus.db"]  # no -wal, no -shm
    assert db.read_bytes() == before


def test_search_for_control_characters(stored):
    with Store(stored, readonly=True) as store:
        assert store.search("\x00") == []
        assert store.search("fire\x00") == store.search("fire") != []
        assert store.search('"fire\x1b"\t') == store.search("fire")


def _create(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        with Store(path) as store:
            results.put(("ok", store.schema_version))
    except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def test_concurrent_creation_of_one_new_store(tmp_path):
    ctx = mp.get_context("fork")
    failures = []
    for trial in range(20):
        path = str(tmp_path / f"new{trial}.db")
        barrier, results = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_create, args=(path, barrier, results)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        outcomes = [results.get(timeout=10) for _ in procs]
        failures += [o for o in outcomes if o != ("ok", 1)]
        with Store(path, readonly=True) as store:
            assert store.count() == 0
    assert failures == []
