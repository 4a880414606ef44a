"""Headline events and the non-events beside them, on sentences written here in the
styles of several outlets (wire copy, Gulf dailies, the Saudi Press Agency)."""
import pytest

from test_extract_fixtures import names, run

from test_events_types import events

RU, TR, US, IR, IL, EG = (("روسيا", "russia"), ("تركيا", "turkey"), ("الولايات المتحدة", "us"),
                          ("إيران", "iran"), ("إسرائيل", "israel"), ("مصر", "egypt"))
GAZA = ("غزة", "gaza")


@pytest.mark.parametrize("text, mentions, etype, mode, actor", [
    # withdrawing from an agreement or talks is SANCTION, mode withdraw (PLOVER), never RETREAT
    ("أعلنت الولايات المتحدة أمس انسحابها من الاتفاق النووي مع إيران.", [US, IR], "SANCTION", "withdraw", "United States"),
    ("وانسحبت إيران من المفاوضات مع الولايات المتحدة في فيينا.", [IR, US], "SANCTION", "withdraw", "Iran"),
    # ceasefires and truces: RETREAT when declared, AGREE when agreed; never an attack
    ("أعلنت إسرائيل وقف إطلاق النار في غزة اعتبارا من منتصف الليل.", [IL, GAZA], "RETREAT", "ceasefire", "Israel"),
    ("وأعلنت تركيا هدنة إنسانية لمدة ثلاثة أيام.", [TR], "RETREAT", "ceasefire", "Turkey"),
    # resignations (CONCEDE), dismissals (COERCE), court sentences (ACCUSE: found guilty)
    ("قدم رئيس الوزراء المصري استقالته إلى الرئيس عبد الفتاح السيسي مساء الأحد.",
     [("رئيس الوزراء المصري", "abbas"), ("عبد الفتاح السيسي", "sisi")], "CONCEDE", "resign", "Mahmoud Abbas"),
    ("واستقال وزير الخارجية الروسي سيرغي لافروف من منصبه.", [("سيرغي لافروف", "lavrov")], "CONCEDE", "resign", "Sergey Lavrov"),
    ("أقال الرئيس التركي رجب طيب أردوغان وزير الداخلية.", [("رجب طيب أردوغان", "erdogan")], "COERCE", "dismiss",
     "Recep Tayyip Erdoğan"),
    ("قضت محكمة جنايات القاهرة اليوم بسجن محمود عباس عشر سنوات.", [("محمود عباس", "abbas")], "ACCUSE", "convict", None),
    ("وأصدرت محكمة مصرية حكما بإعدام محمود عباس.", [("محمود عباس", "abbas")], "ACCUSE", "convict", None),
    # expulsions and sanctions
    ("وطردت تركيا السفير الإسرائيلي ردا على الهجوم.", [TR], "SANCTION", None, "Turkey"),
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", [US, IR], "SANCTION", None, "United States"),
])
def test_headline_events_are_coded(text, mentions, etype, mode, actor):
    doc = run(text, mentions)
    got = [e for e in doc.events if e.type == etype and not e.negated and not e.hypothetical]
    assert got, f"no {etype} in {text}: {events(doc)}"
    assert got[0].mode == mode
    if actor is not None:
        assert names(doc, got[0])[1] == actor


def test_a_ceasefire_is_never_an_attack():
    doc = run("وأعلنت إسرائيل وقف إطلاق النار في غزة.", [IL, GAZA])
    assert not events(doc, "ASSAULT")


def test_the_court_and_the_one_sentenced():
    doc = run("قضت محكمة جنايات القاهرة بسجن محمود عباس عشر سنوات.", [("محمود عباس", "abbas"), ("القاهرة", "cairo")])
    ev = next(e for e in doc.events if e.type == "ACCUSE")
    assert ev.actor_text.startswith("محكمة")
    assert names(doc, ev)[2] == "Mahmoud Abbas"  # not Cairo, which names the court


def test_leaving_troops_is_still_retreat():
    doc = run("وانسحبت القوات الروسية من مدينة خيرسون.", [("الروسية", "russia")])
    assert events(doc, "RETREAT") and not events(doc, "SANCTION")


@pytest.mark.parametrize("text, mentions", [
    # a standing relation in a relative clause is no event
    ("وتواصل الدول التي تدعم إيران تمويل الجماعات المسلحة.", [IR]),
    ("وانتقد الوزير الدول التي تتعاون مع إسرائيل سرا.", [IL]),
])
def test_standing_relations_are_not_coded(text, mentions):
    doc = run(text, mentions)
    assert not events(doc, "SUPPORT") and not events(doc, "COOPERATE")


def test_a_purpose_is_not_an_event():
    doc = run("وتوجه الوفد المصري إلى القاهرة من أجل وقف إطلاق النار في غزة.", [EG, GAZA, ("القاهرة", "cairo")])
    assert not [e for e in doc.events if e.type == "RETREAT"]


@pytest.mark.parametrize("text, mentions, etype", [
    ("اقترحت مصر عقد قمة عربية طارئة في القاهرة.", [EG, ("القاهرة", "cairo")], "CONSULT"),  # a proposal
    ("وهددت الولايات المتحدة بفرض عقوبات على إيران.", [US, IR], "SANCTION"),  # a threat of sanctions
    ("وأحبطت الشرطة التركية هجوما انتحاريا في أنقرة.", [("أنقرة", "ankara")], "ASSAULT"),  # blocked
])
def test_proposed_threatened_and_blocked_acts_are_flagged(text, mentions, etype):
    doc = run(text, mentions)
    assert all(e.hypothetical or e.negated for e in doc.events if e.type == etype)


def test_a_threat_is_coded_as_threaten():
    doc = run("وهددت الولايات المتحدة بفرض عقوبات على إيران.", [US, IR])
    assert [e for e in doc.events if e.type == "THREATEN" and names(doc, e)[1] == "United States"]


def test_who_managed_an_arrest_made_it():
    doc = run("وتمكنت الشرطة التركية من اعتقال عشرين مطلوبا في أنقرة.", [("أنقرة", "ankara")])
    ev = next(e for e in doc.events if e.type == "COERCE")
    assert ev.mode == "arrest" and "الشرطة" in ev.actor_text


def test_restraint_is_no_arrest():
    doc = run("وطالب الرئيس المصري عبد الفتاح السيسي جميع الأطراف بضبط النفس.", [("عبد الفتاح السيسي", "sisi")])
    assert not events(doc, "COERCE")


@pytest.mark.parametrize("text, mentions, etype, actor, target", [
    ("تفجرت الأزمة بعد قرار الرئيس التركي رجب طيب أردوغان بإقالة وزير الداخلية.",
     [("رجب طيب أردوغان", "erdogan")], "COERCE", "Recep Tayyip Erdoğan", None),
    ("وجاء قرار الولايات المتحدة بفرض عقوبات على إيران بعد التجربة الصاروخية.", [US, IR], "SANCTION",
     "United States", "Iran"),
])
def test_the_one_whose_decision_it_is_does_the_act(text, mentions, etype, actor, target):
    doc = run(text, mentions)
    got = [names(doc, e) for e in doc.events if e.type == etype]
    assert got and got[0][1] == actor and (target is None or got[0][2] == target), events(doc)
