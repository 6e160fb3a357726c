"""Rows of issue #16 on JSON records: each hostile record, mixed with the example corpus, is kept
(repaired, with a W109 warning) or rejected, and the whole run still writes a valid report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import api
from storyline.ingest import read_inputs
from storyline.ingest.settings import IngestSettings
from storyline.models import Article, ArticleWarning

TEXT = ("Fire crews fought a blaze at the Portville harbour on Tuesday, the port authority said. "
        "About {n} workers were evacuated and the quay reopens tomorrow, officials said.")


def _line(n: int, raw: str) -> str:
    return raw.replace("@TEXT@", TEXT.format(n=n))


HOSTILE = {
    "surrogate_id": '{"id": "\\ud800", "text": "@TEXT@"}',
    "surrogate_key_outlet": '{"x\\udfff": 1, "outlet": "North\\ud800wire", "text": "@TEXT@"}',
    "huge_number": '{"n": ' + "9" * 5000 + ', "text": "@TEXT@"}',
    "year_one": '{"published": "0001-01-01", "text": "@TEXT@"}',
    "year_9999": '{"published": "9999-12-31T23:59:59", "text": "@TEXT@"}',
    "year_zero_utc": '{"published": "0001-01-01T00:00:00+14:00", "text": "@TEXT@"}',
    "year_10000_utc": '{"published": "9999-12-31T23:59:59-14:00", "text": "@TEXT@"}',
    "deep_field": '{"text": "@TEXT@", "x": ' + "[" * 900 + "1" + "]" * 900 + "}",
    "nan": '{"text": "@TEXT@", "x": NaN, "y": -Infinity, "z": 1e999}',
    "wrong_types": '{"text": "@TEXT@", "title": {"t": 1}, "outlet": ["a", "b"], '
                   '"url": 5, "id": [1], "language": true}',
}


def _records(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(_line(i + 10, raw) + "\n" for i, raw in enumerate(HOSTILE.values())),
                    encoding="utf-8")
    return path


def _by_row(articles: list[Article]) -> dict[str, Article]:
    ordered = sorted(articles, key=lambda a: int(a.source.rsplit(":", 1)[1]))
    return dict(zip(HOSTILE, ordered))


def test_each_hostile_record_is_kept_with_a_named_warning(tmp_path):
    found = list(read_inputs([str(_records(tmp_path))], IngestSettings()))
    assert all(isinstance(x, Article) for x in found), found
    rows = _by_row(found)  # type: ignore[arg-type]
    assert rows["surrogate_id"].external_id == "\ufffd"
    assert "W109 field 'id' had broken Unicode" in str(rows["surrogate_id"].warnings[0])
    assert rows["surrogate_key_outlet"].outlet == "North\ufffdwire"
    assert "x\ufffd" in rows["surrogate_key_outlet"].metadata
    assert rows["huge_number"].metadata["n"] == "9" * 5000
    assert rows["huge_number"].warnings == (
        ArticleWarning("W109", "field 'n' holds a 5000-digit number, kept as text"),)
    assert rows["deep_field"].warnings == (
        ArticleWarning("W109", "field 'x' is nested deeper than 32 levels, dropped"),)
    assert rows["nan"].metadata == {"x": None, "y": None, "z": None}
    assert len(rows["nan"].warnings) == 3
    for name in ("year_zero_utc", "year_10000_utc"):  # not an instant in years 1-9999 in UTC
        assert rows[name].published is None and rows[name].warnings[0].code == "W106"
    wrong = rows["wrong_types"]
    assert (wrong.title, wrong.outlet, wrong.url, wrong.external_id, wrong.language) == (
        None, None, None, None, None)
    assert {w.message.split("'")[1] for w in wrong.warnings} == {"title", "outlet", "url", "id", "language"}
    assert not any("{'t'" in w.message or "['a'" in w.message for w in wrong.warnings)


def test_numeric_id_is_kept_exactly(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"id": 12345678901234567890, "text": TEXT.format(n=3)}) + "\n",
                    encoding="utf-8")
    (art,) = read_inputs([str(path)], IngestSettings())
    assert isinstance(art, Article) and art.external_id == "12345678901234567890"
    assert art.warnings == ()


@pytest.fixture(scope="module")
def mixed_report(tmp_path_factory, examples_dir):
    tmp = tmp_path_factory.mktemp("hostile")
    report = api.analyze([str(_records(tmp)), str(examples_dir)])
    out = report.write(tmp / "out")
    return report, out


def test_the_whole_run_survives_and_the_report_is_strict_json(mixed_report):
    report, out = mixed_report
    assert len(report.documents) == 7 + len(HOSTILE)
    assert report.rejected == ()
    text = out["json"].read_text(encoding="utf-8")
    # strict JSON: NaN/Infinity never reach the report, nor lone surrogates
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in report.json"))
    text.encode("utf-8")
    assert data["articles"]


def test_dates_relative_to_year_one_and_9999_are_left_unresolved(mixed_report):
    report, _ = mixed_report
    edge = {d.id for d in report.documents if (d.article.published or "")[:4] in ("0001", "9999")}
    assert len(edge) == 2
    relative = [c for c in report.claims if c.article_id in edge and c.kind == "date"]
    assert relative, "the 'Tuesday'/'tomorrow' of the edge articles are still found"
    assert all(c.date is None or "0001" <= c.date[:4] <= "9999" for c in relative)
