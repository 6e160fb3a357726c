"""The timeline: the dated events of each story in order.

An entry is one event on one date: the date claims the cross-check aligned into one group (one
check) that give the same date, with the claims and articles behind it. An event whose reports
give different dates has one entry per date, each marked ``conflicting`` with the check's id.

Order: dates with a year first, in calendar order (a coarser date before the finer ones it
contains: "2024" before "2024-06" before "2024-06-15"). A date without a year (``--12-25``) is
placed in a year when the publication dates leave no doubt: the latest such day not after the
publication date of each article that gives it, or, when those articles are undated, of every
dated article of the story, and all of them give the same year. Years named in the story's text
are not used: they are mostly references to the past ("the summit in June 2024"). Such an entry
keeps its ``--MM-DD`` date and says which year it was placed in. The others are listed after the
dated entries, in month-day order, with a note that the year is not given. A dateline's date
("PORT HALDEN, March 4 (Northwire) -") dates the report, not an event, and is left out.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence

from storyline.crosscheck.align import is_dateline
from storyline.crosscheck.compare import parse_date
from storyline.crosscheck.settings import CheckSettings
from storyline.models import Check, Claim, Document, Story, TimelineEntry
from storyline.text.display import trim


def _sentence(c: Claim, docs: Mapping[str, Document]) -> str:
    doc = docs.get(c.article_id)
    if doc is None:
        return c.text
    if c.sentence_span:
        return doc.text[c.sentence_span[0]:c.sentence_span[1]]
    for s in doc.annotation.sentences:
        if s.start <= c.span[0] < s.end:
            return doc.text[s.start:s.end]
    return c.text


def _year_before(pub: _dt.date, month: int, day: int | None) -> int:
    """The year of the latest (month, day) not after ``pub``."""
    return pub.year if (month, day or 1) <= (pub.month, pub.day) else pub.year - 1


def _place_year(members: Sequence[Claim], story_pubs: Sequence[_dt.date],
                docs: Mapping[str, Document]) -> int | None:
    parts = parse_date(members[0].date)
    if parts is None or parts.month is None:
        return None
    pubs = {docs[c.article_id].article.published_date for c in members if c.article_id in docs}
    pubs.discard(None)
    if not pubs:
        pubs = set(story_pubs)
    years = {_year_before(p, parts.month, parts.day) for p in pubs}  # type: ignore[arg-type]
    return years.pop() if len(years) == 1 else None


def _entries_for_story(story_id: str | None, story_articles: set[str] | None,
                       claims: Sequence[Claim], checks: Sequence[Check],
                       docs: Mapping[str, Document], settings: CheckSettings) -> list[TimelineEntry]:
    by_id = {c.id: c for c in claims}
    group_of: dict[str, Check] = {}
    for check in checks:
        if check.kind != "date" or (story_id is not None
                                    and check.story_id not in (story_id, None)):
            continue
        for cid in check.claim_ids:
            if cid in by_id and cid not in group_of:
                group_of[cid] = check
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.article_id, c.span, c.id)):
        if not c.date or parse_date(c.date) is None or is_dateline(c):
            continue  # a dateline dates the report, not an event of the story
        grouped = group_of.get(c.id)
        key = (grouped.id if grouped is not None else "claim:" + c.id, c.date)
        buckets.setdefault(key, []).append(c)
    story_pubs = [p for d in docs.values() if story_articles is None or d.id in story_articles
                  if (p := d.article.published_date) is not None]
    out: list[tuple[tuple, TimelineEntry]] = []
    for (_gid, date), members in buckets.items():
        ch = group_of.get(members[0].id)
        conflicting = ch is not None and ch.status == "conflicting"
        first = members[0]
        summary = trim(_sentence(first, docs), settings.summary_chars)
        parts = parse_date(date)
        assert parts is not None
        placed = _place_year(members, story_pubs, docs) if parts.year is None else None
        if parts.year is None:
            summary += (f" (year not given; placed in {placed} by the publication dates)"
                        if placed is not None else " (year not given)")
        if conflicting and ch is not None:
            others = [v for v in ch.values if v != date]
            if others:
                summary += f" [conflicting: also given as {', '.join(others)}]"
        entry = TimelineEntry(
            date=date,
            precision=first.precision or ("day" if parts.day else "month" if parts.month else "year"),
            summary=summary,
            claim_ids=tuple(sorted(c.id for c in members)),
            article_ids=tuple(sorted({c.article_id for c in members})),
            story_id=story_id,
            conflicting=conflicting,
            check_ids=(ch.id,) if conflicting and ch is not None else (),
        )
        y = parts.year if parts.year is not None else placed
        order = (0 if y is not None else 1, y or 0, parts.month or 0, parts.day or 0, summary)
        out.append((order, entry))
    return [e for _, e in sorted(out, key=lambda t: t[0])]


def timeline(claims: Sequence[Claim], checks: Sequence[Check], stories: Sequence[Story],
             docs: Sequence[Document], settings: CheckSettings) -> tuple[TimelineEntry, ...]:
    """Timeline entries of every story (stories in id order; claims in no story after them)."""
    docs_by_id = {d.id: d for d in docs}
    dated = [c for c in claims if c.kind == "date" and c.date]
    entries: list[TimelineEntry] = []
    in_story: set[str] = set()
    for story in sorted(stories, key=lambda s: s.id):
        arts = set(story.article_ids)
        in_story |= arts
        entries += _entries_for_story(story.id, arts, [c for c in dated if c.article_id in arts], checks,
                                      docs_by_id, settings)
    rest = [c for c in dated if c.article_id not in in_story]
    if rest:
        entries += _entries_for_story(None, {c.article_id for c in rest}, rest, checks, docs_by_id, settings)
    return tuple(entries)
