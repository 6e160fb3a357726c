"""Claims: quotes, figures, dates, statements, and entities with their aliases.

Two entry points, called by the pipeline:

- :func:`extract_claims` (per article): quotes (:mod:`.quotes`), figures (:mod:`.figures`),
  dates (:mod:`.dates`) and then statements (:mod:`.statements`) from the sentences none of the
  others took, sorted by span.
- :func:`resolve_entities` (per corpus): the entities of all articles with their aliases
  (:mod:`.entities`, :mod:`.aliases`, :mod:`.agencies`), and the claims with their speaker, via
  and subject linked to them.
"""

from __future__ import annotations

import dataclasses

from storyline.claims.dates import extract_dates
from storyline.claims.entities import resolve_entities
from storyline.claims.figures import extract_figures
from storyline.claims.quotes import extract_quotes
from storyline.claims.settings import ClaimsSettings
from storyline.claims.statements import extract_statements
from storyline.models import Claim, Document

__all__ = ["ClaimsSettings", "extract_claims", "extract_statements", "resolve_entities"]


def extract_claims(doc: Document, settings: ClaimsSettings) -> tuple[Claim, ...]:
    """Every claim of one article (quotes, figures, dates, statements), sorted by span. An
    article longer than ``annotate.max_chars`` (warning W104) gives the claims of its annotated
    part only: beyond it there are no tokens to attribute or parse a claim with."""
    doc = annotated_part(doc)
    taken = (*extract_quotes(doc, settings), *extract_figures(doc, settings),
             *extract_dates(doc, settings))
    claims = (*taken, *extract_statements(doc, settings, taken))
    return tuple(sorted(claims, key=lambda c: (c.span, c.kind, c.id)))


def annotated_part(doc: Document) -> Document:
    """``doc`` cut to the end of its last annotated sentence when annotation stopped short of
    the text (W104); every offset stays valid."""
    if not doc.annotation.sentences or not any(
            w.code == "W104" for w in doc.annotation.warnings):
        return doc
    end = doc.annotation.sentences[-1].end
    return Document(dataclasses.replace(doc.article, text=doc.text[:end]), doc.annotation)
