"""The article as a whole (issue 14): what sits between its paragraphs, and what it must keep.

Pages written for these tests in the shapes Al Arabiya, Al Jazeera Net and
the Saudi Press Agency give their scraped text: box headings, pointers and
photo credits made only of words about the page; a teaser on a close subject
whose summary restates its own headline; a wire story with a teaser between
its dateline and its lead; and an article whose lead is cut from the rest by
a quoted poem. The furniture must leave the body, every paragraph of the
article must stay.
"""
from __future__ import annotations

from rasd.clean import clean
from rasd.ingest import RawArticle


def _body(page: str, kind: str = "text") -> str:
    return clean(RawArticle(page, kind)).body


ARABIYA_STYLE = """الكويت تعلن خطة لتطوير ميناء مبارك الكبير

أعلنت الحكومة الكويتية، الاثنين، خطة من ثلاث مراحل لاستكمال ميناء مبارك الكبير في جزيرة بوبيان، بكلفة تقدر بنحو أربعة مليارات دولار.

فيديو ذات صلة

وقال وزير الأشغال العامة إن المرحلة الأولى تشمل تعميق القناة الملاحية وبناء أربعة أرصفة لاستقبال سفن الحاويات الكبيرة.

صورة أرشيفية

فعّل الإشعارات لتصلك الأخبار العاجلة

ردود فعل إقليمية

ورحبت غرفة التجارة بالخطة، معتبرة أن الميناء سيعزز موقع الكويت في طرق التجارة بين آسيا وأوروبا.

للمزيد: اضغط هنا

ومن المتوقع أن تبدأ أعمال المرحلة الأولى مطلع العام المقبل، على أن يكتمل المشروع خلال ست سنوات.
"""


def test_arabiya_style_box_headings_pointers_and_credits_leave():
    body = _body(ARABIYA_STYLE)
    for furniture in ("فيديو ذات صلة", "صورة أرشيفية", "فعّل الإشعارات", "للمزيد: اضغط هنا"):
        assert furniture not in body, furniture
    for kept in ("أعلنت الحكومة الكويتية", "وقال وزير الأشغال", "ردود فعل إقليمية", "ورحبت غرفة التجارة",
                 "ومن المتوقع أن تبدأ"):
        assert kept in body, kept  # the article's own sub-heading stays too


JAZEERA_STYLE = """جولة جديدة من المفاوضات بين طرفي النزاع في السودان بمدينة جدة

انطلقت في مدينة جدة، الأحد، جولة جديدة من المفاوضات بين وفدي الجيش السوداني وقوات الدعم السريع برعاية سعودية أميركية، بهدف التوصل إلى وقف لإطلاق النار.

وقال مصدر مطلع على المحادثات إن الوسطاء قدموا مسودة اتفاق تتضمن فتح ممرات آمنة لإيصال المساعدات الإنسانية إلى المدنيين في الخرطوم ودارفور.

الجيش السوداني يعلن السيطرة على مدينة ود مدني بعد معارك عنيفة
أعلن الجيش السوداني السيطرة الكاملة على مدينة ود مدني بعد معارك عنيفة استمرت أسبوعا مع قوات الدعم السريع.

وأضاف المصدر أن وفد الجيش طالب بخروج قوات الدعم السريع من منازل المدنيين والمرافق العامة قبل أي اتفاق، بينما طالب وفد الدعم السريع بضمانات دولية.

ولم تنجح جولات سابقة من المفاوضات في جدة في تثبيت هدنة دائمة، إذ انهارت عدة اتفاقات لوقف إطلاق النار خلال أيام من توقيعها.
"""


def test_jazeera_style_teaser_on_a_close_subject_leaves():
    body = _body(JAZEERA_STYLE)
    assert "ود مدني" not in body  # its headline and its summary, which restates it
    for kept in ("انطلقت في مدينة جدة", "وقال مصدر مطلع", "وأضاف المصدر", "ولم تنجح جولات سابقة"):
        assert kept in body, kept


SPA_STYLE = """عام / أمانة الرياض تطلق مبادرة لزراعة مليون شجرة في الأحياء
الرياض 12 جمادى الآخرة 1446 هـ الموافق 13 ديسمبر 2024 م واس
عام / افتتاح معرض الكتاب الدولي في جدة بمشاركة 900 دار نشر
افتتح أمير منطقة مكة المكرمة معرض جدة الدولي للكتاب بمشاركة أكثر من 900 دار نشر من 40 دولة.
أطلقت أمانة منطقة الرياض اليوم مبادرة لزراعة مليون شجرة في الأحياء السكنية والحدائق العامة خلال العامين المقبلين، ضمن برنامج الرياض الخضراء.
وأوضح أمين منطقة الرياض أن المبادرة تعتمد على أنواع محلية من الأشجار تتحمل الحرارة وتحتاج إلى كميات قليلة من المياه.
وبين أن الأمانة ستشرك سكان الأحياء في اختيار مواقع الزراعة والعناية بالأشجار بعد غرسها.
// انتهى //
14:32 ت م
"""


def test_spa_style_wire_story_keeps_its_dateline_and_drops_teaser_and_end_marks():
    body = _body(SPA_STYLE)
    assert body.startswith("الرياض 12 جمادى الآخرة 1446")  # the dateline is the article's
    for furniture in ("معرض الكتاب", "افتتح أمير منطقة مكة", "انتهى", "14:32"):
        assert furniture not in body, furniture
    for kept in ("أطلقت أمانة منطقة الرياض", "وأوضح أمين منطقة الرياض", "وبين أن الأمانة"):
        assert kept in body, kept


POEM_PAGE = """الشاعر ناصر العلي يطلق قصيدته الجديدة عن الوطن

أطلق الشاعر ناصر العلي قصيدته الجديدة التي حملت عنوان نخل الوطن، وتحدث فيها عن حب الوطن وذكريات الطفولة في القرية، ويقول فيها:
يا نخل بلادي يا ظل المواعيد
يا صوت أمي في صباح العيد
ما غاب عني وجهك البعيد
وأنا على دربك أعيد وأزيد
يا أرض أجدادي ويا حلم الصغار

وكان العلي قد نشر القصيدة عبر حسابه الشخصي، ولقيت تفاعلا واسعا من المتابعين الذين تداولوا أبياتها، وطالب كثيرون بتحويلها إلى عمل غنائي يؤديه أحد الفنانين المعروفين في المنطقة، خاصة أن القصيدة كتبت بلغة قريبة من الناس.

ويعد العلي من أبرز شعراء جيله، وصدر له ثلاثة دواوين شعرية، وشارك في عدد من الأمسيات داخل المملكة وخارجها، كما نال عدة جوائز في مسابقات الشعر النبطي على مستوى الخليج.
"""


def test_a_lead_cut_from_the_rest_by_a_poem_stays_with_the_article():
    body = _body(POEM_PAGE)
    for kept in ("أطلق الشاعر ناصر العلي", "يا نخل بلادي", "يا أرض أجدادي", "وكان العلي قد نشر", "ويعد العلي"):
        assert kept in body, kept


def test_a_teaser_whose_summary_opens_with_a_verb_in_waw_is_still_a_teaser():
    # "واصل" and "وافق" open a lead: their و is the verb's own letter, not "and".
    page = """البنك المركزي يبقي أسعار الفائدة دون تغيير

أبقى البنك المركزي أسعار الفائدة الرئيسية دون تغيير في اجتماعه الشهري، مشيرا إلى تراجع معدلات التضخم خلال الربع الأخير.

وقال محافظ البنك في مؤتمر صحفي إن السياسة النقدية الحالية مناسبة لدعم النمو مع الحفاظ على استقرار الأسعار.

منتخب الشباب يواصل استعداده لبطولة آسيا في معسكر الدمام
واصل منتخب الشباب لكرة القدم تدريباته اليومية في معسكره الإعدادي بالدمام استعدادا لنهائيات كأس آسيا.

وتوقع محللون أن يبدأ البنك خفض الفائدة في النصف الثاني من العام إذا استمر تباطؤ التضخم.
"""
    body = _body(page)
    assert "منتخب الشباب" not in body
    for kept in ("أبقى البنك المركزي", "وقال محافظ البنك", "وتوقع محللون"):
        assert kept in body, kept


OKAZ_STYLE = """الهلال يتغلب على الشباب بثلاثية في الدوري

تغلب فريق الهلال على ضيفه الشباب بثلاثة أهداف مقابل هدف في المباراة التي جمعتهما مساء أمس على ملعب المملكة أرينا ضمن الجولة العاشرة من الدوري.

شاهد: لحظة وصول حافلة الفريق إلى الملعب

سجل أهداف الهلال سالم الدوسري وميتروفيتش ومالكوم، فيما سجل هدف الشباب الوحيد لاعبه كاراسكو.

لقراءة التحليل الفني كاملاً اضغط هنا

وتابع الهلال صدارته للترتيب برصيد 28 نقطة، بفارق أربع نقاط عن أقرب ملاحقيه.

للتواصل أرسل SMS إلى 88548 تبدأ بالرمز 120
"""


def test_okaz_style_pointers_and_contact_lines_leave_scoring_sentences_stay():
    body = _body(OKAZ_STYLE)
    for furniture in ("لحظة وصول حافلة", "اضغط هنا", "88548"):
        assert furniture not in body, furniture
    for kept in ("تغلب فريق الهلال", "سجل أهداف الهلال", "وتابع الهلال صدارته"):
        assert kept in body, kept  # "سجل" and "تابع" are verbs of the story here, not calls to the reader


# A Saudi daily's column: the writer's contact lines close it; what the page puts under them (a teaser of
# a column on a close subject, under a two-word headline) is no longer the column.
COLUMN_CONTACT_STYLE = """الرئيسية
مقالات الكتاب
المدارس الأهلية ورسومها
الأحد 9 أغسطس 2015

رفعت مدارس أهلية كثيرة رسومها الدراسية هذا العام بنسب تجاوزت عشرين في المئة، دون أن يرى أولياء الأمور تحسنا في المباني أو المعلمين أو المناهج.

وتقول المدارس إن رواتب المعلمين السعوديين ارتفعت، لكن أولياء الأمور يسألون عن رقابة وزارة التعليم على هذه الزيادات ومعاييرها.

المطلوب أن تنشر الوزارة جدولا واضحا للرسوم لكل مدرسة، وأن تربط أي زيادة بتحسن يقيسه أولياء الأمور بأنفسهم.

للتواصل مع الكاتب ارسل رسالة SMS
تبدأ بالرمز (131) ثم مسافة ثم نص الرسالة إلى
88591 - Stc

رسوم الجامعات
ترتفع رسوم الجامعات الأهلية في المملكة عاما بعد عام، ويسأل أولياء الأمور عن رقابة وزارة التعليم على هذه الرسوم.

جميع الحقوق محفوظة
"""


def test_a_columns_contact_lines_end_it_and_what_follows_leaves():
    body = _body(COLUMN_CONTACT_STYLE)
    for kept in ("رفعت مدارس أهلية", "وتقول المدارس", "المطلوب أن تنشر"):
        assert kept in body, kept
    for furniture in ("للتواصل مع الكاتب", "تبدأ بالرمز", "رسوم الجامعات", "ترتفع رسوم الجامعات"):
        assert furniture not in body, furniture


def test_the_writers_other_columns_glued_into_one_long_line_leave():
    others = ("مقالات أخرى للكاتبمركز الإغاثة مرة أخرىما بعد الاتفاق النووي.. حديث غير سياسيفي العيد تذكرنا "
              "الراحل الملك عبداللهالمثقف تحاصره الوظيفة.. قضية مثالاً!الكتابة لكم...!!صدى دردشة من سفر الأخلاق "
              "سطور من الواقع وحكايات أخرى عن المدينة والناس والطريق!")
    page = ("التعليم وفصول التحفيظ\n\n"
            "وجه وزير التعليم بافتتاح فصول لتحفيظ القرآن في مدارس التعليم العام، ولا اعتراض على ذلك من حيث المبدأ.\n\n"
            "لكن التطوير لا يكون بفتح فصول جديدة لكل موضوع نتحمس له، بل بمدارس متنوعة يختار منها الطلاب وأولياء الأمور.\n\n"
            "مهمة التعليم العام خلق شخصية متوازنة، ومهمة الوزارة إتاحة الخيارات للأسر...\n\n" + others + "\n")
    assert len(others.split()) > 25
    body = _body(page)
    assert "مقالات أخرى" not in body and "مهمة التعليم العام" in body


def test_an_app_call_under_a_two_paragraph_story_leaves():
    page = ("أمطار غزيرة على مكة المكرمة\n\n"
            "هطلت أمطار غزيرة مساء أمس على مكة المكرمة وعدد من محافظاتها، وجرت السيول في عدد من الأودية، ودعا الدفاع "
            "المدني السكان إلى الابتعاد عن مجاري السيول والبقاء في أماكن آمنة حتى انتهاء الحالة المطرية.\n\n"
            "حمّل تطبيق الصحيفة على هاتفك المحمول لتصلك آخر الأخبار أولاً بأول.\n")
    body = _body(page)
    assert "هطلت أمطار غزيرة" in body and "حمّل تطبيق" not in body


# A reader's letter or a column closing with a heading and the verses it announces (Al Jazirah, Okaz):
# they are the article's; the writer's signature under them is not.
CLOSING_VERSES_STYLE = """الحل في الأمن الفكري لا في حجب المواقع

أشير إلى ما نشر في الصفحة الأخيرة بعنوان حجب مواقع التواصل، وأقول إن الحجب لا يحمي الشباب من الأفكار المتطرفة، لأنهم يصلون إليها بطرق كثيرة لا تغلقها أي رقابة.

والحل أن تعمل المدرسة والأسرة والمسجد معا على تحصين الشباب بالحوار والمعرفة، وأن تفتح لهم أبواب النشاط والعمل التطوعي في أحيائهم.

آخر السطور:
(يا الله تحفظ بلادنا وتنصرنا على الشر وأعوانه)
(من شعر سلمان الهلالي)
- مندل القباع

جميع الحقوق محفوظة
"""


def test_verses_announced_under_the_last_paragraph_stay_and_the_signature_leaves():
    body = _body(CLOSING_VERSES_STYLE)
    for kept in ("والحل أن تعمل", "آخر السطور:", "يا الله تحفظ بلادنا", "من شعر سلمان الهلالي"):
        assert kept in body, kept
    assert "مندل القباع" not in body


# A sports daily's song page: two paragraphs, the song they announce (its chorus repeats), and under it a
# teaser whose summary is longer than the article's prose. The title is the one under the masthead, not
# the chorus or the teaser's headline, and it tells which prose is the article's.
SONG_STYLE = """الرئيسية
أخبار محلية
فنان شاب يهدي جماهير الشباب أغنية الموسم
الأربعاء 22 يوليو 2015

انتهى الفنان الشاب من تسجيل أغنية جديدة لجماهير نادي الشباب بعنوان (ليث الرياض)، من كلمات شاعر النادي وألحان ملحن معروف، على أن تطرح الأغنية قبل انطلاق الموسم الجديد بأسبوع واحد.

وقال الفنان إن إدارة نادي الشباب طلبت منه عملا يليق بتاريخ النادي وجماهيره، فاختار كلمات تحكي بطولات الفريق في الدوري والكأس، وأضاف أن الأغنية ستهدى للجماهير مجانا في يوم الافتتاح.

وتقول كلمات الأغنية التي تنشر للمرة الأولى:
فيديو
ليث الرياض يا ليثنا
شبابنا فوق الجميع
يا ليثنا يا ليثنا
في ملعبك وملعبهم
شبابنا فوق الجميع
يا ليثنا يا ليثنا
والكأس ترجع من جديد
شبابنا فوق الجميع
يا ليثنا يا ليثنا
موعد مع السداد
تدخل إدارة نادي النصر خلال الأسبوعين المقبلين مرحلة مطالبات مالية كبيرة، إذ يتوجب عليها سداد أكثر من عشرة ملايين ريال للاعبين ومدربين سابقين قبل نهاية الشهر، بعد أن رفعوا شكاوى لدى لجنة الاحتراف في الاتحاد السعودي لكرة القدم، وتدرس الإدارة بيع عقود لاعبين أو الاقتراض من أعضاء الشرف لتفادي عقوبات قد تصل إلى حرمانها من تسجيل لاعبين جدد في الفترتين المقبلتين.

جميع الحقوق محفوظة
"""


def test_a_song_and_a_longer_teaser_under_the_article_do_not_take_its_title_and_place():
    doc = clean(RawArticle(SONG_STYLE, "text"))
    assert doc.title == "فنان شاب يهدي جماهير الشباب أغنية الموسم"
    for kept in ("انتهى الفنان الشاب", "وقال الفنان إن إدارة", "ليث الرياض يا ليثنا"):
        assert kept in doc.body, kept
    assert "تدخل إدارة نادي النصر" not in doc.body


# A headline that reads like a sentence (it ends in "..") over the page's date line: it is the headline,
# and the lead under the date is the article's first paragraph, not a teaser under a "headline".
SENTENCE_HEADLINE_STYLE = """الرئيسية
أخبار محلية
الرئيس الأميركي يلتقي أقاربه على مأدبة عشاء في نيروبي ..
الأربعاء 22 يوليو 2015

التقى الرئيس الأميركي العشرات من أقاربه على مأدبة عشاء مساء أمس في أحد فنادق العاصمة الكينية، في أول زيارة له إلى بلد والده منذ توليه الرئاسة قبل ستة أعوام.

يمكنكم الآن استلام إشعارات بأهم الأخبار بعد تحميل أحدث نسخة من تطبيق الصحيفة على أجهزتكم.

وتجاذب الرئيس أطراف الحديث مع أفراد العائلة الذين جلسوا إلى طاولات طويلة بمطعم داخل الفندق، وبينهم جدته لأبيه وعدد من أعمامه.

وقبل ساعات من وصوله أغلقت الشرطة الطرق الرئيسية وأخلت الشوارع من السيارات، واصطف المواطنون على جانبي الطريق لتحيته.

جميع الحقوق محفوظة
"""


def test_a_headline_ending_in_dots_over_the_date_leaves_the_lead_under_it_to_the_article():
    doc = clean(RawArticle(SENTENCE_HEADLINE_STYLE, "text"))
    assert doc.title.startswith("الرئيس الأميركي يلتقي")
    for kept in ("التقى الرئيس الأميركي العشرات", "وتجاذب الرئيس", "وقبل ساعات من وصوله"):
        assert kept in doc.body, kept
    assert "تحميل أحدث نسخة" not in doc.body and "22 يوليو" not in doc.body


def test_a_letter_that_mentions_an_email_address_keeps_its_paragraph_and_the_form_still_goes():
    page = ("أيتام في حفلات الزواج\n\n"
            "وصلتني رسالة من قارئ يقترح أن يدعو كل صاحب حفل زواج عددا من الأيتام إلى حفله، ليشاركوا الناس فرحتهم "
            "ويشعروا بأنهم جزء من المجتمع.\n\n"
            "ويقول القارئ في ختام رسالته إنه لا يريد شهرة ولا شكرا، ويرجو ألا نذكر اسمه الظاهر في عنوان البريد "
            "الإلكتروني لأحد، ويكفيه الدعاء بظهر الغيب، وهي فكرة جميلة تستحق التطبيق والدعاء لصاحبها وتستحق أن تتبناها "
            "الجمعيات الخيرية في كل مدينة\n\n"
            "اترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني.\n")
    body = _body(page)
    assert "ويقول القارئ في ختام رسالته" in body and "وصلتني رسالة" in body
    assert "لن يتم نشر" not in body and "اترك تعليقاً" not in body


# A weekly market report whose first section has its own headline right under the page's title: no
# teaser above a lead, as no paragraph after it takes up the title more than it does.
REPORT_STYLE = """أسواق المال العالمية - (التقرير الأسبوعي)

داوجونز يتعرض لهبوط عنيف بسبب النتائج المالية الفصلية
افتتح مؤشر داوجونز الأسبوع على هبوط حاد إلى مستوى 17500 نقطة، بعد نتائج فصلية مخيبة لشركات التقنية الكبرى، قبل أن يقلص خسائره في جلسة الجمعة ويغلق عند 17689 نقطة.

شهد الأسبوع الماضي ضغطا من الدولار على الخامات، فتراجع خام برنت إلى 54 دولارا للبرميل، وهبط الذهب إلى أدنى مستوى له في خمس سنوات عند 1080 دولارا للأوقية.

جلسات الأسبوع الماضي:
- يوم الأربعاء الماضي حقق التضخم الأسترالي نموا 0.6% للربع الثاني، وهو أعلى من التوقعات.
- يوم الخميس انخفض معدل البطالة الإسباني إلى 22.37% للربع الثاني من العام الجاري.
- يوم الجمعة تراجع مؤشر مديري المشتريات الصناعي الصيني إلى أدنى مستوى له منذ 15 شهرا.
"""


def test_a_reports_first_section_under_its_headline_is_no_teaser_above_its_lead():
    body = _body(REPORT_STYLE)
    for kept in ("افتتح مؤشر داوجونز", "شهد الأسبوع الماضي ضغطا", "يوم الخميس انخفض", "يوم الجمعة تراجع"):
        assert kept in body, kept


# News sentences that use the words of a column's contact lines, a comment form's fields or a box of other
# reports, between a traffic story's paragraphs: they are the story's, and so is everything under them.
TRAFFIC_LEAD = ("أعلنت الإدارة العامة للمرور اليوم إطلاق خدمة تتيح للسائقين الاستعلام عن مخالفاتهم المرورية "
                "دون مراجعة مقرات الإدارة في المدن والمحافظات.")
TRAFFIC_NEXT = ("وأوضح المتحدث باسم الإدارة أن الخدمة تأتي ضمن خطة لتخفيف الزحام على مكاتب المراجعين وتسريع "
                "الإجراءات، مشيرا إلى أنها مجانية للجميع.")
TRAFFIC_LAST = ("وأضاف أن الإدارة تعمل على خدمات أخرى لتجديد رخص القيادة ونقل ملكية السيارات عبر موقعها "
                "الإلكتروني وتطبيقها على الهواتف الذكية خلال العام المقبل.")


def _traffic_page(middle: str) -> str:
    return "\n\n".join(["المرور تطلق خدمة الاستعلام عن المخالفات", TRAFFIC_LEAD, TRAFFIC_NEXT, middle, TRAFFIC_LAST]) + "\n"


def test_sentences_about_sms_codes_and_email_addresses_do_not_end_the_story():
    for middle in ("ويستطيع السائق معرفة مخالفاته عبر إرسال رسالة SMS إلى الرقم 888999 تتضمن رقم هويته.",
                   "وبين أن أرقام الخدمة الجديدة تبدأ بالرمز 05 وتتكون من عشرة أرقام.",
                   "ونصح السائقين بعدم ذكر عنوان البريد الإلكتروني في الرسائل."):
        body = _body(_traffic_page(middle))
        for kept in (middle[:20], "وأضاف أن الإدارة تعمل"):
            assert kept in body, (middle, kept)


def test_a_long_unpunctuated_paragraph_opening_with_other_reports_is_no_box():
    middle = ("تقارير أخرى أشارت إلى أن عدد المخالفات المسجلة في العام الماضي تجاوز ثلاثة ملايين مخالفة معظمها "
              "تجاوز للسرعة المحددة وقطع للإشارات الضوئية في المدن الكبرى والطرق السريعة بين المناطق")
    assert len(middle.split()) > 25
    body = _body(_traffic_page(middle))
    assert "تقارير أخرى أشارت" in body and "وأضاف أن الإدارة تعمل" in body


def test_a_heading_under_the_article_does_not_bring_other_stories_headlines_into_it():
    local = ["أمير الرياض يفتتح مهرجان التمور", "أمطار غزيرة على جازان والدفاع المدني يحذر",
             "ارتفاع أسعار الذهب في السوق المحلية"]
    # Headlines on the story's own subject, under a heading that names a section of the site.
    traffic = ["المرور تضبط 500 مخالفة سرعة في جدة", "إدارة المرور تغلق طريق الملك فهد للصيانة",
               "حملة مرورية على السائقين المخالفين في الدمام"]
    for heading, headlines in (("من أخبار المحليات:", local), ("وفي الشأن المحلي:", local),
                               ("من أخبار المرور:", traffic)):
        page = _traffic_page("وكانت الإدارة قد أطلقت العام الماضي حملة توعوية للحد من الحوادث في الطرق السريعة.") \
            + "\n" + "\n".join([heading] + headlines) + "\n\nجميع الحقوق محفوظة\n"
        body = _body(page)
        assert "وأضاف أن الإدارة تعمل" in body and "وكانت الإدارة قد أطلقت" in body, heading
        for furniture in [heading] + headlines:
            assert furniture not in body, (heading, furniture)


def test_the_last_item_of_an_announced_list_is_no_signature():
    for items in (["1- تطوير المناهج", "2- تدريب المعلمين", "3- تحسين البيئة المدرسية"],
                  ["- تطوير المناهج", "- تدريب المعلمين", "- تحسين البيئة المدرسية"]):
        page = ("التعليم تعلن خطة تطوير المناهج\n\n"
                "أعلنت وزارة التعليم اليوم خطتها الجديدة لتطوير المناهج في المرحلتين المتوسطة والثانوية خلال العام "
                "الدراسي المقبل، ضمن برامج التحول التي تعمل عليها منذ عامين.\n\n"
                "وأوضح المتحدث باسم الوزارة أن الخطة أعدت بالتعاون مع عدد من الجامعات، وأنها ستطبق تدريجيا على "
                "جميع المدارس في مناطق المملكة.\n\n"
                "وتشمل محاور الخطة:\n" + "\n".join(items) + "\n")
        body = _body(page)
        for kept in ["وتشمل محاور الخطة:"] + items:
            assert kept in body, kept


def test_a_lead_ending_in_a_full_stop_over_the_date_line_stays_and_the_date_leaves():
    page = ("التعليم تعلن خطة تطوير المناهج\n\n"
            "قال وزير التعليم إن خطة تطوير المناهج ستطبق في جميع المدارس.\n"
            "الأحد 12 مارس 2016\n\n"
            "وأوضح الوزير أن الخطة أعدت بالتعاون مع عدد من الجامعات وبيوت الخبرة المحلية والدولية، وأنها ستطبق "
            "تدريجيا على جميع المدارس في مناطق المملكة.\n\n"
            "وأضاف أن الوزارة ستدرب المعلمين على المناهج الجديدة خلال الإجازة الصيفية في مراكز التدريب التابعة لها "
            "في المناطق والمحافظات.\n")
    body = _body(page)
    for kept in ("قال وزير التعليم إن خطة", "وأوضح الوزير", "وأضاف أن الوزارة"):
        assert kept in body, kept
    assert "12 مارس" not in body


def test_a_columns_closing_verse_without_brackets_stays_and_a_contact_call_line_leaves():
    page = ("حين يغيب التقدير\n\n"
            "يعمل كثير من المبدعين في صمت سنوات طويلة دون أن يلتفت إليهم أحد، ثم يتذكرهم الناس بعد رحيلهم في "
            "مقالات الرثاء وحفلات التأبين التي لا تنفعهم بشيء.\n\n"
            "والأجدر أن تكرمهم المؤسسات الثقافية وهم بيننا، وأن تنشر أعمالهم وتقدمها للأجيال الجديدة في المدارس "
            "والجامعات.\n\n"
            "السطر الأخير :\n"
            "أنا الذي نظر الأعمى إلى أدبي\n"
            "وأسمعت كلماتي من به صمم.\n\n"
            "للتواصل أرسل رسالة نصية SMS إلى 88548 تبدأ بالرمز 217 مسافة ثم الرسالة\n")
    body = _body(page)
    for kept in ("والأجدر أن تكرمهم", "السطر الأخير", "نظر الأعمى إلى أدبي", "من به صمم"):
        assert kept in body, kept
    assert "للتواصل أرسل" not in body


def test_a_columns_teaser_whose_summary_opens_going_on_leaves_and_a_verse_with_its_gloss_stays():
    # Another column's first sentence often opens with "ونحن" or "كما": under its headline it is still a
    # teaser when it shares almost nothing with the article, while the article's own paragraph that goes on
    # under a headline-shaped line (a verse, a sub-heading) shares its words and stays.
    page = ("المكتبات العامة في أحيائنا\n\n"
            "تحتاج أحياء المدن الكبيرة إلى مكتبات عامة قريبة من البيوت، يقصدها الطلاب والقراء في المساء وأيام "
            "الإجازات بدل المقاهي والأسواق.\n\n"
            "وقد افتتحت الأمانة العام الماضي مكتبتين في حيين جديدين، فامتلأت قاعاتهما بالقراء منذ الأسبوع الأول، "
            "وطالب سكان الأحياء الأخرى بمثلها.\n\n"
            "أسعار الأضاحي نار!\n"
            "ونحن على أبواب العيد يشكو المواطنون من ارتفاع أسعار المواشي في الأسواق الشعبية إلى ضعف ما كانت عليه "
            "قبل عامين.\n\n"
            "خير جليس في الزمان كتاب\n"
            "وكما قال الشاعر، فإن المكتبة العامة تمنح القراء في الأحياء كتابا وجليسا ومكانا هادئا للقراءة والدراسة.\n\n"
            "ولعل الأمانة تجعل في كل حي جديد مكتبة عامة صغيرة، فالقراء فيها كثيرون والكتب قليلة الكلفة.\n")
    body = _body(page)
    assert "أسعار الأضاحي" not in body
    assert "ونحن على أبواب العيد" not in body
    for kept in ("تحتاج أحياء المدن", "وقد افتتحت الأمانة", "خير جليس في الزمان", "وكما قال الشاعر", "ولعل الأمانة"):
        assert kept in body, kept


def test_a_wire_teaser_cut_after_its_dateline_leaves_and_the_storys_own_dateline_stays():
    # The Saudi Press Agency heads every story "قسم / عنوان" over a dateline: a teaser box that shows only
    # another story's headline and dateline sits between the paragraphs; the story's own dateline stays.
    page = ("عام / أمانة الطائف تزرع خمسة آلاف شجرة في الأحياء الجديدة\n\n"
            "الطائف 3 رجب 1446 هـ الموافق 3 يناير 2025 م واس\n"
            "بدأت أمانة محافظة الطائف زراعة خمسة آلاف شجرة في الأحياء الجديدة شرق المحافظة، ضمن برنامج لزيادة "
            "الغطاء النباتي وتحسين المشهد الحضري.\n\n"
            "رياضي / منتخب الناشئين يختتم معسكره في أبها\n"
            "أبها 3 رجب 1446 هـ الموافق 3 يناير 2025 م واس\n\n"
            "وأوضح أمين المحافظة أن الأشجار اختيرت من الأنواع المحلية التي تتحمل الجفاف وتحتاج إلى قليل من "
            "الماء، وأن الزراعة تستمر حتى نهاية الشهر المقبل.\n\n"
            "// انتهى //\n")
    body = _body(page)
    assert body.startswith("الطائف 3 رجب 1446")
    for furniture in ("منتخب الناشئين", "أبها 3 رجب"):
        assert furniture not in body, furniture
    for kept in ("بدأت أمانة محافظة الطائف", "وأوضح أمين المحافظة"):
        assert kept in body, kept
