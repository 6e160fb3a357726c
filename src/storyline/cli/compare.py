"""``storyline compare A B``: the passages two texts share, side by side.

Files are read by the ingest stage's reader, as ``storyline analyze`` reads them (the same decoder,
the same plain-text layout, the headline of a ``.txt`` split off), so a pair compares alike in
both. Article text is untrusted: everything printed goes through
:func:`storyline.cli.common.console_safe`, so no escape sequence in a file reaches the terminal.
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap

import click

from storyline.cli.common import console_safe, handle_errors, settings_options
from storyline.errors import InputError
from storyline.models import ArticleWarning
from storyline.serialize import to_dict


def _read(path: str) -> tuple[str, tuple[ArticleWarning, ...]]:
    """The stored text of ``path`` and its warnings, read exactly as ``ingest`` reads it (one
    decoder, one plain-text layout): the spans printed are spans of that text."""
    from storyline.ingest import read_inputs
    from storyline.models import Article

    for item in read_inputs([path]):
        if isinstance(item, Article):
            return item.text, item.warnings
        raise InputError(item.source, item.reason, item.code)
    raise InputError(path, "no article in this file", "E101")


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
        (text_a, warn_a), (text_b, warn_b) = _read(a), _read(b)
        result = compare_texts(text_a, text_b, settings.reuse)
    if as_json:
        out = {
            "a": a, "b": b, "linked": result.linked, "kind": result.kind, "score": result.score,
            "coverage_a": result.coverage_a, "coverage_b": result.coverage_b,
            "aligned_sentences": result.aligned_sentences, "direction": result.direction,
            "evidence": result.evidence, "basis": result.basis, "reason": result.reason,
            "warnings_a": to_dict(warn_a), "warnings_b": to_dict(warn_b),
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
    for path, warnings in ((a, warn_a), (b, warn_b)):
        for w in warnings:
            click.echo(f"warning: {console_safe(path)}: {console_safe(w)}", err=True)
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
