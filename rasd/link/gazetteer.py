"""Dictionary spotting: every KB name and role title in a body, token-aligned, longest first.

The index is built once per knowledge base (``index(kb)`` is cached) over
three keys per word, from strict to loose:

0. the normalised word (hamza, ى/ي, ة/ه, diacritics folded);
1. ``fold_key``: consonant classes that outlets swap for one foreign sound
   folded (غ/ج/ق/ك, تش/ش), vowel letters kept — safe on single words;
2. ``word_key``: vowel letters dropped as well (بيلاوسوف / بيلوسوف) — only
   for foreign people's names; the linker takes such a match only where the
   recogniser also saw a person or the article names that person in full.

Arab people's names are indexed under the normalised key alone: they have
one Arabic spelling, and folded they meet ordinary words (الملقي ~ الملكي).

A name may carry attached proclitics on its first word (ولافروف, بالصين,
للصين); the spotted span leaves the conjunction/preposition out but keeps
the article when the KB spelling has it (بالصين -> الصين).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.kb import KBEntity, KnowledgeBase
from rasd.kb.countries import ARAB
from rasd.text.normalise import WORD_CACHE, normalise, normalise_with_map, proclitic_splits
from rasd.text.tokens import Token, tokenize
from rasd.text.translit import fold_key, word_key

LEVELS = 3
# "الوزير" alone: a title of no one office, referring back to a minister named before.
MINISTER = "minister"
GENERIC_TITLES = ("الوزير", "الوزيرة")
_KEYS = (lambda w: w, fold_key, word_key)


@dataclass(frozen=True)
class Cand:
    """One reading of a spotted name: a KB entity (``kind`` full/short) or a role title."""

    key: str  # KB entity key, or role id when kind == "role"
    kind: str  # "full" | "short" | "role"
    generated: bool = False  # from GeoNames, not curated
    of: str | None = None  # country a role phrase names by itself


@dataclass
class Index:
    tables: list[dict[tuple[str, ...], list[Cand]]] = field(default_factory=lambda: [{} for _ in range(LEVELS)])
    hits: dict[str, list] = field(default_factory=dict)  # body word -> _starts (memo)
    prefixes: list[set[tuple[str, ...]]] = field(default_factory=lambda: [set() for _ in range(LEVELS)])  # proper prefixes of keys

    def add(self, words: list[str], cand: Cand, levels: range) -> None:
        for lv in levels:
            k = tuple(_KEYS[lv](w) for w in words)
            bucket = self.tables[lv].setdefault(k, [])
            if cand not in bucket:
                bucket.append(cand)
            for j in range(1, len(k)):
                self.prefixes[lv].add(k[:j])


@dataclass
class Spot:
    start: int
    end: int
    first: int  # token index of the first word
    last: int  # token index after the last word
    level: int
    cands: list[Cand]
    head: str = ""  # normalised first word as matched, proclitic off (للمعلم -> المعلم)


# Marks that may sit inside a word (tashkeel, superscript alef, tatweel, joiners).
_MARKS = re.compile("[\u064B-\u065F\u0670\u0640\u200c-\u200f]+")


def body_tokens(body: str) -> list[Token]:
    """Word tokens of ``body`` with original text and offsets, marks kept inside words.

    Tokenising with the marks taken out keeps عمّان or بوتـين one word however
    the tokenizer treats combining marks; offsets map back to ``body``.
    """
    if not _MARKS.search(body):
        return tokenize(body)
    pieces: list[str] = []
    seg_new: list[int] = []  # start of each unmarked segment in the stripped text
    seg_old: list[int] = []  # ... and in body
    pos = new = 0
    for m in _MARKS.finditer(body):
        seg_new.append(new)
        seg_old.append(pos)
        pieces.append(body[pos : m.start()])
        new += m.start() - pos
        pos = m.end()
    seg_new.append(new)
    seg_old.append(pos)
    pieces.append(body[pos:])

    def old(i: int) -> int:
        k = bisect_right(seg_new, i) - 1
        return seg_old[k] + i - seg_new[k]

    out = []
    for t in tokenize("".join(pieces)):
        start, end = old(t.start), old(t.end - 1) + 1
        out.append(Token(body[start:end], start, end))
    return out


@lru_cache(maxsize=WORD_CACHE)
def words_of(text: str) -> tuple[str, ...]:
    """Normalised word tokens of a name or phrase, as the index stores them."""
    return tuple(t.text for t in tokenize(normalise(text)))  # normalised first: KB spellings may carry diacritics




def _levels(words: list[str], etype: str, country: str | None, generated: bool) -> range:
    """Which keys a KB spelling is indexed under (see the module docstring)."""
    letters = sum(len(w) for w in words)
    if generated:
        return range(1) if len(words) > 1 or letters >= 4 else range(0)
    # Arab people's Arabic names have one spelling, and loose keys on them meet ordinary
    # words (الملقي ~ الملكي, العطية ~ العطوي)
    if letters < 4 or (etype == "PER" and country in ARAB):
        return range(1)
    if etype == "PER" and (len(words) > 1 or len(word_key(words[0])) >= 4):
        return range(3)  # foreign names: transliteration varies most
    return range(2)


def _ministry_forms(kb: KnowledgeBase) -> list[tuple[list[str], str]]:
    """Ministry names for every country the KB has a ministry of, from the ones it spells.

    "وزارة الدفاع الروسية" in the KB teaches that "وزارة الدفاع" + a nationality
    adjective names that country's ministry of that kind.
    """
    bases: dict[str, set[tuple[str, ...]]] = {}
    ministries = []
    for e in kb.entities():
        m = e.extra.get("ministry")
        if not (isinstance(m, dict) and m.get("of") and m.get("kind")):
            continue
        ministries.append((e, m["of"], str(m["kind"])))
        for form in e.ar:
            w = words_of(form)
            if len(w) > 1 and kb.nationality(w[-1]) == m["of"]:
                bases.setdefault(str(m["kind"]), set()).add(tuple(w[:-1]))
    out = []
    for e, of, kind in ministries:
        country = kb.country(of)
        adjectives = _feminine_adjectives(country) if country else []
        for base in bases.get(kind, ()):  # وزارة is feminine: الدفاع الروسي belongs to وزير الدفاع الروسي
            for a in adjectives:
                for form in (a, "ال" + a):
                    out.append((list(base) + [form], e.key))
    return out


def _feminine_adjectives(country: KBEntity) -> list[str]:
    """A country's single-word feminine nationality adjectives, normalised, no article
    (روسيه، عراقيه): the form that agrees with وزارة، الحكومة، السلطات."""
    out = []
    for adj in country.extra.get("nationality", ()):
        a = normalise(adj)
        if " " not in a and not a.startswith("ال") and a.endswith("ه"):
            out.append(a)
    return out


# Ministries without a KB entry of their own (foreign, defence and interior have one).
_STATE_MINISTRIES = tuple(normalise(w) for w in (
    "الخزانة", "المالية", "العدل", "الصحة", "التجارة", "الاقتصاد", "الطاقة", "النفط", "الإعلام",
    "الثقافة", "التعليم", "الزراعة", "النقل", "الاتصالات"))


def _state_forms(kb: KnowledgeBase) -> list[tuple[list[str], str]]:
    """A country's government, authorities, other ministries and parliament as the country:
    "الحكومة العراقية"، "السلطات المصرية"، "حكومة العراق"، "وزارة الخزانة الأمريكية"،
    "البرلمان العراقي". Event coders (PLOVER/POLECAT) code them as the state."""
    out = []
    for e in kb.entities():
        code = e.extra.get("code")
        if e.type != "GPE" or not code or kb.country(code) is not e:
            continue
        for a in _feminine_adjectives(e):
            out += [(["الحكومه", "ال" + a], e.key), (["السلطات", "ال" + a], e.key)]
            out += [(["وزاره", m, "ال" + a], e.key) for m in _STATE_MINISTRIES]
            out.append((["البرلمان", "ال" + a[:-1]], e.key))  # masculine: البرلمان العراقي
        out += [(["حكومه", *words_of(name)], e.key) for name in e.ar if words_of(name)]
    return out


@lru_cache(maxsize=4)
def index(kb: KnowledgeBase) -> Index:
    """The spotting index of ``kb`` (built once per KB object)."""
    ix = Index()
    for e in kb.entities():
        generated = bool(e.extra.get("generated"))
        for kind, forms in (("full", e.ar), ("short", e.short_ar)):
            for form in forms:
                w = words_of(form)
                if w:
                    ix.add(w, Cand(e.key, kind, generated), _levels(w, e.type, e.country, generated))
    for w, key in _ministry_forms(kb) + _state_forms(kb):
        ix.add(w, Cand(key, "full"), range(2))
    for w in GENERIC_TITLES:
        ix.add([normalise(w)], Cand(MINISTER, "role"), range(1))
    implied = kb.role_phrase_country()
    for phrase, role in kb.role_phrases().items():
        w = words_of(phrase)
        if w:
            ix.add(w, Cand(role, "role", of=implied.get(phrase)), range(1))
    return ix


@lru_cache(maxsize=WORD_CACHE)
def first_readings(word: str) -> tuple[tuple[int, str], ...]:
    """(normalised prefix length to skip, rest) for each proclitic reading of a word.

    The article is never stripped on its own (السلام is not سلام): a KB
    spelling that has it matches the word whole or behind و/ب/ل/ك/ف.
    """
    out = []
    for p, rest in proclitic_splits(word):
        if p.endswith("ال"):
            continue
        if p in ("لل", "ولل", "فلل"):
            if not rest.startswith("ال"):
                continue
            out.append((len(p) - 2, rest))  # لل + X = ل + الX: the span keeps the elided article whole
            continue
        out.append((len(p), rest))
    return tuple(out)


def after_prefix(tok: Token, skip: int) -> int:
    """Body offset in ``tok`` after its first ``skip`` normalised characters."""
    if not skip:
        return tok.start
    _, imap = normalise_with_map(tok.text)
    return tok.start + imap[skip]


@lru_cache(maxsize=WORD_CACHE)
def word_keys(text: str) -> tuple[str, ...]:
    """The index keys of one body word, all levels (cached: news vocabulary repeats)."""
    w = normalise(text)
    return tuple(_KEYS[lv](w) for lv in range(LEVELS))


@lru_cache(maxsize=WORD_CACHE)
def readings(text: str) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """(skip, proclitic's first letter, keys of the rest) for each reading of a first word."""
    w = normalise(text)
    return tuple((skip, w[:1] if skip else "", tuple(_KEYS[lv](rest) for lv in range(LEVELS))) for skip, rest in first_readings(w))


def _starts(ix: Index, text: str) -> list[tuple[int, str, int, str]]:
    """Every (reading, level) under which a word can start an indexed name or title."""
    out = []
    for skip, clitic, keys in readings(text):
        for lv in range(LEVELS):
            k = (keys[lv],)
            if k in ix.tables[lv] or k in ix.prefixes[lv]:
                out.append((skip, clitic, lv, keys[lv]))
    return out


def spot(body: str, ix: Index, tokens: list[Token] | None = None) -> tuple[list[Spot], list[Spot]]:
    """(names, titles): non-overlapping longest matches of KB names, and of role titles."""
    tokens = body_tokens(body) if tokens is None else tokens
    hits = ix.hits
    if len(hits) > 500_000:  # bounded memory over a long run
        hits.clear()
    starts_at = []
    for t in tokens:
        st = hits.get(t.text)
        if st is None:
            st = hits[t.text] = _starts(ix, t.text)
        starts_at.append(st)
    names: list[Spot] = []
    titles: list[Spot] = []
    free = [0, 0]  # per kind, the first token not yet inside a match
    for i in [i for i, st in enumerate(starts_at) if st]:
        for kind, out in ((0, names), (1, titles)):
            if i >= free[kind]:
                found = _longest(ix, tokens, i, starts_at[i], roles=bool(kind))
                if found is not None:
                    out.append(found)
                    free[kind] = found.last
    return names, titles


def _longest(ix: Index, tokens: list[Token], i: int, starts, roles: bool) -> Spot | None:
    """The longest name (or title) starting at token ``i``; strict keys and bare words win ties."""
    best: tuple | None = None  # (length, -level, bare, skip, level, cands)
    n = len(tokens)
    for skip, clitic, lv, k0 in starts:
        if roles and lv:
            continue
        table, prefixes = ix.tables[lv], ix.prefixes[lv]
        key: tuple[str, ...] = (k0,)
        j = i + 1
        while True:  # walk the words while they extend some indexed name
            cands = table.get(key)
            if cands:
                cands = [c for c in cands if (c.kind == "role") == roles]
                if skip and clitic in "فك":
                    # فرانس is not ف + رانس: rarer proclitics only before curated names
                    cands = [c for c in cands if not c.generated]
                rank = (len(key), -lv, skip == 0)
                if cands and (best is None or rank > best[:3]):
                    best = (*rank, skip, lv, cands)
            if j >= n or key not in prefixes:
                break
            key = key + (word_keys(tokens[j].text)[lv],)
            j += 1
    if best is None:
        return None
    ln, _, _, skip, lv, cands = best
    start = after_prefix(tokens[i], skip)
    head = dict(first_readings(normalise(tokens[i].text))).get(skip, "")
    return Spot(start, tokens[i + ln - 1].end, i, i + ln, lv, cands, head)
