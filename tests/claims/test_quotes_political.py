"""Speakers over the whole article in political copy: surnames resolve to the most recent
compatible full name, and a verbless whole-sentence quotation continues the speaker before it."""

from __future__ import annotations

import pytest

from storyline.claims.quotes import extract_quotes
from storyline.claims.settings import ClaimsSettings

S = ClaimsSettings()


def speakers(make_doc, text: str) -> dict[str, str | None]:
    doc = make_doc(text)
    return {c.text: c.speaker for c in extract_quotes(doc, S) if c.attribution != "indirect"}


def test_surname_is_the_most_recent_full_name_not_the_longest(make_doc):
    text = (
        "Mitt Romney remained steadfast in his pledge to release only two years of tax returns.\n\n"
        "David Axelrod said on Sunday that limited disclosure raised questions, referring to "
        "George Romney, who ran for the Republican nomination in 1968.\n\n"
        "\"The administration has shown a serious departure from transparency,\" Romney said.")
    assert speakers(make_doc, text)[
        "The administration has shown a serious departure from transparency"] == "Mitt Romney"


def test_surname_after_a_named_spouse(make_doc):
    text = (
        "Ann Romney admitted on Thursday that no campaign is perfect.\n\n"
        "\"There's so much negativity involved. It's hard to know who's telling the truth,\" "
        "Romney said.")
    got = speakers(make_doc, text)
    assert got["There's so much negativity involved. It's hard to know who's telling the truth"] \
        == "Ann Romney"


def test_verbless_sentence_after_a_split_quote_keeps_the_speaker(make_doc):
    text = (
        "Close to $110 million has been spent, according to Mike McCabe of the Wisconsin "
        "Democracy Campaign.\n\n"
        "\"And that leaves a good three weeks of spending not accounted for yet,\" McCabe "
        "cautioned. \"Just a ton of money for a relatively small state. Insane.\"")
    got = speakers(make_doc, text)
    assert got["Just a ton of money for a relatively small state. Insane."] == "Mike McCabe"


def test_split_quote_frame_naming_an_organisation_is_not_a_new_speaker(make_doc):
    text = (
        "Republican National Committee Chairman Reince Priebus on Sunday threatened Republicans "
        "who refuse to support the nominee.\n\n"
        "\"People in our party are talking about what we're going to do about this. It's not a "
        "threat,\" the RNC chairman said. \"What should a private party do about that if those "
        "same people come around in four or eight years?\"")
    got = speakers(make_doc, text)
    assert got["What should a private party do about that if those same people come around in "
               "four or eight years?"] == "Reince Priebus"


def test_pull_quote_signed_after_a_dash(make_doc):
    text = (
        "One of the men admitted in court that he was not trying to enter Syria on humanitarian "
        "grounds.\n\n"
        "\u201cI was not going there to pass out medical kits or food.\u201d \u2014 Abdirahman "
        "Yasin Daud\n\n"
        "The judge sentenced him to 30 years in prison.")
    assert speakers(make_doc, text)[
        "I was not going there to pass out medical kits or food."] == "Abdirahman Yasin Daud"


def test_editorial_credit_is_the_outlet(make_doc):
    """(seventh pass, dev4: two Yahoo "The 360" round-ups) a round-up's credit line "— Editorial,
    Los Angeles Times" gives the outlet, not "Editorial"; a person's credit keeps the person."""
    text = (
        "What's next\n\nThe Senate will decide this week whether to call witnesses.\n\n"
        "Perspectives\n\nWitnesses are necessary\n\n"
        "\u201cA standard of proof beyond a reasonable doubt is unworkable without "
        "witnesses.\u201d \u2014 Evan A. Davis, The Hill\n\n"
        "A trial without witnesses would be a sham\n\n"
        "\u201cThe Senate trial will be a sham unless top officials testify.\u201d "
        "\u2014 Editorial, New York Times\n\n"
        "\u201cA trial with witnesses would be fair to the president and in the national "
        "interest.\u201d \u2014 Editorial board, the Los Angeles Times")
    got = speakers(make_doc, text)
    assert got["A standard of proof beyond a reasonable doubt is unworkable without "
               "witnesses."] == "Evan A. Davis"
    assert got["The Senate trial will be a sham unless top officials testify."] == \
        "New York Times"
    assert got["A trial with witnesses would be fair to the president and in the national "
               "interest."] == "Los Angeles Times"


def test_quotation_set_off_after_its_introduction(make_doc):
    text = (
        "Christopher Preble, vice president at the Cato Institute, says he gets worried when he "
        "scans the list of advisers.\n\n"
        "\"I've not found a single person advising the governor who has exhibited any doubts "
        "about the war in Iraq.\"")
    got = speakers(make_doc, text)
    assert got["I've not found a single person advising the governor who has exhibited any "
               "doubts about the war in Iraq."] == "Christopher Preble"


def test_pronoun_prefers_the_main_clause_subject(make_doc):
    text = (
        "Commerce Secretary John Bryson was involved in two car accidents over the weekend.\n\n"
        "Spokeswoman Jennifer Friedman confirmed that Bryson was involved, but pointed to medical "
        "reasons for the incident.\n\n"
        "\"He was taken to the hospital for examination and remained overnight,\" she said.")
    assert speakers(make_doc, text)[
        "He was taken to the hospital for examination and remained overnight"] \
        == "Jennifer Friedman"


def test_pronoun_reaches_a_name_in_apposition_to_the_subject(make_doc):
    text = (
        "Robert Ricker, a former lawyer for the association, wrote an affidavit in 2003.\n\n"
        "Another insider, Robert Hass, a former Smith & Wesson executive, testified about the "
        "industry. And yet, he said in an affidavit, \"the industry's position has consistently "
        "been to take no independent action.\"")
    assert speakers(make_doc, text)[
        "the industry's position has consistently been to take no independent action."] \
        == "Robert Hass"


def test_speech_verb_before_the_name(make_doc):
    text = (
        "Retiree Alice Sura could not escape the campaign ads at a local festival.\n\n"
        "\u201cIt\u2019s crazy. I think it\u2019s a big waste of money,\u201d complained Sura.")
    speaker = speakers(make_doc, text)["It\u2019s crazy. I think it\u2019s a big waste of money"]
    assert speaker is not None and speaker.endswith("Alice Sura")  # "Retiree Alice Sura" too


def test_mixed_quote_in_a_later_clause_takes_the_speaker_of_the_sentence(make_doc):
    text = (
        "Mr. Rubio said in a videotaped message that he will \"revolutionize\" higher education "
        "\"so that all of our people can acquire the skills they will need.\"")
    assert speakers(make_doc, text)[
        "so that all of our people can acquire the skills they will need."] == "Rubio"


@pytest.mark.parametrize("text, quote, speaker", [
    # a time expression is never the speaker: the subject of the clause is
    ("Pryor, who has described himself as \u201cnonpartisan,\u201d took pains last year to "
     "distance himself from the president during the campaign, at one point saying it was "
     "\u201ctotally secondary to me\u201d whether Romney or Obama won.",
     "totally secondary to me", "Pryor"),
    ("When he agreed to deliver a lecture last year, Neil Gorsuch felt the time was ripe to urge "
     "reform of \u201cthe maddening maze of our civil justice system.\u201d",
     "the maddening maze of our civil justice system.", "Neil Gorsuch"),
    # a pronoun skips a family ("the Romneys") for the person before it
    ("Ann Romney spoke on Thursday.\n\nIn 2016, the Romneys have an early eye on Rep. Paul Ryan "
     "of Wisconsin.\n\n\"Mitt and I are always very, very partial to Paul Ryan,\" she said.",
     "Mitt and I are always very, very partial to Paul Ryan", "Ann Romney"),
    # a photo credit run into a name is not the fuller name of the speaker
    ("Hillary Clinton spoke at the debate on Saturday. | AP Photo Clinton camp says it won't "
     "respond.\n\nOn Saturday Clinton said, \u201cHe is becoming ISIS's best recruiter.\u201d",
     "He is becoming ISIS's best recruiter.", "Hillary Clinton"),
    # "the group" is the organisation its earlier, fuller phrase names
    ("The new group of nine Democrats from the Problem Solvers Caucus threatened to withhold "
     "support for Pelosi.\n\nThe group, in a statement, said it would \"only vote for a "
     "Speaker candidate who supports rules changes.\"",
     "only vote for a Speaker candidate who supports rules changes.", "Problem Solvers Caucus"),
])
def test_speakers_are_people_not_times_families_or_captions(make_doc, text, quote, speaker):
    assert speakers(make_doc, text)[quote] == speaker
