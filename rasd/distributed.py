"""The per-article stages on Apache Spark, for corpora that outgrow one machine.

DESIGN.md splits the flow into per-article stages (pure functions of one
article and the read-only knowledge base) and corpus stages. Only the first
kind is distributed: the driver lists input files, executors read and analyse
them (each Python worker loads the knowledge base and model once), and the
records stream back to the driver, which runs the corpus stages (stories) and
the store exactly as a local run does. Spark is an optional extra
(``pip install 'rasd[spark]'``, Java 17+); ``master`` may be ``local[N]`` or a
cluster URL.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator

from rasd.doc import Doc
from rasd.ingest import InputError, input_files


def _analyze_file(path: str) -> Iterator[str]:
    """Runs on an executor: one input file to JSON lines, errors included."""
    from rasd.core import analyze_raw
    from rasd.ingest import read_paths

    for item in read_paths([path]):
        if isinstance(item, InputError):
            yield json.dumps({"error": {"path": item.path, "reason": item.reason}}, ensure_ascii=False)
            continue
        try:
            doc = analyze_raw(item)
        except Exception as exc:  # one bad article must not fail the job
            yield json.dumps({"error": {"path": item.path, "reason": f"analysis failed: {exc}"}}, ensure_ascii=False)
            continue
        yield json.dumps(doc.to_dict(), ensure_ascii=False)


def analyze_with_spark(
    paths: list[str], master: str | None = None, partitions: int | None = None,
    exclude: Iterable[str | None] = (),
) -> Iterator[Doc | InputError]:
    """Analyse every input on Spark; yields Docs and InputErrors back on the driver.

    ``exclude``: the run's own output files, never read as input.
    """
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("Spark engine needs the optional extra: pip install 'rasd[spark]'") from exc

    files = []
    for item in input_files(paths, exclude):
        if isinstance(item, InputError):
            yield item  # a missing or unsupported path: reported here, as a local run does
        else:
            files.append(item)
    if not files:
        return
    master = master or os.environ.get("RASD_SPARK_MASTER", "local[*]")
    if master.startswith("local"):
        # Local workers must run this interpreter, whose environment holds Rasd's
        # dependencies, not whichever python3 comes first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    conf = (
        SparkConf()
        .setAppName("rasd-analyze")
        .setMaster(master)
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    sc = SparkContext.getOrCreate(conf)
    try:
        rdd = sc.parallelize(files, numSlices=partitions or min(len(files), sc.defaultParallelism * 4))
        for line in rdd.flatMap(_analyze_file).toLocalIterator():
            record = json.loads(line)
            if "error" in record:
                yield InputError(record["error"]["path"], record["error"]["reason"])
            else:
                yield Doc.from_dict(record)
    finally:
        sc.stop()
