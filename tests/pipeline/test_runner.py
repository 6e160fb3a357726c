import pytest

from storyline.pipeline import Context, PipelineError, Stage, run_stages
from storyline.settings import Settings


def _ctx(**values):
    return Context(settings=Settings(), store=None, values=dict(values))


def test_stages_run_in_order_and_see_only_their_needs():
    seen = {}

    def first(ctx, v):
        seen["first"] = set(v)
        return {"b": v["a"] + 1}

    def second(ctx, v):
        seen["second"] = set(v)
        return {"c": v["b"] * 2}

    out = run_stages(
        [Stage("one", ("a",), ("b",), first), Stage("two", ("b",), ("c",), second)],
        _ctx(a=1, secret=0),
    )
    assert out["c"] == 4
    assert seen == {"first": {"a"}, "second": {"b"}}


def test_missing_need_is_reported():
    with pytest.raises(PipelineError, match="needs \\['x'\\]"):
        run_stages([Stage("s", ("x",), ("y",), lambda c, v: {"y": 1})], _ctx())


def test_undeclared_output_is_reported():
    with pytest.raises(PipelineError, match="declared"):
        run_stages([Stage("s", (), ("y",), lambda c, v: {"y": 1, "z": 2})], _ctx())
