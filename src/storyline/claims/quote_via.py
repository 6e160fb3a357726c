"""``via``: the outlet or agency a quotation was reported through, kept apart from the speaker.

Forms: "according to X" / "told X" / "in an interview with X" when X is an outlet; "as reported
by X", "carried by X", "quoted by X" (passive agent of a reporting verb); "..., KCNA reported"
(an outlet subject of a reporting verb); "Name (ACRONYM)" gives the acronym as written. An
outlet is recognised by its head noun (agency, media, newspaper, broadcaster, ...), a short
built-in list of wire services and state media, or ``ClaimsSettings.quote_outlets``; the entity
stage's agency table can later resolve the names. The dateline agency ("MOSCOW (Reuters) -") is
found by :func:`storyline.claims.quote_view.dateline_via`.
"""

from __future__ import annotations

import re

from storyline.claims.agencies import outlet_forms
from storyline.claims.quote_lexicon import OUTLET_NOUNS, REPORT_VERBS
from storyline.claims.quote_view import DocView


def _acronym_after(view: DocView, end: int) -> str | None:
    m = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", view.text[end : end + 14])
    return m.group(1) if m else None


def is_outlet(view: DocView, i: int, extra: tuple[str, ...] = ()) -> bool:
    """Whether the noun phrase headed by token ``i`` names a news outlet or agency."""
    t = view.tokens[i]
    start, end = view.phrase(i)
    written = view.text[start:end]
    name = written.lower().replace("the ", "")
    acro = _acronym_after(view, end)
    words = set(re.findall(r"[\w-]+", name)) | ({acro.lower()} if acro else set())
    folded, exact = outlet_forms()  # the outlets of storyline/data/agencies.toml
    known = folded | {e.lower() for e in extra}
    if words & known or name.strip() in known:
        return True
    if (set(re.findall(r"[\w-]+", written)) | {acro or ""}) & exact:  # "AP", not "a fox"
        return True
    head = {t.lemma.lower(), view.word(i).lower()}  # spaCy lemmatises "media" to "medium"
    if head & OUTLET_NOUNS:
        return True
    if head & {"report", "reports", "reporting", "dispatch"}:
        return bool(words & OUTLET_NOUNS)  # "state media reports"
    m = view.mention_at(i, ("ORG",))
    return m is not None and bool(set(m.text.lower().split()) & OUTLET_NOUNS)


def via_text(view: DocView, i: int) -> str:
    """The outlet as written; "Name (ACRONYM)" gives the acronym; a trailing "reports" goes."""
    start, end = view.phrase(i)
    acro = _acronym_after(view, end)
    if acro:
        return acro
    if view.tokens[i].lemma.lower() in ("report", "reporting", "dispatch") and i > 0:
        end = view.tokens[i - 1].end if view.tokens[i - 1].start >= start else end
    j = i + 1
    if view.tokens[i].pos == "NOUN":  # "French newspaper Le Parisien", "news agency IRNA"
        while j < len(view.tokens) and view.tokens[j].pos == "PROPN" \
                and view.tokens[j].start <= view.tokens[j - 1].end + 1 \
                and view.mention_at(j, ("DATE", "TIME")) is None:
            end = view.tokens[j].end
            j += 1
    return view.text[start:end]


def find_vias(view: DocView, sent_lo: int, sent_hi: int, extra: tuple[str, ...]
              ) -> list[tuple[int, str]]:
    """``(token index of the outlet, via text)`` for every via expression in sentences
    ``sent_lo..sent_hi`` (inclusive), outside quoted passages."""
    lo = view.sentences[sent_lo].token_start
    hi = view.sentences[sent_hi].token_end
    found: list[tuple[int, str]] = []
    for i in range(lo, hi):
        t = view.tokens[i]
        if view.in_quote(t.start):
            continue
        lemma = t.lemma.lower()
        cand: int | None = None
        if lemma == "accord":
            to = view.child(i, "prep")
            cand = view.child(to, "pobj") if to is not None else None
        elif lemma in REPORT_VERBS:
            agent = view.child(i, "agent")
            cand = view.child(agent, "pobj") if agent is not None else None
            if cand is None and t.dep not in ("amod",):
                subj = view.child(i, "nsubj")
                if subj is not None and is_outlet(view, subj, extra):
                    cand = subj
            if cand is not None and lemma in REPORT_VERBS and view.child(i, "agent") is not None:
                found.append((cand, via_text(view, cand)))
                continue
        elif lemma == "tell":
            cand = view.child(i, "dative", "dobj")
        elif lemma == "interview" or (lemma in ("say", "speak", "talk") and t.pos == "VERB"):
            for p in view.children[i]:
                preps = ("with", "to", "in") if lemma == "interview" else ("with", "to")
                if view.word(p).lower() in preps and view.tokens[p].dep == "prep":
                    cand = view.child(p, "pobj")
                    break
            if lemma == "interview" and cand is None:
                continue
        if cand is not None and is_outlet(view, cand, extra):
            found.append((cand, via_text(view, cand)))
    return found
