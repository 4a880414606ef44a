"""Article metadata from a cleaned page: title, outlet, publication date, cited agencies.

Each reads the part of the page where that field lives on news sites: the
title and date sit above the article, the outlet in the copyright line, the
"المصدر:" line or beside the view counter, the agencies in the article text
and its source credits. Nothing is guessed: a field the page does not state
stays None.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from rasd.clean.boilerplate import Line, Page
from rasd.text.dates import find_dates
from rasd.text.normalise import normalise
from rasd.text.sentences import split_sentences

_AR = r"\u0621-\u064A"
DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


# -- agencies ----------------------------------------------------------------


_AR_RUN = re.compile(r"[\u0621-\u064A]+")
_PROCLITIC = re.compile(r"^(?:[وف]?[بل]|[وف])")


@functools.lru_cache(maxsize=1)
def _agency_index() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """First word of each spelling -> [(all its words, agency name, strict)], longest first.

    Matching runs over the words of the text once, so the cost does not grow
    with the number of agencies in the table.
    """
    index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for entry in _load("agencies.yaml")["agencies"]:
        for strict, spellings in ((False, entry.get("ar") or []), (True, entry.get("strict") or [])):
            for spelling in spellings:
                words = tuple(_AR_RUN.findall(normalise(spelling)))
                index.setdefault(words[0], []).append((words, entry["name"], strict))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


def _word_forms(word: str) -> list[str]:
    """The word and its readings without proclitics: لرويترز -> رويترز, للاناضول -> الاناضول."""
    forms = [word]
    if word[0] in "وفبل":
        m = _PROCLITIC.match(word)
        if m and len(word) - m.end() >= 2:
            rest = word[m.end():]
            forms.append(rest)
            if word[m.end() - 1] == "ل" and rest[0] == "ل":
                forms.append("ا" + rest)  # ل + ال with the alef elided
    return forms


_STRICT_BEFORE = re.compile(r"(?:\(|وكاله|الوكاله|المصدر\s*:|\-)\s*[\"'«“]?\s*$")
_STRICT_AFTER = re.compile(r"^\s*[\"'»”]?\s*\)")
_GAP = re.compile(r"[\s.]+")


def find_agencies(*texts: str, normalised: bool = False) -> list[str]:
    """English names of the wire services and newspapers cited in ``texts``, in order of first mention.

    Spellings match as whole words (proclitics و ف ب ل allowed in front);
    "strict" spellings that are also ordinary words or places (قنا، بترا)
    only in parentheses or after وكالة/المصدر. ``normalised=True`` says the
    texts already went through ``normalise``.
    """
    index = _agency_index()
    found: list[str] = []
    for text in texts:
        norm = text if normalised else normalise(text)
        runs = list(_AR_RUN.finditer(norm))
        for i, run in enumerate(runs):
            for form in _word_forms(run.group()):
                if form not in index:
                    continue
                for words, name, strict in index[form]:
                    if name in found or not _continues(norm, runs, i, words):
                        continue
                    end = runs[i + len(words) - 1].end()
                    if strict and not (
                        _STRICT_BEFORE.search(norm[max(0, run.start() - 14): run.start()])
                        or _STRICT_AFTER.match(norm[end:])
                    ):
                        continue
                    found.append(name)
    return found


def _continues(norm: str, runs: list[re.Match], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(runs):
        return False
    for k in range(1, len(words)):
        prev, cur = runs[i + k - 1], runs[i + k]
        if cur.group() != words[k] or not _GAP.fullmatch(norm, prev.end(), cur.start()):
            return False
    return True


def is_agency(name: str) -> bool:
    return bool(find_agencies(name))


# -- outlets -----------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name or alias -> outlet name, domain -> outlet name)."""
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for entry in _load("outlets.yaml")["outlets"]:
        for alias in [entry["name"], *(entry.get("aliases") or [])]:
            names[normalise(alias).lower()] = entry["name"]
        for d in entry.get("domains") or []:
            domains[d.lower()] = entry["name"]
    return names, domains


def canonical_outlet(name: str) -> str:
    """The outlet's own name for one of its names, company names or Latin site names."""
    name = name.strip(" -|:،,.")
    names, _ = _outlets()
    key = normalise(name).lower()
    if key in names:
        return names[key]
    for alias, outlet in names.items():
        if len(alias) >= 6 and alias.isascii() and alias in key:
            return outlet
    return name


def outlet_from_url(url: str | None) -> str | None:
    """Outlet of a URL: known domains by name, others as the bare host."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    if not host:
        return None
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    _, domains = _outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in domains:
            return domains[".".join(parts[i:])]
    return host


_COPYRIGHT_NOISE = re.compile(
    r"جميع\s+الحقوق\s+محفوظ[ةه]|الحقوق\s+محفوظ[ةه]|حقوق\s+(?:النشر|الطبع)(?:\s+محفوظ[ةه])?|all\s+rights\s+reserved|copyright|©|\(c\)"
    r"|(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)|(?<![" + _AR + r"])(?:لـ|ل|لصالح|ل?شركة|ل?موقع|ل?مؤسسة|ل?صحيفة|ل?جريدة|inc|ltd|llc|fz)(?![" + _AR + r"])",
    re.I,
)


def outlet_from_copyright(text: str) -> str | None:
    """"جميع الحقوق محفوظة © 2024 شركة إرم ميديا - Erem Media FZ LLC" -> the outlet of إرم ميديا."""
    rest = _COPYRIGHT_NOISE.sub(" ", text)
    parts = [re.sub(r"\s+", " ", p).strip(" .،,:") for p in re.split(r"\s[-–—|]\s|[|،,.]", rest)]
    parts = [p for p in parts if p and len(p.split()) <= 6 and re.search(r"\w", p)]
    for p in parts:
        name = canonical_outlet(p)
        if name != p:
            return name
    arabic = [p for p in parts if re.search("[" + _AR + "]", p)]
    return (arabic or parts or [None])[0]


# "المصدر: وكالات" names no outlet.
_GENERIC_SOURCES = set(normalise(w) for w in ("وكالات", "وكالات الأنباء", "مواقع", "مواقع إلكترونية", "متابعات", "وسائل إعلام", "صحف", "الصحافة", "خاص", "مصادر"))
_SOURCE_LINE = re.compile(r"(?:المصدر|مصدر الخبر|source)\s*:\s*(.+)$", re.I)
_COUNTER_AT = re.compile(
    r"عدد\s+(?:المشاهدات|القراءات|الزيارات)|(?:المشاهدات|القراءات|الزيارات)\s*:?\s*\d|\d+\s*(?:قراء[ةه]|مشاهد[ةه])"
)


def find_outlet(page: Page, url: str | None = None, sitename: str | None = None) -> str | None:
    """Outlet named by the page itself, most specific evidence first; else from the URL."""
    if sitename:
        return canonical_outlet(sitename)
    outside = [l for l in page.lines if l.role != "body"]
    for line in outside:
        if line.kind == "copyright":
            name = outlet_from_copyright(line.text)
            if name:
                return name
    for line in outside:
        m = _SOURCE_LINE.search(line.text)
        if m and line.role != "dropped":
            name = re.split(r"\s[-–|]\s|[|،,.+/]", m.group(1))[0].strip()
            if name and len(name.split()) <= 5 and not is_agency(name) and normalise(name) not in _GENERIC_SOURCES:
                return canonical_outlet(name)
    for line in page.header:
        # "يني يمن   عدد المشاهدات : 248": the outlet's name beside its own counter.
        m = _COUNTER_AT.search(line.text)
        if m and "|" not in line.text:
            name = line.text[: m.start()].strip(" -:|")
            if 1 <= len(name.split()) <= 4 and re.search("[" + _AR + "]", name):
                return canonical_outlet(name)
    return outlet_from_url(url)


# -- title -------------------------------------------------------------------

_TICKER = re.compile(r"^\W*(?:عاجل|خاص|فيديو|بالفيديو|بالصور|مباشر)\s*[:|-]")


def find_title(page: Page) -> str | None:
    """The headline above the article: a repeated headline-shaped line, else the one under the masthead."""
    header = [l for l in page.lines if l.role == "header"]
    # Above the first paragraph of prose, when the header holds one: below it, the lines of a poem or a
    # list the article was cut by (a chorus repeats) or another story's headline.
    prose = next((i for i, l in enumerate(header) if l.prose and not _headline_shaped(l)), len(header))
    cands = [l for l in header[:prose] if _headline_shaped(l)] or [l for l in header if _headline_shaped(l)]
    if not cands:
        # A one- or two-word headline ("قالوا", "عاد عيدكم") when it is all the page has above the text.
        text_lines = [l for l in header if not l.kind and l.arabic >= 0.5 and not find_dates(l.text)]
        text_lines = [l for l in text_lines if l.words <= 2 and not l.text.endswith((":", "."))] if len(text_lines) == 1 else []
        if len(text_lines) == 1 and not [l for l in header if l.kind in ("nav", "latin")]:
            return text_lines[0].text
        return None
    counts: dict[str, int] = {}
    for l in page.lines:
        counts[l.norm] = counts.get(l.norm, 0) + 1
    for l in cands:
        if counts[l.norm] >= 2:
            return l.text
    # Lines above the last masthead/section line are tickers of other stories; the masthead ends at the
    # first paragraph of prose (a "فيديو" label under it is the page's, not a masthead's).
    last_nav = max((i for i, l in enumerate(header[:prose]) if l.kind in ("nav", "latin")), default=-1)
    below = [l for l in cands if header.index(l) > last_nav and not _TICKER.search(l.norm)] or cands
    return next((l.text for l in below if l.words >= 4), below[0].text)


def _headline_shaped(line: Line) -> bool:
    if line.kind or line.arabic < 0.5 or not 3 <= line.words <= 30:
        return False
    if "المصدر" in line.norm or (line.words <= 8 and find_dates(line.text)):
        return False
    return not line.text.endswith(":") and not (line.text.endswith(".") and not line.text.endswith(".."))  # ".." is a pause


def derive_title(body: str, max_words: int = 14) -> str | None:
    """A title from the lead sentence when the page has none: its first clause, or its first words."""
    spans = split_sentences(body)
    if not spans:
        return None
    lead = body[spans[0].start: spans[0].end].rstrip(".!؟?")
    words = lead.split()
    if len(words) <= max_words:
        return lead
    clause = re.split(r"[،,؛]", lead)[0].split()
    if 4 <= len(clause) <= max_words:
        return " ".join(clause)
    return " ".join(words[:max_words]) + "…"


# -- publication date --------------------------------------------------------

_PUBLISHED_CUE = re.compile(r"نشر|تاريخ|بتاريخ|تحديث|published|updated", re.I)


def find_published(page: Page, title: str | None = None) -> str | None:
    """A date line above the article, or a "نُشر في/آخر تحديث" line around it; never a date in the text.

    With the title known, date lines under it come first, then those above
    nearest first: a masthead often shows today's date, farther from the title.
    """
    header = [l for l in page.lines if l.role == "header" and l.words <= 15]
    at = next((i for i, l in enumerate(header) if title and l.text == title), None)
    if at is not None:
        header = header[at + 1:] + header[:at][::-1]
    for line in header:
        dates = find_dates(line.text)
        if dates:
            return dates[0][2]
    for line in page.lines:
        if line.role in ("footer", "dropped") and line.words <= 15 and _PUBLISHED_CUE.search(line.text):
            dates = find_dates(line.text)
            if dates:
                return dates[0][2]
    first = next((l.text for l in page.lines if l.role == "body"), "")
    dateline = _DATELINE.match(first)
    if dateline:
        dates = find_dates(dateline.group())
        if dates:
            return dates[0][2]
    return None


# "القاهرة في 12 نوفمبر 2024 (أ ش أ) -": a wire dateline opening the first paragraph.
_DATELINE = re.compile(r"^[^\s\d]+(?:\s+[^\s\d]+)?[،,]?\s+(?:في\s+)?[^\n]{6,40}?(?:\([^)]{1,20}\))?\s*[-–—:]")


def date_order(outlet: str | None) -> str:
    """How ``outlet`` writes all-numeric dates: "DMY" (the Arabic convention) unless outlets.yaml says "MDY"."""
    return _date_orders().get(outlet or "", "DMY")


@functools.lru_cache(maxsize=1)
def _date_orders() -> dict[str, str]:
    return {e["name"]: e["date_order"] for e in _load("outlets.yaml")["outlets"] if e.get("date_order")}


_CREDIT = re.compile(r"(?:المصدر|مصدر الخبر|source)\s*:?(.*)$", re.I)


def source_credits(page: Page) -> list[str]:
    """Source credits outside the article ("المصدر: رويترز" under a photo or at the end)."""
    out = []
    for line in page.lines:
        if line.role in ("header", "footer"):
            m = _CREDIT.search(line.text)
            if m:
                out.append(m.group(1))
    return out
