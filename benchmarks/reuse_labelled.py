"""A labelled reuse set made from real text by known transformations (for tests and benchmarks).

The text is not ours: each derived article is made from a real news article (ECB+ dev set) by a
transformation whose outcome is known, as in the construction of artificial plagiarism for the
PAN text-alignment corpora (Potthast et al. 2010, "An evaluation framework for plagiarism
detection"):

==================  ===================================================  ==================
transformation      what it does                                         expected link
==================  ===================================================  ==================
verbatim            the body reprinted, an agency credit line added       verbatim, undirected
trimmed             the leading 50-70 % of the sentences                  verbatim, original->copy
reordered           sentences after the lead shuffled                     verbatim, undirected
synonyms            one word per sentence swapped, curly quote marks      near_verbatim
clauses             clauses of each sentence reordered, all swaps made    by what was changed:
                                                                         paraphrase when half
                                                                         the text was reordered
inserted            a 4-sentence brief embedded in another article        verbatim, brief->article
credited            the leading 60-80 % of the sentences, a word per      near_verbatim,
                    sentence swapped, "According to <wire>, " before      wire->copy
                    the first; the source is the article as a wire
                    item of that (invented) agency
==================  ===================================================  ==================

``credited`` is the case where the text itself tells the direction ("according to Northwire")
while length and containment alone do not: a shortened rewrite is as much contained in its
source as an expanded one contains it.

Negatives are real: pairs of ECB+ articles about the same event, written by different outlets
(ECB+ gold events). A few of them may be real reuse (newswire copy); the benchmark reports their
link rate, not a precision computed as if all were independent.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.reuse.text import split_sentences

TRANSFORMS = ("verbatim", "trimmed", "reordered", "synonyms", "clauses", "inserted", "credited")
EXPECTED_KIND = {"verbatim": "verbatim", "trimmed": "verbatim", "reordered": "verbatim",
                 "synonyms": "near_verbatim", "clauses": "paraphrase", "inserted": "verbatim",
                 "credited": "near_verbatim"}
EXPECTED_SOURCE_IS_ORIGINAL = {"trimmed": True, "inserted": True, "credited": True}
WIRES = ("Northwire", "Eastline News", "Harbour Press Agency", "Metro Wire")  # invented

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "police": "officers",
    "officials": "authorities", "people": "persons", "began": "started", "started": "began",
    "after": "following", "about": "around", "also": "additionally", "large": "big",
    "big": "large", "major": "significant", "announced": "declared", "reported": "stated",
    "help": "assist", "killed": "slain", "died": "perished", "home": "house", "show": "programme",
    "company": "firm", "fire": "blaze", "quake": "tremor", "earthquake": "tremor",
    "attack": "assault", "team": "side", "won": "clinched", "new": "fresh", "near": "close to",
    "percent": "per cent", "hospital": "clinic", "arrested": "detained", "injured": "wounded",
}
_CREDIT = "Copyright {year} The Associated Press. All rights reserved."


@dataclass(frozen=True)
class LabelledPair:
    """``source`` -> ``derived`` made by ``transform``.

    ``source_key`` is the ECB+ id of the original when the source is the original article itself
    (``source_text`` is then ``None``); for ``inserted`` the source is a new text (a 4-sentence
    brief) with key ``<id>~brief``. ``derived_key`` is ``<id>~<transform>``; ``keys`` of a text
    are the originals whose words it carries (links between texts sharing a key are explained
    by construction)."""

    original_key: str
    source_key: str
    source_text: str | None
    derived_key: str
    derived_text: str
    transform: str
    expected_kind: str
    source_is_original: bool | None  # None: either direction (or undirected) is acceptable
    host_key: str | None = None  # inserted: the ECB+ article the brief was embedded in
    source_outlet: str | None = None  # credited: the wire the source is filed by

def _sentences(text: str) -> list[str]:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if lines and lines[0].lstrip().startswith("http"):
        lines = lines[1:]
    body = "\n".join(lines)
    return [body[s:e] for s, e in split_sentences(body)]


def _swap(sentence: str, rng: random.Random, every: bool) -> str:
    words = sentence.split(" ")
    spots = [i for i, w in enumerate(words) if w.lower() in SYNONYMS]
    if not every:
        spots = spots[:1] if not spots else [rng.choice(spots)]
    for i in spots:
        w = words[i]
        new = SYNONYMS[w.lower()]
        words[i] = new.capitalize() if w[0].isupper() else new
    return " ".join(words)


def _curly(sentence: str) -> str:
    out, open_ = [], True
    for ch in sentence:
        if ch == '"':
            out.append("\u201c" if open_ else "\u201d")
            open_ = not open_
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


_SAID = re.compile(r"^(?P<who>[A-Z][^,]{2,60}?) (?P<verb>said|says|told reporters) (?:that )?"
                   r"(?P<what>.{20,})\.$")


_FUNCTION_WORDS = {"the", "a", "an", "in", "on", "at", "after", "when", "as", "but", "and", "it",
                   "he", "she", "they", "we", "this", "that", "there", "his", "her", "their"}


def _reorder_clauses(sentence: str) -> str:
    s = sentence.strip()
    m = _SAID.match(s)
    if m:
        what = m.group("what")
        return f"{what[0].upper()}{what[1:]}, {m.group('who')} {m.group('verb')}."
    if ", " in s and s.endswith("."):
        head, tail = s[:-1].split(", ", 1)
        if len(head.split()) >= 4 and len(tail.split()) >= 4:
            if head.split()[0].lower() in _FUNCTION_WORDS:
                head = head[0].lower() + head[1:]
            return f"{tail[0].upper()}{tail[1:]}, {head}."
    return s


def _clauses_kind(text: str) -> str:
    """What the ``clauses`` transformation made of ``text``, by the share of its characters in
    sentences whose clauses were reordered (paraphrase), only swapped (near-verbatim) or left."""
    moved = swapped = kept = 0
    for s in _sentences(text):
        if _reorder_clauses(s) != s.strip():
            moved += len(s)
        elif _swap(s, random.Random(0), every=True) != s:
            swapped += len(s)
        else:
            kept += len(s)
    total = max(1, moved + swapped + kept)
    if moved >= 0.5 * total:
        return "paraphrase"
    return "near_verbatim" if moved + swapped >= 0.5 * total else "verbatim"


def derive(text: str, transform: str, rng: random.Random, other: str = "") -> tuple[str, str]:
    """``(source_text, derived_text)`` of one transformation of ``text``."""
    sents = _sentences(text)
    original = "\n".join(sents)
    if transform == "verbatim":
        return original, "\n".join(sents + [_CREDIT.format(year=2000 + rng.randrange(8, 25))])
    if transform == "trimmed":
        k = max(2, round(len(sents) * rng.uniform(0.5, 0.7)))
        return original, "\n".join(sents[:k])
    if transform == "reordered":
        rest = sents[1:]
        rng.shuffle(rest)
        return original, "\n".join(sents[:1] + rest)
    if transform == "synonyms":
        return original, "\n".join(_curly(_swap(s, rng, every=False)) for s in sents)
    if transform == "clauses":
        return original, "\n".join(_reorder_clauses(_swap(s, rng, every=True)) for s in sents)
    if transform == "inserted":
        brief = sents[:4]
        host = _sentences(other)
        at = min(len(host), rng.randrange(3, 6))
        return "\n".join(brief), "\n".join(host[:at] + brief + host[at:])
    if transform == "credited":  # ``other`` is the wire's name
        k = max(2, round(len(sents) * rng.uniform(0.6, 0.8)))
        body = [_swap(x, rng, every=False) for x in sents[:k]]
        body[0] = f"According to {other}, {body[0][:1].lower()}{body[0][1:]}"
        return original, "\n".join(body)
    raise ValueError(f"unknown transformation {transform!r}")


def make_pairs(articles: Sequence[tuple[str, str]], n: int, seed: int = 7,
               transforms: Sequence[str] = TRANSFORMS) -> list[LabelledPair]:
    """``n`` labelled pairs from ``articles`` (``(key, text)``: ECB+ id and text).

    Originals are articles of at least 6 sentences, drawn without replacement (hosts of
    ``inserted`` from the other end of the shuffled pool); transformations cycle. A new source
    text (the brief of ``inserted``, the wire item of ``credited``) has ``source_text`` and, for
    ``credited``, ``source_outlet``: give its article that outlet."""
    rng = random.Random(seed)
    pool = [(k, t) for k, t in articles if len(_sentences(t)) >= 6]
    rng.shuffle(pool)
    out = []
    for idx in range(min(n, len(pool) // 2)):
        key, text = pool[idx]
        transform = transforms[idx % len(transforms)]
        host_key, other = pool[-1 - idx] if transform == "inserted" else (None, "")
        wire = WIRES[idx % len(WIRES)] if transform == "credited" else None
        source, derived = derive(text, transform, rng, wire or other)
        new_source = transform in ("inserted", "credited")
        expected = EXPECTED_KIND[transform]
        if transform == "clauses":
            expected = _clauses_kind(text)
        suffix = "~brief" if transform == "inserted" else "~wire"
        out.append(LabelledPair(
            key, f"{key}{suffix}" if new_source else key, source if new_source else None,
            f"{key}~{transform}", derived, transform, expected,
            EXPECTED_SOURCE_IS_ORIGINAL.get(transform), host_key, wire))
    return out


def text_keys(pairs: Sequence[LabelledPair]) -> dict[str, frozenset[str]]:
    """Originals carried by each new text (derived texts and briefs), by its key."""
    keys: dict[str, frozenset[str]] = {}
    for p in pairs:
        keys[p.derived_key] = frozenset({p.original_key} | ({p.host_key} if p.host_key else set()))
        if p.source_text is not None:
            keys[p.source_key] = frozenset({p.original_key})
    return keys


def evaluate(
    links: Sequence,
    key_of: dict[str, str],
    pairs: Sequence[LabelledPair],
    event_of: dict[str, str],
) -> dict:
    """Quality of ``links`` (:class:`~storyline.models.ReuseLink`) on the labelled set.

    ``key_of`` maps article ids to keys (ECB+ ids, derived and brief keys); ``event_of`` maps
    ECB+ ids to their gold event. Returns recall, kind and direction accuracy per transformation,
    the precision of links touching a new text, and the link rate of same-event ECB+ pairs."""
    carried = text_keys(pairs)

    def originals(key: str) -> frozenset[str]:
        return carried.get(key, frozenset({key}))

    by_pair = {}
    for x in links:
        a, b = key_of.get(x.source_id), key_of.get(x.target_id)
        if a is not None and b is not None:
            by_pair[frozenset((a, b))] = (x, a)
    per: dict[str, dict[str, int]] = {}
    for p in pairs:
        row = per.setdefault(p.transform, {"pairs": 0, "linked": 0, "kind_ok": 0,
                                           "directed_expected": 0, "direction_ok": 0,
                                           "direction_wrong": 0})
        row["pairs"] += 1
        hit = by_pair.get(frozenset((p.source_key, p.derived_key)))
        if hit is None:
            continue
        link, src_key = hit
        row["linked"] += 1
        row["kind_ok"] += link.kind == p.expected_kind
        if p.source_is_original is not None:
            row["directed_expected"] += 1
            row["direction_ok"] += link.directed and src_key == p.source_key
            row["direction_wrong"] += link.directed and src_key != p.source_key
    new_keys = set(carried)
    touching = [(a, b) for a, b in (tuple(k) for k in by_pair) if a in new_keys or b in new_keys]
    explained = sum(1 for a, b in touching if originals(a) & originals(b))

    def events(key: str) -> set[str]:
        return {event_of[k] for k in originals(key) if k in event_of}

    # a derived text linked to an article of another event is a certain false link; one linked to
    # another article of its original's event may be real newswire reuse in ECB+ itself
    other_event = sum(1 for a, b in touching
                      if not originals(a) & originals(b) and not events(a) & events(b))
    ecb = sorted(k for k in event_of if k in set(key_of.values()))
    same_event = [(a, b) for i, a in enumerate(ecb) for b in ecb[i + 1:]
                  if event_of[a] == event_of[b]]
    same_linked = sum(1 for a, b in same_event if frozenset((a, b)) in by_pair)
    other_ecb = sum(1 for a, b in (tuple(k) for k in by_pair)
                    if a in event_of and b in event_of and event_of[a] != event_of[b])
    total = {k: sum(r[k] for r in per.values()) for k in (
        "pairs", "linked", "kind_ok", "directed_expected", "direction_ok", "direction_wrong")}
    return {
        "per_transform": per,
        "recall": total["linked"] / max(1, total["pairs"]),
        "kind_accuracy": total["kind_ok"] / max(1, total["linked"]),
        "direction_accuracy": total["direction_ok"] / max(1, total["directed_expected"]),
        "direction_wrong": total["direction_wrong"],  # directed the wrong way (rest: undirected)
        "precision_new_texts": explained / max(1, len(touching)),
        "links_new_texts": len(touching),
        "precision_new_texts_lenient": 1 - other_event / max(1, len(touching)),
        "new_text_links_to_other_events": other_event,
        "same_event_pairs": len(same_event),
        "same_event_linked": same_linked,
        "same_event_link_rate": same_linked / max(1, len(same_event)),
        "different_event_ecb_links": other_ecb,
    }
