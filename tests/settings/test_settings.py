import pytest

from storyline.errors import SettingsError
from storyline.settings import Settings


def test_defaults_are_documented_and_serialisable():
    d = Settings().to_dict()
    assert set(d) == {"ingest", "annotate", "reuse", "stories", "claims", "checks", "report"}
    assert d["annotate"]["languages"] == ["en"]


def test_toml_then_overrides(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text('[ingest]\nmax_bytes = 5000\n[annotate]\nlanguages = ["en", "de"]\n')
    s = Settings.load(f, ["annotate.batch_size=8", "ingest.follow_symlinks=yes"])
    assert s.ingest.max_bytes == 5000
    assert s.annotate.languages == ("en", "de")
    assert s.annotate.batch_size == 8 and s.ingest.follow_symlinks is True
    s2 = Settings.load(overrides=["annotate.languages=en,fr"])
    assert s2.annotate.languages == ("en", "fr")


@pytest.mark.parametrize(
    "overrides, message",
    [
        (["ingest.max_bytes=0"], "allowed: 1"),
        (["ingest.nope=1"], "unknown setting ingest.nope"),
        (["nosection.x=1"], "unknown section"),
        (["annotate.batch_size=many"], "not a valid int"),
        (["annotate"], "SECTION.KEY=VALUE"),
    ],
)
def test_bad_settings_are_clear(overrides, message):
    with pytest.raises(SettingsError) as err:
        Settings.load(overrides=overrides)
    assert message in str(err.value) and str(err.value).startswith("E010")


def test_bad_toml_names_file(tmp_path):
    f = tmp_path / "broken.toml"
    f.write_text("[ingest\nmax_bytes = ")
    with pytest.raises(SettingsError, match="broken.toml"):
        Settings.load(f)
    with pytest.raises(SettingsError, match="missing.toml"):
        Settings.load(tmp_path / "missing.toml")
