"""Speaker names: from a subject token to the fullest name of who spoke.

Pronouns ("he said") and definite role nouns ("the Russian leader said", "the official said",
"the company said") resolve to an earlier indefinite mention of the same noun ("a senior fire
department official") or to the most recent person (organisation) named before, preferring one in
subject position -- a salience heuristic in the spirit of Lappin & Leass (1994) reduced to
recency and grammatical role; a surname is expanded to the fullest form of the name in the
article ("Putin" -> "Vladimir Putin"). A pronoun passes over a person known to be of the other
gender (an honorific the article gives the surname, or a given name the packaged table of
``storyline/data/given_names.tsv`` genders with a wide margin), and a bare surname the article
has used for one person is not given to a namesake named in full only later ("first lady
Melania Trump" after "Trump told reporters"). No coreference model ships with the small spaCy
pipelines we depend on, and these rules cover the reporting-clause cases news needs.
"""

from __future__ import annotations

import bisect
import re

from storyline.claims.aliases import TITLE_ABBREVIATIONS
from storyline.claims.person_names import (
    PRONOUN_GENDER,
    fullest_name,
    person_gender,
    subject_role,
)
from storyline.claims.quote_documents import document_before, document_source, phrase_without_det
from storyline.claims.quote_lexicon import (
    COMMENTATOR_NOUNS,
    COMMUNICATION_NOUNS,
    DOCUMENT_NOUNS,
    NON_SPEAKER_LABELS,
    ORG_ROLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    REPORT_VERBS,
    SPEECH_VERBS,
    TIME_NOUNS,
    UNNAMED_SOURCE_NOUNS,
)
from storyline.claims.quote_via import is_outlet
from storyline.claims.quote_view import DocView, name_words, strip_possessive
from storyline.models import Mention


def can_speak(view: DocView, i: int) -> bool:
    """False for a token that heads a time expression or a number ("at one point saying", "the
    time was ripe to urge"): what the parser made a subject there is not a speaker."""
    return view.tokens[i].lemma.lower() not in TIME_NOUNS \
        and view.mention_at(i, NON_SPEAKER_LABELS) is None


def _plural_name(view: DocView, m: Mention) -> bool:
    """"the Romneys", "the Clintons": a family, never the one person a pronoun refers to (a plural
    proper noun in -s after "the"; the tag alone is not enough: the small model tags rare
    singular names such as "Zareh" NNPS)."""
    toks = view.tokens_in(m.start, m.end)
    if not toks or view.tokens[toks[-1]].tag != "NNPS" or not view.word(toks[-1]).endswith("s"):
        return False
    first = toks[0] if view.word(toks[0]).lower() == "the" else toks[0] - 1
    return first >= 0 and view.word(first).lower() == "the"


def antecedent(view: DocView, before: int, window: int, labels=("PERSON",),
               gender: str | None = None, hops: int = 0) -> str | None:
    """The person "he" / "the Russian leader" refers to: the most recent PERSON mention in
    subject position before char ``before`` within ``window`` sentences (outside quotes; not a
    plural family name), or a more recent proper-name subject of a speech verb that NER did not
    tag, or else the most recent PERSON named at all. With ``gender`` (the pronoun's), a person
    known to be of the other gender is passed over (``person_gender``): "“She fought very
    hard,” he said" after "Trump complimented Clinton" is not Hillary Clinton."""
    s_here = view.sentence_of(before)
    floor = view.sentences[max(0, s_here - window)].start if view.sentences else 0
    k = bisect.bisect_left(view.mention_starts, before) - 1
    first: Mention | None = None
    subject: Mention | None = None
    while k >= 0 and view.mentions[k].start >= floor:
        m = view.mentions[k]
        k -= 1
        if m.label not in labels or m.end > before or view.in_quote(m.start) \
                or _plural_name(view, m) or view.in_headline(m.start) \
                or not _may_be(view, m.text, gender):
            continue
        first = first or m
        if subject_role(view, m) > 0:
            subject = m
            break
    scan_from = subject.end if subject else floor
    if subject is not None and subject_role(view, subject) == 1:
        # an embedded subject ("Spokeswoman Jennifer Friedman confirmed that Bryson was
        # involved"): the main clause's subject of the same sentence is more salient, also
        # one the recogniser left untagged ("Ivey wonders how Clinton can ..."), unless the
        # embedded subject is a speaker itself ("Pallone noted that Bright said ...")
        sent = view.sentences[view.sentence_of(subject.start)]
        head = view.tokens[view.tokens[view.tokens_in(subject.start, subject.end)[-1]].head]
        if head.lemma.lower() not in SPEECH_VERBS:
            scan_from = sent.start
        while k >= 0 and view.mentions[k].start >= sent.start:
            m = view.mentions[k]
            k -= 1
            if m.label in labels and not view.in_quote(m.start) and subject_role(view, m) == 2 \
                    and _may_be(view, m.text, gender):
                subject = m
                scan_from = m.end
                break
    for i in reversed(view.tokens_in(scan_from, before)):
        t = view.tokens[i]
        if (t.dep != "nsubj" and not _according_to(view, i)) or view.in_quote(t.start):
            continue
        if (t.pos == "PROPN" or _surname_as_noun(view, i)) \
                and view.mention_at(i, ("PERSON",)) is None \
                and ("PERSON" not in labels or _person_word(view, view.word(i))
                     or view.mention_at(i, ("ORG", "GPE", "NORP", "LOC")) is None) \
                and (view.tokens[t.head].lemma.lower() in SPEECH_VERBS
                     or ("PERSON" in labels and view.tokens[t.head].dep == "ROOT"
                         and _person_word(view, view.word(i)))):
            # "Trump indicated at a press conference that ...": a main clause's subject the
            # recogniser left untagged here, tagged a person elsewhere in the article; not a
            # name it tags an organisation or a place ("the FBI told him", "the White House
            # said"; its FAC is often a person: "governor Heydar Alishbandi told AFP")
            name = propn_name(view, i)
            if name and any(w[:1].isupper() for w in name.split()) \
                    and _may_be(view, name, gender):
                return name  # not the tagger's "elect" of "the president-elect claimed"
        if "PERSON" in labels and _unnamed_source(view, i) \
                and (first is None or first.end <= t.start
                     or view.tokens[view.tokens_in(first.start, first.end)[-1]].dep
                     in ("compound", "nmod")):  # "the Romney boomlet" names no one nearer
            # "says one 2012 Romney supporter. He also added ...": the unnamed speaker of the
            # last frame, not a person named before it (a person named after it is nearer)
            return _clean_name(_phrase(view, i))
        r = i - 2 if view.word(i).lower() == "elect" and i >= 2 and view.word(i - 1) == "-" \
            else i  # "the president-elect": the role is "president"
        if "PERSON" in labels and _definite(view, i) and _is_role(view, r) \
                and view.tokens[t.head].dep == "ROOT":
            # "the president fired back on Twitter. '...,' he wrote": the role is the more
            # recent subject; it is the person it names
            role = _definite_role(view, r, window)
            if role and _may_be(view, role, gender):
                return role
    if subject is None and gender is not None and hops < 3:
        # no person named as a subject within the window: a run of "she" subjects in it
        # ("She is running on ... Against Obama, she asked ... she lied and panicked ... she
        # said") is one person, the one the first of them refers to, not a person merely
        # mentioned among them
        run = [i for i in view.tokens_in(floor, before)
               if view.tokens[i].dep in ("nsubj", "nsubjpass")
               and PRONOUN_GENDER.get(view.word(i).lower()) == gender
               and not view.in_quote(view.tokens[i].start)]
        if run:  # the run's first "she": what it refers to is named before the window
            chained = antecedent(view, view.tokens[run[0]].start, window, labels, gender,
                                 hops + 1)
            if chained:
                return chained
    found = subject or first
    return found.text if found else None


def _surname_as_noun(view: DocView, i: int) -> bool:
    """A capitalised word the tagger made a common noun that is a word of a person's name in
    the article ("Ivey wonders how ...", after "Bill Ivey"): a name, not a role or a thing."""
    w = view.word(i)
    return view.tokens[i].pos == "NOUN" and w[:1].isupper() and not _is_role(view, i) \
        and _person_word(view, w)


def _person_word(view: DocView, word: str) -> bool:
    """Whether a PERSON mention of the article has ``word`` in its name."""
    w = word.lower()
    return any(m.label == "PERSON" and w in name_words(m.text) for m in view.mentions)


def _according_to(view: DocView, i: int) -> bool:
    """Token ``i`` is X of "according to X"."""
    t = view.tokens[i]
    if t.dep != "pobj" or view.word(t.head).lower() != "to":
        return False
    return view.tokens[view.tokens[t.head].head].lemma.lower() == "accord"


def _unnamed_source(view: DocView, i: int) -> bool:
    """An indefinite person noun, subject of a speech verb or X of "according to X", that names
    no one ("one source says", "A former adviser said", "says another Democratic strategist",
    "according to a Foreign Ministry spokesperson")."""
    t = view.tokens[i]
    if t.pos != "NOUN" or t.lemma.lower() not in PERSON_ROLE_NOUNS | UNNAMED_SOURCE_NOUNS \
            or (view.tokens[t.head].lemma.lower() not in SPEECH_VERBS
                and not _according_to(view, i)) \
            or _person_in_phrase(view, i) is not None:
        return False
    lo, _ = view.phrase(i)
    if view.boxes and view.owner_before(lo) is not None:
        return False  # "Sen. Roy Blunt [link box] MORE, a member of GOP leadership, said"
    k = view.tokens_in(lo, view.tokens[i].start)
    return bool(k) and view.word(k[0]).lower() in ("a", "an", "another", "one")


def _may_be(view: DocView, name: str, gender: str | None) -> bool:
    """Whether some person of the article bearing ``name`` may be of ``gender`` (any, when it
    is ``None``): "Clinton" may be "she" when Hillary Clinton is named, whatever Bill is; a
    bare "Trump" is not "she" when only Donald Trump is named in full; a name of no known
    gender may be anyone."""
    if gender is None:
        return True
    words = name_words(name)
    known = {person_gender(view, n) for n in [name] + [
        m.text for m in view.mentions if m.label == "PERSON" and words
        and words <= name_words(m.text)]} - {None}
    return not known or gender in known  # a bare "Trump" is the Donald Trump named in full


def _definite(view: DocView, i: int) -> bool:
    det = view.child(i, "det")
    return det is not None and view.word(det).lower() in ("the", "this", "that")


def _is_role(view: DocView, i: int) -> bool:
    """A person's role noun ("the official", "the Illinois Democrat"), not a name of its own."""
    t = view.tokens[i]
    return t.lemma.lower() in PERSON_ROLE_NOUNS and t.tag in ("NN", "NNP") \
        and view.mention_at(i, ("PERSON",)) is None


def speaker_name(view: DocView, i: int, window: int, depth: int = 0) -> str | None:
    """Name of the speaker whose phrase is headed by token ``i``."""
    t = view.tokens[i]
    low = view.word(i).lower()
    lemma = t.lemma.lower()
    if view.in_quote(t.start) or not can_speak(view, i):
        return None
    if view.boxes and (view.in_box(t.start) or view.owner_before(view.phrase(i)[0])):
        # "Joe Biden Joe BidenGOP senators balk ... MORE tweeted", "... MORE, a member of GOP
        # leadership, said"
        boxed = view.box_owner(t.start) or view.owner_before(view.phrase(i)[0])
        return fullest_name(view, boxed.text, boxed.start) if boxed is not None else None
    if t.pos == "PROPN" and view.text[t.end : t.end + 1] == "." and len(view.word(i)) <= 5:
        # a title cut off by the sentence splitter: "said Dist. Atty. Steve Cooley"; not a
        # surname ending the sentence ("..., complains Ivey.\n\nIvey wonders how Clinton"):
        # a title runs into its name in the same paragraph, and is no name of the article's
        nxt = [m for m in view.mentions
               if m.label == "PERSON" and t.end + 1 < m.start < t.end + 25 and len(m.text) > 5
               and "\n" not in view.text[t.end : m.start]]
        if nxt and fullest_name(view, view.word(i)) == view.word(i):
            return fullest_name(view, nxt[0].text, t.start)
    if t.pos == "PRON" or low in PERSON_PRONOUNS:
        if low in PERSON_PRONOUNS:
            gender = PRONOUN_GENDER.get(low)
            found = antecedent(view, t.start, window, gender=gender)
            return fullest_name(view, found, t.start, gender) if found else None
        if low == "it" and t.dep == "nsubj" and view.tokens[t.head].lemma.lower() == "read":
            return document_before(view, i, window, lambda j: speaker_name(
                view, j, window, depth + 1))  # "The letter ... “...,” it reads"
        if low in ("they", "it") and depth < 2:  # "a delegation, which ... what they described"
            j = i
            for _ in range(8):
                if view.tokens[j].dep == "relcl":
                    h = view.tokens[j].head
                    # "a delegation to Pyongyang, which ...": places do not speak; the relative
                    # clause was attached to the wrong noun, take the one the place modifies
                    for _ in range(4):
                        if view.mention_at(h, ("GPE", "LOC")) is None or view.tokens[h].head == h:
                            break
                        h = view.tokens[h].head
                        while view.tokens[h].pos == "ADP" and view.tokens[h].head != h:
                            h = view.tokens[h].head
                    return speaker_name(view, h, window, depth + 1)
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
        if owner is not None:
            return speaker_name(view, owner, window, depth + 1)
        det = view.child(i, "det")
        if lemma in DOCUMENT_NOUNS and (det is None or view.word(det).lower() not in (
                "this", "that", "these", "those")):  # "that statement continued": one said
            return document_source(view, i, window, lambda j: speaker_name(  # before, by
                view, j, window, depth + 1))  # whoever said it
        return None
    if t.dep == "appos" and t.pos == "NOUN" and depth < 2 \
            and view.mention_at(t.head, ("PERSON",)) is not None:
        # "Mark Walker, a North Carolina representative who noted ...": the relative clause
        # hangs on the apposition; the speaker is the person it describes
        return speaker_name(view, t.head, window, depth + 1)
    if t.pos == "PROPN" and view.in_headline(t.start):
        # "Obama Warns Democratic Candidates ...: “...”": in a title-case headline the
        # recogniser runs the name into the words after it; the word is the article's person
        full = fullest_name(view, view.word(i))
        if full != view.word(i):
            return full
    m = view.mention_at(i, ("PERSON",)) or _person_in_phrase(view, i)
    det = view.child(i, "det")
    definite = _definite(view, i)
    if m is None and definite and _is_role(view, i):
        # "the former South Carolina congressman said", "the Illinois Democrat said": a
        # definite role (a proper noun too: "the former Secretary of State") is someone named
        # before, not a name of its own
        return _definite_role(view, i, window) or _clean_name(_phrase(view, i))
    if m is None and definite and lemma in COMMENTATOR_NOUNS and t.tag == "NN":
        found = _earlier_phrase(view, i, window) or _most_quoted(view, t.start)
        if found:
            return found
    if m is not None:
        names = [fullest_name(view, m.text, m.start)]
        for c in view.children[i]:  # "Kim and Putin agreed"
            other = view.mention_at(c, ("PERSON",)) if view.tokens[c].dep == "conj" else None
            if other is not None and other is not m:
                names.append(fullest_name(view, other.text, other.start))
        return " and ".join(names)
    m = view.mention_at(i, ("ORG", "GPE", "NORP", "FAC"))
    if m is not None and t.pos == "PROPN":
        return fullest_name(view, m.text)
    if t.pos == "PROPN":
        name = propn_name(view, i)
        return fullest_name(view, name, t.start) if name else None
    if definite and t.tag == "NN":
        if lemma in ORG_ROLE_NOUNS and any(view.tokens[c].dep == "compound"
                                           and view.tokens[c].pos == "PROPN"
                                           for c in view.children[i]):
            # "the Trump administration said", "the New York Times editorial board called":
            # the role's own phrase names the organisation; it is no earlier one
            return phrase_without_det(view, i)
        found = _definite_role(view, i, window)
        if found is not None:
            return found
    if det is not None and view.word(det).lower() in ("a", "an") and t.pos == "NOUN":
        named = _named_after(view, i)  # "A retired general said ... Gen. Barry McCaffrey"
        if named is not None:
            return named
    return _clean_name(_phrase(view, i))


def _most_quoted(view: DocView, before: int) -> str | None:
    """The person the article reports speaking most often before char ``before`` (a name as
    the subject of a speech verb, outside quotations; ties to the most recent): who "the
    pundit" / "the author" of an opinion piece's words is -- the commentator the article is
    about, not the person named last (often the one the commentary is about)."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for m in view.mentions:
        if m.end > before:
            break
        if m.label != "PERSON" or view.in_quote(m.start) or view.in_headline(m.start):
            continue
        toks = view.tokens_in(m.start, m.end)
        t = view.tokens[toks[-1]] if toks else None
        if t is None or t.dep != "nsubj" or view.tokens[t.head].lemma.lower() not in SPEECH_VERBS:
            continue
        name = fullest_name(view, m.text, m.start)
        counts[name] = counts.get(name, 0) + 1
        last[name] = m.start
    return max(counts, key=lambda n: (counts[n], last[n])) if counts else None


def _phrase(view: DocView, i: int) -> str:
    s, e = view.phrase(i, with_prep=True)
    return view.text[s:e]


def _definite_role(view: DocView, i: int, window: int) -> str | None:
    """Who "the officer" / "the president" / "the company" is: an earlier indefinite "a naval
    officer", else for a person's role the most recent person named (``antecedent``), for an
    organisation's the most recent organisation."""
    lemma = view.tokens[i].lemma.lower()
    if lemma in ORG_ROLE_NOUNS:
        named = _org_named_with(view, i, lemma, window)
        if named is not None:
            return named
    earlier = _earlier_phrase(view, i, window)  # "a naval officer said ... the officer said"
    if earlier is not None:
        return earlier
    if lemma in PERSON_ROLE_NOUNS:
        # "the president" is the person last named with that title ("President Trump")
        at = view.tokens[i].start
        titled = [m for m in view.mentions if m.label == "PERSON" and m.end <= at
                  and not view.in_quote(m.start) and not view.in_headline(m.start)
                  and _titled(view, m, lemma, 0, _modifiers(view, i))]
        if titled:
            return fullest_name(view, titled[-1].text, titled[-1].start)
        found = antecedent(view, view.tokens[i].start, window)
        if found:
            return fullest_name(view, found, view.tokens[i].start)
    if lemma in ORG_ROLE_NOUNS:  # "the company said" -> the organisation named before
        return _org_before(view, view.tokens[i].start, window)
    return None


def _org_before(view: DocView, before: int, window: int) -> str | None:
    """The organisation "the company" / "the group" before char ``before`` is: the most recent
    one named within ``window`` sentences (``antecedent``), passing over the outlets reporting
    ("..., the Hill reports. The group said") and a bare role noun tagged as a name (a link
    line's "More:Group of House Democrats ..."); when only those are within the window, the
    most recent one named earlier in the body (outside the headline and quotations): a short
    report names its company in the lede and then cites outlets ("Kraft Foods plant ... told
    The Associated Press ... the company said")."""
    for wide in (False, True):
        at = before
        for _ in range(8):
            found = antecedent(view, at, len(view.sentences) if wide else window, ("ORG",))
            m = next((m for m in reversed(view.mentions) if m.label == "ORG"
                      and m.text == found and m.end <= at), None) if found else None
            if m is None:  # none, or a name the recogniser left untagged here
                if found:
                    return strip_possessive(found)
                break
            if not _reporter(view, m) and not _bare_role(m):
                return strip_possessive(m.text)
            at = m.start
    return None


def _org_named_with(view: DocView, i: int, lemma: str, window: int) -> str | None:
    """For "the court" / "the committee", the most recent organisation within ``window``
    sentences whose name has that noun ("the Ninth U.S. Circuit Court of Appeals", "the Senate
    Intelligence Committee"), outside quotations: its name, not an earlier description ("a
    federal appeals court")."""
    at = view.tokens[i].start
    floor = view.sentences[max(0, view.sentence_of(at) - window)].start
    for m in reversed(view.mentions):
        if m.end > at or m.label != "ORG" or view.in_quote(m.start):
            continue
        if m.start < floor:
            break
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", m.text)}
        if lemma in words and not _bare_role(m):
            return re.sub(r"^the\s+", "", strip_possessive(m.text), flags=re.IGNORECASE)
    return None


def _bare_role(m: Mention) -> bool:
    """An organisation mention that is only a role noun ("Group" of a link line's "More:Group
    of House Democrats ..."): no name of an organisation."""
    bare = strip_possessive(re.sub(r"^the\s+", "", m.text, flags=re.IGNORECASE))
    return bare.lower() in ORG_ROLE_NOUNS


def _reporter(view: DocView, m: Mention) -> bool:
    """An organisation named as the outlet reporting ("the Hill reports"), not a party."""
    toks = view.tokens_in(m.start, m.end)
    if not toks:
        return False
    head = toks[-1]
    t = view.tokens[head]
    return is_outlet(view, head) or (t.dep == "nsubj" and view.tokens[t.head].lemma.lower()
                                     in REPORT_VERBS)


def _named_after(view: DocView, i: int, sentences: int = 2) -> str | None:
    """For an unnamed speaker in a lede ("A retired four-star Army general said ..."), the person
    the rest of its sentence or the next ``sentences`` sentences name with that role as a title ("Retired Gen. Barry
    McCaffrey tweeted", "U.S. District Judge Amy Berman Jackson") -- news names the speaker of a
    lede in the sentence after it. Only a title of the same role noun counts, never mere
    proximity."""
    role = view.tokens[i].lemma.lower()
    k = view.sentence_of(view.tokens[i].start)
    last = min(len(view.sentences) - 1, k + sentences)
    lo, hi = view.tokens[i].end, view.sentences[last].end
    for m in view.mentions:
        if m.label != "PERSON" or not lo <= m.start < hi or view.in_quote(m.start):
            continue
        if _titled(view, m, role, lo):
            return fullest_name(view, m.text, m.start)
    return None


def _titled(view: DocView, m: Mention, role: str, lo: int = 0,
            modifiers: frozenset[str] = frozenset()) -> bool:
    """Whether the PERSON mention ``m`` carries ``role`` as a title in its own phrase ("Retired
    Gen. Barry McCaffrey", "President Trump") with the role's ``modifiers`` ("former"), looking
    no further left than char ``lo``: never the role noun of another phrase ("A spokesman for
    Feinstein", "an employee asks Bertolini")."""
    first = view.tokens_in(m.start, m.end)
    if not first:
        return False
    run = set(first)
    j = first[0] - 1
    while j >= max(0, first[0] - 4) and view.tokens[j].start >= lo \
            and view.tokens[j].head in run and (view.tokens[j].pos in ("PROPN", "NOUN", "ADJ")
                                                or view.word(j) == "-"):
        run.add(j)  # "Former President Barack Obama", "President-Elect Donald Trump"
        j -= 1
    titles = {view.word(k).lower().strip(".") for k in run}
    titles |= {TITLE_ABBREVIATIONS[w] for w in titles if w in TITLE_ABBREVIATIONS}
    return role in titles and modifiers <= titles


def _modifiers(view: DocView, i: int) -> frozenset[str]:
    """The adjectives of a role noun that change who it is ("the former president")."""
    return frozenset(view.word(c).lower() for c in view.children[i]
                     if view.tokens[c].dep == "amod" and view.word(c).lower() in _RANK_WORDS)


_RANK_WORDS = frozenset({"former", "late", "acting", "interim", "retired", "deputy", "vice"})


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
    of X, Abdolreza Sheikholeslami"), not inside a clause attached to it. Under a common noun
    only a name in apposition counts: a name that merely modifies the role ("a former Harris
    staffer", "a spokesman for Feinstein", "Trump's lawyer") is not who spoke -- the role is."""
    if view.tokens[i].pos != "NOUN":
        return _mention_in_phrase(view, i, ("PERSON",))
    stack, seen = [(i, False)], 0
    while stack and seen < 25:
        j, named = stack.pop()
        seen += 1
        m = view.mention_at(j, ("PERSON",)) if named or j == i else None
        if m is not None:
            return m
        # a name in apposition, not one inside the apposition's own modifiers ("Andrew
        # Halcro, a sometimes critic of Palin")
        stack.extend((c, (named and view.tokens[c].dep != "prep")
                      or view.tokens[c].dep == "appos") for c in view.children[j]
                     if view.tokens[c].dep not in ("relcl", "acl", "advcl", "ccomp", "punct"))
    return None


def _mention_in_phrase(view: DocView, i: int, labels: tuple[str, ...]) -> Mention | None:
    stack, seen = [i], 0
    while stack and seen < 25:
        j = stack.pop()
        seen += 1
        m = view.mention_at(j, labels)
        if m is not None:
            return m
        stack.extend(c for c in view.children[j]
                     if view.tokens[c].dep not in ("relcl", "acl", "advcl", "ccomp", "punct"))
    return None


def _org_in_phrase(view: DocView, i: int) -> Mention | None:
    """An ORG named in the phrase headed by ``i`` ("group ... from the Problem Solvers Caucus"),
    not inside a clause attached to it."""
    return _mention_in_phrase(view, i, ("ORG",))


def _earlier_phrase(view: DocView, i: int, window: int, depth: int = 0) -> str | None:
    """For "the official", an earlier indefinite "a senior fire department official" (or a
    named one; for "the group", one whose phrase names the organisation; one in apposition to a
    name, that name) within ``window`` sentences: that is who "the official" is. An earlier
    definite one resolved in turn carries that further back ("the new group of nine Democrats
    from the Problem Solvers Caucus ... The group met ... a statement from the group"), so a
    long article's later mention is not left to the nearest organisation."""
    lemma = view.tokens[i].lemma.lower()
    floor = view.sentences[max(0, view.sentence_of(view.tokens[i].start) - window)].token_start
    chained: int | None = None
    for j in range(i - 1, floor - 1, -1):
        t = view.tokens[j]
        if t.lemma.lower() != lemma or t.pos != "NOUN" or view.in_quote(t.start) \
                or t.dep == "attr":
            continue  # not a predicate: "he promised to be a president for all Americans"
        if chained is None and _definite(view, j):
            chained = j
        det = view.child(j, "det")
        m = view.mention_at(j, ("PERSON",)) or _person_in_phrase(view, j)
        if m is not None:
            return fullest_name(view, m.text)
        if lemma in ORG_ROLE_NOUNS:  # "the new group of nine Democrats from the Problem
            org = _org_in_phrase(view, j)  # Solvers Caucus" ... "the group said"
            if org is not None:
                return re.sub(r"^the\s+", "", strip_possessive(org.text), flags=re.IGNORECASE)
        if det is not None and view.word(det).lower() in ("a", "an", "one"):
            if t.dep == "appos" and view.tokens[t.head].pos == "PROPN":
                # "The Economist, a magazine which ..." ... "the magazine admitted": the
                # description is of the name it stands beside
                name = propn_name(view, t.head)
                if name:
                    return fullest_name(view, name, t.start)
            s, e = view.phrase(j, with_prep=True)
            return _clean_name(view.text[s:e])
    if chained is not None and depth < 4:
        return _earlier_phrase(view, chained, window, depth + 1)
    return None
