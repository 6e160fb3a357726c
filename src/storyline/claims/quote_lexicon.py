"""Word lists behind quotation attribution: speech verbs, communication and role nouns, outlets.

Lemmas (spaCy's lemmatiser), lower case. The lists follow the reporting-verb inventories used in
quotation attribution work (Pareti et al. 2013; Pouliquen et al. 2007) trimmed to what English
news uses; extra outlet names come from ``ClaimsSettings.quote_outlets``.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset({
    "say", "state", "tell", "add", "note", "remark", "emphasize", "emphasise", "stress", "write",
    "describe", "call", "assert", "declare", "announce", "claim", "insist", "argue", "explain",
    "warn", "reply", "respond", "answer", "ask", "recall", "acknowledge", "admit", "deny",
    "confirm", "tweet", "post", "comment", "suggest", "predict", "promise", "vow", "pledge",
    "urge", "observe", "conclude", "quip", "joke", "complain", "characterize", "characterise",
    "term", "label", "dub", "praise", "laud", "commend", "hail", "highlight", "underscore",
    "underline", "express", "convey", "voice", "mention", "report", "speculate", "estimate",
    "testify", "allege", "maintain", "contend", "concede", "reiterate", "affirm", "proclaim",
    "assure", "thank", "congratulate", "accord", "quote", "refer", "criticize", "criticise",
    "blast", "lament", "caution", "pronounce", "tout", "welcome", "notify", "inform", "thunder",
    "yell", "shout", "scream", "chant", "exclaim", "whisper", "plead", "boast", "brag", "retort",
    "counter", "charge", "boom"
})
"""Lemmas that introduce speech (not "continue", far more often "would continue to 'act
jointly'" than "..., he continued", nor "read", more often a banner's slogan than a letter);
``accord`` is spaCy's lemma of "According (to)"."""

REPORTING_VERBS = frozenset({
    "say", "state", "tell", "add", "note", "remark", "emphasize", "emphasise", "stress", "write",
    "assert", "declare", "announce", "claim", "insist", "argue", "explain", "warn", "reply",
    "respond", "acknowledge", "admit", "deny", "confirm", "suggest", "predict", "promise", "vow",
    "pledge", "observe", "conclude", "allege", "maintain", "contend", "concede", "reiterate",
    "affirm", "report", "testify", "mention", "tweet", "highlight", "underscore", "indicate",
    "disclose", "reveal"
})
"""Lemmas whose clausal complement is indirect speech ("X said that ...")."""

COMMUNICATION_NOUNS = frozenset({
    "message", "statement", "letter", "remark", "remarks", "speech", "words", "greeting",
    "greetings", "note", "address", "comment", "comments", "tweet", "post", "interview",
    "declaration", "communique", "announcement", "telegram", "rhetoric", "reply", "response",
    "acknowledgment", "acknowledgement", "praise", "tribute"
})

DOCUMENT_NOUNS = frozenset({
    "letter", "statement", "memo", "memorandum", "message", "note", "communique", "declaration",
    "announcement", "telegram", "bulletin", "release", "email", "e-mail", "editorial"
})
"""Communication nouns that are a source of their own when the article names no author with
them ("the letter read", "the statement said"): the document is the speaker, as a reader cites
it ("according to the letter"). Not speech events ("remarks", "interview"), which need a
speaker."""

ORG_ROLE_NOUNS = frozenset({
    "company", "firm", "agency", "ministry", "department", "government", "organization",
    "organisation", "group", "club", "team", "union", "party", "corporation", "bank", "court",
    "council", "committee", "commission", "board", "caucus", "coalition", "campaign", "alliance",
    "association", "federation", "institute", "foundation", "panel", "administration"
})

PERSON_ROLE_NOUNS = frozenset({
    "leader", "president", "minister", "premier", "chancellor", "spokesman", "spokeswoman",
    "spokesperson", "official", "governor", "mayor", "chief", "head", "secretary", "general",
    "commander", "coach", "manager", "ceo", "chairman", "chairwoman", "director", "senator",
    "lawmaker", "actor", "actress", "singer", "player", "star", "officer", "lawyer", "attorney",
    "prosecutor", "judge", "king", "queen", "prince", "ruler", "dictator", "envoy", "ambassador",
    "diplomat", "founder", "owner", "captain", "candidate", "chairperson", "sheriff", "detective",
    "analyst", "expert", "congressman", "congresswoman", "representative", "legislator",
    "politician", "nominee", "democrat", "republican", "mogul", "businessman", "businesswoman",
    "billionaire", "aide", "adviser", "advisor", "strategist", "activist"
})
"""Nouns of a person's role: "the mogul said", "the Illinois Democrat said" is someone the
article named before (``speakers.antecedent``)."""

COMMENTATOR_NOUNS = frozenset({
    "pundit", "author", "commentator", "columnist"
})
"""Nouns of one whose commentary an article reports: "the pundit said", "the author declared"
is the person the article reports speaking most (``speakers._most_quoted``), not the person
named last, who is often the one the commentary is about."""

UNNAMED_SOURCE_NOUNS = frozenset({
    "source", "ally", "supporter", "donor", "operative", "insider", "confidant", "confidante",
    "person", "friend", "staffer", "employee", "worker", "resident", "voter", "member", "veteran"
})
"""Nouns of an unnamed person quoted by news ("says one source", "one former adviser says"):
with the role nouns, an indefinite subject of a speech verb that a later "he said" refers to
(``speakers.antecedent``)."""

OUTLET_NOUNS = frozenset({
    "agency", "media", "news", "newspaper", "paper", "daily", "broadcaster", "television", "tv",
    "radio", "outlet", "wire", "press", "website", "channel", "network", "magazine", "tabloid",
    "publication", "newswire"
})

REPORT_VERBS = frozenset({
    "report", "carry", "publish", "broadcast", "quote", "cite", "air"
})

NAMING_VERBS = frozenset({
    "call", "dub", "term", "label", "name", "title", "brand", "nickname"
})

PERSON_PRONOUNS = frozenset({
    "he", "she", "him", "her"
})

TIME_NOUNS = frozenset({
    "time", "point", "moment", "day", "week", "month", "year", "hour", "minute", "night",
    "morning", "evening", "afternoon", "weekend", "period", "stage", "era", "decade", "century",
    "season", "date"
})
"""Heads of time expressions: "at one point saying", "felt the time was ripe to urge": a time
never speaks, so the parser's subject or head there is not the speaker."""

NON_SPEAKER_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
"""Entity labels of what cannot speak (dates, numbers, amounts)."""

CAPTION_WORDS = frozenset({
    "photo", "photos", "video", "image", "images", "file", "credit", "courtesy",
    "illustration", "graphic"
})
"""Words of a photo credit or caption that the entity recogniser runs into a name ("AP Photo
Clinton camp says ..." tagged PERSON "Photo Clinton"): such a mention is not a fuller name."""
