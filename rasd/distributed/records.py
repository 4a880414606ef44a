"""The Parquet layout of a distributed run, and reading it back without Spark.

A run writes one folder of tables (DESIGN.md's output contract, flattened):
``articles`` (one row per article, with its story and duplicates), and
``mentions``, ``entities``, ``events`` and ``quotes`` (one row per item,
keyed by ``article_id`` and ordered by ``seq``), all partitioned by
publication ``month`` (``YYYY-MM`` or ``undated``); ``stories`` (id, label,
size), ``entity_index`` (corpus entities merged across articles) and
``errors`` (inputs that failed, one line each as a local run prints them).

Columns are the fields of the ``rasd.doc`` dataclasses, so the tables follow
the contract as it changes. ``read_docs`` streams the tables back into
``Doc`` records month by month (each table is written sorted by ``pos``
within a month, so this is a merge, not a join held in memory): that is how
``rasd load`` fills the SQLite store. This module needs only pyarrow.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.doc import Doc, Entity, Event, Mention, Quote, Source

UNDATED = "undated"
ITEMS = {"mentions": Mention, "entities": Entity, "events": Event, "quotes": Quote}
ARTICLE_FIELDS = ("id", "title", "title_derived", "body", "published", "agencies", "story", "duplicates", "warnings")
SOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(Source))
KEYS = ("article_id", "pos", "seq")  # what ties an item row to its article, and orders it


def month(published: str | None) -> str:
    """The partition of an article: its publication month, or ``undated``."""
    return published[:7] if published and len(published) >= 7 else UNDATED


def item_fields(table: str) -> list[tuple[str, str]]:
    """(name, annotation) of each column of an item table, as the dataclass declares them."""
    return [(f.name, str(f.type)) for f in dataclasses.fields(ITEMS[table])]


def article_row(doc: Doc) -> dict[str, Any]:
    """The article-level columns of one Doc (its items go to their own tables)."""
    d = doc.to_dict()
    row = {name: d[name] for name in ARTICLE_FIELDS}
    row.update(d["source"])
    for table in ITEMS:
        row[table] = d[table]
    return row


def _doc(article: dict[str, Any], items: dict[str, list[dict[str, Any]]]) -> Doc:
    d = {name: article[name] for name in ARTICLE_FIELDS}
    d["source"] = {name: article[name] for name in SOURCE_FIELDS}
    for table in ITEMS:
        d[table] = [{k: v for k, v in row.items() if k not in KEYS and k != "month"} for row in items[table]]
    return Doc.from_dict(d)


def _rows(folder: Path, part: str) -> Iterator[dict[str, Any]]:
    """The rows of one month of one table in input order, a batch at a time."""
    import pyarrow.parquet as pq

    files = sorted((folder / f"month={part}").glob("*.parquet"))
    if len(files) == 1:  # as ``analyze_to_parquet`` writes it: already sorted
        for batch in pq.ParquetFile(files[0]).iter_batches(batch_size=512):
            yield from batch.to_pylist()
    elif files:  # rewritten by another tool: sort the month in memory
        table = pq.read_table(files)
        order = [(c, "ascending") for c in ("pos", "seq") if c in table.column_names]
        yield from table.sort_by(order).to_pylist()


def months(out: str | Path) -> list[str]:
    """The month partitions of a run's Parquet folder, oldest first (``undated`` last)."""
    return sorted(p.name.split("=", 1)[1] for p in (Path(out) / "articles").glob("month=*"))


def read_docs(out: str | Path) -> Iterator[tuple[Doc, str | None]]:
    """Every article of a run's Parquet folder as a Doc, with the hash of its input."""
    out = Path(out)
    for part in months(out):
        streams = {t: _rows(out / t, part) for t in ITEMS}
        heads: dict[str, dict | None] = {t: next(s, None) for t, s in streams.items()}
        for art in _rows(out / "articles", part):
            items: dict[str, list[dict]] = {t: [] for t in ITEMS}
            for t, stream in streams.items():
                while heads[t] is not None and heads[t]["pos"] <= art["pos"]:
                    if heads[t]["pos"] == art["pos"]:
                        items[t].append(heads[t])
                    heads[t] = next(stream, None)
            yield _doc(art, items), art.get("input_hash")


def read_table(out: str | Path, name: str) -> Iterator[dict[str, Any]]:
    """Rows of one of the small tables (``stories``, ``errors``, ``entity_index``)."""
    import pyarrow.dataset as ds

    folder = Path(out) / name
    if not folder.exists():
        return
    for batch in ds.dataset(folder, format="parquet").to_batches(batch_size=1024):
        yield from batch.to_pylist()
