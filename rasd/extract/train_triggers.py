"""Build rasd/data/models/event_triggers.json, the learned trigger proposer, from the GSR.

Data: the development half of openeventdata/arabic_event_gsr (MIT, (c) 2018
Open Event Data Alliance). A word is a trigger of its file's type when the
annotators' ``verb`` span of a sentence labelled "yes" holds it; the other
words of those sentences and every word of an "easy no" sentence are not
(a "difficult no" and a "yes" without spans are left out: no one marked
their words). Only the words the proposer sees at run time are examples:
those the lexicon does not match, outside names, at least three letters.

Model: L2 logistic regression (liblinear, balanced classes, fixed seed)
over ``rasd.extract.proposer.features``, one per type, features seen in
fewer than two words dropped. The threshold is the one that maximises F1
of the whole system (rules + proposals + the learned filter) in sentence
detection, each sentence's proposals coming from a proposer trained
without its fold (5-fold, grouped by source document, seed 13, the folds of
rasd.extract.train) and the filter's decision from ``train.nested``.

Run: python -m rasd.extract.train_triggers [GSR_DIR]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.doc import Doc
from rasd.extract.clause import SentenceView
from rasd.extract.events import find_events
from rasd.extract.lexicon import cues, triggers
from rasd.extract.proposer import MODEL, Proposer, candidate, context, features
from rasd.extract.scorer import SCORED
from rasd.extract.train import DEFAULT, SEED, Example, example, folds, nested, parse, prf, rows, save_models
from rasd.text.normalise import normalise

C = 0.3
MAX_SPAN = 3
# Thresholds tried; above 1 the proposer is off (the rules alone, for comparison).
GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)


def spans(root: Path, etype: str) -> dict[str, set[str]]:
    """GSR sentence text -> the normalised words of its annotated trigger spans. Spans of
    more than MAX_SPAN words are left out: some annotators marked a whole clause."""
    data = json.loads((root / f"{etype.lower()}_spans.json").read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for s in data:
        for sp in s["spans"]:
            if len(sp["verb"]) <= MAX_SPAN:
                out.setdefault(_key(s["text"]), set()).update(normalise(w) for w in sp["verb"])
    return out


def _key(text: str) -> str:
    return " ".join(text.split())


def token_examples(doc: Doc, marked: set[str] | None) -> list[tuple[list[str], bool]]:
    """(features, is a trigger) of each word of ``doc`` the proposer would score."""
    lex, cue = triggers(), cues()
    out = []
    for span in doc.sentences:
        view = SentenceView(doc, span, cue)
        matches = [lex.match(n) for n in view.norms]
        kinds, listed = context(view, matches)
        named = {k for p in view.parties if p.entity for k in range(p.tok, p.tok_end)}
        for i, norm in enumerate(view.norms):
            if i in named or matches[i] or not candidate(norm):
                continue
            out.append((features(view.norms, i, kinds, listed), norm in (marked or ())))
    return out


def fit(tokens: list[tuple[list[str], bool]]) -> dict:
    """A logistic model as the proposer stores it: bias and weights by feature."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = CountVectorizer(analyzer=lambda fs: fs, min_df=2, binary=True)
    x = vec.fit_transform([f for f, _ in tokens])
    clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED, class_weight="balanced")
    clf.fit(x, [y for _, y in tokens])
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-3}
    return {"bias": round(float(clf.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


class Data:
    """One GSR file parsed once: rows, docs, and the words to learn from per sentence."""

    def __init__(self, root: Path, etype: str, kb) -> None:
        self.etype, self.kb = etype, kb
        self.rows = rows(root, etype)
        self.docs = [parse(r["text"], kb) for r in self.rows]
        marked = spans(root, etype)
        self.tokens = [token_examples(d, marked.get(_key(r["text"]))) if usable(r, marked) else []
                       for r, d in zip(self.rows, self.docs)]

    def examples(self, proposers: list[Proposer | bool]) -> list[Example]:
        """Sentence examples whose candidates come from ``proposers[k]`` (one per sentence)."""
        out = []
        for r, doc, prop in zip(self.rows, self.docs, proposers):
            doc.events = find_events(doc, self.kb, scored=False, proposer=prop)
            out.append(example(r, doc, self.etype))
        return out

    def fold_models(self, seed: int = SEED) -> list[dict]:
        """Per sentence, the token model trained without its fold."""
        base = self.examples([False] * len(self.rows))
        models: list[dict] = [{}] * len(self.rows)
        for tr, te in folds(base, seed):
            m = fit([t for k in tr for t in self.tokens[k]])
            for k in te:
                models[k] = m
        return models

    def out_of_fold(self, models: list[dict], threshold: float) -> list[Example]:
        return self.examples([Proposer({self.etype: {**m, "threshold": threshold}}) for m in models])


def usable(r: dict, marked: dict[str, set[str]]) -> bool:
    """Sentences whose words carry a label: "yes" with spans, and "easy no"."""
    return r["label"] == "easy no" or (r["label"] == "yes" and _key(r["text"]) in marked)


def choose(data: Data, seed: int = SEED) -> tuple[float, list[tuple[float, float, float, float]]]:
    """The threshold of best nested CV F1, and (threshold, P, R, F1) for each of GRID."""
    models = data.fold_models(seed)
    table = []
    for t in GRID:
        exs = data.out_of_fold(models, t)
        table.append((t, *prf(exs, nested(exs, seed), 0.5)))
    best = max(table, key=lambda row: (row[3], row[0]))
    return best[0], table


def train(root: Path = DEFAULT, out: Path = MODEL) -> dict:
    from rasd.kb import load as load_kb

    kb = load_kb()
    models, report = {}, {}
    for etype in sorted(SCORED):
        data = Data(root, etype, kb)
        threshold, table = choose(data)
        report[etype] = table
        if threshold <= 1:
            models[etype] = {**fit([t for ts in data.tokens for t in ts]), "threshold": threshold}
    save_models(out, "Logistic trigger proposer, rasd.extract.train_triggers", models)
    return report


if __name__ == "__main__":
    rep = train(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    for etype, table in rep.items():
        for t, p, r, f in table:
            print(f"{etype} threshold {t:.2f}: nested CV P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}")
