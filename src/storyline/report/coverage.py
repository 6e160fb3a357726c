"""Who broke a story and who followed: the source list and the coverage chart of a story.

Both read what the stages decided (families and their origins, publication dates, claims) from
the report dict and lay it out; nothing is recomputed.

* :func:`source_rows`: one row per article of the story, in order of publication: outlet, its
  derivation family, first published, whether it is the family's origin, a rewrite of it, or an
  independent text, and how many of the story's claims it carries.
* :func:`coverage_svg`: articles per day (per hour when the whole story is within two days, per
  week when it spans more than :data:`MAX_BARS` days), stacked by family, drawn as inline SVG.
  Hand-written for the reasons of :mod:`storyline.report.svg`: one self-contained page, no script,
  no network.

Families are numbered and coloured in the order the provenance graph draws them (largest first),
so "family 1" is the same colour in the graph, the list and the chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import Markup, escape

from storyline.report.svg import PALETTE
from storyline.report.view import Index, StoryView

Role = Literal["origin", "rewrite", "related", "independent"]
Bucket = Literal["hour", "day", "week"]

#: Most bars drawn; a story spanning more days than this is drawn per week.
MAX_BARS = 60
MAX_SPAN_BARS = 2_000
"""A story whose dated articles would need more weekly bars than this (about 40 years) gets no
coverage chart: such a span comes from a placeholder date, and drawing it would take millions of
bars."""
MAX_INSTANT = dt.datetime(9999, 12, 24)
CHART_H, PAD_L, PAD_B, PAD_T = 120, 28, 34, 12
MIN_PLOT_W, MAX_SLOT_W, LABEL_W = 320, 64, 52


@dataclass(frozen=True)
class FamilyKey:
    number: int  # 1 = the largest family of the story
    id: str | None  # None: an article in no family
    size: int
    colour: str
    name: str  # the outlet (or label) of its origin, else of its first article


@dataclass(frozen=True)
class SourceRow:
    article_id: str
    label: str
    family: FamilyKey
    published: str | None
    role: Role
    origin_id: str | None
    claims: int


def story_families(ix: Index, sv: StoryView) -> dict[str, FamilyKey]:
    """Article id -> its family key, families ordered as in the provenance graph."""
    members = list(dict.fromkeys(sv.article_ids))
    member_set = set(members)
    groups: list[tuple[str | None, list[str], str | None]] = []
    for f in sorted(sv.families, key=lambda f: (-len(f.get("article_ids") or ()),
                                                 str(f.get("id")))):
        aids = [a for a in f.get("article_ids") or () if a in member_set]
        if aids:
            groups.append((f.get("id"), aids, f.get("origin_id")))
    seen = {a for _, aids, _ in groups for a in aids}
    groups.extend((None, [a], None) for a in members if a not in seen)
    out: dict[str, FamilyKey] = {}
    for i, (fid, aids, origin) in enumerate(groups):
        lead = origin if origin in aids else min(aids, key=lambda a: (_pub(ix, a) or "\uffff", a))
        key = FamilyKey(i + 1, fid, len(aids), PALETTE[i % len(PALETTE)], ix.label(lead))
        for a in aids:
            out[a] = key
    return out


def _pub(ix: Index, aid: str) -> str | None:
    p = (ix.articles.get(aid) or {}).get("published")
    return p if isinstance(p, str) and p else None


def source_rows(ix: Index, sv: StoryView) -> list[SourceRow]:
    fams = story_families(ix, sv)
    rows = []
    for aid in dict.fromkeys(sv.article_ids):
        fk = fams[aid]
        fam = ix.family_of.get(aid)
        origin = fam.get("origin_id") if fam else None
        role: Role
        if fk.size <= 1:
            role = "independent"
        elif origin == aid:
            role = "origin"
        elif origin:
            role = "rewrite"
        else:
            role = "related"
        rows.append(SourceRow(aid, ix.label(aid), fk, _pub(ix, aid), role, origin,
                              len(ix.claims_by_article.get(aid, ()))))
    rows.sort(key=lambda r: (r.published is None, _instant(r.published) or dt.datetime.max,
                             r.label, r.article_id))
    return rows


def _instant(published: str | None) -> dt.datetime | None:
    """A publication time comparable across time zones (UTC, naive), or None."""
    if not published:
        return None
    try:
        t = dt.datetime.fromisoformat(published)  # Python 3.11 reads a final "Z"
    except ValueError:
        try:
            t = dt.datetime.fromisoformat(published[:10])
        except ValueError:
            return None
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC).replace(tzinfo=None)
    return t


def _has_time(published: str) -> bool:
    p = published.strip()
    return len(p) > 10 and ("T" in p or " " in p)


def _bucket_of(t: dt.datetime, size: Bucket) -> dt.datetime:
    if size == "hour":
        return t.replace(minute=0, second=0, microsecond=0)
    day = dt.datetime(t.year, t.month, t.day)
    if size == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


def _step(size: Bucket) -> dt.timedelta:
    return {"hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1),
            "week": dt.timedelta(days=7)}[size]


def _fmt(t: dt.datetime, size: Bucket) -> str:
    if size == "hour":
        return t.strftime("%Y-%m-%d %H:00")
    if size == "week":
        return "week of " + t.strftime("%Y-%m-%d")
    return t.strftime("%Y-%m-%d")


def _tick(t: dt.datetime, size: Bucket) -> str:
    if size == "hour":
        return f"{t.day} {t:%b} {t:%H}h"
    return f"{t:%b} {t.day}"


def published_label(published: str | None) -> str:
    """A publication time as a reader writes it: ``2025-03-04 09:17 UTC``."""
    if not published:
        return "unknown"
    try:
        t = dt.datetime.fromisoformat(published)
    except ValueError:
        return published
    if len(published) <= 10:
        return t.strftime("%Y-%m-%d")
    off = t.utcoffset()
    zone = "" if off is None else " UTC" if not off else " " + t.strftime("%z")
    return t.strftime("%Y-%m-%d %H:%M") + zone


def coverage(ix: Index, sv: StoryView) -> dict[str, Any] | None:
    """Bars of the coverage chart: ``{"size", "bars": [(start, {family number: [ids]})],
    "undated": [ids]}``, or None when no article of the story has a date."""
    fams = story_families(ix, sv)
    dated: list[tuple[dt.datetime, str]] = []
    undated = []
    for aid in dict.fromkeys(sv.article_ids):
        t = _instant(_pub(ix, aid))
        (dated.append((t, aid)) if t is not None else undated.append(aid))
    if not dated:
        return None
    first, last = min(t for t, _ in dated), max(t for t, _ in dated)
    timed = all(_has_time(_pub(ix, a) or "") for _, a in dated)
    size: Bucket = "day"
    if timed and last - first <= dt.timedelta(days=2):
        size = "hour"
    elif (last - first).days >= MAX_BARS:
        size = "week"
    start, end = _bucket_of(first, size), _bucket_of(last, size)
    if (end - start) // _step(size) > MAX_SPAN_BARS or end > MAX_INSTANT - _step(size):
        return None  # dates centuries apart (a feed's "9999-12-31"): no chart, not a crash
    bars: list[tuple[dt.datetime, dict[int, list[str]]]] = []
    index: dict[dt.datetime, int] = {}
    t = start
    while t <= end:
        index[t] = len(bars)
        bars.append((t, {}))
        t += _step(size)
    for when, aid in dated:
        stack = bars[index[_bucket_of(when, size)]][1]
        stack.setdefault(fams[aid].number, []).append(aid)
    return {"size": size, "bars": bars, "undated": undated, "families": fams}


def coverage_svg(ix: Index, sv: StoryView, base: str = "") -> Markup:
    """The coverage chart of a story (see module); escaped, links to nothing."""
    data = coverage(ix, sv)
    if data is None:
        return Markup('<p class="empty">No article of this story has a publication date.</p>')
    size: Bucket = data["size"]
    bars = data["bars"]
    fams: Mapping[str, FamilyKey] = data["families"]
    by_number = {fk.number: fk for fk in fams.values()}
    top = max(sum(len(v) for v in stack.values()) for _, stack in bars) or 1
    slot = min(MAX_SLOT_W, max(MIN_PLOT_W / len(bars), 8.0))
    bar_w = slot * 0.72
    width = round(PAD_L + len(bars) * slot + 8)
    height = PAD_T + CHART_H + PAD_B
    unit = CHART_H / top
    uid = escape(sv.anchor + "-coverage")
    dated_n = sum(len(v) for _, stack in bars for v in stack.values())
    summary = (f"{dated_n} dated article(s) per {size}, from {_fmt(bars[0][0], size)} to "
               f"{_fmt(bars[-1][0], size)}, stacked by source family")
    parts = [(f'<svg class="coverage" viewBox="0 0 {width} {height}" width="{width}" '
              f'height="{height}" role="img" aria-labelledby="{uid}-t">'
              f'<title id="{uid}-t">{escape(summary)}</title>'),
             (f'<line x1="{PAD_L}" y1="{PAD_T + CHART_H}" x2="{width - 4}" '
              f'y2="{PAD_T + CHART_H}" stroke="#d8dde3"/>'),
             f'<text class="d" x="{PAD_L - 4}" y="{PAD_T + 8}" text-anchor="end">{top}</text>',
             f'<text class="d" x="{PAD_L - 4}" y="{PAD_T + CHART_H}" text-anchor="end">0</text>']
    every = max(1, -(-LABEL_W // int(slot)))
    for i, (when, stack) in enumerate(bars):
        x = PAD_L + i * slot + (slot - bar_w) / 2
        y = float(PAD_T + CHART_H)
        for number in sorted(stack):
            n = len(stack[number])
            fk = by_number[number]
            h = n * unit
            y -= h
            tip = (f"{_fmt(when, size)}: {n} article(s) of family {number} "
                   f"({fk.name}): " + ", ".join(ix.label(a) for a in stack[number]))
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{fk.colour}" data-family="{number}" data-count="{n}">'
                         f"<title>{escape(tip)}</title></rect>")
        if i % every == 0:
            parts.append(f'<text class="d" x="{x + bar_w / 2:.1f}" y="{PAD_T + CHART_H + 14}" '
                         f'text-anchor="middle">{escape(_tick(when, size))}</text>')
    parts.append("</svg>")
    legend = ['<p class="legend small">']
    for fk in sorted(by_number.values(), key=lambda f: f.number):
        legend.append(f'<span><i style="background:{fk.colour}"></i>family {fk.number}: '
                      f"{escape(fk.name)} ({fk.size})</span> ")
    if data["undated"]:
        legend.append(f'<span class="mut">{len(data["undated"])} article(s) without a '
                      "publication date are not drawn</span>")
    legend.append("</p>")
    return Markup(f'<div class="chartwrap">{"".join(parts)}</div>{"".join(legend)}')


def entity_groups(entities: Sequence[Mapping[str, Any]]
                  ) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """The story's entities as people, organisations and places (names with their aliases);
    numbers, dates and the parser's other labels are left out."""
    kinds = (("People", ("PERSON",)), ("Organisations", ("ORG", "AGENCY")),
             ("Places", ("GPE", "LOC", "FAC")))
    out = []
    for title, types in kinds:
        items = [e for e in entities if e.get("type") in types]
        if items:
            out.append((title, items))
    return out


__all__ = ["FamilyKey", "SourceRow", "coverage", "coverage_svg", "entity_groups",
           "published_label", "source_rows", "story_families"]
