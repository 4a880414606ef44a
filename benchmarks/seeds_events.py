"""Events and quotes of the full pipeline on the five seed articles vs gold/seeds.json.

Event match: type equal; actor and target equal to gold's by entity name or
alias (either order for CONSULT; the target may be one of `target_alt`);
location equal where gold has one. Quote match: a quote whose text contains
gold's `contains` string (or is contained in it) with the right speaker.
Floors: 7 of 8 events, 5 of 6 quotes.

Run: python benchmarks/seeds_events.py [SHARED_DIR] [-v]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.core import analyze_raw
from rasd.ingest import RawArticle, read_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _names(doc, entity_id) -> set[str]:
    e = doc.entity(entity_id)
    return {e.name, *e.aliases} if e else set()


def _is(doc, entity_id, *gold: str | None) -> bool:
    names = _names(doc, entity_id)
    return any(g is not None and g in names for g in gold)


def event_matches(doc, ev, g) -> bool:
    if ev.type != g["type"]:
        return False
    targets = [g["target"], *g.get("target_alt", [])]
    ok = _is(doc, ev.actor, g["actor"]) and _is(doc, ev.target, *targets)
    if not ok and g["type"] == "CONSULT":
        ok = _is(doc, ev.target, g["actor"]) and _is(doc, ev.actor, *targets)
    if ok and g.get("location"):
        ok = _is(doc, ev.location, g["location"])
    return ok


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    shared = Path(args[0]) if args else SHARED
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    ev_hit = ev_all = q_hit = q_all = n_events = n_quotes = 0
    for art in gold["articles"]:
        raw = next(r for r in read_paths([str(shared / "corpus" / "seeds" / art["file"])])
                   if isinstance(r, RawArticle))
        doc = analyze_raw(raw)
        n_events += len(doc.events)
        n_quotes += len(doc.quotes)
        print(f"{art['file']}: {len(doc.events)} events, {len(doc.quotes)} quotes (published {doc.published})")
        for g in art["events"]:
            ev_all += 1
            found = any(event_matches(doc, ev, g) for ev in doc.events)
            ev_hit += found
            print(f"  {'OK ' if found else 'MISS'} event {g['type']} {g['actor']} -> {g['target']} @ {g.get('location')}")
        for g in art["quotes"]:
            q_all += 1
            found = any((g["contains"] in q.text or (len(q.text) > 10 and q.text in g["contains"]))
                        and _is(doc, q.speaker, g["speaker"]) for q in doc.quotes)
            q_hit += found
            print(f"  {'OK ' if found else 'MISS'} quote {g['speaker']}: {g['contains'][:40]}")
        if verbose:
            for ev in doc.events:
                n = lambda i: (doc.entity(i).name if doc.entity(i) else None)  # noqa: E731
                flags = ("neg " if ev.negated else "") + ("hyp" if ev.hypothetical else "")
                print(f"    ev {ev.type}/{ev.mode} {n(ev.actor) or ev.actor_text} -> "
                      f"{n(ev.target) or ev.target_text} @ {n(ev.location)} {ev.date} {flags} [{ev.trigger}]")
            for q in doc.quotes:
                sp = doc.entity(q.speaker)
                print(f"    q  {sp.name if sp else None} ({q.kind}, {q.cue}): {q.text[:70]}")
    print(f"events: {ev_hit}/{ev_all} gold events found (floor 7); {n_events} events output in all")
    print(f"quotes: {q_hit}/{q_all} gold quotes with the right speaker (floor 5); {n_quotes} quotes output in all")


if __name__ == "__main__":
    main(sys.argv[1:])
