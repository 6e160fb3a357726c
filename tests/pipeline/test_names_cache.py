"""Each article's names are kept in the store: a report finds the names of new articles only."""

from __future__ import annotations

import storyline.claims.entities as entities_module
from storyline.claims import resolve_entities
from storyline.pipeline import STAGES, Context, names_key, run_stages
from storyline.settings import Settings
from storyline.store import Store


def _entities(store, docs, settings):
    stages = [s for s in STAGES if s.name in ("claims", "entities")]
    return run_stages(stages, Context(settings=settings, store=store, values={"docs": docs}))


def test_names_read_back_give_the_same_entities_and_claims(tmp_path, seed_docs, monkeypatch):
    settings = Settings()
    with Store(tmp_path / "corpus.db") as store:
        for doc in seed_docs:
            store.add_document(doc)
        first = _entities(store, seed_docs, settings)
        kept = store.get_results("names", names_key(settings), [d.id for d in seed_docs])
        assert sorted(kept) == sorted(d.id for d in seed_docs)

        def no_names(*args, **kwargs):
            raise AssertionError("names found again")

        monkeypatch.setattr(entities_module, "article_names", no_names)
        again = _entities(store, seed_docs, settings)
    monkeypatch.undo()
    direct = resolve_entities(seed_docs, first["claims"], settings.claims)
    assert first["entities"] == again["entities"] == direct[0]
    assert first["claims"] == again["claims"] == direct[1]
    assert any(e.type == "PERSON" and len(e.article_ids) >= 3 for e in first["entities"])


def test_an_alias_file_is_part_of_the_key(tmp_path):
    alias = tmp_path / "aliases.toml"
    alias.write_text('[[entity]]\nname = "Korean Central News Agency"\naliases = ["KCNA"]\n',
                     encoding="utf-8")
    settings = Settings.from_dict({"claims": {"alias_file": str(alias)}})
    before = names_key(settings)
    alias.write_text('[[entity]]\nname = "Yonhap"\naliases = ["Yonhap News"]\n', encoding="utf-8")
    assert names_key(settings) != before != names_key(Settings())


def test_ingest_keeps_each_articles_names_and_the_report_finds_none(tmp_path, examples_dir,
                                                                     monkeypatch):
    from storyline.pipeline import analyze_store, ingest_into, load_documents

    settings = Settings()
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest_into(store, [str(examples_dir)], settings)
        assert summary.added
        kept = store.get_results("names", names_key(settings), list(summary.added))
        assert sorted(kept) == sorted(summary.added)

        def no_names(*args, **kwargs):
            raise AssertionError("names found again")

        monkeypatch.setattr(entities_module, "article_names", no_names)
        report = analyze_store(store, settings)
        monkeypatch.undo()
        docs = load_documents(store)
    direct = resolve_entities(docs, _entities(None, docs, settings)["claims"], settings.claims)
    assert report.entities == direct[0]
