"""Relative Arabic date expressions resolved against the publication date.

News dates events relative to the day of writing: أمس، أول من أمس، غدا،
الثلاثاء الماضي، الشهر المقبل، "في 12 نوفمبر" (no year). These resolve only
with a publication date; without one the expression is kept as written and
the date stays null, because a guessed date is worse than none.

Resolution rules:
  - a bare weekday ("يوم الثلاثاء") is the nearest such day on or before the
    publication date for past-tense events and on or after it for future or
    present-tense ones; "الماضي" / "المقبل" make it strictly before / after;
  - week, month and year expressions resolve to reduced-precision ISO 8601
    ("2024-W45", "2024-10", "2023"), since they name no single day;
  - "قبل يومين"، "منذ ثلاثة أيام"، "بعد أسبوع" count back (ahead) from the
    publication date; an ordinal day ("الثامن من مارس"، "العاشر من الشهر
    الجاري") reads like a day and month;
  - absolute dates come from ``rasd.text.dates.find_dates``; a day and
    month without a year take the publication year, moved a year back when
    that would put a past event after the writing (a year on for a future
    one before it);
  - a month named without a day ("في مايو"، "خلال شهر أغسطس"، "مطلع مارس") is the
    latest such month up to the writing for a past event, the next one from it
    for a future one, at month precision ("2015-05"); the names of three
    letters or fewer (ماي، آب، أوت) are common words and count only with a day;
  - a Hijri month ("خلال شهر رمضان"، "في رمضان الماضي") is placed by the tabular
    Islamic calendar (within a day or two of Umm al-Qura) and given as the
    Gregorian month holding its middle: month precision is all a month's name says.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from rasd.text.dates import MONTHS as _MONTHS
from rasd.text.dates import find_dates
from rasd.text.normalise import normalise_with_map

_WEEKDAYS = {  # normalised name -> date.weekday()
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
_WD = "|".join(_WEEKDAYS)
_MON = "|".join(sorted((m.replace(" ", r"\s+") for m in _MONTHS), key=len, reverse=True))
# A month's other name beside it, as news writes both calendars' names: "مايو/أيار"، "أيار (مايو)".
# Read as one name, so "في مايو/أيار الماضي" is one date, not "في مايو" and "أيار الماضي".
_TWIN = r"(?:\s*/\s*(?:" + _MON + r")|\s*\((?:" + _MON + r")\))?"
_PART = r"(?:(?:مساء|صباح|ليل|ليله|فجر|ظهر|عصر)\s+)?"
_B = r"(?:(?<![\w])|(?<=(?<![\w])[وفبل]))"  # word start, after an optional proclitic
_E = r"(?![\w])"

_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
# Ordinal days 1-31 as news writes them: الثامن، الحادي عشر، الثاني والعشرين، الثلاثين.
_ORDINALS = {w: k + 1 for k, w in enumerate(_UNITS)} | {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
_ORDINALS |= {("الحادي" if k == 0 else w) + " عشر": 11 + k for k, w in enumerate(_UNITS)}
_ORDINALS |= {("الحادي" if k == 0 else w) + " و" + tens: base + k + 1
              for tens, base in (("العشرين", 20), ("الثلاثين", 30)) for k, w in enumerate(_UNITS[: 9 if base == 20 else 1])}
_ORD = "|".join(sorted((o.replace(" ", r"\s+") for o in _ORDINALS), key=len, reverse=True))
# "قبل يومين"، "منذ ثلاثة أيام"، "قبل أسبوع": a span back from the writing.
_COUNT_WORDS = {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10}
_AGO_UNITS = {"يوم": (1, "d"), "يومين": (2, "d"), "ايام": (1, "d"), "يوما": (1, "d"), "اسبوع": (7, "w"),
              "اسبوعين": (14, "w"), "اسابيع": (7, "w"), "شهر": (1, "m"), "شهرين": (2, "m"), "اشهر": (1, "m"),
              "شهور": (1, "m")}
_AGO_UNIT = "|".join(sorted(_AGO_UNITS, key=len, reverse=True))
_PLURAL_UNITS = frozenset({"ايام", "اسابيع", "اشهر", "شهور"})
# A month named alone: after في/خلال/مطلع ... (or شهر), never a bare word (مايو الماضي has its own pattern).
_MON_ALONE = "|".join(sorted((m.replace(" ", r"\s+") for m in _MONTHS if len(m) > 3), key=len, reverse=True))
_IN_MONTH = r"(?:في|خلال|منذ|مطلع|اوائل|اواخر|منتصف|بدايه|نهايه|اول|اخر|اواسط)\s+(?:شهر\s+)?|شهر\s+"
_HIJRI = {"محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "جمادي الاولي": 5,
          "جمادي الاخره": 6, "جمادي الثانيه": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
          "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12}
_HIJ = "|".join(sorted((m.replace(" ", r"\s+") for m in _HIJRI), key=len, reverse=True))
_REL = r"(?P<{}>الماضي|المنصرم|المقبل|القادم|الجاري|الحالي)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ago", re.compile(_B + r"(?P<dir>قبل|منذ|بعد)\s+(?:(?P<n>[0-9]{1,2}|" + "|".join(_COUNT_WORDS) + r")\s+)?"
                       r"(?P<u>" + _AGO_UNIT + r")" + _E + r"(?!\s+(?:" + _MON + "|" + _HIJ + r"))")),  # منذ شهر مارس: a month named
    ("ordinal", re.compile(_B + r"(?:يوم\s+)?(?P<o>" + _ORD + r")\s+من\s+(?:(?:شهر\s+)?(?P<m>" + _MON + r")" + _TWIN +
                           r"|الشهر\s+(?P<rel>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم))" + _E)),
    ("day-2", re.compile(_B + _PART + r"(?:اول\s+من\s+امس|اول\s+امس|امس\s+الاول)" + _E)),
    ("day+2", re.compile(_B + r"بعد\s+(?:غد|الغد)" + _E)),
    ("day-1", re.compile(_B + _PART + r"(?:امس|البارحه)(?:\s+(?P<wd>" + _WD + r"))?" + _E)),
    ("day+1", re.compile(_B + r"(?:غدا|(?:يوم|صباح|مساء)\s+(?:غد|الغد))(?:\s+(?P<wd>" + _WD + r"))?" + _E)),
    ("day0", re.compile(r"(?<!عالم\s)(?<!حتى\s)(?<!الى\s)(?<!حتي\s)" + _B + _PART + r"اليوم(?:\s+(?P<wd>" + _WD + r"))?" + _E)),
    ("weekday", re.compile(r"(?<!صلاه\s)" + _B + r"(?:يوم\s+)?(?P<wd>" + _WD + r")(?:\s+(?P<rel>الماضي|المنصرم|المقبل|القادم))?" + _E)),
    ("period", re.compile(_B + r"(?:(?P<this>هذا|هذه)\s+)?(?P<unit>الاسبوع|الشهر|العام|السنه)(?:\s+(?P<rel>الماضي|المنصرم|المقبل|القادم|الحالي|الجاري))?" + _E)),
    ("daymonth", re.compile(_B + r"(?P<d>[0-9]{1,2})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>" + _MON + r")" + _TWIN + _E)),
    ("month", re.compile(_B + r"(?:شهر\s+)?(?P<m>" + _MON + r")" + _TWIN + r"\s+(?P<rel>الماضي|المنصرم|المقبل|القادم)" + _E)),
    ("monthname", re.compile(_B + r"(?:" + _IN_MONTH + r")(?P<m>" + _MON_ALONE + r")" + _TWIN + _E + r"(?!\s*[0-9])")),
    # a Hijri month: after شهر, or with الماضي/المقبل (رمضان alone may be a name)
    ("hijri", re.compile(_B + r"(?:(?:" + _IN_MONTH + r")(?:شهر\s+)?(?P<h>" + _HIJ + r")(?:\s+" + _REL.format("rel") + r")?"
                         r"|(?P<h2>" + _HIJ + r")\s+" + _REL.format("rel2") + r")" + _E)),
]


@dataclass(frozen=True)
class DateExpr:
    """A date expression in the text: offsets into the original, ISO value or None."""

    start: int
    end: int
    text: str
    iso: str | None


def date_expressions(
    text: str, start: int = 0, end: int | None = None, published: str | None = None, tense: str = "past"
) -> list[DateExpr]:
    """Date expressions in ``text[start:end]``, resolved where ``published`` allows.

    ``tense`` ("past", "present", "future", "noun") decides which way a bare
    weekday points.
    """
    end = len(text) if end is None else end
    norm, index = normalise_with_map(text[start:end])
    pub = date.fromisoformat(published[:10]) if published else None
    out = [DateExpr(start + a, start + b, text[start + a : start + b], iso)
           for a, b, iso in find_dates(text[start:end], partial=True)]  # absolute: rasd.text.dates
    taken = _norm_spans(index, [(d.start - start, d.end - start) for d in out])
    for kind, pat in _PATTERNS:
        for m in pat.finditer(norm):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if kind == "period" and not (m.group("this") or m.group("rel")):
                continue  # "العام" alone is not a date
            if kind == "ago" and m.group("n") is None and m.group("u") in _PLURAL_UNITS:
                continue  # "منذ أيام": some days, no count
            taken.append((m.start(), m.end()))
            s = start + index[m.start()]
            e = start + index[m.end() - 1] + 1
            out.append(DateExpr(s, e, text[s:e], _resolve(kind, m, pub, tense)))
    out.sort(key=lambda d: d.start)
    return out


def _norm_spans(index: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Original-text spans as spans of the normalised text (for overlap checks)."""
    out = []
    for a, b in spans:
        ks = [k for k, o in enumerate(index) if a <= o < b]
        if ks:
            out.append((ks[0], ks[-1] + 1))
    return out


def _resolve(kind: str, m: re.Match, pub: date | None, tense: str) -> str | None:
    if pub is None:
        return None
    future = tense in ("future", "present") and not m.group(0).startswith("منذ")  # since: counted back, whatever the verb
    if kind.startswith("day") and kind != "daymonth":
        day = pub + timedelta(days=int(kind[3:]))
        wd = m.groupdict().get("wd")
        if wd:  # "أمس الجمعة": the weekday names the day; an archive's date is often the
            # print or crawl day, a day after the writing that "أمس" counts from
            day += timedelta(days=(_WEEKDAYS[wd] - day.weekday() + 3) % 7 - 3)
        return day.isoformat()
    if kind == "ago":
        return _ago(m, pub)
    if kind == "ordinal":
        return _ordinal(m, pub, future)
    if kind == "weekday":
        wd = _WEEKDAYS[m.group("wd")]
        rel = m.group("rel")
        back = (pub.weekday() - wd) % 7
        ahead = (wd - pub.weekday()) % 7
        if rel in ("الماضي", "المنصرم"):
            return (pub - timedelta(days=back or 7)).isoformat()
        if rel in ("المقبل", "القادم"):
            return (pub + timedelta(days=ahead or 7)).isoformat()
        return (pub + timedelta(days=ahead) if future else pub - timedelta(days=back)).isoformat()
    if kind == "period":
        step = _STEP.get(m.group("rel") or "", 0)
        unit = m.group("unit")
        if unit == "الاسبوع":
            return _iso_week(pub + timedelta(weeks=step))
        if unit == "الشهر":
            return "{}-{:02d}".format(*_month_shift(pub, step))
        return str(pub.year + step)
    if kind == "hijri":
        return _hijri(_HIJRI[_month_key(m.group("h") or m.group("h2"))], m.group("rel") or m.group("rel2"), pub, future)
    month = _MONTHS[_month_key(m.group("m"))]
    if kind == "monthname":  # the latest such month up to the writing (the next one from it ahead)
        year = pub.year - (month > pub.month) if not future else pub.year + (month < pub.month)
        return f"{year}-{month:02d}"
    if kind == "month":
        before = m.group("rel") in ("الماضي", "المنصرم")
        year = pub.year - (month >= pub.month) if before else pub.year + (month <= pub.month)
        return f"{year}-{month:02d}"
    return _day_month(pub, month, int(m.group("d")), future)


def _day_month(pub: date, month: int, day: int, future: bool) -> str | None:
    """A day and month without a year: the publication year, or the one before (after)
    when a past (future) event would otherwise fall after (before) the writing."""
    found = _safe_date(pub.year, month, day)
    if found and not future and date.fromisoformat(found) > pub:
        found = _safe_date(pub.year - 1, month, day)  # what happened is not ahead of the writing
    elif found and future and date.fromisoformat(found) < pub:
        found = _safe_date(pub.year + 1, month, day)
    return found


_HIJRA = date(622, 7, 19)  # 1 Muharram 1 AH, civil epoch (16 July 622 Julian)


def _hijri_start(year: int, month: int) -> date:
    """First day of a Hijri month by the tabular (arithmetic) Islamic calendar."""
    return _HIJRA + timedelta(days=math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30)


def _hijri(month: int, rel: str | None, pub: date, future: bool) -> str:
    """The Gregorian month (YYYY-MM) holding the middle of the Hijri month meant: the one
    under way or last begun for a past event, the one under way or next for a future one;
    الماضي/المقبل step a Hijri year from the current one."""
    year = (pub - _HIJRA).days * 30 // 10631 + 1
    start = _hijri_start(year, month)
    while start > pub:
        year -= 1
        start = _hijri_start(year, month)
    while _hijri_start(year + 1, month) <= pub:  # the estimate can fall a year short after 1 Muharram
        year += 1
        start = _hijri_start(year, month)
    ongoing = start + timedelta(days=29) >= pub
    if rel in ("الماضي", "المنصرم"):
        year -= ongoing
    elif rel in ("المقبل", "القادم") or (future and not ongoing and rel is None):
        year += 1
    middle = _hijri_start(year, month) + timedelta(days=14)
    return f"{middle.year}-{middle.month:02d}"


def _ago(m: re.Match, pub: date) -> str | None:
    """"قبل يومين" -> two days back; weeks to an ISO week, months to a month; "بعد" ahead."""
    per, unit = _AGO_UNITS[m.group("u")]
    n = m.group("n")
    count = per * (int(n) if n and n.isdigit() else _COUNT_WORDS.get(n or "", 1))
    sign = 1 if m.group("dir") == "بعد" else -1
    if unit == "m":
        return "{}-{:02d}".format(*_month_shift(pub, sign * count))
    day = pub + timedelta(days=sign * count)
    return _iso_week(day) if unit == "w" else day.isoformat()


def _ordinal(m: re.Match, pub: date, future: bool) -> str | None:
    """"الثامن من مارس" like "8 مارس"; "العاشر من الشهر الجاري/الماضي" in that month."""
    day = _ORDINALS[re.sub(r"\s+", " ", m.group("o"))]
    if m.group("m"):
        return _day_month(pub, _MONTHS[_month_key(m.group("m"))], day, future)
    return _safe_date(*_month_shift(pub, _STEP.get(m.group("rel"), 0)), day)


# Months or weeks back (الماضي) or ahead (المقبل) of the writing; الجاري/الحالي are this one.
_STEP = {"الماضي": -1, "المنصرم": -1, "المقبل": 1, "القادم": 1}


def _month_shift(pub: date, step: int) -> tuple[int, int]:
    """(year, month) ``step`` months from the publication month."""
    y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
    return y, mo + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_key(name: str) -> str:
    return re.sub(r"\s+", " ", name)


def _safe_date(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
