"""Entity resolution across articles: which forms of a name become one entity (and which not)."""

from __future__ import annotations

import pytest

from storyline.claims import ClaimsSettings, resolve_entities
from storyline.claims.entities import article_names
from storyline.models import Claim, content_id


def _entity(entities, form):
    """The entity that has ``form`` as its name or one of its aliases."""
    hits = [e for e in entities if form == e.name or form in e.aliases]
    assert len(hits) <= 1, (form, hits)
    return hits[0] if hits else None


def _resolve(make_doc, texts, settings=None):
    docs = [make_doc(t, source=f"a{i}.txt") for i, t in enumerate(texts)]
    return resolve_entities(docs, [], settings or ClaimsSettings())[0]


@pytest.mark.parametrize("texts, a, b, same", [
    # spelling and hyphenation variants across articles
    (["North Korean leader Kim Jong Un inspected a missile factory on Tuesday.",
      "Kim Jong-un said the country would expand its nuclear arsenal."],
     "Kim Jong Un", "Kim Jong-un", True),
    # titles and possessives within one article
    ([("Russian President Vladimir Putin met the delegation in Moscow. Putin's aides later "
      "described the talks as productive.")], "Vladimir Putin", "Putin", True),
    ([("Governor Alexander Khinstin announced plans for a monument in Kursk. Khinstin said the "
      "council would choose a site.")], "Alexander Khinstin", "Khinstin", True),
    # surname-only in an article without the full name: linked through the corpus
    (["Russian President Vladimir Putin signed the decree on Monday.",
      "Putin told reporters that the talks had gone well."], "Vladimir Putin", "Putin", True),
    # acronyms defined in the text, used alone elsewhere
    (["Pyongyang's Korean Central News Agency (KCNA) reported the launch on Friday.",
      "KCNA said the missile flew 1,000 km."], "Korean Central News Agency", "KCNA", True),
    # transliterated agency acronym, defined with a shortened English name
    (["According to the Pyongyang-based Central News Agency (CTAK), Putin praised the troops.",
      "The Korean Central News Agency carried the message on Saturday."],
     "CTAK", "Korean Central News Agency", True),
    # an operation with two Latin spellings of its Cyrillic acronym
    (["Troops fought in Russia's special military operation (SVO) in Ukraine.",
      "Soldiers took part in the special military operation (SWO) in Ukraine."],
     "SVO", "SWO", True),
    (["Troops fought in Russia's special military operation (SVO) in Ukraine.",
      "Veterans of the SWO gathered in Kursk on Sunday."], "SVO", "SWO", True),
    # must NOT merge
    (["Kim Jong Un watched the parade with his sister Kim Yo Jong. Kim later left the stand."],
     "Kim Jong Un", "Kim Yo Jong", False),
    (["Kim Jong Un inspected the factory on Monday.",
      "Kim Yo Jong issued a statement condemning the drills."], "Kim Jong Un", "Kim Yo Jong",
     False),
    (["North Korea fired a missile toward the sea.", "South Korea said it tracked the launch."],
     "North Korea", "South Korea", False),
    (["Taiwan's Central News Agency (CNA) reported the earthquake on Wednesday.",
      "The Korean Central News Agency said Kim Jong Un visited the site."],
     "Central News Agency", "Korean Central News Agency", False),
    (["Kim Jong Un met Putin in Vladivostok.", "Kim Jong Il died in 2011, state media said."],
     "Kim Jong Un", "Kim Jong Il", False),
    # one acronym defined as two different things in two articles
    (["The Alaska Revolving Loan Fund (ARLF) approved the loans on Monday.",
      "The Agriculture Revolving Loan Fund (ARLF) was audited by the state."],
     "Alaska Revolving Loan Fund", "Agriculture Revolving Loan Fund", False),
    # a surname tagged ORG in its article still names the person, not a merge key
    (["Gurbanguly Berdymukhamedov won the vote. Berdymukhamedov thanked voters.",
      ("Turkmen President Kurbanguly Berdymukhamedov met the envoy in Ashgabat on Monday. "
      "Berdymukhamedov later left for Moscow.")],
     "Gurbanguly Berdymukhamedov", "Kurbanguly Berdymukhamedov", False),
])
def test_forms_merge(make_doc, texts, a, b, same):
    ents = _resolve(make_doc, texts)
    ea, eb = _entity(ents, a), _entity(ents, b)
    assert ea is not None and eb is not None, [(e.name, e.aliases) for e in ents]
    assert (ea.id == eb.id) is same, [(e.name, e.type, e.aliases) for e in ents]


def test_ambiguous_surname_stays_apart(make_doc):
    ents = _resolve(make_doc, [
        "Kim Jong Un inspected the factory on Monday.",
        "Kim Yo Jong issued a statement condemning the drills.",
        "Kim said the drills were a rehearsal for invasion.",
    ])
    kim = _entity(ents, "Kim")
    assert kim is not None and kim.name == "Kim"  # neither of the two Kims
    assert _entity(ents, "Kim Jong Un").id != kim.id != _entity(ents, "Kim Yo Jong").id


def test_surname_links_to_the_only_candidate_in_its_article(make_doc):
    ents = _resolve(make_doc, [
        "Kim Jong Un inspected the factory on Monday. Kim praised the workers.",
        "Kim Yo Jong issued a statement. Kim warned Seoul against the drills.",
    ])
    jong_un, yo_jong = _entity(ents, "Kim Jong Un"), _entity(ents, "Kim Yo Jong")
    assert jong_un.id != yo_jong.id
    # "Kim" is linked in each article to that article's Kim, so it is an alias of both
    assert "Kim" in jong_un.aliases and "Kim" in yo_jong.aliases


def test_entity_records(make_doc):
    texts = ["Pyongyang's Korean Central News Agency (KCNA) reported the launch on Friday.",
             "KCNA said the missile flew 1,000 km.", "The weather was mild in Seoul."]
    docs = [make_doc(t, source=f"a{i}.txt") for i, t in enumerate(texts)]
    ents, _ = resolve_entities(docs, [], ClaimsSettings())
    kcna = _entity(ents, "KCNA")
    assert kcna.type == "AGENCY" and kcna.name == "Korean Central News Agency"
    assert kcna.id == content_id("AGENCY", "Korean Central News Agency")
    assert kcna.article_ids == tuple(sorted([docs[0].id, docs[1].id]))
    # deterministic and independent of document order
    again, _ = resolve_entities(list(reversed(docs)), [], ClaimsSettings())
    assert again == ents


def test_claims_get_entity_ids(make_doc):
    doc = make_doc("Russian President Vladimir Putin praised the troops, according to the "
                   "Korean Central News Agency (KCNA). Putin also thanked Kim Jong Un.")
    def claim(i, **kw):
        return Claim(id=f"c{i}", article_id=doc.id, kind="quote", text="x", span=(0, 1), **kw)
    claims = [claim(1, speaker="Putin", via="KCNA"),
              claim(2, speaker="Vladimir Putin", via="the Korean Central News Agency"),
              claim(3, speaker="some analysts", via="state media"),
              claim(4, subject="Kim Jong Un")]
    ents, out = resolve_entities([doc], claims, ClaimsSettings())
    putin, kcna, kim = (_entity(ents, n) for n in ("Vladimir Putin", "KCNA", "Kim Jong Un"))
    assert (out[0].speaker_entity_id, out[0].via_entity_id) == (putin.id, kcna.id)
    assert (out[1].speaker_entity_id, out[1].via_entity_id) == (putin.id, kcna.id)
    assert (out[2].speaker_entity_id, out[2].via_entity_id) == (None, None)
    assert out[3].subject_entity_id == kim.id
    assert not any(e.name in ("some analysts", "state media") for e in ents)
    assert [c.id for c in out] == [c.id for c in claims]


def test_via_with_ambiguous_acronym_resolves_only_as_outlet(make_doc):
    doc = make_doc("The minister spoke to AP on Tuesday about the AP exam results.")
    via = Claim(id="q", article_id=doc.id, kind="quote", text="x", span=(0, 1), via="AP")
    ents, _out = resolve_entities([doc], [via], ClaimsSettings())
    assert _entity(ents, "AP").name == "Associated Press"
    ents2, _ = resolve_entities([doc], [], ClaimsSettings())
    assert all(e.name != "Associated Press" for e in ents2)


def test_user_alias_file_merges_names(make_doc, tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text('["Islamic State"]\naliases = ["ISIS", "Daesh"]\n', encoding="utf-8")
    texts = ["ISIS claimed the attack on Friday.", "Daesh fighters retreated from the town."]
    plain = _resolve(make_doc, texts)
    assert _entity(plain, "ISIS") is None or _entity(plain, "Daesh") is None \
        or _entity(plain, "ISIS").id != _entity(plain, "Daesh").id
    ents = _resolve(make_doc, texts, ClaimsSettings(alias_file=str(path)))
    isis = _entity(ents, "ISIS")
    assert isis.name == "Islamic State" and isis.type == "ORG" and "Daesh" in isis.aliases


@pytest.mark.parametrize("settings, a, b, same", [
    (ClaimsSettings(entity_link_surnames=False), "Vladimir Putin", "Putin", False),
    (ClaimsSettings(), "Vladimir Putin", "Putin", True),
])
def test_surname_switch(make_doc, settings, a, b, same):
    ents = _resolve(make_doc, [("Russian President Vladimir Putin signed the decree. Putin "
                               "then left for Minsk.")], settings)
    assert (_entity(ents, a).id == _entity(ents, b).id) is same


def test_fullest_name_in_article(make_doc):
    doc = make_doc("North Korean leader Kim Jong Un met Russian President Vladimir Putin. "
                   "Putin's visit lasted two days, and Kim saw him off.")
    names = article_names(doc)
    assert names.fullest("Putin") == "Vladimir Putin"
    assert names.fullest("Putin's") == "Vladimir Putin"
    assert names.fullest("Kim") == "Kim Jong Un"
    assert names.fullest("the Kremlin") == "Kremlin"  # not a name of this article: cleaned


@pytest.mark.parametrize("settings, same", [
    (ClaimsSettings(), True),
    (ClaimsSettings(entity_translit_acronyms=False), False),
])
def test_translit_switch(make_doc, settings, same):
    ents = _resolve(make_doc, [
        "Troops fought in Russia's special military operation (SVO) in Ukraine.",
        "Veterans of the SWO gathered in Kursk on Sunday.",
    ], settings)
    assert (_entity(ents, "SVO").id == _entity(ents, "SWO").id) is same


@pytest.mark.parametrize("settings, expected", [
    (ClaimsSettings(), "Korean Central News Agency"),
    (ClaimsSettings(entity_cue_words=0), "Central News Agency"),  # the exact (Taiwan) name
])
def test_country_cue_window(make_doc, settings, expected):
    text = "The message was carried by the Pyongyang-based Central News Agency on Saturday."
    ents = _resolve(make_doc, [text], settings)
    assert _entity(ents, "Central News Agency").name == expected


def test_unannotated_articles_and_unknown_article_ids(make_doc):
    from storyline.models import Annotation, Article, Document

    foreign = Document(Article(id="fr", text="Le président Poutine a écrit à Kim.", source="fr.txt"),
                       Annotation(article_id="fr", language="fr"))
    doc = make_doc("Russian President Vladimir Putin wrote to Kim Jong Un on Thursday.")
    stray = Claim(id="s", article_id="nowhere", kind="quote", text="x", span=(0, 1),
                  speaker="Vladimir Putin")
    ents, out = resolve_entities([foreign, doc], [stray], ClaimsSettings())
    assert {e.name for e in ents} >= {"Vladimir Putin", "Kim Jong Un"}
    assert all("fr" not in e.article_ids for e in ents)
    assert out == (stray,)  # a claim of an article not given is returned unchanged
