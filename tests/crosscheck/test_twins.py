"""Twin claims (crosscheck.twins): the same claim in many reports is aligned once, and every
group and check is the one of the all-pairs comparison."""

from __future__ import annotations

import pytest

from storyline.crosscheck import align as align_module
from storyline.crosscheck.align import Context, align_groups, claim_order
from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.twins import twin_classes
from storyline.crosscheck.verdict import judge
from storyline.models import Annotation, Article, Claim, Document, Sentence

QUOTE = "the fire started in the fish warehouse shortly before midnight"
CHANGED = "the fire started in the fish warehouse shortly after midnight"


def _report(aid: str, quotes: list[tuple[str, str | None]], extra: str = "",
            published: str = "2025-03-04") -> tuple[Document, list[Claim]]:
    """One article: ``extra`` text first, then each quote in a sentence of its own."""
    text, claims, sentences = extra, [], []
    if extra:
        sentences.append(Sentence(0, len(extra)))
    for k, (quote, speaker) in enumerate(quotes):
        sentence = f' "{quote}," {speaker or "a witness"} said.'
        start = len(text) + 2
        sentences.append(Sentence(len(text), len(text) + len(sentence)))
        text += sentence
        claims.append(Claim(id=f"{aid}-q{k}", article_id=aid, kind="quote", text=quote,
                            span=(start, start + len(quote)), speaker=speaker))
    doc = Document(Article(id=aid, text=text, source=f"{aid}.txt", published=published),
                   Annotation(article_id=aid, language="en", sentences=tuple(sentences)))
    return doc, claims


def _corpus(reports: list[tuple[Document, list[Claim]]]) -> tuple[list[Claim], Context]:
    docs = {d.id: d for d, _ in reports}
    claims = sorted((c for _, cs in reports for c in cs), key=claim_order)
    ctx = Context(settings=CheckSettings(), aliases={}, entities={}, docs=docs)
    ctx.index(claims)
    return claims, ctx


def _assert_same_checks(claims: list[Claim], ctx: Context) -> list:
    """Twins give the groups and checks of all pairs, through fewer pairs; returns the checks."""
    blocked = align_groups(claims, ctx, small=0)
    full = align_groups(claims, ctx, exhaustive=True)
    assert [[c.id for c in g] for g, _ in blocked] == [[c.id for c in g] for g, _ in full]
    families = {c.article_id: c.article_id for c in claims}
    checks = []
    for (group, pairs), (_, full_pairs) in zip(blocked, full, strict=True):
        assert {(a.id, b.id) for a, b in pairs} <= {(a.id, b.id) for a, b in full_pairs}
        check = judge(group, pairs, families, ctx, "s")
        assert check == judge(group, full_pairs, families, ctx, "s")
        checks.append(check)
    return checks


def test_twins_are_the_same_claim_in_different_reports_one_per_article():
    claims, ctx = _corpus([
        _report("a1", [(QUOTE, "Tomas Reyes"), (QUOTE, "Tomas Reyes")]),  # a repeat in a1
        _report("a2", [(QUOTE, "Tomas Reyes")]),
        _report("a3", [(QUOTE, "Anna Keller")]),  # another speaker: not a twin
        _report("a4", [(CHANGED, "Tomas Reyes")]),
    ])
    classes = [[claims[i].id for i in cls] for cls in twin_classes(claims, ctx)]
    assert classes == [["a1-q0", "a2-q0"], ["a1-q1"], ["a3-q0"], ["a4-q0"]]


def test_a_misquote_carried_by_many_reports_is_judged_as_with_all_pairs():
    reports = [_report(f"a{i}", [(QUOTE, "Tomas Reyes")]) for i in range(8)]
    reports += [_report(f"b{i}", [(CHANGED, "Tomas Reyes")]) for i in range(3)]
    claims, ctx = _corpus(reports)
    (check,) = _assert_same_checks(claims, ctx)
    assert check.status == "misquoted"
    assert check.word_differences == (("before", "after"),)
    assert set(check.dissenting_claim_ids) == {f"b{i}-q0" for i in range(3)}
    (_, pairs), = align_groups(claims, ctx, small=0)
    assert len(pairs) < 11 * 10 // 2  # 7 + 2 chain pairs, 1 between the two classes


def test_a_quote_given_to_two_speakers_compares_each_pair_of_reports():
    """Whether a report also names the other speaker is the article's, not the claim's: those
    pairs are compared one by one (b1 names Reyes, so it is no testimony against a0-a4)."""
    reports = [_report(f"a{i}", [(QUOTE, "Tomas Reyes")]) for i in range(5)]
    reports.append(_report("b0", [(QUOTE, "Anna Keller")]))
    reports.append(_report("b1", [(QUOTE, "Anna Keller")],
                           extra="Tomas Reyes, the harbour master, was at the scene."))
    claims, ctx = _corpus(reports)
    checks = _assert_same_checks(claims, ctx)
    conflicting = [c for c in checks if c.status == "conflicting"]
    assert len(conflicting) == 1
    assert "b0-q0" in conflicting[0].claim_ids and "b1-q0" in conflicting[0].claim_ids
    (group, pairs), = align_groups(claims, ctx, small=0)
    assert not any("b1-q0" in (a.id, b.id) and a.speaker != b.speaker for a, b in pairs)


def test_a_quote_repeated_within_one_report_is_judged_as_with_all_pairs():
    reports = [_report("a0", [(QUOTE, "Tomas Reyes"), (QUOTE, "Tomas Reyes")])]
    reports += [_report(f"a{i}", [(QUOTE, "Tomas Reyes")]) for i in range(1, 5)]
    reports.append(_report("b0", [(CHANGED, "Tomas Reyes"), (CHANGED, "Tomas Reyes")]))
    claims, ctx = _corpus(reports)
    (check,) = _assert_same_checks(claims, ctx)
    assert check.status == "misquoted" and len(check.claim_ids) == 8


@pytest.mark.parametrize("sizes", [(1, 1), (2, 2), (2, 5), (6, 1), (5, 4)])
def test_twins_that_do_not_align_with_each_other_keep_every_link(monkeypatch, sizes):
    """An aligner under which twins never align but two different quotes do (a class of twins
    without a chain): the groups are still those of all pairs, whatever the class sizes."""

    def differ(a: Claim, b: Claim, ctx: Context) -> bool:
        return a.text != b.text and a.article_id != b.article_id

    monkeypatch.setitem(align_module.ALIGNERS, "quote", differ)
    n_a, n_b = sizes
    reports = [_report(f"a{i}", [(QUOTE, "Tomas Reyes")]) for i in range(n_a)]
    reports += [_report(f"b{i}", [(CHANGED, "Tomas Reyes")]) for i in range(n_b)]
    # one report gives both renderings: its own pair does not align
    reports.append(_report("c0", [(QUOTE, "Tomas Reyes"), (CHANGED, "Tomas Reyes")]))
    claims, ctx = _corpus(reports)
    blocked = align_groups(claims, ctx, small=0)
    full = align_groups(claims, ctx, exhaustive=True)
    assert [[c.id for c in g] for g, _ in blocked] == [[c.id for c in g] for g, _ in full]
    assert len(blocked) == 1
