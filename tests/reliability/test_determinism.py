"""Determinism: the same corpus analysed twice, and with its inputs in another order, gives a
byte-identical report.json (on the example corpus and on generated corpora)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_inputs import small_corpus

from storyline import api

pytestmark = pytest.mark.slow


def _json(paths: list[Path]) -> str:
    return api.analyze([str(p) for p in paths]).to_json()


def test_example_twice_and_in_reverse_order(examples_dir):
    files = sorted(examples_dir.iterdir())
    first = _json(files)
    assert first == _json(files)
    assert first == _json(files[::-1])
    assert json.loads(first)["checks"]


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_corpus_in_any_order(tmp_path, seed):
    folder = tmp_path / "corpus"
    folder.mkdir()
    files = []
    for item in small_corpus(24, seed=seed):
        path = folder / f"{item['id']}.txt"
        path.write_text(f"{item['title']}\n\n{item['text']}\n", encoding="utf-8")
        files.append(path)
    one = _json(files)
    assert one == _json(files[::-1])
    assert one == _json([folder])
    data = json.loads(one)
    assert len(data["articles"]) == 24 and data["claims"]
