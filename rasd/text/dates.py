"""Absolute dates written in Arabic news: both month series, both digit sets.

Arabic outlets write the same day as "12 نوفمبر 2024", "١٢ تشرين الثاني ٢٠٢٤",
"12 نوفمبر/تشرين الثاني 2024", "2024/11/12" or "12-11-2024". Regexes over the
normalised text cover these in microseconds, where ``dateparser`` costs
milliseconds a call and turns relative words ("منذ ساعتين") into today's date,
which would invent a publication date; so it is not used here. Hijri dates
(years 13xx/14xx, "هـ") are ignored. Offsets returned are into the original
text, through ``normalise_with_map``.
"""
from __future__ import annotations

import re
from datetime import date

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


def find_dates(text: str, partial: bool = False) -> list[tuple[int, int, str]]:
    """All absolute dates in ``text`` as (start, end, ISO) with offsets into ``text``.

    With ``partial=True`` a month and year without a day ("مارس 2023") is
    also returned, as "YYYY-MM". Numeric dates are read day-first (the Arabic
    convention) unless only month-first makes a valid date.
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
    for m in _YMD.finditer(norm):
        add(m, _iso(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _DMY.finditer(norm):
        d, mo = int(m["d"]), int(m["m"])
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
