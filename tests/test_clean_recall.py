"""Article text the cleaner used to lose (issue 14, recall): pages written for these tests.

Each page holds the article's own paragraphs in a shape that looked like
furniture to the cleaner; every paragraph must stay, and the furniture
beside it must still go.
"""
from __future__ import annotations

from html import escape

from rasd.clean import clean
from rasd.ingest import RawArticle


def _html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>الرئيسية</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
            "<footer>جميع الحقوق محفوظة 2024</footer></body></html>")


COLUMN = [
    "يتذكر جمهور نادي الوحدة موسم الصعود الكبير حين عاد الفريق إلى دوري الأضواء بعد غياب طويل، وقدم مدربه الشاب كرة هجومية جميلة أقنعت الجماهير والنقاد معا.",
    "كان المدرب يعتمد على لاعبي أكاديمية النادي، ويمنح الشباب فرصة اللعب أمام الجماهير الكبيرة في ملعب المدينة، فصنع منهم نجوما في موسم واحد.",
    "ولم تكن الإدارة تملك ميزانية كبيرة، لكنها أحسنت اختيار المحترفين الأجانب، وجاءت صفقاتها القليلة في مراكز يحتاجها الفريق فعلا.",
]
ENDING = ("قبل أن أختم، أذكر أن جماهير الوحدة ما زالت تنتظر من الإدارة والمدرب موسما يشبه موسم الصعود، "
          "وأن أكاديمية النادي قادرة على صنع جيل جديد من النجوم.")


def test_paragraph_after_an_empty_read_also_box_stays():
    # The box's links are gone; the last paragraph goes on with the column's words, so it is ours.
    page = _html("موسم لا ينسى لنادي الوحدة", COLUMN + ["اقرأ أيضاً:", ENDING])
    body = clean(RawArticle(page, "html", path="column.html")).body
    assert all(p in body for p in COLUMN)
    assert ENDING in body
    assert "اقرأ أيضاً" not in body


def test_other_story_after_a_read_also_marker_still_goes():
    glued = ("أعلنت وزارة الصحة افتتاح مستشفى جديد للأطفال في المنطقة الشرقية بسعة مئتي سرير، "
             "ويضم أقساما للعناية المركزة وجراحة القلب.")
    page = _html("موسم لا ينسى لنادي الوحدة", COLUMN + ["اقرأ أيضاً:", glued])
    body = clean(RawArticle(page, "html", path="glued.html")).body
    assert all(p in body for p in COLUMN)
    assert "مستشفى" not in body
