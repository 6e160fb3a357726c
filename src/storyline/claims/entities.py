"""Entities: one record for every form of one name across the corpus.

Two passes, in the spirit of cross-document coreference by name matching (Bagga & Baldwin 1998:
resolve within each document first, then link the document-level chains across documents):

1. **In each article** (:func:`article_names`) the names are the spaCy NER mentions, the acronyms
   defined in the text with their long forms (:func:`~storyline.claims.aliases.
   find_acronym_definitions`) and the speaker / via / subject strings of the article's claims that
   look like names. Forms with one :func:`~storyline.claims.aliases.variant_key` are one name;
   an acronym joins its long form; a one-word name joins the unique multi-word person name of the
   article that begins or ends with it ("Putin" -> "Vladimir Putin", "Kim" -> "Kim Jong Un";
   two candidates -> no link). A group is then matched against the known names
   (:mod:`storyline.claims.agencies`) with the country words near its mentions.
2. **Across articles** groups sharing a full key (a multi-word name, an acronym, a non-person
   name, or a known-table row) are merged, never two groups matched to different table rows
   ("Central News Agency" of Pyongyang and of Taipei stay apart). One-word person names that were
   not linked in their article join the unique corpus person whose name begins or ends with them.
   An acronym with no definition in its article joins the unique entity with an acronym that is
   another Latin spelling of the same Cyrillic acronym ("SWO" ~ "SVO").

Entity ids are ``content_id(type, name)``; names are the table name, else the most informative
form (a long form over its acronym, more words over fewer, then the most frequent).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from storyline.claims.agencies import NameTable, choose, name_table
from storyline.claims.aliases import (
    clean_surface,
    display_name,
    find_acronym_definitions,
    is_acronym,
    name_tokens,
    translit_equivalent,
    variant_key,
)
from storyline.claims.settings import ClaimsSettings
from storyline.models import Claim, Document, Entity, content_id
from storyline.text import UnionFind, name_key

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "LANGUAGE", "EVENT", "LAW"})
EVENT_HEADS = frozenset({
    "operation", "war", "invasion", "offensive", "campaign", "conflict", "revolution", "crisis",
    "summit", "election", "games", "olympics", "cup", "championship", "festival", "attack",
    "strike", "uprising",
})
_LABEL_ORDER = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART",
                "LAW", "LANGUAGE")


@dataclass
class Form:
    """One name (one variant key) in one article."""

    surface: Counter = field(default_factory=Counter)  # display form -> count
    labels: Counter = field(default_factory=Counter)
    starts: list[int] = field(default_factory=list)
    outlet: bool = False
    defined: bool = False  # an acronym defined in this article, or its long form
    event: bool = False  # long form headed by an event noun ("special military operation")

    @property
    def label(self) -> str:
        """The most frequent NER label (ties in ``_LABEL_ORDER``); "" when none was seen."""
        named = {k: v for k, v in self.labels.items() if k}
        if not named:
            return ""
        best = max(named.values())
        return min((k for k, v in named.items() if v == best),
                   key=lambda k: (_LABEL_ORDER.index(k) if k in _LABEL_ORDER else 99, k))

    def add(self, surface: str, label: str, start: int) -> None:
        self.surface[surface] += 1
        self.labels[label] += 1
        if start >= 0:
            self.starts.append(start)


@dataclass
class ArticleNames:
    """The names of one article grouped into local entities."""

    forms: dict[str, Form]
    group: dict[str, str]  # key -> group representative key
    known: dict[str, int | None]  # group rep -> table row

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in sorted(self.forms):
            out.setdefault(self.group[k], []).append(k)
        return out

    def to_state(self) -> list[Any]:
        """A JSON form, for the store's per-article cache (``storyline report`` reads it back
        instead of finding the names again). Every mapping is a list of pairs, so that its order
        (which breaks ties between display forms) survives a JSON writer that sorts keys."""
        return [[[k, list(f.surface.items()), list(f.labels.items()), f.starts, f.outlet,
                  f.defined, f.event] for k, f in self.forms.items()],
                list(self.group.items()), list(self.known.items())]

    @classmethod
    def from_state(cls, state: Any) -> ArticleNames:
        forms, group, known = state
        return cls(forms={k: Form(Counter(dict(surface)), Counter(dict(labels)), list(starts),
                                  outlet, defined, event)
                          for k, surface, labels, starts, outlet, defined, event in forms},
                   group=dict(group), known=dict(known))

    def key_of(self, text: str | None) -> str | None:
        """The key under which ``text`` (a name as written) is known in the article."""
        if not text:
            return None
        for cand in (variant_key(text), variant_key(display_name(text, person=True))):
            if cand in self.forms:
                return cand
        return None

    def fullest(self, text: str) -> str:
        """The most informative form of ``text``'s local entity ("Putin" -> "Vladimir Putin")."""
        key = self.key_of(text)
        if key is None:
            return clean_surface(text)
        members = [k for k, g in self.group.items() if g == self.group[key]]
        return best_name([self.forms[k] for k in members])


def best_name(forms: Iterable[Form]) -> str:
    scored = []
    for f in forms:
        for s, n in f.surface.items():
            scored.append((not is_acronym(s), len(name_tokens(s)), n, "-" not in s, s))
    return max(scored)[-1] if scored else ""


def _looks_like_name(doc: Document, text: str) -> bool:
    """Every word capitalised, and where it occurs in the text the words are proper nouns."""
    words = [w for w in text.split() if w.lower() not in ("of", "the", "and", "for", "de")]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    pos = doc.text.find(text)
    if pos < 0:
        return False
    tokens = tuple(doc.annotation.tokens)  # records made once (models.Tokens)
    lo = bisect.bisect_left(tokens, pos, key=lambda t: t.start)
    hi = bisect.bisect_left(tokens, pos + len(text), lo, key=lambda t: t.start)
    toks = tokens[lo:hi]
    return bool(toks) and all(t.pos in ("PROPN", "PART", "PUNCT", "ADP", "DET", "CCONJ")
                              for t in toks) and any(t.pos == "PROPN" for t in toks)


def _cue_words(doc: Document, start: int, n: int = 6) -> list[str]:
    """Folded words of the ``n`` tokens before char ``start`` in its sentence."""
    if n <= 0:
        return []
    sent_start = 0
    for s in doc.annotation.sentences:
        if s.start <= start < s.end:
            sent_start = s.start
            break
    before = doc.text[sent_start:start]
    return name_key(" ".join(re.findall(r"[\w'’.-]+", before)[-n:])).split()


def article_names(doc: Document, claims: Sequence[Claim] = (), table: NameTable | None = None,
                  settings: ClaimsSettings | None = None) -> ArticleNames:
    """Names of ``doc`` (NER mentions, acronym definitions, claim speakers/vias/subjects),
    grouped within the article (see the module docstring)."""
    settings = settings or ClaimsSettings()
    forms: dict[str, Form] = {}

    def add(text: str, label: str, start: int, person: bool) -> str | None:
        surface = display_name(text, person=person)
        key = variant_key(surface)
        if not key or "\n" in text.strip() or not any(c.isalpha() for c in surface):
            return None
        forms.setdefault(key, Form()).add(surface, label, start)
        return key

    for m in doc.annotation.mentions:
        if m.label in NAME_LABELS and m.text[:1].isupper() or (m.label in NAME_LABELS
                                                               and m.text[:4] == "the "):
            add(m.text, m.label, m.start, m.label == "PERSON")
    if table is not None:
        for start, end in _known_names_missed(doc, table):
            add(doc.text[start:end], "", start, False)
    links: list[tuple[str, str]] = []
    for d in find_acronym_definitions(doc):
        head = d.long_form.split()[-1].lower()
        label = "EVENT" if head in EVENT_HEADS else ""
        lk = add(d.long_form, label, d.long_span[0], False)
        ak = add(d.acronym, label, d.acronym_span[0], False)
        if lk and ak:
            forms[lk].defined = forms[ak].defined = True
            forms[lk].event = forms[ak].event = head in EVENT_HEADS
            links.append((lk, ak))
    for c in claims:
        for role, text in (("speaker", c.speaker), ("via", c.via), ("subject", c.subject)):
            if not text:
                continue
            surface = display_name(text, person=role == "speaker")
            key = variant_key(surface)
            if key in forms or is_acronym(surface) or (
                    table is not None and table.candidates(surface, outlet=role == "via")) \
                    or _looks_like_name(doc, surface):
                label = "PERSON" if role == "speaker" and not is_acronym(surface) else ""
                k = add(surface, label if key not in forms else "", -1, role == "speaker")
                if k and role == "via":
                    forms[k].outlet = True

    uf = UnionFind(forms)
    find, union = uf.find, uf.union
    for a, b in links:
        union(a, b)
    persons = [k for k, f in forms.items() if f.label == "PERSON" and len(name_tokens(
        next(iter(f.surface)))) >= 2]
    for k, f in sorted(forms.items()):
        if f.label in _PLACE_LABELS or f.defined or k in persons:
            continue
        surface = next(iter(f.surface))
        if is_acronym(surface) or len(name_tokens(surface)) != 1:
            continue
        if not settings.entity_link_surnames or (
                table is not None and table.candidates(surface, outlet=f.outlet)):
            continue
        tok = name_tokens(surface)[0]
        owners = {find(p) for p in persons
                  if tok in _ends(next(iter(forms[p].surface)))}
        if len(owners) == 1:
            union(k, next(iter(owners)))
    group = {k: find(k) for k in forms}
    known: dict[str, int | None] = {}
    if table is not None:
        members: dict[str, list[str]] = {}
        for k, g in group.items():
            members.setdefault(g, []).append(k)
        for g, keys in members.items():
            votes, exact, cues = [], [], set()
            for k in sorted(keys):
                f = forms[k]
                for s in f.surface:
                    v = table.candidates(s, outlet=f.outlet)
                    votes.append(v)
                    exact.append({r for r in v if table.is_exact(s, r)})
                for st in f.starts[:5]:
                    cues |= table.countries_in(_cue_words(doc, st, settings.entity_cue_words))
            known[g] = choose(table, votes, exact, cues)
    return ArticleNames(forms, group, known)


def _known_names_missed(doc: Document, table: NameTable, longest: int = 6
                        ) -> list[tuple[int, int]]:
    """Spans of capitalised words outside NER mentions that name a row of the known-names table
    (NER misses rare names: "Daesh" tagged as an adjective); longest match first."""
    text, toks = doc.text, tuple(doc.annotation.tokens)  # records made once (models.Tokens)
    covered = sorted((m.start, m.end) for m in doc.annotation.mentions)
    ends = list(itertools.accumulate((b for _, b in covered), max))  # furthest end so far
    starts = [a for a, _ in covered]

    def in_mention(at: int) -> bool:
        k = bisect.bisect_right(starts, at)
        return k > 0 and ends[k - 1] > at

    caps = [i for i, t in enumerate(toks) if text[t.start:t.start + 1].isupper()
            and not in_mention(t.start)]
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    capset = set(caps)
    for i in caps:
        if i in used:
            continue
        for n in range(longest, 0, -1):
            span = range(i, i + n)
            if not all(j in capset or (j < len(toks) and text[toks[j].start:toks[j].end]
                                       in ("of", "-", "the")) for j in span) \
                    or span[-1] not in capset:
                continue
            start, end = toks[i].start, toks[span[-1]].end
            if table.candidates(text[start:end]):
                out.append((start, end))
                used.update(span)
                break
    return out


def _ends(name: str) -> set[str]:
    toks = name_tokens(name)
    return {toks[0], toks[-1]} if toks else set()


# ----------------------------------------------------------------------------- corpus


@dataclass
class _Group:
    article_id: str
    keys: list[str]
    forms: list[Form]
    known: int | None

    def person_names(self) -> list[str]:
        return [s for f in self.forms if f.label == "PERSON" for s in f.surface
                if sum(len(t) > 1 for t in name_tokens(s)) >= 2]

    def acronyms(self) -> list[str]:
        return [s for f in self.forms for s in f.surface if is_acronym(s)]


def resolve_entities(docs: Sequence[Document], claims: Sequence[Claim], settings: ClaimsSettings
                     ) -> tuple[tuple[Entity, ...], tuple[Claim, ...]]:
    """Entities of the corpus, and ``claims`` with ``speaker_entity_id`` / ``via_entity_id`` /
    ``subject_entity_id`` filled where the name is one of an entity's forms."""
    table = name_table(settings.alias_file)
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    locals_ = {doc.id: article_names(doc, by_article.get(doc.id, ()), table, settings)
               for doc in docs}
    return merge_names(locals_, claims, settings, table)


def merge_names(locals_: Mapping[str, ArticleNames], claims: Sequence[Claim],
                settings: ClaimsSettings, table: NameTable | None = None
                ) -> tuple[tuple[Entity, ...], tuple[Claim, ...]]:
    """The corpus step of :func:`resolve_entities`: the names of each article
    (:func:`article_names`, one pure function per article, which the Spark engine runs per
    partition) merged into the corpus' entities, and ``claims`` with their entity ids filled."""
    table = table if table is not None else name_table(settings.alias_file)
    groups: list[_Group] = []
    for doc_id in sorted(locals_):
        names = locals_[doc_id]
        for gkey, keys in names.groups().items():
            groups.append(_Group(doc_id, keys, [names.forms[k] for k in keys],
                                 names.known.get(gkey)))

    uf = UnionFind(range(len(groups)))
    find = uf.find
    known = [g.known for g in groups]

    def union(i: int, j: int) -> bool:
        """Join two groups unless they are known as two different entities of the table."""
        ri, rj = find(i), find(j)
        if ri == rj:
            return True
        if known[ri] is not None and known[rj] is not None and known[ri] != known[rj]:
            return False
        lo, hi = min(ri, rj), max(ri, rj)
        uf.union(lo, hi)
        known[lo] = known[lo] if known[lo] is not None else known[hi]
        return True

    # short person keys: one-word names that begin or end a multi-word person name
    person_ends: set[str] = set()
    for g in groups:
        for n in g.person_names():
            person_ends |= _ends(n)
    by_key: dict[str, list[int]] = {}
    short_only: list[int] = []
    for i, g in enumerate(groups):
        # a defined acronym is known by its long form: "ARLF" defined as two different funds
        # in two articles is two entities
        has_person = bool(g.person_names())
        full = [k for k, f in zip(g.keys, g.forms)
                if not _is_short(k, f, person_ends, has_person)
                and not (f.defined and any(is_acronym(x) for x in f.surface))]
        if g.known is not None:
            full.append(f"\x00known:{g.known}")
        if not full:
            short_only.append(i)
        for k in full:
            by_key.setdefault(k, []).append(i)
    for k in sorted(by_key):
        first, *rest = by_key[k]
        for j in rest:
            union(first, j)
    # one-word person names: the unique corpus person they begin or end
    owners: dict[str, set[int]] = {}
    short_set = set(short_only)  # membership per group: a list made this quadratic
    for i, g in enumerate(groups):
        if i in short_set:
            continue
        for n in g.person_names():
            for t in _ends(n):
                owners.setdefault(t, set()).add(i)
    short_by_key: dict[str, list[int]] = {}
    for i in short_only:
        short_by_key.setdefault(groups[i].keys[0], []).append(i)
    for k in sorted(short_by_key):
        idx = short_by_key[k]
        roots = {find(o) for o in owners.get(k, ())} if settings.entity_link_surnames else set()
        target = next(iter(roots)) if len(roots) == 1 else idx[0]
        for j in idx:
            union(target, j)
    # an undefined acronym: the unique entity with a transliteration-equivalent acronym
    defined_acr: dict[str, set[int]] = {}
    for i, g in enumerate(groups):
        for f in g.forms:
            if f.defined:
                for s in f.surface:
                    if is_acronym(s):
                        defined_acr.setdefault(s.upper(), set()).add(i)
    # the defined acronyms transliteration-equivalent to an undefined one, per acronym: the
    # same agency acronym in thousands of articles is compared with the defined ones once
    translit: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        if g.known is not None or any(f.defined for f in g.forms) or len(g.forms) != 1:
            continue
        acr = [s for s in g.forms[0].surface if is_acronym(s)]
        if not acr:
            continue
        roots = {find(j) for j in defined_acr.get(acr[0].upper(), ())}
        if not roots and settings.entity_translit_acronyms:
            if acr[0] not in translit:
                translit[acr[0]] = [j for a, js in defined_acr.items()
                                    if translit_equivalent(a, acr[0]) for j in js]
            roots = {find(j) for j in translit[acr[0]]}
        if len(roots) == 1:
            union(next(iter(roots)), i)

    comps: dict[int, list[int]] = {}
    for i in range(len(groups)):
        comps.setdefault(find(i), []).append(i)
    entities: list[Entity] = []
    entity_of: dict[tuple[str, str], str] = {}  # (article id, key) -> entity id
    used: set[str] = set()
    for root, members in sorted(comps.items()):
        ent = _make_entity([groups[i] for i in members], known[root], table)
        if ent.id in used:
            ent = replace(ent, id=content_id(ent.type, ent.name, *ent.article_ids))
        used.add(ent.id)
        entities.append(ent)
        for i in members:
            for k in groups[i].keys:
                entity_of[(groups[i].article_id, k)] = ent.id
    entities.sort(key=lambda e: (e.type, e.name, e.id))

    def lookup(article_id: str, text: str | None) -> str | None:
        names = locals_.get(article_id)
        if names is None or not text:
            return None
        key = names.key_of(text)
        return entity_of.get((article_id, key)) if key else None

    out = []
    for c in claims:
        changes: dict[str, str | None] = {}
        if c.speaker and c.speaker_entity_id is None:
            changes["speaker_entity_id"] = lookup(c.article_id, c.speaker)
        if c.via and c.via_entity_id is None:
            changes["via_entity_id"] = lookup(c.article_id, c.via)
        if c.subject and getattr(c, "subject_entity_id", None) is None \
                and hasattr(c, "subject_entity_id"):
            changes["subject_entity_id"] = lookup(c.article_id, c.subject)
        found = {k: v for k, v in changes.items() if v is not None}
        # a claim with no entity to fill is kept as it is (replace() would rebuild it)
        out.append(replace(c, **found) if found else c)  # type: ignore[arg-type]
    return tuple(entities), tuple(out)


def _is_short(key: str, form: Form, person_ends: set[str], in_person_group: bool) -> bool:
    """A one-word name that begins or ends a person's name: not a key to merge on ("Kim"),
    whatever NER called it when its article linked it to a person."""
    surface = next(iter(form.surface))
    return ((form.label in ("PERSON", "") or in_person_group) and not is_acronym(surface)
            and not form.defined and len(name_tokens(surface)) == 1 and key in person_ends)


def _make_entity(groups: list[_Group], row: int | None, table: NameTable) -> Entity:
    forms = [f for g in groups for f in g.forms]
    if row is not None:
        name, typ = table.entries[row].name, table.entries[row].type
    else:
        name = best_name(forms)
        if any(g.person_names() for g in groups):
            typ = "PERSON"
        elif any(f.event for f in forms):
            typ = "EVENT"
        else:
            labels: Counter = Counter()
            for f in forms:
                labels.update({k: v for k, v in f.labels.items() if k})
            typ = next((lb for lb in _LABEL_ORDER if labels and labels[lb] == max(
                labels.values())), "ORG")
    aliases = sorted({s for f in forms for s in f.surface if s != name})
    article_ids = tuple(sorted({g.article_id for g in groups}))
    return Entity(id=content_id(typ, name), name=name, type=typ, aliases=tuple(aliases),
                  article_ids=article_ids)
