"""Hand-made claims on real text (helpers for tests/crosscheck): each claim's span is found in the
article it is copied from, so
the records look exactly like the claims stage's output (the shared spec of ``Claim`` fields)."""

from __future__ import annotations

from storyline.models import Claim, Document, Entity, content_id


def claim_in(doc: Document, kind: str, text: str, occurrence: int = 0, **fields) -> Claim:
    """A claim whose ``text`` is found in ``doc`` (the ``occurrence``-th time), with real spans."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.find(text, start + 1)
        if start < 0:
            raise AssertionError(f"{text!r} not in article {doc.article.source}")
    end = start + len(text)
    sent = next(((s.start, s.end) for s in doc.annotation.sentences if s.start <= start < s.end),
                None)
    return Claim(
        id=content_id(doc.id, kind, start, end, fields.get("date"), fields.get("value")),
        article_id=doc.id,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        span=(start, end),
        sentence_span=sent,
        **fields,
    )


PUTIN = Entity("e_putin", "Vladimir Putin", "PERSON", ("Putin", "Vladimir Putin"))
KIM = Entity("e_kim", "Kim Jong Un", "PERSON", ("Kim Jong Un", "Kim Jong-un", "Kim"))
KCNA = Entity("e_kcna", "Korean Central News Agency", "AGENCY",
              ("KCNA", "CTAK", "Central News Agency", "Korean Central News Agency"))
SVO = Entity("e_svo", "special military operation", "EVENT", ("SVO", "SWO", "special military operation"))
NK = Entity("e_nk", "North Korea", "GPE", ("North Korea", "DPRK"))
KHINSTIN = Entity("e_khinstin", "Alexander Khinstin", "PERSON", ("Khinstin",))
SEED_ENTITIES = (PUTIN, KIM, KCNA, SVO, NK, KHINSTIN)


def seed_claims(d: list[Document]) -> list[Claim]:
    """Claims copied from the seed sentences, as the claims stage is specified to give them."""
    q = {"speaker": "Vladimir Putin", "speaker_entity_id": "e_putin"}
    ctak = {"via": "CTAK", "via_entity_id": "e_kcna"}
    return [
        # 000
        claim_in(d[0], "quote", "heroic participation", attribution="fragment", **q, **ctak),
        claim_in(d[0], "quote", "unbreakable friendship and combat brotherhood",
                 attribution="fragment", **q, **ctak),
        claim_in(d[0], "quote", "further development of traditional friendly relations and "
                 "cooperation", attribution="fragment", **q),
        claim_in(d[0], "quantity", "third year", value=3.0, unit="ordinal", noun="year",
                 aspect="ordinal", modality="asserted", subject="war in Ukraine", action="enter"),
        # 001
        claim_in(d[1], "quote", "heroic participation", attribution="fragment", **q, **ctak),
        claim_in(d[1], "quote", "clearly demonstrate the unbreakable friendship and combat "
                 "brotherhood between Russia and North Korea.", attribution="fragment", **q, **ctak),
        claim_in(d[1], "quote", "further development of traditional friendly relations and "
                 "cooperation", attribution="fragment", **q),
        claim_in(d[1], "quantity", "fourth year", value=4.0, unit="ordinal", noun="year",
                 aspect="ordinal", modality="asserted", subject="SVO", action="enter"),
        claim_in(d[1], "quote", "unbreakable friendship", attribution="fragment", **q),
        # 002
        claim_in(d[2], "quote", "heroic", attribution="fragment", **q),
        claim_in(d[2], "quote", "The Russian people will keep forever the memories of their "
                 "bravery and self-sacrifice,", attribution="direct", **q,
                 via="Korean Central News Agency", via_entity_id="e_kcna"),
        claim_in(d[2], "quantity", "an additional 30,000 troops", value=30000.0, noun="troop",
                 aspect="addition", modality="forecast", subject="North Korea", action="send"),
        claim_in(d[2], "date", "August 15, 1945", date="1945-08-15", precision="day",
                 expression="August 15, 1945", subject="Korea", action="liberation"),
        # 003
        claim_in(d[3], "date", "December 18", date="--12-18", precision="day",
                 expression="December 18", subject="Vladimir Putin", action="send message"),
        claim_in(d[3], "date", "December 25", date="--12-25", precision="day",
                 expression="December 25", subject="Putin", action="send greeting"),
        claim_in(d[3], "date", "Dec 27", date="--12-27", precision="day", expression="Dec 27",
                 subject="Kim Jong-un", action="convey greeting"),
        claim_in(d[3], "date", "June 2024", date="2024-06", precision="month",
                 expression="June 2024", subject="North Korea", action="sign treaty"),
        claim_in(d[3], "quantity", "approximately 15,000 combat troops", value=15000.0,
                 noun="troop", approximator="about", aspect="total", modality="asserted",
                 subject="North Korea", action="dispatch"),
        claim_in(d[3], "quote", "heroic", attribution="fragment", **q),
        claim_in(d[3], "quote", "precious common asset", attribution="fragment",
                 speaker="Kim Jong-un", speaker_entity_id="e_kim", via="KCNA",
                 via_entity_id="e_kcna"),
        # 004
        claim_in(d[4], "quote", "heroic participation", attribution="fragment", **q, **ctak),
        claim_in(d[4], "quote", "unwavering friendship and combat brotherhood.",
                 attribution="fragment", **q, **ctak),
        claim_in(d[4], "date", "December 4", date="--12-04", precision="day",
                 expression="December 4", subject="Alexander Khinstin", action="announce plan"),
    ]
