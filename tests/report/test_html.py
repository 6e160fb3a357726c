"""report.html of hand-built reports: content, order, escaping, graceful with missing stages."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser

import pytest

from storyline.report.diff import diff_segments
from storyline.report.html import render_html
from storyline.report.settings import ReportSettings
from storyline.report.view import safe_url


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    return p


def test_every_article_with_metadata_and_entities(report_dict):
    html = render_html(report_dict)
    for a in report_dict["articles"]:
        assert f'id="art-{a["id"]}"' in html
        if a["title"]:
            assert a["title"] in html
    assert "Fishermen watch market burn" in html
    assert "published date from file metadata" in html  # warnings
    # entities grouped for a reader; the parser's labels are not shown on article cards
    assert "PERSON" not in html and "CARDINAL" not in html and 'class="ents' not in html
    assert ">People <" in html and ">Organisations <" in html and ">Places <" in html
    assert "<b>Ilse Varga</b>" in html
    assert "Varga \u00b7 I. Varga \u00b7 Mayor Varga" in html  # entity aliases
    assert "broken.jsonl:3" in html and "E203" in html  # rejected inputs


def test_self_contained_no_external_requests(report_dict):
    p = parse(render_html(report_dict))
    for tag, attrs in p.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed")
        if tag == "script":
            assert "src" not in attrs
    csp = next(a["content"] for t, a in p.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


@pytest.mark.parametrize("url, link", [
    ("https://northwire.example/2025/03/04/port-halden-fire", True),
    ("http://metro.example/blaze", True),
    ("ftp://herald.example/fire", False),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("https://x.example/\"onmouseover=\"alert(1)", False),
    ("//evil.example/x", False),
    (None, False),
])
def test_only_http_urls_become_links(url, link):
    assert (safe_url(url) is not None) is link


def test_url_rendering(report_dict):
    p = parse(render_html(report_dict))
    hrefs = [a["href"] for t, a in p.tags if t == "a"]
    assert "https://northwire.example/2025/03/04/port-halden-fire" in hrefs
    assert "http://metro.example/blaze" in hrefs
    assert not any(h.startswith("ftp:") for h in hrefs)
    ext = [a for t, a in p.tags if t == "a" and a["href"].startswith("http")]
    assert all("noopener" in a["rel"] and "noreferrer" in a["rel"] for a in ext)


def test_checks_ordered_conflicts_first_with_sentences(report_dict):
    html = render_html(report_dict)
    order = [html.index(f'id="check-{k}"') for k in
             ("k-conflict-date", "k-misquote-varga", "k-injured", "k-boats")]
    assert order == sorted(order)
    conflict = html[order[0]:order[1]]
    # Both sentences behind the conflict, with the differing dates highlighted.
    assert "destroying three warehouses." in conflict
    assert "as flames spread through the old market hall." in conflict
    # Independent wordings: the claim spans (the two dates) are marked, not every word.
    marks = re.findall(r'<mark class="[^"]*">([^<]*)</mark>', conflict)
    assert "Tuesday, March 4" in marks and "Monday, March 3" in marks
    assert not any("Port Halden fish" in m for m in marks)


def test_misquote_shows_changed_words(report_dict):
    html = render_html(report_dict)
    start = html.index('id="check-k-misquote-varga"')
    block = html[start:html.index("</details>", start)]
    marks = " ".join(re.findall(r'<mark class="diff[^"]*">([^<]*)</mark>', block))
    assert "every" in marks and "the" in marks
    assert "rebuild" not in marks
    assert "rewrite of Northwire" in block and "origin of 3 related texts" in block


def test_provenance_svg_marks_origin_and_arrows(report_dict):
    html = render_html(report_dict)
    svg = html[html.index('<svg class="graph"'):]
    svg = svg[:svg.index("</svg>")]
    assert svg.count("\u2605") == 3  # one origin per family
    assert svg.count("marker-end=") == 2  # two directed links, one undirected
    assert 'stroke-width="3.5"' in svg


def test_timeline_and_reuse_sections(report_dict):
    html = render_html(report_dict)
    assert '<svg class="timeline"' in html
    assert "Hospital reports 12 injured" in html
    assert html.count('<div class="side">') == 2  # side by side where the wording differs
    assert html.count('<div class="side same">') == 1  # shown once where it is identical
    assert "word for word in both texts" in html
    assert "the source was published earlier" in html  # reuse evidence


def test_article_text_once_and_collapsible(report_dict):
    html = render_html(report_dict)
    assert html.count("Investigators are working to find the cause.") == 1
    assert 'class="fulltext"' in html
    small = render_html(report_dict, ReportSettings(include_article_text=False))
    assert "Investigators are working to find the cause." not in small


def test_hostile_input_is_escaped(hostile_report):
    html = render_html(hostile_report)
    p = parse(html)
    assert len(p.scripts) == 1 and "__pwned" not in p.scripts[0]
    for tag, attrs in p.tags:
        assert tag not in ("img", "iframe", "svg") or tag == "svg" and "onload" not in attrs
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not str(attrs.get("href", "")).lower().startswith("javascript")
    assert "&lt;script&gt;window.__pwned=1" in html
    assert "</textarea><script>" not in html


def test_empty_report_renders():
    empty = {"schema_version": 1, "generator": "storyline 0", "settings": {}, "articles": [],
             "reuse": [], "families": [], "stories": [], "entities": [], "claims": [],
             "checks": [], "timeline": []}
    html = render_html(empty)
    assert "The report has no articles." in html


def test_only_foundation_stages(report_dict):
    r = copy.deepcopy(report_dict)
    for key in ("reuse", "families", "stories", "entities", "claims", "checks", "timeline"):
        r[key] = []
    del r["rejected"]
    for a in r["articles"]:
        del a["mentions"], a["sentences"]
    html = render_html(r)
    assert "All articles" in html and "not computed" in html
    assert all(f'id="art-{a["id"]}"' in html for a in r["articles"])


def test_dangling_ids_do_not_break(report_dict):
    r = copy.deepcopy(report_dict)
    r["checks"][0]["claim_ids"].append("c-missing")
    r["checks"][0]["story_id"] = "s-nowhere"
    r["claims"][0].pop("sentence_span")
    html = render_html(r)
    assert "claim c-missing is not in the report" in html


@pytest.mark.parametrize("texts, changed", [
    (["It began on Tuesday, March 4.", "It began on Monday, March 3."],
     [["Tuesday", "4"], ["Monday", "3"]]),
    (["\u201cWe will rebuild,\u201d she said.", "\"We will rebuild,\" she said."], [[], []]),
    (["Twelve people were hurt.", "Twelve people were hurt."], [[], []]),
])
def test_word_diff(texts, changed):
    segs = diff_segments(texts)
    for s, want in zip(segs, changed):
        got = [x.text.strip(" ,.") for x in s if x.changed]
        assert got == want
        assert "".join(x.text for x in s) in texts


@pytest.mark.parametrize("field, value", [
    ("max_passages_per_link", -1),
    ("passage_context_chars", 10_000),
    ("markdown_max_quote_chars", 5),
])
def test_settings_ranges(field, value):
    with pytest.raises(ValueError, match=f"report.{field}"):
        ReportSettings(**{field: value})


def test_passage_limit_setting(report_dict):
    html = render_html(report_dict, ReportSettings(max_passages_per_link=1))
    assert "1 shorter passage(s) not shown." in html


def test_claims_marked_in_article_text(report_dict):
    html = render_html(report_dict)
    assert '<mark class="focus" id="ct-c-boats-4">About 40 boats</mark>' in html
    assert 'href="#ct-c-date-4"' in html  # from the conflict's row to the text
    # The text is still whole around the marks.
    herald = report_dict["articles"][3]["text"]
    start = html.index('id="art-' + report_dict["articles"][3]["id"])
    body = html[html.index('<div class="body text">', start):]
    body = body[:body.index("</div>")]
    assert re.sub(r"<[^>]+>", "", body).replace("&#39;", "'") == herald


def test_checks_grouped_with_counts(report_dict):
    html = render_html(report_dict)
    heads = re.findall(r'<h4 id="story-s-harbor-checks-(\w+)">([^<]*)<span class="mut">\((\d+)\)',
                       html)
    assert [(k, n) for k, _, n in heads] == [("problems", "2"), ("corroborated", "1")]
    # a claim of one article is folded, behind a summary that says how many there are
    fold = re.search(r'<details class="fold" id="story-s-harbor-checks-rest"><summary>'
                     r"Show all (\d+) other claim", html)
    assert fold and fold.group(1) == "1"
    assert html.index('id="check-k-boats"') > fold.start()


def test_claims_repeated_from_one_source_come_before_corroborated(report_dict):
    import copy

    r = copy.deepcopy(report_dict)
    boats = next(c for c in r["checks"] if c["id"] == "k-boats")
    boats["article_ids"] = [a["id"] for a in r["articles"][:3]]  # three rewrites, one source
    html = render_html(r)
    heads = re.findall(r'<h4 id="story-s-harbor-checks-(\w+)">', html)
    assert heads == ["problems", "repeated", "corroborated"]
    assert html.index('id="check-k-boats"') < html.index('id="check-k-injured"')
    assert 'id="story-s-harbor-checks-rest"' not in html


def test_glance_links_to_groups(report_dict):
    html = render_html(report_dict)
    assert 'href="#story-s-harbor-checks-problems">conflicts</a>' in html
    assert 'href="#story-s-harbor-checks-single">single-source</a>' in html


@pytest.mark.parametrize("spans, expected", [
    ([(4, 9)], 'The <m a>mayor</m> said it.'),
    # a claim inside another (a date inside an indirect quote) keeps its own anchor
    ([(4, 9), (4, 14)], 'The <m b><m a>mayor</m> said</m> it.'),
    ([(0, 14), (10, 14)], '<m a>The mayor <m b>said</m></m> it.'),
    ([(0, 9), (4, 14)], '<m a>The <m b>mayor</m></m> said it.'),  # overlap cut at the outer end
    ([(15, 40)], 'The mayor said <m a>it.</m>'),  # span past the end
    ([(3, 3)], 'The mayor said it.'),  # empty span: nothing to mark
])
def test_marked_text(spans, expected):
    from storyline.report.view import marked_text_html

    claims = [{"id": "ab"[i], "span": list(s)} for i, s in enumerate(spans)]
    html = str(marked_text_html("The mayor said it.", claims))
    html = re.sub(r'<mark class="focus" id="ct-(\w)">', r"<m \1>", html).replace("</mark>", "</m>")
    assert html == expected


def test_marked_text_escapes():
    from storyline.report.view import marked_text_html

    html = str(marked_text_html('<b onclick="x">5 & 6</b>', [{"id": "q", "span": [3, 10]}]))
    assert html == ('&lt;b <mark class="focus" id="ct-q">onclick</mark>=&#34;x&#34;&gt;5 &amp; '
                    '6&lt;/b&gt;')


def test_sentence_fallback_from_article_sentences(report_dict):
    from storyline.report.view import Index

    ix = Index.of(report_dict)
    claim = dict(ix.claims["c-boats-4"])
    expected = tuple(claim.pop("sentence_span"))
    assert ix.sentence_span(claim) == expected


def test_fixtures_follow_the_contract(report_dict, hostile_report):
    jsonschema = pytest.importorskip("jsonschema")
    from storyline.report.build import load_schema

    schema = load_schema()
    jsonschema.validate(report_dict, schema)
    jsonschema.validate(hostile_report, schema)
    texts = {a["id"]: a["text"] for a in report_dict["articles"]}
    for c in report_dict["claims"]:
        assert texts[c["article_id"]][slice(*c["span"])] == c["text"]
