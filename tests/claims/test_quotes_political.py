"""Speakers over the whole article in political copy: surnames resolve to the most recent
compatible full name, and a verbless whole-sentence quotation continues the speaker before it."""

from __future__ import annotations

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
