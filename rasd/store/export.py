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
_PAGE = 500


def _article_pages(store: "Store") -> Iterator[list[Any]]:
    """Articles in pages, so an export of a big store never holds it all in memory."""
    last = 0
    while True:
        with store._lock:
            rows = store.db.execute(
                "SELECT a.rid, a.id, a.url, a.outlet, a.path, a.title, a.title_derived, a.published,"
                " a.agencies, a.story, a.body, a.json,"
                " (SELECT count(*) FROM mentions m WHERE m.article_id=a.id) AS mentions,"
                " (SELECT count(*) FROM article_entities ae WHERE ae.article_id=a.id) AS entities,"
                " (SELECT count(*) FROM events e WHERE e.article_id=a.id) AS events,"
                " (SELECT count(*) FROM quotes q WHERE q.article_id=a.id) AS quotes"
                " FROM articles a WHERE a.rid > ? ORDER BY a.rid LIMIT ?",
                (last, _PAGE),
            ).fetchall()
        if not rows:
            return
        last = rows[-1]["rid"]
        yield rows


def iter_rows(store: "Store", what: str, full_articles: bool = False) -> Iterator[dict[str, Any]]:
    """Flat rows of ``what``; ``full_articles`` gives articles as full Doc dicts instead."""
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    if what == "articles":
        for page in _article_pages(store):
            dups: dict[str, list[str]] = {}
            if full_articles:  # near-duplicates found after an article was stored count too
                with store._lock:
                    for a, b in store.db.execute(
                        "SELECT article_id, duplicate_id FROM duplicates WHERE article_id IN"
                        f" ({','.join('?' * len(page))}) ORDER BY duplicate_id", [r["id"] for r in page]
                    ):
                        dups.setdefault(a, []).append(b)
            for r in page:
                if full_articles:
                    d = json.loads(r["json"])
                    yield {"id": d.pop("id"), "body": r["body"], **d, "story": r["story"],
                           "duplicates": dups.get(r["id"], [])}
                else:
                    d = {c: r[c] for c in COLUMNS["articles"] if c != "agencies"}
                    d["agencies"] = json.loads(r["agencies"])
                    d["title_derived"] = bool(d["title_derived"])
                    yield d
    elif what == "events":
        for ev in store.events():
            yield {c: ev[c] for c in COLUMNS["events"]}
    elif what == "quotes":
        for q in store.quotes():
            yield {c: q[c] for c in COLUMNS["quotes"]}
    else:
        with store._lock:
            rows = store.db.execute(
                "SELECT * FROM entities WHERE articles > 0 ORDER BY articles DESC, mentions DESC, id"
            ).fetchall()
        for r in rows:
            d = {c: r[c] for c in COLUMNS["entities"]}
            d["aliases"] = json.loads(d["aliases"])
            yield d


def export(store: "Store", fmt: str, out: str | Path, what: str = "articles") -> int:
    """Write ``what`` to ``out`` in ``fmt``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    out = Path(out)
    n = 0
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as f:
            for row in iter_rows(store, what, full_articles=True):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    elif fmt == "csv":
        # utf-8-sig so that spreadsheet programs open the Arabic correctly.
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS[what])
            writer.writeheader()
            for row in iter_rows(store, what):
                writer.writerow({k: "; ".join(v) if k in _LIST_COLUMNS else v for k, v in row.items()})
                n += 1
    else:
        n = _write_parquet(store, out, what)
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
