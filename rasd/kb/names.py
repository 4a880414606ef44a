"""Conventional English spellings of people's names the curated KB does not hold.

A reader knows سلفا كير as Salva Kiir and عبد الفتاح as Abdel Fattah, not as
a letter-by-letter "Slfa Kir". Two generated tables (``python -m
rasd.kb.build``) say how people actually spell their names in Latin letters:

- 58k Arabic full names of Wikidata people with the spelling most of them use;
- 68k name units (given names, surnames, compounds such as عبد الله, and
  foreign name tokens from NETransliteration's Wikidata pairs) with theirs.

``english_name`` takes a whole name from the first table, else builds it unit
by unit from the second (longest compound first), and only falls back to
:func:`rasd.text.translit.romanise` for a unit neither knows. Spellings part by
region (Egypt's Gamal, the Gulf's Jamal, Iran's Javad): the bearer's region is
guessed from how many people of each region carry the name's units, nudged by
the country the article is set in, and each unit takes the spelling most likely
right over the regions (weighed by that guess); a word neither table knows is
romanised with the consonant spellings the likely region's own names use
(learned from the unit table: the Gulf's Gh, Egypt's G for ج, the Maghreb's Ch,
Iran's Z and -eh); particles follow the English convention (bin, ibn, Abu; the
Maghreb's Ben).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from rasd.kb.generated import rows
from rasd.text.normalise import WORD_CACHE, normalise
from rasd.text.translit import DIMINUTIVE, FINAL_H, LETTER_CHOICES, romanise

_MAX_UNIT = 3  # words in the longest compound unit (بن عبد العزيز)
# Regions whose people spell the same Arabic name alike (Egypt's Gamal, the Gulf's Jamal,
# Tunisia's Rached, Iran's Javad); the name-unit table keeps carriers and spelling per region.
REGIONS = {
    "gulf": frozenset("SA AE KW QA BH OM YE".split()),
    "egypt": frozenset("EG SD LY".split()),
    "levant": frozenset("IQ SY LB JO PS".split()),
    "maghreb": frozenset("TN DZ MA MR".split()),
    "persian": frozenset("IR AF PK".split()),
}
REGION_OF = {cc: r for r, ccs in REGIONS.items() for cc in ccs}
_REGION_INDEX = {r: i for i, r in enumerate(REGIONS)}
# How much more likely a bearer is of the region the article is set in (a hint the name's own
# units can overrule: an Iranian minister in a Saudi article).
SETTING_ODDS = 4.0
# Carriers added to each region's count of a unit before the region guess. Leave-one-out over the
# full-name table (``names_heldout.py --fit``) finds the bearers' own regions likeliest at 0.1, but
# held out that spells East names, most of the news's people, worse (strict 33.4 -> 32.9 %).
SMOOTHING = 0.5
# Carriers in a region before a unit shows how the region spells letters (below the build's five,
# the usual spelling stands in for the region's own; many rare surnames show the diminutive).
_LETTERS_MIN = 2


@lru_cache(maxsize=1)
def _full() -> dict[str, str]:
    return {ar: latin for ar, latin, _, _ in rows("person_names.tsv.gz")}


def full_names() -> Iterable[str]:
    """The Arabic full names of the people the table holds (read once, shared with the recogniser)."""
    return _full().keys()


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, int]], dict[str, tuple[tuple[int, ...], tuple[str, ...]]]]:
    units, regional = {}, {}
    for r in rows("name_parts.tsv.gz"):
        units[r[0]] = (r[1], int(r[2]) + int(r[3]) + int(r[4]))
        if len(r) > 6 and r[5]:
            regional[r[0]] = (tuple(int(c) for c in r[5].split(",")), tuple(r[6].split("|")))
    return units, regional


def _units() -> dict[str, tuple[str, int]]:
    """unit -> (Latin spelling, people who carry it)."""
    return _table()[0]


def _regional() -> dict[str, tuple[tuple[int, ...], tuple[str, ...]]]:
    """unit -> (carriers per region, spelling per region, "" for the usual one), for the units
    people of ``REGIONS`` carry (in its order)."""
    return _table()[1]


@lru_cache(maxsize=1)
def _region_totals() -> tuple[float, ...]:
    counts = [c for c, _ in _regional().values()]
    return tuple(float(sum(col)) for col in zip(*counts)) if counts else ()


def _region(units: list[str], country: str | None) -> tuple[float, ...] | None:
    """How likely the bearer of all these units is of each region (naive Bayes over the units'
    carriers per region; the article's country, if any, ``SETTING_ODDS`` times likelier than each
    other region); None when no unit says anything about one."""
    regional, totals = _regional(), _region_totals()
    seen = [regional[u][0] for u in units if u in regional]
    if not seen:
        return None
    hint = _REGION_INDEX.get(REGION_OF.get(country or ""), -1)
    scores = [
        sum(math.log((c[r] + SMOOTHING) / total) for c in seen) + (math.log(SETTING_ODDS) if r == hint else 0.0)
        for r, total in enumerate(totals)
    ]
    top = max(scores)
    odds = [math.exp(s - top) for s in scores]
    return tuple(o / sum(odds) for o in odds)


def _latin_skeleton(latin: str) -> str:
    """Consonants of a Latin spelling, doubled ones once (Ghamran -> ghmrn)."""
    out = [c for c in latin.lower() if c.isalpha() and c not in "aeiouy"]
    return "".join(c for i, c in enumerate(out) if not i or out[i - 1] != c)


def _shows(key: str, unit: str) -> bool:
    """Whether a unit shows how its bearers spell ``key`` of ``LETTER_CHOICES``."""
    return unit.endswith("ه") if key == FINAL_H else "وي" in unit if key == DIMINUTIVE else key in unit


@lru_cache(maxsize=1)
def _letters() -> tuple[dict[str, str], ...]:
    """Per region, the Latin spelling of each letter of ``LETTER_CHOICES`` that romanises most of
    the region's one-word units (carried there by ``_LETTERS_MIN`` people or more) to their
    consonants as the region spells them, ties to the most spelled exactly: Egypt's g for ج and
    k for ق, the Maghreb's ch for ش and ou for و, Iran's v, z for ذ and -eh, the East's
    diminutive -uwai-. Learned from the tables, so that an unknown word reads the way its
    bearer's region writes."""
    units, regional = _units(), _regional()
    out: list[dict[str, str]] = [{} for _ in REGIONS]
    for key, choices in LETTER_CHOICES.items():
        words = [u for u, (c, _) in regional.items() if " " not in u and max(c) >= _LETTERS_MIN and _shows(key, u)]
        read = {choice: {u: romanise(u, {key: choice}) for u in words} for choice in choices}
        for r, chosen in enumerate(out):
            spelled = [(u, sp[r] or units[u][0]) for u in words for c, sp in (regional[u],) if c[r] >= _LETTERS_MIN]
            scores = {}
            for choice in choices:
                got = [(read[choice][u], s) for u, s in spelled]
                scores[choice] = (sum(_latin_skeleton(g) == _latin_skeleton(s) for g, s in got),
                                  sum(g.lower() == s.lower() for g, s in got))
            best = max(choices, key=scores.__getitem__)
            if best:
                chosen[key] = best
    return tuple(out)


def _likeliest(region: tuple[float, ...], choices: Iterable[str]) -> str:
    """Of one choice per region, the one most likely right: each weighted by how likely the bearer
    is of its region (a name as likely Levantine or Gulf as Egyptian reads Jamal, not Gamal)."""
    votes: dict[str, float] = {}
    for p, choice in zip(region, choices):
        votes[choice] = votes.get(choice, 0.0) + p
    return max(votes, key=votes.__getitem__)


def _likely_letters(region: tuple[float, ...]) -> dict[str, str]:
    """The consonant spellings of ``_letters`` most likely right for this bearer."""
    chosen = {key: _likeliest(region, (own.get(key, "") for own in _letters())) for key in LETTER_CHOICES}
    return {key: latin for key, latin in chosen.items() if latin}


def _skeleton(word: str) -> str:
    """A word without its inner vowel letters (سالفا -> سلفا); consonants stay as written."""
    return word[:1] + "".join(c for c in word[1:-1] if c not in "اوي") + word[-1:] if len(word) > 2 else word


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, str]:
    """Skeleton of a one-word unit -> the most carried unit with it (سلفا ~ سالفا)."""
    best: dict[str, tuple[str, int]] = {}
    for ar, (_, n) in _units().items():
        k = _skeleton(ar)
        if " " not in ar and len(k) >= 3 and n >= 2 and n > best.get(k, ("", 0))[1]:
            best[k] = (ar, n)
    return {k: ar for k, (ar, _) in best.items()}


def unit_count(word: str) -> int:
    """How many Wikidata people carry a normalised name unit (0 for an unknown one)."""
    hit = _units().get(word)
    if hit is None and word.startswith("ال"):
        hit = _units().get(word[2:])
    return hit[1] if hit else 0


def spelled_unit_count(word: str) -> int:
    """``unit_count`` of a word, or of the most carried unit it spells with other vowel
    letters (وليام for ويليام) when the table lacks it as written."""
    n = unit_count(word)
    if n or word.startswith("ال"):
        return n
    hit = _skeletons().get(_skeleton(word))
    return _units()[hit][1] if hit else 0


def name_counts() -> tuple[int, int]:
    """(full names, name units) the tables hold."""
    return len(_full()), len(_units())


# Particles spelled by the English convention, whatever Wikidata's foreign namesakes use
# (بن is also Chinese Ben, ابن Indonesian Ibnu): the Gulf's bin, not the Maghreb's Ben.
_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "Abu", "ابي": "Abi", "ال": "Al"}
_MAGHREB = _REGION_INDEX["maghreb"]  # whose own convention is Ben (Ben Ali)
_MAGHREB_PARTICLES = {**_PARTICLES, "بن": "Ben"}


def _key(arabic: str) -> list[str]:
    words = normalise(arabic).replace("-", " ").split()
    out = []
    for w in words:
        if w.startswith("عبدال") and len(w) > 6:
            out += ["عبد", w[3:]]  # عبدالعزيز -> عبد العزيز, as the tables spell it
        else:
            out.append(w)
    return out


def _unit(words: list[str]) -> tuple[str, str] | None:
    """(the table's unit, "al-" or "") for these words: the unit itself or its article-free
    reading (الحريري unseen with its article); None when the table knows none (a unit spelled
    with other vowel letters is another name as often as the same one: مسكني is not Mascagni,
    so the word is romanised). A compound led by بن/ابن/بنت is the particle and a name."""
    units = _units()
    key = " ".join(words)
    if key in units and (len(words) == 1 or words[0] not in ("بن", "ابن", "بنت")):
        return key, ""
    if len(words) > 1:
        return None
    w = words[0]
    return (w[2:], "al-") if w.startswith("ال") and len(w) > 4 and w[2:] in units else None


def _spell(unit: str, region: tuple[float, ...] | None) -> str:
    """The unit's spelling most likely right for the bearer (``_likeliest`` of the regions' own,
    each region's usual one where it has none)."""
    if unit in _PARTICLES:
        return (_MAGHREB_PARTICLES if region is not None and region[_MAGHREB] > 0.5 else _PARTICLES)[unit]
    latin = _units()[unit][0]
    if region is not None and unit in _regional():
        latin = _likeliest(region, (own or latin for own in _regional()[unit][1]))
    return latin if latin.startswith(("bin ", "al-")) else latin[:1].upper() + latin[1:]


def _segment(words: list[str]) -> list[tuple[str, str] | str]:
    """A name's words as the tables' units, longest compound first: (unit, "al-" or ""), or the
    word itself where the tables know none."""
    found: list[tuple[str, str] | str] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_UNIT, len(words) - i), 0, -1):
            hit = _unit(words[i : i + n])
            if hit:
                found.append(hit)
                i += n
                break
        else:
            found.append(words[i])
            i += 1
    return found


@lru_cache(maxsize=WORD_CACHE)
def english_name(arabic: str, country: str | None = None) -> str:
    """The conventional Latin spelling of a person's Arabic name ("سلفا كير" -> "Salva Kiir"),
    each unit as the bearer's likely region spells it (``country``: where the article is set)."""
    words = _key(arabic)
    if not words:
        return romanise(arabic)
    whole = _full().get(" ".join(words))
    if whole:
        return whole
    found = _segment(words)
    region = _region([f[0] for f in found if isinstance(f, tuple)], country)
    letters = _likely_letters(region) if region else {}
    out = []
    for f in found:
        if isinstance(f, tuple):
            latin = _spell(f[0], region)
            out.append(f[1] + latin[:1].upper() + latin[1:] if f[1] else latin)
        else:
            out.append(romanise(f, letters))
    if out and out[0].startswith("al-"):
        out[0] = "Al-" + out[0][3:]
    return " ".join(out)
