"""Stories and events: group articles by real-world incident (event) and by story.

    >>> stories = cluster_stories(docs, StoriesSettings(), families=families)   # batch
    >>> index = EventIndex(StoriesSettings()); index.add(doc)                   # incremental

Batch and incremental agree by construction: :func:`cluster_stories` adds the documents to a fresh
:class:`EventIndex` in canonical order (publication date, undated last, then article id), then,
when ``refine_passes`` > 0, refines that result: it re-weights every article with the document
frequencies of the whole corpus (the incremental pass saw only the articles before it) and
reassigns articles to their best event, a few k-means steps started from the online clustering.
Last, when ``year_split_min`` > 0, an event whose dated articles fall into two groups that mention
disjoint years is split in two (:mod:`~storyline.stories.split`, batch only), and each event's
members are clustered afresh with the final weights, as an ingest does for the events it touches
(:meth:`EventIndex.recluster_event`: the refinement moves one article at a time and never splits
two incidents that the online pass joined early; NewsWCL50 event F1 0.918 -> 0.950, ECB+ dev and
MEANTIME unchanged). With
``refine_passes = 0`` and ``year_split_min = 0`` the batch result is exactly the incremental one.
Articles of one reuse family are kept in one event in both modes.

Modules: :mod:`~storyline.stories.features` (keys, dates and titles of an article),
:mod:`~storyline.stories.index` (online event assignment over an inverted index, JSON state),
:mod:`~storyline.stories.group` (stories from events, titles), :mod:`~storyline.stories.split`
(the batch split by mentioned years), :mod:`~storyline.stories.stored` (the events persisted in
the store: assigned at ingest, read by the report, ``--recluster`` for the batch refinement).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.models import Document, Family, Story
from storyline.stories import semantic
from storyline.stories.features import DocFeatures, extract
from storyline.stories.index import EventIndex
from storyline.stories.settings import StoriesSettings
from storyline.stories.split import split_by_years

__all__ = ["EventIndex", "StoriesSettings", "canonical_order", "cluster_index", "cluster_stories"]


def order_key(d: Document) -> tuple[int, str, str]:
    """The sort key of :func:`canonical_order`: dated first by date, then undated, then id."""
    pub = d.article.published_date
    return (0, pub.isoformat(), d.id) if pub is not None else (1, "", d.id)


def canonical_order(docs: Sequence[Document]) -> list[Document]:
    """Documents by publication date (undated last), then by id: the order batch clustering adds
    them in, so that the batch result is the incremental result of a feed in date order."""

    seen: set[str] = set()
    out = []
    for d in sorted(docs, key=order_key):
        if d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


def cluster_stories(docs: Sequence[Document], settings: StoriesSettings, *,
                    families: Sequence[Family] = ()) -> tuple[Story, ...]:
    """Every article in exactly one event and one story (see the module docstring)."""
    return cluster_index(docs, settings, families=families).stories()


def cluster_index(docs: Sequence[Document], settings: StoriesSettings, *,
                  families: Sequence[Family] = ()) -> EventIndex:
    """The batch clustering of :func:`cluster_stories`, as an index that can be persisted
    (:mod:`~storyline.stories.stored`) and added to."""
    order = canonical_order(docs)
    leads = ({d.id: semantic.lead_text(d, settings.lead_sentences) for d in order}
             if uses_embeddings(settings) else {})
    return cluster_features([d.id for d in order], {d.id: extract(d, settings) for d in order},
                            settings, families=families, lead_texts=leads)


def uses_embeddings(settings: StoriesSettings) -> bool:
    """Whether the clustering blends in lead embeddings (``semantic_weight`` and the extra)."""
    return settings.semantic_weight > 0 and semantic.available()


def cluster_features(ids: Sequence[str], feats: Mapping[str, DocFeatures],
                     settings: StoriesSettings, *, families: Sequence[Family] = (),
                     lead_texts: Mapping[str, str] | None = None) -> EventIndex:
    """:func:`cluster_index` from each article's features (:func:`~storyline.stories.features.
    extract`, a pure function of one article that the Spark engine runs per partition), ``ids``
    in canonical order (:func:`order_key`); ``lead_texts`` when :func:`uses_embeddings`."""
    family_of: dict[str, str] = {}
    for fam in sorted(families, key=lambda f: f.id):
        if len(fam.article_ids) > 1:
            for a in fam.article_ids:
                family_of.setdefault(a, fam.id)
    index = EventIndex(settings)
    feats = {i: feats[i] for i in ids}
    if settings.batch_idf:
        for f in feats.values():
            index.count(f)
    embs: dict = {}
    if index.use_embeddings:
        texts = [(lead_texts or {})[i] for i in ids]
        embs = dict(zip(ids, semantic.embed(texts)))
    for i in ids:
        index.add_features(feats[i], family_id=family_of.get(i), counted=settings.batch_idf,
                           emb=embs.get(i))
    refine = bool(settings.refine_passes and ids)
    split = bool(settings.year_split_min and ids)
    if refine or split:
        vectors = {d: index.vectorize(f, embs.get(d)) for d, f in feats.items()}
        index.rebuild(vectors)
        ids = list(ids)
        rank = {d: i for i, d in enumerate(ids)}
        fixed = frozenset(family_of)
        for _ in range(settings.refine_passes):
            moved = index.refine(ids, vectors, fixed)
            if not index.merge_events() and not moved:
                break
        if split:
            split_by_years(index, vectors, {d: f.years for d, f in feats.items()}, rank,
                           family_of)
        # each event's members clustered afresh with the final weights, as an ingest does
        # (EventIndex.recluster_event): refinement moves one article at a time and never splits
        # two incidents that the online pass joined while the weights were those of a few
        # articles
        for ev in sorted(index.events.values(), key=lambda e: e.seq):
            index.recluster_event(ev.key, ids, vectors, family_of)
        index.rename_founders(rank)
    return index
