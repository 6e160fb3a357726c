"""Inline SVG drawings of the report: the provenance graph of a story and its timeline.

Hand-written rather than drawn with graphviz or a JavaScript library because the report must be
one self-contained file that opens offline from an e-mail with no script and no network; the
layouts are simple and deterministic:

* provenance: one row per family (an independent source), the origin first and marked, the
  rewrites after it in publication order; a reuse link is a line, with an arrow when its
  direction is known (source -> rewrite); every node links to its article.
* timeline: one row per entry in date order, with the gap in days between consecutive dated
  entries written on the axis; conflicting entries are drawn in the conflict colour.

Every text that comes from an article goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from storyline.report.view import Index, anchor, href

NODE_W, NODE_H, GAP_X, ROW_H, PAD = 168, 36, 44, 74, 16
PER_ROW = 5
STAR = "\u2605 "
PALETTE = ("#2b6cb0", "#2f855a", "#b7791f", "#805ad5", "#c05621", "#2c7a7b", "#97266d", "#4a5568")


def _short(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def provenance_svg(ix: Index, uid: str, families: Sequence[Mapping[str, Any]],
                   article_ids: Sequence[str], links: Sequence[Mapping[str, Any]],
                   base: str = "") -> Markup:
    """The families of one story as rows of article boxes, with reuse links between them."""
    members = list(dict.fromkeys(article_ids))
    in_family = {a for f in families for a in f.get("article_ids") or ()}
    groups: list[tuple[str | None, list[str], str | None]] = []
    for f in sorted(families, key=lambda f: (-len(f.get("article_ids") or ()), str(f.get("id")))):
        aids = [a for a in f.get("article_ids") or () if a in set(members)]
        origin = f.get("origin_id")
        aids.sort(key=lambda a: (a != origin, str(ix.articles.get(a, {}).get("published") or ""),
                                 a))
        groups.append((f.get("id"), aids, origin))
    for a in members:
        if a not in in_family:
            groups.append((None, [a], None))
    pos: dict[str, tuple[float, float]] = {}
    parts: list[str] = []
    row = 0
    width = 0
    for gi, (fid, aids, origin) in enumerate(groups):
        colour = PALETTE[gi % len(PALETTE)]
        for k in range(0, len(aids), PER_ROW):
            chunk = aids[k:k + PER_ROW]
            y = PAD + row * ROW_H
            if k == 0:
                label = f"family {gi + 1}" + ("" if fid else " (no reuse found)")
                parts.append(f'<text class="fam" x="{PAD}" y="{y - 4}" fill="{colour}">'
                             f'{escape(label)} \u00b7 {len(aids)} article'
                             f'{"s" if len(aids) != 1 else ""}</text>')
            for j, aid in enumerate(chunk):
                x = PAD + j * (NODE_W + GAP_X)
                pos[aid] = (x, y + 6)
                is_origin = aid == origin
                art = ix.articles.get(aid, {})
                title = art.get("title") or art.get("source") or aid
                parts.append(
                    f'<a href="{escape(href("art", aid, base))}"><title>{escape(_short(title, 200))}'
                    f'{" (origin)" if is_origin else ""}</title>'
                    f'<rect x="{x}" y="{y + 6}" width="{NODE_W}" height="{NODE_H}" rx="6" '
                    f'fill="#fff" stroke="{colour}" stroke-width="{3.5 if is_origin else 1.5}"/>'
                    f'<text x="{x + 8}" y="{y + 22}" class="n">'
                    f'{STAR if is_origin else ""}{escape(_short(ix.label(aid), 22))}</text>'
                    f'<text x="{x + 8}" y="{y + 36}" class="d">'
                    f'{escape(_short(art.get("published") or "date unknown", 26))}</text></a>')
                width = max(width, x + NODE_W + PAD)
            row += 1
    edges: list[str] = []
    for link in links:
        s, t = link.get("source_id"), link.get("target_id")
        if s not in pos or t not in pos:
            continue
        edges.append(_edge(pos[s], pos[t], bool(link.get("directed")), link, uid))
    height = PAD + row * ROW_H
    return Markup(
        f'<svg class="graph" role="img" aria-label="provenance graph" viewBox="0 0 {max(width, 200)}'
        f' {height}" width="{max(width, 200)}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<defs><marker id="arr-{uid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#444"/>'
        f'</marker></defs>{"".join(edges)}{"".join(parts)}</svg>')


def _edge(a: tuple[float, float], b: tuple[float, float], directed: bool,
          link: Mapping[str, Any], uid: str) -> str:
    (ax, ay), (bx, by) = a, b
    if ay == by:  # same row: arc above the boxes
        x1, x2 = (ax + NODE_W, bx) if bx > ax else (ax, bx + NODE_W)
        y = ay
        # Peak 10-22 px above the boxes: longer arcs higher, never into the row above.
        cx, cy = (x1 + x2) / 2, y + 8 - 2 * (10 + min(abs(x2 - x1) / 40, 12))
        d = f"M{x1:.0f},{y + 8}Q{cx:.0f},{cy:.0f} {x2:.0f},{y + 8}"
    else:
        x1, y1 = ax + NODE_W / 2, ay + (NODE_H if by > ay else 0)
        x2, y2 = bx + NODE_W / 2, by + (0 if by > ay else NODE_H)
        d = f"M{x1:.0f},{y1:.0f}L{x2:.0f},{y2:.0f}"
    dash = "" if link.get("kind") == "verbatim" else ' stroke-dasharray="5 3"'
    marker = f' marker-end="url(#arr-{uid})"' if directed else ""
    tip = f"{link.get('kind', 'reuse')}, score {float(link.get('score') or 0):.2f}"
    return (f'<path d="{d}" fill="none" stroke="#444" stroke-width="1.4"{dash}{marker}>'
            f'<title>{escape(tip)}</title></path>')


def parse_date(value: Any) -> dt.date | None:
    """ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (longer strings: their first 10 chars)."""
    if not isinstance(value, str):
        return None
    try:
        if len(value) >= 10:
            return dt.date.fromisoformat(value[:10])
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def timeline_svg(entries: Sequence[Mapping[str, Any]], uid: str, max_points: int) -> Markup:
    """The timeline entries of one story as a vertical axis, earliest first."""
    rows = list(entries)[:max_points]
    if not rows:
        return Markup("")
    step, x_axis = 30, 128
    parts = [(f'<line x1="{x_axis}" y1="10" x2="{x_axis}" y2="{len(rows) * step + 6}" '
              f'stroke="#999" stroke-width="2"/>')]
    prev: dt.date | None = None
    for i, t in enumerate(rows):
        y = 22 + i * step
        d = parse_date(t.get("date"))
        if prev and d and i:
            gap = (d - prev).days
            if gap > 0:
                parts.append(f'<text x="{x_axis + 6}" y="{y - 13}" class="gap">+{gap} d</text>')
        prev = d or prev
        bad = bool(t.get("conflicting"))
        colour = "#c53030" if bad else "#2b6cb0"
        label = str(t.get("date") or "undated")
        summary = ("\u26a0 " if bad else "") + _short(t.get("summary") or "", 90)
        parts.append(
            f'<a href="#{anchor("tl", uid + "-" + str(i))}">'
            f'<text x="{x_axis - 12}" y="{y + 4}" text-anchor="end" class="n">{escape(label)}</text>'
            f'<circle cx="{x_axis}" cy="{y}" r="{6 if bad else 5}" fill="{colour}"/>'
            f'<text x="{x_axis + 14}" y="{y + 4}" class="s" fill="{colour}">{escape(summary)}'
            f'</text></a>')
    height = len(rows) * step + 14
    return Markup(f'<svg class="timeline" role="img" aria-label="timeline" width="900" '
                  f'height="{height}" viewBox="0 0 900 {height}" '
                  f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')
