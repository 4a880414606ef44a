"""Speech as accusation: a speech verb (قال، أكد، أضاف) or وصف whose content charges a
party with a pejorative label or a charge verb is PLOVER ACCUSE, the speaker its actor,
the party charged its target; a label that only describes (a standing epithet, the
ones a reported act was done to, a general statement) is no accusation. Sentences
written here in the styles of a wire, a Gulf daily, an Egyptian daily and the Saudi
Press Agency."""
import pytest

from test_extract_fixtures import KNOWN, run

SISI, LAVROV, ERDOGAN = ("عبد الفتاح السيسي", "sisi"), ("سيرغي لافروف", "lavrov"), ("رجب طيب أردوغان", "erdogan")
IL, IR, US, TR, HAMAS = (("إسرائيل", "israel"), ("إيران", "iran"), ("الولايات المتحدة", "us"), ("تركيا", "turkey"),
                         ("حماس", "hamas"))
PUBLISHED = "2024-05-10"


def accusations(doc):
    return [e for e in doc.events if e.type == "ACCUSE" and not e.negated and not e.hypothetical]


@pytest.mark.parametrize("text, mentions, actor, target", [
    # wire: a charge verb in what is said
    ("قال الرئيس رجب طيب أردوغان اليوم إن إسرائيل ارتكبت جرائم حرب في غزة.", [ERDOGAN, IL], "erdogan", "israel"),
    # Gulf daily: an addressee and a time between the verb and its speaker
    ("قال لـ\"الرياض\" أمس، الرئيس عبد الفتاح السيسي، إن العصابات الإرهابية تستغل الشباب.", [SISI], "sisi",
     "العصابات الإرهابية"),
    # Egyptian daily: the label on an unnamed group
    ("وأكد سيرغي لافروف أن المؤامرات التي تحاك ضد بلاده من فئة ضالة مجرمة.", [LAVROV], "lavrov", "فئة ضالة مجرمة"),
    # the label said of a named party, no article: what is said, not an epithet
    ("قال الرئيس رجب طيب أردوغان اليوم إن حماس إرهابية.", [ERDOGAN, HAMAS], "erdogan", "hamas"),
    # SPA: وصف X بـ a label, X named
    ("وصف الرئيس رجب طيب أردوغان حركة حماس بالإرهابية.", [ERDOGAN, HAMAS], "erdogan", "hamas"),
])
def test_speech_that_charges_a_party_is_an_accusation(text, mentions, actor, target):
    doc = run(text, mentions, published=PUBLISHED)
    got = accusations(doc)
    assert got, f"no ACCUSE in {text}: {[(e.type, e.trigger) for e in doc.events]}"
    ev = got[0]
    assert ev.actor == f"kb:{actor}"
    if target in KNOWN:
        assert ev.target == f"kb:{target}"
    else:
        assert target in (ev.target_text or "")


def test_a_deed_condemned_has_no_party_charged():
    doc = run("وصف الرئيس عبد الفتاح السيسي حادثة التفجير الذي استهدف الكنيسة أمس بالعمل الإجرامي الجبان.",
              [SISI], published=PUBLISHED)
    got = accusations(doc)
    assert len(got) == 1 and got[0].actor == "kb:sisi"
    assert got[0].target is None and got[0].target_text is None


@pytest.mark.parametrize("text, mentions", [
    # a standing epithet deep in a report, past its subject and first clause
    ("وأضاف سيرغي لافروف أن الدفعة الأولى من المتطوعين التي تضم ألف عنصر باشرت مهامها الأمنية بالتنسيق مع "
     "القوات لقتال عصابات داعش الإرهابية.", [LAVROV]),
    # the epithet right on a named party
    ("وذكر رجب طيب أردوغان أنه أقام في صفوف حركة حماس الإرهابية.", [ERDOGAN, HAMAS]),
    # a general statement about ideas, no one charged
    ("وأكد عبد الفتاح السيسي أن الفكر الضال لا دين له.", [SISI]),
    # the labelled are the ones fought
    ("وقال عبد الفتاح السيسي إن جهود مصر لن تتوقف عن مواجهة الإرهابيين.", [SISI, ("مصر", "egypt")]),
    # the label describes the ones a reported act was done to: the arrest is the event
    ("وقال سيرغي لافروف إن الشرطة اعتقلت ثلاثة إرهابيين في موسكو.", [LAVROV]),
    # the labelled are the ones a verb fights
    ("قال رجب طيب أردوغان إن تركيا تكافح الإرهابيين على حدودها.", [ERDOGAN, TR]),
    # told before: هؤلاء
    ("وأضاف رجب طيب أردوغان أن هؤلاء الإرهابيين لا دين لهم.", [ERDOGAN]),
    # plain speech, no label
    ("قال سيرغي لافروف إن المحادثات مع تركيا كانت بناءة.", [LAVROV, TR]),
])
def test_speech_that_only_describes_is_no_accusation(text, mentions):
    doc = run(text, mentions, published=PUBLISHED)
    assert not accusations(doc), [(e.type, e.trigger, e.target_text) for e in doc.events]


@pytest.mark.parametrize("text, mentions", [
    ("ونفى سيرغي لافروف أن تكون إيران ارتكبت جرائم في سوريا.", [LAVROV, IR]),
    ("قال الرئيس رجب طيب أردوغان إن إسرائيل لم ترتكب جرائم في المخيم.", [ERDOGAN, IL]),
])
def test_a_denied_charge_is_no_accusation(text, mentions):
    assert not accusations(run(text, mentions, published=PUBLISHED))


@pytest.mark.parametrize("text, mentions, actor, target", [
    ("التقى وزير الخارجية الروسي، سيرغي لافروف، نظيره التركي في أنقرة.", [LAVROV], "lavrov", None),
    ("قال وزير الخارجية، سيرغي لافروف، إن تركيا ارتكبت جرائم في سوريا.", [LAVROV, TR], "lavrov", "turkey"),
    ("وأعرب الرئيس رجب طيب أردوغان عن شكره لوزير الخارجية، المهندس سيرغي لافروف، على جهوده.", [ERDOGAN, LAVROV],
     "erdogan", "lavrov"),
])
def test_a_comma_between_a_title_and_its_holder_keeps_them_one_party(text, mentions, actor, target):
    """Gulf and Egyptian dailies put a comma after the title (وزير الخارجية، سيرغي لافروف):
    the name still holds the title's slot, subject or addressee."""
    doc = run(text, mentions, published=PUBLISHED)
    ev = [e for e in doc.events if not e.hypothetical][0]
    assert ev.actor == f"kb:{actor}"
    assert ev.target == (f"kb:{target}" if target else None)


def test_a_label_predicated_of_a_named_party_charges_that_party():
    doc = run("قال الرئيس رجب طيب أردوغان أمس إن إسرائيل دولة إرهابية.", [ERDOGAN, IL], published=PUBLISHED)
    got = accusations(doc)
    assert len(got) == 1 and got[0].actor == "kb:erdogan" and got[0].target == "kb:israel"


@pytest.mark.parametrize("text, mentions", [
    # a bare label naming whom the speaker tells of: a report of what they did, no charge
    ("قال الرئيس عبد الفتاح السيسي اليوم إن المجرمين هربوا إلى الصحراء.", [SISI]),
    ("وأكد سيرغي لافروف أن الإرهابيين غادروا المدينة ليلا.", [LAVROV]),
    # عميله with the pronoun ه is "his client", not the label عميلة
    ("قال الرئيس رجب طيب أردوغان إن عميله السابق قدم شكوى إلى المحكمة.", [ERDOGAN]),
])
def test_a_label_that_only_names_or_a_pronoun_form_is_no_accusation(text, mentions):
    doc = run(text, mentions, published=PUBLISHED)
    assert not accusations(doc), [(e.type, e.target_text) for e in accusations(doc)]


def test_the_feminine_label_still_charges():
    doc = run("قال الرئيس رجب طيب أردوغان إن الحكومة في صنعاء حكومة عميلة لإيران.", [ERDOGAN, IR],
              published=PUBLISHED)
    got = accusations(doc)
    assert len(got) == 1 and got[0].actor == "kb:erdogan" and "عميلة" in (got[0].target_text or "")
