"""A hand-built report dict (report.json shape, schema_version 1) about one fictional story.

Five articles on a harbour fire: a wire item (Northwire) rewritten by two outlets (one family
of three), and two independent reports. Planted: a conflict between two dates for when the
fire started, a misquote of the mayor, a corroborated injury figure, a single-source boat count,
reuse passages, a timeline, entities with aliases. Spans are computed from the texts, so they
are true character offsets.
"""

from __future__ import annotations

import copy
import re

WIRE = (
    "PORT HALDEN (Northwire) - A fire broke out at the Port Halden fish market on Tuesday, "
    "March 4, destroying three warehouses. Twelve people were injured, the fire brigade said. "
    "\u201cWe will rebuild every pier, and we will do it this year,\u201d Mayor Ilse Varga told "
    "Northwire. The cause of the fire is not yet known."
)
REWRITE_1 = (
    "A fire broke out at the Port Halden fish market on Tuesday, March 4, destroying three "
    "warehouses, according to Northwire. Twelve people were injured, the fire brigade said. "
    "\u201cWe will rebuild every pier, and we will do it this year,\u201d Mayor Ilse Varga said. "
    "Investigators are working to find the cause."
)
REWRITE_2 = (
    "A blaze broke out at the Port Halden fish market on Tuesday, March 4, destroying three "
    "warehouses. Twelve people were injured, the fire brigade said. "
    "\"We will rebuild the pier this year,\" Mayor Varga said, as reported by Northwire."
)
HERALD = (
    "Fishermen in Port Halden watched on Monday, March 3, as flames spread through the old "
    "market hall. About 40 boats were moved out of the harbour. Harbour master Tomas Reyes "
    "said the wind made the fire hard to contain."
)
VALLEY = (
    "The market fire in Port Halden left 12 people injured, hospital staff said on Wednesday. "
    "City officials under Mayor I. Varga promised support for the traders."
)


def _id(n: int) -> str:
    return f"{n:02d}" + "a3f9c1d2e4b5" * 2


def _span(text: str, piece: str) -> list[int]:
    i = text.index(piece)
    return [i, i + len(piece)]


def _sentences(text: str) -> list[list[int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])", text):
        out.append([start, m.start()])
        start = m.end()
    out.append([start, len(text)])
    return out


def _mentions(text: str, items: list[tuple[str, str]]) -> list[dict]:
    out = []
    for piece, label in items:
        for m in re.finditer(re.escape(piece), text):
            out.append({"start": m.start(), "end": m.end(), "label": label, "text": piece})
    return sorted(out, key=lambda m: m["start"])


def _article(n, text, *, title, outlet, url, published, mentions, warnings=()):
    return {
        "id": _id(n), "source": f"examples/harbor-fire/{n:02d}.txt", "external_id": None,
        "title": title, "outlet": outlet, "url": url, "published": published,
        "language": "en", "text": text, "warnings": list(warnings), "metadata": {},
        "sentences": _sentences(text), "mentions": _mentions(text, mentions),
    }


def _claim(cid, n, text, piece, kind, **kw):
    span = _span(text, piece)
    sent = next(s for s in _sentences(text) if s[0] <= span[0] and span[1] <= s[1])
    base = {"id": cid, "article_id": _id(n), "kind": kind, "text": piece, "span": span,
            "speaker": None, "via": None, "value": None, "unit": None, "noun": None,
            "date": None, "precision": None, "sentence_span": sent}
    base.update(kw)
    return base


def _passage(a: str, b: str, piece_a: str, piece_b: str, sim: float) -> dict:
    return {"source_span": _span(a, piece_a), "target_span": _span(b, piece_b),
            "similarity": sim, "kind": "verbatim" if sim == 1.0 else "near_verbatim"}


def build() -> dict:
    common = [("Port Halden", "GPE"), ("Northwire", "ORG")]
    articles = [
        _article(1, WIRE, title="Fire destroys Port Halden fish market", outlet="Northwire",
                 url="https://northwire.example/2025/03/04/port-halden-fire",
                 published="2025-03-04T09:12:00+00:00",
                 mentions=common + [("Ilse Varga", "PERSON"), ("Tuesday, March 4", "DATE"),
                                    ("Twelve", "CARDINAL")]),
        _article(2, REWRITE_1, title="Fire at Port Halden market injures 12", outlet="Daily Courier",
                 url="https://courier.example/news/fire", published="2025-03-04T11:40:00+00:00",
                 mentions=common + [("Ilse Varga", "PERSON"), ("Tuesday, March 4", "DATE")]),
        _article(3, REWRITE_2, title="Blaze hits fish market", outlet="Metro Online",
                 url="http://metro.example/blaze", published="2025-03-04",
                 mentions=common + [("Varga", "PERSON")]),
        _article(4, HERALD, title="Fishermen watch market burn", outlet="Coastal Herald",
                 url="ftp://herald.example/fire", published="2025-03-03",
                 mentions=[("Port Halden", "GPE"), ("Tomas Reyes", "PERSON"),
                           ("Monday, March 3", "DATE")],
                 warnings=[{"code": "W106", "message": "published date from file metadata"}]),
        _article(5, VALLEY, title=None, outlet=None, url=None, published="2025-03-05",
                 mentions=[("Port Halden", "GPE"), ("I. Varga", "PERSON")]),
    ]
    claims = [
        _claim("c-date-1", 1, WIRE, "Tuesday, March 4", "date", date="2025-03-04",
               precision="day", action="break out fire", expression="on Tuesday, March 4"),
        _claim("c-date-4", 4, HERALD, "Monday, March 3", "date", date="2025-03-03",
               precision="day", action="break out fire", expression="on Monday, March 3"),
        _claim("c-quote-1", 1, WIRE, "We will rebuild every pier, and we will do it this year",
               "quote", speaker="Ilse Varga", via="Northwire", attribution="direct"),
        _claim("c-quote-3", 3, REWRITE_2, "We will rebuild the pier this year", "quote",
               speaker="Ilse Varga", via="Northwire", attribution="direct"),
        _claim("c-inj-1", 1, WIRE, "Twelve people", "quantity", value=12.0, unit=None,
               noun="people injured"),
        _claim("c-inj-5", 5, VALLEY, "12 people", "quantity", value=12.0, noun="people injured"),
        _claim("c-boats-4", 4, HERALD, "About 40 boats", "quantity", value=40.0, noun="boats",
               approximator="about"),
    ]
    fam_wire = {"id": "f-" + _id(1)[:10], "article_ids": [_id(1), _id(2), _id(3)],
                "origin_id": _id(1)}
    families = [fam_wire,
                {"id": "f-" + _id(4)[:10], "article_ids": [_id(4)], "origin_id": _id(4)},
                {"id": "f-" + _id(5)[:10], "article_ids": [_id(5)], "origin_id": _id(5)}]
    reuse = [
        {"source_id": _id(1), "target_id": _id(2), "kind": "near_verbatim", "score": 0.81,
         "coverage_source": 0.78, "coverage_target": 0.74, "directed": True,
         "evidence": "the source was published earlier and names Northwire in its dateline",
         "passages": [_passage(WIRE, REWRITE_1, "Twelve people were injured, the fire brigade said.",
                               "Twelve people were injured, the fire brigade said.", 1.0),
                      _passage(WIRE, REWRITE_1,
                               ("A fire broke out at the Port Halden fish market on Tuesday, March 4, "
                                "destroying three warehouses."),
                               ("A fire broke out at the Port Halden fish market on Tuesday, March 4, "
                                "destroying three warehouses, according to Northwire."),
                               0.9)]},
        {"source_id": _id(1), "target_id": _id(3), "kind": "near_verbatim", "score": 0.66,
         "coverage_source": 0.61, "coverage_target": 0.80, "directed": True,
         "passages": [_passage(WIRE, REWRITE_2,
                               ("A fire broke out at the Port Halden fish market on Tuesday, March 4, "
                                "destroying three warehouses."),
                               ("A blaze broke out at the Port Halden fish market on Tuesday, March 4, "
                                "destroying three warehouses."),
                               0.93)]},
        {"source_id": _id(2), "target_id": _id(3), "kind": "near_verbatim", "score": 0.58,
         "coverage_source": 0.55, "coverage_target": 0.71, "directed": False, "passages": []},
    ]
    checks = [
        {"id": "k-conflict-date", "status": "conflicting", "claim_ids": ["c-date-1", "c-date-4"],
         "article_ids": [_id(1), _id(4)], "independent_sources": 2,
         "summary": "When the fire broke out: 2025-03-04 (Northwire) vs 2025-03-03 (Coastal Herald)",
         "kind": "date", "story_id": "s-harbor", "family_ids": [fam_wire["id"], families[1]["id"]],
         "via": ["Northwire"], "values": ["2025-03-04", "2025-03-03"],
         "dissenting_claim_ids": ["c-date-1", "c-date-4"]},
        {"id": "k-misquote-varga", "status": "misquoted", "claim_ids": ["c-quote-1", "c-quote-3"],
         "article_ids": [_id(1), _id(3)], "independent_sources": 1,
         "summary": "Ilse Varga's quote differs between Northwire and Metro Online",
         "kind": "quote", "story_id": "s-harbor", "via": ["Northwire"],
         "values": ["We will rebuild every pier, and we will do it this year",
                    "We will rebuild the pier this year"],
         "dissenting_claim_ids": ["c-quote-1", "c-quote-3"],
         "word_differences": [["every pier and we will do it", "the pier"]]},
        {"id": "k-injured", "status": "corroborated", "claim_ids": ["c-inj-1", "c-inj-5"],
         "article_ids": [_id(1), _id(5)], "independent_sources": 2,
         "summary": "12 people injured", "kind": "quantity", "story_id": "s-harbor"},
        {"id": "k-boats", "status": "single_source", "claim_ids": ["c-boats-4"],
         "article_ids": [_id(4)], "independent_sources": 1,
         "summary": "About 40 boats were moved out of the harbour", "kind": "quantity"},
    ]
    return {
        "schema_version": 1,
        "generator": "storyline 0.1.0",
        "settings": {},
        "articles": articles,
        "rejected": [{"source": "examples/harbor-fire/broken.jsonl:3", "code": "E203",
                      "reason": "line 3 is not valid JSON: Expecting ',' delimiter"}],
        "reuse": reuse,
        "families": families,
        "stories": [{"id": "s-harbor", "title": "Port Halden fish market fire",
                     "article_ids": [a["id"] for a in articles],
                     "events": [{"id": "e-fire", "title": "Fire at the fish market",
                                 "article_ids": [a["id"] for a in articles]}]}],
        "entities": [
            {"id": "ent-varga", "name": "Ilse Varga", "type": "PERSON",
             "aliases": ["Varga", "I. Varga", "Mayor Varga"],
             "article_ids": [_id(1), _id(2), _id(3), _id(5)]},
            {"id": "ent-northwire", "name": "Northwire", "type": "AGENCY", "aliases": [],
             "article_ids": [_id(1), _id(2), _id(3)]},
            {"id": "ent-halden", "name": "Port Halden", "type": "GPE", "aliases": [],
             "article_ids": [a["id"] for a in articles]},
        ],
        "claims": claims,
        "checks": checks,
        "timeline": [
            {"date": "2025-03-03", "precision": "day", "summary": "Fire breaks out (Coastal Herald)",
             "claim_ids": ["c-date-4"], "article_ids": [_id(4)], "story_id": "s-harbor",
             "conflicting": True, "check_ids": ["k-conflict-date"]},
            {"date": "2025-03-04", "precision": "day", "summary": "Fire breaks out (Northwire)",
             "claim_ids": ["c-date-1"], "article_ids": [_id(1)], "story_id": "s-harbor",
             "conflicting": True, "check_ids": ["k-conflict-date"]},
            {"date": "2025-03-05", "precision": "day", "summary": "Hospital reports 12 injured",
             "claim_ids": ["c-inj-5"], "article_ids": [_id(5)], "story_id": "s-harbor"},
        ],
    }


HOSTILE = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2">'


def hostile() -> dict:
    """The fixture with script, event-handler, javascript: and broken markup in every field."""
    r = copy.deepcopy(build())
    a = r["articles"][0]
    a["title"] = "Fire " + HOSTILE + "</title></style></textarea><!--"
    a["outlet"] = '"><svg onload="window.__pwned=3">'
    a["url"] = "javascript:window.__pwned=4"
    r["articles"][1]["url"] = 'https://x.example/"onmouseover="window.__pwned=5'
    r["articles"][2]["outlet"] = "</textarea><script>window.__pwned=6</script>"
    extra = " " + HOSTILE + " <a href=\"javascript:window.__pwned=7\">x</a> ]]> <![CDATA["
    for art in r["articles"]:
        art["text"] += extra
        art["mentions"].append({"start": 0, "end": 4, "label": "<b onclick=x>",
                                "text": "<script>window.__pwned=8</script>"})
    r["claims"][2]["speaker"] = "<iframe srcdoc='<script>parent.__pwned=9</script>'>"
    r["checks"][0]["summary"] += HOSTILE
    r["checks"][0]["values"] = [HOSTILE, "javascript:alert(1)"]
    r["checks"][0]["label"] = HOSTILE  # the label is the article's own words
    r["checks"][1]["label"] = '<img src=x onerror="window.__pwned=11">'
    r["entities"][0]["aliases"].append(HOSTILE)
    r["timeline"][0]["summary"] = HOSTILE
    r["stories"][0]["title"] = "</title><script>window.__pwned=10</script>"
    r["rejected"][0]["source"] = HOSTILE
    return r
