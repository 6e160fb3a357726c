"""storyline.text.unionfind: the one disjoint-set forest of the project."""

from __future__ import annotations

import itertools

import pytest

from storyline.text import UnionFind


@pytest.mark.parametrize("pairs, groups", [
    ([], {}),
    ([("b", "a")], {"a": ["a", "b"]}),
    ([("c", "d"), ("a", "b"), ("d", "b")], {"a": ["a", "b", "c", "d"]}),
    ([("x", "y"), ("p", "q")], {"p": ["p", "q"], "x": ["x", "y"]}),
])
def test_groups_and_smallest_representative(pairs, groups):
    for order in itertools.permutations(pairs):
        uf: UnionFind[str] = UnionFind()
        for a, b in order:
            uf.union(a, b)
        assert uf.groups() == groups  # the same whatever order the unions came in


def test_union_reports_whether_it_joined():
    uf = UnionFind(range(4))
    assert uf.union(3, 1) is True
    assert uf.union(1, 3) is False
    assert uf.find(3) == 1 and len(uf) == 4 and 2 in uf
    assert uf.roots() == {0: 0, 1: 1, 2: 2, 3: 1}


def test_a_long_chain_stays_shallow():
    uf = UnionFind(range(10_000))
    for i in range(9_999, 0, -1):
        uf.union(i, i - 1)
    assert uf.find(9_999) == 0
    assert set(uf.roots().values()) == {0}
