"""Entity recognition and linking on the five seed articles against gold/seeds.json.

Prints, over all gold entity mentions (each distinct surface form of each gold
entity in each article):
  recognised  - a predicted mention has the same surface text (or the text
                occurs inside a predicted mention of the same span)
  linked      - such a mention's entity has the gold name, or one of its aliases,
                as its English name or among its aliases
  one entity  - % of gold entities whose recognised mentions all land on one entity
and the linking throughput (link stage alone, articles/s, on the seeds).

Usage: python benchmarks/seeds_entities.py [../shared] [-v]
"""
from __future__ import annotations

import copy
import json
import sys
import time
from pathlib import Path

from rasd.core import analyze_raw
from rasd.ingest import read_paths
from rasd.kb import load
from rasd.link import link


def _names(ent) -> set[str]:
    return {ent.name.casefold(), *(a.casefold() for a in ent.aliases)}


def main(shared: Path, verbose: bool) -> None:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    n_ment = n_rec = n_link = n_ent = n_one = 0
    docs = []
    for art in gold["articles"]:
        raw = next(r for r in read_paths([str(shared / "corpus" / "seeds" / art["file"])]) if not isinstance(r, Exception))
        doc = analyze_raw(raw)
        docs.append(doc)
        for g in art["entities"]:
            accepted = {g["name"].casefold(), *(a.casefold() for a in g.get("aliases", []))}
            landed = set()
            n_ent += 1
            for surface in g["mentions"]:
                n_ment += 1
                hits = [m for m in doc.mentions if m.text == surface]
                if not hits:
                    hits = [m for m in doc.mentions if surface in m.text and not m.role]
                if not hits:
                    if verbose:
                        print(f"  MISSED  {art['file'][:3]} {g['name']}: {surface}")
                    continue
                n_rec += 1
                ents = [doc.entity(m.entity) for m in hits]
                ok = [e for e in ents if e is not None and _names(e) & accepted]
                landed |= {m.entity for m in hits}
                if ok:
                    n_link += 1
                elif verbose:
                    got = {(e.name if e else None) for e in ents}
                    print(f"  WRONG   {art['file'][:3]} {g['name']}: {surface} -> {got}")
            if len(landed) <= 1:
                n_one += 1
            elif verbose:
                print(f"  SPLIT   {art['file'][:3]} {g['name']}: {landed}")
    print(f"gold mentions recognised   {n_rec / n_ment:6.1%}  ({n_rec}/{n_ment})")
    print(f"gold mentions linked right {n_link / n_ment:6.1%}  ({n_link}/{n_ment})")
    print(f"gold entities in one       {n_one / n_ent:6.1%}  ({n_one}/{n_ent})")

    kb = load()
    before = []
    for d in docs:  # re-link from the recogniser's output only
        c = copy.deepcopy(d)
        c.mentions = [m for m in c.mentions if m.type in ("PER", "ORG", "LOC", "MISC") and m.role is None and m.score is not None]
        before.append(c)
    rounds = 40
    work = [copy.deepcopy(d) for _ in range(rounds) for d in before]
    t = time.process_time()
    for d in work:
        link(d, kb)
    dt = time.process_time() - t
    print(f"link throughput            {len(work) / dt:6.0f} articles/s  (seeds x{rounds}, warm caches, CPU time)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared", "-v" in sys.argv)
