"""Clause roles for figures and dates: the governing verb, its actor, its object, its modality.

A figure or a date is a modifier somewhere in a clause; the cross-check needs the clause's
*who* and *what* ("North Korea" / "send troop") to align the same figure across reports. These
helpers read the dependency parse stored in ``Document.annotation.tokens`` (ClearNLP-style labels
of the spaCy English models: ``nsubj``, ``nsubjpass``, ``agent``, ``dobj``, ``xcomp``, ``relcl``,
``acl``); they never see spaCy objects. Modality follows the usual reading of English modal
auxiliaries and future-oriented control verbs as irrealis (Saurí and Pustejovsky, FactBank, 2009):
"may send", "is expected to send", "plans to send" are forecasts, "has sent" is asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.models import Document, Token

__all__ = ["Clauses", "FORECAST_AUX", "FORECAST_HEADS"]

FORECAST_AUX = frozenset({"will", "shall", "may", "might", "could", "would", "'ll", "wo"})
FORECAST_HEADS = frozenset({
    "expect", "plan", "intend", "aim", "hope", "want", "seek", "prepare", "propose", "threaten",
    "consider", "pledge", "promise", "vow", "likely", "poised", "due", "set", "go", "predict",
    "forecast", "project", "estimate", "anticipate", "scheduled", "schedule",
})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_PRONOUNS = frozenset({
    "it", "he", "she", "they", "we", "i", "you", "this", "these", "those", "there", "itself",
})
_NAME_DEPS = frozenset({"compound", "amod", "flat", "nmod"})


@dataclass(frozen=True)
class Clauses:
    """A Document's tokens with their children, for walking the parse in both directions."""

    doc: Document
    children: tuple[tuple[int, ...], ...]
    # the article's tokens as records, made once: the walks index them again and again
    # (models.Tokens makes a record on each access)
    tokens: tuple[Token, ...]

    @classmethod
    def of(cls, doc: Document) -> Clauses:
        tokens = tuple(doc.annotation.tokens)
        kids: list[list[int]] = [[] for _ in tokens]
        for i, t in enumerate(tokens):
            if t.head != i and 0 <= t.head < len(kids):
                kids[t.head].append(i)
        return cls(doc, tuple(tuple(k) for k in kids), tokens)

    def word(self, i: int) -> str:
        t = self.tokens[i]
        return self.doc.text[t.start : t.end]

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    # ------------------------------------------------------------------ verbs

    def governing_verb(self, i: int, limit: int = 12) -> int | None:
        """The nearest verb above token ``i`` (``i`` itself when it is one), or ``None``."""
        seen = 0
        while seen < limit:
            t = self.tokens[i]
            if t.pos == "VERB" or (t.pos == "AUX" and t.dep == "ROOT"):
                return i
            if t.head == i:
                return None
            i = t.head
            seen += 1
        return None

    def is_forecast(self, verb: int) -> bool:
        """Modal auxiliary or a future-oriented control verb above ("is expected to send")."""
        v = verb
        for _ in range(4):
            for c in self.kids(v, "aux", "auxpass"):
                if self.tokens[c].lemma.lower() in FORECAST_AUX or self.word(c).lower() in (
                    "will", "'ll", "may", "might", "could", "would", "shall"
                ):
                    return True
                # "is going to send"
            t = self.tokens[v]
            if t.lemma.lower() in FORECAST_HEADS and self.kids(v, "xcomp") and t.pos == "VERB":
                return True  # "1.2 million euros is expected to be spent"
            if t.dep not in ("xcomp", "conj") or t.head == v:
                return False
            head = self.tokens[t.head]
            if t.dep == "xcomp" and head.lemma.lower() in FORECAST_HEADS:
                return True
            v = t.head
        return False

    def subject_of(self, verb: int) -> int | None:
        """The actor of ``verb``: its subject (the noun a relative pronoun stands for), the agent
        of a passive, the subject of the verb it is a complement or conjunct of."""
        v = verb
        raised = False  # came up from an xcomp: "Russia is expected to deploy" -> Russia
        for _ in range(4):
            agent = [p for a in self.kids(v, "agent") for p in self.kids(a, "pobj")]
            subj = self.kids(v, *_SUBJECTS)
            if agent and not raised:
                return agent[0]
            if subj:
                s = subj[0]
                if self.tokens[s].dep == "nsubjpass" and not raised:
                    return None  # the patient of a passive without an agent, not its actor
                if self.tokens[s].lemma.lower() in _RELATIVE or self.word(s).lower() in _RELATIVE:
                    if self.tokens[v].dep == "relcl":
                        return self.tokens[v].head
                    return None
                return s
            t = self.tokens[v]
            if t.dep in ("xcomp", "conj", "advcl") and t.head != v:
                raised = t.dep == "xcomp"
                v = t.head
                continue
            if t.dep == "relcl" and t.head != v:
                return t.head
            return None
        return None

    def object_of(self, verb: int) -> int | None:
        """The direct object of ``verb`` (the noun a participle modifies: "the message sent on
        December 18"), else the passive subject."""
        t = self.tokens[verb]
        obj = [o for o in self.kids(verb, "dobj", "obj") if self.tokens[o].pos != "PRON"]
        if obj:
            return obj[0]
        if t.dep == "acl" and self.tokens[t.head].pos in ("NOUN", "PROPN"):
            return t.head
        pas = self.kids(verb, "nsubjpass")
        if pas and self.tokens[pas[0]].lemma.lower() not in _RELATIVE and self.tokens[
                pas[0]].pos != "PRON":
            return pas[0]
        if t.dep == "relcl" and self.kids(verb, "nsubjpass"):
            return t.head
        return None

    # ------------------------------------------------------------------ phrases

    def name_phrase(self, i: int, with_of: bool = True, max_tokens: int = 7) -> str | None:
        """A short phrase naming token ``i``: its compounds and adjectival names, and a following
        "of/in X" ("war in Ukraine"), without determiners; ``None`` for pronouns."""
        t = self.tokens[i]
        if t.pos not in ("NOUN", "PROPN", "NUM", "ADJ", "X") or self.word(i).lower() in _PRONOUNS:
            return None  # pronouns, clauses ("what followed")
        if "://" in self.word(i) or self.word(i).startswith("www."):
            return None
        idx = {i}
        stack = [i]
        while stack:
            k = stack.pop()
            for c in self.kids(k, *_NAME_DEPS):
                if c < i:
                    idx.add(c)
                    stack.append(c)
        if with_of:
            for p in self.kids(i, "prep"):
                if self.tokens[p].lemma.lower() in ("of", "in") and p == max(idx) + 1:
                    objs = self.kids(p, "pobj")
                    if objs and self.tokens[objs[0]].pos in ("PROPN", "NOUN"):
                        sub = self.name_phrase(objs[0], with_of=False)
                        if sub:
                            lo = min(idx)
                            text = self.doc.text[self.tokens[lo].start : self.tokens[p].end]
                            return _clean(f"{text} {sub}")
        lo, hi = min(idx), max(idx)
        if hi - lo + 1 > max_tokens:
            lo = hi - max_tokens + 1
        return _clean(self.doc.text[self.tokens[lo].start : self.tokens[hi].end])

    def lemma(self, i: int | None) -> str | None:
        if i is None:
            return None
        return self.tokens[i].lemma.lower() or self.word(i).lower()


def _clean(s: str) -> str | None:
    s = " ".join(s.replace("\n", " ").split())
    for det in ("the ", "a ", "an ", "The ", "A ", "An "):
        if s.startswith(det):
            s = s[len(det):]
    return s or None
