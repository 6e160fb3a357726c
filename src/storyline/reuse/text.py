"""Text features of the reuse stage: normalised words, sentences and content keys.

Reuse is found on *normalised* text, so that what copy editors change without rewriting
(curly vs straight quotes, dashes, case, spacing around punctuation) does not hide a copy:
NFKC, quote and dash folding, lower case, words as ``\\w+`` runs (``15,000`` becomes ``15000``).

Sentences come from the annotation when the article was annotated; otherwise (``compare`` on two
raw texts, non-English articles) from pysbd, a rule-based splitter (Sadvilkar & Neumann 2020).
Content keys of a sentence are the lemmas of its non-stop-word tokens (spaCy's annotation), or
without tokens the lower-cased word with a light English suffix strip; numbers are kept whole.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.models import Document, Tokens
from storyline.text.lexicon import TEXT_STOP_WORDS
from storyline.text.marks import fold_marks

_WORD = re.compile(r"\w+(?:[.,']\w+)*")
_NUM_SEP = re.compile(r"(?<=\d)[.,'](?=\d)")


def stop_words() -> frozenset[str]:
    """The word-comparison stop list (:data:`storyline.text.lexicon.TEXT_STOP_WORDS`)."""
    return TEXT_STOP_WORDS


def words(text: str) -> list[str]:
    """Normalised words of ``text`` (see the module docstring)."""
    if not text.isascii():
        text = fold_marks(unicodedata.normalize("NFKC", text))
    return [w if w.isalnum() else _fix(w) for w in _WORD.findall(text.lower())]


def _fix(w: str) -> str:
    return _NUM_SEP.sub("", w) if w[0].isdigit() else w.replace("'", "")


def norm_sentence(text: str) -> str:
    """The normalised form two sentences are compared in: their words, single-spaced."""
    return " ".join(words(text))


def stem(word: str) -> str:
    """A light English suffix strip for texts without lemmas (plural, -ed, -ing)."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ied"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def word_hash(word: str) -> int:
    """A stable 64-bit hash of a word (blake2b), the same on every machine and run."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a raw text: pysbd within each line (a line break always ends a
    sentence in news text), trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        pieces = _segmenter().segment(line) if len(line) > 40 else []
        bounds = [(p.start, p.end) for p in pieces] or [(0, len(line))]
        for s, e in bounds:
            seg = line[s:e]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail > lead:
                spans.append((start + s + lead, start + s + trail))
    return spans


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The annotation's sentences cut at line breaks (a line break ends a sentence in news text,
    whatever the parser thought), or :func:`split_sentences` when there are none."""
    sents = doc.annotation.sentences
    if not sents:
        return split_sentences(doc.article.text)
    text = doc.article.text
    spans = []
    for sent in sents:
        start = sent.start
        for piece in text[sent.start:sent.end].split("\n"):
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail > lead:
                spans.append((start + lead, start + trail))
            start += len(piece) + 1
    return spans


_NOT_CONTENT = frozenset(("PUNCT", "SPACE", "SYM", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART",
                          "PRON"))


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What alignment needs of one sentence."""

    span: tuple[int, int]
    norm: str  # normalised words, single-spaced
    n_words: int
    keys: frozenset[str]  # content lemmas / stems and numbers


def content_keys_from_words(ws: Sequence[str]) -> frozenset[str]:
    stops = stop_words()
    return frozenset(stem(w) if not w[0].isdigit() else w for w in ws if w not in stops)


def sentence_features(doc: Document) -> list[SentenceFeatures]:
    """Features of every sentence of ``doc`` (lemmas from the annotation's tokens when present)."""
    text = doc.article.text
    spans = sentence_spans(doc)
    # the columns, not a Token record per token: every article's sentences are read here
    cols = Tokens.of(doc.annotation.tokens)
    starts, ends, lemmas, pos, stop = cols.starts, cols.ends, cols.lemmas, cols.pos, cols.stops
    n = len(cols)
    stops = stop_words()
    out = []
    ti = 0
    for s, e in spans:
        ws = words(text[s:e])
        if n:
            keys = set()
            while ti < n and starts[ti] < s:
                ti += 1
            j = ti
            while j < n and starts[j] < e:
                k = j
                j += 1
                if stop[k] or pos[k] in _NOT_CONTENT:
                    continue
                ts, te = starts[k], ends[k]
                if pos[k] == "NUM" or text[ts:ts + 1].isdigit():
                    keys.update(words(text[ts:te]))
                    continue
                lem = " ".join(words(lemmas[k] or text[ts:te]))
                if lem and lem not in stops:
                    keys.add(lem)
            kset = frozenset(keys)
        else:
            kset = content_keys_from_words(ws)
        out.append(SentenceFeatures((s, e), " ".join(ws), len(ws), kset))
    return out
