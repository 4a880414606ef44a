"""The HTTP API and dashboard over a store filled with hand-built articles."""
import pytest
from fastapi.testclient import TestClient

from rasd.doc import Doc, Entity, Event, Mention, Quote, Source
from rasd.serve.app import create_app
from rasd.store import Store

BODY_A = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وزير الخارجية التركي هاكان فيدان أمس."
BODY_B = "وبحث السيسي مع فيدان في القاهرة العلاقات الثنائية، وقال فيدان: «نريد شراكة أقوى»."


def _doc(doc_id, body, published, outlet):
    sisi = Entity("kb:abdel-fattah-el-sisi", "Abdel Fattah el-Sisi", "عبد الفتاح السيسي", "PER", "Q53714", country="EG")
    fidan = Entity("kb:hakan-fidan", "Hakan Fidan", "هاكان فيدان", "PER", None, country="TR")
    cairo = Entity("kb:cairo", "Cairo", "القاهرة", "GPE", None, country="EG")
    doc = Doc(id=doc_id, body=body, source=Source(outlet=outlet), title=body[:40], published=published)
    for ent in (sisi, fidan, cairo):
        doc.add_entity(ent)
        for name in (ent.name_ar, ent.name_ar.split()[-1]):
            i = body.find(name)
            if i >= 0:
                doc.mentions.append(Mention(name, i, i + len(name), ent.type, ent.id))
                break
    doc.events.append(Event("CONSULT", "meet", sisi.id, fidan.id, cairo.id, published, evidence=body, start=0, end=len(body)))
    q = body.find("نريد")
    if q >= 0:
        doc.quotes.append(Quote(fidan.id, "نريد شراكة أقوى", q, q + len("نريد شراكة أقوى")))
    return doc


def fill_store(db):
    """Two articles of one story, from two outlets."""
    with Store(db) as store:
        store.upsert(_doc("a1", BODY_A, "2025-03-04", "الأهرام"))
        store.upsert(_doc("a2", BODY_B, "2025-03-05", "الشروق"))
        store.save_story("story:a1", ["a1", "a2"])
    return db


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(fill_store(tmp_path / "rasd.db")))


def test_dashboard_and_openapi_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "Rasd" in page.text
    assert client.get("/static/app.js").status_code == 200
    assert "/api/search" in client.get("/openapi.json").json()["paths"]


def test_search_matches_clitic_forms_and_marks_original_text(client):
    hits = client.get("/api/search", params={"q": "القاهرة"}).json()
    assert {h["id"] for h in hits} == {"a1", "a2"}
    assert all("<mark>" in h["snippet"] for h in hits)


def test_entity_page_by_arabic_spelling_and_english_name(client):
    by_ar = client.get("/api/entities/فيدان").json()
    by_en = client.get("/api/entities/Hakan Fidan").json()
    assert by_ar["id"] == by_en["id"] == "kb:hakan-fidan"
    assert {a["id"] for a in by_en["articles"]} == {"a1", "a2"}
    assert client.get("/api/entities/nobody-at-all").status_code == 404


def test_events_filter_story_graph_and_timeline(client):
    evs = client.get("/api/events", params={"actor": "Abdel Fattah el-Sisi", "type": "CONSULT"}).json()
    assert len(evs) == 2 and evs[0]["target_name"] == "Hakan Fidan"
    assert client.get("/api/events", params={"since": "2025-03-05"}).json()[0]["article_id"] == "a2"
    stories = client.get("/api/stories").json()
    assert len(stories) == 1 and len(stories[0]["articles"]) == 2
    assert set(stories[0]["outlets"]) == {"الأهرام", "الشروق"}
    graph = client.get("/api/graph").json()
    assert graph["edges"][0]["weight"] == 2 and graph["edges"][0]["types"] == {"CONSULT": 2}
    days = client.get("/api/timeline").json()
    assert [d["date"] for d in days] == ["2025-03-04", "2025-03-05"]
    quotes = client.get("/api/quotes", params={"speaker": "فيدان"}).json()
    assert quotes[0]["text"] == "نريد شراكة أقوى"


def test_graph_and_timeline_counted_in_the_store_match_the_event_rows(tmp_path):
    # The store counts events per pair and per day in SQL, so the graph never loads
    # every event; the pictures must be those that the event rows themselves give.
    from rasd.serve.views import relation_graph, timeline

    with Store(fill_store(tmp_path / "rasd.db")) as store:
        extra = _doc("a3", BODY_A, None, "الأهرام")
        sisi, fidan = "kb:abdel-fattah-el-sisi", "kb:hakan-fidan"
        extra.events = [
            Event("CONSULT", "meet", fidan, sisi, None, "2025-03-05"),      # reversed pair, same edge
            Event("ACCUSE", None, sisi, fidan, None, "2025-03-06", negated=True),  # no relation
            Event("COOPERATE", None, sisi, fidan, None, None),             # undated: no day
            Event("ASSAULT", None, sisi, None, None, "2025-03-06"),         # no target: no edge
        ]
        store.upsert(extra)
        rows = store.events()
        for since in (None, "2025-03-05"):
            assert relation_graph(store.event_counts("pair", since=since)) == relation_graph(store.events(since=since))
        assert timeline(store.event_counts("day")) == timeline(rows)
        assert timeline(store.event_counts("day", actor="فيدان")) == timeline(store.events(actor="فيدان"))
        graph = relation_graph(store.event_counts("pair"))
        assert graph["edges"] == [{"source": sisi, "target": fidan, "weight": 4,
                                   "types": {"CONSULT": 3, "COOPERATE": 1}}]
        assert [d["date"] for d in timeline(store.event_counts("day"))] == ["2025-03-04", "2025-03-05", "2025-03-06"]


def test_story_merged_later_is_served_under_its_old_id(tmp_path):
    db = tmp_path / "rasd.db"
    with Store(db) as store:
        store.upsert(_doc("a1", BODY_A, "2025-03-04", "الأهرام"))
        store.upsert(_doc("a2", BODY_B, "2025-03-05", "الشروق"))
        store.save_story("story:a1", ["a1"])
        store.save_story("story:a2", ["a2"])
        store.merge_stories("story:a1", ["story:a2"])
    client = TestClient(create_app(db))
    story = client.get("/api/stories/story:a2").json()
    assert story["id"] == "story:a1" and [a["id"] for a in story["articles"]] == ["a1", "a2"]
    assert (story["first_seen"], story["last_seen"]) == ("2025-03-04", "2025-03-05")
    listed = client.get("/api/stories").json()
    assert [s["id"] for s in listed] == ["story:a1"]
    assert listed[0]["key_events"][0] == {"type": "CONSULT", "actor": "kb:abdel-fattah-el-sisi",
                                          "actor_name": "Abdel Fattah el-Sisi", "target": "kb:hakan-fidan",
                                          "target_name": "Hakan Fidan", "articles": 2}
