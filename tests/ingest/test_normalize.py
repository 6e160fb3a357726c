import pytest

from storyline.ingest.normalize import article_id, normalize_text
from storyline.ingest.settings import IngestSettings
from storyline.ingest.text import looks_like_headline


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said \u201cno\u201d.", "He said \u201cno\u201d."),
        ("Russia\u2019s and Russia's", "Russia\u2019s and Russia's"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("  lead  \n\n\n\nnext\t\tpara  ", "lead\n\nnext para"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFC
        ("zero\x00width\x07bell", "zerowidthbell"),
    ],
)
def test_normalize(text, expected):
    assert normalize_text(text)[0] == expected


def test_identity_is_stable():
    assert article_id("abc") == article_id(normalize_text(" abc \n")[0])
    assert article_id("abc") != article_id("abd")
    assert len(article_id("abc")) == 16


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Harbour fire contained", True),
        ("Did North Korea's Kim Jong-un Just Strengthen Ties with Putin?", True),
        ("Fire at port: 120 evacuated", True),
        ("Fire crews contained a blaze at the harbour on Saturday.", False),
        ("Synopsis:", False),
        ("x" * 250, False),
        ("", False),
    ],
)
def test_headline_rule(line, expected):
    assert looks_like_headline(line, IngestSettings()) is expected
