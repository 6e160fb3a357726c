"""The Spark engine says what is missing (E400) instead of failing somewhere inside Spark."""

from __future__ import annotations

import pytest

from storyline.engine.session import require_spark
from storyline.errors import EngineError


def test_missing_java_is_error_e400(monkeypatch, tmp_path):
    pytest.importorskip("pyspark")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    with pytest.raises(EngineError) as err:
        require_spark()
    assert str(err.value).startswith("E400 ") and "Java" in str(err.value)


def test_missing_pyspark_is_error_e400(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pyspark(name, *args, **kw):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError(name=name)
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(EngineError) as err:
        require_spark()
    assert "pip install 'storyline[spark]'" in str(err.value)
