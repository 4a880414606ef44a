"""A report cut into sections under headline-like sub-headings keeps every section (issue 14).

A section's heading and its one paragraph look like another story's teaser
(a headline, then one sentence). A cabinet's decisions numbered in words
("أولا / ...", "ثانياً: ...") are a list, not teasers: a page written for
this test in the shape the Saudi Press Agency gives its scraped text.
"""
from __future__ import annotations

from rasd.clean import clean
from rasd.ingest import RawArticle


def _body(page: str) -> str:
    return clean(RawArticle(page, "text")).body


SPA_DECISIONS = """عام / مجلس الوزراء يقر نظام التخصيص ويوافق على عدد من الاتفاقيات
الرياض 3 شعبان 1446 هـ الموافق 2 فبراير 2025 م واس
عقد مجلس الوزراء جلسته الأسبوعية اليوم في الرياض، وأقر خلالها نظام التخصيص ووافق على عدد من الاتفاقيات الدولية.

وأوضح وزير الإعلام في بيانه عقب الجلسة أن المجلس أصدر القرارات الآتية:

أولا / الموافقة على اتفاقية للتعاون الجمركي
وافق المجلس على اتفاقية بين حكومة المملكة وحكومة جمهورية إندونيسيا للتعاون الجمركي وتبادل المعلومات.

ثانيا / إقرار نظام التخصيص
أقر المجلس نظام التخصيص، بما يعزز مشاركة القطاع الخاص في تقديم الخدمات العامة ويرفع كفاءتها.

واطلع المجلس على عدد من الموضوعات العامة المدرجة على جدول أعماله.
"""


def test_a_cabinets_first_decision_under_awwalan_stays():
    body = _body(SPA_DECISIONS)
    for kept in ("أولا / الموافقة على اتفاقية", "وافق المجلس على اتفاقية", "ثانيا / إقرار نظام", "أقر المجلس نظام",
                 "واطلع المجلس"):
        assert kept in body, kept
