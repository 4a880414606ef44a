"""The place of an event survives a place noun before its name (منتجع، مطار، ميناء)."""
import rasd


def _locations(text: str) -> list[str | None]:
    return [e.location for e in rasd.analyze(text, published="2023-09-05", html=False).events]


def test_resort_names_the_meeting_place_not_a_later_topic():
    assert _locations("استقبل الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان "
                      "في منتجع سوتشي أمس الاثنين، وبحث الجانبان الأوضاع في سوريا.") == ["kb:sochi"]


def test_airport_arrival_places_the_visit_in_the_city():
    assert _locations("وصل وزير الخارجية الإيراني إلى مطار بغداد الدولي صباح اليوم في زيارة رسمية.") == ["kb:baghdad"]


def test_one_attack_told_with_two_triggers_is_one_event():
    doc = rasd.analyze("قتل ثلاثة جنود في هجوم شنه مسلحون قرب مدينة جنين أمس.", published="2023-05-18", html=False)
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].actor_text == "مسلحون" and attacks[0].location == "kb:jenin"


def test_time_words_do_not_push_the_object_out_of_a_trigger_window():
    doc = rasd.analyze("فرضت الولايات المتحدة يوم الثلاثاء الماضي عقوبات جديدة على شركات إيرانية.",
                       published="2023-05-18", html=False)
    sanctions = [e for e in doc.events if e.type == "SANCTION"]
    assert [(e.actor, e.date) for e in sanctions] == [("kb:united-states", "2023-05-16")]
