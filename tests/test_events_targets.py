"""The learned target chooser (rasd.extract.arguments) on sentences written here."""
from test_extract_fixtures import run

from rasd.extract.arguments import load
from rasd.extract.clause import SentenceView
from rasd.extract.events import find_events
from rasd.extract.lexicon import cues

SENTENCE = "وأطلق مسلحون النار على دورية للجيش التركي قرب أنقرة فقتلوا ثلاثة جنود."
MENTIONS = [("التركي", "turkey"), ("أنقرة", "ankara")]


def test_the_shipped_chooser_never_makes_the_actor_its_own_target():
    model = load()
    assert model is not None
    doc = run(SENTENCE, MENTIONS)
    view = SentenceView(doc, doc.sentences[0], cues())
    actor = next(p for p in view.parties if p.agent == "gunmen")
    for i in range(len(view.tokens)):
        assert model.choose(view, i, "ASSAULT", actor, None) is not actor


def test_types_it_was_not_trained_on_keep_the_rules_target():
    doc = run("واستقبل الرئيس التركي رجب طيب أردوغان وزير الخارجية الروسي.", [("رجب طيب أردوغان", "erdogan")])
    view = SentenceView(doc, doc.sentences[0], cues())
    rule = view.parties[0]
    assert load().choose(view, 0, "CONSULT", None, rule) is rule


class Last:
    """A chooser that always takes the last party of the sentence."""

    def choose(self, view, i, etype, actor, rule):
        return view.parties[-1] if etype == "ASSAULT" else rule


def test_the_chosen_party_becomes_the_events_target():
    doc = run(SENTENCE, MENTIONS)
    last = SentenceView(doc, doc.sentences[0], cues()).parties[-1].text
    rules = [e.target_text for e in find_events(doc, None, scored=False) if e.type == "ASSAULT"]
    chosen = [e.target_text for e in find_events(doc, None, targets=Last()) if e.type == "ASSAULT"]
    assert last in chosen and rules != chosen
