"""Why gold events are missed or half right: one cause per gold event of the event gold.

For each gold event of the chosen halves (benchmarks/gold/events_saudinewsnet.json)
the first of these that holds:
  full           -- found with type, actor and target right (events_gold.py level 3);
  wrong target   -- found with type and actor right, the target wrong or missing;
  wrong actor    -- found with the type right, the actor wrong or missing;
  flagged        -- told by an output event of its type marked negated or hypothetical;
  wrong type     -- an output event on the gold trigger word has another type;
  dropped        -- the lexicon or the proposer reads the trigger word as an event of
                    that type, but a trigger constraint, the slot rules (no actor, a
                    non-event pattern) or the factuality scorer drops it, or it was
                    merged into another telling that did not match;
  no trigger     -- nothing reads the gold trigger word as an event of that type.
The trace watches ``rasd.extract.events``' own calls, so it sees what the pipeline does.
Prints each miss with the sentence's parties as Rasd saw them, then the counts.
Text of the outlets is printed, never stored (measurement only).

Run: python benchmarks/events_gold_causes.py [--half dev+dev2]
"""
from __future__ import annotations

import json
import sys
from collections import Counter

import events_gold as eg

from rasd.extract import events as ev_mod

_STAGES = {"constraint": "constraint", "build": "rules", "scorer": "scorer"}  # else built, merged away
CAUSES = ("full", "wrong target", "wrong actor", "flagged", "wrong type",
          *(f"dropped: {s}" for s in ("constraint", "rules", "scorer", "merged")), "no trigger")


class Trace:
    """What happened to each (trigger token, type) the event rules looked at."""

    def __init__(self) -> None:
        self.seen: dict[tuple[int, str], str] = {}  # (token start in body, type) -> last stage reached
        self._constraints, self._build, self._load = ev_mod._constraints_hold, ev_mod._build, ev_mod.load_scorer
        trace = self

        def constraints(view, i, hit):
            ok = trace._constraints(view, i, hit)
            trace.note(view, i, hit.entry.label, "constraint" if not ok else "tried")
            return ok

        def build(view, i, hit, kb, arguments=None):
            ev = trace._build(view, i, hit, kb, arguments)
            trace.note(view, i, hit.entry.label, "build" if ev is None else "built")
            if ev is not None:
                trace.built[id(ev)] = (view, i, hit.entry.label)
            return ev

        class Scorer:
            def __init__(self, inner):
                self.inner = inner

            def keep(self, ev):
                ok = self.inner.keep(ev)
                if not ok and id(ev) in trace.built:
                    trace.note(*trace.built[id(ev)], "scorer")
                return ok

        def load_scorer():
            inner = trace._load()
            return None if inner is None else Scorer(inner)

        self.built: dict[int, tuple] = {}
        ev_mod._constraints_hold, ev_mod._build, ev_mod.load_scorer = constraints, build, load_scorer

    def note(self, view, i, label, stage) -> None:
        self.seen[(view.tokens[i].start, label)] = stage

    def reset(self) -> None:
        self.seen.clear()
        self.built.clear()


def cause(doc, g: dict, gev: dict, level: int, trace: Trace) -> str:
    if level:
        return {3: "full", 2: "wrong target", 1: "wrong actor"}[level]
    a, b = gev["trigger"] if gev["trigger"] else (None, None)
    sents = [tuple(g["scope"][k]) for k in gev["sentences"]]

    def in_gold(e):
        return any(e.start < s1 and s0 < e.end for s0, s1 in sents)

    if any(e.type == gev["type"] and (e.negated or e.hypothetical) and in_gold(e) for e in doc.events):
        return "flagged"
    if a is not None:
        word = doc.body[a:b]
        if any(e.type != gev["type"] and e.trigger and e.trigger in word and in_gold(e) for e in doc.events):
            return "wrong type"
        stages = {lab: st for (start, lab), st in trace.seen.items() if a <= start < b}
        if gev["type"] in stages:
            return f"dropped: {_STAGES.get(stages[gev['type']], 'merged')}"
        if stages and gev["type"] not in stages and any(st == "built" for st in stages.values()):
            return "wrong type"
    return "no trigger"


def main(argv: list[str]) -> None:
    half = argv[argv.index("--half") + 1] if "--half" in argv else "dev+dev2"
    wanted = eg.halves(half)
    gold = {a["id"]: a for a in json.loads(eg.GOLD.read_text(encoding="utf-8"))["articles"]}
    trace = Trace()
    counts: Counter = Counter()
    by_type: Counter = Counter()
    for rec in eg.sample():
        g = gold.get(rec["url"])
        if g is None or (wanted is not None and g["half"] not in wanted) or not g["events"]:
            continue
        trace.reset()
        doc = eg.run(rec)
        g = eg.anchored(doc, g)
        if g is None:
            continue
        _, levels = eg.score_article(doc, g)
        names = {e.id: e.name for e in doc.entities}
        for j, gev in enumerate(g["events"]):
            c = cause(doc, g, gev, levels[j], trace)
            counts[c] += 1
            by_type[(gev["type"], c)] += 1
            if c == "full":
                continue
            span = lambda f: doc.body[gev[f][0]:gev[f][1]] if gev.get(f) else None  # noqa: E731
            s0, s1 = g["scope"][gev["sentences"][0]]
            print(f"== {c.upper()}  {gev['type']}/{gev.get('mode')} [{span('trigger')}] "
                  f"actor={span('actor')!r} target={span('target')!r}  {rec['url'][:70]}")
            print(f"   S: {doc.body[s0:s1]}")
            for e in doc.events:
                if e.start < s1 and s0 < e.end:
                    flag = " NEG" if e.negated else " HYP" if e.hypothetical else ""
                    print(f"   out {e.type}/{e.mode}{flag} [{e.trigger}] {names.get(e.actor) or e.actor_text!r}"
                          f" -> {names.get(e.target) or e.target_text!r}")
            stages = sorted({(lab, st) for (start, lab), st in trace.seen.items()
                             if gev["trigger"] and gev["trigger"][0] <= start < gev["trigger"][1]})
            if stages:
                print(f"   trace {stages}")
    n = sum(counts.values())
    print(f"\nhalf {half}: {n} gold events")
    for c in CAUSES:
        types = ", ".join(f"{t} {k}" for (t, cc), k in sorted(by_type.items()) if cc == c)
        print(f"  {c:<20} {counts[c]:>3}  {types}")


if __name__ == "__main__":
    main(sys.argv[1:])
