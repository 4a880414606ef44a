"""Build rasd/data/models/event_arguments.json from the span gold of the OEDA Arabic event GSR.

Data: ``assault_spans.json`` / ``protest_spans.json`` of the development
half of openeventdata/arabic_event_gsr (MIT, (c) 2018 Open Event Data
Alliance): sentences with the source and target an annotator marked
(``source_gold``, ``target_gold``; an empty one means no consensus and
teaches nothing). Each sentence goes through recognise -> link -> the event
rules and filter; every event of the span's type the system keeps
contributes, per role, one example per candidate party of its sentence
(``rasd.extract.arguments.candidates``), positive when the party shares a
word with the gold span.

Model: L2 logistic regression (scikit-learn, liblinear, fixed seed), one per
role, the event type one feature; the decision threshold is fixed at 0.5,
not tuned. Figures: actor and target accuracy as benchmarks/events_gsr.py
counts them (a kept event whose actor / target shares a word with the
gold), rules alone against rules + model, the model trained by 5-fold
cross-validation grouped by source document (sentences of one story never on
both sides), over the five fold splits of benchmarks/events_gsr.py.

The hand-coded SaudiNewsNet gold (benchmarks/gold) is not training data:
its text is CC BY-NC-SA, for measurement only, and a model fitted to it would
carry that licence; benchmarks/events_gold.py measures this model there.

Run: python -m rasd.extract.train_arguments [GSR_DIR]
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rasd.doc import Doc
from rasd.extract.arguments import MODEL, ROLES, pair_features
from rasd.extract.clause import Party, SentenceView
from rasd.extract.events import find_events
from rasd.extract.lexicon import Hit
from rasd.extract.train import C, DEFAULT, FOLDS, SEED  # same data, seed and regularisation as the filter
from rasd.link import link
from rasd.recognise import recognise
from rasd.text.normalise import normalise, search_key
from rasd.text.sentences import split_sentences

THRESHOLD = 0.5
TYPES = ("ASSAULT", "PROTEST")  # the types with span gold
SPLITS = (13, 1, 2, 3, 4)  # the fold splits of benchmarks/events_gsr.py; 13 is the shipped seed
GOLD_SLOT = {"actor": "source_gold", "target": "target_gold"}


def words(text: str | None) -> set[str]:
    return {search_key(w) for w in normalise(text or "").split() if len(w) > 1}


@dataclass
class Choice:
    """One decision of the rules for one role: its candidates, their features, the rules' pick."""

    role: str
    parties: list[Party]
    feats: list[list[str]]
    rule: Party | None


class Recorder:
    """An argument chooser that keeps the rules' choice and records what the model would see."""

    def __init__(self) -> None:
        self.choices: list[tuple[str, str, dict[str, Choice]]] = []  # trigger, type, per role

    def choose(self, view: SentenceView, i: int, hit: Hit, etype: str, actor: Party | None, target: Party | None):
        roles = {}
        for role, rule in zip(ROLES, (actor, target)):
            cands, feats = pair_features(view, i, hit, etype, role, actor, target)
            roles[role] = Choice(role, cands, feats, rule)
        self.choices.append((view.tokens[i].text, etype, roles))
        return actor, target


@dataclass
class Sentence:
    group: str  # source document: sentences of one story stay in one fold
    gold: dict[str, set[str]]  # per role, the gold span's words (empty: no consensus)
    events: list = field(default_factory=list)  # per kept event: ({role: rules' text}, {role: Choice})


def sentences(root: Path, kb) -> list[Sentence]:
    out = []
    for etype in TYPES:
        for s in json.loads((root / f"{etype.lower()}_spans.json").read_text(encoding="utf-8")):
            gold = {role: words(s.get(slot)) for role, slot in GOLD_SLOT.items()}
            if not any(gold.values()):
                continue
            doc = Doc(id="gsr", body=s["text"])
            doc.sentences = split_sentences(s["text"])
            recognise(doc)
            link(doc, kb)
            rec = Recorder()
            evs = [e for e in find_events(doc, kb, arguments=rec) if e.type == etype]
            sent = Sentence(s["source"].rsplit("-", 1)[0], gold)
            for ev in evs:
                roles = next((r for t, et, r in rec.choices if t == ev.trigger and et == etype), None)
                sent.events.append(({"actor": ev.actor_text, "target": ev.target_text}, roles))
            out.append(sent)
    return out


def _rows(sents: list[Sentence], role: str):
    x, y = [], []
    for s in sents:
        if not s.gold[role]:
            continue
        for _, roles in s.events:
            if roles is None:
                continue
            c = roles[role]
            for p, f in zip(c.parties, c.feats):
                x.append(f)
                y.append(bool(words(p.text) & s.gold[role]))
    return x, y


def fit(sents: list[Sentence], role: str):
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    x, y = _rows(sents, role)
    vec = CountVectorizer(analyzer=lambda fs: fs, min_df=2, binary=True)
    clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED)
    clf.fit(vec.fit_transform(x), y)
    return vec, clf


def _chosen(model, rule_text: str | None, c: Choice | None) -> str | None:
    """The text the system outputs with the model (as ArgumentModel.choose decides)."""
    if c is None or not c.parties or (c.role == "actor" and c.rule is None):
        return rule_text
    vec, clf = model
    probs = clf.predict_proba(vec.transform(c.feats))[:, 1]
    k = max(range(len(probs)), key=lambda j: probs[j])
    if c.parties[k] is not c.rule and probs[k] >= THRESHOLD:
        return c.parties[k].text
    return rule_text


def accuracy(sents: list[Sentence], role: str, texts: list[list[str | None]]) -> float:
    """Share of the sentences with a gold ``role`` where a kept event has it right."""
    pairs = [(s, ts) for s, ts in zip(sents, texts) if s.gold[role]]
    return sum(any(words(t) & s.gold[role] for t in ts) for s, ts in pairs) / max(1, len(pairs))


def cross_validated(sents: list[Sentence], role: str, seed: int) -> list[list[str | None]]:
    from sklearn.model_selection import GroupKFold

    out: list[list[str | None]] = [[] for _ in sents]
    folds = GroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for tr, te in folds.split(sents, groups=[s.group for s in sents]):
        model = fit([sents[k] for k in tr], role)
        for k in te:
            out[k] = [_chosen(model, rules[role], roles[role] if roles else None) for rules, roles in sents[k].events]
    return out


def train(root: Path = DEFAULT, out: Path = MODEL) -> dict[str, tuple[float, list[float], int]]:
    """Fit and write the model; per role: rules' accuracy, CV accuracy per fold split, sentences."""
    from rasd.kb import load as load_kb

    sents = sentences(root, load_kb())
    figures, weights, bias = {}, {}, {}
    for role in ROLES:
        rules = accuracy(sents, role, [[r[role] for r, _ in s.events] for s in sents])
        learned = [accuracy(sents, role, cross_validated(sents, role, seed)) for seed in SPLITS]
        figures[role] = (rules, learned, sum(bool(s.gold[role]) for s in sents))
        vec, clf = fit(sents, role)
        bias[role] = round(float(clf.intercept_[0]), 4)
        weights.update({f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0])
                        if abs(w) >= 1e-3})
    out.write_text(json.dumps({"about": "Logistic actor/target chooser, rasd.extract.train_arguments; data: OEDA "
                                        "arabic_event_gsr development half span gold (MIT, (c) 2018 Open Event "
                                        "Data Alliance)",
                               "types": list(TYPES), "bias": bias, "threshold": THRESHOLD,
                               "weights": dict(sorted(weights.items()))}, ensure_ascii=False, separators=(",", ":")),
                   encoding="utf-8")
    return figures


if __name__ == "__main__":
    for role, (rules, learned, n) in train(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT).items():
        print(f"{role} accuracy on {n} GSR sentences with a gold {role} (ASSAULT+PROTEST): rules {100 * rules:.1f}%, "
              f"rules + model ({FOLDS}-fold CV grouped by document, {len(learned)} splits) "
              + " ".join(f"{100 * a:.1f}" for a in learned) + f"  mean {100 * sum(learned) / len(learned):.1f}%")
