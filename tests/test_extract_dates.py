"""Relative dates resolve against the publication date; without one they stay as written."""
import pytest

from rasd.extract.dates import date_expressions
from test_extract_fixtures import run

PUB = "2024-11-14"  # a Thursday


@pytest.mark.parametrize("text,tense,iso", [
    ("اليوم", "past", "2024-11-14"),
    ("أمس", "past", "2024-11-13"),
    ("مساء أمس", "past", "2024-11-13"),
    ("أول من أمس", "past", "2024-11-12"),
    ("غدا", "future", "2024-11-15"),
    ("بعد غد", "future", "2024-11-16"),
    ("الثلاثاء الماضي", "past", "2024-11-12"),
    ("يوم الثلاثاء", "past", "2024-11-12"),
    ("يوم الثلاثاء", "future", "2024-11-19"),
    ("الخميس", "past", "2024-11-14"),
    ("الخميس المقبل", "future", "2024-11-21"),
    ("أمس الأربعاء", "past", "2024-11-13"),
    ("أمس الثلاثاء", "past", "2024-11-12"),  # dated a day late (print day): the weekday names the day
    ("مساء اليوم الأربعاء", "past", "2024-11-13"),
    ("غدا الجمعة", "future", "2024-11-15"),
    ("الأسبوع الماضي", "past", "2024-W45"),
    ("الأسبوع المقبل", "future", "2024-W47"),
    ("الشهر الماضي", "past", "2024-10"),
    ("الشهر المقبل", "future", "2024-12"),
    ("العام الماضي", "past", "2023"),
    ("في 12 نوفمبر", "past", "2024-11-12"),
    ("في 20 ديسمبر", "past", "2023-12-20"),
    ("في 3 تشرين الثاني", "past", "2024-11-03"),
    ("في شهر فبراير الماضي", "past", "2024-02"),
    ("في 12 نوفمبر 2021", "past", "2021-11-12"),
    ("قبل يومين", "past", "2024-11-12"),
    ("منذ ثلاثة أيام", "past", "2024-11-11"),
    ("قبل 10 أيام", "past", "2024-11-04"),
    ("قبل أسبوعين", "past", "2024-W44"),
    ("منذ شهرين", "past", "2024-09"),
    ("بعد يومين", "future", "2024-11-16"),
    ("في الثامن من نوفمبر", "past", "2024-11-08"),
    ("في الحادي والعشرين من الشهر الماضي", "past", "2024-10-21"),
    ("يوم العاشر من الشهر الجاري", "past", "2024-11-10"),
    ("في الثلاثين من ديسمبر", "past", "2023-12-30"),
])
def test_resolved_with_publication_date(text, tense, iso):
    found = date_expressions(f"وقال المسؤول {text} إن", published=PUB, tense=tense)
    assert [d.iso for d in found] == [iso]


def test_without_publication_date_the_text_stays_and_date_is_null():
    found = date_expressions("التقى الوزيران أمس الثلاثاء في القاهرة")
    assert [(d.text, d.iso) for d in found] == [("أمس الثلاثاء", None)]


def test_offsets_and_proclitics():
    text = "وقع الاتفاق والشهر الماضي وأمس"
    found = date_expressions(text, published=PUB)
    assert [text[d.start:d.end] for d in found] == ["الشهر الماضي", "أمس"]


def test_not_dates():
    assert date_expressions("في عالم اليوم تتغير التحالفات", published=PUB) == []
    assert date_expressions("بعد صلاة الجمعة خرج المصلون", published=PUB) == []
    assert date_expressions("في العام نفسه", published=PUB) == []
    assert date_expressions("ويعيش السكان منذ أيام بلا كهرباء", published=PUB) == []  # no count
    assert date_expressions("وقبل الحرب كانت المدينة هادئة", published=PUB) == []


def test_event_date_and_date_text():
    doc = run("التقى بوتين أردوغان أمس في أنقرة.", [("بوتين", "putin"), ("أردوغان", "erdogan"),
                                                ("أنقرة", "ankara")], published=PUB)
    assert (doc.events[0].date, doc.events[0].date_text) == ("2024-11-13", "أمس")
    doc = run("التقى بوتين أردوغان أمس في أنقرة.", [("بوتين", "putin"), ("أردوغان", "erdogan"),
                                                ("أنقرة", "ankara")])
    assert (doc.events[0].date, doc.events[0].date_text) == (None, "أمس")


@pytest.mark.parametrize("text,tense,iso", [
    ("في مايو", "past", "2024-05"),  # the latest May up to the writing
    ("خلال شهر ديسمبر", "past", "2023-12"),  # December has not come yet: last year's
    ("مطلع نوفمبر", "past", "2024-11"),
    ("في أكتوبر", "future", "2025-10"),  # a plan: the next October
    ("خلال شهر رمضان", "past", "2024-03"),  # Ramadan 1445 began 11 March 2024
    ("في رمضان المقبل", "future", "2025-03"),
    ("في شهر ذي الحجة", "past", "2024-06"),
])
def test_a_month_without_a_day_has_month_precision(text, tense, iso):
    found = date_expressions(f"وقال المسؤول إن ذلك جرى {text} في المدينة", published=PUB, tense=tense)
    assert [d.iso for d in found] == [iso]


@pytest.mark.parametrize("text,iso", [
    ("في مايو/أيار الماضي", "2024-05"),
    ("في أيار (مايو) الماضي", "2024-05"),
    ("في 3 ديسمبر / كانون الأول", "2023-12-03"),
])
def test_a_month_with_its_other_name_is_one_date(text, iso):
    """News writes both calendars' names of a month; they are one date, not two that can differ."""
    found = date_expressions(f"وقال المسؤول إن الوفد زار المدينة {text} مع وزير الخارجية", published=PUB)
    assert [(d.text, d.iso) for d in found] == [(text.removeprefix("في "), iso)]


def test_an_event_dated_by_a_month_and_its_other_name_has_that_date():
    doc = run("التقى بوتين أردوغان في أكتوبر/تشرين الأول الماضي في أنقرة.",
              [("بوتين", "putin"), ("أردوغان", "erdogan"), ("أنقرة", "ankara")], published=PUB)
    assert [(e.date, e.date_text) for e in doc.events] == [("2024-10", "أكتوبر/تشرين الأول الماضي")]


@pytest.mark.parametrize("text,iso", [
    ("منذ مارس", "2024-03"),  # since: counted back though the verb is present
    ("منذ شهر مارس الماضي", "2024-03"),  # the month named, not "a month ago"
    ("منذ شهر رمضان", "2024-03"),
])
def test_since_a_named_month_points_back(text, iso):
    found = date_expressions(f"ويعيش اللاجئون في المخيم {text} في ظروف صعبة", published=PUB, tense="present")
    assert [d.iso for d in found] == [iso]


def test_a_hijri_month_just_begun_is_this_years():
    # 1 Muharram 1423 fell on 15 March 2002: "in Muharram" written that day is that Muharram.
    found = date_expressions("وقال إن ذلك جرى في شهر محرم في المدينة", published="2002-03-15")
    assert [d.iso for d in found] == ["2002-03"]


def test_month_names_that_are_also_words_need_a_day():
    assert date_expressions("وقال إن الأب في آب يعمل", published=PUB) == []
    assert date_expressions("وقال رمضان عبد الله إن", published=PUB) == []


def test_an_old_killing_dated_by_its_month_alone_is_background():
    doc = run("وكانت زوجة أردوغان الذي قتل في هجوم للقوات التركية في مايو قد اعتقلت.",
              [("أردوغان", "erdogan"), ("التركية", "turkey")], published="2024-08-20")
    assert not [e for e in doc.events if e.type == "ASSAULT"]
