"""Near-duplicates and stories as Spark jobs, scored by the local grouper's own code.

The local ``StoryIndex`` adds articles one at a time; here the same steps are
keyed joins over the whole corpus, so no step holds more than one story on
one executor:

1. each article weighed as the local index weighs it on arrival (``weigh``),
   by the counts of the articles up to it in input order: a running count is
   a prefix count, a window over each key's articles;
2. candidates by blocking: each article's probe keys (``probe_keys``: its
   rarest words and most specific entities) joined with every earlier
   article's keys (``blocking_keys``), reading the most recent ``TAIL``
   postings of a key and keeping the ``MAX_CANDIDATES`` that share most keys,
   as the local index does; near-duplicates by LSH banding of the MinHash
   signatures on the local index's own bands (``lsh_bands``), checked with
   ``near_duplicate``;
3. each candidate pair scored by ``similarities``; pairs that pass (same
   story, or near-duplicates within the window) are the edges of a graph;
4. connected components of that graph by label propagation; within a
   component a local ``StoryIndex`` places the weighed articles in input
   order (``StoryIndex.place``: the same joining, anchoring and merging code
   as a local run), so chains of formula news are cut as locally.

Every score is the local run's own, so the story partition is the same;
story ids are too ("story:" + the first article's id).
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby

import numpy as np
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

from rasd.group.duplicates import lsh_bands, near_duplicate
from rasd.group.features import N_FEATURES
from rasd.group.similarity import WINDOW_DAYS, figure_keys, similarities, weigh
from rasd.group.stories import EVICT_EVERY, MAX_CANDIDATES, TAIL, StoryIndex, blocking_keys, out_of_window, probe_keys


def _count_keys(rows: Iterable) -> Iterator[tuple]:
    """(pos, words, grams): what each article is counted under, one row per article (arrays
    reach the JVM far faster than a row per key). Words: its blocking keys, and its figures
    as "t:" terms (``CorpusStats.term_df``); grams: its hashed character n-grams."""
    for row in rows:
        f = pickle.loads(row.features)
        yield row.pos, [*blocking_keys(f), *(f"t:{key}" for key in figure_keys(f))], f.ngram_idx.tolist()


def _weigh(rows: Iterable) -> Iterator[tuple]:
    """Each article weighed by the counts up to it (``weigh``, as the local index on arrival),
    with the probe keys those counts pick and the keys it is found under."""
    for row in rows:
        f = pickle.loads(row.features)
        words = zip(row.word_keys or (), row.word_dfs or ())
        term_df, entity_df = {}, {}
        for key, n in words:
            (term_df if key.startswith("t:") else entity_df)[key[2:]] = n
        grams = dict(zip(row.gram_keys or (), row.gram_dfs or ()))
        weigh(f, row.seq + 1, term_df, entity_df, np.array([grams[g] for g in f.ngram_idx.tolist()], np.int64))
        yield row.pos, pickle.dumps(f, protocol=5), probe_keys(f, term_df, entity_df), blocking_keys(f)


def _prefix_counts(keys: DataFrame, name: str) -> DataFrame:
    """(pos, {name}_keys, {name}_dfs): how many articles up to each one (in input order) have
    each of its keys. ``keys``: (pos, key)."""
    counted = keys.withColumn("df", F.row_number().over(Window.partitionBy("key").orderBy("pos")))
    counts = counted.groupBy("pos").agg(F.collect_list(F.struct("key", "df")).alias("c"))
    return counts.select("pos", F.col("c.key").alias(f"{name}_keys"), F.col("c.df").alias(f"{name}_dfs"))


def _until(rows: Iterable, checkpoints) -> Iterator[tuple]:
    points = checkpoints.value
    for row in rows:
        later = (points[k] for k in range(row.seq // EVICT_EVERY, len(points)))  # at most MAX_LIVE / EVICT_EVERY + 1 read
        yield row.pos, *next(((pos, seq) for seq, pos, max_day in later if out_of_window(row.seq, row.day, seq, max_day)),
                             (None, None))


def window_until(spark: SparkSession, seq: DataFrame) -> DataFrame:
    """(pos, until, until_seq): the last article (its pos and seq) placed while each article
    is in a local run's window, which is pruned after every ``EVICT_EVERY`` articles
    (``out_of_window``, by the newest date so far); null while it never leaves.
    ``seq``: (pos, seq, day)."""
    blocks = seq.groupBy(F.floor(F.col("seq") / EVICT_EVERY).alias("block")).agg(
        F.count("*").alias("n"), F.max("seq").alias("seq"), F.max("pos").alias("pos"), F.max("day").alias("day"))
    points, newest = [], None  # one row per EVICT_EVERY articles: the driver holds a thousandth of the corpus
    for b in sorted(blocks.collect(), key=lambda r: r.block):
        newest = b.day if newest is None or (b.day is not None and b.day > newest) else newest
        if b.n == EVICT_EVERY:
            points.append((b.seq, b.pos, newest))
    checkpoints = spark.sparkContext.broadcast(points)
    return spark.createDataFrame(seq.rdd.mapPartitions(lambda rows: _until(rows, checkpoints)),
                                 "pos long, until long, until_seq long")


def weighed(spark: SparkSession, feats: DataFrame) -> DataFrame:
    """``feats`` with each article's features weighed as the local index weighs them on
    arrival, by the counts of the articles up to it in input order (prefix counts: a
    running count is a count of what came before), its probe keys (``probes``), the keys
    it is found under (``keys``), the last article placed while it is in the window
    (``until``, ``until_seq``: ``window_until``) and its place in input order (``seq``, from 0)."""
    seq = spark.createDataFrame(feats.select("pos").rdd.map(lambda r: r.pos).sortBy(lambda p: p).zipWithIndex(),
                                "pos long, seq long").cache()
    keys = spark.createDataFrame(feats.rdd.mapPartitions(_count_keys),
                                 "pos long, words array<string>, grams array<int>").persist(StorageLevel.DISK_ONLY)
    words = _prefix_counts(keys.select("pos", F.explode("words").alias("key")), "word")
    grams = _prefix_counts(keys.select("pos", F.explode("grams").alias("key")), "gram")
    counts = feats.select("pos", "features").join(seq, "pos").join(words, "pos", "left").join(grams, "pos", "left")
    rarity = spark.createDataFrame(counts.rdd.mapPartitions(_weigh),
                                   "pos long, features binary, probes array<string>, keys array<string>")
    until = window_until(spark, seq.join(feats.select("pos", "day"), "pos"))
    return feats.drop("features").join(rarity, "pos").join(until, "pos").join(seq, "pos")


def _within_window(a, b):
    return a.isNull() | b.isNull() | (F.abs(a - b) <= WINDOW_DAYS)


def _live(b, until_a):
    """Whether article a is still in a local run's window when b is placed."""
    return until_a.isNull() | (b <= until_a)


def blocked_pairs(spark: SparkSession, feats: DataFrame) -> DataFrame:
    """(b, a, votes): for each article b, the earlier articles a its probe keys find among
    the ``TAIL`` latest postings of each key, those that left the window skipped."""
    postings = feats.select(F.explode("keys").alias("key"), "pos", "day", "until").withColumn(
        "rank", F.row_number().over(Window.partitionBy("key").orderBy("pos")) - 1
    ).withColumn("bucket", F.floor(F.col("rank") / TAIL)).cache()
    probes = feats.select(F.explode("probes").alias("key"), "pos").join(postings, ["key", "pos"]).where("rank > 0")
    # The TAIL postings before b's own lie in b's bucket or the one before: an equi-join on
    # (key, bucket) bounds the work per probe, however common the key.
    probes = probes.select(
        "key", F.col("pos").alias("b"), F.col("rank").alias("rank_b"), F.col("day").alias("day_b"),
        F.explode(F.array_distinct(F.array(F.floor((F.col("rank") - TAIL) / TAIL), F.floor((F.col("rank") - 1) / TAIL))))
        .alias("bucket"),
    )
    hits = probes.join(postings.select("key", "bucket", F.col("pos").alias("a"), "rank", F.col("day").alias("day_a"),
                                       "until"), ["key", "bucket"])
    hits = hits.where((F.col("rank") >= F.col("rank_b") - TAIL) & (F.col("rank") < F.col("rank_b"))
                      & _live(F.col("b"), F.col("until")))
    votes = hits.groupBy("b", "a").agg(F.count("*").alias("votes"), F.first("day_a").alias("day_a"),
                                       F.first("day_b").alias("day_b"))
    best = Window.partitionBy("b").orderBy(F.desc("votes"), F.desc("a"))
    votes = votes.withColumn("n", F.row_number().over(best)).where(F.col("n") <= MAX_CANDIDATES)
    # Pairs days apart can never be one story: dropped only after ranking, as the local index does.
    return votes.where(_within_window(F.col("day_a"), F.col("day_b"))).select("b", "a", "votes")


def _bands(rows: Iterable, bands: list[tuple[int, int]]) -> Iterator[tuple]:
    for row in rows:
        if row.signature is None:
            continue
        sig = np.frombuffer(row.signature, dtype=np.uint32)
        for i, (start, end) in enumerate(bands):
            yield i, sig[start:end].tobytes(), row.pos, row.until, row.signature


def duplicate_pairs(spark: SparkSession, feats: DataFrame) -> DataFrame:
    """(b, a): earlier near-duplicates a of each article b still in the window, by LSH banding."""
    bands = lsh_bands()
    rows = spark.createDataFrame(feats.rdd.mapPartitions(lambda r: _bands(r, bands)),
                                 "band int, bucket binary, pos long, until long, signature binary")
    pairs = rows.alias("x").join(rows.alias("y"), ["band", "bucket"]).where(
        (F.col("x.pos") < F.col("y.pos")) & _live(F.col("y.pos"), F.col("x.until"))).select(
        F.col("y.pos").alias("b"), F.col("x.pos").alias("a"), F.col("x.signature").alias("sa"),
        F.col("y.signature").alias("sb")).dropDuplicates(["b", "a"])
    checked = pairs.rdd.filter(lambda r: near_duplicate(np.frombuffer(r.sa, np.uint32), np.frombuffer(r.sb, np.uint32)))
    return spark.createDataFrame(checked.map(lambda r: (r.b, r.a)), "b long, a long")


CHUNK = 5000  # articles whose pairs one task scores, holding their features and their live candidates
LOADED = 4096  # unpickled features a chunk task keeps (about 21 KB each): candidates are mostly recent


def _score(rows: Iterable) -> Iterator[tuple]:
    """Score each article's candidates as the local index does: dense weights of b, one gather
    each. Rows come by chunk: first the features of the chunk's articles and of every earlier
    article still in the window there (``pair`` false), then the chunk's candidate pairs by article.
    Features stay pickled until first read, then the most recently read ``LOADED`` are kept
    unpickled: an article is a candidate of about 40 later ones."""
    dense = np.zeros(N_FEATURES, dtype=np.float32)
    load = None
    for (_, pair, b), rows_b in groupby(rows, key=lambda r: (r.chunk, r.pair, r.b)):
        if not pair:  # one group per chunk, before its pairs
            blobs = {r.a: r.features for r in rows_b}
            load = lru_cache(maxsize=LOADED)(lambda a, blobs=blobs: pickle.loads(blobs[a]))
            continue
        f = load(b)
        dense[f.ngram_idx] = f.rarity.text
        cands = list(rows_b)
        sims = similarities(f, [load(c.a) for c in cands], dense_a=dense, full=[c.forced for c in cands])
        for c, sim in zip(cands, sims):
            if sim is None:  # cannot be one story
                continue
            if sim.same_story or (c.forced and sim.in_window):
                yield b, c.a, 1.0 if c.forced else sim.score, c.forced, c.votes
        dense[f.ngram_idx] = 0.0


def story_edges(spark: SparkSession, feats: DataFrame, blocked: DataFrame, dups: DataFrame,
                chunk: int = CHUNK) -> DataFrame:
    """(b, a, score, forced, votes) for every candidate pair that passes.

    Pairs are scored by chunks of ``chunk`` articles in input order. An article's features
    travel to each chunk from its own to the one where it leaves the window (``until_seq``):
    a few copies per article, not one per pair (about 40).
    """
    cands = blocked.join(dups.withColumn("forced", F.lit(True)), ["b", "a"], "full").fillna(
        {"forced": False, "votes": 0})
    first = F.floor(F.col("seq") / chunk)
    last = F.coalesce(F.floor(F.col("until_seq") / chunk), F.lit((feats.count() - 1) // chunk))
    pairs = cands.join(feats.select(F.col("pos").alias("b"), first.alias("chunk")), "b").select(
        "chunk", F.lit(True).alias("pair"), "b", "a", "forced", "votes", F.lit(None).cast("binary").alias("features"))
    own = feats.select(F.explode(F.sequence(first, last)).alias("chunk"), F.lit(False).alias("pair"),
                       F.lit(-1).cast("long").alias("b"), F.col("pos").alias("a"), F.lit(None).cast("boolean").alias("forced"),
                       F.lit(None).cast("long").alias("votes"), "features")
    rows = own.unionByName(pairs).repartition("chunk").sortWithinPartitions("chunk", "pair", "b")
    return spark.createDataFrame(rows.rdd.mapPartitions(_score),
                                 "b long, a long, score double, forced boolean, votes long")


def components(edges: DataFrame) -> DataFrame:
    """(pos, comp): connected components of the edge graph, each labelled by its smallest pos.

    Each round takes the smallest label among an article's neighbours, then the label of that
    label (pointer jumping): a chain of d reports settles in about log d rounds, not d, and
    formula news chains run to dozens of reports."""
    links = edges.select(F.col("a").alias("src"), F.col("b").alias("dst"))
    links = links.union(links.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).cache()
    labels = links.select(F.col("src").alias("pos")).distinct().withColumn("comp", F.col("pos")).localCheckpoint()
    while True:
        spread = links.join(labels.withColumnRenamed("pos", "src"), "src").select(F.col("dst").alias("pos"), "comp")
        near = labels.union(spread).groupBy("pos").agg(F.min("comp").alias("comp"))
        jump = near.join(near.select(F.col("pos").alias("comp"), F.col("comp").alias("far")), "comp")
        new = jump.select("pos", F.least("comp", "far").alias("comp")).localCheckpoint()
        changed = new.join(labels.withColumnRenamed("comp", "old"), "pos").where("comp != old").count()
        labels = new
        if not changed:
            return labels


def _assign(comp: tuple) -> Iterator[tuple]:
    """The local joining rule itself (``StoryIndex.place``, merges included) over one
    component, in input order, of weighed articles, each retired when it leaves a local
    run's window: (pos, story pos, label)."""
    members, edges = comp
    rows = sorted((pos, doc_id, until, pickle.loads(blob)) for pos, doc_id, until, blob in members)
    cands: dict[int, list] = {}
    for b, a, forced, votes, id_a in edges:
        cands.setdefault(b, []).append((a, forced, votes, id_a))
    index = StoryIndex(window=False)
    leaving = sorted((until, doc_id) for _, doc_id, until, _ in rows if until is not None)
    gone = 0
    for pos, doc_id, _, f in rows:
        while gone < len(leaving) and leaving[gone][0] < pos:
            index.retire(leaving[gone][1])
            gone += 1
        # In the local index's order: near-duplicates by id, then most shared keys, latest first.
        ranked = sorted(cands.get(pos, ()), key=lambda c: (0, c[3], 0) if c[1] else (1, "", -c[2], -c[0]))
        index.place(doc_id, f, [], candidates=[(c[3], c[1]) for c in ranked])
    pos_of = {doc_id: pos for pos, doc_id, *_ in rows}
    for story in index.stories():
        first = pos_of[story.id.removeprefix("story:")]
        for doc_id in story.articles:
            yield pos_of[doc_id], first, story.label if pos_of[doc_id] == first else None


def group(spark: SparkSession, feats: DataFrame) -> DataFrame:
    """(pos, story, duplicates, story_label) for every article of ``feats``
    (pos, id, day, title, features, signature); ``story_label`` is set on a story's
    first article only."""
    # The large tables read more than once go to local disk, not the executors' heap, which
    # the sorts and windows of the prefix counts need (at 124k articles, a few GB).
    feats = weighed(spark, feats).persist(StorageLevel.DISK_ONLY)
    dups = duplicate_pairs(spark, feats).cache()
    edges = story_edges(spark, feats, blocked_pairs(spark, feats), dups).cache()
    comp = components(edges)
    ids = feats.select("pos", "id")
    members = comp.join(feats.select("pos", "id", "until", "features"), "pos").rdd.map(
        lambda r: (r.comp, (r.pos, r.id, r.until, r.features)))
    # The passing candidates are those the index reads: the others could not change a story.
    linked = edges.join(comp.withColumnRenamed("pos", "b"), "b").join(ids.withColumnRenamed("pos", "a"), "a")
    linked = linked.rdd.map(lambda r: (r.comp, (r.b, r.a, r.forced, r.votes, r.id)))
    assigned = spark.createDataFrame(
        members.cogroup(linked).flatMap(lambda kv: _assign((list(kv[1][0]), list(kv[1][1])))),
        "pos long, story_pos long, story_label string",
    )
    dup_ids = dups.join(ids.withColumnRenamed("pos", "a"), "a").groupBy("b").agg(
        F.array_sort(F.collect_list("id")).alias("duplicates"))
    first = ids.select(F.col("pos").alias("story_pos"), F.concat(F.lit("story:"), "id").alias("story"))
    out = (feats.select("pos", "title").join(assigned, "pos", "left")
           .withColumn("story_pos", F.coalesce("story_pos", "pos")).join(first, "story_pos")
           .join(dup_ids.withColumnRenamed("b", "pos"), "pos", "left"))
    return out.select(
        "pos", "story", F.coalesce("duplicates", F.array().cast("array<string>")).alias("duplicates"),
        F.when(F.col("story_pos") == F.col("pos"), F.coalesce("story_label", "title"))
        .alias("story_label"),
    )
