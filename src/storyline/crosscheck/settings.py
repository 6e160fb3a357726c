"""Settings of the crosscheck stage.

Every threshold trades recall (more claims aligned, more verdicts) against precision (fewer false
conflicts and misquotes). A false conflict costs a fact-checker more than a missed one, so the
defaults lean towards precision.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import check_range

_S = "checks"


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds and switches of the crosscheck stage."""

    # ---- quotes
    quote_min_similarity: float = 80.0
    """rapidfuzz score (0-100, best of ``ratio`` and ``partial_ratio`` on normalised wording) from
    which two quotes by compatible speakers are taken to be the same quote. Lower aligns more
    paraphrased renderings (more misquotes found, more false ones)."""
    quote_min_words: int = 3
    """Quotes shorter than this (in words) align only when their wording is identical after
    normalisation: a one-word scare quote ('invaders') is too short to tell a misquote."""
    quote_min_shared_content_words: int = 2
    """Content words (not stop words) two quotes must share to be aligned by fuzzy wording."""
    spelling_variant_similarity: float = 85.0
    """Character similarity (0-100) from which a replaced word counts as a spelling or
    transliteration variant ("defence"/"defense"), not a different word. Lower hides more real
    changes; higher calls spelling variants misquotes."""
    quote_max_changed_words: int = 3
    """Longest stretch of changed words (on either side) two renderings of one quote may differ
    by; a longer one means two different quotes that share a phrase. Higher finds misquotes that
    rewrite a whole phrase, and calls more pairs of different quotes misquotes."""
    attribution_min_similarity: float = 95.0
    """Wording similarity from which the same quote given to two different named speakers is a
    conflict of attribution (named actor differs). Kept high: people repeat each other."""
    attribution_min_words: int = 5
    """Minimum length in words of a quote for the attribution conflict above."""

    # ---- figures
    exact_tolerance: float = 0.02
    """Relative tolerance of a figure given without approximator (rounding in reporting)."""
    about_tolerance: float = 0.15
    """Relative tolerance either side of an "about"/"approximately"/"around" figure."""
    nearly_tolerance: float = 0.15
    """How far below a "nearly"/"almost" figure the true value may lie (it lies below it)."""
    figure_window_days: int = 7
    """Two figures for one slot from articles published more than this many days apart are not
    compared (a running total changes over time); 0 disables the rule. Unknown dates compare."""

    context_min_overlap: float = 0.6
    """Figures or dated claims of two articles that lack a subject (or an action) still align when
    everything else matches and their sentences share this Jaccard overlap of content words
    (numbers left out): two outlets running the same wire sentence. 1.0 switches this off."""

    figure_event_slots: bool = True
    """Subjectless figures with the same counted noun and action ("Twelve people were injured" /
    "Eighteen people were injured") align across two articles of one event (one incident, from
    the stories stage) when both have publication dates within ``figure_window_days``. Off:
    only when their sentences are the same sentence (``context_min_overlap``), which misses
    independent reports of one incident."""

    # ---- dates
    date_max_gap_days: int = 45
    """Two dated claims with the same actor and action but dates further apart than this are two
    different events (a yearly message, a second visit), not one event with conflicting dates."""
    event_min_context_overlap: float = 0.5
    """When two dated claims share actor and verb but not the object ("send message" vs "send
    greeting"), the share of one object's words found in the other claim's sentence, or the
    overlap coefficient of both sentences' content words, needed to align them."""

    # ---- ordinals of time
    time_nouns: tuple[str, ...] = ("year", "month", "week", "day", "anniversary")
    """Counted nouns of an ordinal of time ("the third year of the war")."""
    conflict_nouns: tuple[str, ...] = (
        "war", "conflict", "operation", "invasion", "offensive", "fighting", "hostility",
        "campaign", "crisis", "siege", "occupation", "intervention",
    )
    """Head nouns that name an armed conflict. Ordinals of time about subjects that all name a
    conflict in one story are taken to be about the same conflict ("the war in Ukraine", "the
    SVO" through its alias "special military operation", "the war")."""

    # ---- statements
    statement_min_overlap: float = 0.6
    """Jaccard overlap of content words from which two statements say the same thing."""
    statement_min_words: int = 4
    """Statements with fewer content words are not aligned (too little to tell)."""

    # ---- blocking
    block_max_candidates: int = 200
    """Most candidates one blocking key gives a claim. Alignment compares only claims that share
    a key (a word, a speaker, a verb and date window, ...); a key shared by more claims than
    this (a 10,000-article story where every report has "police said on Tuesday") is too common
    to tell which of them can align, and through it a claim meets only this many claims nearest
    to it in publication order (half before, half after). Bounds what one key adds to a claim's
    candidates; pairs far apart in time that share only such a key are not compared. A story's
    cost is still above linear where many claims repeat one another (wire copies: every pair of
    a group of copies is aligned; ``benchmarks/README.md``). 0: no limit (every pair sharing a
    key is compared)."""
    block_max_pairs_per_claim: int = 0
    """Most candidates a claim is compared with (those after it in alignment order): a story of
    ``n`` claims then makes at most ``n`` times this many comparisons. Past it, a claim keeps
    the candidates sharing the most blocking keys with it, then the nearest in publication time
    (meta-blocking's cardinality node pruning, Papadakis et al. 2014). Pairs left out may still
    be joined through others, but groups of near-copies can split. Off by default: on a
    generated 3,000-article story, 60 saved 13 % of the cross-check's time and changed 1 % of
    its checks, and the cost still grew faster than the claims (``benchmarks/README.md``).
    0: no limit."""

    processes: int = 0
    """Processes that check stories at once; 0: one per core this process may use. Stories are
    checked independently and the results are the same with any number; workers are forked
    (where the platform can: :mod:`storyline.engine.forked`) only when there are several stories
    to check and at least ``crosscheck.corpus.PARALLEL_MIN_CLAIMS`` claims, so small reports
    stay in one process. 1: one process (least memory: a forked worker's pages are shared with
    this process until either writes them)."""

    # ---- output
    report_singletons: bool = True
    """Give a ``single_source`` check to a claim no other claim aligns with (every claim gets a
    verdict). Off keeps the report to claims repeated at least twice."""
    max_claims_per_article: int = 300
    """Work budget of the cross-check: at most this many claims of one kind from one article are
    aligned (the first ones, in text order); the rest stay in the report's claims without a
    verdict and the article gets a W110 warning. Alignment compares claims pairwise, so one
    article repeating a sentence thousands of times would otherwise take hours. A budget in
    claims, not seconds, keeps reports identical on fast and slow machines."""
    report_uncheckable: bool = False
    """With ``report_singletons``, also give a ``single_source`` check to a claim nothing could
    confirm or contradict: a bare number with no counted noun or unit ("two of them"), a date
    expression left unresolved ("Tuesday" in an undated report). Off keeps such noise out of the
    checks; the claims stay in the report's claims."""
    summary_chars: int = 160
    """Longest excerpt of a claim's text or sentence quoted in a summary."""

    def __post_init__(self) -> None:
        check_range(_S, "max_claims_per_article", self.max_claims_per_article, 1, 10**6)
        for name in ("quote_min_similarity", "spelling_variant_similarity",
                     "attribution_min_similarity"):
            check_range(_S, name, getattr(self, name), 0.0, 100.0)
        check_range(_S, "quote_min_words", self.quote_min_words, 1, 100)
        check_range(_S, "quote_min_shared_content_words", self.quote_min_shared_content_words,
                    0, 100)
        check_range(_S, "quote_max_changed_words", self.quote_max_changed_words, 1, 100)
        check_range(_S, "attribution_min_words", self.attribution_min_words, 1, 100)
        for name in ("exact_tolerance", "about_tolerance", "nearly_tolerance"):
            check_range(_S, name, getattr(self, name), 0.0, 1.0)
        check_range(_S, "figure_window_days", self.figure_window_days, 0, 36500)
        check_range(_S, "context_min_overlap", self.context_min_overlap, 0.0, 1.0)
        check_range(_S, "date_max_gap_days", self.date_max_gap_days, 0, 36500)
        check_range(_S, "event_min_context_overlap", self.event_min_context_overlap, 0.0, 1.0)
        check_range(_S, "statement_min_overlap", self.statement_min_overlap, 0.0, 1.0)
        check_range(_S, "statement_min_words", self.statement_min_words, 1, 100)
        check_range(_S, "block_max_candidates", self.block_max_candidates, 0, 10**9)
        check_range(_S, "block_max_pairs_per_claim", self.block_max_pairs_per_claim, 0, 10**9)
        check_range(_S, "processes", self.processes, 0, 1_024)
        check_range(_S, "summary_chars", self.summary_chars, 20, 10000)
