"""Story grouping against the hand-labelled SaudiNewsNet story gold (stories_saudinewsnet.json).

The labelled articles of one split (test by default; dev and dev2, or both
as tune, are what training and tuning may look at) go through the per-article pipeline, then into a
fresh ``StoryIndex`` in publication order. Printed: pairwise precision and
recall over all pairs of labelled articles, B-cubed precision, recall and F1,
how many hard-negative pairs ended in one story, and the events split or
merged.

    python benchmarks/stories_saudinewsnet.py [--split test|dev|dev2|tune|all] [--no-pipeline] [--show]

--no-pipeline groups on title, text and date only (no entities or events).
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from saudinewsnet import records

GOLD = Path(__file__).with_name("stories_saudinewsnet.json")
SPLITS = {"tune": ("dev", "dev2")}  # names for several splits at once


def load_gold(split: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(article id -> gold cluster, hard-negative pairs) of a split; articles in no event are their own cluster."""
    g = json.loads(GOLD.read_text(encoding="utf-8"))
    keep = (lambda s: True) if split == "all" else (lambda s: s in SPLITS.get(split, (split,)))
    cluster = {a: e["event"] for e in g["events"] if keep(e["split"]) for a in e["articles"]}
    negs = [(n["a"], n["b"]) for n in g["negatives"] if keep(n["split"])]
    for a, b in negs:
        cluster.setdefault(a, f"alone:{a}")
        cluster.setdefault(b, f"alone:{b}")
    return cluster, negs


def article_id(url: str) -> str:
    return hashlib.sha1(url.encode()).hexdigest()[:16]


def load_docs(ids: set[str], pipeline: bool) -> list:
    """The labelled articles as Docs, oldest first (corpus order within a day)."""
    from rasd.clean import clean
    from rasd.core import analyze_raw
    from rasd.ingest import RawArticle

    out = []
    for _, a in records(skip_empty=True):
        aid = article_id(a["url"])
        if aid not in ids:
            continue
        raw = RawArticle(content=a["content"], kind="body", url=a["url"], title=a.get("title"),
                         published=(a.get("date_extracted") or "")[:10] or None, outlet=a["source"], id=aid)
        out.append(analyze_raw(raw) if pipeline else clean(raw))
    out.sort(key=lambda d: d.published or "")  # stable: corpus order within a day
    return out


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp, fn


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_p, by_g = defaultdict(set), defaultdict(set)
    for a in gold:
        by_p[pred[a]].add(a)
        by_g[gold[a]].add(a)
    p = sum(len(by_p[pred[a]] & by_g[gold[a]]) / len(by_p[pred[a]]) for a in gold) / len(gold)
    r = sum(len(by_p[pred[a]] & by_g[gold[a]]) / len(by_g[gold[a]]) for a in gold) / len(gold)
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["test", "dev", "dev2", "tune", "all"])
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--show", action="store_true", help="print the events split or merged, with titles")
    args = ap.parse_args()

    from rasd.group import StoryIndex

    gold, negs = load_gold(args.split)
    t0 = time.perf_counter()
    docs = load_docs(set(gold), pipeline=not args.no_pipeline)
    missing = set(gold) - {d.id for d in docs}
    t1 = time.perf_counter()
    index = StoryIndex()
    for d in docs:
        index.add(d)
    t2 = time.perf_counter()
    pred = {d.id: index.story_of(d.id) for d in docs}
    gold = {a: c for a, c in gold.items() if a in pred}
    n_events = len({c for c in gold.values() if not c.startswith("alone:")})
    print(f"SaudiNewsNet story gold, split {args.split}: {len(gold)} articles, {n_events} events, "
          f"{len(negs)} hard negatives ({'text, title, date only' if args.no_pipeline else 'full pipeline'}; "
          f"analysis {t1 - t0:.0f} s, grouping {t2 - t1:.2f} s)")
    if missing:
        print(f"  {len(missing)} labelled ids not found in the corpus")
    p, r, tp, fp, fn = pairwise(pred, gold)
    bp, br, bf = bcubed(pred, gold)
    hn = sum(pred.get(a) is not None and pred.get(a) == pred.get(b) for a, b in negs)
    print(f"  pairwise  precision {p:.3f}  recall {r:.3f}  (pairs: {tp} right, {fp} wrong, {fn} missed)")
    print(f"  B-cubed   precision {bp:.3f}  recall {br:.3f}  F1 {bf:.3f}")
    print(f"  hard negatives in one story: {hn} of {len(negs)}")
    by_event = defaultdict(list)
    for a, c in gold.items():
        by_event[c].append(a)
    whole = sum(1 for c, m in by_event.items() if not c.startswith("alone:") and len({pred[a] for a in m}) == 1)
    print(f"  events grouped whole: {whole} of {n_events}")
    if args.show:
        titles = {d.id: f"{d.source.outlet} {d.published}: {d.title}" for d in docs}
        for c, m in sorted(by_event.items()):
            parts = Counter(pred[a] for a in m)
            if len(parts) > 1 and not c.startswith("alone:"):
                print(f"\nSPLIT {c}")
                for a in sorted(m, key=lambda a: pred[a]):
                    print(f"   [{pred[a][-6:]}] {titles[a]}")
        for s, m in sorted(Counter(pred[a] for a in gold).items()):
            cs = {gold[a] for a in gold if pred[a] == s}
            if len(cs) > 1:
                print(f"\nMERGED {sorted(cs)}")
                for a in gold:
                    if pred[a] == s:
                        print(f"   ({gold[a][:30]}) {titles[a]}")


if __name__ == "__main__":
    main()
