"""The event filter's reported figure is honest: no sentence helps pick the threshold it is judged by.

Synthetic examples (feature lists written here), no GSR data.
"""
from rasd.doc import Doc, Event
from rasd.extract import train


def _examples() -> list[train.Example]:
    out = []
    for k in range(60):
        gold = k % 3 == 0
        text = f"جملة رقم {k}"
        cand = Event(type="ASSAULT", trigger="قتل", evidence=text) if k % 2 == 0 or gold else None
        feats = ["w:هجوم" if gold else "w:ندوه", f"w:{k % 7}", "w:امس"]
        out.append(train.Example(text, gold, cand, Doc(id=str(k), body=text), feats,
                                 [feats] if cand is not None else []))
    return out


def test_nested_thresholds_never_see_the_held_out_fold(monkeypatch):
    exs = _examples()
    seen_by_threshold: list[set[str]] = []
    real = train.best_threshold

    def spy(part, probs):
        seen_by_threshold.append({e.text for e in part})
        return real(part, probs)

    monkeypatch.setattr(train, "best_threshold", spy)
    decided = train.nested(exs)
    assert len(seen_by_threshold) == train.FOLDS
    # each outer fold's threshold saw only its training part: every sentence is outside exactly one
    for e in exs:
        assert sum(e.text not in seen for seen in seen_by_threshold) == 1
    assert all((d is None) == (e.candidate is None) for d, e in zip(decided, exs))
    # the separable toy data is learned: the attack-like sentences are kept
    assert train.prf(exs, decided, 0.5)[2] > 0.9


def test_sentences_of_one_story_stay_in_one_fold():
    exs = _examples()
    for k, e in enumerate(exs):
        e.group = f"doc{k // 4}"  # four sentences per source document
    for _, held_out in train.folds(exs):
        held = {exs[k].group for k in held_out}
        trained = {e.group for k, e in enumerate(exs) if k not in set(held_out)}
        assert not held & trained


def test_negatives_some_annotators_accepted_pull_less():
    """A feature seen as often in "yes" as in down-weighted "difficult no" sentences leans positive."""
    exs = []
    for k in range(40):
        gold, weight = (True, 1.0) if k < 10 else ((False, train.DIFFICULT_NO_WEIGHT) if k < 20 else (False, 1.0))
        feats = ["w:هجوم", "w:امس"] if k < 20 else ["w:ندوه", "w:امس"]
        exs.append(train.Example(str(k), gold, None, Doc(id=str(k), body=""), feats, [feats], weight=weight))
    vec, clf = train.fit(exs)
    p_attack = clf.predict_proba(vec.transform([["w:هجوم", "w:امس"]]))[0, 1]
    assert p_attack > 0.6
    for e in exs:
        e.weight = 1.0
    vec, clf = train.fit(exs)
    assert clf.predict_proba(vec.transform([["w:هجوم", "w:امس"]]))[0, 1] < p_attack
