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
* Corpus-level state lives in ``state`` as JSON: one row per value, or, for a large state that a
  run uses a little of (the incremental event index), one row per part (``read_parts``); so do
  per-story results (checks, timeline), named by stage, settings hash and the story's content key.

JSON, not pickle, is the storage format: a store file is data a user may share, and loading it
must not run code.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from storyline.errors import StoreError
from storyline.models import (
    Annotation,
    Article,
    ArticleWarning,
    Document,
    Mention,
    Rejection,
    Sentence,
    Token,
    Tokens,
)
from storyline.serialize import to_dict

SCHEMA_VERSION = 1

BUSY_TIMEOUT_S = 60.0
"""How long a write waits for another process's write transaction on the same store (two
ingests at once take turns article by article) before failing with E203."""
_SQLITE_MAGIC = b"SQLite format 3\x00"

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
            if self.path != ":memory:":
                _refuse_non_store(self.path)
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store")
                uri = f"file:{quote(str(Path(self.path).resolve()))}?{_read_only_mode(self.path)}"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                           timeout=BUSY_TIMEOUT_S)
            else:
                if self.path != ":memory:" and not os.path.lexists(self.path):
                    _create_store(self.path)
                self._db = sqlite3.connect(self.path, check_same_thread=False,
                                           timeout=BUSY_TIMEOUT_S)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "_db"):
                self._db.close()
            raise store_error(self.path, exc, "cannot open as a storyline store") from None

    @classmethod
    def for_reading(cls, path: str | os.PathLike) -> Store:
        """Open a store to report on it: read-write (so per-article results are cached for the
        next run) when the file and its folder are writable, else read-only, so a store on a
        read-only disk or in someone else's folder can still be read."""
        p = Path(path)
        writable = os.access(p, os.W_OK) and os.access(p.resolve().parent, os.W_OK)
        return cls(path, readonly=not writable)

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        self.close()
        if isinstance(exc, sqlite3.DatabaseError):
            # The one place where SQLite's errors during any use of the store become E2xx errors
            # naming the file (a damaged page is found only when a query reaches it).
            raise store_error(self.path, exc) from exc
        if isinstance(exc, json.JSONDecodeError) and exc.doc is not None and _from_store(tb):
            raise StoreError(f"{self.path}: the store file is damaged (a stored record is not "
                             f"valid JSON: {exc.msg})", code="E202") from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this storyline "
                f"supports ({SCHEMA_VERSION}); upgrade storyline",
                code="E201",
            )
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: not a storyline store (or an old one): open it "
                                 "once for writing to upgrade")
            return
        if version == SCHEMA_VERSION:
            return
        # Two processes may create one new store at once: the write lock is taken first and the
        # version read again under it, so exactly one of them runs each migration.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                tables = self._db.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type='table'"
                ).fetchone()[0]
                if tables:
                    raise StoreError(f"{self.path}: an SQLite file, but not a storyline store")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(_MIGRATIONS[target]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version={target}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

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
                    a.language, a.text, json.dumps(to_dict(a.warnings), ensure_ascii=False),
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
                    json.dumps(to_dict(n.warnings), ensure_ascii=False),
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
                published=r[6], language=r[7], text=r[8],
                warnings=tuple(ArticleWarning.read(w) for w in json.loads(r[9])),
                metadata=json.loads(r[10]),
            )
            annotation = Annotation(
                article_id=r[0],
                pipeline=r[11],
                language=r[12],
                sentences=tuple(Sentence(*s) for s in json.loads(r[13])),
                tokens=_decode_tokens(r[14]),
                mentions=tuple(Mention(*m) for m in json.loads(r[15])),
                warnings=tuple(ArticleWarning.read(w) for w in json.loads(r[16])),
            )
            yield Document(article, annotation)

    def search(self, query: str, limit: int = 50) -> list[str]:
        """Article ids matching ``query`` in title, outlet or text (SQLite FTS5), best first.

        The query is taken as plain words (each quoted), so user input cannot inject FTS syntax.
        """
        # Controls (a NUL from "%00" ends an FTS5 string early) and quotes are word breaks.
        cleaned = "".join(" " if ch == '"' or not ch.isprintable() else ch for ch in query)
        words = [w for w in cleaned.split() if w]
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

    # ------------------------------------------------------------------ state kept in parts

    # A large state (the event index) is kept as one ``state`` row per part, named
    # ``<prefix><part>``, so that a run reads and rewrites only the parts it uses. Payloads are
    # JSON text, encoded and decoded by the caller (who compares texts to find what changed).

    def read_parts(self, prefix: str, parts: Sequence[str]) -> dict[str, str]:
        """``{part: JSON text}`` of those of ``parts`` stored under ``prefix``."""
        found: dict[str, str] = {}
        cut = len(prefix)
        for i in range(0, len(parts), 500):
            chunk = [prefix + p for p in parts[i : i + 500]]
            rows = self._db.execute(
                f"SELECT name, payload FROM state WHERE name IN ({','.join('?' * len(chunk))})",
                chunk)
            found.update((name[cut:], payload) for name, payload in rows)
        return found

    def part_names(self, prefix: str, parts: Sequence[str]) -> set[str]:
        """Those of ``parts`` stored under ``prefix`` (their payloads are not read)."""
        found: set[str] = set()
        cut = len(prefix)
        for i in range(0, len(parts), 500):
            chunk = [prefix + p for p in parts[i : i + 500]]
            rows = self._db.execute(
                f"SELECT name FROM state WHERE name IN ({','.join('?' * len(chunk))})", chunk)
            found.update(name[cut:] for (name,) in rows)
        return found

    def part_list(self, prefix: str) -> list[str]:
        """The names of every part stored under ``prefix`` (payloads are not read), in order."""
        cut = len(prefix)
        rows = self._db.execute("SELECT name FROM state WHERE name >= ? AND name < ? "
                                "ORDER BY name", (prefix, prefix + "\U0010ffff"))
        return [name[cut:] for (name,) in rows]

    def keep_parts(self, prefix: str, keep: Collection[str]) -> int:
        """Delete every part under ``prefix`` whose name is not in ``keep`` (results a run no
        longer uses: a cache keyed by content would otherwise grow with every run); returns
        how many."""
        gone = [n for n in self.part_list(prefix) if n not in keep]
        if gone:
            self.write_parts(prefix, dict.fromkeys(gone))
        return len(gone)

    def iter_parts(self, prefix: str) -> Iterator[tuple[str, str]]:
        """Every ``(part, JSON text)`` stored under ``prefix``, in part order."""
        cut = len(prefix)
        rows = self._db.execute("SELECT name, payload FROM state WHERE name >= ? AND name < ? "
                                "ORDER BY name", (prefix, prefix + "\U0010ffff"))
        for name, payload in rows:
            yield name[cut:], payload

    def write_parts(self, prefix: str, parts: dict[str, str | None], *, replace: bool = False,
                    guard: tuple[str, Callable[[str | None], bool]] | None = None) -> bool:
        """Write ``parts`` under ``prefix`` in one transaction (``None``: delete the part);
        ``replace``: delete every other part under ``prefix`` first. ``guard``: ``(part,
        check)``: the write happens only if ``check`` accepts that part's current JSON (read
        under the write lock: another process's write in between is seen). Returns whether it
        wrote."""
        if self.readonly:
            return False
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            if guard is not None:
                row = self._db.execute("SELECT payload FROM state WHERE name=?",
                                       (prefix + guard[0],)).fetchone()
                if not guard[1](row[0] if row else None):
                    return False
            if replace:
                self._db.execute("DELETE FROM state WHERE name >= ? AND name < ?",
                                 (prefix, prefix + "\U0010ffff"))
            self._db.executemany("DELETE FROM state WHERE name=?",
                                 [(prefix + p,) for p, v in parts.items() if v is None])
            self._db.executemany("INSERT OR REPLACE INTO state (name, payload) VALUES (?,?)",
                                 [(prefix + p, v) for p, v in parts.items() if v is not None])
        return True

    def delete_state(self, name: str) -> None:
        if not self.readonly:
            with self._db:
                self._db.execute("DELETE FROM state WHERE name=?", (name,))


def _create_store(path: str) -> None:
    """Create a new, empty store at ``path`` atomically: it is built under a temporary name in the
    same folder and linked into place, so a file at ``path`` is always a whole store (two
    processes creating one store at once: one link wins, the other opens the winner's store),
    and an empty file at ``path`` can only be someone else's (refused)."""
    import tempfile

    folder = Path(path).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{Path(path).name}.", suffix=".new", dir=folder)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            for target in range(1, SCHEMA_VERSION + 1):
                db.executescript(
                    "BEGIN;" + _MIGRATIONS[target] + f"PRAGMA user_version={target}; COMMIT;"
                )
        finally:
            db.close()  # the last connection: the WAL is checkpointed into the file
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process created it first
    finally:
        for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
            Path(leftover).unlink(missing_ok=True)


def _read_only_mode(path: str) -> str:
    """The URI mode of a read-only open. A WAL store needs its ``-shm`` and ``-wal`` files to be
    read; in a folder we cannot write to, with no ``-wal`` left by a writer, there is nothing
    but the main file to read and no one can be writing it through this folder: the store is
    opened as immutable (SQLite then creates no files). Otherwise ``mode=ro``, which sees the
    writes of an ingest running at the same time."""
    folder = Path(path).resolve().parent
    if not os.access(folder, os.W_OK) and not Path(f"{path}-wal").exists():
        return "mode=ro&immutable=1"
    return "mode=ro"


def _refuse_non_store(path: str) -> None:
    """An existing file that SQLite would silently turn into a new store (an empty file) or that
    is no SQLite file at all is refused (E200), never overwritten."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder, not a store file") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot open: {exc.strerror or exc}") from None
    if not head:
        raise StoreError(f"{path}: an empty file, not a storyline store (not overwritten); "
                         "give a new file name to create a store")
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: cannot open as a storyline store: not an SQLite file "
                         "(not overwritten)")


def store_error(path: str, exc: sqlite3.DatabaseError, doing: str = "store error") -> StoreError:
    """The E2xx error for an SQLite error on the store at ``path``."""
    msg = str(exc)
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return StoreError(f"{path}: {msg}: another storyline process held the store for "
                          f"{BUSY_TIMEOUT_S:.0f} s", code="E203")
    if "malformed" in low or "corrupt" in low or "disk i/o" in low:
        return StoreError(f"{path}: the store file is damaged ({msg})", code="E202")
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{path}: cannot write to the store ({msg}); reports and serve open a "
                          "read-only store read-only")
    return StoreError(f"{path}: {doing}: {msg}")


def _from_store(tb: object) -> bool:
    """The traceback ``tb`` ends in this module (the JSON that failed was read from the store)."""
    import traceback

    frames = [f for f in traceback.extract_tb(tb)  # type: ignore[arg-type]
              if os.sep + "json" + os.sep not in f.filename]
    return bool(frames) and frames[-1].filename == __file__


def _statements(script: str) -> list[str]:
    """The statements of a migration script (no statement holds a ';' inside a literal)."""
    return [part.strip() for part in script.split(";") if part.strip()]


# Tokens are stored column-wise: one JSON object of parallel lists is ~4x smaller and faster to
# (de)serialise than a list of per-token objects.
_TOKEN_FIELDS = ("start", "end", "lemma", "pos", "tag", "dep", "head", "is_stop")


def _encode_tokens(tokens: Sequence[Token]) -> str:
    toks = tokens if isinstance(tokens, Tokens) else Tokens(tokens)
    cols = dict(zip(_TOKEN_FIELDS, (list(toks.starts), list(toks.ends), toks.lemmas, toks.pos,
                                    toks.tags, toks.deps, list(toks.heads), list(toks.stops))))
    return json.dumps(cols, ensure_ascii=False, separators=(",", ":"))


def _decode_tokens(payload: str) -> Tokens:
    cols = json.loads(payload)
    if not cols.get("start"):
        return Tokens()
    # straight into columns (models.Tokens), no Token object per token; the labels interned
    # there (the JSON decoder makes a new string for every occurrence)
    return Tokens.from_columns(*(cols[f] for f in _TOKEN_FIELDS))
