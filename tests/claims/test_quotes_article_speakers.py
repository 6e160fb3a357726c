"""Speakers that need the rest of the article (issue 12, error classes read on the AllSides
dev + dev2 splits; the sentences are written for these tests, one class per list).

- an indefinite role is named only by a title of the name's own phrase, never by a name in the
  role's own phrase or the verb's object ("A spokesman for Feinstein told ...", "an employee
  asks Bertolini");
- a surname the recogniser tags as an organisation ("Trump made a video": ORG) is the person
  the article names in full, so "the mogul said" finds him;
"""

from __future__ import annotations

import pytest

from storyline.claims.quotes import extract_quotes
from storyline.claims.settings import ClaimsSettings

S = ClaimsSettings()


def speaker_of(make_doc, text: str, quote: str) -> str | None:
    doc = make_doc(text)
    return {c.text: c.speaker for c in extract_quotes(doc, S)
            if c.attribution != "indirect"}[quote]


ROLE_NOT_ITS_OWN_NAME = [
    ("Gov. Ellen Marshall signed the budget on Friday.\n\n"
     "A spokeswoman for Marshall told reporters on Monday that she \"never saw the contract "
     "before it was signed.\"",
     "never saw the contract before it was signed.", "A spokeswoman for Marshall"),
    ("Sen. Ruth Alvarez sold no shares of the company.\n\n"
     "A spokesman for Alvarez told CNN at the time that she \"did not sell any stock last "
     "year.\"",
     "did not sell any stock last year.", "A spokesman for Alvarez"),
    ("Daniel Okafor met the staff of the plant on Thursday.\n\n"
     "\"Will the plant stay open after the merger next year?\" a factory worker asks Okafor. "
     "\"We need to know soon.\"",
     "Will the plant stay open after the merger next year?", "a factory worker"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), ROLE_NOT_ITS_OWN_NAME,
                         ids=[c[2] for c in ROLE_NOT_ITS_OWN_NAME])
def test_role_not_named_by_its_own_phrase(make_doc, text, quote, speaker):
    assert speaker_of(make_doc, text, quote) == speaker


SURNAME_TAGGED_AS_ORG = [
    ("Dick Cheney endorsed Donald Trump on Friday.\n\n"
     "But Trump may not be too thrilled with Cheney’s endorsement either. In 2011, Trump made a "
     "YouTube video in which he trashed the former vice president.\n\n"
     "“He’s very, very angry and nasty,” the mogul said.",
     "He’s very, very angry and nasty", "Donald Trump"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), SURNAME_TAGGED_AS_ORG,
                         ids=[c[2] for c in SURNAME_TAGGED_AS_ORG])
def test_surname_tagged_as_an_organisation(make_doc, text, quote, speaker):
    assert speaker_of(make_doc, text, quote) == speaker
