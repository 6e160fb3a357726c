"""Cross-check: align claims across articles, give verdicts, build the timeline.

    checks = cross_check(claims, docs, families, stories, entities, settings.checks)
    timeline = build_timeline(claims, checks, stories, docs, settings.checks)

For each story, claims are aligned kind by kind (:mod:`storyline.crosscheck.align`, comparing
only the candidate pairs of :mod:`storyline.crosscheck.blocking`), each group of aligned claims
gets a verdict with its evidence (:mod:`storyline.crosscheck.verdict`): conflicts and misquotes
first, then corroborated claims and claims that rest on one source. Claims are indexed by story
once and each story is checked on its own (:mod:`storyline.crosscheck.corpus`, which also says
what happens to claims whose article is in no story, and reuses a story's stored checks when
its content did not change).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.crosscheck.corpus import (
    CorpusChecks,
    ResultCache,
    check_corpus,
    check_story,
    checkable,
    within_budget,
)
from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.timeline import timeline as _timeline
from storyline.models import Check, Claim, Document, Entity, Family, Story, TimelineEntry

__all__ = ["CheckSettings", "CorpusChecks", "ResultCache", "build_timeline", "check_corpus",
           "check_story", "checkable", "cross_check", "within_budget"]


def cross_check(claims: Sequence[Claim], docs: Sequence[Document], families: Sequence[Family],
                stories: Sequence[Story], entities: Sequence[Entity],
                settings: CheckSettings) -> tuple[Check, ...]:
    """Verdicts on the claims of each story, sorted: conflicts, misquotes, corroborated, single."""
    return check_corpus(claims, docs, families, stories, entities, settings).checks


def build_timeline(claims: Sequence[Claim], checks: Sequence[Check], stories: Sequence[Story],
                   docs: Sequence[Document], settings: CheckSettings, *,
                   cache: ResultCache | None = None,
                   story_keys: Mapping[str, str] | None = None) -> tuple[TimelineEntry, ...]:
    """The dated events of each story in order (see :mod:`storyline.crosscheck.timeline`);
    with ``cache`` and the stories' content keys (:class:`CorpusChecks`), a story whose key is
    stored is not recomputed."""
    return _timeline(claims, checks, stories, docs, settings, cache=cache, story_keys=story_keys)
