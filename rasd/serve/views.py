"""Aggregations the dashboard draws: the relation graph and the timeline.

They read event rows or the store's counted rows (``Store.event_counts``: one
row per pair or day and type, with a ``count``), so the API handlers stay thin
and the aggregation can be tested without a web server.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable


def relation_graph(events: Iterable[dict[str, Any]], limit: int = 60) -> dict[str, list[dict[str, Any]]]:
    """Entities as nodes, actor–target pairs as edges weighted by event count.

    Keeps the ``limit`` entities with the most events, so a large corpus still
    draws a readable picture. Negated and hypothetical events are left out:
    "X and Y build no alliance" is no relation.
    """
    edges: dict[tuple[str, str], Counter] = defaultdict(Counter)
    names: dict[str, tuple[str, str | None]] = {}
    degree: Counter = Counter()
    for ev in events:
        a, t = ev.get("actor"), ev.get("target")
        if not a or not t or a == t or ev.get("negated") or ev.get("hypothetical"):
            continue
        n = ev.get("count", 1)
        pair = (a, t) if a < t else (t, a)
        edges[pair][ev["event_type"]] += n
        degree[a] += n
        degree[t] += n
        names.setdefault(a, (ev.get("actor_name") or a, None))
        names.setdefault(t, (ev.get("target_name") or t, None))
    keep = {eid for eid, _ in degree.most_common(limit)}
    links = [
        {"source": s, "target": t, "weight": sum(c.values()), "types": dict(c)}
        for (s, t), c in edges.items()
        if s in keep and t in keep
    ]
    linked = {x for link in links for x in (link["source"], link["target"])}
    nodes = [
        {"id": eid, "name": names[eid][0], "events": degree[eid]}
        for eid in sorted(linked, key=lambda e: (-degree[e], e))
    ]
    return {"nodes": nodes, "edges": links}


def timeline(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per day (event date, else publication date), with counts by type; undated ones skipped."""
    days: dict[str, Counter] = defaultdict(Counter)
    for ev in events:
        day = (ev.get("date") or "")[:10]
        if len(day) == 10:
            days[day][ev["event_type"]] += ev.get("count", 1)
    return [{"date": d, "count": sum(c.values()), "types": dict(c)} for d, c in sorted(days.items())]
