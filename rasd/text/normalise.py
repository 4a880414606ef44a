"""Orthographic normalisation of Arabic for matching and search.

Outlets and writers differ in hamza seats, final yaa/alef maqsura, taa
marbuta, diacritics, tatweel and digit sets; none of that changes the word.
``normalise`` folds those differences; ``normalise_with_map`` also says, for
every output character, which input character it came from, so a match in
normalised text maps back to exact offsets in the original.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Diacritics (tashkeel), Quranic marks, superscript alef, tatweel: dropped.
_DROP = set(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640", "\u0654", "\u0655", "\u200c", "\u200d", "\u200e", "\u200f"}

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ٯ": "ق", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits


_TABLE = {ord(c): None for c in _DROP} | {ord(k): v for k, v in _FOLD.items()}


def normalise_char(ch: str) -> str:
    """The folded form of one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    return _FOLD.get(ch, ch)


def normalise(text: str) -> str:
    """Fold hamza/alef forms, ى→ي, ة→ه, digits; drop diacritics and tatweel."""
    return text.translate(_TABLE)


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the offset in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = normalise_char(ch)
        if n:
            out.append(n)
            index.append(i)
    return "".join(out), index


# Proclitic sequences, longest first. Conjunction (و ف), preposition (ب ل ك),
# article (ال); لل is ل + ال with the alef elided.
_PROCLITICS = (
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال",
    "لل", "ال", "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك",
)
_MIN_STEM = 2

WORD_CACHE = 1 << 15
"""Entries of each per-word cache (normal forms, readings, recogniser features).

News vocabulary is Zipfian, so the most recent few tens of thousands of
distinct words give most of the hits; the bound is what keeps ``rasd
analyze``'s memory flat on any corpus size. At 200,000 entries the caches
alone grew by about 6 kB per distinct word, some 900 MB by 2,000 articles.
"""


@lru_cache(maxsize=WORD_CACHE)
def proclitic_splits(token: str) -> tuple[tuple[str, str], ...]:
    """Every (proclitic, rest) reading of a normalised token, the bare token first.

    Stripping is ambiguous (بكين is a name, not ب + كين), so callers that can
    check a candidate against a lexicon should try them all in order. Cached:
    every stage asks for the same few thousand news words again and again.
    """
    out = [("", token)]
    for p in _PROCLITICS:
        if token.startswith(p) and len(token) - len(p) >= _MIN_STEM:
            rest = token[len(p):]
            if p == "لل":
                out.append((p, "ال" + rest))  # لل + stem = ل + ال + stem
            out.append((p, rest))
    return tuple(out)


_SEARCH_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بكل]?ال|لل)|[وف]?[بكل]|[وف])(?=[^\s]{3,})")


@lru_cache(maxsize=WORD_CACHE)
def search_key(token: str) -> str:
    """Deterministic light stem for the search index: normalise, strip proclitics.

    The same function runs on indexed text and on queries. Stripping repeats
    to a fixed point so that بكين, وبكين and لبكين all meet at one key (كين):
    without a lexicon, over-stripping a name consistently is what keeps a
    query and its prefixed forms together. Cached: story grouping keys every
    content word of every article.
    """
    t = normalise(token)
    while True:
        s = _SEARCH_PROCLITIC.sub("", t, count=1)
        if s == t:
            return t
        t = s
