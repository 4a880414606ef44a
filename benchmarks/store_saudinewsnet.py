"""Throughput of clean + metadata + store (no NER) on SaudiNewsNet.

Reads the daily ZIPs of ../shared/eval/saudinewsnet in place (never
copied), runs ``rasd.clean.clean`` on each article as scraped text, and
``Store.upsert``s it (one transaction per article, as ``rasd analyze`` does;
``--batch N`` groups N per transaction). Prints articles/s for each part,
peak memory, the store's size, and search latency on a few Arabic queries.

    python benchmarks/store_saudinewsnet.py --limit 10000
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Iterator

from rasd.clean import clean
from rasd.ingest import RawArticle
from rasd.store import Store
from saudinewsnet import records

QUERIES = ["السعودية", "وزير الخارجية", "الرياض", "أسعار النفط", '"مجلس الوزراء"', "اليمن OR سوريا"]


def articles(limit: int) -> Iterator[RawArticle]:
    """Articles of the daily ZIPs in date order, as raw scraped text."""
    for n, (zip_name, rec) in enumerate(records(limit), 1):
        yield RawArticle(
            content=rec.get("content") or "", kind="text", path=f"{zip_name}:{n}",
            url=rec.get("url"), title=rec.get("title"), outlet=rec.get("source"),
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=1, help="articles per transaction (rasd analyze uses 1)")
    ap.add_argument("--db", help="store file (default: a temporary one)")
    ap.add_argument("--tracemalloc", action="store_true", help="also report Python heap peak (slower)")
    args = ap.parse_args()

    if args.tracemalloc:
        tracemalloc.start()
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db or Path(tmp.name) / "bench.db")
    store = Store(db)
    t_clean = t_store = 0.0
    c_clean = c_store = 0.0  # CPU seconds: the machine may be shared, wall time then misleads
    stored = failed = chars = 0
    pending = []
    t0 = time.perf_counter()
    for raw in articles(args.limit):
        a, ca = time.perf_counter(), time.process_time()
        try:
            doc = clean(raw)
        except Exception as e:  # empty articles exist in the corpus
            failed += 1
            if failed <= 3:
                print(f"  skipped {raw.path}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        b, cb = time.perf_counter(), time.process_time()
        t_clean += b - a
        c_clean += cb - ca
        chars += len(doc.body)
        if args.batch > 1:
            pending.append(doc)
            if len(pending) >= args.batch:
                store.upsert_many(pending)
                pending = []
        else:
            store.upsert(doc)
        t_store += time.perf_counter() - b
        c_store += time.process_time() - cb
        stored += 1
    if pending:
        b, cb = time.perf_counter(), time.process_time()
        store.upsert_many(pending)
        t_store += time.perf_counter() - b
        c_store += time.process_time() - cb
    wall = time.perf_counter() - t0

    latencies = {}
    for q in QUERIES:
        runs = []
        for _ in range(5):
            a = time.perf_counter()
            hits = store.search(q, limit=20)
            runs.append(time.perf_counter() - a)
        latencies[q] = (statistics.median(runs) * 1000, store.count(q), len(hits))
    n_articles = len(store)
    store.close()
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))

    print(f"articles read: {stored + failed}, stored: {stored} (distinct ids: {n_articles}), failed: {failed}")
    print(f"body characters: {chars:,}")
    print(f"wall: {wall:.1f} s -> {stored / wall:.0f} articles/s overall")
    print(f"clean: {t_clean:.1f} s wall ({stored / t_clean:.0f} articles/s), "
          f"{c_clean:.1f} s CPU ({stored / c_clean:.0f} articles/s)")
    print(f"store: {t_store:.1f} s wall ({stored / t_store:.0f} articles/s), "
          f"{c_store:.1f} s CPU ({stored / c_store:.0f} articles/s), batch={args.batch}")
    print(f"store file (incl. WAL): {size / 1e6:.1f} MB")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.tracemalloc:
        print(f"peak Python heap (tracemalloc): {tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
    print("search (median of 5, top 20):")
    for q, (ms, total, shown) in latencies.items():
        print(f"  {q!r}: {ms:.1f} ms, {total} matches")
    tmp.cleanup()


if __name__ == "__main__":
    main()
