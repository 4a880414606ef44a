"""Poems are article text, not headline lists (issue 14, recall): pages written for these tests.

A poem's lines are short and end without a stop, as a list of other stories'
headlines does; they rhyme, which headlines do only by chance. A page that is
one poem (Al Yaum's poetry page) kept nothing, and a column's quoted verses
between two paragraphs went with the headline lists.
"""
from __future__ import annotations

import re
from html import escape

from rasd.clean import clean
from rasd.ingest import RawArticle

# Alternate rhyme (ABAB), as a Nabati poem is printed: one hemistich a line.
POEM = [
    "سريت في ليل الهوى وحدي أنادي",
    "دروب عمر ضاع من كفي ماضيها",
    "أبحث عن الخلان في وسط الوادي",
    "وأسأل النجمات عن عهد أهاليها",
    "تقول لي الأيام ما عاد ينادي",
    "صوت الأحبة والمسافة تطويها",
    "رجعت للدار القديمة باعتيادي",
    "ألقى الجدار وذكرياتي تحييها",
    "يا دار وين اللي ملوا قلب فؤادي",
    "ضحك وفرح والليالي نسهر فيها",
    "صبرت والصبر الجميل هو زادي",
    "والله يكتب للقلوب أمانيها",
]


def test_a_page_that_is_one_poem_keeps_its_lines():
    # Al Yaum's style, scraped text: section label, the poem's title, the date, then the poem alone.
    page = "الرئيسية\nثقافة وفنون\nليل الهوى\nالخميس 23 يوليو 2015\n\n" + "\n".join(POEM) + "\n\nجميع الحقوق محفوظة"
    body = clean(RawArticle(page, "text", path="poem.txt")).body
    assert body.split("\n\n") == POEM


COLUMN_HEAD = [
    "يعود الحديث كل صيف عن هجرة أبناء القرى إلى المدن الكبيرة، وعن البيوت الطينية التي تركها أهلها فتهدمت جدرانها وذبلت نخيلها، ولم يبق منها إلا الذكرى.",
    "وقد كتب شعراء المنطقة كثيرا عن هذه البيوت، ومن أجمل ما قرأت أبيات لشاعر من أبناء الوادي قالها حين عاد إلى قريته بعد غياب طويل.",
]
# A qasida printed a hemistich a line: only every second line carries the rhyme.
VERSES = [
    "مررت على الوادي القديم وأهله",
    "فلم أر إلا الرمل فيه مجددا",
    "وكان لنا فيه نخيل وجدول",
    "وبيت من الطين القديم تبددا",
    "سألت جدار الدار عن صحبة مضوا",
    "فرد جدار الدار صمتا مرددا",
    "وقلت لعل الغيث يحيي ربوعه",
    "فيرجع للوادي الذي كان موعدا",
]
COLUMN_TAIL = [
    "هذه الأبيات تختصر حكاية جيل كامل من أبناء القرى، غادروا بيوتهم بحثا عن العمل والتعليم، ثم عادوا بعد سنوات فلم يجدوا ما تركوه.",
    "ولعل الحل في مشاريع ترميم البيوت الطينية وتحويلها إلى نزل تراثية، كما فعلت بعض المناطق، فتعود الحياة إلى القرى ويجد أبناؤها سببا للعودة إليها.",
]
# Other stories' headlines in the same place: short, no stop, no rhyme.
HEADLINES = [
    "أمانة المنطقة تطرح مشروع تطوير الواجهة البحرية",
    "ارتفاع أسعار الخضار في الأسواق المركزية",
    "الهلال يتعاقد مع مهاجم برازيلي لموسمين",
    "جامعة الملك سعود تعلن مواعيد القبول",
]


def _column(middle: list[str]) -> str:
    paragraphs = COLUMN_HEAD + middle + COLUMN_TAIL
    return ("<html><head><meta charset='utf-8'><title>بيوت الطين</title></head><body>"
            "<nav><a href='/'>الرئيسية</a></nav><article><h1>بيوت الطين</h1>"
            + "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            + "</article><footer>جميع الحقوق محفوظة 2015</footer></body></html>")


def test_verses_a_column_quotes_between_its_paragraphs_stay():
    # Al Jazirah's style, HTML: the verses follow a paragraph ending in a stop, no colon announces them.
    body = clean(RawArticle(_column(VERSES), "html", path="column.html")).body
    assert all(p in body for p in COLUMN_HEAD + VERSES + COLUMN_TAIL)


def test_a_headline_list_in_the_same_place_still_goes():
    # (The paragraph under the list opens like a lead: it goes too, as a teaser's summary would.)
    body = clean(RawArticle(_column(HEADLINES), "html", path="column.html")).body
    assert all(p in body for p in COLUMN_HEAD + COLUMN_TAIL[1:])
    assert not any(h in body for h in HEADLINES)


# Sabq's scraped text: a "more on this" list between two paragraphs, each headline closed by its date.
DATED_LIST_PAGE = """الرئيسية
محليات
أمير الرياض يدشن مشروع النقل العام في العاصمة
الأربعاء 12 مارس 2024
دشن صاحب السمو الملكي أمير منطقة الرياض اليوم مشروع النقل العام في العاصمة، بحضور عدد من المسؤولين في الهيئة الملكية لمدينة الرياض وأمانة المنطقة.
ويشمل المشروع ست مسارات للقطارات بطول يتجاوز 176 كيلومترا، إضافة إلى شبكة حافلات تغطي أحياء العاصمة المختلفة، وفق ما أعلنته الهيئة في بيانها.
الهيئة الملكية تعلن مواعيد تشغيل قطار الرياض 10 مارس 2024
أمانة الرياض تطرح مشروعات جديدة لتطوير الطرق 9 مارس 2024
افتتاح محطة قطار الملك عبدالله المالي 8 مارس 2024
النقل العام في الرياض يستقبل أول الركاب 7 مارس 2024
ولي العهد يطلق مشروع الرياض الخضراء 6 مارس 2024
أسعار تذاكر قطار الرياض للطلاب والموظفين 5 مارس 2024
تحويلات مرورية مؤقتة في طريق الملك فهد 4 مارس 2024
الحافلات الجديدة تبدأ العمل في أحياء شرق الرياض 3 مارس 2024
وأوضح أمير المنطقة أن مشروع النقل العام سيخفف الازدحام المروري في شوارع الرياض، ويوفر للسكان والزوار وسيلة نقل آمنة وسريعة بأسعار مناسبة.
من جهته قال رئيس الهيئة الملكية لمدينة الرياض إن تشغيل المسارات سيتم على مراحل، تبدأ بالمسار الأزرق ثم المسار الأحمر خلال الأشهر المقبلة.
شارك الخبر
جميع الحقوق محفوظة لصحيفة سبق 2024
"""


def test_headlines_ending_in_the_same_date_or_outlet_are_no_poem():
    # The same last word ("2024", or the outlet's "| سبق") is no rhyme: the list goes, as before poems were read.
    for page in (DATED_LIST_PAGE, re.sub(r" \d+ مارس 2024", " | سبق", DATED_LIST_PAGE)):
        body = clean(RawArticle(page, "text", path="list.txt")).body
        assert "ويشمل المشروع ست مسارات" in body and "من جهته قال رئيس الهيئة" in body
        assert "افتتاح محطة قطار الملك عبدالله المالي" not in body and "ولي العهد يطلق" not in body
