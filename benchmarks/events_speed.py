"""Speed of the extract stage (events + quotes) on SaudiNewsNet articles, on one core.

The articles are cleaned, recognised and linked first (not timed); then
``rasd.extract.extract`` is timed alone, in CPU seconds of this process so
that other jobs on a shared machine do not count. Records with no article
text get one line each and are left out. Floor: 30 articles/s.

Run: python benchmarks/events_speed.py [--limit 2000]
"""
from __future__ import annotations

import argparse
import time

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
    ap.add_argument("--limit", type=int, default=2000)
    args = ap.parse_args()
    kb = load_kb()
    extract(clean_and_link(next(iter(articles(1))), kb), kb)  # lexicons and filter loaded outside the timing
    spent = 0.0
    n = events = quotes = 0
    for raw in articles(args.limit):
        try:
            doc = clean_and_link(raw, kb)
        except InputError as err:
            print(err)
            continue
        t = time.process_time()
        extract(doc, kb)
        spent += time.process_time() - t
        n += 1
        events += len(doc.events)
        quotes += len(doc.quotes)
    print(f"extract: {n} articles in {spent:.2f} CPU s = {n / spent:.1f} articles/s "
          f"({events} events, {quotes} quotes)")


def clean_and_link(raw, kb):
    doc = clean(raw)
    doc.sentences = split_sentences(doc.body)
    recognise(doc)
    link(doc, kb)
    return doc


if __name__ == "__main__":
    main()
