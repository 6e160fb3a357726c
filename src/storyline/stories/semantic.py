"""Optional sentence embeddings of an article's headline and lead (the ``semantic`` extra).

The shared model (:mod:`storyline.embeddings`, all-MiniLM-L6-v2) embeds the headline and the
first sentences; the mean
cosine of an article's embedding to an event's members enters the event similarity with weight
``semantic_weight`` (Saravanakumar et al. 2021 add contextual embeddings to entity-aware
clustering in the same way). Loaded lazily and only when ``semantic_weight`` > 0, with the hub
offline so nothing is downloaded; when the extra is not installed the weight is ignored and the
lexical similarity is used alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.embeddings import available, encode
from storyline.models import Document

__all__ = ["Embedding", "available", "embed", "lead_text"]

Embedding = tuple[float, ...]


def lead_text(doc: Document, n_sentences: int, max_chars: int = 1000) -> str:
    """The headline (when known) and the first ``n_sentences`` sentences."""
    parts = [doc.article.title] if doc.article.title else []
    parts += doc.sentence_texts()[: max(1, n_sentences)] or [doc.text[:max_chars]]
    return " ".join(" ".join(parts).split())[:max_chars]


def embed(texts: Sequence[str]) -> list[Embedding]:
    """Unit-length embeddings, rounded to 5 decimals so that stored states are stable."""
    if not texts:
        return []
    vecs = encode(texts)
    return [tuple(round(float(x), 5) for x in v) for v in vecs]
