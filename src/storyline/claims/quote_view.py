"""Read-only indexes over one annotated article for quotation attribution, and datelines.

:class:`DocView` is built once per :func:`storyline.claims.quotes.extract_quotes` call (never
cached across documents): token and sentence offsets for bisection, dependency children,
mentions, the quoted spans and the dateline span.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from storyline.claims.aliases import TITLE_ABBREVIATIONS, TITLE_WORDS
from storyline.models import Document, Mention, Token
from storyline.text.dateline import find_dateline

_NOT_PERSON = ("ORG", "GPE", "NORP", "PRODUCT")
_TITLES = TITLE_WORDS | frozenset(TITLE_ABBREVIATIONS)


class DocView:
    """Read-only indexes over one Document (built per call, never cached across documents)."""

    def __init__(self, doc: Document, quoted: list[tuple[int, int]]):
        ann = doc.annotation
        self.text = doc.text
        # records made once (models.Tokens makes one on each access); the rules index them often
        self.tokens: tuple[Token, ...] = tuple(ann.tokens)
        self.sentences = ann.sentences
        self.starts = [t.start for t in self.tokens]
        self.sent_starts = [s.start for s in self.sentences]
        self.quoted = sorted(quoted)
        self.dateline = dateline_span(self.text)
        self.headline = title_case_headline(self.text)
        self.boxes = link_boxes(self.text)
        self.box_starts = [b[0] for b in self.boxes]
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, t in enumerate(self.tokens):
            if t.head != i and 0 <= t.head < len(self.tokens):
                self.children[t.head].append(i)
        self.mentions: list[Mention] = sorted(self._persons_by_name(self._outside_boxes(
            ann.mentions)), key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]

    def _persons_by_name(self, mentions: tuple[Mention, ...]) -> list[Mention]:
        """The mentions, with a surname the recogniser tagged as an organisation or a place
        ("Trump made a video", "Loeffler said", both ORG) made a PERSON when a person of the
        article bears that name in full ("Donald Trump") or the article gives it a person's
        title ("HHS Secretary Sebelius"): a speaker is looked for among the
        people, and the small model often misses a bare surname. Not a name that only modifies
        a noun ("the Trump campaign", "Clinton Foundation")."""
        full = [name_words(m.text) for m in mentions if m.label == "PERSON"
                and len(name_words(m.text)) > 1 and not self.in_quote(m.start)]
        titled = {name_words(m.text) for m in mentions if m.label in _NOT_PERSON
                  and self.titled(m)}
        out = []
        for m in mentions:
            words = name_words(m.text)
            toks = self.tokens_in(m.start, m.end)
            if m.label in _NOT_PERSON and words and toks \
                    and (any(words < f for f in full) or words in titled) \
                    and all(self.tokens[i].pos in ("PROPN", "PART")
                            or (self.tokens[i].pos == "NOUN" and self.word(i)[:1].isupper())
                            for i in toks) \
                    and self.tokens[toks[-1]].dep != "compound":
                m = replace(m, label="PERSON")  # "Adalja bolsters" (NOUN, GPE) too
            out.append(m)
        return out

    def titled(self, m: Mention) -> bool:
        """Whether the capitalised mention ``m`` (three tokens at most) stands right after a
        person's title ("HHS Secretary Sebelius", "Sen. Loeffler", "President Trump"): a
        person, even where the recogniser tagged the name otherwise."""
        toks = self.tokens_in(m.start, m.end)
        if not toks or toks[0] == 0 or len(toks) > 3:
            return False
        before = self.word(toks[0] - 1)
        return before[:1].isupper() and before.lower().strip(".") in _TITLES \
            and all(self.word(i)[:1].isupper() for i in toks)

    def _outside_boxes(self, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        """The mentions outside link boxes (``link_boxes``): one inside a box names the
        people of other stories' headlines, one running into a box ("Sen. John Cornyn John
        CornynNew Parnas evidence") ends where the box begins."""
        if not self.boxes:
            return mentions
        out = []
        for m in mentions:
            if self.in_box(m.start):
                continue
            k = bisect.bisect_left(self.box_starts, m.start)
            if k < len(self.boxes) and self.boxes[k][0] < m.end:
                end = self.boxes[k][0]
                while end > m.start and self.text[end - 1] in " ,(":
                    end -= 1
                m = replace(m, end=end, text=self.text[m.start : end])
            out.append(m)
        return tuple(out)

    def in_box(self, char: int) -> bool:
        k = bisect.bisect_right(self.box_starts, char) - 1
        return k >= 0 and self.boxes[k][0] <= char < self.boxes[k][1]

    def box_owner(self, char: int) -> Mention | None:
        """The PERSON mention right before the link box holding ``char``: whom the box is
        about ("Sen. Ted Cruz" of "Sen. Ted Cruz Rafael (Ted) Edward CruzO'Rourke: ... MORE")."""
        k = bisect.bisect_right(self.box_starts, char) - 1
        if k < 0 or not self.boxes[k][0] <= char < self.boxes[k][1]:
            return None
        start = self.boxes[k][0]
        j = bisect.bisect_left(self.mention_starts, start) - 1
        if j >= 0 and self.mentions[j].label == "PERSON" \
                and not self.text[self.mentions[j].end : start].strip(" ,("):
            return self.mentions[j]
        return None

    def owner_before(self, char: int) -> Mention | None:
        """The person whose link box ends right before ``char`` ("Sen. Roy Blunt Roy Dean
        BluntGOP ... MORE, a member of GOP leadership, said": the member is Roy Blunt)."""
        k = bisect.bisect_right(self.box_starts, char) - 1
        if k < 0 or self.boxes[k][1] > char or self.text[self.boxes[k][1] : char].strip(" ,("):
            return None
        return self.box_owner(self.boxes[k][0])

    def box_after(self, m: Mention) -> tuple[int, int] | None:
        """The link box right after the mention ``m``, if any."""
        k = bisect.bisect_left(self.box_starts, m.end)
        if k < len(self.boxes) and not self.text[m.end : self.boxes[k][0]].strip(" ,("):
            return self.boxes[k]
        return None

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

    def in_headline(self, char: int) -> bool:
        return self.headline is not None and self.headline[0] <= char < self.headline[1]


_BOX_NAME = re.compile(r"\b([A-Z][a-z'’-]+)\s?(?:[A-Z(][\w'’.()-]*\s){0,4}?\1(?=[A-Z0-9'‘“\"])")
_BOX_END = re.compile(r"\bMORE\b")


def link_boxes(text: str) -> list[tuple[int, int]]:
    """Spans of the link boxes some sites put after a person's name, which scrapers keep as
    text: the name again in full, run into the headlines of other stories, then "MORE"
    ("Sen. Ted Cruz Rafael (Ted) Edward CruzO'Rourke: Trump should resign ... MORE (R-Texas)
    threw his support"). Each span runs from the repeated name to the end of "MORE"; the
    name before it is the person the sentence is about. Found by the surname repeated and run
    into the next word ("CruzO'Rourke", "BidenGOP"; "Chad WolfChad WolfHouse ...") with "MORE"
    within 500 characters on the line."""
    out: list[tuple[int, int]] = []
    if "MORE" not in text:
        return out
    for m in _BOX_NAME.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        line_end = text.find("\n", m.end())
        end = _BOX_END.search(text, m.end(), min(m.end() + 500, len(text) if line_end < 0
                                                 else line_end))
        if end is not None:
            start = m.end(1)
            out.append((start + (text[start] == " "), end.end()))
    return out


def strip_possessive(s: str) -> str:
    return re.sub(r"['’]s?$", "", s.strip())


def name_words(s: str) -> frozenset[str]:
    """The lower-case words of a name, without a possessive ending."""
    return frozenset(re.findall(r"[^\W_]+", strip_possessive(s).lower()))


def title_case_headline(text: str) -> tuple[int, int] | None:
    """Span of the article's first line when it is a headline in title case ("Cheney Hates
    Trump, Endorses Him Anyway"): the recogniser runs names into the capitalised verbs and
    nouns there ("Cheney Hates Trump", "Trump Kick Off"), so its mentions are no one's fuller
    name. A title case line: at most 25 words, no final full stop, and every word outside the
    marks capitalised but the short function words title case leaves in lower case."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    line = text[lead:end].rstrip()
    outside = "".join(part for k, part in enumerate(_MARKED.split(line)) if k % 2 == 0)
    words = [w for w in outside.split() if any(c.isalpha() for c in w)
             and w.lower() not in _LOWER_IN_TITLES]
    if not words or len(line.split()) > 25 or line.endswith(".") \
            or not all(w.lstrip("\"'‘“(")[:1].isupper() for w in words):
        return None
    return lead, lead + len(line)


_LOWER_IN_TITLES = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "on", "in", "to",
    "at", "by", "with", "from", "into", "onto", "over", "than", "as", "between", "about",
    "after", "before", "under", "against", "without", "through", "during", "amid", "via", "vs",
    "vs.", "per", "up", "off", "out", "is", "be"
})
_MARKED = re.compile(r"([\"“][^\"“”]*[\"”]|(?<!\w)['‘][^'‘’]*['’](?!\w))")


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of the article's dateline (:func:`storyline.text.dateline.find_dateline`):
    its words are never a speaker."""
    found = find_dateline(text)
    return found.span if found else None


def dateline_via(text: str) -> str | None:
    """The agency named in the article's dateline, if any: quotes are relayed through it."""
    found = find_dateline(text)
    return found.agency if found else None
