"""Annotate: sentences, tokens and entity mentions with spaCy, plus language detection.

Needs: :class:`~storyline.models.Article`. Adds: :class:`~storyline.models.Annotation`
(sentences, tokens with lemma/POS/dependency, named-entity mentions, all with character spans into
``Article.text``). Articles are batched through ``nlp.pipe``; non-English articles are kept with a
W101 warning and an empty annotation instead of being analysed as English.

:func:`annotate_safely` is the per-article error rule: an article on which the pipeline raises
gets an ``E301`` message instead of an annotation (the ingest rejects it and goes on);
:mod:`storyline.annotate.parallel` runs it in worker processes, one per core.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.annotate.language import detect_language
from storyline.annotate.model import find_model, load_pipeline, pipeline_id
from storyline.annotate.settings import AnnotateSettings
from storyline.models import Annotation, Article, ArticleWarning, Mention, Sentence, Token

__all__ = [
    "AnnotateSettings",
    "annotate",
    "annotate_safely",
    "detect_language",
    "doc_to_annotation",
    "find_model",
    "load_pipeline",
]


def annotate(
    articles: Iterable[Article], settings: AnnotateSettings, nlp=None
) -> Iterator[Annotation]:
    """Yield one :class:`Annotation` per article, in input order.

    ``nlp`` is a loaded spaCy pipeline (see :func:`load_pipeline`); loaded from ``settings`` when
    omitted.
    """
    if nlp is None:
        nlp = load_pipeline(settings.model)
    pid = pipeline_id(nlp)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= settings.batch_size:
            yield from _annotate_batch(batch, settings, nlp, pid)
            batch = []
    if batch:
        yield from _annotate_batch(batch, settings, nlp, pid)


def annotate_safely(
    batch: list[Article], settings: AnnotateSettings, nlp, pid: str
) -> list[Annotation | str]:
    """One result per article of ``batch``, in order: its :class:`Annotation`, or, when the
    pipeline raised on it, an ``E301`` message naming the error. A batch that raises is
    annotated again one article at a time, so one bad article costs only itself."""
    try:
        return list(_annotate_batch(batch, settings, nlp, pid))
    except Exception as exc:  # noqa: BLE001 - retried article by article below
        if len(batch) == 1:
            return [_failure(exc)]
    out: list[Annotation | str] = []
    for article in batch:
        try:
            out.extend(_annotate_batch([article], settings, nlp, pid))
        except Exception as exc:  # noqa: BLE001 - one article must not stop the run
            out.append(_failure(exc))
    return out


def _failure(exc: Exception) -> str:
    from storyline.errors import printable

    return (f"E301 the language model failed on this article: {type(exc).__name__}: "
            f"{printable(exc, 200)}")


def _annotate_batch(
    batch: list[Article], settings: AnnotateSettings, nlp, pid: str
) -> Iterator[Annotation]:
    plans: list[tuple[str | None, list[ArticleWarning], bool]] = []
    texts: list[str] = []
    for article in batch:
        warnings: list[ArticleWarning] = []
        lang, warn = detect_language(article.text, settings.min_language_chars)
        if warn:
            warnings.append(warn)
        declared = (article.language or "").lower()[:2] or None
        effective = declared or lang
        analyse = effective is None or effective in settings.languages
        if not analyse:
            warnings.append(ArticleWarning(
                "W101", f"language {effective!r} is not one of annotate.languages "
                f"{list(settings.languages)}: article kept, not annotated"))
        elif len(article.text) > settings.max_chars:
            warnings.append(ArticleWarning(
                "W104", f"text of {len(article.text)} characters annotated up to "
                f"annotate.max_chars={settings.max_chars}"))
        if analyse:
            texts.append(article.text[: settings.max_chars])
        plans.append((effective, warnings, analyse))
    docs = iter(nlp.pipe(texts, batch_size=settings.batch_size))
    for article, (lang, warnings, analyse) in zip(batch, plans):
        if analyse:
            yield doc_to_annotation(article.id, next(docs), lang, pid, tuple(warnings))
        else:
            yield Annotation(article.id, lang, pipeline=pid, warnings=tuple(warnings))


def sentence_tokens(doc) -> list[tuple[int, int]]:
    """The sentences of a spaCy ``Doc`` as ``(first, last + 1)`` token indexes, trimmed of
    whitespace tokens at their edges so that spans start and end on text; a sentence of
    whitespace only is left out."""
    out = []
    for sent in doc.sents:
        a, b = sent.start, sent.end
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def doc_to_annotation(
    article_id: str, doc, language: str | None, pid: str = "", warnings: tuple[ArticleWarning, ...] = ()
) -> Annotation:
    """Convert a spaCy ``Doc`` into an :class:`Annotation` (character offsets throughout)."""
    tokens = tuple(
        Token(
            t.idx,
            t.idx + len(t.text),
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            t.head.i,
            t.is_stop,
        )
        for t in doc
    )
    sentences = []
    for start_tok, end_tok in sentence_tokens(doc):
        first, last = doc[start_tok], doc[end_tok - 1]
        sentences.append(Sentence(first.idx, last.idx + len(last.text), start_tok, end_tok))
    mentions = tuple(
        Mention(ent.start_char, ent.end_char, ent.label_, ent.text) for ent in doc.ents
    )
    return Annotation(
        article_id=article_id,
        language=language,
        sentences=tuple(sentences),
        tokens=tokens,
        mentions=mentions,
        pipeline=pid,
        warnings=warnings,
    )
