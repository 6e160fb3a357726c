"""The claims matrix of a story: claims (rows) by source family (columns).

A row is one check (one group of aligned claims); a column is one derivation family (the rows of
the provenance graph: a text and its rewrites; an article in no family is its own). A cell holds
what that family says in that row, marked ``agree`` or ``disagree`` as the cross-check decided
(``Check.dissenting_claim_ids``): in a conflict or misquote, a cell agrees only when its value
is the one strictly more families give than any other under the cross-check's own comparison
("about 15,200" agrees with 15,000 within the figure tolerance), so in a one-against-one conflict
both cells disagree; in a corroborated or single-source row every filled cell agrees. An empty
cell means the family does not say it, which is not the same as agreeing: a fact-checker reads
down a column to see what one source stands behind, and along a row to see who else says it.

Rows shown: conflicts and misquotes, then the claims given by two or more sources; a claim of
one family alone is in the checks list, not the matrix (it would be a row with one cell). Sizes
are bounded by ``report.max_matrix_rows`` and ``report.max_matrix_columns`` (the smallest families
are gathered in one "other families" column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.report.view import Index, StoryView

OTHER = "other"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    claims: tuple[Mapping[str, Any], ...]
    text: str
    mark: str  # "agree" | "disagree"


@dataclass(frozen=True)
class Row:
    check: Mapping[str, Any]
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    hidden_rows: int = 0


def _cell_text(claim: Mapping[str, Any], limit: int = 60) -> str:
    if claim.get("kind") == "date" and claim.get("date"):
        return str(claim["date"])
    text = " ".join(str(claim.get("text") or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _columns(ix: Index, sv: StoryView, max_columns: int) -> tuple[list[Column], dict[Any, str]]:
    """The story's families, most articles first, and article id -> column key."""
    members: dict[str, list[str]] = {}
    for aid in sv.article_ids:
        fam = ix.family_of.get(aid)
        members.setdefault(fam["id"] if fam else f"solo:{aid}", []).append(aid)
    order = sorted(members, key=lambda k: (-len(members[k]), _label(ix, members[k]), k))
    if max_columns and len(order) > max_columns:
        keep, rest = order[: max_columns - 1], order[max_columns - 1:]
    else:
        keep, rest = order, []
    cols = [Column(k, _label(ix, members[k]), tuple(members[k])) for k in keep]
    col_of: dict[Any, str] = {aid: k for k in keep for aid in members[k]}
    if rest:
        others = tuple(a for k in rest for a in members[k])
        cols.append(Column(OTHER, f"{len(rest)} other families", others))
        col_of.update({aid: OTHER for aid in others})
    return cols, col_of


def _label(ix: Index, article_ids: Sequence[str]) -> str:
    fam = ix.family_of.get(article_ids[0])
    origin = fam.get("origin_id") if fam else None
    lead = str(origin) if origin in article_ids else sorted(article_ids)[0]
    n = len(article_ids)
    return ix.label(lead) + (f" ({n} articles)" if n > 1 else "")


def claims_matrix(ix: Index, sv: StoryView, *, max_rows: int = 60,
                  max_columns: int = 12) -> Matrix | None:
    """The matrix of one story, or None when no claim is given by two families (nothing to
    compare) and there is no conflict or misquote."""
    if not sv.checks:
        return None
    cols, col_of = _columns(ix, sv, max_columns)
    index = {c.key: i for i, c in enumerate(cols)}
    rows: list[Row] = []
    for ch in sv.checks:  # already in reading order
        claims = [ix.claims[cid] for cid in ch.get("claim_ids") or () if cid in ix.claims]
        by_col: dict[str, list[Mapping[str, Any]]] = {}
        for c in claims:
            key = col_of.get(c.get("article_id"))
            if key is not None:
                by_col.setdefault(key, []).append(c)
        problem = ch.get("status") in ("conflicting", "misquoted")
        if not by_col or (len(by_col) < 2 and not problem):  # one family alone: no row
            continue
        # the cross-check decided which claims differ from the reference value (its tolerance
        # model, date precision, speakers, material wording); the matrix only shows it
        dissent = set(ch.get("dissenting_claim_ids") or ())
        cells: list[Cell | None] = [None] * len(cols)
        for key, cs in by_col.items():
            texts = list(dict.fromkeys(_cell_text(c) for c in cs))
            mark = "disagree" if any(c.get("id") in dissent for c in cs) else "agree"
            cells[index[key]] = Cell(tuple(cs), " / ".join(texts), mark)
        rows.append(Row(ch, tuple(cells)))
    if not rows:
        return None
    hidden = max(0, len(rows) - max_rows) if max_rows else 0
    return Matrix(tuple(cols), tuple(rows[:max_rows] if max_rows else rows), hidden)
