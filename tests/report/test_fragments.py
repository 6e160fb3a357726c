"""The HTML sections a store keeps: a report renders only what changed, and the page is the same
byte for byte as one rendered afresh, whatever an ingest changed."""

from __future__ import annotations

import copy

import pytest
from storyline_report_fixture import _id, build

from storyline.crosscheck.settings import CheckSettings
from storyline.engine.forked import can_fork
from storyline.report.fragments import PREFIX, FragmentCache
from storyline.report.html import render_html
from storyline.report.settings import ReportSettings
from storyline.store import Store


def two_stories() -> dict:
    """The fixture's harbour fire, with the hospital report (article 5) a story of its own."""
    r = build()
    harbor = [a["id"] for a in r["articles"][:4]]
    r["stories"] = [
        {"id": "s-harbor", "title": "Port Halden fish market fire", "article_ids": harbor,
         "events": [{"id": "e-fire", "title": "Fire at the fish market",
                     "article_ids": list(harbor)}]},
        {"id": "s-valley", "title": "Valley hospital", "article_ids": [_id(5)],
         "events": [{"id": "e-valley", "title": "Valley hospital", "article_ids": [_id(5)]}]},
    ]
    return r


@pytest.fixture
def kept(tmp_path):
    with Store(tmp_path / "corpus.db") as store:
        yield FragmentCache(store, ReportSettings(), CheckSettings())


def _edit_text(r):
    r["articles"][3]["text"] = r["articles"][3]["text"].replace("market", "mart")


def _rename_origin_outlet(r):  # the rewrites' sections name their origin by its outlet
    r["articles"][0]["outlet"] = "Northwire Agency"


def _status(r):
    r["checks"][2]["status"] = "conflicting"


def _speaker(r):
    r["claims"][2]["speaker"] = "Mayor Ilse Varga"


def _entity_elsewhere(r):  # the agency now named in the other story too
    r["entities"][1]["article_ids"].append(_id(5))


def _drop_link(r):
    r["reuse"].pop(0)


def _timeline(r):
    r["timeline"][2]["summary"] = "Hospital reports 14 injured"


def _story_title(r):
    r["stories"][1]["title"] = "Injured treated at Valley hospital"


def _move_article(r):  # the herald report joins the hospital's story
    herald = _id(4)
    r["stories"][0]["article_ids"].remove(herald)
    r["stories"][0]["events"][0]["article_ids"].remove(herald)
    r["stories"][1]["article_ids"].append(herald)


def _family(r):  # the herald report found to be a rewrite of the wire
    r["families"][0]["article_ids"].append(_id(4))
    r["families"] = [f for f in r["families"] if f["article_ids"] != [_id(4)]]


def _no_families(r):  # provenance not computed
    r["families"] = []


@pytest.mark.parametrize("change", [
    _edit_text, _rename_origin_outlet, _status, _speaker, _entity_elsewhere, _drop_link,
    _timeline, _story_title, _move_article, _family, _no_families,
])
def test_after_any_change_the_page_is_the_page_rendered_afresh(kept, change):
    before = two_stories()
    render_html(before, kept.settings, fragments=kept)
    after = copy.deepcopy(before)
    change(after)
    fresh = render_html(after, kept.settings)
    assert fresh != render_html(before, kept.settings), "the change shows nowhere"
    assert render_html(after, kept.settings, fragments=kept) == fresh


def test_a_second_report_renders_nothing_and_a_change_renders_only_its_sections(kept):
    report = two_stories()
    first = render_html(report, kept.settings, fragments=kept)
    n_sections = 2 + len(report["articles"])  # two stories, five articles
    assert kept.rendered == n_sections
    assert render_html(report, kept.settings, fragments=kept) == first
    assert kept.rendered == n_sections  # all seven taken from the store
    _timeline(report)  # the hospital story's timeline: its section alone
    render_html(report, kept.settings, fragments=kept)
    assert kept.rendered == n_sections + 1


def test_other_settings_do_not_read_the_kept_sections(kept):
    report = two_stories()
    render_html(report, kept.settings, fragments=kept)
    other = FragmentCache(kept.store, ReportSettings(max_passages_per_link=1), CheckSettings())
    assert render_html(report, other.settings, fragments=other) == render_html(
        report, other.settings)
    assert other.rendered == 7


def test_the_store_keeps_the_last_reports_sections_only(kept):
    report = two_stories()
    render_html(report, kept.settings, fragments=kept)
    kept.used.clear()
    _edit_text(report)  # the harbour story and the herald article change
    render_html(report, kept.settings, fragments=kept)
    assert kept.keep_only() == 2
    assert len(kept.store.part_list(PREFIX)) == 7


@pytest.mark.skipif(not can_fork(), reason="the platform cannot fork")
def test_sections_rendered_by_workers_make_the_same_page(kept, monkeypatch):
    import dataclasses

    import storyline.report.html as html

    report = two_stories()
    one = render_html(report, dataclasses.replace(kept.settings, processes=1))
    monkeypatch.setattr(html, "PARALLEL_MIN_SECTIONS", 0)
    monkeypatch.setattr(html, "SECTION_BATCH", 3)  # batches end inside the articles
    two = dataclasses.replace(kept.settings, processes=2)
    assert render_html(report, two) == one
    assert render_html(report, two, fragments=kept) == one and kept.rendered == 7
    # the number of workers is not part of the sections' keys: all seven kept
    assert render_html(report, kept.settings, fragments=kept) == one and kept.rendered == 7


@pytest.mark.parametrize(("weights", "budget", "expected"), [
    ([1, 1, 1], 2, [[0, 1], [2]]),
    ([1, 5, 1], 2, [[0], [1], [2]]),  # a section heavier than the budget is a batch alone
    ([2, 2, 1, 1], 4, [[0, 1], [2, 3]]),
    ([], 3, []),
])
def test_sections_are_batched_by_weight_in_order(weights, budget, expected):
    from storyline.report.html import batches

    items = list(range(len(weights)))
    assert list(batches(items, lambda i: weights[i], budget)) == expected
