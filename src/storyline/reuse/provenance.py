"""From aligned sentences to a reuse verdict, a direction and derivation families.

**Link.** Aligned sentences are evidence of reuse only together: independent reports of one
event share names, figures and often one short quote, so a link needs ``link_min_sentences``
aligned sentence pairs covering at least ``link_min_coverage`` of one article; when fewer than
``link_min_sentences`` of them are copies (verbatim or near-verbatim), the paraphrased ones must
either be ``link_min_paraphrase_sentences`` or include ``link_min_sentences`` sentences in a row,
adjacent in both articles (two texts that are nearly all the same copied text, at least
``containment`` of each, are linked however short; and so are two texts when at least
``link_majority_coverage`` of the shorter one is aligned with the other, as a short rewrite is):
independent reports of one event restate the same facts in scattered
single sentences, a rewrite follows its source passage by passage. Its kind is ``verbatim`` when nine tenths
of the aligned text is verbatim, ``near_verbatim`` when at least half is verbatim or
near-verbatim, ``paraphrase`` otherwise; its score is the share of the more-covered article that
is reused, each sentence weighted by its similarity; coverages are shares of each article's
sentence text.

**Direction.** (1) When both articles carry publication dates and their order is known, the
earlier one is the source. Precision counts: two timestamps (both with a time zone, or both
without) are compared as instants; a date-only value against a timestamp, or two dates, compare
by day, and on the same day the order is unknown (a report dated "2025-03-04" is not earlier
than one stamped 09:17 that day). (2) Otherwise, when one article credits the other's outlet
("according to X", "X reported", "told X", "as reported by X", "X said", a "(X)" dateline, a
"Copyright X" line), where X is the other article's ``outlet`` or an agency named in the other
article's dateline, and not the crediting article's own outlet, the crediting article is the
target; both crediting each other decides nothing. ``evidence`` quotes the credit. (3) Otherwise,
when one article is nearly all contained in the other (coverage >= ``containment``) and the
other clearly less (by 0.05 or more): if what the longer article has beyond the
shared text comes (nearly all) *after* it, the shorter is its leading part, a trimmed copy (news
is cut from the bottom), so the longer is the source; if the longer article adds text before or
between the shared sentences, the shorter was expanded (embedded in new text, the content-farm
pattern), so the shorter is the source. An original that was only extended at its end is thus
read as trimmed: the text alone cannot tell these apart, dates and credits can. Measured on the
labelled set (``benchmarks/reuse_quality.py``) this rule is right far more often than wrong,
so it stays; but when two articles are both derived, by date or credit, from one third article,
containment between them is explained by that common source and says nothing of which copied
which: such a link is left undirected (:func:`settle`). (4) Otherwise the link is undirected,
its ends in id order, and ``evidence`` says so.

**Families.** Connected components of links: one family is one independent source. Its likely
origin, with the reason in ``origin_reason``: the earliest article when every member is dated and
one is known to be earlier than all the others; else the article the most members credit (a
credit-directed link from it), when that is unique; else the only article with no incoming
directed link, when there is exactly one; else the article most covered by the others (its text
is what they share); ``None`` when that is tied. A singleton is its own origin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.models import (
    Article,
    DirectionBasis,
    Family,
    Passage,
    ReuseKind,
    ReuseLink,
    content_id,
)
from storyline.reuse.align import SentenceMatch, adjacent
from storyline.reuse.settings import ReuseSettings
from storyline.reuse.text import SentenceFeatures
from storyline.text import UnionFind, clean_surface, outlet_key
from storyline.text.dateline import find_dateline

EARLIER = "published earlier"
CREDIT = "credits the source"
CREDITS = "the target credits"  # in the evidence of every link whose target credits its source
TRIMMED = "trimmed copy"
EXPANDED = "expanded copy"


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
        run = run + 1 if prev is not None and adjacent(prev, m) else 1
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
    # a sentence split in two in the other text has two matches: count each sentence once
    sim_a: dict[int, float] = {}
    sim_b: dict[int, float] = {}
    for m in ms:
        sim_a[m.a] = max(sim_a.get(m.a, 0.0), m.similarity)
        sim_b[m.b] = max(sim_b.get(m.b, 0.0), m.similarity)
    cov_a = sum(_length(fa[i]) for i in sim_a) / tot_a
    cov_b = sum(_length(fb[j]) for j in sim_b) / tot_b
    score = max(sum(_length(fa[i]) * v for i, v in sim_a.items()) / tot_a,
                sum(_length(fb[j]) * v for j, v in sim_b.items()) / tot_b)
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
    elif (tot_a <= tot_b and cov_a >= settings.link_majority_coverage) or \
            (tot_b <= tot_a and cov_b >= settings.link_majority_coverage):
        linked, reason = True, (f"most of the shorter text is aligned: {len(ms)} aligned "
                                f"sentences cover {cov_a:.0%} and {cov_b:.0%}")
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


def _when(article: Article) -> tuple[dt.datetime | dt.date, bool] | None:
    """The publication time and whether it is a timestamp (True) or a day (False)."""
    if not article.published:
        return None
    if len(article.published) > 10:
        try:
            return dt.datetime.fromisoformat(article.published), True
        except ValueError:
            pass
    day = article.published_date
    return None if day is None else (day, False)


def _earlier(a: Article, b: Article) -> bool | None:
    """True when ``a`` was published before ``b``, False after, None when the order is unknown:
    a date missing, equal, or a day against a timestamp of that same day (or two timestamps of
    one day, one with a time zone and one without)."""
    wa, wb = _when(a), _when(b)
    if wa is None or wb is None:
        return None
    (ta, _), (tb, _) = wa, wb  # a timestamp is a datetime, a day a date
    if isinstance(ta, dt.datetime) and isinstance(tb, dt.datetime):
        if (ta.tzinfo is None) == (tb.tzinfo is None):
            return None if ta == tb else ta < tb
    da = ta.date() if isinstance(ta, dt.datetime) else ta
    db = tb.date() if isinstance(tb, dt.datetime) else tb
    return None if da == db else da < db


def _dated_order(a: Article, b: Article) -> str:
    """A phrase saying why dates do not order ``a`` and ``b``."""
    if not a.published or not b.published:
        return "a publication date is missing"
    return (f"their publication times ({a.published}, {b.published}) do not tell which came "
            f"first")


# ----------------------------------------------------------------------------- credits

def dateline_agency(text: str) -> str | None:
    """The agency named in the dateline at the start of ``text``, if any
    (:func:`storyline.text.dateline.find_dateline`)."""
    found = find_dateline(text)
    return found.agency if found else None


def _name_words(name: str) -> list[str]:
    """The words of ``name`` that :func:`_name_pattern` looks for, each as written."""
    return clean_surface(name).replace("-", " ").split()


def _name_pattern(name: str) -> str:
    """A regex for ``name`` as another text may write it: an optional "the", the words of the
    name separated by spaces or hyphens ("Coastal Herald" finds "the Coastal-Herald")."""
    return r"(?:[Tt]he )?" + r"[\s-]+".join(re.escape(w) for w in _name_words(name))


def _credit_patterns(name: str) -> list[re.Pattern[str]]:
    n = _name_pattern(name)
    verbs = r"(?:reported|reports|said|says|wrote|writes|quoted|cited|added|stated)"
    return [
        re.compile(rf"(?i:according to) {n}\b"),
        re.compile(rf"(?i:as reported by|reported by|quoted by|cited by|as cited by) {n}\b"),
        re.compile(rf"\b(?i:told) {n}\b"),
        re.compile(rf"(?<![\w-]){n},? (?:news agency |agency )?{verbs}\b"),
        re.compile(rf"\({n}\)"),
        re.compile(rf"(?i:copyright|\(c\)|\u00a9)(?: \d{{4}})? {n}\b"),
    ]


def _names(article: Article, *, dateline: bool) -> list[str]:
    """The outlet of ``article``, and, with ``dateline``, the agency of its dateline."""
    out = [article.outlet] if article.outlet and article.outlet.strip() else []
    agency = dateline_agency(article.text) if dateline else None
    if agency and outlet_key(agency) not in {outlet_key(x) for x in out}:
        out.append(agency)
    return out


def _own(article: Article) -> set[str]:
    """Names an article cannot credit as another's: its outlet, or, when the outlet is unknown,
    the agency of its own dateline (the article may be that agency's item)."""
    names = _names(article, dateline=not article.outlet)
    return {k for x in names if (k := outlet_key(x)) is not None}


@dataclass(frozen=True, slots=True)
class Credit:
    name: str  # the credited outlet or agency, as the source names it
    phrase: str  # the words of the target that credit it
    span: tuple[int, int]  # of ``phrase`` in the target's text


def credit(target: Article, source: Article) -> Credit | None:
    """Where ``target`` credits ``source``'s outlet (or the agency of its dateline), if it does.

    Nothing when that name is also ``target``'s own outlet (two items of one outlet both name it),
    when the outlets of the two are the same, or when the name is a single character."""
    own = _own(target)
    src_outlet = outlet_key(source.outlet)
    if src_outlet and src_outlet in own:
        return None
    for name in _names(source, dateline=True):
        key = outlet_key(name)
        if key is None or len(key) < 2 or key in own:
            continue
        # every pattern holds the name's words as written: a text without one of them is
        # skipped without running six regexes over it (most candidate pairs of a corpus)
        if not all(w in target.text for w in _name_words(name)):
            continue
        for pat in _credit_patterns(name):
            m = pat.search(target.text)
            if m:
                return Credit(name, m.group(0), m.span())
    return None


def _credit_phrase(c: Credit) -> str:
    return f"\u201c{c.phrase}\u201d at {c.span[0]}-{c.span[1]}"


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


@dataclass(frozen=True, slots=True)
class Direction:
    """What decided a link's direction (``basis``), the target's credit of the source when there
    is one, and the prose a reader is shown (display only: code switches on ``basis``)."""

    a_is_source: bool | None  # None: the evidence does not decide
    basis: DirectionBasis
    evidence: str
    credit: Credit | None = None


def direction(
    a: Article, b: Article, assessment: Assessment,
    fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures], settings: ReuseSettings,
) -> Direction:
    """Which of ``a`` and ``b`` is the source, and on what evidence."""
    b_credits_a, a_credits_b = credit(b, a), credit(a, b)
    first = _earlier(a, b)
    if first is not None:
        src, tgt = (a, b) if first else (b, a)
        note = ""
        agree = b_credits_a if first else a_credits_b
        if agree is not None:
            note = f"; {CREDITS} {agree.name} ({_credit_phrase(agree)})"
        return Direction(first, "date", f"{EARLIER} ({src.published} before {tgt.published}){note}",
                         agree)
    undated = _dated_order(a, b)
    if (b_credits_a is None) != (a_credits_b is None):
        c = b_credits_a or a_credits_b
        assert c is not None
        src = a if b_credits_a else b
        whose = "outlet" if src.outlet and outlet_key(src.outlet) == outlet_key(c.name) else (
            "dateline agency")
        return Direction(b_credits_a is not None, "credit", (
            f"{CREDIT}: {CREDITS} {c.name}, the source's {whose} "
            f"({_credit_phrase(c)}); {undated}"), c)
    both = ""
    if b_credits_a is not None and a_credits_b is not None:
        both = (f"; each credits the other ({_credit_phrase(b_credits_a)}, "
                f"{_credit_phrase(a_credits_b)}), which decides nothing")
    ca, cb, floor = assessment.coverage_a, assessment.coverage_b, settings.containment
    if max(ca, cb) >= floor and abs(ca - cb) >= 0.05:
        short_is_a = ca > cb
        long_feats = fb if short_is_a else fa
        matched = {m.b if short_is_a else m.a for m in assessment.matches}
        if _leading_part(matched, long_feats, settings):
            return Direction((not short_is_a), "trimmed", (
                f"{TRIMMED}: one article is the leading {max(ca, cb):.0%}-covered part of the "
                f"other, which goes on after it; no credit, and {undated}{both}"))
        return Direction(short_is_a, "expanded", (
            f"{EXPANDED}: one article ({max(ca, cb):.0%} covered) is embedded in the other "
            f"with new text before or between its sentences; no credit, and {undated}{both}"))
    return Direction(None, "unknown", (
        f"direction unknown: {undated}, neither credits the other's outlet and "
        f"neither article contains the other{both}"))


def settle(links: Sequence[ReuseLink]) -> tuple[ReuseLink, ...]:
    """Links with containment-only directions between two copies of one source undone.

    When ``a`` and ``b`` are both directed targets of one article ``c`` by date or credit, what
    they share is explained by ``c``: containment between them does not say which copied which,
    so their link becomes undirected (ends in id order) and its evidence says why."""
    strong: dict[str, set[str]] = defaultdict(set)
    for x in links:
        if x.directed and x.basis in ("date", "credit"):
            strong[x.target_id].add(x.source_id)
    out = []
    for x in links:
        common = strong.get(x.source_id, set()) & strong.get(x.target_id, set())
        if x.directed and x.basis in ("trimmed", "expanded") and common:
            copy = TRIMMED if x.basis == "trimmed" else EXPANDED
            evidence = (f"direction unknown: both are derived from {min(common)} (by date or "
                        f"credit), which explains what they share; containment alone "
                        f"({copy}) does not tell which copied which")
            if x.target_id < x.source_id:
                x = dataclasses.replace(
                    x, source_id=x.target_id, target_id=x.source_id,
                    coverage_source=x.coverage_target, coverage_target=x.coverage_source,
                    passages=tuple(sorted(
                        (Passage(p.target_span, p.source_span, p.similarity, p.kind)
                         for p in x.passages), key=lambda p: (p.source_span, p.target_span))))
            x = dataclasses.replace(x, directed=False, evidence=evidence, basis="shared_source")
        out.append(x)
    return tuple(sorted(out, key=lambda x: (x.source_id, x.target_id)))


def make_link(a: Article, b: Article, assessment: Assessment, passages: Sequence[Passage],
              found: Direction) -> ReuseLink:
    """A :class:`ReuseLink` oriented source -> target (id order when undirected)."""
    a_is_source = found.a_is_source
    flip = (a_is_source is False) or (a_is_source is None and b.id < a.id)
    ps = tuple(sorted(
        (Passage(p.target_span, p.source_span, p.similarity, p.kind) if flip else p
         for p in passages), key=lambda p: (p.source_span, p.target_span)))
    src, tgt = (b, a) if flip else (a, b)
    cs, ct = ((assessment.coverage_b, assessment.coverage_a) if flip
              else (assessment.coverage_a, assessment.coverage_b))
    assert assessment.kind is not None
    c = found.credit
    return ReuseLink(src.id, tgt.id, assessment.kind, assessment.score, cs, ct,
                     a_is_source is not None, ps, found.evidence, found.basis,
                     c.name if c else None, c.span if c else None)


def families(articles: Sequence[Article], links: Sequence[ReuseLink]) -> tuple[Family, ...]:
    """Derivation families (connected components), every article in exactly one."""
    uf = UnionFind(a.id for a in articles)
    for link in links:
        uf.union(link.source_id, link.target_id)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        groups[uf.find(a.id)].append(a.id)
    # each family's links, in the order given (a link's two ends are in one family)
    family_links: dict[str, list[ReuseLink]] = defaultdict(list)
    for link in links:
        family_links[uf.find(link.source_id)].append(link)
    by_id = {a.id: a for a in articles}
    out = []
    for root, ids in groups.items():
        ids = sorted(set(ids))
        origin, reason = _origin(ids, by_id, family_links.get(root, []))
        out.append(Family(content_id(*ids), tuple(ids), origin, reason))
    return tuple(sorted(out, key=lambda f: f.article_ids))


def _first_published(ids: list[str], by_id: dict[str, Article]) -> str | None:
    """The one article of ``ids`` known to be published before every other, if there is one.

    Linear, not a comparison of every pair (a family of 1,000 wire copies made a million):
    ``_earlier`` is antisymmetric, so an article that precedes all others replaces any
    candidate the scan holds when it is reached and is never replaced after; one pass finds
    the only possible answer and a second confirms it."""
    best = ids[0]
    for j in ids[1:]:
        if _earlier(by_id[best], by_id[j]) is not True:
            best = j
    if all(_earlier(by_id[best], by_id[j]) for j in ids if j != best):
        return best
    return None


def _origin(ids: list[str], by_id: dict[str, Article],
            fam_links: Sequence[ReuseLink]) -> tuple[str | None, str]:
    """The origin of the family ``ids`` (sorted) and why, from its links ``fam_links``."""
    if len(ids) == 1:
        return ids[0], "the only article of its family"
    # (1) the earliest, when every member is dated and one is known to precede all the others
    if all(by_id[i].published for i in ids):
        first = _first_published(ids, by_id)
        if first is not None:
            return first, f"published first ({by_id[first].published})"
    # (2) the article the others credit
    credited: dict[str, set[str]] = defaultdict(set)
    for x in fam_links:
        if x.directed and x.credit_span is not None:
            credited[x.source_id].add(x.target_id)
    ranked = sorted(((-len(v), i) for i, v in credited.items()))
    if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]):
        top = ranked[0][1]
        name = by_id[top].outlet or dateline_agency(by_id[top].text) or top
        return top, (f"credited ({name}) by {-ranked[0][0]} of the other {len(ids) - 1} "
                     f"articles; publication dates do not order the family")
    # (3) the one article the directed links point from
    has_in = {x.target_id for x in fam_links if x.directed}
    has_out = {x.source_id for x in fam_links if x.directed}
    roots = [i for i in ids if i not in has_in and i in has_out]
    if len(roots) == 1 and not [i for i in ids if i not in has_in and i not in has_out]:
        return roots[0], "the only article no directed link points to"
    # (4) the article most covered by the others
    covered: dict[str, float] = defaultdict(float)
    for x in fam_links:
        covered[x.source_id] += x.coverage_source
        covered[x.target_id] += x.coverage_target
    best = sorted(((-v, i) for i, v in covered.items()))
    if best and (len(best) == 1 or best[0][0] < best[1][0]):
        return best[0][1], ("most covered by the others (dates, credits and directed links do "
                            "not decide)")
    return None, "undecided: no dates, credits or directed links single out one article"
