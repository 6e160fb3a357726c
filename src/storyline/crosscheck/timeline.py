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
from typing import TYPE_CHECKING, Any

from storyline.crosscheck.align import claim_sentence, is_dateline
from storyline.crosscheck.compare import parse_date
from storyline.crosscheck.settings import CheckSettings
from storyline.models import Check, Claim, Document, Story, TimelineEntry
from storyline.serialize import from_dict, to_dict
from storyline.text.display import trim

if TYPE_CHECKING:
    from storyline.crosscheck.corpus import ResultCache


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


def _entries_for_story(story_id: str | None, story_pubs: Sequence[_dt.date],
                       claims: Sequence[Claim], group_of: Mapping[str, Check],
                       docs: Mapping[str, Document], settings: CheckSettings) -> list[TimelineEntry]:
    """Entries of one story from its dated claims and the date check of each claim."""
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.article_id, c.span, c.id)):
        if not c.date or parse_date(c.date) is None or is_dateline(c):
            continue  # a dateline dates the report, not an event of the story
        grouped = group_of.get(c.id)
        key = (grouped.id if grouped is not None else "claim:" + c.id, c.date)
        buckets.setdefault(key, []).append(c)
    out: list[tuple[tuple, TimelineEntry]] = []
    for (_gid, date), members in buckets.items():
        ch = group_of.get(members[0].id)
        conflicting = ch is not None and ch.status == "conflicting"
        first = members[0]
        summary = trim(claim_sentence(first, docs), settings.summary_chars)
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
             docs: Sequence[Document], settings: CheckSettings, *,
             cache: ResultCache | None = None,
             story_keys: Mapping[str, str] | None = None) -> tuple[TimelineEntry, ...]:
    """Timeline entries of every story (stories in id order; claims in no story after them).

    Dated claims and date checks are indexed once (claim id -> its checks in order), so the cost
    follows each story's own claims. A claim takes the first date check holding it that belongs
    to its story (or to no story). With ``cache`` and ``story_keys`` (the stories' content keys
    of :func:`storyline.crosscheck.corpus.story_key`), a story whose entries are stored under its
    key is not recomputed; the claims in no story are always recomputed (their checks may come
    from any story)."""
    docs_by_id = {d.id: d for d in docs}
    dated_of: dict[str, list[Claim]] = {}
    for c in claims:
        if c.kind == "date" and c.date:
            dated_of.setdefault(c.article_id, []).append(c)
    checks_of: dict[str, list[Check]] = {}
    for check in checks:
        if check.kind == "date":
            for cid in check.claim_ids:
                checks_of.setdefault(cid, []).append(check)

    def entries(story_id: str | None, arts: Sequence[str]) -> list[TimelineEntry]:
        own = [c for aid in arts for c in dated_of.get(aid, ())]
        group_of: dict[str, Check] = {}
        for c in own:
            for check in checks_of.get(c.id, ()):
                if story_id is None or check.story_id in (story_id, None):
                    group_of.setdefault(c.id, check)
                    break
        pubs = [p for aid in arts if aid in docs_by_id
                if (p := docs_by_id[aid].article.published_date) is not None]
        return _entries_for_story(story_id, pubs, own, group_of, docs_by_id, settings)

    keys = dict(story_keys or {}) if cache is not None else {}
    stored = cache.get(sorted(set(keys.values()))) if cache is not None and keys else {}
    fresh: dict[str, Any] = {}
    out: list[TimelineEntry] = []
    in_story: set[str] = set()
    for story in sorted(stories, key=lambda s: s.id):
        arts = sorted(set(story.article_ids))
        in_story.update(arts)
        key = keys.get(story.id)
        if key is not None and key in stored:
            out += [from_dict(TimelineEntry, e) for e in stored[key]]
            continue
        found = entries(story.id, arts)
        if key is not None:
            fresh[key] = [to_dict(e) for e in found]
        out += found
    rest = sorted({aid for aid in dated_of if aid not in in_story})
    if rest:
        out += entries(None, rest)
    if cache is not None and fresh:
        cache.put(fresh)
    return tuple(out)
