"""Metadata readers: cited agencies (whole words only), outlet evidence, outlet profiles."""
from __future__ import annotations

import pytest

from rasd.clean import OutletProfile, clean_text
from rasd.clean.metadata import canonical_outlet, find_agencies, outlet_from_copyright, outlet_from_url


@pytest.mark.parametrize("text, expected", [
    ("وقال مصدر لرويترز إن الاجتماع تأجل.", ["Reuters"]),
    ("ونقلت وكالة فرانس برس عن شهود أن القصف استمر.", ["AFP"]),
    ("بيروت (أ ف ب) - أعلن الجيش اللبناني", ["AFP"]),
    ("القاهرة - (د ب أ) - قالت الحكومة", ["dpa"]),
    ("حسبما ذكرت وكالة “أسوشيتد برس” الأمريكية", ["Associated Press"]),
    ("وأفادت وكالة الأنباء السعودية (واس) بأن", ["Saudi Press Agency"]),
    ("وذكرت وكالة الأنباء القطرية (قنا) أن", ["Qatar News Agency"]),
    ("وقالت وكالة تاس الروسية، نقلا عن مصدر، إن وكالة شينخوا الصينية", ["TASS", "Xinhua"]),
    ("ونقلت صحيفة تشاينا دايلي عن الوزير قوله", ["China Daily"]),
    ("بحسب ما أوردته وكالة الأناضول وللأناضول مراسل هناك", ["Anadolu Agency"]),
    ("وأكد الوزير، بحسب ما نقلته بلومبيرغ، أن ...", ["Bloomberg"]),
])
def test_agencies_cited(text, expected):
    assert find_agencies(text) == expected


@pytest.mark.parametrize("text", [
    "وصلت الأمطار إلى محافظة قنا في صعيد مصر.",  # Qena, the city
    "زار السياح مدينة بترا الأثرية في الأردن.",  # Petra, the site
    "وقال السفير إن الحكومة الفرنسية ترفض القرار.",  # French, the adjective
    "احتل الفريق المركز التاسع وتاسعا في الترتيب.",  # تاس inside words
    "واستعرض الوزير مع نظيره آفاق التعاون.",
    "(وكالات)",  # generic: no agency named
])
def test_no_false_agencies(text):
    assert find_agencies(text) == []


def test_outlet_readers():
    assert outlet_from_copyright("جميع الحقوق محفوظة © 2024 شركة إرم ميديا - Erem Media FZ LLC") == "إرم نيوز"
    assert outlet_from_copyright("© 2023 جميع الحقوق محفوظة لجريدة الغد الأردنية") == "الغد الأردنية"
    assert outlet_from_copyright("Copyright © 2024 Al Jazeera Media Network") == "الجزيرة"
    assert outlet_from_url("https://www.youm7.com/story/2024/11/12/x") == "اليوم السابع"
    assert outlet_from_url("https://arabic.cnn.com/world/article/1") == "سي إن إن بالعربية"
    assert outlet_from_url("https://news.example.org/a/1") == "news.example.org"
    assert outlet_from_url(None) is None
    assert canonical_outlet("Hespress") == "هسبريس"
    assert canonical_outlet("موقع غير معروف") == "موقع غير معروف"


def test_outlet_from_counter_line_and_not_from_listed_headlines():
    page = clean_text(
        "بوابة الوادي   عدد المشاهدات : 1300\n"
        "افتتاح معرض الكتاب في دورته الجديدة بمشاركة واسعة\n"
        "افتتح وزير الثقافة اليوم معرض الكتاب في دورته الجديدة بمشاركة أكثر من ألف دار نشر من ثلاثين دولة عربية وأجنبية.\n"
        "وقال الوزير إن المعرض يشهد هذا العام برنامجا ثقافيا حافلا يشمل ندوات وأمسيات شعرية.\n"
        "الأكثر قراءة\n"
        "ارتفاع أسعار الذهب في السوق المحلية\n"
        "المشهد اليوم | 900 قراءة\n"
    )
    from rasd.clean.metadata import find_outlet

    assert find_outlet(page) == "بوابة الوادي"
    assert "الذهب" not in "\n".join(page.body)


def test_outlet_profile_learns_recurring_lines():
    footer = "منصة الوادي الإخبارية منبر الرأي الحر والكلمة الصادقة منذ عام 2010."
    story = "أعلنت البلدية اليوم عن افتتاح حديقة عامة جديدة في الحي الشرقي بمساحة عشرة آلاف متر مربع، بحضور عدد من المسؤولين والأهالي."
    pages = [f"عنوان الخبر رقم {i} في الصفحة\n{story.replace('عشرة', str(i))}\n{footer}\n" for i in range(4)]
    profile = OutletProfile.learn(pages)
    assert footer in profile
    assert story not in profile  # differs from page to page
    assert footer in "\n".join(clean_text(pages[0]).body)  # reads like a sentence of the article
    assert footer not in "\n".join(clean_text(pages[0], profile).body)
    # one page alone teaches nothing
    assert footer not in OutletProfile.learn(pages[:1])


def test_outlet_profile_keeps_the_wire_dateline_its_pages_repeat():
    # A news agency's pages open with "place date agency": most from its capital, so the dateline
    # (digits aside) recurs on every page, as a menu does. It is still the article's first line.
    dateline = "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"
    leads = ["افتتح أمير المنطقة مشروع توسعة المستشفى العام بتكلفة تجاوزت مئتي مليون ريال، بحضور عدد من المسؤولين.",
             "وقعت وزارة التعليم اتفاقية مع جامعة محلية لتدريب ألفي معلم على المناهج الجديدة خلال العام الدراسي المقبل.",
             "أعلنت هيئة الأرصاد أن أجواء حارة تسود معظم مناطق المملكة خلال الأيام الثلاثة المقبلة مع رياح نشطة.",
             "دشن وزير الزراعة حملة وطنية لزراعة مليون شجرة في المتنزهات والطرق السريعة بمشاركة المتطوعين."]
    pages = [f"عام / خبر رقم {i}\n{dateline.replace('25', str(20 + i))}\n{lead}\n// انتهى //" for i, lead in enumerate(leads)]
    profile = OutletProfile.learn(pages)
    assert dateline in profile
    body = "\n".join(clean_text(pages[0], profile).body)
    assert body.startswith("الرياض 20 شوال") and "// انتهى //" not in body


@pytest.mark.parametrize("first, expected", [
    ("القاهرة في 12 نوفمبر 2024 (أ ش أ) - أعلنت وزارة الخارجية المصرية اليوم أن الوزير سيتوجه إلى عمان في زيارة رسمية.", "2024-11-12"),
    ("عمان 3 آذار 2024 (بترا)- أعلنت الحكومة الأردنية عن خطة جديدة لدعم القطاع الزراعي في المحافظات الشمالية.", "2024-03-03"),
    # a date inside the sentence is an event date, not the publication date
    ("الرياض - أعلنت الحكومة في 12 نوفمبر 2023 عن خطة جديدة لدعم القطاع الزراعي في المحافظات الشمالية.", None),
])
def test_published_from_a_wire_dateline(first, expected):
    from rasd.clean.metadata import find_published

    body = "وقال الوزير في مؤتمر صحفي عقده في العاصمة اليوم إن المفاوضات مع الجانب الآخر ما زالت مستمرة دون نتائج ملموسة."
    assert find_published(clean_text(first + "\n" + body)) == expected


def test_outlet_profile_keeps_sentences_a_few_pages_share():
    background = "وتشهد البلاد أزمة اقتصادية حادة منذ عام 2019."
    pages = [f"خبر رقم {i} عن الأزمة الاقتصادية في البلاد\nفقرة أولى مختلفة رقم {i} عن تطورات الأزمة.\n"
             + (background if i < 3 else "") + "\nجميع الحقوق محفوظة للموقع" for i in range(20)]
    profile = OutletProfile.learn(pages + pages[:5])  # re-fetched pages count once
    assert "جميع الحقوق محفوظة للموقع" in profile
    assert background not in profile  # on 3 of 20 pages: a story's background, not furniture


def test_published_prefers_the_date_under_the_title_to_the_masthead_date():
    from rasd.clean.metadata import find_published, find_title

    page = clean_text(
        "الأحد 17 نوفمبر 2024\n"
        "الرئيسية\n"
        "وزير الطاقة يعلن اكتشاف حقل غاز جديد في الصحراء الغربية\n"
        "نشر في 14 نوفمبر 2024 - 09:15\n"
        "أعلن وزير الطاقة اليوم اكتشاف حقل غاز جديد في الصحراء الغربية، تقدر احتياطياته بنحو تريليون قدم مكعب.\n"
        "وقال الوزير إن الإنتاج التجريبي سيبدأ خلال العام المقبل بعد استكمال أعمال التطوير.\n"
    )
    title = find_title(page)
    assert title == "وزير الطاقة يعلن اكتشاف حقل غاز جديد في الصحراء الغربية"
    assert find_published(page, title) == "2024-11-14"
