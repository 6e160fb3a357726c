"""Word-level marks between the sentences of a check: only where the cross-check sees a change."""

from __future__ import annotations

import pytest

from storyline.report import view
from storyline.report.diff import diff_segments


def _marked(a: str, b: str) -> tuple[list[str], list[str]]:
    ix = view.Index.of({"settings": {}})
    segs = diff_segments([a, b], material=ix.material_wording)
    return ([s.text for s in segs[0] if s.changed], [s.text for s in segs[1] if s.changed])


@pytest.mark.parametrize("a, b", [
    ("Officials said two ships were damaged.", "Officials said 2 ships were damaged."),
    ("\u201cWe can't accept this,\u201d she said.", "\u201cWe cannot accept this,\u201d she said."),
    ("\u201cI'm ready to rebuild,\u201d he said.", "\u201cI am ready to rebuild,\u201d he said."),
    ("The market opens at 6:00 every day.", "The market opens at 6 every day."),
])
def test_reporting_style_is_not_marked(a, b):
    assert _marked(a, b) == ([], [])


@pytest.mark.parametrize("a, b, in_a, in_b", [
    ("\u201cWe will rebuild it this year,\u201d she said.",
     "\u201cWe will rebuild it next year,\u201d she said.", "this", "next"),
    ("\u201cWe will accept the offer,\u201d he said.",
     "\u201cWe will not accept the offer,\u201d he said.", None, "not"),
])
def test_a_material_change_is_marked(a, b, in_a, in_b):
    marked_a, marked_b = _marked(a, b)
    assert in_b in " ".join(marked_b)
    if in_a is not None:
        assert in_a in " ".join(marked_a)


def test_without_the_rule_every_changed_word_is_marked():
    segs = diff_segments(["Officials said two ships sank.", "Officials said 2 ships sank."])
    assert [s.text for s in segs[1] if s.changed] == ["2"]


@pytest.mark.parametrize("texts, spans, expected", [
    # one text: the claim span and the text around it, nothing marked
    (["The ferry sank off Lesbos, officials said."], [(4, 25)],
     [[("The ", False), ("ferry sank off Lesbos", True), (", officials said.", False)]]),
    # a span cutting words keeps its exact characters
    (["harbour market"], [(2, 10)], [[("ha", False), ("rbour ma", True), ("rket", False)]]),
    # a span reaching past the text is clipped; no span, an empty span: one plain run
    (["abc def"], [(-3, 4)], [[("abc ", True), ("def", False)]]),
    (["abc def"], [None], [[("abc def", False)]]),
    (["abc def"], [(3, 3)], [[("abc def", False)]]),
    # an identical second text: neither is marked, each keeps its own span
    (["Two ships sank.", "Two ships sank."], [(0, 9), (4, 9)],
     [[("Two ships", True), (" sank.", False)],
      [("Two ", False), ("ships", True), (" sank.", False)]]),
])
def test_unmarked_texts_are_split_at_the_claim_span_only(texts, spans, expected):
    segs = diff_segments(texts, spans)
    assert [[(s.text, s.focus) for s in row] for row in segs] == expected
    assert not any(s.changed for row in segs for s in row)


def test_a_marked_text_keeps_its_span_around_the_marks():
    segs = diff_segments(["Officials said two ships sank.", "Officials said nine ships sank."],
                         [(15, 24), (15, 25)])
    assert [(s.text, s.changed, s.focus) for s in segs[1]] == [
        ("Officials said ", False, False), ("nine", True, True), (" ", False, True),
        ("ships", False, True), (" sank.", False, False)]
