"""Reuse links kept in the store: a report aligns only the candidate pairs it has not aligned.

Aligning candidate pairs is most of the reuse stage, and a pair's result depends on the two
articles, the sentences of each left out as boilerplate, and the corpus statistics that weight
its words (document frequencies: IDF). The statistics move with every article added, so a result
kept from the last report would never be reused if they were recomputed each time. As a search
engine keeps its IDF model and refits it now and then, the store keeps the statistics a
corpus's links were aligned with (an *epoch*: ``reuse/stats``) and each pair's result under that
epoch (``reuse/pairs/<epoch>/<pair>``, ``null`` for a pair aligned without a link):

* a report on a store whose size is within ``reuse.refresh_growth`` of its epoch's reads the
  results of the pairs it aligned before and aligns only the new candidate pairs (those of new
  articles, and pairs whose boilerplate changed), with the epoch's statistics;
* when the corpus has grown (or shrunk) by more than that share, the settings or code changed,
  or with ``--recluster``, the statistics are computed afresh from the whole corpus, a new epoch
  starts and every pair is aligned again: the links are then exactly those of a batch run
  (``storyline analyze``);
* between the two, a link's scores are those of the batch run on the corpus as it was at its
  epoch: words weighted by up to ``refresh_growth`` fewer articles (measured in
  ``benchmarks/README.md``: how many links differ from a batch run after an add).

Pairs no longer candidates are deleted at each report, as are the pairs of earlier epochs.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.engine.forked import deciding
from storyline.fingerprint import code_fingerprint
from storyline.models import Document, ReuseLink, content_id
from storyline.reuse import CorpusStats, ReuseResult, find_reuse
from storyline.reuse.settings import ReuseSettings
from storyline.serialize import from_dict, to_dict
from storyline.store import Store

log = logging.getLogger(__name__)

PREFIX = "reuse/"
STATS_PART = "stats"
PAIRS = "pairs/"


def stats_key(settings: ReuseSettings) -> str:
    """What an epoch's statistics and pair results are valid for: the reuse settings that
    decide results and the reuse code."""
    return content_id(code_fingerprint("storyline.reuse", "storyline.models"),
                      json.dumps(to_dict(deciding(settings)), sort_keys=True))


def encode_stats(stats: CorpusStats, key: str, epoch: str) -> str:
    """The JSON text of an epoch: its key and id, size and frequencies (two base64 arrays)."""
    hashes = np.fromiter(sorted(stats.key_df), dtype=np.uint64, count=len(stats.key_df))
    counts = np.fromiter((stats.key_df[int(h)] for h in hashes), dtype=np.int64,
                         count=len(hashes))
    return json.dumps({"key": key, "epoch": epoch, "n_docs": stats.n_docs,
                       "hashes": base64.b64encode(hashes.tobytes()).decode("ascii"),
                       "counts": base64.b64encode(counts.tobytes()).decode("ascii")})


def decode_stats(text: str) -> tuple[str, str, CorpusStats]:
    """``(key, epoch, statistics)`` of :func:`encode_stats` text."""
    data = json.loads(text)
    hashes = np.frombuffer(base64.b64decode(data["hashes"]), dtype=np.uint64)
    counts = np.frombuffer(base64.b64decode(data["counts"]), dtype=np.int64)
    return data["key"], data["epoch"], CorpusStats(int(data["n_docs"]),
                                                   dict(zip(hashes.tolist(), counts.tolist())))


@dataclass
class StoredPairs:
    """:class:`~storyline.reuse.PairCache` over the parts of one epoch; ``used``: the pairs a
    report asked for or aligned (the others are deleted after it)."""

    store: Store
    epoch: str
    used: set[str] = field(default_factory=set)

    @property
    def prefix(self) -> str:
        return f"{PREFIX}{PAIRS}{self.epoch}/"

    def get(self, keys: Sequence[str]) -> Mapping[str, ReuseLink | None]:
        self.used.update(keys)
        found = self.store.read_parts(self.prefix, list(keys))
        return {k: None if v == "null" else from_dict(ReuseLink, json.loads(v))
                for k, v in found.items()}

    def put(self, found: Mapping[str, ReuseLink | None]) -> None:
        self.used.update(found)
        self.store.write_parts(self.prefix, {
            k: "null" if x is None else json.dumps(to_dict(x), ensure_ascii=False)
            for k, x in found.items()})


def stored_reuse(store: Store, docs: Sequence[Document], settings: ReuseSettings, *,
                 refresh: bool = False) -> ReuseResult:
    """:func:`~storyline.reuse.find_reuse` of a stored corpus, with the statistics and pair
    results the store kept (see the module docstring); ``refresh`` starts a new epoch."""
    key = stats_key(settings)
    ids = sorted({d.id for d in docs})
    kept = None if refresh else store.read_parts(PREFIX, [STATS_PART]).get(STATS_PART)
    if kept is not None:
        old_key, epoch, stats = decode_stats(kept)
        grown = abs(len(ids) - stats.n_docs)
        if old_key == key and grown <= settings.refresh_growth * stats.n_docs:
            pairs = StoredPairs(store, epoch)
            result = find_reuse(docs, settings, stats=stats, kept=pairs)
            store.keep_parts(pairs.prefix, pairs.used)
            log.info("reuse: %d of %d candidate pairs aligned, the others kept (statistics of "
                     "%d articles)", result.aligned, len(pairs.used), stats.n_docs)
            return result
    # a new epoch: statistics of the whole corpus, every pair aligned (the batch result)
    epoch = content_id(key, *ids, length=16)
    store.write_parts(PREFIX + PAIRS, {}, replace=True)
    pairs = StoredPairs(store, epoch)
    result = find_reuse(docs, settings, kept=pairs)
    assert result.stats is not None
    store.write_parts(PREFIX, {STATS_PART: encode_stats(result.stats, key, epoch)})
    log.info("reuse: statistics of %d articles, %d candidate pairs aligned", len(ids),
             result.aligned)
    return result
