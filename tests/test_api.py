import hashlib
import os
import stat

import pytest

from storyline import ingest, report_from_db

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
