"""The report dict arranged for reading: what the HTML report, report.md and ``storyline serve``
show, computed once from the ``report.json`` shape.

Every stage may be missing (its list empty) and every optional key may be absent, so everything
here reads with ``.get`` and falls back to something honest ("not computed") rather than failing.
Articles not in any story, and checks or timeline entries that name no story, are gathered in a
synthetic story so nothing in the report goes unshown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from storyline.crosscheck.settings import CheckSettings
from storyline.report.diff import Segment, diff_segments
from storyline.serialize import from_dict
from storyline.sources import join_by_outlet

STATUS_ORDER: dict[Any, int] = {"conflicting": 0, "misquoted": 0, "single_source": 1, "corroborated": 2}
STATUS_LABEL: dict[Any, str] = {
    "conflicting": "Conflict",
    "misquoted": "Misquote",
    "single_source": "Single source",
    "corroborated": "Corroborated",
}
UNASSIGNED_ID = "unassigned"
_NOT_ID = re.compile(r"[^0-9A-Za-z_-]")


def safe_url(url: Any) -> str | None:
    """The URL if it may become a link (http or https with a host), else None."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(
        c in u for c in "\x00\r\n\t <>\"'`"
    ):
        return u
    return None


def anchor(kind: str, ident: Any) -> str:
    """A stable HTML id for a record (ids are content hashes; anything else is made safe)."""
    return f"{kind}-{_NOT_ID.sub('_', str(ident))}"


def href(kind: str, ident: Any, base: str = "") -> str:
    """Link to a record: an anchor in report.html (``base=""``), or, in ``storyline serve``
    (``base="web"``), the page of an article or the redirect to a check's story."""
    if base == "web" and kind in ("art", "check", "story"):
        path = {"art": "articles", "check": "checks", "story": "stories"}[kind]
        return f"/{path}/{quote(str(ident), safe='')}"
    return "#" + anchor(kind, ident)


@dataclass
class Index:
    """Look-ups over one report dict."""

    report: Mapping[str, Any]
    # Keys are ids read from report.json (untyped JSON), so look-ups take Any.
    articles: dict[Any, Mapping[str, Any]] = field(default_factory=dict)
    claims: dict[Any, Mapping[str, Any]] = field(default_factory=dict)
    family_of: dict[Any, Mapping[str, Any]] = field(default_factory=dict)
    claims_by_article: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    links_by_article: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    checks_by_claim: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    check_settings: CheckSettings = field(default_factory=CheckSettings)
    # material_wording's answers for this report: wire copies repeat the same sentence pairs
    _material: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, report: Mapping[str, Any]) -> Index:
        ix = cls(report)
        section = (report.get("settings") or {}).get("checks")
        if isinstance(section, Mapping):  # the settings the report's checks were made with
            ix.check_settings = from_dict(CheckSettings, section)
        for a in report.get("articles") or ():
            ix.articles[a["id"]] = a
        for c in report.get("claims") or ():
            ix.claims[c["id"]] = c
            ix.claims_by_article.setdefault(c.get("article_id"), []).append(c)
        for f in report.get("families") or ():
            for aid in f.get("article_ids") or ():
                ix.family_of[aid] = f
        for link in report.get("reuse") or ():
            ix.links_by_article.setdefault(link.get("source_id"), []).append(link)
            ix.links_by_article.setdefault(link.get("target_id"), []).append(link)
        for ch in report.get("checks") or ():
            for cid in ch.get("claim_ids") or ():
                ix.checks_by_claim.setdefault(cid, []).append(ch)
        for s in report.get("stories") or ():
            for aid in s.get("article_ids") or ():
                ix.story_of.setdefault(aid, s["id"])
        return ix

    def material_wording(self, a: str, b: str) -> bool:
        """Whether two stretches of wording differ materially, by the cross-check's own rule
        (:func:`storyline.crosscheck.compare.wording_difference` with the report's settings):
        the sentences of a check are marked where the cross-check would see a difference, and
        not where it ruled reporting style ("two" / "2", "I'm" / "I am", "6:00" / "6")."""
        from storyline.crosscheck.compare import wording_difference
        from storyline.crosscheck.text import words

        known = self._material.get((a, b))
        if known is None:
            found = wording_difference(words(a), words(b), self.check_settings)
            # found None: a whole clause differs
            known = self._material[(a, b)] = found is None or len(found) > 0
        return known

    def label(self, article_id: str) -> str:
        """Short human name of an article: outlet, else title, else source file."""
        a = self.articles.get(article_id)
        if a is None:
            return article_id[:12]
        return a.get("outlet") or a.get("title") or (a.get("source") or "").rsplit("/", 1)[-1] \
            or article_id[:12]

    def sentence_span(self, claim: Mapping[str, Any]) -> tuple[int, int] | None:
        """The sentence behind a claim: its ``sentence_span``, else the article sentences that
        hold its span, else the span itself."""
        span = claim.get("span")
        if claim.get("sentence_span"):
            s, e = claim["sentence_span"]
            return int(s), int(e)
        if not span:
            return None
        s, e = int(span[0]), int(span[1])
        art = self.articles.get(claim.get("article_id"))
        sents = (art or {}).get("sentences") or []
        if sents:
            starts = [x[0] for x in sents]
            i = max(bisect.bisect_right(starts, s) - 1, 0)
            j = max(bisect.bisect_right(starts, max(e - 1, s)) - 1, i)
            return min(int(sents[i][0]), s), max(int(sents[j][1]), e)
        return s, e


def date_part(published: Any) -> str | None:
    return published[:10] if isinstance(published, str) and len(published) >= 4 else None


def check_sort_key(ch: Mapping[str, Any]) -> tuple:
    return (STATUS_ORDER.get(ch.get("status"), 3), -len(ch.get("article_ids") or ()),
            str(ch.get("id")))


def claim_rows(ix: Index, check: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per claim of a check: the article, the sentence and its word-level differences
    to the other claims' sentences (the first claim is the reference)."""
    rows: list[dict[str, Any]] = []
    texts: list[str] = []
    offsets: list[tuple[int, int, int, int]] = []  # sentence start/end, claim start/end
    for cid in check.get("claim_ids") or ():
        claim = ix.claims.get(cid)
        art = ix.articles.get(claim.get("article_id")) if claim else None
        if claim is None or art is None:
            rows.append({"claim_id": cid, "missing": True})
            continue
        text = art.get("text") or ""
        ss = ix.sentence_span(claim) or (0, 0)
        s0, e0 = max(0, ss[0]), min(len(text), ss[1])
        span = claim.get("span") or (s0, s0)
        rows.append({"claim": claim, "article": art, "missing": False,
                     "family": ix.family_of.get(art["id"]), "label": ix.label(art["id"])})
        texts.append(text[s0:e0])
        offsets.append((s0, e0, int(span[0]) - s0, int(span[1]) - s0))
    segs = diff_segments(texts, [(o[2], o[3]) for o in offsets], material=ix.material_wording)
    k = 0
    for row in rows:
        if not row["missing"]:
            row["segments"] = segs[k]
            row["sentence_start"], row["sentence_end"] = offsets[k][0], offsets[k][1]
            k += 1
    return rows


@dataclass
class StoryView:
    id: str
    title: str
    article_ids: list[str]
    events: list[Mapping[str, Any]]
    checks: list[Mapping[str, Any]]
    families: list[Mapping[str, Any]]
    links: list[Mapping[str, Any]]
    timeline: list[Mapping[str, Any]]
    entities: list[Mapping[str, Any]]
    synthetic: bool = False

    @property
    def anchor(self) -> str:
        return anchor("story", self.id)

    def count(self, *statuses: str) -> int:
        return sum(1 for c in self.checks if c.get("status") in statuses)

    def check_groups(self) -> list[tuple[str, str, list[Mapping[str, Any]]]]:
        """The checks in reading order as ``(key, heading, checks)``: conflicts and misquotes;
        claims repeated by several articles that rest on one source (the pattern of one item
        relayed by many outlets); corroborated claims; then the rest (claims of one article),
        which the page folds. Empty groups are left out; within a group the stage's order,
        claims carried by more articles first."""
        def more_first(checks: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            return sorted(checks, key=lambda c: -len(c.get("article_ids") or ()))

        problems = [c for c in self.checks if c.get("status") in ("conflicting", "misquoted")]
        single = [c for c in self.checks if c.get("status") == "single_source"]
        repeated = more_first([c for c in single if len(c.get("article_ids") or ()) > 1])
        corroborated = more_first([c for c in self.checks if c.get("status") == "corroborated"])
        shown = {id(c) for c in (*problems, *repeated, *corroborated)}
        rest = [c for c in self.checks if id(c) not in shown]
        out = [("problems", "Conflicts and misquotes", problems),
               ("repeated", "Repeated by several articles, from one source", repeated),
               ("corroborated", "Corroborated by independent sources", corroborated),
               ("rest", "Other claims, each from one article", rest)]
        return [g for g in out if g[2]]


def source_of(ix: Index, article_ids: list[str]) -> dict[str, str]:
    """Article id -> its independent source among ``article_ids``: its derivation family (an
    article in no family is its own), families of one outlet joined, as the cross-check counts
    them (:func:`storyline.sources.join_by_outlet`)."""
    fam_of = {a: ix.family_of[a]["id"] if a in ix.family_of else f"solo:{a}"
              for a in article_ids}
    source = join_by_outlet((fam_of[a], (ix.articles.get(a) or {}).get("outlet"))
                            for a in article_ids)
    return {a: source[f] for a, f in fam_of.items()}


def independent_sources(ix: Index, article_ids: list[str]) -> int | None:
    """Independent sources among ``article_ids`` (see :func:`source_of`); None when the report
    has no families at all (provenance was not computed)."""
    if not ix.report.get("families"):
        return None
    return len(set(source_of(ix, article_ids).values()))


def time_span(ix: Index, article_ids: list[str]) -> tuple[str, str] | None:
    dates = sorted(d for d in (date_part(ix.articles[a].get("published"))
                               for a in article_ids if a in ix.articles) if d)
    return (dates[0], dates[-1]) if dates else None


def story_views(ix: Index) -> list[StoryView]:
    report = ix.report
    stories = list(report.get("stories") or ())
    story_ids = {s["id"] for s in stories}

    def story_for(rec: Mapping[str, Any]) -> str:
        sid = rec.get("story_id")
        if sid in story_ids:
            return str(sid)
        for aid in rec.get("article_ids") or ():
            if aid in ix.story_of:
                return ix.story_of[aid]
        return UNASSIGNED_ID

    checks: dict[str, list] = {}
    for ch in report.get("checks") or ():
        checks.setdefault(story_for(ch), []).append(ch)
    timeline: dict[str, list] = {}
    for t in report.get("timeline") or ():
        timeline.setdefault(story_for(t), []).append(t)
    leftover = [a["id"] for a in report.get("articles") or () if a["id"] not in ix.story_of]

    specs = [(s["id"], s.get("title") or "Untitled story", list(s.get("article_ids") or ()),
              list(s.get("events") or ()), False) for s in stories]
    if leftover or checks.get(UNASSIGNED_ID) or timeline.get(UNASSIGNED_ID):
        title = "Articles not assigned to a story" if stories else "All articles"
        specs.append((UNASSIGNED_ID, title, leftover, [], True))

    # Families, links and entities indexed by article once: each story then looks at its own
    # members' records only (scanning every record per story was quadratic in the corpus).
    # Records keep the report's order.
    families = list(report.get("families") or ())
    links_all = list(report.get("reuse") or ())
    entities = list(report.get("entities") or ())
    fams_of = _by_article(families, lambda f: f.get("article_ids") or ())
    links_of = _by_article(links_all, lambda x: (x.get("source_id"),))
    ents_of = _by_article(entities, lambda e: e.get("article_ids") or ())
    views = []
    for sid, title, aids, events, synthetic in specs:
        members = set(aids)
        fams = [families[i] for i in _touching(fams_of, members)]
        links = [links_all[i] for i in _touching(links_of, members)
                 if links_all[i].get("target_id") in members]
        # an entity as the story sees it: the story's articles that name it (most first), so
        # that a section does not change when other stories' articles name it too
        ents: list[Mapping[str, Any]] = [
            {**entities[i], "article_ids": [a for a in entities[i].get("article_ids") or ()
                                            if a in members]}
            for i in _touching(ents_of, members)]
        ents.sort(key=lambda e: (-len(e["article_ids"]), e.get("name") or ""))
        views.append(StoryView(
            id=sid, title=title, article_ids=aids, events=events,
            checks=sorted(checks.get(sid, []), key=check_sort_key), families=fams, links=links,
            timeline=timeline.get(sid, []),  # the timeline stage's order (it places yearless dates)
            entities=ents, synthetic=synthetic,
        ))
    return views


def _by_article(records: list[Mapping[str, Any]], ids: Any) -> dict[Any, list[int]]:
    """Article id -> indices of the records that ``ids(record)`` lists it in."""
    out: dict[Any, list[int]] = {}
    for i, rec in enumerate(records):
        for aid in ids(rec):
            out.setdefault(aid, []).append(i)
    return out


def _touching(index: dict[Any, list[int]], members: set[str]) -> list[int]:
    """Indices (in the report's order, each once) of the records of any of ``members``."""
    return sorted({i for a in members for i in index.get(a, ())})


def marked_text_html(text: str, claims: list[Mapping[str, Any]], kind: str = "ct") -> Markup:
    """An article text as escaped HTML with every claim marked (``<mark class="focus"
    id="ct-<claim id>">``), so that each claim's anchor exists: a claim inside another (a date
    inside an indirect quote) is a mark inside the other's mark; one that runs past the end of
    the mark it starts in is cut at that end; a span past the text's end is cut to it."""
    spans = sorted(((max(0, int(c["span"][0])), min(int(c["span"][1]), len(text)), c["id"])
                    for c in claims if c.get("span")), key=lambda x: (x[0], -x[1], x[2]))
    out: list[str] = []
    pos = 0
    stack: list[int] = []  # ends of the open marks, innermost last

    def upto(end: int) -> None:
        nonlocal pos
        if end > pos:
            out.append(str(escape(text[pos:end])))
            pos = end

    for start, end, cid in spans:
        while stack and stack[-1] <= start:
            upto(stack.pop())
            out.append("</mark>")
        if stack:
            end = min(end, stack[-1])
        if start >= end:
            continue
        upto(start)
        out.append(f'<mark class="focus" id="{escape(anchor(kind, cid))}">')
        stack.append(end)
    while stack:
        upto(stack.pop())
        out.append("</mark>")
    upto(len(text))
    return Markup("".join(out))


def segments_html(segments: list[Segment]) -> Markup:
    """Segments as HTML: escaped text, ``<mark class="diff">`` for differing words and
    ``<mark class="focus">`` for the claim or passage (done here, not in a template loop,
    because reports carry tens of thousands of segments)."""
    out = []
    for seg in segments:
        text = str(escape(seg.text))
        if seg.changed:
            cls = "diff focus" if seg.focus else "diff"
            out.append(f'<mark class="{cls}">{text}</mark>')
        elif seg.focus:
            out.append(f'<mark class="focus">{text}</mark>')
        else:
            out.append(text)
    return Markup("".join(out))


def grouped_mentions(article: Mapping[str, Any]) -> list[tuple[str, list[tuple[str, int]]]]:
    """Mentions of an article grouped by label: ``[(label, [(text, count), ...]), ...]``."""
    groups: dict[str, dict[str, int]] = {}
    for m in article.get("mentions") or ():
        text = " ".join(str(m.get("text", "")).split())
        if text:
            g = groups.setdefault(str(m.get("label", "")), {})
            g[text] = g.get(text, 0) + 1
    return [(label, sorted(g.items(), key=lambda kv: (-kv[1], kv[0])))
            for label, g in sorted(groups.items())]


def passage_pairs(ix: Index, link: Mapping[str, Any], max_passages: int,
                  context: int) -> list[dict[str, Any]]:
    """The reused passages of a link, longest first, each as two texts with context and the
    shared words marked (word-level diff of the two passages)."""
    src = (ix.articles.get(link.get("source_id")) or {}).get("text") or ""
    tgt = (ix.articles.get(link.get("target_id")) or {}).get("text") or ""
    passages = sorted(link.get("passages") or (),
                      key=lambda p: (-(p["source_span"][1] - p["source_span"][0]),
                                     p["source_span"][0]))[:max_passages]
    out = []
    for p in passages:
        (s0, s1), (t0, t1) = p["source_span"], p["target_span"]
        a, b = src[s0:s1], tgt[t0:t1]
        seg_a, seg_b = diff_segments([a, b], [(0, len(a)), (0, len(b))])
        out.append({
            "passage": p,
            "identical": " ".join(a.split()) == " ".join(b.split()),
            "source": (_context(src, s0 - context, s0), seg_a, _context(src, s1, s1 + context)),
            "target": (_context(tgt, t0 - context, t0), seg_b, _context(tgt, t1, t1 + context)),
        })
    return out


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start):min(len(text), end)]


__all__ = [
    "STATUS_LABEL",
    "Index",
    "Segment",
    "StoryView",
    "anchor",
    "claim_rows",
    "grouped_mentions",
    "href",
    "independent_sources",
    "passage_pairs",
    "safe_url",
    "segments_html",
    "story_views",
    "marked_text_html",
    "time_span",
]
