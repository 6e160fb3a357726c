"""Render the settings reference (docs/settings.md) from the settings sections themselves.

Each field's documentation is the string literal that follows it in its section's class body
(the attribute-docstring convention), read with :mod:`ast`, so the reference cannot drift from the
code: ``tests/test_docs.py`` checks that docs/settings.md equals :func:`settings_markdown`.

    python -m storyline.settings_doc > docs/settings.md
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import textwrap

from storyline.settings import Settings


def field_docs(cls: type) -> dict[str, str]:
    """``{field name: docstring}`` of a dataclass whose fields carry attribute docstrings."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, nxt in zip(body, body[1:]):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            docs[node.target.id] = " ".join(nxt.value.value.split())
    return docs


_ROLE = re.compile(r":(?:func|meth|mod|class|data|attr|obj|exc):`(~?)([^`]+)`")


def markdown_text(doc: str) -> str:
    """A docstring as Markdown: Sphinx roles (``:func:`~a.b```) as code (`b`), RST double
    backticks as single ones, table pipes escaped."""
    doc = _ROLE.sub(lambda m: f"`{m.group(2).rsplit('.', 1)[-1] if m.group(1) else m.group(2)}`",
                    doc)
    return doc.replace("``", "`").replace("|", "\\|")


def settings_markdown() -> str:
    out = [
        "# Settings",
        "",
        "One settings object, a section per stage. Set them in a TOML file (`--settings FILE`) or",
        "one at a time (`--set SECTION.KEY=VALUE`); the Python API takes the same object",
        "(`storyline.Settings.load(path, overrides)`). Generated from the code by",
        "`python -m storyline.settings_doc`.",
        "",
    ]
    defaults = Settings()
    for section in dataclasses.fields(Settings):
        obj = getattr(defaults, section.name)
        cls = type(obj)
        out += [f"## `[{section.name}]`", ""]
        if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):  # not the generated one
            out += [markdown_text(" ".join(cls.__doc__.split())), ""]
        docs = field_docs(cls)
        fields = dataclasses.fields(cls)
        if not fields:
            out += ["(no settings yet)", ""]
            continue
        out += ["| key | default | meaning |", "|---|---|---|"]
        for f in fields:
            value = getattr(obj, f.name)
            shown = list(value) if isinstance(value, tuple) else value
            doc = markdown_text(docs.get(f.name, ""))
            out.append(f"| `{f.name}` | `{shown!r}` | {doc} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(settings_markdown(), end="")
