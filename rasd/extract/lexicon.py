"""Verb and noun lexicons matched on normalised Arabic tokens, inflections generated.

Writing every inflection of every trigger by hand does not scale and misses
forms; a full morphological analyser does not ship offline. In between: the
lexicon data gives a verb's perfect and imperfect 3rd-person masculine
singular, and the regular third-person inflections (gender, dual, plural,
jussive/subjunctive, future سـ) are generated here. Proclitics (و ف ب ل ال)
come from ``rasd.text.normalise.proclitic_splits``; pronoun enclitics are
stripped here (استقبله، زيارته، محادثاتهما).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from rasd.text.normalise import WORD_CACHE, normalise, proclitic_splits

DATA = Path(__file__).resolve().parent.parent / "data" / "plover"

_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه")


def readings(token: str) -> set[str]:
    """Every stem a normalised token can have once proclitics are read off (وبحث -> بحث ...)."""
    return {rest for _, rest in proclitic_splits(token)}


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: the event type (or a cue label) and its constraints."""

    label: str
    mode: str | None = None
    then: tuple[str, ...] = ()
    within: int = 3
    unless_next: tuple[str, ...] = ()
    unless_prev: tuple[str, ...] = ()
    needs: str | None = None
    genitive: str = "actor"  # slot of the name right after a nominal trigger
    around: bool = False  # `then` words may also come before the trigger
    passive: bool = False  # the subject is the one it happens to (أصيب، اغتيل)
    masdar: bool = True  # the verbal noun (البحث، بحث after في) is also the event
    by_person: str | None = None  # the type the act has when a named person does it with no harm told (هاجم: criticised)
    declare: bool = False  # a noun done by declaring it: the subject of أعلن/قدم/أصدر before it acts (أعلنت إسرائيل هدنة)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    tense: str  # "past", "present", "future" or "noun"
    proclitic: str = ""  # the clitics read off the front (و، بـ، ال ...)


def _perfect_forms(pf: str) -> list[str]:
    if pf.endswith("ي"):  # defective: التقى -> التقت، التقيا، التقوا
        b = pf[:-1]
        return [pf, b + "ت", b + "يا", b + "تا", b + "وا", b + "ا"]
    if pf.endswith("ا"):  # دعا -> دعت، دعوا
        b = pf[:-1]
        return [pf, b + "ت", b + "وا", b + "وتا"]
    return [pf, pf + "ت", pf + "ا", pf + "تا", pf + "وا", pf + "ن"]


def _imperfect_forms(impf: str) -> list[str]:
    stem = impf[1:]
    if stem.endswith("ي"):
        b = stem[:-1]
        tails = [stem, b, stem + "ان", stem + "ا", b + "ون", b + "وا"]  # لم يلتق
    elif stem.endswith("و"):
        tails = [stem, stem[:-1], stem + "ان", stem + "ا", stem[:-1] + "ون", stem[:-1] + "وا"]
    else:
        tails = [stem, stem + "ان", stem + "ا", stem + "ون", stem + "وا", stem + "ن"]
    # 3rd person (ي ت) only. The 1st person is left out: أ collides with perfects
    # (ألتقي/التقى), ن with nouns (نشيد is an anthem, not "we praise"), and a
    # first-person verb's doer is a quote's speaker, which word order cannot give.
    return [p + t for p in "يت" for t in tails]


def _verbal_nouns(pf: str) -> list[str]:
    """The masdar of a verb, read off its unvowelled perfect by the pattern of its form.

    Derived forms have one masdar each: IV أفعل -> إفعال (أعلن/إعلان, أقال/إقالة,
    أعفى/إعفاء), VII/VIII/X -> ...ال (انسحب/انسحاب, اعتقل/اعتقال, احتج/احتجاج,
    اغتال/اغتيال, استقبل/استقبال, استقال/استقالة, استدعى/استدعاء), III فاعل ->
    مفاعلة (هاجم/مهاجمة). A three-letter perfect may be form I (whose masdar is not
    predictable, so the lexicon lists it) or form II, whose تفعيل is generated
    (سلم/تسليم, ندد/تنديد, هدد/تهديد); form I's تفعيل is mostly no word at all.
    V and VI (توسط, تظاهر) are their own masdar, matched already. Passives need no
    forms: unvowelled, a sound verb's passive has the active's letters (the voice
    rules of rasd.extract.events read it); hollow ones (اغتيل، أقيل) are listed.
    """
    n = len(pf)
    if pf[:1] == "ت" or n < 3:
        return []
    if n == 3:
        if pf[1] == "ا" or pf[2] in "اي":
            return []  # hollow or defective form I: زار، قضى (ندد، نوه are form II)
        return ["ت" + pf[:2] + "ي" + pf[2]]
    if n == 4 and pf[1] == "ا" and pf[0] != "ا":
        return ["م" + pf + "ه"]  # III
    if pf[0] != "ا":
        return []
    if pf.endswith("ي"):
        return [pf[:-1] + "اء"]  # defective IV/VIII/X: اعفى، اعتدى، استدعى
    if n == 4 and pf[2] == "ت":
        return [pf + "ا" + pf[-1]]  # doubled VIII: احتج
    if pf[-2] == "ا":  # hollow
        if n == 4 or pf.startswith("است"):
            return [pf + "ه"]  # اقال -> اقاله، اشاد، استقال
        return [pf[:-2] + "يا" + pf[-1]]  # اغتال -> اغتيال، اختار
    return [pf[:-1] + "ا" + pf[-1]]  # IV, VII, VIII, X


def _noun_forms(masdar: str) -> list[str]:
    """A masdar with its plural and indefinite accusative: اعتقال، اعتقالات، اعتقالا."""
    if masdar.endswith("ه"):
        return [masdar, masdar[:-1] + "ات"]
    if masdar.endswith("اء"):
        return [masdar, masdar + "ات"]
    return [masdar, masdar + "ات", masdar + "ا"]


class Lexicon:
    """Normalised surface form -> entries; ``match`` handles clitics and tense."""

    def __init__(self, verbal_nouns: bool = False, blocked: frozenset[str] = frozenset()) -> None:
        self.forms: dict[str, list[tuple[Entry, str]]] = {}
        self.blocked = blocked
        # whether a verb's masdar is generated: an act's noun is the act (اعتقال), while
        # a speech verb's is no speech (في إشارة إلى أن)
        self.verbal_nouns = verbal_nouns
        self._generated: list[tuple[str, Entry]] = []
        self._listed: set[tuple[str, str]] = set()  # (noun, type) the data lists itself
        # a token is matched many times per sentence (verbs, triggers, cues): once per word
        self.match = lru_cache(maxsize=WORD_CACHE)(self._match)

    def add(self, form: str, entry: Entry, tense: str) -> None:
        self.match.cache_clear()
        lst = self.forms.setdefault(normalise(form), [])
        if (entry, tense) not in lst:
            lst.append((entry, tense))

    def add_spec(self, label: str, spec: dict) -> None:
        def words(key: str) -> tuple[str, ...]:
            return tuple(normalise(w) for w in spec.get(key) or ())

        entry = Entry(
            label=label,
            mode=spec.get("mode"),
            then=words("then"),
            within=int(spec.get("within", 3)),
            unless_next=words("unless_next"),
            unless_prev=words("unless_prev"),
            needs=spec.get("needs"),
            genitive=spec.get("genitive", "actor"),
            around=bool(spec.get("around", False)),
            passive=spec.get("voice") == "passive",
            masdar=bool(spec.get("masdar", True)),
            by_person=spec.get("by_person"),
            declare=bool(spec.get("declare", False)),
        )
        if "pf" in spec:
            pf = normalise(spec["pf"])
            for f in _perfect_forms(pf):
                if f != pf or spec.get("bare", True):
                    self.add(f, entry, "past")
            # one entry covers its family: استقبل -> استقبال، استقباله. Not for verbs that a
            # crowd makes a protest (خرج، نزل): their masdars are other words (تخريج، تنزيل).
            if self.verbal_nouns and entry.masdar and entry.needs != "crowd":
                self._generated += [(f, entry) for masdar in _verbal_nouns(pf) for f in _noun_forms(masdar)]
        if "impf" in spec:
            for f in _imperfect_forms(normalise(spec["impf"])):
                self.add(f, entry, "present")
        for f in spec.get("forms") or ():
            self.add(f, entry, "present" if normalise(f)[:1] in "يتن" else "past")
        for f in spec.get("noun") or ():
            self.add(f, entry, "noun")
            self._listed.add((normalise(f), label))

    def add_verbal_nouns(self) -> None:
        """Add the generated masdars, once every entry is in: a noun the lexicon lists
        itself for that type keeps its own constraints (احتشاد only with a crowd)."""
        for form, entry in self._generated:
            if (form, entry.label) not in self._listed:
                self.add(form, entry, "noun")
        self._generated = []

    def as_written(self, norm: str, article: bool = True) -> bool:
        """Whether a token is a form of the lexicon once proclitics (and a future سـ) are
        read off, with no pronoun suffix; ``article=False`` also refuses readings behind
        the article, which verbs never take (التابع، الجدير بالذكر)."""
        return any((rest in self.forms or rest[:1] == "س" and rest[1:] in self.forms) and (article or "ال" not in pre)
                   for pre, rest in proclitic_splits(norm))

    def with_object_pronoun(self, norm: str) -> bool:
        """Whether a token matches only with a pronoun suffix read off (اعتقلتها، استقبله)."""
        return bool(self.match(norm)) and not self.as_written(norm)

    def _lookup(self, word: str) -> list[tuple[Entry, str]]:
        hits = self.forms.get(word)
        if hits:
            return hits
        for enc in _ENCLITICS:  # استقبله، زيارته، التقاه
            if word.endswith(enc) and len(word) - len(enc) >= 2:
                base = word[: -len(enc)]
                for cand in (base, base[:-1] + "ه" if base.endswith("ت") else None,
                             base[:-1] + "ي" if base.endswith("ا") else None):
                    if cand and cand in self.forms:
                        return self.forms[cand]
        return []

    def blocks(self, norm: str) -> bool:
        """Whether a reading of the word is listed as no trigger (``not_triggers``): the trigger
        proposer must not bring back what the lexicon rules out."""
        return any(rest in self.blocked for _, rest in proclitic_splits(norm))

    def _match(self, norm: str) -> tuple[Hit, ...]:
        """Entries a normalised token can be, trying the bare reading first."""
        # Longest stem first: وبحث is و + بحث before وب + حث.
        for pre, rest in sorted(proclitic_splits(norm), key=lambda pr: -len(pr[1])):
            if rest in self.blocked:
                return ()
            future = rest.startswith("س") and len(rest) > 3 and rest[1] in "يتن"
            for word, fut in ((rest, False), (rest[1:], True)) if future else ((rest, False),):
                hits = self._lookup(word)
                if hits:
                    out = []
                    for e, t in hits:
                        if fut and t != "present":
                            continue
                        # a verb form after a preposition or article is a masdar: بقتل، للخطف
                        if t in ("past", "present") and any(c in pre for c in "بل") and not fut:
                            t = "noun"
                        out.append(Hit(e, "future" if fut else t, pre))
                    if out:
                        return tuple(out)
        return ()


@dataclass
class Cues:
    """The cue lists of cues.yaml, normalised."""

    speech: Lexicon
    participles: frozenset[str]
    complementisers: frozenset[str]
    negators: frozenset[str]
    denials: frozenset[str]
    hedges: frozenset[str]
    target_preps: frozenset[str]
    place_preps: frozenset[str]
    other_preps: frozenset[str]
    titles: frozenset[str]
    light_verbs: frozenset[str]
    declaring: frozenset[str]
    purposes: frozenset[str]
    place_nouns: frozenset[str]
    statements: frozenset[str]
    anaphora: frozenset[str]
    gathering: frozenset[str]
    agent_links: frozenset[str]
    by_agent: frozenset[str]
    labels: frozenset[str]
    charge_verbs: frozenset[str]
    deeds: frozenset[str]
    ideas: frozenset[str]
    fought: frozenset[str]
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)
    # agents by first word, in file order: a token is looked up once, not scanned against all
    agent_heads: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.agent_candidates = lru_cache(maxsize=WORD_CACHE)(self._agent_candidates)

    def _agent_candidates(self, norm: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """(words, label) of the agents a normalised token can start, its proclitics read off;
        with several clitic readings the lexicon's order decides."""
        cands = [c for _, rest in proclitic_splits(norm) for c in self.agent_heads.get(rest, ())]
        if len(cands) > 1:
            order = list(self.agents)
            cands.sort(key=lambda c: order.index(c[0]))
        return tuple(cands)


def _norm_set(words) -> frozenset[str]:
    return frozenset(normalise(w) for w in words or ())


@lru_cache(maxsize=1)
def triggers() -> Lexicon:
    """The PLOVER trigger lexicon of triggers.yaml."""
    data = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    lex = Lexicon(verbal_nouns=True, blocked=_norm_set(data.get("not_triggers")))
    for etype, specs in data["events"].items():
        for spec in specs:
            lex.add_spec(etype, spec)
    lex.add_verbal_nouns()
    return lex


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8"))
    speech = Lexicon()
    for spec in data["speech"]:
        speech.add_spec("SPEECH", spec)
    agents: dict[tuple[str, ...], str] = {}
    for label, words in data["agents"].items():
        for w in words:
            agents[tuple(normalise(w).split())] = label
    heads: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, label in agents.items():
        heads.setdefault(words[0], []).append((words, label))
    preps = data["prepositions"]
    return Cues(
        speech=speech,
        participles=_norm_set(data["speech_participles"]),
        complementisers=_norm_set(data["complementisers"]),
        negators=_norm_set(data["negators"]),
        denials=_norm_set(data["denials"]),
        hedges=_norm_set(data["hedges"]),
        target_preps=_norm_set(preps["target"]),
        place_preps=_norm_set(preps["place"]),
        other_preps=_norm_set(preps["other"]),
        titles=_norm_set(data["titles"]),
        light_verbs=_norm_set(data["light_verbs"]),
        declaring=_norm_set(data["declaring"]),
        purposes=_norm_set(data["purposes"]),
        place_nouns=_norm_set(data["place_nouns"]),
        statements=_norm_set(data["statements"]),
        anaphora=_norm_set(data["anaphora"]),
        gathering=_norm_set(data["gathering"]),
        agent_links=_norm_set(data["agent_links"]),
        by_agent=_norm_set(data["by_agent"]),
        labels=_norm_set(data["charges"]["labels"]),
        charge_verbs=_norm_set(data["charges"]["verbs"]),
        deeds=_norm_set(data["charges"]["deeds"]),
        ideas=_norm_set(data["charges"]["ideas"]),
        fought=_norm_set(data["charges"]["fought"]),
        agents=agents,
        agent_heads=heads,
    )
