from storyline.models import Claim, Event, Family, Passage, ReuseLink, Story
from storyline.serialize import from_dict, to_dict


def test_roundtrip_nested_records():
    link = ReuseLink("a", "b", "near_verbatim", 0.9, 0.8, 0.7, True,
                     (Passage((0, 10), (5, 15), 0.95, "verbatim"),), "dates")
    assert from_dict(ReuseLink, to_dict(link)) == link
    story = Story("s", "Fire", ("a", "b"), (Event("e", "Fire at port", ("a",)),))
    assert from_dict(Story, to_dict(story)) == story
    claim = Claim("c", "a", "quantity", "about 120 workers", (4, 21), value=120.0, unit=None,
                  noun="worker", approximator="about")
    assert from_dict(Claim, to_dict(claim)) == claim
    assert to_dict(Family("f", ("a",), None)) == {"id": "f", "article_ids": ["a"], "origin_id": None,
                                                  "origin_reason": ""}
    fam = Family("f", ("a", "b"), "a", "credited (Northwire) by 1 of the other 1 articles")
    assert from_dict(Family, to_dict(fam)) == fam


def test_the_schema_lists_exactly_the_typed_claim_categories():
    """models' Literal types and report/schema.json name the same values (one list each)."""
    import json
    import typing
    from pathlib import Path

    from storyline import models

    schema = json.loads((Path(models.__file__).parent / "report" / "schema.json").read_text())
    props = schema["properties"]["claims"]["items"]["properties"]
    for key, alias in [("kind", models.ClaimKind), ("precision", models.Precision),
                       ("attribution", models.AttributionKind),
                       ("approximator", models.Approximator), ("aspect", models.Aspect),
                       ("modality", models.Modality)]:
        assert set(props[key]["enum"]) - {None} == set(typing.get_args(alias)), key


def test_warning_codes_are_one_list():
    """models.WarningCode, errors.CODES, docs/errors.md and the report schema name the same
    warning codes; a warning is a record, read back from the strings older stores hold."""
    import json
    import re
    import typing
    from pathlib import Path

    import pytest

    from storyline import errors, models

    codes = set(typing.get_args(models.WarningCode))
    assert codes == {c for c in errors.CODES if c.startswith("W")}
    root = Path(models.__file__).resolve().parents[2]
    docs = root / "docs" / "errors.md"
    if docs.is_file():
        assert codes == set(re.findall(r"^\| `(W\d{3})` \|", docs.read_text(), re.M))
    schema = json.loads((Path(models.__file__).parent / "report" / "schema.json").read_text())
    item = schema["properties"]["articles"]["items"]["properties"]["warnings"]["items"]
    assert set(item["properties"]["code"]["enum"]) == codes
    w = models.ArticleWarning("W107", "not UTF-8: decoded as windows-1252")
    assert models.ArticleWarning.read(str(w)) == w == models.ArticleWarning.read(to_dict(w))
    assert str(w) == "W107 not UTF-8: decoded as windows-1252"
    with pytest.raises(ValueError, match="W999"):
        models.ArticleWarning("W999", "no such code")  # type: ignore[arg-type]
