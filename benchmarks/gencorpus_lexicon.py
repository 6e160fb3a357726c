"""Word lists and sentence templates of the generated news corpus (:mod:`gencorpus`).

Every slot type has values of one fixed number of spaCy tokens (a PERSON is always two tokens,
a CITY one, an ORG two), so that :mod:`composed_annotation` can reuse the annotation of one
instance of a template for every other instance by swapping the slot tokens. Values avoid
periods, hyphens and apostrophes, which spaCy may split differently in context.

Vocabulary: common first names and surnames of several languages, real mid-size towns (single
words), national agencies, and the event vocabulary of wire reports (fires, floods, strikes,
collapses); sentence shapes follow the seed articles and ECB+ dev texts (leads with a toll and
a place, attributions with "said" after or before the quote, "according to" an agency, datelines
in capitals, background on earlier incidents).
"""

from __future__ import annotations

FIRST = """Maria Ahmed Olga Daniel Sofia Kenji Amara Lucas Fatima Pavel Elena Tomas Aisha Marco
Ingrid Rahul Chloe Yusuf Hannah Diego Mei Samuel Leila Viktor Nadia Oscar Priya Jonas Grace
Mateo Anna Hassan Clara Felix Zainab Hugo Irina Kwame Julia Pedro Ayumi Omar Laura Stefan Noor
Emil Rosa Tariq Alice Bruno Sara Ivan Amina Paul Lena Jorge Keiko Ali Marta Erik Dina Carlos
Yara Lars Sana Andre Vera Musa Helen Nikos Ruth Kofi Mona Piotr Eva Rafael Lina Jakob Asha David
Irene Malik Nora Arjun Beatriz Simon Farah Tobias Alma Victor Selin Gustav Leah Ramon Hana
Martin Lucia Sergei Ines Kai Esther Dmitri Jana Pablo Rania Henrik Liv""".split()

LAST = """Lopez Khan Petrova Novak Rossi Tanaka Okafor Silva Haddad Ivanov Costa Weber Mensah
Garcia Nguyen Kowalski Dubois Schmidt Yilmaz Moreau Andersen Patel Fischer Ortiz Sato Nowak
Romero Bakker Ferreira Hansen Suzuki Kim Larsen Rahman Horvat Jansen Mendes Varga Popescu Lindqvist
Moretti Alvarez Kaya Nielsen Brennan Osei Castillo Herrera Ramos Vidal Bauer Keller Hoffmann
Wagner Becker Meyer Morales Navarro Torres Medina Aguilar Vega Delgado Reyes Cruz Jimenez Ruiz
Diaz Molina Santos Kovac Marin Sorensen Berg Holm Dahl Lund Wolff Richter Krause Lang Frank Roth
Engel Vogel Kraus Brandt Hahn Seidel Ziegler Kuhn Pohl Fuchs Haas Sommer Graf Otto Jung Bianchi
Ricci Marino Greco Bruno Gallo Conti Mancini Lombardi Barbieri Fontana Santoro Mariani Rinaldi
Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Serra Coppola Farina Pellegrini
Mwangi Otieno Kamau Achieng Banda Phiri Dlamini Nkosi Mokoena Tembo Abubakar Bello Danjuma""".split()

CITY = """Dunmore Ashford Tampere Ghent Kalamata Leon Tarsus Varna Bergen Cadiz Lublin Mostar
Ancona Tromso Braga Nantes Aarhus Graz Split Sibiu Trier Kassel Malmo Brno Kosice Olomouc Pecs
Szeged Ruse Pleven Drama Patras Volos Larissa Izmir Bursa Samsun Erzurum Aksaray Tabriz Shiraz
Multan Sialkot Mysore Nagpur Indore Kochi Madurai Salem Cebu Davao Iloilo Medan Padang Malang
Bogor Semarang Surabaya Hue Vinh Haiphong Khulna Sylhet Rajshahi Mombasa Kisumu Nakuru Eldoret
Arusha Dodoma Mwanza Kigoma Ndola Kitwe Lusaka Blantyre Zomba Beira Nampula Tete Kumasi Tamale
Kano Kaduna Jos Enugu Owerri Aba Calabar Abeokuta Ibadan Ilorin Bamenda Garoua Maroua Kribi
Tulsa Boise Fresno Dayton Akron Toledo Spokane Tacoma Reno Provo Macon Mobile Duluth Peoria
Rockford Wichita Topeka Lincoln Omaha Albany Utica Syracuse Trenton Camden Erie Lowell Worcester
Hamilton Guelph Sudbury Moncton Regina Kelowna Nanaimo Lethbridge Geelong Ballarat Bendigo
Cairns Mackay Toowoomba Wollongong Nelson Napier Rotorua Tauranga Dundee Perth Inverness Stirling
Limerick Galway Sligo Derry Swansea Newport Wrexham Bangor Exeter Plymouth Bristol Norwich""".split()

COUNTRY = """Portugal Greece Turkey Bulgaria Romania Poland Hungary Croatia Serbia Norway Sweden
Finland Denmark Austria Belgium Ireland Italy Spain Germany France Kenya Tanzania Zambia Malawi
Mozambique Ghana Nigeria Cameroon India Pakistan Bangladesh Indonesia Vietnam Philippines
Canada Australia Mexico Chile Peru Colombia""".split()

# Two tokens each ("the" is in the templates).
ORG = ["Red Cross", "Health Ministry", "Interior Ministry", "Fire Service", "Coast Guard",
       "Police Department", "Transport Ministry", "Civil Defence", "Emergency Service",
       "Energy Ministry", "Labour Ministry", "City Council", "Port Authority", "Rail Authority",
       "Water Board", "Safety Board", "Mining Ministry", "Defence Ministry", "Justice Ministry",
       "Education Ministry", "Finance Ministry", "Weather Service", "Geological Survey",
       "Border Police", "Traffic Police", "Aviation Authority", "Electoral Commission",
       "Regional Council", "Relief Agency", "Housing Ministry"]

ROLE = """spokesman spokeswoman minister mayor governor official commander director chief inspector
prosecutor engineer superintendent coordinator adviser secretary councillor administrator
investigator lawyer""".split()

AGENCY = """Reuters AFP Xinhua Yonhap Interfax Anadolu Bernama Kyodo ANSA EFE DPA TASS Antara
Lusa""".split()

OUTLETS = ["Daily Ledger", "Morning Courier", "The Chronicle", "Evening Post", "Metro Online",
           "Northern Echo", "City Herald", "The Observer Desk", "Coast Times", "Valley News",
           "Capital Tribune", "National Wire", "World Report", "The Sentinel", "Harbour Gazette",
           "River Press", "Sun Bulletin", "Daily Dispatch", "Weekly Standard Online",
           "Frontier Times", "Independent Voice", "Public Radio News", "Star Journal",
           "Globe Review", "Free Press Today", "Community Voice", "Regional Digest",
           "Trade Journal", "Insider Brief", "Newsline 24"]
"""Outlets are record metadata (``outlet``), never annotated: their token counts do not matter."""

WIRE_OUTLETS = ["Reuters", "AFP", "Xinhua", "Anadolu", "EFE", "DPA", "Kyodo", "Interfax"]

WEEKDAY = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTH = ("January February March April May June July August September October November "
         "December").split()
ORDINAL = "second third fourth fifth sixth".split()
NUMBER_WORD = "two three four five six seven eight nine ten".split()

# Event types: the noun (one token), its indefinite form (two tokens), and a title verb.
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "fire": ("fire", "a fire"), "blaze": ("blaze", "a blaze"),
    "flood": ("flood", "a flood"), "explosion": ("explosion", "an explosion"),
    "blast": ("blast", "a blast"), "collapse": ("collapse", "a collapse"),
    "landslide": ("landslide", "a landslide"), "earthquake": ("earthquake", "an earthquake"),
    "storm": ("storm", "a storm"), "crash": ("crash", "a crash"),
    "derailment": ("derailment", "a derailment"), "strike": ("strike", "a strike"),
    "protest": ("protest", "a protest"), "outbreak": ("outbreak", "an outbreak"),
    "shooting": ("shooting", "a shooting"), "leak": ("leak", "a leak"),
}

SITE = """warehouse factory market school hospital station bridge mine port hotel stadium tower
depot plant refinery terminal mall church clinic prison dam tunnel highway barracks quarry
shipyard sawmill bakery cinema library theatre museum garage pier ferry dormitory
laboratory""".split()
GROUP_LEMMA = {"residents": "resident", "workers": "worker", "students": "student",
               "miners": "miner", "passengers": "passenger", "villagers": "villager",
               "patients": "patient", "tourists": "tourist", "firefighters": "firefighter",
               "farmers": "farmer", "drivers": "driver", "pupils": "pupil", "nurses": "nurse",
               "soldiers": "soldier", "guests": "guest", "shoppers": "shopper",
               "pilgrims": "pilgrim", "commuters": "commuter", "volunteers": "volunteer",
               "engineers": "engineer", "teachers": "teacher", "fans": "fan",
               "traders": "trader", "officers": "officer", "neighbours": "neighbour"}
GROUP = sorted(GROUP_LEMMA)
ADJ = """old main local small large busy new central northern southern eastern western nearby
crowded historic remote rural coastal industrial private public former""".split()
LEMMAS: dict[str, str] = dict(GROUP_LEMMA)
"""Lemmas of slot values whose lemma is neither the word nor its lower case (plurals)."""

SLOT_TYPES: dict[str, str] = {
    # slot name in templates -> slot type (fixed token count per type)
    "CITY": "CITY", "CITY2": "CITY", "CITYX": "CITY", "CITYU": "CITYU", "COUNTRY": "COUNTRY",
    "EV": "EV", "EVA": "EVA", "EVAC": "EVA", "DEAD": "NUM", "HURT": "NUM", "HOMES": "NUM",
    "NUM": "NUM", "NUM2": "NUM", "MISSING": "NUM", "WEEKDAY": "WEEKDAY", "MONTH": "MONTH",
    "DAY": "DAY", "YEAR": "YEAR", "P1": "PERSON", "P2": "PERSON", "P3": "PERSON",
    "PX": "PERSON", "PX2": "PERSON", "R1": "ROLE", "R2": "ROLE", "R3": "ROLE", "RX": "ROLE",
    "O1": "ORG", "O2": "ORG", "OX": "ORG", "AGENCY": "AGENCY", "ORD": "ORD", "NUMW": "NUMW",
    "SITE": "SITE", "SITEX": "SITE", "GROUP": "GROUP", "GROUP2": "GROUP", "ADJ": "ADJ",
    "ADJ2": "ADJ",
}
"""Slots filled per event (CITY, DEAD, P1, SITE, ...) or per paragraph (the X slots, NUM,
GROUP, ADJ): two reports of one event share its facts, not their wording."""

# ---------------------------------------------------------------- sentence templates
# A template is one paragraph of one or two sentences with {SLOT}s. Fact sentences are built
# from parts (lead-in + core + time + tail) so that independent reports of one event state the
# same facts in different words. Every template has slots drawn per paragraph, so that two
# articles using one template share its frame, not its sentence.

FACT_LEAD_IN = ["", "", "Officials said ", "Police said ", "Authorities said ",
                "Local media reported that ", "Witnesses said ", "Rescuers said ",
                "The {O1} said ", "A {R1} said ", "{PX}, a {RX} in {CITY}, said ",
                "According to the {OX}, "]
FACT_CORE = [
    "at least {DEAD} people were killed in {EVA} at a {ADJ} {SITE} in {CITY}",
    "{DEAD} people died and {HURT} were injured when {EVA} hit a {SITE} in {CITY}",
    "{EVA} killed {DEAD} {GROUP} near the {ADJ} {SITE} in {CITY}",
    "{EVA} in {CITY} left {DEAD} people dead and {HURT} {GROUP} injured",
    "the death toll from the {EV} at the {SITE} in {CITY} rose to {DEAD}",
    "{HURT} people were taken to {NUMW} hospitals after the {EV} in {CITY}",
    "the {EV} destroyed {HOMES} homes and a {ADJ} {SITEX} in {CITY}",
    "more than {HOMES} {GROUP} were forced to leave the {ADJ} district of {CITY}",
    "{MISSING} {GROUP} were still missing after the {EV} near {CITY}",
    "rescue teams with {NUM} {GROUP2} searched for {MISSING} missing people in {CITY}",
    "emergency crews reached the {ADJ} {SITE} in {CITY} after {NUMW} hours",
    "the {EV} hit the {ADJ} part of {CITY} near a {SITEX}",
    "{EVA} struck {CITY} in the {ADJ} region of {COUNTRY}",
    "hospitals in {CITY} and {CITYX} treated {HURT} people after the {EV}",
    "the {EV} cut power to {HOMES} homes and a {SITEX} in {CITY}",
    "{NUM} schools in {CITY} were closed after the {EV} at the {SITE}",
    "the {O1} sent {NUM} {GROUP} to the {SITE} in {CITY}",
    "the {EV} caused damage worth {NUM} million euros to the {ADJ} {SITE}",
    "roads between {CITY} and {CITYX} were closed after the {EV}",
    "the cause of the {EV} at the {ADJ} {SITE} was not yet known",
]
FACT_TIME = ["", "", " on {WEEKDAY}", " on {MONTH} {DAY}", " late on {WEEKDAY}",
             " early on {WEEKDAY}", " on {WEEKDAY} night", " on {WEEKDAY} morning"]
FACT_TAIL = ["", "", "", ", officials said", ", police said", ", the {O1} said",
             ", according to {AGENCY}", ", state media reported", ", a {R1} said",
             ", the {O2} said in a statement", ", {PX} of the {OX} said"]

DATELINE = "{CITYU}, {MONTH} {DAY} ({AGENCY}) - "

QUOTE_BODY = [
    "We are doing everything we can to help the {GROUP} and their families",
    "The situation at the {SITE} in {CITY} remains very difficult",
    "Nobody expected the {EV} to reach the {ADJ} {SITEX} so quickly",
    "Our {GROUP} have been working through the night with {NUM} others",
    "This is a tragedy for {CITY} and for the whole of {COUNTRY}",
    "We will find out what went wrong at the {SITE} and who is responsible",
    "The {GROUP} of {CITY} need help now, not promises from the {OX}",
    "We have never seen a {EV} like this in {NUMW} decades",
    "There is still a risk of another {EV} near the {ADJ} {SITEX}",
    "We ask {GROUP} to stay away from the {SITE} until {WEEKDAY}",
    "The damage to the {ADJ} {SITEX} is much worse than we first thought",
    "Every hour counts for the {MISSING} {GROUP} still missing",
    "The {OX} failed to act on the warnings about the {SITE}",
    "We had warned the {OX} about this {SITE} for {NUMW} years",
    "It was like the end of the world, the whole {SITEX} was shaking",
    "I heard a loud noise near the {SITE} and then everything went dark",
    "We lost everything we had in {CITY}, even the {ADJ} {SITEX}",
    "The search for the {GROUP} will continue until everyone is found",
    "Safety rules at the {SITE} were ignored for {NUMW} years",
    "We are working closely with the {O2} on the investigation into the {EV}",
    "It is too early to say what caused the {EV} at the {SITE}",
    "Our thoughts are with the {GROUP} and their families in {CITY}",
    "The water came into the {ADJ} {SITEX} within minutes",
    "Nobody told the {GROUP} to leave the {SITE} until it was too late",
    "We need {NUM} more doctors and more equipment in {CITY}",
    "This should never have happened at a {ADJ} {SITE}",
    "The {SITE} had failed {NUMW} inspections since {YEAR}",
    "Those responsible for the {EV} will be held to account by the {OX}",
    "We will rebuild every {SITEX} in {CITY}",
    "I saw {GROUP} running out of the {ADJ} {SITE}",
]
QUOTE_FRAME = [
    '"{Q}," {P1}, a {R1} for the {O1}, said.',
    '"{Q}," said {P1}, the {R1} of {CITY}.',
    '{P1}, a {R1} at the {O1}, said: "{Q}."',
    '"{Q}," {P2} told {AGENCY}.',
    '"{Q}," the {R1} told reporters in {CITY} on {WEEKDAY}.',
    '"{Q}," said {P2}, who lives in {CITY}.',
    '{P2}, a {R2} with the {O2}, told {AGENCY}: "{Q}."',
    '"{Q}," {P3} said in a statement.',
    '"{Q}," {P3}, a local {R3}, told reporters.',
]
INDIRECT = [
    "{P1} said the {O1} would open an investigation into the {EV} at the {ADJ} {SITE}.",
    "{P1}, the {R1} of {CITY}, said {NUM} {GROUP} would work through the night.",
    "According to {AGENCY}, {P2} said the {EV} at the {SITE} could have been prevented.",
    "{P2} told {AGENCY} that {NUM} {GROUP} had been rescued from the {SITEX} so far.",
    "The {R1} said the {O1} had sent {NUM} more {GROUP} to {CITY} on {WEEKDAY}.",
    "{P3} said the {GROUP} would receive support from the {O2} for {NUMW} months.",
    "A {R2} for the {O2} said the {ADJ} {SITEX} would stay closed until {WEEKDAY}.",
    "{P1} said on {WEEKDAY} that {MISSING} {GROUP} were still unaccounted for.",
]
BACKGROUND = [
    "It was the {ORD} {EV} in the {ADJ} region since {MONTH}.",
    "{COUNTRY} has seen {NUMW} similar disasters at {SITEX} sites since {YEAR}.",
    "The last major {EV} in {CITY} was in {YEAR}, when {NUM} {GROUP} died.",
    "{CITY} lies about {NUM} kilometres from {CITYX}, in the {ADJ} part of {COUNTRY}.",
    "The {O1} said it would publish a full report on the {SITE} by {MONTH}.",
    "Many {GROUP} in {CITY} had complained about the {ADJ} {SITEX} for {NUMW} years.",
    "The {O2} has promised {NUM} million euros to rebuild the {SITEX}.",
    "Critics say the {O1} ignored {NUMW} warnings about the {SITE}.",
    "The opposition called for the {R1} to resign over the {EV} in {CITY}.",
    "An inquiry into {EVA} in {CITY2} in {YEAR} found that {GROUP} had been put at risk.",
    "Earlier this year {EVA} at a {SITEX} in {CITY2} killed {NUM} people.",
    "The {ADJ} town of {CITY} has a population of about {NUM} thousand.",
    "Investigators from the {O2} arrived at the {SITE} in {CITY} on {WEEKDAY}.",
    "Officials in {COUNTRY} declared {NUMW} days of mourning for the {GROUP}.",
    "The {O1} opened a hotline for relatives of the {GROUP} at the {SITE}.",
]
CONTEXT = [
    "Traffic near the {ADJ} {SITEX} in {CITYX} was diverted for {NUMW} hours.",
    "Local {GROUP} handed out food and blankets at a {SITEX} in {CITY}.",
    "The {OX} said it had received {NUM} calls from {GROUP} in {CITY}.",
    "{PX}, a {RX} in {CITY}, said the response of the {OX} had been slow.",
    "Television images showed smoke rising over the {ADJ} {SITEX} in {CITY}.",
    "{NUM} flights from {CITYX} to {CITY} were cancelled on {WEEKDAY}.",
    "The {OX} warned {GROUP} in {CITYX} of more rain in the coming days.",
    "Shops near the {ADJ} {SITEX} in {CITY} stayed closed on {WEEKDAY}.",
    "Some {GROUP} in {CITYX} said they needed {NUM} more tents for the {GROUP2}.",
    "The {OX} said about {NUM} {GROUP} were living in a {ADJ} {SITEX} in {CITY}.",
    "Insurance companies said claims from {GROUP} could reach {NUM} million euros.",
    "{PX} said she had been waiting at the {SITEX} for news of her brother since {WEEKDAY}.",
    "Police closed the {ADJ} road between {CITY} and {CITYX} for {NUMW} days.",
    "Local officials said {NUM} {SITEX} buildings in {CITYX} would be inspected.",
    "The {OX} asked {GROUP} to give blood at the {ADJ} {SITEX} in {CITY}.",
    "{PX}, a {RX} from {CITYX}, said {GROUP} had gathered outside the {SITEX}.",
    "The {ADJ} {SITEX} in {CITYX} was turned into a shelter for {NUM} {GROUP}.",
    "{NUM} {GROUP} from {CITYX} joined the search on {WEEKDAY}, {PX} said.",
]
TITLES = [
    "{EVN} in {CITY} kills {DEAD}", "{DEAD} dead after {EV} hits {CITY}",
    "{CITY} counts the cost of {EV}", "Rescuers search for survivors in {CITY}",
    "Death toll rises in {CITY} {EV}", "Questions after deadly {EV} in {CITY}",
    "{CITY}: {DEAD} killed, {HURT} hurt", "Families wait for news in {CITY}",
    "{EVN} at {SITE} in {CITY}", "{CITY} {SITE} {EV}: what we know",
]
TRAILERS = {
    "Metro Online": "Follow Metro Online for the latest updates on this story.",
    "Newsline 24": "Sign up for the Newsline 24 newsletter to get the news first.",
    "Insider Brief": "This article was produced with the help of agency reports.",
    "Daily Dispatch": "Share this story with your friends and family.",
}
"""Per-outlet boilerplate paragraph (storyline's reuse drops what repeats within an outlet)."""

FRAME_PREFIX = ["", "", "", "Meanwhile, ", "On {WEEKDAY}, ", "In {CITYX}, ", "Separately, ",
                "At the same time, ", "Later, ", "In the meantime, ", "By {WEEKDAY}, "]
FRAME_SUFFIX = [".", ".", ".", ", local media reported.", ", a {RX} said.", ", officials said.",
                " on {WEEKDAY}.", ", the {OX} said.", ", according to {AGENCY}.",
                ", residents said.", " later that day."]
"""Openings and endings around background, context and reported-speech paragraphs: two
articles using one sentence frame rarely use it with the same opening and ending, so that
unrelated articles do not share near-verbatim sentences (a frame with other names alone is
too close in characters)."""

REWRITE_LEAD_IN = ["", "Officials say ", "Reports say ", "It was reported that "]
"""Lead-ins a rewriter swaps in: the core of the sentence stays (near-verbatim / paraphrase)."""
