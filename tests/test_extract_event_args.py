"""Who did what to whom: the actor and target of events in coordinated and nominal clauses.

Sentences are written for these tests (none from the seeds or the eval sets).
"""
from test_extract_fixtures import make_doc, names, run

from rasd.extract.events import find_events

PUTIN = ("فلاديمير بوتين", "putin")


def events(doc, etype=None):
    return [names(doc, e)[:3] for e in doc.events if etype is None or e.type == etype]


def test_second_verb_without_subject_keeps_the_first_subject_and_takes_an_object():
    doc = run("ورحبت مصر بالمبادرة الأوروبية، واتهمت إسرائيل بعرقلة المفاوضات في القاهرة.",
              [("مصر", "egypt"), ("إسرائيل", "israel"), ("القاهرة", "cairo")])
    assert events(doc, "ACCUSE") == [("ACCUSE", "Egypt", "Israel")]


def test_second_verb_with_its_own_subject_and_object_is_read_vso():
    doc = run("ورحبت مصر بالمبادرة الأوروبية، واتهمت إسرائيل حركة حماس بعرقلة المفاوضات.",
              [("مصر", "egypt"), ("إسرائيل", "israel"), ("حركة حماس", "hamas")])
    assert events(doc, "ACCUSE") == [("ACCUSE", "Israel", "Hamas")]


def test_feminine_verb_does_not_take_a_man_as_subject_when_the_state_is_there():
    doc = run("وأشادت تركيا بالوساطة القطرية، وانتقدت الرئيس الروسي فلاديمير بوتين بسبب الغارات.",
              [("تركيا", "turkey"), PUTIN])
    assert events(doc, "ACCUSE") == [("ACCUSE", "Turkey", "Vladimir Putin")]


def test_feminine_title_lets_a_woman_be_the_subject():
    doc = run("ووصلت وزيرة الخارجية الروسية إلى القاهرة، والتقت المتحدثة ماريا زاخاروفا بالصحفيين.",
              [("ماريا زاخاروفا", "zakharova"), ("القاهرة", "cairo")])
    assert ("CONSULT", "Maria Zakharova", None) in events(doc, "CONSULT")


def test_verb_inside_a_reported_clause_does_not_lend_its_subject():
    doc = run("وقالت روسيا إن الانفجار وقع قرب الحدود، واتهمت فرنسا بتسليح المقاتلين.",
              [("روسيا", "russia"), ("فرنسا", "france")])
    assert events(doc, "ACCUSE") == [("ACCUSE", "Russia", "France")]


def test_condemned_deed_keeps_its_own_preposition():
    doc = run("ونددت فرنسا بالغارات الجوية على مدينة غزة.", [("فرنسا", "france"), ("مدينة غزة", "gaza")])
    ev = next(e for e in doc.events if e.type == "ACCUSE")
    assert names(doc, ev)[:3] == ("ACCUSE", "France", None)
    assert ev.target_text.startswith("بالغارات")


def test_event_noun_after_wasat_or_bisabab_is_background_without_a_doer():
    doc = run("يعقد البرلمان المصري جلسته الطارئة اليوم في القاهرة وسط احتجاجات واسعة.", [("القاهرة", "cairo")])
    assert events(doc, "PROTEST") == []
    doc = run("أغلقت المدارس أبوابها في القاهرة بسبب إضراب المعلمين.", [("القاهرة", "cairo")])
    assert events(doc, "PROTEST") == []


def test_background_attack_with_a_doer_is_still_told():
    doc = run("قتل ثلاثة جنود عقب هجوم شنه مسلحون على حاجز للجيش قرب بغداد.", [("بغداد", "baghdad")])
    assert [e.actor_text for e in doc.events if e.type == "ASSAULT"] == ["مسلحون"]


def test_istahdafa_of_a_policy_is_no_attack_candidate():
    for text in ("وتستهدف العقوبات الأمريكية الجديدة إيران وشركات النفط فيها.",
                 "وقالت فرنسا إن العقوبات تستهدف إيران.",
                 "وتستهدف الولايات المتحدة بهذه العقوبات إيران."):
        doc = make_doc(text, [("إيران", "iran"), ("فرنسا", "france"), ("الولايات المتحدة", "us")])
        assert [e for e in find_events(doc, None, scored=False) if e.type == "ASSAULT"] == [], text


def test_istahdafa_of_a_patrol_is_an_attack():
    doc = run("واستهدف مسلحون مجهولون دورية للشرطة في بغداد بعبوة ناسفة.", [("بغداد", "baghdad")])
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.actor_text == "مسلحون مجهولون" and ev.location == "kb:baghdad"


def test_crowd_and_the_police_they_pelt_are_two_parties():
    doc = run("ورشق مئات المتظاهرين قوات الأمن بالحجارة أمام مقر الحكومة في بغداد.", [("بغداد", "baghdad")])
    ev = next(e for e in doc.events if e.type == "PROTEST")
    assert (ev.actor_text, ev.target_text) == ("مئات المتظاهرين", "قوات الأمن")


def test_plural_verb_takes_its_subject_from_before_and_the_name_after_as_object():
    doc = run("أعلنت الشرطة أن مجهولين خطفوا أمس القنصل التركي في بيشاور شمال غرب باكستان وقتلوا سائقه.",
              [("تركيا", "turkey")])
    assaults = [(e.actor_text, e.target_text) for e in doc.events if e.type == "ASSAULT"]
    assert assaults == [("مجهولين", "القنصل التركي"), ("مجهولين", "سائقه")]


def test_counted_gunmen_before_a_plural_verb_are_the_doers():
    doc = run("وترجل من السيارة ثلاثة مسلحين أطلقوا النار على الرئيس فلاديمير بوتين.", [PUTIN])
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert (ev.actor_text, names(doc, ev)[2]) == ("مسلحين", "Vladimir Putin")


def test_generic_subject_right_after_the_verb_beats_a_later_name():
    doc = run("وداهمت الشرطة منزلا في بغداد واعتقلت الناشط محمود عباس.",
              [("بغداد", "baghdad"), ("محمود عباس", "abbas")])
    ev = next(e for e in doc.events if e.type == "COERCE")
    assert ev.actor_text == "الشرطة" and names(doc, ev)[2] == "Mahmoud Abbas"


def test_people_counted_before_a_plural_kill_verb_are_its_victims():
    doc = run("وقال مصدر أمني إن ثمانية أشخاص قتلوا جراء غارة جوية على سوق في مدينة غزة.", [("مدينة غزة", "gaza")])
    evs = [e for e in doc.events if e.type == "ASSAULT"]
    assert evs and all(e.actor is None and e.actor_text is None for e in evs)


def test_protest_target_is_whom_it_is_against_not_the_square_it_fills():
    doc = run("وتجمع مئات المتظاهرين أمام مقر البرلمان في بغداد للمطالبة باستقالة الحكومة.", [("بغداد", "baghdad")])
    ev = next(e for e in doc.events if e.type == "PROTEST")
    assert (ev.target, ev.target_text, ev.location) == (None, "الحكومة", "kb:baghdad")


def test_protest_against_a_named_visitor():
    doc = run("وتظاهر آلاف الطلاب في القاهرة احتجاجا على زيارة الرئيس فلاديمير بوتين.",
              [("القاهرة", "cairo"), PUTIN])
    ev = next(e for e in doc.events if e.type == "PROTEST")
    assert names(doc, ev) == ("PROTEST", None, "Vladimir Putin", "Cairo")


def test_thousands_of_protesters_is_one_party():
    doc = run("واحتشد الآلاف من المتظاهرين أمام مقر البرلمان في بغداد.", [("بغداد", "baghdad")])
    ev = next(e for e in doc.events if e.type == "PROTEST")
    assert ev.actor_text == "الآلاف من المتظاهرين"


def test_a_bomber_is_not_the_victim_of_his_own_blast():
    doc = run("وكان انتحاريان قد فجرا نفسيهما أمام مقر الشرطة في بغداد، ما أدى إلى مقتل عشرة أشخاص.",
              [("بغداد", "baghdad")])
    evs = [e for e in doc.events if e.type == "ASSAULT"]
    assert evs and evs[0].actor_text == "انتحاريان" and evs[0].target_text != "نفسيهما"


def _assaults(doc):
    return [e for e in find_events(doc, None, scored=False) if e.type == "ASSAULT"]


def test_counted_people_before_an_objectless_harm_verb_are_its_victims():
    doc = run("وقال مصدر أمني إن أربعة من حراس المنشأة النفطية قتلوا في هجوم بقذائف الهاون أمس.", [])
    evs = _assaults(doc)
    assert any("حراس" in (e.target_text or "") for e in evs), evs
    assert all("حراس" not in (e.actor_text or "") for e in evs)


def test_passive_form_takes_its_subject_as_victim():
    doc = run("وأصيب الرئيس الروسي فلاديمير بوتين بجروح طفيفة في انفجار عبوة ناسفة قرب موكبه.", [PUTIN])
    ev = next(e for e in _assaults(doc) if e.trigger == "وأصيب")
    assert names(doc, ev)[1:3] == (None, "Vladimir Putin")


def test_no_victim_from_time_of_day_instrument_or_next_verb():
    doc = run("وأصيب فجر أمس ثلاثة من عناصر الشرطة في انفجار عبوة ناسفة.", [])
    assert all(not (e.target_text or "").startswith("فجر") for e in _assaults(doc))
    doc = run("وقال المتحدث إن جنديين قتلا بانفجار لغم أرضي شمال المدينة.", [])
    assert all(not (e.target_text or "").startswith("بانفجار") for e in _assaults(doc))
    doc = run("وقتل جندي وجرح سبعة آخرون في الاشتباكات.", [])
    assert all(not (e.target_text or "").startswith("وجرح") for e in _assaults(doc))


def test_attack_noun_takes_no_victim_from_its_adjective():
    doc = run("ونفذت طائرات حربية ضربة جوية قرب الحدود أمس.", [])
    assert all((e.target_text or "") != "جوية" for e in _assaults(doc))


def test_a_counted_crowd_is_the_protest_doer():
    doc = run("وتجمع نحو 700 متظاهر أمام السفارة بعد صلاة الجمعة.", [])
    ev = next(e for e in find_events(doc, None, scored=False) if e.type == "PROTEST")
    assert "متظاهر" in (ev.actor_text or "") and ev.target_text is None


def test_counted_fighters_before_an_objectless_harm_verb_were_killed():
    doc = run("وذكرت مصادر عسكرية أن 9 متمردين قتلوا ليلا في غارة جوية على وسط المدينة.", [])
    assert all("متمردين" not in (e.actor_text or "") for e in _assaults(doc))
    doc = run("وقال الشهود إن ثلاثة مسلحين أطلقوا النار على المصلين.", [])
    assert any("مسلحين" in (e.actor_text or "") for e in _assaults(doc))


def test_a_number_of_fighters_after_a_harm_verb_are_its_victims():
    doc = run("وتمكنوا من تدمير عدد من الآليات وقتل وجرح عدد من المسلحين في المنطقة.", [])
    assert all("المسلحين" not in (e.actor_text or "") for e in _assaults(doc))


def test_relative_verb_with_an_object_pronoun_takes_its_own_subject():
    doc = run("وأوضح المتحدث أن الخلية التي اعتقلتها الأجهزة الأمنية أمس كانت تخطط لهجمات.", [])
    ev = next(e for e in doc.events if e.type == "COERCE")
    assert ev.actor_text == "الأجهزة الأمنية" and ev.target_text == "الخلية"


def test_a_museum_receiving_visitors_is_no_meeting():
    doc = run("ويستقبل متحف القاهرة زواره طوال أيام العيد.", [("القاهرة", "cairo")])
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_mourners_received_after_a_long_list_of_hosts_are_no_meeting():
    """The guideline drops condolence receptions; the mourners may come far after استقبل."""
    doc = run("استقبل أمس والد الشهيد محمود عباس وأشقاؤه وأبناء عمومته في مجلس العزاء بمنزل الأسرة في حي الروضة "
              "بمدينة غزة وفودا رسمية وشعبية من المعزين.", [("محمود عباس", "abbas"), ("غزة", "gaza")])
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_a_participle_after_a_comma_continues_the_sentence_subject():
    """"..., شاكرا لـ Y" and "..., منددا بـ": the subject of the sentence thanks or condemns;
    a noun with its owner's pronoun after a comma (اجتماعها) is no participle."""
    doc = run("وأشاد الرئيس رجب طيب أردوغان بالعلاقات مع مصر، شاكرا للرئيس عبد الفتاح السيسي على استقبال وفد أنقرة.",
              [("رجب طيب أردوغان", "erdogan"), ("عبد الفتاح السيسي", "sisi"), ("مصر", "egypt"), ("أنقرة", "ankara")])
    assert ("SUPPORT", "Recep Tayyip Erdoğan", "Abdel Fattah el-Sisi") in events(doc, "SUPPORT")
    doc = run("وعقدت اللجنة الوزارية بمقر الجامعة في القاهرة، اجتماعها الدوري برئاسة مصر.",
              [("القاهرة", "cairo"), ("مصر", "egypt")])
    assert not [e for e in doc.events if e.type == "CONSULT" and names(doc, e)[1] == "Egypt"]


def test_a_name_in_the_genitive_of_a_plain_noun_is_not_the_subject():
    doc = run("ويتهم حلفاء تركيا منذ أشهر أنقرة بالتقصير في مكافحة الإرهاب.", [("تركيا", "turkey"), ("أنقرة", "ankara")])
    assert not [e for e in doc.events if e.type == "ACCUSE" and names(doc, e)[1] == "Turkey"]
    doc = run("واتهم الرئيس التركي أردوغان إسرائيل بارتكاب مجازر.", [("أردوغان", "erdogan"), ("إسرائيل", "israel")])
    assert events(doc, "ACCUSE") == [("ACCUSE", "Recep Tayyip Erdoğan", "Israel")]


def test_a_definite_descriptor_or_a_long_title_chain_keeps_the_name_as_subject():
    doc = run("وأطلقت القوات الإسرائيلية صاروخا على المدرسة فقتلت المدرس أحمد سالم.", [("أحمد سالم", "abbas")])
    assert any("أحمد سالم" == (e.target_text or names(doc, e)[2]) or e.target == "kb:abbas"
               for e in find_events(doc, None, scored=False) if e.type == "ASSAULT")
    doc = run("ونفى الناطق الرسمي باسم تعليم المنطقة مدير العلاقات العامة والإعلام بوتين صحة الخبر.", [("بوتين", "putin")])
    assert [names(doc, e)[1] for e in doc.events if e.type == "REJECT"] == ["Vladimir Putin"]


def test_a_named_person_killed_with_no_doer_is_an_assault_on_them():
    doc = run("وأشارت المصادر إلى أن المزارع أحمد سالم قتل بينما كان يعمل في أرضه.", [("أحمد سالم", "abbas")])
    evs = [e for e in find_events(doc, None, scored=False) if e.type == "ASSAULT"]
    assert evs and evs[0].actor is None and evs[0].target == "kb:abbas"


def test_a_verb_written_with_its_passive_vowel_takes_its_subject_as_the_one_acted_on():
    doc = run("واتُّهم بوتين بالتدخل في الانتخابات.", [("بوتين", "putin")])
    assert not [e for e in doc.events if e.type == "ACCUSE" and e.actor == "kb:putin"]
    doc = run("وقُتل بوتين في انفجار عبوة ناسفة.", [("بوتين", "putin")])
    evs = [e for e in find_events(doc, None, scored=False) if e.type == "ASSAULT"]
    assert evs and all(e.actor is None for e in evs) and any(e.target == "kb:putin" for e in evs)
    doc = run("واتهم بوتين الغرب بالتصعيد.", [("بوتين", "putin")])
    assert [e.actor for e in doc.events if e.type == "ACCUSE"] == ["kb:putin"]


def test_a_verb_right_after_an_attack_noun_has_the_attack_as_subject():
    doc = run("وفي تونس قتل 37 شخصا على الأقل في هجوم استهدف فندقين بمدينة سوسة.", [("تونس", "egypt")])
    assert all(e.actor is None for e in find_events(doc, None, scored=False) if e.type == "ASSAULT")
    doc = run("وقال مصدر إن انتحاريا يقود سيارة مفخخة فجر نفسه قرب مقر للشرطة.", [])
    assert any("انتحاري" in (e.actor_text or "") for e in find_events(doc, None, scored=False) if e.type == "ASSAULT")


def test_a_name_after_a_preposition_and_its_noun_is_no_object():
    """في جامعة القاهرة، على مواقع حماس: the name ends a phrase the preposition heads, so a
    city is the place of an arrest (not whom it hit) and a group the target of a raid."""
    doc = run("اعتقلت الشرطة المصرية خمسة طلاب في جامعة القاهرة صباح اليوم.", [("القاهرة", "cairo")])
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and all(e.target != "kb:cairo" for e in arrests)
    assert "طلاب" in (arrests[0].target_text or "")
    doc = run("وشنت الطائرات الإسرائيلية فجر الأحد غارات على مواقع حماس في غزة.",
              [("حماس", "hamas"), ("غزة", "gaza")])
    assert ("ASSAULT", None, "Hamas") in [names(doc, e)[:3] for e in _assaults(doc)]


def test_the_triggers_own_complement_and_the_night_are_no_victims():
    """ألقت [القبض] على آخر: القبض completes the verb, the one arrested follows على; "الليلة
    الماضية" says when, not whom."""
    doc = run("قتلت قوات الأمن التونسية الليلة الماضية إرهابيا وألقت القبض على آخر في جبل الشعانبي.", [])
    by_type = {e.type: e.target_text for e in find_events(doc, None, scored=False)}
    assert by_type.get("COERCE") == "آخر"
    assert by_type.get("ASSAULT") == "إرهابيا"


def test_a_title_after_the_verb_hosts_the_guest_named_later():
    """استقبل ولي العهد ... أمس وزير الخارجية: the unnamed title after the verb is the host;
    the guest named after the place and the day is the target, never the actor."""
    doc = run("استقبل ولي العهد في جدة أمس وزير الخارجية الروسي سيرغي لافروف.",
              [("سيرغي لافروف", "lavrov")], published="2015-07-30")
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert consults and consults[0].actor != "kb:lavrov" and consults[0].actor_text == "ولي العهد"
    assert consults[0].target == "kb:lavrov"


def test_a_day_word_ends_the_place_phrase_before_a_guest():
    """التقى الرئيس في القاهرة اليوم الوزير X: اليوم closes the place phrase, so the guest after
    it is not a place (a wire agency's style)."""
    doc = run("والتقى الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الروسي سيرغي لافروف.",
              [("عبد الفتاح السيسي", "sisi"), ("القاهرة", "cairo"), ("سيرغي لافروف", "lavrov")],
              published="2015-07-30")
    assert ("CONSULT", "Abdel Fattah el-Sisi", "Sergey Lavrov") in events(doc, "CONSULT")


def test_a_sentence_ends_the_convicted_before_the_years():
    """قضت محكمة بسجن عشرة متهمين خمس سنوات: the ones sentenced are the target, the years
    they got are not part of it."""
    doc = run("وقضت محكمة مصرية أمس بسجن عشرة متهمين خمس سنوات بتهمة التظاهر.", [])
    verdicts = [e for e in doc.events if e.type == "ACCUSE"]
    assert verdicts and verdicts[0].target_text == "متهمين"


def test_a_ministry_announcing_arrests_made_them():
    """أعلنت وزارة الداخلية القبض على: the ministry that announces the arrests is their actor,
    named with its definite genitive (a Gulf outlet's style)."""
    doc = run("وأعلنت وزارة الداخلية أمس القبض على 43 شخصا بتهمة الانتماء إلى خلية إرهابية.", [])
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and arrests[0].actor_text == "وزارة الداخلية"


def test_a_name_after_a_statement_noun_is_the_object_not_the_place():
    """اتهمت مصر في بيان إيران: في بيان says how Egypt spoke; the name after it is whom it
    accused, not where."""
    doc = run("واتهمت روسيا في بيان تركيا بدعم المتمردين.", [("روسيا", "russia"), ("تركيا", "turkey")])
    assert events(doc, "ACCUSE") == [("ACCUSE", "Russia", "Turkey")]
    doc = run("وانتقدت الصين في تصريح فرنسا بسبب العقوبات.", [("الصين", "china"), ("فرنسا", "france")])
    assert events(doc, "ACCUSE") == [("ACCUSE", "China", "France")]


def test_an_unnamed_victim_keeps_the_body_its_title_belongs_to():
    """اغتيل رئيس البلدية: the council is part of the victim's title, not where his text ends."""
    doc = run("اغتيل رئيس البلدية في غزة برصاص مجهولين.", [("غزة", "gaza")])
    assert [e.target_text for e in _assaults(doc)] == ["رئيس البلدية"]


def test_the_object_ends_before_a_preposition_carrying_its_pronoun():
    """اعتقلت الشرطة 30 طالبا بينهم ثلاث فتيات: بينهم opens what the detainees include."""
    doc = run("واعتقلت قوات الأمن 30 طالبا بينهم ثلاث فتيات في الجامعة.", [])
    assert [e.target_text for e in doc.events if e.type == "COERCE"] == ["طالبا"]
    doc = run("وقتل المسلحون 12 مدنيا منهم أربعة أطفال.", [])
    assert [e.target_text for e in _assaults(doc)] == ["مدنيا"]


def test_title_after_a_named_addressee_is_his_not_a_new_party():
    # wire style: the addressee's post after his name names his state, which is no target
    doc = run("بعث الرئيس عبد الفتاح السيسي برقية تهنئة للرئيس فلاديمير بوتين رئيس جمهورية روسيا الاتحادية "
              "بمناسبة العيد الوطني.",
              [("عبد الفتاح السيسي", "sisi"), PUTIN, ("روسيا", "russia")])
    assert events(doc, "SUPPORT") == [("SUPPORT", "Abdel Fattah el-Sisi", "Vladimir Putin")]


def test_the_holder_of_a_title_is_the_subject_after_it():
    doc = run("وتلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من الرئيس فلاديمير بوتين رئيس روسيا أعرب فيه "
              "عن استنكاره للهجوم الإرهابي.",
              [("عبد الفتاح السيسي", "sisi"), PUTIN, ("روسيا", "russia")])
    assert [e[:2] for e in events(doc, "ACCUSE")] == [("ACCUSE", "Vladimir Putin")]


def test_state_and_council_inside_a_long_title_belong_to_the_person():
    # Gulf agency style: "نائب رئيس مجلس الوزراء وزير الخارجية بجمهورية X" before the name
    doc = run("التقى نائب رئيس مجلس الوزراء وزير الخارجية بجمهورية مصر العربية سامح شكري اليوم في القاهرة "
              "نظيره الروسي سيرغي لافروف.",
              [("مصر", "egypt"), ("سامح شكري", "shoukry"), ("القاهرة", "cairo"), ("سيرغي لافروف", "lavrov")])
    assert [names(doc, e) for e in doc.events] == [("CONSULT", "Sameh Shoukry", "Sergey Lavrov", "Cairo")]


def test_place_before_a_counterpart_title_stays_a_place():
    doc = run("التقى وزير الخارجية بجمهورية الصين الشعبية وانغ يي اليوم في بكين نظيره الروسي سيرغي لافروف.",
              [("الصين", "china"), ("وانغ يي", "wang"), ("بكين", "beijing"), ("سيرغي لافروف", "lavrov")])
    assert [names(doc, e) for e in doc.events] == [("CONSULT", "Wang Yi", "Sergey Lavrov", "Beijing")]


def test_title_after_the_subject_may_still_be_the_object():
    doc = run("استقبل الرئيس عبد الفتاح السيسي في القاهرة أمس وزير خارجية روسيا.",
              [("عبد الفتاح السيسي", "sisi"), ("روسيا", "russia"), ("القاهرة", "cairo")])
    assert events(doc, "CONSULT") == [("CONSULT", "Abdel Fattah el-Sisi", "Russia")]
