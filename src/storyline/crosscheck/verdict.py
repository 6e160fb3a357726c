"""Verdicts on groups of aligned claims, with the evidence and a summary a person can read.

**Independent sources** count derivation families (:class:`~storyline.models.Family`), not
articles: three rewrites of one item are one source; an article in no family stands for itself;
families whose articles share an outlet are one source (a wire item and the same agency's
follow-up).
The agency a claim is reported through counts too: claims that give a ``via`` count once per via
entity however many families relay them ("according to KCNA" in ten outlets is KCNA alone), and
claims without a via count once per family; never more than the number of families (one article
that cites KCNA and Yonhap for one quote is still one report). When every claim of a group comes through one via,
the summary says the claim rests on that via alone.

**Status**, in this order: ``conflicting`` when an aligned pair disagrees (dates, figures beyond
their tolerance, ordinals, or the same quote given to different named speakers); ``misquoted``
when an aligned pair of quotes differs in material words; ``corroborated`` when two or more
independent sources agree; otherwise ``single_source``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence

from storyline.crosscheck.align import Context
from storyline.crosscheck.compare import (
    dates_conflict,
    figures_conflict,
    parse_date,
    wording_difference,
)
from storyline.crosscheck.text import words
from storyline.models import Check, Claim, Document, content_id
from storyline.sources import join_by_outlet
from storyline.text import UnionFind
from storyline.text.display import trim

STATUS_ORDER = {"conflicting": 0, "misquoted": 1, "corroborated": 2, "single_source": 3}
KIND_ORDER = {"date": 0, "quantity": 1, "quote": 2, "statement": 3}


def article_label(doc: Document | None, article_id: str) -> str:
    """A short name for an article in a summary: outlet, else external id, else file name."""
    if doc is None:
        return article_id[:8]
    a = doc.article
    if a.outlet:
        return a.outlet
    if a.external_id:
        return str(a.external_id)
    return os.path.basename(a.source) or article_id[:8]


def _family_of(article_id: str, families: Mapping[str, str]) -> str:
    return families.get(article_id, article_id)


def source_of(group: Sequence[Claim], families: Mapping[str, str], ctx: Context
              ) -> dict[str, str]:
    """Family id -> independent source for the families of ``group`` (families of one outlet
    joined: :func:`storyline.sources.join_by_outlet`)."""

    def outlet(article_id: str) -> str | None:
        doc = ctx.docs.get(article_id)
        return doc.article.outlet if doc is not None else None

    return join_by_outlet((_family_of(c.article_id, families), outlet(c.article_id))
                          for c in group)


def count_sources(group: Sequence[Claim], families: Mapping[str, str], ctx: Context):
    """``(independent sources, family ids, via names, the single via name if all share one)``."""
    fams = sorted({_family_of(c.article_id, families) for c in group})
    source = source_of(group, families, ctx)
    via_keys = {ctx.via(c) for c in group if ctx.via(c)}
    no_via_sources = {source[_family_of(c.article_id, families)] for c in group if not ctx.via(c)}
    via_names = sorted({c.via for c in group if c.via})
    # never more sources than families of distinct outlets (one article citing KCNA and Yonhap
    # is one report)
    n = min(len(set(source.values())), len(via_keys) + len(no_via_sources))
    sole_via = None
    if len(via_keys) == 1 and not no_via_sources:
        key = next(iter(via_keys))
        sole_via = next((c.via for c in sorted(group, key=lambda c: c.id) if c.via), None)
        if key is not None and key.startswith("e:") and key[2:] in ctx.entities:
            sole_via = ctx.entities[key[2:]].name
    return n, tuple(fams), tuple(via_names), sole_via


def _value(c: Claim) -> str:
    if c.kind == "date":
        return c.date or c.text
    if c.kind == "quantity":
        return c.text
    return c.text


def _by_value(group: Sequence[Claim], ctx: Context, key=_value) -> list[tuple[str, list[str]]]:
    """Each distinct value with the articles that give it, in order of first appearance."""
    out: dict[str, list[str]] = {}
    for c in group:
        label = article_label(ctx.docs.get(c.article_id), c.article_id)
        labels = out.setdefault(key(c), [])
        if label not in labels:
            labels.append(label)
    return list(out.items())


def _fmt_values(items: list[tuple[str, list[str]]], quote: bool = False) -> str:
    q = '"' if quote else ""
    return " vs ".join(f"{q}{v}{q} ({', '.join(labels)})" for v, labels in items)


def _about(group: Sequence[Claim], ctx: Context, label: str | None = None) -> str:
    c = group[0]
    lim = ctx.settings.summary_chars
    if label and c.kind in ("quantity", "date"):
        return trim(label, lim)  # the clause as written (crosscheck.labels)
    if c.kind == "quote":
        named = [x for x in group if x.speaker]
        if not named:
            return "quote (no speaker named)"
        key = ctx.speaker(named[0]) or ""
        ent = ctx.entities.get(key[2:]) if key.startswith("e:") else None
        return f"quote by {ent.name if ent else named[0].speaker}"
    if c.kind == "quantity":
        who = f"{c.subject} " if c.subject else ""
        act = f"{c.action} " if c.action else ""
        return trim(f"{who}{act}{c.noun or 'figure'}".strip(), lim)
    if c.kind == "date":
        subject = next((x.subject for x in group if x.subject), "")
        action = max((x.action or "" for x in group), key=len)
        return trim(f"{subject} {action}".strip() or "dated event", lim)
    return f'statement "{trim(c.text, lim)}"'


def _disagree(a: Claim, b: Claim, ctx: Context, differ) -> bool:
    """``a`` and ``b`` differ, and neither agrees with a value given in the other's sentence
    ("from October 16 to November 14" agrees with "November 14"). ``differ`` returns ``None``
    when a claim has no value to compare ("Thursday" left unresolved): it agrees with nothing."""
    if not differ(a, b):
        return False
    return (not any(differ(x, b) is False for x in ctx.alternatives(a))
            and not any(differ(a, y) is False for y in ctx.alternatives(b)))


def _dates_differ(a: Claim, b: Claim) -> bool | None:
    da, db = parse_date(a.date), parse_date(b.date)
    if da is None or db is None:
        return None
    return dates_conflict(da, db)


def _figures_differ(a: Claim, b: Claim, s) -> bool | None:
    if a.value is None or b.value is None:
        return None
    return figures_conflict(a, b, s)


def dissenting(group: Sequence[Claim], pairs: Sequence[tuple[Claim, Claim]],
               agree: Callable[[Claim, Claim], bool], families: Mapping[str, str],
               origins: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Ids of the claims outside the reference value of ``group``.

    Aligned pairs that ``agree`` are one value (transitively); the reference is the value given by
    strictly more families than any other, and every claim outside it dissents. Between values
    given by equally many families, the one value that a family's origin article gives is the
    reference: a rewrite that changed its source's words is the one that differs (a misquote
    inside one family). Otherwise, with no such value (a tie), every claim dissents: the report
    must not pick a side the evidence does not."""
    uf = UnionFind(c.id for c in group)
    for a, b in pairs:
        if agree(a, b):
            uf.union(a.id, b.id)
    fams: dict[str, set[str]] = {}
    for c in group:
        fams.setdefault(uf.find(c.id), set()).add(_family_of(c.article_id, families))
    ranked = sorted(((len(v), k) for k, v in fams.items()), reverse=True)
    top = [k for n, k in ranked if n == ranked[0][0]]
    if len(top) > 1:
        with_origin = {uf.find(c.id) for c in group if c.article_id in origins} & set(top)
        if len(with_origin) != 1:
            return tuple(sorted(c.id for c in group))
        top = sorted(with_origin)
    reference = top[0]
    return tuple(sorted(c.id for c in group if uf.find(c.id) != reference))


def judge(group: Sequence[Claim], pairs: Sequence[tuple[Claim, Claim]], families: Mapping[str, str],
          ctx: Context, story_id: str | None, label: str | None = None) -> Check:
    """The verdict on one group of aligned claims."""
    s = ctx.settings
    kind = group[0].kind
    n, fam_ids, via_names, sole_via = count_sources(group, families, ctx)
    status = None
    values: tuple[str, ...] = ()
    dissent: tuple[str, ...] = ()
    diffs: list[tuple[str, str]] = []
    detail = ""
    if kind == "date":
        if any(_disagree(a, b, ctx, _dates_differ) for a, b in pairs):
            status = "conflicting"
            dissent = dissenting(group, pairs,
                                 lambda x, y: not _disagree(x, y, ctx, _dates_differ),
                                 families, ctx.origins)
            items = _by_value(group, ctx)
            values = tuple(v for v, _ in items)
            detail = f"{_about(group, ctx, label)}: dates differ: {_fmt_values(items)}"
    elif kind == "quantity":
        def figures_differ(x: Claim, y: Claim) -> bool | None:
            return _figures_differ(x, y, s)

        if any(_disagree(a, b, ctx, figures_differ) for a, b in pairs):
            status = "conflicting"
            dissent = dissenting(group, pairs,
                                 lambda x, y: not _disagree(x, y, ctx, figures_differ),
                                 families, ctx.origins)
            items = _by_value(group, ctx)
            values = tuple(v for v, _ in items)
            what = "ordinals differ" if group[0].aspect == "ordinal" else "figures differ beyond tolerance"
            detail = f"{_about(group, ctx, label)}: {what}: {_fmt_values(items, quote=True)}"
    elif kind == "quote":
        misattributed = [(a, b) for a, b in pairs
                         if ctx.speaker(a) and ctx.speaker(b) and ctx.speaker(a) != ctx.speaker(b)]
        if misattributed:
            status = "conflicting"
            dissent = dissenting(
                group, pairs, lambda x, y: not (ctx.speaker(x) and ctx.speaker(y)
                                                and ctx.speaker(x) != ctx.speaker(y)),
                families, ctx.origins)
            involved = [c for pair in misattributed for c in pair]
            items = _by_value(involved, ctx, key=lambda c: c.speaker or "no speaker")
            values = tuple(v for v, _ in items)
            detail = (f'quote "{trim(group[0].text, s.summary_chars)}" attributed to different '
                      f"speakers: {_fmt_values(items)}")
        else:
            same_words: list[tuple[Claim, Claim]] = []
            for a, b in pairs:
                if "indirect" in (a.attribution, b.attribution):
                    continue  # reported speech is a paraphrase by nature, not a misquote
                found = wording_difference(words(a.text), words(b.text), s)
                if found == ():  # the same words (None: two different quotes sharing words)
                    same_words.append((a, b))
                for d in found or ():
                    if d not in diffs and d[::-1] not in diffs:
                        diffs.append(d)
            if diffs:
                status = "misquoted"
                agreeing = {frozenset((a.id, b.id)) for a, b in same_words}
                dissent = dissenting(group, pairs,
                                     lambda x, y: frozenset((x.id, y.id)) in agreeing,
                                     families, ctx.origins)
                items = _by_value(group, ctx, key=lambda c: trim(c.text, s.summary_chars))
                values = tuple(v for v, _ in items)
                changed = "; ".join(f'"{x}" / "{y}"' for x, y in diffs)
                detail = (f"{_about(group, ctx, label)} rendered with different words ({changed}): "
                          f"{_fmt_values(items, quote=True)}")
    if status is None:
        status = "corroborated" if n >= 2 else "single_source"
        items = _by_value(group, ctx, key=lambda c: trim(_value(c), s.summary_chars))
        values = ()
        labels = sorted({lab for _, labs in items for lab in labs})
        if kind == "date":
            what = f"{_about(group, ctx, label)} on {group[0].date}"
        elif kind == "quote" or kind == "quantity":
            what = f'{_about(group, ctx, label)}: "{trim(group[0].text, s.summary_chars)}"'
        else:
            what = _about(group, ctx, label)
        verb = "agree on" if status == "corroborated" else "from one source:"
        detail = f"{len(labels)} article(s) ({', '.join(labels)}) {verb} {what}"
    noun = "source" if n == 1 else "sources"
    detail += f" [{n} independent {noun}"
    if len(fam_ids) > 1 or len(group) > 1:
        detail += f" in {len(fam_ids)} famil{'y' if len(fam_ids) == 1 else 'ies'}"
    detail += "]"
    if sole_via:
        detail += f"; rests on {sole_via} alone"
    ids = tuple(sorted(c.id for c in group))
    return Check(
        id=content_id(status, *ids),
        status=status,  # type: ignore[arg-type]
        claim_ids=ids,
        article_ids=tuple(sorted({c.article_id for c in group})),
        independent_sources=n,
        summary=detail,
        kind=kind,
        story_id=story_id,
        family_ids=fam_ids,
        via=via_names,
        values=values,
        label=label,
        dissenting_claim_ids=dissent,
        word_differences=tuple(diffs) if status == "misquoted" else (),
    )


def sort_key(check: Check) -> tuple:
    return (STATUS_ORDER[check.status], check.story_id or "", KIND_ORDER.get(check.kind or "", 9),
            -check.independent_sources, check.id)
