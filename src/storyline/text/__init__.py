"""The shared text layer: one home for each rule that more than one stage applies to text.

Stages import these rules; none keeps a copy of its own. A rule that two stages applied with two
implementations gave two answers: "The Coastal Herald" and "Coastal Herald" were one outlet for
reuse and the cross-check but two for counting independent sources.

- :mod:`storyline.text.keys`: names and outlets folded for comparison (:func:`name_key`,
  :func:`outlet_key`) and the pieces they are built from (:func:`clean_surface`,
  :func:`strip_accents`).
- :mod:`storyline.text.dateline`: the dateline at the head of a report
  (:func:`~storyline.text.dateline.find_dateline`): its place, agency and day.
- :mod:`storyline.text.marks`: quotation marks, apostrophes and dashes, and their ASCII fold
  (:func:`~storyline.text.marks.fold_marks`).
- :mod:`storyline.text.lexicon`: number words, ordinals, months, weekdays and stop lists.
- :mod:`storyline.text.display`: text shortened for display (:func:`~storyline.text.display.trim`).
- :mod:`storyline.text.unionfind`: the disjoint-set forest behind families, sources, entity and
  claim groups, with a deterministic representative.
"""

from storyline.text.keys import clean_surface, name_key, outlet_key, strip_accents
from storyline.text.unionfind import UnionFind

__all__ = ["UnionFind", "clean_surface", "name_key", "outlet_key", "strip_accents"]
