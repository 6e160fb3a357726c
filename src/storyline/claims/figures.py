"""Figure claims: numbers in digits and words with what they count, how, and whose they are.

For each number phrase of an article this gives ``Claim(kind="quantity")`` with:

- ``value``: the number (15000 for "15,000", 1.5e9 for "$1.5 billion", 3 for "third year");
  fractions are shares in percent ("nearly half of Russia's ammunition": value 50, unit
  "percent", aspect "share"); vague plurals ("thousands of protesters") have ``value=None`` and
  approximator ``"vague"`` (an order of magnitude is not a figure to compare);
- ``unit``: ``None`` for a count, ``"percent"``, ``"percentage_point"``, ``"ordinal"``, or an
  ISO 4217 code ("$" is read as USD, "won" as KRW, ...; :mod:`storyline.claims.figure_units`);
- ``noun``: lemma of what is counted (the noun the number modifies, the object of "of" after a
  share or vague plural, or the subject of a level verb: "the death toll rose to 45" -> toll);
- ``approximator``: about | nearly | up_to | more_than | less_than | at_least | at_most |
  vague | ``None`` (exact), normalised from the modifier ("approximately", "some", "close to");
- ``aspect``: ordinal | share | addition ("an additional", "another", "10,000 more") | change
  ("rose by 5%") | total;
- ``modality``: forecast (modal auxiliary or a future-oriented control verb: "may send", "is
  expected to send") | asserted; ``subject`` / ``action``: the actor and the verb lemma of the
  clause (for an ordinal of time, the thing whose year it is: "the war in Ukraine enters its
  third year" -> "war in Ukraine").

Numbers that are not figures are skipped: years and every number inside a date expression
(:mod:`storyline.claims.date_grammar`), times ("10:30", "9 a.m."), names and codes
("COVID-19", "F-16", "Article 5", "Flight 370"), ages ("45-year-old"), anaphoric small numbers
("the two nations"), and ordinals that do not number a time noun (``figure_ordinal_nouns``).

Number phrases come from the token annotation (``CD`` tags, number words, scale words), not from
NER alone: the small English NER model misses or over-extends CARDINAL/MONEY spans, and its
labels carry no value, unit or approximator. The linguistic reading of modified numerals
follows Nouwen ("Two kinds of modified numerals", 2010).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.claims.clause_roles import Clauses
from storyline.claims.date_grammar import find_date_expressions, in_url_line
from storyline.claims.figure_units import (
    ADDITION_WORDS,
    AFTER_APPROXIMATORS,
    ANAPHORIC_DETERMINERS,
    APPROXIMATORS,
    CHANGE_VERBS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    IDENTIFIER_WORDS,
    ISO_CODES,
    LEVEL_VERBS,
)
from storyline.claims.numbers import (
    SCALES,
    fraction_percent,
    is_number_word,
    is_vague_plural,
    parse_cardinal,
    parse_ordinal,
)
from storyline.claims.settings import ClaimsSettings
from storyline.models import Approximator, Aspect, Claim, Document, Modality, content_id

__all__ = ["extract_figures"]

_FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth",
                             "fifths", "tenth", "tenths"})
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.\s?m\b|p\.\s?m\b|am\b|pm\b|GMT|UTC|[A-Z]ST\b|o'clock|hrs\b|h\b)", re.I)
_AGE_AFTER = re.compile(r"^\s*-?\s*(?:years?|months?)[\s-]*old\b", re.I)
_ADDITION_BEFORE = ("an additional", "additional", "another", "a further", "further",
                    "an extra", "extra")


@dataclass(slots=True)
class _Phrase:
    first: int  # first number token
    last: int  # last number token (scale words included)
    kind: str  # "cardinal" | "ordinal" | "fraction" | "vague"


def extract_figures(doc: Document, settings: ClaimsSettings) -> tuple[Claim, ...]:
    """Every figure of ``doc`` as a ``Claim(kind="quantity")``, sorted by span."""
    if not doc.text or not doc.annotation.tokens:
        return ()
    cl = Clauses.of(doc)
    dates = [(d.start, d.end) for d in find_date_expressions(doc)]
    claims = []
    for ph in _phrases(cl, settings):
        t0, t1 = cl.tokens[ph.first], cl.tokens[ph.last]
        if any(s < t1.end and t0.start < e for s, e in dates) or in_url_line(doc.text, t0.start):
            continue
        if _not_a_figure(cl, ph, settings):
            continue
        claim = _claim(doc, cl, ph, settings)
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: c.span)
    return tuple(_ranges(doc.text, claims))


_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|and|to)\s*$")


def _ranges(text: str, claims: list[Claim]) -> list[Claim]:
    """A range ("between 10 and 15 people", "from 10 to 15", "15-20 others", "10 to 15 people")
    is two figures: the low end ``at_least``, the high end ``at_most``, both counting the noun
    given after the high end. Read as intervals, they agree with any figure inside the range."""
    out = list(claims)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.span[1] : b.span[0]]
        if not _RANGE_GAP.match(gap) or a.value is None or b.value is None:
            continue
        before = text[max(0, a.span[0] - 8) : a.span[0]].lower()
        word = gap.strip()
        opened = before.endswith(("between ", "from "))
        if word == "and" and not before.endswith("between "):
            continue
        if word == "to" and not (opened or b.noun):
            continue  # "the vote was 52 to 48"
        if a.value >= b.value or a.unit != b.unit and a.unit is not None:
            continue
        out[i] = replace(a, approximator=a.approximator or "at_least", noun=a.noun or b.noun,
                         unit=a.unit or b.unit)
        out[i + 1] = replace(b, approximator=b.approximator or "at_most", noun=b.noun or a.noun,
                             subject=b.subject if b.noun else a.subject)
    return out


# ------------------------------------------------------------------------- phrase finding


def _is_num_token(cl: Clauses, i: int) -> bool:
    t = cl.tokens[i]
    w = cl.word(i)
    if w.lower() == "one":  # a pronoun ("one of the victims") unless it counts a noun
        return t.tag == "CD" and t.dep == "nummod"
    if t.tag == "CD" and (any(ch.isdigit() for ch in w) or is_number_word(w)):
        return True
    return is_number_word(w) and t.pos in ("NUM", "NOUN", "ADJ")


def _phrases(cl: Clauses, settings: ClaimsSettings) -> list[_Phrase]:
    out: list[_Phrase] = []
    n = len(cl.tokens)
    i = 0
    while i < n:
        w = cl.word(i).lower()
        if _is_num_token(cl, i):
            j = i
            while j + 1 < n and (
                _is_num_token(cl, j + 1)
                or (cl.word(j + 1).lower().rstrip(".") in SCALES and (
                    cl.word(j + 1).lower() != "m" or cl.tokens[j + 1].start == cl.tokens[j].end))
                or (cl.word(j + 1).lower() == "and" and j + 2 < n and _is_num_token(cl, j + 2)
                    and cl.word(j).lower() in ("hundred", "thousand", "million", "billion")
                    and not any(ch.isdigit() for ch in cl.word(j + 2)))
            ):
                j += 1
            if i > 0 and cl.word(i - 1).lower() in ("a", "an", "one") and cl.word(
                    i).lower() in SCALES:
                i -= 1  # "a million dollars", "one million people"
            out.append(_Phrase(i, j, "cardinal"))
            i = j + 1
            continue
        if parse_ordinal(w) is not None and (
            cl.tokens[i].tag in ("JJ", "RB", "CD", "NN") or w[:1].isdigit()
        ):
            head = cl.tokens[i].head
            if cl.lemma(head) in settings.figure_ordinal_nouns and head > i:
                out.append(_Phrase(i, i, "ordinal"))
                i += 1
                continue
        if w in _FRACTION_WORDS or re.match(r"^\w+-(?:half|thirds?|quarters?|fifths?)$", w):
            if fraction_percent([w]) is not None or fraction_percent(w.split("-")):
                if _next_word(cl, i) == "of" and cl.tokens[i].pos in ("NOUN", "NUM", "ADJ"):
                    out.append(_Phrase(i, i, "fraction"))
        if is_vague_plural(w) and settings.figure_keep_vague:
            if _next_word(cl, i) == "of" or cl.tokens[i].dep == "nummod":
                last = i
                # "tens of thousands of", "hundreds of thousands"
                if _next_word(cl, i) == "of" and i + 2 < n and is_vague_plural(cl.word(i + 2)):
                    last = i + 2
                out.append(_Phrase(i, last, "vague"))
                i = last + 1
                continue
        i += 1
    return out


def _pos(cl: Clauses, i: int) -> str:
    return cl.tokens[i].pos


def _next_word(cl: Clauses, i: int) -> str:
    return cl.word(i + 1).lower() if i + 1 < len(cl.tokens) else ""


def _prev_word(cl: Clauses, i: int) -> str:
    return cl.word(i - 1).lower() if i > 0 else ""


def _not_a_figure(cl: Clauses, ph: _Phrase, settings: ClaimsSettings) -> bool:
    text = cl.doc.text
    t0, t1 = cl.tokens[ph.first], cl.tokens[ph.last]
    first = cl.word(ph.first)
    before = text[max(0, t0.start - 1) : t0.start]
    after = text[t1.end : t1.end + 16]
    if ph.kind != "cardinal":
        return False
    # glued to letters: "COVID-19", "F-16", "G7", "Su-27", "4G"
    if before.isalpha() or (before == "-" and t0.start >= 2 and text[t0.start - 2].isalpha()):
        return True
    if re.match(r"^[A-Za-z]", after) and not re.match(
            r"^(?:bn|mn|mln|m|k|tn|trn|s)\b", after, re.I):
        return True
    if re.search(r"(?:^|\s)(?:a|an|the)\s*\.\s?$", text[max(0, t0.start - 8) : t0.start], re.I):
        return True  # "a .357 Magnum": a calibre
    if ":" in first or _TIME_AFTER.match(after) or _AGE_AFTER.match(after):
        return True
    if first.startswith("0") and len(first) > 1 and first[1].isdigit():
        return True  # "0845": a code or a phone number
    if cl.lemma(t0.head) in ("call", "dial") and t0.dep in ("dobj", "pobj", "npadvmod"):
        return True  # "call 911"
    # a lone four-digit number that does not count a plural noun is a year or a code
    if ph.first == ph.last and re.fullmatch(r"1[6-9]\d\d|2[01]\d\d", first):
        head = cl.tokens[t0.head]
        if not (head.tag == "NNS" and t0.head > ph.first):
            return True
    # identifiers: "Article 5", "section 3", "No. 1", "Flight 370"
    prev = _prev_word(cl, ph.first)
    if prev in IDENTIFIER_WORDS or prev == "#":
        return True
    if ph.first > 0:
        p = cl.tokens[ph.first - 1]
        if (p.pos == "PROPN" and t0.head == ph.first - 1
                and cl.word(ph.first - 1) not in CURRENCY_SYMBOLS
                and cl.word(ph.first - 1).upper() not in ISO_CODES):
            return True
    # scores and records ("3-1", "52-3", "45-7-2") descend or repeat; ranges ("15-20") ascend
    nxt = re.match(r"^[-–](\d+)(?!\d|[.,]\d)", after)
    prv = re.search(r"(?<!\d)(?<!\d[.,])(\d+)[-–]$", text[max(0, t0.start - 8) : t0.start])
    if re.fullmatch(r"\d+", first) and ph.first == ph.last:
        if nxt and (int(nxt.group(1)) <= int(first) or re.match(r"^[-–]\d+[-–]\d", after)):
            return True
        if prv and int(prv.group(1)) >= int(first):
            return True
    # anaphoric small number words: "the two nations", "both three"
    val = parse_cardinal([cl.word(k) for k in range(ph.first, ph.last + 1)])
    if (val is not None and not any(ch.isdigit() for ch in first)
            and val <= settings.figure_anaphoric_max and prev in ANAPHORIC_DETERMINERS):
        return True
    # an age in apposition: "John Smith, 45, said"
    if (ph.first >= 2 and cl.word(ph.first - 1) == "," and _pos(cl, ph.first - 2) == "PROPN"
            and text[t1.end : t1.end + 1] in (",", ")")):
        return True
    # "one of the ...": a pronoun, not a count
    if first.lower() == "one" and ph.first == ph.last and cl.tokens[t0.head].pos not in (
            "NOUN", "PROPN"):
        return True
    return False


# ------------------------------------------------------------------------- claim building


def _claim(doc: Document, cl: Clauses, ph: _Phrase, settings: ClaimsSettings) -> Claim | None:
    words = [cl.word(k) for k in range(ph.first, ph.last + 1)]
    toks = cl.tokens
    value: float | None
    unit: str | None = None
    aspect: Aspect = "total"
    approximator: Approximator | None = None
    lo, hi = ph.first, ph.last  # span of the figure phrase (tokens)
    if ph.kind == "ordinal":
        value, unit, aspect = float(parse_ordinal(words[0]) or 0), "ordinal", "ordinal"
    elif ph.kind == "fraction":
        value = fraction_percent(words) or fraction_percent(words[0].split("-"))
        unit, aspect = "percent", "share"
        if ph.first > 0 and cl.word(ph.first - 1).lower() in ("a", "one"):
            lo = ph.first - 1  # "a third of its workforce"
    elif ph.kind == "vague":
        value, approximator = None, "vague"
    else:
        value = parse_cardinal(words)
        if value is None:
            return None
    # currency and percent around the number
    if ph.kind == "cardinal":
        prev_w = cl.word(ph.first - 1) if ph.first > 0 else ""
        sym = doc.text[max(0, toks[ph.first].start - 3) : toks[ph.first].start]
        for s, code in sorted(CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
            if sym.endswith(s) or prev_w == s:
                unit = code
                lo = ph.first - 1 if prev_w in CURRENCY_SYMBOLS or prev_w.endswith("$") else lo
                break
        if unit is None and prev_w.upper() in ISO_CODES and prev_w.isupper():
            unit, lo = prev_w.upper(), ph.first - 1
        nxt = ph.last + 1
        if nxt < len(toks):
            nw = cl.word(nxt).lower()
            if nw in ("%", "percent", "per") or nw.startswith("percent"):
                unit = "percent"
                hi = nxt + (1 if nw == "per" and nxt + 1 < len(toks) else 0)
                if _next_word(cl, hi) in ("point", "points"):
                    unit, hi = "percentage_point", hi + 1
            elif unit is None and nw == "won":  # "300 billion won": the verb never follows
                unit, hi = "KRW", nxt
            elif unit is None and toks[nxt].lemma.lower() in CURRENCY_WORDS and not (
                    toks[nxt].lemma.lower() == "pound" and _next_word(cl, nxt) == "of"):
                unit, hi = CURRENCY_WORDS[toks[nxt].lemma.lower()], nxt
        if unit == "percent" and _next_word(cl, hi) == "of":
            aspect = "share"
    # approximator and addition markers before the phrase
    pre = " ".join(cl.word(k).lower() for k in range(max(0, lo - 4), lo))
    for phrase in sorted(APPROXIMATORS, key=len, reverse=True):
        if approximator is None and (pre == phrase or pre.endswith(" " + phrase)):
            approximator = APPROXIMATORS[phrase]
            lo -= len(phrase.split())
            pre = " ".join(cl.word(k).lower() for k in range(max(0, lo - 4), lo))
            break
    post = doc.text[toks[hi].end : toks[hi].end + 10].lower()
    for phrase, name in AFTER_APPROXIMATORS.items():
        if approximator is None and re.match(rf"^\s*{re.escape(phrase)}\b", post):
            approximator = name
    for phrase in _ADDITION_BEFORE:
        if ph.kind == "cardinal" and (pre == phrase or pre.endswith(" " + phrase)):
            aspect = "addition"
            lo -= len(phrase.split())
            break
    if approximator is None and toks[ph.first].dep == "nummod" and any(
            cl.word(k).lower() in ("some", "about") and toks[k].dep in ("advmod", "quantmod")
            for k in cl.kids(ph.first)):
        approximator = "about"
    # what is counted
    noun_i = _counted(cl, ph, hi)
    if noun_i is not None and lo <= noun_i <= hi:
        noun_i = None  # the unit word itself ("euros", "points") is not what is counted
    if noun_i is not None and "\n" in doc.text[min(toks[noun_i].start, toks[lo].start) : max(
            toks[noun_i].end, toks[hi].end)]:
        noun_i = None  # a parse across a line break (headline, byline) is not a phrase
    if noun_i is None and ph.kind == "cardinal" and unit is None and _is_age(cl, ph):
        return None
    if noun_i is not None and ph.kind == "cardinal" and aspect == "total":
        if any(cl.word(k).lower() in ADDITION_WORDS - {"new"} and ph.last < k < noun_i
               for k in range(ph.last + 1, min(noun_i, ph.last + 3))):
            aspect = "addition"  # "10,000 more troops"
    anchor = noun_i if noun_i is not None else ph.last
    if noun_i is not None and noun_i > hi and noun_i - hi <= 8 and not any(
            _is_num_token(cl, k) for k in range(hi + 1, noun_i)):
        hi = noun_i  # not across the other end of a range ("between 10 and 15 people")
    elif noun_i is not None and ph.kind in ("fraction", "vague") or aspect == "share":
        hi = max(hi, noun_i or hi)
    verb = cl.governing_verb(anchor)
    if verb is not None and lo <= verb <= hi:  # "300 billion won" parsed as the verb "win"
        head = toks[verb].head
        verb = cl.governing_verb(head) if head != verb else None
    modality: Modality = "forecast" if verb is not None and cl.is_forecast(verb) else "asserted"
    if verb is not None and aspect == "total" and cl.lemma(verb) in CHANGE_VERBS and any(
            cl.word(k).lower() == "by" for k in range(max(0, lo - 1), lo)):
        aspect = "change"
    subject = _subject(cl, ph, noun_i, verb, (lo, max(hi, noun_i or hi)))
    noun = cl.lemma(noun_i) if noun_i is not None else None
    start, end = toks[lo].start, toks[hi].end
    span_text = doc.text[start:end]
    sent = next(((s.start, s.end) for s in doc.annotation.sentences
                 if s.start <= start < s.end), None)
    return Claim(
        id=content_id(doc.id, "quantity", start, end), article_id=doc.id, kind="quantity",
        text=span_text, span=(start, end), value=value, unit=unit, noun=noun,
        sentence_span=sent, approximator=approximator, aspect=aspect, modality=modality,
        subject=subject, action=cl.lemma(verb) if verb is not None else None,
    )


def _is_age(cl: Clauses, ph: _Phrase) -> bool:
    """A bare number that is a person's age: "dies at 91", "She was 91"."""
    verb = cl.governing_verb(ph.last)
    if verb is None:
        head = cl.tokens[ph.last].head
        verb = head if cl.tokens[head].lemma == "be" else None
    if verb is None:
        return False
    lemma = cl.lemma(verb)
    if lemma == "die" and _prev_word(cl, ph.first) in ("at", "aged", "age"):
        return True
    if lemma == "be" and cl.tokens[ph.last].dep in ("attr", "acomp", "npadvmod"):
        subj = cl.kids(verb, "nsubj")
        return bool(subj) and cl.word(subj[0]).lower() in ("he", "she", "i", "you")
    return False


def _counted(cl: Clauses, ph: _Phrase, hi: int) -> int | None:
    """The token of what the figure counts."""
    toks = cl.tokens
    last = ph.last
    # "half of Russia's ammunition", "45% of voters", "thousands of protesters"
    for k in (hi, last, ph.first):
        for p in cl.kids(k, "prep"):
            if cl.word(p).lower() == "of":
                objs = cl.kids(p, "pobj")
                if objs and toks[objs[0]].pos in ("NOUN", "PROPN"):
                    if is_vague_plural(cl.word(objs[0])):
                        continue
                    return objs[0]
    # climb from the number to the noun it modifies ("15,000 combat troops")
    k = last if toks[last].dep in ("nummod", "amod", "compound", "quantmod") else ph.first
    for _ in range(3):
        t = toks[k]
        if t.dep in ("nummod", "amod", "compound", "quantmod", "nmod") and t.head > k:
            h = toks[t.head]
            if h.pos in ("NOUN", "PROPN") and cl.word(t.head) not in ("%",) and not is_number_word(
                    cl.word(t.head)):
                return t.head
            k = t.head
            continue
        break
    # "the death toll rose to 45": the subject of a level verb whose complement is the number
    verb = cl.governing_verb(last)
    t = toks[last]
    direct = t.head == verb or (toks[t.head].dep == "prep" and toks[t.head].head == verb
                                and cl.word(t.head).lower() in ("to", "at"))
    if verb is not None and cl.lemma(verb) in LEVEL_VERBS and direct and t.dep in (
            "attr", "dobj", "pobj", "npadvmod", "acomp"):
        subj = cl.kids(verb, "nsubj")
        if subj and toks[subj[0]].pos == "NOUN":
            return subj[0]
    return None


def _subject(cl: Clauses, ph: _Phrase, noun_i: int | None, verb: int | None,
             span: tuple[int, int]) -> str | None:
    toks = cl.tokens
    if ph.kind == "ordinal" and noun_i is not None:
        # "the fourth day of the strike" -> strike
        for p in cl.kids(noun_i, "prep"):
            if cl.word(p).lower() in ("of", "in"):
                objs = cl.kids(p, "pobj")
                if objs:
                    return cl.name_phrase(objs[0])
    if verb is None:
        return None
    s = cl.subject_of(verb)
    if s is None or s == noun_i or (noun_i is not None and toks[s].head == noun_i):
        return None
    if span[0] <= s <= span[1] or (span[0] <= toks[s].head <= span[1] and toks[s].dep != "nsubj"):
        return None  # the figure is itself the subject ("45% of voters backed him")
    return cl.name_phrase(s)
