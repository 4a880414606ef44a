"""Absolute Arabic dates: both month series, both digit sets, numeric forms; hijri ignored."""
from __future__ import annotations

import pytest

from datetime import date

from rasd.text.dates import day_of, find_dates, last_day_of, parse_date


@pytest.mark.parametrize("text, iso", [
    ("12 نوفمبر 2024، 4:23 ص", "2024-11-12"),
    ("الثلاثاء ١٢ تشرين الثاني ٢٠٢٤", "2024-11-12"),
    ("12 نوفمبر/تشرين الثاني 2024", "2024-11-12"),
    ("السبت 3 آب 2021", "2021-08-03"),
    ("5 أغسطس 2023", "2023-08-05"),
    ("5 اغسطس 2023", "2023-08-05"),
    ("الأحد 7 جويلية 2024", "2024-07-07"),
    ("1 كانون الثاني 2025", "2025-01-01"),
    ("31 كانون الأول 2024", "2024-12-31"),
    ("٢٣ أيلول ٢٠٢٢", "2022-09-23"),
    ("12 من شهر حزيران عام 2019", "2019-06-12"),
    ("2024/11/12", "2024-11-12"),
    ("٢٠٢٤/١١/١٢", "2024-11-12"),
    ("12-11-2024", "2024-11-12"),
    ("نشر في 3/3/2024", "2024-03-03"),
    ("11/25/2024", "2024-11-25"),  # only month-first is a valid date
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "15 رمضان 1445 هـ",
    "زار شي موسكو في مارس 2023 لتوطيد الروابط",  # no day: not a full date
    "بتاريخ 2024-02-30",  # no such day
    "ارتفع المؤشر 12.5 نقطة",
    "منذ ساعتين",
    "",
])
def test_no_date_is_invented(text):
    assert parse_date(text) is None


def test_offsets_point_into_original_text():
    text = "وقال في ١٥ آذار ٢٠٢٤ إن الاتفاق ما زال قائما، بعد لقاء 2 مايو 2023."
    found = find_dates(text)
    assert [iso for *_, iso in found] == ["2024-03-15", "2023-05-02"]
    s, e, _ = found[0]
    assert text[s:e] == "١٥ آذار ٢٠٢٤"


def test_month_and_year_only_when_asked():
    text = "زار شي موسكو في مارس 2023 لتوطيد الروابط"
    assert find_dates(text) == []
    ((s, e, iso),) = find_dates(text, partial=True)
    assert iso == "2023-03" and text[s:e] == "مارس 2023"


def test_hijri_date_beside_gregorian():
    text = "الثلاثاء 10 جمادى الأولى 1446 هـ الموافق 12 نوفمبر 2024 م"
    assert [iso for *_, iso in find_dates(text)] == ["2024-11-12"]


@pytest.mark.parametrize("iso, day, last", [
    ("2018-06-13", date(2018, 6, 13), date(2018, 6, 13)),
    ("2018-06-13T04:15:21+03:00", date(2018, 6, 13), date(2018, 6, 13)),
    ("2016-02", None, date(2016, 2, 29)),          # a month ends on its last day, leap years too
    ("2015-12", None, date(2015, 12, 31)),
    ("2015", None, date(2015, 12, 31)),
    ("2015-W19", date(2015, 5, 4), date(2015, 5, 10)),  # a week starts on its Monday, ends on its Sunday
    ("2015-13", None, None),                       # stored values are never trusted
    ("2018-02-30", None, None),
    (None, None, None),
])
def test_stored_iso_dates_read_as_days(iso, day, last):
    assert day_of(iso) == day
    assert last_day_of(iso) == last
