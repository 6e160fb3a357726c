"""Statements: check-worthy factual sentences that carry no quote, figure or date.

The cross-check counts who else reports "North Korea has dispatched troops to Russia"; the
sentences worth counting are those a fact-checker would check. ClaimBuster (Hassan et al. 2017,
"Toward automated fact-checking: detecting check-worthy factual claims by ClaimBuster", KDD)
separates non-factual sentences (opinions, questions), unimportant factual sentences and
check-worthy factual sentences; its strongest features are the part-of-speech and entity types of
the sentence and the tense of its verb. The rule below keeps that idea with features one can
state and test, instead of a trained classifier (no labelled news data ships with the tool):

A sentence is a statement when

1. it overlaps no claim already taken (quote, figure, date: those are compared as such), has
   ``statement_min_words`` to ``statement_max_words`` words and ends like a sentence;
2. it is not a question, a conditional ("If ..."), or boilerplate ("remains to be seen",
   "as the situation evolves", "it is unclear");
3. its main clause, a clause conjoined with it, or an adverbial clause of it ("... when Putin
   visited North Korea") has an **event verb**: a finite verb in the past or perfect (present
   too with ``statement_present_tense``), with no modal ("may", "could", "will": forecasts and
   hedges), no hedging adverb ("perhaps", "possibly", "likely"), no clausal complement
   ("X said that ...", "X believes that ...": reported speech and thought belong to quotes),
   and not a verb of being, seeming or interpretation ("be", "appear", "remain", "signal",
   "suggest", "reflect", ...);
4. that verb has a **named actor**: its subject (or the agent of a passive) is a named entity
   ("Putin", "North Korea"), a proper noun that does not open the sentence (sentence-initial
   capitals are often common nouns), or a noun modified by a name ("North Korean troops"; a
   possessor is not enough: "Putin's rhetoric" is not Putin acting).

``subject`` is the actor, in the fullest form the article gives that name ("Putin" ->
"Vladimir Putin"); ``action`` is the verb's lemma and the head of its object ("visit North
Korea", "dispatch number"; the subject of a passive is its object: "formalize relationship").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.claims.entities import article_names
from storyline.claims.settings import ClaimsSettings
from storyline.models import Claim, Document, Mention, Token, content_id
from storyline.text.keys import clean_surface

NON_EVENT_VERBS = frozenset({
    "be", "seem", "appear", "remain", "become", "look", "sound", "feel", "think", "believe",
    "hope", "wish", "want", "need", "tend", "continue", "mean", "matter", "reflect", "signal",
    "suggest", "represent", "symbolize", "serve", "mark", "raise", "pose", "risk", "deserve",
    "depend", "like", "love", "hate", "prefer", "imagine", "wonder",
})
MODALS = frozenset({
    "may", "might", "could", "would", "should", "must", "can", "will", "shall", "'d", "'ll",
    "ought",
})
HEDGES = frozenset({
    "perhaps", "possibly", "probably", "likely", "maybe", "apparently", "seemingly", "arguably",
    "presumably", "supposedly", "potentially", "conceivably",
})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_BOILERPLATE = re.compile(
    r"remains? to be seen|only time will tell|as the situation (?:evolves|develops|unfolds)"
    r"|\bit (?:is|was|remains) (?:still )?(?:unclear|uncertain|not clear)|stay tuned"
    r"|click here|read more|subscribe|all rights reserved|©|\bcopyright\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"[\s\-–—•*·]+")


def extract_statements(doc: Document, settings: ClaimsSettings, taken: Sequence[Claim] = ()
                       ) -> tuple[Claim, ...]:
    """The statements of ``doc`` (see the module docstring), skipping sentences that overlap
    ``taken`` claims, sorted by span."""
    ann = doc.annotation
    if not ann.tokens or not ann.sentences:
        return ()
    text = doc.text
    spans = sorted(c.span for c in taken)
    names = None
    out: list[Claim] = []
    toks = tuple(ann.tokens)  # records made once (models.Tokens makes one on each access)
    for start, end, lo, hi in _pieces(doc):
        start, end = _trim(text, start, end)
        if end <= start or any(a < end and start < b for a, b in spans):
            continue
        sentence = text[start:end]
        n_words = len(re.findall(r"[^\W\d_]+", sentence))
        if not settings.statement_min_words <= n_words <= settings.statement_max_words:
            continue
        if not _is_declarative(sentence):
            continue
        found = _event(doc, toks, lo, hi, settings)
        if found is None:
            continue
        actor, action = found
        if names is None:
            names = article_names(doc)
        out.append(Claim(
            id=content_id(doc.id, "statement", start, end),
            article_id=doc.id, kind="statement", text=sentence, span=(start, end),
            sentence_span=(start, end), subject=names.fullest(actor) or actor, action=action,
            modality="asserted",
        ))
    return tuple(out)


def _pieces(doc: Document) -> list[tuple[int, int, int, int]]:
    """(start, end, first token, end token) of each sentence, cut at line breaks: a heading or
    bullet line the sentence splitter glued to the next line is a piece of its own."""
    text, toks = doc.text, tuple(doc.annotation.tokens)  # records made once (models.Tokens)
    out = []
    for sent in doc.annotation.sentences:
        start = sent.start
        for line in text[sent.start:sent.end].split("\n"):
            end = start + len(line)
            lo = next((i for i in range(sent.token_start, sent.token_end)
                       if toks[i].start >= start), sent.token_end)
            hi = next((i for i in range(lo, sent.token_end) if toks[i].start >= end),
                      sent.token_end)
            if line.strip():
                out.append((start, end, lo, hi))
            start = end + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _BULLET.match(text, start, end)
    if m:
        start = m.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_declarative(sentence: str) -> bool:
    s = sentence.rstrip()
    if not s or s[-1] not in ".!\"”’'" or s.rstrip("\"”’'").endswith("?"):
        return False
    if re.match(r"(?:if|whether|what if)\b", s, re.IGNORECASE):
        return False
    return not _BOILERPLATE.search(s)


def _children(toks: Sequence[Token], lo: int, hi: int, head: int) -> list[int]:
    return [i for i in range(lo, hi) if toks[i].head == head and i != head]


def _event(doc: Document, toks: Sequence[Token], lo: int, hi: int, settings: ClaimsSettings
           ) -> tuple[str, str] | None:
    """(actor, action) of the first clause with an event verb and a named actor."""
    roots = [i for i in range(lo, hi) if toks[i].dep == "ROOT" or toks[i].head == i
             or not lo <= toks[i].head < hi]
    order: list[tuple[int, int | None]] = []  # (verb, main verb it depends on)
    for r in roots:
        order.append((r, None))
        order += [(c, None) for c in _children(toks, lo, hi, r) if toks[c].dep == "conj"]
        order += [(c, r) for c in _children(toks, lo, hi, r) if toks[c].dep == "advcl"]
    for v, main in order:
        # an adverbial clause counts only under a main event ("... was formalized when Putin
        # visited"), not under an opinion ("This reflects ..., as sanctions have intensified")
        if not _is_event_verb(toks, lo, hi, v, settings) or (
                main is not None and not _is_event_verb(toks, lo, hi, main, settings)):
            continue
        kids = _children(toks, lo, hi, v)
        subjs = [c for c in kids if toks[c].dep in ("nsubj", "nsubjpass")]
        subjs.sort(key=lambda c: toks[c].pos != "PROPN")  # a parse with two subjects
        subj = subjs[0] if subjs else None
        agent = next((g for c in kids if toks[c].dep == "agent"
                      for g in _children(toks, lo, hi, c) if toks[g].dep == "pobj"), None)
        passive = subj is not None and toks[subj].dep == "nsubjpass"
        for cand in ([agent, *subjs] if passive else subjs):
            if cand is None:
                continue
            actor = _named(doc, toks, lo, hi, cand)
            if actor:
                obj = subj if passive and cand == agent else next(
                    (c for c in kids if toks[c].dep in ("dobj", "obj")), None)
                return actor, _action(doc, toks, v, obj)
    return None


def _is_event_verb(toks: Sequence[Token], lo: int, hi: int, v: int,
                   settings: ClaimsSettings) -> bool:
    t = toks[v]
    if t.pos != "VERB" or t.lemma.lower() in NON_EVENT_VERBS:
        return False
    kids = _children(toks, lo, hi, v)
    if any(toks[c].dep == "ccomp" for c in kids):
        return False  # "X said / warned / believes that ...": reported speech or thought
    aux = [toks[c] for c in kids if toks[c].dep in ("aux", "auxpass")]
    if any(a.lemma.lower() in MODALS or a.tag == "MD" for a in aux):
        return False
    if any(toks[c].dep == "advmod" and toks[c].lemma.lower() in HEDGES for c in kids):
        return False
    if t.tag == "VBD":
        return True
    aux_tags = {a.tag for a in aux}
    past_aux = bool(aux_tags & {"VBD"}) or any(a.lemma.lower() == "have" for a in aux)
    if t.tag in ("VBN", "VBG", "VB") and aux:
        if past_aux:
            return True
        return settings.statement_present_tense and bool(aux_tags & {"VBZ", "VBP"})
    return settings.statement_present_tense and t.tag in ("VBZ", "VBP")


def _mention_at(doc: Document, char: int) -> Mention | None:
    for m in doc.annotation.mentions:
        if m.start <= char < m.end:
            return m
    return None


def _named(doc: Document, toks: Sequence[Token], lo: int, hi: int, head: int) -> str | None:
    """The actor's name if the phrase headed by ``head`` is named (see rule 4), else None."""
    text = doc.text
    t = toks[head]
    m = _mention_at(doc, t.start)
    if m is not None and m.label in ACTOR_LABELS:
        return clean_surface(m.text)
    if t.pos == "PROPN" and head > lo:  # a capitalised first word is often a common noun
        return clean_surface(text[t.start:t.end])
    if t.pos != "NOUN":
        return None
    kids = _children(toks, lo, hi, head)
    for c in kids:  # "the Russian artist Shamam": the apposed name
        if toks[c].dep in ("appos", "compound") and c > head and toks[c].pos == "PROPN":
            mm = _mention_at(doc, toks[c].start)
            return clean_surface(mm.text if mm else text[toks[c].start:toks[c].end])
    for c in kids:  # "North Korean troops": the noun with its named modifier
        mm = _mention_at(doc, toks[c].start)
        if toks[c].dep in ("amod", "compound") and c < head and mm is not None \
                and mm.label in ACTOR_LABELS:
            return clean_surface(text[mm.start:t.end])
    return None


def _action(doc: Document, toks: Sequence[Token], verb: int, obj: int | None) -> str:
    lemma = toks[verb].lemma.lower()
    if obj is None:
        return lemma
    m = _mention_at(doc, toks[obj].start)
    if m is not None and m.label in ACTOR_LABELS:
        return f"{lemma} {clean_surface(m.text)}"
    return f"{lemma} {toks[obj].lemma.lower()}"
