"""Known names: the built-in table of news agencies and state media, and the user alias file.

The built-in table (``storyline/data/agencies.toml``, documented in the file) lists major news
agencies and state media with their English names, acronyms, names in the original language and
script, home country and whether a state owns or runs them. The user alias file
(``ClaimsSettings.alias_file``) extends it with any name the user wants brought together::

    ["Islamic State"]
    aliases = ["ISIS", "ISIL", "Daesh"]
    type = "ORG"                 # optional, "ORG" unless given ("AGENCY" for outlets)

    ["Korean Central News Agency"]   # an existing row: these aliases are added to it
    aliases = ["Chosun Central News Agency"]

Lookup (:meth:`NameTable.candidates`) is by :func:`~storyline.claims.aliases.variant_key`, so
case, hyphens and spaces do not matter. A Cyrillic acronym in the table also matches its Latin
spellings (ЦТАК -> "CTAK", "TSTAK"); the initials of a native name are matched too, but only
where the name is used as an outlet (short forms are ambiguous). A name that is the end of
another row's name ("Central News Agency" of Taiwan, end of "Korean Central News Agency") is a
candidate for both rows; :func:`choose` decides with the other names of the entity and with
country words near the mention ("the Pyongyang-based Central News Agency").
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from storyline.claims.aliases import (
    _is_cyrillic,
    initials,
    is_acronym,
    latin_renderings,
    variant_key,
)
from storyline.errors import SettingsError
from storyline.text.keys import name_key

_ENTRY_KEYS = frozenset({"name", "aliases", "acronyms", "ambiguous", "native", "country",
                         "state_owned", "type", "note"})
_USER_KEYS = frozenset({"aliases", "ambiguous", "type", "country", "state_owned", "note"})


@dataclass(frozen=True, slots=True)
class KnownName:
    """A row of the built-in table or of the user alias file."""

    name: str
    type: str = "AGENCY"
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    country: str | None = None
    state_owned: bool | None = None
    note: str = ""
    source: str = "built-in"

    def strong_forms(self) -> set[str]:
        """Keys that name this row wherever they appear."""
        keys = set()
        for form in (self.name, *self.aliases, *self.acronyms, *self.native):
            if form in self.ambiguous:
                continue
            keys.add(variant_key(form))
            if is_acronym(form) and _is_cyrillic(form) and len(form) >= 4:
                keys.update(r.lower() for r in latin_renderings(form))
        keys.discard("")
        return keys

    def weak_forms(self) -> set[str]:
        """Keys that name this row only where it is named as an outlet (ambiguous short forms,
        initials of native names, Latin spellings of short Cyrillic acronyms)."""
        keys = {variant_key(a) for a in self.ambiguous}
        for form in self.native:
            words = form.split()
            if len(words) >= 2 and (_is_cyrillic(form) or form.isascii()):
                ini = initials(form)
                if len(ini) >= 2:
                    keys.add(variant_key(ini))
                    if _is_cyrillic(ini):
                        keys.update(r.lower() for r in latin_renderings(ini))
            elif is_acronym(form) and _is_cyrillic(form):
                keys.update(r.lower() for r in latin_renderings(form))
        keys.discard("")
        return keys - self.strong_forms()


@dataclass(frozen=True)
class NameTable:
    """Known names indexed by variant key."""

    entries: tuple[KnownName, ...]
    strong: Mapping[str, tuple[int, ...]]
    weak: Mapping[str, tuple[int, ...]]
    suffix: Mapping[str, tuple[int, ...]]  # key of a name's last 3+ words -> rows
    exact: Mapping[str, tuple[int, ...]]  # key of a canonical name -> rows
    cues: Mapping[str, frozenset[str]]  # folded country word -> country codes

    def candidates(self, form: str, outlet: bool = False) -> set[int]:
        """Rows ``form`` may name (``outlet``: it is named as the outlet of a report)."""
        key = variant_key(form)
        if not key:
            return set()
        found = set(self.strong.get(key, ())) | set(self.suffix.get(key, ()))
        if outlet:
            found |= set(self.weak.get(key, ()))
        return found

    def is_exact(self, form: str, row: int) -> bool:
        return row in self.exact.get(variant_key(form), ()) or row in self.strong.get(
            variant_key(form), ())

    def countries_in(self, words: Iterable[str]) -> set[str]:
        """Country codes named by country words among the folded ``words`` (1-4 word cues)."""
        ws = list(words)
        found: set[str] = set()
        for n in (1, 2, 3, 4, 5):
            for i in range(len(ws) - n + 1):
                found |= self.cues.get(" ".join(ws[i:i + n]), frozenset())
        return found


def choose(table: NameTable, votes: list[set[int]], exact_forms: list[set[int]],
           cues: set[str]) -> int | None:
    """The row an entity's names agree on, or ``None``.

    ``votes`` holds, per name of the entity, the rows it may name; ``exact_forms`` the rows it
    names exactly; ``cues`` the country codes named near it. One candidate wins; else the rows
    every name agrees on; else those of the country named nearby; else the exact name."""
    cands = set().union(*votes) if votes else set()
    if len(cands) <= 1:
        return next(iter(cands), None)
    agreed = set.intersection(*[v for v in votes if v]) if any(votes) else set()
    if len(agreed) == 1:
        return next(iter(agreed))
    pool = agreed or cands
    if cues:
        local = {r for r in pool if table.entries[r].country in cues}
        if len(local) == 1:
            return next(iter(local))
        if not local:
            return None  # a country word near it names another country's agency
        pool = local
    exact = set().union(*exact_forms) & pool if exact_forms else set()
    return next(iter(exact)) if len(exact) == 1 else None


def _entry(raw: Mapping, where: str) -> KnownName:
    bad = set(raw) - _ENTRY_KEYS
    if bad:
        raise SettingsError(f"{where}: unknown field(s) {sorted(bad)}")
    return KnownName(
        name=raw["name"], type=raw.get("type", "AGENCY"),
        aliases=tuple(raw.get("aliases", ())), acronyms=tuple(raw.get("acronyms", ())),
        ambiguous=tuple(raw.get("ambiguous", ())), native=tuple(raw.get("native", ())),
        country=raw.get("country"), state_owned=raw.get("state_owned"),
        note=raw.get("note", ""), source="built-in",
    )


@lru_cache(maxsize=1)
def builtin_table() -> tuple[tuple[KnownName, ...], dict[str, tuple[str, ...]]]:
    """The packaged rows and country cue words (read once; the file is part of the package)."""
    raw = tomllib.loads(
        resources.files("storyline").joinpath("data/agencies.toml").read_text(encoding="utf-8"))
    rows = tuple(_entry(r, f"agencies.toml row {i}") for i, r in enumerate(raw["agency"]))
    countries = {k: tuple(v) for k, v in raw.get("countries", {}).items()}
    return rows, countries


@lru_cache(maxsize=1)
def outlet_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The built-in table's outlet names for telling whether a phrase names an outlet: the
    case-folded names, aliases and acronyms (``"reuters"``, ``"associated press"``, ``"kcna"``),
    and the ambiguous short forms, matched only as written (``"AP"``, ``"Fox"``: "a fox" is none).
    """
    rows, _ = builtin_table()
    folded: set[str] = set()
    exact: set[str] = set()
    for row in rows:
        folded.update(f.casefold() for f in (row.name, *row.aliases, *row.acronyms))
        exact.update(row.ambiguous)
    return frozenset(folded - {f.casefold() for f in exact}), frozenset(exact)


def load_alias_file(path: str) -> tuple[KnownName, ...]:
    """Rows of a user alias file; a missing or malformed file raises ``SettingsError`` naming
    the file and the reason."""
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"alias file {path}: cannot be read ({err.strerror or err})") from err
    except UnicodeDecodeError as err:
        raise SettingsError(f"alias file {path}: not UTF-8 text ({err.reason})") from err
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"alias file {path}: not valid TOML ({err})") from err
    rows = []
    for name, spec in raw.items():
        where = f"alias file {path}: entry {name!r}"
        if not isinstance(spec, dict):
            raise SettingsError(f"{where} must be a table with 'aliases' (and optionally 'type')")
        bad = set(spec) - _USER_KEYS
        if bad:
            raise SettingsError(f"{where}: unknown field(s) {sorted(bad)}; "
                                f"allowed: {sorted(_USER_KEYS)}")
        aliases = spec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip()
                                                    for a in aliases):
            raise SettingsError(f"{where}: 'aliases' must be a list of non-empty strings")
        ambiguous = spec.get("ambiguous", [])
        if not isinstance(ambiguous, list) or not all(isinstance(a, str) for a in ambiguous):
            raise SettingsError(f"{where}: 'ambiguous' must be a list of strings")
        typ = spec.get("type", "")  # "" = not given: "ORG" for a new row, kept for a built-in
        if not isinstance(typ, str) or (typ and not (
                typ.isupper() and typ.replace("_", "").isalpha())):
            raise SettingsError(f"{where}: 'type' must be an upper-case label such as "
                                f"\"PERSON\", \"ORG\" or \"AGENCY\", not {typ!r}")
        state = spec.get("state_owned")
        if state is not None and not isinstance(state, bool):
            raise SettingsError(f"{where}: 'state_owned' must be true or false")
        if not variant_key(name):
            raise SettingsError(f"{where}: the canonical name has no letters")
        rows.append(KnownName(
            name=name, type=typ, aliases=tuple(aliases), ambiguous=tuple(ambiguous),
            country=spec.get("country"), state_owned=state, note=str(spec.get("note", "")),
            source=str(path),
        ))
    return tuple(rows)


def name_table(alias_file: str = "") -> NameTable:
    """The built-in rows extended by the user alias file (a user row with the name of a built-in
    row adds its aliases to it and may change its type)."""
    rows, countries = builtin_table()
    entries = list(rows)
    if alias_file:
        by_key = {variant_key(r.name): i for i, r in enumerate(entries)}
        for user in load_alias_file(alias_file):
            i = by_key.get(variant_key(user.name))
            if i is None:
                by_key[variant_key(user.name)] = len(entries)
                entries.append(replace(user, type=user.type or "ORG"))
            else:
                old = entries[i]
                entries[i] = KnownName(
                    name=old.name, type=user.type or old.type,
                    aliases=old.aliases + user.aliases, acronyms=old.acronyms,
                    ambiguous=old.ambiguous + user.ambiguous, native=old.native,
                    country=user.country or old.country,
                    state_owned=old.state_owned if user.state_owned is None else user.state_owned,
                    note=user.note or old.note, source=f"built-in + {user.source}",
                )
    strong: dict[str, set[int]] = {}
    weak: dict[str, set[int]] = {}
    suffix: dict[str, set[int]] = {}
    exact: dict[str, set[int]] = {}
    for i, row in enumerate(entries):
        exact.setdefault(variant_key(row.name), set()).add(i)
        for k in row.strong_forms():
            strong.setdefault(k, set()).add(i)
        for k in row.weak_forms():
            weak.setdefault(k, set()).add(i)
        for form in (row.name, *row.aliases):
            words = form.split()
            for n in range(3, len(words)):
                tail = words[-n:]
                if tail[0][:1].isupper() and tail[0].lower() != "news":
                    suffix.setdefault(variant_key(" ".join(tail)), set()).add(i)
    cues: dict[str, set[str]] = {}
    for code, cue_words in countries.items():
        for w in cue_words:
            cues.setdefault(name_key(w), set()).add(code)
    return NameTable(
        entries=tuple(entries),
        strong={k: tuple(sorted(v)) for k, v in strong.items()},
        weak={k: tuple(sorted(v)) for k, v in weak.items()},
        suffix={k: tuple(sorted(v)) for k, v in suffix.items()},
        exact={k: tuple(sorted(v)) for k, v in exact.items()},
        cues={k: frozenset(v) for k, v in cues.items()},
    )
