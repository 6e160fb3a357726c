"""Book-length texts: alignment stays near-linear (``reuse.max_key_sentences``) and articles
align exactly as without the cap."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

from storyline.reuse import ReuseSettings, compare

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbor-fire"


def _example_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
    for line in (EXAMPLE / "feeds.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def test_the_cap_changes_nothing_on_articles():
    uncapped = dataclasses.replace(ReuseSettings(), max_key_sentences=1_000_000)
    texts = _example_texts()
    assert len(texts) >= 4
    for a, b in itertools.combinations(texts, 2):
        assert compare(a, b) == compare(a, b, uncapped)


def _long_text(n: int, seed: int) -> list[str]:
    # every sentence shares "police", "said" and "harbor": in a long text those find everything
    places = ["pier", "warehouse", "dock", "terminal", "yard", "market", "station", "bridge"]
    return [f"Police said the {places[(i * seed) % 8]} fire at harbor block {i * 7 + seed} "
            f"burned for {i % 13 + 2} hours before crews number {i} arrived." for i in range(n)]


def test_copies_in_long_texts_are_found_through_rare_words():
    source = _long_text(400, 3)
    copy = list(source)
    copy[100] = copy[100].replace("burned for", "had burned for")  # near-verbatim
    copy[200] = "Nothing in this sentence was taken from the other text at all today."
    settings = dataclasses.replace(ReuseSettings(), max_key_sentences=50)
    result = compare(" ".join(source), " ".join(copy), settings)
    assert result.linked and result.kind in ("verbatim", "near_verbatim")
    assert result.aligned_sentences == 399  # all but the new sentence, the edited one included
