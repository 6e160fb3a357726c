"""Every input kind and every bad input: a clear rejection naming the input, the rest goes on."""

import gzip
import io
import json

import pytest

from storyline.ingest import read_inputs
from storyline.ingest.settings import IngestSettings
from storyline.models import Article, Rejection

GOOD = (
    "Harbour fire contained\n"
    "Fire crews contained a blaze at the Portville container terminal on Saturday, the port "
    "authority said. About 120 workers were evacuated from the east quay.\n"
)

PAGE = """<!doctype html><html><head><title>Fire at the port</title>
<meta property="og:site_name" content="Coastwatch Daily">
<link rel="canonical" href="https://coastwatch.example/news/port-fire">
<meta property="article:published_time" content="2025-03-04T08:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Fire at the port</h1>
<p>Fire crews fought a blaze at the harbour on Saturday, the port authority said. About 120 workers
were evacuated from the east quay as smoke spread across the terminal and nearby streets.</p>
<p>\u201cWe will not reopen the east quay until every container has been inspected,\u201d Harbour
Master Elena Varga told reporters on Sunday.</p></article>
<footer>Subscribe to our newsletter. \u00a9 2025 Coastwatch Daily</footer></body></html>"""


def items(paths, **kw):
    return list(read_inputs([str(p) for p in paths], IngestSettings(**kw)))


def only(kind, found):
    return [x for x in found if isinstance(x, kind)]


def test_txt_headline_becomes_title(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (art,) = items([tmp_path / "a.txt"])
    assert art.title == "Harbour fire contained"
    assert art.text.startswith("Fire crews contained")
    assert art.source.endswith("a.txt")


def test_md_heading_marker_dropped(tmp_path):
    (tmp_path / "a.md").write_text("# " + GOOD, encoding="utf-8")
    (art,) = items([tmp_path / "a.md"])
    assert art.title == "Harbour fire contained"


def test_html_page(tmp_path):
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    (art,) = items([tmp_path / "p.html"])
    assert art.title == "Fire at the port"
    assert art.outlet == "Coastwatch Daily"
    assert art.url == "https://coastwatch.example/news/port-fire"
    assert art.published == "2025-03-04T08:30:00+00:00"  # the full timestamp of the metadata
    assert "Subscribe" not in art.text and "Sport" not in art.text
    assert "\u201cWe will not reopen" in art.text  # curly quotes kept


def test_jsonl_records_and_metadata(tmp_path):
    recs = [
        {"id": "bh-1", "text": GOOD, "outlet": "Bayside Herald", "published": "2025-03-03T14:00:00Z",
         "url": "https://bayside.example/fire", "section": "Local"},
        {"id": "bh-2", "html": PAGE, "outlet": "Bayside Herald"},
    ]
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    a, b = items([f])
    assert a.external_id == "bh-1" and a.outlet == "Bayside Herald"
    assert a.published == "2025-03-03T14:00:00Z" and a.metadata == {"section": "Local"}
    assert a.source == f"{f}:1" and b.source == f"{f}:2"
    assert b.title == "Fire at the port" and b.url == "https://coastwatch.example/news/port-fire"


def test_json_list(tmp_path):
    f = tmp_path / "batch.json"
    f.write_text(json.dumps([{"text": GOOD}, {"text": "The ferry resumed service on Monday."}]))
    found = items([f])
    assert [x.source for x in found] == [f"{f}#1", f"{f}#2"]


def test_invalid_published_is_dropped_with_warning(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": GOOD, "published": "last Tuesday"}) + "\n")
    (art,) = items([f])
    assert art.published is None and art.warnings[0].code == "W106"


def test_stdin():
    stream = io.BytesIO((json.dumps({"id": "s1", "text": GOOD}) + "\n").encode())
    (art,) = list(read_inputs(["-"], IngestSettings(), stdin=stream))
    assert art.source == "<stdin>:1" and art.external_id == "s1"


def _warc(path, pages, gz=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    opener = gzip.open if gz else open
    with opener(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                            http_headers=headers)
            writer.write_record(rec)


@pytest.mark.parametrize("gz", [False, True])
def test_warc(tmp_path, gz):
    f = tmp_path / ("a.warc.gz" if gz else "a.warc")
    _warc(f, [("https://coastwatch.example/news/port-fire", PAGE)], gz=gz)
    (art,) = items([f])
    assert art.title == "Fire at the port" and art.source == f"{f}#1"


def test_identity_ignores_whitespace_and_line_endings(tmp_path):
    (tmp_path / "a.txt").write_text("The port reopened on Monday.\n\n\n\nShips queued.  \n")
    (tmp_path / "b.txt").write_bytes(b"The port reopened on Monday.\r\n\r\nShips queued.\r\n")
    a, b = items([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert a.id == b.id and a.text == "The port reopened on Monday.\n\nShips queued."


def test_mojibake_repaired_with_warning_quotes_kept(tmp_path):
    (tmp_path / "m.txt").write_text("The caf\u00c3\u00a9 owner said \u201cwe\u2019re fine\u201d and 'ok'.")
    (art,) = items([tmp_path / "m.txt"])
    assert "caf\u00e9" in art.text and "\u201cwe\u2019re fine\u201d" in art.text and "'ok'" in art.text
    assert art.warnings and art.warnings[0].code == "W103"


def test_directory_is_recursive_sorted_and_skips_docs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story text about the ferry strike.")
    (tmp_path / "one.txt").write_text("First story text about the harbour fire.")
    (tmp_path / "README.md").write_text("This folder holds my articles.")
    (tmp_path / ".hidden.txt").write_text("hidden text")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    found = items([tmp_path])
    assert [x.source.rsplit("/", 1)[-1] for x in found] == ["two.txt", "one.txt"]


# ------------------------------------------------------------------------ bad inputs


def test_missing_file(tmp_path):
    (r,) = items([tmp_path / "nope.txt"])
    assert isinstance(r, Rejection) and r.code == "E100" and r.source.endswith("nope.txt")


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_text("  \n\n ")
    (r,) = items([tmp_path / "e.txt"])
    assert r.code == "E101"


def test_binary_file(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (r,) = items([tmp_path / "x.txt"])
    assert r.code == "E102"


def test_legacy_bytes_are_decoded_with_a_warning(tmp_path):
    (tmp_path / "l.txt").write_bytes("Caf\u00e9 owners in M\u00fcnster".encode("latin-1"))
    (art,) = items([tmp_path / "l.txt"])
    assert art.text == "Caf\u00e9 owners in M\u00fcnster"
    assert any(w.code == "W107" and "windows-1252" in w.message for w in art.warnings)


def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u.txt").write_bytes("The harbour reopened on Monday.".encode("utf-16"))
    (art,) = items([tmp_path / "u.txt"])
    assert art.text == "The harbour reopened on Monday."


def test_oversized(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD * 10)
    (tmp_path / "ok.txt").write_text("Short text about the harbour.")
    big, ok = items([tmp_path / "big.txt", tmp_path / "ok.txt"], max_bytes=200)
    assert big.code == "E104" and "ingest.max_bytes=200" in big.reason
    assert isinstance(ok, Article)


def test_broken_jsonl_line_between_good_ones(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": GOOD}) + "\n{\"text\": broken\n"
                 + json.dumps({"text": "Ferry strike ends after talks, union says."}) + "\n")
    a, bad, c = items([f])
    assert isinstance(a, Article) and isinstance(c, Article)
    assert bad.code == "E105" and bad.source == f"{f}:2"


@pytest.mark.parametrize(
    "record, code",
    [({"title": "no text"}, "E106"), ({"text": 42}, "E106"), (["a", "list"], "E105")],
)
def test_bad_records(tmp_path, record, code):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps(record) + "\n")
    (r,) = items([f])
    assert r.code == code and r.source == f"{f}:1"


def test_broken_warc_record_after_good_one(tmp_path):
    f = tmp_path / "crawl.warc"
    _warc(f, [("https://coastwatch.example/a", PAGE)])
    with open(f, "ab") as fh:
        fh.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ngarbage")
    found = items([f])
    assert isinstance(found[0], Article)
    assert found[-1].code == "E107" and "#" in found[-1].source


def test_truncated_warc_gz(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [("https://coastwatch.example/a", PAGE), ("https://coastwatch.example/b", PAGE)],
          gz=True)
    data = f.read_bytes()
    f.write_bytes(data[: len(data) * 2 // 3])
    found = items([f])
    assert found and found[-1].code == "E107"


def test_html_without_main_text(tmp_path):
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (r,) = items([tmp_path / "nav.html"])
    assert r.code == "E108" and r.source.endswith("nav.html")


def test_unsupported_extension_named_explicitly(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    (r,) = items([tmp_path / "doc.pdf"])
    assert r.code == "E109"


def test_seeds_titles(seeds_dir):
    found = items([seeds_dir])
    assert len(found) == 5 and all(isinstance(a, Article) for a in found)
    titles = [a.title for a in found]
    assert titles[0] is None and titles[2] is None
    assert titles[3] == "Did North Korea's Kim Jong-un Just Strengthen Ties with Putin?"
    assert titles[4].startswith("Putin\u2019s New Year Message")


def test_absurdly_nested_json_is_rejected_not_fatal(tmp_path):
    """A record nested deeper than the JSON reader can go (a hostile feed) is one rejection; the
    line after it and a .json document beside it are still read or rejected on their own."""
    deep = "[" * 100_000 + "]" * 100_000
    f = tmp_path / "feed.jsonl"
    f.write_text('{"text": "x", "extra": ' + deep + "}\n" + json.dumps({"text": GOOD}) + "\n")
    doc = tmp_path / "one.json"
    doc.write_text(deep)
    bad_line, good, bad_doc = items([f, doc])
    assert bad_line.code == "E105" and bad_line.source == f"{f}:1"
    assert "nested too deeply" in bad_line.reason
    assert isinstance(good, Article)
    assert bad_doc.code == "E105" and bad_doc.source == str(doc)
