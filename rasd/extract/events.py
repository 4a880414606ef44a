"""PLOVER events from trigger words and the linked parties around them.

Precision first, as event coders do: an event needs a trigger from the
lexicon (rasd/data/plover/triggers.yaml) whose constraints hold and an actor
(a linked entity, or a generic agent such as "مسلحون" kept as ``actor_text``).
Slots come from word order and the word before each name (see
``rasd.extract.clause``): in VSO the first bare name after a verb is the
actor; a name after مع/بـ/إلى/على/ضد is the target; في + place is the
location; a visit's destination is the location and its country the target.
Nominal triggers take the name right after them (زيارة بوتين) or the subject
of a light verb (يجري شويغو مشاورات) and never the subject of another verb
(أدانت الصين العقوبات: China is not the sanctioner).
"""
from __future__ import annotations

from babel import Locale

from rasd.doc import Doc, Entity, Event
from rasd.extract.clause import RELATIVES, Party, SentenceView
from rasd.extract.dates import date_expressions
from rasd.extract.lexicon import Hit, cues, triggers
from rasd.text.normalise import proclitic_splits

SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
_RECIPROCAL = SYMMETRIC | {"AGREE"}  # "وقعت مصر وتركيا اتفاقية": the second signer is the target
_MERGEABLE = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_PLACES = ("GPE", "LOC")
_PASSIVE = frozenset({"تم", "جري", "يتم", "سيتم", "وتم"})
_COUNTRY_NAMES = Locale("en").territories


def find_events(doc: Doc, kb=None) -> list[Event]:
    """Events of every sentence of ``doc``, merged across sentences."""
    lex, cue = triggers(), cues()
    events: list[Event] = []
    for span in doc.sentences:
        view = SentenceView(doc, span, cue)
        seen: set = set()
        for i, norm in enumerate(view.norms):
            for hit in lex.match(norm):
                if not _constraints_hold(view, i, hit):
                    continue
                ev = _build(view, i, hit, kb)
                if ev is not None:
                    key = _key(ev)
                    if key not in seen:
                        seen.add(key)
                        events.append(ev)
                break
    return _merge(events)


def _key(ev: Event):
    parties = (ev.actor or ev.actor_text, ev.target or ev.target_text)
    return (ev.type, frozenset(parties) if ev.type in SYMMETRIC else parties)


def _rests(token: str) -> set[str]:
    return {rest for _, rest in proclitic_splits(token)}


def _constraints_hold(view: SentenceView, i: int, hit: Hit) -> bool:
    e, n = hit.entry, view.norms
    if e.then and not any(_rests(t) & set(e.then) for t in n[i + 1 : i + 1 + e.within]):
        return False
    if e.unless_next and i + 1 < len(n) and _rests(n[i + 1]) & set(e.unless_next):
        return False
    if e.unless_prev and i > 0 and n[i - 1] in e.unless_prev:
        return False
    if e.needs == "place" and _destination(view, i) is None:
        return False
    return True


def _destination(view: SentenceView, i: int) -> Party | None:
    for p in view.parties_in(view.right_window(i, limit=8)):
        if p.marker == "target" and p.prep in ("الي", "ل") and p.type in _PLACES:
            return p
    return None


def _first_named(parties: list[Party]) -> Party | None:
    return next((p for p in parties if p.entity), None) or (parties[0] if parties else None)


def _build(view: SentenceView, i: int, hit: Hit, kb) -> Event | None:
    etype = hit.entry.label
    right = view.parties_in(view.right_window(i))
    left = view.parties_in(view.left_window(i))
    actor = target = location = None
    nominal = hit.tense == "noun"
    bare_right = [p for p in right if p.marker is None]

    if not nominal:
        actor = _first_named(bare_right[:2]) if bare_right else None
        if actor is None:
            actor = _left_subject(view, i, left)
    else:
        gen = next((p for p in bare_right if p.tok <= i + 2), None)
        passive = i > 0 and view.norms[i - 1] in _PASSIVE
        if gen is not None and (hit.entry.genitive == "target" or passive):
            target = gen
        elif gen is not None:
            actor = gen
        if actor is None:
            actor = _light_verb_subject(view, i)
        if actor is None:
            between = [p for p in right if p.prep == "بين"]
            if between:
                actor = between[0]
                target = target or next((p for p in right if p.tok > actor.tok and p.marker == "coord"), None)
    if actor is None:
        return None

    rest = [p for p in right if p is not actor]
    if target is None:
        objs = [p for p in rest if p.marker is None and p.tok > i and not _same(p, actor)]
        coords = [p for p in rest if p.marker == "coord" and not _same(p, actor)]
        preps = [p for p in rest if p.marker == "target" and p.prep != "بين" and not _same(p, actor)]
        if etype in _RECIPROCAL:
            target = _first_named(objs + coords) or _first_named(preps)
        else:
            target = _first_named(objs) or _first_named(preps)

    dest = _destination(view, i) if hit.entry.mode == "visit" else None
    if hit.entry.mode == "visit" and target is not None and target.type in _PLACES and dest is None:
        dest = target
    if dest is not None:
        location = dest
        target = None
    if location is None:
        location = _location(view, i, exclude={id(actor), id(target)})

    ev = Event(type=etype, mode=hit.entry.mode, trigger=view.tokens[i].text,
               evidence=view.doc.body[view.span.start : view.span.end],
               start=view.span.start, end=view.span.end)
    ev.actor, ev.actor_text = actor.entity, actor.text
    if dest is not None:
        ev.target = _country_of(view.doc, kb, dest.entity)
        ev.target_text = dest.text
    elif target is not None and not _same(target, actor):
        ev.target, ev.target_text = target.entity, target.text
    if location is not None and location.entity:
        ev.location = location.entity
    ev.negated = _negated(view, i)
    ev.hypothetical = _hedged(view, i, hit)
    _date(view, i, hit, ev)
    return ev


def _same(a: Party | None, b: Party | None) -> bool:
    return a is not None and b is not None and (a is b or (a.entity is not None and a.entity == b.entity))


def _left_subject(view: SentenceView, i: int, left: list[Party]) -> Party | None:
    """SVO / relative clause: the party right before the verb (or before التي)."""
    j = i - 1
    while j >= 0 and view.norms[j] in ("قد", "وقد", "فقد", "لقد", "لم", "لن", "لا"):
        j -= 1
    if j >= 0 and view.norms[j] in RELATIVES:
        before = [p for p in view.parties if p.tok_end <= j and p.absorbed_by is None]
        return before[-1] if before else None
    cands = [p for p in left if p.marker in (None, "coord")]
    return _first_named(list(reversed(cands))) if cands else None


def _light_verb_subject(view: SentenceView, i: int) -> Party | None:
    cue = view.cues
    for j in reversed(view.left_window(i, limit=10)):
        if _rests(view.norms[j]) & cue.light_verbs:
            between = [p for p in view.parties_in(range(j + 1, i)) if p.marker is None]
            if between:
                return _first_named(between)
            return _left_subject(view, j, view.parties_in(view.left_window(j)))
    return None


def _location(view: SentenceView, i: int, exclude: set) -> Party | None:
    places = [p for p in view.parties if p.marker == "place" and p.type in _PLACES
              and p.absorbed_by is None and id(p) not in exclude and p.entity]
    after = [p for p in places if i < p.tok <= i + 20]
    if after:
        return after[0]
    before = [p for p in places if i - 12 <= p.tok < i]
    return before[-1] if before else None


def _country_of(doc: Doc, kb, entity_id: str | None) -> str | None:
    """The country a place stands for: a visit to Beijing is a visit to China."""
    place = doc.entity(entity_id)
    if place is None or not place.country:
        return entity_id
    country_name = _COUNTRY_NAMES.get(place.country)
    if place.name == country_name:
        return place.id
    for e in doc.entities:
        if e.type == "GPE" and e.country == place.country and e.name == country_name:
            return e.id
    found = kb.country(place.country) if kb is not None and hasattr(kb, "country") else None
    if isinstance(found, Entity):
        doc.add_entity(found)
        return found.id
    return place.id


def _negated(view: SentenceView, i: int) -> bool:
    n, cue = view.norms, view.cues
    for j in range(max(0, i - 2), i):
        if _rests(n[j]) & cue.negators:
            return True
    if _rests(n[i]) & {"عدم"}:
        return True
    for j in range(i - 1, -1, -1):  # نفى ... أن <trigger>
        if n[j] in cue.complementisers:
            if any(_rests(t) & cue.denials for t in n[max(0, j - 8) : j]):
                return True
    return False


def _hedged(view: SentenceView, i: int, hit: Hit) -> bool:
    n, cue = view.norms, view.cues
    hedges = cue.hedges - {"قد"}
    if i > 0 and _rests(n[i - 1]) & {"قد"} and hit.tense in ("present", "future"):
        return True
    return any(_rests(t) & hedges for t in n[max(0, i - 6) : i])


def _date(view: SentenceView, i: int, hit: Hit, ev: Event) -> None:
    tense = "past" if hit.tense == "noun" else hit.tense
    exprs = date_expressions(view.doc.body, view.span.start, view.span.end, view.doc.published, tense)
    if not exprs:
        return
    pos = view.tokens[i].start
    best = min(exprs, key=lambda d: min(abs(d.start - pos), abs(d.end - pos)))
    ev.date, ev.date_text = best.iso, best.text


def _merge(events: list[Event]) -> list[Event]:
    """One meeting told over several sentences: fold the partial telling in."""
    out = list(events)
    for e in events:
        if e.target is not None or e.actor is None or e.type not in _MERGEABLE:
            continue
        for f in out:
            if f is e or f.type != e.type or f.target is None or e.actor not in (f.actor, f.target):
                continue
            if e.date and f.date and e.date != f.date:
                continue
            f.location = f.location or e.location
            if not f.date:
                f.date, f.date_text = e.date, e.date_text
            out.remove(e)
            break
    return out
