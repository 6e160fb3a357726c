"""Plain-language labels for checks, made from the claim's own words.

A check is shown to a reader under a label: the clause that carries the claim, with its subject
and verb as the article wrote them ("fire broke out", "Twelve people were injured", "city council
has set aside 2 million euros"), never the lemmas the aligner compares ("fire break", "injure
people"). The label is cut from the parse the annotate stage stored: from the claim's span, up the
dependency tree to the verb of its clause, then that verb with its auxiliaries, negation, particle,
the base noun phrase of its subject and of its object, in text order. Words are taken from the
article text, so a label can only say what an article said.

A date claim whose clause is a light verb with no noun around it and a bare year ("we will do it
next year" -> "do on 2026") says nothing another report could confirm or contradict:
:func:`has_content` is False for it and the cross-check makes no check of it.

Hand-written over the stored parse rather than a library: no package turns a dependency parse back
into a short clause, and the rule is a dozen lines.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.models import Claim, Document, Token
from storyline.text.display import trim

#: Verbs that say nothing by themselves ("do", "make"): with no noun around them and a bare year,
#: a dated clause is not checkable.
LIGHT_VERBS = frozenset({"be", "do", "have", "make", "get", "take", "go", "come", "happen",
                         "give", "put", "keep"})
#: Longest label, in characters (a label is a handle, the card shows the sentences).
MAX_LABEL_CHARS = 90
#: Longest noun phrase kept whole, in tokens; longer ones are cut to their head and its modifiers.
MAX_PHRASE_TOKENS = 7

#: Longest gap between the words of a label filled with the words between them, in tokens.
MAX_FILLED_GAP = 2
#: Longest verbless fragment (a dateline) used as a label, in tokens.
MAX_FRAGMENT_TOKENS = 10

_PARTICLES = frozenset({"aside", "out", "up", "down", "off", "away", "back", "over"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_VERB_KEEP = frozenset({"aux", "auxpass", "neg", "prt"})
_OBJ = frozenset({"dobj", "attr", "oprd", "acomp"})
_NP_LEFT = frozenset({"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "case",
                      "advmod", "predet", "npadvmod", "punct"})
_OTHER_CLAUSE = frozenset({"advcl", "ccomp", "conj", "relcl", "parataxis", "csubj", "acl",
                           "xcomp", "pcomp"})
_REL_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
_PRONOUN_POS = frozenset({"PRON", "DET"})
_ARTICLES = frozenset({"a", "an", "the"})


class _SentenceTokens(dict[int, Token]):
    """The tokens of one sentence as records by their index in the article, made once (a stored
    article's :class:`~storyline.models.Tokens` makes a record on each access, and a label
    reads the sentence's tokens a hundred times); any other index is read from the article."""

    def __init__(self, tokens: Sequence[Token], lo: int, hi: int):
        super().__init__(zip(range(lo, hi), tokens[lo:hi]))
        self.article = tokens

    def __missing__(self, i: int) -> Token:
        return self.article[i]


class _Parse:
    """The tokens of one sentence with their children, for walking the tree."""

    def __init__(self, tokens: Sequence[Token], lo: int, hi: int):
        self.tokens = _SentenceTokens(tokens, lo, hi)
        self.lo, self.hi = lo, hi
        self.children: dict[int, list[int]] = {}
        for i in range(lo, hi):
            h = self.tokens[i].head
            if h != i and lo <= h < hi:
                self.children.setdefault(h, []).append(i)

    def kids(self, i: int, deps: frozenset[str]) -> list[int]:
        return [k for k in self.children.get(i, ()) if self.tokens[k].dep in deps]

    def subtree(self, i: int) -> list[int]:
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(self.children.get(j, ()))
        return sorted(out)

    def phrase(self, i: int) -> list[int]:
        """The base noun phrase of ``i``: its left modifiers and an ``of`` complement."""
        out = [i]
        for k in self.children.get(i, ()):
            t = self.tokens[k]
            left = k < i and t.dep in _NP_LEFT
            if left or (k > i and t.dep == "prep" and t.lemma.lower() == "of"):
                out.extend(self.subtree(k))
        out = sorted(set(out))
        if len(out) > MAX_PHRASE_TOKENS:
            out = sorted({i, *[k for k in self.children.get(i, ())
                               if self.tokens[k].dep in ("compound", "nummod", "amod")]})
        while out and self.tokens[out[-1]].pos == "PUNCT":
            out.pop()
        return out


def _sentence_bounds(doc: Document, start: int) -> tuple[int, int] | None:
    ann = doc.annotation
    if not ann.tokens:
        return None
    for s in ann.sentences:
        if s.start <= start < s.end and s.token_end > s.token_start:
            return s.token_start, s.token_end
    return None


def _span_head(parse: _Parse, start: int, end: int) -> int | None:
    toks = parse.tokens
    starts = [toks[i].start for i in range(parse.lo, parse.hi)]
    a = parse.lo + bisect.bisect_left(starts, start)
    inside = [i for i in range(max(parse.lo, a - 1), parse.hi)
              if toks[i].start < end and toks[i].end > start]
    if not inside:
        return None
    heads = [i for i in inside if toks[i].head not in inside or toks[i].head == i]
    return heads[0] if heads else inside[0]


def _clause_verb(parse: _Parse, i: int) -> tuple[int | None, list[int]]:
    """The verb of the clause holding token ``i``, and the path of tokens from ``i`` up to it
    (``i`` first, the verb left out)."""
    path: list[int] = []
    seen: set[int] = set()
    while i not in seen:
        seen.add(i)
        t = parse.tokens[i]
        if t.pos == "VERB" or (t.pos == "AUX" and t.dep not in ("aux", "auxpass")):
            return i, path
        path.append(i)
        h = t.head
        if h == i or not (parse.lo <= h < parse.hi):
            break
        i = h
    return None, path


def _subject(parse: _Parse, verb: int) -> int | None:
    v = verb
    for _ in range(3):  # "workers were forced to leave": the subject of the governing verb
        subj = parse.kids(v, _SUBJ)
        if subj:
            s = subj[0]
            if parse.tokens[s].lemma.lower() in _REL_PRONOUNS and parse.tokens[v].dep == "relcl":
                return parse.tokens[v].head
            return s
        if parse.tokens[v].dep in ("xcomp", "conj", "advcl") and parse.tokens[v].head != v:
            v = parse.tokens[v].head
            continue
        return None
    return None


def _clause(doc: Document, claim: Claim) -> tuple[_Parse, int | None, int | None,
                                                  list[int], list[int]] | None:
    bounds = _sentence_bounds(doc, claim.span[0])
    if bounds is None:
        return None
    parse = _Parse(doc.annotation.tokens, *bounds)
    head = _span_head(parse, claim.span[0], claim.span[1])
    if head is None:
        return None
    verb, path = _clause_verb(parse, head)
    subj = _subject(parse, verb) if verb is not None else None
    objs = parse.kids(verb, _OBJ) if verb is not None else []
    return parse, verb, subj, objs, path


def _render(doc: Document, parse: _Parse, idx: list[int]) -> str:
    text = doc.article.text
    toks = parse.tokens
    idx = sorted(set(idx))
    # a gap of a word or two without punctuation is filled: "seven hits and four walks", not
    # "hits four walks"
    filled = idx[:1]
    for i in idx[1:]:
        gap = range(filled[-1] + 1, i)
        if 0 < len(gap) <= MAX_FILLED_GAP and all(toks[k].pos != "PUNCT" for k in gap):
            filled.extend(gap)
        filled.append(i)
    idx = filled
    parts: list[str] = []
    prev = None
    for i in idx:
        if prev is not None and i == prev + 1:
            parts.append(text[toks[prev].end:toks[i].start])
        elif prev is not None:
            parts.append(" ")
        parts.append(text[toks[i].start:toks[i].end])
        prev = i
    out = " ".join("".join(parts).split())
    first, _, rest = out.partition(" ")
    if rest and first.lower() in _ARTICLES:
        out = rest
    return trim(out, MAX_LABEL_CHARS)


def claim_label(claim: Claim, doc: Document | None) -> str | None:
    """The claim in its own words, or None when the article has no parse for it (see module)."""
    if claim.kind == "quote":
        return "\u201c" + trim(" ".join(claim.text.split()), MAX_LABEL_CHARS - 2) + "\u201d"
    if claim.kind == "statement":
        return trim(" ".join(claim.text.split()), MAX_LABEL_CHARS)
    if doc is None:
        return None
    found = _clause(doc, claim)
    if found is None:
        return None
    parse, verb, subj, objs, path = found
    if verb is None:
        # a fragment with no verb (a dateline "PORT HALDEN, March 4 (Northwire)"): its words
        end = min(parse.hi, parse.lo + MAX_FRAGMENT_TOKENS)
        idx = [i for i in range(parse.lo, end) if parse.tokens[i].pos != "PUNCT"
               or parse.lo < i < end - 1]
        return _render(doc, parse, idx) or None
    idx = [verb, *parse.kids(verb, _VERB_KEEP)]
    nxt = verb + 1  # "set aside", "broke out" tagged as an adverb
    if nxt < parse.hi and parse.tokens[nxt].head == verb \
            and parse.tokens[nxt].lemma.lower() in _PARTICLES:
        idx.append(nxt)
    if subj is not None:
        idx.extend(parse.phrase(subj))
    span_head = path[0] if path else verb
    if claim.kind == "quantity" and span_head in objs:
        objs = [span_head]
    for o in objs[:1]:  # one object: a second one is a misparse more often than not
        idx.extend(parse.phrase(o) if parse.tokens[o].pos in ("NOUN", "PROPN", "NUM", "PRON")
                   else [o])
    if claim.kind == "quantity":
        # the figure and the words that tie it to the verb ("fought for more than six hours")
        if span_head not in idx:
            idx.extend(parse.phrase(span_head))
            idx.extend(i for i in path[1:] if parse.tokens[i].dep in ("prep", "agent", "pobj"))
        toks = parse.tokens
        idx.extend(i for i in range(parse.lo, parse.hi)
                   if toks[i].start >= claim.span[0] and toks[i].end <= claim.span[1])
    return _render(doc, parse, idx) or None


def has_content(claim: Claim, doc: Document | None) -> bool:
    """False for a dated clause that is only a light verb and a bare year (see module): no noun
    in its subject, objects or prepositional phrases other than the date's own ("it happened in
    1959", "we will do it next year"); "He was on trial for rape in 2005" has content. A light
    verb that only completes another ("won an Emmy for doing so in 2005") is judged with the
    verb it completes."""
    if claim.kind != "date" or claim.precision != "year" or doc is None:
        return True
    found = _clause(doc, claim)
    if found is None:
        return True
    parse, verb, _, _, _ = found
    toks = parse.tokens
    if verb is None:
        return True
    s0, s1 = claim.span

    def noun(j: int) -> bool:  # a noun that is not the date's own ("next year")
        return toks[j].pos in ("NOUN", "PROPN") and not (s0 <= toks[j].start < s1)

    came_from: int | None = None
    while toks[verb].lemma.lower() in LIGHT_VERBS:
        for k in parse.children.get(verb, ()):
            if k == came_from or toks[k].dep in _OTHER_CLAUSE:
                continue
            if any(noun(j) for j in parse.subtree(k)):
                return True
        head = toks[verb].head
        if toks[verb].dep not in ("pcomp", "xcomp") or head == verb:
            return False
        came_from = verb
        while toks[head].pos not in ("VERB", "AUX") and toks[head].head != head:
            came_from, head = head, toks[head].head
        if toks[head].pos not in ("VERB", "AUX"):
            return False
        verb = head
    return True


def check_label(group: Sequence[Claim], docs: Mapping[str, Document]) -> str | None:
    """The label of a group of aligned claims: the label most of them give, the one with most
    words on a tie (the first in the group's order after that)."""
    labels = [lab for c in group if (lab := claim_label(c, docs.get(c.article_id)))]
    if not labels:
        return None
    counts = Counter(labels)
    # most given, then the fullest ("Putin had sent a greeting" over "sent")
    return max(labels, key=lambda lab: (counts[lab], len(lab.split())))
