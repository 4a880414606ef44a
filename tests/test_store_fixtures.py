"""Hand-built analysed articles for the store, search and CLI tests.

Written like the pipeline would fill them (offsets computed from the body),
on Arabic news text of our own, so the store is tested without NER.
"""
from __future__ import annotations

from types import SimpleNamespace

from rasd.doc import Doc, Entity, Event, Mention, Quote, Source

WANG_YI = Entity("kb:wang_yi", "Wang Yi", "وانغ يي", "PER", "Q17515", ["وانغ يي"], "CN")
LAVROV = Entity("kb:sergey_lavrov", "Sergey Lavrov", "سيرغي لافروف", "PER", "Q80137", ["لافروف"], "RU")
CHINA = Entity("kb:china", "China", "الصين", "GPE", "Q148", ["الصين"], "CN")
RUSSIA = Entity("kb:russia", "Russia", "روسيا", "GPE", "Q159", ["روسيا"], "RU")
UKRAINE = Entity("kb:ukraine", "Ukraine", "أوكرانيا", "GPE", "Q212", ["أوكرانيا"], "UA")
BEIJING = Entity("kb:beijing", "Beijing", "بكين", "GPE", "Q956", ["بكين"], "CN")


def _mention(body: str, text: str, type_: str, entity: Entity, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Mention(text, start, start + len(text), type_, entity.id)


def _sentence_of(body: str, text: str) -> tuple[str, int, int]:
    i = body.index(text)
    s = max(body.rfind(".", 0, i), body.rfind("\n", 0, i)) + 1
    e = body.find(".", i)
    e = len(body) if e < 0 else e + 1
    while body[s] == " ":
        s += 1
    return body[s:e], s, e


def visit_doc(doc_id: str = "a1", outlet: str = "الشرق", published: str = "2024-05-16",
              spelling: str = "وانغ يي") -> Doc:
    """Lavrov meets Wang Yi in Beijing; one direct quote."""
    body = (
        f"وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين يوم الخميس، حيث التقى نظيره الصيني {spelling}.\n"
        "وقال لافروف: «إن العلاقات بين موسكو وبكين تمر بأفضل مراحلها».\n"
        "وبحث الجانبان الأزمة في أوكرانيا وسبل تعزيز التعاون العسكري بين روسيا والصين."
    )
    wang = Entity(WANG_YI.id, WANG_YI.name, WANG_YI.name_ar, "PER", WANG_YI.wikidata, [spelling], "CN")
    mentions = [
        _mention(body, "سيرغي لافروف", "PER", LAVROV),
        _mention(body, "بكين", "GPE", BEIJING),
        _mention(body, spelling, "PER", wang),
        _mention(body, "لافروف", "PER", LAVROV, 1),
        _mention(body, "أوكرانيا", "GPE", UKRAINE),
        _mention(body, "روسيا", "GPE", RUSSIA),
        _mention(body, "الصين", "GPE", CHINA),
    ]
    ev, s, e = _sentence_of(body, "التقى")
    quote = "إن العلاقات بين موسكو وبكين تمر بأفضل مراحلها"
    q0 = body.index(quote)
    return Doc(
        id=doc_id,
        body=body,
        source=Source(path=f"/in/{doc_id}.txt", url=f"https://example.com/{doc_id}", outlet=outlet),
        title="لافروف يزور بكين ويلتقي وانغ يي",
        published=published,
        agencies=["Reuters"],
        mentions=mentions,
        entities=[LAVROV, BEIJING, wang, UKRAINE, RUSSIA, CHINA],
        events=[Event("CONSULT", "visit", LAVROV.id, WANG_YI.id, BEIJING.id, published, None, ev, s, e, "التقى")],
        quotes=[Quote(LAVROV.id, quote, q0, q0 + len(quote), "direct", "قال")],
    )


def drill_doc(doc_id: str = "b1", outlet: str = "العربية", published: str = "2024-07-02") -> Doc:
    """China and Russia hold joint naval drills; a threat against Ukraine that was denied."""
    body = (
        "أجرت الصين وروسيا مناورات بحرية مشتركة قرب سواحل اليابان، وفق ما أعلنته وزارة الدفاع.\n"
        "ونفت موسكو أنها هددت بضرب أوكرانيا خلال المناورات، مؤكدة أن التدريبات دفاعية."
    )
    mentions = [
        _mention(body, "الصين", "GPE", CHINA),
        _mention(body, "روسيا", "GPE", RUSSIA),
        _mention(body, "أوكرانيا", "GPE", UKRAINE),
    ]
    ev1, s1, e1 = _sentence_of(body, "أجرت")
    ev2, s2, e2 = _sentence_of(body, "ونفت")
    return Doc(
        id=doc_id,
        body=body,
        source=Source(path=f"/in/{doc_id}.txt", url=f"https://example.com/{doc_id}", outlet=outlet),
        title="مناورات بحرية صينية روسية مشتركة",
        published=published,
        mentions=mentions,
        entities=[CHINA, RUSSIA, UKRAINE],
        events=[
            Event("COOPERATE", "military", CHINA.id, RUSSIA.id, None, None, "الشهر الماضي", ev1, s1, e1, "أجرت"),
            Event("THREATEN", None, RUSSIA.id, UKRAINE.id, None, published, None, ev2, s2, e2, "هددت", negated=True),
        ],
    )


class FakeKB:
    """Stands in for ``rasd.kb.load()``: only ``get(key).roles`` is used by the store."""

    def get(self, key):
        roles = {"wang_yi": [{"role": "foreign minister", "country": "CN", "start": "2013-03-16", "end": None}]}
        return SimpleNamespace(roles=roles.get(key, [])) if key in roles else None
