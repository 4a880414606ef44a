"""The whole flow on Apache Spark, for corpora that outgrow one machine.

The driver only lists input paths and plans jobs; executors read the files,
run the per-article stages, and write the records as Parquet themselves
(``rasd.distributed.records`` describes the tables); near-duplicates,
stories and corpus entities are Spark jobs too (``rasd.distributed.stories``).
Nothing per article is collected on the driver, so its memory does not grow
with the corpus. ``rasd load`` fills the SQLite store from the Parquet folder
for interactive use; a corpus too big for one file is queried as Parquet.

Spark is an optional extra (``pip install 'rasd[spark]'``, Java 17+);
``master`` may be ``local[N]`` or a cluster URL. The local path never
imports this package.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from rasd.distributed.records import ITEMS

STAGING = "staging"  # analysed rows before grouping, removed at the end


def session(master: str | None = None, app: str = "rasd", memory: str | None = None):
    """A Spark session for ``master`` (default: $RASD_SPARK_MASTER or local[*]); ``memory``: the
    heap of a local run's one JVM (default: $RASD_SPARK_DRIVER_MEMORY or 4g)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("Spark engine needs the optional extra: pip install 'rasd[spark]'") from exc
    master = master or os.environ.get("RASD_SPARK_MASTER", "local[*]")
    builder = SparkSession.builder
    if master.startswith("local"):
        # Local workers must run this interpreter, whose environment holds Rasd's
        # dependencies, not whichever python3 comes first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        # One JVM is driver and executors here: Spark's 1 GB default, sized for a driver
        # that only plans, runs out of heap grouping 10k articles.
        builder = builder.config("spark.driver.memory", memory or os.environ.get("RASD_SPARK_DRIVER_MEMORY", "4g"))
    spark = (
        builder.appName(app).master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("RASD_SPARK_SHUFFLE_PARTITIONS", "8"))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel(os.environ.get("RASD_SPARK_LOG_LEVEL", "ERROR"))
    return spark


def analyze_to_parquet(
    paths: list[str], out: str | Path, master: str | None = None, exclude: Iterable[str | None] = (),
    partitions: int | None = None, spark=None,
) -> dict[str, float]:
    """Analyse every input on Spark into the Parquet folder ``out`` (replaced if it exists).

    ``exclude``: the run's own output files, never read as input.
    ``partitions``: analysis tasks (default: 4 per core), independent of the
    number of files, so one big JSONL or WARC file still spreads over the cluster.
    ``spark``: a session to use (and leave open); by default one is started and stopped.
    Returns the seconds each step took (read and analyse, group, write).
    """
    from pyspark.sql import functions as F

    from rasd.distributed.analysis import ARTICLE_SCHEMA, analyze_items, read_files
    from rasd.distributed.stories import group
    from rasd.ingest import InputError, input_files

    out = Path(out)
    listed = list(input_files(paths, [*exclude, str(out)]))
    files = [(i, p) for i, p in enumerate(listed) if not isinstance(p, InputError)]
    unlisted = [(e.path, e.reason) for e in listed if isinstance(e, InputError)]
    own_session = spark is None
    spark = spark or session(master)
    sc = spark.sparkContext
    try:
        parts = partitions or sc.defaultParallelism * 4
        items = sc.parallelize(files, max(1, min(len(files), parts))).mapPartitions(read_files)
        rows = items.repartition(parts).mapPartitions(analyze_items)
        clock = _Clock()
        spark.createDataFrame(rows, ARTICLE_SCHEMA).write.mode("overwrite").parquet(str(out / STAGING))
        staged = spark.read.parquet(str(out / STAGING))
        clock.lap("read and analyse")

        errors = staged.where("error_path IS NOT NULL").select(F.col("error_path").alias("path"),
                                                                 F.col("error_reason").alias("reason"), "pos")
        if unlisted:
            errors = errors.union(spark.createDataFrame([(p, r, -1) for p, r in unlisted], errors.schema))
        errors.orderBy("pos").drop("pos").coalesce(1).write.mode("overwrite").parquet(str(out / "errors"))

        ok = staged.where("error_path IS NULL")
        stories = group(spark, ok.select("pos", "id", "day", "title", "features", "signature")).cache()
        stories.count()
        clock.lap("group")
        articles = ok.drop("story", "duplicates").join(stories.drop("story_label"), "pos")
        drop = ["features", "signature", "day", "error_path", "error_reason", *ITEMS]
        _write(articles.drop(*drop), out / "articles", ["pos"])
        for table in ITEMS:
            rows_of = ok.select("pos", "month", F.col("id").alias("article_id"),
                                F.posexplode(table).alias("seq", "item")).select("*", "item.*").drop("item")
            _write(rows_of, out / table, ["pos", "seq"])
        stories.where("story_label IS NOT NULL").select(F.col("story").alias("id"), F.col("story_label").alias("label")) \
            .join(stories.groupBy(F.col("story").alias("id")).agg(F.count("*").alias("size")), "id") \
            .write.mode("overwrite").parquet(str(out / "stories"))
        _entity_index(spark.read.parquet(str(out / "entities"))).write.mode("overwrite").parquet(
            str(out / "entity_index"))
        clock.lap("write tables")
        return clock.laps
    finally:
        if own_session:
            spark.stop()
        shutil.rmtree(out / STAGING, ignore_errors=True)


class _Clock:
    """Seconds per step of a run, for the summary line and the scaling benchmark."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._t = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._t
        self._t = now


def _write(df, folder: Path, order: list[str]) -> None:
    """One file per month, sorted by input order: ``records.read_docs`` merges them in a stream."""
    df.repartition("month").sortWithinPartitions("month", *order).write.mode("overwrite").partitionBy("month").parquet(
        str(folder))


def _entity_index(entities):
    """Corpus entities merged across articles: ids need no corpus state (``rasd.link.corpus``),
    so merging is a group by id; the spellings seen are pooled."""
    from pyspark.sql import functions as F

    return entities.groupBy("id").agg(
        *(F.min_by(c, "pos").alias(c) for c in ("name", "name_ar", "type")),
        F.first("wikidata", ignorenulls=True).alias("wikidata"), F.first("country", ignorenulls=True).alias("country"),
        F.array_sort(F.array_distinct(F.flatten(F.collect_list("aliases")))).alias("aliases"),
        F.countDistinct("article_id").alias("articles"),
    )
