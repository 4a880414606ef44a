"""Peak memory of ``rasd analyze`` against corpus size, on SaudiNewsNet.

For each size (chronological order, empty articles skipped) the articles are
written to a temporary JSONL file (scraped text, so cleaning runs too) and
``rasd analyze FILE --db TMP.db -j J`` runs in a fresh process. With one
worker (the default) the whole pipeline is in the one process measured; with
``--jobs 2`` the analysis runs in two worker processes and the figure a user
sees is the sum over the process tree. Summed RSS counts a page shared by
several processes (the interpreter, numpy, onnxruntime, the models mapped in
every worker) once per process, so the tree is also measured by PSS
(proportional set size: a shared page split between its sharers), the memory
the run really takes from the machine. Prints the peak RSS of the main
process (``wait4``), the peaks of the tree's summed RSS and summed PSS
(sampled every 0.5 s), the tree's PSS at each fifth of the run (flat means
memory does not grow with the corpus), articles/s and the store's size. Temporary files are
deleted; no text leaves /tmp.

    nice -n 10 python benchmarks/analyze_memory.py [--sizes 2000,10000,0] [--jobs 2]

(size 0 = all 31k articles.)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from saudinewsnet import records

RASD = Path(sys.executable).with_name("rasd")


def _kb_field_mb(path: str, field: str) -> float:
    """A ``Field:   N kB`` line of a /proc file, in MB (0 once the process is gone)."""
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _rss_pss_mb(pid: int) -> tuple[float, float]:
    return _kb_field_mb(f"/proc/{pid}/status", "VmRSS:"), _kb_field_mb(f"/proc/{pid}/smaps_rollup", "Pss:")


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the worker processes of ``-j``)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def run(size: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="rasd-mem-") as tmp:
        src = Path(tmp) / "articles.jsonl"
        n = 0
        with src.open("w", encoding="utf-8") as fh:
            for _, a in records(size or None, skip_empty=True):
                fh.write(json.dumps({"url": a["url"], "title": a.get("title"), "outlet": a["source"],
                                     "published": (a.get("date_extracted") or "")[:10] or None,
                                     "text": a["content"]}, ensure_ascii=False) + "\n")
                n += 1
        db = Path(tmp) / "r.db"
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(RASD), "analyze", str(src), "--db", str(db), "-j", str(jobs)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples: list[tuple[float, float, float]] = []

        def sample() -> None:
            while proc.poll() is None:
                sizes = [_rss_pss_mb(p) for p in _tree(proc.pid)]
                samples.append((time.perf_counter() - t0, sum(r for r, _ in sizes), sum(p for _, p in sizes)))
                time.sleep(0.5)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        watcher.join()
        fifths = [max((p for t, _, p in samples if k * wall / 5 <= t < (k + 1) * wall / 5), default=0.0)
                  for k in range(5)]
        return {
            "articles": n, "jobs": jobs, "exit": proc.returncode, "peak_mb": round(usage.ru_maxrss / 1024),
            "tree_peak_rss_mb": round(max((r for _, r, _ in samples), default=0.0)),
            "tree_peak_pss_mb": round(max((p for _, _, p in samples), default=0.0)),
            "pss_mb_by_fifth": [round(p) for p in fifths], "wall_s": round(wall, 1),
            "articles_per_s": round(n / wall, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "articles_per_cpu_s": round(n / max(usage.ru_utime + usage.ru_stime, 1e-9), 1),
            "db_mb": round(db.stat().st_size / 2**20, 1) if db.exists() else None,
        }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,10000,0")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    print(f"rasd analyze on SaudiNewsNet (JSONL, scraped text, -j {args.jobs}): peak RSS per corpus size")
    for size in (int(s) for s in args.sizes.split(",")):
        print(json.dumps(run(size, args.jobs)), flush=True)


if __name__ == "__main__":
    main()
