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
    quote_via_article: bool = True
    """A quotation whose speaker has no outlet within ``quote_via_sentences`` takes the outlet
    of that speaker's nearest attributed sentence anywhere in the article (rewrites of one
    agency item name the agency once); off: only the window counts."""
    quote_indirect: bool = True
    """Also extract indirect speech ("X said that ...", "according to X, ...") as quotes."""
    quote_outlets: tuple[str, ...] = ()
    """Extra outlet or agency names (besides the built-in ones) that are a ``via`` when named in
    "according to X" / "told X", not a speaker."""

    # ---- figures and dates (storyline.claims.figures / dates)
    figure_ordinal_nouns: tuple[str, ...] = (
        "year", "day", "week", "month", "decade", "century", "anniversary", "term", "round",
    )
    """Ordinals are figures only when they number one of these nouns ("enters its third year",
    "the fourth day of"); more nouns ("time", "place") keep more ordinals as claims, at the cost
    of noise ("for the first time")."""
    figure_anaphoric_max: int = 9
    """A number word up to this value after "the", "both", "our", "its", ... refers back to
    things already named ("the two nations") and is not a figure; 0 keeps them all."""
    figure_keep_vague: bool = True
    """Keep vague plurals ("thousands of protesters") as figures with ``value=None`` and
    approximator "vague"; off drops them."""
    date_dateline_chars: int = 600
    """How far into the text a dateline ("Seoul, Dec 27 (NationPress) -") may start; higher
    finds datelines after long headline/synopsis blocks, lower avoids reading a sentence that
    starts with a place and a date as one."""
    date_use_dateline: bool = True
    """Use the dateline's date as the base for relative dates when the article has no
    publication date (only what it fully determines is resolved)."""
    date_resolve_relative: bool = True
    """Resolve relative expressions ("last month", "on Saturday") against the base; off keeps
    them with ``date=None``."""

    # ---- entities and statements (storyline.claims.entities / aliases / agencies / statements)
    alias_file: str = ""
    """Path of a user alias file (TOML: canonical name -> ``aliases`` and ``type``) that extends
    the built-in table of news agencies and state media; empty for none. A file that cannot be
    read or is malformed is a settings error naming the file and the reason."""
    entity_cue_words: int = 6
    """How many words before an agency's name are searched for a country word that says whose
    agency it is ("the Pyongyang-based Central News Agency" is North Korea's, not Taiwan's);
    more finds cues further away, at the risk of reading another noun phrase's country."""
    entity_link_surnames: bool = True
    """Link a one-word name ("Putin", "Kim") to the unique multi-word person name that begins or
    ends with it, in its article or else in the corpus; off keeps one-word names apart."""
    entity_translit_acronyms: bool = True
    """Let an acronym with no definition in its article join the unique entity with an acronym
    that is another Latin spelling of the same Cyrillic acronym ("SWO" ~ "SVO"); off requires
    a definition or a table row."""
    statement_min_words: int = 6
    """Shortest sentence (in words) taken as a statement; shorter sentences rarely carry a
    checkable event, lower admits terse bullets and captions."""
    statement_max_words: int = 60
    """Longest sentence taken as a statement; longer ones are usually run-on analysis whose
    subject and action are unreliable."""
    statement_present_tense: bool = False
    """Also take present-tense sentences ("Kim emphasizes the alliance"), as written in
    headlines and bullet summaries; off keeps past and perfect events only (fewer opinions)."""

    def __post_init__(self) -> None:
        check_range("claims", "entity_cue_words", self.entity_cue_words, 0, 50)
        check_range("claims", "statement_min_words", self.statement_min_words, 1, 1_000)
        check_range("claims", "statement_max_words", self.statement_max_words,
                    self.statement_min_words, 10_000)
        check_range("claims", "quote_max_chars", self.quote_max_chars, 10, 100_000)
        check_range("claims", "quote_max_line_breaks", self.quote_max_line_breaks, 0, 100)
        check_range("claims", "quote_single_max_chars", self.quote_single_max_chars, 10, 100_000)
        check_range("claims", "quote_fragment_max_words", self.quote_fragment_max_words, 0, 100)
        check_range("claims", "quote_antecedent_sentences", self.quote_antecedent_sentences, 0, 100)
        check_range("claims", "quote_via_sentences", self.quote_via_sentences, 0, 100)
        check_range("claims", "quote_continuation_sentences", self.quote_continuation_sentences,
                    0, 100)
        check_range("claims", "figure_anaphoric_max", self.figure_anaphoric_max, 0, 100)
        check_range("claims", "date_dateline_chars", self.date_dateline_chars, 0, 100_000)
