"""Resource limits: the cross-check's work budget per article (an article repeating one sentence
is cut, named, and the run goes on), and one article that breaks a stage does not stop the run."""

from __future__ import annotations

import logging

import pytest

from storyline.crosscheck import CheckSettings, cross_check, within_budget
from storyline.models import Article, Claim, Document, content_id
from storyline.pipeline import Context, _run_claims
from storyline.settings import Settings


def _doc(text: str, source: str) -> Document:
    from storyline.models import Annotation

    article = Article(id=content_id(text), text=text, source=source)
    return Document(article, Annotation(article_id=article.id, pipeline="none", language="en",
                                        sentences=(), tokens=(), mentions=()))


SENTENCE = "Officials said 12 workers were hurt in the fire. "


def _figures(doc: Document, n: int) -> list[Claim]:
    out = []
    for i in range(n):
        start = i * len(SENTENCE) + len("Officials said ")
        out.append(Claim(id=f"{doc.id}-{i}", article_id=doc.id, kind="quantity", text="12",
                         span=(start, start + 2), value=12.0, noun="worker", aspect="total",
                         sentence_span=(i * len(SENTENCE), (i + 1) * len(SENTENCE) - 1)))
    return out


def test_within_budget_keeps_the_first_claims_of_an_oversized_article(caplog):
    big, small = _doc(SENTENCE * 50, "repeat.txt"), _doc(SENTENCE, "small.txt")
    claims = _figures(big, 50) + _figures(small, 1)
    with caplog.at_level(logging.WARNING, logger="storyline"):
        kept = within_budget(claims, [big, small], CheckSettings(max_claims_per_article=10))
    assert [c.id for c in kept if c.article_id == big.id] == [f"{big.id}-{i}" for i in range(10)]
    assert any(c.article_id == small.id for c in kept)
    assert "W110 repeat.txt: 50 quantity claims, only the first 10 cross-checked" in caplog.text


def test_cross_check_of_a_repeated_sentence_stays_within_budget():
    big, small = _doc(SENTENCE * 400, "repeat.txt"), _doc(SENTENCE, "small.txt")
    claims = _figures(big, 400) + _figures(small, 1)
    checks = cross_check(claims, [big, small], (), (), (), CheckSettings(max_claims_per_article=25))
    checked = {cid for ch in checks for cid in ch.claim_ids}
    assert f"{small.id}-0" in checked
    assert len([c for c in checked if c.startswith(big.id)]) <= 25


def test_an_article_that_breaks_the_claims_stage_is_named_and_the_run_goes_on(
        monkeypatch, caplog, make_doc):
    good = make_doc("The fire injured 12 people on Tuesday, officials said.", source="good.txt")
    bad = make_doc("A text that trips a defect in an extractor, officials said.", source="bad.txt")
    import storyline.claims as claims_mod

    real = claims_mod.extract_claims

    def extract(doc, settings):
        if doc.article.source == "bad.txt":
            raise IndexError("string index out of range")
        return real(doc, settings)

    monkeypatch.setattr(claims_mod, "extract_claims", extract)
    ctx = Context(settings=Settings(), store=None)
    with caplog.at_level(logging.WARNING, logger="storyline"):
        out = _run_claims(ctx, {"docs": [bad, good]})
    assert out["claims"] and {c.article_id for c in out["claims"]} == {good.id}
    assert "W110 bad.txt: claims not extracted: IndexError" in caplog.text


@pytest.mark.parametrize("cap", [0, 10**7])
def test_budget_setting_is_range_checked(cap):
    with pytest.raises(ValueError):
        CheckSettings(max_claims_per_article=cap)


def test_a_run_of_bare_quote_marks_is_one_token_not_quadratic_affix_splitting(nlp):
    from storyline.annotate import AnnotateSettings, annotate

    text = "Quotes\n\n" + '"' * 20_000
    article = Article(id=content_id(text), text=text, source="quotes.txt")
    (ann,) = annotate([article], AnnotateSettings(), nlp)
    assert ann.tokens[-1].start == len("Quotes\n\n") and ann.tokens[-1].end == len(text)


def test_ordinary_text_tokenizes_as_before(nlp):
    import spacy

    from storyline.annotate.model import find_model

    plain = spacy.load(find_model(""), disable=["parser", "ner", "tagger", "lemmatizer"])
    text = ("\u201cWe will rebuild,\u201d the mayor said (of the 1,200 homes) at "
            "https://portville.example/news/fire?id=12. It's 4.5% up; U.S.-based crews left.")
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
