"""The seed corpus: the conflicts and the misquote are found with their evidence; the troop
figures are not a conflict; the claims the three rewrites share count as one source."""

from __future__ import annotations

from storyline.crosscheck import CheckSettings, build_timeline, cross_check


def _run(seed_case):
    claims, docs, families, stories, entities = seed_case
    return claims, docs, cross_check(claims, docs, families, stories, entities, CheckSettings())


def _check_with(checks, claims, *texts):
    ids = {c.id for c in claims if c.text in texts}
    found = [ch for ch in checks if ids <= set(ch.claim_ids)]
    assert len(found) == 1, (texts, found)
    return found[0]


def test_date_conflict_within_article_003(seed_case):
    claims, docs, checks = _run(seed_case)
    ch = _check_with(checks, claims, "December 18", "December 25")
    assert ch.status == "conflicting"
    assert set(ch.values) == {"--12-18", "--12-25"}
    assert ch.article_ids == (docs[3].id,)
    assert "--12-18" in ch.summary and "--12-25" in ch.summary


def test_ordinal_of_the_war_conflicts_across_aliases(seed_case):
    claims, _docs, checks = _run(seed_case)
    ch = _check_with(checks, claims, "third year", "fourth year")
    assert ch.status == "conflicting"
    assert set(ch.values) == {"third year", "fourth year"}
    assert "ordinals differ" in ch.summary


def test_unbreakable_vs_unwavering_is_a_misquote(seed_case):
    claims, docs, checks = _run(seed_case)
    ch = _check_with(checks, claims, "unbreakable friendship and combat brotherhood",
                     "unwavering friendship and combat brotherhood.")
    assert ch.status == "misquoted"
    assert set(ch.article_ids) == {docs[0].id, docs[1].id, docs[4].id}
    assert '"unbreakable" / "unwavering"' in ch.summary
    # the three rewrites are one family, through one agency: one source
    assert ch.independent_sources == 1


def test_troop_figures_of_different_slots_do_not_conflict(seed_case):
    claims, _docs, checks = _run(seed_case)
    c15 = next(c for c in claims if c.value == 15000.0)
    c30 = next(c for c in claims if c.value == 30000.0)
    for ch in checks:
        assert not ({c15.id, c30.id} <= set(ch.claim_ids))
    assert not any(ch.status == "conflicting" and ch.kind == "quantity" and c15.id in ch.claim_ids
                   for ch in checks)


def test_rewrites_count_as_one_source_and_via_is_named(seed_case):
    claims, _docs, checks = _run(seed_case)
    ch = _check_with(checks, claims, "heroic participation")
    assert ch.status == "single_source"
    assert ch.independent_sources == 1
    assert len(ch.article_ids) == 3
    assert "rests on Korean Central News Agency alone" in ch.summary
    assert ch.via == ("CTAK",)
    fr = _check_with(checks, claims, "further development of traditional friendly relations "
                     "and cooperation")
    assert fr.status == "single_source" and fr.independent_sources == 1
    assert len(fr.article_ids) == 2


def test_independent_reports_corroborate(seed_case):
    claims, docs, checks = _run(seed_case)
    ch = _check_with(checks, claims, "heroic")
    assert set(ch.article_ids) == {docs[2].id, docs[3].id}
    assert ch.status == "corroborated" and ch.independent_sources == 2


def test_order_ids_and_determinism(seed_case):
    claims, docs, families, stories, entities = seed_case
    a = cross_check(claims, docs, families, stories, entities, CheckSettings())
    b = cross_check(list(reversed(claims)), docs, families, stories, entities, CheckSettings())
    assert a == b
    ranks = [("conflicting", "misquoted", "corroborated", "single_source").index(c.status) for c in a]
    assert ranks == sorted(ranks)
    assert len({c.id for c in a}) == len(a)
    every = {cid for ch in a for cid in ch.claim_ids}
    assert every == {c.id for c in claims}


def test_timeline_marks_conflicting_dates(seed_case):
    claims, docs, families, stories, entities = seed_case
    checks = cross_check(claims, docs, families, stories, entities, CheckSettings())
    tl = build_timeline(claims, checks, stories, docs, CheckSettings())
    dates = [e.date for e in tl]
    # dates with a year first, in order; then month-days without a year (seeds carry no dates)
    assert dates == ["1945-08-15", "2024-06", "--12-04", "--12-18", "--12-25", "--12-27"]
    conflict = {e.date: e for e in tl if e.conflicting}
    assert set(conflict) == {"--12-18", "--12-25"}
    check = next(ch for ch in checks if ch.status == "conflicting" and ch.kind == "date")
    assert all(e.check_ids == (check.id,) for e in conflict.values())
    assert "year not given" in conflict["--12-18"].summary
    assert "Putin" in conflict["--12-25"].summary
