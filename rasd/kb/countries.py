"""Countries: CLDR territory names (through Babel) merged with ``countries.yaml``.

CLDR already carries a maintained Arabic and English name for every ISO
3166-1 territory, so those are read from Babel at load time, not copied.
``countries.yaml`` only adds what CLDR lacks per ISO code: other Arabic
spellings (أمريكا), the Wikipedia title where it differs from CLDR English,
the Wikidata id, nationality adjectives and the capital's key; ``drop_ar``
removes a CLDR name that is an ordinary word on its own (مالي "financial").
"""
from __future__ import annotations

import re
from typing import Any

import babel

from rasd.kb.schema import KBEntity, KBError, arabic_forms, slug
from rasd.text.normalise import normalise

# CLDR two-letter codes that are not ISO 3166-1 countries: supranational
# groupings, private-use/pseudo codes and exceptionally reserved territories.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})
# Arab League members, whose places' Arabic names are their own names, not renderings.
ARAB = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
_COUNTRY_FIELDS = {"code", "key", "name", "wikidata", "ar", "drop_ar", "short_ar", "aliases", "nationality", "capital"}


def iso_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes (plus XK, Kosovo) CLDR names."""
    en = babel.Locale("en").territories
    return frozenset(k for k in en if len(k) == 2 and k.isalpha() and k not in _NOT_COUNTRIES)


def _cldr_arabic(name: str) -> str:
    """CLDR's Arabic name without its parenthetical gloss ("ميانمار (بورما)" -> "ميانمار")."""
    return " ".join(re.sub(r"\(.*?\)", " ", name).split())


def nationality_forms(adjective: str) -> list[str]:
    """Regular forms of a nisba adjective: صيني -> صينية، صينيون، صينيين، صينيان.

    In a multi-word adjective (كوري شمالي، جنوب سوداني) every word ending in
    ي agrees; the others stay as they are.
    """
    words = adjective.split()
    if not any(w.endswith("ي") for w in words):
        return [adjective]
    return [" ".join(w + suffix if w.endswith("ي") else w for w in words) for suffix in ("", "ة", "ون", "ين", "ان")]


def build_countries(additions: list[Any], path: str) -> list[KBEntity]:
    """One GPE entity per ISO code: CLDR names plus the ``countries.yaml`` additions."""
    codes = iso_codes()
    ar_names = babel.Locale("ar").territories
    en_names = babel.Locale("en").territories
    extra_by_code: dict[str, dict[str, Any]] = {}
    for raw in additions or []:
        if not isinstance(raw, dict) or raw.get("code") not in codes:
            raise KBError(f"{path}: entry {raw!r} needs a valid ISO 'code'")
        unknown = set(raw) - _COUNTRY_FIELDS
        if unknown:
            raise KBError(f"{path}: entry {raw['code']!r}: unknown fields {sorted(unknown)}")
        if raw["code"] in extra_by_code:
            raise KBError(f"{path}: entry {raw['code']!r} appears twice")
        extra_by_code[raw["code"]] = raw
    out = []
    for code in sorted(codes):
        add = extra_by_code.get(code, {})
        where = f"{path}: entry {code!r}"
        name = add.get("name") or en_names[code]
        ar = [_cldr_arabic(ar_names[code])] if ar_names.get(code) else []
        ar += [a for a in arabic_forms(add.get("ar"), f"{where} ar") if a not in ar]
        # a CLDR name that is also an ordinary word (مالي "financial", بنين "boys")
        dropped = {normalise(a) for a in arabic_forms(add.get("drop_ar"), f"{where} drop_ar")}
        ar = [a for a in ar if normalise(a) not in dropped]
        if not ar:
            raise KBError(f"{where}: CLDR has no Arabic name; add one under 'ar'")
        nationality: list[str] = []
        for adj in arabic_forms(add.get("nationality"), f"{where} nationality"):
            nationality += [f for f in nationality_forms(adj) if f not in nationality]
        aliases = [a for a in (en_names[code], *(add.get("aliases") or [])) if a != name]
        extra: dict[str, Any] = {"code": code, "nationality": tuple(nationality)}
        if add.get("capital"):
            extra["capital"] = add["capital"]
        out.append(KBEntity(
            key=add.get("key") or slug(name),
            name=name,
            type="GPE",
            wikidata=add.get("wikidata"),
            country=code,
            ar=tuple(ar),
            short_ar=arabic_forms(add.get("short_ar"), f"{where} short_ar"),
            aliases=tuple(dict.fromkeys(aliases)),
            extra=extra,
        ))
    return out


def nationality_key(words: str) -> str:
    """Match key of a nationality adjective: normalised, the article off every word."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in normalise(words).split())
