import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.models import Rejection
from storyline.store import SCHEMA_VERSION, Store


def test_roundtrip_document(tmp_path, make_doc):
    doc = make_doc(
        "PORTVILLE, March 3 (CNA) - Fire crews fought a blaze at the harbour on Saturday, "
        "the port authority said. \u201cWe evacuated 120 workers,\u201d Mayor Lena Ortiz said.",
        published="2025-03-03",
        outlet="Coastal News Agency",
    )
    path = tmp_path / "c.db"
    with Store(path) as store:
        assert store.add_document(doc) is True
        assert store.add_document(doc) is False  # same text: nothing added
        assert store.count() == 1
    with Store(path, readonly=True) as store:
        (back,) = list(store.iter_documents())
    assert back == doc


def test_schema_version_and_wal(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "c.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E201" and str(path) in str(err.value)


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a storyline store"):
        Store(path)


def test_not_sqlite_at_all(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 50)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E200"


def test_failed_transaction_adds_no_half_article(tmp_path, make_doc, monkeypatch):
    doc = make_doc("The harbour reopened on Monday after the fire, officials said.")
    store = Store(tmp_path / "c.db")
    # Break the annotation insert: the article insert of the same transaction must roll back.
    import storyline.store as mod

    monkeypatch.setattr(mod, "_encode_tokens", lambda toks: (_ for _ in ()).throw(RuntimeError("x")))
    with pytest.raises(RuntimeError):
        store.add_document(doc)
    assert store.count() == 0
    monkeypatch.undo()
    assert store.add_document(doc) is True
    store.close()


def test_search_fts_and_injection(tmp_path, make_doc):
    with Store(tmp_path / "c.db") as store:
        store.add_document(make_doc("Firefighters contained the warehouse blaze at the harbour."))
        store.add_document(make_doc("The city council approved the new budget on Tuesday."))
        ids = store.search("warehouse blaze")
        assert len(ids) == 1
        # Quotes and operators are plain words: all three must occur, "x" does not.
        assert store.search('budget" OR "x') == []
        assert len(store.search("council budget")) == 1
        assert store.search("NEAR(") == []  # FTS syntax is taken as words, not an error
        assert store.search("") == []


def test_results_and_state(tmp_path, make_doc):
    doc = make_doc("The harbour reopened on Monday.")
    with Store(tmp_path / "c.db") as store:
        store.add_document(doc)
        store.put_results("claims", "k1", {doc.id: [{"a": 1}]})
        assert store.get_results("claims", "k1", [doc.id]) == {doc.id: [{"a": 1}]}
        assert store.get_results("claims", "k2", [doc.id]) == {}
        store.put_state("stories", {"events": [1, 2]})
        assert store.get_state("stories") == {"events": [1, 2]}
        store.add_rejections([Rejection("bad.jsonl:3", "E105", "not JSON")])
        assert store.rejections() == [Rejection("bad.jsonl:3", "E105", "not JSON")]


def test_keep_parts_deletes_the_parts_a_run_no_longer_uses(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.write_parts("cache/", {"v1/a": "1", "v1/b": "2", "v0/a": "3"})
        store.write_parts("other/", {"x": "4"})
        assert store.keep_parts("cache/", {"v1/a"}) == 2
        assert store.part_list("cache/") == ["v1/a"]
        assert store.part_list("other/") == ["x"]  # other prefixes untouched
        assert store.keep_parts("cache/", {"v1/a"}) == 0
