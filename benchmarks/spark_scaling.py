"""Single process versus Spark ``local[N]`` on SaudiNewsNet: speed, memory, stage shares, agreement.

    nice -n 10 python benchmarks/spark_scaling.py [--sizes 1000,10000,0,x4] [--cores 2] [--only spark]

For each size (chronological order, empty articles skipped; 0 = all 31k;
``x4`` = all 31k four times over, the copies with new ids and a shifted URL)
the articles are written as JSONL (scraped text with outlet and date, in
files of 5,000 lines, as a crawl delivers them) under a temporary folder,
read in place from ../shared/eval (never copied into the repository). Then,
each in a fresh process:

- ``rasd analyze DIR --db DB -o OUT`` (single process: every stage in one process;
  the store holds each article's story after later merges, its JSONL line the
  story when it was written);
- ``rasd analyze DIR --engine spark --spark-master local[N] --parquet PQ --no-db``.

Prints wall time, articles/s, CPU seconds of the whole process tree and
articles per CPU-second (what a loaded shared machine does not distort), the
peak RSS of the driver (the ``rasd`` process), of the JVM and of all Python
executor workers together (sampled every 0.2 s), and Spark's seconds per
step. Where both ran, it also loads the Parquet and counts articles whose
record or story partition differ from the local run's.
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
from collections import defaultdict
from pathlib import Path

from saudinewsnet import records

RASD = Path(sys.executable).with_name("rasd")
FILE_LINES = 5000
_TICK = os.sysconf("SC_CLK_TCK")


def _procs() -> dict[int, tuple[int, str, float, float]]:
    """pid -> (ppid, command, RSS MB, CPU seconds) of every process."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
            cmd = Path(f"/proc/{d}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        rss = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        cpu = (int(fields[11]) + int(fields[12])) / _TICK
        out[int(d)] = (int(fields[1]), cmd, rss, cpu)
    return out


def _role(cmd: str) -> str:
    if "java" in cmd.split(" ", 1)[0]:
        return "jvm"
    if "pyspark" in cmd or "daemon" in cmd or "worker" in cmd:
        return "executors"
    return "other"


class Watch:
    """Peak RSS per role of a process tree, and the CPU seconds of each process seen."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.cpu = pid, defaultdict(float), {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            procs = _procs()
            kids = defaultdict(list)
            for pid, (ppid, *_) in procs.items():
                kids[ppid].append(pid)
            tree, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                tree.append(p)
                todo += kids[p]
            now = defaultdict(float)
            for p in tree:
                if p in procs:
                    _, cmd, rss, cpu = procs[p]
                    now["driver" if p == self.pid else _role(cmd)] += rss
                    self.cpu[p] = cpu
            for role, mb in now.items():
                self.peak[role] = max(self.peak[role], mb)
            time.sleep(0.2)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run(cmd: list[str]) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watch = Watch(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    watch.stop()
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed:\n{stderr[-3000:]}")
    steps = next((json.loads(line.split(":", 1)[1]) for line in stderr.splitlines()
                  if line.startswith("Spark steps (s):")), {})
    return {"wall": wall, "cpu": sum(watch.cpu.values()), "peak": dict(watch.peak), "steps": steps,
            "failed": _failure(stderr) if proc.returncode else None}


def _failure(stderr: str) -> str:
    """The causes in a failed child's stderr (a Java stack's cause sits far from its end), with the
    whole of it kept in a file."""
    fd, path = tempfile.mkstemp(prefix="rasd-bench-", suffix=".stderr.txt")
    with os.fdopen(fd, "w") as f:
        f.write(stderr)
    causes = [line for line in stderr.splitlines()
              if any(w in line for w in ("Error", "Exception", "Caused by", "Killed", "Traceback"))]
    return "\n".join(causes[:30]) + f"\n{stderr[-800:]}\n(whole stderr: {path})"


def write_corpus(folder: Path, size: str) -> int:
    copies, limit = (4, None) if size == "x4" else (1, int(size) or None)
    n, out = 0, None
    for copy in range(copies):
        for i, (_, rec) in enumerate(records(limit=limit, skip_empty=True)):
            if n % FILE_LINES == 0:
                out = (folder / f"part-{n // FILE_LINES:05d}.jsonl").open("w", encoding="utf-8")
            out.write(json.dumps({
                "id": f"c{copy}-a{i}", "text": rec["content"], "url": f"{rec.get('url')}#c{copy}",
                "outlet": rec.get("source"), "published": rec.get("date_extracted"),
            }, ensure_ascii=False) + "\n")
            n += 1
    return n


def partition(story_of: dict) -> set[frozenset]:
    """The story partition of {article id: story id}: which articles are grouped together."""
    groups = defaultdict(set)
    for aid, sid in story_of.items():
        groups[sid].add(aid)
    return {frozenset(g) for g in groups.values()}


def agreement(local_jsonl: Path, local_db: Path, parquet: Path) -> str:
    from rasd.distributed.records import read_docs
    from rasd.store import Store

    local = {}
    with local_jsonl.open(encoding="utf-8") as fh, Store(local_db) as store:
        for line in fh:
            rec = json.loads(line)
            local[rec["id"]] = {**rec, "story": store.get(rec["id"]).story}
    differ_records, spark_story = 0, {}
    for doc, _ in read_docs(parquet):
        rec = doc.to_dict()
        spark_story[rec["id"]] = rec["story"]
        if {k: v for k, v in rec.items() if k not in ("story", "duplicates")} != {
                k: v for k, v in local.get(rec["id"], {}).items() if k not in ("story", "duplicates")}:
            differ_records += 1

    lp, sp = partition({k: v["story"] for k, v in local.items()}), partition(spark_story)
    moved = sum(len(g) for g in lp ^ sp) // 2
    multi = sum(1 for g in lp if len(g) > 1)
    return (f"{len(local)} local / {len(spark_story)} Spark records; {differ_records} differ outside story; "
            f"story partitions {'identical' if lp == sp else f'differ (~{moved} articles in differing groups)'}; "
            f"{multi} local stories of 2+ articles")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000", help="comma-separated: article counts, 0 = all, x4 = all four times")
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--only", choices=("local", "spark"))
    args = ap.parse_args()
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            corpus = tmp / "corpus"
            corpus.mkdir()
            n = write_corpus(corpus, size)
            results = {}
            if args.only != "spark":
                results["local"] = run([str(RASD), "analyze", str(corpus), "--db", str(tmp / "local.db"),
                                        "-o", str(tmp / "local.jsonl")])
            if args.only != "local":
                results["spark"] = run([str(RASD), "analyze", str(corpus), "--engine", "spark", "--no-db",
                                        "--spark-master", f"local[{args.cores}]", "--parquet", str(tmp / "pq")])
            for name, r in results.items():
                peak = ", ".join(f"{role} {mb:.0f} MB" for role, mb in sorted(r["peak"].items()))
                print(f"{n} articles, {name}: {r['wall']:.0f} s wall = {n / r['wall']:.1f} articles/s; "
                      f"{r['cpu']:.0f} CPU-s = {n / r['cpu']:.1f} articles per CPU-second; peak RSS {peak}")
                if r["steps"]:
                    total = sum(r["steps"].values())
                    print("   Spark steps: " + ", ".join(f"{k} {v:.0f} s ({100 * v / total:.0f}%)"
                                                        for k, v in r["steps"].items()))
            if len(results) == 2:
                print("   agreement: " + agreement(tmp / "local.jsonl", tmp / "local.db", tmp / "pq"))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
