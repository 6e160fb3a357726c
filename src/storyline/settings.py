"""One settings object, a section per stage.

Each stage owns its section (a frozen dataclass in ``storyline/<stage>/settings.py``, every field
with a documented default); this module only composes them, loads them from TOML and applies
``section.key=value`` overrides from the command line. The CLI and the Python API take the same
object, and the report records the settings it was made with.

    >>> s = Settings.load(overrides=["reuse.min_passage_chars=60"])
    >>> s.reuse.min_passage_chars
    60

Invalid values raise :class:`storyline.errors.SettingsError` (code E010) naming the key and the
allowed range.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.annotate.settings import AnnotateSettings
from storyline.claims.settings import ClaimsSettings
from storyline.crosscheck.settings import CheckSettings
from storyline.engine.forked import deciding
from storyline.errors import SettingsError
from storyline.ingest.settings import IngestSettings
from storyline.report.settings import ReportSettings
from storyline.reuse.settings import ReuseSettings
from storyline.stories.settings import StoriesSettings


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    reuse: ReuseSettings = field(default_factory=ReuseSettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    claims: ClaimsSettings = field(default_factory=ClaimsSettings)
    checks: CheckSettings = field(default_factory=CheckSettings)
    report: ReportSettings = field(default_factory=ReportSettings)

    # ------------------------------------------------------------------ building

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, origin: str = "settings") -> Settings:
        """Build settings from a nested mapping ``{section: {key: value}}``; unknown keys fail."""
        kwargs: dict[str, Any] = {}
        sections = {f.name: f for f in dataclasses.fields(cls)}
        for name, values in data.items():
            if name not in sections:
                raise SettingsError(
                    f"{origin}: unknown section {name!r}; known sections: {', '.join(sections)}"
                )
            if not isinstance(values, Mapping):
                raise SettingsError(f"{origin}: section {name!r} must be a table of key = value")
            section_cls = _section_class(sections[name])
            kwargs[name] = _build_section(section_cls, name, values, origin)
        return cls(**kwargs)

    @classmethod
    def load(
        cls,
        path: str | Path | None = None,
        overrides: Iterable[str] = (),
    ) -> Settings:
        """Defaults, then the TOML file at ``path`` (if any), then ``section.key=value`` overrides."""
        data: dict[str, dict[str, Any]] = {}
        if path is not None:
            p = Path(path)
            try:
                with p.open("rb") as fh:
                    loaded = tomllib.load(fh)
            except OSError as exc:
                raise SettingsError(f"{p}: cannot read settings file: {exc.strerror or exc}") from exc
            except tomllib.TOMLDecodeError as exc:
                raise SettingsError(f"{p}: not valid TOML: {exc}") from exc
            data = {k: dict(v) if isinstance(v, Mapping) else v for k, v in loaded.items()}
        for item in overrides:
            key, sep, raw = item.partition("=")
            section, dot, name = key.strip().partition(".")
            if not sep or not dot or not name:
                raise SettingsError(
                    f"override {item!r}: expected SECTION.KEY=VALUE, e.g. reuse.min_passage_chars=60"
                )
            data.setdefault(section, {})[name] = _RawValue(raw.strip())
        return cls.from_dict(data, origin=str(path) if path else "settings")

    def replace(self, **sections: Any) -> Settings:
        return dataclasses.replace(self, **sections)

    def deciding(self) -> Settings:
        """These settings without those that only say how the work is spread (every section's
        ``processes``, at its default): what keys of cached results hold, so that running with
        another number of workers reuses them (the results are the same with any number)."""
        return dataclasses.replace(self, **{
            f.name: deciding(getattr(self, f.name)) for f in dataclasses.fields(self)})

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """A JSON-ready nested dict (tuples become lists), in field order."""
        return {
            f.name: _jsonable(dataclasses.asdict(getattr(self, f.name)))
            for f in dataclasses.fields(self)
        }


# ---------------------------------------------------------------------- internals


class _RawValue(str):
    """A value typed on the command line: coerced to the field's type."""


def _section_class(f: dataclasses.Field) -> type:
    factory = f.default_factory
    if isinstance(factory, type):
        return factory
    if callable(factory):
        return type(factory())
    raise TypeError(f"settings section {f.name!r} has no default factory")


def _build_section(section_cls: type, section: str, values: Mapping[str, Any], origin: str):
    hints = typing.get_type_hints(section_cls)
    known = {f.name for f in dataclasses.fields(section_cls)}
    kwargs = {}
    for key, value in values.items():
        if key not in known:
            raise SettingsError(
                f"{origin}: unknown setting {section}.{key}; known: {', '.join(sorted(known))}"
            )
        kwargs[key] = _coerce(value, hints[key], f"{section}.{key}", origin)
    try:
        return section_cls(**kwargs)
    except (ValueError, TypeError) as exc:
        raise SettingsError(f"{origin}: {exc}") from None


def _coerce(value: Any, hint: Any, key: str, origin: str) -> Any:
    origin_t = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin_t in (typing.Union, types.UnionType):
        if isinstance(value, _RawValue) and value.lower() in ("none", "null", ""):
            if type(None) in args:
                return None
        non_none = [a for a in args if a is not type(None)]
        if value is None and type(None) in args:
            return None
        return _coerce(value, non_none[0], key, origin)
    try:
        if origin_t is tuple:
            items = value.split(",") if isinstance(value, str) else list(value)
            inner = args[0] if args else str
            return tuple(_coerce(_RawValue(i.strip()) if isinstance(i, str) else i, inner, key,
                                 origin) for i in items if not (isinstance(i, str) and not i.strip()))
        if hint is bool:
            if isinstance(value, str):
                low = value.lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return bool(value)
        if hint is int:
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return int(value)
        if hint is float:
            return float(value)
        if hint is str:
            return str(value)
    except (ValueError, TypeError):
        raise SettingsError(
            f"{origin}: {key} = {value!r} is not a valid {getattr(hint, '__name__', hint)}"
        ) from None
    return value


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    return obj

