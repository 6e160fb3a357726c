"""Story and event titles for the reader: the most representative headline.

The stories stage names a story by the text of its most central article, which is a lead sentence
when that article has no headline ("In a message that underscored the deepening ties between
Russia and North Korea, Russian President Vladimir..."). A reader expects a headline. The report
build names each story and event here, from the stage records (articles, families):

1. the headline of the origin of the story's largest derivation family (the item the others
   rewrote), when it has one;
2. else the headline most shared: of the articles with a headline, the one in the largest family,
   then the one whose words the story's articles use most (the headline that speaks for most of
   the coverage), then the earliest published, then the smallest id;
3. else, when no article of the story has a headline, the lead sentence of the article ranked
   first by the same order, shortened at a word boundary.

The title's article and whether it is a headline or a shortened lead are kept beside the title
(``title_article_id``, ``title_from``), so the reader can trace it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Literal

from storyline.models import Document, Family, Story
from storyline.text.display import trim

TitleFrom = Literal["headline", "lead"]

#: Longest title, in characters (a headline is rarely longer; a lead sentence is cut here).
MAX_TITLE_CHARS = 110
#: Articles of a story read to score how representative a headline is (the first by id), and
#: most headlines scored: enough to tell which headline speaks for the coverage, bounded for
#: stories of thousands of articles.
SAMPLE_ARTICLES = 200
#: Characters of each sampled article read for that score (headline words show up in the lead).
SAMPLE_CHARS = 2000

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclasses.dataclass(frozen=True)
class Title:
    text: str
    article_id: str | None
    source: TitleFrom


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _headline(doc: Document) -> str | None:
    t = " ".join((doc.article.title or "").split())
    return t or None


def _lead(doc: Document) -> str:
    text = doc.article.text
    for s in doc.annotation.sentences:
        sent = " ".join(text[s.start:s.end].split())
        if len(sent) > 20:
            return sent
    return " ".join(text.split())


def choose_title(article_ids: Sequence[str], docs: Mapping[str, Document],
                 families: Sequence[Family],
                 family_of: Mapping[str, Family] | None = None) -> Title | None:
    """The title of a set of articles (see module), or None when none of them is known.
    ``family_of`` (article id -> its family, see :func:`family_index`) limits the families
    looked at to the members' own: a corpus of many stories is then titled in linear time."""
    members = [a for a in sorted(set(article_ids)) if a in docs]
    if not members:
        return None
    in_set = set(members)
    if family_of is not None:
        families = list({id(f): f for a in members
                         if (f := family_of.get(a)) is not None}.values())
    fam_size: dict[str, int] = {}
    origins: dict[str, int] = {}  # origin id -> members of its family in the set
    for f in families:
        n = len(in_set.intersection(f.article_ids))
        for a in f.article_ids:
            if a in in_set:
                fam_size[a] = n
        if f.origin_id in in_set:
            origins[f.origin_id] = n  # type: ignore[index]
    largest = max(origins.values(), default=0)
    top_origins = {o for o, n in origins.items() if n == largest and n > 1}

    sample = members[:SAMPLE_ARTICLES]
    vocab = [_words(docs[a].article.text[:SAMPLE_CHARS]) for a in sample]

    def shared(a: str) -> float:
        ws = _words(_headline(docs[a]) or _lead(docs[a]))
        if not ws:
            return 0.0
        return sum(sum(1 for v in vocab if w in v) for w in ws) / (len(ws) * len(vocab))

    def first(cands: list[str]) -> str:
        # origin and family size first; the word count only among the ones tied on those (at
        # most SAMPLE_ARTICLES of them, the earliest), so a story of thousands stays cheap
        def cheap(a: str) -> tuple:
            return (a not in top_origins, -fam_size.get(a, 1))

        def when(a: str) -> tuple:
            return (docs[a].article.published or "\uffff", a)

        best = min(cheap(a) for a in cands)
        tied = sorted((a for a in cands if cheap(a) == best), key=when)[:SAMPLE_ARTICLES]
        return min(tied, key=lambda a: (-round(shared(a), 6), *when(a)))

    with_headline = [a for a in members if _headline(docs[a])]
    if with_headline:
        top = first(with_headline)
        return Title(trim(_headline(docs[top]) or "", MAX_TITLE_CHARS), top, "headline")
    top = first(members)
    return Title(trim(_lead(docs[top]), MAX_TITLE_CHARS), top, "lead")


def family_index(families: Sequence[Family]) -> dict[str, Family]:
    """Article id -> its family (families are disjoint: one derivation family per article)."""
    return {a: f for f in families for a in f.article_ids}


def retitle(stories: Sequence[Story], docs: Sequence[Document],
            families: Sequence[Family]) -> tuple[tuple[Story, ...], dict[str, Title]]:
    """The stories with their titles and their events' titles chosen here, and the choice for
    each story and event id (for ``title_article_id`` / ``title_from`` in the report)."""
    by_id = {d.id: d for d in docs}
    family_of = family_index(families)
    chosen: dict[str, Title] = {}
    out = []
    for st in stories:
        events = []
        for ev in st.events:
            t = choose_title(ev.article_ids, by_id, families, family_of)
            if t is not None:
                chosen[ev.id] = t
                ev = dataclasses.replace(ev, title=t.text)
            events.append(ev)
        t = choose_title(st.article_ids, by_id, families, family_of)
        if t is not None:
            chosen[st.id] = t
            st = dataclasses.replace(st, title=t.text)
        out.append(dataclasses.replace(st, events=tuple(events)))
    return tuple(out), chosen


__all__ = ["MAX_TITLE_CHARS", "Title", "choose_title", "retitle"]
