"""Annotation on every core: worker processes annotate, the calling process keeps the order.

spaCy runs a pipeline on one core per process, so an ingest on one process leaves the other cores
idle while annotation is most of its time. :func:`annotate_stream` sends chunks of articles to a
pool of worker processes (``annotate.processes``), each holding one loaded pipeline, and yields
the results in input order while the workers go on with the next chunks; the caller (the ingest)
alone writes the store. Each article's result does not depend on which process annotated it or
on its chunk (spaCy annotates each text on its own; ``tests/annotate/test_parallel.py`` checks
that a store written with workers equals one written in-process).

A process pool of our own rather than spaCy's ``nlp.pipe(n_process=...)``: the workers also
convert each parse into the :class:`~storyline.models.Annotation` record (the conversion then
runs on every core too, and a record is smaller to send back than a serialised ``Doc``), and
they apply the per-article error rule (:func:`~storyline.annotate.annotate_safely`), so one
article on which spaCy raises costs itself only, not the pool.

Processes: on platforms that fork, the workers inherit the caller's loaded pipeline and language
identifier (the same objects, nothing pickled or loaded again: py3langid's model costs 0.7 s CPU
to load); elsewhere each loads ``annotate.model``. The workers
ignore Ctrl-C (the ingesting process stops them) and exit when the ingesting process is gone
(killed), so no orphan keeps working; at most ``2 x processes`` chunks are in flight, so a long
input is never read ahead into memory. Inputs of at most one ``batch_size`` of articles are
annotated in-process: starting workers would cost more than it saves.

Per-article work after annotation (``then``, e.g. the claims the ingest caches for the report)
runs in the same workers, on the annotated article, so it too uses every core; it must be a
picklable callable (a module-level function, or a ``functools.partial`` of one). An exception in
it costs that article's extra only (``None``): the stage that needs it computes it later.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any

from storyline.annotate import annotate_safely, detect_language
from storyline.annotate.model import load_pipeline, pipeline_id
from storyline.annotate.settings import AnnotateSettings
from storyline.engine import available_cores
from storyline.models import Annotation, Article, Document

Result = Annotation | str  # an annotation, or the E301 message of an article the model failed on
Then = Callable[[Document], Any]
"""Per-article work on an annotated article, run where it was annotated."""


def process_count(settings: AnnotateSettings) -> int:
    """``annotate.processes``, with 0 meaning one per available core."""
    return settings.processes or available_cores()


def annotate_stream(
    articles: Iterable[Article], settings: AnnotateSettings, nlp: Any = None,
    then: Then | None = None,
) -> Generator[tuple[Article, Result, Any], None, None]:
    """Yield ``(article, result, extra)`` for each article of ``articles``, in input order,
    annotated with ``process_count(settings)`` processes (module docstring); ``extra`` is
    ``then(document)`` for an annotated article (None without ``then``, for a failed article, or
    when ``then`` raised). ``nlp``: a loaded pipeline (loaded from ``settings.model`` when
    omitted). Close the iterator (or exhaust it) to stop the workers: an interrupted caller
    should use ``contextlib.closing``."""
    it = iter(articles)
    head = list(islice(it, settings.batch_size + 1))
    processes = process_count(settings)
    if processes <= 1 or len(head) <= settings.batch_size:
        yield from _in_process(chain(head, it), settings, nlp, then)
        return
    if _context().get_start_method() == "fork":  # loaded once here, shared by the workers
        nlp = nlp if nlp is not None else load_pipeline(settings.model)
        detect_language("Language models are loaded before the workers start. " * 2)
    yield from _pooled(chain(head, it), settings, nlp, processes, then)


def _in_process(articles: Iterator[Article], settings: AnnotateSettings,
                nlp: Any, then: Then | None) -> Iterator[tuple[Article, Result, Any]]:
    if nlp is None:
        nlp = load_pipeline(settings.model)
    pid = pipeline_id(nlp)
    while batch := list(islice(articles, settings.batch_size)):
        results = annotate_safely(batch, settings, nlp, pid)
        for article, (result, extra) in zip(batch, _followed(batch, results, then)):
            yield article, result, extra


def _followed(batch: list[Article], results: list[Result],
              then: Then | None) -> list[tuple[Result, Any]]:
    """Each result with ``then`` of its document (None where it fails or does not apply)."""
    out: list[tuple[Result, Any]] = []
    for article, result in zip(batch, results):
        extra = None
        if then is not None and isinstance(result, Annotation):
            try:
                extra = then(Document(article, result))
            except Exception:  # noqa: BLE001 - the stage that needs it computes it again
                extra = None
        out.append((result, extra))
    return out


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _pooled(articles: Iterator[Article], settings: AnnotateSettings, nlp: Any,
            processes: int, then: Then | None) -> Iterator[tuple[Article, Result, Any]]:
    ctx = _context()
    inherit = ctx.get_start_method() == "fork"
    # Chunks of half a batch per process: small enough that the workers finish together (the
    # last chunk is the only one a core may wait for), large enough for nlp.pipe's batching.
    chunk = max(1, math.ceil(settings.batch_size / processes))
    executor = ProcessPoolExecutor(
        max_workers=processes, mp_context=ctx, initializer=_init_worker,
        initargs=(nlp if inherit else None, settings, os.getpid(), then),
    )
    pending: deque[tuple[list[Article], Future]] = deque()
    done = False
    try:
        while batch := list(islice(articles, chunk)):
            pending.append((batch, executor.submit(_work, batch)))
            if len(pending) >= 2 * processes:
                batch, future = pending.popleft()
                for article, (result, extra) in zip(batch, future.result()):
                    yield article, result, extra
        while pending:
            batch, future = pending.popleft()
            for article, (result, extra) in zip(batch, future.result()):
                yield article, result, extra
        done = True
    finally:
        # interrupted: stop the chunks under way now, not when they finish (the executor offers
        # no public way; its worker list is gone once it is shut down, so it is taken first)
        workers = [] if done else list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=done, cancel_futures=not done)
        for proc in workers:
            proc.terminate()


# ---------------------------------------------------------------------------- worker side

# The worker process's pipeline, set once by its initializer (one per worker process, never in
# the ingesting process; every result depends only on the article and this pipeline).
_WORKER: tuple[Any, AnnotateSettings, str, Then | None] | None = None


def _init_worker(nlp: Any, settings: AnnotateSettings, parent: int, then: Then | None) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the ingesting process's to handle
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if nlp is None:
        nlp = load_pipeline(settings.model)
    _WORKER = (nlp, settings, pipeline_id(nlp), then)


def _exit_with_parent(parent: int) -> None:
    """End this worker once the ingesting process is gone (killed: nobody would read its work)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(batch: list[Article]) -> list[tuple[Result, Any]]:
    assert _WORKER is not None, "worker not initialised"
    nlp, settings, pid, then = _WORKER
    return _followed(batch, annotate_safely(batch, settings, nlp, pid), then)
