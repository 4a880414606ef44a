"""Praise, thanks and congratulation, trials, arrests and dismissals, votes and the killed:
trigger words added for recall, each beside the sentence where the same word is no event. Sentences written here in the styles of the Saudi Press Agency, Gulf
dailies and wire copy."""
import pytest

from test_extract_fixtures import names, run

SISI, LAVROV, MACRON = ("عبد الفتاح السيسي", "sisi"), ("سيرغي لافروف", "lavrov"), ("إيمانويل ماكرون", "macron")
ERDOGAN, ABBAS = ("رجب طيب أردوغان", "erdogan"), ("محمود عباس", "abbas")
RU, CN, EG, US, IR = ("روسيا", "russia"), ("الصين", "china"), ("مصر", "egypt"), ("الولايات المتحدة", "us"), ("إيران", "iran")


def told(doc, etype):
    return [e for e in doc.events if e.type == etype and not e.negated and not e.hypothetical]


@pytest.mark.parametrize("text, mentions, etype, mode, actor, target", [
    # praise, thanks, congratulation: SUPPORT
    ("وثمّن الرئيس عبد الفتاح السيسي جهود روسيا في مكافحة الإرهاب.", [SISI, RU], "SUPPORT", None, "Abdel Fattah el-Sisi", None),
    ("ونوّه وزير الخارجية سيرغي لافروف بالدور الذي تقوم به مصر في الوساطة.", [LAVROV, EG], "SUPPORT", None,
     "Sergey Lavrov", None),
    ("وشكر الرئيس الفرنسي إيمانويل ماكرون الصين على مساعداتها الطبية.", [MACRON, CN], "SUPPORT", None,
     "Emmanuel Macron", "China"),
    ("بعث الرئيس عبد الفتاح السيسي ببرقية تهنئة للرئيس رجب طيب أردوغان بمناسبة فوزه في الانتخابات.",
     [SISI, ERDOGAN], "SUPPORT", None, "Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"),
    ("وهنأت الصين روسيا بنجاح القمة.", [CN, RU], "SUPPORT", None, "China", "Russia"),
    # a trial brought is ACCUSE; the one tried is the target
    ("أجلت محكمة جنايات القاهرة اليوم محاكمة محمود عباس إلى جلسة الأحد المقبل.", [ABBAS], "ACCUSE", None, None,
     "Mahmoud Abbas"),
    # arrests and punitive dismissals: COERCE
    ("وقبضت الشرطة على محمود عباس في القاهرة أمس.", [ABBAS], "COERCE", "arrest", None, "Mahmoud Abbas"),
    ("وعزل الرئيس رجب طيب أردوغان محافظ البنك المركزي من منصبه.", [ERDOGAN], "COERCE", "dismiss",
     "Recep Tayyip Erdoğan", None),
    # a body voting for or approving is AGREE, voting against REJECT
    ("وصوتت الولايات المتحدة لصالح القرار الذي قدمته مصر.", [US, EG], "AGREE", "ratify", "United States", None),
    ("وصوتت الولايات المتحدة ضد مشروع القرار الروسي.", [US, RU], "REJECT", None, "United States", None),
    ("بعث الرئيس عبد الفتاح السيسي برقية تهنئة لفخامة الرئيس رجب طيب أردوغان بمناسبة ذكرى تأسيس الجمهورية.",
     [SISI, ERDOGAN], "SUPPORT", None, "Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"),
    # soldiers killed: ASSAULT
    ("واستشهد ثلاثة جنود مصريين برصاص قناص في رفح أمس.", [], "ASSAULT", None, None, None),
])
def test_the_added_triggers_are_coded(text, mentions, etype, mode, actor, target):
    doc = run(text, mentions)
    got = told(doc, etype)
    assert got, f"no {etype} in {text}: {[(e.type, e.trigger) for e in doc.events]}"
    ev = got[0]
    assert ev.mode == mode
    _, actor_name, target_name, _ = names(doc, ev)
    assert actor_name == actor or actor is None and ev.actor is None
    if target is not None:
        assert target_name == target


@pytest.mark.parametrize("text, mentions, etype", [
    ("ودفعت إيران ثمن سياساتها في المنطقة.", [IR], "SUPPORT"),  # paid the price
    ("ونوّه سيرغي لافروف إلى أن المحادثات مع الصين مستمرة.", [LAVROV, CN], "SUPPORT"),  # pointed out
    ("وثمّن الوزير البرنامج العلمي وأثره على تطوير الإنتاج.", [], "SUPPORT"),  # praise of a thing, no addressee
    ("واستشهد الرئيس عبد الفتاح السيسي بقول الشاعر في كلمته.", [SISI], "ASSAULT"),  # quoted
])
def test_the_same_words_that_are_no_event(text, mentions, etype):
    assert not told(run(text, mentions), etype)


def test_the_doer_of_a_condemned_deed_is_the_target_not_the_one_it_hit():
    doc = run("ندد وزير الخارجية سيرغي لافروف اليوم بالأنشطة التخريبية لإيران في المنطقة.", [LAVROV, IR])
    assert [names(doc, e)[1:3] for e in told(doc, "ACCUSE")] == [("Sergey Lavrov", "Iran")]
    doc = run("وأدانت الصين العقوبات الغربية ضد روسيا.", [CN, RU])
    assert [names(doc, e)[2] for e in told(doc, "ACCUSE")] == [None]
