"""The learned actor/target chooser (rasd.extract.arguments) on sentences written here."""
from test_extract_fixtures import run

from rasd.extract.arguments import load
from rasd.extract.clause import SentenceView
from rasd.extract.events import find_events
from rasd.extract.lexicon import cues, triggers
from rasd.text.normalise import normalise

SENTENCE = "وأطلق مسلحون النار على دورية للجيش التركي قرب أنقرة فقتلوا ثلاثة جنود."
MENTIONS = [("التركي", "turkey"), ("أنقرة", "ankara")]


def _hit(word: str):
    return triggers().match(normalise(word))[0]


def test_the_shipped_chooser_never_makes_the_actor_its_own_target():
    model = load()
    assert model is not None
    doc = run(SENTENCE, MENTIONS)
    view = SentenceView(doc, doc.sentences[0], cues())
    actor = next(p for p in view.parties if p.agent == "gunmen")
    hit = _hit("وأطلق")
    for i in range(len(view.tokens)):
        chosen_actor, chosen_target = model.choose(view, i, hit, "ASSAULT", actor, None)
        assert chosen_target is None or chosen_target is not chosen_actor


def test_types_it_was_not_trained_on_keep_the_rules_actor_and_target():
    doc = run("واستقبل الرئيس التركي رجب طيب أردوغان وزير الخارجية الروسي في أنقرة.",
              [("رجب طيب أردوغان", "erdogan"), ("الروسي", "russia"), ("أنقرة", "ankara")])
    view = SentenceView(doc, doc.sentences[0], cues())
    actor, target = view.parties[0], view.parties[-1]
    assert "CONSULT" not in load().types
    assert load().choose(view, 0, _hit("واستقبل"), "CONSULT", actor, target) == (actor, target)


class Last:
    """A chooser that always takes the last party of the sentence as target."""

    def choose(self, view, i, hit, etype, actor, target):
        return actor, view.parties[-1] if etype == "ASSAULT" else target


class Swap:
    """A chooser that swaps the rules' actor and target."""

    def choose(self, view, i, hit, etype, actor, target):
        return target, actor


def test_the_chosen_party_becomes_the_events_target():
    doc = run(SENTENCE, MENTIONS)
    last = SentenceView(doc, doc.sentences[0], cues()).parties[-1].text
    rules = [e.target_text for e in find_events(doc, None, scored=False) if e.type == "ASSAULT"]
    chosen = [e.target_text for e in find_events(doc, None, arguments=Last()) if e.type == "ASSAULT"]
    assert last in chosen and rules != chosen


def test_the_chosen_actor_becomes_the_events_actor():
    doc = run("اتهمت روسيا فرنسا بالتدخل في شؤونها.", [("روسيا", "russia"), ("فرنسا", "france")])
    rules = [(e.actor, e.target) for e in find_events(doc, None, scored=False) if e.type == "ACCUSE"]
    swapped = [(e.actor, e.target) for e in find_events(doc, None, arguments=Swap()) if e.type == "ACCUSE"]
    assert rules == [("kb:russia", "kb:france")] and swapped == [("kb:france", "kb:russia")]


def test_an_honorific_with_the_article_is_no_preposition():
    """صاحب السمو الملكي: the ل of the article in السمو is not the preposition لـ, so the
    prince after it is the subject of the meeting, not its target (a Saudi outlet's style)."""
    doc = run("اجتمع صاحب السمو الملكي الأمير محمد بن سلمان في جدة مساء اليوم مع سيرغي لافروف.",
              [("محمد بن سلمان", "mbs"), ("سيرغي لافروف", "lavrov")], published="2015-07-30")
    assert [(e.type, e.actor, e.target) for e in doc.events] == [("CONSULT", "kb:mbs", "kb:lavrov")]


def test_an_honorific_after_a_preposition_keeps_the_prince_the_target():
    """لصاحب السمو الملكي الأمير X: the لـ on صاحب makes the prince the one thanked."""
    doc = run("وقال سيرغي لافروف إن المحادثات كانت مثمرة، شاكرا لصاحب السمو الملكي الأمير محمد بن سلمان حسن الاستقبال.",
              [("محمد بن سلمان", "mbs"), ("سيرغي لافروف", "lavrov")], published="2015-07-30")
    assert ("SUPPORT", "kb:lavrov", "kb:mbs") in [(e.type, e.actor, e.target) for e in doc.events]
