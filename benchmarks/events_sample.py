"""Events on a random sample of SaudiNewsNet articles, printed for judging by hand.

No gold exists for events in general news, so precision there is judged by a
reader: each event is printed with its type/mode, actor -> target, place,
date, flags and trigger, then its evidence sentence. Use a seed that was not
used while changing the rules, or the judgement flatters them. The data is
non-commercial and stays in ../shared (read in place by ``saudinewsnet``).

With --quotes, the quotes instead: speaker, kind and cue, then the quoted
text, to judge whether the speaker is the one who said it.

Run: python benchmarks/events_sample.py [SEED] [ARTICLES] [--quotes]   (default 99 60)
"""
from __future__ import annotations

import random
import sys

from saudinewsnet import records

from rasd.core import analyze
from rasd.ingest import InputError


def main(seed: int, n: int, quotes: bool = False) -> None:
    recs = [r for _, r in records(limit=6000, skip_empty=True)]
    random.seed(seed)
    total = 0
    for r in random.sample(recs, n):
        try:
            doc = analyze(r["content"], clean_body=True, title=r.get("title"),
                          published=(r.get("date_extracted") or "")[:10] or None)
        except InputError as err:  # a record with no article text
            print(f"skipped: {err}")
            continue
        names = {e.id: e.name for e in doc.entities}
        if quotes:
            for q in doc.quotes:
                total += 1
                print(f"{names.get(q.speaker)!r} {q.kind} [{q.cue}]")
                print("    ", q.text[:300].replace("\n", " "))
            continue
        for ev in doc.events:
            total += 1
            actor = names.get(ev.actor) or ev.actor_text
            target = names.get(ev.target) or ev.target_text
            flags = "".join(f for f, on in ((" negated", ev.negated), (" hypothetical", ev.hypothetical)) if on)
            print(f"{ev.type}/{ev.mode} {actor!r} -> {target!r} @{names.get(ev.location)} {ev.date}{flags} [{ev.trigger}]")
            print("    ", doc.body[ev.start : ev.end][:300].replace("\n", " "))
    print(f"{total} {'quotes' if quotes else 'events'} in {n} articles (seed {seed})")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3] if a != "--quotes"]
    main(*(args + [99, 60][len(args):]), quotes="--quotes" in sys.argv)
