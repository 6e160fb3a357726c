"""The built-in agency table and the user alias file (storyline.claims.agencies)."""

from __future__ import annotations

import pytest

from storyline.claims.agencies import builtin_table, choose, load_alias_file, name_table
from storyline.errors import SettingsError


@pytest.fixture(scope="module")
def table():
    return name_table()


def test_builtin_table_is_complete_and_consistent():
    rows, countries = builtin_table()
    assert len(rows) >= 40
    names = [r.name for r in rows]
    assert len(names) == len(set(names))
    for r in rows:
        assert r.type == "AGENCY"
        assert isinstance(r.state_owned, bool), r.name
        assert r.country in countries, r.name
    required = {"Korean Central News Agency", "TASS", "RIA Novosti", "Xinhua News Agency",
                "Yonhap News Agency", "Reuters", "Associated Press", "Agence France-Presse",
                "Deutsche Presse-Agentur", "Agencia EFE", "ANSA", "Kyodo News", "Anadolu Agency",
                "Islamic Republic News Agency", "Press Trust of India", "Asian News International",
                "Indo-Asian News Service", "NationPress", "UNIAN", "Ukrinform", "BelTA",
                "Central News Agency", "Bernama"}
    assert required <= set(names)


@pytest.mark.parametrize("name, state_owned, country", [
    ("Korean Central News Agency", True, "KP"),
    ("TASS", True, "RU"),
    ("Xinhua News Agency", True, "CN"),
    ("Associated Press", False, "US"),
    ("Reuters", False, "GB"),
    ("Central News Agency", True, "TW"),
    ("Interfax", False, "RU"),
])
def test_table_rows(name, state_owned, country):
    rows, _ = builtin_table()
    row = next(r for r in rows if r.name == name)
    assert (row.state_owned, row.country) == (state_owned, country)


@pytest.mark.parametrize("form, outlet, expected", [
    ("KCNA", False, {"Korean Central News Agency"}),
    ("the Korean Central News Agency", False, {"Korean Central News Agency"}),
    ("ЦТАК", False, {"Korean Central News Agency"}),
    ("CTAK", False, {"Korean Central News Agency"}),   # derived from ЦТАК, not listed
    ("TsTAK", False, {"Korean Central News Agency"}),  # another spelling of ЦТАК
    ("ТАСС", False, {"TASS"}),
    ("ITAR-TASS", False, {"TASS"}),
    ("Yonhap", False, {"Yonhap News Agency"}),
    ("Xinhua", False, {"Xinhua News Agency"}),
    ("dpa", False, {"Deutsche Presse-Agentur"}),
    ("Agence France Presse", False, {"Agence France-Presse"}),
    ("РИА Новости", False, {"RIA Novosti"}),
    ("Central News Agency", False, {"Central News Agency", "Korean Central News Agency"}),
    # ambiguous short forms name an agency only as an outlet
    ("AP", False, set()),
    ("AP", True, {"Associated Press"}),
    ("AAP", True, {"Australian Associated Press"}),
    ("CNA", False, set()),
    ("CNA", True, {"Central News Agency"}),
    ("Bloomberg", False, set()),
    ("BTA", True, {"BelTA"}),  # initials of Белорусское телеграфное агентство
    ("Vladimir Putin", False, set()),
])
def test_table_lookup(table, form, outlet, expected):
    assert {table.entries[i].name for i in table.candidates(form, outlet=outlet)} == expected


@pytest.mark.parametrize("forms, cue_words, expected", [
    (["Central News Agency"], [], "Central News Agency"),
    (["Central News Agency"], ["the", "pyongyang", "based"], "Korean Central News Agency"),
    (["Central News Agency"], ["north", "korea", "s", "state", "run"], "Korean Central News Agency"),
    (["Central News Agency"], ["taiwan", "s"], "Central News Agency"),
    (["Central News Agency", "CTAK"], [], "Korean Central News Agency"),
    (["Central News Agency", "CNA"], ["taipei", "based"], "Central News Agency"),
    (["Central News Agency"], ["the", "tokyo", "based"], None),  # another country's agency
])
def test_choose_with_other_names_and_country_cues(table, forms, cue_words, expected):
    votes = [table.candidates(f, outlet=True) for f in forms]
    exact = [{r for r in v if table.is_exact(f, r)} for f, v in zip(forms, votes)]
    row = choose(table, votes, exact, table.countries_in(cue_words))
    assert (table.entries[row].name if row is not None else None) == expected


def test_user_alias_file_extends_and_overrides(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text(
        '["Islamic State"]\naliases = ["ISIS", "ISIL", "Daesh"]\n\n'
        '["Korean Central News Agency"]\naliases = ["Chosun Central News Agency"]\n\n'
        '["Wagner Group"]\naliases = ["PMC Wagner", "ЧВК Вагнер"]\ntype = "ORG"\n',
        encoding="utf-8")
    t = name_table(str(path))
    def names(form):
        return {t.entries[i].name for i in t.candidates(form)}
    assert names("Daesh") == {"Islamic State"}
    assert names("ISIL") == {"Islamic State"}
    assert names("Chosun Central News Agency") == {"Korean Central News Agency"}
    assert names("KCNA") == {"Korean Central News Agency"}  # the built-in row is kept
    assert names("PMC Wagner") == {"Wagner Group"}
    isis = next(e for e in t.entries if e.name == "Islamic State")
    assert isis.type == "ORG" and isis.source == str(path)
    kcna = next(e for e in t.entries if e.name == "Korean Central News Agency")
    assert kcna.type == "AGENCY" and str(path) in kcna.source  # type not given: kept


def test_user_alias_file_can_retype_a_builtin_row(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text('["Bloomberg News"]\naliases = ["Bloomberg L.P."]\ntype = "ORG"\n',
                    encoding="utf-8")
    row = next(e for e in name_table(str(path)).entries if e.name == "Bloomberg News")
    assert row.type == "ORG" and "Bloomberg L.P." in row.aliases


@pytest.mark.parametrize("content, reason", [
    ('["X"\naliases = ["Y"]', "not valid TOML"),
    ('X = "Y"\n', "must be a table"),
    ('["X"]\naliases = "Y"\n', "'aliases' must be a list"),
    ('["X"]\naliases = ["Y"]\ntype = "person"\n', "'type' must be an upper-case label"),
    ('["X"]\naliases = ["Y"]\ncolour = "red"\n', "unknown field"),
    ('["X"]\naliases = ["Y"]\nstate_owned = "yes"\n', "'state_owned' must be true or false"),
    ('["..."]\naliases = ["Y"]\n', "has no letters"),
])
def test_bad_alias_file_names_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_alias_file(str(path))
    assert str(path) in str(err.value) and reason in str(err.value)
    assert str(err.value).startswith("E010")


def test_missing_alias_file(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(SettingsError, match="cannot be read") as err:
        name_table(str(path))
    assert str(path) in str(err.value)
