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

Hand-written: no maintained library attributes quotations for English news on a spaCy parse
with a separate reporting-outlet slot; the rules are small and their failure modes testable.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storyline.models import Document, Mention, Token

SPEECH_VERBS = frozenset(
    """say state tell add note remark emphasize emphasise stress write describe call assert declare
    announce claim insist argue explain warn reply respond answer ask recall acknowledge admit deny
    confirm tweet post comment suggest predict promise vow pledge urge observe conclude quip joke
    complain characterize characterise term label dub praise laud commend hail highlight underscore
    underline express convey voice mention report speculate estimate testify allege maintain contend
    concede reiterate affirm proclaim assure thank congratulate accord quote refer criticize
    criticise blast lament caution pronounce tout welcome notify inform thunder yell shout
    scream chant exclaim whisper plead boast brag retort counter testify""".split()
)
"""Lemmas that introduce speech; ``accord`` is spaCy's lemma of "According (to)"."""

REPORTING_VERBS = frozenset(
    """say state tell add note remark emphasize emphasise stress write assert declare announce claim
    insist argue explain warn reply respond acknowledge admit deny confirm suggest predict promise
    vow pledge observe conclude allege maintain contend concede reiterate affirm report testify
    mention tweet highlight underscore indicate disclose reveal""".split()
)
"""Lemmas whose clausal complement is indirect speech ("X said that ...")."""

COMMUNICATION_NOUNS = frozenset(
    """message statement letter remark remarks speech words greeting greetings note address
    comment comments tweet post interview declaration communique announcement telegram
    rhetoric reply response acknowledgment acknowledgement praise tribute""".split()
)
ORG_ROLE_NOUNS = frozenset(
    """company firm agency ministry department government organization organisation group club
    team union party corporation bank court council committee commission board""".split()
)
PERSON_ROLE_NOUNS = frozenset(
    """leader president minister premier chancellor spokesman spokeswoman spokesperson official
    governor mayor chief head secretary general commander coach manager ceo chairman chairwoman
    director senator lawmaker actor actress singer player star officer lawyer attorney prosecutor
    judge king queen prince ruler dictator envoy ambassador diplomat founder owner captain
    candidate chairperson sheriff detective analyst expert""".split()
)
OUTLET_NOUNS = frozenset(
    """agency media news newspaper paper daily broadcaster television tv radio outlet wire press
    website channel network magazine tabloid publication newswire""".split()
)
KNOWN_OUTLETS = frozenset(
    """kcna yonhap reuters ap afp tass ria interfax xinhua kyodo bloomberg cnn bbc nhk efe ansa dpa
    upi sputnik rt nbc abc cbs fox msnbc ians pti bernama anadolu aljazeera al-jazeera
    cctv sana irna isna""".split()
)
REPORT_VERBS = frozenset({"report", "carry", "publish", "broadcast", "quote", "cite", "air"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?,?\s*\(([A-Z][\w .&-]{1,40})\)"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """What was found around a passage. ``verb`` is the token index of the speech verb."""

    speaker: str | None
    via: str | None
    verb: int | None
    how: str  # "verb" | "according_to" | "noun" | "continuation" | "none"
    subject: int | None = None  # token index of the speaker phrase's head


class DocView:
    """Read-only indexes over one Document (built per call, never cached across documents)."""

    def __init__(self, doc: Document, quoted: list[tuple[int, int]]):
        ann = doc.annotation
        self.text = doc.text
        self.tokens: tuple[Token, ...] = ann.tokens
        self.sentences = ann.sentences
        self.starts = [t.start for t in self.tokens]
        self.sent_starts = [s.start for s in self.sentences]
        self.mentions: list[Mention] = sorted(ann.mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.quoted = sorted(quoted)
        self.dateline = dateline_span(self.text)
        self.chain_verbs: set[int] = set()  # set by speech_verbs_for for the passage at hand
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, t in enumerate(self.tokens):
            if t.head != i and 0 <= t.head < len(self.tokens):
                self.children[t.head].append(i)

    # -------------------------------------------------------------- lookups
    def word(self, i: int) -> str:
        t = self.tokens[i]
        return self.text[t.start : t.end]

    def tokens_in(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def in_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self.quoted, (char, 10**12)) - 1
        return k >= 0 and self.quoted[k][0] <= char < self.quoted[k][1]

    def mention_at(self, i: int, labels: tuple[str, ...] = ()) -> Mention | None:
        t = self.tokens[i]
        k = bisect.bisect_right(self.mention_starts, t.start) - 1
        while k >= 0 and self.mentions[k].end > t.start - 200:
            m = self.mentions[k]
            if m.start <= t.start and t.end <= m.end and (not labels or m.label in labels):
                return m
            k -= 1
        return None

    def child(self, i: int, *deps: str) -> int | None:
        for c in self.children[i]:
            if self.tokens[c].dep in deps:
                return c
        return None

    def phrase(self, i: int, *, with_prep: bool = False) -> tuple[int, int]:
        """Character span of the noun phrase headed by token ``i``: its left modifiers, a
        coordinated name ("Kim and Putin") and, with ``with_prep``, a short "of/for" phrase; not
        a parenthesis or apposition after it."""
        left = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "npadvmod", "punct",
                "quantmod", "advmod", "flat"}
        right = {"case", "flat", "cc", "conj"} | ({"prep"} if with_prep else set())
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                dep = self.tokens[c].dep
                if j != i:
                    ok = dep != "punct" or lo < c < hi
                elif c < i:
                    ok = dep in left
                else:
                    ok = dep in right and (dep != "prep" or self.word(c).lower() in ("of", "for"))
                if ok:
                    lo, hi = min(lo, c), max(hi, c)
                    stack.append(c)
        while lo < i and self.tokens[lo].pos == "PUNCT":
            lo += 1
        while hi > i and self.tokens[hi].pos in ("PUNCT", "PART"):
            hi -= 1
        return self.tokens[lo].start, self.tokens[hi].end

    def in_dateline(self, char: int) -> bool:
        return self.dateline is not None and self.dateline[0] <= char < self.dateline[1]


# ------------------------------------------------------------------ outlets and via


def _acronym_after(view: DocView, end: int) -> str | None:
    m = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", view.text[end : end + 14])
    return m.group(1) if m else None


def is_outlet(view: DocView, i: int, extra: tuple[str, ...] = ()) -> bool:
    """Whether the noun phrase headed by token ``i`` names a news outlet or agency."""
    t = view.tokens[i]
    start, end = view.phrase(i)
    name = view.text[start:end].lower().replace("the ", "")
    acro = _acronym_after(view, end)
    words = set(re.findall(r"[\w-]+", name)) | ({acro.lower()} if acro else set())
    known = KNOWN_OUTLETS | {e.lower() for e in extra}
    if words & known or name.strip() in known:
        return True
    if t.lemma.lower() in OUTLET_NOUNS or t.lemma.lower() in ("report", "reports"):
        return bool(t.lemma.lower() in OUTLET_NOUNS or words & OUTLET_NOUNS)
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
                and view.tokens[j].start <= view.tokens[j - 1].end + 1:
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
                if view.word(p).lower() in ("with", "to", "in") and view.tokens[p].dep == "prep":
                    cand = view.child(p, "pobj")
                    break
            if lemma == "interview" and cand is None:
                continue
        if cand is not None and is_outlet(view, cand, extra):
            found.append((cand, via_text(view, cand)))
    return found


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of a dateline ("Seoul, Dec 27 (NationPress)", "MOSCOW (Reuters) -")
    at the start of one of the first lines."""
    pos = 0
    for line in text.split("\n")[:12]:
        lead = len(line) - len(line.lstrip())
        m = _DATELINE.match(line.strip())
        if m:
            return pos + lead, pos + lead + m.end()
        pos += len(line) + 1
    return None


def dateline_via(text: str) -> str | None:
    """The agency named in the article's dateline, if any."""
    span = dateline_span(text)
    if span is None:
        return None
    m = _DATELINE.match(text[span[0] : span[1]])
    return m.group(1).strip() if m else None


# ------------------------------------------------------------------ speakers


def speech_verbs_for(view: DocView, start: int, end: int) -> list[int]:
    """Candidate speech verbs for the passage ``[start, end)``, best first: those its words hang
    on in the parse (fewest hops first), then the others in its sentence(s) by distance, then a
    short following sentence (", he said." split off) or a preceding one ending with a colon."""
    inside = set(view.tokens_in(start, end))
    if not inside:
        return []
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
    view.chain_verbs = set(ranked)  # for the caller: which candidates the parse links

    def dist(i: int) -> int:
        t = view.tokens[i]
        return min(abs(t.start - end), abs(t.end - start))

    near = sorted((i for i in range(lo, hi) if i not in inside and i not in hops
                   and _is_speech(view, i) and _reachable(view, i, start, end)), key=dist)
    ranked += near
    if not ranked and s_hi + 1 < len(view.sentences):
        nxt = view.sentences[s_hi + 1]
        gap = view.text[end : nxt.start]
        if gap.strip(" ”\"’',.") == "":  # same line: the frame may open the next sentence
            ranked = [i for i in range(nxt.token_start, min(nxt.token_end, nxt.token_start + 8))
                      if _is_speech(view, i)]
    if not ranked and s_lo > 0:
        prev = view.sentences[s_lo - 1]
        if view.text[prev.start : prev.end].rstrip().endswith(":"):
            ranked = sorted((i for i in range(prev.token_start, prev.token_end)
                             if _is_speech(view, i)), key=dist)
    return ranked


def _reachable(view: DocView, i: int, start: int, end: int) -> bool:
    """A verb not linked to the passage in the parse can still frame it when it is on the same
    line and no other quotation stands between them (that one would be its passage)."""
    t = view.tokens[i]
    a, b = (t.end, start) if t.end <= start else (end, t.start)
    if "\n" in view.text[a:b]:
        return False
    return not any(a <= qs < b for qs, _ in view.quoted)


NAMING_VERBS = frozenset({"call", "dub", "term", "label", "name", "title", "brand", "nickname"})


def _is_speech(view: DocView, i: int) -> bool:
    """A speech verb (not the passive "reported by X", which names a via), or any verb whose
    subject is a communication noun ("his message celebrates ...")."""
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
                                  or t.dep in ("acl", "amod", "relcl")):
        return False  # "what is called the “Matanuska Maid block”": naming, not speech
    if lemma in SPEECH_VERBS:
        return True
    subj = view.child(i, "nsubj")
    return subj is not None and view.tokens[subj].lemma.lower() in COMMUNICATION_NOUNS


def subject_of(view: DocView, verb: int) -> tuple[int | None, bool]:
    """(token of the speaker phrase, via_is_subject) for a speech verb: nsubj, passive agent,
    "according to X", "X was quoted as saying", climbing advcl/conj/xcomp chains; failing those,
    the last subject before the verb in its sentence ("Putin conveyed ..., stating ...")."""
    subj, is_via = _subject_of(view, verb)
    if subj is None and view.tokens[verb].lemma.lower() != "accord":
        sent = view.sentences[view.sentence_of(view.tokens[verb].start)]
        for i in range(verb - 1, sent.token_start - 1, -1):
            t = view.tokens[i]
            if t.dep in ("nsubj",) and not view.in_quote(t.start) and t.pos != "PRON" or (
                    t.dep == "nsubj" and view.word(i).lower() in _PRONOUNS_PERSON):
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
        subj = view.child(j, "nsubj")
        if subj is not None and view.tokens[subj].lemma.lower() not in ("who", "that", "which"):
            return subj, False
        if subj is not None and t.dep == "relcl":  # "Kim, who said ..." -> the head noun
            return t.head, False
        agent = view.child(j, "agent")
        if agent is not None and view.child(agent, "pobj") is not None:
            return view.child(agent, "pobj"), False
        if t.dep in ("acl",) and view.tokens[t.head].pos in ("NOUN", "PROPN"):
            return t.head, False
        if t.dep not in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "acl", "prep", "pobj") \
                or t.head == j:
            return None, False
        j = t.head
    return None, False


def fullest_name(view: DocView, name: str) -> str:
    """The longest PERSON mention in the article containing every word of ``name``."""
    words = _name_words(name)
    if not words:
        return name
    best = name
    for m in view.mentions:
        if m.label == "PERSON" and words <= _name_words(m.text) and len(m.text) > len(best):
            best = m.text
    return _strip_possessive(best)


def _name_words(s: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", _strip_possessive(s).lower()))


def _strip_possessive(s: str) -> str:
    return re.sub(r"['’]s?$", "", s.strip())


def antecedent(view: DocView, before: int, window: int, labels=("PERSON",)) -> str | None:
    """The person "he" / "the Russian leader" refers to: the most recent PERSON mention in
    subject position before char ``before`` within ``window`` sentences (outside quotes), or a
    more recent proper-name subject of a speech verb that NER did not tag, or else the most
    recent PERSON named at all."""
    s_here = view.sentence_of(before)
    floor = view.sentences[max(0, s_here - window)].start if view.sentences else 0
    k = bisect.bisect_left(view.mention_starts, before) - 1
    first: Mention | None = None
    subject: Mention | None = None
    while k >= 0 and view.mentions[k].start >= floor:
        m = view.mentions[k]
        k -= 1
        if m.label not in labels or m.end > before or view.in_quote(m.start):
            continue
        first = first or m
        if any(view.tokens[i].dep in ("nsubj", "nsubjpass")
               for i in view.tokens_in(m.start, m.end)):
            subject = m
            break
    for i in reversed(view.tokens_in(subject.end if subject else floor, before)):
        t = view.tokens[i]
        if t.pos == "PROPN" and t.dep == "nsubj" and not view.in_quote(t.start) \
                and view.tokens[t.head].lemma.lower() in SPEECH_VERBS \
                and view.mention_at(i, ("PERSON",)) is None:
            name = propn_name(view, i)
            if name:
                return name
    found = subject or first
    return found.text if found else None


def speaker_name(view: DocView, i: int, window: int, depth: int = 0) -> str | None:
    """Name of the speaker whose phrase is headed by token ``i``."""
    t = view.tokens[i]
    low = view.word(i).lower()
    lemma = t.lemma.lower()
    if view.in_quote(t.start):
        return None
    if t.pos == "PRON" or low in _PRONOUNS_PERSON:
        if low in _PRONOUNS_PERSON:
            found = antecedent(view, t.start, window)
            return fullest_name(view, found) if found else None
        if low in ("they", "it") and depth < 2:  # "a delegation, which ... what they described"
            j = i
            for _ in range(8):
                if view.tokens[j].dep == "relcl":
                    return speaker_name(view, view.tokens[j].head, window, depth + 1)
                if view.tokens[j].head == j:
                    break
                j = view.tokens[j].head
        return None
    if lemma in COMMUNICATION_NOUNS and depth < 2:
        owner = view.child(i, "poss")
        if owner is None:
            for p in view.children[i]:
                if view.word(p).lower() in ("from", "by", "of") and view.tokens[p].dep == "prep":
                    owner = view.child(p, "pobj")
                    break
        return speaker_name(view, owner, window, depth + 1) if owner is not None else None
    m = view.mention_at(i, ("PERSON",)) or _person_in_phrase(view, i)
    if m is not None:
        names = [fullest_name(view, m.text)]
        for c in view.children[i]:  # "Kim and Putin agreed"
            other = view.mention_at(c, ("PERSON",)) if view.tokens[c].dep == "conj" else None
            if other is not None and other is not m:
                names.append(fullest_name(view, other.text))
        return " and ".join(names)
    m = view.mention_at(i, ("ORG", "GPE", "NORP", "FAC"))
    if m is not None and t.pos == "PROPN":
        return fullest_name(view, m.text)
    if t.pos == "PROPN":
        if view.text[t.end : t.end + 1] == "." and len(view.word(i)) <= 5:
            # a title cut off by the sentence splitter: "said Dist. Atty. Steve Cooley"
            nxt = [m for m in view.mentions if m.label == "PERSON" and t.end <= m.start < t.end + 25]
            if nxt:
                return fullest_name(view, nxt[0].text)
        name = propn_name(view, i)
        return fullest_name(view, name) if name else None
    det = view.child(i, "det")
    if det is not None and view.word(det).lower() in ("the", "this", "that") and t.tag == "NN":
        earlier = _earlier_phrase(view, i, window)  # "a naval officer said ... the officer said"
        if earlier is not None:
            return earlier
        if lemma in PERSON_ROLE_NOUNS:
            found = antecedent(view, t.start, window)
            if found:
                return fullest_name(view, found)
        if lemma in ORG_ROLE_NOUNS:  # "the company said" -> the organisation named before
            found = antecedent(view, t.start, window, ("ORG",))
            if found:
                return _strip_possessive(found)
    s, e = view.phrase(i, with_prep=True)
    return _clean_name(view.text[s:e])


def propn_name(view: DocView, i: int) -> str | None:
    """The run of proper-noun tokens ending at ``i`` ("Heydar Alishbandi", not "Qeshm island
    governor Heydar Alishbandi")."""
    lo = i
    while lo > 0 and view.tokens[lo - 1].pos == "PROPN" and view.tokens[lo - 1].head in (
            i, lo) and view.tokens[lo - 1].end + 1 >= view.tokens[lo].start:
        lo -= 1
    return _clean_name(view.text[view.tokens[lo].start : view.tokens[i].end])


def _clean_name(name: str) -> str | None:
    """``None`` for what cannot be a speaker (a URL, a file path, no letters)."""
    if "://" in name or "www." in name or "/" in name or not any(c.isalpha() for c in name):
        return None
    return name


def _person_in_phrase(view: DocView, i: int) -> Mention | None:
    """A PERSON mention inside the subject phrase ("Dist. Atty. Steve Cooley", "the governor
    of X, Abdolreza Sheikholeslami"), not inside a clause attached to it."""
    stack, seen = [i], 0
    while stack and seen < 25:
        j = stack.pop()
        seen += 1
        m = view.mention_at(j, ("PERSON",))
        if m is not None:
            return m
        stack.extend(c for c in view.children[j]
                     if view.tokens[c].dep not in ("relcl", "acl", "advcl", "ccomp", "punct"))
    return None


def _earlier_phrase(view: DocView, i: int, window: int) -> str | None:
    """For "the official", an earlier indefinite "a senior fire department official" (or a
    named one) within ``window`` sentences: that is who "the official" is."""
    lemma = view.tokens[i].lemma.lower()
    floor = view.sentences[max(0, view.sentence_of(view.tokens[i].start) - window)].token_start
    for j in range(i - 1, floor - 1, -1):
        t = view.tokens[j]
        if t.lemma.lower() != lemma or t.pos != "NOUN" or view.in_quote(t.start):
            continue
        det = view.child(j, "det")
        m = view.mention_at(j, ("PERSON",)) or _person_in_phrase(view, j)
        if m is not None:
            return fullest_name(view, m.text)
        if det is not None and view.word(det).lower() in ("a", "an", "one"):
            s, e = view.phrase(j, with_prep=True)
            return _clean_name(view.text[s:e])
    return None


def attribute(view: DocView, start: int, end: int, window: int,
              outlets: tuple[str, ...]) -> Attribution:
    """Speaker and via of the passage ``[start, end)`` from its own sentence(s): the first
    candidate speech verb that yields a speaker (or, for "according to" an outlet, a via)."""
    verbs = speech_verbs_for(view, start, end)
    linked = set(view.chain_verbs)
    chosen: Attribution | None = None
    for verb in verbs[:4]:
        found = _frame(view, verb, window, outlets)
        if verb not in linked:
            found = Attribution(found.speaker, found.via, verb, "nearby", found.subject)
        if found.speaker:
            chosen = found
            break
        if chosen is None:
            chosen = found
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


def _colon_intro(view: DocView, start: int) -> str | None:
    """ "Below is a statement by Francesca Grifo:" / "the prophetic Dr Azm Al Homoud:" right
    before a passage: the last person named before the colon is the speaker."""
    before = view.text[:start].rstrip(" \t\n\"“‘'")
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    sent = view.sentences[view.sentence_of(colon)]
    persons = [m for m in view.mentions if m.label == "PERSON" and sent.start <= m.start < colon
               and not view.in_quote(m.start)]
    return fullest_name(view, persons[-1].text) if persons else None
