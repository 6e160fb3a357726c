import hashlib
import os
import stat

import pytest

from storyline import ingest_corpus as ingest
from storyline import report_from_db

pytestmark = pytest.mark.slow


def test_report_from_db_leaves_the_store_untouched(tmp_path, seeds_dir):
    db = tmp_path / "corpus.db"
    summary = ingest([seeds_dir], db)
    assert len(summary.added) == 5
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    data = report_from_db(db)
    assert len(data["articles"]) == 5 and data["claims"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_written_reports_are_shareable(tmp_path, seeds_dir):
    from storyline import analyze

    old = os.umask(0o022)
    try:
        written = analyze([seeds_dir / "003_cddb1c0568ef28ca.txt"]).write(tmp_path / "out")
    finally:
        os.umask(old)
    for path in written.values():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("subpackage", ["ingest", "report", "reuse", "stories", "claims"])
def test_no_api_function_shadows_a_stage_subpackage(subpackage):
    import importlib
    import types

    import storyline

    module = importlib.import_module(f"storyline.{subpackage}")
    assert getattr(storyline, subpackage) is module
    assert isinstance(getattr(storyline, subpackage), types.ModuleType)


def test_report_build_is_reachable_as_an_attribute_chain():
    import storyline.report.build

    assert storyline.report.build.Report.__name__ == "Report"


def test_every_error_class_is_exported():
    import storyline
    from storyline import errors

    for name in ("StorylineError", "SettingsError", "InputError", "StoreError", "ModelError"):
        assert getattr(storyline, name) is getattr(errors, name)
        assert name in storyline.__all__
