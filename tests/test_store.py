"""The embedded store: round trip, replace-on-reanalysis, entities, events, quotes, stories, exports."""
from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from rasd.doc import Doc, Entity, Mention, Source
from rasd.store import COLUMNS, Store, StoreError
from test_store_fixtures import FakeKB, drill_doc, visit_doc


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "rasd.db", kb=FakeKB())
    s.upsert(visit_doc("a1", "الشرق", "2024-05-16", "وانغ يي"))
    s.upsert(visit_doc("a2", "الوطن", "2024-05-17", "وانج يي"))
    s.upsert(drill_doc("b1"))
    yield s
    s.close()


def test_round_trip_gives_back_the_same_doc(tmp_path):
    doc = visit_doc()
    with Store(tmp_path / "x.db") as s:
        s.upsert(doc)
        back = s.get(doc.id)
    assert back is not None
    assert back.to_dict() == doc.to_dict()
    assert back.body[back.mentions[0].start : back.mentions[0].end] == "سيرغي لافروف"


def test_missing_article_is_none(store):
    assert store.get("nope") is None


def test_wal_mode_and_fts5(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reanalysing_same_id_replaces_not_duplicates(store):
    newer = drill_doc("b1")
    newer.title = "عنوان محدث للمناورات"
    newer.events = newer.events[:1]
    store.upsert(newer)
    store.upsert(newer)
    assert len(store) == 3
    assert store.get("b1").title == "عنوان محدث للمناورات"
    assert len(store.events(type="THREATEN")) == 0
    assert len(store.events(type="COOPERATE")) == 1
    assert [h.id for h in store.search("مناورات")] == ["b1"]
    n_mentions = store.db.execute("SELECT count(*) FROM mentions WHERE article_id='b1'").fetchone()[0]
    assert n_mentions == len(newer.mentions)


def test_failed_write_keeps_what_was_stored(store):
    broken = visit_doc("a1")
    broken.mentions.append(Mention("x", 0, 1, "PER", "ent:x"))
    broken.entities.append(Entity("ent:x", "X", "س", "PER"))
    broken.events[0].trigger = {"not": "bindable"}  # fails mid-write: the transaction must roll back
    with pytest.raises(sqlite3.Error):
        store.upsert(broken)
    kept = store.get("a1")
    assert kept is not None and kept.to_dict() == visit_doc("a1", "الشرق", "2024-05-16").to_dict()
    assert store.entity("ent:x") is None
    assert len(store.events(type="CONSULT")) == 2


def test_entity_by_english_name_and_any_arabic_spelling(store):
    for q in ("Wang Yi", "wang yi", "وانغ يي", "وانج يي", "kb:wang_yi"):
        rec = store.entity(q)
        assert rec is not None and rec.id == "kb:wang_yi", q
    rec = store.entity("وانج يي")
    assert dict(rec.spellings) == {"وانغ يي": 1, "وانج يي": 1}
    assert {"وانغ يي", "وانج يي"} <= set(rec.aliases)
    assert rec.roles and rec.roles[0]["role"] == "foreign minister"
    assert [a["id"] for a in rec.articles] == ["a2", "a1"]  # newest first
    assert store.entity("Vladimir Putin") is None
    assert store.entity("Lavrov").id == "kb:sergey_lavrov"  # part of the name, as a word
    assert store.entity("Lav") is None


def test_entity_spelling_with_proclitic_and_hamza_variant(store):
    assert store.entity("لافروف").id == "kb:sergey_lavrov"
    assert store.entity("اوكرانيا").id == "kb:ukraine"  # written أوكرانيا
    assert store.entity("Ukraine").id == "kb:ukraine"


def test_top_entities_counts_articles(store):
    top = store.top_entities(3)
    assert {t["id"] for t in top[:2]} == {"kb:china", "kb:russia"}  # in all three articles
    assert top[0]["articles"] == 3
    assert [t["id"] for t in store.top_entities(5, type="PER")] == ["kb:sergey_lavrov", "kb:wang_yi"]


def test_event_filters(store):
    assert len(store.events()) == 4
    by_name = store.events(actor="Sergey Lavrov")
    assert [e["article_id"] for e in by_name] == ["a1", "a2"]
    assert by_name[0]["actor_name"] == "Sergey Lavrov" and by_name[0]["target_name"] == "Wang Yi"
    assert by_name[0]["location_name"] == "Beijing" and by_name[0]["actor_country"] == "RU"
    assert store.events(actor="لافروف") == by_name
    assert [e["event_type"] for e in store.events(target="أوكرانيا")] == ["THREATEN"]
    assert store.events(target="أوكرانيا")[0]["negated"] is True
    assert [e["event_type"] for e in store.events(type="consult")] == ["CONSULT", "CONSULT"]
    assert [e["date"] for e in store.events(since="2024-05-17")] == ["2024-05-17", "2024-07-02", "2024-07-02"]
    assert [e["date"] for e in store.events(until="2024-05")] == ["2024-05-16", "2024-05-17"]
    assert store.events(actor="Nobody Known") == []
    assert len(store.events(limit=1)) == 1


def test_event_without_own_date_takes_publication_date(store):
    coop = store.events(type="COOPERATE")[0]
    assert coop["date"] == "2024-07-02"


def test_quotes_by_speaker(store):
    qs = store.quotes(speaker="لافروف")
    assert len(qs) == 2 and qs[0]["speaker_name"] == "Sergey Lavrov"
    assert "موسكو وبكين" in qs[0]["text"]
    assert store.quotes(speaker="Wang Yi") == []


def test_stories_aggregate_outlets_dates_and_entities(store):
    store.save_story("s1", ["a1", "a2"])
    s = store.story("s1")
    assert s["articles"] == 2
    assert s["outlets"] == ["الشرق", "الوطن"]
    assert (s["first_seen"], s["last_seen"]) == ("2024-05-16", "2024-05-17")
    assert s["label"] == "لافروف يزور بكين ويلتقي وانغ يي"
    assert s["key_entities"][0]["id"] == "kb:sergey_lavrov"  # in both, mentioned most
    assert [a["id"] for a in s["article_list"]] == ["a1", "a2"]
    assert store.get("a2").story == "s1"
    # Moving an article to another story updates both.
    store.save_story("s2", ["a2"], label="زيارة")
    assert store.story("s1")["articles"] == 1
    assert store.story("s2")["label"] == "زيارة"
    assert [x["id"] for x in store.stories()] == ["s2", "s1"]


def test_story_from_doc_field(tmp_path):
    with Store(tmp_path / "s.db") as s:
        d = visit_doc("a1")
        d.story = "st-1"
        s.upsert(d)
        assert s.story("st-1")["articles"] == 1
        d.story = "st-2"
        s.upsert(d)
        assert s.story("st-1") is None and s.story("st-2")["articles"] == 1


def test_state_round_trip(store):
    assert store.get_state("group") is None
    store.set_state("group", b"\x00\x01")
    store.set_state("group", b"\x02")
    assert store.get_state("group") == b"\x02"


def test_summary(store):
    s = store.summary()
    assert s["articles"] == 3
    assert s["outlets"] == {"الشرق": 1, "الوطن": 1, "العربية": 1}
    assert s["date_range"] == ["2024-05-16", "2024-07-02"]
    assert s["events_by_type"] == {"CONSULT": 2, "COOPERATE": 1, "THREATEN": 1}
    assert s["top_entities"][0]["articles"] == 3


def test_summary_of_empty_store(tmp_path):
    with Store(tmp_path / "e.db") as s:
        assert s.summary()["articles"] == 0
        assert s.search("بكين") == []


@pytest.mark.parametrize("what", ["articles", "events", "entities", "quotes"])
def test_exports_csv_and_parquet_have_the_columns(store, tmp_path, what):
    n = store.export("csv", tmp_path / f"{what}.csv", what)
    with open(tmp_path / f"{what}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert n == len(rows) > 0
    assert list(rows[0]) == COLUMNS[what]
    table = pq.read_table(tmp_path / f"{what}.parquet") if store.export(
        "parquet", tmp_path / f"{what}.parquet", what) else None
    assert table.column_names == COLUMNS[what] and table.num_rows == n


def test_events_csv_is_gdelt_like(store, tmp_path):
    store.export("csv", tmp_path / "ev.csv", "events")
    with open(tmp_path / "ev.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:5] == ["date", "actor", "actor_name", "actor_country", "event_type"]
    first = rows[0]
    assert first["actor_name"] == "Sergey Lavrov" and first["target_country"] == "CN"
    assert "التقى" in first["evidence"]
    assert {r["negated"] for r in rows} == {"True", "False"}


def test_jsonl_export_of_articles_is_the_doc_contract(store, tmp_path):
    store.save_story("s1", ["a1"])
    store.set_duplicates("a1", ["a2"])  # found after a1 was stored
    n = store.export("jsonl", tmp_path / "a.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == 3
    by_id = {d["id"]: d for d in lines}
    assert by_id["a1"]["story"] == "s1"
    assert by_id["a1"]["duplicates"] == ["a2"] and by_id["a2"]["duplicates"] == []
    assert list(by_id["a1"])[:2] == ["id", "body"]
    assert Doc.from_dict(by_id["b1"]).to_dict() == drill_doc("b1").to_dict()
    assert "لافروف" in (tmp_path / "a.jsonl").read_text(encoding="utf-8")  # not \\u escaped


def test_entities_export_merges_aliases(store, tmp_path):
    store.export("jsonl", tmp_path / "e.jsonl", "entities")
    ents = {json.loads(x)["id"]: json.loads(x) for x in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()}
    assert {"وانغ يي", "وانج يي"} <= set(ents["kb:wang_yi"]["aliases"])
    assert ents["kb:china"]["articles"] == 3


def test_unknown_export_format_is_an_error(store, tmp_path):
    with pytest.raises(ValueError):
        store.export("xml", tmp_path / "x.xml")
    with pytest.raises(ValueError):
        store.export("csv", tmp_path / "x.csv", "people")


def test_store_survives_reopening(tmp_path):
    with Store(tmp_path / "r.db") as s:
        s.upsert(visit_doc("a1"))
    with Store(tmp_path / "r.db") as s:
        assert "a1" in s and s.search("لافروف")[0].id == "a1"


def test_doc_without_metadata_is_stored(tmp_path):
    with Store(tmp_path / "m.db") as s:
        s.upsert(Doc(id="bare", body="نص قصير بلا عنوان ولا تاريخ عن بكين.", source=Source()))
        assert s.get("bare").title is None
        assert s.search("بكين")[0].id == "bare"
        assert s.summary()["date_range"] == [None, None]


def test_foreign_sqlite_file_is_refused_clearly(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(other)
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("not a database", encoding="utf-8")
    with pytest.raises(sqlite3.DatabaseError):
        Store(not_sqlite)


def test_a_reader_sees_committed_articles_while_a_writer_is_open(tmp_path):
    path = tmp_path / "shared.db"
    writer = Store(path)
    reader = Store(path)
    try:
        writer.upsert(visit_doc("a1"))
        assert reader.search("لافروف")[0].id == "a1"
        writer.upsert(drill_doc("b1"))
        assert reader.summary()["articles"] == 2
    finally:
        reader.close()
        writer.close()


def test_entity_counts_follow_replacements_and_deletions(store):
    def china():
        return next(e for e in store.top_entities(10) if e["id"] == "kb:china")

    assert (china()["articles"], china()["mentions"]) == (3, 3)
    store.upsert(visit_doc("a1", "الشرق", "2024-05-16"))  # same article again
    assert (china()["articles"], china()["mentions"]) == (3, 3)
    fewer = drill_doc("b1")
    fewer.mentions = [m for m in fewer.mentions if m.entity != "kb:china"]
    fewer.entities = [e for e in fewer.entities if e.id != "kb:china"]
    store.upsert(fewer)
    assert china()["articles"] == 2
    assert store.delete("a2") and not store.delete("a2")
    assert china()["articles"] == 1
    assert any(e["id"] == "kb:wang_yi" for e in store.top_entities(10))  # still in a1
    store.delete("a1")
    assert all(e["id"] != "kb:wang_yi" for e in store.top_entities(10))


def test_actor_filter_covers_both_parties_of_a_symmetric_event(tmp_path):
    from rasd.doc import Doc, Entity, Event
    from rasd.store import Store

    body = "التقى وزير الخارجية المصري نظيره الأردني في عمان."
    doc = Doc(id="sym", body=body, published="2025-02-01")
    for key, name in (("kb:a", "Minister A"), ("kb:b", "Minister B")):
        doc.add_entity(Entity(key, name, name, "PER"))
    doc.events += [Event("CONSULT", "meet", "kb:a", "kb:b", evidence=body, end=len(body)),
                   Event("ACCUSE", None, "kb:a", "kb:b", evidence=body, end=len(body))]
    with Store(tmp_path / "s.db") as store:
        store.upsert(doc)
        assert [e["event_type"] for e in store.events(actor="kb:b")] == ["CONSULT"]
        assert {e["event_type"] for e in store.events(actor="kb:a")} == {"CONSULT", "ACCUSE"}


def test_merged_story_keeps_its_old_id_resolving(store):
    """A later article showed two stories are one: links to either id lead to the merged story."""
    store.save_story("s1", ["a1"])
    store.save_story("s2", ["a2"])
    store.merge_stories("s1", ["s2"])
    merged = store.story("s2")
    assert merged["id"] == "s1" and merged["articles"] == 2
    assert [a["id"] for a in merged["article_list"]] == ["a1", "a2"]
    assert store.get("a2").story == "s1"
    assert [s["id"] for s in store.stories()] == ["s1"]
    assert merged["key_events"][0]["type"] == "CONSULT"
    assert merged["key_events"][0]["actor_name"] == "Sergey Lavrov" and merged["key_events"][0]["articles"] == 2
    # merged again, into an older story: the first alias follows
    store.save_story("s0", ["b1"])
    store.merge_stories("s0", ["s1"])
    assert store.resolve_story("s2") == store.resolve_story("s1") == "s0"
    assert store.story("s2")["articles"] == 3
    assert store.resolve_story("s0") == "s0" and store.resolve_story("other") == "other"


def test_store_of_the_previous_version_gains_story_events(tmp_path):
    path = tmp_path / "v3.db"
    with Store(path) as s:
        s.upsert(visit_doc("a1"))
    db = sqlite3.connect(path)
    db.executescript("ALTER TABLE stories DROP COLUMN key_events; DROP TABLE story_aliases; PRAGMA user_version=3;")
    db.close()
    with Store(path) as s:
        s.save_story("s1", ["a1"])
        assert s.story("s1")["key_events"][0]["type"] == "CONSULT"
