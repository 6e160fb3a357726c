"""Annotated articles as columns: the one layout of a stored annotation (Parquet, Arrow).

A row per article: the article's fields (:data:`ARTICLE_FIELDS`, ``warnings`` and ``metadata``
as JSON), the annotation's language, pipeline and warnings, and the annotation itself as list
columns (:data:`LISTS`: one list per token, sentence and mention field). The Spark engine reads
documents from such a table (:class:`storyline.engine.inputs.AnnotatedFrame`) and the scale
benchmarks store their composed corpora in it (``benchmarks/composed_store.py``). Columns, not
pickled :class:`~storyline.models.Document` objects: 5,000 generated articles are 14 MB of
Parquet (113 MB as Arrow), pickled documents 72 MB; Spark keeps and moves the columns in the
JVM, and only a step that reads documents builds them, in its Python worker (8.6 CPU s per
5,000, about what unpickling them costs: 9.8).

A table written before the optional columns (:data:`DEFAULTS`) existed reads with their defaults.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

from storyline.models import (
    Annotation,
    Article,
    ArticleWarning,
    Document,
    Mention,
    Sentence,
    Token,
    Tokens,
)

ARTICLE_FIELDS = ("id", "text", "source", "title", "external_id", "outlet", "url", "published",
                  "language")
"""The article's fields stored as they are (strings or null)."""

TOKEN_LISTS = ("tok_start", "tok_end", "tok_lemma", "tok_pos", "tok_tag", "tok_dep", "tok_head",
               "tok_stop")
SENTENCE_LISTS = ("sent_start", "sent_end", "sent_tok_start", "sent_tok_end")
MENTION_LISTS = ("ment_start", "ment_end", "ment_label", "ment_text")
LISTS = TOKEN_LISTS + SENTENCE_LISTS + MENTION_LISTS
"""The annotation's list columns, in the order of the records' fields."""

DEFAULTS: Mapping[str, Any] = {"warnings": "[]", "metadata": "{}", "ann_language": "en",
                               "ann_warnings": "[]", "pipeline": ""}
"""The optional columns and the value a table without them reads as (the first stored corpora
were generated English articles without warnings or metadata)."""

COLUMNS = ARTICLE_FIELDS + tuple(DEFAULTS) + LISTS

SLICE_ROWS = 256
"""Rows turned into documents at a time (:func:`from_table`): a Python object per token costs
~100x its Arrow bytes, so a large batch is never converted whole."""


def _warnings_json(warnings: Sequence[ArticleWarning]) -> str:
    return json.dumps([[w.code, w.message] for w in warnings], ensure_ascii=False)


def _warnings(value: str) -> tuple[ArticleWarning, ...]:
    return tuple(ArticleWarning(code, message) for code, message in json.loads(value))


def document_row(doc: Document) -> dict[str, Any]:
    """The columns of one document (:data:`COLUMNS`)."""
    art, ann = doc.article, doc.annotation
    row: dict[str, Any] = {f: getattr(art, f) for f in ARTICLE_FIELDS}
    row.update(warnings=_warnings_json(art.warnings),
               metadata=json.dumps(dict(art.metadata), ensure_ascii=False, sort_keys=True),
               ann_language=ann.language, ann_warnings=_warnings_json(ann.warnings),
               pipeline=ann.pipeline)
    for names, cls, records in ((TOKEN_LISTS, Token, ann.tokens),
                                (SENTENCE_LISTS, Sentence, ann.sentences),
                                (MENTION_LISTS, Mention, ann.mentions)):
        get = attrgetter(*(f.name for f in fields(cls)))
        values = list(zip(*map(get, records))) or [()] * len(names)
        row.update({name: list(v) for name, v in zip(names, values)})
    return row


def documents_table(docs: Iterable[Document]) -> Any:
    """A ``pyarrow.Table`` of the documents (one row each, :data:`COLUMNS`)."""
    import pyarrow as pa

    rows = [document_row(d) for d in docs]
    return pa.table({c: [r[c] for r in rows] for c in COLUMNS}, schema=arrow_schema())


def arrow_schema() -> Any:
    """The table's Arrow schema (list columns typed even when every list is empty)."""
    import pyarrow as pa

    lists = {"tok_lemma": pa.string(), "tok_pos": pa.string(), "tok_tag": pa.string(),
             "tok_dep": pa.string(), "tok_stop": pa.bool_(), "ment_label": pa.string(),
             "ment_text": pa.string()}
    fields = [pa.field(f, pa.string()) for f in ARTICLE_FIELDS + tuple(DEFAULTS)]
    fields += [pa.field(c, pa.list_(lists.get(c, pa.int64()))) for c in LISTS]
    return pa.schema(fields)


def article(cols: Mapping[str, Sequence[Any]], i: int) -> Article:
    """Row ``i``'s article (``cols``: column name -> values; optional columns may be absent)."""
    warnings = cols.get("warnings")
    metadata = cols.get("metadata")
    return Article(**{f: cols[f][i] for f in ARTICLE_FIELDS},
                   warnings=_warnings(warnings[i]) if warnings else (),
                   metadata=json.loads(metadata[i]) if metadata else {})


def from_columns(cols: Mapping[str, Sequence[Any]], n: int) -> Iterator[Document]:
    """The ``n`` documents of column lists (strings interned within them, as one loaded
    annotation would share them)."""
    pool: dict[str, str] = {}
    intern = pool.setdefault

    def opt(name: str, i: int) -> Any:
        values = cols.get(name)
        return values[i] if values is not None else DEFAULTS[name]

    for i in range(n):
        art = article(cols, i)
        # straight into columns (models.Tokens: a third of the memory of a Token each)
        toks = Tokens.from_columns(*(cols[c][i] for c in TOKEN_LISTS))
        sents = tuple(Sentence(*x) for x in zip(*(cols[c][i] for c in SENTENCE_LISTS)))
        ments = tuple(Mention(s, e, intern(lab, lab), m)
                      for s, e, lab, m in zip(*(cols[c][i] for c in MENTION_LISTS)))
        pipeline = opt("pipeline", i)
        yield Document(art, Annotation(art.id, opt("ann_language", i), sents, toks, ments,
                                       pipeline=intern(pipeline, pipeline),
                                       warnings=_warnings(opt("ann_warnings", i))))


def from_table(table: Any) -> Iterator[Document]:
    """The documents of a ``pyarrow.Table`` or ``RecordBatch`` of :data:`COLUMNS`, converted
    :data:`SLICE_ROWS` rows at a time."""
    for start in range(0, table.num_rows, SLICE_ROWS):
        part = table.slice(start, SLICE_ROWS)
        cols = {name: part.column(name).to_pylist() for name in part.schema.names
                if name in COLUMNS}
        yield from from_columns(cols, part.num_rows)


def read_documents(path: str) -> list[Document]:
    """The documents of one Parquet file of this layout."""
    import pyarrow.parquet as pq

    return list(from_table(pq.read_table(path)))
