"""Independent sources: families joined by outlet (shared by the cross-check and the report)."""

from __future__ import annotations

import pytest

from storyline.sources import join_by_outlet


@pytest.mark.parametrize("members, sources", [
    # three rewrites of one wire item: one family, one source
    ([("f1", "Northwire"), ("f1", "Daily Courier"), ("f1", None)], 1),
    # the wire item's family and the same agency's follow-up: one source
    ([("f1", "Northwire"), ("f2", "northwire"), ("f3", "Coastal Herald")], 2),
    # an outlet linking two families through a third: all one source
    ([("f1", "A"), ("f2", "A"), ("f2", "B"), ("f3", "B"), ("f4", None)], 2),
    # no outlets: families alone
    ([("f1", None), ("f2", None)], 2),
])
def test_join_by_outlet(members, sources):
    joined = join_by_outlet(members)
    assert set(joined) == {f for f, _ in members}
    assert len(set(joined.values())) == sources
    assert join_by_outlet(list(reversed(members))) == joined  # order does not matter
