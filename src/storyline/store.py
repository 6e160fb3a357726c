"""The store: one SQLite file holding articles and everything derived from them.

Design:

* WAL journal, foreign keys on, ``PRAGMA user_version`` as the schema version, migrations applied in
  order on open (a store written by a newer storyline is refused with E201, not corrupted).
* Each article is written together with its annotation and full-text index row in ONE transaction,
  so an interrupted run leaves the store as it was or with whole articles added.
* Articles are keyed by the content hash of their normalised text: adding the same text twice adds
  nothing.
* Per-article results of later stages (e.g. claims) are cached in ``results`` keyed by stage and a
  hash of the settings that produced them, so adding articles recomputes only what they touch.
* Corpus-level state (e.g. the incremental event index) lives in ``state`` as JSON.

JSON, not pickle, is the storage format: a store file is data a user may share, and loading it
must not run code.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.models import Annotation, Article, Document, Mention, Rejection, Sentence, Token
from storyline.serialize import to_dict

SCHEMA_VERSION = 1

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        external_id TEXT,
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]',
        metadata TEXT NOT NULL DEFAULT '{}',
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        pipeline TEXT NOT NULL,
        language TEXT,
        sentences TEXT NOT NULL,
        tokens TEXT NOT NULL,
        mentions TEXT NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE results (
        stage TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (stage, article_id, key)
    );
    CREATE TABLE state (name TEXT PRIMARY KEY, payload TEXT NOT NULL);
    CREATE TABLE rejections (
        source TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, outlet, text, content='articles', content_rowid='seq'
    );
    """,
}


class Store:
    """A storyline corpus in one SQLite file.

    >>> with Store(":memory:") as store:
    ...     store.count()
    0
    """

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a storyline store: {exc}") from None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this storyline "
                f"supports ({SCHEMA_VERSION}); upgrade storyline",
                code="E201",
            )
        if version == 0 and not self.readonly:
            tables = self._db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table'"
            ).fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: an SQLite file, but not a storyline store")
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: not a storyline store (or an old one): open it "
                                 "once for writing to upgrade")
            return
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # One transaction per migration: a failed migration leaves the previous version.
            self._db.executescript(
                "BEGIN;" + _MIGRATIONS[target] + f"PRAGMA user_version={target}; COMMIT;"
            )

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ articles

    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
        return row is not None

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def add_document(self, doc: Document) -> bool:
        """Add an article with its annotation in one transaction. False if it was already there."""
        a, n = doc.article, doc.annotation
        with self._db:
            cur = self._db.execute(
                "INSERT OR IGNORE INTO articles (id, source, external_id, title, outlet, url, "
                "published, language, text, warnings, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    a.id, a.source, a.external_id, a.title, a.outlet, a.url, a.published,
                    a.language, a.text, json.dumps(list(a.warnings), ensure_ascii=False),
                    json.dumps(to_dict(a.metadata), ensure_ascii=False, sort_keys=True),
                ),
            )
            if cur.rowcount == 0:
                return False
            seq = cur.lastrowid
            self._db.execute(
                "INSERT INTO annotations VALUES (?,?,?,?,?,?,?)",
                (
                    a.id, n.pipeline, n.language,
                    json.dumps([[s.start, s.end, s.token_start, s.token_end] for s in n.sentences]),
                    _encode_tokens(n.tokens),
                    json.dumps([[m.start, m.end, m.label, m.text] for m in n.mentions],
                               ensure_ascii=False),
                    json.dumps(list(n.warnings), ensure_ascii=False),
                ),
            )
            self._db.execute(
                "INSERT INTO articles_fts (rowid, title, outlet, text) VALUES (?,?,?,?)",
                (seq, a.title or "", a.outlet or "", a.text),
            )
        return True

    def article_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY seq")]

    def iter_documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Documents in the order they were added (or in the order of ``ids``)."""
        query = (
            "SELECT a.id, a.source, a.external_id, a.title, a.outlet, a.url, a.published, "
            "a.language, a.text, a.warnings, a.metadata, n.pipeline, n.language, n.sentences, "
            "n.tokens, n.mentions, n.warnings FROM articles a JOIN annotations n "
            "ON n.article_id = a.id"
        )
        if ids is None:
            rows: Iterable = self._db.execute(query + " ORDER BY a.seq")
        else:
            rows = (
                r
                for i in ids
                for r in self._db.execute(query + " WHERE a.id = ?", (i,)).fetchall()
            )
        for r in rows:
            article = Article(
                id=r[0], source=r[1], external_id=r[2], title=r[3], outlet=r[4], url=r[5],
                published=r[6], language=r[7], text=r[8], warnings=tuple(json.loads(r[9])),
                metadata=json.loads(r[10]),
            )
            annotation = Annotation(
                article_id=r[0],
                pipeline=r[11],
                language=r[12],
                sentences=tuple(Sentence(*s) for s in json.loads(r[13])),
                tokens=_decode_tokens(r[14]),
                mentions=tuple(Mention(*m) for m in json.loads(r[15])),
                warnings=tuple(json.loads(r[16])),
            )
            yield Document(article, annotation)

    def search(self, query: str, limit: int = 50) -> list[str]:
        """Article ids matching ``query`` in title, outlet or text (SQLite FTS5), best first.

        The query is taken as plain words (each quoted), so user input cannot inject FTS syntax.
        """
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:
            return []
        fts_query = " ".join(f'"{w}"' for w in words)
        rows = self._db.execute(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (fts_query, limit),
        )
        return [r[0] for r in rows]

    # ------------------------------------------------------------------ rejections

    def add_rejections(self, rejections: Iterable[Rejection]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO rejections (source, code, reason) VALUES (?,?,?)",
                [(r.source, r.code, r.reason) for r in rejections],
            )

    def rejections(self) -> list[Rejection]:
        rows = self._db.execute("SELECT source, code, reason FROM rejections ORDER BY source")
        return [Rejection(*r) for r in rows]

    # ------------------------------------------------------------------ derived results

    def get_results(self, stage: str, key: str, article_ids: Sequence[str]) -> dict[str, Any]:
        """Cached per-article payloads of ``stage`` made under settings hash ``key``."""
        found: dict[str, Any] = {}
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id, payload FROM results WHERE stage=? AND key=? "
                f"AND article_id IN ({marks})",
                (stage, key, *chunk),
            )
            found.update((aid, json.loads(p)) for aid, p in rows)
        return found

    def put_results(self, stage: str, key: str, payloads: dict[str, Any]) -> None:
        if self.readonly:
            return
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO results (stage, article_id, key, payload) VALUES (?,?,?,?)",
                [
                    (stage, aid, key, json.dumps(p, ensure_ascii=False, sort_keys=True))
                    for aid, p in payloads.items()
                ],
            )

    def get_state(self, name: str) -> Any | None:
        row = self._db.execute("SELECT payload FROM state WHERE name=?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_state(self, name: str, payload: Any) -> None:
        if self.readonly:
            return
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO state (name, payload) VALUES (?,?)",
                (name, json.dumps(payload, ensure_ascii=False, sort_keys=True)),
            )


# Tokens are stored column-wise: one JSON object of parallel lists is ~4x smaller and faster to
# (de)serialise than a list of per-token objects.
_TOKEN_FIELDS = ("start", "end", "lemma", "pos", "tag", "dep", "head", "is_stop")


def _encode_tokens(tokens: Sequence[Token]) -> str:
    cols = {f: [getattr(t, f) for t in tokens] for f in _TOKEN_FIELDS}
    cols["is_stop"] = [int(x) for x in cols["is_stop"]]
    return json.dumps(cols, ensure_ascii=False, separators=(",", ":"))


def _decode_tokens(payload: str) -> tuple[Token, ...]:
    cols = json.loads(payload)
    if not cols.get("start"):
        return ()
    return tuple(
        Token(s, e, lem, pos, tag, dep, head, bool(stop))
        for s, e, lem, pos, tag, dep, head, stop in zip(*(cols[f] for f in _TOKEN_FIELDS))
    )
