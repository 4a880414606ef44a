"""How story grouping on the SaudiNewsNet tuning splits moves with the join threshold.

The shipped pair weights stay; only the threshold varies. The labelled
articles of ``--split`` (tune: dev + dev2 by default; never test) go through
the pipeline once, then into a fresh ``StoryIndex`` per threshold. Printed:
pairwise precision, recall and F0.5 (the criterion ``rasd.group.train`` picks
its threshold by) per threshold and per split, then a cross-validation grouped
by event: the labelled events (and lone articles) are dealt into 5 folds, each
pair belongs to the lower fold of its two articles, the threshold with the best
F0.5 on four folds is read on the fifth, over ``--repeats`` shuffles. A
threshold that many folds choose, inside a wide plateau, is a stable one; the
shipped one should lie there.

    python benchmarks/stories_threshold.py [--split tune|dev|dev2] [--repeats 10]
"""
from __future__ import annotations

import argparse
import importlib
import itertools
import json
from collections import Counter
from unittest import mock

import numpy as np

from stories_saudinewsnet import GOLD, SPLITS, load_docs, load_gold

from rasd.group.train import f_beta

THRESHOLDS = np.round(np.arange(0.56, 0.765, 0.01), 2)
FOLDS = 5


def partitions(docs: list, thresholds) -> dict[float, dict[str, str]]:
    """Article id -> story id under each threshold (the shipped weights, a fresh index each)."""
    from rasd.group import StoryIndex

    sim = importlib.import_module("rasd.group.similarity")
    base = sim.pair_model()
    out = {}
    for t in thresholds:
        model = sim.PairModel(base.weights, base.bias, float(t))
        with mock.patch.object(sim, "pair_model", lambda path=sim.MODEL, model=model: model):
            index = StoryIndex()
            for d in docs:
                index.add(d)
        out[float(t)] = {d.id: index.story_of(d.id) for d in docs}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tune", choices=["tune", "dev", "dev2"])
    ap.add_argument("--repeats", type=int, default=10)
    args = ap.parse_args()

    gold, _ = load_gold(args.split)
    g = json.loads(GOLD.read_text(encoding="utf-8"))
    split_of = {a: e["split"] for e in g["events"] for a in e["articles"]}
    split_of.update({a: n["split"] for n in g["negatives"] for a in (n["a"], n["b"]) if a not in split_of})
    docs = load_docs(set(gold), pipeline=True)
    gold = {d.id: gold[d.id] for d in docs}
    ids = sorted(gold)
    pairs = list(itertools.combinations(ids, 2))
    same_gold = np.array([gold[a] == gold[b] for a, b in pairs])
    preds = partitions(docs, THRESHOLDS)
    same_pred = {t: np.array([p[a] == p[b] for a, b in pairs]) for t, p in preds.items()}

    def counts(t: float, mask: np.ndarray) -> tuple[int, int, int]:
        sp, sg = same_pred[t][mask], same_gold[mask]
        return int(np.sum(sp & sg)), int(np.sum(sp & ~sg)), int(np.sum(~sp & sg))

    parts = SPLITS.get(args.split, (args.split,))
    in_split = {s: np.array([split_of[a] == s and split_of[b] == s for a, b in pairs]) for s in parts}
    everything = np.ones(len(pairs), dtype=bool)
    print(f"{args.split}: {len(ids)} articles, {int(same_gold.sum())} same-story pairs; "
          "shipped weights, threshold varied")
    for t in preds:
        cols = []
        for name, mask in [*in_split.items(), ("all", everything)]:
            tp, fp, fn = counts(t, mask)
            cols.append(f"{name} P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f}")
        print(f"  t {t:.2f}  " + "  ".join(cols) + f"  F0.5 {f_beta(*counts(t, everything)):.3f}")

    rng = np.random.default_rng(0)
    clusters = sorted(set(gold.values()))
    chosen, held = [], []
    for _ in range(args.repeats):
        fold = {c: i % FOLDS for i, c in enumerate(rng.permutation(clusters))}
        pair_fold = np.array([min(fold[gold[a]], fold[gold[b]]) for a, b in pairs])
        tot = np.zeros(3)
        for k in range(FOLDS):
            best = max(preds, key=lambda t: f_beta(*counts(t, pair_fold != k)))
            chosen.append(best)
            tot += counts(best, pair_fold == k)
        tp, fp, fn = tot
        held.append((tp / max(tp + fp, 1), tp / max(tp + fn, 1)))  # no pair joined in a fold: precision 0, not a crash
    p, r = np.mean(held, axis=0)
    print(f"grouped by event, {args.repeats} x {FOLDS} folds: held-out precision {p:.3f} recall {r:.3f}; "
          f"thresholds chosen: " + ", ".join(f"{t:.2f} x{n}" for t, n in sorted(Counter(chosen).items())))


if __name__ == "__main__":
    main()
