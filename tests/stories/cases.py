"""Real-looking report sets for the stories tests: two incidents of one kind (two earthquakes),
a story with two events, and unrelated background coverage."""

from __future__ import annotations

from builders import build_doc

QUAKE_TURKEY = [
    [("A magnitude 6.1 earthquake struck [Malatya|GPE] province in eastern [Turkey|GPE] on Sunday, "
      "killing at least 14 people."),
     "[AFAD|ORG] said rescue teams were searching collapsed buildings.",
     "President [Recep Tayyip Erdogan|PERSON] said the state would rebuild homes."],
    ["At least 14 people died when a 6.1 magnitude quake hit [Malatya|GPE], [Turkey|GPE].",
     "Rescuers from [AFAD|ORG] pulled survivors from the rubble overnight.",
     "[Erdogan|PERSON] visited the province on Monday."],
    ["The death toll from the [Malatya|GPE] earthquake rose to 14, [AFAD|ORG] said.",
     "The quake damaged hundreds of buildings across eastern [Turkey|GPE].",
     "[Erdogan|PERSON] promised new housing within a year."],
]
QUAKE_CHILE = [
    [("A magnitude 6.4 earthquake shook central [Chile|GPE] near [Valparaiso|GPE] on Thursday, "
      "killing three people."),
     "[Senapred|ORG] ordered the evacuation of coastal areas.",
     "President [Gabriel Boric|PERSON] flew to the region."],
    ["Three people were killed when a strong quake hit [Valparaiso|GPE] in [Chile|GPE].",
     "[Senapred|ORG] lifted a tsunami warning after two hours.",
     "[Boric|PERSON] said damaged buildings would be inspected."],
    ["[Chile|GPE] counted three dead after the [Valparaiso|GPE] earthquake.",
     "Engineers inspected buildings in the port city, [Senapred|ORG] said.",
     "[Boric|PERSON] declared a state of catastrophe."],
]
BACKGROUND = [
    ["[Manchester United|ORG] beat [Arsenal|ORG] 2-1 at [Old Trafford|FAC] on Saturday.",
     "[Bruno Fernandes|PERSON] scored the winning goal in the second half."],
    ["The [European Central Bank|ORG] held interest rates at 4 percent.",
     "[Christine Lagarde|PERSON] said inflation was easing across the euro area."],
    ["Voters in [Portugal|GPE] elected a new parliament on Sunday.",
     "The [Socialist Party|ORG] lost its majority, official results showed."],
    ["[Apple|ORG] unveiled a new phone with a larger battery in [Cupertino|GPE].",
     "[Tim Cook|PERSON] said sales would start next week."],
    ["A wildfire forced thousands to flee homes near [Athens|GPE].",
     "Firefighters battled the blaze through the night, [Greek|NORP] officials said."],
    ["[NASA|ORG] delayed the launch of its lunar rocket by a month.",
     "Engineers found a leak in a fuel line at [Cape Canaveral|GPE]."],
]


def docs_of(reports, *, published=None, salt=""):
    return [build_doc(r, published=published, salt=salt) for r in reports]


def quake_corpus(turkey_date=None, chile_date=None):
    """(turkey docs, chile docs, background docs)."""
    return (docs_of(QUAKE_TURKEY, published=turkey_date), docs_of(QUAKE_CHILE, published=chile_date),
            docs_of(BACKGROUND))
