"""Absolute dates written in Arabic news: both month series, both digit sets; and dates as feeds write them.

Arabic outlets write the same day as "12 نوفمبر 2024", "١٢ تشرين الثاني ٢٠٢٤",
"12 نوفمبر/تشرين الثاني 2024", "13 Jun 2018", "2024/11/12" or "12-11-2024". Regexes over the
normalised text cover these in microseconds, where ``dateparser`` costs
milliseconds a call and turns relative words ("منذ ساعتين") into today's date,
which would invent a publication date; so it is not used here. Hijri dates
(years 13xx/14xx, "هـ") are ignored. Offsets returned are into the original
text, through ``normalise_with_map``.

``published_date`` reads one given publication date (a feed's or crawler's
field): RFC 822/1123, ISO 8601, Unix seconds, numeric dates in an outlet's
order, and the written forms above; see its docstring for time zones.
"""
from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta, timezone

from dateutil import parser as du_parser

from rasd.text.normalise import normalise_with_map

# Normalised spellings (أ→ا, ة→ه, ى→ي) -> month number. Egyptian/Gulf series,
# Maghreb variants (جانفي، ماي، جوان، جويلية، أوت) and the Levantine/Iraqi series.
MONTHS: dict[str, int] = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1,
    "فبراير": 2, "فبرابر": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "اذار": 3,
    "ابريل": 4, "افريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويليه": 7, "تموز": 7,
    "اغسطس": 8, "اغسطوس": 8, "اوت": 8, "اب": 8,
    "سبتمبر": 9, "شتنبر": 9, "ايلول": 9,
    "اكتوبر": 10, "تشرين الاول": 10,
    "نوفمبر": 11, "نونبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "دجنبر": 12, "كانون الاول": 12,
}

# English month names and abbreviations ("13 Jun 2018", "June 13, 2018"), kept apart from
# MONTHS, which also drives the Arabic relative-date reader of rasd.extract.
EN_MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ), 1)
    for name in names
}

_MONTH = "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in MONTHS), key=len, reverse=True))
_NOT_LETTER = r"(?![\u0621-\u064A])"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)(?!\s*ه(?![\u0621-\u064A]))"

_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<m>" + _MONTH + r")" + _NOT_LETTER
    + r"(?:\s*[/\-(]\s*(?:" + _MONTH + r")" + _NOT_LETTER + r"\s*\)?)?"
    + r"\s*[,،]?\s*(?:من\s+)?(?:عام|سنه)?\s*" + _YEAR
)
_MONTH_YEAR = re.compile(
    r"(?<![\u0621-\u064A])(?P<m>" + _MONTH + r")" + _NOT_LETTER
    + r"(?:\s*[/\-(]\s*(?:" + _MONTH + r")" + _NOT_LETTER + r"\s*\)?)?"
    + r"\s*[,،]?\s*(?:من\s+)?(?:عام|سنه)?\s*" + _YEAR
)
_EN_MONTH = r"(?P<m>" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?(?![a-z])"
_EN_DAY_MONTH_YEAR = re.compile(r"(?<![\d:])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _EN_MONTH + r",?\s+" + _YEAR, re.I)
_EN_MONTH_DAY_YEAR = re.compile(r"(?<![a-z])" + _EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR, re.I)
_YMD = re.compile(r"(?<![\d/.\-])(?P<y>(?:19|20)\d\d)(?P<s>[/\-.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d/\-]|\.\d)")
_DMY = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<s>[/\-.])(?P<m>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d)(?![\d/\-]|\.\d)")


def _iso(y: int, m: int, d: int | None) -> str | None:
    try:
        if d is None:
            date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[re.sub(r"\s+", " ", name)]


def find_dates(text: str, partial: bool = False, order: str = "DMY") -> list[tuple[int, int, str]]:
    """All absolute dates in ``text`` as (start, end, ISO) with offsets into ``text``.

    With ``partial=True`` a month and year without a day ("مارس 2023") is
    also returned, as "YYYY-MM". Numeric dates are read in ``order`` ("DMY",
    the Arabic convention, or "MDY" for an outlet known to write month
    first) unless only the other order makes a valid date.
    """
    norm, index = normalise_with_map(text)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, iso: str | None) -> None:
        if iso is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((index[m.start()], index[m.end() - 1] + 1, iso))

    for m in _DAY_MONTH_YEAR.finditer(norm):
        add(m, _iso(int(m["y"]), _month(m["m"]), int(m["d"])))
    for rx in (_EN_DAY_MONTH_YEAR, _EN_MONTH_DAY_YEAR):
        for m in rx.finditer(norm):
            add(m, _iso(int(m["y"]), EN_MONTHS[m["m"].lower()], int(m["d"])))
    for m in _YMD.finditer(norm):
        add(m, _iso(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _DMY.finditer(norm):
        d, mo = (int(m["d"]), int(m["m"])) if order == "DMY" else (int(m["m"]), int(m["d"]))
        if mo > 12 and d <= 12:
            d, mo = mo, d
        add(m, _iso(int(m["y"]), mo, d))
    if partial:
        for m in _MONTH_YEAR.finditer(norm):
            add(m, _iso(int(m["y"]), _month(m["m"]), None))
    found.sort()
    return found


def parse_date(text: str) -> str | None:
    """The first full date (YYYY-MM-DD) written in ``text``, or None; never guessed."""
    dates = find_dates(text)
    return dates[0][2] if dates else None


_UNIX = re.compile(r"\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*")
_RFC822 = re.compile(r"\s*(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d\d?:\d\d", re.I)
_ISO = re.compile(r"\s*\d{4}-\d\d-\d\d(?:[T\s]|$)")


def published_date(value: str | None, order: str = "DMY") -> str | None:
    """A given publication date (a feed's, crawler's or JSONL field) as YYYY-MM-DD, or None.

    Reads RFC 822/1123 ("Wed, 13 Jun 2018 04:15:21 GMT", "+0300" offsets)
    with ``email.utils``, ISO 8601 with or without a zone with dateutil's
    ``isoparse``, Unix seconds (or milliseconds), numeric dates in ``order``,
    Arabic and English month names, and other English forms dateutil reads
    in full ("June 13, 2018 4:15 PM"). Time zones: the date is the calendar
    date *in the zone the value is written in* (the outlet's local date for
    "+0300", the UTC date for "GMT"/"Z"), never converted to this machine's
    zone; Unix time has no zone and gives the UTC date. Anything without a
    day, month and year gives None, never today.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if _UNIX.fullmatch(value):
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 11 else 1)
        return datetime.fromtimestamp(seconds, timezone.utc).date().isoformat()
    if _RFC822.match(value):
        try:
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    if _ISO.match(value):
        try:
            return du_parser.isoparse(value).date().isoformat()
        except (ValueError, OverflowError):
            return _iso(*(int(x) for x in value[:10].split("-")))
    found = find_dates(value, order=order)
    if found:
        return found[0][2]
    return _dateutil_full(value, order)


_DEFAULTS = (datetime(1900, 1, 1), datetime(1904, 2, 29))  # differ in day, month and year


def _dateutil_full(value: str, order: str) -> str | None:
    """dateutil's reading, only when the value itself gives day, month and year.

    dateutil fills missing fields from its default date (today, unless told
    otherwise); read with two defaults that differ in every field, a value
    that leaves one open reads differently and is rejected.
    """
    if not re.search(r"\d", value) or re.search(r"[\u0600-\u06FF]", value):
        return None
    try:
        a, b = (du_parser.parse(value, default=d, dayfirst=order == "DMY") for d in _DEFAULTS)
    except (ValueError, OverflowError, du_parser.ParserError):
        return None
    return a.date().isoformat() if a.date() == b.date() else None


def day_of(iso: str | None) -> date | None:
    """The day an ISO date or datetime names ("2018-06-13", "2018-06-13T04:15:21+03:00");
    None when absent, coarser than a day, or unreadable (a stored value is never trusted)."""
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def last_day_of(iso: str | None) -> date | None:
    """The last day an ISO date of any precision names: "2015" -> 2015-12-31,
    "2015-05" -> 2015-05-31, "2015-W19" -> its Sunday; a day names itself."""
    if not iso:
        return None
    try:
        if len(iso) == 4 and iso.isdigit():
            return date(int(iso), 12, 31)
        if "-W" in iso:
            return date.fromisocalendar(int(iso[:4]), int(iso[6:8]), 7)
        if len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1) if 1 <= m <= 12 else None
    except ValueError:
        return None
    return day_of(iso)
