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
Descriptions (الحكومة العراقية, الرئيس الروسي) stay linked, for the events,
but are marked ``nominal``: they name nothing (:func:`_descriptions`).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from rasd.doc import Doc, Entity, Mention
from rasd.kb import KBEntity, KnowledgeBase
from rasd.kb.names import spelled_unit_count
from rasd.kb.places import common_word_readings
from rasd.link.corpus import canonical_key, corpus_entity, distinctive
from rasd.recognise.lexicon import ORG_CUES, PERSON_CUES, PLACE_CUES, maqsura_particle, person_full_names
from rasd.recognise.nameness import COMMON, prior
from rasd.link.gazetteer import ARAB, Cand, Spot, after_prefix, body_tokens, index, readings, spot, word_keys, words_of
from rasd.link.titles import resolve_title, resolve_titles
from rasd.text.normalise import normalise, proclitic_splits
from rasd.text.tokens import Token
from rasd.text.translit import fold_key, word_key

__all__ = ["link", "resolve_title", "canonical_key"]

NAME_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")
# Family name first: the first word alone names the person (وانغ, تشانج).
_FAMILY_FIRST = {"CN", "TW", "HK", "MO", "KP", "KR", "VN", "SG"}
_PATRONYMIC = {"بن", "ابن", "بنت", "ال", "ابو", "ابي", "ام"}  # normalised: آل -> ال
_BIG_CITY = 5_000_000  # a GeoNames name of a city this big is taken without corroboration
NAME_WORD = 0.5  # a prior this high makes a listed common word (محمد, سعيد) a name in a person's span


def link(doc: Doc, kb: KnowledgeBase) -> None:
    """Link the mentions of ``doc`` in place and fill ``doc.entities``."""
    ix = index(kb)
    tokens = body_tokens(doc.body)
    # The recogniser's mentions are the input; what an earlier link made (titles, dictionary
    # matches: no score) is made again, so linking a linked doc gives the same doc.
    ner = [m for m in doc.mentions if m.type in NAME_TYPES and m.role is None and (m.score is not None or m.entity is None)]
    doc.mentions = [m for m in doc.mentions if m.type not in NAME_TYPES]
    for m in ner:
        m.entity = None
    doc.entities = []
    spots, titles = spot(doc.body, ix, tokens)
    titles = [t for t in titles if not _named_after(doc.body, t.start) and not _someone_of(doc.body, t.start)]
    support = _support(spots, ner)
    for s in spots:
        if _someone_else(kb, tokens, s, ner):
            s.cands = [c for c in s.cands if (e := kb.get(c.key)) is None or e.type != "PER"]
    anchors: set[str] = set()
    for s, sup in zip(spots, support):
        readable = {(c.key, c.kind) for c in s.cands if _plausible(kb, c, s, doc.body, sup, anchors)}
        full = {k for k, kind in readable if kind == "full"}
        if len(full) == 1 and len({k for k, _ in readable}) == 1 and (s.level == 0 or s.last - s.first > 1):
            anchors |= full  # one reading only: طرابلس, also Lebanon's by short form, anchors neither
    names: list[Mention] = []
    for s, sup in zip(spots, support):
        best = _best(kb, [c for c in s.cands if _plausible(kb, c, s, doc.body, sup, anchors)], anchors)
        if best is not None:
            e = kb.get(best.key)
            start, end = _recogniser_span(doc.body, s.start, s.end, e, ner)
            end = _lineage_end(doc.body, end, e, ner)
            names.append(_kb_mention(doc, e, doc.body[start:end], start, end))

    covered = _covered(len(doc.body), names)
    setting = _setting(kb, names)
    # words of the people the recogniser names in full: alone, they are that person (القرضاوي)
    named = {w for m in ner if m.type == "PER" and len(ws := words_of(m.text)) > 1 and not _ordinary_words(m.text)
             for w in ws}
    for m in ner:
        if any(covered[m.start : m.end]) or _prayer_time(doc.body, m.start):
            continue  # the dictionary wins where both found something
        if m.type == "PER" and _named_after(doc.body, m.start):
            continue  # مطار الملك خالد: the airport's name, not the king
        linked = _link_ner(doc, kb, ix, m, anchors, setting, named)
        if linked is not None:
            names.append(linked)
    names.sort(key=lambda m: m.start)
    names += _short_forms(doc, kb, tokens, names)
    names.sort(key=lambda m: m.start)
    doc.mentions.extend(names)
    found = resolve_titles(doc, kb, tokens, titles, names, lambda e: _add_kb(doc, e, ""))
    if found:
        # a recogniser span that is only a title (الرئيس الروسي as PER) is not a new person
        inside = _covered(len(doc.body), found)
        doc.mentions = [
            m for m in doc.mentions
            if m.role or not (m.entity or "").startswith("ent:") or not all(inside[m.start : m.end])
        ]
    _descriptions(doc, kb, ix, ner)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    used = {m.entity for m in doc.mentions}
    doc.entities = [e for e in doc.entities if e.id in used]  # a re-pointed surname leaves its own behind


def _descriptions(doc: Doc, kb: KnowledgeBase, ix, ner: list[Mention]) -> None:
    """Tell descriptions from names by a trailing nationality adjective.

    What the adjective follows decides. A spelling of the same KB entity (حزب الله
    اللبناني, الكونغرس الأميركي) is a name the adjective only qualifies: the
    mention loses the adjective, unless the recogniser took it into the name
    (منظمة التحرير الفلسطينية); of another entity, the adjective tells them apart
    (مجلس الأمن الروسي) and stays. Anything else the KB linked (الحكومة العراقية,
    الجيش الأميركي, وزارة الطاقة الأميركية, وزير الخارجية الروسي) describes the
    country's institution or office holder: it stays linked, for the events,
    marked ``nominal``. A span linked to no KB entity is a description when its
    words are all titles, cue words or common nouns (الرئيس الفرنسي, which would
    be no one as a corpus entity: it goes), otherwise a name as the recogniser
    found it. A country's name that is also an adjective (المملكة العربية
    السعودية) is kept whole.
    """
    keep: list[Mention] = []
    for m in doc.mentions:
        words = [] if m.type not in NAME_TYPES or m.nominal else _word_spans(doc.body, m.start, m.end)
        k = len(words)
        while k > 1 and _nationality_only(kb, ix, words[k - 1][2]):
            k -= 1
        if k < len(words):
            core = doc.body[m.start : words[k - 1][1]]
            if (m.entity or "").startswith("kb:"):
                readings = {c.key for c in _kb_lookup(ix, core)[1] if c.kind in ("full", "short")}
                if not readings:
                    m.nominal = True
                elif m.entity[3:] in readings and not any(r.end == m.end and r.start < words[k][0] for r in ner):
                    m.end, m.text = m.start + len(core), core
            elif all(_descriptive(w) for w in words_of(core)):
                continue
        keep.append(m)
    doc.mentions = keep


def _word_spans(body: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the whitespace-separated words of ``body[start:end]``."""
    out, pos = [], start
    for w in body[start:end].split():
        pos = body.index(w, pos)
        out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


def _nationality_only(kb: KnowledgeBase, ix, word: str) -> bool:
    """A nationality adjective that is not also the name of a place (السعودية is)."""
    if kb.nationality(word) is None:
        return False
    level, cands = _kb_lookup(ix, word)
    return not (level == 0 and any(c.kind == "full" and not c.generated for c in cands))


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    return common_word_readings() | _CUES | _TITLES | PERSON_CUES


def _descriptive(word: str) -> bool:
    """A title, a cue word (وزارة, الجيش) or a common word (``common_words.txt``, the
    learned prior), its proclitic and article read off; not a word the prior holds for a name
    (``common_words.txt`` also lists given names that are towns: محمد, سعيد محمد الكندي is a
    person, not a description of a Canadian)."""
    nouns = _common_nouns()
    return _common(word) or any((rest in nouns or rest.startswith("ال") and rest[2:] in nouns)
                                and (rest in _TITLES or rest in _CUES or not _name_word(rest))
                                for _, rest in proclitic_splits(word))


def _name_word(word: str) -> bool:
    """Whether the learned prior holds a word for a name rather than a common word."""
    p = prior(word)
    return p is not None and p >= NAME_WORD


_NER_CODE = {"PER": 1, "ORG": 2, "LOC": 3, "GPE": 3, "MISC": 4}
_FITS = {"PER": {1, 9}, "ORG": {2}, "GPE": {3}, "LOC": {3}}  # KB type -> recogniser codes that support it


def _support(spots: list[Spot], ner: list[Mention]) -> list[set[int]]:
    """Per spot, the recogniser's type codes there: 1..4 for its mentions within the spot
    (a proclitic's width of slack); 9 when the spot is only part of a longer person
    mention, 8 of a longer organisation or other name (القاهرة in جامعة القاهرة)."""
    ner = sorted(ner, key=lambda m: m.start)
    starts = [m.start for m in ner]
    out = []
    for s in spots:
        codes: set[int] = set()
        lo = bisect_left(starts, s.start - 60)  # mentions that began up to a few words before
        i = lo
        while i < len(ner) and ner[i].start < s.end:
            m = ner[i]
            if m.end > s.start:
                if m.start >= s.start - 3 and m.end <= s.end + 1:
                    codes.add(_NER_CODE.get(m.type, 4))
                else:
                    codes.add(9 if m.type == "PER" else 8 if m.type in ("ORG", "MISC") else 0)
            i += 1
        codes.discard(0)
        out.append(codes)
    return out


def _words_before(body: str, start: int) -> list[str]:
    """The normalised words just before ``start`` (40 characters back), nearest last."""
    return [normalise(w) for w in body[max(0, start - 40) : start].split()]


def _last_word_in(words: list[str], vocabulary: frozenset[str]) -> bool:
    """Whether the last of ``words``, proclitics read off, is in ``vocabulary``."""
    return bool(words) and any(rest in vocabulary for _, rest in proclitic_splits(words[-1]))


# Places and bodies named after a person: "جامعة الملك سعود"، "مطار الملك خالد الدولي".
_NAMED_AFTER = frozenset(normalise(w) for w in (
    "مطار", "جامعة", "مستشفى", "مدينة", "مركز", "مؤسسة", "جائزة", "شارع", "طريق", "جسر", "مسجد", "جامع",
    "كلية", "مدرسة", "ملعب", "استاد", "قاعدة", "ميناء", "حديقة", "برج", "قاعة", "مكتبة", "مجمع", "معهد",
    "صندوق", "منتزه", "ميدان", "ساحة", "واحة"))
_BY_WAY_OF = ["عن", "طريق"]
_HONORIFICS = frozenset(normalise(w) for w in ("الملك", "الأمير", "الشيخ", "الإمام", "السلطان", "الرئيس", "الشهيد"))


def _named_after(body: str, start: int) -> bool:
    """Whether a person's name at ``start`` (or the honorific before it) names the place or
    body before it: "مطار [الملك] خالد"، "جامعة الملك سعود"."""
    before = _words_before(body, start)
    while before and before[-1] in _HONORIFICS:
        before.pop()
    if before[-2:] == _BY_WAY_OF:
        return False  # عن طريق X: by way of X, no road
    # only a noun without the article heads a genitive: "تنظيم القاعدة أسامة بن لادن" is no base,
    # nor "وصل للمطار الأمير خالد" (ل + the article, its alef dropped: لل)
    return bool(before) and any(rest in _NAMED_AFTER for p, rest in proclitic_splits(before[-1])
                                if not p.endswith(("ال", "لل")))


# Words that make a title someone else's: "نائب خادم الحرمين الشريفين" is the crown
# prince, "مستشار الرئيس الروسي" an adviser, "نجل الرئيس" a son.
_OF_SOMEONE = frozenset(normalise(w) for w in (
    "نائب", "نائبة", "مساعد", "مساعدة", "مستشار", "مستشارة", "سكرتير", "ممثل", "مبعوث", "نجل", "ابن", "ابنة",
    "شقيق", "شقيقة", "زوجة", "حرم", "والد", "والدة", "حفيد", "أرملة"))


def _someone_of(body: str, start: int) -> bool:
    return _last_word_in(_words_before(body, start), _OF_SOMEONE)


_PRAYERS = frozenset(normalise(w) for w in ("صلاة", "صلاتي", "أذان", "آذان", "اذان", "قبيل"))


def _prayer_time(body: str, start: int) -> bool:
    """Whether a name is the sunset prayer: "صلاة المغرب" is no Morocco (nor أذان المغرب)."""
    word = body[start : start + 20].split()
    return bool(word) and normalise(word[0]) == "المغرب" and _last_word_in(_words_before(body, start), _PRAYERS)


def _plausible(kb: KnowledgeBase, c: Cand, s: Spot, body: str, support: set[int], anchors: set[str]) -> bool:
    """Whether the article supports reading spot ``s`` as candidate ``c``.

    Many KB spellings are also ordinary words once folded (الفريق ~ الفريج,
    الأكثر ~ الأقصر, جازان ~ قازان) or as they stand (المعلم, رئيسي, سالم,
    ميدان): a single word matched loosely, a short form or a GeoNames name
    needs the entity named in full elsewhere in the article, or the
    recogniser tagging that very word with a fitting type.
    """
    if _prayer_time(body, s.start):
        return False
    e = kb.get(c.key)
    if e is None or e.type == "PER" and _named_after(body, s.start):
        return False
    fits = bool(support & _FITS.get(e.type, set()))
    if support & {2, 8} and e.type in ("GPE", "LOC") and not fits:
        # a place the recogniser reads as (part of) an organisation's name is the organisation,
        # even where the article names the place too: برشلونة the club, المغرب التطواني
        return False
    if c.key in anchors:
        return True
    if c.generated and support and not fits:
        return False  # صلاح الدين the recogniser calls a person is not the Iraqi province
    if s.last - s.first > 1:
        return s.level < 2 or fits  # vowel-free keys meet word pairs too (كين حاليا ~ جون هيلي)
    if support & {1, 9} and e.type != "PER":
        return False  # a person's name or a word of one (سالم, هيفاء, ريتشارد فاغنر)
    if s.level == 2 or (s.level == 1 and not (fits and e.type == "PER")):
        return False
    if c.generated and not fits and (e.extra.get("population") or 0) < _BIG_CITY:
        return False
    if c.kind == "short":
        word = s.head or normalise(body[s.start : s.end])
        if len(word) < 5 or word.startswith("ال") or not fits:
            return False  # شي, وانغ, الأنصاري, رئيسي: only after the full name
    return True


def _best(kb: KnowledgeBase, cands: list[Cand], anchors: set[str]) -> Cand | None:
    """The candidate the article supports best; None on a tie it cannot break.

    Named in full elsewhere in the article first; then a place or body in a
    country the article names, or names other places of (عمان with الأردن
    nearby is Amman; طرابلس with بيروت or عكار is Lebanon's, not Libya's);
    then full over short forms, curated over generated, a country over a city.
    """
    scored: dict[str, tuple] = {}
    around = _anchor_countries(kb, anchors) if len(cands) > 1 else set()
    for c in cands:
        e = kb.get(c.key)
        if e is None:
            continue
        is_country = bool(e.extra.get("code"))
        at_home = bool(e.country and not is_country and e.country in around)
        score = (c.key in anchors, at_home, c.kind == "full", not c.generated, is_country)
        if c.key not in scored or score > scored[c.key][0]:
            scored[c.key] = (score, c)
    ranked = sorted(scored.values(), key=lambda t: t[0], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def _anchor_countries(kb: KnowledgeBase, anchors: set[str]) -> set[str]:
    """Countries the article's unambiguous names place it in: named countries, and the
    countries of its named places."""
    return {code for key in anchors if (code := _place_country(kb.get(key)))}


def _place_country(e: KBEntity | None) -> str | None:
    """The country a place entity stands in (a country's own code), None for anything else."""
    if e is not None and e.type in ("GPE", "LOC"):
        return e.extra.get("code") or e.country
    return None


_CUES = ORG_CUES | PLACE_CUES


def _recogniser_span(body: str, start: int, end: int, e: KBEntity, ner: list[Mention]) -> tuple[int, int]:
    """Span of a dictionary match of a place or body, narrowed to the recogniser's where the
    recogniser tagged all of it but one word at either end, alone, with a fitting type, and that
    part is itself a spelling of the same entity: the word left out is a descriptor or an
    epithet, not the name (حركة حماس, وكالة فرانس برس, قطاع غزة, مكة المكرمة). A part naming
    something else stays inside (بحر اليابان, جنوب لبنان), and so do an official name around a
    short one (جمهورية الصين الشعبية), the parts of a name the recogniser read as several
    (الجمعية العامة للأمم المتحدة) and a person's further names."""
    if e.type == "PER":
        return start, end
    there = [m for m in ner if m.start < end and start < m.end]
    if len(there) != 1:
        return start, end
    m = there[0]
    rest = body[start : m.start].split() + body[m.end : end].split()
    if (start <= m.start and m.end <= end and len(rest) == 1
            and _NER_CODE.get(m.type, 4) in _FITS.get(e.type, ())
            and normalise(m.text) in {normalise(a) for a in (*e.ar, *e.short_ar)}):
        return m.start, m.end
    return start, end


def _kb_mention(doc: Doc, e: KBEntity, surface: str, start: int, end: int, score: float | None = None) -> Mention:
    if e.type == "PER":
        start = _after_titles(doc.body, start, end)
        surface = doc.body[start:end]
    ent = _add_kb(doc, e, surface)
    return Mention(surface, start, end, e.type, entity=ent, score=score)


# Titles with the article (الملك, الشيخ, اللواء): before a name they are a title, where
# أمين or مدير without it may be the name itself.
_TITLES = frozenset(w for w in PERSON_CUES if w.startswith("ال")) | _HONORIFICS


def _after_titles(body: str, start: int, end: int) -> int:
    """Start of a person's name without the titles before it: الملك محمد السادس and
    السيد حسن نصر الله name محمد السادس and حسن نصر الله (the title is a role, not the name)."""
    pos = start
    while True:
        word = body[pos:end].split(maxsplit=1)
        if len(word) < 2:
            return pos
        w = normalise(word[0])
        if not any(rest in _TITLES for p, rest in proclitic_splits(w) if p in ("", "و")):
            return pos
        pos = body.index(word[1], pos + len(word[0]))


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


def _kb_lookup(ix, text: str) -> tuple[int, list[Cand]]:
    """(level, KB readings) of a whole recogniser span, its first word possibly with a proclitic."""
    words = words_of(text)
    if not words:
        return 0, []
    keyfns = (lambda w: w, fold_key, word_key)
    for lv in range(3):
        for p, rest in proclitic_splits(words[0]):
            k = tuple(keyfns[lv](w) for w in [rest, *words[1:]])
            cands = [c for c in ix.tables[lv].get(k, ()) if c.kind != "role"]
            if cands:
                return lv, cands
    return 0, []


def _link_ner(doc: Doc, kb: KnowledgeBase, ix, m: Mention, anchors: set[str], setting: str | None,
              named: set[str]) -> Mention | None:
    """A recogniser span the dictionary did not spot: KB entity by key, else a corpus entity;
    None for a person's span of common words only (أمس, يوم الاثنين, كبير), which names no one,
    unless the article names someone in full with those words (``named``: القرضاوي after
    يوسف القرضاوي; the prior mistakes some family names for common words).
    (Only people: ANERcorp's groups and papers, الشيعة, الراية, are common words too.)"""
    level, cands = _kb_lookup(ix, m.text)
    if cands:
        words = words_of(m.text)
        s = Spot(m.start, m.end, 0, len(words), level, cands, words[0] if words else "")
        support = {_NER_CODE.get(m.type, 4)}  # the recogniser's own span
        pick = _best(kb, [c for c in cands if _plausible(kb, c, s, doc.body, support, anchors)], anchors)
        if pick is not None:
            return _kb_mention(doc, kb.get(pick.key), m.text, m.start, m.end, m.score)
    if m.type == "PER" and _ordinary_words(m.text) and not set(words_of(m.text)) <= named:
        return None
    if m.type == "PER":
        start = _after_titles(doc.body, m.start, m.end)
        m = Mention(doc.body[start : m.end], start, m.end, m.type, score=m.score)
    if m.type == "LOC" and _town_word_before(doc.body, m.start):
        m = Mention(m.text, m.start, m.end, "GPE", score=m.score)  # مدينة/بلدة/قرية X: a populated place
    if m.type == "MISC":
        # Currencies, religions, competitions, wars: ANERcorp's MISC. Kept as mentions, but
        # as corpus entities they would crowd out the people and places analysts follow.
        return Mention(m.text, m.start, m.end, m.type, entity=None, score=m.score)
    if m.type == "PER" and not distinctive(m.text):
        # A lone given name (محمد، خالد), or a name as common as محمد علي, names someone only
        # within this article unless the article's setting agrees: merging it across articles
        # would make one person of everyone so called.
        scope = f"country:{setting}" if setting and len(words_of(m.text)) > 1 else doc.id
        ent = doc.add_entity(corpus_entity(m.text, m.type, scope=scope, country=setting))
    else:
        ent = doc.add_entity(corpus_entity(m.text, m.type, country=setting))
    return Mention(m.text, m.start, m.end, m.type, entity=ent.id, score=m.score)


def _setting(kb: KnowledgeBase, names: list[Mention]) -> str | None:
    """The country an article is set in: the one its KB places and countries name most,
    three times at least and more than all others together; None when they disagree."""
    votes: dict[str, int] = {}
    for m in names:
        code = _place_country(kb.get(m.entity)) if m.entity and m.entity.startswith("kb:") else None
        if code:
            votes[code] = votes.get(code, 0) + 1
    if votes:
        code, n = max(votes.items(), key=lambda t: (t[1], t[0]))
        if n >= 3 and sum(votes.values()) < 2 * n:
            return code
    return None


def _ordinary_words(text: str) -> bool:
    """Whether every word of a span is, by the learned name prior, a common word, and the span
    is no known person's full name (``person_full_names``, a proclitic read off the first word):
    معمر القذافي is a name as a whole though the prior holds each of its words common."""
    words = words_of(text)
    if not words or not all(_common(w) for w in words):
        return False
    known = person_full_names().get(str(len(words)), frozenset())  # names of 2 to 4 words
    return not any(" ".join((first, *words[1:])) in known for _, first in proclitic_splits(words[0]))


def _common(word: str) -> bool:
    """A word common by the prior as written, or (unknown as written) once a proclitic is read off."""
    for _, rest in proclitic_splits(word):
        p = prior(rest)
        if p is not None:
            return p < COMMON
    return False


_TOWN_WORDS = frozenset(normalise(w) for w in (
    "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "إمارة", "عاصمة", "مدن", "بلدات", "قرى", "مخيم"))


def _town_word_before(body: str, start: int) -> bool:
    return _last_word_in(_words_before(body, start), _TOWN_WORDS)


_KIN = frozenset(normalise(w) for w in ("بن", "ابن", "بنت", "ولد"))


def _someone_else(kb: KnowledgeBase, tokens: list[Token], s: Spot, ner: list[Mention]) -> bool:
    """Whether a KB person's name at spot ``s`` is part of someone else's name.

    فهد بن سلطان بن عبدالعزيز is Sultan's son, not Sultan; هانتر بايدن and عدي صدام حسين
    are relatives named after the famous one. So: a patronymic particle just before the
    name, or a recogniser person mention that starts before the spot with a word that is
    someone's given name (:func:`_given_name`) and not the KB person's own.
    """
    if s.first == 0:
        return False
    before = normalise(tokens[s.first - 1].text)
    if before in _KIN:
        return True
    for m in ner:
        if m.type == "PER" and m.start < s.start <= m.end and m.end >= s.end - 1:
            lead = words_of(m.text[: s.start - m.start])
            own = {words_of(a)[0] for c in s.cands if (e := kb.get(c.key)) is not None for a in e.ar if words_of(a)}
            return any(_given_name(w) and w not in own and kb.nationality(w) is None for w in lead)
    return False


def _lineage_end(body: str, end: int, e: KBEntity, ner: list[Mention]) -> int:
    """End of a KB person's mention: where the recogniser's person name goes on with the
    person's lineage (حمدان بن محمد [بن راشد آل مكتوم]: still Hamdan, named longer), its end."""
    if e.type != "PER":
        return end
    for m in ner:
        if m.type == "PER" and m.start < end < m.end:
            rest = words_of(body[end : m.end])
            return m.end if rest and rest[0] in _KIN | {"ال"} else end
    return end


def _given_name(word: str) -> bool:
    """Whether a word before a name is someone's given name (هانتر, عدي, وليام), not a title
    (الأدميرال, الرئيس): no article, not a title cue, carried by Wikidata people (however the
    outlet writes its vowels: وليام is ويليام)."""
    return not word.startswith("ال") and word not in PERSON_CUES and word not in _HONORIFICS and spelled_unit_count(word) >= 2


def _name_parts(doc: Doc, kb: KnowledgeBase, names: list[Mention]) -> dict[tuple[int, str], str]:
    """key -> entity id for the words a person named in full can be called by alone.

    Keys are ``fold_key`` (vowels kept) and, for longer names, ``word_key``
    (vowels dropped: بيلوسوف after بيلاوسوف); a key two people share is dropped.
    """
    parts: dict[tuple[int, str], str] = {}
    clash: set[tuple[int, str]] = set()
    for m in names:
        if m.type != "PER" or not m.entity:
            continue
        words = words_of(m.text)
        if len(words) < 2 or any(w in _PATRONYMIC or w.startswith("عبد") for w in words):
            continue  # محمد بن سلمان is not "سلمان", nor تميم بن حمد آل ثاني "ثاني"
        ent = doc.entity(m.entity)
        if ent is not None and ent.country in ARAB:
            continue  # Arab names go by the family name with its article, listed in the KB
        kbe = kb.get(m.entity) if m.entity.startswith("kb:") else None
        family_first = (ent is not None and ent.country in _FAMILY_FIRST) or (
            kbe is None and len(words) == 2 and all(len(w) <= 5 for w in words)
        )
        for w in [words[-1]] + ([words[0]] if family_first else []):
            if w.startswith("ال") or len(w) < 3 and not (kbe and any(normalise(x) == w for x in kbe.short_ar)):
                continue
            for k in _part_keys(word_keys(w)):
                if parts.setdefault(k, m.entity) != m.entity:
                    clash.add(k)
    return {k: v for k, v in parts.items() if k not in clash}


def _family_names(names: list[Mention]) -> dict[str, str]:
    """Family names with the article (الغامدي, القرشي) of people named in full in the article,
    and patronymic ends (بن علي of محمد بن علي), each owned by one person: a recogniser
    mention of that alone is that person. (Only mentions the recogniser tagged: the words
    untagged may be anyone of the family.)"""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for m in names:
        words = words_of(m.text) if m.type == "PER" and m.entity else ()
        keys = []
        if len(words) >= 2 and words[-1].startswith("ال") and len(words[-1]) > 4:
            keys.append(words[-1])
        if len(words) >= 3 and words[-2] in _KIN:
            keys.append(" ".join(words[-2:]))
        for key in keys:
            if out.setdefault(key, m.entity) != m.entity:
                clash.add(key)
    return {k: v for k, v in out.items() if k not in clash}


def _part_keys(keys: tuple[str, ...]) -> list[tuple[int, str]]:
    """Lookup keys of a word from its index keys: its fold_key, and word_key when long enough."""
    out = [(1, keys[1])]
    if len(keys[2]) >= 4:
        out.append((2, keys[2]))
    return out


def _part_match(keys: tuple[str, ...], parts: dict[tuple[int, str], str]) -> str | None:
    hit = parts.get((1, keys[1]))
    if hit is None and len(keys[2]) >= 4:
        hit = parts.get((2, keys[2]))
    return hit


def _short_forms(doc: Doc, kb: KnowledgeBase, tokens: list[Token], names: list[Mention]) -> list[Mention]:
    """Words that name a person already named in full (بيلاوسوف after أندريه بيلاوسوف).

    Recogniser mentions of one word, or of a patronymic end (بن علي), that the
    dictionary did not link are re-pointed; words nobody tagged are added.
    """
    parts = _name_parts(doc, kb, names)
    families = _family_names(names)
    # normalising folds ى into ي: على (on) is no short form of a name ending in علي unless the
    # article spells the name with ى too
    maqsura = {normalise(w) for m in names if m.type == "PER" for w in m.text.split() if w.endswith("ى")}

    def spelled_apart(word: str) -> bool:
        return word.endswith("ى") and (normalise(word) not in maqsura or maqsura_particle(word))

    for m in names:
        if m.type != "PER" or not (m.entity or "").startswith("ent:"):
            continue
        words = words_of(m.text)
        if len(words) == 1 and not spelled_apart(m.text.strip()):
            target = _part_match(word_keys(m.text.strip()), parts) or families.get(words[0])
        else:
            target = families.get(" ".join(words)) if len(words) == 2 and words[0] in _KIN else None
        if target and target != m.entity:
            m.entity = target
            _add_alias(doc, target, m.text)
    if not parts:
        return []
    covered = _covered(len(doc.body), names)
    out: list[Mention] = []
    for t in tokens:
        if covered[t.start] or covered[t.end - 1] or spelled_apart(t.text):
            continue
        for skip, _, keys in readings(t.text):
            if keys[0].startswith("ال"):
                continue
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
