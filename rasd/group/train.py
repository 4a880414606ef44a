"""Fit the story pair model: ``python -m rasd.group.train [SEMEVAL_CSV]``.

Two kinds of labelled pairs, both through the whole per-article pipeline:

- SemEval-2022 Task 8 Arabic pairs that come with text (HFL's files,
  Apache-2.0; the ratings are the task's, from MIT-licensed repositories),
  rated by people from 1 (same story) to 4 (unrelated). Only HFL's
  ``training_set.csv`` half is fitted; the ``testing_set.csv`` half stays
  held out for ``benchmarks/stories_semeval.py``. The rating is a soft
  label, (4 - Overall) / 3: a pair rated 2 is two-thirds "same story".
- ``rasd/data/stories/written_pairs.jsonl``: short reports written for Rasd
  (Apache-2.0), graded on the same 1..4 scale in ``written_grades.tsv``
  (1 one event, 3 the same parties or bulletin on another occasion, 3.5
  another event of the same kind). They carry what the SemEval texts lack:
  publication dates, and the hard cases of a monitor (the same ministers at
  another meeting, a market index or a weather bulletin on the next day,
  another firm's results on the same day).

Model: logistic regression over ``rasd.group.similarity.FEATURES`` with an
L2 penalty on standardised features that pulls toward the text cosine alone
(``fit``), each weight held to its feature's sign
by bounded L-BFGS, so that no fit can learn that sharing more names makes
two reports less alike. The two sources weigh the same in all, so that
neither outvotes the other.
The penalty is the strongest whose repeated 5-fold cross-validated log loss
is within 2% of the best (fewer pairs than features deserve a simple
model). The threshold maximises F0.5 (precision counts double: a wrong
merge hides a story, a missed one only splits it) of "one story" (pairs
graded 1.5 or better) on cross-validated
probabilities (each pair's mean over five 5-fold splits). The rarity statistics come from all the texts, as an index
would have them. No SaudiNewsNet text is used.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.model_selection import KFold

from rasd.group.features import Features, features
from rasd.group.similarity import FEATURES, MODEL, pair_vector, weigh_together

SEMEVAL = Path("../shared/eval/semeval2022-task8-ar/train_ar_ar_with_text_hfl_subset.csv")
WRITTEN = Path(__file__).resolve().parent.parent / "data" / "stories" / "written_pairs.jsonl"
GRADES = WRITTEN.with_name("written_grades.tsv")
FIT_PART = "training_set.csv"
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)  # inverse L2 strength, per pair
SAME = 1.5  # an Overall rating at or under this is "one story"
SEED = 0
TEXT = list(FEATURES).index("text")
REPEATS = 5  # 5-fold splits averaged: with a hundred pairs, one split moves C and the threshold


def semeval_docs(path: Path = SEMEVAL) -> tuple[list[dict], list[tuple[Features, Features]]]:
    """The CSV rows and the features of both sides of each pair."""
    from rasd.core import analyze

    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    return rows, [
        tuple(features(analyze(r[f"text{side}"], html=False, clean_body=False, id=f"{r['pair_id']}/{side}"))
              for side in (1, 2))
        for r in rows
    ]


def written_pairs(path: Path = WRITTEN, grades: Path = GRADES) -> list[tuple[Features, Features, float]]:
    """The graded pairs of written reports: both sides' features and the Overall grade (1..4)."""
    from rasd.core import analyze_raw
    from rasd.ingest import RawArticle

    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    feats = {
        a["id"]: features(analyze_raw(RawArticle(content=a["body"], kind="body", title=a["title"],
                                                 published=a["published"], outlet=a["outlet"], id=a["id"])))
        for a in items
    }
    rows = csv.DictReader(grades.open(encoding="utf-8"), delimiter="\t")
    return [(feats[r["a"]], feats[r["b"]], float(r["overall"])) for r in rows]


def _logistic(xs: np.ndarray, y: np.ndarray, sw: np.ndarray, c: float, prior: np.ndarray,
              bounds: list) -> tuple[np.ndarray, float]:
    """Weighted logistic regression on (soft) labels, the L2 penalty on the distance from ``prior``."""
    k = xs.shape[1]

    def loss(theta):
        w, b = theta[:k], theta[k]
        z = xs @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        nll = np.sum(sw * (np.logaddexp(0.0, z) - y * z))
        grad = np.concatenate([xs.T @ (sw * (p - y)) + (w - prior) / c, [np.sum(sw * (p - y))]])
        return nll + 0.5 * np.dot(w - prior, w - prior) / c, grad

    res = minimize(loss, np.concatenate([prior, [0.0]]), jac=True, method="L-BFGS-B", bounds=bounds + [(None, None)])
    return res.x[:k], float(res.x[k])


@dataclass
class Prepared:
    """What a fit on one set of pairs shares across penalties: the standardised
    features, their scale, and the text-only prior (which no penalty changes)."""

    xs: np.ndarray
    scale: np.ndarray
    prior: np.ndarray


_BOUNDS = [(0.0, None) if sign > 0 else (None, 0.0) for sign in FEATURES.values()]


def prepare(x: np.ndarray, y: np.ndarray, sw: np.ndarray) -> Prepared:
    """Standardise ``x`` and fit the text cosine alone (unpenalised): the prior every C pulls toward."""
    sd = x.std(axis=0)
    scale = np.where(sd > 0, sd, 1.0)
    xs = x / scale
    prior = np.zeros(x.shape[1])
    prior[TEXT] = _logistic(xs[:, [TEXT]], y, sw, 1e9, np.zeros(1), [_BOUNDS[TEXT]])[0][0]
    return Prepared(xs, scale, prior)


def fit(x: np.ndarray, y: np.ndarray, c: float, sw: np.ndarray | None = None,
        prep: Prepared | None = None) -> tuple[np.ndarray, float]:
    """Sign-constrained L2 logistic regression on (soft) labels, pairs weighted by ``sw``:
    (weights, bias) on the features as given (``prep``: ``prepare`` of the same pairs, reused).

    The penalty falls on standardised features: a sparse feature (figures, shared
    events) spans a small range and needs a large raw weight, which a penalty on
    raw weights would shrink harder than a dense one's for no reason. It pulls
    toward the text cosine alone (fitted first, unpenalised), not toward zero:
    a hundred pairs cannot tell a real gain from a lucky one, so each other
    feature has to earn its weight, and the strongest penalty leaves the plain
    text model, which ranks articles well, rather than no model.
    """
    sw = np.ones(len(y)) if sw is None else sw
    prep = prepare(x, y, sw) if prep is None else prep
    w, b = _logistic(prep.xs, y, sw, c, prep.prior, _BOUNDS)
    return w / prep.scale, b


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def cross_validated(x: np.ndarray, y: np.ndarray, cs: Iterable[float], sw: np.ndarray, seed: int = SEED,
                    folds: int = 5) -> dict[float, np.ndarray]:
    """Out-of-fold probabilities of every pair under each C of ``cs`` (one split, each fold prepared once)."""
    cs = list(cs)
    out = {c: np.zeros(len(y)) for c in cs}
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(x):
        prep = prepare(x[tr], y[tr], sw[tr])
        for c in cs:
            out[c][te] = predict(x[te], *fit(x[tr], y[tr], c, sw[tr], prep))
    return out


def log_loss(p: np.ndarray, y: np.ndarray, sw: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.sum(sw * (y * np.log(p) + (1 - y) * np.log(1 - p))) / np.sum(sw))


def source_weights(source: np.ndarray) -> np.ndarray:
    """Each source of pairs weighs as much in all as the others, however many pairs it has:
    the graded human ratings are not outvoted by the written hard cases, nor these by them."""
    kinds, counts = np.unique(source, return_counts=True)
    per = dict(zip(kinds, len(source) / (len(kinds) * counts)))
    return np.array([per[s] for s in source])


def choose_c(x: np.ndarray, y: np.ndarray, sw: np.ndarray) -> tuple[float, np.ndarray]:
    """The smallest C whose cross-validated log loss (``REPEATS`` 5-fold splits) is within 2%
    of the best, and its out-of-fold probabilities (each pair's mean over the splits)."""
    runs = [cross_validated(x, y, C_GRID, sw, seed) for seed in range(REPEATS)]
    losses = {c: np.mean([log_loss(run[c], y, sw) for run in runs]) for c in C_GRID}
    best = min(losses.values())
    c = min(c for c, v in losses.items() if v <= 1.02 * best)
    return c, np.mean([run[c] for run in runs], axis=0)


def held_out_pearson(x: np.ndarray, y: np.ndarray, c: float, sw: np.ndarray,
                     graded: np.ndarray) -> tuple[float, float]:
    """Pearson with Overall of the model and of its text cosine on the same held-out graded pairs,
    averaged over the folds of ``REPEATS`` 5-fold splits: the model must rank unseen pairs at least
    as well as the feature it starts from. (Pooled out-of-fold probabilities mix the calibrations of
    five fits, which the text cosine, fitted on nothing, is spared.)"""
    model, text = [], []
    for seed in range(REPEATS):
        for tr, te in KFold(5, shuffle=True, random_state=seed).split(x):
            te = te[graded[te]]
            model.append(np.corrcoef(predict(x[te], *fit(x[tr], y[tr], c, sw[tr])), y[te])[0, 1])
            text.append(np.corrcoef(x[te, TEXT], y[te])[0, 1])
    return -float(np.nanmean(model)), -float(np.nanmean(text))  # a fold of one grade has no correlation


def f_beta(tp: int, fp: int, fn: int, beta: float = 0.5) -> float:
    """F-beta of pair decisions; 0.5 counts precision double (a wrong merge costs an analyst more
    than a missed one)."""
    return (1 + beta**2) * tp / ((1 + beta**2) * tp + beta**2 * fn + fp) if tp else 0.0


def best_threshold(p: np.ndarray, same: np.ndarray, beta: float = 0.5) -> float:
    """The probability cut with the best F-beta of ``same`` (midway between neighbouring scores)."""
    cuts = np.unique(p)
    best, cut = -1.0, 0.5
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        t = (lo + hi) / 2
        f = f_beta(np.sum((p >= t) & same), np.sum((p >= t) & ~same), np.sum((p < t) & same), beta)
        if f > best:
            best, cut = f, t
    return float(cut)


def training_set(semeval: Path = SEMEVAL, written: Path = WRITTEN) -> tuple[np.ndarray, ...]:
    """Pair features, labels, "one story" flags and source (0 SemEval, 1 written) of everything
    fitted (SemEval fit half + written): both graded, the label ``(4 - Overall) / 3``."""
    rows, sem = semeval_docs(semeval)
    own = written_pairs(written)
    weigh_together({id(f): f for pair in [*sem, *((a, b) for a, b, _ in own)] for f in pair}.values())
    part = [i for i, r in enumerate(rows) if r["hfl_file"] == FIT_PART]
    x = np.array([pair_vector(*sem[i]) for i in part] + [pair_vector(a, b) for a, b, _ in own])
    overall = np.array([float(rows[i]["Overall"]) for i in part] + [g for *_, g in own])
    y = (4.0 - overall) / 3.0
    same = overall <= SAME
    return x, y, same, np.array([0] * len(part) + [1] * len(own))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    x, y, same, source = training_set(Path(argv[0]) if argv else SEMEVAL)
    sw = source_weights(source)
    c, oof = choose_c(x, y, sw)
    threshold = best_threshold(oof, same)
    w, b = fit(x, y, c, sw)
    said = oof >= threshold
    print(f"fitted on {len(y)} pairs ({int(same.sum())} one story), C {c}, threshold {threshold:.3f}; "
          f"cross-validated: precision {np.sum(said & same) / max(said.sum(), 1):.2f} "
          f"recall {np.sum(said & same) / same.sum():.2f}")
    graded = source == 0
    print(f"out of fold, Pearson with the human Overall score on the {int(graded.sum())} SemEval pairs fitted: "
          f"model {-np.corrcoef(oof[graded], y[graded])[0, 1]:+.3f}, "
          f"text cosine alone {-np.corrcoef(x[graded, TEXT], y[graded])[0, 1]:+.3f}; "
          "mean over the held-out folds: model {:+.3f}, text cosine {:+.3f}".format(*held_out_pearson(x, y, c, sw, graded)))
    for name, v in zip(FEATURES, w):
        print(f"  {name:16s} {v:+.3f}")
    MODEL.write_text(json.dumps({
        "about": "Story pair model (python -m rasd.group.train): logistic weights over "
                 "rasd.group.similarity.FEATURES, fitted on the SemEval-2022 Task 8 Arabic pairs of HFL's "
                 f"{FIT_PART} (texts Apache-2.0, ratings MIT) and on rasd/data/stories/written_pairs.jsonl graded in "
                 "written_grades.tsv "
                 "(written for Rasd); no SaudiNewsNet data.",
        "features": list(FEATURES),
        "weights": [round(float(v), 6) for v in w],
        "bias": round(b, 6),
        "threshold": round(threshold, 6),
        "c": c,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
