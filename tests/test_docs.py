"""The documentation keeps up with the code."""

from pathlib import Path

from storyline.errors import CODES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_error_code_is_documented():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in text]
    assert not missing, f"docs/errors.md lacks {missing}"


def test_settings_reference_is_current():
    from storyline.settings_doc import settings_markdown

    current = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert current == settings_markdown(), (
        "docs/settings.md is stale: run python -m storyline.settings_doc > docs/settings.md"
    )


def test_every_setting_is_documented():
    import dataclasses

    from storyline.settings import Settings
    from storyline.settings_doc import field_docs

    undocumented = []
    for section in dataclasses.fields(Settings):
        cls = type(getattr(Settings(), section.name))
        docs = field_docs(cls)
        undocumented += [f"{section.name}.{f.name}" for f in dataclasses.fields(cls)
                         if not docs.get(f.name)]
    assert not undocumented, f"settings without a docstring: {undocumented}"
