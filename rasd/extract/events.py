"""PLOVER events from trigger words and the linked parties around them.

Ontology: PLOVER 2.0 as in the POLECAT codebook (2021), sixteen event types
with their modes; the lexicon and its documented deviations are in
rasd/data/plover/triggers.yaml. Negated events (لم يلتق، نفى ... أن) carry
``negated``, hedged ones (من المتوقع أن، قد يزور) ``hypothetical``; plans in
the future tense (سيجتمع الثلاثاء) are events like any other.

Precision first, as event coders do: an event needs a trigger from the
lexicon (rasd/data/plover/triggers.yaml) -- or, for a word the lexicon lacks,
one a learned token classifier proposes (rasd.extract.proposer, trained on
the GSR's trigger spans) -- whose constraints hold and an actor
(a linked entity, or a generic agent such as "مسلحون" kept as ``actor_text``)
-- except ASSAULT and PROTEST, which PLOVER codes with an unknown actor when
the report shows the act (انفجرت سيارة مفخخة ... مقتل عشرة أشخاص): those keep
actor None, at most one per sentence and type. ASSAULT/PROTEST candidates then
pass a learned check of factuality (rasd.extract.scorer): talk about violence
(questions, opinions, "مسلسل الاغتيالات") is no event.
Slots come from word order and the word before each name (see
``rasd.extract.clause``): in VSO the first bare name after a verb is the
actor; a name after مع/بـ/إلى/على/ضد is the target; في + place is the
location; a visit's destination is the location and its country the target.
Nominal triggers take the name right after them (زيارة بوتين) or the subject
of a light verb (يجري شويغو مشاورات) and never the subject of another verb
(أدانت الصين العقوبات: China is not the sanctioner).
Agreement settles who acts when word order alone cannot: a verb joined by و
with no subject of its own keeps the previous clause's (وأدانت الصين ...
واتهمت الحلف بـ: China accuses NATO), a feminine verb does not take a man as
subject, and a plural verb's subject stands before it (مسلحون ... وقتلوا X).
An event noun after وسط/رغم/بسبب/عقب is the setting of other news and needs
a doer; a protest's target is whom it is against (ضد، احتجاجا على), never
the square it fills.
Voice is read from the text where the script hides it: a harm verb with no
object, a passive form (أصيب) or a written damma (قُتل) makes its subject the
one acted on; a name after a bare noun is that noun's genitive (حلفاء تركيا),
not the subject.
Headline acts follow the PLOVER codebook where a word misleads: leaving an
agreement is SANCTION/withdraw (not RETREAT), a declared ceasefire RETREAT
(never ASSAULT), a resignation CONCEDE, a court's sentence ACCUSE; an
imperfect verb in a relative clause (الدول التي تدعم) is a standing relation,
no event; an act after من أجل/بهدف is an aim; proposals, threats and blocked
acts make what follows hypothetical. An event's actor and target are
finally weighed by a learned chooser (rasd.extract.arguments).
Speech is an act when what is said charges someone: قال/أكد ... إن with a
pejorative label or a charge verb opening its content, or وصف X بـ a label, is
ACCUSE from the speaker to the party labelled (``_charge``); a label deep in a
report, a named party's standing epithet or a general statement is not. A
participle after a comma (..., شاكرا لـ، منددا بـ) continues its sentence's subject.
When the recogniser named no one, the phrase after a clause-initial verb is its
doer, kept as written (ودعا آل الشيخ، أبرمها الزعماء الأوروبيون) or linked when the
article names the same words; an arrest or dismissal told in the passive of a
named person needs no doer (أُقيل X، تم اعتقال X). A definite attack noun
(التفجير) is a new event only beside a recent date or a count of its dead.
Background is no news (benchmarks/EVENT_GUIDELINE.md): an act dated over a
month before publication (a week, in a relative clause), beside an earlier
year, or counted منذ a long-ago start is not coded. One act told again --
by a noun beside its verb, or in a later sentence -- is one event.
"""
from __future__ import annotations

from babel import Locale

from rasd.doc import Doc, Entity, Event
from rasd.extract.arguments import load as load_arguments
from rasd.extract.clause import RELATIVES, TIME_WORDS as _TIME_WORDS, Party, SentenceView
from rasd.extract.dates import date_expressions
from rasd.extract.lexicon import Entry, Hit, cues, readings, triggers
from rasd.extract.proposer import context as proposer_context, load as load_proposer
from rasd.extract.scorer import CASUALTIES, NUMBER_WORDS, counted_casualties, load as load_scorer
from rasd.text.dates import day_of, last_day_of
from rasd.text.normalise import normalise, proclitic_splits, search_key

SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
_RECIPROCAL = SYMMETRIC | {"AGREE"}  # "وقعت مصر وتركيا اتفاقية": the second signer is the target
_MERGEABLE = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_PLACES = ("GPE", "LOC")
# Event types a generic agent (مسلحون، الشرطة، المتظاهرون) may take part in.
_AGENT_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "THREATEN", "CONCEDE"})
# Generic agents that are victims, not doers: "قتل اربعة اشخاص" is passive.
_VICTIMS = frozenset({"civilians", "prisoners"})
# Agents that do not read as victims before a plural verb: "ثلاثة مسلحين أطلقوا النار" act,
# while "13 جنديا قتلوا" were killed (the unvowelled passive looks the same).
_ATTACKERS = frozenset({"gunmen", "militants", "fighters", "rebels"})
_PASSIVE = frozenset({"تم", "جري", "يتم", "سيتم", "وتم", "وجري", "يجري"})
_COUNTRY_NAMES = Locale("en").territories


def find_events(doc: Doc, kb=None, scored: bool = True, arguments=None, proposer=None) -> list[Event]:
    """Events of every sentence of ``doc``, merged across sentences.

    ``scored``: ASSAULT/PROTEST candidates pass the learned check of
    ``rasd.extract.scorer`` and events take actor and target from
    ``rasd.extract.arguments`` (False gives the rules alone, for training).
    ``arguments``: another actor/target chooser (anything with ``choose``),
    for training that model.
    ``proposer``: the learned proposer of triggers the lexicon lacks
    (``rasd.extract.proposer``); None takes the shipped one, False none,
    another for training and cross-validation.
    """
    lex, cue = triggers(), cues()
    scorer = load_scorer() if scored else None
    if arguments is None and scored:
        arguments = load_arguments()
    if proposer is None:
        proposer = load_proposer()
    events: list[Event] = []
    for span in doc.sentences:
        view = SentenceView(doc, span, cue)
        matches = [lex.match(n) for n in view.norms]
        view.verbs = [i for i, n in enumerate(view.norms)
                      if any(h.tense != "noun" for h in matches[i]) or cue.speech.match(n)]
        seen: set = set()
        told: list[Event] = []
        # a word of a name is no trigger: خالد بن طالب، مجلس التعاون الخليجي، قوات الدعم السريع
        named = {k for p in view.parties if p.entity for k in range(p.tok, p.tok_end)}
        kinds, listed = proposer_context(view, matches)
        for i, norm in enumerate(view.norms):
            if i in named:
                continue
            hits = (*matches[i], *_speech_charge(view, i))
            if not hits and proposer and not lex.blocks(norm):
                hits = proposer.propose(view.norms, i, kinds, listed)
            for hit in hits:
                if not _constraints_hold(view, i, hit):
                    continue
                ev = _build(view, i, hit, kb, arguments)
                if ev is not None and (scorer is None or scorer.keep(ev)):
                    key = _key(ev)
                    if key not in seen:
                        seen.add(key)
                        told.append(ev)
                break
        events += _one_unattributed(told)
    return _merge(events)


def _one_unattributed(told: list[Event]) -> list[Event]:
    """A sentence tells one act with several words (قتل ثلاثة جنود في هجوم شنه مسلحون;
    انفجرت سيارة مفخخة ... مقتل): a telling whose known parties another telling of the
    same type already has folds into that one, lending it the place and date it lacked;
    a doer-less telling folds into any of its type (the fullest first)."""
    def parties(e: Event) -> tuple:
        return (e.actor or e.actor_text, e.target or e.target_text)

    def covers(full: Event, part: Event) -> bool:
        if full.type != part.type:
            return False
        (fa, ft), (pa, pt) = parties(full), parties(part)
        if pa is None:
            return True  # doer-less tellings of a type in one sentence are one act
        if part.type in SYMMETRIC:
            return {pa, pt} - {None} <= {fa, ft}
        return pa in (None, fa) and pt in (None, ft)

    ranked = sorted(told, key=lambda e: -sum(p is not None for p in parties(e)))
    kept: list[Event] = []
    for ev in ranked:
        host = next((k for k in kept if covers(k, ev)), None)
        if host is None:
            kept.append(ev)
            continue
        _absorb(host, ev)
    return [e for e in told if e in kept]


def _absorb(host: Event, telling: Event) -> None:
    """A folded telling lends the event it joins the place and date that one lacked."""
    host.location = host.location or telling.location
    if not host.date:
        host.date, host.date_text = telling.date, telling.date_text


def _key(ev: Event):
    parties = (ev.actor or ev.actor_text, ev.target or ev.target_text)
    return (ev.type, frozenset(parties) if ev.type in SYMMETRIC else parties)



def _then_holds(view: SentenceView, i: int, hit: Hit) -> bool:
    """Whether a trigger that counts only with its object has it near (أطلق ... النار)."""
    e = hit.entry
    if not e.then:
        return True
    # a name counts as one word: "تعرض السفير البولندي في بغداد لهجوم"
    inner = {k for p in view.parties if p.entity for k in range(p.tok + 1, p.tok_end)}
    near = _window(view.norms, i + 1, e.within, 1, inner) + (
        _window(view.norms, i - 1, e.within, -1, inner) if e.around else [])
    return any(readings(t) & set(e.then) for t in near)


def _constraints_hold(view: SentenceView, i: int, hit: Hit) -> bool:
    e, n = hit.entry, view.norms
    if not _then_holds(view, i, hit):
        return False
    if e.needs == "charge" and _charge(view, i) is None:
        return False
    if e.unless_next and (j := _next_word(view, i)) is not None and readings(n[j]) & set(e.unless_next):
        return False
    if e.unless_prev and i > 0 and n[i - 1] in e.unless_prev:
        return False
    if e.needs == "place" and _destination(view, i) is None:
        return False
    if e.needs == "crowd" and _crowd(view, i) is None:
        return False
    if e.needs == "demand" and not any(t.startswith("ب") and len(t) > 3 or t in view.cues.complementisers
                                       for t in n[i + 1 : i + 15]):
        return False  # طالب الصيدلة: a student; طالبت مصر إيران بالالتزام: a demand
    before = n[i - 1] if i > 0 else ""
    if not e.masdar and (hit.tense == "noun" and before not in _PASSIVE or before and view.preposition(before)):
        return False  # في بحث التاريخ، عمليات البحث: research, not talks (جرى بحث العلاقات is)
    if hit.tense == "noun" and i > 0 and readings(n[i - 1]) & view.cues.anaphora:
        return False  # هذه الزيارة / على هامش القمة: told already, or a frame
    if hit.tense == "noun" and i > 0 and readings(n[i - 1]) & view.cues.purposes:
        return False  # من أجل وقف إطلاق النار، بهدف اعتقال: an aim, not an act
    if hit.tense == "noun" and i > 0 and readings(n[i - 1]) & _ANY:
        return False  # من أي هجوم، يرفض أي تدخل: any such act, none in particular
    if (hit.tense == "noun" and e.label in _NEW_ONLY and n[i].startswith(_DEFINITE)
            and not (i > 0 and readings(n[i - 1]) & _OUTBREAK) and not _fresh(view)):
        return False  # المظاهرات، الهجوم: an event told before, or violence in general
    return True


def _fresh(view: SentenceView) -> bool:
    """Whether a sentence reports a recent act: a date at most a week before publication
    (التفجير الذي وقع في عسير أمس) or the dead and wounded counted (ونتج عنه استشهاد عشرة).
    Then a definite attack noun is that act, the reason for the news, not one told before."""
    if counted_casualties(view.norms):
        return True
    published = day_of(view.doc.published)
    if published is None:
        return False
    for d in date_expressions(view.doc.body, view.span.start, view.span.end, view.doc.published, "past"):
        last = last_day_of(d.iso)
        if last is not None and 0 <= (published - last).days <= _RECALLED_DAYS:
            return True
    return False


_ANY = frozenset({"اي", "ايه"})


_ADVERBS = frozenset(normalise(w) for w in ("أيضا", "كذلك", "بدوره", "بدورها", "بدورهم"))


def _next_word(view: SentenceView, i: int) -> int | None:
    """The word after a trigger past its subject's name, time words and adverbs:
    "وتبحث الإمارات أيضا عن سبل" reads بحث عن (a search), "وتدين بنما بالفضل" دان بـ (owes)."""
    j, subject_seen = i + 1, False
    while j < len(view.norms):
        name = None if subject_seen else next((p for p in view.parties if p.entity and p.tok == j), None)
        if name is not None:  # one name only: in "حملت مصر إسرائيل المسؤولية" Israel is the object
            j, subject_seen = name.tok_end, True
        elif view.norms[j] in _TIME_WORDS or view.norms[j] in _ADVERBS:
            j += 1
        else:
            return j
    return None


def _window(norms: list[str], start: int, size: int, step: int, uncounted: set[int] = frozenset()) -> list[str]:
    """Up to ``size`` tokens from ``start`` in direction ``step``, not counting time words
    nor the ``uncounted`` positions."""
    out, k = [], start
    while 0 <= k < len(norms) and size > 0:
        out.append(norms[k])
        if norms[k] not in _TIME_WORDS and k not in uncounted:
            size -= 1
        k += step
    return out


def _destination(view: SentenceView, i: int) -> Party | None:
    """The place after the first إلى of a visit verb: "وصل إلى صنعاء"; not a place further on
    when that إلى governs something else ("وصلت المفاوضات إلى مراحلها الأخيرة ... فرنسا")."""
    window = view.right_window(i, limit=8)
    first = next((k for k in window if view.norms[k] == "الي"), None)
    for p in view.parties_in(window):
        if p.marker == "target" and p.prep in ("الي", "ل") and p.type in _PLACES:
            return p if first is None or p.tok <= first + 3 else None
    return None


_CROWDS = frozenset({"protesters", "crowds"})
_FORCES = frozenset({"police", "military", "weapons", "gunmen", "militants"})
_CROWD_WORDS = frozenset(normalise(w) for w in ("آلاف", "الآلاف", "مئات", "المئات", "حشود", "الحشود"))
# A definite event noun refers to an event already told or to the kind in
# general; on the event GSR these were never new ASSAULT/PROTEST events.
_NEW_ONLY = frozenset({"ASSAULT", "PROTEST"})
# Verbs that report an outbreak or a new round as news with the definite noun as
# subject: "تجددت المظاهرات في بورما أمس"، "اندلعت الاشتباكات".
_OUTBREAK = frozenset(normalise(w) for w in (
    "تجددت", "وتجددت", "اندلعت", "واندلعت", "تواصلت", "وتواصلت", "استمرت", "واستمرت", "عمت", "وعمت",
    "اجتاحت", "واجتاحت", "تصاعدت", "وتصاعدت", "امتدت", "وامتدت", "تتواصل", "تستمر", "تتجدد", "تندلع"))
# After لـ/بـ the definite masdar tells purpose or manner of a new act
# (تجمعوا للاحتجاج على، قام بالاعتداء): only the bare article refers back.
_DEFINITE = ("ال", "وال", "فال")


def _counted(norm: str) -> bool:
    return norm.isdigit() or norm in _COUNTS


def _crowd(view: SentenceView, i: int) -> Party | None:
    """Protesters or a crowd as the subject around a trigger (تجمع آلاف المتظاهرين، مئات العمال،
    عدد من أنصار الحريري). A plural verb's crowd may stand further back, in the same clause:
    "الآلاف من المتظاهرين من تلاميذ مرحلة الأساس ... تدفقوا"."""
    back = 6
    if _plural(view.norms[i]):
        back = next((i - k for k in range(i - 1, max(-1, i - 15), -1) if view.boundary(k)), 14)
    near = [p for p in view.parties if p.marker in (None, "coord") and -back <= p.tok - i <= 4
            and (p.agent in _CROWDS or readings(view.norms[p.tok]) & _CROWD_WORDS or _counted_people(view, p))]
    return min(near, key=lambda p: abs(p.tok - i)) if near else None


def _counted_people(view: SentenceView, p: Party) -> bool:
    """Civil people told by their number: "عدد من أنصار"، "مئتا طالب"."""
    return bool(p.agent) and p.agent not in _FORCES and p.agent not in _VICTIMS and _by_number(view, p)


def _by_number(view: SentenceView, p: Party, vague: bool = True) -> bool:
    """Whether a party is told by its number: "ثلاثة جنود"، "9 متمردين"، and, when
    ``vague``, "عدد من المسلحين" (a doer too: "قام عدد من المسلحين بخطف")."""
    k = p.tok - 1
    if k >= 0 and view.norms[k] == "من":
        k -= 1
    return k >= 0 and (_counted(view.norms[k]) or vague and view.norms[k] in ("عدد", "عددا"))


# Types whose unnamed object is kept as written: the victim (قتل 47 ارهابيا), the
# detainee, the deed condemned (أدانت الصين العقوبات الغربية).
_TEXT_TARGETS = frozenset({"ASSAULT", "COERCE", "ACCUSE"})
_COUNTING = frozenset(normalise(w) for w in (
    "نحو", "زهاء", "حوالي", "قرابة", "اكثر", "ما", "لا", "يقل", "عن", "من", "عشرات", "مئات", "الاف", "آلاف",
    "اثنين", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عدد", "عددا",
    "بعض", "احد", "أحد", "النار", "الرصاص", "النيران", "علي", "على", "قذائف", "صواريخ", "صاروخا"))


# Words of a sports report, where يلتقي/يستضيف/لقاء tell a match.
_SPORT = frozenset(normalise(w) for w in (
    "مباراه", "مباراة", "مباريات", "ملعب", "ملعبه", "الدوري", "دوري", "كاس", "الكاس", "الشوط", "الودية", "ودية",
    "اللاعب", "لاعب", "اللاعبين", "لاعبي", "لاعبيه", "ناديه", "النادي"))
# Types a sports report holds only as matches, contracts and rows: يلتقي الأهلي والزمالك،
# قرر النادي التنازل عن اللاعب، وقع اللاعب عقدا مع الهلال.
_NOT_IN_SPORT = frozenset({"CONSULT", "AGREE", "CONCEDE", "REJECT", "COOPERATE", "REQUEST", "ACCUSE"})
# The public a place or a notable receives, which is no meeting between actors.
_AUDIENCE = frozenset(normalise(w) for w in (
    "الزوار", "زواره", "زوارها", "زائريه", "المهنئين", "المعزين", "جموع", "المراجعين", "المصلين", "الحجاج",
    "المعتمرين", "السياح", "الجمهور", "المواطنين", "المتسوقين", "زبائنه", "زبائنها", "الزبائن", "روادها", "رواده"))
# Functions a place or body hosts, which make hosting no meeting between actors.
# Matched through ``readings``, so the bare form covers the definite one (المؤتمر).
_FUNCTIONS = frozenset(normalise(w) for w in (
    "مؤتمر", "حفل", "معرض", "مهرجان", "ملتقى", "ندوه", "ورشه", "منتدى", "بطوله", "الدوره", "فعاليات", "مسابقه"))
# Adverbs of a habit: "يتشاور البلدان دوريا" tells how things stand, not what happened.
_HABITUAL = frozenset(normalise(w) for w in ("دوريا", "باستمرار", "عاده", "دائما", "سنويا", "شهريا", "اسبوعيا"))
# Event words that describe a weapon or its bearer rather than name an attack:
# "انتحاريا يقود سيارة مفخخة فجر نفسه" (the bomber, not the car, blew himself up).
_WEAPON_ADJECTIVES = frozenset({"مفخخه", "ناسفه", "ناسفا", "ناسفين", "انتحاري", "انتحاريه"})
# Quantity words that may lead a subject: "أطلق بعض الفدائيين النار".
_QUANTIFIERS = frozenset(normalise(w) for w in ("بعض", "عدد", "من", "كل", "جميع", "مجموعة", "احد", "أحد"))
# Adverbs between a verb and its object: "أدانت مصر بقوة العملية الإرهابية".
_MANNER = frozenset(normalise(w) for w in ("بشدة", "بقوة", "مجددا", "أيضا", "كذلك", "فورا", "رسميا", "علنا"))
# Times of day that are also verbs or nouns: "أصيب فجر أمس" is dawn, not a victim.
_DAYTIME = frozenset({"فجر", "ظهر", "عصر", "منتصف", "ليل"})
# Pronouns a preposition carries: بينهم، منها، عليه.
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")
# "فجر نفسه": the bomber is no victim of his own.
_REFLEXIVES = frozenset(normalise(w) for w in ("نفسه", "نفسها", "نفسيهما", "أنفسهم", "انفسهم", "أنفسهما"))


def _object_text(view: SentenceView, i: int, hit: Hit, actor: Party | None, etype: str) -> str | None:
    """The unnamed victim or object right after the trigger (and its subject), as written.

    "قتلت القوات 47 ارهابيا" -> "ارهابيا"; "اغتيال العميد فرنسوا الحاج" -> the
    words themselves; counting words and "أطلق النار على" are skipped. None when
    the verb has no object: an instrument (قتلا بانفجار عبوة), another verb (قتل
    وجرح سبعة) or the time of day (أصيب فجر أمس ثلاثة) comes first.
    """
    k = i + 1
    if actor is not None and actor.tok > i and not hit.entry.passive:  # استشهد [فلسطينيان] برصاص X: first the victim
        k = actor.tok_end
        while (nxt := next((p for p in view.parties if p.tok == k and _same(p, actor)), None)) is not None:
            k = nxt.tok_end  # the subject's name after its title: الرئيس الفرنسي [إيمانويل ماكرون]
    words: list[int] = []
    while k < len(view.norms) and len(words) < 3:
        t = view.norms[k]
        if (view.boundary(k) or t in RELATIVES or t in _REFLEXIVES or t in view.cues.place_preps
                or (t in view.cues.other_preps and t != "من")):
            break
        if words and (t in view.cues.target_preps or _preposition_with_pronoun(view, t) or any(
                p.tok == k for p in view.parties) and not readings(view.norms[words[-1]]) & view.cues.titles):
            break  # the object ends where a name or its preposition starts: العقوبات [ضد موسكو]،
            # 20 متظاهرا [بينهم] خمس نساء; a title's body is the title's own: رئيس البلدية
        if words and etype == "ASSAULT" and t.startswith("ب") and len(t) > 3:
            break  # قتل جنديان [برصاص] قناص: the instrument follows the victim
        if words and (t.isdigit() or t in NUMBER_WORDS or t + "ه" in NUMBER_WORDS):
            break  # بسجن عشرة متهمين [خمس سنوات]: a number after the object counts something else
        if not words and (t.isdigit() or t in _COUNTING or t in _TIME_WORDS or t in _MANNER
                          or hit.entry.then and readings(t) & set(hit.entry.then)
                          or t in _DAYTIME and k + 1 < len(view.norms) and view.norms[k + 1] in _TIME_WORDS):
            k += 1
            continue
        if date_expressions(view.tokens[k].text):
            break
        if etype == "ASSAULT" and not words and t.startswith("ب") and not any(p.tok == k for p in view.parties):
            nxt = view.norms[k + 1] if k + 1 < len(view.norms) else ""
            if nxt.isdigit() or nxt in _COUNTING or readings(nxt) & _PEOPLE:
                k += 1  # قتل متطرفون بالرصاص 48 مصليا: the manner, then whom
                continue
            break  # قتلا بانفجار عبوة ناسفة، أصيب بجروح: how, not whom (ندد بالغارات: the deed)
        if any(h.tense in ("past", "present") for h in triggers().match(t)):
            break  # قتل وجرح سبعة آخرون: the next verb
        words.append(k)
        k += 1
    while words and view.preposition(view.norms[words[-1]]):
        words.pop()  # وزير الصحة [من منصبه]: the preposition starts what follows
    if not words:
        return None
    return view.doc.body[view.tokens[words[0]].start : view.tokens[words[-1]].end]


def _preposition_with_pronoun(view: SentenceView, t: str) -> bool:
    """A preposition carrying a pronoun (بينهم، منهم، عليها): what follows tells about what came
    before, it is no more of it."""
    return any(t.endswith(s) and view.preposition(t[: -len(s)]) for s in _PRONOUN_SUFFIXES)


def _marked_passive(view: SentenceView, i: int, hit: Hit) -> bool:
    """A past verb written with its passive damma (قُتل، اُعتقل، واتُّهم): outlets add the
    vowel exactly where the unvowelled form would read as active."""
    word = view.tokens[i].text
    start = len(word) - len(word.lstrip("وف"))  # after a proclitic و/ف
    return hit.tense == "past" and "\u064f" in word[start : start + 4]


def _no_object(view: SentenceView, i: int) -> bool:
    """Whether a harm verb stands without an object, so reads as passive (قُتل): nothing
    after it, or only a preposition, an instrument or a time: "قتل في الحادث"."""
    k, n = i + 1, view.norms
    while k < len(n) and (n[k] in _TIME_WORDS or n[k] in _DAYTIME
                          or n[k] in ("قبل", "بعد") and k + 1 < len(n) and n[k + 1] in _TIME_WORDS | _DAYTIME):
        k += 1  # قتلوا قبل ظهر أمس X: the object comes after the time
    if k >= len(n) or view.boundary(k):
        return True
    t = n[k]
    return (view.preposition(t) or t in ("جراء", "اثر", "خلال", "عندما", "بينما")
            or (t.startswith("ب") and not any(p.tok == k for p in view.parties))
            or any(h.tense in ("past", "present") for h in triggers().match(t)))


def _fronted_victim(view: SentenceView, i: int) -> str | None:
    """The counted people right before a harm verb with no object of its own, as
    written: "أربعة من حراس الأمن الأفغان قتلوا في هجوم" (the unvowelled passive)."""
    if not _no_object(view, i):
        return None
    start, k = None, i - 1
    while k >= 0 and i - k <= 7 and not view.boundary(k) and view.norms[k] not in _PARTICLES:
        if _counted(view.norms[k]):
            start = k
        k -= 1
    if start is None or start == i - 1:
        return None
    return view.doc.body[view.tokens[start].start : view.tokens[i - 1].end]


def _guest_after_comma(view: SentenceView, i: int, actor: Party | None) -> Party | None:
    """The guest told after the place and time of a reception, past one comma:
    "استقبل الأمير ... في قصر السلام أمس، وزير الدفاع الأمريكي"."""
    n = view.norms
    k = next((k for k in range(i + 1, min(len(n), i + 30)) if n[k] in ("،", ",")), None)
    if k is None or any(view.boundary(m) for m in range(i + 1, k)):
        return None
    k += 1
    while k < len(n) and (n[k] in _TIME_WORDS or _title_word(view, n[k])) and not any(p.tok == k for p in view.parties):
        k += 1  # and the guest's titles: الرئيس التركي [رجب طيب أردوغان]
    return next((p for p in view.parties if p.tok == k and p.entity and p.type in ("PER", "ORG", "GPE")
                 and p.absorbed_by is None and not _same(p, actor)), None)


def _named_doer(view: SentenceView, i: int) -> Party | None:
    """The doer named after the trigger: "هجوم نفذه X"، "من قبل X"، "على يد X"."""
    cue = view.cues
    for k in range(i + 1, min(i + 12, len(view.norms) - 1)):
        t = view.norms[k]
        by = t in cue.by_agent and view.norms[k - 1] in ("من", "علي")
        if t in cue.agent_links or by:
            after = [p for p in view.parties if k < p.tok <= k + 3 and p.absorbed_by is None]
            return after[0] if after else None
    return None


def _first_named(parties: list[Party]) -> Party | None:
    return next((p for p in parties if p.entity), None) or (parties[0] if parties else None)


def _build(view: SentenceView, i: int, hit: Hit, kb, arguments=None) -> Event | None:
    etype = hit.entry.label
    right = view.parties_in(view.right_window(i))
    left = view.parties_in(view.left_window(i))
    actor = target = location = visited = None
    nominal = hit.tense == "noun"
    bare_right = [p for p in right if p.marker is None]

    if not nominal:
        if (i > 0 and view.norms[i - 1] not in _WEAPON_ADJECTIVES
                and any(h.tense == "noun" and h.entry.label == etype and _then_holds(view, i - 1, h)
                        for h in triggers().match(view.norms[i - 1]))):
            target = _first_named(bare_right)  # "في هجوم استهدف فندقين": the attack did it, unnamed
        elif (rel := _after_relative(view, i)) is not None and hit.tense == "present":
            return None  # الدول التي تدعم الإرهاب: a standing relation described, no event
        elif rel is not None:  # التي صادقت: the antecedent acts
            actor = _antecedent(view, rel)
            target = _first_named(bare_right) if actor is not None else None
            if bare_right and _right_after(view, i, bare_right[0]) and triggers().with_object_pronoun(view.norms[i]):
                actor, target = bare_right[0], actor  # الخلية التي اعتقلتها الأجهزة الأمنية: the cell was arrested
        elif (front := _fronted_subject(view, i)) is not None:  # كان أردوغان التقى السيسي
            actor = front
            target = _first_named(bare_right) if bare_right else None
        elif (shared := _shared_subject(view, i, bare_right)) is not None:  # وأدانت الصين ... واتهمت الحلف بـ
            actor, target = shared, bare_right[0]
        elif _plural(view.norms[i]):  # "3 مسلحين أطلقوا النار"، "وقتلوا سائقه": the subject came before
            actor = _plural_subject(view, i, left)
        elif (hit.entry.mode == "visit" and bare_right and bare_right[0].type in _PLACES
              and (_right_after(view, i, bare_right[0]) or bare_right[0].tok <= i + 5)):
            # سيزور المملكة، زار ملايين السياح فرنسا: the first name after a visit verb, a place, is visited
            visited = bare_right[0]
            actor = _left_subject(view, i, left) or _first_named(
                [p for p in bare_right[1:] if p.type not in _PLACES and p.tok <= visited.tok_end + 2])
        elif bare_right and _right_after(view, i, bare_right[0]):  # VSO: the name right after the verb
            actor = bare_right[0]
        elif (head := _title_subject(view, i, bare_right)) is not None:
            actor = head  # استقبل ولي العهد في جدة أمس وزير الخارجية: the title after the verb hosts
        else:  # a name further on is a subject only when no other noun heads it (حلفاء تركيا)
            after = [p for p in bare_right[:2] if not _headed_by_noun(view, p)]
            actor = _first_named(after) or _left_subject(view, i, left)
    elif i + 1 < len(view.norms) and readings(view.norms[i + 1]) & view.cues.gathering:
        met = [p for p in view.parties if i + 1 < p.tok <= i + 14 and p.marker in (None, "coord")
               and p.absorbed_by is None]
        actor = _first_named(met)
        target = next((p for p in met if p.tok > actor.tok and p.entity and not _same(p, actor)), None) if actor else None
    else:
        # a pronoun on the noun is its genitive (استنكارها، ترحيبه، استقباله): the name after is no doer
        suffixed = triggers().with_object_pronoun(view.norms[i]) or view.norms[i].endswith(("ها", "هما", "هم"))
        gen = None if suffixed else next((p for p in bare_right if p.tok <= i + 2), None)
        passive = i > 0 and view.norms[i - 1] in _PASSIVE
        if gen is not None and hit.entry.mode == "visit" and gen.type in _PLACES:
            visited = gen  # زيارة طهران: the place visited, not a visitor
        elif gen is not None and hit.entry.mode == "visit" and "ب" in hit.proclitic:
            target = gen  # قام بزيارة الشيخ سلمان، تشرفت بزيارة X: X is the one visited
        elif gen is not None and (hit.entry.genitive == "target" or passive):
            target = gen
        elif gen is not None:
            actor = gen
        if actor is None:
            phrase = etype not in _UNATTRIBUTED  # an attack's or a protest's unknown doer stays unknown
            actor = _light_verb_subject(view, i, phrase=phrase)
            own = suffixed and hit.entry.genitive != "target"
            if actor is None and own:
                actor = _possessor(view, i)  # أعلنت الولايات المتحدة انسحابها، جددت مصر رفضها: the subject's
            if actor is None and (hit.entry.declare or own):
                # أعلنت إسرائيل هدنة، قدم الوزير استقالته؛ أعرب المندوب عن ترحيبه: whose it is declared it
                actor = _light_verb_subject(view, i, view.cues.declaring, phrase)
            if actor is None and _circumstantial(view, i):
                actor = view.subject_before(i)  # ونوه X بـ ...، شاكرا لـ Y: X thanks Y too
            if actor is not None and etype in _RECIPROCAL and target is None:
                target = next((p for p in view.parties if p.marker == "coord" and p.entity
                               and actor.tok_end <= p.tok <= actor.tok_end + 1), None)
        if actor is None:
            between = [p for p in right if p.prep == "بين" and p.tok <= i + 4]
            if between:
                actor = between[0]
                target = target or next((p for p in right if p.tok > actor.tok and p.marker == "coord"), None)
    if (actor is None and not nominal and etype not in _UNATTRIBUTED and not hit.entry.passive
            and _clause_initial(view, i)
            and (_after_relative(view, i) is None or triggers().with_object_pronoun(view.norms[i]))):
        # the recogniser named no one: the phrase after the verb is its subject (ودعا آل الشيخ،
        # الصفقة التي أبرمها الزعماء الأوروبيون); an attack's unknown doer stays unknown, and
        # after an act done to someone (اعتقل، أعفى) only a title does it: "أعفى الملك الوزير",
        # while "اعتقل الصحفي" may be the unvowelled passive
        actor = _subject_phrase(view, i)
        if (actor is not None and hit.entry.genitive == "target"
                and not readings(view.norms[actor.tok]) & view.cues.titles):
            actor = None
    if actor is None or actor.agent:
        doer = _named_doer(view, i)  # هجوم نفذه متطرف / على يد مسلحين
        if doer is not None and doer is not actor:
            if actor is not None and target is None and actor.agent in _VICTIMS:
                target = actor
            actor = doer
    if (actor is None and nominal and etype in ("ASSAULT", "SANCTION") and hit.entry.mode not in _PERSONAL_HARM
            and not view.norms[i].startswith(_DEFINITE)):  # العقوبات الأميركية: standing ones, told before
        actor = _national_doer(view, kb, i)  # غارة إسرائيلية على غزة (not وسائل تعذيب صينية: a kind)
    if etype == "PROTEST" and actor is not None and actor.agent == "institutions":
        actor = None  # يعقد البرلمان جلسته وسط احتجاجات: a parliament sits, others protest
    if hit.entry.needs == "charge":  # قال لـ"الاقتصادية" أمس، اللواء X، إن: the speaker is before إن
        actor = _speaker(view, i) or actor
    if actor is None and hit.entry.needs == "crowd":
        actor = _crowd(view, i)
    if actor is None and etype == "PROTEST":  # مظاهرات في X: the protesters are unnamed
        actor = next((p for p in view.parties if p.agent in _CROWDS), None)
    if etype == "PROTEST":  # اعتصم عشرات المواطنين عند ضريح الحريري: the people nearest protest
        people = [p for p in view.parties if p.agent and p.agent not in _FORCES | {"institutions"} and p.marker in (None, "coord")
                  and -6 <= p.tok - i <= 6]
        near = min(people, key=lambda p: abs(p.tok - i)) if people else None
        if near is not None and (actor is None or (actor.entity and abs(near.tok - i) < abs(actor.tok - i))):
            actor = near
    if actor is not None and actor.agent in _VICTIMS and etype == "ASSAULT":
        actor, target = None, target or actor  # "قتل اربعة اشخاص": passive, the people are victims
    passive_form = hit.entry.passive or _marked_passive(view, i, hit)
    if passive_form and actor is not None and target is None:
        actor, target = _named_doer(view, i), actor  # "أصيب سفير بولندا"، "واتُّهم نظيف": the one it happened to
    read_passive = False
    if (actor is not None and target is None and etype == "ASSAULT" and not nominal and actor.tok < i
            and (actor.agent not in _ATTACKERS or _by_number(view, actor))
            and hit.entry.genitive == "target" and hit.tense == "past" and _no_object(view, i)):
        actor, target, read_passive = None, actor, True  # "إن جنديا أميركيا قتل في هجوم": the unvowelled passive
    if (actor is not None and actor.agent and _by_number(view, actor, vague=actor.tok > i)
            and etype != "PROTEST"  # "تجمع 700 متظاهر": a crowd is counted and still marches
            and not (actor.tok < i and actor.agent in _ATTACKERS and _plural(view.norms[i]))):
        actor, target = None, target or actor  # "أسقطت 13 طائرة"، "قتل ثلاثة جنود": what is counted is hit
    if actor is not None and actor.agent not in (None, "institutions") and etype not in _AGENT_TYPES:
        actor = None  # "الطائرات" do not negotiate: generic agents act only in force and protest (courts, councils do)
    if target is not None and target.agent not in (None, "institutions") and etype not in _AGENT_TYPES:
        target = None
    if actor is not None and _mere_place(view.doc, kb, actor):
        actor = None  # a town does not shoot, march or meet; its people, forces or leaders do
    if (hit.entry.by_person and not nominal and actor is not None and actor.entity and actor.type == "PER"
            and not any(readings(t) & _HARM for t in view.norms)):
        etype = hit.entry.by_person  # هاجم ترامب وسائل الإعلام: a person's attack is in words
    if etype in _NOT_IN_SPORT and any(readings(t) & _SPORT for t in view.norms):
        return None  # يلتقي الأهلي والزمالك في نهائي الكأس: a match, not talks
    if etype == "ASSAULT" and actor is None and _accident(view):
        return None  # مصرع وإصابة 8 أشخاص في حادث انقلاب: a road accident, no attack
    if etype == "CONSULT" and nominal and _struck(view, i):
        return None  # ضربة جوية على اجتماع لبلمختار، قصف الاجتماع: the meeting was a target
    if hit.entry.mode == "host" and any(readings(t) & _AUDIENCE
                                        for t in view.norms[i + 1 : max(i + 16, _clause(view, i)[1])]):
        # يستقبل المتحف زواره، استقبل الأمير جموع المهنئين: an audience, not a meeting -- anywhere in the
        # reception's clause, past a long list of hosts (استقبل والدا الشهيدين ... وفودا من المعزين)
        return None
    if hit.entry.mode == "host" and _hosts_a_function(view, i):
        return None  # مؤتمر صحافي استضافته الجامعة، تستضيف المدينة المعرض: a venue, not a meeting
    if hit.tense == "present" and any(t in _HABITUAL for t in view.norms[i + 1 : i + 5]):
        return None  # يتشاور البلدان دوريا: a standing practice described, no event (EVENT_GUIDELINE.md)
    if hit.entry.needs == "physical" and not _physical_aim(view, i, actor):
        return None  # "تستهدف العقوبات شركات"، "خطة تستهدف خفض العجز": an aim, not an attack
    # أصيب الوزير X، "المزارع ابراهيم صالحة قتل بينما كان ...": a named victim shows the act happened
    named_victim = ((passive_form or read_passive or nominal and i > 0 and view.norms[i - 1] in _PASSIVE)
                    and target is not None and target.entity is not None)
    if actor is None and (_background(view, i, hit)
                          or not (etype in _UNATTRIBUTED and (named_victim or _real_violence(view, i, hit))
                                  or etype in _SUFFERED and named_victim)):
        return None  # no doer and nothing to show it happened: "the talks" are no event

    rest = [p for p in right if p is not actor]
    against_text = None
    charge = hit.entry.needs == "charge"
    if charge:  # whom the label or the charge is aimed at, not whoever the speaker names next
        target, against_text = _charge(view, i, actor) or (None, None)
    elif etype == "PROTEST":  # whom a protest is against, not the place it fills
        target, against_text = _protested(view, i, actor)
        if target is None and against_text is None:  # else only the object right after: رشقوا قوات الأمن
            near = max(i, actor.tok_end - 1 if actor is not None else i) + 3
            rest = [p for p in rest if p.type not in _PLACES and p.tok <= near]
    if target is None and against_text is None and not charge:
        objs = [p for p in rest if p.marker is None and p.tok > i and not _same(p, actor)
                and (not nominal or not _circumstantial(view, i) or p.tok <= i + 2)]  # شاكرا لـ X على اختيار أمانة Y: X
        coords = [p for p in rest if p.marker == "coord" and not _same(p, actor)]
        preps = [p for p in rest if p.marker == "target" and p.prep != "بين" and not _same(p, actor)]
        if etype in _OF_THE_THING:  # the deed's own lam names its doer: ندد بالأنشطة التخريبية لإيران
            preps = [p for p in preps if p.prep == "ل" or not _governed_by_noun(view, i, actor, p)]
        if etype in _RECIPROCAL:  # "A و B" before any preposition, else "مع B"
            first_prep = preps[0].tok if preps else len(view.norms)
            early = [p for p in coords if p.tok < first_prep]
            target = _first_named(objs + early) or _first_named(preps)
        else:
            target = _first_named(objs) or _first_named(preps)
    if hit.entry.mode == "convict":  # قضت محكمة جنايات القاهرة بسجن مرسي: the one sentenced follows بسجن
        k = next((k for k in range(i, min(len(view.norms), i + 8)) if readings(view.norms[k]) & set(hit.entry.then)), None)
        target = next((p for p in view.parties if k is not None and k < p.tok <= k + 3 and p.entity), target)
    if target is None and hit.entry.mode == "host" and not nominal:
        target = _guest_after_comma(view, i, actor)
    if arguments is not None and against_text is None and not charge:  # learned: the rules' picks are among its features
        actor, target = arguments.choose(view, i, hit, etype, actor, target)

    dest = (_destination(view, i) if hit.entry.mode == "visit" else None) or visited
    if hit.entry.mode == "visit" and target is not None and target.type in _PLACES and dest is None:
        dest = target
    if dest is not None:
        location = dest
        target = None
    if location is None:
        location = _location(view, i, exclude={id(actor), id(target)})

    ev = Event(type=etype, mode=hit.entry.mode, trigger=view.tokens[i].text,
               evidence=view.doc.body[view.span.start : view.span.end],
               start=view.span.start, end=view.span.end)
    if actor is not None:
        ev.actor, ev.actor_text = actor.entity, actor.text
    if dest is not None:
        ev.target = _country_of(view.doc, kb, dest.entity)
        ev.target_text = dest.text
    elif target is not None and not _same(target, actor):
        ev.target, ev.target_text = target.entity, target.text
    if ev.target is None and ev.target_text is None and etype in _TEXT_TARGETS and not charge and not (
            nominal and hit.entry.genitive != "target"):  # هجوم انتحاري، ضربة جوية: no victim after
        ev.target_text = _object_text(view, i, hit, actor, etype)
    if (ev.target is None and ev.target_text is None and etype == "ASSAULT" and not nominal
            and hit.entry.genitive == "target" and hit.tense == "past"):
        ev.target_text = _fronted_victim(view, i)
    if ev.target is None and ev.target_text is None:
        ev.target_text = against_text
    if hit.entry.needs == "party" and not (ev.target or ev.target_text):
        return None  # وثمن الشمري البرنامج: praise of a thing, no one's support of another
    if location is not None and location.entity:
        ev.location = location.entity
    ev.negated = _negated(view, i)
    ev.hypothetical = _hedged(view, i, hit)
    _date(view, i, hit, ev)
    if _history(view, i, ev):
        return None  # "أبو سياف الذي قتل في مايو"، "منذ اندلاع الحرب عام 2011": background, no news
    return ev


# A speech verb as a possible accusation; what it says decides (``_charge``).
_CHARGE = Entry(label="ACCUSE", needs="charge")
_PRONOUNS = frozenset({"هو", "هي", "هم", "هما", "هن"})
_OPENING = 12  # words of what is said that hold its subject


def _speech_charge(view: SentenceView, i: int) -> list[Hit]:
    """قال، أكد، أضاف ... read as ACCUSE when what follows charges someone: PLOVER codes
    criticism and accusation by what is said, whichever verb says it."""
    return [Hit(_CHARGE, h.tense, h.proclitic) for h in view.cues.speech.match(view.norms[i]) if h.tense != "noun"]


def _speaker(view: SentenceView, i: int) -> Party | None:
    """Who speaks or describes: the first named party between the verb and what it says
    (its إن, or for وصف the بـ of the label), past the titles and bodies of a long title
    (وصف سماحة مفتي عام المملكة رئيس هيئة كبار العلماء الشيخ X); an addressee (لـ، أمام)
    or a place is no speaker."""
    said = _said(view, i)
    if said is None:
        return None
    end = said.start - 1
    if not view.cues.speech.match(view.norms[i]):
        end = next((k for k in said if view.norms[k].startswith("ب") and _label(view, k)
                    or k + 1 < said.stop and view.norms[k].startswith("ب")
                    and _label(view, k + 1)), said.stop)
    named = [p for p in view.parties_in(range(i + 1, end), entity_only=True) if p.marker in (None, "coord")]
    return named[0] if named else None


def _said(view: SentenceView, i: int) -> range | None:
    """The words a speech verb at ``i`` says (from its إن/أن or colon to the next speech verb
    or participle), or those a describing verb (وصف) describes: the rest of its sentence."""
    n, cue = view.norms, view.cues
    start = i + 1
    if cue.speech.match(n[i]):
        start = next((k + 1 for k in range(i + 1, min(len(n), i + 20))
                      if n[k] in cue.complementisers or n[k] == ":"), None)
        if start is None or any(n[k] == "." for k in range(i + 1, start)):
            return None
    end = next((k for k in range(start, len(n)) if readings(n[k]) & cue.participles
                or cue.speech.match(n[k]) and cue.speech.as_written(n[k], article=False)), len(n))
    return range(start, end)


def _reports_an_act(view: SentenceView, said: range) -> bool:
    """Whether what is said tells another act (قال إن الشرطة اعتقلت ثلاثة إرهابيين): the
    label then describes the ones acted on; the act is the event, not an accusation."""
    for k in said:
        if _after_relative(view, k) is not None:
            continue  # العمل الذي استهدف المسجد: the deed condemned, described
        for h in triggers().match(view.norms[k]):
            if h.tense != "noun" and h.entry.label != "ACCUSE" and _constraints_hold(view, k, h):
                return True
    return False


def _label(view: SentenceView, k: int) -> bool:
    """Whether word ``k`` is a pejorative label (cues.yaml ``charges``). A written final ه is
    the pronoun, not the feminine ة the normaliser merges with it: "عميلة" labels, "عميله
    السابق" is his former client."""
    found = readings(view.norms[k]) & view.cues.labels
    return bool(found) and not (view.tokens[k].text.endswith("ه") and all(w.endswith("ه") for w in found))


def _charge(view: SentenceView, i: int, actor: Party | None = None) -> tuple[Party | None, str | None] | None:
    """Whom a speech or describing verb at ``i`` charges, when it charges anyone: (party, text).

    A pejorative label (cues.yaml ``charges``) on a party charges that party: "إن
    المؤامرات من فئة منحرفة مجرمة" -> فئة منحرفة مجرمة; "وصف X بالخائن" -> X. On a
    deed it condemns the deed, no party named: (None, None) ("العمل الإجرامي الجبان
    الذي وقع أمس"، "وصف حادثة التفجير بالعمل الإجرامي"). A charge verb (ارتكب، تورط)
    charges its subject. The charge must open what is said (its subject, before the
    first comma): a label deep in a report is a description ("أن المتطوعين باشروا
    مهامهم ... لقتال عصابات داعش الإرهابية"). None when nothing is charged: labels on
    ideas (الفكر الضال, a general statement), on what was told before (هذه الفئة),
    a named party's standing epithet (تنظيم داعش الإرهابي), or the ones another
    reported act was done to."""
    said = _said(view, i)
    if said is None:
        return None
    n, cue = view.norms, view.cues
    describing = not cue.speech.match(n[i])
    first = next((k for k in said if not view.boundary(k)), said.stop)  # past ": إن «"
    opening = min(first + _OPENING, next((k for k in range(first, said.stop) if view.boundary(k)), said.stop))
    if not any(_label(view, k) or readings(n[k]) & cue.charge_verbs for k in (said if describing else range(first, opening))):
        return None  # most speech charges no one: the cheap test first
    if not describing and _reports_an_act(view, said):
        return None
    deed = False
    for k in said:
        if k >= opening and not deed and not describing:
            return None
        r = readings(n[k])
        if r & cue.charge_verbs:
            if _negated(view, k):
                return None  # إن إسرائيل لم ترتكب جرائم: a denial, not a charge
            before = view.parties_in(range(said.start, k))
            after = view.parties_in(range(k + 1, said.stop))
            return (before[-1] if before else after[0] if after else None), None
        if not _label(view, k) or describing and not any(n[m].startswith("ب") for m in range(max(said.start, k - 1), k + 1)):
            continue
        if describing:  # وصف [subject] [what is described] بـ ...: a party there is charged, a deed condemned
            obj = actor.tok_end if actor is not None else k
            while obj < k and n[obj] in _TIME_WORDS:
                obj += 1
            if readings(n[obj]) & (cue.deeds | cue.ideas):
                return None, None
            return next((p for p in view.parties if obj <= p.tok <= obj + 1 < k), None), None  # [حركة] حماس
        head = k
        while head > said.start and (_label(view, head - 1) or n[head - 1] == "و"):
            head -= 1
        if head > said.start and not view.boundary(head - 1) and not view.preposition(n[head - 1]):
            head -= 1  # the noun the label qualifies: فئة منحرفة، المنظمات الإرهابية
        if any(readings(n[m]) & (cue.anaphora | _PRONOUNS) for m in (head - 1, head) if m >= said.start):
            continue  # هذه الفئة الضالة، وهي فئة مجرمة، هؤلاء الإرهابيين: charged before, told again
        if readings(n[head]) & cue.ideas or any(readings(n[m]) & cue.fought for m in (head - 1, head) if m >= said.start):
            continue  # الفكر الضال; مكافحة الإرهابيين: fought, not charged
        if readings(n[head]) & cue.deeds:
            deed = True
            continue
        party = next((p for p in view.parties if p.tok <= head < p.tok_end and p.entity), None)
        if party is not None and head < k and n[k].startswith("ال"):
            continue  # تنظيم داعش الإرهابي: the epithet the outlet always gives it (حماس إرهابية is said of it)
        if party is None and not n[head].startswith(_DEFINITE):
            # إن إسرائيل دولة إرهابية: an indefinite labelled noun after a name is said of that name
            party = next((p for p in view.parties if p.entity and p.tok_end == head and p.marker in (None, "coord")), None)
        if party is not None:
            return party, None
        if head == k and n[k].startswith(_DEFINITE):
            continue  # إن المجرمين هربوا: a bare label as a noun names whom the speaker tells of; no charge
        last = k
        while last + 1 < said.stop and _label(view, last + 1):
            last += 1
        return None, view.doc.body[view.tokens[head].start : view.tokens[last].end]
    return (None, None) if deed else None


# News is of the last days: an act dated further back is background (EVENT_GUIDELINE.md,
# "Background told as history"), recalled in a relative clause after a week already.
_HISTORY_DAYS = 30
_RECALLED_DAYS = 7
_YEAR_WORDS = frozenset(normalise(w) for w in ("عام", "العام", "سنة", "السنة", "منذ", "في"))
# What منذ counts from when it tells a long-running state, not a recent act.
_SINCE_WHAT = frozenset(normalise(w) for w in (
    "بداية", "بدء", "اندلاع", "سنوات", "سنين", "أعوام", "عقود", "عقد", "عام", "سنة", "قيام", "تأسيس"))


def _history(view: SentenceView, i: int, ev: Event) -> bool:
    """Whether an event is told as history rather than as the report's news: its date ends
    over a month before publication (a week, in a relative clause), an earlier year stands
    by it (عام 2011), or منذ counts from a long-ago start (منذ اندلاع الأزمة، منذ سنوات)."""
    lo, hi = _clause(view, i)
    n = view.norms
    lo, hi = max(lo, i - 8), min(hi, i + 12)
    if any(n[k] == "منذ" and k + 1 < len(n) and (readings(n[k + 1]) & _SINCE_WHAT or _year(n[k + 1]))
           for k in range(lo, hi)):
        return True
    published = day_of(view.doc.published)
    if published is None:
        return False
    if any(n[k] in _YEAR_WORDS and k + 1 < len(n) and (y := _year(n[k + 1])) and y < published.year
           for k in range(lo, hi)):
        return True
    last = last_day_of(ev.date)
    if last is None:
        return False
    recalled = any(n[k] in RELATIVES for k in range(max(0, i - 3), i))
    return (published - last).days > (_RECALLED_DAYS if recalled else _HISTORY_DAYS)


def _year(norm: str) -> int | None:
    return int(norm) if len(norm) == 4 and norm.isdigit() and norm[:2] in ("19", "20") else None


# Words that name what a protest is against: ضد X، احتجاجا على X، مطالبين X / باستقالة X.
_AGAINST = frozenset(normalise(w) for w in ("ضد", "المناهضين", "المناهضه", "مناهضه", "مناهضين"))
_IN_PROTEST = frozenset(normalise(w) for w in (
    "احتجاجا", "احتجاج", "تنديدا", "استنكارا", "للاحتجاج", "احتجاجهم", "رفضا"))
_DEMANDING = frozenset(normalise(w) for w in (
    "مطالبين", "مطالبا", "تطالب", "يطالبون", "طالبوا", "للمطالبه", "مطالبه", "لمطالبه", "يطالب", "يهتفون", "هتافات"))


_NOT_NOUNS = frozenset(normalise(w) for w in ("ما", "من", "عدم", "أن", "ان", "إن", "الذي", "التي", "هذا", "هذه"))


def _protested(view: SentenceView, i: int, actor: Party | None) -> tuple[Party | None, str | None]:
    """Whom a protest is against, from the words that say so after (or just before) the
    trigger: "ضد الحكومة"، "احتجاجا على زيارة غل"، "مطالبين باستقالة الحكومة". The first
    name within two words of the cue, else the noun (and its definite genitive) as written."""
    n = view.norms
    for k in range(max(0, i - 3), min(len(n), i + 25)):
        words = readings(n[k])
        if n[k] == "." or n[k] in RELATIVES and k > i:
            break
        start = None
        if words & _AGAINST:
            start = k + 1
        elif words & _IN_PROTEST and k + 1 < len(n) and (n[k + 1] in ("علي", "على") or n[k + 1].startswith("ب")):
            start = k + 2 if n[k + 1] in ("علي", "على") else k + 1
        elif words & _DEMANDING and k + 1 < len(n):
            start = k + 1
        if start is None or start >= len(n):
            continue
        if words & _DEMANDING and words & {"هتافات", "يهتفون"}:
            if n[start] != "ضد":
                continue
            start += 1  # هتافات ضد X
        if n[start].startswith("ب") and not any(p.tok == start for p in view.parties):
            start += 1  # مطالبين [باستقالة] الحكومة: the demand's own noun
        span = range(start, min(len(n), start + 3))
        named = next((p for p in view.parties if p.tok in span and p.absorbed_by is None and p is not actor
                      and not _same(p, actor) and p.marker != "place"), None)
        if named is not None:
            return named, None
        first = n[start]
        if (view.boundary(start) or first in view.cues.place_preps or first in _NOT_NOUNS
                or (words & _DEMANDING and not first.startswith("ال"))):
            continue  # "مطالبين برد أقوى": a demand with no one named in it; "ضد ما سموه"
        nxt = n[start + 1] if start + 1 < len(n) else ""
        joined = (nxt and not view.boundary(start + 1) and nxt not in _NOT_NOUNS and nxt not in _TIME_WORDS
                  and not view.preposition(nxt))
        end = start + 1 if joined and (nxt.startswith("ال") or not first.startswith("ال")) else start  # قرار الحكومة
        return None, view.doc.body[view.tokens[start].start : view.tokens[end].end]
    return None, None


# Types PLOVER codes with an unknown actor when the report itself shows the
# act happened: "انفجرت سيارة مفخخة ... مما أدى الى مقتل عشرة اشخاص".
_UNATTRIBUTED = frozenset({"ASSAULT", "PROTEST"})
# Acts told in the passive of the one they befell, whose doer the report need not name:
# "أُقيل الوزير X"، "وتم اعتقال X" (the arrest happened; who made it is often left unsaid).
_SUFFERED = frozenset({"COERCE"})
_VIOLENT_MODES = frozenset({"explosives", "aerial", "abduct", "firearms"})
_HARM = CASUALTIES | frozenset(normalise(w) for w in (  # the scorer's words of harm, and more ways to tell it
    "قتيل", "جريح", "بجروح", "اغتيل", "اختطف", "خطف", "شهيد", "لقي", "لقوا",
    "مفخخه", "ناسفه", "عبوه", "انتحاري", "انتحاريه", "قذائف", "صواريخ", "اشتباكات", "مواجهات"))
_PEOPLE = frozenset(normalise(w) for w in (
    "شخص", "شخصا", "اشخاص", "مدني", "مدنيا", "مدنيين", "مدنيان", "جندي", "جنديا", "جنود", "جنديين", "جنديان", "شرطي",
    "شرطيان", "شرطيين", "شخصان", "شخصين",
    "شرطيا", "رجال", "عناصر", "عنصرا", "مسلحا", "مسلحين", "طفلا", "اطفال", "امراه", "نساء", "فلسطينيا",
    "فلسطينيين", "عراقيا", "عراقيين", "آخرين", "اخرين", "اخرون", "مواطنا", "مواطنين", "ضابطا", "ضباط"))
_PURPOSE = frozenset(normalise(w) for w in ("احتجاجا", "احتجاج", "تنديدا", "استنكارا", "ضد", "للمطالبه", "مطالبين"))
_COUNTS = NUMBER_WORDS | frozenset(normalise(w) for w in ("احد", "نحو", "زهاء", "حوالي", "قرابه"))


# What استهدف aims at when it is an attack: people, forces, buildings, vehicles, places.
_PHYSICAL = frozenset(normalise(w) for w in (
    "منزل", "منزلا", "منازل", "بيت", "بيتا", "مبنى", "مباني", "مقر", "مقرا", "مقرات", "موكب", "موكبا",
    "قافلة", "سيارة", "سيارات", "حافلة", "دورية", "دوريات", "حاجز", "حاجزا", "نقطة", "موقع", "موقعا",
    "مواقع", "مركز", "مركزا", "مراكز", "قاعدة", "قواعد", "ثكنة", "معسكر", "معسكرا", "مطار", "ميناء",
    "سفينة", "سفن", "ناقلة", "طائرة", "طائرات", "مسجد", "مسجدا", "كنيسة", "سفارة", "فندق", "فندقا",
    "سوق", "سوقا", "مدرسة", "مستشفى", "مخيم", "مخيما", "مدينة", "بلدة", "قرية", "حي", "منطقة", "جسر",
    "مصنع", "منشأة", "منشآت", "أنبوب", "محطة", "مستودع", "مخزن", "قوات", "جنود", "جنديا", "عناصر",
    "مسلحين", "مدنيين", "مواطنين", "أشخاص", "شخصا", "قياديا", "ضابطا", "دبابة", "آلية", "آليات", "مدرعة"))
# Policies and plans, whose aim is no attack: "تستهدف العقوبات الجديدة قطاع الطاقة".
_POLICIES = frozenset(normalise(w) for w in (
    "عقوبات", "العقوبات", "خطة", "قرار", "إجراءات", "قانون", "سياسة", "برنامج", "مشروع", "مبادرة",
    "ضرائب", "رسوم", "إصلاحات", "استثمارات", "تعديلات", "اتفاق", "اتفاقية", "استراتيجية", "ميزانية"))


_ACCIDENT_HEADS = frozenset(normalise(w) for w in ("حادث", "حوادث", "حادثة", "حادثه"))
_ACCIDENT_KINDS = frozenset(normalise(w) for w in (
    "انقلاب", "سير", "السير", "مروري", "مرور", "المرور", "تصادم", "اصطدام", "غرق", "دهس", "الطرق", "سقوط"))


def _hosts_a_function(view: SentenceView, i: int) -> bool:
    """Whether a host verb's guest is a function, not a party: one right after it
    (تستضيف الرياض المعرض) or, when the verb carries the object pronoun, the function
    it stands for, told before it in the sentence (الحفل الذي تنظمه الإدارة وتستضيفه)."""
    n = view.norms
    if any(readings(t) & _FUNCTIONS for t in n[i + 1 : i + 4]):
        return True
    return triggers().with_object_pronoun(n[i]) and any(readings(t) & _FUNCTIONS for t in n[max(0, i - 15) : i])


def _accident(view: SentenceView) -> bool:
    """Whether the sentence tells an accident (حادث سير، حادث انقلاب، حوادث الطرق)."""
    n = view.norms
    return any(readings(n[k]) & _ACCIDENT_HEADS and readings(n[k + 1]) & _ACCIDENT_KINDS for k in range(len(n) - 1))


def _struck(view: SentenceView, i: int) -> bool:
    """Whether an attack word governs the noun at ``i`` (قصف الاجتماع، غارة على اجتماع)."""
    k = i - 1
    if k >= 0 and view.norms[k] in ("علي", "ضد"):
        k -= 1
    return any(h.entry.label == "ASSAULT" for t in view.norms[max(0, k - 1) : k + 1] for h in triggers().match(t))


def _physical_aim(view: SentenceView, i: int, actor: Party | None) -> bool:
    """Whether استهدف aims at something physical: a named person or place, a force,
    a building or vehicle -- and is not the aim of a policy (العقوبات تستهدف، خطة تستهدف)."""
    n = view.norms
    near = [k for k in range(i - 1, i + 5) if 0 <= k < len(n) and k != i]  # تستهدف واشنطن بهذه العقوبات
    if any(readings(n[k]) & _POLICIES for k in near):
        return False
    window = view.right_window(i, limit=6)
    if any(readings(n[k]) & _PHYSICAL for k in window):
        return True
    return any(p.type in ("PER", "GPE", "LOC", "ORG", "AGENT") and not _same(p, actor) and p is not actor
               for p in view.parties_in(window))


# Words that make the event noun after them the setting of the sentence's own news:
# "يعقد البرلمان جلسته وسط احتجاجات المعارضة" reports a session, not a protest.
_SETTING = frozenset(normalise(w) for w in ("وسط", "رغم", "بسبب", "عقب", "إثر", "جراء"))


def _background(view: SentenceView, i: int, hit: Hit) -> bool:
    """Whether a nominal trigger is background (وسط/رغم/بسبب/عقب + masdar) rather than a report.

    Not when the sentence tells the harm it did: "قتل ثمانية أشخاص جراء غارة جوية"
    reports the raid through its dead.
    """
    if hit.tense != "noun" or i == 0 or not readings(view.norms[i - 1]) & _SETTING:
        return False
    lex = triggers()
    return not any(readings(t) & _HARM or any(h.entry.genitive == "target" and h.tense != "noun" for h in lex.match(t))
                   for t in view.norms)


def _real_violence(view: SentenceView, i: int, hit: Hit) -> bool:
    """Whether the sentence reports a specific act, not violence in general.

    An attack with its weapon (سيارة مفخخة، غارة، خطف), or harm with who or
    how many were hit (مقتل ثلاثة جنود، أصيب 13 شخصا), in a statement rather
    than a question; a protest needs its crowd or a place it happened in.
    """
    n = view.norms
    if any(t in ("?", "؟") for t in n):
        return False
    if hit.entry.label == "PROTEST":  # a crowd, a place, people doing it for a cause, or how many did
        verb = hit.tense != "noun"
        return (_crowd(view, i) is not None or _location(view, i, exclude=set()) is not None
                or any(p.agent for p in view.parties if abs(p.tok - i) <= 6)
                or any(readings(t) & _PURPOSE for t in n[i + 1 : i + (16 if verb else 6)])
                or verb and any(t.isdigit() or readings(t) & _COUNTS for t in _window(n, i + 1, 3, 1)))
    if hit.entry.then:  # the trigger counted only with its object: أطلق النار، تعرض لهجوم
        return True
    if hit.entry.mode in _VIOLENT_MODES or hit.entry.mode is None and hit.tense == "noun":
        near = n[max(0, i - 6) : i + 8]
    else:
        near = n[max(0, i - 4) : i + 5]
    harm = (any(readings(t) & _HARM for t in near) or hit.entry.mode in _VIOLENT_MODES
            or hit.entry.genitive == "target" and hit.tense != "noun")  # قتلوا، اغتالوا: the verb is the harm
    counted = (any(t.isdigit() or readings(t) & (_COUNTS | _PEOPLE) for t in near)
               or hit.entry.genitive == "target" and hit.tense == "past" and _fronted_victim(view, i) is not None)
    return harm and (counted or hit.entry.mode in ("explosives", "abduct", "aerial"))


def _is_country(kb, ent: Entity) -> bool:
    if kb is not None and ent.country:
        found = kb.country(ent.country)
        return found is not None and found.id == ent.id
    return ent.name == _COUNTRY_NAMES.get(ent.country or "")


def _mere_place(doc: Doc, kb, party: Party) -> bool:
    """A place that is not a country (a city, a region) cannot be a doer of force or protest."""
    if party.type == "LOC":
        return True
    ent = doc.entity(party.entity) if party.entity else None
    return party.type == "GPE" and ent is not None and kb is not None and not _is_country(kb, ent)


def _same(a: Party | None, b: Party | None) -> bool:
    return a is not None and b is not None and (a is b or (a.entity is not None and a.entity == b.entity))


_PARTICLES = frozenset({"قد", "وقد", "فقد", "لقد", "لم", "ولم", "لن", "ولن", "لا", "ولا", "سوف", "ان"})


def _after_relative(view: SentenceView, i: int) -> int | None:
    """Index of التي/الذي right before the verb (particles skipped), if any."""
    j = i - 1
    while j >= 0 and view.norms[j] in _PARTICLES:
        j -= 1
    return j if j >= 0 and view.norms[j] in RELATIVES else None


def _antecedent(view: SentenceView, rel: int) -> Party | None:
    before = [p for p in view.parties if p.tok_end == rel and p.absorbed_by is None]
    return before[-1] if before else None


_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "ان", "انه", "لكن", "ولكن"})


def _fronted_subject(view: SentenceView, i: int) -> Party | None:
    """SVO after كان/أن or at a clause start: a bare name right before the verb."""
    j = i - 1
    while j >= 0 and view.norms[j] in _PARTICLES:
        j -= 1
    p = next((p for p in view.parties if p.tok_end == j + 1 and p.marker is None and p.absorbed_by is None), None)
    if p is None:  # an agent with its adjectives: مسلحين مجهولين اغتالوا
        p = next((p for p in view.parties if p.agent and j - 1 <= p.tok_end - 1 < j + 1 and p.marker is None
                  and all(not view.boundary(k) for k in range(p.tok_end, j + 1))), None)
    if p is None:
        return None
    k = p.tok - 1
    if k < 0 or view.norms[k] in _KANA or view.boundary(k):
        return p
    return None


def _conjoined(norm: str) -> bool:
    """A verb with و/ف in front (وتنفي): it shares the subject of the clause before."""
    return norm[:1] in ("و", "ف") and norm not in triggers().forms


def _verb_gender(norm: str) -> str | None:
    """"f" or "m" for a third-person singular verb (أدانت/أدان، تتهم/يتهم), else None.

    A form counts only when its counterpart of the other gender is in the same
    lexicon, so a stem that merely ends in ت (صوت) or starts with it (تظاهر)
    is not read as feminine.
    """
    for lex in (triggers(), cues().speech):
        for _, rest in sorted(proclitic_splits(norm), key=lambda pr: -len(pr[1])):
            stem = rest[1:] if rest[:2] in ("سي", "ست") and len(rest) > 3 else rest  # future سـ
            if stem not in lex.forms:
                continue
            if stem[:1] in ("ي", "ت") and ("ت" if stem[0] == "ي" else "ي") + stem[1:] in lex.forms:
                return "f" if stem[0] == "ت" else "m"  # تتهم / يتهم
            masc = [stem[:-1] + t for t in ("", "ي", "ا")] if stem.endswith("ت") else []
            if any(m in lex.forms for m in masc):
                return "f"  # اتهمت، التقت، دعت
            if stem + "ت" in lex.forms or stem[:-1] + "ت" in lex.forms:
                return "m"
    return None


def _plural(norm: str) -> bool:
    """Whether a verb is dual or plural (قتلوا، يقتلون، فجرا، التقيا). In VSO the verb before
    its subject is singular, so a name after a plural verb is its object."""
    for lex in (triggers(), cues().speech):
        for _, rest in sorted(proclitic_splits(norm), key=lambda pr: -len(pr[1])):
            stem = rest[1:] if rest[:2] in ("سي", "ست") and len(rest) > 4 else rest  # future سـ
            if stem not in lex.forms:
                continue
            for ending, singular in (("وا", ("", "ي", "ا")), ("ون", ("", "ي")), ("ان", ("",)), ("تا", ("",)),
                                     ("ا", ("",))):
                if stem.endswith(ending) and any(stem[: -len(ending)] + t in lex.forms for t in singular):
                    return True
            return False
    return False


def _plural_subject(view: SentenceView, i: int, left: list[Party]) -> Party | None:
    """The subject of a plural verb: before it (مسلحون أطلقوا), or, for one joined by و,
    that of the nearest earlier plural verb (مجهولين خطفوا القنصل وقتلوا سائقه)."""
    if _conjoined(view.norms[i]):
        j = max((v for v in view.verbs if v < i and _plural(view.norms[v])), default=None)
        if j is not None:
            return _plural_subject(view, j, view.parties_in(view.left_window(j)))
    return _left_subject(view, i, left)


# Countries whose names take a masculine verb (أعلن العراق); other states and cities are feminine.
_MASC_STATES = frozenset(normalise(w) for w in ("العراق", "الأردن", "السودان", "اليمن", "المغرب", "لبنان", "البحرين"))
# Masculine heads of organisation names (حلف الناتو، مجلس الأمن); a head in ة is feminine.
_MASC_HEADS = frozenset(normalise(w) for w in (
    "حلف", "الحلف", "مجلس", "المجلس", "الاتحاد", "اتحاد", "حزب", "الحزب", "الجيش", "جيش", "البرلمان", "الكونغرس",
    "البنك", "بنك", "صندوق", "الصندوق", "تنظيم", "التنظيم", "تحالف", "التحالف", "الناتو", "البيت"))


def _party_gender(view: SentenceView, p: Party) -> str | None:
    """The agreement a name takes: states and cities feminine, people masculine unless
    a feminine title leads them (الوزيرة، المستشارة), organisations by their head noun."""
    head = view.norms[p.tok]
    if p.type == "GPE":
        return "m" if head in _MASC_STATES else "f"
    if p.type == "PER":
        words = view.norms[max(0, p.tok - 1) : p.tok + 1]
        return "f" if any(w.startswith("ال") and w.endswith("ه") and len(w) > 4 for w in words) else "m"
    if p.type == "ORG":
        if head in _MASC_HEADS:
            return "m"
        return "f" if head.endswith("ه") else None
    if p.agent and head not in _COUNTS:  # القوات، الشرطة: feminine; مسلحون، الجيش: masculine
        if head.endswith(("ون", "ين")) or head in _MASC_HEADS:
            return "m"
        return "f" if head.endswith(("ات", "ه")) else None
    return None


# Verbs whose object is a deed or a claim: "أدانت الصين العقوبات ضد موسكو" condemns
# the sanctions, not Moscow; a preposition after such an object belongs to it.
_OF_THE_THING = frozenset({"ACCUSE", "REJECT"})


def _governed_by_noun(view: SentenceView, i: int, actor: Party | None, p: Party) -> bool:
    """Whether a word other than a name or a time word stands between the verb (and its
    subject) and the preposition of ``p``: then the preposition attaches to that word."""
    start = actor.tok_end if actor is not None and actor.tok > i else i + 1
    prep = p.tok
    while prep > start and view.norms[prep - 1] != p.prep and (prep - 1) >= p.tok - 4:
        prep -= 1  # back over title words: ضد الرئيس الروسي بوتين
    prep = prep - 1 if prep > start and view.norms[prep - 1] == p.prep else p.tok
    taken = {k for q in view.parties for k in range(q.tok, q.tok_end)}
    return any(view.norms[k] not in _TIME_WORDS and k not in taken for k in range(start, prep))


def _right_after(view: SentenceView, j: int, p: Party) -> bool:
    """Whether ``p`` is the first name after the verb at ``j``, time words and its own
    title aside (اتهمت أمس الحلف، وصلت المستشارة الألمانية ميركل)."""
    k = j + 1
    while k < len(view.norms) and view.norms[k] in _TIME_WORDS:
        k += 1
    commas = sum(m in view.title_commas for m in range(k, p.tok))  # وزير الخارجية الروسي، سيرغي لافروف
    return k <= p.tok <= k + 3 + commas and all(
        m in view.title_commas or _title_word(view, view.norms[m]) and not any(q.tok == m for q in view.parties)
        for m in range(k, p.tok))


def _headed_by_noun(view: SentenceView, p: Party) -> bool:
    """Whether the word before a name is a plain noun whose genitive the name is, or a
    naming word (لشخص يدعى X، المدعو X): either way the name is no subject."""
    k = p.tok - 1
    if k < 0 or k in view.title_commas:
        return False
    w = view.norms[k]
    if w in _NAMING:
        return True
    verb = readings(w) & triggers().forms.keys() or readings(w) & _AUXILIARIES
    return not verb and not _title_word(view, w) and w not in _TIME_WORDS and not any(
        q.tok_end == p.tok for q in view.parties)


# كان and its sisters: verbs, not nouns a name could be the genitive of (وكانت القوات الأميركية).
_AUXILIARIES = frozenset(normalise(w) for w in ("كان", "كانت", "كانوا", "يكون", "تكون", "ظل", "ظلت", "بات", "باتت", "اصبح", "اصبحت"))


_NAMING = frozenset(normalise(w) for w in (
    "يدعى", "تدعى", "المدعو", "المدعوة", "يسمى", "تسمى", "الملقب", "الملقبة", "يلقب", "يكنى", "المكنى"))


def _title_word(view: SentenceView, t: str) -> bool:
    """A word that may stand before a name in the same phrase: a title, a definite word in
    apposition (المستشارة الألمانية ميركل، المدرس هاني) or a quantity. A bare noun makes the
    name its genitive: in "يتهم حلفاء تركيا أنقرة" the allies accuse, not Turkey."""
    return (not view.boundary_word(t)
            and (bool(readings(t) & view.cues.titles) or any(r.startswith("ال") for r in readings(t))
                 or _counted(t) or t in _QUANTIFIERS))


# بـ words that are prepositions or adverbs, not the complement of اتهم/طالب X بـ.
_NOT_COMPLEMENTS = frozenset(normalise(w) for w in (
    "بسبب", "بعد", "بين", "بحسب", "بشأن", "بشدة", "بالقرب", "بدون", "بنحو", "بدوره", "بدورها", "بعض"))


def _shared_subject(view: SentenceView, i: int, bare_right: list[Party]) -> Party | None:
    """The subject a verb joined by و keeps when the name after it is its object.

    VSO: a verb directly followed by a name takes it as subject, but a second
    verb with no subject of its own keeps the first one's ("وأدانت الصين
    العقوبات، واتهمت الحلف بإثارة التوترات": China accuses NATO). The name is
    the object when it cannot agree with the verb (a feminine verb, a masculine
    name) or when, alone before بـ, it fills the accusative of اتهم/طالب X بـ.
    """
    if not bare_right or not _conjoined(view.norms[i]) or not _right_after(view, i, bare_right[0]):
        return None
    gender = _verb_gender(view.norms[i])
    if gender is None:
        return None
    first = bare_right[0]
    subject = _previous_subject(view, i, gender)
    if subject is None or _same(subject, first):
        return None
    k = first.tok_end
    while k < len(view.norms) and any(p.tok == k and p.marker == "coord" for p in view.parties):
        k = next(p.tok_end for p in view.parties if p.tok == k)  # الحلف والولايات المتحدة بـ
    nxt = view.norms[k] if k < len(view.norms) else ""
    if _party_gender(view, first) not in (None, gender):
        speaks = view.boundary(k) and nxt not in (".", "!")
        return None if speaks else subject  # "والتقت ميركل، ..."، "وأعلنت ميركل أن": a woman unmarked
    takes_bi = (nxt.startswith("ب") and nxt not in _NOT_COMPLEMENTS
                and not any(p.tok == k for p in view.parties))
    return subject if takes_bi else None


def _opening_gender(norm: str) -> str | None:
    """"f" for an opening word that reads as a feminine perfect (ورحبت، وأكدت)."""
    stem = norm[1:] if norm[:1] in ("و", "ف") else norm
    return "f" if stem.endswith("ت") and len(stem) >= 4 else None


def _previous_subject(view: SentenceView, i: int, gender: str) -> Party | None:
    """The named subject of the nearest earlier verb of the same agreement in the sentence.

    The sentence's first word counts as a verb too (news sentences open VSO: ورحبت
    مصر ...), its agreement read off a final ت when the lexicons do not know it.
    """
    earlier = sorted({v for v in view.verbs if v < i} | {0})
    for n, j in reversed(list(enumerate(earlier))):
        lo = earlier[n - 1] + 1 if n else 0
        if any(view.norms[k] in view.cues.complementisers for k in range(lo, j)):
            continue  # a verb inside "قالت إن ..." has a subject of its own
        if (_verb_gender(view.norms[j]) or _opening_gender(view.norms[j]) if j == 0
                else _verb_gender(view.norms[j])) != gender:
            return None  # another subject took over in between
        cand = next((p for p in view.parties if p.marker is None and p.absorbed_by is None
                     and _right_after(view, j, p)), None)  # وصلت المستشارة الألمانية ميركل
        if cand is not None and _party_gender(view, cand) in (None, gender) and (cand.entity or cand.agent):
            return cand
        if not _conjoined(view.norms[j]):
            return None
    return None


def _left_subject(view: SentenceView, i: int, left: list[Party]) -> Party | None:
    """SVO: the party right before the verb; a verb joined by و: the sentence's subject."""
    j = i - 1
    while j >= 0 and view.norms[j] in _PARTICLES:
        j -= 1
    if _conjoined(view.norms[i]):
        first = [p for p in view.parties if p.tok < i and p.marker is None and p.absorbed_by is None
                 and not (p.entity and _headed_by_noun(view, p))]  # لشخص يدعى X: a genitive, no subject
        return _first_named(first)
    adjacent = [p for p in left if p.tok_end in (j + 1, j) and p.marker in (None, "coord")]
    if adjacent:
        return adjacent[-1]
    apposed = [view.parties[p.absorbed_by] for p in view.parties if p.absorbed_by is not None
               and p.tok_end in (j + 1, j) and view.parties[p.absorbed_by].tok < p.tok]
    if apposed:  # "من الملك حمد ملك مملكة البحرين أعرب فيه": the title's holder, not its state
        return apposed[-1]
    cands = [p for p in left if p.marker in (None, "coord")]
    if cands:
        return _first_named(list(reversed(cands)))
    window = view.left_window(i)
    comp = window.start - 1
    n = view.norms
    if comp < 0 or n[comp] not in view.cues.complementisers:
        return None
    # "نفت تركيا أن تكون قد هاجمت"، "أعلنت إسرائيل أنها قصفت": the matrix subject,
    # when the complement is about it (a denial, or أنها/أنه) and names no subject of its own
    own_subject = any(n[k].startswith("ال") for k in window) or (i + 1 < len(n) and n[i + 1].startswith("ال"))
    about_it = n[comp] != "ان" or any(readings(t) & view.cues.denials for t in n[max(0, comp - 4) : comp])
    if own_subject or not about_it:
        return None
    matrix = [p for p in view.parties if p.tok < comp and p.marker is None and p.absorbed_by is None]
    return _first_named(matrix)


def _circumstantial(view: SentenceView, i: int) -> bool:
    """Whether a nominal trigger is a participle after a comma continuing its sentence's
    subject (شاكرا، مشيدا، منددا، داعيا، مطالبين): indefinite accusative or plural."""
    n = view.norms
    return (i > 0 and n[i - 1] in ("،", ",") and n[i].endswith(("ا", "ين")) and not n[i].startswith("ال")
            and triggers().as_written(n[i]))  # not اجتماعها: a noun with its owner's pronoun


def _light_verb_subject(view: SentenceView, i: int, verbs: frozenset[str] | None = None,
                        phrase: bool = False) -> Party | None:
    """The subject of the light or declaring verb before a nominal trigger; with ``phrase``,
    the phrase after that verb when no party was recognised (وأعرب المندوب الصيني عن ترحيبه)."""
    verbs = view.cues.light_verbs if verbs is None else verbs
    for j in reversed(_past_subject_comma(view, i)):
        if readings(view.norms[j]) & verbs:
            between = [p for p in view.parties_in(range(j + 1, i)) if p.marker is None]
            if between:
                return _first_named(between)
            left = _left_subject(view, j, view.parties_in(view.left_window(j)))
            return left if left is not None or not phrase else _subject_phrase(view, j, i)
    return None


# Words that cannot head a subject: particles, pronouns, demonstratives, quantities of things.
# Time words and prepositions are refused before this list is asked; إلى stays, as its
# normalised الي looks like a definite word inside the phrase.
_NOT_SUBJECTS = frozenset(normalise(w) for w in (
    "الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "كل", "جميع", "بعض", "عدد", "ما",
    "إلى", "ان", "أن", "إن", "انه", "انها", "قد", "لقد", "كما", "ايضا", "الان", "حاليا", "رسميا", "مجددا"))
_HEAD_WORDS = 4  # a subject phrase: its head and up to three words of its construct or adjectives


def _subject_phrase(view: SentenceView, j: int, stop: int | None = None) -> Party | None:
    """The noun phrase right after the verb at ``j`` when the recogniser named no one there:
    "ودعا آل الشيخ إلى"، "التي أبرمها الزعماء الأوروبيون مع"، "وأعرب "النحيط" عن شكره".

    A definite noun or a title with the definite words of its construct and adjectives
    (قوات الاحتلال الإسرائيلي، وزير الخارجية), آل + a family name, or a quoted word;
    never a preposition, a particle, a time word, a verb or a known party's word.
    Unlinked, it is kept as written, like a generic actor.
    """
    n = view.norms
    end = len(n) if stop is None else stop
    taken = {k for p in view.parties for k in range(p.tok, p.tok_end)}
    k = j + 1
    while k < end and n[k] in _TIME_WORDS:
        k += 1
    quoted = k + 2 < end and n[k] in _QUOTES and n[k + 2] in _QUOTES
    if quoted:
        k += 1
    if k >= end or k in taken or view.boundary(k) or n[k] in _NOT_SUBJECTS or view.preposition(n[k]):
        return None
    w = n[k]
    if quoted:
        words = [k]
    elif w == "ال":  # آل, normalised
        if k + 1 >= end or k + 1 in taken or view.boundary(k + 1):
            return None
        words = [k, k + 1]  # آل الشيخ
    elif (w.startswith("ال") and len(w) > 3 or readings(w) & view.cues.titles) \
            and not triggers().match(w) and not view.cues.speech.match(w):
        words = [k]
        m = k + 1
        while (m < end and len(words) < _HEAD_WORDS and m not in taken and not view.boundary(m)
               and n[m].startswith("ال") and n[m] not in _NOT_SUBJECTS and n[m] not in _TIME_WORDS
               and not triggers().match(n[m])):
            words.append(m)
            m += 1
        if m in taken:
            return None  # الحكومة [المصرية]: the head of a named party, which the rules weighed
    else:
        return None
    a, b = view.tokens[words[0]], view.tokens[words[-1]]
    text = view.doc.body[a.start : b.end]
    return Party(a.start, b.end, text, _named_elsewhere(view.doc, text), "NP", words[0], words[-1] + 1)


def _title_subject(view: SentenceView, i: int, bare_right: list[Party]) -> Party | None:
    """An unlinked title right after a verb (ولي العهد، الرئيس، وزير الداخلية) when a name
    comes only after a place or a day: the title is the subject, the later name its object
    or guest. Without them the title chain is the name's own (الناطق الرسمي ... بوتين)."""
    n = view.norms
    if i + 1 >= len(n) or not readings(n[i + 1]) & view.cues.titles:
        return None
    phrase = _subject_phrase(view, i)
    if phrase is None or (bare_right and bare_right[0].tok < phrase.tok_end):
        return None
    later = bare_right[0].tok if bare_right else len(n)
    if not any(n[k] in _TIME_WORDS or n[k] in view.cues.place_preps for k in range(phrase.tok_end, later)):
        return None
    return phrase


def _named_elsewhere(doc: Doc, text: str) -> str | None:
    """The entity a phrase names when the article links the same words elsewhere: "الملك"
    after "خادم الحرمين الشريفين الملك سلمان", a person's family name alone ("النحيط")."""
    key = normalise(text)
    for m in doc.mentions:
        if not m.entity:
            continue
        words = normalise(m.text).split()
        if " ".join(words) == key or m.type == "PER" and len(words) > 1 and words[-1] == key:
            return m.entity
    return None


def _clause_initial(view: SentenceView, i: int) -> bool:
    """Whether a verb opens its clause (VSO), so that the phrase after it is its subject:
    "ودعا آل الشيخ"، "الصفقة التي أبرمها الزعماء"، not "عوامل عدة بدأت تهدد السياحة"."""
    if _conjoined(view.norms[i]):
        return True
    j = i - 1
    while j >= 0 and (view.norms[j] in _PARTICLES or view.norms[j] in _TIME_WORDS):
        j -= 1
    return j < 0 or view.boundary(j) or view.norms[j] in RELATIVES


def _past_subject_comma(view: SentenceView, i: int, limit: int = 10) -> range:
    """The words before ``i`` back to a boundary, as ``left_window``, but past a comma that
    closes a name, and a name counting as one word: "بعث خادم الحرمين الشريفين الملك سلمان
    بن عبدالعزيز آل سعود، ببرقية تهنئة" keeps the king in reach."""
    inner = {k for p in view.parties for k in range(p.tok + 1, p.tok_end)}
    j = i - 1
    while j >= 0 and limit > 0:
        if view.boundary(j) and not (view.norms[j] in ("،", ",") and any(p.tok_end == j for p in view.parties)
                                     or _around_a_word(view, j)):
            break  # and past the quote marks around a name: وأعرب "النحيط" عن شكره
        limit -= j not in inner
        j -= 1
    return range(j + 1, i)


_QUOTES = ('"', "«", "»", "“", "”")


def _around_a_word(view: SentenceView, j: int) -> bool:
    """Whether the token at ``j`` is a quote mark around one word (وأعرب "النحيط")."""
    n = view.norms
    return n[j] in _QUOTES and (j >= 2 and n[j - 2] in _QUOTES or j + 2 < len(n) and n[j + 2] in _QUOTES)


def _possessor(view: SentenceView, i: int) -> Party | None:
    """Whom the pronoun on a verbal noun stands for: the subject named right before it,
    a preposition aside (أعلنت الولايات المتحدة انسحابها، أعربت مصر عن استنكارها) or, when
    a verb stands there, that verb's subject (الصين أعلنت دعمها)."""
    k = i - 1
    while k >= 0 and view.norms[k] in _TIME_WORDS:
        k -= 1
    if k > 0 and view.preposition(view.norms[k]):
        k -= 1  # أعربت مصر عن استنكارها، أكد السيسي خلال استقباله
    if k < 0:
        return None
    named = next((p for p in view.parties if p.tok_end == k + 1 and p.marker is None and p.entity), None)
    if named is not None:
        return named
    if view.cues.speech.match(view.norms[k]) or any(h.tense in ("past", "present") for h in triggers().match(view.norms[k])):
        return _left_subject(view, k, view.parties_in(view.left_window(k)))
    return None


def _clause(view: SentenceView, i: int) -> tuple[int, int]:
    """Token range of the trigger's clause: between the verbs (and relatives) around it."""
    lo = max([v + 1 for v in view.verbs if v < i] + [0])
    hi = min([v for v in view.verbs if v > i] + [len(view.norms)])
    for k in range(i + 1, hi):
        if view.norms[k] in RELATIVES:
            hi = k
            break
    return lo, hi


def _location(view: SentenceView, i: int, exclude: set) -> Party | None:
    lo, hi = _clause(view, i)
    places = [p for p in view.parties if p.marker == "place" and p.type in _PLACES
              and p.absorbed_by is None and id(p) not in exclude and p.entity]
    after = [p for p in places if i < p.tok < min(hi, i + 30)]
    if after:
        return after[0]
    before = [p for p in places if max(lo, i - 12) <= p.tok < i]
    return before[-1] if before else None


def _country_of(doc: Doc, kb, entity_id: str | None) -> str | None:
    """The country a place stands for: a visit to Beijing is a visit to China."""
    place = doc.entity(entity_id)
    if place is None or not place.country:
        return entity_id
    if _is_country(kb, place):
        return place.id
    return _country_entity(doc, kb, place.country) or place.id


def _country_entity(doc: Doc, kb, code: str) -> str | None:
    """The id of the country ``code`` as an entity of ``doc``, added from the KB if the
    article has not named it."""
    for e in doc.entities:
        if e.type == "GPE" and e.country == code and _is_country(kb, e):
            return e.id
    found = kb.country(code) if kb is not None else None
    if found is None:
        return None
    doc.add_entity(Entity(id=found.id, name=found.name, name_ar=found.ar[0] if found.ar else "",
                          type=found.type, wikidata=found.wikidata, aliases=list(found.aliases), country=code))
    return found.id


_PERSONAL_HARM = frozenset({"torture", "beat", "abduct"})
# Adjectives between an attack noun and its nationality: ضربة جوية أميركية، قصف مدفعي تركي.
_KIND_ADJECTIVES = frozenset(normalise(w) for w in (
    "جوية", "جوي", "صاروخية", "صاروخي", "مدفعي", "مدفعية", "بحرية", "بحري", "جديدة", "جديد", "عسكرية", "عسكري",
    "مكثف", "مكثفة", "عنيف", "عنيفة"))


def _national_doer(view: SentenceView, kb, i: int) -> Party | None:
    """The country a nationality adjective after an attack or sanctions noun names as the
    doer: "غارة إسرائيلية على غزة"، "ضربة جوية أميركية"، "عقوبات أمريكية"."""
    k = i + 1
    while k < len(view.norms) and k <= i + 2 and view.norms[k] in _KIND_ADJECTIVES:
        k += 1
    if k >= len(view.norms) or kb is None or any(p.tok == k for p in view.parties):
        return None
    code = kb.nationality(view.norms[k])
    entity = _country_entity(view.doc, kb, code) if code else None
    if entity is None:
        return None
    tok = view.tokens[k]
    return Party(tok.start, tok.end, tok.text, entity, "GPE", k, k + 1)


def _negated(view: SentenceView, i: int) -> bool:
    n, cue = view.norms, view.cues
    for j in range(max(0, i - 2), i):  # only و/ف may lead a negator: كما is not ك + ما
        if n[j] in cue.negators or (n[j][:1] in ("و", "ف") and n[j][1:] in cue.negators):
            return True
    if n[i] in ("عدم", "بعدم"):
        return True
    for j in range(i - 1, -1, -1):  # نفى ... أن <trigger>
        if n[j] in cue.complementisers:
            if any(readings(t) & cue.denials for t in n[max(0, j - 8) : j]):
                return True
    return False


def _hedged(view: SentenceView, i: int, hit: Hit) -> bool:
    n, cue = view.norms, view.cues
    hedges = cue.hedges - {"قد"}
    if i > 0 and readings(n[i - 1]) & {"قد"} and hit.tense in ("present", "future"):
        return True
    return any(readings(t) & hedges for t in n[max(0, i - 6) : i])


def _date(view: SentenceView, i: int, hit: Hit, ev: Event) -> None:
    tense = "past" if hit.tense == "noun" else hit.tense
    exprs = date_expressions(view.doc.body, view.span.start, view.span.end, view.doc.published, tense)
    if not exprs:
        return
    lo, hi = _clause(view, i)
    pos = view.tokens[i].start
    lo_c = view.tokens[lo].start
    hi_c = view.tokens[hi].start if hi < len(view.tokens) else view.span.end
    after = [d for d in exprs if pos <= d.start < hi_c]
    before = [d for d in exprs if lo_c <= d.start < pos]
    best = after[0] if after else (before[-1] if before else None)
    if best is not None:
        ev.date, ev.date_text = best.iso, best.text


def _known(ev: Event, slot: str) -> str | None:
    """A party's identity: its entity, else its words as written, normalised, a plural's
    ending off (مسلحون and مسلحين are the same gunmen)."""
    entity, text = getattr(ev, slot), getattr(ev, slot + "_text")
    if entity or not text:
        return entity
    words = [search_key(w) for w in normalise(text).split()]
    return " ".join(w[:-2] if len(w) > 4 and w.endswith(("ون", "ين")) else w for w in words)


def _same_act(told: Event, again: Event) -> bool:
    """Whether ``again`` retells ``told``: same type, mode, flags and day, and a party in
    common -- or none known at all (the attack of the lead, told again as "الانفجار") --
    with no party contradicting the other's. Only a named target contradicts, as the
    words for a victim vary from telling to telling (قتل ثلاثة جنود في هجوم على دورية
    للجيش) -- except between two verbs of one sentence: two objects, two acts (استهدف
    محطة ... واستهدف موقعا)."""
    if (told.type != again.type or told.mode != again.mode
            or (told.negated, told.hypothetical) != (again.negated, again.hypothetical)
            or told.date and again.date and told.date != again.date):
        return False
    actors = _known(told, "actor"), _known(again, "actor")
    targets = _known(told, "target"), _known(again, "target")
    apart = told.start != again.start or _nominal(told) or _nominal(again)
    named = (told.target, again.target) if apart else targets
    if all(actors) and actors[0] != actors[1] or all(named) and named[0] != named[1]:
        return False
    return (bool(actors[0]) and actors[0] == actors[1] or bool(targets[0]) and targets[0] == targets[1]
            or not (actors[1] or targets[1]))


def _nominal(ev: Event) -> bool:
    """Whether the event's trigger is a noun (هجوم، زيارة), not a verb."""
    return all(h.tense == "noun" for h in triggers().match(normalise(ev.trigger or "")))


def _merge(events: list[Event]) -> list[Event]:
    """One act told over several sentences becomes one event.

    A partial telling (no target) folds into a full one of the same type that
    involves its actor; a repeated pair folds into its first telling; either
    way the kept event takes the place and date it lacked. Other types fold a
    retelling (``_same_act``) into the first. A visit lends its place to the
    same actor's other meetings of that article.
    """
    out: list[Event] = []
    for e in events:
        host = None
        if e.type in _MERGEABLE and e.actor is not None:
            for f in out:
                if f.type != e.type or (e.date and f.date and e.date != f.date):
                    continue
                same_pair = {e.actor, e.target} == {f.actor, f.target}
                partial = e.target is None and e.actor in (f.actor, f.target)
                if f.target is None and e.target is not None and f.actor in (e.actor, e.target):
                    out[out.index(f)] = e  # the full telling replaces the partial one
                    e, f = f, e
                    partial = True
                if same_pair or partial:
                    host = f
                    break
        if host is None and e.type not in _MERGEABLE:
            host = next((f for f in out if _same_act(f, e)), None)
            if host is not None:  # the lead's telling stays; a later one lends the party it lacked
                host.actor, host.actor_text = (host.actor, host.actor_text) if _known(host, "actor") else (e.actor, e.actor_text)
                host.target, host.target_text = (host.target, host.target_text) if _known(host, "target") else (e.target, e.target_text)
        if host is None:
            out.append(e)
            continue
        _absorb(host, e)
    for k, e in enumerate(out):
        if e.mode == "visit" and e.location:
            for f in out[k + 1 :]:
                if f.type == e.type and f.location is None and e.actor in (f.actor, f.target):
                    f.location = e.location
    return out
