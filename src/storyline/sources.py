"""Independent sources: derivation families, with the families of one outlet joined.

A derivation family (:class:`storyline.models.Family`) is one source: a text and its rewrites.
Two families whose articles share an outlet are one source too: an outlet restating its own
earlier report (a wire item and the same agency's follow-up) does not corroborate it. The
cross-check counts a claim's sources this way and the report counts a story's; both call
:func:`join_by_outlet`, so the two counts cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.text import UnionFind, outlet_key


def join_by_outlet(members: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """``(family id, outlet)`` pairs -> family id -> its source: the smallest family id of the
    families its outlets connect (an article without outlet joins nothing)."""
    uf: UnionFind[str] = UnionFind()
    first_family: dict[str, str] = {}
    for family, outlet in sorted(members, key=lambda m: (m[0], m[1] or "")):
        uf.add(family)
        key = outlet_key(outlet)
        if key is not None:
            uf.union(first_family.setdefault(key, family), family)
    return uf.roots()
