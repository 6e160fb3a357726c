"""Shared fixtures: a real spaCy pipeline and Documents built from real-looking text.

Unit tests that do not need spaCy should build records by hand (see ``storyline.models``); these
fixtures are for the tests that check extraction on real parses.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest

from storyline.annotate import AnnotateSettings, annotate, load_pipeline
from storyline.models import Article, Document, content_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
SEEDS_DIR = SHARED / "corpus" / "seeds"
ECB_DIR = SHARED / "data" / "ecbplus-dev"
EXAMPLES_DIR = ROOT / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS_DIR}")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The example corpus README's quick start runs on."""
    return EXAMPLES_DIR / "harbor-fire"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def make_doc(nlp):
    """``make_doc(text, *, published=None, outlet=None, title=None, source="test.txt")``."""
    settings = AnnotateSettings()

    def _make(text: str, *, published=None, outlet=None, title=None, source="test.txt"):
        article = Article(
            id=content_id(text),
            text=text,
            source=source,
            title=title,
            outlet=outlet,
            published=published,
        )
        (annotation,) = list(annotate([article], settings, nlp))
        return Document(article, annotation)

    return _make


def _seed_articles() -> list[Article]:
    """The seeds read by the real ingest stage; ``source`` is the bare file name."""
    from dataclasses import replace

    from storyline.ingest import read_inputs

    return [replace(a, source=Path(a.source).name) for a in read_inputs([SEEDS_DIR])]


@pytest.fixture(scope="session")
def seed_docs(nlp) -> list[Document]:
    """The five seed articles as Documents, in file order (000 ... 004)."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS_DIR}")
    articles = _seed_articles()
    anns = list(annotate(articles, AnnotateSettings(), nlp))
    return [Document(a, n) for a, n in zip(articles, anns)]


def _load_ecb_articles() -> list[Article]:
    articles = []
    with (ECB_DIR / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec["text"].strip()
            articles.append(
                Article(
                    id=content_id(text),
                    text=text,
                    source=f"ecbplus-dev/{rec['id']}",
                    external_id=rec["id"],
                )
            )
    return articles


@pytest.fixture(scope="session")
def ecb_gold() -> dict[str, tuple[str, str]]:
    """external id -> (topic, event) from ECB+ gold.tsv."""
    if not ECB_DIR.is_dir():
        pytest.skip(f"ECB+ dev set not found at {ECB_DIR}")
    gold = {}
    for line in (ECB_DIR / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        art, topic, event = line.split("\t")
        gold[art] = (topic, event)
    return gold


@pytest.fixture(scope="session")
def ecb_docs(nlp, request) -> list[Document]:
    """The 462 ECB+ dev articles as Documents (``Article.external_id`` = ECB+ id).

    Annotations are cached in pytest's cache directory under a key made from the pipeline and
    every text, so a changed text or model never reads a stale cache.
    """
    if not ECB_DIR.is_dir():
        pytest.skip(f"ECB+ dev set not found at {ECB_DIR}")
    articles = _load_ecb_articles()
    key = hashlib.sha256()
    key.update(repr(nlp.meta.get("name")).encode() + repr(nlp.meta.get("version")).encode())
    key.update(repr(nlp.pipe_names).encode())
    key.update(repr(AnnotateSettings()).encode())
    for a in articles:
        key.update(a.text.encode("utf-8"))
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    if cache is None:
        return [Document(a, n) for a, n in zip(articles, annotate(articles, AnnotateSettings(), nlp))]
    cache_dir = Path(cache.mkdir("storyline-ecb"))
    cache_file = cache_dir / f"{key.hexdigest()[:24]}.pickle"
    # Under pytest-xdist every worker asks for this fixture at about the same time: the first
    # takes the lock and annotates, the others wait and read its file (annotated once per run).
    with (cache_dir / "annotate.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cache_file.exists():
            with cache_file.open("rb") as fh:
                anns = pickle.load(fh)
        else:
            anns = list(annotate(articles, AnnotateSettings(), nlp))
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(anns, fh)
            tmp.replace(cache_file)
    return [Document(a, n) for a, n in zip(articles, anns)]
