"""Pairwise article similarity for story grouping, with corpus-wide rarity.

Same theme is not same story: two articles on Russia–China military ties
share "Russia", "China" and much vocabulary, yet report different meetings.
What tells them apart is the rare evidence: the specific people and places
(weighted by inverse document frequency over everything the index has seen),
the same event between the same parties, and close publication dates. The
statistics are counts that only grow, so they update incrementally.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from rasd.group.features import N_FEATURES, Features

WINDOW_DAYS = 3  # a story is reported over a few days
THRESHOLD = 0.38  # wording + entities score at or above which two articles report one story
THRESHOLD_TEXT = 0.35  # the same on wording alone
ENTITY_LIFT = 0.25  # how far shared entities may carry a pair beyond what its wording says
UNDATED_MARGIN = 0.06  # undated pairs must be surer: time cannot rule them out
DAY_MARGIN = 0.03  # per day apart: most outlets report an event the same or the next day


class CorpusStats:
    """Document frequencies of entities, content terms and hashed char n-grams."""

    def __init__(self) -> None:
        self.n_docs = 0
        self.entity_df: Counter[str] = Counter()
        self.term_df: Counter[str] = Counter()
        self.ngram_df = np.zeros(N_FEATURES, dtype=np.int32)
        self._log1p = np.zeros(0, dtype=np.float32)

    def add(self, f: Features) -> None:
        self.n_docs += 1
        self.entity_df.update(f.entities.keys())
        self.term_df.update(f.terms)
        self.ngram_df[f.ngram_idx] += 1

    def idf(self, df: int | np.ndarray) -> float | np.ndarray:
        """Smoothed idf, as scikit-learn's ``smooth_idf``: never zero, never negative."""
        return np.log((1 + self.n_docs) / (1 + np.asarray(df))) + 1.0

    def entity_idf(self, eid: str) -> float:
        return float(self.idf(self.entity_df.get(eid, 0)))

    def term_idf(self, term: str) -> float:
        return float(self.idf(self.term_df.get(term, 0)))

    def text_weights(self, f: Features) -> np.ndarray:
        """TF-IDF values of an article's n-grams, L2-normalised under current counts.

        Called for every scored candidate, so idf comes from a table of
        log(1 + df) rather than a logarithm per n-gram.
        """
        if self._log1p.size <= self.n_docs:
            self._log1p = np.log1p(np.arange(2 * self.n_docs + 2, dtype=np.float64)).astype(np.float32)
        idf = np.float32(math.log1p(self.n_docs) + 1.0) - self._log1p[self.ngram_df[f.ngram_idx]]
        w = f.ngram_tf * idf
        n = float(np.sqrt(np.dot(w, w)))
        return w / n if n else w

    def to_plain(self) -> dict:
        nz = np.flatnonzero(self.ngram_df)
        return {
            "n_docs": self.n_docs,
            "entity_df": dict(self.entity_df),
            "term_df": dict(self.term_df),
            "ngram_nz": nz.astype(np.int32),
            "ngram_df": self.ngram_df[nz],
        }

    @classmethod
    def from_plain(cls, d: dict) -> "CorpusStats":
        s = cls()
        s.n_docs = d["n_docs"]
        s.entity_df = Counter(d["entity_df"])
        s.term_df = Counter(d["term_df"])
        s.ngram_df[d["ngram_nz"]] = d["ngram_df"]
        return s


@dataclass
class Similarity:
    score: float  # combined, 0..1
    text: float  # char n-gram TF-IDF cosine of title + lead
    entity: float  # rarity-weighted entity cosine (0 when either side has none)
    event: float  # 1 same event between the same parties, -1 same parties on other dates
    days_apart: int | None  # None when either date is unknown
    needed: float  # the score this pair needed to count as one story
    same_story: bool


def _text_cosine(a: Features, b: Features, stats: CorpusStats, dense_a: np.ndarray | None = None) -> float:
    if a.ngram_idx.size == 0 or b.ngram_idx.size == 0:
        return 0.0
    wb = stats.text_weights(b)
    if dense_a is not None:  # ``a``'s weights scattered over all features: one gather per candidate
        return float(np.dot(dense_a[b.ngram_idx], wb))
    _, ia, ib = np.intersect1d(a.ngram_idx, b.ngram_idx, assume_unique=True, return_indices=True)
    return float(np.dot(stats.text_weights(a)[ia], wb[ib]))


def _entity_cosine(a: Features, b: Features, stats: CorpusStats) -> float:
    if not a.entities or not b.entities:
        return 0.0
    def weight(f: Features, e: str) -> float:
        return f.entities[e] * stats.entity_idf(e)
    shared = a.entities.keys() & b.entities.keys()
    if not shared:
        return 0.0
    dot = sum(weight(a, e) * weight(b, e) for e in shared)
    na = math.sqrt(sum(weight(a, e) ** 2 for e in a.entities))
    nb = math.sqrt(sum(weight(b, e) ** 2 for e in b.entities))
    return dot / (na * nb)


def _event_match(a: Features, b: Features) -> float:
    """Same event type between the same parties: +1 if dates agree (or are unknown), -1 if not."""
    result = 0.0
    for ta, pa, da in a.events:
        for tb, pb, db in b.events:
            if ta != tb or pa != pb:
                continue
            if da is not None and db is not None and abs(da - db) > 1:
                result = min(result, -1.0) if result <= 0 else result
            else:
                return 1.0
    return result


def _with_event(score: float, event: float) -> float:
    if event > 0:
        return score + 0.25 * (1.0 - score)
    return score * 0.5 if event < 0 else score


def similarity(a: Features, b: Features, stats: CorpusStats, *, dense_a: np.ndarray | None = None) -> Similarity:
    """How likely ``a`` and ``b`` report the same real-world event.

    Two readings, the surer one wins: wording alone (all a plain-text page
    offers), and wording with linked entities. Entities lift a pair only as
    far as its wording roughly agrees (``text + ENTITY_LIFT``): the same
    person making two different statements shares every name and little
    else. A shared event between the same parties adds, the same parties on
    other dates subtract. ``dense_a`` (``stats.text_weights(a)`` scattered
    into a vector of all hashed features) speeds up scoring one article
    against many.
    """
    text = _text_cosine(a, b, stats, dense_a)
    ent = _entity_cosine(a, b, stats)
    event = _event_match(a, b)
    days = abs(a.day - b.day) if a.day is not None and b.day is not None else None
    readings = [(_with_event(text, event), THRESHOLD_TEXT)]
    if a.entities and b.entities:
        readings.append((_with_event(0.5 * text + 0.5 * min(ent, text + ENTITY_LIFT), event), THRESHOLD))
    score, needed = max(readings, key=lambda r: r[0] - r[1])
    needed += UNDATED_MARGIN if days is None else DAY_MARGIN * days
    same = score >= needed and (days is None or days <= WINDOW_DAYS)
    return Similarity(score=score, text=text, entity=ent, event=event, days_apart=days, needed=needed,
                      same_story=same)
