"""Which claims of a check differ from its reference value (crosscheck.verdict.dissenting).

The report's claims matrix and conflict cards show this decision; they compare nothing
themselves. Claims are built by hand: only ids and articles matter here.
"""

from __future__ import annotations

import itertools

import pytest

from storyline.crosscheck.verdict import dissenting
from storyline.models import Claim


def _claims(*articles: str) -> list[Claim]:
    return [Claim(id=f"c{i}", article_id=a, kind="quantity", text="x", span=(0, 1))
            for i, a in enumerate(articles, start=1)]


@pytest.mark.parametrize("articles, families, agreeing, expected", [
    # a rewrite changed its source's words (one family, a1 its origin): the rewrite differs
    (("a1", "a2", "a3"), {"a1": "f1", "a2": "f1", "a3": "f1"}, {("c1", "c2")}, ("c3",)),
    # two families give one value, a third another: the third dissents
    (("a1", "a2", "a3"), {"a1": "f1", "a2": "f2", "a3": "f3"}, {("c1", "c2")}, ("c3",)),
    # one against one: no reference, both dissent (the report must not pick a side)
    (("a1", "a2"), {"a1": "f1", "a2": "f2"}, set(), ("c1", "c2")),
    # the majority counts families, not articles: three rewrites of one wire item are one voice
    (("a1", "a2", "a3", "a4", "a5"), {"a1": "f1", "a2": "f1", "a3": "f1", "a4": "f2", "a5": "f3"},
     {("c1", "c2"), ("c1", "c3"), ("c2", "c3"), ("c4", "c5")}, ("c1", "c2", "c3")),
    # agreement is transitive through aligned pairs (15,000 ~ about 15,200 ~ about 15,500)
    (("a1", "a2", "a3", "a4"), {"a1": "f1", "a2": "f2", "a3": "f3", "a4": "f4"},
     {("c1", "c2"), ("c2", "c3")}, ("c4",)),
])
def test_dissenting(articles, families, agreeing, expected):
    group = _claims(*articles)
    pairs = list(itertools.combinations(group, 2))

    def agree(x: Claim, y: Claim) -> bool:
        return (x.id, y.id) in agreeing or (y.id, x.id) in agreeing

    origins = frozenset({"a1"} | {a for a in articles if families[a] != "f1"})
    assert dissenting(group, pairs, agree, families, origins) == expected
    # the order the claims and pairs come in changes nothing
    assert dissenting(group[::-1], pairs[::-1], agree, families, origins) == expected


def test_without_an_origin_a_tie_inside_one_family_is_undecided():
    group = _claims("a1", "a2")
    pairs = [(group[0], group[1])]
    families = {"a1": "f1", "a2": "f1"}
    assert dissenting(group, pairs, lambda x, y: False, families) == ("c1", "c2")
