"""Reading a JSON record from an untrusted feed into values every later stage can handle.

``json.loads`` accepts things that break later code far from their cause: a lone surrogate
(``"\\ud800"``) cannot be encoded as UTF-8 (the store and the report fail), a 5,000-digit integer
cannot be printed (Python's int-to-str limit), ``NaN``/``Infinity`` are not JSON at all (the report
would not parse), and an object nested hundreds of levels deep overflows every recursive walk.
This module is the one place those are repaired or dropped, each with a W109 warning naming the
field, so one odd field never stops a run or reaches the report.

Hand-written rather than a schema library: the repairs are tiny and must not raise.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from storyline.models import ArticleWarning

MAX_DEPTH = 32
"""Metadata nested deeper than this is dropped (W109): no real feed nests that deep, and every
recursive walk (serialising, rendering) stays far inside Python's recursion limit."""
MAX_INT_DIGITS = 30
"""Integers with more digits are kept as their digit string (W109): beyond any real count, and
longer ones cannot be printed by Python (4,300-digit limit) or read exactly by JSON consumers."""

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Unrepresentable:
    """A number parsed from JSON that cannot be kept as a number: ``text`` is what the feed had."""

    __slots__ = ("finite", "text")

    def __init__(self, text: str, finite: bool):
        self.text = text
        self.finite = finite


def _parse_int(text: str) -> int | _Unrepresentable:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return _Unrepresentable(text, finite=True)
    return int(text)


def _parse_float(text: str) -> float | _Unrepresentable:
    if len(text) > 400:  # float() of a huge literal is slow and means nothing
        return _Unrepresentable(text[:40], finite=False)
    value = float(text)
    return value if math.isfinite(value) else _Unrepresentable(text, finite=False)


def _parse_constant(text: str) -> _Unrepresentable:
    return _Unrepresentable(text, finite=False)


def loads(text: str) -> Any:
    """``json.loads`` with huge and non-finite numbers parsed into placeholders (see
    :func:`clean`). Raises ``json.JSONDecodeError`` or ``RecursionError`` like ``json.loads``."""
    return json.loads(
        text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
    )


def clean_text(value: str) -> str:
    """``value`` with lone surrogates replaced by U+FFFD (a surrogate pair escaped in JSON is
    already one character when it gets here)."""
    return _SURROGATE.sub("\ufffd", value)


def field_name(key: object) -> str:
    """A field name for a warning: quoted, escaped, at most 40 characters."""
    return repr(clean_text(str(key))[:40])


def clean(value: Any, where: str, warnings: list[ArticleWarning], depth: int = 0) -> Any:
    """A copy of a parsed JSON value that is safe everywhere (see the module docstring);
    every repair or drop adds a W109 warning naming ``where`` (the field)."""
    if isinstance(value, str):
        fixed = clean_text(value)
        if fixed != value:
            warnings.append(ArticleWarning("W109", f"field {where} had broken Unicode (lone surrogates), repaired"))
        return fixed
    if isinstance(value, _Unrepresentable):
        if value.finite:
            warnings.append(ArticleWarning(
                "W109", f"field {where} holds a {len(value.text)}-digit number, kept as text"))
            return value.text
        warnings.append(ArticleWarning(
            "W109", f"field {where} is not a finite number ({value.text[:12]}), dropped"))
        return None
    if isinstance(value, (dict, list)):
        if depth >= MAX_DEPTH:
            warnings.append(ArticleWarning(
                "W109", f"field {where} is nested deeper than {MAX_DEPTH} levels, dropped"))
            return None
        if isinstance(value, list):
            return [clean(v, where, warnings, depth + 1) for v in value]
        out: dict[str, Any] = {}
        for k, v in value.items():
            key = clean_text(k)
            if key != k:
                warnings.append(ArticleWarning(
                    "W109", f"field name {field_name(k)} had broken Unicode (lone surrogates), "
                    "repaired"))
            out[key] = clean(v, where or field_name(key), warnings, depth + 1)
        return out
    return value
