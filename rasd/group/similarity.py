"""Pairwise article similarity for story grouping: one learned score of event evidence.

Same theme is not same story: two articles on Russia–China military ties
share "Russia", "China" and much vocabulary, yet report different meetings.
What tells them apart is the rare evidence: the same wording (character
n-grams, so clitics and spellings matter little), the same content words in
other wording, the specific people and places (weighted by inverse document
frequency over everything the index has seen), the same principal entities
in the same roles, compatible event types, the same figures and weekdays,
and close dates (a print outlet's report of yesterday's event is as close as
today's). A recurring bulletin gives itself away by the opposite: nearly the
same wording around other figures, or another weekday. ``pair_vector``
measures each; a logistic model whose weights were fitted on article pairs
graded by people (``rasd.group.train``, SemEval-2022 Task 8 Arabic, and pairs
written for Rasd with dates and the hard cases: the same people at another
meeting, a market index or a weather bulletin on the next day) turns them
into a score of how alike a reader would find the two, 1 for one story.
Reports more than ``WINDOW_DAYS`` apart are never one story. The rarity
statistics are counts that only grow, so they update incrementally; each
article is weighed once, by the counts when it arrives (``Rarity``), and keeps
those weights.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasd.extract.events import SYMMETRIC
from rasd.group.features import N_FEATURES, Features

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "story_pair.json"
WINDOW_DAYS = 3  # a story is reported over a few days
UNDATED_MARGIN = 0.05  # undated pairs must be surer: time cannot rule them out
PRINCIPAL = 3  # entities per article that count as its principal ones
# What each pair feature measures (``pair_vector``), in the model's order; the
# sign is the direction the fit may weigh it in (evidence for, or against).
FEATURES = {
    "text": +1,  # char 3-5-gram TF-IDF cosine of title + lead
    "terms": +1,  # rarity-weighted cosine of content words: the same facts in other wording
    "entities": +1,  # rarity-weighted cosine of linked entities
    "principal": +1,  # share of the principal entities both name
    "other_principal": -1,  # both name principal entities, none shared: one firm's results, not another's
    "roles": +1,  # the same actor / target of events of the same type
    "event_types": +1,  # overlap of the event types asserted
    "same_event": +1,  # one event: same type, same parties, dates agree
    "numbers": +1,  # rarity-weighted cosine of the figures in title + lead
    "other_numbers": -1,  # 1 - that cosine when both give figures: another day's index, another firm's profit
    "template": -1,  # text cosine ** TEMPLATE_POWER x other_numbers: one bulletin's wording, another day's figures
    "other_weekday": -1,  # both name weekdays, none the same: Sunday's session, Monday's session
    "days": -1,  # days between the reports (``days_apart``) beyond a print lag (``lag``); 0 when undated
}
TEMPLATE_POWER = 4  # near-identical wording (a bulletin's cosine is 0.8 or more, 0.4 to the fourth), not a shared theme
PRINT_LAG = 1  # days a print outlet reports an event after it: a day apart is as near as the same day


def _idf(n_docs: int, df: int) -> float:
    """Smoothed idf, as scikit-learn's ``smooth_idf``: never zero, never negative."""
    return math.log((1 + n_docs) / (1 + df)) + 1.0


@dataclass
class Rarity:
    """An article's weights under the corpus counts when it arrived (itself included).

    An article is weighed once and keeps these weights: a pair's score then
    depends only on the articles up to the later of the two, in input order,
    never on what came after. So a Spark run, which has the whole corpus at
    once, gives the very same scores from prefix counts (the counts up to each
    article, ``rasd.distributed.stories``) as the local index does from its
    running counts, and nothing needs re-weighing as the corpus grows.
    """

    n_docs: int  # articles counted, this one included
    terms: dict[str, float]  # content word -> idf
    term_norm: float  # length of the idf-weighted content-word vector
    entities: dict[str, float]  # entity id -> salience x idf
    principal: frozenset  # the ``PRINCIPAL`` entities of highest weight
    figures: dict[str, float]  # figure key (``figure_keys``) -> idf
    text: np.ndarray  # L2-normalised TF-IDF weights of ``Features.ngram_idx`` (float32)


_NO_COUNTS = np.zeros(0, np.float32)


def weigh(f: Features, n_docs: int, term_df: Mapping[str, int], entity_df: Mapping[str, int],
          ngram_df: np.ndarray) -> None:
    """Set ``f.rarity`` from the counts of ``n_docs`` articles: document frequencies of its
    content words and figure keys, its entities, and its n-grams (``ngram_df``, in
    ``f.ngram_idx`` order). The local index and the Spark grouper both weigh with this.
    The raw n-gram counts, now in ``rarity.text``, are let go: an index keeps thousands."""
    if f.rarity is not None:
        raise ValueError(f"{f.id} is weighed already")
    terms = {t: _idf(n_docs, term_df[t]) for t in f.terms}
    ents = {e: w * _idf(n_docs, entity_df[e]) for e, w in f.entities.items()}
    w = f.ngram_tf * (np.float32(math.log1p(n_docs) + 1.0) - np.log1p(ngram_df).astype(np.float32))
    n = float(np.sqrt(np.dot(w, w)))
    f.ngram_tf = _NO_COUNTS
    f.rarity = Rarity(
        n_docs=n_docs, terms=terms, term_norm=math.sqrt(math.fsum(v * v for v in terms.values())), entities=ents,
        principal=frozenset(_principal(ents)), figures={k: _idf(n_docs, term_df[k]) for k in figure_keys(f)},
        text=w / n if n else w,
    )


class CorpusStats:
    """Document frequencies of entities, content terms and hashed char n-grams."""

    def __init__(self) -> None:
        self.n_docs = 0
        self.entity_df: Counter[str] = Counter()
        self.term_df: Counter[str] = Counter()
        self.ngram_df = np.zeros(N_FEATURES, dtype=np.int32)

    def add(self, f: Features) -> None:
        self.n_docs += 1
        self.entity_df.update(f.entities.keys())
        self.term_df.update(f.terms)
        self.term_df.update(figure_keys(f))
        self.ngram_df[f.ngram_idx] += 1

    def weigh(self, f: Features) -> None:
        """Weigh ``f`` under the current counts (``add`` it first to weigh it on arrival)."""
        weigh(f, self.n_docs, self.term_df, self.entity_df, self.ngram_df[f.ngram_idx])

    def entity_idf(self, eid: str) -> float:
        return _idf(self.n_docs, self.entity_df.get(eid, 0))

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


def weigh_together(feats: Iterable[Features]) -> None:
    """Weigh articles that come in no order (pairs to score or fit) by their joint counts."""
    feats = list(feats)
    stats = CorpusStats()
    for f in feats:
        stats.add(f)
    for f in feats:
        stats.weigh(f)


@dataclass
class Similarity:
    score: float  # 0..1, how alike a reader would grade the two (1: one story)
    text: float  # char n-gram TF-IDF cosine of title + lead
    entity: float  # rarity-weighted entity cosine (0 when either side has none)
    event: float  # 1 same event between the same parties, -1 same parties on other dates
    days_apart: int | None  # None when either date is unknown
    needed: float  # the score this pair needed to count as one story
    same_story: bool

    @property
    def in_window(self) -> bool:
        """Whether the two reports are close enough in time to be one story (undated: maybe)."""
        return self.days_apart is None or self.days_apart <= WINDOW_DAYS


@dataclass(frozen=True)
class PairModel:
    """Weights of the pair features, the intercept, and the decision threshold."""

    weights: np.ndarray
    bias: float
    threshold: float

    def probability(self, x: np.ndarray) -> float:
        return float(1.0 / (1.0 + math.exp(-(float(np.dot(self.weights, x)) + self.bias))))


@lru_cache(maxsize=2)
def pair_model(path: Path = MODEL) -> PairModel:
    """The shipped pair model; its feature names must be this module's ``FEATURES``."""
    d = json.loads(path.read_text(encoding="utf-8"))
    if d["features"] != list(FEATURES):
        raise ValueError(f"{path}: features {d['features']} do not match {list(FEATURES)}; retrain")
    return PairModel(np.asarray(d["weights"], dtype=np.float64), float(d["bias"]), float(d["threshold"]))


def _text_cosines(a: Features, cands: list[Features], dense_a: np.ndarray | None) -> np.ndarray:
    """Char n-gram TF-IDF cosine of ``a`` with each candidate (their ``Rarity.text``).

    With ``dense_a`` (``a``'s weights scattered over all features) the
    candidates are weighed together, a few array operations for all of
    them rather than for each: an article meets dozens.
    """
    out = np.zeros(len(cands))
    if a.ngram_idx.size == 0 or not cands:
        return out
    if dense_a is None:
        for i, b in enumerate(cands):
            _, ia, ib = np.intersect1d(a.ngram_idx, b.ngram_idx, assume_unique=True, return_indices=True)
            out[i] = float(np.dot(a.rarity.text[ia], b.rarity.text[ib])) if ia.size else 0.0
        return out
    has = [i for i, b in enumerate(cands) if b.ngram_idx.size]
    if not has:
        return out
    idx = np.concatenate([cands[i].ngram_idx for i in has])
    w = np.concatenate([cands[i].rarity.text for i in has])
    starts = np.cumsum([0] + [cands[i].ngram_idx.size for i in has[:-1]])
    out[has] = np.add.reduceat(dense_a[idx] * w, starts)
    return out


def figure_keys(f: Features) -> list[str]:
    """Figures are counted with the content words, marked apart: "19" of كوفيد 19 is common, 12480 is not."""
    return [f"#{n}" for n in f.numbers]


def _terms_cosine(a: Rarity, b: Rarity) -> float:
    """Cosine of the idf-weighted content words: the same facts in other wording."""
    shared = a.terms.keys() & b.terms.keys()
    if not shared:
        return 0.0
    return math.fsum(a.terms[t] * b.terms[t] for t in shared) / (a.term_norm * b.term_norm)


def _weighted_cosine(wa: dict[str, float], wb: dict[str, float]) -> float:
    shared = wa.keys() & wb.keys()
    if not shared:
        return 0.0
    dot = math.fsum(wa[k] * wb[k] for k in shared)  # exact sums: the same in any process, whatever its set order
    return dot / math.sqrt(math.fsum(v * v for v in wa.values()) * math.fsum(v * v for v in wb.values()))


def _principal(weights: dict[str, float]) -> set[str]:
    return set(sorted(weights, key=lambda e: (-weights[e], e))[:PRINCIPAL])


def _overlap(a: set, b: set) -> float:
    """Share of the smaller side found in the other (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _event_match(a: Features, b: Features) -> tuple[bool, int | None]:
    """Whether both report an event of one type between the same parties on agreeing dates
    (or undated), and else the fewest days between the resolved dates of such events."""
    gap = None
    for ta, pa, da in a.events:
        for tb, pb, db in b.events:
            if ta != tb or pa != pb:
                continue
            if da is None or db is None or abs(da - db) <= 1:
                return True, None
            gap = abs(da - db) if gap is None else min(gap, abs(da - db))
    return False, gap


def days_apart(a: Features, b: Features, gap: int | None) -> int | None:
    """Days between the two reports: publication dates, or ``gap`` (``_event_match``: the
    resolved dates of the same parties' events) when that is further (a recurrence); None
    when nothing dates both."""
    pub = abs(a.day - b.day) if a.day is not None and b.day is not None else None
    return pub if gap is None else max(gap, pub or 0)


def lag(days: int | np.ndarray) -> float | np.ndarray:
    """Days apart beyond ``PRINT_LAG``, over the rest of ``WINDOW_DAYS`` (0..1): the same event
    reported the next day by a print outlet is no further than one reported the same day."""
    return np.clip(np.asarray(days, dtype=float) - PRINT_LAG, 0, WINDOW_DAYS - PRINT_LAG) / (WINDOW_DAYS - PRINT_LAG)


def _roles(a: Features, b: Features) -> float:
    """Best agreement of (actor, target) over events of the same type: 1 both, 0.5 one.

    In a meeting either side may be written as the actor ("A received B", "B met A").
    """
    best = 0.0
    for ta, xa, ya in a.roles:
        for tb, xb, yb in b.roles:
            if ta != tb:
                continue
            if ta in SYMMETRIC:
                agree = len({xa, ya} & {xb, yb} - {None})
            else:
                agree = (xa is not None and xa == xb) + (ya is not None and ya == yb)
            best = max(best, agree / 2)
    return best


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _measure(a: Features, b: Features, text: float) -> tuple[np.ndarray, bool, int | None, int | None]:
    """The pair features of ``FEATURES`` in its order, whether it is one event, the
    event-date gap (``_event_match``) and the days apart (``days_apart``)."""
    ra, rb = a.rarity, b.rarity
    same_event, gap = _event_match(a, b)
    days = days_apart(a, b, gap)
    nums = _weighted_cosine(ra.figures, rb.figures) if ra.figures and rb.figures else 0.0
    other_nums = 1.0 - nums if a.numbers and b.numbers else 0.0
    x = np.array([
        text,
        _terms_cosine(ra, rb),
        _weighted_cosine(ra.entities, rb.entities),
        _overlap(ra.principal, rb.principal),
        float(bool(ra.principal and rb.principal) and not ra.principal & rb.principal),
        _roles(a, b),
        _jaccard({t for t, *_ in a.roles}, {t for t, *_ in b.roles}),
        float(same_event),
        nums,
        other_nums,
        text**TEMPLATE_POWER * other_nums,
        float(bool(a.weekdays and b.weekdays) and not a.weekdays & b.weekdays),
        float(lag(days or 0)),
    ])
    return x, same_event, gap, days


def pair_vector(a: Features, b: Features) -> np.ndarray:
    """The pair features of ``FEATURES``, in its order: what the model weighs (both weighed)."""
    text = float(_text_cosines(a, [b], None)[0])
    return _measure(a, b, text)[0]


_COLUMN = {name: i for i, name in enumerate(FEATURES)}  # feature name -> its place in a pair vector


def _ceilings(a: Features, cands: list[Features], text: np.ndarray, model: PairModel) -> np.ndarray:
    """The highest logit each pair could reach, knowing only its text cosine, the
    publication days and which evidence both sides carry at all.

    Every pair feature lies in [0, 1] and is 0 when either side lacks what it
    compares (no figures, no entities, no events); the days apart are at least
    the publication days. A pair whose ceiling is under the threshold need not
    be measured further: most candidates of blocking share a word, not the event.
    """
    col = _COLUMN
    n = len(cands)
    lo, hi = np.zeros((n, len(FEATURES))), np.zeros((n, len(FEATURES)))
    lo[:, col["text"]] = hi[:, col["text"]] = text

    def both(attr: str) -> np.ndarray:
        return np.array([bool(getattr(a, attr)) and bool(getattr(b, attr)) for b in cands], dtype=float)

    events = both("events")
    for names, has in ((("terms",), both("terms")), (("entities", "principal", "other_principal"), both("entities")),
                       (("roles", "event_types"), both("roles")), (("same_event",), events),
                       (("numbers", "other_numbers", "template"), both("numbers")),
                       (("other_weekday",), both("weekdays"))):
        for name in names:
            hi[:, col[name]] = has
    pub = np.array([abs(a.day - b.day) if a.day is not None and b.day is not None else -1 for b in cands])
    dated = pub >= 0
    lo[:, col["days"]] = np.where(dated, lag(pub), 0.0)
    hi[:, col["days"]] = np.where(events > 0, 1.0, lo[:, col["days"]])
    ceiling = model.bias + np.maximum(lo * model.weights, hi * model.weights).sum(axis=1)
    return np.where(pub > WINDOW_DAYS, -np.inf, ceiling)


def similarities(a: Features, cands: list[Features], *, dense_a: np.ndarray | None = None,
                 full: list[bool] | None = None) -> list[Similarity | None]:
    """How likely ``a`` and each candidate report the same real-world event.

    The learned model gives the probability; the pair counts as one story
    when it reaches the model's threshold (a little more for undated pairs,
    which time cannot rule out), and never when the reports are more than
    ``WINDOW_DAYS`` apart (``days_apart``). Every article is weighed (``Rarity``).
    ``dense_a`` (``a.rarity.text`` scattered into a vector of all hashed
    features) lets the text of all candidates be weighed at once; with it, a
    candidate that cannot be one story (``_ceilings``) gets None instead,
    unless ``full`` says it is wanted whole.
    """
    model = pair_model()
    texts = _text_cosines(a, cands, dense_a)
    if dense_a is None or (full is not None and all(full)):
        skip = np.zeros(len(cands), dtype=bool)
    else:
        skip = _ceilings(a, cands, texts, model) < math.log(model.threshold / (1.0 - model.threshold)) - 1e-9
        if full is not None:
            skip &= ~np.asarray(full, dtype=bool)
    out: list[Similarity | None] = []
    for b, text, pruned in zip(cands, texts, skip):
        if pruned:
            out.append(None)
            continue
        x, same_event, gap, days = _measure(a, b, float(text))
        score = model.probability(x)
        needed = model.threshold + (UNDATED_MARGIN if days is None else 0.0)
        same = score >= needed and (days is None or days <= WINDOW_DAYS)
        event = 1.0 if same_event else -1.0 if gap is not None else 0.0
        out.append(Similarity(score=score, text=float(x[0]), entity=float(x[2]), event=event, days_apart=days,
                              needed=needed, same_story=same))
    return out


def similarity(a: Features, b: Features) -> Similarity:
    """``similarities`` of one pair, measured whole."""
    return similarities(a, [b], full=[True])[0]
