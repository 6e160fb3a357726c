"""The pipeline runner: stages in order, each declaring what it needs and what it adds.

Two phases:

1. :func:`ingest_into` reads inputs, annotates new articles on every core (worker processes,
   :mod:`storyline.annotate.parallel`) and writes each article with its annotation to the store
   in one transaction, from this process only, in input order (re-ingesting adds nothing). The
   workers also extract each new article's claims (per-article work, so it uses every core
   there), which the store caches for the report under the claims key.
2. :func:`analyze_store` loads the stored documents and runs the analysis :data:`STAGES` over them:
   reuse -> stories -> claims -> entities -> checks -> timeline. A stage sees only the values it
   declares in ``needs`` and must return exactly what it declares in ``provides``; the runner checks
   both, so a stage cannot silently depend on another's internals.

Per-article results (claims, and the names the entities stage finds in each article) are cached
in the store under a hash of the settings and of the code
(:func:`storyline.fingerprint.code_fingerprint`) that made them (:func:`claims_key`; written at
ingest, or by the first report whose settings differ),
so adding articles to a stored corpus recomputes only what the new articles touch. The checks and
the timeline are cached per story, under a key of the story's content (its articles, their
claims, families, events and entities), the settings and the code: a report after an ingest
recomputes only the stories that gained or changed articles. Reuse and stories are recomputed
from the stored records (the stories from the persisted event index).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from storyline.engine import collector_paused
from storyline.engine.forked import deciding
from storyline.errors import printable
from storyline.fingerprint import code_fingerprint
from storyline.models import Annotation, Article, Claim, Document, Rejection, content_id
from storyline.progress import QUIET, Progress
from storyline.serialize import from_dict, to_dict
from storyline.settings import Settings
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.claims.agencies import NameTable

log = logging.getLogger("storyline")


# ---------------------------------------------------------------------------- ingest phase


@dataclass(frozen=True)
class IngestSummary:
    added: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # already in the store (or twice in the input)
    rejected: tuple[Rejection, ...] = ()


def ingest_into(
    store: Store,
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: IO[bytes] | None = None,
    progress: Progress = QUIET,
    nlp: Any = None,
    assign_events: bool = True,
) -> IngestSummary:
    """Read ``paths`` into ``store``: each new article annotated and added in one transaction,
    then assigned to an event of the store's persisted event index (:mod:`storyline.stories.stored`;
    ``assign_events=False`` when the caller re-clusters the whole corpus right after).

    Annotation runs in ``annotate.processes`` worker processes (:mod:`storyline.annotate.parallel`);
    this process alone writes the store, in input order, so the store and the summary are the
    same whatever the number of processes. An article the model fails on is rejected (E301)."""
    from contextlib import closing
    from functools import partial

    from storyline.annotate.parallel import annotate_stream
    from storyline.ingest import read_inputs
    from storyline.stories.stored import StoredEvents

    added: list[str] = []
    skipped: list[str] = []
    rejected: list[Rejection] = []
    seen: set[str] = set()
    events: StoredEvents | None = None

    def new_articles() -> Iterator[Article]:
        for item in read_inputs(paths, settings.ingest, stdin=stdin):
            if isinstance(item, Rejection):
                log.info("rejected %r: %s %s", item.source, item.code, item.reason)  # CLI prints it
                rejected.append(item)
                continue
            if item.id in seen or store.has_article(item.id):
                log.info("skipped %s: same text as an article already in the corpus", item.source)
                skipped.append(item.id)
                continue
            seen.add(item.id)
            yield item

    key = claims_key(settings)

    names_at = names_key(settings)

    def flush(batch: list[tuple[Article, Annotation | str, Any]]) -> None:
        nonlocal events
        stored: list[Document] = []
        claims: dict[str, Any] = {}
        names: dict[str, Any] = {}
        for article, annotation, found in batch:
            if isinstance(annotation, str):  # the model failed on this article (E301)
                log.warning("%s: %s", printable(article.source), annotation)
                rejected.append(Rejection(article.source, annotation[:4], annotation[5:]))
                continue
            doc = Document(article, annotation)
            if store.add_document(doc):
                added.append(article.id)
                stored.append(doc)
                if found is not None:
                    claims[article.id], names[article.id] = found
            else:
                skipped.append(article.id)
        if claims:
            store.put_results("claims", key, claims)
            store.put_results("names", names_at, names)
        if stored and assign_events:
            events = events or StoredEvents(store, settings.stories)
            events.add(stored)
        progress.update("annotating", len(added))
        batch.clear()

    pending: list[tuple[Article, Annotation | str, Any]] = []
    from storyline.claims.agencies import name_table

    then = partial(ingest_payload, settings=settings, table=name_table(settings.claims.alias_file))
    with closing(annotate_stream(new_articles(), settings.annotate, nlp, then)) as results:
        for result in results:
            pending.append(result)
            if len(pending) >= settings.annotate.batch_size:
                flush(pending)
    flush(pending)
    if events is not None:
        events.save()
    progress.done()
    store.add_rejections(rejected)
    return IngestSummary(tuple(added), tuple(skipped), tuple(rejected))


# ---------------------------------------------------------------------------- analysis phase


@dataclass
class Context:
    settings: Settings
    store: Store | None
    values: dict[str, Any] = field(default_factory=dict)
    progress: Progress = QUIET
    # stories: batch clustering instead of the persisted events; reuse: fresh statistics
    recluster: bool = False


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[Context, Mapping[str, Any]], Mapping[str, Any]]


def _run_reuse(ctx: Context, v: Mapping[str, Any]) -> Mapping[str, Any]:
    from storyline.reuse import find_reuse
    from storyline.reuse.stored import stored_reuse

    # a stored corpus keeps its links' statistics and pairs: a report aligns new pairs only
    result = (find_reuse(v["docs"], ctx.settings.reuse) if ctx.store is None else
              stored_reuse(ctx.store, v["docs"], ctx.settings.reuse, refresh=ctx.recluster))
    return {"links": result.links, "families": result.families}


def _run_stories(ctx: Context, v: Mapping[str, Any]) -> Mapping[str, Any]:
    from storyline.stories.stored import stored_stories

    return {"stories": stored_stories(ctx.store, v["docs"], ctx.settings.stories,
                                      families=v["families"], recluster=ctx.recluster)}


def claims_key(settings: Settings) -> str:
    """The store key of cached claims: the claims settings and the code that extracts claims,
    so a store written by older code or other settings never serves stale claims."""
    code = code_fingerprint("storyline.claims", "storyline.models", "storyline.data")
    return content_id(code, to_dict(settings.claims))


def ingest_payload(doc: Document, settings: Settings, table: NameTable
                   ) -> tuple[list[dict[str, Any]], list[Any]] | None:
    """What the annotation workers compute of each article besides its annotation, for the
    store: its claims (what :func:`_run_claims` reads back) and the names the entities stage
    finds in it (:func:`~storyline.claims.entities.article_names`, the per-article half of that
    stage), so that a report reads both instead of finding them. None when claims extraction
    failed (:func:`article_claims`): nothing is cached, the report tries again."""
    from storyline.claims.entities import article_names

    found = article_claims(doc, settings)
    if found is None:
        return None
    names = article_names(doc, found, table, settings.claims)
    return [to_dict(c) for c in found], names.to_state()


def article_claims(doc: Document, settings: Settings) -> Sequence[Claim] | None:
    """The claims of one article (the claims stage's step on each article, on every engine);
    None when extraction failed on its text: logged (W110), left out (and not cached, so a fixed
    version recomputes them), and the run goes on."""
    from storyline.claims import extract_claims

    try:
        return extract_claims(doc, settings.claims)
    except Exception as exc:  # noqa: BLE001 - one article must not stop the run
        log.warning("W110 %s: claims not extracted: %s: %s", printable(doc.article.source),
                    type(exc).__name__, printable(exc, 200))
        return None


def _run_claims(ctx: Context, v: Mapping[str, Any]) -> Mapping[str, Any]:
    docs: Sequence[Document] = v["docs"]
    key = claims_key(ctx.settings)
    cached: dict[str, Any] = {}
    if ctx.store is not None:
        cached = ctx.store.get_results("claims", key, [d.id for d in docs])
    fresh: dict[str, Any] = {}
    claims: list[Claim] = []
    for i, doc in enumerate(docs):
        if doc.id in cached:
            claims.extend(from_dict(Claim, c) for c in cached[doc.id])
        else:
            found = article_claims(doc, ctx.settings)
            if found is None:
                continue
            fresh[doc.id] = [to_dict(c) for c in found]
            claims.extend(found)
        ctx.progress.update("claims", i + 1, len(docs))
    if ctx.store is not None and fresh:
        ctx.store.put_results("claims", key, fresh)
    return {"claims": tuple(claims)}


def names_key(settings: Settings) -> str:
    """The store key of an article's cached names (:func:`~storyline.claims.entities.
    article_names`): what its claims are keyed by (the claims code and settings: the names read
    the claims' speakers) and the bytes of the user's alias file, whose rows name the known
    entities."""
    alias = settings.claims.alias_file
    table = Path(alias).read_bytes() if alias and Path(alias).is_file() else b""
    return content_id(claims_key(settings), hashlib.sha256(table).hexdigest())


def _run_entities(ctx: Context, v: Mapping[str, Any]) -> Mapping[str, Any]:
    from storyline.claims.agencies import name_table
    from storyline.claims.entities import ArticleNames, article_names, merge_names

    # each article's names are a pure function of it and its claims: kept in the store like
    # its claims, so a report finds only the new articles' names and merges them all
    docs: Sequence[Document] = v["docs"]
    settings = ctx.settings.claims
    table = name_table(settings.alias_file)
    key = names_key(ctx.settings)
    cached = (ctx.store.get_results("names", key, [d.id for d in docs])
              if ctx.store is not None else {})
    by_article: dict[str, list[Claim]] = {}
    for c in v["claims"]:
        by_article.setdefault(c.article_id, []).append(c)
    names: dict[str, ArticleNames] = {}
    fresh: dict[str, Any] = {}
    for doc in docs:
        if doc.id in cached:
            names[doc.id] = ArticleNames.from_state(cached[doc.id])
        else:
            names[doc.id] = article_names(doc, by_article.get(doc.id, ()), table, settings)
            fresh[doc.id] = names[doc.id].to_state()
    if fresh and ctx.store is not None:
        ctx.store.put_results("names", key, fresh)
    entities, claims = merge_names(names, v["claims"], settings, table)
    return {"entities": entities, "claims": claims}


@dataclass(frozen=True)
class StoredResults:
    """Per-story results of a stage in the store's ``state`` table, as parts named by stage,
    code and settings hash, and the story's content key (``crosscheck.ResultCache``)."""

    store: Store
    stage: str
    key: str

    @property
    def prefix(self) -> str:
        return f"crosscheck.{self.stage}/{self.key}/"

    def get(self, keys: Sequence[str]) -> Mapping[str, Any]:
        return {k: json.loads(v) for k, v in self.store.read_parts(self.prefix, keys).items()}

    def put(self, payloads: Mapping[str, Any]) -> None:
        self.store.write_parts(self.prefix, {k: json.dumps(p, ensure_ascii=False, sort_keys=True)
                                             for k, p in payloads.items()})

    def keep_only(self, keys: Iterable[str]) -> int:
        """Delete the stage's stored results of every story key but ``keys`` (those of this
        report; also those of other code and settings); returns how many."""
        root = f"crosscheck.{self.stage}/"
        return self.store.keep_parts(root, {f"{self.key}/{k}" for k in keys})


def _story_cache(ctx: Context, stage: str) -> StoredResults | None:
    from storyline.crosscheck.corpus import CODE_MODULES

    if ctx.store is None:
        return None
    return StoredResults(ctx.store, stage, content_id(code_fingerprint(*CODE_MODULES),
                                                      to_dict(deciding(ctx.settings.checks))))


def _run_checks(ctx: Context, v: Mapping[str, Any]) -> Mapping[str, Any]:
    from storyline.crosscheck import check_corpus

    # Each story's checks are stored under a key of its content, the settings and the code: a
    # report after an ingest recomputes only the stories that gained or changed articles.
    cache = _story_cache(ctx, "checks")
    result = check_corpus(v["claims"], v["docs"], v["families"], v["stories"], v["entities"],
                          ctx.settings.checks, cache=cache)
    if cache is not None:  # the store keeps the last report's results, not every report's
        cache.keep_only(result.story_keys.values())
    if result.story_keys:
        log.info("checks: %d of %d stories recomputed", len(result.recomputed),
                 len(result.story_keys))
    return {"checks": result.checks, "story_keys": result.story_keys}


def _run_timeline(ctx: Context, v: Mapping[str, Any]) -> Mapping[str, Any]:
    from storyline.crosscheck import build_timeline

    cache = _story_cache(ctx, "timeline")
    timeline = build_timeline(v["claims"], v["checks"], v["stories"], v["docs"], ctx.settings.checks,
                              cache=cache, story_keys=v["story_keys"])
    if cache is not None:
        cache.keep_only(v["story_keys"].values())
    return {"timeline": timeline}


STAGES: tuple[Stage, ...] = (
    Stage("reuse", needs=("docs",), provides=("links", "families"), run=_run_reuse),
    Stage("stories", needs=("docs", "families"), provides=("stories",), run=_run_stories),
    Stage("claims", needs=("docs",), provides=("claims",), run=_run_claims),
    Stage("entities", needs=("docs", "claims"), provides=("entities", "claims"), run=_run_entities),
    Stage(
        "checks",
        needs=("claims", "docs", "families", "stories", "entities"),
        provides=("checks", "story_keys"),
        run=_run_checks,
    ),
    Stage(
        "timeline", needs=("claims", "checks", "stories", "docs", "story_keys"),
        provides=("timeline",),
        run=_run_timeline,
    ),
)


class PipelineError(RuntimeError):
    """A stage broke its declaration (a programming error, not a user error)."""


def run_stages(stages: Iterable[Stage], ctx: Context) -> dict[str, Any]:
    """Run ``stages`` in order over ``ctx.values``; returns the final values (the cyclic
    garbage collector paused meanwhile: :func:`storyline.engine.collector_paused`)."""
    with collector_paused():
        return _run_stages(stages, ctx)


def _run_stages(stages: Iterable[Stage], ctx: Context) -> dict[str, Any]:
    for stage in stages:
        missing = [n for n in stage.needs if n not in ctx.values]
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {missing}, which no earlier stage adds")
        view = {n: ctx.values[n] for n in stage.needs}
        log.info("stage %s", stage.name)
        ctx.progress.update(stage.name, 0)
        out = dict(stage.run(ctx, view))
        if set(out) != set(stage.provides):
            raise PipelineError(
                f"stage {stage.name!r} declared {sorted(stage.provides)} but returned {sorted(out)}"
            )
        ctx.values.update(out)
    ctx.progress.done()
    return ctx.values


def load_documents(store: Store) -> list[Document]:
    """All stored documents in a canonical order (source, then id): results do not depend on the
    order in which articles were ingested."""
    return sorted(store.iter_documents(), key=lambda d: (d.article.source, d.id))


def analyze_store(
    store: Store,
    settings: Settings,
    *,
    rejected: Sequence[Rejection] = (),
    progress: Progress = QUIET,
    stages: Sequence[Stage] = STAGES,
    recluster: bool = False,
):
    """Run the analysis stages over every document in ``store`` and build the report. Events
    are the store's persisted ones, reuse links those kept for pairs aligned before
    (:mod:`storyline.reuse.stored`); ``recluster``: the batch clustering and fresh reuse
    statistics (then persisted)."""
    from storyline.report.build import build_report

    docs = load_documents(store)
    ctx = Context(settings=settings, store=store, values={"docs": docs}, progress=progress,
                  recluster=recluster)
    values = run_stages(stages, ctx)
    return build_report(docs, values, settings, rejected=rejected)
