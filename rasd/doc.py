"""The one carrier type that travels through every per-article stage.

Each stage reads the fields earlier stages filled and fills its own, the way a
spaCy ``Doc`` carries every annotation. Offsets (``start``/``end``) are always
character offsets into ``Doc.body``, the cleaned text, never into a normalised
copy. ``Doc.to_dict()`` is the output contract of DESIGN.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Source:
    path: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass
class Span:
    """A sentence (or any plain span) of ``Doc.body``."""

    start: int
    end: int


@dataclass
class Mention:
    text: str
    start: int
    end: int
    type: str  # PER, ORG, GPE, LOC, MISC, DATE
    entity: str | None = None  # Entity.id once linked
    role: str | None = None  # e.g. "foreign minister" when the mention is an office title
    score: float | None = None  # recogniser confidence, when it has one
    # A description standing for the entity, not its name: an office title (الرئيس الروسي) or
    # an institution by its country (الحكومة العراقية, الجيش الأميركي). ACE calls these nominal
    # mentions; name recognition (ANERcorp) counts names only.
    nominal: bool = False


@dataclass
class Entity:
    id: str  # "kb:<key>" for knowledge-base entities, "ent:<hash>" for corpus entities
    name: str  # English Wikipedia title where one exists, else a romanisation
    name_ar: str
    type: str
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)  # spellings seen (Arabic) and English aliases
    country: str | None = None  # ISO 3166-1 alpha-2, when known


@dataclass
class Event:
    type: str  # PLOVER event type, e.g. CONSULT
    mode: str | None = None  # PLOVER mode where defined, e.g. "visit"
    actor: str | None = None  # Entity.id
    target: str | None = None  # Entity.id
    location: str | None = None  # Entity.id
    date: str | None = None  # ISO date when resolvable
    date_text: str | None = None  # the date expression as written, kept when unresolved
    evidence: str = ""  # the sentence that says so
    start: int = 0  # offsets of the evidence sentence in body
    end: int = 0
    trigger: str | None = None
    negated: bool = False
    hypothetical: bool = False
    actor_text: str | None = None  # actor as written; the only actor when it is generic ("مسلحون")
    target_text: str | None = None


@dataclass
class Quote:
    speaker: str | None  # Entity.id
    text: str
    start: int
    end: int
    kind: str = "direct"  # "direct" (in quote marks) or "reported" (قال إن ...)
    cue: str | None = None  # the speech verb


@dataclass
class Doc:
    id: str
    body: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    title_derived: bool = False  # True when the page had no title and it came from the lead
    published: str | None = None  # ISO date (YYYY-MM-DD), never invented
    agencies: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    story: str | None = None
    duplicates: list[str] = field(default_factory=list)  # ids of near-duplicate articles
    warnings: list[str] = field(default_factory=list)  # input problems that did not stop the article (an unreadable date)

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def add_entity(self, ent: Entity) -> Entity:
        """Add once per id; later spellings join the aliases of the first."""
        known = self.entity(ent.id)
        if known is None:
            self.entities.append(ent)
            return ent
        for a in ent.aliases:
            if a not in known.aliases:
                known.aliases.append(a)
        return known

    def sentence_texts(self) -> list[str]:
        return [self.body[s.start : s.end] for s in self.sentences]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("sentences")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Doc":
        """Inverse of ``to_dict`` (sentences are not serialised and come back empty)."""
        return cls(
            id=d["id"],
            body=d["body"],
            source=Source(**(d.get("source") or {})),
            title=d.get("title"),
            title_derived=d.get("title_derived", False),
            published=d.get("published"),
            agencies=list(d.get("agencies") or []),
            mentions=[Mention(**m) for m in d.get("mentions") or []],
            entities=[Entity(**e) for e in d.get("entities") or []],
            events=[Event(**e) for e in d.get("events") or []],
            quotes=[Quote(**q) for q in d.get("quotes") or []],
            story=d.get("story"),
            duplicates=list(d.get("duplicates") or []),
            warnings=list(d.get("warnings") or []),
        )
