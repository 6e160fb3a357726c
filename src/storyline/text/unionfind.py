"""A disjoint-set forest (union-find) with a deterministic representative.

Tarjan, "Efficiency of a good but not linear set union algorithm", JACM 1975: path compression
(here path halving) keeps each ``find`` near constant time. The representative of a set is
always its *smallest* member, whatever order the unions came in, so a family's id, a source's id
or an entity's id built from it is the same on every run and every engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K", str, int)  # ids and indices: hashable and totally ordered


class UnionFind(Generic[K]):
    """Sets of hashable, ordered items; items are added on first mention.

    >>> uf = UnionFind[str]()
    >>> uf.union("b", "c"); uf.union("c", "a")
    True
    True
    >>> uf.find("b"), uf.groups()
    ('a', {'a': ['a', 'b', 'c']})
    """

    def __init__(self, items: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {}
        for item in items:
            self.add(item)

    def add(self, item: K) -> None:
        self._parent.setdefault(item, item)

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def __len__(self) -> int:
        return len(self._parent)

    def find(self, item: K) -> K:
        """The representative (smallest member) of ``item``'s set; adds ``item`` if new."""
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving
            item = parent[item]
        return item

    def union(self, a: K, b: K) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were one set already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self._parent[rb] = ra
        return True

    def roots(self) -> dict[K, K]:
        """Every item -> its representative."""
        return {item: self.find(item) for item in list(self._parent)}

    def groups(self) -> dict[K, list[K]]:
        """Representative -> the sorted members of its set."""
        out: dict[K, list[K]] = {}
        for item in sorted(self._parent):
            out.setdefault(self.find(item), []).append(item)
        return out
