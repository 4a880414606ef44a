"""Throughput of the whole per-article pipeline (clean -> recognise -> link -> extract) on SaudiNewsNet.

Prints articles/s and tokens/s per stage and overall, and peak memory, for
the first ``--limit`` articles of ../shared/eval/saudinewsnet (read in
place). Grouping and the store are measured by stories_scale.py and
store_saudinewsnet.py.

    python benchmarks/pipeline_throughput.py --limit 1000
"""
from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict

from store_saudinewsnet import articles

from rasd.clean import clean
from rasd.extract import extract
from rasd.ingest import InputError
from rasd.kb import load as load_kb
from rasd.link import link
from rasd.recognise import recognise
from rasd.text.sentences import split_sentences


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    kb = load_kb()
    recognise_warm = time.perf_counter()
    print(f"knowledge base loaded in {recognise_warm - t0:.2f} s")

    spent: dict[str, float] = defaultdict(float)
    n = tokens = mentions = events = quotes = skipped = 0
    for raw in articles(args.limit):
        t = time.perf_counter()
        try:
            doc = clean(raw)
        except InputError as e:  # a record with no article text, as `rasd analyze` reports it
            print(f"skipped {e}")
            skipped += 1
            continue
        doc.sentences = split_sentences(doc.body)
        spent["clean"] += time.perf_counter() - t
        for name, stage in (("recognise", recognise), ("link", lambda d: link(d, kb)), ("extract", lambda d: extract(d, kb))):
            t = time.perf_counter()
            stage(doc)
            spent[name] += time.perf_counter() - t
        n += 1
        tokens += len(doc.body.split())
        mentions += len(doc.mentions)
        events += len(doc.events)
        quotes += len(doc.quotes)

    total = sum(spent.values())
    print(f"articles: {n} ({skipped} skipped), tokens: {tokens:,}, mentions: {mentions:,}, events: {events:,}, quotes: {quotes:,}")
    for name, s in spent.items():
        print(f"  {name:<10} {s:7.2f} s  {n / s:8.1f} articles/s  {tokens / s:10,.0f} tokens/s")
    print(f"  {'all':<10} {total:7.2f} s  {n / total:8.1f} articles/s  {tokens / total:10,.0f} tokens/s")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
