"""The annotation's column layout (:mod:`storyline.engine.columns`): documents written as a
Parquet table read back equal, field for field, on real spaCy annotations."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.engine import columns
from storyline.models import ArticleWarning

pq = pytest.importorskip("pyarrow.parquet")


def test_documents_read_back_equal(seed_docs, tmp_path):
    doc = seed_docs[0]
    # warnings, metadata and an annotation without tokens travel too
    odd = dataclasses.replace(
        doc, article=dataclasses.replace(
            doc.article, warnings=(ArticleWarning("W101", "a “quoted” <b>message</b>"),),
            metadata={"section": "world", "n": 3}),
        annotation=dataclasses.replace(doc.annotation, language="de", tokens=(), sentences=(),
                                       mentions=()))
    docs = [*seed_docs, odd]
    assert any(d.annotation.mentions for d in docs) and all(d.annotation.tokens for d in seed_docs)
    path = tmp_path / "docs.parquet"
    pq.write_table(columns.documents_table(docs), path)
    assert columns.read_documents(str(path)) == docs


def test_a_table_without_the_optional_columns_reads_with_their_defaults(seed_docs, tmp_path):
    table = columns.documents_table(seed_docs[:2]).drop_columns(list(columns.DEFAULTS))
    path = tmp_path / "old.parquet"
    pq.write_table(table, path)
    back = columns.read_documents(str(path))
    assert [d.annotation.tokens for d in back] == [d.annotation.tokens for d in seed_docs[:2]]
    assert {d.annotation.language for d in back} == {"en"}
    assert all(d.article.warnings == () and d.article.metadata == {} for d in back)
