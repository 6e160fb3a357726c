"""Annotation in worker processes writes the same store as annotation in-process, and one article
the model fails on is rejected (E301) without stopping the others or the worker pool."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.annotate import load_pipeline
from storyline.annotate.parallel import annotate_stream
from storyline.models import Annotation, Article, content_id
from storyline.pipeline import ingest_into
from storyline.settings import Settings
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[2]
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
BOOM = "Zqxjv-fails-here"


def _corpus(tmp_path: Path, n: int = 14) -> list[str]:
    """The example corpus (text, HTML, JSON) and ``n`` ECB+ dev articles as JSON Lines."""
    if not ECB.exists():
        pytest.skip(f"ECB+ dev articles not found at {ECB}")
    feed = tmp_path / "ecb.jsonl"
    with ECB.open(encoding="utf-8") as src, feed.open("w", encoding="utf-8") as out:
        for _, line in zip(range(n), src):
            out.write(line)
    return [str(ROOT / "examples" / "harbor-fire"), str(feed)]


def _content(db: Path) -> dict[str, list]:
    """Everything an ingest stores, without the wall-clock columns."""
    with sqlite3.connect(db) as con:
        return {
            "articles": con.execute("SELECT id, source, title, outlet, published, text, warnings, "
                                    "metadata FROM articles ORDER BY seq").fetchall(),
            "annotations": con.execute("SELECT * FROM annotations ORDER BY article_id").fetchall(),
            "state": con.execute("SELECT * FROM state ORDER BY name").fetchall(),
            "rejections": con.execute("SELECT source, code, reason FROM rejections "
                                      "ORDER BY source").fetchall(),
            "results": con.execute("SELECT stage, article_id, key, payload FROM results "
                                   "ORDER BY stage, article_id").fetchall(),
        }


def _ingest(paths: list[str], db: Path, processes: int, nlp=None):
    settings = Settings.load(None, [f"annotate.processes={processes}", "annotate.batch_size=4"])
    with Store(db) as store:
        return ingest_into(store, paths, settings, nlp=nlp)


def test_workers_write_the_same_store_as_one_process(tmp_path, nlp):
    paths = _corpus(tmp_path)
    one = _ingest(paths, tmp_path / "one.db", 1, nlp)
    two = _ingest(paths, tmp_path / "two.db", 2, nlp)
    assert len(one.added) >= 18 and not one.rejected
    assert one == two  # same articles added, in the same order
    a, b = _content(tmp_path / "one.db"), _content(tmp_path / "two.db")
    assert len(a["annotations"]) == len(one.added)
    assert json.loads(a["annotations"][0][4])["start"]  # real tokens, not empty shells
    assert a["state"]  # the event index was written, and identically
    assert a == b


def test_ingest_caches_the_claims_the_report_would_extract(tmp_path, nlp):
    """The workers extract each new article's claims; the report reads them instead of
    extracting again, and they equal what it would extract from the stored documents."""
    from storyline.claims import extract_claims
    from storyline.pipeline import claims_key
    from storyline.serialize import to_dict

    summary = _ingest(_corpus(tmp_path), tmp_path / "c.db", 2, nlp)
    settings = Settings.load(None, [])
    with Store(tmp_path / "c.db") as store:
        cached = store.get_results("claims", claims_key(settings), list(summary.added))
        assert set(cached) == set(summary.added)
        docs = list(store.iter_documents())
    assert sum(len(v) for v in cached.values()) > len(docs)  # real claims, not empty lists
    for doc in docs:
        assert cached[doc.id] == [to_dict(c) for c in extract_claims(doc, settings.claims)]


@Language.component("storyline_test_failure")
def _failure(doc):
    if BOOM in doc.text:
        raise RuntimeError("a defect met on this text")
    return doc


@pytest.fixture(scope="module")
def failing_nlp():
    nlp = load_pipeline()
    nlp.add_pipe("storyline_test_failure", first=True)
    return nlp


@pytest.mark.parametrize("processes", [1, 2])
def test_an_article_the_model_fails_on_is_rejected_and_the_rest_go_on(tmp_path, failing_nlp,
                                                                      processes):
    texts = [f"Firefighters in Portville rescued {n} people from a burning ferry on Sunday, the "
             f"coast guard said." for n in range(3, 13)]
    texts[4] = f"The ferry {BOOM} sank near the Portville pier, officials said."
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    summary = _ingest([str(feed)], tmp_path / "c.db", processes, failing_nlp)
    assert len(summary.added) == 9
    (bad,) = summary.rejected
    assert bad.code == "E301" and bad.source == f"{feed}:5"
    assert "RuntimeError: a defect met on this text" in bad.reason
    with Store(tmp_path / "c.db") as store:
        assert store.count() == 9 and not store.has_article(content_id(texts[4]))
        assert [r.code for r in store.rejections()] == ["E301"]


def test_stream_keeps_input_order_across_workers(nlp):
    articles = [Article(id=content_id(str(i)), text=f"Report number {i} from Portville.",
                        source=f"s{i}") for i in range(11)]
    settings = Settings.load(None, ["annotate.processes=2", "annotate.batch_size=2"]).annotate
    out = list(annotate_stream(articles, settings, nlp, then=_token_count))
    assert [a.id for a, _, _ in out] == [a.id for a in articles]
    assert all(isinstance(r, Annotation) and r.article_id == a.id and r.tokens for a, r, _ in out)
    # the per-article follow-up ran in the workers, on each article's own annotation
    assert [n for _, _, n in out] == [len(r.tokens) for _, r, _ in out]


def _token_count(doc):  # module level: the workers receive it pickled or forked
    return len(doc.annotation.tokens)
