"""Language identification with py3langid.

py3langid (a NumPy port of langid.py, Lui & Baldwin 2012, "langid.py: An Off-the-shelf Language
Identification Tool") is small, offline and deterministic, and runs in well under a millisecond per
article, which keeps the annotate path close to spaCy's own speed.
"""

from __future__ import annotations

from storyline.models import ArticleWarning

_SAMPLE_CHARS = 3000


def detect_language(text: str, min_chars: int = 40) -> tuple[str | None, ArticleWarning | None]:
    """``(language code, warning)``. Below ``min_chars`` letters no guess is made (W102)."""
    sample = text[:_SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < min_chars:
        return None, ArticleWarning("W102", f"language not determined: only {letters} letters of text")
    import py3langid

    lang, _score = py3langid.classify(sample)
    return lang, None
