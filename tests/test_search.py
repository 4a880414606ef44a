"""Arabic full-text search: proclitics, hamza spellings, phrases, English names, readable snippets."""
from __future__ import annotations

import pytest

from rasd.doc import Doc, Mention, Source
from rasd.store import Store
from rasd.store.search import make_snippet, parse_query
from test_store_fixtures import drill_doc, visit_doc

NEWS = {
    "n1": ("قمة في بكين", "استضافت بكين قمة اقتصادية حضرها قادة عشرون دولة، وناقشت التجارة والطاقة."),
    "n2": ("وفد يصل إلى العاصمة", "وصل وفد روسي رفيع إلى العاصمة الصينية، وفي لبكين قال المتحدث إن الزيارة ناجحة."),
    "n3": ("أسواق الخليج", "ارتفعت أسواق الأسهم في الخليج مدعومة بأسعار النفط، وسجل المؤشر السعودي مكاسب."),
    "n4": ("حرب أوكرانيا", "تتواصل المعارك شرق اوكرانيا، وقالت كييف إن القصف طال منشآت الطاقة."),
    "n5": ("مساعدات", "أعلن الاتحاد الأوروبي حزمة مساعدات جديدة لأوكرانيا وللدول المجاورة."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("search") / "s.db")
    for i, (title, body) in NEWS.items():
        s.upsert(Doc(id=i, body=body, title=title, source=Source(outlet="وكالة"), published="2024-03-01"))
    s.upsert(visit_doc("v1"))
    s.upsert(drill_doc("d1"))
    yield s
    s.close()


def ids(hits):
    return {h.id for h in hits}


def test_proclitic_forms_meet(store):
    # بكين in n1, لبكين in n2, وبكين in v1's quote, بكين in v1's first sentence
    assert ids(store.search("بكين")) == {"n1", "n2", "v1"}
    assert ids(store.search("وبكين")) == ids(store.search("بكين"))


def test_hamza_and_proclitic_variants_of_ukraine(store):
    expected = {"n4", "n5", "v1", "d1"}
    assert ids(store.search("أوكرانيا")) == expected
    assert ids(store.search("اوكرانيا")) == expected
    assert ids(store.search("لأوكرانيا")) == expected


def test_terms_are_anded(store):
    assert ids(store.search("أوكرانيا الطاقة")) == {"n4"}
    assert store.search("بكين النفط") == []


def test_or_and_exclusion(store):
    assert ids(store.search("النفط OR كييف")) == {"n3", "n4"}
    assert ids(store.search("أوكرانيا -مساعدات")) == {"n4", "v1", "d1"}


def test_phrase_query(store):
    assert ids(store.search('"العاصمة الصينية"')) == {"n2"}
    assert ids(store.search("«وزير الخارجية»")) == {"v1"}
    assert store.search('"الصينية العاصمة"') == []


def test_english_entity_name_finds_linked_articles(store):
    assert ids(store.search("Wang Yi")) == {"v1"}
    assert ids(store.search("Ukraine")) == {"v1", "d1"}  # only articles whose entities are linked


def test_snippet_shows_original_text_with_hits_marked(store):
    hit = next(h for h in store.search("لبكين") if h.id == "n2")
    assert "وفي لبكين قال" in hit.text  # the original, not the stem "كين"
    marked = [hit.text[s:e] for s, e in hit.highlights]
    assert marked == ["لبكين"]
    assert "[لبكين]" in hit.snippet
    assert hit.marked("<mark>", "</mark>").count("<mark>") == 1


def test_snippet_marks_every_spelling(store):
    hit = next(h for h in store.search("اوكرانيا") if h.id == "n4")
    assert [hit.text[s:e] for s, e in hit.highlights] == ["اوكرانيا"]
    hit = next(h for h in store.search("اوكرانيا") if h.id == "n5")
    assert [hit.text[s:e] for s, e in hit.highlights] == ["لأوكرانيا"]


def test_ranking_prefers_title_and_frequency(tmp_path):
    with Store(tmp_path / "rank.db") as s:
        s.upsert(Doc(id="once", title="أخبار متفرقة", body="وفي سياق آخر، وصلت شحنة مساعدات إلى غزة صباح اليوم."))
        s.upsert(Doc(id="main", title="غزة تحت الحصار",
                     body="تعيش غزة أزمة إنسانية، وقال مسؤولون في غزة إن المعابر مغلقة منذ أسبوع."))
        for i in range(8):
            s.upsert(Doc(id=f"f{i}", title=f"خبر {i}", body=f"ارتفعت أسعار الذهب في الأسواق للمرة {i} هذا العام."))
        hits = s.search("غزة")
    assert [h.id for h in hits] == ["main", "once"]
    assert hits[0].score > hits[1].score > 0


def test_paging_and_count(store):
    all_hits = store.search("أوكرانيا", limit=10)
    assert store.count("أوكرانيا") == len(all_hits) == 4
    assert [h.id for h in store.search("أوكرانيا", limit=2, offset=2)] == [h.id for h in all_hits[2:]]


def test_queries_with_only_punctuation_or_fts_syntax_are_safe(store):
    assert store.search("") == []
    assert store.search("  ،؟ ") == []
    assert store.search('"') == []
    for q in ("NEAR(", "AND OR NOT", "bad*query^", "col:term"):
        assert isinstance(store.search(q), list)  # FTS5 syntax is quoted, never an error
    assert store.search("-أوكرانيا") == []


def test_diacritics_and_tatweel_in_query(store):
    assert ids(store.search("بِكِين")) == ids(store.search("بكين"))
    assert ids(store.search("أوكـــرانيا")) == ids(store.search("أوكرانيا"))


def test_long_body_snippet_is_a_window_around_the_hits():
    body = " ".join(["كلمة"] * 200) + " وزار الرئيس الفرنسي مدينة بكين أمس " + " ".join(["نص"] * 200)
    snip = make_snippet(body, parse_query("بكين الفرنسي").keys)
    assert snip.text.startswith("…") and snip.text.endswith("…")
    assert len(snip.text) < 300
    assert sorted(snip.text[s:e] for s, e in snip.highlights) == ["الفرنسي", "بكين"]
    phrase = make_snippet("قال وزير الدفاع إن الوزير زار الدفاع المدني", parse_query('"وزير الدفاع"').keys)
    assert [phrase.text[s:e] for s, e in phrase.highlights] == ["وزير الدفاع", "الوزير", "الدفاع"]


def test_parse_query_builds_quoted_fts_terms():
    q = parse_query('بكين "وزير الدفاع" OR موسكو -واشنطن')
    assert q.expression.count('"') % 2 == 0
    assert "NOT" in q.expression and " OR " in q.expression


def test_a_spelling_finds_articles_with_other_spellings_of_the_linked_entity(tmp_path):
    with Store(tmp_path / "sp.db") as s:
        s.upsert(visit_doc("a1", spelling="وانغ يي"))
        s.upsert(visit_doc("a2", spelling="وانج يي"))
        s.upsert(Doc(id="n", title="سوق", body="افتتح سوق شعبي جديد في المدينة القديمة وسط إقبال كبير."))
        assert {h.id for h in s.search("وانج يي")} == {"a1", "a2"}
        assert {h.id for h in s.search('"وانغ يي"')} == {"a1", "a2"}
        hit = next(h for h in s.search("وانج يي") if h.id == "a1")
        assert "وانغ يي" in [hit.text[a:b] for a, b in hit.highlights]  # the other spelling is marked
        assert {h.id for h in s.search("Wang Yi")} == {"a1", "a2"}


def test_office_titles_do_not_become_spellings(tmp_path):
    doc = visit_doc("a1")
    at = doc.body.index("وزير الخارجية الروسي")
    doc.mentions.append(Mention("وزير الخارجية الروسي", at, at + 20, "PER", "kb:sergey_lavrov", role="foreign minister"))
    other = Doc(id="x", title="تعيين", body="أعلنت الحكومة تعيين وزير الخارجية الجديد خلفا للوزير السابق.")
    with Store(tmp_path / "t.db") as s:
        s.upsert(doc)
        s.upsert(other)
        assert s.entity("وزير الخارجية الروسي") is None
        assert {h.id for h in s.search('"وزير الخارجية"')} == {"a1", "x"}
        assert {h.id for h in s.search("لافروف")} == {"a1"}


def test_filters_by_outlet_and_date(tmp_path):
    with Store(tmp_path / "f.db") as s:
        s.upsert(visit_doc("a1", "الشرق", "2024-05-16"))
        s.upsert(visit_doc("a2", "الوطن", "2024-05-17"))
        s.upsert(visit_doc("a3", "الشرق", "2024-06-02"))
        assert {h.id for h in s.search("لافروف", outlet="الشرق")} == {"a1", "a3"}
        assert {h.id for h in s.search("لافروف", since="2024-05-17")} == {"a2", "a3"}
        assert {h.id for h in s.search("لافروف", until="2024-05")} == {"a1", "a2"}
        assert s.count("لافروف", outlet="الشرق", until="2024-05-31") == 1


def test_snippet_joins_paragraphs_with_one_space_and_keeps_marks_aligned():
    body = "الفقرة الأولى عن الطقس.\n\n\nوفي الفقرة الثانية زار الوفد بكين   أمس."
    snip = make_snippet(body, parse_query("بكين").keys)
    assert "\n" not in snip.text and "   " not in snip.text and "  " not in snip.text
    assert [snip.text[a:b] for a, b in snip.highlights] == ["بكين"]
    assert snip.text.endswith("أمس.")
