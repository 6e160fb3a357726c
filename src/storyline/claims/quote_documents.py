"""Documents as sources of quoted words: "the letter read", "“...,” it reads".

A document the article quotes is the source a reader cites ("according to the letter"). When
the article names who wrote it -- in the document's own phrase ("Willoughby's letter", "a
letter from the union") or where the document was first mentioned ("Matthew Willoughby ...
wrote a heartfelt letter ... “...,” the letter read") -- the source is given with its author,
"Matthew Willoughby's letter": the words are the author's, reported through the document.
Without an author named, the document alone ("letter").

The author's name comes from :func:`storyline.claims.speakers.speaker_name`, passed in as
``name_of`` (that module resolves pronouns and roles and calls this one).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.claims.quote_lexicon import DOCUMENT_NOUNS, SPEECH_VERBS
from storyline.claims.quote_view import DocView

NameOf = Callable[[int], "str | None"]

AUTHOR_VERBS = frozenset({
    "write", "send", "sign", "issue", "release", "pen", "draft", "publish", "deliver", "post",
    "submit", "circulate", "email", "co-sign", "author", "compose"
})
"""Lemmas whose subject is the author of the document that is their object ("X sent a letter
to Y", "the union issued a statement")."""


def document_source(view: DocView, i: int, window: int, name_of: NameOf) -> str | None:
    """The source of words a document noun ``i`` says ("the letter read"): the document, with
    its author when the article names one in its phrase or at its earlier mention within
    ``window`` sentences. ``None`` for what cannot be a speaker."""
    doc = phrase_without_det(view, i)
    if doc is None:
        return None
    author = _author(view, i, name_of)
    if author is None and _definite(view, i):
        earlier = _earlier_mention(view, i, window)
        if earlier is not None:
            author = _author(view, earlier, name_of)
    return with_author(author, doc)


def document_before(view: DocView, i: int, window: int, name_of: NameOf) -> str | None:
    """What "it" of "“...,” it reads" (token ``i``) is: the nearest document noun before it,
    outside quotations, within ``window`` sentences (with its author, as
    :func:`document_source`)."""
    floor = view.sentences[max(0, view.sentence_of(view.tokens[i].start) - window)].token_start
    for j in range(i - 1, floor - 1, -1):
        t = view.tokens[j]
        if t.pos == "NOUN" and t.lemma.lower() in DOCUMENT_NOUNS and not view.in_quote(t.start):
            return document_source(view, j, window, name_of)
    return None


def phrase_without_det(view: DocView, i: int) -> str | None:
    """The phrase headed by ``i`` without its determiner ("letter", "joint statement", "Trump
    administration"); ``None`` when it holds no letter or is a link."""
    s, e = view.phrase(i)
    name = re.sub(r"^(?:the|this|that|a|an)\s+", "", view.text[s:e], flags=re.IGNORECASE)
    if "://" in name or "www." in name or "/" in name or not any(c.isalpha() for c in name):
        return None
    return name


def with_author(author: str | None, doc: str) -> str:
    """ "Matthew Willoughby's letter", "Field organizers' letter"; the document alone without
    an author."""
    if not author or author == doc:
        return doc
    author = re.sub(r"^the\s+", "", author.strip(), flags=re.IGNORECASE)
    last = author.split()[-1]
    return f"{author}' {doc}" if last.endswith("s") and last[:1].islower() \
        else f"{author}'s {doc}"


def _definite(view: DocView, i: int) -> bool:
    det = view.child(i, "det")
    return det is not None and view.word(det).lower() in ("the", "this", "that")


def _author(view: DocView, j: int, name_of: NameOf) -> str | None:
    """Who the article says wrote the document noun ``j``: its owner ("Willoughby's letter"), a
    "from"/"by" phrase ("a letter from the union"), the subject of a verb of writing or sending
    whose object it is ("Willoughby wrote a heartfelt letter", "the organizers are preparing to
    send Shakir a letter"), or of a speech verb it is the medium of ("X said in a letter")."""
    owner = view.child(j, "poss")
    if owner is None:
        for p in view.children[j]:
            if view.word(p).lower() in ("from", "by") and view.tokens[p].dep == "prep":
                owner = view.child(p, "pobj")
                break
    if owner is None:
        owner = _writer_in_clause(view, j)
    if owner is not None:
        return name_of(owner)
    t = view.tokens[j]
    verb: int | None = None
    if t.dep == "dobj" and view.tokens[t.head].lemma.lower() in AUTHOR_VERBS:
        verb = t.head
    elif t.dep == "pobj" and view.word(t.head).lower() == "in":
        h = view.tokens[t.head].head
        if view.tokens[h].lemma.lower() in SPEECH_VERBS | AUTHOR_VERBS:
            verb = h  # "27 other lawmakers said in a Tuesday letter"
    for _ in range(3):  # "preparing to send": the subject of the verb it completes
        if verb is None:
            return None
        subj = view.child(verb, "nsubj")
        if subj is not None:
            if view.word(subj).lower() in ("who", "that", "which"):
                subj = view.tokens[verb].head if view.tokens[verb].dep == "relcl" else None
            return name_of(subj) if subj is not None else None
        v = view.tokens[verb]
        verb = v.head if v.dep in ("xcomp", "conj", "advcl") and v.head != verb else None
    return None


def _writer_in_clause(view: DocView, j: int) -> int | None:
    """The writer a clause on the document noun ``j`` names: the subject of a relative clause
    of writing ("the letter field organizers have drafted", "the memo that Nunes wrote"), the
    agent of a passive one, on the noun or with the noun its subject ("the guidance, drafted
    by the office of legal counsel", "The email was sent to Podesta by Bill Ivey")."""
    t = view.tokens[j]
    verbs = [c for c in view.children[j] if view.tokens[c].dep in ("relcl", "acl")]
    if t.dep == "nsubjpass":
        verbs.append(t.head)
    for v in verbs:
        if view.tokens[v].lemma.lower() not in AUTHOR_VERBS:
            continue
        subj = view.child(v, "nsubj")
        if subj is not None and view.word(subj).lower() not in ("who", "that", "which"):
            return subj
        agent = view.child(v, "agent")
        if agent is not None:
            return view.child(agent, "pobj")
    return None


def _earlier_mention(view: DocView, i: int, window: int) -> int | None:
    """The document ``i`` ("the letter") mentioned before with the same noun, outside
    quotations, within ``window`` sentences: the nearest indefinite or owned mention ("a
    heartfelt letter", "Pallone's letter", "the email was sent ... by Bill Ivey"), passing over
    definite ones without an author."""
    lemma = view.tokens[i].lemma.lower()
    floor = view.sentences[max(0, view.sentence_of(view.tokens[i].start) - window)].token_start
    for j in range(i - 1, floor - 1, -1):
        t = view.tokens[j]
        if t.lemma.lower() != lemma or t.pos != "NOUN" or view.in_quote(t.start):
            continue
        if (not _definite(view, j) or view.child(j, "poss") is not None
                or _writer_in_clause(view, j) is not None):
            return j
    return None
