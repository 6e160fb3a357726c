"""A generated news corpus with planted reuse and planted events, deterministic by seed.

    python benchmarks/gencorpus.py --n 10000 --seed 0 --out /tmp/gen10k
    # -> /tmp/gen10k/articles.jsonl (storyline's input) and /tmp/gen10k/truth.jsonl

Shared by the scale benchmark (``pipeline_scale.py``) and the Spark engine's measurements. The
text is generated, not copied: wire-style paragraphs of one or two sentences from the templates
of :mod:`gencorpus_lexicon` (a toll and a place in the lead, quotes with a speaker and "said",
"according to" an agency, datelines, figures, weekdays and dates, background on earlier
incidents), filled with the facts of one event so that independent reports of an event agree on
its facts in their own words.

Structure (what a real crawl looks like, in miniature):

* **stories** with a heavy-tailed size distribution: three huge ones (1.5 %, 1.2 % and 1.0 % of
  the corpus: 1,500 / 1,200 / 1,000 articles at 100k), a Pareto tail of mid-size ones, many
  single articles;
* **events**: a story of several articles holds sister incidents (the same kind of disaster in
  other towns of one country, days or weeks apart), each with its own place, date, toll and
  speakers;
* **reuse** inside an event: ``copy`` (a wire copy: the origin's paragraphs and a reporter credit
  line), ``rewrite`` (lead-ins, quote frames and time phrases changed, paragraphs dropped and
  swapped, a few added), ``excerpt`` (the first 40-70 % of the origin and a line or two of its
  own); ``original`` articles are written independently from the event's facts.

The truth, one JSON line per article beside the articles: ``{"id", "story", "event", "kind",
"origin"}`` (``origin``: the external id of the article it derives from, ``null`` for originals).

Each article also has a *recipe*: its paragraphs as templates with slot fills. The benchmark
uses it to compose the annotation from annotated templates (``composed_annotation.py``); the
recipe is not written to the JSONL (a pipeline must not see it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import gencorpus_lexicon as L

_SLOT = re.compile(r"\{([A-Z0-9]+)\}")


@dataclass(frozen=True)
class Para:
    """One paragraph: a template with ``{SLOT}`` markers and its fills. ``parts`` keeps how the
    template was built (lead-in, core, time, tail; or quote frame and body) so that a rewriter
    can change one part."""

    kind: str  # fact | quote | indirect | background | context | credit | trailer
    parts: tuple[str, ...]
    fills: tuple[tuple[str, str], ...]

    @cached_property
    def template(self) -> str:
        if self.kind == "raw":  # a template as it is (composed_annotation's annotated instance)
            return self.parts[0]
        if self.kind == "quote":
            frame, body = self.parts
            return frame.replace("{Q}", body)
        text = "".join(self.parts)
        return _capitalise(text)

    def slots(self) -> list[tuple[int, int, str]]:
        """(start, end, slot name) of each slot in :attr:`template`."""
        return [(m.start(), m.end(), m.group(1)) for m in _SLOT.finditer(self.template)]

    def text(self) -> str:
        return self._text

    @cached_property
    def _text(self) -> str:
        fills = dict(self.fills)
        return _SLOT.sub(lambda m: fills[m.group(1)], self.template)


@dataclass(frozen=True)
class GenArticle:
    record: dict  # the JSONL record (storyline's input)
    truth: dict  # {"id", "story", "event", "kind", "origin"}
    paras: tuple[Para, ...] = field(repr=False)


def _capitalise(text: str) -> str:
    if text.startswith("{EVA}"):  # "a fire ..." at the start of a sentence: "A fire ..."
        return "{EVAC}" + text[5:]
    i = 0
    while i < len(text) and not text[i].isalpha():
        if text[i] == "{":  # a slot first: its values are capitalised already
            return text
        i += 1
    return text[:i] + text[i:i + 1].upper() + text[i + 1:]


# ------------------------------------------------------------------ structure


def story_sizes(n: int, rng: random.Random) -> list[int]:
    """Story sizes summing to ``n``: three huge stories (1.5 / 1.2 / 1.0 % of ``n``), then a
    Pareto tail (shape 1.2, capped at 0.5 % of ``n``): many single articles, a few of hundreds."""
    sizes = [s for s in (round(n * 0.015), round(n * 0.012), round(n * 0.010)) if s >= 2]
    cap = max(2, n // 200)
    total = sum(sizes)
    while total < n:
        s = min(cap, int(rng.paretovariate(1.2)), n - total)
        sizes.append(s)
        total += s
    return sizes


def event_sizes(size: int, rng: random.Random) -> list[int]:
    """Split a story into sister incidents: about log2(size) of them at most, each >= 1."""
    if size < 4:
        return [size]
    k = max(1, min(size // 3, round(math.log2(size) * rng.uniform(0.3, 1.0))))
    weights = [rng.expovariate(1.0) + 0.2 for _ in range(k)]
    total = sum(weights)
    out = [1 + int((size - k) * w / total) for w in weights]
    out[0] += size - sum(out)
    return out


KIND_WEIGHTS = (("original", 0.45), ("copy", 0.25), ("rewrite", 0.15), ("excerpt", 0.15))


# ------------------------------------------------------------------ facts


def _person(rng: random.Random) -> str:
    return f"{rng.choice(L.FIRST)} {rng.choice(L.LAST)}"


def _figure(rng: random.Random, lo: int, hi: int) -> str:
    v = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    return f"{v:,}"


def story_facts(rng: random.Random) -> dict[str, str]:
    ev = rng.choice(sorted(L.EVENT_TYPES))
    noun, indefinite = L.EVENT_TYPES[ev]
    # A story's own recurring vocabulary: the per-paragraph slots draw from small story-level
    # subsets of the word lists, as the reports of one story keep naming the same kinds of
    # places and people (and different stories other ones).
    pools = {f"pool:{name}": "|".join(rng.sample(words, k))
             for name, (words, k) in _STORY_POOLS.items()}
    return {**pools, "EV": noun, "EVA": indefinite, "EVAC": indefinite.capitalize(),
            "EVN": noun.capitalize(),
            "COUNTRY": rng.choice(L.COUNTRY), "P1": _person(rng), "R1": rng.choice(L.ROLE),
            "O1": rng.choice(L.ORG), "O2": rng.choice(L.ORG)}


def event_facts(story: dict[str, str], day: dt.date, index: int,
                rng: random.Random) -> dict[str, str]:
    city = rng.choice(L.CITY)
    return {
        **story, "CITY": city, "CITYU": city.upper(), "CITY2": rng.choice(L.CITY),
        "DEAD": _figure(rng, 2, 300), "HURT": _figure(rng, 3, 900),
        "HOMES": _figure(rng, 10, 5000), "MISSING": _figure(rng, 2, 80),
        "WEEKDAY": L.WEEKDAY[day.weekday()], "MONTH": L.MONTH[day.month - 1],
        "DAY": str(day.day), "YEAR": str(rng.randint(1990, day.year - 1)),
        "P2": _person(rng), "P3": _person(rng), "R2": rng.choice(L.ROLE),
        "R3": rng.choice(L.ROLE), "AGENCY": rng.choice(L.AGENCY),
        "ORD": L.ORDINAL[min(index, len(L.ORDINAL) - 1)], "SITE": rng.choice(L.SITE),
        "quotes": "|".join(str(i) for i in rng.sample(range(len(L.QUOTE_BODY)), 6)),
    }


_PER_PARAGRAPH = {"RX": L.ROLE, "OX": L.ORG, "CITYX": L.CITY, "SITEX": L.SITE, "GROUP": L.GROUP,
                  "GROUP2": L.GROUP, "ADJ": L.ADJ, "ADJ2": L.ADJ, "NUMW": L.NUMBER_WORD}


_STORY_POOLS = {"OX": (L.ORG, 3), "CITYX": (L.CITY, 4), "SITEX": (L.SITE, 4),
                "GROUP": (L.GROUP, 4), "GROUP2": (L.GROUP, 3), "ADJ": (L.ADJ, 5),
                "RX": (L.ROLE, 4)}


def _para(kind: str, parts: tuple[str, ...], facts: dict[str, str],
          rng: random.Random) -> Para:
    """A paragraph with its slots filled from ``facts``; per-paragraph slots (NUM, PX, RX, OX)
    are drawn here."""
    template = (parts[0].replace("{Q}", parts[1]) if kind == "quote"
                else _capitalise("".join(parts)))
    fills: dict[str, str] = {}
    for name in _SLOT.findall(template):
        if name in fills:
            continue
        if name in facts:
            fills[name] = facts[name]
        elif name in ("NUM", "NUM2"):
            fills[name] = _figure(rng, 3, 2000)
        elif name in ("PX", "PX2"):
            fills[name] = _person(rng)
        else:
            pool = facts.get(f"pool:{name}")
            fills[name] = rng.choice(pool.split("|") if pool else _PER_PARAGRAPH[name])
    return Para(kind, parts, tuple(sorted(fills.items())))


def _fact(facts: dict[str, str], rng: random.Random, dateline: bool = False,
          core: str | None = None) -> Para:
    lead = rng.choice(L.FACT_LEAD_IN)
    tail = "" if lead else rng.choice(L.FACT_TAIL)
    parts = (L.DATELINE if dateline else "", lead, core or rng.choice(L.FACT_CORE),
             rng.choice(L.FACT_TIME), tail, ".")
    if dateline:
        parts = (parts[0], parts[1], _capitalise(parts[2]) if not lead else parts[2], *parts[3:])
    return _para("fact", parts, facts, rng)


def _quotes(facts: dict[str, str], k: int, rng: random.Random) -> list[Para]:
    """``k`` quotes of the event's speakers, each body once."""
    bodies = rng.sample(facts["quotes"].split("|"), k)
    return [_para("quote", (rng.choice(L.QUOTE_FRAME), L.QUOTE_BODY[int(b)]), facts, rng)
            for b in bodies]


def _framed(kind: str, template: str, facts: dict[str, str], rng: random.Random) -> Para:
    """A background, context or reported-speech paragraph with a random opening and ending."""
    return _para(kind, _frame_parts(template, rng.choice(L.FRAME_PREFIX),
                                    rng.choice(L.FRAME_SUFFIX)), facts, rng)


def _frame_parts(template: str, prefix: str, suffix: str) -> tuple[str, str, str]:
    body = template[:-1] if template.endswith(".") else template
    if prefix and not body.startswith("{"):
        body = body[:1].lower() + body[1:]
    return (prefix, body, suffix)


def _simple(kind: str, pool: list[str], facts: dict[str, str], rng: random.Random) -> Para:
    return _framed(kind, rng.choice(pool), facts, rng)


def _credit(rng: random.Random) -> Para:
    return _para("credit", ("Reporting by {PX}; editing by {PX2}.",), {}, rng)


def original(facts: dict[str, str], outlet: str, rng: random.Random) -> list[Para]:
    """An independent report of the event: its own choice and wording of the facts."""
    cores = rng.sample(L.FACT_CORE, rng.randint(4, 7))
    paras = [_fact(facts, rng, dateline=outlet in L.WIRE_OUTLETS or rng.random() < 0.2,
                   core=cores[0])]
    body: list[Para] = [_fact(facts, rng, core=c) for c in cores[1:]]
    body += _quotes(facts, rng.randint(2, 5), rng)
    body += [_framed("indirect", t, facts, rng)
             for t in rng.sample(L.INDIRECT, rng.randint(1, 3))]
    rng.shuffle(body)
    paras += body
    paras += [_framed("background", t, facts, rng)
              for t in rng.sample(L.BACKGROUND, rng.randint(2, 4))]
    paras += [_framed("context", t, facts, rng)
              for t in rng.sample(L.CONTEXT, rng.randint(2, 4))]
    if outlet in L.WIRE_OUTLETS:
        paras.append(_credit(rng))
    return _dedupe(paras)


def _dedupe(paras: list[Para]) -> list[Para]:
    seen: set[str] = set()
    out = []
    for p in paras:
        if p.text() not in seen:
            seen.add(p.text())
            out.append(p)
    return out


def _body(paras: list[Para]) -> list[Para]:
    return [p for p in paras if p.kind not in ("credit", "trailer")]


def derive(kind: str, src: list[Para], facts: dict[str, str], rng: random.Random) -> list[Para]:
    """A copy, rewrite or excerpt of ``src`` (paragraphs of the origin)."""
    body = _body(src)
    if kind == "copy":
        return body + [_credit(rng)]
    if kind == "excerpt":
        k = max(3, round(len(body) * rng.uniform(0.4, 0.7)))
        own = [_simple("context", L.CONTEXT, facts, rng) for _ in range(rng.randint(0, 2))]
        return _dedupe(body[:k] + own)
    out: list[Para] = []
    for p in body:
        if rng.random() < 0.12 and len(body) > 5:
            continue  # dropped
        if rng.random() < 0.4:
            p = _reword(p, rng)
        out.append(p)
    for _ in range(1 if len(out) > 3 else 0):
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    out += [_simple("context", L.CONTEXT, facts, rng) for _ in range(rng.randint(1, 2))]
    return _dedupe(out)


def _reword(p: Para, rng: random.Random) -> Para:
    """The same paragraph in slightly other words: another lead-in or time phrase for a fact,
    another attribution frame for a quote (same speaker slots where the frame has them)."""
    fills = dict(p.fills)
    if p.kind == "fact":
        dateline, lead, core, time, tail, stop = p.parts
        if rng.random() < 0.5:
            lead, tail = rng.choice(L.REWRITE_LEAD_IN), ""
        else:
            time = rng.choice([t for t in L.FACT_TIME if "{" not in t or
                               all(s in fills for s in _SLOT.findall(t))])
        if dateline and not lead:
            core = _capitalise(core)
        elif dateline:
            core = core[:1].lower() + core[1:]
        q = Para("fact", (dateline, lead, core, time, tail, stop), ())
    elif p.kind == "quote":
        frames = [f for f in L.QUOTE_FRAME if all(s in fills for s in _SLOT.findall(f)
                                                  if s != "Q")]
        q = Para("quote", (rng.choice(frames), p.parts[1]), ())
    elif p.kind in ("indirect", "background", "context") and len(p.parts) == 3:
        prefix, body, suffix = p.parts
        if rng.random() < 0.5:
            prefix = rng.choice([x for x in L.FRAME_PREFIX if "{" not in x])
        else:
            suffix = rng.choice([x for x in L.FRAME_SUFFIX if "{" not in x])
        if prefix:
            body = body[:1].lower() + body[1:] if not body.startswith("{") else body
        else:
            body = body[:1].upper() + body[1:]
        q = Para(p.kind, (prefix, body, suffix), ())
    else:
        return p
    names = set(_SLOT.findall(q.template))
    missing = names - set(fills)
    if missing:
        return p
    return Para(q.kind, q.parts, tuple(sorted((k, v) for k, v in fills.items() if k in names)))


def _title(facts: dict[str, str], rng: random.Random) -> str:
    fills = dict(facts)
    return _SLOT.sub(lambda m: fills[m.group(1)], rng.choice(L.TITLES))


# ------------------------------------------------------------------ corpus


def _kind(rng: random.Random) -> str:
    x = rng.random()
    for kind, w in KIND_WEIGHTS:
        if x < w:
            return kind
        x -= w
    return "original"


def generate(n: int, seed: int = 0, keep_paras: bool = True) -> list[GenArticle]:
    """``n`` articles (sorted by publication time, then id), deterministic for ``(n, seed)``.
    ``keep_paras=False`` drops the recipes (a million articles then fit in ~2 GB)."""
    sizes = story_sizes(n, random.Random(f"gencorpus:{seed}:{n}"))
    out = [a for s in range(len(sizes)) for a in story_articles(n, seed, sizes, s, keep_paras)]
    out.sort(key=lambda a: (a.record["published"], a.record["id"]))
    return out


def story_articles(n: int, seed: int, sizes: list[int], s: int,
                   keep_paras: bool = True) -> list[GenArticle]:
    """The articles of story ``s`` of the corpus ``(n, seed)`` whose story sizes are ``sizes``
    (:func:`story_sizes` of the corpus's generator), in the order they were made: a function of
    the story alone, so that stories can be generated in parallel (``composed_store.py``)."""
    start = dt.date(2023, 1, 1)
    out: list[GenArticle] = []
    first = sum(sizes[:s])  # external ids count articles in story order
    seen_texts: set[str] = set()
    srng = random.Random(f"{seed}:{n}:story:{s}")
    story = story_facts(srng)
    day0 = start + dt.timedelta(days=srng.randrange(700))
    for e, esize in enumerate(event_sizes(sizes[s], srng)):
        day = day0 + dt.timedelta(days=e * srng.randint(2, 20))
        facts = event_facts(story, day, e + 1, srng)
        made: list[tuple[str, list[Para], dt.datetime]] = []
        for _ in range(esize):
            outlet = srng.choice(L.OUTLETS + L.WIRE_OUTLETS)
            kind = _kind(srng) if made else "original"
            when = dt.datetime(day.year, day.month, day.day, 6) + dt.timedelta(
                minutes=srng.randrange(60 * 24 * 3))
            origin = None
            if kind == "original":
                paras = original(facts, outlet, srng)
            else:
                origin_id, src, src_when = srng.choice(made)
                origin = origin_id
                paras = derive(kind, src, facts, srng)
                when = max(when, src_when + dt.timedelta(minutes=srng.randint(5, 600)))
            if outlet in L.TRAILERS:
                paras = paras + [Para("trailer", (L.TRAILERS[outlet],), ())]
            text = "\n\n".join(p.text() for p in paras)
            while text in seen_texts:  # a copy identical to another: a new credit line
                paras = [p for p in paras if p.kind != "credit"] + [_credit(srng)]
                text = "\n\n".join(p.text() for p in paras)
            seen_texts.add(text)
            ext = f"g{seed}-{first + len(out):07d}"
            record = {"id": ext, "title": _title(facts, srng), "text": text,
                      "outlet": outlet, "published": when.isoformat() + "+00:00",
                      "url": f"https://news.example/{_slug(outlet)}/{ext}"}
            truth = {"id": ext, "story": f"s{s}", "event": f"s{s}e{e}", "kind": kind,
                     "origin": origin}
            out.append(GenArticle(record, truth, tuple(paras) if keep_paras else ()))
            made.append((ext, paras, when))
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def write(articles: list[GenArticle], out_dir: Path) -> tuple[Path, Path]:
    """``articles.jsonl`` and ``truth.jsonl`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    a_path, t_path = out_dir / "articles.jsonl", out_dir / "truth.jsonl"
    with a_path.open("w", encoding="utf-8") as fa, t_path.open("w", encoding="utf-8") as ft:
        for a in articles:
            fa.write(json.dumps(a.record, ensure_ascii=False) + "\n")
            ft.write(json.dumps(a.truth) + "\n")
    return a_path, t_path


def digest(articles: list[GenArticle]) -> str:
    """A hash of the records and truth (determinism check)."""
    h = hashlib.sha256()
    for a in articles:
        h.update(json.dumps([a.record, a.truth], sort_keys=True).encode())
    return h.hexdigest()[:16]


def planted_pairs(articles: list[GenArticle]) -> Iterator[tuple[str, str, str]]:
    """(origin external id, derived external id, kind) of every planted reuse."""
    for a in articles:
        if a.truth["origin"]:
            yield a.truth["origin"], a.truth["id"], a.truth["kind"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    arts = generate(args.n, args.seed, keep_paras=False)
    a_path, t_path = write(arts, args.out)
    stories = {a.truth["story"] for a in arts}
    print(f"{len(arts)} articles, {len(stories)} stories -> {a_path}, {t_path} "
          f"(digest {digest(arts)})")


if __name__ == "__main__":
    main()
