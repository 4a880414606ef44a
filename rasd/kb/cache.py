"""Where the KB memoises derived data (GeoNames candidates, the validated KB).

Derived data only: everything here can be deleted at any time and is rebuilt
from the packages and the YAML files on the next load.
"""
from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path


def cache_dir() -> Path:
    """``$RASD_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasd``, else ``~/.cache/rasd``."""
    if os.environ.get("RASD_CACHE_DIR"):
        return Path(os.environ["RASD_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rasd"


def package_version(name: str) -> str:
    """Installed version of a distribution, part of every cache key built from its data."""
    return version(name)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` so that a concurrent reader sees the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
