"""Code fingerprints: a stored result is reused only by the code that made it.

Per-article results cached in the store (claims today) are keyed by the settings *and* by a
fingerprint of the source files of the code that computes them. A version string would not do:
``__version__`` changes on releases, while the code changes with every commit, and an old store
would otherwise serve results of rules that have since been fixed.

The fingerprint hashes the bytes of every ``.py`` file, bundled data file (``.toml``,
``.json``, ``.tsv``, ``.txt``) and template (``.j2``, ``.css``, ``.js``) under the given
packages, in sorted path order, so it is the same on every machine for the same checkout and
changes when any of those files changes.
"""

from __future__ import annotations

import hashlib
import importlib
from functools import cache
from pathlib import Path

_SUFFIXES = frozenset({".py", ".toml", ".json", ".tsv", ".txt", ".j2", ".css", ".js"})


@cache  # the files of an imported package do not change under a running process
def code_fingerprint(*modules: str) -> str:
    """A 16-hex-digit hash of the source and data files of ``modules`` (packages or modules).

    >>> len(code_fingerprint("storyline.claims"))
    16
    """
    if not modules:
        raise ValueError("code_fingerprint needs at least one module name")
    digest = hashlib.sha256()
    for name in sorted(set(modules)):
        module = importlib.import_module(name)
        # a package (regular or namespace, like the data folder) or a single module
        roots = ([Path(p) for p in module.__path__] if hasattr(module, "__path__")
                 else [Path(module.__file__ or "")])
        for root in roots:
            files = sorted(root.rglob("*")) if root.is_dir() else [root]
            for path in files:
                if (path.suffix in _SUFFIXES and path.is_file()
                        and "__pycache__" not in path.parts):
                    digest.update(f"{name}:{path.relative_to(root.parent)}".encode())
                    digest.update(b"\0")
                    digest.update(path.read_bytes())
                    digest.update(b"\0")
    return digest.hexdigest()[:16]
