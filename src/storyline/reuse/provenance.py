"""From aligned sentences to a reuse verdict, a direction and derivation families.

**Link.** Aligned sentences are evidence of reuse only together: independent reports of one
event share names, figures and often one short quote, so a link needs ``link_min_sentences``
aligned sentence pairs covering at least ``link_min_coverage`` of one article; when fewer than
``link_min_sentences`` of them are copies (verbatim or near-verbatim), the paraphrased ones must
either be ``link_min_paraphrase_sentences`` or include ``link_min_sentences`` sentences in a row,
adjacent in both articles (two texts that are nearly all the same copied text, at least
``containment`` of each, are linked however short): independent reports of one event restate the same facts in scattered
single sentences, a rewrite follows its source passage by passage. Its kind is ``verbatim`` when nine tenths
of the aligned text is verbatim, ``near_verbatim`` when at least half is verbatim or
near-verbatim, ``paraphrase`` otherwise; its score is the share of the more-covered article that
is reused, each sentence weighted by its similarity; coverages are shares of each article's
sentence text.

**Direction.** (1) When both articles carry publication dates and they differ, the earlier one
is the source. (2) Otherwise, when one article is nearly all contained in the other
(coverage >= ``containment``) and the other clearly less (by 0.05 or more): if what the longer article has beyond the
shared text comes (nearly all) *after* it, the shorter is its leading part, a trimmed copy (news
is cut from the bottom), so the longer is the source; if the longer article adds text before or
between the shared sentences, the shorter was expanded (embedded in new text, the content-farm
pattern), so the shorter is the source. An original that was only extended at its end is thus
read as trimmed: the text alone cannot tell these apart, dates can. (3) Otherwise the link is undirected, its
ends in id order, and ``evidence`` says so.

**Families.** Connected components of links: one family is one independent source. Its likely
origin is the only article with no incoming directed link when there is exactly one; else the
earliest dated article when its date is unique; else the article most covered by the others
(its text is what they share); ``None`` when that is tied. A singleton is its own origin.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.models import Article, Family, Passage, ReuseKind, ReuseLink, content_id
from storyline.reuse.align import SentenceMatch
from storyline.reuse.settings import ReuseSettings
from storyline.reuse.text import SentenceFeatures


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict on one aligned pair (first article ``a``, second ``b``)."""

    matches: tuple[SentenceMatch, ...]
    kind: ReuseKind | None
    score: float
    coverage_a: float
    coverage_b: float
    linked: bool
    reason: str


def _longest_run(ms: Sequence[SentenceMatch]) -> int:
    """Most matches in a row that are adjacent in both articles (a rewritten passage)."""
    best = run = 0
    prev = None
    for m in sorted(ms, key=lambda m: (m.a, m.b)):
        run = run + 1 if prev is not None and (m.a, m.b) == (prev.a + 1, prev.b + 1) else 1
        best = max(best, run)
        prev = m
    return best


def _length(f: SentenceFeatures) -> int:
    return f.span[1] - f.span[0]


def assess(
    matches: Sequence[SentenceMatch],
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    settings: ReuseSettings,
) -> Assessment:
    """Coverage, kind, score and the link decision for the sentence matches of two articles."""
    ms = tuple(m for m in matches if max(_length(fa[m.a]), _length(fb[m.b]))
               >= settings.min_passage_chars)
    tot_a = sum(_length(f) for f in fa) or 1
    tot_b = sum(_length(f) for f in fb) or 1
    cov_a = sum(_length(fa[m.a]) for m in ms) / tot_a
    cov_b = sum(_length(fb[m.b]) for m in ms) / tot_b
    score = max(sum(_length(fa[m.a]) * m.similarity for m in ms) / tot_a,
                sum(_length(fb[m.b]) * m.similarity for m in ms) / tot_b)
    chars: dict[str, int] = defaultdict(int)
    for m in ms:
        chars[m.kind] += _length(fa[m.a]) + _length(fb[m.b])
    total = sum(chars.values())
    kind: ReuseKind | None = None
    if total:
        if chars["verbatim"] >= 0.9 * total:
            kind = "verbatim"
        elif chars["verbatim"] + chars["near_verbatim"] >= 0.5 * total:
            kind = "near_verbatim"
        else:
            kind = "paraphrase"
    n_copy = sum(1 for m in ms if m.kind != "paraphrase")
    if n_copy and min(cov_a, cov_b) >= settings.containment:
        linked, reason = True, (f"near-duplicates: copied text covers {cov_a:.0%} and "
                                f"{cov_b:.0%}")
    elif len(ms) < settings.link_min_sentences:
        linked, reason = False, f"{len(ms)} aligned sentence(s), fewer than link_min_sentences"
    elif n_copy < settings.link_min_sentences and len(ms) < settings.link_min_paraphrase_sentences \
            and _longest_run(ms) < settings.link_min_sentences:
        linked, reason = False, (f"{len(ms)} aligned sentences, {n_copy} of them copied, none "
                                 f"adjacent in both articles")
    elif max(cov_a, cov_b) < settings.link_min_coverage:
        linked, reason = False, f"aligned text covers {max(cov_a, cov_b):.0%} of either article"
    else:
        linked = True
        reason = (f"{len(ms)} aligned sentences ({n_copy} copied, {len(ms) - n_copy} "
                  f"paraphrased) cover {cov_a:.0%} and {cov_b:.0%}")
    return Assessment(ms, kind, round(min(1.0, score), 4), round(min(1.0, cov_a), 4),
                      round(min(1.0, cov_b), 4), linked, reason)


def _when(article: Article) -> dt.datetime | dt.date | None:
    if not article.published:
        return None
    try:
        value = dt.datetime.fromisoformat(article.published)
    except ValueError:
        return article.published_date
    if len(article.published) <= 10:
        return value.date()
    return value


def _earlier(a: Article, b: Article) -> bool | None:
    """True when ``a`` was published before ``b``, False after, None when unknown or equal."""
    wa, wb = _when(a), _when(b)
    if wa is None or wb is None:
        return None
    if isinstance(wa, dt.datetime) and isinstance(wb, dt.datetime) and (
            (wa.tzinfo is None) == (wb.tzinfo is None)):
        pass
    else:
        wa = wa.date() if isinstance(wa, dt.datetime) else wa
        wb = wb.date() if isinstance(wb, dt.datetime) else wb
    if wa == wb:
        return None
    return wa < wb


def _leading_part(matched: set[int], feats: Sequence[SentenceFeatures],
                  settings: ReuseSettings) -> bool:
    """Whether the text ``feats`` has beyond the ``matched`` sentences lies mostly after them:
    unmatched sentences before the last matched one (a headline, a dateline) add up to at most a
    fifth of those after it. Sentences too short to align do not count."""
    last = max(matched)
    before = after = 0
    for i, f in enumerate(feats):
        if i in matched or f.n_words < settings.min_sentence_words or \
                _length(f) < settings.min_passage_chars:
            continue
        if i < last:
            before += _length(f)
        else:
            after += _length(f)
    return after > 0 and before <= 0.2 * after


def direction(
    a: Article, b: Article, assessment: Assessment,
    fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures], settings: ReuseSettings,
) -> tuple[bool | None, str]:
    """``(a_is_source, evidence)``; ``a_is_source`` is None when the evidence does not decide."""
    first = _earlier(a, b)
    if first is not None:
        src, tgt = (a, b) if first else (b, a)
        return first, f"published earlier ({src.published} before {tgt.published})"
    ca, cb, c = assessment.coverage_a, assessment.coverage_b, settings.containment
    if max(ca, cb) >= c and abs(ca - cb) >= 0.05:
        short_is_a = ca > cb
        long_feats = fb if short_is_a else fa
        matched = {m.b if short_is_a else m.a for m in assessment.matches}
        if _leading_part(matched, long_feats, settings):
            return (not short_is_a), (
                f"trimmed copy: one article is the leading {max(ca, cb):.0%}-covered part of the "
                f"other, which goes on after it")
        return short_is_a, (
            f"expanded copy: one article ({max(ca, cb):.0%} covered) is embedded in the other "
            f"with new text before or between its sentences")
    return None, "no publication dates and neither article contains the other: direction unknown"


def make_link(a: Article, b: Article, assessment: Assessment, passages: Sequence[Passage],
              a_is_source: bool | None, evidence: str) -> ReuseLink:
    """A :class:`ReuseLink` oriented source -> target (id order when undirected)."""
    flip = (a_is_source is False) or (a_is_source is None and b.id < a.id)
    ps = tuple(sorted(
        (Passage(p.target_span, p.source_span, p.similarity, p.kind) if flip else p
         for p in passages), key=lambda p: (p.source_span, p.target_span)))
    src, tgt = (b, a) if flip else (a, b)
    cs, ct = ((assessment.coverage_b, assessment.coverage_a) if flip
              else (assessment.coverage_a, assessment.coverage_b))
    assert assessment.kind is not None
    return ReuseLink(src.id, tgt.id, assessment.kind, assessment.score, cs, ct,
                     a_is_source is not None, ps, evidence)


def families(articles: Sequence[Article], links: Sequence[ReuseLink]) -> tuple[Family, ...]:
    """Derivation families (connected components), every article in exactly one."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        ra, rb = find(link.source_id), find(link.target_id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        groups[find(a.id)].append(a.id)
    by_id = {a.id: a for a in articles}
    out = []
    for ids in groups.values():
        ids = sorted(set(ids))
        out.append(Family(content_id(*ids), tuple(ids), _origin(ids, by_id, links)))
    return tuple(sorted(out, key=lambda f: f.article_ids))


def _origin(ids: list[str], by_id: dict[str, Article], links: Sequence[ReuseLink]) -> str | None:
    if len(ids) == 1:
        return ids[0]
    members = set(ids)
    fam_links = [x for x in links if x.source_id in members]
    has_in = {x.target_id for x in fam_links if x.directed}
    has_out = {x.source_id for x in fam_links if x.directed}
    roots = [i for i in ids if i not in has_in and i in has_out]
    if len(roots) == 1 and not [i for i in ids if i not in has_in and i not in has_out]:
        return roots[0]
    dated = sorted((by_id[i].published_date, i) for i in ids if by_id[i].published_date)
    if len(dated) == len(ids) and (len(dated) == 1 or dated[0][0] < dated[1][0]):
        return dated[0][1]
    covered: dict[str, float] = defaultdict(float)
    for x in fam_links:
        covered[x.source_id] += x.coverage_source
        covered[x.target_id] += x.coverage_target
    best = sorted(((-v, i) for i, v in covered.items()))
    if best and (len(best) == 1 or best[0][0] < best[1][0]):
        return best[0][1]
    return None
