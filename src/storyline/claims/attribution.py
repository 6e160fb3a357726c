"""Who said it and through which outlet: speaker and ``via`` of a quoted or reported passage.

Method: rule-based attribution over the dependency parse, in the line of the quotation
attribution systems of Pareti et al. (2013, "Automatically detecting and attributing indirect
quotations", EMNLP) and Pouliquen et al. (2007, "Automatic detection of quotations in multilingual
news"), and of textacy's ``direct_quotations``: from the words of the passage climb the
dependency tree to the first *speech verb* outside the passage (say, state, tell, emphasize,
describe, according to, ...), falling back to the nearest speech verb in the passage's
sentence(s); the verb's subject is the speaker (through ``advcl``/``conj``/participle chains, a
passive agent, or the owner of a communication noun: "Putin's message expressed ..."). Pronouns
("he said") and role nouns ("the Russian leader said") resolve to the most recent person named
before, preferring one in subject position, within ``quote_antecedent_sentences``; a surname is
expanded to the fullest form of the name in the article ("Putin" -> "Vladimir Putin").

``via`` is kept apart from the speaker: "according to X" / "told X" / "in an interview with X"
when X is an outlet, "as reported by X" / "carried by X", a reporting verb whose subject is an
outlet ("..., KCNA reported"), with "Name (ACRONYM)" giving the acronym as written. An outlet is
recognised by its head noun (agency, media, newspaper, broadcaster, ...), a short built-in list
of wire services and state media, and ``ClaimsSettings.quote_outlets``; an outlet that is the
subject of the speech verb is the speaker, not the via.

Speaker names (pronouns, role nouns, fullest forms) live in :mod:`storyline.claims.speakers`,
outlets in :mod:`storyline.claims.quote_via`, word lists in :mod:`storyline.claims.quote_lexicon`.
When the parse links no speech verb, a verb on the same line with no other quotation in between,
the opening of the next sentence (`` "...!" Papandreou thundered``) or a colon introduction
("Below is a statement by Francesca Grifo:") frames the passage.

Hand-written: no maintained library attributes quotations for English news on a spaCy parse
with a separate reporting-outlet slot; the rules are small and their failure modes testable.
Measured on hand-labelled ECB+ quotations by ``benchmarks/quotes_attribution.py``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storyline.claims.person_names import fullest_name
from storyline.claims.quote_lexicon import (
    COMMUNICATION_NOUNS,
    NAMING_VERBS,
    PERSON_PRONOUNS,
    REPORT_VERBS,
    SPEECH_VERBS,
)
from storyline.claims.quote_via import find_vias, is_outlet, via_text
from storyline.claims.quote_view import DocView
from storyline.claims.speakers import can_speak, propn_name, speaker_name


@dataclass(frozen=True, slots=True)
class Attribution:
    """What was found around a passage. ``verb`` is the token index of the speech verb."""

    speaker: str | None
    via: str | None
    verb: int | None
    how: str  # "verb" | "according_to" | "noun" | "continuation" | "none"
    subject: int | None = None  # token index of the speaker phrase's head


def speech_verbs_for(view: DocView, start: int, end: int) -> tuple[list[int], set[int]]:
    """Candidate speech verbs for the passage ``[start, end)``, best first, and the set of those
    the parse links to it: verbs its words hang on (fewest hops first), then others on the same
    line in its sentence(s) by distance, then the opening of the next sentence (", he said."
    split off) or a preceding sentence ending with a colon."""
    inside = set(view.tokens_in(start, end))
    if not inside:
        return [], set()
    s_lo = view.sentence_of(start)
    s_hi = view.sentence_of(max(start, end - 1))
    lo = view.sentences[s_lo].token_start
    hi = view.sentences[s_hi].token_end
    hops: dict[int, int] = {}
    for i in inside:
        if view.tokens[i].pos == "PUNCT":
            continue  # marks and stops attach anywhere
        j, steps = view.tokens[i].head, 0
        while j in inside and steps < 60:
            j, steps = view.tokens[j].head, steps + 1
        for hop in range(12):
            if not (lo <= j < hi) or view.in_quote(view.tokens[j].start):
                break
            if _is_speech(view, j):
                hops[j] = min(hop, hops.get(j, hop))
                break
            if view.tokens[j].head == j:
                break
            j = view.tokens[j].head
    ranked = sorted(hops, key=lambda j: (hops[j], j))
    linked = set(ranked)  # candidates the parse links to the passage

    def dist(i: int) -> int:
        t = view.tokens[i]
        return min(abs(t.start - end), abs(t.end - start))

    near = sorted((i for i in range(lo, hi) if i not in inside and i not in hops
                   and _is_speech(view, i) and _reachable(view, i, start, end)), key=dist)
    ranked += near
    if not ranked and s_hi + 1 < len(view.sentences):
        nxt = view.sentences[s_hi + 1]
        gap = view.text[end : nxt.start]
        closed = view.text[start:end].rstrip()[-1:] == "." and view.text[nxt.start].isupper()
        if gap.strip(" ”\"’',.") == "" and not closed:  # "...!" Papandreou thundered.
            ranked = [i for i in range(nxt.token_start, min(nxt.token_end, nxt.token_start + 8))
                      if _is_speech(view, i)]
    if not ranked and s_lo > 0:
        prev = view.sentences[s_lo - 1]
        if view.text[prev.start : prev.end].rstrip().endswith(":"):
            ranked = sorted((i for i in range(prev.token_start, prev.token_end)
                             if _is_speech(view, i)), key=dist)
    return ranked, linked


def _reachable(view: DocView, i: int, start: int, end: int) -> bool:
    """A verb not linked to the passage in the parse can still frame it when it is on the same
    line and no other quotation stands between them (that one would be its passage)."""
    t = view.tokens[i]
    a, b = (t.end, start) if t.end <= start else (end, t.start)
    if "\n" in view.text[a:b]:
        return False
    return not any(a <= qs < b for qs, _ in view.quoted)


def _is_speech(view: DocView, i: int) -> bool:
    """A speech verb (not the passive "reported by X", which names a via), any verb whose
    subject is a communication noun ("his message celebrates ..."), or a verb and its subject
    framing the quotation just before them (``_frames_by_place``)."""
    t = view.tokens[i]
    if view.in_quote(t.start):
        return False
    lemma = t.lemma.lower()
    if lemma == "accord":
        return True
    if t.pos not in ("VERB", "AUX"):
        return False
    if lemma in REPORT_VERBS and view.child(i, "agent") is not None:
        return False
    if lemma in NAMING_VERBS and (view.child(i, "auxpass", "nsubjpass") is not None
                                  or t.dep in ("acl", "amod")
                                  or (t.dep == "relcl" and view.child(i, "nsubj") is None)):
        # "what is called the “Matanuska Maid block”": naming, not speech; "Jindal, who has
        # called Obamacare a “blow to our freedoms”" is someone's words
        return False
    if lemma in SPEECH_VERBS:
        return True
    subj = view.child(i, "nsubj")
    if subj is None:
        return False
    if lemma == "read" and view.word(subj).lower() == "it" and re.search(
            r"[,?!][”\"’']\s*$", view.text[max(0, view.tokens[subj].start - 4) : view.tokens[subj].start]):
        return True  # "“...,” it reads": a document's words (the speaker says which one)
    return view.tokens[subj].lemma.lower() in COMMUNICATION_NOUNS \
        or _frames_by_place(view, i, subj)


def _frames_by_place(view: DocView, i: int, subj: int) -> bool:
    """A verb in the frame right after a quotation that ends in a comma, "?" or "!" ("“...,”
    Vitiello interjected.", "“...,” continued Shaheen.", "“...?” Harris pressed."): its place
    makes it the speech verb, whatever the verb -- news uses many more than any list holds. The
    frame is the verb and its subject alone: the subject comes after the mark and every word
    between the mark and the verb is the subject's ("“...,” but no one believed", "“...” in the
    film that made her" are not frames)."""
    t = view.tokens[i]
    k = bisect.bisect_right(view.quoted, (t.start, 10**12)) - 1
    if k < 0:
        return False
    q_start, q_end = view.quoted[k]
    closed = re.match(r"(,?)\s*[”\"’']", view.text[q_end : t.start])
    if closed is None or not (closed.group(1) or view.text[q_start:q_end][-1:] in ("?", "!")):
        return False  # the span leaves out a trailing comma
    words = view.text[q_start:q_end].split()
    if len(words) <= 6 and all(w[:1].isupper() for w in words if len(w) > 3):
        return False  # a title in a list ("“Million Dollar Mermaid,” Williams starred")
    frame = q_end + closed.end()
    lo, hi = view.phrase(subj, with_prep=True)
    if view.tokens[subj].start < frame or "\n" in view.text[frame : t.start] \
            or view.tokens[subj].pos == "PRON":
        return False  # "she wrote,"whether": a pronoun frame is left to the verb lists
    return all(view.tokens[j].pos == "PUNCT" or lo <= view.tokens[j].start < hi
               for j in view.tokens_in(frame, t.start))


def subject_of(view: DocView, verb: int) -> tuple[int | None, bool]:
    """(token of the speaker phrase, via_is_subject) for a speech verb: nsubj, passive agent,
    "according to X", "X was quoted as saying", climbing advcl/conj/xcomp chains; failing those,
    the last subject before the verb in its sentence ("Putin conveyed ..., stating ...")."""
    subj, is_via = _subject_of(view, verb)
    if subj is None:
        subj = _inverted_subject(view, verb)
    if subj is None and view.tokens[verb].lemma.lower() != "accord":
        sent = view.sentences[view.sentence_of(view.tokens[verb].start)]
        for i in range(verb - 1, sent.token_start - 1, -1):
            t = view.tokens[i]
            if (t.dep in ("nsubj",) and not view.in_quote(t.start) and t.pos != "PRON" or (
                    t.dep == "nsubj" and view.word(i).lower() in PERSON_PRONOUNS)) \
                    and can_speak(view, i):
                subj = i
                break
    if subj is not None and view.in_dateline(view.tokens[subj].start):
        sent = view.sentences[view.sentence_of(view.tokens[subj].start)]
        after = view.dateline[1] if view.dateline else 0
        for m in view.mentions:
            if m.label == "PERSON" and after <= m.start < view.tokens[verb].start \
                    and m.start >= sent.start:
                return view.tokens_in(m.start, m.end)[-1], False
        return None, False
    return subj, is_via


def _inverted_subject(view: DocView, verb: int) -> int | None:
    """`“...,” complained Sura.`: a name right after a speech verb that follows a quotation,
    which the parser did not make the verb's subject; the last token of the name."""
    before = view.text[: view.tokens[verb].start].rstrip()
    if not before.endswith(("”", '"', "’", "'")) or verb + 1 >= len(view.tokens):
        return None
    j = verb + 1
    if view.tokens[j].pos != "PROPN" or view.in_quote(view.tokens[j].start):
        return None
    while j + 1 < len(view.tokens) and view.tokens[j + 1].pos == "PROPN" \
            and view.tokens[j + 1].start - view.tokens[j].end <= 1:
        j += 1
    return j


def _nearest_subject(view: DocView, verb: int) -> int | None:
    """The verb's ``nsubj`` nearest before it, else its first one after it. The small parser
    gives a trailing frame two subjects when a parenthetical precedes it ("Twelve people were
    injured, two of them seriously, fire brigade spokesman Anders Holm told Northwire"): the
    speaker is the one next to the verb -- unless "and" joins the two ("X, the ranking member,
    and 27 other lawmakers said"): then the first."""
    subjects = [c for c in view.children[verb]
                if view.tokens[c].dep == "nsubj" and can_speak(view, c)]
    before = sorted(c for c in subjects if c < verb)
    if len(before) >= 2:
        lo, _ = view.phrase(before[-1])
        k = view.tokens_in(0, lo)
        if k and view.word(k[-1]).lower() == "and":
            # "Jim Jordan (R., Ohio), the ranking member ..., and 27 other Republican lawmakers
            # said": two conjuncts the parser gave the verb apart; the first is named
            return before[-2]
    if before:
        return before[-1]
    return min(subjects) if subjects else None


def _subject_of(view: DocView, verb: int) -> tuple[int | None, bool]:
    j = verb
    for _ in range(4):
        t = view.tokens[j]
        if t.lemma.lower() == "accord":
            to = view.child(j, "prep")
            return (view.child(to, "pobj") if to is not None else None), False
        if t.lemma.lower() == "quote":
            obj = view.child(j, "dobj", "nsubjpass")
            if obj is not None:
                return obj, True
        subj = _nearest_subject(view, j)
        if subj is not None and view.tokens[subj].lemma.lower() not in ("who", "that", "which"):
            return subj, False
        if subj is not None and t.dep == "relcl":  # "Kim, who said ..." -> the head noun
            return t.head, False
        agent = view.child(j, "agent")
        if agent is not None and view.child(agent, "pobj") is not None:
            return view.child(agent, "pobj"), False
        if t.dep in ("acl",) and view.tokens[t.head].pos in ("NOUN", "PROPN") \
                and can_speak(view, t.head):
            return t.head, False
        if t.dep not in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "acl", "prep", "pobj") \
                or t.head == j:
            return None, False
        j = t.head
        h = view.tokens[j]
        if t.tag == "VBG" and t.dep == "advcl" and h.dep == "ccomp" \
                and view.tokens[h.head].lemma.lower() in SPEECH_VERBS:
            # "X argued that voters should support him, saying: ...": the participle is the
            # arguer's, though the parser hung it on the reported clause
            j = h.head
    return None, False


def attribute(view: DocView, start: int, end: int, window: int,
              outlets: tuple[str, ...]) -> Attribution:
    """Speaker and via of the passage ``[start, end)`` from its own sentence(s): the first
    candidate speech verb that yields a speaker (or, for "according to" an outlet, a via)."""
    verbs, linked = speech_verbs_for(view, start, end)
    verbs = sorted(verbs, key=lambda v: not _inverted_frame(view, end, v))  # stable
    chosen: Attribution | None = None
    reporter: Attribution | None = None  # "..., Kim said, state media reported."
    for verb in verbs[:4]:
        found = _frame(view, verb, window, outlets)
        if verb not in linked:
            found = Attribution(found.speaker, found.via, verb, "nearby", found.subject)
        if found.speaker and reporter is None and found.subject is not None \
                and view.tokens[verb].lemma.lower() in REPORT_VERBS \
                and is_outlet(view, found.subject, outlets):
            reporter = found
            continue
        if found.speaker:
            chosen = found
            if reporter is not None and chosen.via is None:
                chosen = Attribution(chosen.speaker, reporter.speaker, chosen.verb, chosen.how,
                                     chosen.subject)
            break
        if chosen is None:
            chosen = found
    if (chosen is None or chosen.speaker is None) and reporter is not None:
        chosen = reporter  # the outlet is the only one speaking
    if chosen is None or chosen.speaker is None:
        intro = _colon_intro(view, start)
        if intro is not None:
            return Attribution(intro, None, None, "colon")
    if chosen is None:
        return Attribution(None, None, None, "none")
    if chosen.via is None:
        verb = chosen.verb if chosen.verb is not None else verbs[0]
        s_lo = min(view.sentence_of(start), view.sentence_of(view.tokens[verb].start))
        s_hi = max(view.sentence_of(max(start, end - 1)),
                   view.sentence_of(view.tokens[verb].start))
        subj_tok = chosen.subject
        for tok, text in find_vias(view, s_lo, s_hi, outlets):
            if tok != subj_tok and text != chosen.speaker:
                chosen = Attribution(chosen.speaker, text, chosen.verb, chosen.how, subj_tok)
                break
    how = chosen.how if chosen.speaker or chosen.via else "none"
    return Attribution(chosen.speaker, chosen.via, chosen.verb, how, chosen.subject)


def _inverted_frame(view: DocView, end: int, verb: int) -> bool:
    """`“...,” said Mark Glaze`: a speech verb right after the passage's closing mark (a comma
    before it) frames that passage, whatever verb the parse hung the passage on ("The group
    announced it would target the community, “without which ...,” said Mark Glaze")."""
    return re.fullmatch(r",\s*[”\"’']\s*|\s*[”\"’']\s*,?\s*",
                        view.text[end : view.tokens[verb].start]) is not None \
        and "," in view.text[end : view.tokens[verb].start] \
        and view.tokens[verb].lemma.lower() in SPEECH_VERBS


def _frame(view: DocView, verb: int, window: int, outlets: tuple[str, ...]) -> Attribution:
    subj, _ = subject_of(view, verb)
    speaker = via = None
    how = "according_to" if view.tokens[verb].lemma.lower() == "accord" else "verb"
    if subj is not None:
        if how == "according_to" and is_outlet(view, subj, outlets):
            via = via_text(view, subj)
        else:
            speaker = speaker_name(view, subj, window)
            if view.tokens[subj].lemma.lower() in COMMUNICATION_NOUNS:
                how = "noun"
    if view.tokens[verb].lemma.lower() == "quote":  # "KCNA quoted Kim as saying"
        agent = view.child(verb, "agent")
        quoter = view.child(agent, "pobj") if agent is not None else view.child(verb, "nsubj")
        if quoter is not None and quoter != subj:
            via = via_text(view, quoter)
    return Attribution(speaker, via, verb, how, subj)


def _in_parentheses(text: str, at: int, end: int) -> bool:
    """Whether char ``at`` is inside a parenthesis closed before ``end``."""
    opened = text.rfind("(", 0, at)
    return opened >= 0 and text.rfind(")", opened, at) < 0 and 0 <= text.find(")", at, end)


def _colon_intro(view: DocView, start: int) -> str | None:
    """ "Below is a statement by Francesca Grifo:" / "the prophetic Dr Azm Al Homoud:" right
    before a passage: the last person named before the colon is the speaker, not one named in
    parentheses ("excerpts that shed light on Gorsuch's (and Scalia's) philosophy:")."""
    before = view.text[:start].rstrip(" \t\n\"“‘'")
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    sent = view.sentences[view.sentence_of(colon)]
    persons = [m for m in view.mentions if m.label == "PERSON" and sent.start <= m.start < colon
               and not view.in_quote(m.start) and not _in_parentheses(view.text, m.start, colon)]
    if persons:
        return fullest_name(view, persons[-1].text, persons[-1].start)
    k = view.tokens_in(0, colon)
    if k and view.tokens[k[-1]].pos == "PROPN" and not view.in_quote(view.tokens[k[-1]].start):
        # a transcript's turn, "Burr: “This morning, I informed ...”": a name the recogniser
        # missed, when a person of the article bears it
        name = propn_name(view, k[-1])
        full = fullest_name(view, name, view.tokens[k[-1]].start) if name else None
        if full and full != name:
            return full
    return None
