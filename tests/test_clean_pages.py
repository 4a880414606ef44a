"""Cleaning of scraped Arabic news pages written for these tests (not the seeds).

Each page imitates one outlet style's furniture; the asserts are what a
reader would check: every paragraph of the article is there (short ones and
quotes too), nothing of the page around it is, and title/outlet/date/agencies
are what the page states.
"""
from __future__ import annotations

from rasd.clean import clean
from rasd.ingest import RawArticle


def _clean(text: str, **kw):
    return clean(RawArticle(content=text, kind="text", **kw))


def _paragraphs(doc):
    return doc.body.split("\n\n")


ALJAZEERA_LIKE = """تخطي إلى المحتوى
الرئيسية
أخبار
سياسة
وزير الخارجية القطري يبحث في طهران التهدئة الإقليمية
نشر في 3/3/2024
آخر تحديث: 3/3/2024 12:45 (توقيت مكة)
شارك
الدوحة- بحث وزير الخارجية القطري مع نظيره الإيراني في طهران اليوم الأحد سبل خفض التصعيد في المنطقة، وفق ما أفادت به وزارة الخارجية القطرية في بيان.
وقال الوزير القطري في مؤتمر صحفي مشترك إن بلاده "تدعم كل جهد يفضي إلى الاستقرار"، مشيرا إلى أن الحوار هو السبيل الوحيد لتجاوز الخلافات بين دول الإقليم.
اقرأ أيضا
قطر وإيران توقعان اتفاقيات تعاون جديدة
طهران تستضيف اجتماعا إقليميا الشهر المقبل
من جانبه، أكد الوزير الإيراني أن طهران ترحب بالوساطة القطرية، وفق ما نقلت عنه وكالة الصحافة الفرنسية.
وتأتي الزيارة بعد أسابيع من التوتر في الخليج.
المصدر : الجزيرة + وكالات
تابعوا الجزيرة نت على
فيسبوك
تويتر
"""


def test_aljazeera_like_page():
    doc = _clean(ALJAZEERA_LIKE)
    paras = _paragraphs(doc)
    assert doc.title == "وزير الخارجية القطري يبحث في طهران التهدئة الإقليمية"
    assert not doc.title_derived
    assert paras[0].startswith("الدوحة- بحث وزير الخارجية القطري")
    # the short last paragraph, without being long, is part of the article
    assert paras[-1] == "وتأتي الزيارة بعد أسابيع من التوتر في الخليج."
    assert len(paras) == 4
    for junk in ("اقرأ أيضا", "اتفاقيات تعاون جديدة", "اجتماعا إقليميا", "شارك", "فيسبوك", "المصدر", "آخر تحديث", "الرئيسية"):
        assert junk not in doc.body
    assert doc.published == "2024-03-03"
    assert doc.source.outlet == "الجزيرة"
    assert doc.agencies == ["AFP"]


YOUM7_LIKE = """اليوم السابع
عاجل
أخبار مصر
الحكومة تعلن خطة جديدة لترشيد استهلاك الكهرباء في الصيف
كتب محمد السيد
الثلاثاء، 12 نوفمبر 2024 04:00 م
أعلن مجلس الوزراء المصري، اليوم الثلاثاء، عن خطة جديدة لترشيد استهلاك الكهرباء خلال أشهر الصيف المقبلة، تتضمن تخفيف الأحمال في المباني الحكومية.
وأوضح المتحدث باسم مجلس الوزراء في تصريحات صحفية أن الخطة تستهدف توفير نحو عشرة في المئة من الاستهلاك.
أبرز بنود الخطة
وأضاف: "لن يكون هناك أي تخفيف للأحمال في المنازل خلال ساعات الذروة"
وأشار إلى أن الحكومة ستراجع الخطة كل ثلاثة أشهر بحسب معدلات الاستهلاك الفعلية.
الأخبار المتعلقة
وزير الكهرباء يتفقد محطة غرب القاهرة
ارتفاع درجات الحرارة غدا على أغلب الأنحاء
الأرصاد تحذر من الشبورة المائية
اضف تعليق
جميع الحقوق محفوظة © اليوم السابع 2024
"""


def test_youm7_like_page_keeps_short_and_quoted_paragraphs():
    doc = _clean(YOUM7_LIKE)
    paras = _paragraphs(doc)
    assert doc.title == "الحكومة تعلن خطة جديدة لترشيد استهلاك الكهرباء في الصيف"
    assert "أبرز بنود الخطة" in paras  # a subheading
    assert 'وأضاف: "لن يكون هناك أي تخفيف للأحمال في المنازل خلال ساعات الذروة"' in paras  # quote, no stop
    assert paras[-1].startswith("وأشار إلى أن الحكومة ستراجع الخطة")
    for junk in ("كتب محمد السيد", "الأخبار المتعلقة", "محطة غرب القاهرة", "الشبورة", "اضف تعليق", "جميع الحقوق", "عاجل"):
        assert junk not in doc.body
    assert doc.published == "2024-11-12"
    assert doc.source.outlet == "اليوم السابع"
    assert doc.agencies == []


HESPRESS_LIKE = """هسبريس
مجتمع
الحكومة المغربية تطلق برنامجا لدعم السكن في العالم القروي
هسبريس - محمد الراجي
الأحد 7 جويلية 2024 - 10:30
أطلقت الحكومة المغربية برنامجا جديدا لدعم السكن في العالم القروي، يستفيد منه آلاف الأسر في الجهات الأقل تنمية، حسب ما أعلنت عنه الوزارة الوصية.
وقالت الوزيرة المكلفة بالإسكان، في تصريح لجريدة هسبريس الإلكترونية، إن "البرنامج يستهدف الأسر التي لا تتوفر على سكن لائق".
وأضافت أن الدعم سيصرف على دفعات، ابتداء من شهر شتنبر المقبل.
تعليقات الزوار
محمد من الرباط: هذا البرنامج جاء متأخرا جدا، والأسر في الجبال تنتظر منذ سنوات طويلة ولم يتغير شيء على الأرض.
مواطن غيور: نتمنى أن يصل الدعم فعلا إلى مستحقيه وليس إلى المحظوظين كما يحدث في كل مرة للأسف الشديد.
أرسل تعليقك
© هسبريس 2024
"""


def test_hespress_like_page_drops_reader_comments():
    doc = _clean(HESPRESS_LIKE)
    paras = _paragraphs(doc)
    assert doc.title == "الحكومة المغربية تطلق برنامجا لدعم السكن في العالم القروي"
    assert len(paras) == 3
    assert paras[-1] == "وأضافت أن الدعم سيصرف على دفعات، ابتداء من شهر شتنبر المقبل."
    for junk in ("تعليقات الزوار", "محمد من الرباط", "مواطن غيور", "أرسل تعليقك", "محمد الراجي"):
        assert junk not in doc.body
    assert doc.published == "2024-07-07"  # Maghreb month name
    assert doc.source.outlet == "هسبريس"


LEVANT_LIKE = """النهار
لبنان
أخبار لبنان
مجلس الوزراء يقر خطة الطوارئ لمواجهة التصعيد جنوبا
١٥ آذار ٢٠٢٤ | ٠٩:٣٠
أقر مجلس الوزراء اللبناني في جلسة استثنائية عقدها في السرايا الحكومية خطة طوارئ لمواجهة التصعيد على الحدود الجنوبية (أ ف ب).
وقال رئيس الحكومة بعد الجلسة: "لن نقبل بأن يدفع اللبنانيون ثمن حرب لم يختاروها".
"الدولة حاضرة"
وأوضح وزير الإعلام أن الخطة تشمل تأمين مراكز إيواء في بيروت وجبل لبنان، وتوفير المستلزمات الطبية للمستشفيات في الجنوب، بالتنسيق مع المنظمات الدولية.
اشترك في نشرتنا الإخبارية
أدخل بريدك الإلكتروني
الأكثر قراءة
انقطاع الكهرباء يعم مناطق واسعة
أسعار المحروقات ترتفع مجددا
الليرة تستقر أمام الدولار
"""


def test_levantine_page_with_newsletter_and_most_read():
    doc = _clean(LEVANT_LIKE)
    paras = _paragraphs(doc)
    assert doc.title == "مجلس الوزراء يقر خطة الطوارئ لمواجهة التصعيد جنوبا"
    assert doc.published == "2024-03-15"  # Levantine month, Arabic-Indic digits
    assert '"الدولة حاضرة"' in paras  # two-word quoted paragraph kept
    assert paras[1].startswith("وقال رئيس الحكومة بعد الجلسة")
    for junk in ("نشرتنا", "بريدك", "الأكثر قراءة", "انقطاع الكهرباء", "الليرة", "أخبار لبنان"):
        assert junk not in doc.body
    assert doc.agencies == ["AFP"]


def test_related_block_in_the_middle_keeps_the_rest_of_the_article():
    page = """مواجهات في الخرطوم بين الجيش وقوات الدعم السريع
اندلعت مواجهات عنيفة صباح اليوم في أحياء عدة من العاصمة السودانية الخرطوم، وسمع دوي انفجارات قرب مقر القيادة العامة للجيش.
وقال شهود عيان إن الاشتباكات امتدت إلى مدينة أم درمان، وإن السكان لزموا منازلهم خوفا من القصف.
مواضيع ذات صلة
الأمم المتحدة تدعو إلى هدنة إنسانية في السودان
مصر تستضيف مؤتمرا لدول جوار السودان
وأعلنت لجنة أطباء السودان أن عدد القتلى المدنيين ارتفع إلى 12 قتيلا منذ الصباح.
وفي المقابل، قالت قوات الدعم السريع في بيان إنها صدت هجوما على مواقعها، متهمة الجيش بخرق الهدنة.
وتشهد البلاد حربا منذ أبريل 2023 أدت إلى نزوح الملايين.
"""
    doc = _clean(page)
    paras = _paragraphs(doc)
    assert len(paras) == 5
    assert "هدنة إنسانية" not in doc.body and "دول جوار السودان" not in doc.body
    assert paras[-1] == "وتشهد البلاد حربا منذ أبريل 2023 أدت إلى نزوح الملايين."
    assert doc.published is None  # "أبريل 2023" in the text is no publication date


def test_glued_second_article_after_tags_and_read_also_is_dropped():
    page = """ارتفاع أسعار النفط بعد قرار أوبك+ خفض الإنتاج
ارتفعت أسعار النفط في تعاملات اليوم بعد إعلان تحالف أوبك+ تمديد خفض الإنتاج حتى نهاية العام المقبل، بحسب ما ذكرت وكالة بلومبرغ.
وصعد خام برنت إلى 86 دولارا للبرميل، في أعلى مستوى له منذ ثلاثة أشهر، وسط مخاوف من شح الإمدادات.
الوسوم: النفط أوبك برنت
اقرأ أيضا:
الذهب يتراجع مع صعود الدولار
تراجعت أسعار الذهب في المعاملات الفورية اليوم مع صعود الدولار الأمريكي إلى أعلى مستوى في أسبوعين، وفقا لبيانات رويترز، في ظل ترقب المستثمرين لقرار الفيدرالي.
وقال محللون إن المعدن النفيس قد يواصل التراجع إذا أبقى البنك المركزي الأمريكي على أسعار الفائدة مرتفعة لفترة أطول من المتوقع.
"""
    doc = _clean(page)
    assert doc.body.endswith("وسط مخاوف من شح الإمدادات.")
    assert "الذهب" not in doc.body and "الوسوم" not in doc.body
    assert doc.agencies == ["Bloomberg"]  # Reuters is cited only by the glued article


def test_ticker_inline_code_and_breaking_labels():
    page = """عاجل: زلزال بقوة 5 درجات يضرب جنوب تركيا
logo
الرئيسية
عربي ودولي
قمة عربية طارئة في القاهرة لبحث الأوضاع في غزة
قمة عربية طارئة في القاهرة لبحث الأوضاع في غزة
window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
تنطلق في القاهرة اليوم أعمال القمة العربية الطارئة بمشاركة قادة ورؤساء وفود الدول الأعضاء في جامعة الدول العربية، لبحث تطورات الأوضاع في قطاع غزة.
.ad-slot{display:none;height:250px} وقال الأمين العام للجامعة في كلمة الافتتاح إن "المنطقة تمر بمرحلة بالغة الخطورة"، داعيا إلى وقف فوري لإطلاق النار.
وينتظر أن يصدر عن القمة بيان ختامي يتضمن خطة لإعادة الإعمار.
إعلان
"""
    doc = _clean(page)
    assert doc.title == "قمة عربية طارئة في القاهرة لبحث الأوضاع في غزة"
    assert "زلزال" not in doc.body and "logo" not in doc.body
    assert "dataLayer" not in doc.body and "display:none" not in doc.body
    assert doc.body.split("\n\n")[1].startswith("وقال الأمين العام للجامعة")
    assert doc.body.endswith("خطة لإعادة الإعمار.")
    assert "إعلان" not in doc.body


def test_page_without_title_gets_a_derived_one():
    page = """أعلنت وزارة الصحة العراقية، اليوم الخميس، تسجيل أول إصابة بالكوليرا في محافظة البصرة منذ مطلع العام، داعية المواطنين إلى غلي مياه الشرب.
وقال المتحدث باسم الوزارة إن المصاب يتلقى العلاج في مستشفى البصرة العام وحالته مستقرة.
"""
    doc = _clean(page)
    assert doc.title_derived
    assert doc.title == "أعلنت وزارة الصحة العراقية"
    assert doc.body.startswith("أعلنت وزارة الصحة العراقية، اليوم الخميس")


def test_given_metadata_wins_and_id_is_stable():
    doc = _clean(LEVANT_LIKE, title="عنوان معطى", outlet="Annahar", published="2024-03-16T08:00:00Z")
    assert doc.title == "عنوان معطى" and not doc.title_derived
    assert doc.published == "2024-03-16"
    assert doc.source.outlet == "Annahar"
    again = _clean(LEVANT_LIKE)
    assert again.id == _clean(LEVANT_LIKE).id
    assert _clean(LEVANT_LIKE, url="https://www.annahar.com/a/1").source.outlet == "النهار"
    assert _clean(LEVANT_LIKE, id="x-1").id == "x-1"
    assert _clean(LEVANT_LIKE, url="https://www.annahar.com/a/1").id != again.id


def test_body_kind_is_taken_exactly():
    body = "قال الرئيس إن المفاوضات مستمرة.\n\nوأضاف أن وكالة رويترز نقلت الخبر أولا.\n"
    doc = clean(RawArticle(content=body, kind="body", url="https://www.youm7.com/story/1"))
    assert doc.body == body
    assert doc.agencies == ["Reuters"]
    assert doc.source.outlet == "اليوم السابع"
    assert doc.title_derived


def test_html_page_and_malformed_html():
    html = """<html><head><title>انتخابات بلدية في تونس | الصباح نيوز</title>
<meta property="og:site_name" content="Assabah News"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/w">العالم</a></nav>
<article><h1>انتخابات بلدية في تونس</h1>
<p>توجه الناخبون التونسيون اليوم الأحد إلى مراكز الاقتراع لاختيار أعضاء المجالس البلدية في أول انتخابات محلية منذ سنوات، وسط إقبال وصفته الهيئة المستقلة بالمتوسط.</p>
<p>وقال رئيس الهيئة في مؤتمر صحفي إن نسبة المشاركة بلغت 30 في المئة حتى منتصف النهار، متوقعا ارتفاعها في ساعات المساء.</p>
<p>وستعلن النتائج الأولية يوم الأربعاء.</p>
<div class="related"><h3>اقرأ أيضا</h3><ul><li><a href="/1">الرئيس يستقبل وزير الخارجية</a></li><li><a href="/2">ارتفاع أسعار الخضر</a></li></ul></div>
</article><footer>جميع الحقوق محفوظة © 2024 الصباح</footer></body></html>"""
    doc = clean(RawArticle(content=html, kind="html"))
    assert doc.body.startswith("توجه الناخبون التونسيون")
    assert "وستعلن النتائج الأولية يوم الأربعاء." in doc.body
    assert "أسعار الخضر" not in doc.body and "الرئيسية" not in doc.body
    assert "انتخابات بلدية في تونس" in doc.title
    assert doc.source.outlet == "الصباح"

    broken = "<html><body><div><p>أعلنت الحكومة الأردنية اليوم عن حزمة إجراءات اقتصادية جديدة لدعم القطاع الخاص وتحفيز الاستثمار في المحافظات.<p>وقال وزير المالية إن الحزمة تشمل إعفاءات ضريبية للمشاريع الصغيرة والمتوسطة. <div><b>تابعنا على فيسبوك"
    doc = clean(RawArticle(content=broken, kind="html"))
    assert doc.body.startswith("أعلنت الحكومة الأردنية")
    assert "الصغيرة والمتوسطة." in doc.body
    assert "تابعنا" not in doc.body


def test_furniture_words_inside_article_sentences_are_kept():
    page = """البرلمان يقر قانونا جديدا لحماية الملكية الفكرية
أقر مجلس النواب بالأغلبية مشروع قانون جديد لحماية الملكية الفكرية، بعد نقاش استمر ثلاث جلسات متتالية.
شارك في التصويت 250 نائبا.
وتلقت اللجنة التشريعية أكثر من 500 تعليق من المواطنين على المسودة.
ويشدد القانون العقوبات على انتهاك حقوق النشر والتأليف.
اشترك في إعداد المسودة خبراء من الجامعات ونقابة المحامين.
وكان الرئيس السابق قد رفض نسخة سابقة من القانون عام 2019، معتبرا أنها تقيد حرية التعبير على الإنترنت.
شارك
اشترك في النشرة البريدية
"""
    doc = _clean(page)
    paras = _paragraphs(doc)
    assert paras == [
        "أقر مجلس النواب بالأغلبية مشروع قانون جديد لحماية الملكية الفكرية، بعد نقاش استمر ثلاث جلسات متتالية.",
        "شارك في التصويت 250 نائبا.",
        "وتلقت اللجنة التشريعية أكثر من 500 تعليق من المواطنين على المسودة.",
        "ويشدد القانون العقوبات على انتهاك حقوق النشر والتأليف.",
        "اشترك في إعداد المسودة خبراء من الجامعات ونقابة المحامين.",
        "وكان الرئيس السابق قد رفض نسخة سابقة من القانون عام 2019، معتبرا أنها تقيد حرية التعبير على الإنترنت.",
    ]


def test_glued_article_after_read_also_without_other_end_sign():
    page = """الحكومة الأردنية تقر موازنة العام المقبل
أقر مجلس الوزراء الأردني في جلسته اليوم مشروع قانون الموازنة العامة للعام المقبل، بنفقات إجمالية تبلغ نحو 12 مليار دينار.
وقال وزير المالية إن الموازنة تراعي الظروف الاقتصادية الصعبة، وتتضمن زيادة في مخصصات الحماية الاجتماعية.
وأضاف أن العجز المتوقع سيبلغ 2.9 في المئة من الناتج المحلي الإجمالي، مقارنة بثلاثة في المئة هذا العام.
اقرأ أيضاً
البنك المركزي يثبت أسعار الفائدة
قرر البنك المركزي الأردني الإبقاء على أسعار الفائدة دون تغيير، في ظل استقرار معدلات التضخم.
"""
    doc = _clean(page)
    assert doc.body.endswith("مقارنة بثلاثة في المئة هذا العام.")
    assert "البنك المركزي" not in doc.body


def test_text_file_holding_html_is_read_as_html():
    html = ("<html><body><nav>الرئيسية</nav><article><p>أعلنت وزارة الصحة الكويتية اليوم عن إطلاق حملة تطعيم وطنية ضد الإنفلونزا الموسمية تستمر شهرين في جميع المراكز الصحية.</p>"
            "<p>وقال وكيل الوزارة إن اللقاح متوفر مجانا لجميع المواطنين والمقيمين، داعيا كبار السن إلى المبادرة بأخذه.</p></article></body></html>")
    doc = _clean(html)
    assert "<p>" not in doc.body and doc.body.startswith("أعلنت وزارة الصحة الكويتية")
    assert "الرئيسية" not in doc.body


def test_body_kind_still_yields_its_metadata():
    body = ("القاهرة في 12 نوفمبر 2024 (أ ش أ) - أعلنت وزارة الخارجية المصرية اليوم أن الوزير سيتوجه إلى عمان في زيارة رسمية.\n\n"
            "وقال المتحدث باسم الوزارة إن الزيارة تستمر يومين.\n\nالمصدر: بوابة الأهرام")
    doc = clean(RawArticle(content=body, kind="body"))
    assert doc.body == body  # nothing removed from a given body
    assert doc.published == "2024-11-12"
    assert doc.agencies == ["MENA"]
    assert doc.source.outlet == "الأهرام"


def test_short_article_is_not_outweighed_by_text_under_the_copyright():
    page = """افتتاح جسر جديد في البصرة
افتتحت الحكومة العراقية اليوم جسرا جديدا يربط ضفتي شط العرب في محافظة البصرة، بطول 1.2 كيلومتر.
وقال المحافظ إن الجسر سيخفف الازدحام المروري في المدينة.
© 2024 موقع الرافدين الإخباري
موقع الرافدين الإخباري منصة مستقلة تأسست عام 2012، تقدم الأخبار المحلية والعربية والدولية على مدار الساعة، وتلتزم بالمعايير المهنية والحياد والدقة في نقل المعلومة، ويعمل فيها فريق من الصحفيين والمراسلين في مختلف المحافظات العراقية والعواصم العربية.
"""
    doc = _clean(page)
    assert doc.body.startswith("افتتحت الحكومة العراقية") and doc.body.endswith("في المدينة.")
    assert doc.source.outlet == "الرافدين الإخباري"


def test_very_short_article_before_tags_and_a_glued_article():
    page = """احتفل الشاب محمد القرني بزواجه في قاعة الأفراح بمحافظة بلقرن مساء أمس الخميس.
كلمات دلالية: أفراح بلقرن
اقرأ أيضا:
أمطار غزيرة على منطقة عسير
شهدت منطقة عسير أمس أمطارا غزيرة مصحوبة بزخات من البرد، أدت إلى جريان السيول في عدد من الأودية، وسط تحذيرات الدفاع المدني للمواطنين والمقيمين من الاقتراب من مجاري السيول والأودية.
وقال المتحدث باسم الدفاع المدني إن الفرق الميدانية تعاملت مع عدد من البلاغات دون تسجيل إصابات.
"""
    doc = _clean(page)
    assert doc.body == "احتفل الشاب محمد القرني بزواجه في قاعة الأفراح بمحافظة بلقرن مساء أمس الخميس."


def test_article_nested_deeper_than_the_html_parser_builds_is_kept():
    # Site builders and broken templates can nest hundreds or thousands of <div>s;
    # libxml2 stops building the tree at 256 (2,048) levels.
    paragraphs = [
        "أعلنت وزارة الخارجية الأردنية اليوم أن الوزير سيزور القاهرة الأسبوع المقبل لبحث العلاقات الثنائية.",
        "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار التنسيق المستمر بين البلدين الشقيقين.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    for depth in (300, 3000):
        page = ("<html><head><title>زيارة مرتقبة</title><script>var ad = 1;</script></head><body>"
                "<div class='menu'>الرئيسية</div>" + "<div>" * depth + body + "</div>" * depth + "</body></html>")
        doc = clean(RawArticle(content=page, kind="html", path=f"deep{depth}.html"))
        assert all(p in doc.body for p in paragraphs), depth
        assert "var ad" not in doc.body
