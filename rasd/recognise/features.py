"""CRF features for Arabic tokens: the same function at training and tagging time.

Arabic words carry clitics and affixes (و+ب+الصين, روس+ية), so a word's
identity alone generalises badly; prefixes, suffixes, the clitic-stripped
stem, the normalised form and cue words around it do. Features that depend
only on the word are computed once per distinct word and cached, which is
what keeps tagging far above 20k tokens/s: in news text most tokens repeat.
"""
from __future__ import annotations

from functools import lru_cache

from rasd.recognise.lexicon import NAME_PARTICLES, ORG_CUES, PERSON_CUES, PLACE_CUES, nationality_words, org_names, person_full_names, person_name_words, place_names
from rasd.recognise.nameness import score as nameness
from rasd.recognise.paths import NAMENESS_PATH
from rasd.text.normalise import WORD_CACHE, normalise, proclitic_splits, search_key

_WINDOW = (-2, -1, 1, 2)
_LENT_PREFIX = {d: f"{d}:" for d in _WINDOW}
_MAX_PHRASE = 4


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "D"
    if any("\u0621" <= ch <= "\u064A" for ch in tok):
        return "A"
    if tok.isalpha():
        return "L" if tok[:1].isupper() else "l"
    return "P"


def word_core(n: str) -> str:
    """A normalised word without its article (الصين -> صين), as names are listed."""
    return n[2:] if n.startswith("ال") and len(n) > 4 else n


@lru_cache(maxsize=WORD_CACHE)
def word_features(tok: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """(features of the word at the current position, features it lends to the neighbour at each offset)."""
    n = normalise(tok)
    shape = _shape(tok)
    places = place_names().get("1", frozenset())
    stems = [rest for _, rest in proclitic_splits(n)[1:]]
    own = [
        "b",
        "w=" + tok,
        "n=" + n,
        "sh=" + shape,
        "len=" + str(min(len(n), 8)),
    ]
    flags = []
    if shape == "A":
        for k in range(1, 5):
            if len(n) > k:
                own.append(f"p{k}=" + n[:k])
                own.append(f"s{k}=" + n[-k:])
        for s in stems[:4]:
            own.append("st=" + s)
        core = word_core(n)
        for k in range(len(core) - 2):
            own.append("c3=" + core[k : k + 3])
        flags.append(f"nm={int(nameness(core, NAMENESS_PATH) * 5)}")
    if n in PERSON_CUES:
        flags.append("cP")
    if n in ORG_CUES:
        flags.append("cO")
    elif _org_cue(n):
        flags.append("cOs")
    if n in PLACE_CUES:
        flags.append("cL")
    if n in NAME_PARTICLES:
        flags.append("cN")
    names = person_name_words()
    if n in names:
        flags.append("gP")
    elif any(s in names for s in stems[:2]):
        flags.append("gPs")
    if n in places:
        flags.append("gL")
    elif any(s in places for s in stems):
        flags.append("gLs")
    nationalities = nationality_words()
    if n in nationalities or any(s in nationalities for s in stems[:2]):
        flags.append("nat")
    elif shape == "A" and len(n) > 3 and n.endswith(("يه", "يون", "يين", "ي")):
        flags.append("nis")  # nisba adjective ending: روسية, الصيني
    own.extend(flags)
    lent = ["n=" + n, "sh=" + shape, *flags]
    if shape == "A" and len(n) > 2:
        lent.append("s2=" + n[-2:])
        lent.append("p2=" + n[:2])
    return tuple(own), {d: tuple([p + f for f in lent]) for d, p in _LENT_PREFIX.items()}


@lru_cache(maxsize=WORD_CACHE)
def _org_cue(n: str) -> bool:
    """Whether a normalised word heads an organisation name, proclitics allowed (ولوزارة)."""
    return n in ORG_CUES or any(rest in ORG_CUES for _, rest in proclitic_splits(n)[1:3])


@lru_cache(maxsize=WORD_CACHE)
def word_keys(tok: str) -> tuple[str, str, bool]:
    """(normalised form, search key, is an Arabic word) of a token, cached."""
    n = normalise(tok)
    return n, search_key(n), _shape(tok) == "A"


_PHRASE_LISTS = {"gp": place_names, "gn": person_full_names, "go": org_names}
_SINGLE_WORD = {"go"}  # lists whose one-word names are matched here too


@lru_cache(maxsize=4)
def _phrase_starts(kind: str) -> dict[str, tuple[int, ...]]:
    """First word of each multi-word name of a list -> its possible lengths, longest first."""
    starts: dict[str, set[int]] = {}
    for size, group in _PHRASE_LISTS[kind]().items():
        if size != "1" or kind in _SINGLE_WORD:
            for name in group:
                starts.setdefault(name.split(" ", 1)[0], set()).add(int(size))
    return {w: tuple(sorted(v, reverse=True)) for w, v in starts.items()}


def _phrase_tags(norms: list[str]) -> dict[str, list[str | None]]:
    """Per list, B/I marks for tokens covered by one of its names (longest match first).

    The first word may carry proclitics (للاتحاد الأفريقي، ببرشلونة): each of
    its clitic-stripped readings is tried too.
    """
    starts = [_name_starts(n) for n in norms]  # mostly empty: one cached lookup a token
    out: dict[str, list[str | None]] = {}
    for kind, lists in _PHRASE_LISTS.items():
        names = lists()
        marks: list[str | None] = [None] * len(norms)
        i = 0
        while i < len(norms):
            size = 0
            for k, first, sizes in starts[i]:
                if k == kind:
                    size = next((n for n in sizes if " ".join([first, *norms[i + 1 : i + n]]) in names[str(n)]), 0)
                    if size:
                        break
            if size:
                marks[i : i + size] = [kind + "B"] + [kind + "I"] * (size - 1)
                i += size
            else:
                i += 1
        out[kind] = marks
    return out


@lru_cache(maxsize=WORD_CACHE)
def _name_starts(n: str) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    """(list, clitic-stripped reading, name lengths) for each reading of a word that starts a listed name."""
    readings = [first for _, first in proclitic_splits(n)]
    return tuple(
        (kind, first, _phrase_starts(kind)[first])
        for kind in _PHRASE_LISTS
        for first in readings
        if first in _phrase_starts(kind)
    )


DocContext = dict[str, tuple[str, ...]]  # search key -> its "d:" features


def doc_context(sentences: list[list[str]]) -> DocContext:
    """What the whole article says about each word (by search key).

    A name is often introduced once with a cue ("الرئيس الأمريكي جورج بوش",
    "شركة إنرون") and then repeated bare; the bare occurrences inherit the
    cue through these flags, and "rep" marks words said more than once.
    """
    seen: dict[str, set[str]] = {}
    for toks in sentences:
        keys = [word_keys(t) for t in toks]
        norms = [k[0] for k in keys]
        for i, (n, key, arabic) in enumerate(keys):
            if not arabic:
                continue
            flags = seen.setdefault(key, set())
            flags.add("rep" if "once" in flags else "once")
            prev = norms[i - 1] if i else ""
            for cue, flag in ((PERSON_CUES, "P"), (ORG_CUES, "O"), (PLACE_CUES, "L"), (NAME_PARTICLES, "N")):
                if prev in cue:
                    flags.add(flag)
            if i + 1 < len(norms) and norms[i + 1] in NAME_PARTICLES:
                flags.add("Nn")
    return {k: tuple("d:" + x for x in sorted(f - {"once"})) for k, f in seen.items()}


def corpus_features(sentences: list[list[str]], window: int = 8) -> list[list[list[str]]]:
    """Features of consecutive sentences without article boundaries (ANERcorp).

    Each sentence sees the context of the ``window`` sentences either side,
    standing in for the article it came from.
    """
    return [
        sentence_features(toks, doc_context(sentences[max(0, i - window) : i + window + 1]))
        for i, toks in enumerate(sentences)
    ]


def sentence_features(tokens: list[str], context: DocContext | None = None) -> list[list[str]]:
    """One feature list per token: its own features, its ±2 neighbours', bigrams, article flags."""
    wf = [word_features(t) for t in tokens]
    keys = [word_keys(t) for t in tokens]
    norms = [k[0] for k in keys]
    context = context if context is not None else doc_context([tokens])
    lists = _phrase_tags(norms)
    org_cue = [_org_cue(n) for n in norms]
    last_cue: int | None = None
    size = len(tokens)
    out: list[list[str]] = []
    for i in range(size):
        feats = list(wf[i][0])
        for d in _WINDOW:
            j = i + d
            if 0 <= j < size:
                feats.extend(wf[j][1][d])
            elif d in (-1, 1):
                feats.append("BOS" if d < 0 else "EOS")
        if i > 0:
            feats.append("bg-=" + norms[i - 1] + "|" + norms[i])
        if i + 1 < size:
            feats.append("bg+=" + norms[i] + "|" + norms[i + 1])
        feats.extend(marks[i] for marks in lists.values() if marks[i])
        if last_cue is not None and i - last_cue <= 4:  # an organisation cue a little further back
            feats.append("oc4")  # (وزارة الشؤون الخارجية والتعاون الدولي)
            if i - last_cue >= 3:
                feats.append(f"-{i - last_cue}:cO")
        if org_cue[i]:
            last_cue = i
        feats.extend(context.get(keys[i][1], ()))
        out.append(feats)
    return out
