"""Search load on ``rasd serve``: 50 concurrent clients for 30 s, alone and during an ingest.

Loopback only, bounded in time. Builds (or reuses, ``--db``) a store of
SaudiNewsNet articles (clean + store, no NER: search only needs the text),
starts ``rasd serve`` on 127.0.0.1, and runs ``--clients`` keep-alive
clients that each search one word after another (words drawn from the
stored titles, seed 7) for ``--seconds``. Then the same while ``rasd
analyze`` writes the next ``--ingest`` articles into the same store. Prints
requests/s, latency percentiles and errors (non-200 or broken connections)
for both phases. The client is a few lines of asyncio, not httpx, so that
it takes little of the CPU it measures.

    nice -n 10 python benchmarks/api_load.py [--articles 2000] [--db FILE]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from saudinewsnet import records

RASD = Path(sys.executable).with_name("rasd")
HOST = "127.0.0.1"  # loopback only: this script never sends load anywhere else


def build_store(db: Path, n: int) -> None:
    from rasd.clean import clean
    from rasd.ingest import RawArticle
    from rasd.store import Store

    with Store(db) as store:
        docs = []
        for i, (_, a) in enumerate(records(n, skip_empty=True)):
            raw = RawArticle(content=a["content"], kind="text", url=a["url"], title=a.get("title"),
                             outlet=a["source"], published=(a.get("date_extracted") or "")[:10] or None)
            try:
                docs.append(clean(raw))
            except Exception:
                continue
            if len(docs) == 200:
                store.upsert_many(docs)
                docs = []
        store.upsert_many(docs)


def query_words(db: Path, k: int = 300) -> list[str]:
    from rasd.store import Store

    with Store(db) as store:
        titles = [r[0] or "" for r in store.db.execute("SELECT title FROM articles")]
    words = sorted({w for t in titles for w in re.findall(r"[\u0621-\u064A]{4,}", t)})
    return random.Random(7).sample(words, min(k, len(words)))


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


async def client(port: int, words: list[str], until: float, seed: int, lat: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    reader = writer = None
    while time.perf_counter() < until:
        path = f"/api/search?q={quote(rng.choice(words))}&limit=20"
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
            await reader.readexactly(length)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, AttributeError, ValueError) as e:
            errors.append(type(e).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.05)
            continue
        lat.append(time.perf_counter() - t0)
        if status != 200:
            errors.append(f"HTTP {status}")
    if writer is not None:
        writer.close()


async def load(port: int, words: list[str], clients: int, seconds: float) -> dict:
    lat: list[float] = []
    errors: list[str] = []
    t0 = time.perf_counter()
    await asyncio.gather(*(client(port, words, t0 + seconds, i, lat, errors) for i in range(clients)))
    wall = time.perf_counter() - t0
    lat.sort()
    pct = lambda p: round(1000 * lat[min(len(lat) - 1, int(p / 100 * len(lat)))], 1) if lat else None  # noqa: E731
    return {"requests": len(lat), "requests_per_s": round(len(lat) / wall, 1), "p50_ms": pct(50),
            "p90_ms": pct(90), "p99_ms": pct(99), "max_ms": round(1000 * lat[-1], 1) if lat else None,
            "mean_ms": round(1000 * statistics.fmean(lat), 1) if lat else None,
            "errors": len(errors), "error_kinds": sorted(set(errors))}


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"rasd serve exited ({proc.returncode})")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("rasd serve did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles in the store searched")
    ap.add_argument("--db", help="use this store instead of building one (it is written to during the ingest)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--ingest", type=int, default=1500, help="articles analysed during the second phase")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="rasd-load-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "load.db"
        if not args.db:
            t = time.perf_counter()
            build_store(db, args.articles)
            print(f"store: {args.articles} SaudiNewsNet articles in {time.perf_counter() - t:.0f} s")
        words = query_words(db)
        port = free_port()
        server = subprocess.Popen([str(RASD), "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(port, server)
            alone = asyncio.run(load(port, words, args.clients, args.seconds))
            print("alone:", json.dumps(alone), flush=True)

            src = Path(tmp) / "ingest.jsonl"
            with src.open("w", encoding="utf-8") as fh:
                for i, (_, a) in enumerate(records(args.articles + args.ingest, skip_empty=True)):
                    if i >= args.articles:
                        fh.write(json.dumps({"url": a["url"] + "#ingest", "title": a.get("title"),
                                             "outlet": a["source"], "text": a["content"]}, ensure_ascii=False) + "\n")
            ingest = subprocess.Popen([str(RASD), "analyze", str(src), "--db", str(db)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(8)  # past the knowledge-base load: the ingest is writing when the load starts
            during = asyncio.run(load(port, words, args.clients, args.seconds))
            still = ingest.poll() is None
            print("during ingest:", json.dumps({**during, "ingest_still_running_at_end": still}), flush=True)
            ingest.kill()
            ingest.wait()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
