"""spaCy's annotation of a generated corpus, composed from annotated templates.

Annotating 100,000 articles with spaCy takes hours on two cores; the scale benchmark needs the
annotation of every article but measures storyline, not spaCy. Every paragraph of a generated
article is a template of :mod:`gencorpus_lexicon` with slot fills, so:

1. each distinct template is annotated ONCE by the real pipeline (its first instance in the
   corpus, in isolation: one paragraph, one ``nlp.pipe`` call), cached on disk;
2. another instance of the template takes that annotation with the slot tokens swapped: same
   number of tokens (every slot type has values of a fixed token count), same tags, dependency
   arcs and entity labels; the new tokens' text from spaCy's tokenizer, lemma by the rule of the
   annotated token (lemma = text, or = lower case), ``is_stop`` from the vocabulary. When a fill
   does not tokenize like the annotated one, or a lemma is irregular, that paragraph is annotated
   by spaCy itself (exact; counted as ``fallbacks``);
3. an article's paragraphs are joined by ``"\\n\\n"`` tokens as spaCy gives them (``SPACE``,
   ``_SP``, ``dep`` on the token before), offsets and heads shifted, and turned into a spaCy
   ``Doc``, which storyline's own ``doc_to_annotation`` converts as in a real ingest.

:class:`ComposedPipeline` stands in for the loaded ``nlp`` in ``storyline.pipeline.ingest_into``:
everything of a real ingest runs (reading, normalising, ids, store writes, event assignment)
except spaCy's forward pass. Where the composition differs from spaCy on the whole article
(spaCy's convolution sees a few tokens across a paragraph break; a slot value may get another tag
in another sentence), :func:`agreement` measures it on a sample.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gencorpus import GenArticle, Para
from gencorpus_lexicon import LEMMAS

# token: (start, end, text, lemma, pos, tag, dep, head (within the paragraph), ent IOB)
Tok = tuple[int, int, str, str, str, str, str, int, str]


def _tokens(doc) -> list[Tok]:
    return [(t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i,
             f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O") for t in doc]


@dataclass
class Stats:
    templates: int = 0
    patched: int = 0
    fallbacks: int = 0
    annotate_seconds: float = 0.0


@dataclass
class ComposedPipeline:
    """A stand-in for a loaded spaCy pipeline whose ``pipe`` returns composed ``Doc`` objects
    for the texts of ``articles`` (and runs the real pipeline on any other text)."""

    nlp: Any
    articles: Sequence[GenArticle]
    cache: Path | None = None
    n_process: int = 1
    save_cache: bool = True  # False: new templates are kept in ``new_templates`` only
    extra: dict[str, Any] | None = None  # annotated templates known beside the cache's
    stats: Stats = field(default_factory=Stats)

    def __post_init__(self) -> None:
        self.meta = self.nlp.meta
        self.pipe_names = self.nlp.pipe_names
        self.vocab = self.nlp.vocab
        self._by_text = {a.record["text"]: a.paras for a in self.articles}
        self._templates: dict[str, tuple[str, list[tuple[int, int]], list[Tok]]] = {}
        self._exact: dict[str, list[Tok]] = {}
        self._fill_tokens: dict[str, list[tuple[int, str]]] = {}
        self.new_templates: dict[str, Any] = {}
        self._annotate_templates()

    # ------------------------------------------------------------------ templates

    def _annotate_templates(self) -> None:
        import time

        firsts: dict[str, Para] = {}
        for a in self.articles:
            for p in a.paras:
                firsts.setdefault(p.template, p)
        cached: dict[str, Any] = {}
        if self.cache is not None and self.cache.exists():
            with self.cache.open("rb") as fh:
                cached = pickle.load(fh)
        key = _pipeline_key(self.nlp)
        known = cached.get(key, {})
        if self.extra:
            known = {**known, **self.extra}
        todo = [t for t in firsts if t not in known]
        t0 = time.perf_counter()
        texts = [firsts[t].text() for t in todo]
        for template, doc in zip(todo, self.nlp.pipe(texts, batch_size=256,
                                                     n_process=self.n_process)):
            known[template] = self.new_templates[template] = (firsts[template].fills,
                                                              _tokens(doc))
        self.stats.annotate_seconds = time.perf_counter() - t0
        if todo and self.cache is not None and self.save_cache:
            cached[key] = known
            self.cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(cached, fh)
            tmp.replace(self.cache)
        for template in firsts:
            fills, toks = known[template]
            canon = Para("raw", (template,), fills)
            self._templates[template] = (canon.text(), _slot_spans(canon), toks)
        self.stats.templates = len(firsts)

    def _fill(self, value: str) -> list[tuple[int, str]]:
        got = self._fill_tokens.get(value)
        if got is None:
            got = [(t.idx, t.text) for t in self.nlp.tokenizer(value)]
            self._fill_tokens[value] = got
        return got

    def paragraph(self, p: Para) -> list[Tok]:
        """The tokens of paragraph ``p`` (offsets into ``p.text()``)."""
        patched = self._patch(p)
        if patched is not None:
            self.stats.patched += 1
            return patched
        self.stats.fallbacks += 1
        text = p.text()
        if text not in self._exact:
            self._exact[text] = _tokens(self.nlp(text))
        return self._exact[text]

    def _patch(self, p: Para) -> list[Tok] | None:
        ctext, cspans, ctoks = self._templates[p.template]
        nspans = _slot_spans(p)
        ntext = p.text()
        if ntext == ctext:
            return ctoks
        out: list[Tok] = []
        i = 0
        for (cs, ce), (ns, ne) in zip(cspans, nspans):
            delta_before = ns - cs
            while i < len(ctoks) and ctoks[i][1] <= cs:  # tokens before this slot
                t = ctoks[i]
                if t[1] > cs:
                    return None
                out.append((t[0] + delta_before, t[1] + delta_before, *t[2:]))
                i += 1
            slot: list[Tok] = []
            while i < len(ctoks) and ctoks[i][0] < ce:
                if ctoks[i][0] < cs or ctoks[i][1] > ce:
                    return None  # a token crosses the slot's edge
                slot.append(ctoks[i])
                i += 1
            new = self._fill(ntext[ns:ne])
            if len(new) != len(slot):
                return None
            for old, (off, word) in zip(slot, new):
                lemma = _lemma(old, word)
                if lemma is None:
                    return None
                out.append((ns + off, ns + off + len(word), word, lemma, *old[4:]))
        shift = (nspans[-1][1] - cspans[-1][1]) if cspans else 0
        for t in ctoks[i:]:
            out.append((t[0] + shift, t[1] + shift, *t[2:]))
        return out

    def release(self) -> None:
        """Drop the per-article recipes and caches (after the ingest)."""
        self._by_text = {}
        self._exact.clear()

    # ------------------------------------------------------------------ documents

    def compose(self, paras: Iterable[Para]):
        """A spaCy ``Doc`` of the paragraphs joined by blank lines."""
        return self.compose_tokens((p.text(), self.paragraph(p)) for p in paras)

    def compose_tokens(self, paras: Iterable[tuple[str, list[Tok]]]):
        """A spaCy ``Doc`` of paragraphs given as (text, tokens), joined by blank lines."""
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        lemmas: list[str] = []
        pos: list[str] = []
        tags: list[str] = []
        deps: list[str] = []
        heads: list[int] = []
        ents: list[str] = []
        for k, (ptext, toks) in enumerate(paras):
            if k:
                spaces[-1] = False
                words.append("\n\n")
                spaces.append(False)
                lemmas.append("\n\n")
                pos.append("SPACE")
                tags.append("_SP")
                deps.append("dep")
                heads.append(len(words) - 2)
                ents.append("O")
            base = len(words)
            for j, (_s, e, word, lemma, upos, tag, dep, head, ent) in enumerate(toks):
                words.append(word)
                nxt = toks[j + 1][0] if j + 1 < len(toks) else len(ptext)
                spaces.append(nxt > e)
                lemmas.append(lemma)
                pos.append(upos)
                tags.append(tag)
                deps.append(dep)
                heads.append(base + head)
                ents.append(ent)
        return Doc(self.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
                   deps=deps, heads=heads, ents=ents)

    def pipe(self, texts: Iterable[str], batch_size: int = 64, **_: Any) -> Iterator:
        for text in texts:
            paras = self._by_text.get(text)
            if paras is None:
                self.stats.fallbacks += 1
                yield self.nlp(text)
            else:
                doc = self.compose(paras)
                if doc.text != text:
                    raise ValueError("composed text differs from the article's text")
                yield doc


def _pipeline_key(nlp) -> str:
    import spacy

    from storyline.annotate.model import pipeline_id

    return f"{pipeline_id(nlp)} spacy {spacy.__version__}"


def _slot_spans(p: Para) -> list[tuple[int, int]]:
    """Spans of the slot values in ``p.text()``, in order."""
    fills = dict(p.fills)
    out = []
    pos = 0  # position in the filled text
    last = 0  # position in the template
    for s, e, name in p.slots():
        pos += s - last
        value = fills[name]
        out.append((pos, pos + len(value)))
        pos += len(value)
        last = e
    return out


def _lemma(old: Tok, word: str) -> str | None:
    """The lemma of ``word`` in place of ``old`` by the rule of ``old``'s lemma: itself, its
    lower case, or the lexicon's lemma (plurals); None when no rule fits (exact annotation)."""
    text, lemma = old[2], old[3]
    if lemma == text:
        return word
    if lemma == text.lower():
        return word.lower()
    if LEMMAS.get(text) == lemma and word in LEMMAS:
        return LEMMAS[word]
    return None


# ------------------------------------------------------------------ agreement


def agreement(pipe: ComposedPipeline, articles: Sequence[GenArticle]) -> dict[str, float]:
    """Composed against spaCy on whole articles: share of articles whose stored annotation is
    identical, share of tokens with identical boundaries / tag / dependency arc / entity IOB,
    share of articles with identical sentences and identical mentions, and of claims identical
    (kind, span, text, speaker, value, date)."""
    import json
    import tempfile

    from storyline.annotate import doc_to_annotation
    from storyline.claims import extract_claims
    from storyline.ingest import read_inputs
    from storyline.models import Document
    from storyline.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        path.write_text("".join(json.dumps(a.record) + "\n" for a in articles))
        read = [x for x in read_inputs([str(path)])]
    docs_real = pipe.nlp.pipe([a.text for a in read], batch_size=64)
    n = tok = same_tok = same_tag = same_dep = same_ent = 0
    same_doc = same_sent = same_ment = 0
    claims_total = claims_same = 0
    settings = Settings()
    for art, real in zip(read, docs_real):
        comp = pipe.compose(pipe._by_text[art.text])
        a_real = doc_to_annotation(art.id, real, "en")
        a_comp = doc_to_annotation(art.id, comp, "en")
        n += 1
        same_doc += a_real == a_comp
        same_sent += a_real.sentences == a_comp.sentences
        same_ment += a_real.mentions == a_comp.mentions
        rt = {(t.start, t.end): t for t in a_real.tokens}
        for t in a_comp.tokens:
            tok += 1
            r = rt.get((t.start, t.end))
            if r is None:
                continue
            same_tok += 1
            same_tag += (r.tag, r.pos, r.lemma) == (t.tag, t.pos, t.lemma)
            same_dep += (r.dep, a_real.tokens[r.head].start) == (t.dep,
                                                                  a_comp.tokens[t.head].start)
        for i, e in enumerate(real):
            same_ent += (e.ent_iob_, e.ent_type_) == (comp[i].ent_iob_, comp[i].ent_type_) \
                if i < len(comp) else 0
        key = lambda c: (c.kind, c.span, c.text, c.speaker, c.value, c.date)  # noqa: E731
        c_real = {key(c) for c in extract_claims(Document(art, a_real), settings.claims)}
        c_comp = {key(c) for c in extract_claims(Document(art, a_comp), settings.claims)}
        claims_total += len(c_real | c_comp)
        claims_same += len(c_real & c_comp)
    return {
        "articles": n, "tokens": tok,
        "identical_articles": same_doc / n, "token_boundaries": same_tok / tok,
        "tag_pos_lemma": same_tag / same_tok, "dependency_arcs": same_dep / same_tok,
        "entity_iob": same_ent / tok, "identical_sentences": same_sent / n,
        "identical_mentions": same_ment / n, "claims_identical": claims_same / max(1, claims_total),
    }


def load_nlp():
    from storyline.annotate import load_pipeline

    return load_pipeline("")


def save_cache_path(root: Path) -> Path:
    return root / "results" / "cache" / "template_annotations.pkl"


__all__ = ["ComposedPipeline", "Stats", "agreement", "load_nlp", "save_cache_path"]
