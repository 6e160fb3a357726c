"""The batch split of an event by the years its articles mention (``year_split_min``)."""

from __future__ import annotations

from cases import BACKGROUND, QUAKE_TURKEY, docs_of

from storyline.models import Family
from storyline.stories import StoriesSettings, cluster_stories


def _dated(year: int, salt: str, extra: str = ""):
    """The Turkey quake reports, each saying it happened on 3 March of ``year``."""
    reports = [r + [f"The quake struck on [March 3, {year}|DATE]{extra}."] for r in QUAKE_TURKEY]
    return docs_of(reports, salt=salt)


# Without the time penalty the words alone join reports of two years into one event.
NO_TIME = StoriesSettings(time_penalty=0.0, max_gap_days=36_500)


def _partition(stories):
    return sorted(sorted(e.article_ids) for s in stories for e in s.events)


def _ids(docs):
    return sorted(d.id for d in docs)


def test_disjoint_years_split_an_event_and_zero_turns_it_off():
    early, late = _dated(1999, "early"), _dated(2023, "late")
    undated = docs_of(QUAKE_TURKEY[:1], salt="undated")
    docs = early + late + undated + docs_of(BACKGROUND)
    off = _partition(cluster_stories(docs, StoriesSettings(time_penalty=0.0, max_gap_days=36_500,
                                                           year_split_min=0)))
    assert _ids(early + late + undated) in off
    parts = _partition(cluster_stories(docs, NO_TIME))
    sides = [p for p in parts if set(p) & set(_ids(early + late))]
    assert len(sides) == 2
    assert _ids(early) in [sorted(set(p) - set(_ids(undated))) for p in sides]
    assert sorted(a for p in sides for a in p) == _ids(early + late + undated)


def test_too_few_dated_articles_on_one_side_do_not_split():
    early, late = _dated(1999, "early"), _dated(2023, "late")
    docs = early + late[:1] + docs_of(BACKGROUND)
    parts = _partition(cluster_stories(docs, NO_TIME))
    assert _ids(early + late[:1]) in parts
    one = _partition(cluster_stories(
        docs, StoriesSettings(time_penalty=0.0, max_gap_days=36_500, year_split_min=1)))
    assert _ids(early) in one and _ids(late[:1]) in one


def test_years_linked_by_one_article_do_not_split():
    early, late = _dated(1999, "early"), _dated(2023, "late")
    bridge = _dated(2023, "bridge", extra=", as on [March 3, 1999|DATE]")[:1]
    docs = early + late + bridge + docs_of(BACKGROUND)
    parts = _partition(cluster_stories(docs, NO_TIME))
    assert _ids(early + late + bridge) in parts


def test_a_family_is_not_split():
    early, late = _dated(1999, "early"), _dated(2023, "late")
    fam = Family("fam1", (early[0].id, late[0].id), early[0].id)
    docs = early + late + docs_of(BACKGROUND)
    stories = cluster_stories(docs, NO_TIME, families=[fam])
    event_of = {a: e.id for s in stories for e in s.events for a in e.article_ids}
    assert event_of[early[0].id] == event_of[late[0].id]
    assert len({event_of[d.id] for d in early + late}) == 2
