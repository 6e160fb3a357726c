"""Independent pieces of one stage on every core: forked workers that inherit the stage's input.

The local engine's later stages hold the whole corpus in memory (documents, claims, features);
their per-pair and per-story work is independent. Pickling that input to a process pool would
cost more than the work, so the workers are **forked** after the input is built and inherit it
(copy-on-write pages): only the index of each piece goes to a worker and only its result comes
back. Where the platform cannot fork (Windows; macOS may, but Python there defaults to spawn for
a reason), or one process is asked for, the pieces run in this process, in order. Results are the
same either way and in input order, so a report does not depend on the number of processes.

A stage hands its input over through :data:`_TASK` for the lifetime of one pool only (set before
the fork, cleared after): transient hand-over, not a cache; nothing outlives the call.

An executor rather than ``multiprocessing.Pool``: a worker killed by the system (out of memory)
raises :class:`~concurrent.futures.process.BrokenProcessPool` here, turned into E401 with the
setting that avoids it, instead of a report that waits forever.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from storyline.engine import available_cores
from storyline.errors import EngineError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _TASK is not None, "forked worker started without its task"
    func, items = _TASK
    return [func(items[k]) for k in range(*bounds)]


def deciding(section: S) -> S:
    """A settings section (a dataclass) without the setting that only says how its work is
    spread: ``processes``, set to its default 0. What keys of cached results hold, so that
    another number of workers reuses them (the results are the same with any number)."""
    if any(f.name == "processes" for f in dataclasses.fields(section)):  # type: ignore[arg-type]
        return dataclasses.replace(section, processes=0)  # type: ignore[type-var]
    return section


def can_fork() -> bool:
    """Whether workers can inherit this process's memory."""
    return "fork" in multiprocessing.get_all_start_methods()


def worker_count(processes: int, pieces: int) -> int:
    """Processes to use for ``pieces`` independent pieces: ``processes`` (0: one per core this
    process may use), never more than the pieces, 1 where the platform cannot fork."""
    if processes < 0:
        raise ValueError(f"processes must be 0 (one per core) or more, got {processes}")
    if not can_fork():
        return 1
    return max(1, min(processes or available_cores(), pieces))


def fork_map(func: Callable[[T], R], items: Sequence[T], processes: int, *,
             what: str, setting: str, chunks_per_worker: int = 4,
             weights: Sequence[float] | None = None) -> list[R]:
    """``[func(x) for x in items]``, in ``processes`` forked workers (see :func:`worker_count`).

    ``func`` may be a closure: the workers inherit it. Items go out in contiguous chunks,
    ``chunks_per_worker`` per worker (fewer, larger chunks cost less to hand out; more balance
    uneven pieces better); with ``weights`` (the expected cost of each item) the chunks are of
    equal weight instead of equal length. ``what`` names the work and ``setting`` the setting
    that gives one process, for the error when a worker dies."""
    global _TASK
    n = len(items)
    n_proc = worker_count(processes, n)
    if n_proc < 2:
        return [func(x) for x in items]
    bounds = _chunks(n, n_proc * max(1, chunks_per_worker), weights)
    _TASK = (func, items)
    # the inherited objects out of the collector's reach while the workers live: a worker's
    # collection would otherwise write to every inherited object's header, copying each page
    # the parent shares with it (Python's gc.freeze documentation)
    gc.freeze()
    try:
        with ProcessPoolExecutor(n_proc, mp_context=multiprocessing.get_context("fork")) as ex:
            # the heaviest chunks first, so that no worker is left with a large one at the end
            order = sorted(range(len(bounds)), key=lambda c: -_weight(bounds[c], weights))
            futures = {c: ex.submit(_run_chunk, bounds[c]) for c in order}
            out: list[R] = []
            for c in range(len(bounds)):
                out.extend(futures[c].result())
            return out
    except BrokenProcessPool as err:
        raise EngineError(f"{what} in {n_proc} processes: a worker died ({err}); "
                          f"{setting} 1 uses one process", code="E401") from err
    finally:
        gc.unfreeze()
        _TASK = None


def _weight(b: tuple[int, int], weights: Sequence[float] | None) -> float:
    return float(b[1] - b[0]) if weights is None else float(sum(weights[b[0]:b[1]]))


def _chunks(n: int, parts: int, weights: Sequence[float] | None) -> list[tuple[int, int]]:
    """Contiguous ranges covering ``0..n``: ``parts`` of them (at most ``n``), of about equal
    length, or of about equal total weight when ``weights`` are given."""
    parts = max(1, min(parts, n))
    if weights is None:
        cuts = [round(k * n / parts) for k in range(parts + 1)]
    else:
        total = float(sum(weights)) or 1.0
        cuts, acc = [0], 0.0
        for k, w in enumerate(weights):
            acc += w
            if acc >= total * len(cuts) / parts and len(cuts) < parts and k + 1 < n:
                cuts.append(k + 1)
        cuts.append(n)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


@contextlib.contextmanager
def beside(func: Callable[[], None], processes: int, *, what: str,
           setting: str) -> Iterator[None]:
    """Run ``func()`` in a forked child while the body of the ``with`` runs here; the child is
    waited for when the body ends (also when it raises). With ``processes`` 1 (see
    :func:`worker_count`) or where the platform cannot fork, ``func()`` runs here first.

    For work that only writes files (report.json while the page is rendered): nothing comes
    back but success. A child that fails raises E401 here once the body is done, naming
    ``what`` and the ``setting`` that keeps it in this process; its traceback is on stderr."""
    if worker_count(processes, 2) < 2:
        func()
        yield
        return
    gc.freeze()  # as in fork_map: the child's collections must not copy every shared page
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    finally:
        gc.unfreeze()
    if pid == 0:  # the child: run, say why it failed, and leave without the parent's clean-ups
        code = 0
        try:
            os.close(read_end)
            func()
        except BaseException as err:
            traceback.print_exc()
            os.write(write_end, f"{type(err).__name__}: {err}".encode("utf-8", "replace")[:2000])
            code = 1
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    try:
        yield
    finally:
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as fh:
            why = fh.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise EngineError(f"{what} in a second process failed ({why or f'exit status {code}'}); "
                          f"{setting} 1 uses one process", code="E401")
