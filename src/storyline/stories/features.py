"""What an article says about *which* incident it covers: weighted keys, dates and a title.

Following Miranda et al. (2018, "Multilingual Clustering of Streaming News", EMNLP), an article
is represented by separate sparse sub-vectors, here two: named entities (``e:`` keys) and content
lemmas plus figures (``t:`` and ``n:`` keys). Each key's raw weight is its salience in the article:
a mention in the headline or the first ``lead_sentences`` sentences counts ``lead_boost`` times, a
later one once, and repeated mentions grow sublinearly (1 + log tf). IDF is applied later by the
index (it changes as the corpus grows). A person's surname is a key of its own beside the full
name, so "Mark Teixeira" and a later "Teixeira" meet.

The time signal comes from the publication date when known and otherwise from the full dates in
the article's lead (a dateline; dates further down are often history) and the years of its
DATE mentions, normalised here with a few regular expressions (full dates like "December 15th,
2008", "15 December 2008", "2008-12-15", and bare years). A hand-written normaliser is used rather
than dateparser because only absolute dates matter here (relative ones need the publication date,
which then already gives the time) and it must be fast and deterministic on a stream.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from storyline.models import Document
from storyline.stories.settings import StoriesSettings
from storyline.text.keys import name_key
from storyline.text.lexicon import MONTHS

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})

_MONTH_RE = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MDY = re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+((?:19|20)\d\d)\b",
                  re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)s?\b")
_URLISH = re.compile(r"https?:|www\.|\.html?\b|\.com\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """The raw (not yet IDF-weighted) salience of every key, and the article's time and title."""

    doc_id: str
    entities: dict[str, float]
    terms: dict[str, float]
    day: int | None  # proleptic ordinal of the publication date, else of the dates in the text
    years: frozenset[int]  # years the article is about (publication year and years it mentions)
    title: str
    places: frozenset[str] = frozenset()  # its most salient place keys (GPE, LOC, FAC)
    day_published: bool = False  # ``day`` is the publication date, not a date read from the text


def _date(y: int, m: int, d: int) -> int | None:
    try:
        return _dt.date(y, m, d).toordinal()
    except ValueError:
        return None


def normalise_dates(text: str) -> tuple[list[int], list[int]]:
    """Full dates (as ordinals) and years found in one DATE mention's text.

    >>> days, years = normalise_dates("December 15th, 2008")
    >>> _dt.date.fromordinal(days[0]).isoformat(), years
    ('2008-12-15', [2008])
    """
    days: list[int | None] = []
    for m in _MDY.finditer(text):
        days.append(_date(int(m.group(3)), MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))))
    for m in _DMY.finditer(text):
        days.append(_date(int(m.group(3)), MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1))))
    for m in _ISO.finditer(text):
        days.append(_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    return [d for d in days if d is not None], years


def trim_title(text: str, max_chars: int) -> str:
    """One line, at most ``max_chars`` characters, cut at a word boundary with an ellipsis."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def _title(doc: Document, settings: StoriesSettings) -> str:
    if doc.article.title and doc.article.title.strip():
        return trim_title(doc.article.title, settings.title_max_chars)
    for sent in doc.sentence_texts() or [doc.text]:
        line = sent.strip().split("\n")
        for part in line:
            part = part.strip()
            if len(part) >= 15 and not _URLISH.search(part):
                return trim_title(part, settings.title_max_chars)
    return trim_title(doc.text[:200], settings.title_max_chars) or doc.id


def _sublinear(raw: Mapping[str, float]) -> dict[str, float]:
    return {k: 1.0 + math.log(v) if v >= 1.0 else v for k, v in raw.items() if v > 0}


def extract(doc: Document, settings: StoriesSettings) -> DocFeatures:
    """The weighted keys, time and title of one article (pure function of the document)."""
    ann = doc.annotation
    text = doc.text
    lead_end = 0
    if ann.sentences:
        n = min(settings.lead_sentences, len(ann.sentences))
        lead_end = ann.sentences[n - 1].end if n else 0
    boost = settings.lead_boost

    # Weighted counts (float weights, so defaultdicts rather than Counters).
    ents: defaultdict[str, float] = defaultdict(float)
    places: defaultdict[str, float] = defaultdict(float)
    terms: defaultdict[str, float] = defaultdict(float)
    day_votes: defaultdict[int, float] = defaultdict(float)
    years: defaultdict[int, float] = defaultdict(float)
    # Headline words (the title is not part of the annotated text): simple tokens, lead weight.
    if doc.article.title:
        for w in re.findall(r"[A-Za-z][A-Za-z'-]+|\d[\d.,]*", doc.article.title.lower()):
            if len(w) > 2:
                terms["t:" + w] += boost / 2
    for m in ann.mentions:
        w = boost if m.start < lead_end else 1.0
        if m.label in ENTITY_LABELS:
            key = name_key(m.text)
            if len(key) < 2 or _URLISH.search(m.text):
                continue
            ents["e:" + key] += w
            if m.label in PLACE_LABELS:
                places["e:" + key] += w
            if m.label == "PERSON" and " " in key:
                ents["e:" + key.rsplit(" ", 1)[1]] += w
        elif m.label in NUMBER_LABELS:
            digits = re.sub(r"[^\d.]", "", m.text).strip(".")
            if digits and digits not in ("1", "2", "one"):
                terms["n:" + digits] += w
        elif m.label == "DATE":
            # NER often leaves the year out of the span ("December 15th" + ", 2008"): look a
            # few characters past it.
            days, ys = normalise_dates(text[m.start : m.end + 7])
            if m.start < lead_end:  # a dateline or the lead's date, not a date from history
                for d in days:
                    day_votes[d] += w
            for y in ys:
                years[y] += w
    for tok in ann.tokens:
        if tok.is_stop or tok.pos not in CONTENT_POS:
            continue
        lemma = tok.lemma.lower()
        if len(lemma) < 2 or not any(c.isalpha() for c in lemma):
            continue
        if _URLISH.search(lemma):
            continue
        terms["t:" + lemma] += boost if tok.start < lead_end else 1.0

    published = doc.article.published_date
    if published is not None:
        day: int | None = published.toordinal()
        year_set = {published.year}
        year_set.update(y for y in years if abs(y - published.year) <= 1)
    else:
        day = max(day_votes.items(), key=lambda kv: (kv[1], -kv[0]))[0] if day_votes else None
        year_set = set(years)
        if day is not None:
            year_set.add(_dt.date.fromordinal(day).year)
    # Years mentioned only in passing (a historical reference) say little about the incident:
    # keep the years given at least half as much weight as the most mentioned one.
    if published is None and years:
        top = max(years.values())
        year_set = {y for y in year_set if years.get(y, top) >= top / 2}
    return DocFeatures(
        doc_id=doc.id,
        entities=_sublinear(ents),
        terms=_sublinear(terms),
        day=day,
        years=frozenset(year_set),
        title=_title(doc, settings),
        places=frozenset(k for k, _ in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[:3]),
        day_published=published is not None,
    )
