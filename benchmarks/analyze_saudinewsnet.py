"""`rasd analyze -j N` on SaudiNewsNet articles: articles/s and peak memory of the CLI.

    python benchmarks/analyze_saudinewsnet.py [--limit 2000] [-j 2] [--db]

The first ``--limit`` non-empty articles are written as JSONL records with a
``text`` field (scraped text: the cleaner runs) to a temporary file, read in
place from ../shared/eval (never copied into the repository), and given to
the ``rasd`` command in a subprocess with a fresh KB cache directory warmed
by one small run first (what a second CLI call pays). Prints wall time,
articles/s, CPU time (what a loaded shared machine does not distort) and
the peak resident memory of the largest process (the CLI or a worker). ``--db`` writes the store too; default ``--no-db``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from saudinewsnet import records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--db", action="store_true")
    args = ap.parse_args()
    rasd = str(Path(sys.executable).parent / "rasd")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for i, (_, rec) in enumerate(records(limit=args.limit, skip_empty=True)):
                f.write(json.dumps({"id": f"a{i}", "text": rec["content"], "url": rec.get("url")}, ensure_ascii=False) + "\n")
        env = dict(os.environ, RASD_CACHE_DIR=str(Path(tmp) / "cache"))
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text(src.read_text("utf-8").split("\n", 1)[0] + "\n", "utf-8")
        store = ["--db", str(Path(tmp) / "rasd.db")] if args.db else ["--no-db"]
        subprocess.run([rasd, "analyze", str(warm), *store, "-o", os.devnull], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        run = subprocess.run([rasd, "analyze", str(src), *store, "-o", os.devnull, "-j", str(args.jobs)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        if run.returncode not in (0, 1):  # 1: some inputs reported bad, the batch went on
            sys.exit(run.stderr)
        bad = [line for line in run.stderr.splitlines() if line.strip()]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = after.ru_maxrss / 1024
    print(f"rasd analyze -j {args.jobs} {'--db' if args.db else '--no-db'}: {args.limit} SaudiNewsNet articles "
          f"in {wall:.1f} s = {args.limit / wall:.1f} articles/s; peak RSS of the largest process {peak:.0f} MB; "
          f"{len(bad)} stderr lines (inputs reported bad)")
    # On a shared machine wall time depends on the load; CPU time does not: with N idle cores
    # and -j N, articles/s is about N x articles per CPU-second.
    print(f"CPU time {cpu:.1f} s = {args.limit / cpu:.1f} articles per CPU-second "
          f"(x {args.jobs} = {args.jobs * args.limit / cpu:.1f} articles/s on {args.jobs} idle cores)")


if __name__ == "__main__":
    main()
