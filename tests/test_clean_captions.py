"""Captions of the article's own photos under its last paragraph are article text (issue 14, recall).

Al Yaum prints its photos' captions as short lines after the last paragraph,
where other pages put lists of other stories' headlines: the captions use the
article's words, the headlines do not. Pages written for these tests.
"""
from __future__ import annotations

from html import escape

from rasd.clean import clean
from rasd.ingest import RawArticle

REPORT = [
    "افتتح أمين المنطقة الشرقية أمس مهرجان الواجهة البحرية الصيفي في الدمام، بمشاركة أكثر من أربعين أسرة منتجة وعدد من الفرق الشعبية، ويستمر المهرجان أسبوعين.",
    "وتضم خيمة الأسر المنتجة أركانا للأكلات الشعبية والحياكة والعطور، فيما خصصت اللجنة المنظمة مسرحا للأطفال يقدم عروضا يومية ومسابقات وجوائز للفائزين.",
    "وقال رئيس اللجنة المنظمة إن المهرجان استقبل في يومه الأول أكثر من عشرة آلاف زائر، وإن الألعاب النارية ستنطلق كل مساء عند الساعة التاسعة على الواجهة البحرية.",
]
CAPTIONS = [
    "أمين المنطقة الشرقية خلال افتتاح المهرجان",
    "جانب من خيمة الأسر المنتجة",
    "عروض الفرق الشعبية على مسرح الواجهة البحرية",
    "أطفال يشاركون في مسابقات المسرح",
]
# Other stories' headlines in that place.
HEADLINES = [
    "ارتفاع أسعار الذهب في الأسواق المحلية",
    "وزارة التعليم تعلن مواعيد الاختبارات النهائية",
    "النصر يتعاقد مع حارس مرمى جديد لثلاثة مواسم",
    "انخفاض درجات الحرارة على المرتفعات الجنوبية",
]


def test_captions_under_the_last_paragraph_stay():
    # Al Yaum's style, scraped text: section label, title and date above, the copyright line under.
    page = ("الرئيسية\nأخبار محلية\nمهرجان الواجهة البحرية يستقبل زواره\nالأربعاء 22 يوليو 2015\n\n"
            + "\n\n".join(REPORT + CAPTIONS) + "\n\nجميع الحقوق محفوظة")
    body = clean(RawArticle(page, "text", path="captions.txt")).body
    assert body.split("\n\n") == REPORT + CAPTIONS


def _page(tail: list[str]) -> str:
    # Okaz's style, HTML: the lines under the last paragraph, then a share bar.
    return ("<html><head><meta charset='utf-8'><title>مهرجان الواجهة البحرية يستقبل زواره</title></head><body>"
            "<article><h1>مهرجان الواجهة البحرية يستقبل زواره</h1>"
            + "\n".join(f"<p>{escape(p)}</p>" for p in REPORT + tail)
            + "<p>شارك الخبر</p></article></body></html>")


def test_captions_above_a_share_bar_stay():
    body = clean(RawArticle(_page(CAPTIONS), "html", path="captions.html")).body
    assert all(p in body for p in REPORT + CAPTIONS)


def test_other_stories_headlines_in_that_place_go():
    body = clean(RawArticle(_page(HEADLINES), "html", path="headlines.html")).body
    assert all(p in body for p in REPORT)
    assert not any(h in body for h in HEADLINES)
