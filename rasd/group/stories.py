"""Incremental story grouping: each new article joins an existing story or opens one.

Candidates come from blocking, never from all pairs: an inverted index from
content-word keys and entity ids to the articles that carry them is probed
with the new article's rarest keys only, reading the most recent ``TAIL``
postings of each. Near-duplicates (MinHash LSH) are candidates too. Only
those few candidates are scored (``similarities``), so the cost of one ``add``
does not grow with the corpus, and a whole corpus is near-linear.

An article joins the story of its best-scoring matching candidate, provided
it also resembles that story's core, its first ``CORE`` articles, on average
(single link alone, or a check against the first article only, lets formula
news such as the royal court's daily audiences chain into one "story" from day
to day). When it matches two or more stories that way, it is the evidence that they report one event: they merge
into the oldest of them (``Assignment.merged`` lists the ids absorbed, and
``resolve`` maps an absorbed id to the story that holds its articles now).
Story ids are "story:" + the id of the story's first article, so a story
keeps its id as articles arrive and only an absorbed story's id changes. Features of dated articles far older than the newest date
seen are dropped (``KEEP_DAYS``): they can no longer match anything new, and
memory stays proportional to the window, not to the corpus. The window is
also capped at ``MAX_LIVE`` articles (a busy feed, undated articles), and
posting lists are cut to the ``TAIL`` that lookups read.
Each article is weighed on arrival by the counts so far (``Rarity``) and keeps
those weights, so where an article lands depends on the articles before it only.
"""
from __future__ import annotations

import pickle
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import numpy as np

from rasd.doc import Doc
from rasd.group.duplicates import DuplicateIndex
from rasd.group.features import N_FEATURES, Features, features
from rasd.group.similarity import WINDOW_DAYS, CorpusStats, Rarity, similarities, similarity

STATE_VERSION = 3
_READABLE_STATES = (1, 2, 3)  # 1 had no merged stories; 1 and 2 no weights, taken under the saved counts
PROBE_TERMS = 10  # rarest content words of title + lead used to look up candidates
PROBE_ENTITIES = 8  # most specific entities used to look up candidates
TAIL = 300  # most recent postings read per key
MAX_CANDIDATES = 60  # candidates scored per article, by number of shared keys
KEEP_DAYS = 3 * WINDOW_DAYS  # dated articles older than this (vs the newest) stop being candidates
MAX_LIVE = 4000  # and at most this many of the most recent articles are: memory bounded on any feed
CORE = 8  # a story's first articles, which a newcomer must resemble on average (``_core_agrees``)
MERGE_FLOOR = 0.2  # share of the threshold two stories' cores must reach on average to be merged by a third
EVICT_EVERY = 1000  # the window is pruned after every this many articles


@dataclass
class Assignment:
    story_id: str
    duplicates: list[str]  # ids of earlier near-duplicate articles
    new_story: bool
    score: float | None = None  # similarity to the closest article of the story joined
    merged: list[str] = field(default_factory=list)  # ids of earlier stories this article showed are this one


@dataclass
class StoryRecord:
    id: str
    label: str  # representative headline
    articles: list[str]
    outlets: list[str]
    first_seen: str | None  # ISO date of the earliest dated article
    last_seen: str | None
    entities: list[str]  # key entity ids, most characteristic first
    events: list[tuple[str, str | None, str | None]]  # key events (type, actor, target)


@dataclass
class _Story:
    id: str
    label: str
    label_derived: bool
    members: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None
    entity_salience: Counter = field(default_factory=Counter)
    event_counts: Counter = field(default_factory=Counter)
    merged_into: str | None = None  # set once absorbed: the story that now holds the members


class _Deflated:
    """A write-only file that zlib-compresses what it is given (the state's pickle)."""

    def __init__(self) -> None:
        self._z = zlib.compressobj(3)
        self._parts: list[bytes] = []

    def write(self, data) -> int:
        self._parts.append(self._z.compress(data))
        return memoryview(data).nbytes

    def value(self) -> bytes:
        return b"".join([*self._parts, self._z.flush()])


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def blocking_keys(f: Features) -> list[str]:
    """Every key an article is found under: its content words and its entities."""
    return [f"t:{t}" for t in f.terms] + [f"e:{e}" for e in f.entities]


def out_of_window(seq: int, day: int | None, checkpoint: int, max_day: int | None) -> bool:
    """Whether the ``seq``-th article placed (from 0) leaves the window when it is pruned
    after the ``checkpoint``-th, the newest date seen being ``max_day``: the local index
    prunes by this rule, the Spark grouper drops the same articles at the same point."""
    return seq <= checkpoint - MAX_LIVE or (day is not None and max_day is not None and day < max_day - KEEP_DAYS)


def probe_keys(f: Features, term_df: Mapping[str, int], entity_df: Mapping[str, int]) -> list[str]:
    """The rarest keys of a weighed article that an earlier one also has (``term_df`` and
    ``entity_df``: the counts on its arrival, itself included); shared by the local index
    and the Spark grouper, so both block alike."""
    r = f.rarity
    terms = sorted((t for t in f.terms if term_df[t] > 1), key=lambda t: (-r.terms[t], t))
    ents = sorted((e for e in f.entities if entity_df[e] > 1), key=lambda e: (-r.entities[e], e))
    terms, ents = terms[:PROBE_TERMS], ents[:PROBE_ENTITIES]
    return [f"t:{t}" for t in terms] + [f"e:{e}" for e in ents]


class StoryIndex:
    """Near-duplicates and stories over a growing corpus; persistable as bytes."""

    def __init__(self, window: bool = True) -> None:
        """``window``: prune the window itself (``out_of_window``); the Spark grouper, which
        places one component at a time, ``retire``s articles when a local run's window would."""
        self._window = window
        self._stats = CorpusStats()
        self._dups = DuplicateIndex()
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._feats: list[Features | None] = []  # None once evicted
        self._story_of: list[int] = []  # article position -> story position
        self._stories: list[_Story] = []
        self._story_at: dict[str, int] = {}  # story id -> position, absorbed stories included
        self._postings: dict[str, array] = {}
        self._max_day: int | None = None
        self._dense = np.zeros(N_FEATURES, dtype=np.float32)  # scratch: the new article's text weights

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._pos

    # -- adding -----------------------------------------------------------

    def add(self, doc: Doc) -> Assignment:
        """Assign one article to a story; also sets ``doc.story`` and ``doc.duplicates``.

        Adding an id already in the index changes nothing and returns its
        current assignment.
        """
        if doc.id in self._pos:
            story = self._stories[self._story_of[self._pos[doc.id]]]
            dups = self._dups.duplicates_of(doc.id)
            doc.story, doc.duplicates = story.id, dups
            return Assignment(story.id, dups, new_story=False)

        f = features(doc)
        dups = self._dups.add(doc.id, doc.body or "")
        acts = {(ev.type, ev.actor, ev.target) for ev in doc.events if not ev.negated and not ev.hypothetical}
        story_id, best_score, merged = self.place(doc.id, f, dups, acts)
        doc.story, doc.duplicates = story_id, dups
        return Assignment(story_id, dups, new_story=best_score is None, score=best_score, merged=merged)

    def place(self, doc_id: str, f: Features, dups: list[str],
              acts: Iterable[tuple[str, str | None, str | None]] = (),
              candidates: list[tuple[str, bool]] | None = None) -> tuple[str, float | None, list[str]]:
        """The joining rule on an article's features and its earlier near-duplicates:
        (story id, score or None for a new story, story ids it absorbed). ``acts``:
        the article's asserted (type, actor, target) events, for the story's key events.
        ``candidates``: earlier (id, near-duplicate?) pairs already blocked elsewhere
        (the Spark grouper's keyed joins), read instead of this index's postings.

        ``add`` calls it; so does the Spark grouper, over one connected component,
        with articles it weighed itself (by the counts up to each: the same ``Rarity``).
        """
        if f.rarity is None:
            self._stats.add(f)
            self._stats.weigh(f)
        pos = len(self._ids)
        given = None if candidates is None else [(self._pos[d], forced) for d, forced in candidates]
        best_story, best_score, bridged = self._choose_story(f, given if given is not None else self._candidates(f, dups))

        if best_story is None:
            story = _Story(id=f"story:{doc_id}", label=f.title, label_derived=f.title_derived)
            best_story = len(self._stories)
            self._stories.append(story)
            self._story_at[story.id] = best_story
        story = self._stories[best_story]
        merged = [self._absorb(story, best_story, sp) for sp in bridged]
        self._join(story, doc_id, f, acts)

        self._ids.append(doc_id)
        self._pos[doc_id] = pos
        self._feats.append(f)
        self._story_of.append(best_story)
        for key in self._keys(f):
            self._postings.setdefault(key, array("i")).append(pos)
        if f.day is not None and (self._max_day is None or f.day > self._max_day):
            self._max_day = f.day
        if self._window and pos % EVICT_EVERY == EVICT_EVERY - 1:
            self._evict(pos)
        return story.id, best_score, merged

    def add_many(self, docs) -> list[Assignment]:
        """``add`` each article in order (the result is the same as adding them one by one)."""
        return [self.add(d) for d in docs]

    def _choose_story(self, f: Features, cands: list[tuple[int, bool]]) -> tuple[int | None, float | None, list[int]]:
        """The story position the article joins, its score, and the other stories it shows are the same.

        (None, None, []) opens a new story.
        """
        dense = self._dense
        dense[f.ngram_idx] = f.rarity.text
        try:
            return self._best_story(f, cands, dense)
        finally:
            dense[f.ngram_idx] = 0.0  # the buffer is shared by every add: leave it clean

    def _best_story(self, f: Features, cands: list[tuple[int, bool]], dense) -> tuple[int | None, float | None, list[int]]:
        best: dict[int, tuple[float, int]] = {}  # story position -> (score, candidate)
        cands = [(c, forced) for c, forced in cands if self._feats[c] is not None]
        sims = similarities(f, [self._feats[c] for c, _ in cands], dense_a=dense, full=[forced for _, forced in cands])
        scored = {cand: sim for (cand, _), sim in zip(cands, sims) if sim is not None}
        for (cand, forced), sim in zip(cands, sims):
            if sim is None:  # cannot be one story
                continue
            if not (sim.same_story or (forced and sim.in_window)):
                continue
            score = 1.0 if forced else sim.score  # near-duplicates are one story
            sp = self._story_of[cand]
            if sp not in best or score > best[sp][0]:
                best[sp] = (score, cand)
        # Every story whose core agrees too is this event (near-duplicates too: formula texts
        # chain); the oldest of them keeps its id and absorbs the others.
        agreed = sorted(((score, sp) for sp, (score, cand) in best.items()
                         if self._anchor_agrees(f, sp, cand, dense, scored) and self._core_agrees(f, sp, dense, scored)),
                        key=lambda t: (-t[0], t[1]))
        if not agreed:
            return None, None, []
        score, first = agreed[0]
        group = [first] + [sp for _, sp in agreed[1:] if self._may_merge(first, sp)]
        keep = min(group)
        return keep, score, sorted(sp for sp in group if sp != keep)

    def _may_merge(self, sp: int, other: int) -> bool:
        """Whether two stories are close enough for a third article to show they are one.

        A bridging article settles a doubt; it cannot make one story of two
        that plainly differ (formula news: one telegram of congratulations
        resembles both the one to Colombia and the one to Egypt; a roundup
        reports two audiences of one day). Their first articles, and their cores on
        average (``_core_link``), must reach ``MERGE_FLOOR`` of the threshold.
        """
        spans = (self._stories[x] for x in (sp, other))
        days = [d for s in spans for d in (s.first_day, s.last_day) if d is not None]
        if days and max(days) - min(days) > WINDOW_DAYS:  # one event is reported over a few days, not weeks
            return False
        first_a, first_b = (self._pos[self._stories[x].members[0]] for x in (sp, other))
        if self._feats[first_a] is None or self._feats[first_b] is None:
            return False
        sim = similarity(self._feats[first_a], self._feats[first_b])
        if not (sim.in_window and sim.score >= MERGE_FLOOR * sim.needed):
            return False
        a, b = self._core(sp), self._core(other)
        # The first articles' pair is in both cores: measured once, above.
        links = [self._core_link(self._feats[p], b, None, {first_b: sim} if p == first_a else {}) for p in a]
        return sum(got for got, _ in links) >= MERGE_FLOOR * sum(needed for _, needed in links)

    def _anchor_agrees(self, f: Features, sp: int, cand: int, dense, scored: dict) -> bool:
        """Guard against chaining: the article must be "same story" with the story's first article
        too, as well as with its core on average (``_core_agrees``): either alone lets formula news
        chain (the first article alone, day by day through the court's audiences; the average
        alone, bulletins of one ministry whose later reports resemble each other).

        Once that article has left the window (``MAX_LIVE`` on a busy feed is under three days),
        its date is what is left to check: no later than ``WINDOW_DAYS`` after the story began.
        """
        story = self._stories[sp]
        anchor = self._pos[story.members[0]]
        g = self._feats[anchor]
        if anchor == cand:
            return True
        if g is None:
            return self._began_lately(f, sp)
        sim = scored[anchor] if anchor in scored else similarities(f, [g], dense_a=dense)[0]
        return sim is not None and sim.same_story

    def _began_lately(self, f: Features, sp: int) -> bool:
        """What is left to check once a story's first articles have left the window: that it
        began no more than ``WINDOW_DAYS`` before ``f``."""
        first = self._stories[sp].first_day
        return first is None or f.day is None or f.day - first <= WINDOW_DAYS

    def _core(self, sp: int) -> list[int]:
        """Positions of the story's first ``CORE`` articles still in the window: what it is about."""
        pos = (self._pos[m] for m in self._stories[sp].members[:CORE])
        return [p for p in pos if self._feats[p] is not None]

    def _core_link(self, f: Features, core: list[int], dense, scored: dict) -> tuple[float, float]:
        """(summed score, summed threshold) of ``f`` with each core article; a pair further
        apart than ``WINDOW_DAYS`` scores nothing. ``scored``: pairs measured already, by position."""
        todo = [p for p in core if p not in scored]
        sims = [scored[p] for p in core if p in scored]
        if todo:
            sims += similarities(f, [self._feats[p] for p in todo], dense_a=dense, full=[True] * len(todo))
        got = sum(s.score for s in sims if s.in_window)
        return got, sum(s.needed for s in sims)

    def _core_agrees(self, f: Features, sp: int, dense, scored: dict) -> bool:
        """Guard against chaining: average link to the story's core, not single link.

        Joining on the best candidate alone lets a story walk day by day through
        the royal court's audiences, each like the last. The article must score,
        on average over the core (``_core``), what one pair needs to be one story.
        Once the core has left the window (``MAX_LIVE`` on a busy feed is under three
        days), its date is what is left to check: no later than ``WINDOW_DAYS`` after
        the story began.
        """
        core = self._core(sp)
        if not core:
            return self._began_lately(f, sp)
        got, needed = self._core_link(f, core, dense, scored)
        return got >= needed

    def _candidates(self, f: Features, dups: list[str]) -> list[tuple[int, bool]]:
        """Blocking: earlier articles sharing the new one's rarest keys, plus its near-duplicates."""
        votes: Counter[int] = Counter()
        feats = self._feats
        for key in self._probe_keys(f):
            plist = self._postings.get(key)
            if plist:
                votes.update(p for p in plist[-TAIL:] if feats[p] is not None)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], -kv[0]))[:MAX_CANDIDATES]
        out = [(self._pos[d], True) for d in dups]
        seen = {p for p, _ in out}
        out += [(p, False) for p, _ in ranked if p not in seen]
        return out

    def _probe_keys(self, f: Features) -> list[str]:
        return probe_keys(f, self._stats.term_df, self._stats.entity_df)

    @staticmethod
    def _keys(f: Features) -> list[str]:
        return blocking_keys(f)

    def _join(self, story: _Story, doc_id: str, f: Features, acts) -> None:
        story.members.append(doc_id)
        if f.outlet and f.outlet not in story.outlets:
            story.outlets.append(f.outlet)
        if f.day is not None:
            story.first_day = f.day if story.first_day is None else min(story.first_day, f.day)
            story.last_day = f.day if story.last_day is None else max(story.last_day, f.day)
        if story.label_derived and not f.title_derived:
            story.label, story.label_derived = f.title, False
        story.entity_salience.update(f.entities)  # summed salience, not mere presence
        story.event_counts.update(set(acts))

    def _absorb(self, story: _Story, into: int, sp: int) -> str:
        """Move every article of story ``sp`` into ``story`` (at ``into``); returns the absorbed id."""
        other = self._stories[sp]
        for aid in other.members:
            self._story_of[self._pos[aid]] = into
        story.members.extend(other.members)
        story.outlets.extend(o for o in other.outlets if o not in story.outlets)
        days = [d for d in (story.first_day, story.last_day, other.first_day, other.last_day) if d is not None]
        story.first_day, story.last_day = (min(days), max(days)) if days else (None, None)
        if story.label_derived and not other.label_derived:
            story.label, story.label_derived = other.label, False
        story.entity_salience.update(other.entity_salience)
        story.event_counts.update(other.event_counts)
        other.members, other.outlets, other.merged_into = [], [], story.id
        other.entity_salience, other.event_counts = Counter(), Counter()
        return other.id

    def _evict(self, checkpoint: int) -> None:
        for i, g in enumerate(self._feats):
            if g is not None and out_of_window(i, g.day, checkpoint, self._max_day):
                self.retire(self._ids[i])
        # Postings keep the TAIL that lookups read (those out of the window are skipped there),
        # and a key goes once all of those have left: the index's size follows the window,
        # not the corpus's vocabulary.
        feats = self._feats
        for key, plist in list(self._postings.items()):
            if not any(feats[p] is not None for p in islice(reversed(plist), TAIL)):  # newest first
                del self._postings[key]
            elif len(plist) > TAIL:
                self._postings[key] = plist[-TAIL:]

    def retire(self, doc_id: str) -> None:
        """An article leaves the window: no longer a candidate, nor a near-duplicate."""
        self._feats[self._pos[doc_id]] = None
        self._dups.forget(doc_id)

    # -- reading ----------------------------------------------------------

    def story_of(self, doc_id: str) -> str | None:
        pos = self._pos.get(doc_id)
        return None if pos is None else self._stories[self._story_of[pos]].id

    def resolve(self, story_id: str) -> str:
        """The id of the story that holds ``story_id``'s articles now (itself unless it was merged)."""
        sp = self._story_at.get(story_id)
        while sp is not None and self._stories[sp].merged_into:
            story_id = self._stories[sp].merged_into
            sp = self._story_at.get(story_id)
        return story_id

    def duplicates_of(self, doc_id: str) -> list[str]:
        """Near-duplicates of an indexed article, earlier and later ones alike."""
        return self._dups.duplicates_of(doc_id)

    def stories(self, min_articles: int = 1) -> list[StoryRecord]:
        """Every story with at least ``min_articles`` articles, largest first."""
        out = [self._record(s) for s in self._stories if s.members and len(s.members) >= min_articles]
        out.sort(key=lambda r: (-len(r.articles), r.id))
        return out

    def _record(self, s: _Story) -> StoryRecord:
        n = len(s.members)
        # Characteristic entities: salient in the story's articles AND rare in the corpus.
        ents = sorted(
            s.entity_salience,
            key=lambda e: (-s.entity_salience[e] / n * self._stats.entity_idf(e), e),
        )[:5]
        events = [ev for ev, _ in sorted(s.event_counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:3]]
        return StoryRecord(
            id=s.id,
            label=s.label,
            articles=list(s.members),
            outlets=list(s.outlets),
            first_seen=_iso(s.first_day),
            last_seen=_iso(s.last_day),
            entities=ents,
            events=events,
        )

    # -- persistence ------------------------------------------------------

    def to_state(self) -> bytes:
        """Versioned, compressed pickle of plain data (lists, dicts, numpy arrays)."""
        feats = [None if g is None else {**vars(g), "rarity": vars(g.rarity)} for g in self._feats]
        stories = [
            (s.id, s.label, s.label_derived, s.members, s.outlets, s.first_day, s.last_day,
             dict(s.entity_salience), dict(s.event_counts), s.merged_into)
            for s in self._stories
        ]
        plain = {
            "version": STATE_VERSION,
            "stats": self._stats.to_plain(),
            "dups": self._dups.to_plain(),
            "ids": self._ids,
            "feats": feats,
            "story_of": self._story_of,
            "stories": stories,
            "postings": {k: v.tobytes() for k, v in self._postings.items()},
            "max_day": self._max_day,
        }
        out = _Deflated()  # compressed as pickled: the whole pickle never sits in memory
        pickle.dump(plain, out, protocol=5)
        return out.value()

    @classmethod
    def from_state(cls, data: bytes) -> "StoryIndex":
        """Rebuild an index saved with ``to_state``; refuses other state versions."""
        plain = pickle.loads(zlib.decompress(data))
        if plain.get("version") not in _READABLE_STATES:
            raise ValueError(f"story index state version {plain.get('version')!r}, expected {STATE_VERSION}")
        idx = cls()
        idx._stats = CorpusStats.from_plain(plain["stats"])
        idx._dups = DuplicateIndex.from_plain(plain["dups"])
        idx._ids = list(plain["ids"])
        idx._pos = {d: i for i, d in enumerate(idx._ids)}
        idx._feats = [None if g is None else Features(**g) for g in plain["feats"]]
        for g in idx._feats:
            if g is not None and g.rarity:
                g.rarity = Rarity(**g.rarity)
            elif g is not None:
                idx._stats.weigh(g)
        idx._story_of = list(plain["story_of"])
        idx._stories = [
            _Story(id=i, label=lab, label_derived=ld, members=m, outlets=o, first_day=fd, last_day=ldy,
                   entity_salience=Counter(ec), event_counts=Counter(evc), merged_into=(rest or [None])[0])
            for i, lab, ld, m, o, fd, ldy, ec, evc, *rest in plain["stories"]
        ]
        idx._story_at = {s.id: i for i, s in enumerate(idx._stories)}
        for k, raw in plain["postings"].items():
            a = array("i")
            a.frombytes(raw)
            idx._postings[k] = a
        idx._max_day = plain["max_day"]
        return idx

