"""Text normalisation and article identity.

``normalize_text`` repairs broken Unicode with ftfy (Speer 2019, "ftfy", Zenodo; mojibake such as
"Ã©" for "é") and tidies whitespace, but keeps quote characters exactly as written (ftfy's
``uncurl_quotes`` is off): spans in the report must point at the article's real characters, and the
difference between "…" and “…” is evidence a reader may need. The identity of an article is the
hash of its normalised text, so the same article with other line endings or trailing spaces is the
same article.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

from storyline.models import ArticleWarning, content_id

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # keep quotes as written
    fix_line_breaks=True,
    fix_latin_ligatures=False,  # "ﬁ" stays: spans must not shift
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_LEADING_SPACE = re.compile(r"^[ \t]+", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_INNER_SPACES = re.compile(r"[ \t]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> tuple[str, tuple[ArticleWarning, ...]]:
    """``(normalised text, warnings)``: repaired Unicode (W103 when something was repaired),
    NFC, ``\\n`` line ends, form feeds as paragraph breaks, no soft hyphens, no control
    characters, no leading (indentation) or trailing spaces, at most one blank line between
    paragraphs, no leading or trailing blank space."""
    warnings: list[ArticleWarning] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # a form feed separates pages: a paragraph break, not nothing; a soft hyphen is invisible and
    # would split the word it sits in
    text = text.replace("\f", "\n\n").replace("\u00ad", "")
    fixed = ftfy.fix_text(text, config=_FTFY_CONFIG)
    if fixed != unicodedata.normalize("NFC", text):
        warnings.append(ArticleWarning("W103", "broken Unicode (mojibake or encoding damage) was repaired"))
    text, removed = _CONTROL.subn("", fixed)
    if removed and not warnings:
        warnings.append(ArticleWarning("W103", f"{removed} control character(s) removed (encoding "
                                       "damage, e.g. from a PDF-to-text conversion)"))
    text = text.replace("\t", " ")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _LEADING_SPACE.sub("", text)  # indentation is layout, not text
    text = _INNER_SPACES.sub(" ", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip(), tuple(warnings)


def article_id(normalised_text: str) -> str:
    """The identity of an article: a 16-hex-digit hash of its normalised text."""
    return content_id(normalised_text)
