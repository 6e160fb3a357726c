"""Cross-check: align claims across articles, give verdicts, build the timeline.

    checks = cross_check(claims, docs, families, stories, entities, settings.checks)
    timeline = build_timeline(claims, checks, stories, docs, settings.checks)

For each story, claims are aligned kind by kind (:mod:`storyline.crosscheck.align`), each group of
aligned claims gets a verdict with its evidence (:mod:`storyline.crosscheck.verdict`): conflicts
and misquotes first, then corroborated claims and claims that rest on one source. A claim whose
article is in no story is aligned with the claims of every story (and with the other such claims).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

from storyline.crosscheck.align import Context, align_groups
from storyline.crosscheck.labels import check_label, has_content
from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.text import alias_map
from storyline.crosscheck.timeline import timeline as _timeline
from storyline.crosscheck.verdict import judge, sort_key
from storyline.errors import printable
from storyline.models import Check, Claim, Document, Entity, Family, Story, TimelineEntry

__all__ = ["CheckSettings", "build_timeline", "cross_check", "within_budget"]

log = logging.getLogger("storyline")


def cross_check(claims: Sequence[Claim], docs: Sequence[Document], families: Sequence[Family],
                stories: Sequence[Story], entities: Sequence[Entity],
                settings: CheckSettings) -> tuple[Check, ...]:
    """Verdicts on the claims of each story, sorted: conflicts, misquotes, corroborated, single."""
    ctx = Context(
        settings=settings,
        aliases=alias_map(entities),
        entities={e.id: e for e in entities},
        docs={d.id: d for d in docs},
    )
    claims = within_budget(claims, docs, settings)
    ctx.index(claims)
    ctx.event_of = {aid: ev.id for st in sorted(stories, key=lambda s: s.id)
                    for ev in st.events for aid in ev.article_ids}
    ctx.origins = frozenset(f.origin_id for f in families if f.origin_id)
    family_of: dict[str, str] = {}
    for fam in sorted(families, key=lambda f: f.id):
        for aid in fam.article_ids:
            family_of.setdefault(aid, fam.id)
    in_story: set[str] = set()
    for st in stories:
        in_story.update(st.article_ids)
    orphans = [c for c in claims if c.article_id not in in_story]
    buckets: list[tuple[str | None, list[Claim]]] = []
    for st in sorted(stories, key=lambda s: s.id):
        arts = set(st.article_ids)
        buckets.append((st.id, [c for c in claims if c.article_id in arts] + orphans))
    if not stories:
        buckets.append((None, list(claims)))
    checks: dict[str, Check] = {}
    for story_id, bucket in buckets:
        for kind in ("date", "quantity", "quote", "statement"):
            # a light verb and a bare year ("we will do it next year") is nothing to check
            of_kind = [c for c in bucket if c.kind == kind
                       and has_content(c, ctx.docs.get(c.article_id))]
            for group, pairs in align_groups(of_kind, ctx):
                if len(group) == 1 and (not settings.report_singletons
                                        or (not settings.report_uncheckable
                                            and not checkable(group[0]))):
                    continue
                sid = story_id if any(c.article_id in in_story for c in group) else None
                check = judge(group, pairs, family_of, ctx, sid,
                              label=check_label(group, ctx.docs))
                checks.setdefault(check.id, check)
    return tuple(sorted(checks.values(), key=sort_key))


def within_budget(claims: Sequence[Claim], docs: Sequence[Document],
                  settings: CheckSettings) -> list[Claim]:
    """The claims the cross-check aligns: at most ``max_claims_per_article`` of one kind per
    article, the first in text order (see the setting). Each article cut is logged (W110)."""
    cap = settings.max_claims_per_article
    count: Counter[tuple[str, str]] = Counter((c.article_id, c.kind) for c in claims)
    if all(n <= cap for n in count.values()):
        return list(claims)
    over = {key for key, n in count.items() if n > cap}
    kept: list[Claim] = []
    taken: Counter[tuple[str, str]] = Counter()
    for c in sorted(claims, key=lambda c: (c.article_id, c.kind, c.span, c.id)):
        key = (c.article_id, c.kind)
        if key in over:
            taken[key] += 1
            if taken[key] > cap:
                continue
        kept.append(c)
    source = {d.id: d.article.source for d in docs}
    for aid, kind in sorted(over):
        log.warning("W110 %s: %d %s claims, only the first %d cross-checked "
                    "(checks.max_claims_per_article)", printable(source.get(aid, aid)),
                    count[(aid, kind)], kind, cap)
    return kept


def checkable(c: Claim) -> bool:
    """A claim another report could confirm or contradict: not a bare number that says nothing
    of what it counts ("two", "Eight"), not a date expression left unresolved ("Tuesday" in an
    undated report)."""
    if c.kind == "quantity":
        return c.value is not None and bool(c.noun or c.unit)
    if c.kind == "date":
        return bool(c.date)
    return True


def build_timeline(claims: Sequence[Claim], checks: Sequence[Check], stories: Sequence[Story],
                   docs: Sequence[Document], settings: CheckSettings) -> tuple[TimelineEntry, ...]:
    """The dated events of each story in order (see :mod:`storyline.crosscheck.timeline`)."""
    return _timeline(claims, checks, stories, docs, settings)
