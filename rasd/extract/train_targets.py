"""Build rasd/data/models/event_targets.json from the span gold of the OEDA Arabic event GSR.

Data: ``assault_spans.json`` / ``protest_spans.json`` of the development
half of openeventdata/arabic_event_gsr (MIT, (c) 2018 Open Event Data
Alliance): sentences with the target an annotator marked (``target_gold``).
Each sentence goes through recognise -> link -> the event rules and filter;
every ASSAULT/PROTEST event the system keeps contributes one example per
candidate party of its sentence (``rasd.extract.arguments.candidates``),
positive when the party shares a word with the gold target.

Model: L2 logistic regression (scikit-learn, liblinear, fixed seed), one for
both types (the type is a feature); the decision threshold is fixed at 0.5,
not tuned. Figures: target accuracy as benchmarks/events_gsr.py counts it (a
kept event whose target shares a word with the gold), rules alone against
rules + model, the model trained by 5-fold cross-validation grouped by
source document (sentences of one story never on both sides).

Run: python -m rasd.extract.train_targets [GSR_DIR]
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rasd.doc import Doc
from rasd.extract.arguments import LEARNED, MODEL, candidates, features
from rasd.extract.clause import Party, SentenceView
from rasd.extract.events import find_events
from rasd.extract.train import C, DEFAULT, FOLDS, SEED  # same data, seed and regularisation as the filter
from rasd.link import link
from rasd.recognise import recognise
from rasd.text.normalise import normalise, search_key
from rasd.text.sentences import split_sentences

THRESHOLD = 0.5


def words(text: str | None) -> set[str]:
    return {search_key(w) for w in normalise(text or "").split() if len(w) > 1}


@dataclass
class Choice:
    """One target decision of the rules: its candidates, their features and which one the rules took."""

    trigger: str
    etype: str
    parties: list[Party]
    feats: list[list[str]]
    rule: Party | None


class Recorder:
    """A target chooser that keeps the rules' choice and records what the model would see."""

    def __init__(self) -> None:
        self.choices: list[Choice] = []

    def choose(self, view: SentenceView, i: int, etype: str, actor: Party | None, rule: Party | None):
        if etype in LEARNED:
            cands = candidates(view, actor)
            right = [p for p in cands if p.tok > i]
            self.choices.append(Choice(view.tokens[i].text, etype, cands,
                                       [features(view, i, etype, actor, rule, p, bool(right) and p is right[0])
                                        for p in cands], rule))
        return rule


@dataclass
class Sentence:
    group: str  # source document: sentences of one story stay in one fold
    gold: set[str]
    events: list = field(default_factory=list)  # (rules' target text, Choice or None)


def sentences(root: Path, kb) -> list[Sentence]:
    out = []
    for etype in sorted(LEARNED):
        for s in json.loads((root / f"{etype.lower()}_spans.json").read_text(encoding="utf-8")):
            gold = words(s.get("target_gold"))
            if not gold:
                continue
            doc = Doc(id="gsr", body=s["text"])
            doc.sentences = split_sentences(s["text"])
            recognise(doc)
            link(doc, kb)
            rec = Recorder()
            evs = [e for e in find_events(doc, kb, targets=rec) if e.type == etype]
            sent = Sentence(s["source"].rsplit("-", 1)[0], gold)
            for ev in evs:
                choice = next((c for c in rec.choices if c.trigger == ev.trigger and c.etype == etype), None)
                sent.events.append((ev.target_text, choice))
            out.append(sent)
    return out


def _rows(sents: list[Sentence]):
    x, y = [], []
    for s in sents:
        for _, c in s.events:
            if c is None:
                continue
            for p, f in zip(c.parties, c.feats):
                x.append(f)
                y.append(bool(words(p.text) & s.gold))
    return x, y


def fit(sents: list[Sentence]):
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    x, y = _rows(sents)
    vec = CountVectorizer(analyzer=lambda fs: fs, min_df=2, binary=True)
    clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED)
    clf.fit(vec.fit_transform(x), y)
    return vec, clf


def _chosen(vec, clf, rule_text: str | None, c: Choice | None) -> str | None:
    """The target text the system outputs with the model (as TargetModel.choose decides)."""
    if c is None or not c.parties:
        return rule_text
    probs = clf.predict_proba(vec.transform(c.feats))[:, 1]
    k = max(range(len(probs)), key=lambda j: probs[j])
    if c.parties[k] is not c.rule and probs[k] >= THRESHOLD:
        return c.parties[k].text
    return rule_text


def accuracy(sents: list[Sentence], texts: list[list[str | None]]) -> float:
    return sum(any(words(t) & s.gold for t in ts) for s, ts in zip(sents, texts)) / max(1, len(sents))


def cross_validated(sents: list[Sentence]) -> list[list[str | None]]:
    from sklearn.model_selection import GroupKFold

    out: list[list[str | None]] = [[] for _ in sents]
    for tr, te in GroupKFold(n_splits=FOLDS).split(sents, groups=[s.group for s in sents]):
        vec, clf = fit([sents[k] for k in tr])
        for k in te:
            out[k] = [_chosen(vec, clf, t, c) for t, c in sents[k].events]
    return out


def train(root: Path = DEFAULT, out: Path = MODEL) -> tuple[float, float, int]:
    from rasd.kb import load as load_kb

    sents = sentences(root, load_kb())
    rules = accuracy(sents, [[t for t, _ in s.events] for s in sents])
    learned = accuracy(sents, cross_validated(sents))
    vec, clf = fit(sents)
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-3}
    out.write_text(json.dumps({"about": "Logistic target chooser, rasd.extract.train_targets; data: OEDA "
                                        "arabic_event_gsr development half span gold (MIT, (c) 2018 Open Event "
                                        "Data Alliance)",
                               "bias": round(float(clf.intercept_[0]), 4), "threshold": THRESHOLD,
                               "weights": dict(sorted(weights.items()))}, ensure_ascii=False, separators=(",", ":")),
                   encoding="utf-8")
    return rules, learned, len(sents)


if __name__ == "__main__":
    rules, learned, n = train(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    print(f"target accuracy on {n} GSR sentences with a gold target (ASSAULT+PROTEST): "
          f"rules {100 * rules:.1f}%, rules + model ({FOLDS}-fold CV grouped by document) {100 * learned:.1f}%")
