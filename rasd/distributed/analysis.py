"""The per-article stages on Spark executors: input files in, article rows out.

Executors read the files themselves (a JSONL feed or a Common Crawl WARC of
thousands of pages is one task; the driver only lists paths) and analyse
them a partition at a time, so each Python worker loads the knowledge base
and the models once (``mapPartitions``). Each article row carries what the
corpus stages need too: its grouping features and its MinHash signature,
computed where the Doc is, so no Doc ever reaches the driver.
"""
from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterable, Iterator

from pyspark.sql import types as T

from rasd.doc import Doc
from rasd.distributed.records import ARTICLE_FIELDS, ITEMS, SOURCE_FIELDS, article_row, item_fields, month

ITEMS_PER_FILE = 1 << 32  # pos = file index * this + the article's index in its file: input order

_SCALARS = {"str": T.StringType(), "int": T.LongType(), "float": T.DoubleType(), "bool": T.BooleanType()}


def _spark_type(annotation: str) -> T.DataType:
    """The Spark type of a dataclass field annotation (``str | None``, ``list[str]``, ``int``)."""
    base = annotation.replace(" | None", "").strip()
    if base.startswith("list["):
        return T.ArrayType(_spark_type(base[5:-1]))
    return _SCALARS[base]


def item_schema(table: str) -> T.StructType:
    return T.StructType([T.StructField(name, _spark_type(ann)) for name, ann in item_fields(table)])


_DOC_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Doc)}

ARTICLE_SCHEMA = T.StructType(
    [T.StructField("pos", T.LongType(), False), T.StructField("month", T.StringType())]
    + [T.StructField(name, _spark_type(_DOC_TYPES[name])) for name in ARTICLE_FIELDS]
    + [T.StructField(name, T.StringType()) for name in SOURCE_FIELDS]
    + [T.StructField(table, T.ArrayType(item_schema(table))) for table in ITEMS]
    + [
        T.StructField("input_hash", T.StringType()),
        T.StructField("day", T.IntegerType()),  # publication day (ordinal), for the story window
        T.StructField("features", T.BinaryType()),  # pickled rasd.group.Features
        T.StructField("signature", T.BinaryType()),  # MinHash signature, uint32 bytes
        T.StructField("error_path", T.StringType()),  # set (and nothing else) for an input that failed
        T.StructField("error_reason", T.StringType()),
    ]
)


def read_files(files: Iterable[tuple[int, str]]) -> Iterator[tuple]:
    """(index, path) of input files to (pos, article) pairs; an error as a plain tuple,
    since exceptions do not survive a shuffle."""
    from rasd.ingest import InputError, read_paths

    for index, path in files:
        for n, item in enumerate(read_paths([path])):
            yield index * ITEMS_PER_FILE + n, (("error", item.path, item.reason) if isinstance(item, InputError) else item)


def analyze_items(items: Iterable[tuple]) -> Iterator[dict]:
    """(pos, article) pairs to article rows, failures included; one partition per call,
    so the knowledge base and the models load once per Python worker."""
    from rasd.core import analyze_or_error
    from rasd.group.duplicates import signature
    from rasd.group.features import features
    from rasd.ingest import InputError, content_hash

    for pos, item in items:
        doc = None if isinstance(item, tuple) else analyze_or_error(item)
        if doc is None or isinstance(doc, InputError):
            path, reason = item[1:] if doc is None else (doc.path, doc.reason)
            yield {"pos": pos, "error_path": path, "error_reason": reason}
            continue
        f = features(doc)
        sig = signature(doc.body or "")
        yield {
            **article_row(doc), "pos": pos, "month": month(doc.published), "input_hash": content_hash(item),
            "day": f.day, "features": pickle.dumps(f, protocol=5),
            "signature": None if sig is None else sig.tobytes(),
        }
