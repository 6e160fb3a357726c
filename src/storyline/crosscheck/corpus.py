"""The cross-check of a corpus: claims indexed by story once, each story checked on its own.

Linear in the corpus: claims are indexed by article once and each story's bucket gathered from
its articles, so the cost of a story follows its own claims, never the number of stories.
:func:`check_story` checks one bucket; :func:`check_corpus` runs it over every story and, given
a :class:`ResultCache`, reuses the stored checks of every story whose content did not change
(:func:`story_key`: its claims, articles, families, events, the entities its claims name, the
settings and the code), so a ``report`` after an ingest recomputes only the stories that gained
or changed articles.

**Claims in no story** (an article the caller left out of ``stories``; the pipeline puts every
article in a story, so this happens only through the API). Once, every such claim was added to
every story's bucket: orphans x stories alignments, and one claim judged once per story. Now the
orphans are checked together in one bucket of their own (``story_id`` ``None``), and an orphan
also joins the bucket of each story holding a claim it aligns with, found through the blocking
keys across stories (:func:`storyline.crosscheck.blocking.cross_pairs`): an outside report still
confirms or contradicts a story's claims, at a cost that follows the candidate pairs. An orphan
that aligns only through another orphan stays out of the story (a chain is not evidence).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from storyline.crosscheck.align import ALIGNERS, Context, align_groups, claim_order
from storyline.crosscheck.blocking import cross_pairs
from storyline.crosscheck.labels import check_label, has_content
from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.text import alias_map
from storyline.crosscheck.verdict import judge, sort_key
from storyline.engine.forked import deciding
from storyline.errors import printable
from storyline.models import Check, Claim, Document, Entity, Family, Story, content_id
from storyline.serialize import from_dict, to_dict

log = logging.getLogger("storyline")

KINDS = ("date", "quantity", "quote", "statement")
CODE_MODULES = ("storyline.crosscheck", "storyline.models", "storyline.text", "storyline.sources",
                "storyline.serialize")
"""The code a story's checks and timeline depend on (its fingerprint keys cached results)."""


class ResultCache(Protocol):
    """Stored payloads by content key (the pipeline's is the store's ``results`` table)."""

    def get(self, keys: Sequence[str]) -> Mapping[str, Any]: ...

    def put(self, payloads: Mapping[str, Any]) -> None: ...


@dataclass(frozen=True)
class CorpusChecks:
    checks: tuple[Check, ...]
    story_keys: Mapping[str, str]  # story id -> content key (see story_key)
    recomputed: tuple[str, ...] = ()  # ids of the stories checked afresh (not from the cache)


@dataclass
class Prepared:
    """What every story's check shares: the alignment context and the corpus indexes."""

    ctx: Context
    claims: list[Claim]
    family_of: dict[str, str]
    in_story: set[str]
    checkable: dict[str, bool] = field(default_factory=dict)  # claim id -> has content

    def eligible(self, c: Claim) -> bool:
        if c.id not in self.checkable:
            self.checkable[c.id] = has_content(c, self.ctx.docs.get(c.article_id))
        return self.checkable[c.id]


@dataclass(frozen=True)
class EntityLookup:
    """The corpus' entities as the cross-check looks them up: folded name or alias -> entity id
    (:func:`~storyline.crosscheck.text.alias_map`) and id -> entity. Built once per corpus; an
    engine that checks stories one at a time passes it to each (the ambiguity of a form is a
    property of the whole corpus, not of one story's entities)."""

    aliases: Mapping[str, str]
    by_id: Mapping[str, Entity]

    @classmethod
    def of(cls, entities: Sequence[Entity]) -> EntityLookup:
        return cls(alias_map(entities), {e.id: e for e in entities})


def prepare(claims: Sequence[Claim], docs: Sequence[Document], families: Sequence[Family],
            stories: Sequence[Story], entities: Sequence[Entity],
            settings: CheckSettings, lookup: EntityLookup | None = None) -> Prepared:
    lookup = lookup if lookup is not None else EntityLookup.of(entities)
    ctx = Context(settings=settings, aliases=lookup.aliases,
                  entities=lookup.by_id, docs={d.id: d for d in docs})
    kept = within_budget(claims, docs, settings)
    ctx.index(kept)
    ctx.event_of = {aid: ev.id for st in sorted(stories, key=lambda s: s.id)
                    for ev in st.events for aid in ev.article_ids}
    ctx.origins = frozenset(f.origin_id for f in families if f.origin_id)
    family_of: dict[str, str] = {}
    for fam in sorted(families, key=lambda f: f.id):
        for aid in fam.article_ids:
            family_of.setdefault(aid, fam.id)
    in_story = {aid for st in stories for aid in st.article_ids}
    return Prepared(ctx, kept, family_of, in_story)


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


def buckets(prep: Prepared, stories: Sequence[Story]) -> list[tuple[str | None, list[Claim]]]:
    """``(story id, claims to align)`` for each story in id order; the claims in no story last
    (module docstring). Without stories, one bucket of every claim."""
    if not stories:
        return [(None, list(prep.claims))]
    by_article: dict[str, list[int]] = {}
    for i, c in enumerate(prep.claims):
        by_article.setdefault(c.article_id, []).append(i)
    orphans = [i for i, c in enumerate(prep.claims) if c.article_id not in prep.in_story]
    members: dict[str, list[int]] = {}
    for st in stories:
        members[st.id] = sorted({i for aid in set(st.article_ids) for i in by_article.get(aid, ())})
    joined = _attach_orphans(prep, orphans, members) if orphans else {}
    out: list[tuple[str | None, list[Claim]]] = []
    for st in sorted(stories, key=lambda s: s.id):
        idx = sorted({*members[st.id], *joined.get(st.id, ())})
        out.append((st.id, [prep.claims[i] for i in idx]))
    if orphans:
        out.append((None, [prep.claims[i] for i in orphans]))
    return out


def _attach_orphans(prep: Prepared, orphans: list[int],
                    members: Mapping[str, list[int]]) -> dict[str, set[int]]:
    """Story id -> orphan claims (indexes) that align with a claim of that story."""
    stories_of: dict[int, list[str]] = {}
    for sid, idx in members.items():
        for i in idx:
            stories_of.setdefault(i, []).append(sid)
    ctx = prep.ctx
    joined: dict[str, set[int]] = {}
    for kind in KINDS:
        probe = [i for i in orphans if prep.claims[i].kind == kind and prep.eligible(prep.claims[i])]
        other = [i for i in stories_of if prep.claims[i].kind == kind
                 and prep.eligible(prep.claims[i])]
        for pi, oi in cross_pairs([prep.claims[i] for i in probe],
                                  [prep.claims[i] for i in other], ctx):
            a, b = sorted((prep.claims[probe[pi]], prep.claims[other[oi]]), key=claim_order)
            if a.id != b.id and ALIGNERS[kind](a, b, ctx):
                for sid in stories_of[other[oi]]:
                    joined.setdefault(sid, set()).add(probe[pi])
    return joined


def check_story(prep: Prepared, story_id: str | None, bucket: Sequence[Claim], *,
                exhaustive: bool = False) -> list[Check]:
    """The verdicts on one story's claims (``bucket``), kind by kind."""
    ctx, settings = prep.ctx, prep.ctx.settings
    out: list[Check] = []
    for kind in KINDS:
        # a light verb and a bare year ("we will do it next year") is nothing to check
        of_kind = [c for c in bucket if c.kind == kind and prep.eligible(c)]
        for group, pairs in align_groups(of_kind, ctx, exhaustive=exhaustive):
            if len(group) == 1 and (not settings.report_singletons
                                    or (not settings.report_uncheckable
                                        and not checkable(group[0]))):
                continue
            sid = story_id if any(c.article_id in prep.in_story for c in group) else None
            out.append(judge(group, pairs, prep.family_of, ctx, sid,
                             label=check_label(group, ctx.docs)))
    return out


def checkable(c: Claim) -> bool:
    """A claim another report could confirm or contradict: not a bare number that says nothing
    of what it counts ("two", "Eight"), not a date expression left unresolved ("Tuesday" in an
    undated report)."""
    if c.kind == "quantity":
        return c.value is not None and bool(c.noun or c.unit)
    if c.kind == "date":
        return bool(c.date)
    return True


def story_key(prep: Prepared, story_id: str | None, bucket: Sequence[Claim], code: str) -> str:
    """A content key of everything a story's checks (and timeline) are computed from: the
    claims (every field), the name keys and entities they resolve to, each article's metadata,
    family and event, the settings and the code (``code``: a fingerprint)."""
    ctx = prep.ctx
    claims = sorted(bucket, key=claim_order)
    ents: set[str] = set()
    names = []
    for c in claims:
        keys = (ctx.speaker(c), ctx.via(c), ctx.subject(c))
        names.append(keys)
        ents.update(k[2:] for k in keys if k and k.startswith("e:"))
        ents.update(e for e in (c.speaker_entity_id, c.via_entity_id,
                                getattr(c, "subject_entity_id", None)) if e)
    arts = []
    for aid in sorted({c.article_id for c in claims}):
        doc = ctx.docs.get(aid)
        a = doc.article if doc is not None else None
        arts.append((aid, a and (a.source, a.outlet, a.external_id, a.published),
                     prep.family_of.get(aid), aid in ctx.origins, ctx.event_of.get(aid),
                     aid in prep.in_story))
    # what the cross-check reads of an entity (its forms), not which articles name it: a new
    # article naming a president must not make every story that quotes him stale
    entities = [repr((e, ctx.entities[e].name, ctx.entities[e].aliases)) for e in sorted(ents)
                if e in ctx.entities]
    # a record's repr lists every field in order (frozen dataclasses of plain values): a
    # fingerprint of its content, and much cheaper than a dict of it
    payload = json.dumps([story_id, [repr(c) for c in claims], names, arts, entities,
                          repr(deciding(ctx.settings))], ensure_ascii=False, default=str)
    return content_id(code, payload, length=24)


PARALLEL_MIN_CLAIMS = 2_000
"""Fewer claims to check than this are checked in this process: forking workers would cost more
than it saves (a fork and its pool take some 50 ms; 2,000 claims take about a second)."""


def _check_buckets(prep: Prepared, todo: Sequence[tuple[str | None, list[Claim]]],
                   work: Sequence[int], exhaustive: bool, processes: int) -> dict[int, list[Check]]:
    """:func:`check_story` of the buckets ``todo[n]`` for ``n`` in ``work``: stories are
    independent, so with several to check and ``PARALLEL_MIN_CLAIMS`` claims or more, in
    ``processes`` forked workers (:func:`storyline.engine.forked.fork_map`; 0: one per core),
    chunks of about equal claims; the same checks either way."""
    from storyline.engine.forked import fork_map

    sizes = [len(todo[n][1]) for n in work]
    if sum(sizes) < PARALLEL_MIN_CLAIMS:
        processes = 1
    found = fork_map(lambda n: check_story(prep, todo[n][0], todo[n][1], exhaustive=exhaustive),
                     work, processes, what=f"checking {len(work)} stories",
                     setting="checks.processes", weights=[s * s for s in sizes])
    return dict(zip(work, found))


def check_corpus(claims: Sequence[Claim], docs: Sequence[Document], families: Sequence[Family],
                 stories: Sequence[Story], entities: Sequence[Entity], settings: CheckSettings,
                 *, cache: ResultCache | None = None, exhaustive: bool = False,
                 lookup: EntityLookup | None = None) -> CorpusChecks:
    """Verdicts on the claims of each story (see :func:`storyline.crosscheck.cross_check`);
    ``lookup``: the corpus' :class:`EntityLookup` when ``entities`` are not all of them."""
    from storyline.fingerprint import code_fingerprint

    prep = prepare(claims, docs, families, stories, entities, settings, lookup)
    todo = buckets(prep, stories)
    keys: dict[str, str] = {}
    stored: Mapping[str, Any] = {}
    if cache is not None:
        code = code_fingerprint(*CODE_MODULES)
        keys = {sid: story_key(prep, sid, bucket, code) for sid, bucket in todo
                if sid is not None}
        stored = cache.get(sorted(set(keys.values())))
    checks: dict[str, Check] = {}
    fresh: dict[str, Any] = {}
    recomputed: list[str] = []
    work = [n for n, (sid, _) in enumerate(todo)
            if sid is None or keys.get(sid) is None or keys[sid] not in stored]
    computed = _check_buckets(prep, todo, work, exhaustive, settings.processes)
    for n, (story_id, _) in enumerate(todo):
        key = keys.get(story_id) if story_id is not None else None
        if n not in computed:  # its key is stored
            found = [from_dict(Check, d) for d in stored[key or ""]]
        else:
            found = computed[n]
            if story_id is not None:
                recomputed.append(story_id)
            if key is not None:
                fresh[key] = [to_dict(c) for c in found]
        for check in found:  # an orphan's lone claim can come out of two buckets: one check
            checks.setdefault(check.id, check)
    if cache is not None and fresh:
        cache.put(fresh)
    return CorpusChecks(tuple(sorted(checks.values(), key=sort_key)), keys, tuple(recomputed))
