"""An HTML page without site metadata still names its outlet through its footer."""
from rasd.clean import clean
from rasd.ingest import RawArticle

PAGE = """<html><head><title>أخبار | افتتاح معرض الكتاب</title></head><body>
<nav>الرئيسية | محليات | اقتصاد</nav>
<article><h1>افتتاح معرض الكتاب في الرباط بمشاركة 40 دولة</h1>
<p>افتتح وزير الثقافة المغربي مساء أمس معرض الكتاب الدولي في الرباط بمشاركة ناشرين من أربعين دولة، ويستمر المعرض عشرة أيام.</p>
<p>وقال المنظمون إن عدد الزوار المتوقع يتجاوز نصف مليون زائر هذا العام.</p></article>
<footer><p>جميع الحقوق محفوظة © 2025 هسبريس</p></footer></body></html>"""


def test_footer_copyright_names_the_outlet():
    doc = clean(RawArticle(content=PAGE, kind="html"))
    assert doc.source.outlet == "هسبريس"
    assert "جميع الحقوق" not in doc.body


def test_given_outlet_wins_over_the_footer():
    doc = clean(RawArticle(content=PAGE, kind="html", outlet="بوابة المغرب"))
    assert doc.source.outlet == "بوابة المغرب"
