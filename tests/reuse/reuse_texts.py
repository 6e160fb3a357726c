"""Hand-written texts and bare Documents shared by the reuse tests (imported through this
folder's conftest)."""

from __future__ import annotations

from storyline.models import Annotation, Article, Document, content_id

# A wire report in five sentences (the reuse tests rewrite, trim and copy it).
STORY = [
    ("Firefighters battled a blaze at a chemical warehouse in the port of Rotterdam on Tuesday "
    "night, forcing the evacuation of nearby homes."),
    ("The fire broke out shortly after 9 p.m. in a storage hall holding solvents and paint, a "
    "spokeswoman for the regional safety authority said."),
    ("Residents within two kilometres were told to keep windows and doors closed because of thick "
    "black smoke drifting over the city."),
    "No injuries were reported, but three firefighters were treated for exhaustion at the scene.",
    "The cause of the fire is under investigation and the warehouse owner has not commented.",
]


def bare_doc(text, *, outlet=None, published=None):
    """A Document without tokens (sentences from pysbd), as for unannotated input."""
    aid = content_id(text)
    return Document(Article(id=aid, text=text, source=f"{aid}.txt", outlet=outlet,
                            published=published), Annotation(aid, "en"))
