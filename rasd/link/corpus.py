"""Corpus entities: names the KB does not hold, with ids that need no corpus state.

The id is a hash of the name's spelling-independent key and type, so the same
name spelled دونغ جون in one article and دونج جون in another gets the same
``ent:`` id in any process, in any order — merging across articles is free.
A person's name that many people carry (محمد علي) is merged only where the
articles' setting agrees: its id is scoped to the article, or to the country
the article is about (``scope``).

People get the English spelling a reader knows (:func:`rasd.kb.names.english_name`);
other names a romanisation.
"""
from __future__ import annotations

import hashlib
import re

from rasd.doc import Entity
from rasd.kb.names import english_name, unit_count
from rasd.recognise.lexicon import place_names
from rasd.text.normalise import normalise
from rasd.text.translit import fold_key, romanise, word_key

# A name word carried by more Wikidata people than this is a common name (محمد, علي, حسن).
COMMON_NAME = 150


def canonical_key(name: str) -> str:
    """Spelling-independent key of a name: per word, article dropped (الكرملين ~ كرملين),
    vowel letters dropped on long words (كرافتشينكو ~ كرافتشنكو) but kept on short
    ones, where they tell names apart (حسن / حسين, محمد / محمود)."""
    words = []
    for w in normalise(name).replace("-", " ").split():
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        words.append(word_key(w) if len(w) >= 6 else fold_key(w))
    return " ".join(k for k in words if k) or normalise(name)


def corpus_id(name: str, etype: str, scope: str | None = None) -> str:
    """The entity id of a name; ``scope`` (an article id) keeps a name too thin to
    identify anyone across articles from merging with its namesakes elsewhere."""
    key = f"{etype}|{canonical_key(name)}" + (f"|{scope}" if scope else "")
    return f"ent:{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def distinctive(name: str) -> bool:
    """Whether a person's name tells its bearer apart across articles: two words or more,
    one of them a rare name (سلفا كير, خالد الفيصل), or four words and more."""
    words = [w for w in normalise(name).replace("-", " ").split() if w not in ("بن", "ابن", "بنت", "ابو", "عبد")]
    if len(words) < 2:
        return False
    return len(words) >= 4 or any(unit_count(w) <= COMMON_NAME for w in words)


def name_form(surface: str) -> str:
    """The name a mention's surface spells, a preposition ل fused with the article read off:
    للمغرب التطواني is المغرب التطواني (writing drops the article's alef after ل, so the
    mention's offsets cannot leave the ل out), unless ل is a known name's own (لليبيا)."""
    first, _, rest = surface.partition(" ")
    m = re.match(r"[وف]?ل(?=ل\w{3})", first)
    if m is None or normalise(first[m.end():]) in place_names().get("1", frozenset()):
        return surface
    return "ا" + first[m.end():] + (" " + rest if rest else "")


def corpus_entity(name: str, etype: str, scope: str | None = None, country: str | None = None) -> Entity:
    """A corpus entity for a mention's surface (people as written; other names by ``name_form``);
    ``country``, where the article is set, hints how a person's name is spelled in Latin."""
    surface, name = name, name if etype == "PER" else name_form(name)
    latin = english_name(name, country) if etype == "PER" else romanise(name)
    return Entity(id=corpus_id(name, etype, scope), name=latin, name_ar=name, type=etype, aliases=[surface])
