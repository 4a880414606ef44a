"""Exports of the store as JSONL, CSV or Parquet, for analysts' own tools.

The events table uses the column names a GDELT/POLECAT user expects (date,
actor, actor_name, actor_country, event_type, ..., evidence). Articles in
JSONL are the full ``Doc.to_dict()`` records; in CSV/Parquet they are flat
rows (one column per field, lists joined), since neither format holds the
nested mentions well.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from rasd.store.sqlite import Store

FORMATS = ("jsonl", "csv", "parquet")
WHATS = ("articles", "events", "entities", "quotes")

COLUMNS = {
    "articles": ["id", "url", "outlet", "path", "title", "title_derived", "published", "agencies",
                 "story", "mentions", "entities", "events", "quotes", "body"],
    "events": ["date", "actor", "actor_name", "actor_country", "event_type", "mode", "target",
               "target_name", "target_country", "location", "location_name", "article_id", "url",
               "outlet", "evidence", "negated", "hypothetical"],
    "entities": ["id", "name", "name_ar", "type", "wikidata", "country", "aliases", "articles", "mentions"],
    "quotes": ["speaker", "speaker_name", "speaker_name_ar", "text", "kind", "cue", "article_id",
               "url", "outlet", "published", "start", "end"],
}
_LIST_COLUMNS = {"agencies", "aliases"}
_PAGE = 500  # rows per Parquet row group
STREAM_FORMATS = ("jsonl", "csv")  # the formats that can be written row by row to a socket

_ARTICLES_SQL = (
    "SELECT a.id, a.url, a.outlet, a.path, a.title, a.title_derived, a.published,"
    " a.agencies, a.story, a.body, a.json,"
    " (SELECT count(*) FROM mentions m WHERE m.article_id=a.id) AS mentions,"
    " (SELECT count(*) FROM article_entities ae WHERE ae.article_id=a.id) AS entities,"
    " (SELECT count(*) FROM events e WHERE e.article_id=a.id) AS events,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id=a.id) AS quotes,"
    # near-duplicates found after an article was stored count too
    " (SELECT json_group_array(duplicate_id) FROM (SELECT duplicate_id FROM duplicates d"
    "   WHERE d.article_id=a.id ORDER BY duplicate_id)) AS duplicates"
    " FROM articles a ORDER BY a.rid"
)


def iter_rows(store: "Store", what: str, full_articles: bool = False) -> Iterator[dict[str, Any]]:
    """Flat rows of ``what``; ``full_articles`` gives articles as full Doc dicts instead.

    Rows come from a cursor on a connection of their own: memory stays flat
    on any store size, and the shared connection (the API's, the
    analysis's) is never held while a slow consumer reads.
    """
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    db = store.reader()
    try:
        if what == "articles":
            for r in db.execute(_ARTICLES_SQL):
                if full_articles:
                    d = json.loads(r["json"])
                    yield {"id": d.pop("id"), "body": r["body"], **d, "story": r["story"],
                           "duplicates": json.loads(r["duplicates"])}
                else:
                    d = {c: r[c] for c in COLUMNS["articles"] if c != "agencies"}
                    d["agencies"] = json.loads(r["agencies"])
                    d["title_derived"] = bool(d["title_derived"])
                    yield d
        elif what == "events":
            for r in db.execute(*store._events_query()):
                ev = store._event_row(r)
                yield {c: ev[c] for c in COLUMNS["events"]}
        elif what == "quotes":
            for q in db.execute(*store._quotes_query()):
                yield {c: q[c] for c in COLUMNS["quotes"]}
        else:
            for r in db.execute(
                "SELECT * FROM entities WHERE articles > 0 ORDER BY articles DESC, mentions DESC, id"
            ):
                d = {c: r[c] for c in COLUMNS["entities"]}
                d["aliases"] = json.loads(d["aliases"])
                yield d
    finally:
        db.close()


class _Line:
    """A file-like sink for ``csv.writer`` that hands back what was written."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s

    def take(self) -> str:
        out, self.text = self.text, ""
        return out


def stream(store: "Store", fmt: str, what: str = "articles") -> Iterator[str]:
    """``what`` as text chunks of ``fmt`` (jsonl or csv), one row at a time."""
    if fmt not in STREAM_FORMATS:
        raise ValueError(f"cannot stream {fmt!r}: choose one of {', '.join(STREAM_FORMATS)}")
    if fmt == "jsonl":
        for row in iter_rows(store, what, full_articles=True):
            yield json.dumps(row, ensure_ascii=False) + "\n"
        return
    sink = _Line()
    writer = csv.DictWriter(sink, fieldnames=COLUMNS[what])
    writer.writeheader()
    yield sink.take()
    for row in iter_rows(store, what):
        writer.writerow({k: "; ".join(v) if k in _LIST_COLUMNS else v for k, v in row.items()})
        yield sink.take()


def export(store: "Store", fmt: str, out: str | Path, what: str = "articles") -> int:
    """Write ``what`` to ``out`` in ``fmt``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    out = Path(out)
    if fmt == "parquet":
        return _write_parquet(store, out, what)
    n = -1 if fmt == "csv" else 0  # the CSV header is no row
    # utf-8-sig for CSV so that spreadsheet programs open the Arabic correctly.
    with out.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as f:
        for chunk in stream(store, fmt, what):
            f.write(chunk)
            n += 1
    return n


def _write_parquet(store: "Store", out: Path, what: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = COLUMNS[what]
    types = {c: pa.list_(pa.string()) for c in _LIST_COLUMNS}
    types.update({c: pa.bool_() for c in ("negated", "hypothetical", "title_derived")})
    types.update({c: pa.int64() for c in ("start", "end", "articles", "mentions", "entities", "events", "quotes")})
    schema = pa.schema([(c, types.get(c, pa.string())) for c in columns])
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in iter_rows(store, what):
            batch.append(row)
            if len(batch) >= _PAGE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
