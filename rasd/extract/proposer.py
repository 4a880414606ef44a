"""Trigger words the lexicon lacks, proposed by a learned token classifier.

The lexicon finds the words it lists; reports of violence and protest use
many it does not (رشق، اشتبك، داهم، مسيرة، ...), and each new cue fitted to
one reading does not carry over. This model scores every word the lexicon
does not match by what a trigger looks like: the word, its stems with the
proclitics read off, its first and last letters (verb prefixes, the masdar
and plural endings), its neighbours, and the kind of the names around it
(the recogniser's labels: a person or a place nearby). It is one logistic
model per type, trained on the trigger spans of the OEDA Arabic event GSR
(MIT; ``python -m rasd.extract.train_triggers``); a proposed word then goes
through the same argument rules and the same learned factuality check
(rasd.extract.scorer) as a listed one, so it adds recall where the filter
lets it.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from rasd.extract.lexicon import Entry, Hit, readings
from rasd.text.normalise import WORD_CACHE, normalise

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "event_triggers.json"
_MIN_LEN = 3
_NOUN_ENDINGS = ("ات", "ه")
_ARTICLE = ("ال", "وال", "فال", "بال", "لل", "كال")
# Prepositions, pronouns and auxiliaries: annotators' spans hold them, they trigger nothing.
_PARTICLES = frozenset(normalise(w) for w in (
    "على", "وعلى", "إلى", "والى", "عن", "من", "في", "مع", "بعد", "قبل", "عند", "حتى", "بين", "ضد", "خلال",
    "حول", "نحو", "أمام", "أن", "إن", "كان", "كانت", "وكان", "وكانت", "قد", "وقد", "لقد", "ثم", "أو", "التي",
    "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "هناك", "حيث", "كما", "لدى", "عليه", "عليها", "منذ", "غير",
    "نفسه", "نفسها", "أيضا", "وذلك", "بعض", "كل", "جميع"))


@lru_cache(maxsize=WORD_CACHE)
def _stem(norm: str) -> str:
    return min(readings(norm), key=len, default=norm)


def tense_of(norm: str) -> str:
    """The trigger's tense as its letters show it; an unvowelled guess, as the lexicon's."""
    stem = _stem(norm)
    if norm.startswith(_ARTICLE) or stem.endswith(_NOUN_ENDINGS):
        return "noun"
    if len(stem) >= 4 and stem[0] == "س" and stem[1] in "يت":
        return "future"
    if len(stem) >= 4 and stem[0] in "يت":
        return "present"
    return "past"


def features(norms: list[str], i: int, kinds: dict[int, str], listed: dict[int, str]) -> list[str]:
    """Feature names of token ``i``: ``kinds`` maps a token to the kind of the name it is
    part of (PER, GPE, AGENT ...), ``listed`` to the lexicon type it triggers."""
    return [*_own(norms[i]), *_around(norms, i, kinds, listed)]


@lru_cache(maxsize=WORD_CACHE)
def _own(w: str) -> tuple[str, ...]:
    """The features of the word itself, whatever its neighbours (cached: words repeat)."""
    stem = _stem(w)
    return (f"w:{w}", f"s:{stem}", f"p2:{stem[:2]}", f"p3:{stem[:3]}", f"x2:{stem[-2:]}", f"x3:{stem[-3:]}",
            f"t:{tense_of(w)}", f"n:{min(len(stem), 8)}", *(f"r:{r}" for r in sorted(readings(w)) if r != stem))


def _around(norms: list[str], i: int, kinds: dict[int, str], listed: dict[int, str]) -> list[str]:
    """The features of the words around token ``i``."""
    out = []
    for d in (-2, -1, 1, 2):
        k = i + d
        if 0 <= k < len(norms):
            out.append(f"w{d}:{_stem(norms[k])}")
            if k in kinds:
                out.append(f"k{d}:{kinds[k]}")
            if k in listed:
                out.append(f"l{d}:{listed[k]}")
    near = {kinds[k] for k in range(i + 1, min(len(norms), i + 5)) if k in kinds}
    out += [f"kr:{k}" for k in sorted(near)]
    return out


def context(view, matches: list[list[Hit]]) -> tuple[dict[int, str], dict[int, str]]:
    """(token -> kind of the name it is part of, token -> lexicon type it triggers) of a
    ``rasd.extract.clause.SentenceView`` whose tokens the lexicon matched as ``matches``."""
    kinds = {k: p.type for p in view.parties for k in range(p.tok, p.tok_end)}
    return kinds, {k: m[0].entry.label for k, m in enumerate(matches) if m}


def candidate(norm: str) -> bool:
    """Words worth scoring: no digits, no particles."""
    return len(_stem(norm)) >= _MIN_LEN and norm not in _PARTICLES and not any(c.isdigit() for c in norm)


class Proposer:
    """Per type, a logistic model and the threshold chosen by GSR grouped cross-validation."""

    def __init__(self, models: dict) -> None:
        self.models = models
        # a word's own part of the score, per type: most words of a corpus recur
        self._own_score = lru_cache(maxsize=WORD_CACHE)(self._own_score_uncached)

    def _own_score_uncached(self, etype: str, w: str) -> float:
        weights = self.models[etype]["weights"]
        return self.models[etype]["bias"] + sum(weights.get(f, 0.0) for f in _own(w))

    def score(self, norms: list[str], i: int, kinds: dict[int, str], listed: dict[int, str]) -> dict[str, float]:
        around = _around(norms, i, kinds, listed)
        out = {}
        for etype, m in self.models.items():
            z = self._own_score(etype, norms[i]) + sum(m["weights"].get(f, 0.0) for f in around)
            out[etype] = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
        return out

    def propose(self, norms: list[str], i: int, kinds: dict[int, str], listed: dict[int, str]) -> list[Hit]:
        """Hits for a word the lexicon does not list, best first; none below the thresholds."""
        if not candidate(norms[i]):
            return []
        probs = self.score(norms, i, kinds, listed)
        kept = sorted((p, t) for t, p in probs.items() if p >= self.models[t]["threshold"])
        return [Hit(Entry(t), tense_of(norms[i])) for _, t in reversed(kept)]


@lru_cache(maxsize=2)
def load(path: Path = MODEL) -> Proposer | None:
    """The shipped proposer, or None when no model file is there."""
    if not path.exists():
        return None
    return Proposer(json.loads(path.read_text(encoding="utf-8"))["models"])
