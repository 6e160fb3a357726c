"""models.Tokens: an article's tokens as columns, read as Token records."""

from __future__ import annotations

import pickle

import pytest

from storyline.models import Annotation, Article, Document, Sentence, Token, Tokens
from storyline.serialize import from_dict, to_dict
from storyline.store import Store

TEXT = "Rescuers said 12 people died in Tuesday's quake."
RECORDS = (
    Token(0, 8, "rescuer", "NOUN", "NNS", "nsubj", 1, False),
    Token(9, 13, "say", "VERB", "VBD", "ROOT", 1, False),
    Token(14, 16, "12", "NUM", "CD", "nummod", 3, False),
    Token(17, 23, "people", "NOUN", "NNS", "nsubj", 4, False),
    Token(24, 28, "die", "VERB", "VBD", "ccomp", 1, False),
    Token(29, 31, "in", "ADP", "IN", "prep", 4, True),
    Token(32, 39, "Tuesday", "PROPN", "NNP", "poss", 8, False),
    Token(39, 41, "'s", "PART", "POS", "case", 6, True),
    Token(42, 47, "quake", "NOUN", "NN", "pobj", 5, False),
    Token(47, 48, ".", "PUNCT", ".", "punct", 1, False),
)


def test_reads_as_the_records_it_holds():
    toks = Tokens(RECORDS)
    assert len(toks) == len(RECORDS)
    assert list(toks) == list(RECORDS)
    assert toks[3] == RECORDS[3] and toks[-1] == RECORDS[-1]
    assert toks[2:5] == RECORDS[2:5] and toks[::-3] == RECORDS[::-3]
    assert toks == RECORDS and RECORDS == toks and toks != RECORDS[:-1]
    assert [TEXT[t.start:t.end] for t in toks if t.pos == "NOUN"] == ["Rescuers", "people", "quake"]
    with pytest.raises(IndexError):
        toks[len(RECORDS)]


def test_columns_share_label_strings_across_articles():
    a, b = Tokens(RECORDS), Tokens(Token(0, 4, "".join(["qua", "ke"]), "NOUN", "NN", "ROOT", 0)
                                   for _ in range(1))
    assert a.lemmas[-2] is b.lemmas[0]  # interned: one string for every article


def test_from_columns_checks_lengths():
    with pytest.raises(ValueError, match="unequal length"):
        Tokens.from_columns([0, 5], [4], ["a", "b"], ["X", "X"], ["X", "X"], ["d", "d"], [0, 0],
                            [0, 0])


def test_annotation_equal_and_hashed_alike_in_either_form():
    held = Annotation("a1", "en", tokens=RECORDS)
    loaded = Annotation("a1", "en", tokens=Tokens(RECORDS))
    assert isinstance(held.tokens, tuple) and isinstance(loaded.tokens, Tokens)
    assert held == loaded and hash(held) == hash(loaded)
    assert isinstance(Annotation("a1", "en", tokens=list(RECORDS)).tokens, Tokens)
    assert pickle.loads(pickle.dumps(loaded)) == held
    assert from_dict(Annotation, to_dict(loaded)) == held


def test_store_loads_columns_equal_to_the_annotation_written(tmp_path):
    article = Article(id="a1", text=TEXT, source="quake.txt")
    ann = Annotation("a1", "en", sentences=(Sentence(0, 48, 0, 10),), tokens=RECORDS)
    with Store(tmp_path / "c.db") as store:
        store.add_document(Document(article, ann))
    with Store(tmp_path / "c.db", readonly=True) as store:
        (doc,) = store.iter_documents()
    assert isinstance(doc.annotation.tokens, Tokens)
    assert doc.annotation == ann and tuple(doc.annotation.tokens) == RECORDS
