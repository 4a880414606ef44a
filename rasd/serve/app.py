"""The HTTP API and dashboard: thin FastAPI handlers over ``rasd.store.Store``.

Read-only by design: analysis and ingestion stay in ``rasd analyze``, so a
dashboard left open can never change the record. OpenAPI docs at ``/docs``.
Every parameter is typed and bounded (limits 1..1000, offsets, ISO dates,
query length), so a bad request is a 4xx naming the parameter, never a 500
and never an unbounded answer; whole tables come from the streamed exports.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Path, Query
from fastapi.responses import FileResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel

from rasd.serve.security import SecurityMiddleware
from rasd.serve.views import relation_graph, timeline
from rasd.store import Store
from rasd.store.export import STREAM_FORMATS, WHATS, stream
from rasd.store.search import MAX_QUERY_CHARS, QueryError

STATIC = FilePath(__file__).parent / "static"
MAX_LIMIT = 1000
MAX_OFFSET = 100_000  # deeper pages are an export's job
MAX_NAME = 200  # entity names and ids, outlets, article ids


class Hit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float
    snippet: str  # HTML: original text escaped, hits in <mark>
    text: str  # the same snippet as plain text ...
    highlights: list[tuple[int, int]]  # ... and the offsets of the hits in it


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
    key_events: list[dict[str, Any]] = []  # the events most of its articles report: type, actor, target


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


def _iso_date(value: str | None) -> str | None:
    """A real calendar date or prefix of one: 2024, 2024-05, 2024-05-31 (not 2024-02-30)."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        elif len(value) == 7:
            date.fromisoformat(value + "-01")
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


def _limit(default: int):
    return Query(default, ge=1, le=MAX_LIMIT, description=f"results per page, 1..{MAX_LIMIT}")


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"results to skip, 0..{MAX_OFFSET}")]
IsoDate = Annotated[str | None, Query(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                                      description="inclusive ISO date or prefix: 2024, 2024-05, 2024-05-31"),
                    AfterValidator(_iso_date)]
Name = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME,
                                   description="entity id, English name or any Arabic spelling")]
PathId = Annotated[str, Path(min_length=1, max_length=MAX_NAME)]
EventType = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER type, e.g. CONSULT")]
EntityType = Annotated[str | None, Query(pattern=r"^[A-Za-z]{1,10}$", description="PER, ORG, GPE, LOC, MISC")]


def create_app(db_path: str | FilePath, token: str | None = None) -> FastAPI:
    """The API and dashboard over the store at ``db_path``.

    ``token`` (default ``$RASD_API_TOKEN``) is what any write request must
    present; without one the server refuses every write.
    """
    store = Store(db_path)
    app = FastAPI(title="Rasd", description="Arabic news monitoring: articles, entities, events, quotes, stories.")
    app.add_middleware(SecurityMiddleware, token=token if token is not None else os.environ.get("RASD_API_TOKEN"))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def _story(d: dict[str, Any]) -> StorySummary:
        members = d.get("article_list")
        if members is None:
            members = (store.story(d["id"]) or {}).get("article_list", [])
        ents = [{**e, "type": _entity_type(e["id"])} for e in d.get("key_entities", [])]
        return StorySummary(
            id=d["id"], label=d.get("label"), first_seen=d.get("first_seen"), last_seen=d.get("last_seen"),
            outlets=d.get("outlets", []), articles=members, entities=ents, key_events=d.get("key_events", []),
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
    def search(
        q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
        limit: int = _limit(20), offset: Offset = 0,
        outlet: Annotated[str | None, Query(max_length=MAX_NAME)] = None,
        since: IsoDate = None, until: IsoDate = None,
    ) -> list[Hit]:
        try:
            hits = store.search(q, limit=limit, offset=offset, outlet=outlet, since=since, until=until)
        except QueryError as e:
            raise HTTPException(422, str(e)) from None
        return [
            Hit(id=h.id, title=h.title, outlet=h.outlet, published=h.published, url=h.url, score=h.score,
                snippet=h.marked("<mark>", "</mark>", _escape), text=h.text, highlights=h.highlights)
            for h in hits
        ]

    @app.get("/api/articles/{article_id}")
    def article(article_id: PathId) -> dict[str, Any]:
        doc = store.get(article_id)
        if doc is None:
            raise HTTPException(404, f"no article {article_id}")
        return doc.to_dict()

    @app.get("/api/entities", response_model=list[EntitySummary])
    def entities(type: EntityType = None, limit: int = _limit(50)) -> list[dict[str, Any]]:
        return store.top_entities(limit, type=type)

    @app.get("/api/entities/{query}")
    def entity(query: PathId) -> dict[str, Any]:
        rec = store.entity(query)
        if rec is None:
            raise HTTPException(404, f"no entity {query}")
        d = rec.to_dict()
        d["spellings"] = [s for s, _ in rec.spellings]
        return d

    @app.get("/api/events")
    def events(
        actor: Name = None, target: Name = None, type: EventType = None,
        since: IsoDate = None, until: IsoDate = None, limit: int = _limit(500), offset: Offset = 0,
    ) -> list[dict[str, Any]]:
        return [
            {**e, "type": e["event_type"]}
            for e in store.events(actor=actor, target=target, type=type, since=since, until=until,
                                  limit=limit, offset=offset)
        ]

    @app.get("/api/quotes")
    def quotes(speaker: Name = None, limit: int = _limit(200), offset: Offset = 0) -> list[dict[str, Any]]:
        return store.quotes(speaker=speaker, limit=limit, offset=offset)

    @app.get("/api/stories", response_model=list[StorySummary])
    def stories(
        limit: int = _limit(100), offset: Offset = 0,
        min_articles: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
    ) -> list[StorySummary]:
        return [_story(s) for s in store.stories(limit=limit, offset=offset, min_articles=min_articles)]

    @app.get("/api/stories/{story_id}")
    def story(story_id: PathId) -> dict[str, Any]:
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
    def graph(since: IsoDate = None, until: IsoDate = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 60) -> dict[str, Any]:
        g = relation_graph(store.event_counts("pair", since=since, until=until), limit=limit)
        for node in g["nodes"]:
            node["type"] = _entity_type(node["id"])
        return g

    @app.get("/api/timeline", response_model=list[Day])
    def days(entity: Name = None, since: IsoDate = None, until: IsoDate = None) -> list[dict[str, Any]]:
        return timeline(store.event_counts("day", actor=entity, since=since, until=until))

    @app.get("/api/export/{what}.{fmt}", response_class=StreamingResponse)
    def export(
        what: Annotated[str, Path(pattern="^(" + "|".join(WHATS) + ")$")],
        fmt: Annotated[str, Path(pattern="^(" + "|".join(STREAM_FORMATS) + ")$")],
    ) -> StreamingResponse:
        """A whole table, streamed row by row (articles, events, entities or quotes; jsonl or csv)."""
        media = {"jsonl": "application/x-ndjson", "csv": "text/csv"}[fmt]
        return StreamingResponse(
            stream(store, fmt, what), media_type=f"{media}; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="rasd-{what}.{fmt}"'},
        )

    return app
