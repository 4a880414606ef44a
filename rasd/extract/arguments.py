"""A learned choice of an attack's or protest's target among the parties of its sentence.

The slot rules (rasd.extract.events) read a target off word order and the
word before a name; on the GSR's ASSAULT sentences they get it right for
about two in five. What they cannot weigh together -- how far the party is
from the trigger and on which side, the preposition or title before it, its
entity type or agent sector, whether it comes before the actor, whether the
rules chose it -- a logistic model over (trigger, candidate) pairs can. It
is trained on the span gold of the OEDA Arabic event GSR
(``python -m rasd.extract.train_targets``, grouped cross-validation figures
there) and only overrides the rules when it prefers another party with
probability above its threshold; the rules' choice is one of its features.
Weights are plain JSON in rasd/data/models/event_targets.json.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from rasd.extract.clause import Party, SentenceView
from rasd.text.normalise import search_key

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "event_targets.json"
LEARNED = frozenset({"ASSAULT", "PROTEST"})


def candidates(view: SentenceView, actor: Party | None) -> list[Party]:
    """Parties that could be the target: not a title inside a name, not the actor."""
    return [p for p in view.parties if p.absorbed_by is None and p is not actor
            and not (actor is not None and p.entity is not None and p.entity == actor.entity)]


def features(view: SentenceView, i: int, etype: str, actor: Party | None, rule: Party | None,
             p: Party, first_right: bool) -> list[str]:
    """Features of one (trigger, candidate) pair."""
    d = p.tok - i
    side = "R" if d > 0 else "L"
    dist = abs(d)
    bucket = 1 if dist <= 1 else 2 if dist <= 2 else 3 if dist <= 5 else 4 if dist <= 10 else 5
    prev = search_key(view.norms[p.tok - 1]) if p.tok > 0 else "^"
    out = [f"{etype}:bias", f"side:{side}", f"dist:{side}{bucket}", f"marker:{p.marker}_{side}",
           f"prep:{p.prep}", f"type:{p.type}_{side}", f"agent:{p.agent}", f"prev:{prev}",
           f"trig:{search_key(view.norms[i])}"]
    if rule is None:
        out.append("rule:none")
    elif p is rule:
        out.append("rule:this")
    if first_right:
        out.append("first_right")
    if actor is not None:
        out.append("after_actor" if p.tok > actor.tok else "before_actor")
    else:
        out.append("no_actor")
    return out


class TargetModel:
    def __init__(self, data: dict) -> None:
        self.bias = data["bias"]
        self.weights = data["weights"]
        self.threshold = data["threshold"]

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, view: SentenceView, i: int, etype: str, actor: Party | None, rule: Party | None) -> Party | None:
        """The rules' target unless the model prefers another party above its threshold."""
        if etype not in LEARNED:
            return rule
        cands = candidates(view, actor)
        right = [p for p in cands if p.tok > i]
        scored = [(self.probability(features(view, i, etype, actor, rule, p, bool(right) and p is right[0])), p)
                  for p in cands]
        if not scored:
            return rule
        prob, best = max(scored, key=lambda s: s[0])
        return best if best is not rule and prob >= self.threshold else rule


@lru_cache(maxsize=1)
def load() -> TargetModel | None:
    """The shipped target model, or None when it has not been built."""
    if not MODEL.exists():
        return None
    return TargetModel(json.loads(MODEL.read_text(encoding="utf-8")))
