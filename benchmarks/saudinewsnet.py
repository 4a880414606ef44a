"""SaudiNewsNet (../shared/eval/saudinewsnet), read in place from its daily ZIPs.

Shared by the benchmarks that need a real Arabic corpus at scale; the data is
non-commercial and never enters the repository or any shipped model.
"""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "saudinewsnet"


def records(limit: int | None = None, skip_empty: bool = False) -> Iterator[tuple[str, dict]]:
    """(zip name, record) pairs in date order; records have source, url, date_extracted, title, content."""
    n = 0
    for path in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for rec in json.loads(z.read(name)):
                    if skip_empty and not (rec.get("content") or "").strip():
                        continue
                    if limit is not None and n >= limit:
                        return
                    n += 1
                    yield path.name, rec
