"""Article text the cleaner used to lose (issue 14, recall): pages written for these tests.

Each page holds the article's own paragraphs in a shape that looked like
furniture to the cleaner; every paragraph must stay, and the furniture
beside it must still go.
"""
from __future__ import annotations

from html import escape

import pytest

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


def _column_after(*lines: str) -> str:
    """The cleaned body of the column followed by ``lines``; the column itself always stays."""
    body = clean(RawArticle(_html("موسم لا ينسى لنادي الوحدة", COLUMN + list(lines)), "html", path="column.html")).body
    assert all(p in body for p in COLUMN)
    return body


def test_paragraph_after_an_empty_read_also_box_stays():
    # The box's links are gone; the last paragraph goes on with the column's words, so it is ours.
    body = _column_after("اقرأ أيضاً:", ENDING)
    assert ENDING in body
    assert "اقرأ أيضاً" not in body


def test_other_story_after_a_read_also_marker_still_goes():
    glued = ("أعلنت وزارة الصحة افتتاح مستشفى جديد للأطفال في المنطقة الشرقية بسعة مئتي سرير، "
             "ويضم أقساما للعناية المركزة وجراحة القلب.")
    assert "مستشفى" not in _column_after("اقرأ أيضاً:", glued)


@pytest.mark.parametrize("verb", ["قدم", "وصل"])  # وصل: its و is the verb's own, no "and" going on
def test_related_story_under_its_own_headline_after_a_read_also_marker_goes(verb):
    # A glued story of the same club opens with its own headline and shares a little more of the
    # column's words (نادي، الوحدة، موسم) than a story on another subject: it still goes, tail and all.
    head = "مهاجم برازيلي يصل جدة لإتمام صفقة انتقاله"
    story = [f"{verb} المهاجم البرازيلي ريكاردو سيلفا إلى مطار جدة فجر أمس قادما من لشبونة، لإجراء الفحص الطبي "
             "وتوقيع عقده لمدة موسمين مع نادي الوحدة.",
             "ويبلغ اللاعب من العمر سبعة وعشرين عاما، وسجل أربعة عشر هدفا في الدوري البرتغالي خلال الموسم الماضي."]
    body = _column_after("اقرأ أيضاً", head, *story)
    assert "البرازيلي" not in body and "الدوري البرتغالي" not in body


@pytest.mark.parametrize("opening", ["في سياق متصل،", "من جهة أخرى،"])
def test_a_paragraph_that_says_it_goes_on_stays_after_a_read_also_marker(opening):
    # The outlet's own "in a related context" turn goes on with the report, though its words are new.
    more = (f"{opening} تستضيف إسطنبول مطلع أغسطس معسكرا تحضيريا يشارك فيه اثنان وعشرون محترفا "
            "وهاويا، بإشراف طاقم فني جديد.")
    assert more in _column_after("اقرأ أيضاً:", more)


def test_closing_paragraph_after_a_related_box_stays_though_it_shares_few_words():
    # A column's closing wish takes up only three of the column's words (about a fifth of its own):
    # more than a glued story shares (none to a tenth), so the column goes on after the box.
    closing = ("أتمنى أن تعود أيام الصعود إلى جمهور الوحدة، فالرياضة متعة وأخلاق قبل أن تكون نتائج وأرقام، "
               "والتاريخ لا ينسى من أخلص وصبر على الأيام الصعبة.")
    body = _column_after("مواضيع ذات صلة", closing)
    assert closing in body
    assert "مواضيع ذات صلة" not in body


def test_background_paragraph_under_a_sub_heading_is_not_a_teaser():
    # "جدير بالذكر أن ..." goes on with the report, as no teaser's summary (a fresh lead) does.
    report = [
        "افتتح أمير المنطقة الشرقية أمس معرض الكتاب الدولي في مدينة الدمام بمشاركة أكثر من ثلاثمئة دار نشر من عشرين دولة عربية وأجنبية.",
        "ويستمر المعرض عشرة أيام، ويقدم برنامجا ثقافيا يضم ندوات وأمسيات شعرية وورش عمل للأطفال والشباب في قاعات المعرض.",
        "وقال مدير المعرض إن عدد الزوار المتوقع هذا العام يتجاوز نصف مليون زائر، بعد أن زاره في دورته الماضية أربعمئة ألف زائر.",
    ]
    background = ("جدير بالذكر أن الدورة الأولى أقيمت قبل خمسة أعوام في قاعة صغيرة بجامعة الملك فيصل، "
                  "وشاركت فيها أربعون دارا سعودية فقط.")
    page = _html("افتتاح معرض الكتاب الدولي في الدمام", report + ["جمهور المعرض في الدورة الأولى", background])
    body = clean(RawArticle(page, "html", path="background.html")).body
    assert all(p in body for p in report)
    assert background in body


REVIEW_LEAD = [
    "صدر حديثا عن دار النشر الأدبية ديوان شعر جديد بعنوان (ضفاف الضوء) للشاعر سالم الحربي، في مئة وعشرين صفحة من القطع المتوسط.",
    "ويضم الديوان ثلاثين قصيدة كتبها الشاعر خلال عشر سنوات، تتنوع بين القصيدة العمودية وقصيدة التفعيلة، ويغلب عليها الحنين إلى القرية والبحر.",
]
POEM = ["على شاطئ البحر قلبي ينام", "ويحمل موج الحنين السلام", "وفي القرية البكر ضوء قديم", "يعلمنا كيف يحلو الكلام"]
REVIEW_REST = [
    "ومن أجمل قصائد الديوان قصيدة البحر التي يستعيد فيها الشاعر طفولته في القرية الساحلية، ويصف مواسم الصيد وعودة المراكب عند الغروب، بلغة سهلة قريبة من القارئ.",
    "أما القسم الأخير من الديوان فيعتمد فيه الشاعر على الرمز وتكثيف الصورة الشعرية، فيتحول البحر إلى رمز للحرية، وتصبح القرية ذاكرة للجماعة كلها، وتقترب القصائد من لغة الحلم.",
    "لقد اتسمت لغة الشاعر في هذا الديوان بالرصانة والعذوبة معا، وجمعت بين رموز التراث وصور الحياة اليومية، مما يجعل الديوان إضافة جميلة إلى المكتبة الشعرية في المنطقة، ويؤكد حضور الشاعر بين أبناء جيله.",
    "ويأمل الشاعر أن يصدر ديوانه القادم العام المقبل، وأن يضم قصائد عن المدينة والغربة بعد أن كتب طويلا عن القرية والبحر والحنين إلى الطفولة.",
]


def test_lead_above_a_follow_call_and_a_poem_stays():
    # The lead and the poem form one run, the longer rest another; a follow call between them is a
    # call to the reader, not the end of the article.
    page = _html("ضفاف الضوء.. ديوان عن البحر والقرية",
                 REVIEW_LEAD + POEM + ["تابعوا آخر الأخبار الثقافية على قناتنا في تيليجرام"] + REVIEW_REST)
    body = clean(RawArticle(page, "html", path="review.html")).body
    assert all(p in body for p in REVIEW_LEAD + REVIEW_REST)
    assert "تيليجرام" not in body


TRAINING = [
    "أجرى فريق النصر الأول لكرة القدم تدريباته المسائية أمس على ملعب النادي بقيادة المدرب البرتغالي، وسط غياب الجماهير بعد قرار الإدارة إغلاق التدريبات حتى موعد المباراة.",
    "وركز المدرب في الحصة التدريبية على الجوانب الخططية، وجرّب المهاجم الشاب في مركز الجناح الأيسر، في مفاجأة يعدها لمواجهة الهلال يوم الجمعة.",
    "ويغيب عن الفريق قائده بسبب الإصابة التي تعرض لها في المباراة الماضية، فيما عاد الظهير الأيمن إلى التدريبات الجماعية بعد شفائه.",
    "وتقام مباراة النصر والهلال على ملعب الملك فهد الدولي، وقررت الإدارة استمرار إغلاق التدريبات أمام الجماهير ووسائل الإعلام حتى يوم المباراة.",
    "ويأمل المدرب البرتغالي أن تنجح مفاجأة المهاجم الشاب في الجناح الأيسر، بعد أن سجل هدفين في التدريبات الأخيرة أمام الفريق الرديف.",
]


def _deck_page(deck: str) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in [deck] + TRAINING)
    return ("<html><head><meta charset='utf-8'><title>النصر يستعد للهلال</title></head><body><article>"
            "<h1>النصر يستعد للهلال</h1><p>سعد العتيبي ـ الرياض</p>" + body + "</article></body></html>")


def test_sub_title_above_the_lead_stays():
    deck = "إغلاق التدريبات.. والمدرب يجهز مفاجأة للهلال بالمهاجم الشاب"
    body = clean(RawArticle(_deck_page(deck), "html", path="deck.html")).body
    assert body.startswith(deck)
    assert all(p in body for p in TRAINING)
    assert "سعد العتيبي" not in body


def test_other_story_headline_above_the_lead_still_goes():
    teaser = "وزارة الصحة تفتتح مستشفى جديدا للأطفال في الشرقية"
    body = clean(RawArticle(_deck_page(teaser), "html", path="teaser.html")).body
    assert "مستشفى" not in body
    assert all(p in body for p in TRAINING)


def test_headline_of_a_scraped_page_is_not_taken_for_a_sub_title():
    # No title given: the headline-shaped line above the lead is the headline, under a ticker and the menu.
    headline = "النصر يغلق تدريباته ويجهز مفاجأة للهلال بالمهاجم الشاب"
    page = "\n".join(["وزارة الصحة تفتتح مستشفى جديدا للأطفال في الشرقية", "الرئيسية", headline] + TRAINING)
    doc = clean(RawArticle(page, "text", path="scraped.txt"))
    assert doc.title == headline
    assert headline not in doc.body
    assert all(p in doc.body for p in TRAINING)


def test_lead_under_a_reporter_and_city_credit_stays():
    # "name – city" above the lead is a credit, not another story's headline whose summary the lead
    # would be (the lead names the city, as a teaser's summary restates its headline).
    lead = ("نشر كثير من سكان مكة المكرمة منذ صباح أمس صورا ومقاطع على حساباتهم تظهر ساحات الحرم وقد خلت من الزحام "
            "بعد مغادرة المعتمرين، ودعا بعضهم بعضا إلى اغتنام الفرصة.")
    rest = ["وأوضح عدد من الأهالي أن الأيام الذهبية بدأت بعد العيد، إذ يستطيع الواحد منهم أداء الطواف في دقائق قليلة دون تدافع.",
            "واعتبروها فرصة سنوية ينتظرونها، فالصحن يبقى شبه خال حتى بداية موسم الحج، وتعود الحشود مع وصول الحجاج من الخارج."]
    page = _html("الحرم يخلو لأهالي البلد الحرام", ["حامد القرشي – مكة المكرمة", lead] + rest)
    body = clean(RawArticle(page, "html", path="credit.html")).body
    assert lead in body
    assert all(p in body for p in rest)


def test_column_of_dashed_remarks_goes_on_after_a_related_box():
    # Each remark opens with "ـ"; the one after the box shares no word with the others but keeps
    # the column's mark, as a glued story would not.
    remarks = [
        "ـ قدم فريق الشباب مساء أمس واحدة من أجمل مبارياته هذا الموسم، وفاز على ضيفه بثلاثة أهداف نظيفة أمام جماهيره.",
        "ـ المدرب الجديد غير طريقة اللعب كليا، واعتمد على الأطراف السريعة والضغط العالي منذ الدقيقة الأولى للمباراة.",
        "ـ حارس المرمى الشاب أنقذ فرصتين محققتين في الشوط الأول، ويستحق أن يكون الحارس الأساسي في المباريات المقبلة.",
    ]
    last = "ـ كلمة أخيرة: شكرا لكل من وقف مع النادي في أيامه الصعبة، فالوفاء لا يُشترى بالمال."
    page = _html("الشباب يعود بقوة", remarks + ["روابط ذات صلة", last])
    body = clean(RawArticle(page, "html", path="remarks.html")).body
    assert all(r in body for r in remarks)
    assert last in body
    assert "روابط ذات صلة" not in body


def test_an_article_that_is_a_list_stays_and_its_promotion_goes():
    # A weekly list of new books has no running text: the one full sentence is a call to follow the
    # outlet, which must not be taken for the article (it used to be the only paragraph kept); the
    # books' English titles are the list's too.
    items = ["* جديد المكتبات هذا الأسبوع",
             "- The Pearl Diver",
             "رحلة صياد عجوز في بحر الخليج بحثا عن لؤلؤة أبيه (2019)",
             "- Mountain Clinic",
             "طبيبة شابة تعود إلى قريتها في جبال عسير بعد غياب طويل (2021)",
             "مذكرات معلم قضى أربعين عاما في مدارس البادية الشمالية (2018)",
             "حكاية سوق قديم في جدة كما يرويها آخر تجاره (2020)"]
    promo = "للاطلاع على المزيد من المراجعات الأسبوعية، تابعونا على منصة إكس وفيسبوك ويوتيوب."
    body = clean(RawArticle(_html("كتب", items[:3] + [promo] + items[3:]), "html", path="books.html")).body
    assert all(item in body for item in items)
    assert "تابعونا" not in body


SECTIONS = [
    ("بداية متعثرة للفريق", "لم يكن أحد يتوقع أن يخسر النهضة ثلاث مباريات متتالية في مطلع الموسم، بعد صيف هادئ ومعسكر طويل قيل إنه الأفضل للفريق منذ سنوات.",
     "وزاد الأمر سوءا أن الأهداف جاءت كلها في الدقائق الأخيرة، وهو ما يطرح سؤالا عن اللياقة أكثر مما يطرحه عن الخطة."),
    ("صفقات في وقتها", "جاء تعاقد النهضة مع الظهير الأيسر وحارس المرمى ليسد ثغرتين ظلتا مفتوحتين في الفريق طوال الموسم الماضي، وبكلفة معقولة.",
     "ولم تتجاوز قيمة الصفقتين معا ما دفعه النادي الموسم الماضي في لاعب واحد لم يشارك إلا في ثلاث مباريات."),
    ("درس من الجماهير", "حين امتلأت المدرجات في مباراة الديربي تغير وجه لاعبي الفريق تماما، فالحضور الكبير يصنع الفارق كلما اشتدت المنافسة على اللقب.",
     "وتستحق هذه الجماهير أن تجد أسعار تذاكر في متناولها، وأن تصل إلى الملعب دون ساعات من الانتظار عند البوابات."),
    ("المطلوب من الإدارة", "على إدارة النهضة أن تمنح مدرب الفريق الوقت الكافي، وألا تستمع لأصوات التغيير بعد كل خسارة، فالمنافسة على اللقب تحتاج صبرا.",
     "فقد جرب النادي تغيير المدربين أربع مرات في ثلاثة مواسم، ولم يجن من ذلك سوى البداية من الصفر في كل مرة."),
]


def test_a_column_cut_into_sections_by_short_headings_stays_and_a_teaser_among_them_goes():
    # Each section shares few words with the others (a column's remarks), so each looked like a
    # teaser under its headline; the teaser of another story, which shares none, still goes.
    lead = "يدخل فريق النهضة الموسم الجديد بطموحات كبيرة بعد موسم مضطرب، ومع ذلك تبقى أسئلة كثيرة معلقة حول قدرة الفريق على المنافسة."
    teaser = ("موجة حر تضرب المنطقة الشرقية الأسبوع المقبل",
              "توقع المركز الوطني للأرصاد أن تتجاوز درجات الحرارة خمسين درجة مئوية في عدد من محافظات المنطقة الشرقية.")
    paragraphs = [lead]
    for i, (head, *text) in enumerate(SECTIONS):
        paragraphs += [head, *text]
        if i == 1:
            paragraphs += list(teaser)
    text = "موسم النهضة الجديد\n\n" + "\n\n".join(paragraphs)
    body = clean(RawArticle(text, "text", path="column.txt")).body
    assert all(t in body for _, *texts in SECTIONS for t in texts)
    assert "الأرصاد" not in body


def test_a_box_of_teasers_under_short_headlines_is_no_column_of_sections():
    # Heading, one summary, heading: another story's teasers, however short their headlines, go.
    article = [
        "أعلنت وزارة الصحة اليوم بدء حملة التطعيم الموسمية ضد الإنفلونزا في جميع المراكز الصحية بالمملكة، وتستمر الحملة ثلاثة أشهر.",
        "وأوضحت الوزارة أن اللقاح متاح مجانا لكبار السن والحوامل وأصحاب الأمراض المزمنة، وأن الحجز يتم عبر تطبيق صحتي.",
        "ودعت الوزارة المواطنين والمقيمين إلى المبادرة بأخذ اللقاح قبل ذروة الموسم في فصل الشتاء لحماية أنفسهم وأسرهم.",
    ]
    teasers = [
        ("افتتاح مستشفى جديد بتبوك", "افتتح أمير منطقة تبوك مستشفى تخصصيا بسعة ثلاثمائة سرير يخدم سكان المنطقة والمحافظات التابعة لها."),
        ("مبادرة للكشف المبكر", "أطلقت جمعية خيرية مبادرة للكشف المبكر عن سرطان الثدي تستهدف عشرة آلاف امرأة خلال العام الحالي."),
        ("تطبيق لمواعيد الأسنان", "طرحت شركة ناشئة تطبيقا يتيح حجز مواعيد عيادات الأسنان الخاصة ومقارنة أسعارها في المدن الكبرى."),
    ]
    page = article + [line for teaser in teasers for line in teaser]
    body = clean(RawArticle(_html("بدء حملة التطعيم ضد الإنفلونزا", page), "html", path="health.html")).body
    assert all(p in body for p in article)
    assert not any(summary in body for _, summary in teasers)


def test_a_page_of_headlines_alone_is_no_article():
    # No prose at all: related headlines and a player's furniture, not a list article.
    page = ["Watch video", "أمطار غزيرة على جدة وتعليق الدراسة", "Share", "الهلال يتأهل إلى نهائي كأس الملك",
            "ارتفاع أسعار الذهب في السوق المحلية", "افتتاح معرض الكتاب في الرياض"]
    with pytest.raises(Exception, match="no article text"):
        clean(RawArticle(_html("فيديو", page), "html", path="video.html"))


def test_an_exclamation_sentence_near_the_end_of_a_column_heads_no_teaser():
    # A sentence of twelve words or more ending in "!" reads as prose, not as another story's
    # headline: it and the closing advice under it are the column's own.
    column = [
        "كثيرا ما نسمع الآباء يرددون على مسامع أبنائهم كلمة واحدة كلما أخطؤوا، دون أن يشرحوا لهم سبب المنع أو يناقشوهم فيه.",
        "والطفل الذي يعتاد الطاعة بلا فهم يكبر وهو يخشى نظرة الناس أكثر مما يخشى الخطأ نفسه، فيخفي أخطاءه بدل أن يصححها.",
        "وقد رأيت في عملي معلما عشرات الطلاب الذين يعرفون ما يغضب الكبار، لكنهم لا يعرفون لماذا يغضبهم.",
        "علينا أن نعلم أبناءنا السبب قبل المنع، وأن نجعل القناعة أساس السلوك لا الخوف من كلام الآخرين!",
        "ازرعوا في نفوس صغاركم حب الصدق والأمانة منذ الطفولة، فهو الزاد الذي يرافقهم طوال الحياة.",
    ]
    body = clean(RawArticle(_html("بين المنع والإقناع", column), "html", path="column.html")).body
    assert all(p in body for p in column)


def test_a_lead_under_its_deck_is_no_teaser_when_the_next_paragraph_goes_on_from_it():
    # A sports page: byline, a deck over a long lead that restates it, a teaser, then a paragraph that
    # goes on ("من جهة أخرى"), which a lead never does: so the deck's paragraph is the lead, and stays.
    lead = ("تدخل إدارة نادي الوحدة خلال الأسبوعين المقبلين مرحلة صعبة من المطالبات المالية حيث يتوجب عليها "
            "سداد أكثر من ثمانية ملايين ريال للاعبين السابقين ماجد الحربي وسعيد القحطاني بعد أن حكمت لجنة "
            "الاحتراف لصالحهما في الشكوى التي تقدما بها نهاية الموسم الماضي بسبب تأخر رواتبهما ومقدمات عقديهما "
            "وهو ما يضع الإدارة أمام اختبار صعب قبل انطلاق الموسم الجديد وفتح باب التسجيل.")
    page = "\n\n".join([
        "موعد السداد",
        "خالد العمري - مكة المكرمة",
        "الوحدة مطالب بثمانية ملايين ريال للحربي والقحطاني",
        lead,
        "الفيصلي يعسكر في هولندا ثلاثة أسابيع",
        "يغادر الفريق الأول لكرة القدم بنادي الفيصلي فجر الغد متوجها إلى أمستردام لإقامة معسكره الإعدادي.",
        "من جهة أخرى يعقد مجلس إدارة الوحدة اجتماعا طارئا مساء اليوم لبحث سبل توفير المبلغ قبل نهاية المهلة.",
        "وأكدت مصادر في النادي أن أعضاء الشرف وعدوا بدعم الإدارة، وأن جزءا من المبلغ سيدفع من عقود الرعاية.",
    ])
    body = clean(RawArticle(page, "text", path="sport.txt")).body
    assert lead in body
    assert "أمستردام" not in body
