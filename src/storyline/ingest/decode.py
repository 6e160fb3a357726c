"""Bytes to text: the one decoder of ingest and ``storyline compare``.

Order of evidence, strongest first:

1. a byte-order mark: UTF-8, UTF-16 or UTF-32 (LE or BE);
2. valid UTF-8 (most text today; ASCII is UTF-8) - no warning;
3. for HTML, a declared ``<meta charset>`` (or ``http-equiv`` content type) that decodes the bytes;
4. otherwise a legacy encoding guessed from the bytes, with warning ``W107`` naming it.

The guess (4) combines charset-normalizer (a maintained detector that scores each candidate
encoding by how coherent its decoding is) with one rule of its own, because on short Western text -
an English report whose only non-ASCII bytes are a few Windows "smart quotes" - the detector's
first choice is often an exotic code page (``big5hkscs`` for ``it\\x92s``). When non-ASCII bytes
are a small share of the letters (Western European text: accents and punctuation here and there),
the candidates are windows-1252 (the WHATWG default for legacy Western text, which also covers
Latin-1) and the detector's matches, each scored by the number of decoded non-ASCII characters
that are implausible in Latin-script text (not a Latin letter, not common punctuation or
symbols); the lowest wins, windows-1252 on a tie (mostly-ASCII bytes without NULs always decode).
Text with many non-ASCII bytes (Cyrillic, Greek, CJK in legacy code pages) goes to the detector's
first choice, and is undecidable (``E103``) when the detector finds no coherent decoding.

UTF-16 and UTF-32 without a byte-order mark (what some Windows tools write) are recognised before
(2) by their NUL bytes: when at least ``_NUL_SHARE`` of the sampled bytes are NUL, each of UTF-32 and
UTF-16, little- and big-endian, that decodes the bytes strictly into text without control
characters is a candidate, and the one whose text has the most ASCII spaces and line breaks wins
(the wrong byte order turns U+0020 into U+2000 and ASCII letters into CJK ideographs, which decode
but hold no spaces); warning ``W107`` names it.

Rejections: ``E101`` empty, ``E102`` binary (more than ``_BINARY_CONTROLS`` of the sampled bytes are
NUL or other control bytes, and no UTF-16/32 reading explains them: a few stray control bytes, as a
PDF-to-text conversion leaves, are removed by normalisation with ``W103``), ``E103`` undecidable
(no candidate encoding decodes the bytes) or a BOM whose encoding does not decode them. Mojibake
inside otherwise valid UTF-8 is not handled here but repaired by
:func:`storyline.ingest.normalize.normalize_text` (``W103``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from storyline.errors import InputError
from storyline.models import ArticleWarning

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
_NUL_SHARE = 0.02
"""At least this share of NUL bytes makes a BOM-less UTF-16/32 reading worth trying: ASCII text in
UTF-16 is half NULs, Cyrillic or Greek in UTF-16 still about 7% (its spaces and punctuation);
random binary data has 0.4%."""
_BINARY_CONTROLS = 0.05
"""Above this share of control bytes (NUL included) the input is binary: text has none or a
stray few (under 1% in a PDF-to-text file), compressed or random data about 11%."""
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
_LATIN_SHARE = 0.3
"""Above this share of non-ASCII bytes among letter bytes the text is not Western European: a
Latin-script text is mostly ASCII letters even in Czech or Icelandic."""
_PLAUSIBLE = frozenset(
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u00a3\u00a5\u00a7\u00b0"
    "\u00a9\u00ae\u2122\u00ab\u00bb\u00a0\u00b7\u00bd\u00bc\u00be\u00b1\u00d7\u2039\u203a\u00ad"
    "\u00bf\u00a1\u2020\u2021"
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""",
                           re.IGNORECASE)
_DISPLAY = {"cp1250": "windows-1250", "cp1251": "windows-1251", "cp1252": "windows-1252",
            "cp1253": "windows-1253", "cp1254": "windows-1254", "cp1255": "windows-1255",
            "cp1256": "windows-1256", "cp1257": "windows-1257", "cp1258": "windows-1258",
            "latin_1": "iso-8859-1"}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, and the warnings the guess deserves."""

    text: str
    encoding: str
    warnings: tuple[ArticleWarning, ...] = ()


def encoding_name(codec: str) -> str:
    """A reader's name for a Python codec: ``cp1252`` -> ``windows-1252``."""
    name = codecs.lookup(codec).name
    return _DISPLAY.get(name, name)


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> Decoded:
    """Decode ``data`` (the content of ``source``) by the rules of the module docstring."""
    if not data.strip():
        raise InputError(source, "empty input (no text)", "E101")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), encoding_name(enc.replace("-sig", "")))
            except UnicodeDecodeError as exc:
                raise InputError(source, f"not valid {enc}: {exc.reason} at byte {exc.start}",
                                 "E103") from None
    sample = data[:_SAMPLE]
    if sample.count(0) >= _NUL_SHARE * len(sample):
        wide = _wide_unicode(data)
        if wide is not None:
            name = encoding_name(wide)
            return Decoded(data.decode(wide), name, (
                ArticleWarning("W107", f"not UTF-8: decoded as {name} (no byte-order mark), "
                               "guessed from its NUL bytes"),))
    if _control_ratio(sample) > _BINARY_CONTROLS:
        raise InputError(source, "binary content, not text", "E102")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return Decoded(data.decode(declared), encoding_name(declared))
            except UnicodeDecodeError:
                pass
    guessed = guess_encoding(data)
    if guessed is None:
        raise InputError(
            source,
            f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no "
            "other encoding decodes it; re-save the file as UTF-8", "E103")
    name = encoding_name(guessed)
    return Decoded(data.decode(guessed), name, (
        ArticleWarning("W107", f"not UTF-8: decoded as {name}, guessed from its bytes; check "
                       "names and quotes"),))


def guess_encoding(data: bytes) -> str | None:
    """The legacy encoding of bytes that are not UTF-8, or None when none decodes them."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    detected = [m.encoding for m in matches]
    high = sum(1 for b in data if b >= 0x80)
    letters = high + sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    if letters and high / letters > _LATIN_SHARE:
        return detected[0] if detected else None
    best: tuple[int, int, str] | None = None
    for rank, enc in enumerate(dict.fromkeys(["cp1252", *detected, "latin_1"])):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        key = (_implausible(text), rank, enc)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _wide_unicode(data: bytes) -> str | None:
    """The BOM-less UTF-16/32 encoding that reads ``data`` as text, or None (module docstring)."""
    best: tuple[int, str] | None = None
    for enc in _WIDE:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not text or sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f") > \
                0.01 * len(text):
            continue
        spaces = text.count(" ") + text.count("\n")
        if spaces >= 0.05 * len(text) and (best is None or spaces > best[0]):
            best = (spaces, enc)
    return best[1] if best else None


def _implausible(text: str) -> int:
    """Non-ASCII characters that Latin-script text would not contain."""
    bad = 0
    for ch in text:
        if ch.isascii() or ch in _PLAUSIBLE:
            continue
        if unicodedata.category(ch).startswith("L") and \
                unicodedata.name(ch, "").startswith("LATIN"):
            continue
        bad += 1
    return bad


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").lower()
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        label = "cp1252"  # the WHATWG encoding standard reads these labels as windows-1252
    try:
        codecs.lookup(label)
    except LookupError:
        return None
    return label


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if (b < 32 and b not in (9, 10, 12, 13)) or b == 127)
    return controls / len(sample)
