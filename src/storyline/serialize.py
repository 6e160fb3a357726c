"""Records to JSON-ready dicts and back.

One place that knows how the frozen dataclasses of :mod:`storyline.models` become plain dicts (tuples
as lists, nested records as dicts) and how they are rebuilt, used by the store and the report.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_dict(record: Any) -> Any:
    """A JSON-ready copy of ``record`` (dataclasses, tuples, lists, dicts, scalars)."""
    cls: Any = type(record)
    if cls in _SCALARS:  # most values of a report: checked first, by exact type
        return record
    if cls is tuple or cls is list:
        return [to_dict(v) for v in record]
    names = _field_names(cls)
    if names is not None:
        return {n: to_dict(getattr(record, n)) for n in names}
    if isinstance(record, dict) or hasattr(record, "items"):
        return {str(k): to_dict(v) for k, v in record.items()}
    if isinstance(record, Sequence) and not isinstance(record, (str, bytes)):
        return [to_dict(v) for v in record]  # tuples' subclasses, models.Tokens
    return record


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type. Pure function of a class,
    like :func:`_hints`; a report serialises a million records of a dozen types."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output (unknown keys are ignored,
    missing keys take the field default)."""
    convert: Callable[[Any], T] = _converter(typing.cast(Any, cls))
    return convert(data)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Pure function of a class: caching it cannot make results depend on history.
    return typing.get_type_hints(cls)


def _same(value: Any) -> Any:
    return value


@functools.cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    """The function that rebuilds a value of type ``hint`` from its JSON form (None stays None).
    Made once per type, like :func:`_hints`: reading a store's cached claims spent 90 % of its
    time asking ``typing`` the same questions of every field of every record."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(hint)]
        record = hint

        def build(value: Any) -> Any:
            if value is None:
                return None
            return record(**{n: conv(value[n]) for n, conv in fields if n in value})

        return build
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        return _converter(non_none[0]) if len(non_none) == 1 else _same
    if origin is Sequence and args:  # a record's sequence field: rebuilt as a tuple
        item = _converter(args[0])
        return lambda value: None if value is None else tuple(item(v) for v in value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is _same:
                return lambda value: None if value is None else tuple(value)
            return lambda value: None if value is None else tuple(item(v) for v in value)
        if args:
            items = [_converter(a) for a in args]
            return lambda value: None if value is None else tuple(
                conv(v) for v, conv in zip(value, items))
        return lambda value: None if value is None else tuple(value)
    return _same
