"""Plain-text layout: hard-wrapped paragraphs joined, blocks kept, and every span of the report
pointing at the exact characters of the stored (unwrapped) text."""

import json
import textwrap

import pytest
from rapidfuzz.fuzz import ratio

from storyline import analyze
from storyline.ingest import read_inputs
from storyline.ingest.layout import join_broken_lines, unwrap
from storyline.models import Article
from storyline.reuse.text import norm_sentence
from storyline.settings import Settings

from ..conftest import ECB_DIR


def _read(path):
    (art,) = list(read_inputs([str(path)]))
    assert isinstance(art, Article), art
    return art


def _wrap(text: str, width: int, sep: str = "\n\n") -> str:
    return sep.join(textwrap.fill(p, width) for p in text.split("\n"))


@pytest.mark.parametrize("width", [64, 72, 80])
def test_wrapped_seed_reads_as_the_original(tmp_path, seeds_dir, width):
    for seed in sorted(seeds_dir.glob("*.txt")):
        original = _read(seed)
        body = "\n".join(p for p in original.text.split("\n") if p.strip())
        wrapped = (original.title or "") + "\r\n\r\n" + _wrap(body, width, "\r\n\r\n")
        (tmp_path / seed.name).write_bytes(wrapped.encode("utf-8"))
        art = _read(tmp_path / seed.name)
        paragraphs = [p for p in original.text.split("\n") if p.strip()]
        assert art.text == "\n\n".join(paragraphs)
        assert any(w.code == "W108" for w in art.warnings)
        assert art.title == original.title


def test_unwrapped_news_is_left_alone(seeds_dir):
    for seed in sorted(seeds_dir.glob("*.txt")):
        assert not any(w.code == "W108" for w in _read(seed).warnings)
    if not (ECB_DIR / "articles.jsonl").is_file():
        pytest.skip("ECB+ dev articles not found")
    texts = [json.loads(line)["text"] for line in (ECB_DIR / "articles.jsonl").open()]
    assert [t for t in texts if unwrap(t)[1] is not None] == []
    # the broken-line rule joins only sentences broken in the original (4 of 462, each read)
    changed = [t for t in texts if join_broken_lines(t)[1]]
    assert len(changed) <= 4


WIRE = """\
PORTVILLE HARBOUR FIRE CONTAINED

PORTVILLE, March 4 (Northwire) -

    Fire crews contained a blaze at the Portville container terminal on
Saturday, the port authority said, after more than six hours in which
smoke drifted over the old town and the east quay was closed to all
traffic.
    About 120 workers were evacuated from the east quay. The harbour
master said inspections would take several days and that the quay
would reopen only when every container had been checked by the safety
inspec\u00adtors.

Containers inspected so far:
- 40 on the east quay
- 12 on the north pier

Quay        Containers   Status
East        40           inspected
North       12           open
\f
Page 2: The port's operator, Harbour Lines, said the fire had started in a
refrigerated container and that no hazardous goods had been stored in
the hall.\u00a0 Operations on the west quay continued as normal through
the weekend, it added.
"""


@pytest.mark.parametrize("text, expected", [
    # a PDF copy: one break inside a long sentence
    ("Tourists were recently assured by the Mayor that the city\u2019s marijuana-selling coffee"
     "\nshops would stay open despite a new national law.",
     "Tourists were recently assured by the Mayor that the city\u2019s marijuana-selling coffee "
     "shops would stay open despite a new national law."),
    # a short line that stops in clause punctuation goes on too
    ("Children will do what they want as teenagers;\nwe parents try our best.",
     "Children will do what they want as teenagers; we parents try our best."),
    # headlines keep their line, in sentence case or Title Case
    ("Jury finds suspect in Troy office shooting guilty\non April 30, 2008 at 4:31 AM",) * 2,
    ("Fired Accountant Goes On A Shooting Spree At The Office Today\nafter he was fired",) * 2,
    # a line that ends a sentence, a list, a short byline, an upper-case start: kept
    ("The council met on Tuesday to discuss the plan.\nit was the first meeting.",) * 2,
    ("Residents were asked to bring the following documents to the hall\n- a passport",) * 2,
    ("By Anna Lee\nand Tom Berg",) * 2,
    ("The minister said on Tuesday that the new rules would apply to\nPortville and "
     "Eastham.",) * 2,
])
def test_broken_lines_are_joined_and_blocks_kept(text, expected):
    assert join_broken_lines(text)[0] == expected


def test_pdf_text_in_a_proportional_font_is_unwrapped(tmp_path):
    """Lines broken by rendered width, not characters (copied from a PDF): a line of narrow
    letters ends with room for the next word, and some paragraphs are one long line."""
    long_para = ("Brazil and Peru have lodged objections to a bid made by the US e-commerce giant "
                 "for a prime new piece of cyberspace, and the South American governments say "
                 "the name denotes a region that spans their territories.")
    pdf = ("These questions have risen to the fore in an\narcane, but hugely important, debate "
           "about how\nto redraw the boundaries of the internet. Brazil\nand Peru have lodged "
           "objections to a bid made\nby the US e-commerce giant for a prime new\npiece of "
           "cyberspace.\n\n" + long_para.replace(" new piece", "\nnew piece") + "\n\nUntil now, the "
           "differences between commercial,\ngovernmental and other types of identity were\n"
           "easily distinguished in every internet address\nby the categories in use.")
    (tmp_path / "p.txt").write_bytes(pdf.encode("cp1252"))
    art = _read(tmp_path / "p.txt")
    assert art.text.split("\n\n") == [
        "These questions have risen to the fore in an arcane, but hugely important, debate about "
        "how to redraw the boundaries of the internet. Brazil and Peru have lodged objections to "
        "a bid made by the US e-commerce giant for a prime new piece of cyberspace.",
        long_para,
        "Until now, the differences between commercial, governmental and other types of identity "
        "were easily distinguished in every internet address by the categories in use."]
    assert "W108" in {w.code for w in art.warnings}


def test_blocks_are_kept_and_paragraphs_joined(tmp_path):
    (tmp_path / "w.txt").write_bytes(WIRE.replace("\n", "\r\n").encode("cp1252"))
    art = _read(tmp_path / "w.txt")
    assert art.title == "PORTVILLE HARBOUR FIRE CONTAINED"
    lines = art.text.split("\n")
    assert lines[0] == "PORTVILLE, March 4 (Northwire) -"  # dateline line not joined
    assert lines[2].startswith("Fire crews contained") and lines[2].endswith(
        "closed to all traffic.")  # indented paragraph start, joined
    assert lines[3].startswith("About 120 workers") and lines[3].endswith(
        "checked by the safety inspectors.")  # soft hyphen at a break dropped
    assert "- 40 on the east quay\n- 12 on the north pier" in art.text
    assert "East 40 inspected\nNorth 12 open" in art.text  # table rows stay rows
    assert ("Page 2: The port's operator, Harbour Lines, said the fire had started in a "
            "refrigerated container") in art.text  # form feed: a paragraph break
    assert "\f" not in art.text and "\u00ad" not in art.text and "\r" not in art.text
    assert {w.code for w in art.warnings} == {"W107", "W108"}


def test_spans_in_the_report_point_at_the_stored_text(tmp_path, seeds_dir):
    """A hard-wrapped copy of a seed and a lightly edited one-line-per-paragraph copy: linked,
    and every span of the report (reuse passages, claims, sentences) slices the stored text."""
    seed = _read(min(seeds_dir.glob("*.txt")))
    (tmp_path / "wrapped.txt").write_text(
        "Putin thanks Kim\n\n" + _wrap(seed.text, 70), encoding="utf-8")
    edited = seed.text.replace("Russian President Vladimir Putin", "President Putin")
    (tmp_path / "edited.txt").write_text("Putin and Kim\n" + edited, encoding="utf-8")
    report = analyze([tmp_path / "wrapped.txt", tmp_path / "edited.txt"], Settings()).to_dict()
    texts = {a["id"]: a["text"] for a in report["articles"]}
    assert len(texts) == 2 and not report["rejected"]
    (link,) = report["reuse"]
    assert link["kind"] in ("verbatim", "near_verbatim")
    assert min(link["coverage_source"], link["coverage_target"]) > 0.9
    src, tgt = texts[link["source_id"]], texts[link["target_id"]]
    for p in link["passages"]:
        a = src[p["source_span"][0]:p["source_span"][1]]
        b = tgt[p["target_span"][0]:p["target_span"][1]]
        assert a and b and a == a.strip() and b == b.strip()
        # the same passage in both stored texts, whatever their line layout was
        assert ratio(norm_sentence(a), norm_sentence(b)) >= 90
    for claim in report["claims"]:
        s, e = claim["span"]
        assert texts[claim["article_id"]][s:e] == claim["text"]
    for art in report["articles"]:
        for s, e in art.get("sentences", []):
            assert art["text"][s:e].strip() == art["text"][s:e]
