"""What story grouping looks at in one article, reduced to plain data.

A ``Features`` record is computed once per article and is all the index
keeps: it never needs the ``Doc`` again, so state stays small and picklable.
Text is compared as character n-grams of the normalised title and lead
(robust to clitics and spelling variants such as شويغو / شويجو); entities
and events are compared by id, since linking already merged spellings.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from rasd.doc import Doc
from rasd.text.dates import day_of
from rasd.text.normalise import normalise, search_key

if TYPE_CHECKING:
    from rasd.group.similarity import Rarity

LEAD_CHARS = 1000  # the lead carries the who/what/where of a news story
N_FEATURES = 2**20
NGRAM_WORDS = 100_000  # words whose hashed n-grams are remembered (``text_vector``): some 25 MB

_VECTORIZER = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(3, 5),
    n_features=N_FEATURES,
    alternate_sign=False,
    norm=None,
    dtype=np.float32,
)
_WORD_NGRAMS: dict[str, bytes] = {}
_NON_WORD = re.compile(r"[^\w]+")
_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year dates the article, it does not tell events apart
_WEEKDAYS = [normalise(w) for w in "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت".split()]
# A weekday names the day an event fell on: "today, Tuesday" online is "yesterday, Tuesday" in print.
# الاثنين is also "the two": بين الاثنين، كلا الاثنين name no day.
_WEEKDAY = re.compile(r"(?<!\w)(?<!بين )(?<!كلا )[وب]?(" + "|".join(dict.fromkeys(_WEEKDAYS)) + r")(?!\w)")

# Function words and news formulae that say nothing about which event it is.
_STOP = frozenset(
    normalise(w)
    for w in """
    في من على الى إلى عن مع ان أن إن هذا هذه ذلك تلك التي الذي الذين كان كانت يكون
    قد لقد لم لن ما لا او أو ثم حتى بعد قبل بين خلال عند منذ كما ايضا أيضا وقال قال
    وقالت قالت اليوم امس أمس غدا أكد وأكد اكدت أكدت وأضاف اضاف أضاف واوضح أوضح وذكر
    ذكر حيث وفق وفقا وفقًا اطار إطار جانب عبر نحو فيما بينما لها له لهم عليه عليها فيه
    فيها منه منها الذي إنه انه انها إنها وهو وهي هو هي هم كل بعض غير اكثر أكثر اول أول
    العام عام الجاري الماضي المقبل يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
    """.split()
)

# How much sharing an entity of each type says about being the same event:
# people and specific places pin an event down; countries are background.
TYPE_WEIGHT = {"PER": 1.0, "LOC": 0.7, "FAC": 0.7, "ORG": 0.6, "MISC": 0.5, "GPE": 0.35}
_DEFAULT_TYPE_WEIGHT = 0.5


@dataclass
class Features:
    """Plain-data summary of one article for similarity and blocking."""

    id: str
    outlet: str | None
    title: str
    title_derived: bool  # True when the page had no headline of its own
    day: int | None  # proleptic ordinal of the publication date
    terms: list[str]  # distinct content-word keys of title + lead
    entities: dict[str, float]  # entity id -> type weight x salience
    events: list[tuple[str, frozenset, int | None]]  # (type, participant ids, day)
    roles: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (type, actor, target)
    numbers: frozenset = frozenset()  # figures of title + lead: 43 points one day, 8 the next
    weekdays: frozenset = frozenset()  # weekdays named in title + lead: the day the event fell on
    ngram_idx: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, np.int32))
    ngram_tf: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, np.float32))  # let go once weighed
    rarity: Rarity | None = field(repr=False, default=None)  # weights set on arrival in an index


def to_day(iso: str | None) -> int | None:
    """ISO date (or datetime) -> day number, for date differences; None when absent or unreadable."""
    day = day_of(iso)
    return day.toordinal() if day else None


def lead_text(doc: Doc) -> str:
    """Title plus the opening of the body, cut at a word boundary."""
    body = doc.body or ""
    lead = body[:LEAD_CHARS]
    if len(body) > LEAD_CHARS and " " in lead:
        lead = lead[: lead.rfind(" ")]
    title = doc.title or ""
    if title and lead.startswith(title):  # scraped pages often repeat the headline
        lead = lead[len(title):]
    return f"{title}\n{lead}"


def _word_ngrams(words: list[str]) -> bytes:
    """The hashed n-gram indices of each word, joined (int32 bytes, repeats kept).

    ``char_wb`` n-grams never cross a word boundary, so a text's n-grams are
    its words' n-grams: words recur across articles and are hashed once,
    through the same vectorizer, and remembered (at most ``NGRAM_WORDS``).
    """
    if len(_WORD_NGRAMS) + len(words) > NGRAM_WORDS:
        _WORD_NGRAMS.clear()
    missing = [w for w in dict.fromkeys(words) if w not in _WORD_NGRAMS]
    if missing:
        m = _VECTORIZER.transform(missing)  # one row per word
        for i, w in enumerate(missing):
            s, e = m.indptr[i], m.indptr[i + 1]
            _WORD_NGRAMS[w] = np.repeat(m.indices[s:e].astype(np.int32), m.data[s:e].astype(np.int64)).tobytes()
    return b"".join([_WORD_NGRAMS[w] for w in words])


def text_vector(norm_text: str) -> tuple[np.ndarray, np.ndarray]:
    """Sparse char n-gram counts (sublinear) of already normalised text as (indices, values)."""
    words = _NON_WORD.sub(" ", norm_text).split()
    if not words:
        return np.zeros(0, np.int32), np.zeros(0, np.float32)
    idx, n = np.unique(np.frombuffer(_word_ngrams(words), dtype=np.int32), return_counts=True)
    return idx, (1.0 + np.log(n.astype(np.float32))).astype(np.float32)


def content_terms(norm_text: str) -> list[str]:
    """Distinct light-stemmed content words of normalised text, in order of first appearance."""
    seen: dict[str, None] = {}
    for w in _WORD.findall(norm_text):
        if w in _STOP:
            continue
        k = search_key(w)
        if len(k) >= 3 and k not in _STOP:
            seen.setdefault(k, None)
    return list(seen)


def numbers(norm_text: str) -> frozenset:
    """The figures of normalised text, years left out."""
    return frozenset(n.replace(",", ".") for n in _NUMBER.findall(norm_text) if not _YEAR.fullmatch(n))


def weekdays(norm_text: str) -> frozenset:
    """The weekdays normalised text names: one day's bulletin (weather, prayer times, prices)
    names another day than the same template's the next day; a print report of yesterday's
    event names the day the online report did."""
    return frozenset(_WEEKDAY.findall(norm_text))


def _entity_weights(doc: Doc, lead_end: int) -> dict[str, float]:
    """Type weight x salience: named often, or in the lead, means the article is about it."""
    types = {e.id: e.type for e in doc.entities}
    counts: Counter[str] = Counter()
    in_lead: set[str] = set()
    for m in doc.mentions:
        if m.entity:
            counts[m.entity] += 1
            types.setdefault(m.entity, m.type)  # linked mention whose entity record is missing
            if m.start < lead_end:
                in_lead.add(m.entity)
    out: dict[str, float] = {}
    for eid, etype in types.items():
        salience = (1.0 + 0.5 * math.log(max(counts[eid], 1))) * (2.0 if eid in in_lead else 1.0)
        out[eid] = TYPE_WEIGHT.get(etype, _DEFAULT_TYPE_WEIGHT) * salience
    return out


def _event_keys(doc: Doc) -> list[tuple[str, frozenset, int | None]]:
    """(type, parties, day) of each asserted event; a place stands in for a missing party."""
    keys: dict[tuple[str, frozenset], int | None] = {}
    for ev in doc.events:
        if ev.negated or ev.hypothetical:
            continue
        parts = frozenset(p for p in (ev.actor, ev.target) if p)
        if len(parts) < 2 and not ev.location:
            continue  # a one-sided event says little about which occurrence it is
        if len(parts) < 2:
            parts = parts | {f"@{ev.location}"}
        keys.setdefault((ev.type, parts), to_day(ev.date))
    return [(t, p, d) for (t, p), d in keys.items()]


def _roles(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    """Who did what to whom in each asserted event, for comparing roles across articles."""
    seen = {(ev.type, ev.actor, ev.target) for ev in doc.events
            if not ev.negated and not ev.hypothetical and (ev.actor or ev.target)}
    return sorted(seen, key=str)


def features(doc: Doc) -> Features:
    """Extract the grouping features of one analysed (or merely cleaned) article."""
    lead = lead_text(doc)
    norm_lead = normalise(lead)
    idx, tf = text_vector(norm_lead)
    day = to_day(doc.published)
    return Features(
        id=doc.id,
        outlet=doc.source.outlet if doc.source else None,
        title=(doc.title or lead.strip()[:120]).strip(),
        title_derived=doc.title_derived or not doc.title,
        day=day,
        terms=content_terms(norm_lead),
        entities=_entity_weights(doc, LEAD_CHARS),
        events=_event_keys(doc),
        roles=_roles(doc),
        numbers=numbers(norm_lead),
        weekdays=weekdays(norm_lead),
        ngram_idx=idx,
        ngram_tf=tf,
    )
