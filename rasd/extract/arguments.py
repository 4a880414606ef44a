"""A learned choice of an event's actor and target among the parties of its sentence.

The slot rules (rasd.extract.events) read actor and target off word order and
the word before a name. What they cannot weigh together -- how far a party is
from the trigger and on which side, the preposition or title before it, its
entity type or agent sector, whether a relative pronoun, a complementiser or
another verb stands between, whether it is the subject of a speech verb (the
quoted speaker, not the doer), whether the trigger is passive or a noun,
whether the rules chose it for either slot -- a logistic model over (role,
trigger, candidate) triples can. It is trained on span gold
(``python -m rasd.extract.train_arguments``, grouped cross-validation figures
there) and only overrides the rules when it prefers another party with
probability above its threshold. Weights are plain JSON in
rasd/data/models/event_arguments.json; the types it was trained on (those
with span gold) are listed there, and other types keep the rules' choice.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from rasd.extract.clause import RELATIVES, Party, SentenceView
from rasd.extract.lexicon import Hit
from rasd.text.normalise import search_key

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "event_arguments.json"
ROLES = ("actor", "target")


def candidates(view: SentenceView, role: str, rule_actor: Party | None) -> list[Party]:
    """Parties that could fill ``role``: not a title inside a name; a target is not the actor."""
    out = [p for p in view.parties if p.absorbed_by is None]
    if role == "target" and rule_actor is not None:
        out = [p for p in out if p is not rule_actor
               and not (p.entity is not None and p.entity == rule_actor.entity)]
    return out


def _between(view: SentenceView, a: int, b: int) -> list[str]:
    """What separates token ``a`` from token ``b``: a relative pronoun, a complementiser,
    punctuation, another verb."""
    lo, hi = (a + 1, b) if a < b else (b + 1, a)
    out = []
    span = range(lo, hi)
    if any(view.norms[k] in RELATIVES for k in span):
        out.append("rel")
    if any(view.norms[k] in view.cues.complementisers for k in span):
        out.append("comp")
    if any(view.norms[k] in "،,:؛;" for k in span):
        out.append("punct")
    if any(k in span for k in view.verbs):
        out.append("verb")
    return out or ["none"]


def _after_speech(view: SentenceView, p: Party) -> bool:
    """Whether the party is the subject of a speech verb (قال الوزير، وأكد المتحدث باسم)."""
    return any(view.cues.speech.match(view.norms[k]) for k in range(max(0, p.tok - 3), p.tok))


def features(view: SentenceView, i: int, hit: Hit, etype: str, role: str, rule_actor: Party | None,
             rule_target: Party | None, p: Party, first_right: bool) -> list[str]:
    """Features of one (role, trigger, candidate) triple, each prefixed by the role."""
    d = p.tok - i
    side = "R" if d > 0 else "L"
    dist = abs(d)
    bucket = 1 if dist <= 1 else 2 if dist <= 2 else 3 if dist <= 5 else 4 if dist <= 10 else 5
    prev = search_key(view.norms[p.tok - 1]) if p.tok > 0 else "^"
    tense = hit.tense if hit.tense == "noun" else "verb"
    voice = "passive" if hit.entry.passive or hit.entry.genitive == "target" else "active"
    out = [f"{etype}:bias", f"side:{side}", f"dist:{side}{bucket}", f"marker:{p.marker}_{side}",
           f"marker:{p.marker}_{side}_{tense}", f"prep:{p.prep}", f"type:{p.type}_{side}", f"agent:{p.agent}",
           f"prev:{prev}", f"trig:{search_key(view.norms[i])}", f"voice:{voice}_{side}_{tense}",
           f"named:{p.entity is not None}"]
    out += [f"between:{b}_{side}" for b in _between(view, i, p.tok)]
    if _after_speech(view, p):
        out.append("speaker")
    for slot, rule in (("actor", rule_actor), ("target", rule_target)):
        if rule is None:
            out.append(f"rule_{slot}:none")
        elif p is rule:
            out.append(f"rule_{slot}:this")
    if first_right:
        out.append("first_right")
    if role == "target":
        if rule_actor is not None:
            out.append("after_actor" if p.tok > rule_actor.tok else "before_actor")
        else:
            out.append("no_actor")
    return [f"{role}:{f}" for f in out]


def pair_features(view: SentenceView, i: int, hit: Hit, etype: str, role: str, rule_actor: Party | None,
                  rule_target: Party | None) -> tuple[list[Party], list[list[str]]]:
    """The candidates of one role and the features of each."""
    cands = candidates(view, role, rule_actor)
    right = next((p for p in cands if p.tok > i), None)
    return cands, [features(view, i, hit, etype, role, rule_actor, rule_target, p, p is right) for p in cands]


class ArgumentModel:
    def __init__(self, data: dict) -> None:
        self.bias = data["bias"]
        self.weights = data["weights"]
        self.threshold = data["threshold"]
        self.types = frozenset(data["types"])

    def probability(self, feats: list[str]) -> float:
        z = self.bias[feats[0].split(":", 1)[0]] + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def _pick(self, view, i, hit, etype, role, actor, target) -> Party | None:
        rule = actor if role == "actor" else target
        if role == "actor" and rule is None:
            return None  # an unknown doer stays unknown: the span gold cannot teach when to add one
        cands, feats = pair_features(view, i, hit, etype, role, actor, target)
        if not cands:
            return rule
        prob, best = max(zip(map(self.probability, feats), cands), key=lambda s: s[0])
        return best if best is not rule and prob >= self.threshold else rule

    def choose(self, view: SentenceView, i: int, hit: Hit, etype: str, actor: Party | None,
               target: Party | None) -> tuple[Party | None, Party | None]:
        """The rules' actor and target, each replaced where the model prefers another party
        above its threshold; the target is never the chosen actor."""
        if etype not in self.types:
            return actor, target
        new_actor = self._pick(view, i, hit, etype, "actor", actor, target)
        new_target = self._pick(view, i, hit, etype, "target", actor, target)
        if new_target is not None and new_actor is not None and (
                new_target is new_actor or (new_target.entity and new_target.entity == new_actor.entity)):
            new_target = target if target is not new_actor else None
        return new_actor, new_target


@lru_cache(maxsize=1)
def load() -> ArgumentModel | None:
    """The shipped argument model, or None when it has not been built."""
    if not MODEL.exists():
        return None
    return ArgumentModel(json.loads(MODEL.read_text(encoding="utf-8")))
