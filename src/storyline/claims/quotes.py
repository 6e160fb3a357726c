"""Quotations: direct quotes, quoted fragments, scare quotes and indirect speech, with speaker
and ``via``.

Pipeline (each step a pure function of the Document):

1. :func:`storyline.claims.quote_marks.find_quote_spans` pairs the quotation marks of the raw
   text (apostrophes set aside, nested quotes folded into the outer one, paragraph continuations
   chained, unbalanced marks dropped).
2. :func:`storyline.claims.attribution.attribute` finds each passage's speech verb, speaker and
   outlet from the dependency parse of its sentence(s).
3. Discourse rules fill what one sentence does not say: the segments of a paragraph-continued
   quotation share one frame; a quotation with no frame of its own continues the speaker of a
   quotation just before it (``quote_continuation_sentences``); a quotation with a speaker but
   no outlet takes the outlet of a nearby sentence with the same speaker
   (``quote_via_sentences``: "In a letter reported by North Korean state media, Putin ... He
   stated, “...”"), else of that speaker's nearest attributed sentence in the article
   (``quote_via_article``), else the article's dateline agency ("Seoul, Dec 27 (NationPress)").
4. Classification (``Claim.attribution``): ``"scare"`` when no speaker is found or the words
   name rather than report (a so-called term, a quoted modifier like the “Mexico City” rule, a
   short title-case title with no speech verb linked to it); ``"fragment"`` for a quoted phrase
   inside a sentence (starts in lower case, or a short verbless phrase) unless it resumes a
   quotation after a bare "he said,"; ``"direct"`` otherwise. Indirect speech ("X said that ...",
   "according to X, ...") is taken
   from the clausal complement of a reporting verb outside any quotation (Pareti et al. 2013).

Span conventions: ``span`` covers the quoted words without the marks (and without a trailing
comma that belongs to the sentence); ``sentence_span`` runs from the start of the first to the end
of the last sentence the words touch.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storyline.claims.attribution import Attribution, attribute, subject_of
from storyline.claims.person_names import fullest_name
from storyline.claims.quote_lexicon import (
    COMMUNICATION_NOUNS,
    PERSON_PRONOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)
from storyline.claims.quote_marks import find_quote_spans
from storyline.claims.quote_via import find_vias, is_outlet, via_text
from storyline.claims.quote_view import DocView, dateline_via
from storyline.claims.settings import ClaimsSettings
from storyline.claims.speakers import speaker_name
from storyline.models import AttributionKind, Claim, Document, content_id

__all__ = ["extract_quotes"]


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    chain: int
    frame: Attribution
    kind: str = "direct"


def extract_quotes(doc: Document, settings: ClaimsSettings) -> tuple[Claim, ...]:
    """Every quotation of ``doc`` as a ``Claim(kind="quote")``, sorted by span."""
    text = doc.text
    if not text or not doc.annotation.tokens or not doc.annotation.sentences:
        return ()
    spans = find_quote_spans(
        text, settings.quote_max_chars, settings.quote_max_line_breaks,
        settings.quote_single_max_chars,
    )
    view = DocView(doc, [(q.start, q.end) for q in spans])
    window = settings.quote_antecedent_sentences
    found = [
        _Found(q.start, q.end, q.chain,
               attribute(view, q.start, q.end, window, settings.quote_outlets))
        for q in spans
    ]
    for f in found:
        if f.frame.speaker is None:
            name = _dash_source(view, f.end)
            if name:
                f.frame = Attribution(name, None, None, "dash")
    _share_chains(found)
    _continue_speakers(view, found, settings.quote_continuation_sentences)
    _paragraph_openers(view, found, settings)
    _reported_fragments(view, found, settings)
    for f in found:
        fr = f.frame
        if fr.speaker is None and fr.how == "according_to" and fr.via:
            f.frame = Attribution(fr.via, None, fr.verb, "according_to")  # the outlet speaks
    found += _indirect(view, found, settings) if settings.quote_indirect else []
    _carry_vias(view, found, settings)
    dateline = dateline_via(text)
    resumed = {k for k in range(1, len(found)) if _resumes(view, found[k - 1], found[k])}
    claims = []
    for k, f in enumerate(found):
        speaker, via = f.frame.speaker, f.frame.via
        if speaker and not via and dateline and dateline != speaker:
            via = dateline
        kind: AttributionKind = ("indirect" if f.kind == "indirect"
                             else _classify(view, f, speaker, settings))
        if kind == "fragment" and k in resumed:
            kind = "direct"  # "We are ready," he said, "and we will not retreat."
        if kind == "scare":
            speaker = via = None
        s_lo = view.sentences[view.sentence_of(f.start)]
        s_hi = view.sentences[view.sentence_of(max(f.start, f.end - 1))]
        claims.append(Claim(
            id=content_id(doc.id, "quote", f.start, f.end),
            article_id=doc.id,
            kind="quote",
            text=text[f.start : f.end],
            span=(f.start, f.end),
            speaker=speaker,
            via=via if speaker or via else None,
            sentence_span=(s_lo.start, max(s_hi.end, f.end)),
            attribution=kind,
            modality="reported",
        ))
    return tuple(sorted(claims, key=lambda c: (c.span, c.attribution or "")))


def _share_chains(found: list[_Found]) -> None:
    by_chain: dict[int, Attribution] = {}
    for f in found:
        if f.frame.speaker and f.chain not in by_chain:
            by_chain[f.chain] = f.frame
    for f in found:
        if f.frame.speaker is None and f.chain in by_chain:
            f.frame = by_chain[f.chain]


def _continue_speakers(view: DocView, found: list[_Found],
                       window: int) -> None:
    """An unframed quotation right after a framed one continues its speaker."""
    if window <= 0:
        return
    for k in range(1, len(found)):
        f = found[k]
        fr = f.frame
        anaphoric = fr.subject is not None and \
            view.tokens[fr.subject].lemma.lower() in COMMUNICATION_NOUNS  # "This statement ..."
        if fr.speaker is not None or (fr.verb is not None and not anaphoric
                                      and fr.how != "nearby"):
            continue
        prev = found[k - 1]
        if prev.frame.speaker is None:
            continue
        gap = view.sentence_of(f.start) - view.sentence_of(max(prev.start, prev.end - 1))
        if not (0 <= gap <= window) or _new_name(view, _after_frame(view, prev, f.start),
                                                 f.start, prev.frame.speaker):
            continue
        if _is_sentence_like(view, f.start, f.end) or _refers_to_speech(view, f.start) \
                or (_whole_sentences(view.text[f.start : f.end])
                    and "\n" not in view.text[prev.end : f.start]):  # a split quotation
            f.frame = Attribution(prev.frame.speaker, prev.frame.via, None, "continuation")


def _after_frame(view: DocView, prev: _Found, before: int) -> int:
    """Where the words between ``prev`` and the next passage stop being ``prev``'s own frame:
    after the sentence of its speech verb when that verb follows it (`"...," the RNC chairman
    said. "..."`: the names in that frame are the speaker's, not a new speaker)."""
    verb = prev.frame.verb
    if verb is None or not prev.end <= view.tokens[verb].start < before:
        return prev.end
    return min(before, max(prev.end, view.sentences[view.sentence_of(view.tokens[verb].start)].end))


def _new_name(view: DocView, a: int, b: int, speaker: str) -> bool:
    """A named subject other than ``speaker`` between two passages: the speaker may have
    changed (a name in an apposition or an object, "Doris Duke Professor", does not count)."""
    known = set(speaker.lower().replace("-", " ").split())
    for m in view.mentions:
        if a <= m.start < b and not view.in_quote(m.start):
            if set(m.text.lower().replace("-", " ").split()) <= known:
                continue  # the speaker again ("..., Chela Ortiz said.")
            if m.label in ("PERSON", "ORG", "GPE", "NORP") and any(
                    view.tokens[i].dep in ("nsubj", "nsubjpass")
                    or view.tokens[view.tokens[i].head].dep in ("nsubj", "nsubjpass")
                    for i in view.tokens_in(m.start, m.end)):
                return True
    return False


def _refers_to_speech(view: DocView, char: int) -> bool:
    """The passage's sentence points back to what was said ("This acknowledgment ...")."""
    sent = view.sentences[view.sentence_of(char)]
    return any(view.tokens[i].lemma.lower() in COMMUNICATION_NOUNS and not
               view.in_quote(view.tokens[i].start)
               for i in range(sent.token_start, sent.token_end))


def _is_sentence_like(view: DocView, start: int, end: int) -> bool:
    words = view.text[start:end]
    return words[:1].isupper() and any(
        view.tokens[i].pos in ("VERB", "AUX") for i in view.tokens_in(start, end))


_EDITORIAL_CREDIT = re.compile(r"\s*(?:the\s+)?editorial(?:\s+board)?\s*,\s*(?:the\s+)?"
                               r"([A-Z][^\n,;]{1,40})", re.IGNORECASE)


def _dash_source(view: DocView, end: int) -> str | None:
    """A pull quote signed after a dash: `“...” — Rep. Ilhan Omar, while a state lawmaker`; an
    outlet's editorial signed `— Editorial, Los Angeles Times` is the outlet's (a round-up's
    credit line, as a reader cites it: "the Los Angeles Times said")."""
    rest = view.text[end : end + 40]
    lead = len(rest) - len(rest.lstrip(" \"”’'.,"))
    if rest[lead : lead + 1] not in ("—", "–"):
        return None
    board = _EDITORIAL_CREDIT.match(view.text, end + lead + 1, end + lead + 80)
    if board is not None:
        return board.group(1).strip()
    for m in view.mentions:
        if m.label == "PERSON" and end + lead < m.start <= end + lead + 12 \
                and "\n" not in view.text[end : m.start]:
            return fullest_name(view, m.text, m.start)
    run: list[int] = []  # NER missed the name: the proper nouns right after the dash
    for i in view.tokens_in(end + lead + 1, end + 40):
        if view.tokens[i].pos != "PROPN" or "\n" in view.text[end : view.tokens[i].start]:
            break
        run.append(i)
    if len(run) >= 2:
        return fullest_name(view, view.text[view.tokens[run[0]].start : view.tokens[run[-1]].end])
    return None


def _paragraph_openers(view: DocView, found: list[_Found], settings: ClaimsSettings) -> None:
    """A quotation that opens its paragraph with no frame of its own is the words of the
    subject of a speech verb in the sentence just before (`Christopher Preble says he gets
    worried.` / `“I've not found a single person ...”`), the common news layout of a quotation
    set off after its introduction."""
    for f in found:
        fr = f.frame
        if fr.speaker is not None or fr.verb is not None:
            continue
        line_start = view.text.rfind("\n", 0, f.start) + 1
        if view.text[line_start : f.start].strip(" \t\"“‘'") or not (
                _is_sentence_like(view, f.start, f.end)
                or _whole_sentences(view.text[f.start : f.end])):
            continue
        s_idx = view.sentence_of(line_start) - 1 if line_start else -1
        if s_idx < 0:
            continue
        name = _speech_subject(view, s_idx, settings)
        if name:
            f.frame = Attribution(name, None, None, "introduced")


def _reported_fragments(view: DocView, found: list[_Found], settings: ClaimsSettings) -> None:
    """A mixed quotation the parse did not link to its verb (`McGinley said ... that the office
    would file charges, and that Grimm "asserts his innocence of any wrongdoing."`): a quoted
    phrase of four or more words starting in lower case belongs to the speaker of the speech
    verb of its sentence."""
    for f in found:
        words = view.text[f.start : f.end]
        if f.frame.speaker is not None or not words[:1].islower() or len(words.split()) < 4:
            continue
        name = _speech_subject(view, view.sentence_of(f.start), settings)
        if name:
            f.frame = Attribution(name, None, None, "sentence")


def _speech_subject(view: DocView, s_idx: int, settings: ClaimsSettings) -> str | None:
    """The speaker of the last speech verb outside quotes in sentence ``s_idx``."""
    sent = view.sentences[s_idx]
    for i in reversed(range(sent.token_start, sent.token_end)):
        t = view.tokens[i]
        if view.in_quote(t.start) or t.pos != "VERB" or t.lemma.lower() not in SPEECH_VERBS:
            continue
        subj, via_subject = subject_of(view, i)
        if subj is None or via_subject or is_outlet(view, subj, settings.quote_outlets):
            continue
        if view.mention_at(subj, ("PERSON", "ORG")) is None \
                and view.word(subj).lower() not in PERSON_PRONOUNS:
            continue  # "a long list of advisers doesn't tell you", "many Republicans call for"
        return speaker_name(view, subj, settings.quote_antecedent_sentences)
    return None


def _whole_sentences(words: str) -> bool:
    """Verbless but complete: "Just a ton of money for a relatively small state. Insane." """
    return words[:1].isupper() and words.rstrip()[-1:] in ".!?" and len(words.split()) >= 4


def _resumes(view: DocView, prev: _Found, f: _Found) -> bool:
    """``f`` resumes the full quotation ``prev`` after a short frame in the same sentence."""
    if prev.kind == "indirect" or f.kind == "indirect" or not prev.frame.speaker:
        return False
    if prev.frame.speaker != f.frame.speaker or not _is_sentence_like(view, prev.start, prev.end):
        return False
    gap = view.text[prev.end : f.start].strip(" \"“”‘’'")
    words = [w for w in gap.split() if any(c.isalpha() for c in w)]
    return (len(words) <= 6 and gap.endswith(",") and "\n" not in gap
            and not any(c in gap for c in ".!?;"))


def _classify(view: DocView, f: _Found, speaker: str | None,
              settings: ClaimsSettings) -> AttributionKind:
    if speaker is None or _is_name_like(view, f):
        return "scare"
    words = view.text[f.start : f.end]
    first = words.lstrip(".…([ ")[:1]
    if first and first.islower():
        return "fragment"
    has_verb = any(view.tokens[i].pos in ("VERB", "AUX") for i in view.tokens_in(f.start, f.end))
    if not has_verb and len(words.split()) <= settings.quote_fragment_max_words:
        return "fragment"
    return "direct"


def _indirect(view: DocView, found: list[_Found], settings: ClaimsSettings) -> list[_Found]:
    """Reported clauses of reporting verbs and "according to X, ..." outside direct quotes."""
    direct = [(f.start, f.end) for f in found if _is_sentence_like(view, f.start, f.end)]
    out: list[_Found] = []
    window = settings.quote_antecedent_sentences
    for i, t in enumerate(view.tokens):
        lemma = t.lemma.lower()
        if view.in_quote(t.start) or t.pos not in ("VERB", "AUX"):
            continue
        if lemma in REPORTING_VERBS and view.child(i, "neg") is None:
            comp = view.child(i, "ccomp")
            if comp is None:
                continue
            start, end = _clause_span(view, comp)
        elif lemma == "accord" and t.dep == "prep":
            comp = t.head
            if view.tokens[comp].lemma.lower() in SPEECH_VERBS:
                continue  # "according to KCNA, Putin said that ...": the verb's own clause
            start, end = _clause_span(view, comp, skip=i)
            if any(a < end and start < b for a, b in view.quoted):
                continue  # the quotation there carries the attribution
        else:
            continue
        if view.child(comp, "nsubj", "nsubjpass", "expl") is None or end - start < 12:
            continue
        if any(a < end and start < b for a, b in direct) or any(
                (a < start < b) or (a < end < b) for a, b in view.quoted):
            continue  # a full quotation there, or a quotation cut by the clause's edge
        subj, _ = subject_of(view, i)
        if subj is None:
            continue
        speaker: str | None
        if lemma == "accord" and is_outlet(view, subj, settings.quote_outlets):
            speaker, via = via_text(view, subj), None
        else:
            speaker = speaker_name(view, subj, window)
            via = None
            s = view.sentence_of(t.start)
            for tok, vt in find_vias(view, s, s, settings.quote_outlets):
                if tok != subj:
                    via = vt
                    break
        if speaker:
            out.append(_Found(start, end, -1, Attribution(speaker, via, i, "verb"), "indirect"))
    return out


def _clause_span(view: DocView, head: int, skip: int | None = None) -> tuple[int, int]:
    """Span of the clause headed by ``head`` (its subtree), without a leading "that", the
    "according to X" phrase ``skip`` and edge punctuation."""
    sub: list[int] = []
    stack = [head]
    banned: set[int] = set()
    if skip is not None:
        stack2 = [skip]
        while stack2:
            j = stack2.pop()
            banned.add(j)
            stack2.extend(view.children[j])
    while stack:
        j = stack.pop()
        if j in banned:
            continue
        sub.append(j)
        stack.extend(view.children[j])
    sub.sort()
    while sub and (view.tokens[sub[0]].pos in ("PUNCT", "SPACE") or (
            view.word(sub[0]).lower() == "that" and view.tokens[sub[0]].pos == "SCONJ")):
        sub.pop(0)
    while sub and view.tokens[sub[-1]].pos in ("PUNCT", "SPACE"):
        sub.pop()
    if not sub:
        return 0, 0
    return view.tokens[sub[0]].start, view.tokens[sub[-1]].end


def _carry_vias(view: DocView, found: list[_Found], settings: ClaimsSettings) -> None:
    """A quotation with a speaker and no outlet takes the outlet of the nearest sentence (or
    quotation) with the same speaker: within ``quote_via_sentences``, else, with
    ``quote_via_article``, anywhere in the article."""
    window = settings.quote_via_sentences
    if window <= 0 and not settings.quote_via_article:
        return
    by_sentence: dict[int, list[tuple[str | None, str]]] = {}
    for f in found:
        if f.frame.via and f.frame.speaker:
            by_sentence.setdefault(view.sentence_of(f.start), []).append(
                (f.frame.speaker, f.frame.via))
    for s_idx in range(len(view.sentences)):
        vias = find_vias(view, s_idx, s_idx, settings.quote_outlets)
        if not vias:
            continue
        speaker = _sentence_speaker(view, s_idx, settings)
        for _, vt in vias:
            by_sentence.setdefault(s_idx, []).append((speaker, vt))
    # The sentences naming each speaker's outlet, in order: the nearest one is found by bisection
    # (a scan over every sentence for every quotation is quadratic on a long article).
    where: dict[str, list[int]] = {}
    for s_idx in sorted(by_sentence):
        for spk, v in by_sentence[s_idx]:
            if spk and v and (not where.get(spk) or where[spk][-1] != s_idx):
                where.setdefault(spk, []).append(s_idx)
    reach = len(view.sentences) if settings.quote_via_article else window
    for f in found:
        if not f.frame.speaker or f.frame.via:
            continue
        here = view.sentence_of(f.start)
        sents = where.get(f.frame.speaker, [])
        i = bisect.bisect_left(sents, here)
        near = [s for s in (sents[i] if i < len(sents) else None,
                            sents[i - 1] if i > 0 else None)
                if s is not None and abs(s - here) <= reach]
        if near:  # nearest; at equal distance the earlier sentence
            s = min(near, key=lambda s: (abs(s - here), s > here))
            hit = next(v for spk, v in by_sentence[s] if spk == f.frame.speaker and v)
            fr = f.frame
            f.frame = Attribution(fr.speaker, hit, fr.verb, fr.how)


def _sentence_speaker(view: DocView, s_idx: int, settings: ClaimsSettings) -> str | None:
    sent = view.sentences[s_idx]
    for i in range(sent.token_start, sent.token_end):
        t = view.tokens[i]
        if view.in_quote(t.start):
            continue
        if t.dep == "ROOT" or (t.lemma.lower() in SPEECH_VERBS and t.pos == "VERB"):
            subj, via_subject = subject_of(view, i)
            if subj is None or via_subject or is_outlet(view, subj, settings.quote_outlets):
                continue
            name = speaker_name(view, subj, settings.quote_antecedent_sentences)
            if name:
                return name
    return None


def _is_name_like(view: DocView, f: _Found) -> bool:
    """Quoted words that name or label rather than report speech: a so-called term, a quoted
    modifier of the noun after it (the “Mexico City” rule, a “comprehensive strategic
    partnership” treaty), or a short title in title case with no speech verb linked to it in the
    parse ("Bathing Beauty", "The Hunger Games")."""
    before = view.text[max(0, f.start - 14) : f.start].lower().replace(" ", "")
    if "so-called" in before or "dubbed" in before:
        return True
    inside = list(view.tokens_in(f.start, f.end))
    roots = [i for i in inside if not (f.start <= view.tokens[view.tokens[i].head].start < f.end)
             and view.tokens[i].pos != "PUNCT"]
    if len(roots) == 1:
        r = view.tokens[roots[0]]
        head = view.tokens[r.head]
        if r.dep in ("compound", "nmod") and head.start >= f.end \
                and head.pos in ("NOUN", "PROPN"):
            return True
    words = [w for w in view.text[f.start : f.end].split() if any(c.isalpha() for c in w)]
    title = 0 < len(words) <= 6 and all(
        w[:1].isupper() for w in words if len(w) > 3 or w is words[0])
    return title and f.frame.how in ("nearby", "none", "continuation") \
        and view.text[f.start : f.end].rstrip()[-1:] not in "!?"
