"""Conventional English spellings of people's names the curated KB does not hold.

A reader knows سلفا كير as Salva Kiir and عبد الفتاح as Abdel Fattah, not as
a letter-by-letter "Slfa Kir". Two generated tables (``python -m
rasd.kb.build``) say how people actually spell their names in Latin letters:

- 58k Arabic full names of Wikidata people with the spelling most of them use;
- 68k name units (given names, surnames, compounds such as عبد الله, and
  foreign name tokens from NETransliteration's Wikidata pairs) with theirs.

``english_name`` takes a whole name from the first table, else builds it unit
by unit from the second (longest compound first; a unit spelled with other
vowel letters, سلفا for سالفا, by its skeleton), and only falls back to
:func:`rasd.text.translit.romanise` for a unit neither knows.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rasd.kb.generated import rows
from rasd.text.normalise import WORD_CACHE, normalise
from rasd.text.translit import romanise

_MAX_UNIT = 3  # words in the longest compound unit (بن عبد العزيز)


@lru_cache(maxsize=1)
def _full() -> dict[str, str]:
    return {ar: latin for ar, latin, _, _ in rows("person_names.tsv.gz")}


def full_names() -> Iterable[str]:
    """The Arabic full names of the people the table holds (read once, shared with the recogniser)."""
    return _full().keys()


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, int]]:
    """unit -> (Latin spelling, people who carry it)."""
    return {ar: (latin, int(g) + int(s) + int(o)) for ar, latin, g, s, o in rows("name_parts.tsv.gz")}


def _skeleton(word: str) -> str:
    """A word without its inner vowel letters (سالفا -> سلفا); consonants stay as written."""
    return word[:1] + "".join(c for c in word[1:-1] if c not in "اوي") + word[-1:] if len(word) > 2 else word


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, tuple[str, int]]:
    """Skeleton of a one-word unit -> the most carried unit's spelling (سلفا ~ سالفا)."""
    best: dict[str, tuple[str, int]] = {}
    for ar, (latin, n) in _units().items():
        k = _skeleton(ar)
        if " " not in ar and len(k) >= 3 and n >= 2 and n > best.get(k, ("", 0))[1]:
            best[k] = (latin, n)
    return best


def unit_count(word: str) -> int:
    """How many Wikidata people carry a normalised name unit (0 for an unknown one)."""
    hit = _units().get(word)
    if hit is None and word.startswith("ال"):
        hit = _units().get(word[2:])
    return hit[1] if hit else 0


def name_counts() -> tuple[int, int]:
    """(full names, name units) the tables hold."""
    return len(_full()), len(_units())


def _key(arabic: str) -> list[str]:
    words = normalise(arabic).replace("-", " ").split()
    out = []
    for w in words:
        if w.startswith("عبدال") and len(w) > 6:
            out += ["عبد", w[3:]]  # عبدالعزيز -> عبد العزيز, as the tables spell it
        else:
            out.append(w)
    return out


def _unit(words: list[str]) -> str | None:
    units = _units()
    hit = units.get(" ".join(words))
    if hit is None and len(words) == 1 and words[0].startswith("ال") and len(words[0]) > 4:
        bare = units.get(words[0][2:])
        if bare is not None:
            return "al-" + bare[0]  # الحريري unseen with its article: al- + the surname
    if hit is None and len(words) == 1 and not words[0].startswith("ال"):
        hit = _skeletons().get(_skeleton(words[0]))  # an outlet's own vowel letters
    return hit[0] if hit else None


@lru_cache(maxsize=WORD_CACHE)
def english_name(arabic: str) -> str:
    """The conventional Latin spelling of a person's Arabic name ("سلفا كير" -> "Salva Kiir")."""
    words = _key(arabic)
    if not words:
        return romanise(arabic)
    whole = _full().get(" ".join(words))
    if whole:
        return whole
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_UNIT, len(words) - i), 0, -1):
            latin = _unit(words[i : i + n])
            if latin:
                out.append(latin if latin.startswith(("bin ", "al-")) or latin == "bin" else latin[:1].upper() + latin[1:])
                i += n
                break
        else:
            out.append(romanise(words[i]))
            i += 1
    if out and out[0].startswith("al-"):
        out[0] = "Al-" + out[0][3:]
    return " ".join(out)
