"""Optional sentence embeddings for heavier paraphrase (the ``semantic`` extra).

The model is :mod:`storyline.embeddings` (shared with the stories stage), used only when
``reuse.semantic`` is "auto" or "on". The lexical alignment works without it; the embeddings only
add sentence pairs it did not align.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from storyline.embeddings import available, encode
from storyline.errors import ModelError

Scorer = Callable[[Sequence[str], Sequence[str]], list[float]]


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
            for t, v in zip(missing, encode(missing, batch_size=64)):  # loads on first use
                cache[t] = v
        return [float((cache[x] * cache[y]).sum()) for x, y in zip(a, b)]

    return score
