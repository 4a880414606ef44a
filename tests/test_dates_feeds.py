"""Publication dates as feeds and crawlers write them (issue 14).

RSS gives RFC 822 (``Wed, 13 Jun 2018 04:15:21 GMT``), Atom and JSON APIs
ISO 8601 with a zone, crawlers Unix seconds; Arabic pages both month series.
The stored date is the calendar date in the zone the value is written in.
"""
from __future__ import annotations

import json

import pytest

from rasd.cli import main
from rasd.clean import clean
from rasd.clean import metadata
from rasd.ingest import RawArticle
from rasd.text.dates import published_date

BODY = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، "
        "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة الشمالية.")


@pytest.mark.parametrize("value, iso", [
    ("Wed, 13 Jun 2018 04:15:21 GMT", "2018-06-13"),
    ("Wed, 13 Jun 2018 04:15:21 +0000", "2018-06-13"),
    ("Thu, 14 Jun 2018 01:15:21 +0300", "2018-06-14"),  # the outlet's local date, not UTC's 13th
    ("Wed, 13 Jun 2018 22:30:00 -0500", "2018-06-13"),  # UTC would already be the 14th
    ("13 Jun 2018 04:15 GMT", "2018-06-13"),  # RFC 822 without the weekday
    ("2018-06-13T04:15:21Z", "2018-06-13"),
    ("2018-06-14T01:15:21+03:00", "2018-06-14"),
    ("2018-06-13T22:30:00.000-05:00", "2018-06-13"),
    ("2018-06-13 04:15:21", "2018-06-13"),
    ("20180613T041521Z", "2018-06-13"),  # ISO basic format
    ("1528863321", "2018-06-13"),  # Unix seconds: the UTC date
    ("1528863321000", "2018-06-13"),  # milliseconds, as JavaScript writes them
    ("13 June 2018", "2018-06-13"),
    ("June 13, 2018 4:15 PM", "2018-06-13"),
    ("Jun 13th 2018", "2018-06-13"),
    ("الأربعاء 13 يونيو 2018 - 04:15 م", "2018-06-13"),
    ("13 حزيران 2018", "2018-06-13"),
    ("١٣ حزيران/يونيو ٢٠١٨", "2018-06-13"),
    ("13 جوان 2018", "2018-06-13"),
    ("13/06/2018", "2018-06-13"),
    ("13.06.2018 04:15", "2018-06-13"),
    ("06/13/2018", "2018-06-13"),  # only month-first is a date
])
def test_feed_date_forms(value, iso):
    assert published_date(value) == iso


def test_numeric_dates_follow_the_outlets_known_order():
    assert published_date("06/07/2018") == "2018-07-06"  # day first by default
    assert published_date("06/07/2018", order="MDY") == "2018-06-07"
    assert published_date("13/06/2018", order="MDY") == "2018-06-13"  # only one reading is valid


@pytest.mark.parametrize("value", ["yesterday", "منذ ساعتين", "June 2018", "04:15:21 GMT", "2018", "Wed", "n/a", "32/13/2018"])
def test_unreadable_dates_give_none_never_today(value):
    assert published_date(value) is None


def test_outlet_order_is_used_for_a_records_date(monkeypatch):
    monkeypatch.setattr(metadata, "_date_orders", lambda: {"صحيفة أمريكية": "MDY"})
    us = clean(RawArticle(BODY, "body", published="06/07/2018", outlet="صحيفة أمريكية"))
    other = clean(RawArticle(BODY, "body", published="06/07/2018", outlet="صحيفة عربية"))
    assert (us.published, other.published) == ("2018-06-07", "2018-07-06")


def test_the_input_field_wins_over_the_page_and_a_bad_one_stays_null():
    page = "افتتاح مستشفى جديد\nالثلاثاء 12 يونيو 2018\n\n" + BODY
    assert clean(RawArticle(page, "text")).published == "2018-06-12"
    given = clean(RawArticle(page, "text", published="Wed, 13 Jun 2018 04:15:21 GMT"))
    assert given.published == "2018-06-13"
    bad = clean(RawArticle(page, "text", published="قبل ساعة"))
    assert bad.published is None and bad.warnings and "قبل ساعة" in bad.warnings[0]


def test_a_feed_date_line_on_a_scraped_page():
    page = "افتتاح مستشفى جديد\nWed, 13 Jun 2018 04:15:21 GMT\n\n" + BODY
    assert clean(RawArticle(page, "text")).published == "2018-06-13"


def test_unreadable_dates_reported_once_per_file(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": f"a{i}", "title": f"خبر {i}", "body": BODY + f" رقم {i}.", "published": p}
             for i, p in enumerate(["Wed, 13 Jun 2018 04:15:21 GMT", "soon", "قريبا", "1528863321"])]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(feed), "-o", str(out), "--no-db"]) == 0
    err = capsys.readouterr().err
    assert len([l for l in err.splitlines() if "unreadable published date" in l]) == 1, err
    got = {r["id"]: r["published"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert got == {"a0": "2018-06-13", "a1": None, "a2": None, "a3": "2018-06-13"}
