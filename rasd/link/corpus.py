"""Corpus entities: names the KB does not hold, with ids that need no corpus state.

The id is a hash of the name's transliteration key and type, so the same
name spelled دونغ جون in one article and دونج جون in another gets the same
``ent:`` id in any process, in any order — merging across articles is free.
"""
from __future__ import annotations

import hashlib

from rasd.doc import Entity
from rasd.text.normalise import normalise
from rasd.text.translit import romanise, translit_key


def canonical_key(name: str) -> str:
    """Transliteration key of a name with each word's article dropped (الكرملين ~ كرملين)."""
    words = []
    for w in normalise(name).split():
        words.append(w[2:] if w.startswith("ال") and len(w) > 4 else w)
    return translit_key(" ".join(words)) or normalise(name)


def corpus_id(name: str, etype: str) -> str:
    digest = hashlib.sha1(f"{etype}|{canonical_key(name)}".encode()).hexdigest()[:12]
    return f"ent:{digest}"


def corpus_entity(name: str, etype: str) -> Entity:
    return Entity(id=corpus_id(name, etype), name=romanise(name), name_ar=name, type=etype, aliases=[name])
