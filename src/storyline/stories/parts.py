"""A mapping read from the store one entry at a time, that knows which entries it changed.

The event index of a large corpus (:mod:`storyline.stories.index`: events, postings, article
records, document frequencies) is stored as one row per entry (:mod:`storyline.stories.stored`),
and an ingest of a few articles needs a few hundred of the entries of a 100k-article index. A
:class:`PartMap` stands for one kind of entry: an entry is read from the store the first time it
is asked for (or in bulk, :meth:`PartMap.prefetch`), kept, and at the end :meth:`PartMap.changes`
gives the entries whose JSON differs from what was read (or that were added or deleted), so the
save writes only those.

A map whose values are large and mostly only read (events: read to score an article against,
changed when one joins) is ``tracked``: its :meth:`PartMap.changes` considers only the entries
set or marked with :func:`touch` since they were read, instead of encoding every entry read to
compare (which, at 100k stored articles, cost as much as the ingest itself).

It offers what the index uses of a ``dict`` (``[]``, ``get``, ``in``, ``setdefault``, ``pop``,
``del``) and deliberately no iteration or ``len``: code that would walk the whole index fails
loudly on a partly read one instead of seeing only the entries read so far. The index walks
what is in memory through :func:`resident`, and checks many keys at once through :func:`probe`.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterable, Mapping
from typing import Any, Protocol

_MISSING = object()


class PartSource(Protocol):
    def read(self, kind: str, keys: list[str]) -> dict[str, str]: ...

    def exists(self, kind: str, keys: list[str]) -> set[str]: ...


class PartMap:
    """Entries of ``kind`` read from ``source`` when first used (module docstring)."""

    def __init__(self, source: PartSource, kind: str, decode: Callable[[str], Any],
                 encode: Callable[[Any], str], *, tracked: bool = False):
        self._source, self.kind, self.tracked = source, kind, tracked
        self._touched: set[str] = set()  # of a tracked map: entries changed in place
        self._decode, self._encode = decode, encode
        self._data: dict[str, Any] = {}
        self._read: dict[str, str] = {}  # key -> JSON as read from the store
        self._absent: set[str] = set()  # known not to be in the store (nor here)
        self._present: set[str] = set()  # known to be in the store, not read yet

    # ---------------------------------------------------------------- reading

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read the entries of ``keys`` not read yet, in one go."""
        wanted = [k for k in dict.fromkeys(keys) if k not in self._data and k not in self._absent]
        if not wanted:
            return
        rows = self._source.read(self.kind, wanted)
        for k in wanted:
            text = rows.get(k)
            if text is None:
                self._absent.add(k)
            else:
                self._data[k] = self._decode(text)
                self._read[k] = text
            self._present.discard(k)

    def probe(self, keys: Iterable[str]) -> None:
        """Learn which of ``keys`` exist, without reading their values (one query)."""
        unknown = [k for k in keys
                   if k not in self._data and k not in self._absent and k not in self._present]
        if unknown:
            found = self._source.exists(self.kind, unknown)
            self._present.update(found)
            self._absent.update(k for k in unknown if k not in found)

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        data = self._data
        if key in data:
            return data[key]
        if key in self._absent:
            return default
        self.prefetch((key,))
        return data.get(key, default)

    def __contains__(self, key: object) -> bool:
        if key in self._data:
            return True
        if key in self._absent or not isinstance(key, str):
            return False
        if key not in self._present:
            self.probe((key,))
        return key in self._present

    # ---------------------------------------------------------------- writing

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value
        self._touched.add(key)
        self._absent.discard(key)
        self._present.discard(key)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.prefetch((key,))
        del self._data[key]
        self._absent.add(key)

    def setdefault(self, key: str, default: Any) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            self[key] = value = default
        return value

    def pop(self, key: str, default: Any = _MISSING) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise KeyError(key)
            return default
        del self[key]
        return value

    def touch(self, key: str) -> None:
        """Mark the entry ``key`` as changed in place (what a tracked map's save looks at)."""
        self._touched.add(key)

    def resident(self) -> ItemsView[str, Any]:
        """The entries in memory (read or set since loading)."""
        return self._data.items()

    def changes(self) -> dict[str, str | None]:
        """``{key: JSON}`` of the entries added or changed since they were read, ``{key: None}``
        of those deleted."""
        out: dict[str, str | None] = {}
        data = self._data
        keys = ([k for k in self._touched if k in data] + [k for k in data if k not in self._read]
                if self.tracked else data)
        for key in dict.fromkeys(keys):
            text = self._encode(data[key])
            if self._read.get(key) != text:
                out[key] = text
        for key in self._read:
            if key not in self._data:
                out[key] = None
        return out


def resident(mapping: Mapping[str, Any] | PartMap) -> Iterable[tuple[str, Any]]:
    """The entries of ``mapping`` in memory: all of a dict, those read so far of a PartMap."""
    return mapping.resident() if isinstance(mapping, PartMap) else mapping.items()


def in_memory(mapping: Mapping[str, Any] | PartMap, key: str) -> bool:
    """Whether ``mapping[key]`` is in memory: read or set since loading (a dict: present)."""
    return key in mapping._data if isinstance(mapping, PartMap) else key in mapping


def probe(mapping: Mapping[str, Any] | PartMap, keys: Iterable[str]) -> None:
    """Before testing many keys with ``in``: one query for a PartMap, nothing for a dict."""
    if isinstance(mapping, PartMap):
        mapping.probe(keys)


def touch(mapping: Mapping[str, Any] | PartMap, key: str) -> None:
    """Mark ``mapping[key]`` as changed in place: for a tracked PartMap (nothing for a dict)."""
    if isinstance(mapping, PartMap):
        mapping.touch(key)


def prefetch(mapping: Mapping[str, Any] | PartMap, keys: Iterable[str]) -> None:
    """Before reading many keys: one query for a PartMap, nothing for a dict."""
    if isinstance(mapping, PartMap):
        mapping.prefetch(keys)
