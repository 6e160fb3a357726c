"""The persons an article names: the fullest form of a name, namesakes, gender.

Used by the speaker rules (:mod:`storyline.claims.speakers`) and the attribution of statements:
a surname is expanded to the fullest form of the name in the article ("Putin" -> "Vladimir
Putin"), but not to a namesake named in full only later ("first lady Melania Trump" after
"Trump told reporters") nor to a son when the article names the father without a suffix
("Donald Trump Jr."); a person's gender is known from an honorific the article gives the surname
or from a given name the packaged table of ``storyline/data/given_names.tsv`` genders with a
wide margin (a pronoun passes over a person of the other gender).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources

from storyline.claims.aliases import strip_title
from storyline.claims.quote_lexicon import CAPTION_WORDS, COMMUNICATION_NOUNS
from storyline.claims.quote_view import DocView, name_words, strip_possessive
from storyline.models import Mention


def fullest_name(view: DocView, name: str, at: int | None = None,
                 gender: str | None = None) -> str:
    """The fullest PERSON mention in the article containing every word of ``name``.

    With ``at`` (where the name is used), the most recent such mention before ``at`` that is
    not the object of a preposition wins ("referring to George Romney" does not make a later
    "Romney said" George), else the most recent one, so "Romney said" after "Ann Romney admitted"
    is Ann Romney even when a longer "George Romney" appears elsewhere; without ``at``, the
    longest mention in the article. Once the bare name has been used for one person ("Sen. Rand
    Paul won ... Paul told"), another person of that surname named later outside a subject
    ("his father Ron Paul's bid", "to support Ron Paul") does not take it over unless it is the
    subject of a main clause: news names the second one in full each time. With ``gender``
    (``"m"`` / ``"f"``: the pronoun's), a fuller name of the other gender is passed over ("she"
    after "Clinton herself" is not the "Bill Clinton" named before)."""
    words = name_words(name)
    if not words:
        return name
    best = name
    recent: Mention | None = None
    actor: Mention | None = None
    bare = _bare_uses(view, words, len(view.text))
    namesake = False
    suffixed = bool(_SUFFIX.search(strip_possessive(name)))
    for m in view.mentions:
        if m.label != "PERSON" or not words <= name_words(m.text) \
                or len(name_words(m.text)) <= len(words) \
                or view.tokens[view.tokens_in(m.start, m.end)[0]].pos not in ("PROPN", "PUNCT") \
                or m.text.split(None, 1)[0].lower() in CAPTION_WORDS \
                or view.in_headline(m.start) \
                or (gender is not None and person_gender(view, m.text) not in (None, gender)):
            continue  # not "Attacking Clinton", "Photo Clinton", "Cheney Hates Trump"
        if not suffixed and _SUFFIX.search(strip_possessive(m.text)) and _elder_named(view, m):
            continue  # "Trump" is not "Donald Trump Jr." when "President Donald Trump" is named
        if len(m.text) > len(best) and (at is None or m.end <= at
                                        or not _namesake(view, m, None, words, bare)):
            best = m.text  # not "Melania Trump", named after "Trump said" and "Trump told"
        if at is not None and m.end <= at and not view.in_quote(m.start):
            if _namesake(view, m, actor, words, bare):
                namesake = True
                continue
            recent = m
            if not any(view.tokens[i].dep == "pobj" for i in view.tokens_in(m.start, m.end)):
                actor = m
    chosen = actor or recent
    if chosen is not None:  # "Strauss - Kahn" chosen: its fullest form, "Dominique Strauss - Kahn"
        return fullest_name(view, chosen.text, gender=gender)
    if namesake:  # "Trump" used alone before "first lady Melania Trump" is named: not her
        return strip_title(strip_possessive(name))
    return strip_title(strip_possessive(best))  # "Spokeswoman Jennifer Friedman" -> the name


_SUFFIX = re.compile(r"\b(?:Jr|Sr|II|III|IV)\b\.?$")


def _elder_named(view: DocView, junior: Mention) -> bool:
    """Whether the article also names the person ``junior`` ("Donald Trump Jr.") is named
    after, without the generational suffix ("President Donald Trump"): then a bare "Trump" is
    the elder, not the son named near it."""
    base = name_words(strip_title(_SUFFIX.sub("", strip_possessive(junior.text)).strip()))
    return any(m.label == "PERSON" and not _SUFFIX.search(strip_possessive(m.text))
               and name_words(strip_title(strip_possessive(m.text))) == base
               for m in view.mentions)


def _namesake(view: DocView, m: Mention, actor: Mention | None, words: frozenset[str],
              bare: list[int]) -> bool:
    """Whether the fuller mention ``m`` ("Ron Paul", "first lady Melania Trump") is another
    person than the one the bare name ``words`` was already used for: the bare name (alone or
    with a title only: "President Trump") stood for someone since the last fuller mention of
    another person, and ``m`` is not the subject of a main clause (news names the second person
    of a surname in full each time; a main-clause subject may be taking the name over)."""
    given = len(name_words(strip_title(strip_possessive(m.text)))) > len(words)
    if not given or subject_role(view, m) >= 2:
        return False
    lo = 0
    if actor is not None and len(name_words(strip_title(actor.text))) > len(words):
        if _same_person(actor.text, m.text):
            return False
        lo = actor.end  # "Sen. Rand Paul won ... Paul told ... his father Ron Paul's bid"
    titled = [t.start for t in view.mentions if t.label == "PERSON" and t.end <= m.start
              and name_words(strip_title(strip_possessive(t.text))) == words
              and not view.in_quote(t.start) and subject_role(view, t) == 2]
    subjects = [b for b in bare if _main_subject(view, bisect.bisect_left(view.starts, b))]
    return any(lo <= b < m.start for b in subjects + titled)


def _main_subject(view: DocView, i: int) -> bool:
    """Whether token ``i`` is the subject of its sentence's main verb (outside a headline)."""
    if view.in_headline(view.tokens[i].start):
        return False
    t = view.tokens[i]
    if t.dep not in ("nsubj", "nsubjpass"):
        return False
    head = view.tokens[t.head]
    return head.dep == "ROOT" or (head.dep == "conj" and view.tokens[head.head].dep == "ROOT")


_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """The packaged table of strongly gendered given names (``storyline/data/given_names.tsv``,
    derived from the MIT-licensed nomquamgender data by ``benchmarks/build_given_names.py``):
    ``{"hillary": "f", "bill": "m", ...}``; read once, the file is part of the package."""
    text = resources.files("storyline").joinpath("data/given_names.tsv").read_text(
        encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines()
                if line and not line.startswith("#"))


def person_gender(view: DocView, name: str) -> str | None:
    """``"m"``, ``"f"`` or ``None`` (not known) for a person of the article: an honorific the
    article gives the surname ("Mr. Trump", "Ms. Warren"; both, as for a couple: not known),
    else the given name of a name of two words or more when the packaged table has it with a
    wide margin ("Hillary Clinton": f; "Lindsey Graham", "Chris Coons": not known). A bare
    surname is never looked up as a given name ("Warren")."""
    words = strip_title(strip_possessive(name)).split()
    if not words:
        return None
    cues = {_HONORIFICS[h.lower()] for h in re.findall(
        r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w'’-]*\s+){0,2}" + re.escape(words[-1]) + r"\b",
        view.text)}
    if cues:
        return cues.pop() if len(cues) == 1 else None
    if len(words) < 2:
        return None
    return given_names().get(words[0].lower().strip("."))




def _bare_uses(view: DocView, words: frozenset[str], before: int) -> list[int]:
    """Where a word of the name stands alone as a proper noun before ``before`` (outside quotes
    and outside any longer PERSON mention): the article using the bare name."""
    out = []
    for i in view.tokens_in(0, before):
        t = view.tokens[i]
        if t.pos == "PROPN" and view.word(i).lower() in words and not view.in_quote(t.start):
            m = view.mention_at(i, ("PERSON",))
            if m is None or name_words(m.text) <= words:
                out.append(t.start)
    return out


def _same_person(a: str, b: str) -> bool:
    wa, wb = name_words(strip_title(a)), name_words(strip_title(b))
    return wa <= wb or wb <= wa


def subject_role(view: DocView, m: Mention) -> int:
    """2: subject (or its apposition: "Another insider, Robert Hass, testified"; or the owner of
    a subject that is something said: "Kaine's remarks left many moved"; or one "including" a
    plural subject names) of the sentence's main verb; 1: subject of another verb; 0: not a
    subject."""
    best = 0
    box = view.box_after(m) if view.boxes else None
    toks = list(view.tokens_in(m.start, m.end))
    if box is not None:  # the clause's subject inside the box after the name is the name's
        after = view.tokens_in(box[1], box[1] + 200)
        toks += [i for i in view.tokens_in(*box) if not box[0] <= view.tokens[
            view.tokens[i].head].start < box[1]]
        toks += [i for i in after if view.tokens[i].dep in ("nsubj", "nsubjpass")
                 and view.owner_before(view.phrase(i)[0]) is m]  # "MORE, a member ..., said"
    for i in toks:
        t = view.tokens[i]
        if t.dep == "appos" or (t.dep == "poss"
                                and view.tokens[t.head].lemma.lower() in COMMUNICATION_NOUNS):
            t = view.tokens[t.head]
        inc = view.tokens[t.head]
        if t.dep == "pobj" and view.word(t.head).lower() == "including" \
                and (view.tokens[inc.head].dep == "ROOT"
                     or view.tokens[view.tokens[inc.head].head].dep == "ROOT"):
            # "Other Republicans criticized it, including House Minority Leader Kevin
            # McCarthy.": one of the main clause's subject, the one the article goes on with
            best = max(best, 2)
        if t.dep in ("nsubj", "nsubjpass"):
            head = view.tokens[t.head]
            main = head.dep == "ROOT" or (head.dep == "conj" and view.tokens[head.head].dep == "ROOT")
            best = max(best, 2 if main else 1)
    return best
