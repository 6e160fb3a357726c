import pytest

from storyline.annotate import AnnotateSettings, annotate, detect_language, find_model
from storyline.errors import ModelError
from storyline.models import Article


def _article(text, **kw):
    return Article(id=str(abs(hash(text))), text=text, source="t.txt", **kw)


def test_spans_point_into_text(make_doc):
    doc = make_doc(
        "Russian President Vladimir Putin sent a message to Kim Jong Un on December 25. "
        "\u201cIt is a precious asset,\u201d Kim said, according to KCNA."
    )
    text = doc.text
    ann = doc.annotation
    assert len(ann.sentences) == 2
    assert text[ann.sentences[1].start : ann.sentences[1].end].startswith("\u201cIt is")
    labels = {(m.label, text[m.start : m.end]) for m in ann.mentions}
    assert ("PERSON", "Vladimir Putin") in labels
    assert any(t == "December 25" for lab, t in labels if lab == "DATE")
    for tok in ann.tokens:
        assert text[tok.start : tok.end].strip() == text[tok.start : tok.end]
        assert 0 <= tok.head < len(ann.tokens)
    verbs = [t for t in ann.tokens if text[t.start : t.end] == "sent"]
    assert verbs and verbs[0].lemma == "send" and verbs[0].pos == "VERB"


def test_non_english_is_kept_and_flagged(nlp):
    german = _article(
        "Der russische Präsident hat am Montag eine Botschaft an den nordkoreanischen "
        "Machthaber geschickt, teilte die staatliche Nachrichtenagentur mit."
    )
    english = _article("The mayor said on Monday that the harbour would reopen next week.")
    anns = list(annotate([german, english], AnnotateSettings(), nlp))
    assert [a.article_id for a in anns] == [german.id, english.id]
    assert anns[0].language == "de" and anns[0].tokens == ()
    assert anns[0].warnings and anns[0].warnings[0].code == "W101"
    assert anns[1].language == "en" and anns[1].tokens


def test_declared_language_wins(nlp):
    art = _article("The mayor said on Monday that the harbour would reopen.", language="fr")
    (ann,) = annotate([art], AnnotateSettings(), nlp)
    assert ann.language == "fr" and ann.tokens == ()


def test_too_short_to_guess_is_analysed_with_warning(nlp):
    (ann,) = annotate([_article("Fire at port.")], AnnotateSettings(), nlp)
    assert ann.tokens and ann.warnings[0].code == "W102"


def test_long_text_is_truncated_with_warning(nlp):
    text = "The harbour fire spread to three warehouses on the east quay. " * 40
    (ann,) = annotate([_article(text)], AnnotateSettings(max_chars=1000), nlp)
    assert ann.tokens[-1].end <= 1000
    assert any(w.code == "W104" for w in ann.warnings)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The prime minister said the talks would resume in Geneva next week.", "en"),
        ("Le président a déclaré que les négociations reprendraient la semaine prochaine.", "fr"),
        ("El presidente dijo que las negociaciones se reanudarán la próxima semana en Ginebra.", "es"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text)[0] == expected


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError) as err:
        find_model("en_core_web_nonexistent")
    assert "E300" in str(err.value) and "en_core_web_nonexistent" in str(err.value)


@pytest.mark.parametrize(
    "text, first_sentence_end",
    [
        # a closing quote at the end of a paragraph: the small parser ran it into the next one
        ("\u201cNo trader will be left on their own.\u201d\n\nAbout 60 firefighters fought the "
         "blaze for more than six hours.", "their own.\u201d"),
        ('"We will rebuild," she said\n\nTwelve people were injured.', "she said"),
    ],
)
def test_a_blank_line_ends_a_sentence(make_doc, text, first_sentence_end):
    doc = make_doc(text)
    sents = [text[s.start:s.end] for s in doc.annotation.sentences]
    assert sents[0].endswith(first_sentence_end)
    assert len(sents) == 2


def test_pipeline_id_names_the_paragraph_rule(nlp):
    from storyline.annotate.model import pipeline_id

    assert pipeline_id(nlp).endswith("+paragraphs")
