"""Independent pieces of a stage in forked workers: the results of one process, in order; a dead
worker is an error that names the setting, not a hang; settings that only spread the work do not
enter result keys."""

from __future__ import annotations

import os

import pytest

from storyline.crosscheck.settings import CheckSettings
from storyline.engine import forked
from storyline.engine.forked import _chunks, deciding, fork_map, worker_count
from storyline.errors import EngineError
from storyline.reuse.settings import ReuseSettings
from storyline.settings import Settings

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="the platform cannot fork")


@needs_fork
def test_workers_give_the_results_of_one_process_in_order():
    table = {k: f"item {k}" * (k % 7) for k in range(200)}  # inherited, never pickled

    def piece(k: int) -> tuple[int, str, int]:
        return k, table[k].upper(), os.getpid()

    one = fork_map(piece, list(range(200)), 1, what="test", setting="x.processes")
    two = fork_map(piece, list(range(200)), 2, what="test", setting="x.processes",
                   weights=[1 + k % 7 for k in range(200)])
    assert [r[:2] for r in two] == [r[:2] for r in one] == [(k, table[k].upper())
                                                           for k in range(200)]
    assert {r[2] for r in one} == {os.getpid()}
    pids = {r[2] for r in two}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert forked._TASK is None  # the hand-over does not outlive the call


@needs_fork
def test_a_dead_worker_is_an_error_naming_the_setting():
    parent = os.getpid()

    def piece(k: int) -> int:
        if os.getpid() != parent:
            os._exit(9)  # as the out-of-memory killer would end it
        return k

    with pytest.raises(EngineError) as err:
        fork_map(piece, list(range(10)), 2, what="aligning 10 pairs", setting="reuse.processes")
    assert str(err.value).startswith("E401 ")
    assert "aligning 10 pairs" in str(err.value) and "reuse.processes 1" in str(err.value)
    assert forked._TASK is None


@pytest.mark.parametrize(("n", "parts", "weights"), [
    (10, 4, None), (3, 8, None), (1, 1, None), (0, 4, None),
    (10, 4, [1.0] * 10), (10, 3, [100.0] + [1.0] * 9), (7, 7, [0.0] * 7), (5, 2, [1, 2, 3, 4, 5]),
])
def test_chunks_cover_every_item_once_in_order(n, parts, weights):
    bounds = _chunks(n, parts, weights)
    assert [k for a, b in bounds for k in range(a, b)] == list(range(n))
    assert all(b > a for a, b in bounds) and len(bounds) <= max(1, parts)


def test_weighted_chunks_balance_the_work():
    weights = [10.0] * 4 + [1.0] * 36  # four heavy pieces first, then light ones
    bounds = _chunks(40, 4, weights)
    totals = [sum(weights[a:b]) for a, b in bounds]
    assert max(totals) <= 2 * min(totals)


def test_worker_count():
    assert worker_count(1, 100) == 1
    assert worker_count(4, 2) == (2 if forked.can_fork() else 1)
    with pytest.raises(ValueError, match="processes"):
        worker_count(-1, 10)


def test_processes_do_not_enter_result_keys():
    s = Settings(checks=CheckSettings(processes=1), reuse=ReuseSettings(processes=3))
    assert s.deciding() == Settings()
    assert deciding(CheckSettings(processes=2)) == CheckSettings()
    assert deciding(ReuseSettings(max_key_sentences=50, processes=1)) == ReuseSettings(
        max_key_sentences=50)
    assert s.deciding().reuse.max_key_sentences == s.reuse.max_key_sentences


@needs_fork
def test_work_beside_runs_in_another_process_while_the_body_runs(tmp_path):
    out = tmp_path / "child.txt"
    with forked.beside(lambda: out.write_text(str(os.getpid())), 0, what="test",
                       setting="x.processes"):
        here = os.getpid()
    assert out.read_text() != str(here)  # written, by another process, before the with ended


def test_work_beside_runs_here_with_one_process(tmp_path):
    out = tmp_path / "child.txt"
    with forked.beside(lambda: out.write_text(str(os.getpid())), 1, what="test",
                       setting="x.processes"):
        assert out.read_text() == str(os.getpid())


@needs_fork
def test_work_beside_that_fails_is_an_error_naming_why_and_the_setting():
    def broken() -> None:
        raise OSError("No space left on device")

    with pytest.raises(EngineError, match=r"E401.*writing x.*No space left on device.*"
                                          r"x.processes 1"):
        with forked.beside(broken, 0, what="writing x", setting="x.processes"):
            pass


@needs_fork
def test_the_body_failing_still_waits_for_the_work_beside(tmp_path):
    out = tmp_path / "child.txt"
    with pytest.raises(ValueError, match="body"):
        with forked.beside(lambda: out.write_text("done"), 0, what="test",
                           setting="x.processes"):
            raise ValueError("body")
    assert out.read_text() == "done"
