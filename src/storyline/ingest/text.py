"""Plain-text articles (``.txt``, ``.md``) and the headline rule.

A first line that looks like a headline becomes the title and is taken out of ``text``: short (at
most ``ingest.max_title_chars`` characters and 30 words), not ending like a sentence or a clause
(``.``, ``,``, ``;``, ``:``; a question or exclamation mark is fine: "Did Kim Just Strengthen Ties?"),
and followed by more text. In Markdown a leading ``#`` heading marker is dropped.
"""

from __future__ import annotations

from storyline.ingest.layout import join_broken_lines, unwrap
from storyline.ingest.normalize import normalize_text
from storyline.ingest.settings import IngestSettings
from storyline.models import ArticleWarning

_SENTENCE_ENDS = (".", ",", ";", ":", "\u2026")


def plain_text(text: str, settings: IngestSettings, *, markdown: bool = False
               ) -> tuple[str | None, str, tuple[ArticleWarning, ...]]:
    """``(title or None, body, warnings)`` of a decoded ``.txt``/``.md`` file: line ends and form
    feeds made ``\\n``, hard-wrapped paragraphs joined (:mod:`storyline.ingest.layout`, warning
    ``W108``), normalised, and the headline split off. The body is the article's stored text."""
    unwrapped, layout_warnings = unwrap_lines(text)
    normalised, warnings = normalize_text(unwrapped)
    title, body = split_headline(normalised, settings, markdown=markdown)
    return title, body, layout_warnings + warnings


def unwrap_lines(text: str) -> tuple[str, tuple[ArticleWarning, ...]]:
    """``text`` with ``\\n`` line ends (form feeds as paragraph breaks) and hard-wrapped
    paragraphs joined, and the warning (``W108``) when lines were joined. Used for ``.txt``/``.md``
    files and for the ``text`` field of JSON records (wire feeds are often wrapped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    unwrapped, width = unwrap(text)
    unwrapped, broken = join_broken_lines(unwrapped)
    done = []
    if width is not None:
        done.append(f"hard-wrapped lines (about {width} characters wide) were joined into "
                    "paragraphs")
    if broken:
        done.append(f"{broken} line break(s) inside a sentence were joined")
    return unwrapped, (ArticleWarning("W108", "; ".join(done)),) if done else ()


def split_headline(text: str, settings: IngestSettings, *, markdown: bool = False
                   ) -> tuple[str | None, str]:
    """``(title or None, body)``; ``text`` is already normalised."""
    first, sep, rest = text.partition("\n")
    title = first.strip()
    if markdown:
        title = title.lstrip("#").strip()
    if not sep or not rest.strip() or not looks_like_headline(title, settings):
        return None, text
    return title, rest.strip()


def looks_like_headline(line: str, settings: IngestSettings) -> bool:
    if not line or len(line) > settings.max_title_chars or len(line.split()) > 30:
        return False
    return not line.rstrip("\"'\u201d\u2019)").endswith(_SENTENCE_ENDS)
