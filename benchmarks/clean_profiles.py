"""What per-outlet repeated-line profiles (``OutletProfile``) learnt from a corpus add to the cleaner.

For each SaudiNewsNet outlet a profile is learnt from its articles in no page
of ``clean_bench.py`` (host or teaser, any half) but 150 held out, once with
the default rule (a line on 30 % of the pages: menus, footers) and once with
a loose one (a line on 5 pages or more, whatever their share: credit and
contact lines, which recur on a few percent). Then:

* the held-out articles, given as "title + body" pages, are cleaned with and
  without the profile; every paragraph the profile alone removes is counted
  and the most frequent are printed, to be read (SaudiNewsNet bodies are
  article text but for a few credit and contact lines, so most of what goes
  here is lost text);
* the dev and extra halves of ``clean_bench.py`` are scored with each
  profile (the test half never).

Run: python benchmarks/clean_profiles.py
"""
from __future__ import annotations

import json
import random
from collections import Counter, defaultdict

from clean_bench import MANIFEST, score
from saudinewsnet import records

from rasd.clean import OutletProfile, clean
from rasd.ingest import InputError, RawArticle

HELD_OUT = 150
RULES = {"default (30 % of pages)": {}, "loose (5 pages)": {"min_pages": 5, "min_share": 0.0}}


def main(seed: int = 5) -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    bench = {p["url"] for p in manifest["pages"]} | {it["url"] for p in manifest["pages"] for it in p["items"] if it["src"] == "teaser"}
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for _, rec in records(skip_empty=True):
        if rec["url"] not in bench:
            by_outlet[rec["source"]].append(rec)
    rng = random.Random(seed)
    held: dict[str, list[dict]] = {}
    for outlet, recs in by_outlet.items():
        rng.shuffle(recs)
        held[outlet], by_outlet[outlet] = recs[:HELD_OUT], recs[HELD_OUT:]
    for name, rule in RULES.items():
        profiles = {o: OutletProfile.learn((r["content"] for r in recs), **rule) for o, recs in by_outlet.items()}
        print(f"##### profile rule: {name}; lines learnt: {sum(len(p.lines) for p in profiles.values())}")
        removed: Counter[str] = Counter()
        paragraphs = 0
        for outlet, recs in sorted(held.items()):
            for rec in recs:
                page = RawArticle(rec["title"] + "\n\n" + rec["content"], "text")
                try:
                    without = clean(page).body.split("\n\n")
                    kept = set(clean(page, profiles[outlet]).body.split("\n\n"))
                except InputError:
                    continue
                paragraphs += len(without)
                removed.update(f"{outlet}: {p[:90]}" for p in without if p not in kept)
        print(f"held-out bodies: {sum(removed.values())} of {paragraphs} paragraphs removed by the profile alone")
        for text, n in removed.most_common(15):
            print(f"  {n:3d}  {text}")
        score(("dev", "extra"), profiles=profiles)


if __name__ == "__main__":
    main()
