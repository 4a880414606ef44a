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

# one letter first: وباريس is و + باريس, not وب + اريس
_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


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


def trim_proclitic(token: str, entity_words: frozenset[str], alone: bool = True) -> int:
    """How many leading characters of ``token`` are a proclitic outside the name (0 if none).

    Readings that leave a known place or a word with the article win over those that leave
    a word seen in training names (وبالقاهرة: وب + القاهرة, not و + بالقاهرة), shorter
    proclitics first (وباريس: و + باريس). A known one-word place counts only when the
    token is the whole mention: فرانس of فرانس برس is no ف + رانس (Reims)."""
    n = normalise(token)
    places = place_names().get("1", frozenset())
    if len(n) != len(token) or n in places or n in person_name_words():
        return 0  # diacritics would shift offsets; or the whole token is a known name
    readings = [(len(p), n[len(p):]) for p in _CLITICS if n.startswith(p) and len(n) - len(p) >= 2]
    for k, rest in readings:  # a place or a word with the article behind the letters first
        if rest.startswith("ال") and len(rest) >= 4 or alone and rest in places:
            return k
    return next((k for k, rest in readings if rest in entity_words), 0)
