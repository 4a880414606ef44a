"""The ``rasd`` command line: batch analysis with bad files, and the query commands.

The per-article pipeline is replaced by a small stand-in (title = first
line, body = the rest, one entity per known word) so that these tests check
the command line's own behaviour: error lines, exit codes, storing,
re-analysis, story ids in the JSONL, and what the query commands print.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from rasd import cli
from rasd.cli import main
from rasd.doc import Doc, Entity, Event, Mention, Source
from rasd.store import Store
from test_store_fixtures import FakeKB, drill_doc, visit_doc

_KNOWN = {"بكين": Entity("kb:beijing", "Beijing", "بكين", "GPE", "Q956", [], "CN"),
          "موسكو": Entity("kb:moscow", "Moscow", "موسكو", "GPE", "Q649", [], "RU")}


def fake_analyze_raw(raw) -> Doc:
    if "انفجار-المحلل" in raw.content:
        raise RuntimeError("the recogniser choked")
    title, _, body = raw.content.strip().partition("\n")
    body = body.strip() or title
    doc = Doc(id=raw.id or hashlib.sha1(raw.content.encode()).hexdigest()[:16], body=body, title=title,
              source=Source(path=raw.path, url=raw.url, outlet=raw.outlet or "وكالة الاختبار"),
              published=raw.published or "2024-05-16")
    for word, ent in _KNOWN.items():
        at = body.find(word)
        if at >= 0:
            doc.mentions.append(Mention(word, at, at + len(word), "GPE", ent.id))
            doc.add_entity(Entity(ent.id, ent.name, ent.name_ar, ent.type, ent.wikidata, [word], ent.country))
    if len(doc.entities) == 2:
        doc.events.append(Event("CONSULT", None, "kb:moscow", "kb:beijing", evidence=body, start=0, end=len(body)))
    return doc


@pytest.fixture
def fake_pipeline(monkeypatch):
    """Stand in for the per-article stages (whatever state the real ones are in)."""
    monkeypatch.setattr("rasd.core.analyze_raw", fake_analyze_raw)


GOOD = "وفد روسي في بكين\nوصل وفد من موسكو إلى بكين اليوم لإجراء محادثات حول التعاون الاقتصادي.\n"
OTHER = "أسعار النفط ترتفع\nارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path, capsys, fake_pipeline):
    db = str(tmp_path / "r.db")
    first = tmp_path / "first"
    first.mkdir()
    (first / "old.txt").write_text(OTHER, encoding="utf-8")
    assert run(capsys, "analyze", str(first), "--db", db)[0] == 0

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD, encoding="utf-8")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "blob.html").write_bytes(bytes(range(256)) * 20)
    (batch / "crash.txt").write_text("عنوان\nنص فيه انفجار-المحلل هنا", encoding="utf-8")
    out_jsonl = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "analyze", str(batch), "-o", str(out_jsonl), "--db", db)

    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3, err
    assert any("empty.txt" in line and "empty" in line.split("empty.txt", 1)[1] for line in lines)
    assert any("blob.html" in line and "binary" in line for line in lines)
    assert any("crash.txt" in line and "recogniser choked" in line for line in lines)
    assert "Analysed 1 article, 3 failed." in out

    docs = [json.loads(x) for x in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 1 and docs[0]["story"]  # grouped before writing
    with Store(db) as s:
        assert len(s) == 2  # the good one, and the one stored by the earlier run
        assert s.search("بكين")[0].title == "وفد روسي في بكين"
        assert s.search("النفط")[0].title == "أسعار النفط ترتفع"
        assert s.get(docs[0]["id"]).story == docs[0]["story"]


def test_reanalysing_updates_rather_than_duplicates(tmp_path, capsys, fake_pipeline):
    db = str(tmp_path / "r.db")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        assert run(capsys, "analyze", str(tmp_path / "a.txt"), "--db", db)[0] == 0
    with Store(db) as s:
        assert len(s) == 1
        assert len(s.stories()) == 1
        assert len(s.events()) == 1


def test_jsonl_input_and_no_db(tmp_path, capsys, fake_pipeline):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "x1", "text": GOOD, "outlet": "الأهرام", "published": "2024-06-01"}, ensure_ascii=False)
        + "\n{not json\n", encoding="utf-8")
    out_jsonl = tmp_path / "o.jsonl"
    code, out, err = run(capsys, "analyze", str(src), "-o", str(out_jsonl), "--no-db", "--db", str(tmp_path / "n.db"))
    assert code == 1 and "in.jsonl:2" in err and "malformed JSON" in err
    assert not (tmp_path / "n.db").exists()
    doc = json.loads(out_jsonl.read_text(encoding="utf-8"))
    assert doc["id"] == "x1" and doc["source"]["outlet"] == "الأهرام"
    assert "الأهرام (1)" in out and "2024-06-01" in out and "Beijing" in out and "CONSULT 1" in out


def test_missing_path_and_usage_errors(tmp_path, capsys, fake_pipeline):
    code, out, err = run(capsys, "analyze", str(tmp_path / "nowhere.txt"), "--no-db")
    assert code == 1 and "nowhere.txt: no such file" in err
    with pytest.raises(SystemExit) as exc:
        main(["analyze"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "xml", "-o", "x"])
    assert exc.value.code == 2


def test_store_write_failure_keeps_what_is_stored(tmp_path, capsys, fake_pipeline, monkeypatch):
    db = str(tmp_path / "r.db")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(OTHER, encoding="utf-8")
    run(capsys, "analyze", str(tmp_path / "a"), "--db", db)

    def broken_upsert(self, doc, content_hash=None):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "upsert", broken_upsert)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(tmp_path / "b"), "--db", db)
    assert code == 1 and "two.txt: not stored (disk I/O error)" in err
    monkeypatch.undo()
    with Store(db) as s:
        assert len(s) == 1 and s.search("النفط")


@pytest.fixture
def filled_db(tmp_path):
    db = tmp_path / "q.db"
    with Store(db, kb=FakeKB()) as s:
        s.upsert(visit_doc("a1", "الشرق", "2024-05-16", "وانغ يي"))
        s.upsert(visit_doc("a2", "الوطن", "2024-05-17", "وانج يي"))
        s.upsert(drill_doc("b1"))
        s.save_story("s1", ["a1", "a2"])
        s.save_story("s2", ["b1"])
    return str(db)


def test_search_prints_ranked_hits_with_marked_snippets(filled_db, capsys):
    code, out, _ = run(capsys, "search", "لبكين", "--db", filled_db)
    assert code == 0
    assert "2 articles match" in out
    assert "[بكين]" in out and "لافروف يزور بكين" in out
    assert "\033[1m" not in out  # not a terminal: brackets, no ANSI
    assert run(capsys, "search", "طوكيو", "--db", filled_db)[0] == 1


def test_entity_command_by_arabic_spelling(filled_db, capsys, monkeypatch):
    monkeypatch.setattr("rasd.store.sqlite.Store._kb_roles", lambda self, eid: [{"role": "foreign minister",
                        "of": "CN", "start": "2013-03-16", "end": None}])
    code, out, _ = run(capsys, "entity", "وانج يي", "--db", filled_db)
    assert code == 0
    assert out.startswith("Wang Yi (وانغ يي)")
    assert "وانغ يي (1)" in out and "وانج يي (1)" in out
    assert "foreign minister of CN (2013-03-16 to now)" in out
    assert "Articles (2):" in out
    code, _, err = run(capsys, "entity", "Nobody", "--db", filled_db)
    assert code == 1 and "No entity" in err


def test_events_command_formats(filled_db, capsys):
    code, out, _ = run(capsys, "events", "--actor", "Sergey Lavrov", "--db", filled_db)
    assert code == 0 and out.count("CONSULT") == 2 and "Wang Yi" in out
    code, out, _ = run(capsys, "events", "--type", "THREATEN", "--format", "jsonl", "--db", filled_db)
    row = json.loads(out)
    assert row["actor_name"] == "Russia" and row["negated"] is True
    code, out, _ = run(capsys, "events", "--since", "2024-06-01", "--format", "csv", "--db", filled_db)
    header, *rows = out.strip().splitlines()
    assert header.startswith("date,actor,actor_name,actor_country,event_type")
    assert len(rows) == 2


def test_quotes_stories_and_export(filled_db, capsys, tmp_path):
    code, out, _ = run(capsys, "quotes", "--speaker", "لافروف", "--db", filled_db)
    assert code == 0 and out.count("Sergey Lavrov:") == 2
    code, out, _ = run(capsys, "stories", "--db", filled_db)
    assert code == 0 and "[s1]" in out and "2 articles, 2 outlets" in out
    code, out, _ = run(capsys, "export", "--format", "parquet", "--what", "events",
                       "-o", str(tmp_path / "e.parquet"), "--db", filled_db)
    assert code == 0 and "Wrote 4 events" in out


def test_query_commands_without_a_store(tmp_path, capsys):
    code, _, err = run(capsys, "search", "بكين", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no store" in err
    assert not (tmp_path / "none.db").exists()


def test_parallel_workers_give_the_same_output(tmp_path, capsys, monkeypatch):
    """The real stages (workers are fresh processes: a stand-in would not reach them)."""
    monkeypatch.setattr(cli, "WORKER_ARTICLES", 2)  # workers are replaced mid-run: order and count hold
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.txt").write_text(f"خبر رقم {i}\n" + (GOOD if i % 2 else OTHER).split("\n", 1)[1]
                                      + f" العدد {i}.", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}.jsonl"
        code, _, err = run(capsys, "analyze", str(src), "-o", str(out), "--no-db", "-j", jobs)
        assert code == 1 and err.count("bad.txt") == 1
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and outs[0].count("\n") == 6


def test_a_file_that_is_not_a_store(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "search", "بكين", "--db", str(junk))
    assert code == 1 and "cannot open" in err and "junk.db" in err
    code, _, err = run(capsys, "analyze", str(tmp_path), "--db", str(junk))
    assert code == 2 and "junk.db" in err


def test_serve_hands_the_store_path_to_the_app(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr("rasd.serve.app.create_app", lambda db: seen.setdefault("db", db) and "app")
    monkeypatch.setattr("uvicorn.run", lambda app, host, port: seen.update(app=app, host=host, port=port))
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--port", "8123"]) == 0
    assert seen == {"db": str(tmp_path / "x.db"), "app": "app", "host": "127.0.0.1", "port": 8123}


def test_a_later_article_merges_two_stored_stories(tmp_path, capsys, fake_pipeline):
    """Two runs: the second brings the article that shows two stored stories are one."""
    from test_group_stories import FIRE

    def feed(name, articles):
        path = tmp_path / name
        path.write_text("".join(json.dumps({"id": i, "outlet": o, "published": p, "text": f"{t}\n{b}"},
                                           ensure_ascii=False) + "\n" for i, o, p, t, b in articles),
                        encoding="utf-8")
        return str(path)

    db = str(tmp_path / "r.db")
    assert run(capsys, "analyze", feed("first.jsonl", FIRE[:2]), "--db", db)[0] == 0
    with Store(db) as s:
        assert len(s.stories()) == 2
    code, out, _ = run(capsys, "analyze", feed("second.jsonl", FIRE[2:]), "--db", db)
    assert code == 0 and "Stories: 1 " in out
    with Store(db) as s:
        assert [x["id"] for x in s.stories()] == ["story:fire-blaze"]
        assert s.story("story:fire-rescue")["id"] == "story:fire-blaze"
        assert s.story("story:fire-blaze")["articles"] == 3
        assert s.get("fire-rescue").story == "story:fire-blaze"
