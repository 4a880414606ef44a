"""Places and clubs from the tables ``python -m rasd.kb.build`` writes (``data/kb/generated/``).

dr5hn's 44k cities and regions (Arabic name, English name, Wikidata id) and
arwikicats' 2k sports clubs become KB entities with ``extra["generated"] =
True``, so the linker takes them only where the article supports them. The
curated YAML always wins: a generated place with the Wikidata id or the
English name and country of a curated one is the same place and is dropped.
Unlike GeoNames' cities (:mod:`rasd.kb.places`) a generated place may share a
curated spelling when it is a different place (طرابلس in Lebanon beside
Tripoli, Libya): the article's other places choose between them. A one-word
spelling made of common words only (جنوب, the governorate "South"; من أجل,
Sake in Japan) is dropped by the learned name prior, and so is a label that
does not name the place at all (``_renders_place``: Bayramiç "عيد الفطر").
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.kb.places import common_word_readings
from rasd.kb.schema import KBEntity, slug
from rasd.recognise.nameness import common_word, prior
from rasd.text.normalise import normalise
from rasd.text.translit import renders

# A generated place name is matched without anyone checking it: stricter than the linker's
# test of a recogniser span (nameness.COMMON), جنوب غرب (0.15, 0.14) is no place.
PLACE_COMMON = 0.2
# Below this prior a word of a place label is an ordinary word the label must earn by
# rendering the English name closely (صلاة 0.15, يضرب 0.12).
RENDER_COMMON = 0.2
GENERATED_DIR = Path(__file__).resolve().parent.parent / "data" / "kb" / "generated"


def rows(name: str, root: Path = GENERATED_DIR) -> Iterator[list[str]]:
    """Tab-separated rows of one generated table; nothing when the table is absent."""
    path = root / name
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")


def _forms(forms: Iterable[str], listed: frozenset[str]) -> tuple[str, ...]:
    """Spellings worth matching: four letters or more, not a listed common word or a
    reading of one (``common_words.txt``), and not made of common words only by the
    name prior (each with its article or without: the KB matches both)."""
    out = []
    for f in forms:
        n = normalise(f)
        if len(n.replace(" ", "")) < 4 or n in listed:
            continue
        # The article is the written ال: إلينوي (Illinois) and آلست (Aalst) normalise to it too,
        # and their rest (ينوي "intends", ست "six") is no reason to drop them.
        written = f.split() if len(f.split()) == len(n.split()) else n.split()
        if all(common_word(w, PLACE_COMMON) or o.startswith("ال") and common_word(w[2:], PLACE_COMMON)
               for w, o in zip(n.split(), written)):
            continue  # جنوب "south", من أجل "for" (Sake), علم الفلك "astronomy"
        out.append(f)
    return tuple(out)


def _renders_place(form: str, english: str) -> bool:
    """Whether an Arabic label of a generated place renders its English name: dr5hn's labels
    are partly machine translations of the English name as ordinary words (Bayramiç
    "عيد الفطر", Send "يرسل", Linden "الزيزفون") or misspellings of it (Salalah "صلاة").

    Some word of the label must transliterate a word of the name (``translit.renders``),
    closely when the label is common words only (prior < ``RENDER_COMMON``); a label or name
    too short in consonants to compare (أوهايو, Ohio) is kept."""
    priors = [prior(w) if prior(w) is not None or not w.startswith("ال") else prior(w[2:])
              for w in normalise(form).replace("-", " ").split()]
    common = all(p is not None and p < RENDER_COMMON for p in priors)
    return renders(form, english, strict=common) is not False


def generated_entities(curated: Iterable[KBEntity], taken_keys: set[str], valid_countries: frozenset[str],
                       root: Path = GENERATED_DIR) -> list[KBEntity]:
    """Place and club entities from the generated tables that ``curated`` does not hold."""
    qids, named = set(), set()
    for e in curated:
        if e.wikidata:
            qids.add(e.wikidata)
        for n in (e.name, *e.aliases):
            named.add((n.split(",")[0].casefold(), e.country or e.extra.get("code")))
    out: list[KBEntity] = []
    listed = common_word_readings()

    def add(base: str, qualifier: str, **kw) -> None:
        key = slug(base) or "place"
        for k in (key, f"{key}-{qualifier}", f"{key}-{qualifier}-{len(out)}"):
            if k not in taken_keys:
                taken_keys.add(k)
                out.append(KBEntity(key=k, **kw))
                return

    for qid, name, forms, cc, kind, pop in rows("places.tsv.gz", root):
        country = cc if cc in valid_countries else None
        if qid in qids or (name.casefold(), country) in named:
            continue
        ar = _forms([f for f in forms.split("|") if _renders_place(f, name)], listed)
        if ar:
            add(name, (country or "xx").lower(), name=name, type="GPE", wikidata=qid, country=country, ar=ar,
                extra={"generated": True, "source": "dr5hn", "kind": kind, "population": int(pop or 0)})
    for name, ar_name in rows("clubs.tsv.gz", root):
        if (name.casefold(), None) in named:
            continue
        ar = _forms([ar_name], listed)
        if ar:
            add(name, "club", name=name, type="ORG", wikidata=None, country=None, ar=ar,
                extra={"generated": True, "source": "arwikicats", "kind": "club"})
    return out
