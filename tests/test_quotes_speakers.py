"""Quotes in every mark style and reported speech, each with its speaker (sentences not from the seeds)."""
import pytest

from test_extract_fixtures import run

PUTIN = ("فلاديمير بوتين", "putin")


def said(doc):
    return [((doc.entity(q.speaker).name if doc.entity(q.speaker) else None), q.kind, q.text) for q in doc.quotes]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("«", "»"), ("“", "”"), ("“", '"'), ("”", "”"), ('"', "”")])
def test_direct_quote_in_any_marks(open_, close):
    body = f"وقال الرئيس الروسي فلاديمير بوتين: {open_}لن نسمح بتوسع الحلف نحو حدودنا{close}، وفق وكالة تاس."
    doc = run(body, [PUTIN])
    assert said(doc) == [("Vladimir Putin", "direct", "لن نسمح بتوسع الحلف نحو حدودنا")]
    q = doc.quotes[0]
    assert body[q.start:q.end] == q.text


def test_reported_speech_with_each_cue():
    for cue in ["قال", "أكد", "أضاف", "شدد", "أعلن", "أوضح", "أشار", "صرح", "لفت", "اعتبر"]:
        doc = run(f"و{cue} أردوغان أن تركيا لن تتخلى عن حقوقها في شرق المتوسط.", [("أردوغان", "erdogan"),
                                                                              ("تركيا", "turkey")])
        assert said(doc) == [("Recep Tayyip Erdoğan", "reported", "تركيا لن تتخلى عن حقوقها في شرق المتوسط")], cue


def test_speaker_after_a_long_title_is_the_person():
    doc = run("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات لن تغير موقف موسكو.",
              [("ماريا زاخاروفا", "zakharova"), ("وزارة الخارجية الروسية", "mfa_ru"), ("موسكو", "moscow")])
    assert said(doc)[0][0] == "Maria Zakharova"


def test_a_place_inside_the_title_does_not_hide_the_name():
    for body in ("وقال قائد الشرطة في محافظة الجيزة بالقاهرة العميد محمود عباس، إن الوضع تحت السيطرة تماما.",
                 "ويقول الباحث بالمركز محمود عباس إن الوضع تحت السيطرة تماما."):
        doc = run(body, [("محمود عباس", "abbas"), ("القاهرة", "cairo")])
        assert said(doc) == [("Mahmoud Abbas", "reported", "الوضع تحت السيطرة تماما")], body
    doc = run("وقال الرئيس الروسي فلاديمير بوتين لنظيره التركي رجب طيب أردوغان إن الوضع تحت السيطرة.",
              [PUTIN, ("رجب طيب أردوغان", "erdogan")])
    assert said(doc)[0][0] == "Vladimir Putin"


def test_speaker_via_a_linked_title_mention():
    doc = run("وقال الرئيس الروسي إن المحادثات كانت بناءة.", [], roles={"الرئيس الروسي": "putin"})
    assert said(doc) == [("Vladimir Putin", "reported", "المحادثات كانت بناءة")]


def test_bare_title_resolves_to_the_latest_holder_mentioned():
    doc = run("استقبل وزير الخارجية المصري سامح شكري نظيره. وقال الوزير إن الجانبين بحثا ملف غزة. "
              "وأضاف أن التنسيق مستمر.", [("وزير الخارجية المصري", "sisi")])
    # the role mention is linked (here to a stand-in person): "الوزير" goes back to it, "وأضاف" follows
    speakers = [s for s, _, _ in said(doc)]
    assert speakers == ["Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"]


def test_wa_adafa_without_subject_keeps_the_previous_speaker():
    body = ('وقال وزير الخارجية الصيني وانغ يي إن بكين تدعم الحوار. '
            'وأضاف: «لا بديل عن الحل السياسي للأزمة الأوكرانية».')
    doc = run(body, [("وانغ يي", "wang")])
    assert said(doc) == [("Wang Yi", "reported", "بكين تدعم الحوار"),
                         ("Wang Yi", "direct", "لا بديل عن الحل السياسي للأزمة الأوكرانية")]


def test_addressee_and_source_are_not_the_speaker():
    doc = run('وقال بوتين لأردوغان، بحسب الكرملين: "نحن مستعدون للتعاون في مجال الطاقة".',
              [("بوتين", "putin"), ("أردوغان", "erdogan")])
    assert said(doc)[0][0] == "Vladimir Putin"


def test_participle_inherits_the_speaker():
    doc = run("وأكد بوتين أهمية العلاقات مع تركيا، مشيرا إلى أن التبادل التجاري بلغ مستوى قياسيا.",
              [("بوتين", "putin"), ("تركيا", "turkey")])
    assert ("Vladimir Putin", "reported", "التبادل التجاري بلغ مستوى قياسيا") in said(doc)


def test_scare_quotes_and_quoted_names_are_not_quotes():
    doc = run('ووصفت الصين العلاقة مع روسيا بأنها صداقة "بلا حدود". وذكرت وكالة "رويترز" الخبر.',
              [("الصين", "china"), ("روسيا", "russia")])
    assert all("رويترز" != q.text for q in doc.quotes)
    assert all(q.text != "بلا حدود" for q in doc.quotes)
    doc = run('ورفع المتظاهرون لافتات كتب عليها "لا للحرب" في ساحة التحرير.', [])
    assert doc.quotes == []


def test_quote_before_its_cue():
    body = "«لن نقبل بأي تسوية على حساب شعبنا»، قال الرئيس الفلسطيني محمود عباس أمام المجلس المركزي."
    doc = run(body, [("محمود عباس", "abbas")])
    assert said(doc) == [("Mahmoud Abbas", "direct", "لن نقبل بأي تسوية على حساب شعبنا")]


def test_asides_and_verbal_nouns_are_not_speech():
    for body in ("ويذكر أن المهرجان يقام سنويا في العاصمة منذ عشرين عاما.",
                 "وارتفعت الأسهم بنسبة خمسة في المئة، وفي هذا إشارة إلى أن المستثمرين عادوا إلى السوق.",
                 "وجاء ذلك في إشارة إلى أن الحكومة ستخفض الضرائب."):
        assert run(body, []).quotes == [], body
    doc = run("وذكر بوتين أن المحادثات كانت بناءة.", [("بوتين", "putin")])
    assert said(doc) == [("Vladimir Putin", "reported", "المحادثات كانت بناءة")]


def test_nouns_with_the_article_are_not_speech_verbs():
    for body in ("والجدير بالذكر أن المعرض يستمر أسبوعا.",
                 "وسجل المتقدمون عبر الموقع التابع: أن الطلبات تقبل حتى الخميس."):
        assert run(body, []).quotes == [], body
