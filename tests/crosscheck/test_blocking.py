"""Candidate blocking (crosscheck.blocking) changes no result: the aligned groups and pairs, and
the checks, are those of the all-pairs comparison, on the example corpus, the seeds, part of
ECB+ dev, and on quotes made to sit at the edges of each aligner rule."""

from __future__ import annotations

from dataclasses import replace

from storyline.crosscheck import check_corpus
from storyline.crosscheck.align import Context, align_groups, claim_order
from storyline.crosscheck.blocking import candidate_pairs, cross_pairs
from storyline.crosscheck.corpus import KINDS, buckets, prepare
from storyline.crosscheck.settings import CheckSettings
from storyline.models import Claim, Document
from storyline.pipeline import STAGES, load_documents, run_stages
from storyline.pipeline import Context as RunContext
from storyline.settings import Settings


def _signature(groups) -> list:
    return [([c.id for c in g], [(a.id, b.id) for a, b in p]) for g, p in groups]


def _same_groups(blocked, full) -> None:
    """The blocked path gives the groups of all pairs, and only pairs that do align (twins'
    pairs beside their representative's are left out: crosscheck.twins)."""
    assert [[c.id for c in g] for g, _ in blocked] == [[c.id for c in g] for g, _ in full]
    for (_, bp), (_, fp) in zip(blocked, full, strict=True):
        assert {(a.id, b.id) for a, b in bp} <= {(a.id, b.id) for a, b in fp}


def _analysed(docs: list[Document]):
    ctx = RunContext(settings=Settings(), store=None, values={"docs": docs})
    return run_stages(STAGES[:4], ctx)  # reuse, stories, claims, entities


def _assert_blocking_is_exact(v, settings: CheckSettings | None = None) -> int:
    """Every bucket and kind: blocked == all pairs; returns the number of aligned pairs."""
    settings = settings or CheckSettings()
    prep = prepare(v["claims"], v["docs"], v["families"], v["stories"], v["entities"], settings)
    n_pairs = 0
    for _sid, bucket in buckets(prep, v["stories"]):
        for kind in KINDS:
            of_kind = [c for c in bucket if c.kind == kind and prep.eligible(c)]
            blocked = align_groups(of_kind, prep.ctx, small=0)
            _same_groups(blocked, align_groups(of_kind, prep.ctx, exhaustive=True))
            n_pairs += sum(len(p) for _, p in blocked)
    args = (v["claims"], v["docs"], v["families"], v["stories"], v["entities"], settings)
    assert check_corpus(*args).checks == check_corpus(*args, exhaustive=True).checks
    return n_pairs


def test_blocking_is_exact_on_the_example_corpus(examples_dir):
    from storyline.ingest import read_inputs
    from storyline.store import Store

    with Store(":memory:") as store:
        from storyline.pipeline import ingest_into

        ingest_into(store, [str(examples_dir)], Settings(), assign_events=False)
        docs = load_documents(store)
    assert len(docs) == len(list(read_inputs([examples_dir])))
    assert _assert_blocking_is_exact(_analysed(docs)) > 0


def test_blocking_is_exact_on_the_seeds(seed_docs):
    v = _analysed(list(seed_docs))
    assert _assert_blocking_is_exact(v) > 0
    # the rules' thresholds at 0: the vacuous rules join every claim of the kind
    loose = CheckSettings(quote_min_shared_content_words=0, context_min_overlap=0.0,
                          statement_min_overlap=0.0, attribution_min_similarity=0.0)
    assert _assert_blocking_is_exact(v, loose) > 0


def test_blocking_is_exact_on_ecbplus_dev(ecb_docs):
    """A sixth of ECB+ dev (the whole set, 262,800 quote pairs: benchmarks/crosscheck_scale.py)."""
    docs = sorted(ecb_docs, key=lambda d: d.article.source)[:80]
    assert _assert_blocking_is_exact(_analysed(docs)) > 20


# --------------------------------------------------------------------------- edge quotes

CTX = Context(settings=CheckSettings(), aliases={}, entities={}, docs={})


def _quote(i: int, text: str, speaker: str | None, article: str | None = None) -> Claim:
    return Claim(id=f"q{i}", article_id=article or f"a{i}", kind="quote", text=text,
                 span=(0, len(text)), speaker=speaker)


EDGE_QUOTES = [
    # a fragment of a full quote, given to another named speaker: partial_ratio 100
    _quote(1, "we will rebuild the harbour market stall by stall, whatever it costs the city",
           "Paul Brandt"),
    _quote(2, "rebuild the harbour market stall by stall", "Anna Keller"),
    # function words only, identical: aligns on the same words
    _quote(3, "it is what it is", "Tomas Reyes"),
    _quote(4, "It is what it is.", None),
    # one typo in every long word, another named speaker: no whole word shared but "the"
    _quote(5, "unprecedented devastation everywhere throughout the neighbourhood",
           "Maria Lopez"),
    _quote(6, "unprecedented devastation everywhere thoughout the neighbourhood",
           "Jon Hale"),
    # the same speaker, a changed word: the fuzzy path through shared content words
    _quote(7, "the fire started in the fish warehouse shortly before midnight", "Tomas Reyes"),
    _quote(8, "the fire started in the fish warehouse shortly after midnight", "Tomas Reyes"),
    # function words only, one typo, two named speakers: only character q-grams are shared
    _quote(11, "we will do whatever we can for all of them", "Paul Brandt"),
    _quote(12, "we will do whatevr we can for all of them", "Anna Keller"),
    # unrelated
    _quote(9, "we have asked the port authority for an inspection report", "Anna Keller"),
    _quote(10, "a", "Anna Keller"),
]


def test_blocking_keeps_every_aligned_pair_of_edge_quotes():
    ctx = replace(CTX, memo={})
    ordered = sorted(EDGE_QUOTES, key=claim_order)
    blocked = align_groups(ordered, ctx, small=0)
    assert _signature(blocked) == _signature(align_groups(ordered, ctx, exhaustive=True))
    pairs = {frozenset((a.id, b.id)) for _, p in blocked for a, b in p}
    assert {frozenset(x) for x in (("q1", "q2"), ("q3", "q4"), ("q5", "q6"), ("q7", "q8"),
                                         ("q11", "q12"))} <= pairs
    # and it compares fewer pairs than all of them
    assert len(candidate_pairs(ordered, ctx)) < len(ordered) * (len(ordered) - 1) // 2


def test_cross_pairs_find_the_same_candidates_as_one_block():
    ctx = replace(CTX, memo={})
    ordered = sorted(EDGE_QUOTES, key=claim_order)
    left, right = ordered[::2], ordered[1::2]
    inside = {(ordered[i].id, ordered[j].id) for i, j in candidate_pairs(ordered, ctx)}
    across = {(left[i].id, right[j].id) for i, j in cross_pairs(left, right, ctx)}
    lr = {(a.id, b.id) for a in left for b in right}
    assert {p for p in inside | {(b, a) for a, b in inside} if p in lr} <= across


# --------------------------------------------------------------------------- dated events

def _dated(i: int, date: str, subject: str | None, sentence: str,
           action: str = "evacuate residents") -> tuple[Document, Claim]:
    from storyline.models import Annotation, Article, Sentence

    aid = f"d{i}"
    doc = Document(Article(id=aid, text=sentence, source=f"{aid}.txt"),
                   Annotation(article_id=aid, language="en",
                              sentences=(Sentence(0, len(sentence)),)))
    return doc, Claim(id=f"c{i}", article_id=aid, kind="date", text=sentence,
                      span=(0, len(sentence)), sentence_span=(0, len(sentence)), date=date,
                      action=action, subject=subject)


DATED = [  # dates at the edges of the gap rule, with and without year, month, actor
    ("2024-12-30", "Harbour Authority", "The Harbour Authority evacuated residents on 30 December."),
    ("2025-01-03", "Harbour Authority", "The Harbour Authority evacuated residents on 3 January."),
    ("--01-05", None, "Residents near the harbour were evacuated on January 5, the "
                      "Harbour Authority said."),
    ("--12-20", "Harbour Authority", "The Harbour Authority evacuated residents on December 20."),
    ("2025", "Harbour Authority", "The Harbour Authority evacuated residents this year."),
    ("2024", None, "Residents were evacuated in 2024, according to the Harbour Authority."),
    ("2025-02-14", "Harbour Authority", "The Harbour Authority evacuated residents on 14 February."),
    ("2025-02-18", "Harbour Authority", "The Harbour Authority evacuated residents on 18 February."),
    ("2025-03", "Harbour Authority", "The Harbour Authority evacuated residents in March."),
    ("2025-05-02", "Harbour Authority", "The Harbour Authority evacuated residents on 2 May."),
    ("--02-29", "Harbour Authority", "The Harbour Authority evacuated residents on 29 February."),
    ("2025-06-31", "Harbour Authority", "The Harbour Authority evacuated residents on 31 June."),
    ("2023-11-28", "Harbour Authority", "The Harbour Authority evacuated residents on 28 November."),
    ("2025-01-20", None, "Residents were evacuated on 20 January, a Harbour Authority "
                         "official said."),
]


def test_date_windows_keep_every_aligned_pair_of_edge_dates():
    """The date window of each blocking key (``date_max_gap_days``) loses no pair: across the
    new year, without year, month or actor, impossible days; at several gaps."""
    made = [_dated(i, *row) for i, row in enumerate(DATED)]
    docs = {d.id: d for d, _ in made}
    ordered = sorted((c for _, c in made), key=claim_order)
    for gap in (0, 10, 45, 100, 200, 400, 800):
        ctx = Context(settings=CheckSettings(date_max_gap_days=gap), aliases={}, entities={},
                      docs=docs)
        full = _signature(align_groups(ordered, ctx, exhaustive=True))
        assert _signature(align_groups(ordered, ctx, small=0)) == full, gap
        if gap == 45:
            pairs = {frozenset(p) for _, ps in full for p in ps}
            # December 30 and January 3 across the year; the impossible day with a near one
            assert frozenset(("c0", "c1")) in pairs and frozenset(("c3", "c2")) in pairs
            assert len(candidate_pairs(ordered, ctx)) < len(ordered) * (len(ordered) - 1) // 2


# --------------------------------------------------------------------------- the cap


def _harbour_reports(n: int, text_of) -> tuple[list[Claim], dict[str, Document]]:
    """``n`` reports published over a year, each with one quote by Paul Brandt."""
    from storyline.models import Annotation, Article

    claims, docs = [], {}
    for i in range(n):
        aid = f"a{i:03d}"
        text = text_of(i)
        docs[aid] = Document(Article(id=aid, text=text, source=f"{aid}.txt",
                                     published=f"2025-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"),
                             Annotation(article_id=aid, language="en"))
        claims.append(_quote(i, text, "Paul Brandt", article=aid))
    return sorted(claims, key=claim_order), docs


def test_a_key_held_by_more_claims_than_the_cap_meets_the_nearest_only():
    """300 reports of one quote, each with a different last word, 40 claims the cap: each quote
    is compared with its 40 neighbours in publication order only (not all 299 others), and the
    300 still form one group; without the cap all 44,850 pairs align."""
    ordered, docs = _harbour_reports(300, lambda i: (
        f"we will rebuild the harbour market stall by stall, whatever it costs in sector {i}"))
    capped = Context(settings=CheckSettings(block_max_candidates=40), aliases={}, entities={},
                     docs=docs)
    groups = align_groups(ordered, capped, small=0)
    assert [len(g) for g, _ in groups] == [300]
    pairs = groups[0][1]
    assert 300 * 20 - 420 <= len(pairs) <= 300 * 20  # each meets <= 20 later neighbours
    # through the common keys the neighbours are the nearest by publication date; farther
    # pairs meet only through a rare key ("sector 10" and "sector 104" share " 10")
    days = {c.id: docs[c.article_id].article.published_date for c in ordered}
    far = [(a, b) for a, b in pairs if abs((days[a.id] - days[b.id]).days) > 31]
    assert len(far) < len(pairs) // 20
    assert all(b.text.startswith(a.text) or a.text.startswith(b.text) for a, b in far)
    free = Context(settings=CheckSettings(block_max_candidates=0), aliases={}, entities={},
                   docs=docs)
    assert sum(len(p) for _, p in align_groups(ordered, free, small=0)) == 300 * 299 // 2


def test_one_quote_in_300_reports_is_aligned_as_one_class_of_twins():
    """300 reports of one quote word for word: one group through a chain of 299 pairs (not
    44,850), and the same check as the all-pairs comparison."""
    from storyline.crosscheck.verdict import judge

    ordered, docs = _harbour_reports(
        300, lambda i: "we will rebuild the harbour market stall by stall, whatever it costs")
    ctx = Context(settings=CheckSettings(), aliases={}, entities={}, docs=docs)
    (group, pairs), = align_groups(ordered, ctx, small=0)
    assert len(group) == 300 and len(pairs) == 299
    (full_group, full_pairs), = align_groups(ordered, ctx, exhaustive=True)
    assert len(full_pairs) == 300 * 299 // 2
    families = {c.article_id: c.article_id for c in ordered}
    check = judge(group, pairs, families, ctx, "s")
    assert check == judge(full_group, full_pairs, families, ctx, "s")
    assert check.status == "corroborated" and check.independent_sources == 300


OBJECTS = [  # one actor and verb, objects found (or not) in the other's sentence
    ("2025-03-04", "Harbour Authority", "The Harbour Authority sent a message to the fishermen.",
     "send message"),
    ("2025-03-05", "Harbour Authority", "The Harbour Authority sent its greeting in a message.",
     "send greeting"),
    ("2025-03-06", "Harbour Authority", "The Harbour Authority sent greetings to the crews.",
     "send greeting"),
    ("2025-03-04", "Harbour Authority", "The Harbour Authority sent inspectors to the quay.",
     "send inspector"),
    ("2025-03-07", "Harbour Authority", "The Harbour Authority sent word on Friday.", "send"),
    ("2025-03-08", "Harbour Authority", "The Harbour Authority dispatched a message.", "send"),
    ("2025-03-04", None, "A message was sent to the fishermen, the Harbour Authority said.",
     "send message"),
    ("2025-03-09", None, "Inspectors were sent to the quay by the port.", "send inspector"),
    ("2025-03-04", None, "The fishermen were warned on Tuesday by the Harbour Authority.", ""),
    ("2025-03-05", "Coast Guard", "The Coast Guard sent a message to the fishermen.",
     "send message"),
    # no actor, no object: only the other's object word in this sentence joins them
    ("2025-03-06", None, "Greetings were sent on Monday, the Harbour Authority said.", "send"),
]


def test_object_rule_keys_keep_every_aligned_pair_of_dated_actions():
    """Dated actions of one actor and verb with other objects (``event_min_context_overlap``),
    without actor or without action: the keys lose no pair, at several thresholds."""
    made = [_dated(i, date, subject, sentence, action)
            for i, (date, subject, sentence, action) in enumerate(OBJECTS)]
    docs = {d.id: d for d, _ in made}
    ordered = sorted((c for _, c in made), key=claim_order)
    for t in (0.0, 0.3, 0.5, 1.0):
        for ctx_t in (0.2, 0.6):
            ctx = Context(settings=CheckSettings(event_min_context_overlap=t,
                                                 context_min_overlap=ctx_t),
                          aliases={}, entities={}, docs=docs)
            full = _signature(align_groups(ordered, ctx, exhaustive=True))
            assert _signature(align_groups(ordered, ctx, small=0)) == full, (t, ctx_t)
            if t == 0.5 and ctx_t == 0.6:
                pairs = {frozenset(p) for _, ps in full for p in ps}
                assert frozenset(("c0", "c1")) in pairs  # "message" in c1's sentence
                assert frozenset(("c0", "c3")) not in pairs  # inspectors: another action
                assert frozenset(("c2", "c10")) in pairs  # "greeting" in c10's sentence


def _figure(i: int, published: str | None, sentence: str, value: float, subject: str | None,
            action: str | None, event: str = "e1") -> tuple[Document, Claim]:
    from storyline.models import Annotation, Article, Sentence

    aid = f"f{i}"
    doc = Document(Article(id=aid, text=sentence, source=f"{aid}.txt", published=published),
                   Annotation(article_id=aid, language="en",
                              sentences=(Sentence(0, len(sentence)),)))
    return doc, Claim(id=f"n{i}", article_id=aid, kind="quantity", text=f"{value:g} people",
                      span=(0, len(sentence)), sentence_span=(0, len(sentence)), value=value,
                      noun="people", action=action, subject=subject)


FIGURES = [  # publication days at the edges of figure_window_days, actions, events, subjects
    ("2025-03-01", "Twelve people were injured in the blast at the harbour.", 12, None, "injure"),
    ("2025-03-08", "Eighteen people were injured in the blast at the harbour.", 18, None,
     "injure"),
    ("2025-03-09", "Twenty people were hurt in the blast at the harbour.", 20, None, "hurt"),
    ("2025-03-15", "Nine people were injured, the hospital said.", 9, None, "injure"),
    (None, "Ten people were injured in the blast at the harbour.", 10, None, "injure"),
    ("2025-03-02", "The blast killed four people at the harbour.", 4, None, "kill"),
    ("2025-03-02", "The Harbour Authority evacuated 300 people.", 300, "Harbour Authority",
     "evacuate"),
    ("2025-03-05", "The Harbour Authority evacuated 250 people.", 250, "Harbour Authority",
     "evacuate"),
    ("2025-03-05", "The Harbour Authority counted 250 people.", 250, "Harbour Authority", None),
    ("2025-02-20", "The Harbour Authority evacuated 200 people from the quay.", 200,
     "Harbour Authority", "evacuate"),
]


def test_figure_keys_keep_every_aligned_pair_at_the_window_edges():
    made = [_figure(i, *row) for i, row in enumerate(FIGURES)]
    docs = {d.id: d for d, _ in made}
    ordered = sorted((c for _, c in made), key=claim_order)
    for window in (0, 1, 7, 30):
        for slots in (True, False):
            ctx = Context(settings=CheckSettings(figure_window_days=window,
                                                 figure_event_slots=slots),
                          aliases={}, entities={}, docs=docs,
                          event_of={d.id: "e1" for d in docs.values()})
            full = _signature(align_groups(ordered, ctx, exhaustive=True))
            assert _signature(align_groups(ordered, ctx, small=0)) == full, (window, slots)
            if window == 7 and slots:
                pairs = {frozenset(p) for _, ps in full for p in ps}
                assert frozenset(("n0", "n1")) in pairs  # seven days apart, one event
                assert frozenset(("n1", "n2")) in pairs  # "hurt": the verb class of "injure"
                assert frozenset(("n0", "n2")) not in pairs  # eight days apart
                assert frozenset(("n6", "n7")) in pairs and frozenset(("n6", "n9")) not in pairs


def test_a_claim_is_compared_with_at_most_its_limit_of_candidates():
    """300 reports of one quote, each with a different last word, no key cap, 10 comparisons a
    claim at most: 300 x 10 comparisons instead of 44,850, and the 300 still form one group
    (each claim's ten share the most keys with it, then are the nearest in publication time,
    and they chain)."""
    ordered, docs = _harbour_reports(300, lambda i: (
        f"we will rebuild the harbour market stall by stall, whatever it costs in sector {i}"))
    limited = Context(settings=CheckSettings(block_max_candidates=0,
                                             block_max_pairs_per_claim=10),
                      aliases={}, entities={}, docs=docs)
    per_claim: dict[int, int] = {}
    for i, _j in candidate_pairs(ordered, limited):
        per_claim[i] = per_claim.get(i, 0) + 1
    assert max(per_claim.values()) == 10 and sum(per_claim.values()) <= 300 * 10
    groups = align_groups(ordered, limited, small=0)
    assert [len(g) for g, _ in groups] == [300]
    days = {c.id: docs[c.article_id].article.published_date for c in ordered}
    # ties by publication time; a far pair shares more keys ("sector 10" / "sector 104")
    far = [(a, b) for a, b in groups[0][1] if abs((days[a.id] - days[b.id]).days) > 31]
    assert len(far) < len(groups[0][1]) // 10
    assert all(b.text.startswith(a.text) or a.text.startswith(b.text) for a, b in far)


def test_past_its_limit_a_claim_keeps_the_candidates_sharing_most_keys():
    """Among the candidates of a quote, the one sharing most of its rare words wins over
    nearer ones that share fewer."""
    from storyline.models import Annotation, Article

    texts = {0: ("2025-01-01", "the harbour market will reopen in spring after repairs to the quay"),
             # last in alignment order and farthest in time, but sharing the most words
             9: ("2025-11-30", "the harbour market will reopen in spring after repairs to the old quay"),
             **{d: (f"2025-01-0{d + 1}", f"the harbour market will need new stalls and {w} repairs")
                for d, w in ((1, "costly"), (2, "urgent"), (3, "major"), (4, "minor"))}}
    docs = {f"a{i}": Document(Article(id=f"a{i}", text=t, source=f"a{i}.txt", published=day),
                              Annotation(article_id=f"a{i}", language="en"))
            for i, (day, t) in texts.items()}
    claims = [_quote(i, t, "Paul Brandt", article=f"a{i}") for i, (_, t) in texts.items()]
    ordered = sorted(claims, key=claim_order)
    assert [c.id for c in ordered][0::5] == ["q0", "q9"]

    def partners(limit: int) -> list[str]:
        ctx = Context(settings=CheckSettings(block_max_pairs_per_claim=limit), aliases={},
                      entities={}, docs=docs)
        return [ordered[j].id for i, j in candidate_pairs(ordered, ctx) if i == 0]

    assert partners(0) == ["q1", "q2", "q3", "q4", "q9"]
    assert partners(1) == ["q9"]
