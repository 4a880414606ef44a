"""The Spark path gives the records and stories of a local run (skipped without pyspark or Java).

One Spark session serves the module: starting one costs more than the small corpora here.
"""
import json
import shutil
import subprocess
import sys
import zipfile
from collections import defaultdict
from itertools import zip_longest
from pathlib import Path

import pytest

from rasd.cli import main

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from rasd.distributed import analyze_to_parquet, session  # noqa: E402
from rasd.distributed.records import read_docs, read_table  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
SNN, SEEDS = SHARED / "eval" / "saudinewsnet", SHARED / "corpus" / "seeds"

# One meeting reported by three outlets in their own words, a wire copy reused
# word for word, a protest elsewhere, and a page with no article at all.
MEETING = [
    ("sabq.jsonl", "سبق", "وزير الخارجية السعودي يستقبل نظيره التركي في الرياض",
     "استقبل وزير الخارجية الأمير فيصل بن فرحان في الرياض اليوم وزير الخارجية التركي هاكان فيدان، "
     "وبحث الجانبان العلاقات الثنائية وتطورات الأوضاع في غزة والسودان."),
    ("okaz.jsonl", "عكاظ", "فيصل بن فرحان وفيدان يبحثان في الرياض أوضاع غزة والسودان",
     "بحث وزير الخارجية الأمير فيصل بن فرحان مع نظيره التركي هاكان فيدان خلال لقائهما في الرياض "
     "اليوم العلاقات بين البلدين وتطورات الأوضاع في قطاع غزة والسودان."),
    ("alyaum.jsonl", "اليوم", "الرياض: مباحثات سعودية تركية حول غزة",
     "أجرى الأمير فيصل بن فرحان وزير الخارجية مباحثات في الرياض مع وزير الخارجية التركي هاكان فيدان "
     "تناولت العلاقات الثنائية والأوضاع في غزة والسودان."),
]
WIRE = ("الأمطار تغلق المدارس في جدة",
        "أعلنت إدارة التعليم في محافظة جدة تعليق الدراسة الحضورية في جميع المدارس غدا الأربعاء بسبب "
        "الأمطار الغزيرة المتوقعة، وتحويلها إلى التعليم عن بعد عبر منصة مدرستي، وفق ما ذكرته وكالة الأنباء السعودية.")
PROTEST = ("احتجاجات في عمان على الأسعار",
           "تظاهر آلاف المواطنين في العاصمة الأردنية عمان يوم الجمعة احتجاجا على ارتفاع أسعار الوقود، "
           "وطالبوا الحكومة بالتراجع عن قراراتها الأخيرة.")


def _line(aid, outlet, title, text, published="2024-03-05"):
    return json.dumps({"id": aid, "outlet": outlet, "title": title, "text": f"{title}\n\n{text}",
                       "published": published}, ensure_ascii=False) + "\n"


def _write_corpus(folder: Path) -> None:
    for i, (name, outlet, title, text) in enumerate(MEETING):
        lines = _line(f"m{i}", outlet, title, text)
        if name == "okaz.jsonl":  # the wire story, reused by two outlets
            lines += _line("w1", outlet, *WIRE, published="2024-03-05")
        if name == "alyaum.jsonl":
            lines += _line("w2", outlet, *WIRE, published="2024-03-06") + _line("p1", outlet, *PROTEST)
        (folder / name).write_text(lines, encoding="utf-8")
    (folder / "old").mkdir()
    (folder / "old" / "page.txt").write_text(f"{PROTEST[0]}\n\n{PROTEST[1]}", encoding="utf-8")
    (folder / "old" / "empty.txt").write_bytes(b"")


@pytest.fixture(scope="module")
def spark():
    # The corpora here need far less than a run's default heap; a JVM keeps what it is given.
    s = session("local[2]", memory="1500m")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def both_runs(tmp_path_factory, spark):
    """One corpus analysed once by each path (each run costs far more than the checks on it):
    the cases above, and where ../shared is beside the repository, the seeds and 1,000
    SaudiNewsNet articles. Returns (Parquet folder, the local run's records)."""
    folder = tmp_path_factory.mktemp("runs")
    corpus = folder / "corpus"
    corpus.mkdir()
    _write_corpus(corpus)
    if SNN.is_dir() and SEEDS.is_dir():
        shutil.copytree(SEEDS, corpus / "seeds")
        _saudinewsnet(corpus, 1000)
    local = _local(corpus, folder / "local.jsonl")
    analyze_to_parquet([str(corpus)], folder / "pq", spark=spark)
    return folder / "pq", local


def _local(corpus: Path, out: Path) -> dict[str, dict]:
    """A local run's records, each with the story the store holds it in at the end: its JSONL
    line was written before a later article could show its story to be an earlier one."""
    from rasd.store import Store

    db = out.with_suffix(".db")
    assert main(["analyze", str(corpus), "--db", str(db), "-o", str(out), "-j", "2"]) in (0, 1)
    with out.open(encoding="utf-8") as fh, Store(db) as store:
        return {r["id"]: {**r, "story": store.get(r["id"]).story} for r in map(json.loads, fh)}


def _partition(records: dict[str, dict]) -> set[frozenset]:
    stories = defaultdict(set)
    for aid, rec in records.items():
        stories[rec["story"]].add(aid)
    return {frozenset(s) for s in stories.values()}


def test_spark_writes_the_records_and_stories_of_a_local_run(both_runs):
    pq, local = both_runs
    remote = {doc.id: doc.to_dict() for doc, _ in read_docs(pq)}

    assert remote == local
    assert {"m0", "m1", "m2", "w1", "w2", "p1"} <= remote.keys()
    partition = _partition(remote)
    assert frozenset({"m0", "m1", "m2"}) in partition  # one story across three outlets
    assert remote["w1"]["duplicates"] == ["w2"] and remote["w1"]["story"] == remote["w2"]["story"]  # alyaum read first
    assert remote["p1"]["story"] != remote["m0"]["story"]
    assert [e["path"].rsplit("/", 1)[-1] for e in read_table(pq, "errors")] == ["empty.txt"]


def test_corpus_entities_are_merged_across_articles(both_runs):
    """One row per entity, counting every article the local run linked to it."""
    pq, local = both_runs
    counted = defaultdict(int)
    for record in local.values():
        for eid in {e["id"] for e in record["entities"]}:
            counted[eid] += 1
    index = {e["id"]: e for e in read_table(pq, "entity_index")}
    assert {eid: e["articles"] for eid, e in index.items()} == counted
    fidan = [e for e in index.values() if "فيدان" in e["name_ar"]]
    assert len(fidan) == 1 and all(fidan[0]["id"] in {e["id"] for e in local[m]["entities"]} for m in ("m0", "m1", "m2"))


def test_rasd_load_fills_the_store_from_the_parquet_folder(tmp_path, both_runs, capsys):
    from rasd.store import Store

    pq, local = both_runs
    assert main(["load", str(pq), "--db", str(tmp_path / "s.db"), "-o", str(tmp_path / "s.jsonl")]) == 1
    assert "empty.txt" in capsys.readouterr().err
    with Store(tmp_path / "s.db") as store:
        assert len(store) == len(local)
        story = store.story(store.get("m0").story)
        assert {a["id"] for a in story["article_list"]} == {"m0", "m1", "m2"}
        assert set(story["outlets"]) == {"سبق", "عكاظ", "اليوم"}
        assert store.search("فيدان")


def _saudinewsnet(folder: Path, limit: int) -> None:
    """``limit`` articles of the first days, taken from each outlet in turn: many outlets' formats
    and their reports of the same days' events (the first ``limit`` in file order are 3 outlets')."""
    by_outlet: dict[str, list] = defaultdict(list)
    for path in sorted(SNN.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                for rec in json.loads(z.read(name)):
                    if (rec.get("content") or "").strip():
                        by_outlet[rec.get("source")].append(rec)
        if sum(map(len, by_outlet.values())) >= 5 * limit:
            break
    turns = [rec for turn in zip_longest(*by_outlet.values()) for rec in turn if rec is not None][:limit]
    with (folder / "saudinewsnet.jsonl").open("w", encoding="utf-8") as out:
        for n, rec in enumerate(turns):
            out.write(json.dumps({"id": f"snn{n}", "text": rec["content"], "url": rec.get("url"),
                                  "outlet": rec.get("source"), "published": rec.get("date_extracted")},
                                 ensure_ascii=False) + "\n")


@pytest.mark.skipif(not SNN.is_dir() or not SEEDS.is_dir(), reason="needs ../shared beside the repository")
def test_spark_and_local_agree_on_the_seeds_and_1000_saudinewsnet_articles(both_runs):
    pq, local = both_runs
    remote = {doc.id: doc.to_dict() for doc, _ in read_docs(pq)}

    assert len(remote) == len(local) >= 1000 and sum(i.startswith("snn") for i in local) == 1000
    assert [i for i in local if _unstoried(remote[i]) != _unstoried(local[i])] == []
    # Both weigh each article by the counts up to it and place it by the same code
    # (StoryIndex.place): the same stories, not merely close ones.
    assert _partition(remote) ^ _partition(local) == set()
    assert sum(len(story) > 1 for story in _partition(local)) > 20  # stories to agree on, not only singletons


def _unstoried(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "story"}


def test_spark_engine_needs_a_parquet_folder(tmp_path, capsys):
    assert main(["analyze", str(tmp_path), "--engine", "spark"]) == 2
    assert "--parquet" in capsys.readouterr().err


def test_the_local_path_never_imports_spark(tmp_path):
    (tmp_path / "a.txt").write_text(f"{PROTEST[0]}\n\n{PROTEST[1]}", encoding="utf-8")
    code = ("import sys; from rasd.cli import main; "
            f"main(['analyze', {str(tmp_path)!r}, '--db', {str(tmp_path / 'x.db')!r}]); "
            "sys.exit('pyspark' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def _bulletins(n: int = 2300) -> list:
    """A feed that delivers old news late: one bulletin template, a month's dates in a
    scrambled order, over more articles than one pruning of the local window."""
    from datetime import date, timedelta

    from rasd.doc import Doc

    first_day = date(2025, 3, 1)
    return [Doc(id=f"n{i}", title=f"نشرة الأسواق رقم {i}",
                body=f"أغلقت بورصة الرياض تعاملات اليوم على ارتفاع في النشرة رقم {i}.",
                published=(first_day + timedelta(days=(i * 7) % 30)).isoformat()) for i in range(n)]


@pytest.fixture(scope="module")
def weighed_bulletins(spark):
    """The bulletin feed as Spark weighs it: (the Docs, the weighed table, cached)."""
    import pickle

    from rasd.distributed.stories import weighed
    from rasd.group.duplicates import signature
    from rasd.group.features import features

    docs, rows = _bulletins(), []
    for i, doc in enumerate(docs):
        f, sig = features(doc), signature(doc.body)
        rows.append((3 * i + 1, doc.id, f.day, doc.title, pickle.dumps(f), None if sig is None else sig.tobytes()))
    feats = weighed(spark, spark.createDataFrame(
        rows, "pos long, id string, day int, title string, features binary, signature binary")).cache()
    yield docs, feats
    feats.unpersist()


def test_spark_drops_an_article_from_the_candidates_where_a_local_run_does(weighed_bulletins):
    """Spark knows, for every article, the last one placed while a local run still kept it
    as a candidate, though dates come out of order."""
    from rasd.group import StoryIndex

    docs, feats = weighed_bulletins
    index = StoryIndex()
    until = {}
    for i, doc in enumerate(docs):
        index.add(doc)
        for j, f in enumerate(index._feats):
            if f is None and j not in until:
                until[j] = 3 * i + 1  # the last article placed while j was a candidate (pos has gaps, seq not)
    got = {r.pos: (r.until, r.until_seq) for r in feats.select("pos", "until", "until_seq").collect()}
    assert 0 < len(until) < len(docs)
    assert got == {3 * j + 1: (until.get(j), None if j not in until else (until[j] - 1) // 3) for j in range(len(docs))}


def test_pairs_scored_chunk_by_chunk_are_those_scored_at_once(spark, weighed_bulletins):
    """Candidate pairs are scored by chunks of input order, each holding the features of
    the articles still in the window: chunks far smaller than the window lose no pair."""
    from rasd.distributed.stories import blocked_pairs, duplicate_pairs, story_edges

    _, feats = weighed_bulletins
    blocked, dups = blocked_pairs(spark, feats).cache(), duplicate_pairs(spark, feats).cache()
    whole = sorted(story_edges(spark, feats, blocked, dups, chunk=10**9).collect())
    assert len(whole) > 2300
    assert sorted(story_edges(spark, feats, blocked, dups, chunk=97).collect()) == whole


def test_components_join_long_chains_and_keep_apart_what_no_edge_links(spark):
    """A chain of reports, each linked only to the one before (formula news), is one story
    however long; a star and a separate pair stay their own stories; labels are smallest ids."""
    from rasd.distributed.stories import components

    chain = [(i + 1, i) for i in range(100, 164)]  # 65 articles, 64 links, listed in any order
    star = [(50, 40), (40, 41), (40, 42)]
    pair = [(7, 3)]
    edges = spark.createDataFrame(sorted(chain + star + pair, key=lambda e: (e[0] * 37) % 11), "b long, a long")
    got = {r.pos: r.comp for r in components(edges).collect()}
    assert got == {**{i: 100 for i in range(100, 165)}, **{i: 40 for i in (40, 41, 42, 50)}, 3: 3, 7: 3}
