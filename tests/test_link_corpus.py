"""Names the knowledge base lacks: which become entities shared across articles, and which do not."""
from rasd.doc import Doc, Mention
from rasd.kb import load
from rasd.link import link


def _doc(doc_id: str, body: str, spans: list[tuple[str, str]]) -> Doc:
    doc = Doc(id=doc_id, body=body)
    for text, etype in spans:
        i = body.index(text)
        doc.mentions.append(Mention(text, i, i + len(text), etype, score=0.9))
    link(doc, load())
    return doc


def _entity_of(doc: Doc, text: str) -> str | None:
    return next(m.entity for m in doc.mentions if m.text == text)


def test_full_unknown_name_is_one_entity_across_articles():
    a = _doc("a", "وصرح المهندس كمال الدباغ مدير المشروع بأن العمل سينتهي قريبا.", [("كمال الدباغ", "PER")])
    b = _doc("b", "وأكد كمال الدباغ أن التكلفة لم تتغير.", [("كمال الدباغ", "PER")])
    assert _entity_of(a, "كمال الدباغ") == _entity_of(b, "كمال الدباغ") is not None


def test_lone_given_name_does_not_merge_namesakes_across_articles():
    a = _doc("a", "وقال خالد إن الفريق مستعد للمباراة.", [("خالد", "PER")])
    b = _doc("b", "وأوضح خالد أن الأسعار سترتفع الشهر المقبل.", [("خالد", "PER")])
    ea, eb = _entity_of(a, "خالد"), _entity_of(b, "خالد")
    assert ea and eb and ea != eb


def test_misc_words_stay_mentions_without_entities():
    doc = _doc("c", "وارتفع سعر الدولار مقابل الريال إلى مستوى قياسي.", [("الدولار", "MISC"), ("الريال", "MISC")])
    assert [m.type for m in doc.mentions if m.text in ("الدولار", "الريال")] == ["MISC", "MISC"]
    assert all(m.entity is None for m in doc.mentions if m.type == "MISC")
    assert not any(e.type == "MISC" for e in doc.entities)


def test_a_name_after_the_preposition_li_is_the_same_entity():
    # ل + ال writes لل: "للنجم الساحلي" is the club النجم الساحلي, not a second one
    from rasd.link.corpus import corpus_entity

    club = corpus_entity("النجم الساحلي", "ORG")
    assert corpus_entity("للنجم الساحلي", "ORG").id == club.id
    assert corpus_entity("وللنجم الساحلي", "ORG").name_ar == "النجم الساحلي"
    assert corpus_entity("لليبيا الجديدة", "ORG").name_ar == "لليبيا الجديدة"  # ل + ليبيا: no article
