"""Property tests (Hypothesis) over every reader and the claim extractors, with hostile values:
arbitrary Unicode (lone surrogates, controls, right-to-left and combining marks), huge lines and
numbers, wrong JSON types, broken and nested HTML, truncated or damaged gzip and WARC data.

Invariants: no exception escapes a reader (each input becomes articles or rejections); what a
reader keeps can be stored and written as strict JSON; every claim's span lies inside its article
and slices out the claimed text; a report built from the claims validates against the schema.
The budget is bounded (``max_examples``, no deadline) so the whole file runs in about a minute.
"""

from __future__ import annotations

import gzip
import json
import math

import jsonschema
import pytest
from hostile_inputs import warc_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.annotate import AnnotateSettings, annotate
from storyline.claims import ClaimsSettings, extract_claims
from storyline.ingest import read_inputs
from storyline.ingest.settings import IngestSettings
from storyline.models import Article, Document, Rejection, content_id
from storyline.report.build import build_report, load_schema
from storyline.serialize import to_dict
from storyline.settings import Settings
from storyline.store import Store

BOUNDED = settings(max_examples=60, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text with the characters hostile feeds bring: controls, bidi marks, combining marks, lone
# surrogates, quote marks of several scripts, digits and number words.
HOSTILE_CHARS = st.sampled_from(
    list("\x00\x07\x1b\r\n\t\u200b\u200f\u202e\u2066\u0301\u0308\ufeff\ufffd\ud800\udfff")
    + list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u300c\u300d")
    + ["\u0627\u0644\u062e\u0628\u0631", "\u05e9\u05dc\u05d5\u05dd", "e\u0301", "1,000", "4.5%",
       "$3bn", "Tuesday", "March 3", " said ", " officials ", ". ", "\u2026"]
)
TEXT = st.lists(st.one_of(st.characters(), HOSTILE_CHARS), max_size=120).map("".join)
NEWS = st.lists(st.one_of(HOSTILE_CHARS, st.sampled_from([
    "The fire injured 12 people on Tuesday, officials said.",
    "\u201cWe will rebuild,\u201d the mayor said.",
    "About 3,000 workers were evacuated last week.",
    "Police said two men were arrested on March 3, 2025.",
]), st.text(max_size=40)), max_size=30).map("".join)

JSON_SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**40, max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True), TEXT,
)
JSON = st.recursive(JSON_SCALAR, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(TEXT, kids, max_size=4)), max_leaves=20)
FIELDS = ("id", "text", "html", "title", "url", "outlet", "published", "language", "x")
RECORD = st.dictionaries(st.sampled_from(FIELDS) | TEXT, JSON | NEWS, max_size=8)


def _check_items(items: list) -> None:
    """Only articles and rejections; each article's fields store and serialise strictly."""
    assert all(isinstance(x, (Article, Rejection)) for x in items)
    for x in items:
        if isinstance(x, Article):
            json.dumps(to_dict(x), allow_nan=False, ensure_ascii=False).encode("utf-8")
            assert x.text
        else:
            assert x.code.startswith("E1") and x.reason


def _deep(n: int) -> str:
    return '{"text": "Fire crews said.", "x": ' + "[" * n + "]" * n + "}"


@BOUNDED
@given(records=st.lists(RECORD, max_size=5), junk=st.lists(st.binary(max_size=80), max_size=3),
       depth=st.integers(0, 3000))
def test_jsonl_reader_never_raises(tmp_path_factory, records, junk, depth):
    path = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    lines = [json.dumps(r, ensure_ascii=True).encode() for r in records]  # NaN written as NaN
    lines += [j.replace(b"\n", b" ") for j in junk] + [_deep(depth).encode()]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_inputs([str(path)], IngestSettings()))
    _check_items(items)
    with Store(":memory:") as store:  # what was kept can be written to a store
        store.add_rejections([x for x in items if isinstance(x, Rejection)])


@BOUNDED
@given(data=st.binary(max_size=3000), text=TEXT, suffix=st.sampled_from(
    [".txt", ".md", ".html", ".json", ".jsonl", ".warc", ".warc.gz"]))
def test_file_readers_never_raise(tmp_path_factory, data, text, suffix):
    folder = tmp_path_factory.mktemp("files")
    (folder / f"bytes{suffix}").write_bytes(data)
    (folder / f"text{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
    _check_items(list(read_inputs([str(folder)], IngestSettings())))


TAGS = st.sampled_from(["p", "div", "article", "main", "script", "style", "table", "td", "h1",
                        "span", "a", "iframe", "svg", "noscript", "body", "html", "meta"])


@st.composite
def html_pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(TAGS)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} class='x'",
                                           "<!--", "-->", "<![CDATA[", "&#0;", "&amp", "&#x110000;"])))
        parts.append(draw(NEWS))
    if draw(st.booleans()):
        parts.insert(0, "<div>" * draw(st.integers(0, 600)))
    return "".join(parts)


@BOUNDED
@given(page=html_pages())
def test_html_reader_never_raises(tmp_path_factory, page):
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(page, encoding="utf-8", errors="surrogatepass")
    _check_items(list(read_inputs([str(path)], IngestSettings())))


@BOUNDED
@given(cut=st.integers(0, 4000), flips=st.lists(st.tuples(st.integers(0, 4000),
                                                          st.integers(1, 255)), max_size=4),
       gz=st.booleans())
def test_warc_reader_on_truncated_and_damaged_archives(tmp_path_factory, cut, flips, gz):
    data = bytearray(warc_bytes(3, gz=gz))
    for at, mask in flips:
        if at < len(data):
            data[at] ^= mask
    path = tmp_path_factory.mktemp("warc") / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(bytes(data[: min(cut, len(data))] if cut < len(data) else data))
    items = list(read_inputs([str(path)], IngestSettings()))
    _check_items(items)
    for x in items:
        if isinstance(x, Rejection):
            assert x.reason.isprintable()


def test_gzip_of_nothing_and_gzip_of_junk(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"\x00\xff" * 5000))
    items = list(read_inputs([str(tmp_path)], IngestSettings()))
    _check_items(items)
    assert [x.code for x in items if isinstance(x, Rejection)] == ["E107"]


@pytest.fixture(scope="module")
def schema():
    return load_schema()


@BOUNDED
@given(text=NEWS, published=st.sampled_from([None, "2025-03-04", "0001-01-01", "9999-12-31"]))
def test_claim_spans_slice_out_their_text_and_the_report_validates(nlp, schema, text,
                                                                    published):
    if not text.strip():
        return
    text = text.encode("utf-8", "replace").decode("utf-8")  # articles never hold surrogates
    article = Article(id=content_id(text), text=text, source="prop.txt", published=published)
    (annotation,) = annotate([article], AnnotateSettings(), nlp)
    doc = Document(article, annotation)
    claims = extract_claims(doc, ClaimsSettings())
    for c in claims:
        start, end = c.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == c.text, (c.kind, c.span, c.text)
        if c.sentence_span:
            assert 0 <= c.sentence_span[0] <= start and end <= c.sentence_span[1] <= len(text)
        assert c.value is None or math.isfinite(c.value)
    data = build_report([doc], {"claims": claims}, Settings()).to_dict()
    jsonschema.validate(data, schema)
    json.dumps(data, allow_nan=False)
