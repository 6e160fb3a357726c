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
