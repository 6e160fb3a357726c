"""Settings of the claims stage."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import check_range


@dataclass(frozen=True)
class ClaimsSettings:
    """Thresholds and switches of the claims stage (filled in by the stage's issue)."""

    # ---- quotes (storyline.claims.quotes / attribution)
    quote_max_chars: int = 2_000
    """Longest quotation kept. An opening mark with no closing mark within this many characters
    is treated as stray, so an unbalanced mark cannot swallow the rest of the article; higher
    keeps very long quotations, lower drops them."""
    quote_max_line_breaks: int = 6
    """Line breaks a double-quoted passage may cross before its closing mark (texts with one
    sentence per line quote across lines); higher admits longer multi-line quotes, lower guards
    better against unbalanced marks."""
    quote_single_max_chars: int = 600
    """Longest passage in single quotes. Single marks double as apostrophes, so pairs are kept
    within one paragraph and this length; higher finds long British-style quotes, lower avoids
    pairing a stray apostrophe with a distant mark."""
    quote_fragment_max_words: int = 8
    """A capitalised quotation with no verb and at most this many words is a fragment
    ('Heroic'), not a full direct quote; quotations starting in lower case are always fragments."""
    quote_antecedent_sentences: int = 6
    """How many sentences back "he said" / "the Russian leader said" looks for the person named
    before; more resolves distant pronouns, fewer avoids attaching them to a stale name."""
    quote_via_sentences: int = 3
    """A quotation with no outlet in its own sentence takes the outlet ("according to KCNA") of
    a sentence with the same speaker at most this many sentences away (0: its own sentence only)."""
    quote_continuation_sentences: int = 1
    """A quotation with no speaker frame follows the speaker of a quotation at most this many
    sentences before it (news style: consecutive quoted paragraphs); 0 turns this off."""
    quote_indirect: bool = True
    """Also extract indirect speech ("X said that ...", "according to X, ...") as quotes."""
    quote_outlets: tuple[str, ...] = ()
    """Extra outlet or agency names (besides the built-in ones) that are a ``via`` when named in
    "according to X" / "told X", not a speaker."""

    def __post_init__(self) -> None:
        check_range("claims", "quote_max_chars", self.quote_max_chars, 10, 100_000)
        check_range("claims", "quote_max_line_breaks", self.quote_max_line_breaks, 0, 100)
        check_range("claims", "quote_single_max_chars", self.quote_single_max_chars, 10, 100_000)
        check_range("claims", "quote_fragment_max_words", self.quote_fragment_max_words, 0, 100)
        check_range("claims", "quote_antecedent_sentences", self.quote_antecedent_sentences, 0, 100)
        check_range("claims", "quote_via_sentences", self.quote_via_sentences, 0, 100)
        check_range("claims", "quote_continuation_sentences", self.quote_continuation_sentences,
                    0, 100)
