"""Stories and near-duplicates on Arabic news written for these tests.

The corpus mixes: one meeting reported by two outlets in different words;
the same two ministers signing an agreement six weeks later; one of them
meeting a third minister two days after the first meeting; a wire story
reused by two outlets; a page scraped twice; and unrelated background news
(which also gives the index realistic rarity statistics).
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from rasd.doc import Doc, Entity, Event, Mention, Source
from rasd.group import StoryIndex, features, similarity
from rasd.group.similarity import weigh_together

# surface form -> (entity id, type), as linking would resolve them
LEXICON = {
    "فيصل بن فرحان": ("kb:faisal-bin-farhan", "PER"),
    "بدر عبد العاطي": ("kb:badr-abdelatty", "PER"),
    "عبد العاطي": ("kb:badr-abdelatty", "PER"),
    "أيمن الصفدي": ("kb:ayman-safadi", "PER"),
    "الصفدي": ("kb:ayman-safadi", "PER"),
    "القاهرة": ("kb:cairo", "GPE"),
    "الرياض": ("kb:riyadh", "GPE"),
    "عمّان": ("kb:amman", "GPE"),
    "قطاع غزة": ("kb:gaza-strip", "LOC"),
    "غزة": ("kb:gaza-strip", "LOC"),
    "مصر": ("kb:egypt", "GPE"),
    "السعودية": ("kb:saudi-arabia", "GPE"),
    "المملكة": ("kb:saudi-arabia", "GPE"),
    "الأردن": ("kb:jordan", "GPE"),
    "سوريا": ("kb:syria", "GPE"),
    "دمشق": ("kb:damascus", "GPE"),
    "تركيا": ("kb:turkey", "GPE"),
    "روسيا": ("kb:russia", "GPE"),
    "أوكرانيا": ("kb:ukraine", "GPE"),
    "أوبك": ("kb:opec", "ORG"),
    "الهلال": ("kb:al-hilal", "ORG"),
    "النصر": ("kb:al-nassr", "ORG"),
    "أمانة منطقة الرياض": ("kb:riyadh-municipality", "ORG"),
}


def make_doc(doc_id, outlet, published, title, body, events=(), linked=True) -> Doc:
    """A Doc as the per-article stages would leave it (entities optional)."""
    doc = Doc(id=doc_id, body=body, title=title, published=published, source=Source(outlet=outlet))
    if not linked:
        return doc
    taken: list[tuple[int, int]] = []
    for form in sorted(LEXICON, key=len, reverse=True):
        for m in re.finditer(re.escape(form), body):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            eid, etype = LEXICON[form]
            doc.mentions.append(Mention(text=form, start=m.start(), end=m.end(), type=etype, entity=eid))
            doc.add_entity(Entity(id=eid, name=eid[3:], name_ar=form, type=etype))
    for etype, actor, target, location, date in events:
        doc.events.append(Event(type=etype, actor=actor, target=target, location=location, date=date))
    return doc


FAISAL, ABDELATTY, SAFADI = "kb:faisal-bin-farhan", "kb:badr-abdelatty", "kb:ayman-safadi"

ARTICLES = [
    # background
    ("bg-quake", "الجزيرة", "2025-03-08", "زلزال بقوة 5.8 درجات يضرب شرق تركيا",
     "ضرب زلزال بقوة 5.8 درجات على مقياس ريختر ولاية ملاطية شرق تركيا فجر اليوم السبت، ما أثار الذعر بين السكان. "
     "وقالت إدارة الكوارث والطوارئ التركية إنه لم ترد تقارير فورية عن خسائر في الأرواح، وإن فرق الإنقاذ انتشرت في القرى القريبة من مركز الزلزال.", ()),
    ("bg-oil", "الاقتصادية", "2025-03-09", "أسعار النفط ترتفع مع توقعات تمديد تخفيضات أوبك",
     "ارتفعت أسعار النفط في التعاملات المبكرة اليوم الأحد، إذ صعد خام برنت إلى 74 دولاراً للبرميل، وسط توقعات بأن يمدد تحالف أوبك+ "
     "تخفيضات الإنتاج الطوعية حتى نهاية العام. وقال محللون إن ضعف الطلب في الصين لا يزال يضغط على الأسعار.", ()),
    ("bg-football", "الرياضية", "2025-03-10", "الهلال يتغلب على النصر بثلاثية في ديربي الرياض",
     "حقق الهلال فوزاً كبيراً على ضيفه النصر بثلاثة أهداف مقابل هدف في قمة الجولة الخامسة والعشرين من دوري روشن السعودي. "
     "وسجل أهداف الهلال ميتروفيتش هدفين وسالم الدوسري، بينما أحرز رونالدو هدف النصر الوحيد من ركلة جزاء.", ()),
    ("bg-ukraine", "الشرق", "2025-03-10", "روسيا وأوكرانيا تتبادلان الاتهامات بقصف منشآت الطاقة",
     "تبادلت روسيا وأوكرانيا الاتهامات بشن هجمات بطائرات مسيرة على منشآت للطاقة خلال الليل، رغم الحديث عن هدنة جزئية. "
     "وقالت وزارة الدفاع الروسية إن دفاعاتها الجوية أسقطت 40 طائرة مسيرة فوق مناطق حدودية.", ()),
    ("bg-budget", "عكاظ", "2025-03-11", "وزارة المالية: عجز الميزانية السعودية يتراجع في الربع الأول",
     "أظهرت بيانات وزارة المالية أن عجز الميزانية السعودية تراجع خلال الربع الأول من العام بفضل نمو الإيرادات غير النفطية، "
     "فيما ارتفع الإنفاق الرأسمالي على مشروعات البنية التحتية في المملكة.", ()),
    # one meeting, two outlets, different wording
    ("meet-a", "الشرق", "2025-03-10", "وزير الخارجية السعودي يبحث مع نظيره المصري في القاهرة تطورات غزة",
     "بحث وزير الخارجية السعودي الأمير فيصل بن فرحان مع نظيره المصري بدر عبد العاطي في القاهرة اليوم الاثنين تطورات الأوضاع في قطاع غزة "
     "والجهود المبذولة لتثبيت وقف إطلاق النار. وأكد الوزيران خلال اللقاء الذي عقد في مقر وزارة الخارجية المصرية أهمية تنسيق المواقف العربية "
     "قبل القمة الطارئة. وقال عبد العاطي في مؤتمر صحفي مشترك إن مصر والسعودية تتفقان على رفض أي محاولات لتهجير الفلسطينيين من أرضهم. "
     "من جهته، أشاد فيصل بن فرحان بالدور المصري في الوساطة، مشيراً إلى أن المملكة ستواصل دعم الجهود الإنسانية في القطاع.",
     [("CONSULT", FAISAL, ABDELATTY, "kb:cairo", "2025-03-10")]),
    ("meet-b", "النهار", "2025-03-11", "فيصل بن فرحان وعبد العاطي: رفض قاطع لتهجير الفلسطينيين من غزة",
     "استقبل وزير الخارجية المصري بدر عبد العاطي أمس في القاهرة وزير الخارجية السعودي الأمير فيصل بن فرحان، حيث تناولت المحادثات "
     "مستجدات الحرب في غزة وسبل تثبيت الهدنة. وشدد الجانبان على رفضهما القاطع لتهجير سكان القطاع، وعلى ضرورة إدخال المساعدات الإنسانية "
     "دون عوائق. وأوضح بيان للخارجية المصرية أن الوزيرين اتفقا على مواصلة التشاور استعداداً للقمة العربية الطارئة.",
     [("CONSULT", ABDELATTY, FAISAL, "kb:cairo", "2025-03-10")]),
    # one of the same ministers, another meeting two days later
    ("amman", "الغد", "2025-03-12", "الصفدي وفيصل بن فرحان يبحثان في عمّان التنسيق بشأن سوريا",
     "بحث وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية السعودي الأمير فيصل بن فرحان في عمّان اليوم الأربعاء الأوضاع في سوريا "
     "وسبل دعم استقرارها ووحدة أراضيها. وأكد الصفدي أن الأردن والسعودية يعملان معاً لمساعدة الشعب السوري على إعادة البناء، "
     "فيما دعا فيصل بن فرحان إلى رفع العقوبات المفروضة على دمشق.",
     [("CONSULT", SAFADI, FAISAL, "kb:amman", "2025-03-12")]),
    # the same two ministers, a different event six weeks later
    ("riyadh-deal", "الشرق", "2025-04-22", "السعودية ومصر توقعان اتفاقية لتشجيع الاستثمار في الرياض",
     "وقع وزير الخارجية السعودي الأمير فيصل بن فرحان ونظيره المصري بدر عبد العاطي في الرياض اليوم الثلاثاء اتفاقية لتشجيع الاستثمارات "
     "المتبادلة وحمايتها، على هامش اجتماع مجلس التنسيق الأعلى السعودي المصري. وقال فيصل بن فرحان إن الاتفاقية تفتح آفاقاً جديدة أمام "
     "رجال الأعمال في البلدين. وأضاف عبد العاطي أن حجم التبادل التجاري بين مصر والسعودية مرشح للنمو خلال الأعوام المقبلة.",
     [("AGREE", FAISAL, ABDELATTY, "kb:riyadh", "2025-04-22")]),
]

WIRE = (
    "أطلقت أمانة منطقة الرياض اليوم مبادرة لزراعة مليون شجرة في أحياء العاصمة خلال عامين، ضمن برنامج الرياض الخضراء. "
    "وأوضحت الأمانة أن المرحلة الأولى تشمل زراعة 150 ألف شجرة محلية في الحدائق العامة والطرق الرئيسية، "
    "مع استخدام المياه المعالجة في الري للحد من استهلاك المياه الجوفية. ودعت الأمانة السكان إلى المشاركة في حملات التشجير التطوعية "
    "التي تنظمها في عطلات نهاية الأسبوع، مؤكدة أن المبادرة ستسهم في خفض درجات الحرارة وتحسين جودة الهواء في المدينة."
)
WIRE_COPIES = [
    ("wire-1", "سبق", "2025-03-11", "أمانة الرياض تطلق مبادرة لزراعة مليون شجرة", "الرياض - واس\n" + WIRE, ()),
    ("wire-2", "المدينة", "2025-03-11", "مليون شجرة في أحياء الرياض خلال عامين", WIRE + "\nشارك هذا الخبر", ()),
]


def corpus(linked=True):
    return [make_doc(*a[:5], events=a[5], linked=linked) for a in ARTICLES + WIRE_COPIES]


def grouping(index: StoryIndex) -> dict[str, str]:
    return {a: s.id for s in index.stories() for a in s.articles}


def test_same_meeting_from_two_outlets_is_one_story():
    """Worded differently, a day apart: the same ministers in the same meeting make them one.

    (On wording alone, this little shared text is not enough: the fitted model
    wants the names too, so the text-only corpus is not asked to group them.)
    """
    index = StoryIndex()
    index.add_many(corpus())
    g = grouping(index)
    assert g["meet-a"] == g["meet-b"] == "story:meet-a"


@pytest.mark.parametrize("linked", [True, False], ids=["entities", "text-only"])
def test_same_actors_other_event_or_weeks_later_are_other_stories(linked):
    index = StoryIndex()
    index.add_many(corpus(linked))
    g = grouping(index)
    assert g["riyadh-deal"] != g["meet-a"]  # same two ministers, six weeks later
    assert g["amman"] != g["meet-a"]  # one shared minister, another meeting
    background = ["bg-quake", "bg-oil", "bg-football", "bg-ukraine", "bg-budget"]
    assert len({g[b] for b in background}) == len(background)


def test_same_actors_undated_but_events_on_different_days_stay_apart():
    """Without publication dates, resolved event dates still separate two meetings."""
    first = make_doc(*ARTICLES[5][:5], events=ARTICLES[5][5])
    first.published = None
    later = make_doc(
        "meet-june", "النهار", None, "وزير الخارجية السعودي يبحث مع نظيره المصري في القاهرة ملف غزة",
        "بحث وزير الخارجية السعودي الأمير فيصل بن فرحان مع نظيره المصري بدر عبد العاطي في القاهرة الاثنين الثاني من يونيو "
        "تطورات الأوضاع في قطاع غزة وجهود إعادة الإعمار. وأكد الوزيران أهمية تنسيق المواقف العربية، وقال عبد العاطي إن "
        "مصر والسعودية ترفضان أي محاولات لتهجير الفلسطينيين.",
        events=[("CONSULT", FAISAL, ABDELATTY, "kb:cairo", "2025-06-02")],
    )
    index = StoryIndex()
    index.add_many([make_doc(*x[:5], events=x[5]) for x in ARTICLES[:5]])
    assert index.add(first).new_story
    assert index.add(later).new_story


def test_wire_copy_and_double_scrape_are_near_duplicates_in_one_story():
    index = StoryIndex()
    index.add_many(corpus())
    again = make_doc("wire-1-again", "سبق", "2025-03-11", "أمانة الرياض تطلق مبادرة لزراعة مليون شجرة",
                     "الرياض - واس\n" + WIRE + "\nاقرأ أيضاً")
    result = index.add(again)
    assert set(result.duplicates) == {"wire-1", "wire-2"}
    assert result.story_id == index.story_of("wire-1") == index.story_of("wire-2")
    assert again.duplicates == result.duplicates and again.story == result.story_id
    assert "wire-1-again" in index.duplicates_of("wire-2")  # the relation is symmetric
    assert index.duplicates_of("meet-a") == []  # same story in other words is not a duplicate
    assert index.duplicates_of("meet-b") == []


def test_story_record_names_what_a_reader_needs():
    index = StoryIndex()
    index.add_many(corpus())
    rec = next(s for s in index.stories() if "meet-a" in s.articles)
    assert rec.id == "story:meet-a"
    assert rec.label == ARTICLES[5][3]
    assert sorted(rec.articles) == ["meet-a", "meet-b"]
    assert sorted(rec.outlets) == ["الشرق", "النهار"]
    assert (rec.first_seen, rec.last_seen) == ("2025-03-10", "2025-03-11")
    # the ministers characterise the story, not the countries every article names
    assert set(rec.entities[:2]) == {FAISAL, ABDELATTY}
    assert rec.events[0][0] == "CONSULT"


def test_readding_an_article_keeps_one_membership():
    index = StoryIndex()
    docs = corpus()
    index.add_many(docs)
    before = index.stories()
    again = index.add(make_doc(*ARTICLES[6][:5], events=ARTICLES[6][5]))
    assert again.story_id == "story:meet-a" and not again.new_story
    assert index.stories() == before
    assert len(index) == len(docs)


def test_incremental_with_saved_state_matches_one_pass():
    docs = corpus()
    one_pass = StoryIndex()
    one_pass.add_many(corpus())
    index = StoryIndex()
    for i, doc in enumerate(docs):
        if i % 3 == 0:  # persist and reload between runs, as the CLI does through the store
            index = StoryIndex.from_state(index.to_state())
        index.add(doc)
    assert grouping(index) == grouping(one_pass)
    assert [s.articles for s in index.stories()] == [s.articles for s in one_pass.stories()]
    assert index.duplicates_of("wire-1") == one_pass.duplicates_of("wire-1")


def test_state_of_another_version_is_refused():
    import pickle
    import zlib

    bad = zlib.compress(pickle.dumps({"version": -1}))
    with pytest.raises(ValueError, match="version"):
        StoryIndex.from_state(bad)


def test_rare_shared_entities_outweigh_common_ones():
    docs = corpus()
    feats = {d.id: features(d) for d in docs}
    weigh_together(feats.values())
    same = similarity(feats["meet-a"], feats["meet-b"])
    other = similarity(feats["meet-a"], feats["amman"])
    assert same.entity > 2 * other.entity
    assert same.event == 1.0 and other.event == 0.0
    assert same.same_story and not other.same_story


def test_each_article_is_scored_against_a_bounded_number_of_candidates(monkeypatch):
    """Blocking, not all pairs: scoring work per article does not grow with the corpus."""
    import random

    import rasd.group.stories as stories_mod
    from rasd.group.stories import MAX_CANDIDATES

    rng = random.Random(3)
    words = ("الحكومة الوزير المدينة المشروع الاقتصاد المجلس الرئيس الشركة المنطقة البرلمان الجامعة المستشفى "
             "الطريق الميناء المطار السوق المحكمة الشرطة الجيش المدرسة").split()
    calls = {"n": 0}  # pairs scored
    real_one, real_many = stories_mod.similarity, stories_mod.similarities

    def one(*args, **kwargs):
        calls["n"] += 1
        return real_one(*args, **kwargs)

    def many(a, cands, *args, **kwargs):
        calls["n"] += len(cands)
        return real_many(a, cands, *args, **kwargs)

    monkeypatch.setattr(stories_mod, "similarity", one)
    monkeypatch.setattr(stories_mod, "similarities", many)
    index = StoryIndex()
    n = 400
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(40)) + f" رقم{i}"
        index.add(Doc(id=f"d{i}", body=body, title=" ".join(rng.sample(words, 5)), published="2025-01-01"))
    assert calls["n"] <= n * (MAX_CANDIDATES + 2)
    assert calls["n"] < n * (n - 1) / 2 / 2


def test_same_speaker_two_different_statements_are_two_stories():
    """Sharing every name is not enough: one minister, two subjects, the same day."""
    sudan = make_doc(
        "abdelatty-sudan", "الأهرام", "2025-03-13", "عبد العاطي: مصر تدعم وحدة السودان وترفض أي حكومة موازية",
        "أكد وزير الخارجية المصري بدر عبد العاطي اليوم الخميس دعم مصر الكامل لوحدة السودان وسلامة أراضيه، ورفضها "
        "أي خطوات لتشكيل حكومة موازية. وقال عبد العاطي خلال استقباله المبعوث الأممي إلى السودان في القاهرة إن الحل "
        "يجب أن يكون سودانياً خالصاً، داعياً إلى وقف فوري لإطلاق النار وفتح الممرات الإنسانية.")
    nile = make_doc(
        "abdelatty-nile", "المصري اليوم", "2025-03-13", "عبد العاطي يحذر من الإجراءات الأحادية على النيل",
        "حذر بدر عبد العاطي وزير الخارجية من استمرار الإجراءات الأحادية في إدارة مياه النيل، مشدداً في كلمة أمام "
        "مجلس النواب في القاهرة على أن الأمن المائي لمصر خط أحمر. وأضاف أن مصر ستتخذ كل ما يلزم لحماية حقوقها "
        "التاريخية في مياه النهر، وفق القانون الدولي.")
    index = StoryIndex()
    index.add_many(corpus())
    assert index.add(sudan).new_story
    assert index.add(nile).new_story


FIRE = [
    # two reports of one fire, one on the blaze, one on the rescue: too few words in common
    ("fire-blaze", "سبق", "2025-03-14", "حريق ضخم يلتهم مصنعاً للبلاستيك في المنطقة الصناعية بجدة",
     "اندلع حريق ضخم فجر اليوم الجمعة في مصنع للبلاستيك بالمنطقة الصناعية الثانية جنوب جدة، وتصاعدت أعمدة الدخان "
     "الأسود في سماء الأحياء المجاورة. وأفاد شهود عيان بأن ألسنة اللهب امتدت إلى مستودعين ملاصقين للمصنع."),
    ("fire-rescue", "عكاظ", "2025-03-14", "الدفاع المدني: إصابة ثلاثة عمال باختناق ونقلهم إلى المستشفى",
     "أعلن المتحدث باسم الدفاع المدني أن الفرق تمكنت من السيطرة على الموقع بعد أربع ساعات من العمل المتواصل، "
     "مشيراً إلى إصابة ثلاثة عمال بحالات اختناق نقلوا إلى مستشفى الملك فهد، وأن لجنة تحقق في أسباب الحادث."),
    # a third outlet reports both halves: the two are one story
    ("fire-both", "المدينة", "2025-03-14", "حريق مصنع البلاستيك بجدة: إصابة ثلاثة عمال باختناق",
     "اندلع حريق ضخم فجر اليوم الجمعة في مصنع للبلاستيك بالمنطقة الصناعية الثانية جنوب جدة، وامتدت ألسنة اللهب "
     "إلى مستودعين ملاصقين للمصنع. وأعلن المتحدث باسم الدفاع المدني أن الفرق تمكنت من السيطرة على الموقع بعد أربع "
     "ساعات، مشيراً إلى إصابة ثلاثة عمال بحالات اختناق نقلوا إلى مستشفى الملك فهد."),
]


def test_a_later_article_that_bridges_two_stories_merges_them():
    index = StoryIndex()
    index.add_many(corpus())
    blaze, rescue, both = (make_doc(*a) for a in FIRE)
    assert index.add(blaze).new_story
    assert index.add(rescue).new_story  # on its own, not recognisably the same event
    result = index.add(both)
    assert result.story_id == "story:fire-blaze"  # the oldest story keeps its id
    assert result.merged == ["story:fire-rescue"]
    assert index.story_of("fire-rescue") == index.story_of("fire-blaze") == "story:fire-blaze"
    assert index.resolve("story:fire-rescue") == "story:fire-blaze"
    rec = next(s for s in index.stories() if s.id == "story:fire-blaze")
    assert sorted(rec.articles) == ["fire-blaze", "fire-both", "fire-rescue"]
    assert sorted(rec.outlets) == ["المدينة", "سبق", "عكاظ"]
    assert all(s.id != "story:fire-rescue" for s in index.stories())
    # the merge survives a save and reload, and a re-added article stays where it is
    again = StoryIndex.from_state(index.to_state())
    assert again.resolve("story:fire-rescue") == "story:fire-blaze"
    assert again.add(make_doc(*FIRE[1])).story_id == "story:fire-blaze"


MARKET = [
    ("bourse-sun-a", "الاقتصادية", "2025-05-11", "البورصة المصرية تربح 1.8 في المئة وتغلق عند 32140 نقطة",
     "أنهت البورصة المصرية تعاملات اليوم الأحد على ارتفاع، وصعد مؤشرها الرئيسي إيجي إكس 30 بنسبة 1.8 في المئة "
     "ليغلق عند 32140 نقطة، بتعاملات بلغت 3.9 مليار جنيه، بدعم من مشتريات المستثمرين الأجانب في أسهم البنوك."),
    ("bourse-sun-b", "الشروق", "2025-05-11", "مشتريات الأجانب تقود إيجي إكس 30 إلى 32140 نقطة",
     "قادت مشتريات المستثمرين الأجانب مؤشر البورصة الرئيسي إيجي إكس 30 إلى الصعود 1.8 في المئة عند 32140 نقطة "
     "في ختام جلسة الأحد، فيما بلغت قيمة التداولات 3.9 مليار جنيه."),
    ("bourse-mon", "الاقتصادية", "2025-05-12", "البورصة المصرية تتراجع 0.6 في المئة عند 31950 نقطة",
     "تراجع المؤشر الرئيسي للبورصة المصرية إيجي إكس 30 في ختام تعاملات اليوم الاثنين بنسبة 0.6 في المئة ليغلق عند "
     "31950 نقطة، بتعاملات قيمتها 3.1 مليار جنيه، مع عمليات بيع لجني الأرباح من المستثمرين العرب."),
]


def test_the_market_report_of_the_next_day_is_another_story():
    """A recurring kind of news: the same index, the same wording, another session."""
    index = StoryIndex()
    index.add_many(corpus())
    sun_a, sun_b, mon = (make_doc(*m) for m in MARKET)
    first = index.add(sun_a)
    assert index.add(sun_b).story_id == first.story_id
    assert index.add(mon).new_story


def test_candidates_set_aside_unmeasured_are_never_one_story():
    """Scoring many candidates at once skips those whose best possible score is under the
    threshold; measured whole, none of them would have been one story, and the others
    score as they do one by one."""
    import numpy as np

    from rasd.group.features import N_FEATURES
    from rasd.group.similarity import similarities

    feats = [features(d) for d in corpus() + corpus(linked=False)]
    weigh_together(feats)
    skipped = 0
    for a in feats:
        dense = np.zeros(N_FEATURES, dtype=np.float32)
        dense[a.ngram_idx] = a.rarity.text
        others = [b for b in feats if b is not a]
        for b, fast in zip(others, similarities(a, others, dense_a=dense)):
            whole = similarity(a, b)
            if fast is None:
                skipped += 1
                assert not whole.same_story, (a.id, b.id)
            else:
                assert fast.same_story == whole.same_story and abs(fast.score - whole.score) < 1e-6
    assert skipped > len(feats)  # most pairs of unrelated news are set aside


def test_a_daily_report_does_not_chain_into_a_weeks_long_story_on_a_busy_feed(monkeypatch):
    """On a feed busy enough that a story's first article leaves the window within days,
    the same weather bulletin day after day still makes stories of a few days, not one."""
    import rasd.group.stories as stories_mod
    from rasd.group.similarity import WINDOW_DAYS

    monkeypatch.setattr(stories_mod, "MAX_LIVE", 2)
    monkeypatch.setattr(stories_mod, "EVICT_EVERY", 1)
    index = StoryIndex()
    days = [f"2025-01-{d:02d}" for d in range(1, 13)]
    for i, day in enumerate(days):
        body = (f"توقعت الهيئة العامة للأرصاد وحماية البيئة في نشرتها ليوم {day} هطول أمطار رعدية متوسطة إلى غزيرة "
                "على مرتفعات عسير والباحة وجازان ونجران، مصحوبة برياح نشطة مثيرة للأتربة والغبار تحد من مدى الرؤية "
                "الأفقية على أجزاء من منطقة مكة المكرمة، فيما يكون الطقس حاراً على المنطقة الشرقية والرياض والقصيم.")
        index.add(Doc(id=f"wx{i}", body=body, title="الأرصاد: أمطار رعدية على عسير والباحة وجازان", published=day))
    spans = [(s.first_seen, s.last_seen) for s in index.stories()]
    assert len(spans) > 1
    for first, last in spans:
        assert date.fromisoformat(last).toordinal() - date.fromisoformat(first).toordinal() <= WINDOW_DAYS


BULLETIN = (
    "توقعت الهيئة العامة للأرصاد في نشرتها اليومية أن يكون الطقس اليوم {day} {date} مشمساً على منطقتي "
    "مكة المكرمة والمدينة المنورة، مع رياح شمالية غربية معتدلة السرعة، على أن تبلغ درجة الحرارة العظمى في جدة "
    "{high} درجة مئوية والصغرى {low} درجة، وتصل نسبة الرطوبة إلى {humid} في المئة."
)
WEATHER = [
    ("wx-wed", "البلاد", "2025-06-04", "الأرصاد: طقس الأربعاء مشمس على مكة والمدينة",
     BULLETIN.format(day="الأربعاء", date="4 يونيو", high=38, low=29, humid=70)),
    ("wx-thu", "البلاد", "2025-06-05", "الأرصاد: طقس الخميس مشمس على مكة والمدينة",
     BULLETIN.format(day="الخميس", date="5 يونيو", high=41, low=31, humid=55)),
    ("wx-thu-print", "الندوة", "2025-06-06", "حرارة جدة تبلغ 41 درجة",
     "بلغت درجة الحرارة العظمى في جدة أمس الخميس 41 درجة مئوية والصغرى 31 درجة، بحسب نشرة الهيئة العامة "
     "للأرصاد التي توقعت طقساً مشمساً على منطقتي مكة المكرمة والمدينة المنورة ورطوبة تصل إلى 55 في المئة."),
]


def test_one_bulletin_template_on_the_next_day_is_another_story_and_print_lag_joins_it():
    """A daily bulletin keeps its wording and changes its figures and weekday: the next day's
    is another story. A print outlet's report of Thursday's figures a day later joins Thursday's."""
    index = StoryIndex()
    index.add_many(corpus())
    wed, thu, thu_print = (make_doc(*w) for w in WEATHER)
    first = index.add(wed)
    second = index.add(thu)
    assert second.new_story and second.story_id != first.story_id
    assert index.add(thu_print).story_id == second.story_id


def test_the_weekday_an_article_names_is_kept_and_a_day_of_print_lag_costs_nothing():
    from rasd.group.features import weekdays
    from rasd.group.similarity import lag
    from rasd.text.normalise import normalise

    assert weekdays(normalise("بلغت الحرارة أمس الخميس 41 درجة، وتنخفض يوم السبت")) == {"الخميس", "السبت"}
    assert weekdays(normalise("وجرى اتفاق بين الاثنين على تقاسم السلطة")) == frozenset()
    assert lag(0) == lag(1) == 0.0 < lag(2) < lag(3) == 1.0


AUDIENCE = ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في مكتبه بقصر السلام بجدة اليوم {who} والوفد "
            "المرافق له. وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين وسبل دعمها وتعزيزها في مختلف "
            "المجالات، إضافة إلى بحث مستجدات الأحداث الإقليمية والدولية.")
COURT = [
    ("kadyrov-court", "الرياض", "2025-07-21", "خادم الحرمين يستقبل رئيس جمهورية الشيشان",
     AUDIENCE.format(who="رئيس جمهورية الشيشان رمضان قاديروف")),
    ("kadyrov-gift", "عكاظ", "2025-07-21", "قاديروف يهدي الملك سلمان مصحفاً نادراً ويدعوه إلى زيارة غروزني",
     "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة اليوم رئيس جمهورية الشيشان رمضان "
     "قاديروف والوفد المرافق له. وأهدى الرئيس الشيشاني رمضان قاديروف خادم الحرمين الشريفين نسخة نادرة من المصحف الشريف، ووجه إليه دعوة لزيارة العاصمة "
     "الشيشانية غروزني، مؤكداً أن مسلمي الشيشان يكنون للمملكة كل التقدير. وقال قاديروف إن زيارته تهدف إلى تعزيز "
     "التعاون في مجالات الاستثمار والتعليم الديني."),
    ("carter-court", "الرياض", "2025-07-22", "خادم الحرمين يستقبل وزير الدفاع الأمريكي",
     AUDIENCE.format(who="وزير الدفاع الأمريكي آشتون كارتر")),
]


def test_the_next_days_audience_in_the_same_court_formula_is_another_story():
    """The royal court words every audience alike: the next day's audience resembles the
    formula-worded first report of the last one, not the story that grew around it, so
    it opens its own story instead of walking the first one on from day to day."""
    index = StoryIndex()
    index.add_many(corpus())
    court, gift, carter = (make_doc(*c) for c in COURT)
    first = index.add(court)
    assert index.add(gift).story_id == first.story_id
    assert index.add(carter).new_story
