"""Quotations with speaker and via on real spaCy parses: every form, and the traps."""

from __future__ import annotations

import pytest

from storyline.claims.quotes import extract_quotes
from storyline.claims.settings import ClaimsSettings
from storyline.models import content_id

S = ClaimsSettings()


def quotes(make_doc, text, **settings):
    doc = make_doc(text)
    return doc, extract_quotes(doc, ClaimsSettings(**settings) if settings else S)


def rows(claims, kinds=("direct", "fragment", "scare", "indirect")):
    return [(c.text, c.speaker, c.via, c.attribution) for c in claims if c.attribution in kinds]


MARKED = ("direct", "fragment", "scare")


@pytest.mark.parametrize(
    "text, expected",
    [
        # ---- direct quotes, speaker after / before / around the quote
        ('Russian President Vladimir Putin spoke on Monday. "Our troops will prevail," Putin said.',
         [("Our troops will prevail", "Vladimir Putin", None, "direct")]),
        (("Kim Jong-un sent a message to Moscow. “No one can sever the ties between our nations,” "
         "he stated."),
         [("No one can sever the ties between our nations", "Kim Jong-un", None, "direct")]),
        ("Kim asserted, “I believe that our alliance serves as a precious common asset.”",
         [("I believe that our alliance serves as a precious common asset.", "Kim", None,
           "direct")]),
        ('Defence Minister Andrei Belousov told Reuters: "We are ready for any scenario."',
         [("We are ready for any scenario.", "Andrei Belousov", "Reuters", "direct")]),
        # ---- multi-sentence quote
        ('"We are ready. We will not retreat," Ukrainian President Volodymyr Zelensky said.',
         [("We are ready. We will not retreat", "Volodymyr Zelensky", None, "direct")]),
        # ---- nested quotes: one claim, the outer one
        ("\"He told me 'never again' and walked out,\" said Anna Petrova, the victim's sister.",
         [("He told me 'never again' and walked out", "Anna Petrova", None, "direct")]),
        # ---- role noun and pronoun resolved to the person named before
        (('Vladimir Putin met the delegation in Moscow on Friday. "Our friendship is strong and '
         'will grow," the Russian leader said.'),
         [("Our friendship is strong and will grow", "Vladimir Putin", None, "direct")]),
        (("A senior fire department official said crews were delayed. “Several crucial minutes "
         "were lost,” the official said."),
         [("Several crucial minutes were lost", "A senior fire department official", None,
           "direct")]),
        # ---- fragments, with apostrophes around them
        (("Vladimir Putin praised the ‘heroic participation’ of North Korea’s troops in Russia’s "
         "operation."),
         [("heroic participation", "Vladimir Putin", None, "fragment")]),
        (("Putin’s message also expressed hope for the ‘further development of friendly "
         "relations’ between the two countries."),
         [("further development of friendly relations", "Putin", None, "fragment")]),
        # ---- via kept apart from the speaker
        (("According to the Pyongyang-based Central News Agency (CTAK), Putin emphasized the "
         "'unbreakable friendship' between the two nations."),
         [("unbreakable friendship", "Putin", "CTAK", "fragment")]),
        (("In his message, Kim Jong-un characterized the past year as “meaningful,” as reported "
         "by the Korean Central News Agency (KCNA)."),
         [("meaningful", "Kim Jong-un", "KCNA", "fragment")]),
        (("Vladimir Putin wrote to Kim. He remarked, “The Russian people will remember their "
         "bravery,” according to the Korean Central News Agency."),
         [("The Russian people will remember their bravery", "Vladimir Putin",
           "the Korean Central News Agency", "direct")]),
        ('Kim Jong Un was quoted by KCNA as saying the drills were "a grave provocation."',
         [("a grave provocation.", "Kim Jong Un", "KCNA", "fragment")]),
        ('"The drills are a dangerous provocation," KCNA quoted Kim Jong Un as saying.',
         [("The drills are a dangerous provocation", "Kim Jong Un", "KCNA", "direct")]),
        ('"The drills are a dangerous provocation," Kim Jong Un said, state media reported.',
         [("The drills are a dangerous provocation", "Kim Jong Un", "state media", "direct")]),
        (('Interior Minister Gerald Darmanin told the BBC in an interview: "The police acted '
         'lawfully."'),
         [("The police acted lawfully.", "Gerald Darmanin", "the BBC", "direct")]),
        ('"It is a sad day," said Maria Gonzalez. "We lost three friends."',
         [("It is a sad day", "Maria Gonzalez", None, "direct"),
          ("We lost three friends.", "Maria Gonzalez", None, "direct")]),
        (('IMF chief Dominique Strauss-Kahn said in an interview in French newspaper Le Parisien '
         'Wednesday: "Everyone must remain extremely vigilant."'),
         [("Everyone must remain extremely vigilant.", "Dominique Strauss-Kahn",
           "French newspaper Le Parisien", "direct")]),
        # ---- via in a neighbouring sentence with the same speaker
        (("In a letter reported by North Korean state media, Putin highlighted the ties. He "
         "stated, “The bonds of friendship remain solid.”"),
         [("The bonds of friendship remain solid.", "Putin", "North Korean state media",
           "direct")]),
        # ---- dateline agency
        (('MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Tuesday: "The talks '
         'were useful."'),
         [("The talks were useful.", "Sergei Lavrov", "Reuters", "direct")]),
        # ---- scare quotes: no speaker
        ("The so-called “peace plan” was never published.",
         [("peace plan", None, None, "scare")]),
        ("The sapper work has been described as 'crucial' to the success of the operation.",
         [("crucial", None, None, "scare")]),
        ("She starred in “Bathing Beauty” in 1944.", [("Bathing Beauty", None, None, "scare")]),
        # ---- a quotation running over a line break, the speaker after it
        (('Mayor Jane Smith toured the area on Sunday.\n"The fire destroyed three blocks.\nWe will '
         'rebuild every home," Smith said.'),
         [("The fire destroyed three blocks.\nWe will rebuild every home", "Jane Smith", None,
           "direct")]),
        # ---- a quotation interrupted by its frame
        (('Prime Minister Mark Carney spoke in Ottawa on Monday. "We are ready," he said, "and we '
         'will not retreat."'),
         [("We are ready", "Mark Carney", None, "direct"),
          ("and we will not retreat.", "Mark Carney", None, "direct")]),
        (('Officials gave no details. "This is a dark day for our city," said Mayor Karen Bass, who '
         'called the attack "senseless."'),
         [("This is a dark day for our city", "Karen Bass", None, "direct"),
          ("senseless.", "Karen Bass", None, "fragment")]),
        # ---- colon introduction
        (("Below is a statement by Francesca Grifo, director of the program:\n\"The new rules "
         "weaken the law.\""),
         [("The new rules weaken the law.", "Francesca Grifo", None, "direct")]),
    ],
)
def test_marked_quotes(make_doc, text, expected):
    _, claims = quotes(make_doc, text)
    assert rows(claims, MARKED) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police spokesman Mark Jones said that the suspect had been arrested on Friday.",
         [("the suspect had been arrested on Friday", "Mark Jones", None, "indirect")]),
        ("The suspect fled the scene before officers arrived, police said.",
         [("The suspect fled the scene before officers arrived", "police", None, "indirect")]),
        ("According to Health Minister Maria Lopez, the hospital treated 40 patients overnight.",
         [("the hospital treated 40 patients overnight", "Maria Lopez", None, "indirect")]),
        ("South Korean intelligence said North Korea may send an additional 30,000 troops.",
         [("North Korea may send an additional 30,000 troops", "South Korean intelligence",
           None, "indirect")]),
        # an outlet that is the speaker is not the via
        ("KCNA said the missile launch was a complete success.",
         [("the missile launch was a complete success", "KCNA", None, "indirect")]),
        # a parenthetical before the frame: the parser gives the verb two subjects
        ("Twelve people were injured, two of them seriously, fire brigade spokesman Anders Holm "
         "said.", [("Twelve people were injured", "Anders Holm", None, "indirect")]),
    ],
)
def test_indirect_speech(make_doc, text, expected):
    _, claims = quotes(make_doc, text)
    assert rows(claims, ("indirect",)) == expected


def test_paragraph_continuation_shares_the_speaker(make_doc):
    text = ("Mayor Jane Smith spoke at the rally on Sunday.\n“The fire destroyed three blocks.\n"
            "“We will rebuild every home,” she said.")
    _, claims = quotes(make_doc, text)
    assert rows(claims, MARKED) == [
        ("The fire destroyed three blocks.", "Jane Smith", None, "direct"),
        ("We will rebuild every home", "Jane Smith", None, "direct"),
    ]


def test_consecutive_quote_continues_the_speaker(make_doc):
    text = ('"I just say thank God it is over," the deputy\'s mother, Rosa Ortiz, said.\n'
            '"It was too much some days."')
    _, claims = quotes(make_doc, text)
    assert [c.speaker for c in claims if c.attribution in MARKED] == ["Rosa Ortiz"] * 2


def test_continuation_can_be_switched_off(make_doc):
    text = ('"I just say thank God it is over," the deputy\'s mother, Rosa Ortiz, said.\n'
            '"It was too much some days."')
    _, claims = quotes(make_doc, text, quote_continuation_sentences=0)
    assert [c.speaker for c in claims if c.attribution in MARKED] == ["Rosa Ortiz", None]


def test_apostrophes_and_times_make_no_quotes(make_doc):
    text = "Smith, who rose to fame in the ’90s, arrived at 8 o'clock for Russia's team."
    _, claims = quotes(make_doc, text)
    assert rows(claims, MARKED) == []


def test_unbalanced_quote_does_not_swallow_the_article(make_doc):
    text = ('The company called it a "temporary setback. Shares fell 5% on Monday.\n'
            'Analysts expect more losses this year.\nThe chief executive declined to comment.')
    _, claims = quotes(make_doc, text)
    assert all(len(c.text) < 60 for c in claims)
    assert rows(claims, MARKED) == []


def test_claim_fields(make_doc):
    text = 'Officials met on Monday. "We will rebuild," Mayor Jane Smith said.'
    doc, claims = quotes(make_doc, text)
    (c,) = [c for c in claims if c.attribution == "direct"]
    assert doc.text[c.span[0] : c.span[1]] == c.text == "We will rebuild"
    assert c.kind == "quote" and c.article_id == doc.id
    assert c.id == content_id(doc.id, "quote", c.span[0], c.span[1])
    assert c.sentence_span is not None
    assert doc.text[c.sentence_span[0] : c.sentence_span[1]].startswith('"We will rebuild')
    assert c.speaker_entity_id is None and c.via_entity_id is None


def test_indirect_can_be_switched_off(make_doc):
    _, claims = quotes(make_doc, "Police said the suspect fled.", quote_indirect=False)
    assert claims == ()


def test_deterministic_and_sorted(make_doc):
    text = ("Kim Jong-un sent greetings. “Our alliance is strong,” he said. Putin called it "
            "“a precious asset.” The so-called “peace plan” failed.")
    doc = make_doc(text)
    first, second = extract_quotes(doc, S), extract_quotes(doc, S)
    assert first == second
    assert [c.span for c in first] == sorted(c.span for c in first)


def test_empty_annotation_gives_no_claims(make_doc):
    from dataclasses import replace

    doc = make_doc('"We will win," he said.')
    empty = replace(doc, annotation=replace(doc.annotation, tokens=(), sentences=()))
    assert extract_quotes(empty, S) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the lede describes the speaker; the next sentence names them with that role as a title
        ("A retired four-star Army general said the president is a “serious threat to national "
         "security.”\nRetired Gen. Barry McCaffrey made the remarks on Friday.", "Barry McCaffrey"),
        ("A federal judge said the order was “plainly unlawful in every respect.” U.S. District "
         "Judge Beryl Howell issued the ruling on Monday.", "Beryl Howell"),
        # a person named next, but not with that role: the description stays
        ("A retired four-star Army general said the president is a “serious threat to national "
         "security.” Senator John Smith disagreed on Friday.", "A retired four-star Army general"),
    ],
)
def test_lede_description_is_named_in_the_next_sentence(make_doc, text, speaker):
    (q,) = [c for c in extract_quotes(make_doc(text), ClaimsSettings())
            if c.attribution in ("direct", "fragment")]
    assert q.speaker == speaker


def test_claims_stop_where_annotation_stopped(nlp):
    """A text longer than annotate.max_chars (W104): claims come from the annotated part only,
    never from the unparsed rest (which took the claims stage hours on a 19 MB article)."""
    import dataclasses

    from storyline.annotate import AnnotateSettings, annotate
    from storyline.claims import extract_claims
    from storyline.models import Article, Document

    head = "“We will rebuild the pier by spring,” the mayor said on Monday. " * 20
    tail = "“This part was never annotated at all,” the governor said later. " * 40
    article = Article(id=content_id(head + tail), text=head + tail, source="long.txt")
    settings = dataclasses.replace(AnnotateSettings(), max_chars=len(head) + 5)
    (annotation,) = list(annotate([article], settings, nlp))
    assert any(w.code == "W104" for w in annotation.warnings)
    claims = extract_claims(Document(article, annotation), ClaimsSettings())
    quotes = [c for c in claims if c.kind == "quote"]
    assert quotes and all(c.span[1] <= len(head) + 5 for c in claims)
    assert not any("never annotated" in c.text for c in claims)
