"""Malformed requests against ``rasd serve`` (loopback): how many get a 5xx?

Builds a small store (``--articles`` SaudiNewsNet articles, clean + store,
or ``--db``), starts ``rasd serve`` on 127.0.0.1 and sends every kind of bad
request below, each once, on a fresh connection: every route with its
parameters out of range, of the wrong type, past SQLite's integers,
impossible dates, over-long or over-many query terms, FTS5 syntax,
bad percent-encoding, unknown ids and paths, write methods, and broken HTTP
itself. Prints the count of kinds, the status classes seen, every 5xx, and
whether any answer was unbounded (over ``--max-kb``).

    python benchmarks/api_malformed.py [--articles 300]
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from api_load import HOST, RASD, build_store, free_port, wait_ready

BIG = "9" * 25  # past SQLite's 64-bit integers
INT_BAD = ["-1", "0", "-99999999999", BIG, f"-{BIG}", "1e3", "abc", "", "1.5", "0x10", "١٠"]
DATE_BAD = ["2024-02-30", "2024-13-01", "2024-00-10", "yesterday", "20240501", "2024/05/01", "٢٠٢٤-٠٥-٠١",
            "2024-05-01T10:00", "'; DROP TABLE articles;--", "9" * 300]
QUERY_BAD = ["", " ", '"', '"""', "(", ")", "*", "NOT", "OR", "AND", "NEAR(", "-", "--", "^", "\"unclosed",
             "ب" * 501, " ".join(["وزير"] * 40), " ".join(["OR"] * 20), "title:x", "{x y}:z", "\x00", "%"]
TEXT_BAD = ["", "x" * 201, "\x00", "%", "'", "<script>", "../../etc/passwd"]


def kinds() -> list[tuple[str, bytes]]:
    """(label, raw request bytes) for every kind of bad request."""
    gets: list[str] = []
    for route, params in {
        "/api/events": ["limit", "offset"], "/api/quotes": ["limit", "offset"],
        "/api/stories": ["limit", "offset", "min_articles"], "/api/entities": ["limit"],
        "/api/search?q=x": ["limit", "offset"], "/api/graph": ["limit"],
    }.items():
        for p in params:
            for v in INT_BAD:
                gets.append(f"{route}{'&' if '?' in route else '?'}{p}={quote(v)}")
    for route in ("/api/events", "/api/search?q=x", "/api/graph", "/api/timeline"):
        for p in ("since", "until"):
            for v in DATE_BAD:
                gets.append(f"{route}{'&' if '?' in route else '?'}{p}={quote(v)}")
    gets += [f"/api/search?q={quote(q)}" for q in QUERY_BAD]
    gets += ["/api/search", "/api/search?q=x&q=y", "/api/search?q=%ZZ", "/api/search?q=%C3%28", "/api/search?q=%00"]
    for route, p in (("/api/events", "actor"), ("/api/events", "target"), ("/api/quotes", "speaker"),
                     ("/api/timeline", "entity"), ("/api/events", "type"), ("/api/entities", "type")):
        gets += [f"{route}?{p}={quote(v)}" for v in TEXT_BAD]
    for route in ("/api/articles/", "/api/entities/", "/api/stories/"):
        gets += [route + quote(v, safe="") for v in ("nope", "x" * 201, "%00", "..%2F..%2Fetc")]
    gets += ["/api/export/secrets.csv", "/api/export/events.parquet", "/api/export/events", "/api/export/.csv",
             "/api/nothing", "/static/../rasd.db", "/static/%2e%2e/%2e%2e/pyproject.toml", "/" + "a" * 5000]
    out = [(f"GET {g[:70]}", f"GET {g} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode()) for g in gets]
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        out.append((f"{method} /api/search", f"{method} /api/search?q=x HTTP/1.1\r\nHost: {HOST}\r\n"
                    "Content-Length: 2\r\nConnection: close\r\n\r\n{}".encode()))
    raw = {
        "garbage request line": b"HELLO\r\n\r\n",
        "no HTTP version": b"GET /api/summary\r\n\r\n",
        "HTTP/9.9": b"GET /api/summary HTTP/9.9\r\nHost: x\r\n\r\n",
        "header without colon": b"GET /api/summary HTTP/1.1\r\nHost x\r\n\r\n",
        "huge header": b"GET /api/summary HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 70000 + b"\r\n\r\n",
        "negative content-length": b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "non-UTF-8 path": b"GET /api/entities/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "bad chunked body": b"POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    }
    out += [(k, v) for k, v in raw.items()]
    return out


def send(port: int, data: bytes, max_bytes: int) -> tuple[int | None, int]:
    """(HTTP status or None for a closed connection, bytes received)."""
    # No half-close after sending: uvicorn reads that as the client leaving and drops the answer.
    with socket.create_connection((HOST, port), timeout=5) as s:
        s.sendall(data)
        got = b""
        while len(got) <= max_bytes:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):  # an incomplete request waits for more
                break
            if not chunk:
                break
            got += chunk
    if not got.startswith(b"HTTP/"):
        return None, len(got)
    return int(got.split(b" ", 2)[1]), len(got)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--db", help="use this store instead of building one")
    ap.add_argument("--max-kb", type=int, default=2048, help="an answer larger than this counts as unbounded")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="rasd-bad-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bad.db"
        if not args.db:
            build_store(db, args.articles)
        port = free_port()
        server = subprocess.Popen([str(RASD), "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(port, server)
            classes: Counter[str] = Counter()
            five, big = [], []
            t0 = time.perf_counter()
            for label, data in kinds():
                status, size = send(port, data, args.max_kb * 1024)
                classes["closed" if status is None else f"{status // 100}xx"] += 1
                if status is not None and status >= 500:
                    five.append(f"{status} {label}")
                if size > args.max_kb * 1024:
                    big.append(label)
            alive = server.poll() is None
        finally:
            server.terminate()
            server.wait()
    print(f"{sum(classes.values())} kinds of bad (or edge) request in {time.perf_counter() - t0:.1f} s:",
          ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    print(f"5xx: {len(five)}")
    for line in five:
        print("  ", line)
    print(f"unbounded answers (> {args.max_kb} kB): {len(big)}" + "".join(f"\n   {b}" for b in big))
    print(f"server still up afterwards: {alive}")
    sys.exit(1 if five or big or not alive else 0)


if __name__ == "__main__":
    main()
