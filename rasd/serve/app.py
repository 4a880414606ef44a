"""The HTTP API and dashboard: thin FastAPI handlers over ``rasd.store.Store``.

Read-only by design: analysis and ingestion stay in ``rasd analyze``, so a
dashboard left open can never change the record. OpenAPI docs at ``/docs``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from rasd.serve.views import relation_graph, timeline
from rasd.store import Store

STATIC = Path(__file__).parent / "static"


class Hit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float
    snippet: str  # HTML: original text, hits in <mark>


class EntitySummary(BaseModel):
    id: str
    name: str | None
    name_ar: str | None
    type: str | None
    country: str | None = None
    articles: int
    mentions: int | None = None


class StorySummary(BaseModel):
    id: str
    label: str | None
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]
    articles: list[dict[str, Any]]
    entities: list[dict[str, Any]]


class Summary(BaseModel):
    articles: int
    outlets: int
    stories: int
    quotes: int
    date_from: str | None
    date_to: str | None
    events_by_type: dict[str, int]
    top_entities: list[EntitySummary]


class GraphNode(BaseModel):
    id: str
    name: str
    type: str | None = None
    events: int


class GraphEdge(BaseModel):
    source: str
    target: str
    weight: int
    types: dict[str, int]


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Day(BaseModel):
    date: str
    count: int
    types: dict[str, int]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def create_app(db_path: str | Path) -> FastAPI:
    """The API and dashboard over the store at ``db_path``."""
    store = Store(db_path)
    app = FastAPI(title="Rasd", description="Arabic news monitoring: articles, entities, events, quotes, stories.")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def _story(d: dict[str, Any]) -> StorySummary:
        members = d.get("article_list")
        if members is None:
            members = (store.story(d["id"]) or {}).get("article_list", [])
        ents = [{**e, "type": _entity_type(e["id"])} for e in d.get("key_entities", [])]
        return StorySummary(
            id=d["id"], label=d.get("label"), first_seen=d.get("first_seen"), last_seen=d.get("last_seen"),
            outlets=d.get("outlets", []), articles=members, entities=ents,
        )

    def _entity_type(eid: str) -> str | None:
        rec = store.entity(eid)
        return rec.type if rec else None

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/api/summary", response_model=Summary)
    def summary() -> Summary:
        s = store.summary()
        return Summary(
            articles=s["articles"], outlets=len(s["outlets"]), stories=s["stories"], quotes=s["quotes"],
            date_from=s["date_range"][0], date_to=s["date_range"][1], events_by_type=s["events_by_type"],
            top_entities=s["top_entities"],
        )

    @app.get("/api/search", response_model=list[Hit])
    def search(q: str = Query(..., min_length=1), limit: int = Query(20, le=200), offset: int = 0) -> list[Hit]:
        return [
            Hit(id=h.id, title=h.title, outlet=h.outlet, published=h.published, url=h.url, score=h.score,
                snippet=h.marked("<mark>", "</mark>", _escape))
            for h in store.search(q, limit=limit, offset=offset)
        ]

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        doc = store.get(article_id)
        if doc is None:
            raise HTTPException(404, f"no article {article_id}")
        return doc.to_dict()

    @app.get("/api/entities", response_model=list[EntitySummary])
    def entities(type: str | None = None, limit: int = Query(50, le=1000)) -> list[dict[str, Any]]:
        return store.top_entities(limit, type=type)

    @app.get("/api/entities/{query}")
    def entity(query: str) -> dict[str, Any]:
        rec = store.entity(query)
        if rec is None:
            raise HTTPException(404, f"no entity {query}")
        d = rec.to_dict()
        d["spellings"] = [s for s, _ in rec.spellings]
        return d

    @app.get("/api/events")
    def events(
        actor: str | None = None, target: str | None = None, type: str | None = None,
        since: str | None = None, until: str | None = None, limit: int = Query(500, le=10000),
    ) -> list[dict[str, Any]]:
        return [
            {**e, "type": e["event_type"]}
            for e in store.events(actor=actor, target=target, type=type, since=since, until=until, limit=limit)
        ]

    @app.get("/api/quotes")
    def quotes(speaker: str | None = None, limit: int = Query(200, le=5000)) -> list[dict[str, Any]]:
        return store.quotes(speaker=speaker, limit=limit)

    @app.get("/api/stories", response_model=list[StorySummary])
    def stories(limit: int = Query(100, le=2000), min_articles: int = 1) -> list[StorySummary]:
        return [_story(s) for s in store.stories(limit=limit, min_articles=min_articles)]

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        d = store.story(story_id)
        if d is None:
            raise HTTPException(404, f"no story {story_id}")
        out = _story(d).model_dump()
        out["events"] = [
            {**e, "type": e["event_type"]}
            for a in out["articles"]
            for e in store.events(article_id=a["id"])
        ]
        return out

    @app.get("/api/graph", response_model=Graph)
    def graph(since: str | None = None, until: str | None = None, limit: int = Query(60, le=500)) -> dict[str, Any]:
        g = relation_graph(store.events(since=since, until=until), limit=limit)
        for node in g["nodes"]:
            node["type"] = _entity_type(node["id"])
        return g

    @app.get("/api/timeline", response_model=list[Day])
    def days(entity: str | None = None, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        evs = store.events(actor=entity, since=since, until=until) if entity else store.events(since=since, until=until)
        return timeline(evs)

    return app
