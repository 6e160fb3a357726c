"""Stories kept across reports: a report after an ingest regroups only the events that are new."""

from __future__ import annotations

from cases import quake_corpus

from storyline.store import Store
from storyline.stories import StoriesSettings, cluster_index
from storyline.stories.stored import STORIES_NAME, StoredEvents, kept_stories, stored_stories


def _story_of(stories, article_id):
    return next(st for st in stories if article_id in st.article_ids)


def test_events_go_back_to_the_story_their_members_were_in():
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    index = cluster_index(turkey + chile + background, StoriesSettings())
    fresh = index.stories()
    quakes = {d.id for d in turkey + chile}
    assert set(_story_of(fresh, turkey[0].id).article_ids) == quakes  # one story of two quakes
    # the last report had the quakes in two stories: each event stays in its own, under its id
    before = {d.id: "turkey-story" for d in turkey} | {d.id: "chile-story" for d in chile}
    kept = index.stories(before)
    for docs, sid in ((turkey, "turkey-story"), (chile, "chile-story")):
        story = _story_of(kept, docs[0].id)
        assert story.id == sid
        assert set(story.article_ids) == {d.id for d in docs}
    # the events nobody had placed are grouped as before, under the same ids
    rest = {st.id: st.article_ids for st in fresh if not set(st.article_ids) & quakes}
    assert {st.id: st.article_ids for st in kept if st.id in rest} == rest
    assert len(kept) == len(fresh) + 1


def test_a_majority_of_members_decides_an_events_story():
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    index = cluster_index(turkey + chile + background, StoriesSettings())
    before = {d.id: "a" for d in turkey[:-1]}
    before[turkey[-1].id] = "b"
    assert _story_of(index.stories(before), turkey[-1].id).id == "a"


def _ingest(store, docs):
    events = StoredEvents(store, StoriesSettings())
    for d in docs:
        store.add_document(d)
    events.add(docs)
    events.save()


def test_a_report_after_an_ingest_keeps_the_stories_it_does_not_reach(tmp_path):
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    settings = StoriesSettings()
    with Store(tmp_path / "corpus.db") as store:
        _ingest(store, turkey + background)
        first = stored_stories(store, turkey + background, settings)
        assert kept_stories(store, settings) == {a: st.id for st in first for a in st.article_ids}
        _ingest(store, chile)
        second = stored_stories(store, turkey + background + chile, settings)
        new = {d.id for d in chile}
        untouched = {st.id: st for st in second if not set(st.article_ids) & new}
        assert untouched, "the chile quake reached every story"
        for st in first:
            if st.id in untouched:
                assert untouched[st.id].article_ids == st.article_ids
        assert {st.id for st in first} <= {st.id for st in second}
        # other settings: the kept stories are not read
        assert kept_stories(store, StoriesSettings(story_threshold=0.2)) == {}
        # --recluster regroups from scratch and keeps its grouping for the next report
        again = stored_stories(store, turkey + background + chile, settings, recluster=True)
        assert store.get_state(STORIES_NAME)["stories"] == {
            st.id: list(st.article_ids) for st in again}
