"""The learned trigger proposer: a word the lexicon lacks becomes an event when the
model reads it as a trigger, and then goes through the same argument rules as a
listed word. Models here are written by hand, so the tests hold whatever the
shipped weights are."""
from rasd.extract.events import find_events
from rasd.extract.proposer import Proposer, candidate, tense_of
from rasd.text.normalise import normalise
from test_extract_fixtures import make_doc

TURKEY = ("تركيا", "turkey")
# a model that knows one stem as an attack: دكت (pounded) is not in the lexicon
POUNDED = Proposer({"ASSAULT": {"bias": -3.0, "threshold": 0.5, "weights": {"s:دكت": 5.0}}})


def _events(text, mentions, proposer):
    doc = make_doc(text, mentions, published="2015-07-26")
    return find_events(doc, None, scored=False, proposer=proposer)


def test_a_word_the_lexicon_lacks_is_an_event_with_its_doer_when_proposed():
    evs = _events("دكت تركيا مواقع المسلحين قرب الحدود العراقية أمس.", [TURKEY], POUNDED)
    assert [(e.type, e.actor) for e in evs] == [("ASSAULT", "kb:turkey")]
    assert evs[0].date == "2015-07-25"


def test_without_the_proposer_the_lexicon_alone_decides():
    assert _events("دكت تركيا مواقع المسلحين قرب الحدود العراقية أمس.", [TURKEY], False) == []


def test_a_proposed_verb_in_a_standing_relation_is_no_event():
    """The rules still judge a proposed word: the present tense in a relative clause describes."""
    evs = _events("وقالت تركيا إن الجماعات التي تدك المدن تهدد المنطقة.", [TURKEY],
                  Proposer({"ASSAULT": {"bias": -3.0, "threshold": 0.5, "weights": {"s:تدك": 5.0}}}))
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_particles_and_numbers_are_never_proposed():
    anything = Proposer({"ASSAULT": {"bias": 10.0, "threshold": 0.5, "weights": {}}})
    for word in ("على", "إلى", "التي", "2015", "نفسه"):
        assert anything.propose([normalise(word)], 0, {}, {}) == []
    assert candidate(normalise("نكلت"))


def test_the_tense_of_a_proposed_word_is_read_off_its_letters():
    assert [tense_of(normalise(w)) for w in ("نكلت", "ينكلون", "سينكلون", "التنكيل", "مداهمات")] == \
        ["past", "present", "future", "noun", "noun"]


def test_a_word_the_lexicon_rules_out_is_never_proposed():
    """``not_triggers`` (ليزر, a ministry's وزارة) bind the proposer too, however sure it is."""
    sure = Proposer({"ASSAULT": {"bias": 10.0, "threshold": 0.5, "weights": {}}})
    evs = _events("قصفت وزارة تركيا المدن.", [TURKEY], sure)
    assert not [e for e in evs if e.trigger and normalise(e.trigger) == "وزاره"]
