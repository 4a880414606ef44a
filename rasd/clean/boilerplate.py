"""Page furniture out of scraped Arabic news text, line by line.

Scraped pages keep the article between a header (tickers, logo, section
labels, title, date, view counter) and a footer (share bars, "read also"
lists, comment forms, copyright), sometimes with a related-links block or a
whole second article glued in. Three kinds of evidence decide:

* line shape: length in words, final punctuation, share of Arabic letters,
  counters ("1427 قراءة"), latin-only lines, runs of short unpunctuated lines
  (headline lists);
* a lexicon of furniture *types* (follow/share, read-also, comments,
  newsletter, copyright, tags, source, pager, navigation, wire end marks),
  matched on the normalised text so spelling variants (اقرأ/إقرأ أيضاً/ايضا)
  meet; and short lines made only of words about the page (box headings,
  pointers, photo credits: "فيديو ذات صلة", "صورة أرشيفية");
* position: the article is the densest run of prose lines; a comments
  block or the copyright line ends it, and so does a read-also block that follows an
  end-of-article sign (source line, tags, share bar, copyright) or is
  followed by a fresh lead rather than a continuation ("وكان"، "من جهته").

The article is the densest run of prose, or the one that takes up the title
when the densest shares none of its words, widened over the runs beside it
that share its words (a poem or a list splits runs, not articles).

``OutletProfile`` adds a fourth: lines that recur across many pages of one
outlet are furniture of that outlet.

A fifth looks at the article as a whole (``drop_offtopic``): a paragraph
belongs to it when it continues the title and the other paragraphs. A
related-story teaser (a headline line, then a one-line summary that opens
like a lead, sharing few content words with the article) and a promotion
addressed to the reader about the outlet's app, newsletter or accounts are
out wherever they sit, between body paragraphs included.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rasd.text.dates import find_dates
from rasd.text.normalise import normalise

# -- line-level lexicons (normalised text: ا for أإآ, ي for ى, ه for ة) --------

_AR = r"[\u0621-\u064A]"


def _rx(*alts: str, anchored: bool = False, whole: bool = False) -> re.Pattern:
    """A lexicon pattern, folded like the text it runs on (normalise keeps regex syntax intact)."""
    body = normalise("|".join(alts))
    if whole:
        return re.compile(r"^\W*(?:" + body + r")\W*$", re.I)
    if anchored:
        return re.compile(r"^\W*(?:" + body + r")(?!" + _AR + ")", re.I)
    return re.compile(r"(?<!" + _AR + r")(?:" + body + r")(?!" + _AR + ")", re.I)


_SOCIAL = r"فيسبوك|فيس بوك|فايسبوك|تويتر|يوتيوب|يوتوب|تيليجرام|تليجرام|تلغرام|تيلغرام|واتساب|واتس اب|انستغرام|انستجرام|انستقرام|تيك توك|لينكد ان|google news|facebook|twitter|youtube|telegram|whatsapp|instagram|tiktok|نبض|جوجل نيوز|قوقل نيوز"

FURNITURE: dict[str, list[re.Pattern]] = {
    # Follow / share / app prompts.
    "share": [
        _rx(r"تابعونا|تابعنا|تابعوا|تابع\s+(?:اخر|احدث|اهم|كل|صفحتنا|قناتنا|حسابنا)|شارك(?:وا)?(?:\s+(?:المقال|الخبر|هذا|عبر|علي|مع|الان))?\s*$|شارك(?:وا)?\s+(?:المقال|الخبر|هذا\s+\S+|عبر|علي\s+(?:فيسبوك|تويتر|واتساب))|مشاركه\s*(?:$|عبر|علي|الخبر|المقال)|انشر\s+(?:الخبر|المقال|علي)|للمشاركه|حمل(?:وا)?\s+تطبيق|نزل\s+تطبيق|اشترك(?:وا)?\s+(?:في|فى)\s+قناه|انضم(?:وا)?\s+(?:الي|لقناه|لقناتنا)|اضغط(?:وا)?\s+هنا|للمزيد\s+من\s+الاخبار\s+تابع|share|follow us", anchored=True),
        _rx(_SOCIAL),
    ],
    # View / read / comment counters: "عدد المشاهدات : 248", "1427 قراءة".
    "counter": [
        _rx(r"عدد\s+(?:المشاهدات|القراءات|الزيارات|التعليقات|المشاركات)"),
        _rx(r"\d+\s*(?:قراءه|قراءات|مشاهده|مشاهدات|زياره|زيارات|تعليق|تعليقات|مشاركه|views?|reads?)"),
        _rx(r"(?:المشاهدات|القراءات|الزيارات|مشاهدات|قراءات)\s*:?\s*\d+"),
    ],
    # Read-also / related / most-read blocks (their headlines follow).
    "related": [
        _rx(r"اقرا\s+(?:ايضا|ايضًا|كذلك|المزيد|اكثر)|اقرا\s*:|طالع\s+(?:ايضا|المزيد)|شاهد\s+(?:ايضا|المزيد)|يهمك\s+ايضا|قد\s+(?:يعجبك|يهمك|يثير اهتمامك)|ننصحك\s+بقراءه|"
            r"(?:اخبار|مواضيع|مقالات|موضوعات|مواد|روابط|قصص|تقارير)\s+(?:ذات\s+(?:صله|علاقه)|متعلقه|مشابهه|مرتبطه|ذات الصله|اخري|مقترحه)|ذات\s+صله|"
            r"الاكثر\s+(?:قراءه|مشاهده|تداولا|شعبيه|تعليقا|مشاركه)|اخر\s+الاخبار|احدث\s+الاخبار|المزيد\s+من\s+(?:الاخبار|المقالات|الموضوعات)|"
            r"اخترنا\s+لك|مختارات|يحدث\s+الان|اخبار\s+قد\s+تهمك|read\s+(?:also|more)|related", anchored=True),
    ],
    # Comment forms, comment policies.
    "comment": [
        _rx(r"اترك\s+تعليقا|اترك\s+ردا|اضف\s+تعليق|اضافه\s+تعليق|اكتب\s+تعليق|ارسل\s+تعليق|التعليقات|تعليقات\s+(?:القراء|الزوار|فيسبوك)|شارك(?:نا)?\s+برايك|علق\s+علي|لا\s+توجد\s+تعليقات|comments?", anchored=True),
        # Comment policies, whatever their length (CNN Arabic's runs to 44 words).
        _rx(r"لن\s+يتم\s+نشر|الاراء\s+الوارده|لا\s+تعبر\s+(?:بالضروره\s+)?عن\s+راي|بالنقاش\s+الحيوي|مراجعه\s+التعليقات|ارشادات\s+الاستخدام|شروط\s+الاستخدام|سياسه\s+الخصوصيه"),
        # A comment form's fields, on short lines without a final stop: a reader's letter may ask that
        # "عنوان البريد الإلكتروني" stay unnamed (the one hit of these in the lines of 20,000 SaudiNewsNet
        # articles, 283 words), and so may a short news sentence.
        _rx(r"الحقول\s+(?:الالزاميه|المطلوبه)|بريدك\s+الالكتروني|عنوان\s+البريد\s+الالكتروني|احفظ\s+اسمي"),
    ],
    # Newsletter prompts.
    "newsletter": [
        _rx(r"النشره\s+(?:البريديه|الاخباريه|اليوميه)|نشرتنا(?:\s+(?:البريديه|الاخباريه))?|القائمه\s+البريديه|سجل\s+بريدك|ادخل\s+بريدك|newsletter|subscribe"),
        _rx(r"اشترك(?:وا)?\s+(?:الان|في|فى|ب|معنا|مجانا)"),
    ],
    "copyright": [
        _rx(r"حقوق\s+(?:النشر|الطبع)"),
        re.compile(r"©|" + normalise(r"(?:جميع\s+)?الحقوق\s+محفوظة|all\s+rights\s+reserved|copyright"), re.I),
    ],
    "tags": [_rx(r"كلمات\s+دلاليه|الكلمات\s+الدلاليه|كلمات\s+مفتاحيه|الكلمات\s+المفتاحيه|الوسوم|وسوم|هاشتاج|tags?\s*:", anchored=True)],
    "source": [_rx(r"المصدر\s*:|مصدر\s+الخبر|source\s*:", anchored=True)],
    "pager": [_rx(r"السابق|التالي|المقال\s+(?:السابق|التالي)|الخبر\s+(?:السابق|التالي)|previous|next", anchored=True)],
    "ad": [_rx(r"اعلان|اعلانات|advertisement|ads?|sponsored|محتوي\s+مدفوع|مساحه\s+اعلانيه", whole=True)],
    # Wire-service end marks and time stamps under the text ("// انتهى //", "12:44 ت م").
    "wire": [_rx(r"//\s*(?:انتهي|يتبع)\s*//|\d\d?:\d\d\s*ت\s*[مغ]", whole=True)],
    "byline": [_rx(r"كتب|كتبت|بقلم|حوار|اعداد|تحرير|ترجمه|متابعات|تقرير|مراسل|by", anchored=True)],
    # A column's contact lines under its last paragraph ("للتواصل مع الكاتب ارسل رسالة SMS"); an e-mail
    # address or a handle alone is a "latin" line. The SMS instructions alone (``_CONTACT_SMS``) are news
    # words too ("عبر إرسال رسالة SMS إلى الرقم"، "تبدأ بالرمز 05"): contact lines only under these, or
    # in a line that opens with the call ("للتواصل أرسل رسالة نصية SMS").
    "contact": [_rx(r"للتواصل\s+مع\s+(?:الكاتب|الكاتبه|المحرر)"), _rx(r"للتواصل\s+(?:ارسل|ارسال)", anchored=True)],
    "nav": [_rx(r"زر\s+الذهاب\s+الي\s+الاعلي|الذهاب\s+الي\s+الاعلي|العوده\s+(?:الي|للاعلي)|الي\s+الاعلي|مركز\s+الاشعارات|تسجيل\s+الدخول|اتصل\s+بنا|من\s+نحن|تفاصيل\s+الخبر|الصفحه\s+الرئيسيه|اعلن\s+معنا|خريطه\s+الموقع|بث\s+مباشر|(?:تجاوز|انتقل)\s+(?:الي\s+)?المحتوي(?:\s+الرئيسي)?|skip\s+to\s+(?:main\s+)?content", whole=True)],
}

# Words that section labels and menus are made of ("أخبار العالم", "عاجل").
_NAV_WORDS = set(normalise(
    "الرئيسية أخبار الأخبار خبر عاجل عاجلة العالم عالمي عربي عربية دولي دولية محلي محليات سياسة السياسة "
    "اقتصاد الاقتصاد رياضة الرياضة ثقافة فن فنون منوعات تكنولوجيا صحة مقالات رأي الرأي تقارير فيديو "
    "صور ملفات تحقيقات مجتمع حوادث الشرق الأوسط الخليج مصر اليمن العراق سوريا لبنان فلسطين المغرب "
    "الجزائر تونس ليبيا السودان الأردن السعودية أوروبا أمريكا آسيا أفريقيا إفريقيا وتقارير وتكنولوجيا "
    "القائمة بحث المزيد الكل أقسام قسم تفاصيل logo menu home search more"
).split())

# Words about the page and its reader, not the world: a short line made only of them is a box heading,
# a pointer or a photo credit ("فيديو ذات صلة", "للمزيد: اضغط هنا", "صورة أرشيفية"), whatever the outlet.
_PAGE_WORDS = frozenset(normalise(
    "اقرأ قراءة المزيد مزيد شاهد شاهدوا مشاهدة فيديو فيديوهات صور صورة أرشيفية أرشيف مصدر تعليق "
    "أخبار خبر مقالات مقال موضوعات مواضيع روابط رابط قصص قصة صلة متعلقة مقترحة ترشيحات "
    "تهمك يهمك تهمكم يهمكم يعجبك يعجبكم ننصحك تصفح تصفحوا اضغط اضغطوا انقر انقروا زوروا زورونا موقعنا "
    "صفحتنا الرئيسية المستجدات الأكثر تداولا الإعلان إعلان تخطى تخط اخترنا مختارات تغطية تغطيتنا الحية "
    "ملف إنفوغراف انفوغراف إنفوجراف انفوجرافيك بودكاست بالفيديو بالصور "
    "getty images afp reuters epa shutterstock"
).split())
_PAGE_GLUE = frozenset(normalise(
    "ذات هذه هذا حول أيضا أيضاً كذلك لك لكم من في على عن عبر التالي التالية الآن هنا قد آخر أحدث مباشر بث "
    "مستمرة كاملة الكاملة كاملاً خاص خاصة"
).split())


_CONTACT_SMS = _rx(r"(?:ارسل|ارسال)\s+رساله\s+sms|تبدا\s+بالرمز")
# "مقالات أخرى للكاتب/للكاتبة", the headlines often glued to its last word ("للكاتبمركز الإغاثة").
_WRITERS_OTHERS = re.compile(r"^\W*" + normalise(r"مقالات\s+أخرى\s+لل?كاتب"))

# "شاهد: ..." / "بالصور: ...": a pointer to the outlet's video or gallery of another moment.
_POINTER = _rx(r"(?:شاهد|شاهدوا|فيديو|بالفيديو|بالصور|صور|انفوغراف|انفوجراف)\s*:", anchored=True)


def _about_the_page(norm: str) -> bool:
    """Whether every word of a line (as written, or without its proclitics: للمزيد) is a page word or
    glue, one at least a page word."""
    found = False
    for w in _WORD.findall(norm.lower()):
        bare = _PROCLITICS.sub("", w)
        if w in _PAGE_WORDS or bare in _PAGE_WORDS:
            found = True
        elif not ({w, bare} & _PAGE_GLUE or w in _NAV_WORDS):
            return False
    return found


_TERMINAL = r"(?:[.!?؟…؛]|:-?)[\"'»”)\]]*"  # ":-" opens a quoted statement
_END_SIGNS = {"share", "comment", "newsletter", "copyright", "tags", "source", "pager", "counter", "wire", "contact"}
# End signs that also sit between an article's paragraphs (app, follow and newsletter calls).
_CALLS = {"share", "newsletter"}
_RUN_BREAKS = _END_SIGNS - _CALLS  # end signs that keep two runs of prose apart

# Inline code glued into text: a run without Arabic letters that carries code punctuation.
_CODE_RUN = re.compile(r"[^\u0600-\u06FF]{12,}")
_CODE_SIGN = re.compile(r"[{};=]|\(\s*\)|function\s*\(|\.push\(|googletag|var\s|window\.|document\.")
_CSS_RULE = re.compile(r"[\w.#\-\s:,>*\[\]=\"']*\{[^{}\u0600-\u06FF]*\}")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def strip_code(line: str) -> str:
    """Remove inline JavaScript/CSS (a run without Arabic letters full of code signs)."""
    if not any(c in line for c in "{};="):
        return line
    if "{" in line:
        line = _CSS_RULE.sub(" ", line)

    def repl(m: re.Match) -> str:
        run = m.group()
        return " " if len(_CODE_SIGN.findall(run)) >= 2 else run

    return _CODE_RUN.sub(repl, line)


@dataclass
class Line:
    """One line of the page with its features and what the cleaner made of it."""

    text: str  # whitespace-collapsed, inline code removed
    norm: str
    words: int
    arabic: float  # share of Arabic among letters
    punct: bool  # ends with terminal punctuation (possibly inside closing quotes)
    question: bool = False  # ends with ? or ! (headlines do too)
    verse: bool = False  # a line of a poem among the article's lines (``_verse``): no headline
    kind: str = ""  # furniture type, or "" for text lines
    role: str = ""  # "header", "body", "footer" or "dropped"

    @property
    def prose(self) -> bool:
        """Looks like a paragraph of running text, not a headline or a label."""
        if self.kind or self.arabic < 0.5:
            return False
        if self.words >= 18:
            return True
        return self.punct and self.words >= (12 if self.question else 6)

    @property
    def solid(self) -> bool:
        """Prose that no headline looks like: long, or a full sentence ending in a stop."""
        return self.prose and (self.words >= 15 or (not self.question and self.words >= 8))


def _make_line(raw: str) -> Line:
    text = re.sub(r"\s+", " ", strip_code(raw)).strip()
    norm = normalise(text)
    letters = len(_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0
    end = re.search(_TERMINAL + r"\s*$", text)
    question = bool(end and end.group()[0] in "!?؟")
    return Line(text, norm, len(_WORD.findall(text)), arabic, bool(end), question)


def _furniture_kind(line: Line) -> str:
    """The furniture type of a line, or "" for text.

    Markers that are also ordinary words of news prose (شارك "took part",
    اشترك, السابق, حقوق النشر) count only on lines that do not read as a
    sentence: short, or not ending in a full stop.
    """
    if not line.text:
        return "blank"
    n, words = line.norm, line.words
    if line.arabic == 0.0 and words <= 25 and FURNITURE["copyright"][1].search(n):
        return "copyright"  # "© 2024 Al Jazeera Media Network": also names the outlet
    if line.arabic == 0.0 and words <= 12:
        return "latin"
    loose = not line.punct or line.question  # headline-like ending
    if FURNITURE["tags"][0].search(n):
        return "tags"
    if FURNITURE["comment"][1].search(n) or (words <= 12 and not line.punct and FURNITURE["comment"][2].search(n)):
        return "comment"
    if words <= 30 and any(p.search(n) for p in FURNITURE["contact"]):
        return "contact"
    if words > 25:
        # "مقالات أخرى للكاتب..." with the headlines glued after it and no final stop: a box, not a sentence
        # (an unpunctuated paragraph may open "تقارير أخرى أشارت إلى").
        return "related" if loose and _WRITERS_OTHERS.match(n) else ""

    def has(kind: str, i: int = 0) -> bool:
        return bool(FURNITURE[kind][i].search(n))

    if (words <= 10 or "|" in line.text) and any(p.search(n) for p in FURNITURE["counter"]):
        return "counter"
    if words <= 12 and has("source"):
        return "source"
    if has("copyright", 1) or (has("copyright") and words <= 12 and loose):
        return "copyright"
    if has("newsletter") or (has("newsletter", 1) and words <= 12 and loose):
        return "newsletter"
    if has("related") and (words <= 8 or loose):
        return "related"
    if has("pager") and loose:
        return "pager"
    if has("wire"):
        return "wire"
    if has("ad") or has("nav"):
        return "nav" if has("nav") else "ad"
    if not line.punct and ((has("share") and words <= 20) or (has("share", 1) and (words <= 3 or re.search(r"تابع|حمل|اشترك|انضم", n)))):
        return "share"
    # A short call to share ending in a colon ("شارك الخبر عبر:") labels the icons after it; a line
    # that opens a quote ("وكتب على تويتر:", "وقال عبر فيسبوك:") is the article's.
    if words <= 6 and line.text.endswith(":") and has("share") and re.match(r"\W*(?:شارك|انشر|مشارك)", n):
        return "share"
    if words <= 8 and has("comment"):
        return "comment"
    if words <= 6 and has("byline") and re.search(r"^\W*\S+\s*:", n):
        return "byline"
    if words <= 5 and all(w in _NAV_WORDS for w in _WORD.findall(n.lower())):
        return "nav"
    if (words <= 8 and (loose or line.text.endswith(":")) and _about_the_page(n)) or (words <= 15 and loose and _POINTER.match(n)):
        return "page"
    return ""


@dataclass
class OutletProfile:
    """Lines one outlet repeats on many pages (menus, slogans, footers): its furniture.

    ``learn`` takes pages of one outlet. A line is furniture when it recurs on
    at least ``min_pages`` distinct pages and on ``min_share`` of them: menus
    and footers are on nearly every page, while a background sentence that
    several follow-ups of one story repeat is on few and stays text.
    """

    lines: set[str] = field(default_factory=set)

    @classmethod
    def learn(cls, pages: Iterable[str], min_pages: int = 3, min_share: float = 0.3) -> "OutletProfile":
        seen: Counter[str] = Counter()
        distinct: set[int] = set()
        for page in pages:
            if hash(page) in distinct:
                continue  # the same page fetched twice says nothing about the outlet
            distinct.add(hash(page))
            keys = {_profile_key(l) for l in page.splitlines()}
            seen.update(k for k in keys if k)
        need = max(min_pages, math.ceil(min_share * len(distinct)))
        return cls({k for k, n in seen.items() if n >= need})

    def __contains__(self, line: str) -> bool:
        return _profile_key(line) in self.lines


def _profile_key(line: str) -> str:
    text = normalise(re.sub(r"\s+", " ", line).strip())
    if not text or len(text.split()) > 30:
        return ""
    return re.sub(r"\d+", "0", text)


@dataclass
class Page:
    """The cleaned page: every line with its role, and the article's paragraphs."""

    lines: list[Line]

    @property
    def body(self) -> list[str]:
        return [l.text for l in self.lines if l.role == "body"]

    @property
    def body_lines(self) -> list[Line]:
        return [l for l in self.lines if l.role == "body"]

    @property
    def header(self) -> list[Line]:
        return [l for l in self.lines if l.role == "header"]

    @property
    def footer(self) -> list[Line]:
        return [l for l in self.lines if l.role == "footer"]


def clean_text(text: str, profile: OutletProfile | None = None, title: str | None = None) -> Page:
    """Split scraped page text into header, article body and footer (then ``drop_offtopic`` with the title).

    ``title`` (when the input or the HTML metadata gives it) tells which run of prose is the article's
    when a page has several; without it, the headline the page itself shows above the densest run.
    """
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_make_line(r) for r in raws]
    for line, raw in zip(lines, raws):
        line.kind = _furniture_kind(line)
        if not line.kind and profile is not None and raw.strip() and raw in profile and not _wire_dateline(line):
            line.kind = "repeated"  # a wire dateline recurs too (digits aside), and is the article's
    content = [l for l in lines if l.kind != "blank"]
    for prev, line in zip(content, content[1:]):
        # "headline / outlet | 1427 قراءة": a listed headline of another page.
        if line.kind == "counter" and "|" in line.text and not prev.kind:
            prev.kind = "related"
        # "ارسل رسالة SMS ... تبدأ بالرمز" right under "للتواصل مع الكاتب", no sentence of its own.
        if prev.kind == "contact" and not line.kind and not line.punct and _CONTACT_SMS.search(line.norm):
            line.kind = "contact"
    cut = _terminal_cut(content)
    title_stems = _stems(_keys(_make_line(title))) if title is not None else None

    def title_keys(start: int, end: int) -> frozenset[str]:
        if title_stems is None:
            from rasd.clean.metadata import find_title  # metadata builds on this module

            for i, line in enumerate(content):
                line.role = "header" if i < start else "footer" if i >= end else "body"
            found = find_title(Page(content))
            return _stems(_keys(_make_line(found))) if found else frozenset()
        return title_stems

    start, end = _main_run(content[:cut], title_keys)
    # A wire dateline above the lead is the article's, even with a teaser's headline or a furniture line
    # ("فيديو") between them (those go inside the body).
    for back in range(1, min(start, 3) + 1):
        if _wire_dateline(content[start - back]):
            start -= back
            break
        if not _teaser_head(content[start - back]) and not content[start - back].kind:
            break
    if start >= 2 and _deck(content[start - 1], content[:start - 1], content[start:end], title_stems):
        start -= 1
    for i, line in enumerate(content):
        line.role = "header" if i < start else "footer" if i >= end else "body"
    _drop_inside(content[start:end])
    return Page(content)


_DECK_SHARE = 0.6  # 0.5 to 0.75 give the same on dev and extra (one deck there, kept; no teaser headline taken)
_BYLINE_DASH = re.compile(r"\s[-–—ـ]\s")  # "لجين الأحمدي – عين اليوم": a credit line, not a sub-title


def _deck(line: Line, above: list[Line], body: list[Line], title_stems: frozenset[str] | None) -> bool:
    """A sub-title right above the lead, under the page's headline: shaped like a headline, and most
    of its words (three or more) are the article's own, as a teaser's headline's are not.

    Only with a known title (``title_stems``, its stemmed content words): without one, the line
    above the lead is most often the headline itself (which ``find_title`` then looks for above the
    body), and the deck is told from it by sharing less than half of its words with it."""
    if title_stems is None or not _teaser_head(line) or _BYLINE_DASH.search(line.text) or not any(_teaser_head(l) for l in above):
        return False
    own = _stems(_keys(line))
    words = _prose_words(body)
    return len(own) >= 3 and len(own & words) >= _DECK_SHARE * len(own) and len(own & title_stems) < len(own) / 2


def _terminal_cut(lines: list[Line]) -> int:
    """Index where the article certainly ends: comments, a column's contact lines, the copyright line, or a
    read-also block that ends it.

    A read-also marker after an end sign (source line, tags, share bar,
    copyright) opens lists or a second, glued article: nothing after it is
    ours. Without an end sign, a mid-article box is told from a glued article
    by what follows its headlines: the article resumes with a continuation
    ("وكان"، "من جهته"), a glued article with a fresh lead, and near the end.
    """
    prose_chars = 0
    ended = False
    for i, line in enumerate(lines):
        if line.prose:
            prose_chars += len(line.text)
            continue
        if not prose_chars:
            continue
        if line.kind == "copyright" and FURNITURE["copyright"][1].search(line.norm):
            return i  # the page's last line, whatever follows it
        if line.kind == "related" and ended:
            return i
        if line.kind in ("source", "tags"):
            ended = True  # these close an article however short it is
        if prose_chars < 200:
            continue  # a share bar or counter under a short deck is not the end yet
        if line.kind in ("comment", "contact") or (line.kind == "related" and _glued_after(lines, i, prose_chars)):
            return i
        if line.kind in _END_SIGNS:
            ended = True
    return len(lines)


# Openings of a paragraph that goes on from the one before, in every paragraph shape: "من جهته",
# "في المقابل", and the background formulas that close a report ("تجدر الإشارة إلى أن", "جدير بالذكر").
_ON_PHRASES = (r"كما|ثم|لكن|غير\s+ان|الا\s+ان|بدوره|بدورها|"
               r"من\s+(?:جهته|جهتها|جانبه|جانبها|جانب\s+اخر|ناحيه|(?:جهه|ناحيه)\s+(?:اخري|ثانيه))|"
               r"في\s+(?:المقابل|السياق|سياق|الاثناء|غضون)|الي\s+ذلك|يذكر|يشار|تجدر\s+الاشاره|(?:ال)?جدير\s+بالذكر")


# Share of the content words after a read-also marker that the prose before it already used, under
# which the tail is a glued story, not the article going on. Measured by benchmarks/clean_glued.py on
# 1,469 article tails and 9,596 tails glued from the same outlet's most similar stories: they overlap.
# Tails that open with prose (1,425 article, 797 glued: a glued story mostly opens with its headline):
# the error weighing glued and article pages the same is lowest at 0.083; 0.08 cuts 47 article tails
# and keeps 321 glued, where 0.12 cut 126 and kept 89.
# Tails that open with a headline (44 article tails only, 8,799 glued): 0.17 cuts 6 of them and keeps
# 1,107 glued (0.12: 5 and 2,526); the same weighing would go to 0.35 and cut 27 of the 44, which so
# few article tails do not support.
_GOES_ON_WORDS = 0.08
_GLUED_HEAD_WORDS = 0.17


def _glued_after(lines: list[Line], i: int, before_chars: int) -> bool:
    share = goes_on_share(lines, i, before_chars)
    return share is not None and share < (_GLUED_HEAD_WORDS if _teaser_head(lines[i + 1]) else _GOES_ON_WORDS)


def goes_on_share(lines: list[Line], i: int, before_chars: int) -> float | None:
    """Share of the content words of the prose after the read-also marker ``lines[i]`` that the prose
    before it (``before_chars`` long) used; None when the shape alone says the article goes on (only
    headlines follow, a continuation, more prose than before, the column's own marks, no Arabic words)."""
    nxt = next((l for l in lines[i + 1:] if l.solid), None)
    if nxt is None:
        return None  # only headlines follow: the box is dropped anyway
    after_chars = sum(len(l.text) for l in lines[i + 1:] if l.prose)
    if _CONTINUATION.match(nxt.norm) or after_chars >= before_chars or _same_marks(lines[:i], nxt):
        return None
    # A box whose links are gone ("اقرأ أيضاً:" alone) before more of the same article: the prose
    # after it goes on with the words of the prose before it, as a glued story does not.
    before, after = _prose_words(lines[:i]), _prose_words(lines[i + 1:])
    return len(after & before) / len(after) if after else None


_MARK = re.compile(r"^\s*([-–—ـ•*▪●■◾])")


def _same_marks(before: list[Line], nxt: Line) -> bool:
    """Whether the paragraph after a box opens with the dash or bullet that most prose paragraphs before
    it open with: a column written as a list of remarks ("ـ ...") goes on; a glued story has no marks."""
    mark = _MARK.match(nxt.text)
    prose = [l for l in before if l.prose]
    return bool(mark) and sum(1 for l in prose if (m := _MARK.match(l.text)) and m.group(1) == mark.group(1)) * 2 > len(prose)


def _main_run(lines: list[Line], title_keys: Callable[[int, int], frozenset[str]]) -> tuple[int, int]:
    """[start, end) of the article: the densest run of prose lines, allowing short gaps (subheadings,
    questions), or the run that takes up the title (two of its words) when the densest shares none (a teaser
    between the lead and a poem is longer than the lead); widened over the runs beside it that go on
    with its words (``_join_runs``). ``title_keys(start, end)`` gives the title's content words."""
    runs: dict[int, list[int]] = {}  # start -> [chars, start, end]
    start = None
    gap = 0
    for i, line in enumerate(lines):
        if _running(line):
            if start is None:
                start = i
                runs[start] = [0, i, i]
            runs[start][0] += len(line.text)
            runs[start][2], gap = i + 1, 0
        elif start is not None and ((not line.kind and not line.punct) or line.kind in _END_SIGNS):
            # Headline-like lines and end-of-article furniture separate runs; short
            # sentences (interview questions, list items ending in a stop) do not.
            gap += 1
            if gap > 3:
                start = None
    if not runs:
        # No prose at all: keep the text lines as they are (a very short item).
        text_idx = [i for i, l in enumerate(lines) if not l.kind]
        return (text_idx[0], text_idx[-1] + 1) if text_idx else (0, 0)
    order = sorted(runs.values(), key=lambda r: r[1])
    best = max(range(len(order)), key=lambda k: order[k][0])
    first = last = best
    if len(order) > 1:
        anchor = title_keys(order[best][1], order[best][2])
        words = [_prose_words(lines[run[1]:run[2]]) for run in order]
        hits = [len(anchor & w) for w in words]
        titled = max(range(len(order)), key=lambda k: (hits[k], order[k][0]))
        if not hits[best] and hits[titled] >= 2:
            best = titled
        first, last = _join_runs(lines, order, words, best, anchor)
    start, end = order[first][1], order[last][2]
    if first == best and not lines[start].punct and lines[start].words <= 25 and end - start >= 3:
        # An unpunctuated first "paragraph" over more prose is a long headline.
        start += 1
    elif end - start >= 3 and lines[start].words <= 25 and _date_line(lines[start + 1]):
        # A first "paragraph" over the page's date line is the headline when it ends as one ("..", "؟"); a
        # full stop ends a lead that the page dates, and the date under it leaves with the furniture.
        if not lines[start].punct or _HEADLINE_END.search(lines[start].text):
            start += 2
        else:
            lines[start + 1].kind = "date"
    while end < len(lines) and _closing_line(lines[end]):
        end += 1  # a short last paragraph ("وستعلن النتائج يوم الأربعاء.")
    return start, _announced(lines, start, end, title_keys)


# Where the lines a colon announces stop: an end of the article, or a box of other stories.
_ANNOUNCED_STOP = _END_SIGNS | {"related"}
# Words of a heading that names a section of the site or a box ("من أخبار المحليات:", "المزيد:"): what it
# announces is other stories, not the article's.
_SECTION_WORDS = frozenset(normalise(
    "أخبار خبر المزيد مزيد مقالات مقال تقارير موضوعات مواضيع روابط قصص أقسام عناوين").split())
# A verse or a quoted saying on its own line: bracketed whole ("(يا الله تحفظ بلادنا)"), or two halves
# apart ("*", "...").
_VERSE = re.compile(r"^\W{0,2}[(«\"“﴿\[].*[)»\"”﴾\]]\W{0,2}$|\S\s*(?:\*+|…|\.{3,})\s*\S")


def _announced(lines: list[Line], start: int, end: int, title_keys: Callable[[int, int], frozenset[str]]) -> int:
    """The article's end widened over what its last line announces with a colon ("وتقول كلمات الأغنية:",
    or a short "آخر السطور:" under the last paragraph): the verses, items or figures under it, up to an
    end sign or prose (another story, less its headline), less a last signature ("- مندل القباع").
    Furniture among them (a "فيديو" label) is dropped with the body's.

    A short heading under the article announces its own lines only when they read as verses or list
    items (bracketed, marked, or ending in a full stop, as no list of headlines does) or go on with the
    article's words (``_JOIN``), and never when it names a section ("من أخبار المحليات:" over other
    stories' headlines)."""
    head = end
    if end < len(lines) and not lines[end].kind and lines[end].arabic >= 0.5 and lines[end].words <= 8 \
            and lines[end].text.endswith(":"):
        head = end + 1
    elif not lines[end - 1].text.endswith(":"):
        return end
    k = head
    while k < len(lines) and lines[k].kind not in _ANNOUNCED_STOP and not lines[k].prose:
        k += 1
    if k < len(lines) and lines[k].prose and k > head and _teaser_head(lines[k - 1]):
        k -= 1
    last = _marker(lines[k - 1]) if k - head >= 2 else None
    if last and last != "1" and lines[k - 1].words <= 4 and not lines[k - 1].punct \
            and last not in {_marker(l) for l in lines[head:k - 1] if not l.kind}:
        k -= 1  # a signature under the items, marked unlike them
    said = [l for l in lines[head:k] if not l.kind]
    if not said:
        return end
    if head > end:
        if _keys(lines[end]) & _SECTION_WORDS:
            return end
        if not (said[-1].text[-1] in ".…" or all(_LIST_ITEM.match(l.text) or _VERSE.search(l.text) for l in said)):
            own = _words(said)
            if len(own & (_prose_words(lines[start:end]) | title_keys(start, end))) < _JOIN * len(own):
                return end
    return k


def _marker(line: Line) -> str | None:
    """The mark a list item opens with: "1" for any number (in digits or words), else its bullet ("-", "•");
    None for no item."""
    m = _LIST_ITEM.match(line.text)
    if not m:
        return None
    return "1" if _DIGIT.search(m.group()) or _LETTER.search(m.group()) else m.group().strip()[-1:]


# Share of a neighbouring run's content words that the article's run already uses, from which it is
# more of the same article (split off by a poem, a list or a box), not a teaser list or glued story.
_JOIN = 0.15


def _words(lines: list[Line]) -> frozenset[str]:
    """The stemmed content words of ``lines``."""
    return _stems(frozenset().union(*(_keys(l) for l in lines)))


def _prose_words(lines: list[Line]) -> frozenset[str]:
    """The stemmed content words of the prose lines among ``lines``."""
    return _words([l for l in lines if l.prose])


_SUFFIX = re.compile(r"(?<=[\u0621-\u064A]{3})(?:ته|تها|ها|هم|ه|ات|ون|ين|يه|ي)$")


def _stems(keys: frozenset[str]) -> frozenset[str]:
    """Keys without their common suffixes (قصيدته، القصيدة: قصيد): runs of one article meet on them."""
    return frozenset(_SUFFIX.sub("", k) for k in keys)


def _join_runs(lines: list[Line], runs: list[list[int]], words: list[frozenset[str]], best: int,
               anchor: frozenset[str]) -> tuple[int, int]:
    """Indices of the first and last run of the article: the best run and, outwards from it, each next
    run that shares enough of its words (``words``, per run) with the title and what is joined so far,
    and is not behind end furniture."""
    core = set(words[best]) | anchor
    first = last = best
    for step in (-1, 1):
        k = best + step
        while 0 <= k < len(runs):
            a, b = (runs[k][2], runs[k + 1][1]) if step < 0 else (runs[k - 1][2], runs[k][1])
            w = words[k]
            if any(l.kind in _RUN_BREAKS for l in lines[a:b]) or not w or len(w & core) < _JOIN * len(w):
                break
            core |= w
            first, last = min(first, k), max(last, k)
            k += step
    return first, last


_DIGIT = re.compile(r"[0-9\u0660-\u0669]")


def _wire_dateline(line: Line) -> bool:
    """A wire dateline on its own line above the lead: place, date and agency ("جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس").

    The masthead's date line ("الأربعاء 22 يوليو 2015") names no agency.
    """
    if line.kind or line.arabic < 0.5 or not 3 <= line.words <= 16 or not _DIGIT.search(line.text) or not find_dates(line.text):
        return False
    from rasd.clean.metadata import find_agencies  # metadata builds on this module

    return bool(find_agencies(line.text))


_HEADLINE_END = re.compile(r"(?:\.\.|…|[؟?])[\"'»”)\]]*\s*$")


def _date_line(line: Line) -> bool:
    """The page's date on a line of its own ("الأربعاء 22 يوليو 2015"), not a wire dateline."""
    return not line.prose and line.words <= 8 and not _wire_dateline(line) and bool(_DIGIT.search(line.text)) \
        and bool(find_dates(line.text))


def _closing_line(line: Line) -> bool:
    """A short sentence right after the article that still belongs to it."""
    return not line.kind and line.arabic >= 0.5 and line.punct and not line.question and 2 <= line.words and line.text[-1] in ".…"


def _drop_inside(body: list[Line]) -> None:
    """Inside the article: drop furniture, related headlines and headline lists.

    An article whose only prose is a call to the reader is a list itself (films, fixtures): its short
    lines stay, and so do lines in Latin letters between two of them (the films' own titles). A page
    with no prose at all stays what it was: headlines, no article."""
    prose = [l for l in body if not l.kind and l.prose]
    listed = bool(prose) and not any(_running(l) for l in prose)
    i = 0
    while i < len(body):
        line = body[i]
        if line.kind and not (listed and line.kind == "latin" and 0 < i < len(body) - 1
                              and not body[i - 1].kind and not body[i + 1].kind):
            line.role = "dropped"
            if line.kind == "related":
                # The headlines of the box: everything up to the next paragraph of prose.
                j = i + 1
                while j < len(body) and not body[j].solid:
                    body[j].role = "dropped"
                    j += 1
                i = j
                continue
        i += 1
    # Runs of 3+ short unpunctuated lines are headline lists, unless introduced by a colon or rhymed (a poem).
    if listed:
        return
    kept = [l for l in body if l.role == "body"]
    run: list[int] = []
    for k in range(len(kept) + 1):
        line = kept[k] if k < len(kept) else None
        if line is not None and not line.prose and not line.punct and line.words >= 2:
            run.append(k)
            continue
        if len(run) >= 3 and not (run[0] > 0 and kept[run[0] - 1].text.endswith(":")):
            verse = _verse([kept[r] for r in run])
            for at, r in enumerate(run):
                if verse and verse[0] <= at < verse[1]:
                    kept[r].verse = True
                else:
                    kept[r].role = "dropped"
        run = []


_LAST_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A]+(?=[^\u0621-\u064A]*$)")
# Verse among short lines: rhymed lines of one parity at least, and their share of that parity's lines from
# the first to the last. Of 2,600 random lists of 4 to 10 SaudiNewsNet titles (a headline list's shape)
# 3 read as verse; of the 13 whole-page poems of an alyaum scan (clean bodies given as pages), all 13.
_VERSE_RHYMED = 4
_VERSE_SHARE = 0.6


def _verse(lines: list[Line]) -> tuple[int, int] | None:
    """[a, b) of the poem among a run of short unpunctuated lines, or None. A line rhymes when it ends
    in the last two letters of a line at most two before or after it; a poem's rhymed lines come one in
    two (a qasida printed a hemistich a line) or every line (couplets, ABAB), as a list's headlines
    do only by chance. A half-line between rhymed ones is the poem's too, and so is the first half of
    the first couplet when only every second line rhymes. Lines ending in the same word do not rhyme,
    nor do lines with figures or a "|": a list's repeated date, "منذ 4 ساعات", "| عكاظ" or photo credit
    would (so a poem repeating its last word, a radif, is not seen as one)."""
    last = ["" if _DIGIT.search(l.text) or "|" in l.text else (m.group() if (m := _LAST_WORD.search(l.norm)) else "")
            for l in lines]
    rhymed = [i for i, w in enumerate(last)
              if len(w) >= 2 and any(len(v) >= 2 and v[-2:] == w[-2:] and v != w
                                     for v in last[max(0, i - 2):i] + last[i + 1:i + 3])]
    spans = []
    for parity in (0, 1):
        at = [i for i in rhymed if i % 2 == parity]
        if len(at) >= _VERSE_RHYMED and len(at) >= _VERSE_SHARE * ((at[-1] - at[0]) // 2 + 1):
            spans.append((at[0], at[-1] + 1))
    if not spans:
        return None
    return max(0, min(a for a, _ in spans) - (len(spans) == 1)), max(b for _, b in spans)


# The outlet's channels a promotion is about.
_CHANNEL = _rx(r"(?:[وف]?[بل]?|عبر\s+)(?:تطبيق|التطبيق|تطبيقنا|النشره|نشرتنا|نشره\s+\S+|(?:ال)?اشعارات|(?:ال)?تنبيهات|قناتنا|موقعنا|قناه|حساباتنا|حسابنا|صفحتنا|منصات\s+التواصل|بريدك|"
               r"البريد\s+الالكتروني|تغطيتنا|منصه\s+\S+|" + _SOCIAL + ")")
# Imperatives and calls that only the page addresses to its reader (not سجل، نزل، تابع: also past verbs).
_CALL_WORDS = (r"اضغط|اضغطوا|انقر|انقروا|شاركنا|شاركونا|زوروا|زورونا|تابعونا|تابعوا|حملوا|نزلوا|اشتركوا|للاشتراك|"
               r"سجلوا|انضموا|راسلونا")
# The words a sentence addresses its reader with: those calls, more imperatives and "you" forms.
_ADDRESS = _rx(_CALL_WORDS + r"|تابع|تابعنا|حمل|نزل|اشترك|انضم|سجل|يمكنك|يمكنكم|لتصلك|لتصلكم|ليصلك|ليصلكم|تصلك|تصلكم|"
               r"هاتفك|هواتفكم|جهازك|اجهزتكم|لتبقي|لتبقوا|احصل|واحصل|تفوت|تفوتوا|لا\s+تفوتوا")
_CALL = _rx(_CALL_WORDS + r"|نرحب|ارسلوا|للتواصل")  # alone, in a short line: a call
# A paragraph that goes on from the one before ("وأضاف", "ورحبت", "من جهته"): never a teaser's summary,
# which opens like a lead ("أعلنت", "قال", "وقعت"). A word in و goes on, unless its و is the word's own
# first letter: a verb (وقع، وصل، واصل، وافق) or a noun (وزير، وكالة، وصول) a lead may open with.
_OWN_WAW = (r"(?:اصل|افق|اجه|اكب|صل|قع|جه|ضع|عد|دع|زع|رد|قف|فر|ثق|صف|جد|لد|فد|جب|رث|اس)(?:ت|وا)?(?![\u0621-\u064A])"
            r"|زير|زار|زرا|كال|لي(?!س)|سائل|سيل|قت|حد|ثيق|رش|طن|ظائف|ظيف|فا|فيات|لايه|لايات|سط|اشنطن|ادي|اقع|اعد|جهه|صول|دائع|دايع")
_GOES_ON_PHRASE = r"|[وف]?(?:" + _ON_PHRASES + r")(?![\u0621-\u064A]))"
_GOES_ON = re.compile(normalise(r"^\W*(?:و(?!" + _OWN_WAW + r")[\u0621-\u064A]{2,}" + _GOES_ON_PHRASE))
# The same for the prose after a read-also marker, and the reporting verbs that go on without و; not a
# word whose و or ف is its own (وصل، وقع، فاز، في خطوة): a glued story's lead opens so too.
_CONTINUATION = re.compile(normalise(
    r"^\W*(?:و(?!" + _OWN_WAW + r")[\u0621-\u064A]{2,}|(?:ف(?:قد|ان|انه|انها|يما|ضلا|ي\s+حين)|[وف]?(?:" + _ON_PHRASES + r")"
    r"|اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اكد|اكدت|اشار|اشارت)(?![\u0621-\u064A]))"))
# A headline may open with any word in و (ودائع، ويلشير، واشنطن: its و the word's own, as ``_OWN_WAW``
# lists): only a present or alef-initial verb, a particle or a phrase that continues marks a line that goes on
# (an interviewer's next question, "وماذا عن ...؟", included).
_HEAD_GOES_ON = re.compile(normalise(
    r"^\W*(?:و(?!" + _OWN_WAW + r"|اظب|ازن)[يتان][\u0621-\u064A]{2,}"
    r"|و(?:لا|في|من|علي|مع|بعد|قبل|خلال|حسب|بحسب|وفق|عن|بين|قد|لم|لن|هو|هي|هذا|هذه|ذلك|قال|قالت|ذكر|ذكرت|لفت|لفتت|"
    r"كان|كانت|كشف|كشفت|بين|بينت|شدد|شددت|جاء|جاءت|ماذا|هل|كيف|لماذا|متي|اين)(?![\u0621-\u064A])" + _GOES_ON_PHRASE
))
_KEY_WORD = re.compile(r"[\u0621-\u064A]{3,}")
# Share of a unit's content words that the rest of the article also uses, under which a teaser
# (headline + summary) or a promotion is out; tuned on the dev half of benchmarks/clean_bench.py
# (0.25 to 0.35 give the same result there).
_COHERENT = 0.3
_RESTATED = 4  # words a teaser's summary shares with its own headline, from which it is out on that alone
_SECTION_HEAD = 5  # words of a sub-heading that cuts a column into sections
# The coherence bar of a section under such a heading, and under any two-word heading (as often a
# sub-heading as a teaser's headline). On the dev-side pages (dev, new, extra and two more extra
# samples) the sections of sectioned pages have 0.13 to 0.87, the one teaser among them 0.08. Under
# two-word headings (there, and in 2,000 clean SaudiNewsNet pages given as pages), 0.1 drops 6 of 11
# teasers and 2 of 40 article units (one article's, in two samples); 0.05: 4 and 0; 0.2: 8 and 9.
_SECTION_COHERENT = 0.1
_PROMO_COHERENT = 0.5  # a call to the reader about the outlet's channels must share far more to stay


_PROCLITICS = re.compile(r"(?<![\u0621-\u064A])(?:[وف]?[بكل]?ال|[وف]?لل|[وف]?[بكل]|[وف])(?=[\u0621-\u064A]{3})")

# Function words every paragraph shares: they say nothing about coherence.
_FUNCTION = set(normalise(
    "على إلى التي الذي الذين اللذين هذا هذه هذان ذلك تلك هؤلاء كان كانت يكون تكون ليس بين قبل بعد حيث خلال "
    "عند منذ حتى غير ضمن أكثر أقل أيضا أيضاً كما لقد وقد قد إنه أنه إنها أنها لكن لكنه الآن اليوم أمس يوم عام "
    "كل بعض جميع أحد إحدى عدد وفق نحو مثل دون فيما بينما ومن ولم لم لن وهو وهي هو هي هم هناك هنا"
).split())
_FUNCTION_KEYS = frozenset(_FUNCTION | {_PROCLITICS.sub("", w) for w in _FUNCTION})


def _keys(line: Line) -> frozenset[str]:
    """Content-word keys of a line: its Arabic words of 3+ letters with proclitics off, less function words.

    One pass over the line (the light stemming of ``search_key``, done with one
    regex for the whole line): this runs on every paragraph of every page.
    """
    return frozenset(_KEY_WORD.findall(_PROCLITICS.sub("", line.norm))) - _FUNCTION_KEYS


def drop_offtopic(page: Page, title: str | None) -> None:
    """Drop teasers of other stories and promotions by how little they share with the article.

    Runs on the article's stretch of the page, furniture already marked;
    ``title`` is the headline the article's paragraphs must continue.
    Units: a headline-shaped line with the one-sentence paragraph under it
    (a teaser's headline and summary; the headline may already be out, as
    part of a headline list; neither a promotion, which is a unit of its own
    however it ends), else one line. A unit's coherence is the share
    of its content words that the title and the article's other paragraphs
    also use, candidates (teasers, promotions) not counted until they pass on
    their own words: two teasers of one other story share its words and would
    vouch for each other, while a candidate that stays is the article's. The lead
    never goes: it is what the rest is measured against. Words are only
    counted on pages that hold a candidate (most hold none).
    """
    at = [i for i, l in enumerate(page.lines) if l.role == "body"]
    run = page.lines[at[0]: at[-1] + 1] if at else []
    # An interview's questions head answers, not teasers: two or more besides the line in question
    # (a teaser's own "...آخر من يعلم!" makes no interview of a column that asks once).
    asked = sum(l.question for l in run if l.role == "body")
    lines = [l for l in run if l.role == "body" or (l.role == "dropped" and _teaser_head(l, shortest=2))]
    if sum(l.role == "body" for l in lines) < 2:
        return  # a lead alone; with one paragraph more, only a promotion can go (a teaser is two lines)
    # A column cut into sections by short sub-headings ("الدرس المستوعب من جروس"): three or more over
    # two or more paragraphs of prose each (a box of teasers is heading, summary, heading), of 3 to 5 words (with two-word ones, digest pages of extra kept their teasers).
    # Its sections share fewer words with each other than the paragraphs of one flow do: a lower bar.
    sections = sum(1 for l, nxt, then in zip(lines, lines[1:], lines[2:])
                   if l.role == nxt.role == then.role == "body" and 3 <= l.words <= _SECTION_HEAD
                   and _teaser_head(l) and nxt.prose and then.prose)
    # A question right under a sub-heading opens that section (a column's or an interview's), as a
    # teaser's headline never does: a teaser's headline is the first line of its unit.
    def asks(i: int) -> bool:
        return asked - lines[i].question < 2 and not (i and lines[i - 1].role == "body" and not lines[i - 1].prose
                                                      and _teaser_head(lines[i - 1], shortest=2))

    units: list[list[int]] = []
    i = 0
    while i < len(lines):
        if _teaser_head(lines[i], asks(i), shortest=2) and i + 1 < len(lines) and lines[i + 1].role == "body" \
                and _summary_shaped(lines[i + 1]) and not _promo(lines[i]) and not _promo(lines[i + 1]) \
                and not _wire_dateline(lines[i]):
            units.append([i, i + 1])
            i += 2
        else:
            units.append([i])
            i += 1
    units = [u for u in units if any(lines[j].role == "body" for j in u)]
    memo: dict[int, frozenset[str]] = {}

    def key(j: int) -> frozenset[str]:
        """``_keys`` of ``lines[j]``, each line keyed once."""
        if j not in memo:
            memo[j] = _keys(lines[j])
        return memo[j]

    def unit_keys(u: list[int]) -> frozenset[str]:
        return frozenset().union(*(key(j) for j in u if lines[j].role == "body"))

    promos = {k for k, u in enumerate(units) if len(u) == 1 and _promo(lines[u[0]])}
    prose = [k for k, u in enumerate(units) if lines[u[-1]].prose and k not in promos]
    lead = prose[0] if prose else 0
    teasers = [k for k, u in enumerate(units) if len(u) == 2 and k > lead]
    anchor = _keys(_make_line(title)) if title else frozenset()
    # Teasers above the lead: among the first two paragraphs of prose, one under a headline that is
    # not the title and that it restates (two of its words, more than the one at most it takes up of the title).
    above: list[int] = []
    for i, k in enumerate(prose[:2]):
        head = _head_of(page, lines, units[k], title)
        own = key(units[k][-1])
        if len(prose) - i < 3 or head is None or len(own & anchor) > 1 or not 2 <= len(own & _keys(head)) > len(own & anchor):
            break
        # The next paragraph of its own goes on from it ("من جهة أخرى"): it is the lead under a deck.
        nxt = next((units[q][0] for q in prose[i + 1:] if len(units[q]) == 1), None)
        if nxt is not None and _GOES_ON.match(lines[nxt].norm):
            break
        above.append(k)
    if above and len(key(units[prose[len(above)]][-1]) & anchor) <= max(len(key(units[k][-1]) & anchor) for k in above):
        above = []  # the paragraph that would be the lead takes up no more of the title: sections of a report
    if not (teasers or promos or above):
        return
    df: Counter[str] = Counter()  # in how many units (and the title) a key is
    unit_words = [unit_keys(u) for u in units]
    for w in unit_words:
        df.update(w)
    df.update(anchor)
    cdf: Counter[str] = Counter()  # the same, over the candidate units only
    for k in set(teasers) | promos | set(above):
        cdf.update(unit_words[k])

    def coherence(k: int) -> float:
        w = frozenset().union(*(key(j) for j in units[k]))
        return sum(1 for x in w if df[x] - cdf[x] > 0) / len(w) if w else 0.0

    def drop(k: int) -> None:
        for j in units[k]:
            lines[j].role = "dropped"
        df.subtract(unit_words[k])
        cdf.subtract(unit_words[k])

    # The lead is the first paragraph of prose that is no promotion, unless it is a teaser above the
    # lead that also shares little with the rest.
    for k in above:
        if coherence(k) < _COHERENT:
            drop(k)
    lead = next((k for k in prose if lines[units[k][-1]].role == "body"), lead)

    def restates(k: int) -> bool:
        """A summary that restates its own headline (four of its words) far more than the title:
        another story's, however close its subject (a sub-heading is shorter)."""
        own = key(units[k][1])
        return len(own & key(units[k][0])) >= _RESTATED and len(own & anchor) <= 1 and coherence(k) < _PROMO_COHERENT

    def out(k: int) -> bool:
        head = lines[units[k][0]].words
        bar = _SECTION_COHERENT if head == 2 or (sections >= 3 and head <= _SECTION_HEAD) else _COHERENT
        return k != lead and ((k in teasers and k > lead and (coherence(k) < bar or restates(k)))
                              or (k in promos and coherence(k) < _PROMO_COHERENT))

    # A candidate that stays on its own words is the article's: it vouches for the others (a section
    # of a sub-headed article for the next one).
    for k in [k for k in set(teasers) | promos if not out(k)]:
        cdf.subtract(unit_words[k])
    for k in range(len(units)):
        if out(k):
            drop(k)


def _running(line: Line) -> bool:
    """A line of the article's running text: prose that is no call to the reader."""
    return line.prose and not _promo(line)


def _promo(line: Line) -> bool:
    """A call to the reader: a "you"/imperative about the outlet's channels, or in a short line (12 words
    at most) an imperative no news sentence uses (اضغط، شاركونا، للتواصل)."""
    if line.words > 40:
        return False
    return bool(_ADDRESS.search(line.norm) and _CHANNEL.search(line.norm)) or (line.words <= 12 and bool(_CALL.search(line.norm)))


def _head_of(page: Page, lines: list[Line], unit: list[int], title: str | None) -> Line | None:
    """A teaser's headline: the first line of a headline-and-summary unit, or the headline-shaped line
    (not the article's title) right above a one-sentence summary."""
    if len(unit) == 2:
        return lines[unit[0]]
    line = lines[unit[0]]
    at = page.lines.index(line)
    head = page.lines[at - 1] if at else None
    if _summary_shaped(line) and head is not None and _teaser_head(head) and head.text != (title or "").strip():
        return head
    return None


def _teaser_head(line: Line, questions: bool = False, shortest: int = 3) -> bool:
    """Shaped like another story's headline: Arabic, 3 to 20 words (``shortest`` 2 among the teasers of
    ``drop_offtopic``: "ملفان شائكان..!", "حكيم الدبلوماسية"; the other callers' thresholds were
    measured on three), no final stop (a question or
    exclamation mark only with ``questions``, and under the twelve words from which it is a sentence
    of prose: "... لا العكس!"), not furniture, not a poem's line, not an item of the article's own list ("3 - ...", "•",
    "#وسم"), not a credit line ("حامد القرشي – مكة المكرمة": six words at most around a dash) and not
    a line that goes on from the one before."""
    return not line.kind and not line.verse and line.arabic >= 0.5 and shortest <= line.words <= 20 and (not line.punct or (questions and line.question and not line.prose)) \
        and not _LIST_ITEM.match(line.text) and not (line.words <= 6 and _BYLINE_DASH.search(line.text)) \
        and not _HEAD_GOES_ON.match(line.norm)


# "3 - ...", "•", "(2)", an ordinal in words ("أولا / ...", "ثانياً: ...": a cabinet's decisions); not a
# number's own point or slash ("23.1 مليار ريال أرباح البنوك", "2/ 8/ 1990م").
_ORDINAL = r"(?:(?:[أاإ]ول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)(?:اً?|ًا)|(?:ال)?(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)\s+عشر)\s*[-–ـ/:]"
_LIST_ITEM = re.compile(r"^\W{0,3}(?:[0-9\u0660-\u0669]+\s*(?:[-–)]|[./](?!\s*[0-9\u0660-\u0669]))|[-–•*#▪●■◾]|\(\s*[0-9\u0660-\u0669]+\s*\)|"
                        + _ORDINAL + ")")


def _summary_shaped(line: Line) -> bool:
    """A teaser's summary: one sentence of prose that opens like a lead, not one that goes on ("وأضاف")."""
    return line.prose and len(_SENTENCE_END.findall(line.text)) <= 1 and not _GOES_ON.match(line.norm)


# A run of stops before the next word: one stop, or a run with a question or exclamation mark in it ("!!",
# "؟!"); not a run of dots alone, an ellipsis ("له.. وهو"), which is a pause.
_SENTENCE_END = re.compile(r"(?<![.!?؟])(?:\.|[.!?؟]*[!?؟][.!?؟]*)(?![.!?؟])(?=\s+\S)")
