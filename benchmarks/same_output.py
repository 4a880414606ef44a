"""Does a speed change leave the pipeline's output unchanged? Records of SaudiNewsNet articles, dumped and diffed.

    python benchmarks/same_output.py --limit 300 -o new.jsonl [--against old.jsonl]

Runs ``analyze_raw`` (the per-article stages, as ``rasd analyze`` does) on the
first ``--limit`` articles of ../shared/eval/saudinewsnet and writes each
article's JSON record (mentions, entities, events, quotes) to ``-o``, outside
the repository (the text is non-commercial). Run it once on the old code
(``PYTHONPATH`` pointing at a checkout of it) and once on the new one with
``--against`` the old dump: it prints how many records differ, and in which
fields, and the CPU seconds each run spent on the analysis.

2026-12-07 (issue 12, speed): the per-word caches, cached tokenisation, the
named-tuple Token, ``gc.freeze`` and the CRF column loop left all 300
records identical; the one later accuracy change (عن طريق X is no road)
changed one (a mention of بلمختار kept as the recogniser's, with its score).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter

from store_saudinewsnet import articles

from rasd.core import analyze_or_error
from rasd.ingest import InputError


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--against", help="an earlier dump to compare with")
    args = ap.parse_args()

    analyze_or_error(next(iter(articles(1))))  # models and knowledge base loaded before the clock starts
    cpu = 0.0
    records = []
    for raw in articles(args.limit):
        t = time.process_time()
        doc = analyze_or_error(raw)
        cpu += time.process_time() - t
        records.append({"error": str(doc)} if isinstance(doc, InputError) else doc.to_dict())
    with open(args.output, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(records)} articles in {cpu:.1f} CPU s = {len(records) / cpu:.2f} articles per CPU-second")
    if not args.against:
        return
    with open(args.against, encoding="utf-8") as f:
        old = [json.loads(line) for line in f]
    if len(old) != len(records):
        sys.exit(f"{args.against} holds {len(old)} records, this run {len(records)}")
    fields: Counter[str] = Counter()
    differ = 0
    for a, b in zip(old, records):
        changed = [k for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)]
        differ += bool(changed)
        fields.update(changed)
    print(f"{differ} of {len(records)} records differ" + (f"; fields: {dict(fields)}" if fields else ""))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
