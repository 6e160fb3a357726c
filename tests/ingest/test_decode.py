"""One decoder for ingest and ``compare``: Unicode with and without BOM, legacy encodings guessed
with a warning naming them, rejection only for binary or undecidable bytes."""

import json
import random

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import InputError
from storyline.ingest import read_inputs
from storyline.ingest.decode import decode_bytes
from storyline.models import Article, Rejection

ENGLISH = (
    "The minister\u2019s \u201crescue plan\u201d for the caf\u00e9 sector was rejected on "
    "Tuesday \u2013 owners in M\u00fcnster and Orl\u00e9ans said it came too late, and that "
    "\u00a3200 or \u20ac250 a month would not keep their doors open."
)
GERMAN = ("Der B\u00fcrgermeister von K\u00f6ln sagte am Montag, die Stra\u00dfen\u00fcberf\u00fchrung "
          "werde erst im n\u00e4chsten Fr\u00fchjahr fertig. Gr\u00fc\u00dfe an alle Anwohner.")
POLISH = ("Prezydent miasta \u0141odzi powiedzia\u0142 w poniedzia\u0142ek, \u017ce budowa "
          "nowego mostu na rzece zako\u0144czy si\u0119 wiosn\u0105 przysz\u0142ego roku, "
          "a koszty wzros\u0142y o jedn\u0105 trzeci\u0105.")
RUSSIAN = ("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438"
           "\u0438 \u0437\u0430\u044f\u0432\u0438\u043b \u0432 \u0441\u0440\u0435\u0434\u0443, "
           "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
           "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f \u043d\u0430 "
           "\u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0435\u0439 \u043d\u0435\u0434\u0435\u043b"
           "\u0435 \u0432 \u041c\u043e\u0441\u043a\u0432\u0435.")


@pytest.mark.parametrize("text, encoding, name", [
    (ENGLISH, "cp1252", "windows-1252"),
    (GERMAN, "cp1252", "windows-1252"),
    (GERMAN, "latin-1", "windows-1252"),  # Latin-1 bytes are windows-1252 bytes for text
    (POLISH, "cp1250", "windows-1250"),
    (RUSSIAN * 3, "cp1251", "windows-1251"),
    (RUSSIAN * 3, "koi8-r", "koi8-r"),
])
def test_legacy_encodings_are_guessed_and_named(text, encoding, name):
    d = decode_bytes(text.encode(encoding), "f.txt")
    assert d.text == text
    assert d.encoding == name
    assert len(d.warnings) == 1 and d.warnings[0].code == "W107" and name in d.warnings[0].message


def test_one_smart_quote_in_short_english_is_windows_1252():
    # the detector alone says big5hkscs here
    d = decode_bytes("He said it\u2019s over.".encode("cp1252"), "f.txt")
    assert d.text == "He said it\u2019s over." and d.encoding == "windows-1252"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_unicode_with_and_without_bom_has_no_warning(encoding, bom):
    d = decode_bytes(bom + (ENGLISH + RUSSIAN).encode(encoding), "f.txt")
    assert d.text.lstrip("\ufeff") == ENGLISH + RUSSIAN
    assert d.warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN * 3, ENGLISH + "\n\n" + RUSSIAN])
def test_utf16_and_utf32_without_bom_are_recognised(text, encoding):
    d = decode_bytes(text.encode(encoding), "f.txt")
    assert d.text == text and d.encoding == encoding
    assert [w.code for w in d.warnings] == ["W107"] and "no byte-order mark" in d.warnings[0].message


def test_stray_control_bytes_are_text_not_binary(tmp_path):
    # a PDF-to-text conversion: U+2019 reduced to 0x19, a stray NUL, "\x01" for an accent
    raw = ("The novel\x19s main character, by Gre\x01goire Delacourt, was published by JC "
           "Latte\x00s in Paris, the author\x19s lawyer said on Tuesday. " * 4).encode("ascii")
    (tmp_path / "pdf.txt").write_bytes(raw)
    (art,) = list(read_inputs([str(tmp_path / "pdf.txt")]))
    assert isinstance(art, Article)
    assert "novels main character" in art.text and "\x00" not in art.text
    assert [w.code for w in art.warnings] == ["W103"]


def test_html_declared_charset_is_used():
    page = ("<html><head><meta charset=\"windows-1251\"></head><body><p>" + RUSSIAN
            + "</p></body></html>").encode("cp1251")
    d = decode_bytes(page, "p.html", html=True)
    assert RUSSIAN in d.text and d.encoding == "windows-1251" and d.warnings == ()


@pytest.mark.parametrize("data, code", [
    (b"\x00\x01\x02PK\x03\x04" * 100, "E102"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E102"),
    pytest.param(random.Random(3).randbytes(20000), "E102", id="random-bytes"),
    (b"   \n\n", "E101"),
    (b"\xff\xfe" + b"\x00\xd8", "E103"),  # UTF-16 BOM, then half a surrogate pair
])
def test_binary_empty_and_broken_are_rejected(data, code):
    with pytest.raises(InputError) as err:
        decode_bytes(data, "x.txt")
    assert err.value.code == code and err.value.source == "x.txt"


def test_mojibake_inside_utf8_is_repaired_as_before(tmp_path):
    broken = ENGLISH.encode("utf-8").decode("cp1252", "replace").replace("\ufffd", "")
    (tmp_path / "m.txt").write_text("Cafe owners speak out\n" + broken, encoding="utf-8")
    (art,) = list(read_inputs([str(tmp_path / "m.txt")]))
    assert "caf\u00e9 sector" in art.text and "M\u00fcnster" in art.text
    assert any(w.code == "W103" for w in art.warnings)
    assert not any(w.code == "W107" for w in art.warnings)


def test_ingest_reads_a_windows_1252_folder_without_rejection(tmp_path):
    for n, (text, enc) in enumerate([(ENGLISH, "cp1252"), (GERMAN, "latin-1"),
                                     (POLISH, "cp1250"), (ENGLISH, "utf-8")]):
        (tmp_path / f"{n}.txt").write_bytes((f"Headline number {n}\n" + text).encode(enc))
    found = list(read_inputs([str(tmp_path)]))
    assert not [x for x in found if isinstance(x, Rejection)]
    assert [a.text for a in found if isinstance(a, Article)] == [ENGLISH, GERMAN, POLISH, ENGLISH]


def test_compare_decodes_as_ingest_does(tmp_path):
    text = ENGLISH + "\n" + ENGLISH.replace("Tuesday", "Wednesday").replace("minister", "mayor")
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-8"))
    res = CliRunner().invoke(cli, ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                   "--json", "--set", "reuse.semantic=off"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["kind"] == "verbatim" and data["coverage_a"] == 1.0
    assert data["warnings_a"][0]["code"] == "W107" and data["warnings_b"] == []
    (art,) = list(read_inputs([str(tmp_path / "a.txt")]))
    assert art.text == text
    assert data["passages"] and all(text[p["a_span"][0]:p["a_span"][1]] == p["a_text"]
                                   for p in data["passages"])
