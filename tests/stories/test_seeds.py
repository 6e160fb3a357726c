"""The seed corpus: three rewrites of Putin's New Year message (000, 001, 004), the August letter
(002) and Kim's reply (003), all about one story, none with a publication date."""

from __future__ import annotations

import pytest

from storyline.models import Family
from storyline.stories import StoriesSettings, cluster_stories


def _events(stories, docs):
    name = {d.id: d.article.source[:3] for d in docs}
    return sorted(sorted(name[a] for a in e.article_ids) for s in stories for e in s.events)


def test_rewrites_form_one_event_and_all_one_story(seed_docs):
    stories = cluster_stories(seed_docs, StoriesSettings())
    assert len(stories) == 1
    assert sorted(stories[0].article_ids) == sorted(d.id for d in seed_docs)
    events = _events(stories, seed_docs)
    assert any({"000", "001", "004"} <= set(e) for e in events)
    assert stories[0].title  # a trimmed headline of the corpus


def test_reuse_family_keeps_rewrites_together(seed_docs):
    d = seed_docs
    fam = Family("fam", (d[0].id, d[1].id, d[4].id), d[0].id)
    events = _events(cluster_stories(d, StoriesSettings(), families=[fam]), d)
    assert any({"000", "001", "004"} <= set(e) for e in events)


@pytest.mark.xfail(
    reason="Without publication dates and with five articles on one story, IDF cannot discount the "
    "story's shared words (Putin, Kim, North Korean troops, Kursk): the letter (002) is as close "
    "to the New Year rewrites as same-incident pairs on ECB+, MEANTIME and NewsWCL50 are to each "
    "other (all five are one event even at event_threshold 0.2), and its only full date is a "
    "historical one (August 15, 1945). Needs publication dates (see "
    "test_letter_separates_with_publication_dates) or a background IDF.",
    strict=True,
)
def test_letter_and_reply_are_their_own_events(seed_docs):
    events = _events(cluster_stories(seed_docs, StoriesSettings()), seed_docs)
    assert ["000", "001", "004"] in events
    assert ["002"] in events
    assert ["003"] in events


def test_letter_separates_with_publication_dates(seed_docs):
    """Given publication dates months apart (hypothetical: the seed files carry none; the letter
    is from August, the New Year message and the reply from the turn of the year), time separates
    the letter from the rewrites."""
    import dataclasses

    dates = {"000": "2026-01-01", "001": "2026-01-01", "002": "2025-08-16", "003": "2026-01-01",
             "004": "2026-01-01"}
    docs = [dataclasses.replace(d, article=dataclasses.replace(
        d.article, published=dates[d.article.source[:3]])) for d in seed_docs]
    events = _events(cluster_stories(docs, StoriesSettings()), docs)
    assert ["002"] in events
    assert any({"000", "001", "004"} <= set(e) for e in events)
