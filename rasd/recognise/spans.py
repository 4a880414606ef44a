"""From BIO tags over tokens to mentions with exact offsets into the body.

ANERcorp keeps proclitics on the token ("وألمانيا" is one B-LOC token), and
so does the tokeniser, so a tagged span can start with و/ف (and) or ب/ل/ك
(in/for/as). ``trim_proclitic`` cuts such a letter off the mention when the
rest is recognisably the name: it starts with the article ال, or it is a
word the model saw inside entities in training, or a known place. A token
that is itself a known name or place (وليد, لبنان) is left whole.
"""
from __future__ import annotations

from rasd.recognise.lexicon import person_name_words, place_names
from rasd.text.normalise import normalise

_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, type) chunks, conlleval-style.

    An I- tag after O or after another type opens a chunk, as conlleval and
    seqeval do, so scores here match theirs.
    """
    chunks: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if kind and not (prefix == "I" and typ == kind):
            chunks.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and typ != kind):
            start, kind = i, typ
    return chunks


def trim_proclitic(token: str, entity_words: frozenset[str]) -> int:
    """How many leading characters of ``token`` are a proclitic outside the name (0 if none)."""
    n = normalise(token)
    places = place_names().get("1", frozenset())
    if len(n) != len(token) or n in places or n in person_name_words():
        return 0  # diacritics would shift offsets; or the whole token is a known name
    for p in _CLITICS:
        rest = n[len(p):]
        if n.startswith(p) and len(rest) >= 2:
            if rest.startswith("ال") and len(rest) >= 4 or rest in entity_words or rest in places:
                return len(p)
    return 0
