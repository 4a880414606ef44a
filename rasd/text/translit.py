"""Phonetic keys and romanisation for Arabic spellings of foreign names.

Outlets transliterate the same foreign name differently: /g/ as غ, ج, ق or ك
(شويغو / شويجو, بينغ / بينج), /tʃ/ as تش or ش, long vowels written or not
(بيلاوسوف / بيلوسوف), a final ه or not (أندريه / أندري). ``translit_key``
folds those choices into one key so that one name has one key however it is
spelled; ``same_name`` compares two spellings; ``romanise`` gives a readable
Latin form for names the knowledge base does not hold.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from rasd.text.normalise import WORD_CACHE, normalise

# Consonant classes that outlets swap for the same foreign sound.
_CLASS = {
    "غ": "G", "ج": "G", "ق": "G", "ك": "G",  # /g/ (and /k/, /dʒ/: outlets mix them)
    "ش": "C", "س": "S", "ص": "S", "ث": "S",  # ث renders th as in ماثيو/ماتيو, but s in Gulf spellings
    "ت": "T", "ط": "T",
    "د": "D", "ض": "D", "ذ": "D",
    "ز": "Z", "ظ": "Z",
    "ح": "H", "ه": "H", "خ": "X", "ع": "E",
    "ب": "B", "ف": "F", "م": "M", "ن": "N", "ل": "L", "ر": "R",
}
_VOWELS = set("اوي")
_SILENT = set("ء")


def _word_key(word: str) -> str:
    if word.endswith("يتش") and len(word) > 4:
        word = word[:-3] + "يك"  # Slavic -ić: راديتش / راديك, لوكيتش / لوكيك
    if word[:2] in ("شت", "شب") and len(word) > 4:
        word = "س" + word[1:]  # German st/sp: شتاينماير / ستاينماير, شبيغل / سبيغل
    w = word.replace("تش", "ش").replace("دج", "ج").replace("دز", "ز")
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        if ch in _SILENT:
            continue
        if ch in _VOWELS:
            if i == 0:
                # An initial alef is a vowel; initial و/ي are consonants (وانغ, يي).
                out.append("A" if ch == "ا" else ("W" if ch == "و" else "Y"))
            elif i == n - 1:
                out.append("V")  # a final vowel is kept as one class: اوفا/اوفي
            continue
        if ch == "ه" and i == n - 1 and i > 0:
            out.append("V")  # أندريه / أندري, موسكوه
            continue
        out.append(_CLASS.get(ch, ch))
    key: list[str] = []
    for c in out:
        if not key or key[-1] != c:  # doubled letters (شادّاد, ماكّين) collapse
            key.append(c)
    return "".join(key)


@lru_cache(maxsize=WORD_CACHE)  # the linker keys every reading of every word
def fold_key(word: str) -> str:
    """A milder key for one normalised word: consonant classes folded, vowel letters kept.

    Safe on ordinary Arabic words (رئيسي and روسيا stay apart), so a
    gazetteer can use it on single words where ``translit_key`` would be
    too loose.
    """
    w = word.replace("تش", "ش")
    out: list[str] = []
    for i, ch in enumerate(w):
        if ch in _SILENT:
            continue
        c = "V" if ch == "ه" and i == len(w) - 1 and i > 0 else _CLASS.get(ch, ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=WORD_CACHE)
def word_key(word: str) -> str:
    """``translit_key`` of one normalised word (no normalisation, no splitting)."""
    return _word_key(word)


def translit_key(name: str) -> str:
    """Phonetic key of an Arabic name: same name, any outlet's spelling, same key."""
    words = normalise(name).replace("-", " ").split()
    return " ".join(k for k in (_word_key(w) for w in words) if k)


def name_similarity(a: str, b: str) -> float:
    """1.0 when the keys agree; otherwise a 0..1 similarity of the space-free keys."""
    from rapidfuzz.distance import Levenshtein

    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return Levenshtein.normalized_similarity(ka.replace(" ", ""), kb.replace(" ", ""))


def same_name(a: str, b: str) -> bool:
    """True when two Arabic spellings are variants of one foreign name.

    Equal keys always; otherwise one edit is tolerated on keys long enough
    that one edit cannot turn one real name into another.
    """
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ka, kb = ka.replace(" ", ""), kb.replace(" ", "")
    if min(len(ka), len(kb)) < 5:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(ka, kb, score_cutoff=1) <= 1


# Romanisation: consonants, then vowel letters by position.
_LATIN = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "g", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "", "ة": "a",
}


# Consonants whose Latin spelling differs by the name's region, each with its choices (the first
# is ``_LATIN``'s): غ is Gh in Arab names, G in foreign ones; ش the Maghreb's Ch; a final ه the
# Levant's and Iran's -eh.
FINAL_H = "ه$"
DIMINUTIVE = "CويC"
LETTER_CHOICES = {
    "و": ("w", "ou", "v"), DIMINUTIVE: ("", "uwai", "oui", "owei"),
    "غ": ("g", "gh"), "ق": ("q", "k", "g", "gh"), "ج": ("j", "g", "dj"), "ش": ("sh", "ch"),
    "ث": ("th", "s", "t"), "ذ": ("dh", "z", "th", "d"), "ض": ("d", "dh", "z"), "ظ": ("z", "dh"),
    FINAL_H: ("", "eh", "ah"),
}
_NO_OVERRIDES: Mapping[str, str] = MappingProxyType({})  # ``romanise``'s default: _LATIN's spellings


_FINAL_CLUSTERS = {"bd", "mb", "nd", "nt", "st", "rd", "rt", "rk", "nk", "ng", "ks", "ft", "lt", "ld", "rn", "rm", "sk", "rg", "ns", "rs", "ls", "nz", "rz", "sh", "th", "kh", "ch", "dh"}


_ONSETS = {"br", "bl", "fl", "fr", "gr", "gl", "kr", "kl", "pr", "pl", "tr", "dr", "st", "sp", "sk", "sm", "sn", "sl", "sw", "tw", "shw", "shm", "shr", "chw", "zh", "kw", "gw"}


def _romanise_word(word: str, letters: Mapping[str, str] = _NO_OVERRIDES) -> str:
    w = normalise(word)
    prefix = ""
    if w.startswith("ال") and len(w) > 4:
        w, prefix = w[2:], "al-"
    out: list[str] = []
    vowel_before = False  # was the last sound written a vowel?
    n = len(w)
    i = 0
    while i < n:
        ch, nxt = w[i], (w[i + 1] if i + 1 < n else "")
        if ch == "ت" and nxt == "ش":
            out.append("ch")
            vowel_before = False
            i += 2
            continue
        if ch == "ن" and nxt in ("غ", "ج") and i + 2 == n:
            out.append("ng")  # بينغ, تشانج: a final ng
            break
        if ch == "ا" or (ch == "ع" and nxt != "ا"):
            out.append("a")  # ع: the vowel it carries is what a reader hears (عبد, سعود)
            vowel_before = True
        elif (ch == "و" and i and not vowel_before and nxt == "ي" and i + 2 < n - 1 and w[i + 2] not in _VOWELS
              and letters.get(DIMINUTIVE)):
            out.append(letters[DIMINUTIVE])  # the diminutive fu'ayl: الخويطر al-Khuwaiter
            vowel_before = False
            i += 2
            continue
        elif ch == "و":
            if i == 0 or (vowel_before and nxt in _VOWELS) or nxt == "ا":
                out.append(letters.get(ch) or "w")
                vowel_before = False
            else:
                out.append("o" if w[i + 1 :] in ("ن", "نغ", "نج") else "u")
                vowel_before = True
        elif ch == "ي":
            if i == 0 or (vowel_before and nxt):
                out.append("y")
                vowel_before = False
            else:
                out.append("i")
                vowel_before = True
        elif ch == "ه" and i == n - 1 and i > 0:
            out.append(letters.get(FINAL_H) or ("e" if w[i - 1] in "ير" else "a"))
        else:
            out.append(letters.get(ch) or _LATIN.get(ch, ch))
            vowel_before = False
        i += 1
    if len(out) >= 2 and out[0] not in "aeiouy" and out[1][:1] not in "aeiouy" and (out[0] + out[1]) not in _ONSETS:
        out.insert(1, "a")  # محمد: an initial consonant pair that no language starts with
    word_out = "".join(out)
    # A final pair of consonants with no vowel letter between usually hid one (ميلر).
    if len(out) >= 3 and out[-1] not in "aeiou" and out[-2] not in "aeiouy" and (out[-2] + out[-1]) not in _FINAL_CLUSTERS and len(out[-1]) == 1 and len(out[-2]) == 1:
        word_out = "".join(out[:-1]) + "e" + out[-1]
    return prefix + word_out


def romanise(arabic: str, letters: Mapping[str, str] = _NO_OVERRIDES) -> str:
    """Readable Latin form of an Arabic name ("لين جيان" -> "Lin Jian"); Latin text passes through.
    ``letters`` overrides the Latin spelling of consonants (and of a final ه, key ``FINAL_H``): a
    region's own convention, as :mod:`rasd.kb.names` learns it (Ghamran, not Gamran)."""
    words: list[str] = []
    for w in arabic.replace("-", " ").split():
        n = normalise(w)
        if n.startswith("عبدال") and len(n) > 6:
            words += ["عبد", n[3:]]  # عبدالعزيز -> Abd al-Aziz
        elif n == "بن":
            words.append("bin")
        else:
            words.append(w)
    parts = []
    for w in words:
        r = _romanise_word(w, letters) if any("\u0600" <= c <= "\u06ff" for c in w) else w
        if r.startswith("al-"):
            parts.append(("al-" if parts else "Al-") + r[3:4].upper() + r[4:])  # Al-Batian, not Al-batian
        elif r:
            parts.append(r[:1].upper() + r[1:] if r != "bin" else r)
    return " ".join(parts)


# Consonant skeletons, to tell whether an Arabic spelling renders a Latin name at all: letters
# folded into the classes romanisations confuse (t/d: اللاذقية Latakia; ظ as dh), vowels, h,
# kh, ع and ء dropped.
_SKEL_AR = {
    "ب": "B", "ت": "T", "ط": "T", "ث": "T", "د": "T", "ض": "T", "ذ": "T", "ظ": "T", "ج": "G", "ق": "G",
    "ك": "G", "غ": "G", "س": "S", "ص": "S", "ز": "S", "ش": "S", "ف": "F", "م": "M", "ن": "N", "ل": "L",
    "ر": "R",
}
_SKEL_DIGRAPHS = (("sch", "S"), ("sh", "S"), ("ch", "S"), ("kh", ""), ("gh", "G"), ("th", "T"), ("dh", "T"),
                  ("ph", "F"), ("ck", "G"), ("ts", "S"), ("tz", "S"), ("x", "S"))
_SKEL_LATIN = dict(zip("bptdgkqcjszfvmnlr", "BBTTGGGGGSSFFMNLR"))


def _undouble(s: str) -> str:
    return "".join(c for i, c in enumerate(s) if not i or s[i - 1] != c)


def arabic_skeletons(spelling: str) -> list[str]:
    """Consonant skeleton of each word of an Arabic spelling, with and without its article."""
    out = []
    for w in normalise(spelling).replace("-", " ").split():
        for v in {w, w[2:]} if w.startswith("ال") and len(w) > 3 else {w}:
            out.append("".join(_SKEL_AR.get(c, "") for c in _undouble(v.replace("تش", "ش"))))
    return out


def latin_skeletons(name: str) -> list[str]:
    """Consonant skeleton of each word of a Latin name (accents and apostrophes off)."""
    s = unicodedata.normalize("NFKD", name.lower().replace("ı", "i"))
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in "'’‘ʻʿ")
    out = []
    for w in re.split(r"[^a-z]+", s):
        w = _undouble(w)
        for a, b in _SKEL_DIGRAPHS:
            w = w.replace(a, b)
        out.append("".join(_SKEL_LATIN.get(c, c if c.isupper() else "") for c in w))
    return out


def renders(spelling: str, name: str, strict: bool = False) -> bool | None:
    """Whether some word of an Arabic spelling is a transliteration of some word of a Latin
    name; None when either side has no word of two consonants to compare (أوهايو, Ohio).

    Loose: consonant skeletons at least half alike (كوشيتسه ~ Košice). Strict: the same
    skeleton, or one edit apart when four consonants long (طرابلس ~ Tripoli, but not
    صلاة ~ Salalah)."""
    from rapidfuzz.distance import Levenshtein

    arabic = [k for k in arabic_skeletons(spelling) if len(k) >= 2]
    latin = [k for k in latin_skeletons(name) if len(k) >= 2]
    if not arabic or not latin:
        return None
    for a in arabic:
        for b in latin:
            if a == b:
                return True
            if strict:
                if min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b, score_cutoff=1) <= 1:
                    return True
            elif Levenshtein.normalized_similarity(a, b) >= 0.5:
                return True
    return False
