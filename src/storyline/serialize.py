"""Records to JSON-ready dicts and back.

One place that knows how the frozen dataclasses of :mod:`storyline.models` become plain dicts (tuples
as lists, nested records as dicts) and how they are rebuilt, used by the store and the report.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
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
    if isinstance(record, (list, tuple)):
        return [to_dict(v) for v in record]
    if isinstance(record, dict) or hasattr(record, "items"):
        return {str(k): to_dict(v) for k, v in record.items()}
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
    return _convert(data, cls)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Pure function of a class: caching it cannot make results depend on history.
    return typing.get_type_hints(cls)


def _convert(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        kwargs = {}
        for f in dataclasses.fields(hint):
            if f.name in value:
                kwargs[f.name] = _convert(value[f.name], hints[f.name])
        return hint(**kwargs)
    if origin in (typing.Union, __import__("types").UnionType):
        non_none = [a for a in args if a is not type(None)]
        return _convert(value, non_none[0]) if len(non_none) == 1 else value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(v, args[0]) for v in value)
        if args:
            return tuple(_convert(v, a) for v, a in zip(value, args))
        return tuple(value)
    if origin is typing.Literal:
        return value
    return value
