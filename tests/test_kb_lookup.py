"""Look-ups a linker relies on: spellings, nationality adjectives, titles, office holders."""
from __future__ import annotations

import pytest

from rasd.kb import KBError, load, load_dir
from rasd.kb.places import arabic_only


@pytest.fixture(scope="module")
def kb():
    return load()


def keys(entities):
    return [e.key for e in entities]


@pytest.mark.parametrize("spelling, key", [
    ("بكين", "beijing"), ("بيجين", "beijing"), ("بيجينغ", "beijing"),
    ("موسكو", "moscow"), ("كييف", "kyiv"),
    ("بيونغ يانغ", "pyongyang"), ("بيونغيانغ", "pyongyang"), ("بينغ يانغ", "pyongyang"),
    ("الصين", "china"), ("جمهورية الصين الشعبية", "china"),
    ("الولايات المتحدة", "united-states"), ("أمريكا", "united-states"), ("أميركا", "united-states"),
    ("اوكرانيا", "ukraine"), ("أوكرانيا", "ukraine"),
    ("روسيا الاتحادية", "russia"), ("كوريا الشمالية", "north-korea"),
    ("فلسطين", "palestine"), ("تركيا", "turkey"),
    ("قطاع غزة", "gaza-strip"), ("الضفة الغربية", "west-bank"), ("خان يونس", "khan-yunis"),
    ("بحر اليابان", "sea-of-japan"), ("بحر الصين الشرقي", "east-china-sea"), ("مضيق هرمز", "strait-of-hormuz"),
    ("ميدان تيانانمن", "tiananmen-square"), ("تشوهاى", "zhuhai"), ("كوالالمبور", "kuala-lumpur"),
    ("حلف شمال الأطلسي", "nato"), ("الناتو", "nato"), ("الاتحاد الأوروبي", "european-union"),
    ("رابطة دول جنوب شرق آسيا", "asean"), ("آسيان", "asean"), ("منظمة شنغهاي للتعاون", "shanghai-cooperation-organisation"),
    ("مجلس الأمن الروسي", "security-council-of-russia"), ("مجلس الأمن الدولي", "un-security-council"),
    ("لجنة الشؤون العسكرية المركزية", "central-military-commission-china"),
    ("وزارة الدفاع الروسية", "russia-ministry-of-defence"), ("الدفاع الروسية", "russia-ministry-of-defence"),
    ("البنتاغون", "united-states-ministry-of-defence"), ("الخارجية الأمريكية", "united-states-ministry-of-foreign-affairs"),
    ("الحوثيين", "houthis"), ("أنصار الله", "houthis"), ("داعش", "islamic-state"), ("قسد", "sdf"),
    ("أسوشيتد برس", "associated-press"), ("فرانس برس", "afp"), ("تشاينا دايلي", "china-daily"),
])
def test_arabic_spelling_finds_entity(kb, spelling, key):
    assert kb.by_arabic(spelling)[:1] and kb.by_arabic(spelling)[0].key == key


def test_article_and_orthography_are_folded(kb):
    # ال optional, hamza seats, ة/ه, ى/ي, diacritics, tatweel
    assert keys(kb.by_arabic("صين"))[:1] == ["china"]
    assert keys(kb.by_arabic("الإسكندرية")) == keys(kb.by_arabic("الاسكندريه"))
    assert keys(kb.by_arabic("مُوسْكُو"))[:1] == ["moscow"]
    assert keys(kb.by_arabic("طـهـران"))[:1] == ["tehran"]


def test_common_words_are_not_places(kb):
    # كيف "how", صور "pictures", بن "son of", ليل "night", دولة "state", هوية
    # "identity", بيرا (Beira) inside كبيرا "big": never a city on their own
    for word in ("كيف", "صور", "بن", "ليل", "هام", "قم", "المالية", "دولة", "الدولة", "هوية", "ميدان", "بيرا", "طراز",
                 "ديلي", "نوك", "أبل", "نجد", "أراك"):
        assert kb.by_arabic(word) == [], word


def test_country_reachable_by_longer_name_when_cldr_name_is_a_word(kb):
    # مالي "financial", بنين "boys": full forms are the long names; the bare
    # CLDR name is only a short form (taken after the full name)
    mali, benin = kb.get("mali"), kb.get("benin")
    assert kb.by_arabic("جمهورية مالي")[0] is mali and "مالي" not in mali.ar and "مالي" in mali.short_ar
    assert kb.by_arabic("جمهورية بنين")[0] is benin and "بنين" not in benin.ar and "بنين" in benin.short_ar


def test_entity_records_carry_english_title_and_wikidata(kb):
    china = kb.get("china")
    assert (china.name, china.wikidata, china.country, china.type) == ("China", "Q148", "CN", "GPE")
    assert kb.get("kb:palestine").name == "State of Palestine"
    assert kb.country("TR").name == "Turkey"
    assert kb.get("russia-ministry-of-defence").name == "Ministry of Defence (Russia)"
    assert "AP" in kb.get("associated-press").aliases
    assert kb.by_name("PRC")[0].key == "china"


@pytest.mark.parametrize("word, code", [
    ("الصينية", "CN"), ("الصيني", "CN"), ("صيني", "CN"), ("الصينيين", "CN"),
    ("الروسي", "RU"), ("والروس", "RU"), ("الأمريكيون", "US"), ("الأميركية", "US"),
    ("الإسرائيليين", "IL"), ("الإيراني", "IR"), ("التركية", "TR"), ("الأوكراني", "UA"),
    ("السعودي", "SA"), ("المصرية", "EG"), ("الإماراتي", "AE"), ("القطرية", "QA"), ("اللبناني", "LB"),
    ("الكوري الشمالي", "KP"), ("الكورية الجنوبية", "KR"), ("البريطانية", "GB"), ("الفرنسي", "FR"),
    ("والهندية", "IN"), ("الفلسطينيين", "PS"),
])
def test_nationality_adjective_gives_country(kb, word, code):
    assert kb.nationality(word) == code


def test_non_nationality_words(kb):
    for word in ("المالية", "الخارجية", "الدفاع", "العسكري", "الدولي"):
        assert kb.nationality(word) is None, word


def test_title_phrases_map_to_roles(kb):
    phrases = kb.role_phrases()
    assert phrases["وزير الخارجيه"] == "foreign_minister"
    assert phrases["وزيره الخارجيه"] == "foreign_minister"
    assert phrases["وزير الدفاع"] == "defence_minister"
    assert phrases["وزير الحرب"] == "defence_minister"
    assert phrases["الرييس"] == "head_of_state"
    assert phrases["رييس الوزراء"] == "head_of_government"
    assert phrases["المتحدثه باسم وزاره الخارجيه"] == "foreign_ministry_spokesperson"
    assert phrases["سكرتير مجلس الامن"] == "security_council_secretary"
    assert phrases["الامين العام للامم المتحده"] == "un_secretary_general"
    assert phrases["الامين العام لحلف شمال الاطلسي"] == "nato_secretary_general"
    assert phrases["المرشد الاعلي"] == "supreme_leader"
    assert kb.role_phrase_country()["سيد الكرملين"] == "RU"


def test_ministry_by_country_and_kind(kb):
    assert kb.ministry("RU", "defence").key == "russia-ministry-of-defence"
    assert kb.ministry("CN", "foreign").country == "CN"
    assert kb.ministry("ZZ", "defence") is None


PEOPLE = """
- key: anna-ivanova
  name: Anna Ivanova
  type: PER
  wikidata: null
  country: RU
  ar: [آنا إيفانوفا]
  short_ar: [إيفانوفا]
  roles:
    - {role: foreign_minister, of: RU, start: 2010-03-01, end: 2019-06-30}
- key: boris-orlov
  name: Boris Orlov
  type: PER
  wikidata: null
  country: RU
  ar: [بوريس أورلوف]
  roles:
    - {role: foreign_minister, of: RU, start: 2019-06-30, end: null}
    - {role: security_council_secretary, of: RU, start: 2005, end: 2009-12}
"""


@pytest.fixture()
def small_kb(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "ru.yaml").write_text(PEOPLE, encoding="utf-8")
    return load_dir(tmp_path, geonames=False)


def test_holders_on_a_date(small_kb):
    assert keys(small_kb.holders("foreign_minister", "RU", "2015-01-01")) == ["anna-ivanova"]
    assert keys(small_kb.holders("foreign_minister", "RU", "2021-11-12")) == ["boris-orlov"]
    # handover day: both held it; the newly appointed comes first
    assert keys(small_kb.holders("foreign_minister", "RU", "2019-06-30")) == ["boris-orlov", "anna-ivanova"]
    assert small_kb.holders("foreign_minister", "RU", "2001-01-01") == []
    assert small_kb.holders("foreign_minister", "CN", "2015-01-01") == []


def test_holders_latest_and_partial_dates(small_kb):
    assert keys(small_kb.holders("foreign_minister", "RU", None)) == ["boris-orlov"]
    # partial dates cover the whole year / month
    assert keys(small_kb.holders("security_council_secretary", "RU", "2005-01-01")) == ["boris-orlov"]
    assert keys(small_kb.holders("security_council_secretary", "RU", "2009-12-31")) == ["boris-orlov"]
    # nobody holds it now: latest is the last appointed
    assert keys(small_kb.holders("security_council_secretary", "RU", None)) == ["boris-orlov"]


def test_short_forms_rank_after_full_forms(small_kb):
    assert keys(small_kb.by_arabic("إيفانوفا")) == ["anna-ivanova"]
    assert keys(small_kb.by_arabic("بوريس اورلوف")) == ["boris-orlov"]


def test_role_of_unknown_body_is_rejected(tmp_path):
    (tmp_path / "p.yaml").write_text(
        "- {key: a-b, name: A B, type: PER, ar: [أ ب], roles: [{role: foreign_minister, of: atlantis, start: 2020}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(KBError, match="atlantis"):
        load_dir(tmp_path, geonames=False)


@pytest.mark.parametrize("name, ok", [
    ("بكين", True), ("حلب", True), ("الإسكندرية", True), ("الجزائر", True),
    ("پکن", False), ("بیجنگ", False), ("کیف", False), ("كىيېۋ", False), ("ئۈرۈمچى", False), ("غزہ", False),
])
def test_geonames_filter_keeps_only_arabic_spellings(name, ok):
    assert arabic_only(name) is ok


def test_generated_cities_fill_gaps_but_curated_wins(kb):
    # a city nobody curated still resolves, flagged as generated
    hits = kb.by_arabic("يكاترينبرج")
    assert hits and hits[0].extra.get("generated") and hits[0].country == "RU"
    # a curated city is not duplicated by its GeoNames twin
    assert [e.key for e in kb.entities() if e.name == "Beijing"] == ["beijing"]


def test_a_generated_place_whose_spelling_opens_like_the_article_is_kept(kb):
    # إلينوي normalises to الينوي; its rest ينوي ("intends") is a common word, but the
    # written word has no article, so Illinois stays; a listed word (إليك "to you") does not.
    assert [e.name for e in kb.by_arabic("إلينوي")] == ["Illinois"]
    assert not [e for e in kb.by_arabic("إليك") if e.extra.get("generated")]


def test_pieces_of_an_unseen_news_sentence(kb):
    # "أعلنت وزارة الدفاع التركية أن قواتها قصفت مواقع لحزب العمال الكردستاني
    #  شمالي العراق، فيما قالت المتحدثة باسم الخارجية الروسية إن موسكو تتابع"
    assert kb.by_arabic("وزارة الدفاع التركية")[0].extra["ministry"] == {"of": "TR", "kind": "defence"}
    assert kb.nationality("التركية") == "TR" and kb.nationality("الروسية") == "RU"
    assert kb.by_arabic("حزب العمال الكردستاني")[0].name == "Kurdistan Workers' Party"
    assert kb.by_arabic("العراق")[0].key == "iraq"
    assert kb.role_phrases()["المتحدثه باسم الخارجيه"] == "foreign_ministry_spokesperson"
    assert kb.by_arabic("الخارجية الروسية")[0].name == "Ministry of Foreign Affairs (Russia)"
    assert kb.by_arabic("موسكو")[0].country == "RU"
    # the English side: the Wikipedia title is what the output contract shows
    assert kb.by_arabic("الحوثيين")[0].name == "Houthis"
    assert kb.by_arabic("الكرملين")[0].name == "Moscow Kremlin"
