"""One name, one reading per article: spread confident tags to repeats.

News introduces a name once with context ("وزير الدفاع الأمريكي دونالد
رامسفيلد") and then repeats it bare ("وقال رامسفيلد"), where a sentence-level
tagger often misses it. After tagging, each tagged name (and the surname of a
multi-word person name) is looked up again in the untagged parts of the
article and tagged with the type it got most often. A patronymic name's
short form keeps its particle (بن علي of محمد بن علي, not علي alone), and a
particle written with ى (على) is never a name alone (``maqsura_particle``).
"""
from __future__ import annotations

from collections import Counter

from rasd.recognise.lexicon import NAME_PARTICLES, ORG_CUES, PERSON_CUES, PLACE_CUES, maqsura_particle
from rasd.recognise.features import word_keys
from rasd.recognise.spans import bio_spans
from rasd.text.normalise import normalise

_NOT_NAMES = PERSON_CUES | ORG_CUES | PLACE_CUES | NAME_PARTICLES
_MAX_LEN = 4


def _key(token: str) -> tuple[str, bool]:
    """A word's search key, and whether it is written with a final alef maqsura: normalising
    folds ى into ي, but the preposition على is not a repeat of the name علي."""
    return word_keys(token)[1], token.endswith("ى")


_PARTICLE_KEYS = frozenset(word_keys(w)[1] for w in NAME_PARTICLES)


def _nameable(key: tuple[tuple[str, bool], ...]) -> bool:
    """Whether a key may be looked for: name words of three letters or more, not cue words;
    a particle inside (بن علي) but not last."""
    def name_word(x: str) -> bool:
        return len(x) >= 3 and x not in _NOT_NAMES
    return name_word(key[-1][0]) and all(name_word(x) or x in _PARTICLE_KEYS for x, _ in key[:-1])


def propagate(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Tags with untagged repeats of the article's names filled in (input not changed)."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for toks, tg in zip(sentences, tags):
        for a, b, typ in bio_spans(tg):
            if b - a > _MAX_LEN:
                continue
            keys = tuple(_key(t) for t in toks[a:b])
            if b - a > 1 or not maqsura_particle(toks[a]):
                votes.setdefault(keys, Counter())[typ] += 1
            if typ == "PER" and b - a >= 2 and toks[b - 1] not in _NOT_NAMES:
                short = 2 if b - a >= 3 and normalise(toks[b - 2]) in NAME_PARTICLES else 1
                if short == 2 or not maqsura_particle(toks[b - 1]):
                    votes.setdefault(keys[-short:], Counter())[typ] += 1
    names = {k: c.most_common(1)[0][0] for k, c in votes.items() if _nameable(k)}
    if not names:
        return tags
    firsts = {k[0] for k in names}  # most words start no name: one set lookup skips them
    out = []
    for toks, tg in zip(sentences, tags):
        tg = list(tg)
        keys = [_key(t) for t in toks]
        i = 0
        while i < len(toks):
            if keys[i] not in firsts:
                i += 1
                continue
            for size in range(min(_MAX_LEN, len(toks) - i), 0, -1):
                span = tuple(keys[i : i + size])
                typ = names.get(span)
                if (
                    typ
                    and all(t == "O" for t in tg[i : i + size])
                    and (i + size == len(tg) or not tg[i + size].startswith("I-"))
                ):
                    tg[i : i + size] = [f"B-{typ}"] + [f"I-{typ}"] * (size - 1)
                    i += size
                    break
            else:
                i += 1
        out.append(tg)
    return out
