"""Entity linking: mentions to knowledge-base or corpus entities, across spellings and titles.

``link(doc, kb)`` merges two sources of mentions. Dictionary spotting
(:mod:`rasd.link.gazetteer`) finds every KB spelling, proclitics and
transliteration variants included, and wins where it overlaps the
recogniser; the recogniser's other spans are looked up in the KB by key
and otherwise become corpus entities (:mod:`rasd.link.corpus`). Short forms
(بيلاوسوف, شي, تشانج) join the person named in full in the same article,
and office titles become people (:mod:`rasd.link.titles`). Precision comes
first: an ambiguous short form, or a GeoNames place name that is also an
ordinary word (مدينة), is only taken when the article corroborates it.
"""
from __future__ import annotations

from rasd.doc import Doc, Entity, Mention
from rasd.kb import KBEntity, KnowledgeBase
from rasd.link.corpus import canonical_key, corpus_entity
from rasd.link.gazetteer import Cand, Spot, after_prefix, index, readings, spot, word_keys, words_of
from rasd.link.titles import resolve_title, resolve_titles
from rasd.text.normalise import normalise, proclitic_splits
from rasd.text.tokens import Token, tokenize
from rasd.text.translit import fold_key, word_key

__all__ = ["link", "resolve_title", "canonical_key"]

NAME_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")
# Family name first: the first word alone names the person (وانغ, تشانج).
_FAMILY_FIRST = {"CN", "TW", "HK", "MO", "KP", "KR", "VN", "SG"}
_BIG_CITY = 5_000_000  # a GeoNames name of a city this big is taken without corroboration


def link(doc: Doc, kb: KnowledgeBase) -> None:
    """Link the mentions of ``doc`` in place and fill ``doc.entities``."""
    ix = index(kb)
    tokens = tokenize(doc.body)
    ner = [m for m in doc.mentions if m.type in NAME_TYPES and m.role is None]
    doc.mentions = [m for m in doc.mentions if not (m.type in NAME_TYPES and m.role is None)]
    doc.entities = []
    spots = spot(doc.body, ix, tokens)
    tagged = _covered(len(doc.body), ner)

    def corroborated(s: Spot) -> bool:
        return any(tagged[s.start : s.end])

    anchors = _anchors(kb, spots, corroborated)
    names: list[Mention] = []
    for s in spots:
        ent = _choose(kb, s, doc.body[s.start : s.end], anchors, corroborated(s))
        if ent is not None:
            names.append(_kb_mention(doc, ent, doc.body[s.start : s.end], s.start, s.end))

    covered = _covered(len(doc.body), names)
    for m in ner:
        if any(covered[m.start : m.end]):
            continue  # the dictionary wins where both found something
        names.append(_link_ner(doc, kb, ix, m, anchors))
    names.sort(key=lambda m: m.start)
    names += _short_forms(doc, kb, tokens, names)
    names.sort(key=lambda m: m.start)
    doc.mentions.extend(names)
    resolve_titles(doc, kb, tokens, names, lambda e, surface: _add_kb(doc, e, surface))
    doc.mentions.sort(key=lambda m: (m.start, -m.end))


def _anchors(kb: KnowledgeBase, spots: list[Spot], corroborated) -> set[str]:
    """KB keys named unambiguously in full (or by an unmistakable short form) in the article."""
    out: set[str] = set()
    for s in spots:
        full = [c for c in s.cands if c.kind == "full" and (not c.generated or _generated_ok(kb, c, s, corroborated(s)))]
        keys = {c.key for c in full}
        if len(keys) == 1 and s.level < 2 or (len(keys) == 1 and s.last - s.first > 1):
            out |= keys
    return out


def _generated_ok(kb: KnowledgeBase, c: Cand, s: Spot, corroborated: bool) -> bool:
    """GeoNames names that are also common words (مدينة, جيشي) need the recogniser's support."""
    if s.last - s.first > 1 or corroborated:
        return True
    e = kb.get(c.key)
    return bool(e and (e.extra.get("population") or 0) >= _BIG_CITY)


def _choose(kb: KnowledgeBase, s: Spot, surface: str, anchors: set[str], corroborated: bool) -> KBEntity | None:
    """The entity a spotted name stands for, or None when the article does not support one."""
    cands = [c for c in s.cands if not c.generated or _generated_ok(kb, c, s, corroborated)]
    if not cands:
        return None
    if s.last - s.first == 1 and s.level == 2:
        # a vowel-free key on one word: only for someone the article names in full
        cands = [c for c in cands if c.key in anchors]
    best = _best(kb, cands, anchors)
    if best is None:
        return None
    if best.kind == "short" and best.key not in anchors:
        # A short form alone: only a distinctive one (بوتين, لافروف), never شي or وانغ.
        letters = len(normalise(surface).replace(" ", ""))
        if letters < 3 or (letters < 5 and not corroborated):
            return None
    return kb.get(best.key)


def _best(kb: KnowledgeBase, cands: list[Cand], anchors: set[str]) -> Cand | None:
    """The candidate the article supports best; None on a tie it cannot break.

    Named in full elsewhere in the article first; then a place or body whose
    country the article names (عمان with الأردن nearby is Amman); then full
    over short forms, curated over GeoNames, a country over a city.
    """
    scored: dict[str, tuple] = {}
    for c in cands:
        e = kb.get(c.key)
        if e is None:
            continue
        is_country = bool(e.extra.get("code"))
        home = kb.country(e.country) if e.country and not is_country else None
        score = (c.key in anchors, bool(home and home.key in anchors), c.kind == "full", not c.generated, is_country)
        if c.key not in scored or score > scored[c.key][0]:
            scored[c.key] = (score, c)
    ranked = sorted(scored.values(), key=lambda t: t[0], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def _kb_mention(doc: Doc, e: KBEntity, surface: str, start: int, end: int) -> Mention:
    ent = _add_kb(doc, e, surface)
    return Mention(surface, start, end, e.type, entity=ent)


def _add_kb(doc: Doc, e: KBEntity, surface: str) -> str:
    country = e.country or e.extra.get("code")
    aliases = list(e.aliases)
    if surface and surface not in aliases:
        aliases.append(surface)
    doc.add_entity(
        Entity(id=e.id, name=e.name, name_ar=e.ar[0] if e.ar else surface, type=e.type,
               wikidata=e.wikidata, aliases=aliases, country=country)
    )
    return e.id


def _kb_lookup(kb: KnowledgeBase, ix, text: str) -> list[Cand]:
    """KB readings of a whole recogniser span (its first word possibly with a proclitic)."""
    words = words_of(text)
    if not words:
        return []
    keyfns = (lambda w: w, fold_key, word_key)
    for lv in range(3):
        if lv == 2 and len(words) == 1:
            break
        for p, rest in proclitic_splits(words[0]):
            k = tuple(keyfns[lv](w) for w in [rest, *words[1:]])
            cands = [c for c in ix.tables[lv].get(k, ()) if c.kind != "role"]
            if cands:
                return cands
    return []


def _link_ner(doc: Doc, kb: KnowledgeBase, ix, m: Mention, anchors: set[str]) -> Mention:
    pick = _best(kb, _kb_lookup(kb, ix, m.text), anchors)
    if pick is not None and (pick.kind == "full" or pick.key in anchors or len(normalise(m.text)) >= 4):
        e = kb.get(pick.key)
        if e is not None:
            return _kb_mention(doc, e, m.text, m.start, m.end)
    ent = doc.add_entity(corpus_entity(m.text, m.type))
    return Mention(m.text, m.start, m.end, m.type, entity=ent.id, score=m.score)


def _name_parts(doc: Doc, kb: KnowledgeBase, names: list[Mention]) -> dict[str, str]:
    """key -> entity id for the words a person named in full can be called by alone.

    Keys are ``fold_key`` (vowels kept) and, for longer names, ``word_key``
    (vowels dropped: بيلوسوف after بيلاوسوف); a key two people share is dropped.
    """
    parts: dict[str, str] = {}
    clash: set[str] = set()
    for m in names:
        if m.type != "PER" or not m.entity:
            continue
        words = words_of(m.text)
        if len(words) < 2:
            continue
        ent = doc.entity(m.entity)
        kbe = kb.get(m.entity) if m.entity.startswith("kb:") else None
        family_first = (ent is not None and ent.country in _FAMILY_FIRST) or (
            kbe is None and len(words) == 2 and all(len(w) <= 5 for w in words)
        )
        for w in [words[-1]] + ([words[0]] if family_first else []):
            if len(w) < 3 and not (kbe and any(normalise(x) == w for x in kbe.short_ar)):
                continue
            for k in _part_keys(word_keys(w)):
                if parts.setdefault(k, m.entity) != m.entity:
                    clash.add(k)
    return {k: v for k, v in parts.items() if k not in clash}


def _part_keys(keys: tuple[str, ...]) -> list[str]:
    """Lookup keys of a word from its index keys (normalised, fold_key, word_key)."""
    out = ["f:" + keys[1]]
    if len(keys[2]) >= 4:
        out.append("w:" + keys[2])
    return out


def _part_match(keys: tuple[str, ...], parts: dict[str, str]) -> str | None:
    for k in _part_keys(keys):
        if k in parts:
            return parts[k]
    return None


def _short_forms(doc: Doc, kb: KnowledgeBase, tokens: list[Token], names: list[Mention]) -> list[Mention]:
    """Words that name a person already named in full (بيلاوسوف after أندريه بيلاوسوف).

    Recogniser mentions of one word that the dictionary did not link are
    re-pointed; words nobody tagged are added.
    """
    parts = _name_parts(doc, kb, names)
    if not parts:
        return []
    for m in names:
        if m.type == "PER" and m.entity and m.entity.startswith("ent:") and len(words_of(m.text)) == 1:
            target = _part_match(word_keys(m.text.strip()), parts)
            if target and target != m.entity:
                m.entity = target
                _add_alias(doc, target, m.text)
    covered = _covered(len(doc.body), names)
    out: list[Mention] = []
    for t in tokens:
        if covered[t.start] or covered[t.end - 1]:
            continue
        for skip, _, keys in readings(t.text):
            target = _part_match(keys, parts)
            if target:
                start = after_prefix(t, skip)
                ent = _add_alias(doc, target, doc.body[start : t.end])
                out.append(Mention(doc.body[start : t.end], start, t.end, ent.type if ent else "PER", entity=target))
                break
    return out


def _covered(size: int, mentions: list[Mention]) -> bytearray:
    """1 for every body character inside a mention."""
    out = bytearray(size)
    for m in mentions:
        out[m.start : m.end] = b"\x01" * (m.end - m.start)
    return out


def _add_alias(doc: Doc, entity_id: str, surface: str) -> Entity | None:
    ent = doc.entity(entity_id)
    if ent is not None and surface not in ent.aliases:
        ent.aliases.append(surface)
    return ent
