"""Twin claims: the same claim carried by many reports, aligned once instead of pairwise.

A big story repeats itself: a statement quoted word for word by hundreds of outlets, a wire
sentence with its date and toll in every copy. Aligned pairwise, a claim carried by ``k`` reports
costs ``k(k - 1)/2`` comparisons and as many aligned pairs for the verdict to read: on the
generated 3,000-article story 252,315 aligned quote pairs, most between identical copies, which
made the cross-check of one story grow near-quadratically (benchmarks/README, "One huge story").

Two claims of different articles are **twins** when everything the aligner and the verdict read
from them is equal (:func:`twin_key`): the words, the speaker and its entity, the value, date,
noun, unit, approximator, aspect, modality, subject, action and attribution, and for dates and
figures the claim's sentence, the values of the other claims of that sentence (a range offers
each of its values), the report's publication date and its event. What the aligner then reads
from the two *articles* is only whether they are one article (a report's own two sentences, a
quote given to two speakers in one report) and, for the same quote given to two different named
speakers, whether each report names the other speaker
(:func:`storyline.crosscheck.align.quotes_align`). So for twins ``a``, ``a'`` and any claim
``x`` of a third article, ``a`` aligns with ``x`` exactly when ``a'`` does; and two twins agree
in every verdict (same value, same words, same speaker).

:func:`twin_classes` partitions one kind's claims into classes of twins with at most one claim
per article (a report that repeats a quote has the repeat in a class of its own). The blocked
path of :func:`~storyline.crosscheck.align.align_groups` compares one representative per class
and writes the aligned pairs a verdict needs: a chain through each class whose twins align, and
per aligned pair of classes one pair (a star when a class's twins do not align with each
other), the pairs of one article and the pairs of two different named speakers compared one by
one. The groups, each group's agreeing and disagreeing values, misquoted words and
misattributions, and so every check, are those of the all-pairs comparison
(``tests/crosscheck/test_twins.py`` and ``test_blocking.py`` compare them); only pairs that say
nothing new (a twin's pairs beside its representative's) are left out. The idea is the
duplicate-record collapse of record linkage before pairwise comparison; hand-written, because
what makes two claims interchangeable is this aligner's own reading of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence

from storyline.crosscheck.align import ALIGNERS, Context
from storyline.models import Claim


def twin_key(c: Claim, ctx: Context) -> Hashable:
    """What the aligner and the verdict read from ``c``, its article's identity aside."""
    base: tuple[Hashable, ...] = (
        c.kind, tuple(ctx.words_of(c)), c.speaker, ctx.speaker(c), c.attribution,
        c.value, c.unit, c.noun, c.date, c.approximator, c.aspect, c.modality, c.subject,
        ctx.subject(c), c.action)
    if c.kind not in ("date", "quantity"):
        return base
    siblings = tuple(sorted(
        ((x.date, x.value, x.approximator, x.aspect, x.unit) for x in ctx.alternatives(c)),
        key=repr))
    return (*base, ctx.sentence(c), siblings, ctx.published(c),
            ctx.event_of.get(c.article_id))


def twin_classes(ordered: Sequence[Claim], ctx: Context) -> list[list[int]]:
    """Classes of twins among ``ordered`` (positions, ascending; the classes by their first):
    each holds at most one claim of an article, the ``k``-th repeat within one article going to
    the ``k``-th class of its key."""
    classes: dict[tuple[Hashable, int], list[int]] = {}
    seen: dict[tuple[Hashable, str], int] = {}
    for i, c in enumerate(ordered):
        key = twin_key(c, ctx)
        rank = seen.get((key, c.article_id), 0)
        seen[(key, c.article_id)] = rank + 1
        classes.setdefault((key, rank), []).append(i)
    return sorted(classes.values(), key=lambda m: m[0])


def twin_pairs(ordered: Sequence[Claim], members: Sequence[int], ctx: Context
               ) -> Iterator[tuple[int, int]]:
    """The aligned pairs ``(i, j)``, ``i < j``, among ``ordered[m]`` for ``m`` in ``members``
    (claims of one kind) that a verdict needs: see the module docstring. Candidates come from
    :func:`storyline.crosscheck.blocking.iter_candidate_pairs` over one claim per class."""
    from storyline.crosscheck.blocking import iter_candidate_pairs

    if not members:
        return
    aligner = ALIGNERS[ordered[members[0]].kind]

    def aligns(i: int, j: int) -> bool:
        a, b = (ordered[i], ordered[j]) if i < j else (ordered[j], ordered[i])
        return a.id != b.id and aligner(a, b, ctx)

    sub = [ordered[m] for m in members]
    classes = [[members[k] for k in cls] for cls in twin_classes(sub, ctx)]
    chained: list[bool] = []
    for cls in classes:  # twins of different articles all align, or none do
        chained.append(len(cls) > 1 and aligns(cls[0], cls[1]))
        if chained[-1]:
            yield from zip(cls, cls[1:])
    reps = [ordered[cls[0]] for cls in classes]
    articles = [{ordered[i].article_id: i for i in cls} if len(cls) > 1 else None
                for cls in classes]
    for p, q in iter_candidate_pairs(reps, ctx):
        yield from _class_pairs(ordered, (classes[p], articles[p], chained[p]),
                                (classes[q], articles[q], chained[q]), aligns, ctx)


_Class = tuple[list[int], "dict[str, int] | None", bool]  # members, article -> member, chained


def _class_pairs(ordered: Sequence[Claim], ca: _Class, cb: _Class,
                 aligns: Callable[[int, int], bool], ctx: Context) -> Iterator[tuple[int, int]]:
    """The pairs of two classes of twins that stand for all their aligned pairs."""
    a, art_a, chain_a = ca
    b, art_b, chain_b = cb

    def pair(i: int, j: int) -> tuple[int, int]:
        return (i, j) if i < j else (j, i)

    first_a, first_b = ordered[a[0]], ordered[b[0]]
    ka, kb = ctx.speaker(first_a), ctx.speaker(first_b)
    if first_a.kind == "quote" and ka and kb and ka != kb:
        # two named speakers: whether each report names the other speaker is the article's
        yield from sorted(pair(i, j) for i in a for j in b if aligns(i, j))
        return
    if art_a is None and art_b is None:  # one claim each
        if aligns(a[0], b[0]):
            yield pair(a[0], b[0])
        return
    found: list[tuple[int, int]] = []
    if art_a is None or art_b is None:
        one, many = (a[0], art_b) if art_a is None else (b[0], art_a)
        assert many is not None
        other = many.get(ordered[one].article_id)
        if other is not None:
            found.append(pair(one, other))
    else:
        small, large = (art_a, art_b) if len(art_a) <= len(art_b) else (art_b, art_a)
        found = [pair(i, large[x]) for x, i in small.items() if x in large]
    yield from sorted(p for p in found if aligns(*p))  # one report's two claims: its own rules

    def other_article(cls: list[int], article_id: str) -> int | None:
        """A member of ``cls`` in another article (members are of distinct articles)."""
        if ordered[cls[0]].article_id != article_id:
            return cls[0]
        return cls[1] if len(cls) > 1 else None

    x: int | None = a[0]
    y = other_article(b, first_a.article_id)
    if y is None:
        x = other_article(a, first_b.article_id)
        y = b[0]
    if x is None or not aligns(x, y):
        return  # every pair of two articles aligns as this one does
    if chain_a and chain_b:
        yield pair(x, y)
    elif chain_a or chain_b:
        hub, spokes = (a, b) if chain_a else (b, a)
        for j in spokes:
            h = other_article(hub, ordered[j].article_id)
            if h is not None:
                yield pair(h, j)
    else:
        yield from sorted(pair(i, j) for i in a for j in b
                          if ordered[i].article_id != ordered[j].article_id)
