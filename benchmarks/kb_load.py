"""Knowledge-base load time, memory and size: python benchmarks/kb_load.py [--runs N]

Prints the counts issue 12 asks for: people's names with an English spelling
(the generated person-name gazetteer), places with Arabic name, English name
and Wikidata id, organisations; peak memory (RSS) of a process after loading
the KB, its spotting index and the name tables.

Each run is a fresh process (``load()`` is cached within one), so the figure
is what a CLI call or a new worker pays. The first run starts with an empty
cache directory (cold: parse GeoNames, validate every YAML file, index), the
others reuse the memoised KB it leaves (warm).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, resource, time
t0 = time.perf_counter()
import rasd.kb
t1 = time.perf_counter()
kb = rasd.kb.load()
t2 = time.perf_counter()
from rasd.link.gazetteer import index
index(kb)
t_ix = time.perf_counter()
from rasd.kb.names import name_counts
full_names, units = name_counts()
t_names = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
rasd.kb.load_dir()
t3 = time.perf_counter()
ents = list(kb.entities())
by_type = {}
for e in ents:
    by_type[e.type] = by_type.get(e.type, 0) + 1
print(json.dumps({
    "import_s": t1 - t0, "load_s": t2 - t1, "index_s": t_ix - t2, "names_s": t_names - t_ix, "rss_mb": rss,
    "validate_s": t3 - t_names, "entities": len(ents), "by_type": by_type,
    "person_names": full_names, "name_units": units,
    "places_qid": sum(1 for e in ents if e.type in ("GPE", "LOC") and e.wikidata and e.ar and not e.extra.get("code")),
    "places_qid_generated": sum(1 for e in ents if e.extra.get("source") == "dr5hn"),
    "orgs": sum(1 for e in ents if e.type == "ORG"),
    "generated_cities": sum(1 for e in ents if e.extra.get("generated")),
    "countries_with_wikidata": sum(1 for e in ents if "code" in e.extra and e.wikidata),
    "role_holders": sum(1 for e in ents if e.roles),
    "arabic_keys": sum(1 for _ in kb.arabic_keys()),
    "role_phrases": len(kb.role_phrases()),
}))
"""


def run(cache_dir: str) -> dict:
    env = dict(os.environ, RASD_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cold = run(cache)
        warm = [run(cache) for _ in range(args.runs)]
    print(f"cold load (no GeoNames cache): {cold['load_s']:.3f} s (+ import {cold['import_s']:.3f} s)")
    loads = [w["load_s"] for w in warm]
    print(f"warm load over {len(loads)} fresh processes: median {statistics.median(loads):.3f} s, "
          f"min {min(loads):.3f} s, max {max(loads):.3f} s (+ import {statistics.median(w['import_s'] for w in warm):.3f} s)")
    print(f"full validate + index from YAML (what an edited KB costs once): "
          f"median {statistics.median(w['validate_s'] for w in warm):.3f} s")
    w = warm[0]
    print(f"entities: {w['entities']} {w['by_type']}; generated (GeoNames cities, dr5hn places, clubs): {w['generated_cities']}")
    print(f"spotting index build: median {statistics.median(x['index_s'] for x in warm):.3f} s; "
          f"person-name tables: median {statistics.median(x['names_s'] for x in warm):.3f} s; "
          f"peak RSS after KB + index + names: {statistics.median(x['rss_mb'] for x in warm):.0f} MB")
    print(f"people's names with an English spelling: {w['person_names']} full names (+ {w['name_units']} name units); "
          f"curated people: {w['by_type'].get('PER', 0)}")
    print(f"places with Arabic + English name + Wikidata id: {w['places_qid']} "
          f"({w['places_qid_generated']} from dr5hn); organisations: {w['orgs']}")
    print(f"countries with Wikidata id: {w['countries_with_wikidata']}; office holders: {w['role_holders']}; "
          f"Arabic match keys: {w['arabic_keys']}; role phrases: {w['role_phrases']}")


if __name__ == "__main__":
    main()
