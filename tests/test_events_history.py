"""An act told as background history is no news, and one act told again in a later
sentence is one event: sentences written here in wire and Gulf-daily styles."""
import pytest

from test_extract_fixtures import run

from test_events_types import events

TR, IR, US = ("تركيا", "turkey"), ("إيران", "iran"), ("الولايات المتحدة", "us")
ERDOGAN = ("رجب طيب أردوغان", "erdogan")
SISI = ("عبد الفتاح السيسي", "sisi")
PUBLISHED = "2015-08-07"


@pytest.mark.parametrize("text, mentions, etype", [
    # an earlier year by the act
    ("وكانت الولايات المتحدة قد فرضت عقوبات على إيران في عام 2008.", [US, IR], "SANCTION"),
    # dated months before publication, in a relative clause or not
    ("وأشار إلى الرئيس عبد الفتاح السيسي الذي التقى رجب طيب أردوغان في مارس الماضي.", [SISI, ERDOGAN], "CONSULT"),
    ("وفرضت الولايات المتحدة عقوبات على إيران في 12 يناير الماضي.", [US, IR], "SANCTION"),
    # since a long-ago start: a running state, no act of the day
    ("وتفرض الولايات المتحدة عقوبات على إيران منذ اندلاع الأزمة.", [US, IR], "SANCTION"),
])
def test_history_is_not_coded(text, mentions, etype):
    doc = run(text, mentions, published=PUBLISHED)
    assert not [e for e in doc.events if e.type == etype], events(doc)


@pytest.mark.parametrize("text, mentions, etype", [
    ("فرضت الولايات المتحدة أمس عقوبات جديدة على إيران.", [US, IR], "SANCTION"),
    ("التقى الرئيس عبد الفتاح السيسي رجب طيب أردوغان يوم الثلاثاء الماضي.", [SISI, ERDOGAN], "CONSULT"),
    ("وفرضت الولايات المتحدة عقوبات على إيران في عام 2015.", [US, IR], "SANCTION"),  # this year: news
])
def test_recent_acts_stay(text, mentions, etype):
    doc = run(text, mentions, published=PUBLISHED)
    assert [e for e in doc.events if e.type == etype], events(doc)


def test_an_earlier_year_needs_a_publication_date_to_count_as_history():
    doc = run("وكانت الولايات المتحدة قد فرضت عقوبات على إيران في عام 2008.", [US, IR])
    assert [e for e in doc.events if e.type == "SANCTION"], events(doc)


def test_an_act_told_again_in_a_later_sentence_is_one_event():
    doc = run("فرضت الولايات المتحدة أمس عقوبات جديدة على إيران. وقالت الخارجية إن الولايات المتحدة "
              "فرضت العقوبات على إيران بسبب برنامجها الصاروخي.", [US, IR], published=PUBLISHED)
    assert len([e for e in doc.events if e.type == "SANCTION"]) == 1, events(doc)


def test_a_retelling_lends_the_party_the_lead_lacked():
    doc = run("وطردت تركيا أمس السفير. وأضاف المتحدث أن تركيا طردت السفير الإسرائيلي ردا على الهجوم.",
              [TR], published=PUBLISHED)
    assert len([e for e in doc.events if e.type == "SANCTION"]) == 1, events(doc)


def test_different_targets_stay_two_events():
    doc = run("فرضت الولايات المتحدة أمس عقوبات على إيران. كما فرضت الولايات المتحدة عقوبات على تركيا.",
              [US, IR, TR], published=PUBLISHED)
    targets = {t for ty, _, t, _ in events(doc) if ty == "SANCTION"}
    assert targets == {"Iran", "Turkey"}, events(doc)


def test_an_attack_told_by_verb_noun_and_again_is_one_event():
    doc = run("قتل ثلاثة جنود أمس في هجوم شنه مسلحون على دورية للجيش في شمال بغداد. وأوضح مصدر أمني "
              "أن مسلحين هاجموا الدورية بالأسلحة الرشاشة.", [("بغداد", "baghdad")], published=PUBLISHED)
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 1, events(doc)


def test_two_attacks_of_one_sentence_on_two_objects_stay_two():
    doc = run("قصف الطيران محطة وقود شمال بغداد، وقصف أيضا مخزنا للسلاح.", [("بغداد", "baghdad")],
              published=PUBLISHED)
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 2, events(doc)
