"""The fine-tuned encoder inside the recogniser, on sentences written for these tests.

The names below never occur in ANERcorp's train split, so finding them is the
encoder reading the context, not remembering the name.
"""
from __future__ import annotations

import numpy as np
import pytest

from rasd.doc import Doc
from rasd.recognise import recognise
from rasd.recognise.encoder import CONTEXT, CORE, LABELS, bio_decode, encoder, windows
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize


def mentions(body: str) -> list:
    doc = Doc(id="t", body=body)
    recognise(doc)
    for m in doc.mentions:
        assert body[m.start : m.end] == m.text
    return doc.mentions


def people(body: str) -> set[str]:
    return {m.text for m in mentions(body) if m.type == "PER"}


def encoder_tags(body: str) -> dict[str, str]:
    """The encoder's own BIO tags (no CRF, no propagation), word by word."""
    words = [t.text for t in tokenize(body)]
    return dict(zip(words, bio_decode(encoder().word_logprobs([words])[0])))


@pytest.mark.parametrize("body, first, last", [
    ("وقال وزير الخارجية الإستوني أورماس رينسالو للصحفيين إن بلاده تدعم العقوبات.", "أورماس", "رينسالو"),
    ("استقبل الرئيس الأوغندي يويري موسيفيني في كمبالا وفدا من رجال الأعمال.", "يويري", "موسيفيني"),
])
def test_the_encoder_alone_reads_an_unseen_name_as_a_person(body, first, last):
    tags = encoder_tags(body)
    assert (tags[first], tags[last]) == ("B-PER", "I-PER")


@pytest.mark.parametrize("body, name", [
    ("وقال وزير الخارجية الإستوني أورماس رينسالو للصحفيين إن بلاده تدعم العقوبات.", "أورماس رينسالو"),
    ("استقبل الرئيس الأوغندي يويري موسيفيني في كمبالا وفدا من رجال الأعمال.", "يويري موسيفيني"),
    ("أكد الرئيس الكازاخي قاسم جومارت توكاييف خلال القمة أهمية التعاون الإقليمي.", "قاسم جومارت توكاييف"),
])
def test_unseen_names_are_people_from_their_context(body, name):
    assert any(name in p or p in name and len(p.split()) >= 2 for p in people(body)), people(body)


@pytest.mark.parametrize("body", [
    "يحدونا أمل كبير في أن تنجح المفاوضات بين الطرفين هذا الأسبوع.",
    "كان الجمهور سعيدا بالعرض الذي قدمته الفرقة مساء أمس.",
    "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج.",
])
def test_common_words_are_not_taken_for_names(body):
    assert people(body) == set()
    assert set(encoder_tags(body).values()) == {"O"}


def test_a_long_sentence_is_read_in_windows_without_losing_offsets():
    filler = " ".join(["وأضاف المتحدث أن الاجتماع تناول قضايا عديدة تهم البلدين"] * 40)
    body = filler + " وقال رئيس الوزراء الأسترالي أنتوني ألبانيزي إن الاتفاق سيوقع قريبا"
    sentences = split_sentences(body)
    assert len(sentences) == 1 and len(tokenize(body)) > 3 * CORE  # one sentence, several windows long
    found = [m for m in mentions(body) if m.type == "PER"]
    assert [m.text for m in found] == ["أنتوني ألبانيزي"]
    assert found[0].end == body.index(" إن الاتفاق")


def test_every_word_is_scored_once_with_context_either_side():
    sizes = [1, 3, 2, 16, 1, 1, 5] * 60
    wins = windows(sizes)
    scored = [w for lo, a, b, hi in wins for w in range(a, b)]
    assert scored == list(range(len(sizes)))
    assert len(wins) > 1
    for lo, a, b, hi in wins:
        assert sum(sizes[a:b]) <= CORE and sum(sizes[lo:a]) <= CONTEXT and sum(sizes[b:hi]) <= CONTEXT
    assert any(lo < a for lo, a, _, _ in wins) and any(b < hi for _, _, b, hi in wins)


def test_words_of_unknown_characters_still_get_scores():
    words = ["وصل", "🙂🙂", "漢字", "إلى", "الرياض"]
    assert encoder().segment.pieces("🙂🙂")
    (logp,) = encoder().word_logprobs([words])
    assert logp.shape == (len(words), len(LABELS))
    assert np.allclose(np.exp(logp).sum(1), 1.0, atol=1e-3)


def test_decoding_never_continues_an_entity_that_was_not_opened():
    rng = np.random.default_rng(0)
    for _ in range(50):
        tags = bio_decode(np.log(rng.dirichlet(np.ones(len(LABELS)), size=12)))
        for prev, tag in zip(["O", *tags], tags):
            if tag.startswith("I-"):
                assert prev[2:] == tag[2:]


def test_the_encoder_reads_only_around_the_words_that_need_it():
    sizes = [2] * 200
    need = [False] * 200
    need[50] = need[54] = need[150] = True
    wins = windows(sizes, need)
    scored = [w for lo, a, b, hi in wins for w in range(a, b)]
    assert {50, 54, 150} <= set(scored) and set(range(50, 55)) <= set(scored)  # a short gap is read through
    assert len(scored) < 20
    assert all(sum(sizes[lo:a]) <= CONTEXT and sum(sizes[b:hi]) <= CONTEXT for lo, a, b, hi in wins)
    assert windows(sizes, [True] * 200) == windows(sizes)


def test_words_the_encoder_does_not_read_have_no_scores():
    words = ["وصل", "الوفد", "إلى", "الرياض", "صباح", "اليوم"]
    (logp,) = encoder().word_logprobs([words], [[False, False, False, True, False, False]])
    assert not np.isnan(logp[3]).any() and np.isnan(logp[0]).all()


def test_a_sentence_the_crf_is_sure_holds_no_name_still_gets_tags():
    body = "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج. وقال المحلل خالد العنزي إن الأسعار ستواصل الصعود."
    assert people(body) == {"خالد العنزي"}
