"""Name variants, titles, acronym definitions and transliterated acronyms (storyline.claims.aliases)."""

from __future__ import annotations

import pytest

from storyline.claims.aliases import (
    cyrillic_readings,
    find_acronym_definitions,
    initials,
    is_acronym,
    latin_renderings,
    schwartz_hearst,
    strip_title,
    translit_equivalent,
    variant_key,
)


@pytest.mark.parametrize("a, b, same", [
    ("Kim Jong Un", "Kim Jong-un", True),
    ("Kim Jong Un", "KIM JONG UN", True),
    ("Kim Jong Un", "Kim Jongun", True),
    ("Putin's", "Putin", True),
    ("Putin’s", "Putin", True),
    ("the Korean Central News Agency", "Korean Central News Agency", True),
    ("Zelenskiy", "Zelenskyy", True),
    ("Zelensky", "Zelenskyy", True),
    ("Sergei Lavrov", "Sergéi Lavrov", True),
    ("Kim Jong Un", "Kim Yo Jong", False),
    ("Kim Jong Un", "Kim Jong Il", False),
    ("North Korea", "South Korea", False),
    ("AAP", "AP", False),
    ("Central News Agency", "Korean Central News Agency", False),
])
def test_variant_key(a, b, same):
    assert (variant_key(a) == variant_key(b)) is same


@pytest.mark.parametrize("text, expected", [
    ("Russian President Vladimir Putin", "Vladimir Putin"),
    ("Governor Alexander Khinstin", "Alexander Khinstin"),
    ("North Korean leader Kim Jong Un", "Kim Jong Un"),
    ("Prime Minister Keir Starmer", "Keir Starmer"),
    ("Vladimir Putin", "Vladimir Putin"),
    ("President", "President"),  # nothing but a title: kept
    ("the president of the company", "the president of the company"),  # not a name after it
])
def test_strip_title(text, expected):
    assert strip_title(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("KCNA", True), ("ЦТАК", True), ("G20", False), ("SVO", True), ("B2B", True),
    ("Kim", False), ("A", False), ("NationPress", False), ("BelTA", False),
])
def test_is_acronym(text, expected):
    assert is_acronym(text) is expected


@pytest.mark.parametrize("long_form, expected", [
    ("Korean Central News Agency", "KCNA"),
    ("Agence France-Presse", "AFP"),
    ("Islamic Republic News Agency", "IRNA"),
    ("Центральное телеграфное агентство Кореи", "ЦТАК"),
    ("Democratic People's Republic of Korea", "DPRK"),
])
def test_initials(long_form, expected):
    assert initials(long_form) == expected


@pytest.mark.parametrize("a, b, equivalent", [
    ("SVO", "SWO", True),      # СВО, В as V or W
    ("CTAK", "ЦТАК", True),    # Ц as C
    ("TSTAK", "ЦТАК", True),   # Ц as TS
    ("CTAK", "TSTAK", True),
    ("TASS", "ТАСС", True),
    ("SVO", "SMO", False),     # the English initials are another acronym
    ("KCNA", "CTAK", False),   # the English and Russian acronyms of one agency: the table's job
    ("NATO", "OTAN", False),
    ("ЦТАК", "ТАСС", False),
])
def test_translit_equivalent(a, b, equivalent):
    assert translit_equivalent(a, b) is equivalent


def test_renderings_and_readings_are_inverse():
    assert {"CTAK", "TSTAK"} <= latin_renderings("ЦТАК")
    assert "СВО" in cyrillic_readings("SWO") and "СВО" in cyrillic_readings("SVO")
    assert latin_renderings("ΑΒΓ") == frozenset()  # Greek: not a Cyrillic acronym


@pytest.mark.parametrize("acronym, words, first", [
    ("KCNA", ["the", "Korean", "Central", "News", "Agency"], 1),
    ("WHO", ["the", "World", "Health", "Organization"], 1),
    ("SVO", ["Russia's", "ongoing", "special", "military", "operation"], None),
    ("CTAK", ["the", "Pyongyang-based", "Central", "News", "Agency"], None),
])
def test_schwartz_hearst(acronym, words, first):
    assert schwartz_hearst(acronym, words) == first


@pytest.mark.parametrize("text, expected", [
    (("Pyongyang's official Korean Central News Agency (KCNA) said on Friday that the test "
     "was a success."), [("KCNA", "Korean Central News Agency", True)]),
    ("According to the Pyongyang-based Central News Agency (CTAK), Putin praised the troops.",
     [("CTAK", "Central News Agency", False)]),
    ("Soldiers took part in Russia's ongoing special military operation (SVO) in Ukraine.",
     [("SVO", "special military operation", False)]),
    ("The World Health Organization (WHO) declared an emergency on Monday.",
     [("WHO", "World Health Organization", True)]),
    ("SEOUL (AP) — North Korea fired a missile into the sea, the military said.", []),
    ("The talks were hosted in Geneva (Switzerland) last year.", []),
])
def test_find_acronym_definitions(make_doc, text, expected):
    found = [(d.acronym, d.long_form, d.letters_match)
             for d in find_acronym_definitions(make_doc(text))]
    assert found == expected
