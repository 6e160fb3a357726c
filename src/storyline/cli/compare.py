"""``storyline compare A B``: the passages two texts share, side by side.

Files are read as plain text (``.txt``, ``.md``) or, for ``.html``/``.htm``, through the ingest
stage's reader when it is available. Article text is untrusted: everything printed goes through
:func:`storyline.cli.common.console_safe`, so no escape sequence in a file reaches the terminal.
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import click

from storyline.cli.common import console_safe, handle_errors, settings_options
from storyline.errors import InputError


def _read(path: str) -> str:
    p = Path(path)
    if p.suffix.lower() in (".html", ".htm"):
        from storyline.ingest import read_inputs
        from storyline.models import Article

        for item in read_inputs([str(p)]):
            if isinstance(item, Article):
                return item.text
            raise InputError(str(p), str(getattr(item, "reason", "cannot be read")),
                             str(getattr(item, "code", "E100")))
        raise InputError(str(p), "no extractable main text", "E108")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot be read: {exc.strerror or exc}", "E100") from None
    if b"\x00" in raw[:4096]:
        raise InputError(str(p), "binary file, not text", "E102")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _one_line(text: str) -> str:
    return console_safe(" ".join(text.split()))


@click.command("compare")
@click.argument("a", type=click.Path(dir_okay=False))
@click.argument("b", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@settings_options
def compare(a: str, b: str, as_json: bool, settings) -> None:
    """Align two texts A and B and print the passages they share, side by side."""
    from storyline.reuse import compare as compare_texts

    with handle_errors():
        text_a, text_b = _read(a), _read(b)
        result = compare_texts(text_a, text_b, settings.reuse)
    if as_json:
        out = {
            "a": a, "b": b, "linked": result.linked, "kind": result.kind, "score": result.score,
            "coverage_a": result.coverage_a, "coverage_b": result.coverage_b,
            "aligned_sentences": result.aligned_sentences, "direction": result.direction,
            "evidence": result.evidence, "reason": result.reason,
            "passages": [{
                "a_span": list(p.source_span), "b_span": list(p.target_span),
                "similarity": p.similarity, "kind": p.kind,
                "a_text": text_a[p.source_span[0]:p.source_span[1]],
                "b_text": text_b[p.target_span[0]:p.target_span[1]],
            } for p in result.passages],
        }
        # JSON escapes control characters itself; ensure_ascii also escapes bidi overrides
        click.echo(json.dumps(out, indent=2, ensure_ascii=True))
        return
    width = max(40, min(shutil.get_terminal_size((100, 20)).columns, 160))
    col = (width - 3) // 2
    verdict = "reuse" if result.linked else "no reuse link"
    click.echo(f"A: {console_safe(a)}\nB: {console_safe(b)}")
    click.echo(f"{verdict}: kind {result.kind or '-'}, score {result.score:.2f}, "
               f"covers {result.coverage_a:.0%} of A and {result.coverage_b:.0%} of B"
               + (f", direction {result.direction}" if result.direction else ""))
    click.echo(f"  {console_safe(result.reason)}")
    for n, p in enumerate(result.passages, 1):
        click.echo("")
        click.echo(f"[{n}] {p.kind}, similarity {p.similarity:.2f}  "
                   f"A {p.source_span[0]}-{p.source_span[1]}  B {p.target_span[0]}-"
                   f"{p.target_span[1]}")
        left = textwrap.wrap(_one_line(text_a[p.source_span[0]:p.source_span[1]]), col) or [""]
        right = textwrap.wrap(_one_line(text_b[p.target_span[0]:p.target_span[1]]), col) or [""]
        for i in range(max(len(left), len(right))):
            la = left[i] if i < len(left) else ""
            rb = right[i] if i < len(right) else ""
            click.echo(f"{la:<{col}} | {rb}")
    if not result.passages:
        click.echo("(no aligned passages)")
    sys.stdout.flush()
