"""Story grouping alone, single process versus Spark ``local[N]``, as the corpus grows.

    nice -n 10 python benchmarks/spark_stories_scaling.py [--sizes 10000,0,x4] [--cores 2] [--only spark]

The corpus stages are where a distributed run could still lean on its driver;
the per-article stages cannot (every article is analysed where it is read).
So this benchmark runs the grouping on its own, as ``stories_scale.py`` does:
SaudiNewsNet articles cleaned, no NER (text, title and date), in input order;
sizes as in ``spark_scaling.py`` (0 = all 31k, ``x4`` = the 31k four times
with new ids). Each size, in fresh processes:

- local: one process reads the JSONL, cleans each article and adds it to a ``StoryIndex``;
- Spark: executors read and clean the articles and compute their features
  (``clean and features``), then ``rasd.distributed.stories.group`` runs and
  executors write the story of each article as Parquet (``group``); nothing
  per article reaches the driver.

Prints wall and CPU seconds, articles per CPU-second, the peak RSS of the
driver (the Python process that plans the jobs), of the JVM and of the Python
executors, and whether the two story partitions are the same.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

from spark_scaling import partition, run, write_corpus


def _clean(item):
    """The cleaned article, or None for an input error (a tuple as the Spark reader passes
    it) or a page with no article text."""
    from rasd.clean import clean
    from rasd.ingest import InputError

    if isinstance(item, (InputError, tuple)):
        return None
    try:
        return clean(item)
    except InputError:
        return None


def _local(corpus: Path, out: Path) -> None:
    from rasd.group import StoryIndex
    from rasd.ingest import read_paths

    index = StoryIndex()
    for doc in filter(None, map(_clean, read_paths([str(corpus)]))):
        index.add(doc)
    out.write_text(json.dumps({a: s.id for s in index.stories() for a in s.articles}))


def _feature_rows(items):
    from rasd.group.duplicates import signature
    from rasd.group.features import features

    for pos, item in items:
        doc = _clean(item)
        if doc is None:
            continue
        f, sig = features(doc), signature(doc.body or "")
        yield pos, doc.id, f.day, doc.title, pickle.dumps(f, protocol=5), None if sig is None else sig.tobytes()


def _spark(corpus: Path, out: Path, cores: int) -> None:
    from rasd.distributed import session
    from rasd.distributed.analysis import read_files
    from rasd.distributed.stories import group

    spark = session(f"local[{cores}]")
    files = list(enumerate(sorted(str(p) for p in corpus.glob("*.jsonl"))))
    steps, t = {}, time.perf_counter()
    rows = spark.sparkContext.parallelize(files, len(files)).mapPartitions(read_files) \
        .repartition(4 * cores).mapPartitions(_feature_rows)
    spark.createDataFrame(rows, "pos long, id string, day int, title string, features binary, signature binary") \
        .write.parquet(str(out / "features"))
    steps["clean and features"], t = time.perf_counter() - t, time.perf_counter()
    group(spark, spark.read.parquet(str(out / "features"))).select("pos", "story").join(
        spark.read.parquet(str(out / "features")).select("pos", "id"), "pos").select("id", "story") \
        .write.parquet(str(out / "stories"))
    steps["group"] = time.perf_counter() - t
    print("Spark steps (s): " + json.dumps(steps), file=sys.stderr)
    spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000", help="comma-separated: article counts, 0 = all, x4 = all four times")
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--only", choices=("local", "spark"))
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)  # local|spark CORPUS OUT
    args = ap.parse_args()
    if args.child:
        mode, corpus, out = args.child
        _local(Path(corpus), Path(out)) if mode == "local" else _spark(Path(corpus), Path(out), args.cores)
        return
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "corpus").mkdir()
            n = write_corpus(tmp / "corpus", size)
            modes = [args.only] if args.only else ["local", "spark"]
            results = {mode: run([sys.executable, __file__, "--cores", str(args.cores), "--child", mode,
                                  str(tmp / "corpus"), str(tmp / mode)]) for mode in modes}
            for mode, r in results.items():
                peak = ", ".join(f"{role} {mb:.0f} MB" for role, mb in sorted(r["peak"].items()))
                steps = ", ".join(f"{k} {v:.0f} s" for k, v in r["steps"].items())
                print(f"{n} articles, {mode}: {r['wall']:.0f} s wall, {r['cpu']:.0f} CPU-s = "
                      f"{n / r['cpu']:.1f} articles per CPU-second; peak RSS {peak}" + (f"; {steps}" if steps else ""))
                if r["failed"]:
                    print(f"   {mode} FAILED:\n{r['failed']}")
            if len(results) < 2 or any(r["failed"] for r in results.values()):
                continue
            import pyarrow.parquet as pq

            local = json.loads((tmp / "local").read_text())
            spark = dict(zip(*pq.read_table(tmp / "spark" / "stories").to_pydict().values()))
            lp = partition(local)
            print(f"   {len(local)} local / {len(spark)} Spark articles; story partitions "
                  f"{'identical' if lp == partition(spark) else 'differ'}; {sum(len(g) > 1 for g in lp)} stories of 2+",
                  flush=True)


if __name__ == "__main__":
    main()
