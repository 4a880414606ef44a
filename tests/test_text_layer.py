"""The text layer: normalisation keeps offsets, clitics fold for search, sentences end where Arabic ends them."""
from rasd.text.normalise import normalise, normalise_with_map, proclitic_splits, search_key
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize


def test_normalise_folds_orthographic_variants():
    assert normalise("إسرائيل") == normalise("اسرائيل")
    assert normalise("مصطفى") == normalise("مصطفي")
    assert normalise("القاهرة") == "القاهره"
    assert normalise("عُقِدَتْ") == "عقدت"
    assert normalise("الـقـمـة") == "القمه"
    assert normalise("عام ٢٠٢٤") == "عام 2024"


def test_normalise_map_points_back_to_original():
    text = "قالَ الرئيسُ ــ أمس"
    norm, index = normalise_with_map(text)
    assert len(norm) == len(index)
    pos = norm.index("الرييس")
    assert text[index[pos]:index[pos + len("الرييس") - 1] + 1] == "الرئيسُ"[:-1]


def test_search_key_joins_prefixed_forms():
    for w in ["بكين", "وبكين", "لبكين", "فبكين"]:
        assert search_key(w) == search_key("بكين")
    for w in ["أوكرانيا", "وأوكرانيا", "لأوكرانيا", "اوكرانيا"]:
        assert search_key(w) == search_key("أوكرانيا")
    assert search_key("بالقاهرة") == search_key("القاهرة") == search_key("والقاهرة")
    assert search_key("بكين") != search_key("موسكو")


def test_proclitic_splits_offer_bare_reading_first():
    splits = proclitic_splits(normalise("ولافروف"))
    assert splits[0] == ("", "ولافروف")
    assert ("و", "لافروف") in splits
    assert ("لل", "الامم") in proclitic_splits(normalise("للأمم"))


def test_sentences_do_not_split_on_commas_or_decimals():
    text = ("قال الوزير، في مؤتمر صحفي، إن النمو بلغ 3.5 في المئة. وأضاف أن الحكومة ستواصل الإصلاحات!\n"
            "هل تنجح الخطة؟ يرى محللون ذلك… لكنهم حذروا.")
    parts = [text[s.start:s.end] for s in split_sentences(text)]
    assert parts == [
        "قال الوزير، في مؤتمر صحفي، إن النمو بلغ 3.5 في المئة.",
        "وأضاف أن الحكومة ستواصل الإصلاحات!",
        "هل تنجح الخطة؟",
        "يرى محللون ذلك… لكنهم حذروا.",
    ]


def test_sentence_end_keeps_closing_quote():
    text = 'وقال: "نحن مستعدون للحوار." ثم غادر القاعة.'
    parts = [text[s.start:s.end] for s in split_sentences(text)]
    assert parts[0].endswith('."')


def test_tokens_keep_offsets_and_model_names():
    text = "أطلقت المقاتلة سو-57 صاروخين، وقُتل 3 أشخاص."
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert "سو-57" in [t.text for t in toks]
    assert "،" in [t.text for t in toks]


def test_tokens_keep_diacritics_and_tatweel_inside_words():
    text = "وصلَ الرئيسُ إلى بِكِين والـقـاهرة"
    assert [t.text for t in tokenize(text)] == ["وصلَ", "الرئيسُ", "إلى", "بِكِين", "والـقـاهرة"]
