"""Teasers of other stories and promotions between body paragraphs (issue 14).

Pages written for these tests in the shapes CNN Arabic, BBC Arabic and Sky
News Arabia give their scraped text: a related story's headline with its
one-line summary between two paragraphs, an app call in a full sentence.
They must leave the body, and the article's own paragraphs must all stay.
"""
from __future__ import annotations

from rasd.clean import clean
from rasd.ingest import RawArticle

CNN_STYLE = """البرلمان الأردني يقر الموازنة العامة للعام المقبل
عمّان، الأردن (CNN)-- أقر مجلس النواب الأردني، الثلاثاء، مشروع قانون الموازنة العامة للدولة للعام المقبل بأغلبية الأعضاء الحاضرين، بعد نقاش استمر ثلاثة أيام.

وتبلغ النفقات المقدرة في الموازنة نحو 12 مليار دينار، فيما يقدر العجز بعد المنح الخارجية بنحو ملياري دينار، بحسب وزير المالية.

مصر تفتتح محطة كبرى لتحلية مياه البحر في العلمين
افتتح رئيس الوزراء المصري، الأربعاء، محطة لتحلية مياه البحر بطاقة مليون متر مكعب يوميا على الساحل الشمالي.

وقال رئيس اللجنة المالية في المجلس إن الموازنة تضمنت زيادة مخصصات التعليم والصحة، وخفض النفقات الجارية للوزارات بنسبة خمسة في المئة.

وانتقد نواب من المعارضة ارتفاع الدين العام، مطالبين الحكومة بخطة واضحة لخفض العجز خلال السنوات الثلاث المقبلة.
"""

BBC_STYLE = """فيضانات تجتاح شمال باكستان وتشرد الآلاف
قالت السلطات في باكستان إن فيضانات عارمة اجتاحت عدة مناطق في إقليم خيبر بختونخوا شمالي البلاد، ما أدى إلى مقتل 40 شخصا على الأقل وتشريد الآلاف.

وأوضحت هيئة إدارة الكوارث أن الأمطار الغزيرة التي هطلت منذ يوم الجمعة تسببت في انهيار جسور ومنازل وقطع طرق رئيسية في وادي سوات.

يمكنكم الآن تلقي إشعارات بأهم الأخبار بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هواتفكم.

وأعلنت الحكومة حالة الطوارئ في المناطق المتضررة، وأرسلت فرق الإنقاذ والجيش لإجلاء السكان المحاصرين بالمياه.

الأمم المتحدة تحذر من موجة جفاف في القرن الأفريقي
حذر برنامج الأغذية العالمي من أن ملايين الأشخاص في الصومال وإثيوبيا وكينيا يواجهون خطر المجاعة بسبب الجفاف.

ويتوقع خبراء الأرصاد استمرار هطول الأمطار خلال الأيام المقبلة، ما يزيد مخاوف السكان من ارتفاع منسوب الأنهار في الإقليم.
"""

SKY_STYLE = """السعودية تطلق برنامجا لتوطين صناعة السيارات الكهربائية
أعلنت وزارة الصناعة السعودية، الأحد، إطلاق برنامج وطني لتوطين صناعة السيارات الكهربائية ومكوناتها، بهدف إنتاج 300 ألف سيارة سنويا بحلول عام 2030.

وأوضحت الوزارة في بيان أن البرنامج يشمل حوافز للمستثمرين وتسهيلات في الأراضي الصناعية وتمويلا ميسرا للمصانع الجديدة.

لمتابعة آخر التطورات حمّلوا تطبيق سكاي نيوز عربية المجاني على هواتفكم الذكية.

وأضاف البيان أن البرنامج سيوفر نحو 30 ألف وظيفة مباشرة للمواطنين في قطاعات التصنيع والبحث والتطوير.

الإمارات تستضيف مؤتمرا دوليا للطاقة المتجددة في أبوظبي
تنطلق في أبوظبي الأسبوع المقبل أعمال مؤتمر دولي للطاقة المتجددة بمشاركة وزراء ومسؤولين من أكثر من 80 دولة.

وتسعى المملكة إلى أن تصبح مركزا إقليميا لصناعة السيارات الكهربائية، مستفيدة من موقعها الجغرافي ووفرة مصادر الطاقة.
"""

FURNITURE = {
    "cnn": ["مصر تفتتح محطة كبرى", "افتتح رئيس الوزراء المصري"],
    "bbc": ["تطبيق بي بي سي عربي", "الأمم المتحدة تحذر", "برنامج الأغذية العالمي"],
    "sky": ["حمّلوا تطبيق سكاي نيوز", "الإمارات تستضيف مؤتمرا", "تنطلق في أبوظبي"],
}


def _paragraphs(page: str) -> list[str]:
    """The article's own paragraphs: every prose line but the title and the furniture."""
    lines = [l.strip() for l in page.splitlines()[1:] if l.strip()]
    out = []
    for line in lines:
        if not any(f in line for fs in FURNITURE.values() for f in fs):
            out.append(line)
    return out


def _check(page: str, furniture: list[str]) -> None:
    doc = clean(RawArticle(page, "text"))
    for f in furniture:
        assert f not in doc.body, f
    for para in _paragraphs(page):
        assert para in doc.body, para
    assert doc.title == page.splitlines()[0]


def test_cnn_style_teaser_between_paragraphs():
    _check(CNN_STYLE, FURNITURE["cnn"])


def test_bbc_style_app_promotion_and_teaser():
    _check(BBC_STYLE, FURNITURE["bbc"])


def test_sky_news_style_app_call_and_teaser():
    _check(SKY_STYLE, FURNITURE["sky"])


def test_html_page_with_a_teaser_box_between_paragraphs():
    paras = _paragraphs(BBC_STYLE)
    html = ("<html><head><title>فيضانات تجتاح شمال باكستان وتشرد الآلاف</title></head><body><article>"
            "<h1>فيضانات تجتاح شمال باكستان وتشرد الآلاف</h1>"
            + "".join(f"<p>{p}</p>" for p in paras[:2])
            + "<p>يمكنكم الآن تلقي إشعارات بأهم الأخبار بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هواتفكم.</p>"
            + "".join(f"<p>{p}</p>" for p in paras[2:]) + "</article></body></html>")
    doc = clean(RawArticle(html, "html"))
    assert "تطبيق بي بي سي" not in doc.body
    assert all(p in doc.body for p in paras)


def test_an_article_about_an_app_and_its_sub_headings_stay():
    page = """واتساب يضيف ميزة المكالمات الجماعية المرئية
أعلنت شركة ميتا، الخميس، أن تطبيق واتساب بات يتيح المكالمات المرئية الجماعية لما يصل إلى 32 مشاركا على الهواتف والحواسيب.

وقالت الشركة إن المستخدمين يمكنهم الآن تحميل أحدث نسخة من التطبيق للحصول على الميزة الجديدة، التي تعمل مع تشفير كامل بين الطرفين.

الخصوصية أولا
وأكدت ميتا أن محتوى المكالمات الجماعية لا يمكن لأي طرف ثالث الاطلاع عليه، بما في ذلك الشركة نفسها، بفضل التشفير الكامل.

وتأتي الميزة في ظل منافسة متزايدة بين تطبيقات المراسلة على جذب المستخدمين في العمل والدراسة عن بعد.
"""
    doc = clean(RawArticle(page, "text"))
    for para in [l for l in page.splitlines()[1:] if l.strip() and l != "الخصوصية أولا"]:
        assert para in doc.body, para
