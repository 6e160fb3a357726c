"""The cyclic garbage collector is off while a report's stages run, and as it was afterwards,
also when a stage fails (:func:`storyline.engine.collector_paused`)."""

from __future__ import annotations

import gc

import pytest

from storyline.engine import collector_paused
from storyline.pipeline import Context, Stage, run_stages
from storyline.settings import Settings


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner exit leaves the outer pause in force
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error(collector_on):
    with pytest.raises(ValueError, match="broken"), collector_paused():
        raise ValueError("broken")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_stages_run_with_the_collector_off(collector_on):
    seen: list[bool] = []

    def count(ctx, view):
        seen.append(gc.isenabled())
        return {"n": len(view["docs"])}

    def fail(ctx, view):
        seen.append(gc.isenabled())
        raise RuntimeError("stage failed")

    ctx = Context(settings=Settings(), store=None, values={"docs": ("a", "b")})
    values = run_stages([Stage("count", needs=("docs",), provides=("n",), run=count)], ctx)
    assert values["n"] == 2 and seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError, match="stage failed"):
        run_stages([Stage("fail", needs=("n",), provides=("m",), run=fail)], ctx)
    assert seen == [False, False] and gc.isenabled()
