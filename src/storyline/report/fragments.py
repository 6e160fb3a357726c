"""HTML fragments of the report kept in the store: after an ingest, only what changed is rendered.

Most of the time of writing a report is the HTML of its story sections (every check's claim rows
with their word-level differences) and of its article sections (each text with its claims
marked): at 1,000 generated articles, 15 and 3 of 19 CPU seconds (``benchmarks/README.md``,
issue 14). A report after an ingest of 100 articles into a large store changes few of them: the
stories those articles reach (stories are kept across reports, :mod:`storyline.stories.group`)
and the articles of those stories. So each section is kept in the store under a key of
everything its HTML is made from, and a report renders only the sections whose key it does not
find.

The key of a section (:func:`story_key`, :func:`article_key`) is a hash of the report records
the section's macro reads, not of its story's id: the section's records (the story with its
events, checks, families, reuse links, timeline, entities; the article with its claims, links
and checks), every article it names or quotes (whole: the claim rows cut sentences from their
texts, links show their labels), the claims its checks compare, the report settings, the
cross-check settings the word differences follow, and a fingerprint of the report's code and
templates (:func:`storyline.fingerprint.code_fingerprint`). The records are the report's JSON
records, so what the key covers is what the page can show. A section rendered from the cache is
byte for byte the section rendered afresh (``tests/report/test_fragments.py`` checks that after
every kind of change an ingest makes).

The kept sections are the last report's: the ones the report did not use are deleted after it
(:meth:`FragmentCache.keep_only`), so the store holds about one report's HTML. A read-only store
(``storyline serve``) renders everything and keeps nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.engine.forked import deciding
from storyline.fingerprint import code_fingerprint
from storyline.serialize import to_dict

if TYPE_CHECKING:
    from storyline.report.settings import ReportSettings
    from storyline.report.view import Index, StoryView
    from storyline.store import Store

PREFIX = "report.html/"
# what a section's HTML is made from: the report package (views, drawings, templates) and the
# cross-check's wording rule that marks the differences of a check's sentences
CODE_MODULES = ("storyline.report", "storyline.crosscheck.compare", "storyline.crosscheck.text")

_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode


def _digest(payload: Any) -> str:
    return hashlib.sha256(_encode(payload).encode("utf-8")).hexdigest()[:32]


def _articles(ix: Index, ids: Iterable[Any]) -> list[Any]:
    return [[a, ix.articles.get(a)] for a in sorted({str(a) for a in ids if a is not None})]


def story_key(ix: Index, sv: StoryView) -> str:
    """A key of everything the story section of ``sv`` is rendered from (module docstring);
    settings and code are in :attr:`FragmentCache.prefix`."""
    members = list(sv.article_ids)
    check_claims = [ix.claims.get(cid) for ch in sv.checks for cid in ch.get("claim_ids") or ()]
    named: set[Any] = set(members)
    named.update(c.get("article_id") for c in check_claims if c)
    for rec in (*sv.families, *sv.timeline, *sv.events):
        named.update(rec.get("article_ids") or ())
    named.update(f.get("origin_id") for f in sv.families)
    for link in sv.links:
        named.update((link.get("source_id"), link.get("target_id")))
    return _digest([
        "story", sv.id, sv.title, sv.synthetic, members, sv.events, sv.checks, sv.families,
        sv.links, sv.timeline, sv.entities, check_claims,
        [ix.claims_by_article.get(a, []) for a in members],
        [ix.family_of.get(a) for a in members],
        _articles(ix, named), bool(ix.report.get("families")),
    ])


def article_key(ix: Index, article: Mapping[str, Any]) -> str:
    """A key of everything the article section of ``article`` is rendered from."""
    aid = str(article.get("id"))
    claims = ix.claims_by_article.get(aid, [])
    links = ix.links_by_article.get(aid, [])
    family = ix.family_of.get(aid)
    named = {x for link in links for x in (link.get("source_id"), link.get("target_id"))}
    if family:
        named.add(family.get("origin_id"))
    checks = [[(ch.get("id"), ch.get("status"))
               for ch in ix.checks_by_claim.get(str(c.get("id")), [])] for c in claims]
    labels = [[a, ix.label(a)] for a in sorted(str(x) for x in named if x is not None)]
    return _digest(["article", article, claims, links, family, checks, labels])


@dataclass
class FragmentCache:
    """Sections of report.html kept in ``store`` (module docstring), under a prefix of the
    report and cross-check settings and the code. ``used`` collects the keys a report asked for,
    for :meth:`keep_only`."""

    store: Store
    settings: ReportSettings
    check_settings: Any
    used: set[str] = field(default_factory=set)
    rendered: int = 0  # sections this report rendered (the others were kept)

    @property
    def prefix(self) -> str:
        ident = _digest([code_fingerprint(*CODE_MODULES), to_dict(deciding(self.settings)),
                         to_dict(deciding(self.check_settings))])[:16]
        return f"{PREFIX}{ident}/"

    def known(self) -> frozenset[str]:
        """The keys of every section kept under this cache's prefix now (their HTML is not
        read): what a report's workers test a section's key against before rendering it."""
        return frozenset(self.store.part_list(self.prefix))

    def get(self, keys: Sequence[str]) -> dict[str, str]:
        """The kept HTML of those of ``keys`` the store has."""
        self.used.update(keys)
        return {k: json.loads(v) for k, v in self.store.read_parts(self.prefix, list(keys)).items()}

    def put(self, fragments: Mapping[str, str]) -> None:
        self.rendered += len(fragments)
        if fragments:
            self.store.write_parts(self.prefix, {k: json.dumps(v, ensure_ascii=False)
                                                 for k, v in fragments.items()})

    def keep_only(self) -> int:
        """Delete every kept section this report did not ask for (those of other settings or
        code too); returns how many."""
        mine = self.prefix[len(PREFIX):]
        return self.store.keep_parts(PREFIX, {mine + k for k in self.used})
