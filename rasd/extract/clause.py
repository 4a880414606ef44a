"""A sentence as tokens plus the parties in it, with the slot each party sits in.

Arabic news is mostly VSO: "التقى [الرئيس الروسي فلاديمير بوتين] [بـ]الجنرال
[تشانج يوشيا]". Without a parser, the slot of a name is read off the word
before it: a preposition (مع، إلى، على، بـ، لـ) makes it a target, في a place,
و a coordinated party, nothing a bare subject or object. Title words and the
country or ministry inside a title ("سكرتير [مجلس الأمن الروسي] سيرغي
شويغو") belong to the person after them, so the scan walks back over them.
Events and quotes both fill their slots from this view.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rasd.doc import Doc, Mention, Span
from rasd.extract.lexicon import Cues, triggers
from rasd.text.normalise import normalise, proclitic_splits
from rasd.text.tokens import tokenize

PARTY_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")
BOUNDARY = frozenset("،,:؛;.!?؟()«»\"“”„")
_ADJ_ENDINGS = ("يه", "ين", "ون", "ي")  # nisba and plural adjectives, normalised
_PARTITIVES = frozenset(normalise(w) for w in ("عدد", "عددا", "بعض", "العديد", "مجموعه", "عشرات", "مئات", "آلاف", "الاف"))
_DIRECTIONS = frozenset(normalise(w) for w in (
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "شمالا", "جنوبا", "شرقا", "غربا"))
_COUNT_NOUNS = _PARTITIVES | frozenset(normalise(w) for w in ("الآلاف", "المئات", "العشرات", "آلاف", "ألوف"))
# Words that say when: they end a title's phrase (التقى الرئيس في القاهرة [اليوم] وزير الخارجية),
# and they do not count against a trigger's window: "فرضت واشنطن يوم الثلاثاء الماضي عقوبات" keeps its
# object as close as "فرضت واشنطن عقوبات" (rasd.extract.events).
TIME_WORDS = frozenset({
    "يوم", "اليوم", "امس", "غدا", "صباح", "مساء", "ليل", "ليله", "الماضي", "الماضيه", "المقبل", "المقبله",
    "الليله", "البارحه", "الصباح", "المساء", "الفجر",
    "ليلا", "نهارا", "صباحا", "ظهرا", "عصرا", "فجرا",
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاسبوع", "الشهر", "العام",
})
_STATE_NOUNS = frozenset(normalise(w) for w in ("دولة", "مملكة", "جمهورية", "إمارة", "سلطنة"))
RELATIVES = frozenset(normalise(w) for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"))


@dataclass
class Party:
    """A candidate participant: a linked mention or a generic agent noun."""

    start: int
    end: int
    text: str
    entity: str | None  # Entity.id; None for generic agents
    type: str  # entity type, AGENT, or NP (an unlinked subject phrase read by rasd.extract.events)
    tok: int  # first token index in the sentence
    tok_end: int  # one past the last token
    marker: str | None = None  # None (bare), "target", "place", "other", "coord"
    prep: str | None = None  # the preposition word, normalised
    absorbed_by: int | None = None  # index of the person whose title this is part of
    agent: str | None = None  # agent sector label for generic actors


@dataclass
class SentenceView:
    doc: Doc
    span: Span
    cues: Cues
    tokens: list = field(init=False)
    norms: list[str] = field(init=False)
    parties: list[Party] = field(init=False)
    verbs: list[int] = field(default_factory=list)  # token indices of verbs (set by the caller)
    # commas between a title and its holder's name ("وزير الخارجية، سيرغي لافروف"): no boundary
    title_commas: set[int] = field(init=False, default_factory=set)
    # words of a person's title phrase past its first: the phrase and the name are one party
    titled: set[int] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.doc.body, self.span.start, self.span.end)
        self.norms = [normalise(t.text) for t in self.tokens]
        self.parties = self._mention_parties()
        self.parties += self._agent_parties()
        self.parties.sort(key=lambda p: p.tok)
        for i, p in enumerate(self.parties):
            self._mark(i, p)
        for i, p in enumerate(self.parties):
            if p.type == "PER" and p.entity and p.marker is not None and p.absorbed_by is None:
                self._apposed_title(i, p)  # inside a preposition's phrase only: see there

    # -- construction -------------------------------------------------
    def _tok_index(self, offset: int) -> int:
        for i, t in enumerate(self.tokens):
            if t.end > offset:
                return i
        return len(self.tokens)

    def _mention_parties(self) -> list[Party]:
        ms = [
            m for m in self.doc.mentions
            if m.type in PARTY_TYPES and m.entity and self.span.start <= m.start and m.end <= self.span.end
        ]
        ms = [m for m in ms if not any(_inside(m, o) for o in ms if o is not m)]
        out = []
        for m in sorted(ms, key=lambda m: (m.start, -m.end)):
            if out and m.start < out[-1].end:
                continue
            ent = self.doc.entity(m.entity)
            etype = ent.type if ent else m.type
            out.append(Party(m.start, m.end, m.text, m.entity, etype,
                             self._tok_index(m.start), self._tok_index(m.end - 1) + 1))
        return out

    def _agent_parties(self) -> list[Party]:
        taken = {i for p in self.parties for i in range(p.tok, p.tok_end)}
        out: list[Party] = []
        i = 0
        while i < len(self.norms):
            hit = self._agent_at(i) if i not in taken else None
            if not hit:
                i += 1
                continue
            j, label = hit
            if label == "institutions" and j in taken:  # الحكومة [المصرية]: the named party itself
                i = j
                continue
            while j < len(self.norms) and j not in taken:
                if _construct_head(self.norms[j - 1]) and (nxt := self._agent_at(j)):
                    j, label = nxt  # عشرات المواطنين: one party, the last noun names it
                elif (self.norms[j] == "من" and self.norms[j - 1] in _COUNT_NOUNS and j + 1 not in taken
                      and (nxt := self._agent_at(j + 1))):
                    j, label = nxt  # الآلاف من المتظاهرين
                else:
                    break
            n = self.norms
            if (j < len(n) and j not in taken and _construct_head(n[j - 1]) and n[j].startswith("ال")
                    and n[j] not in TIME_WORDS and not triggers().match(n[j]) and not self.cues.speech.match(n[j])):
                j += 1  # وزارة [الداخلية]، محكمة [الاستئناف]: the definite genitive says which one
            for _ in range(2):  # and its adjectives: القوات العراقية، مسلحون مقنعون
                if (j < len(self.norms) and j not in taken and _agrees(self.norms[j - 1], self.norms[j])
                        and not self.cues.speech.match(self.norms[j])):
                    j += 1
            s, e = self.tokens[i].start, self.tokens[j - 1].end
            out.append(Party(s, e, self.doc.body[s:e], None, "AGENT", i, j, agent=label))
            i = j
        return out

    def _agent_at(self, i: int) -> tuple[int, str] | None:
        for words, label in self.cues.agent_candidates(self.norms[i]):
            n = len(words)
            if i + n <= len(self.norms) and tuple(self.norms[i + 1 : i + n]) == words[1:]:
                return i + n, label
        return None

    def _mark(self, idx: int, p: Party) -> None:
        """Set the slot marker of a party from the words before it."""
        body = self.doc.body
        tok = self.tokens[p.tok] if p.tok < len(self.tokens) else None
        glued = normalise(body[tok.start : p.start]) if tok is not None and p.start > tok.start else ""
        if p.agent and tok is not None:  # the agent's own token: للشرطة، والمتظاهرون
            glued = next((pre for pre, rest in proclitic_splits(self.norms[p.tok])
                          if rest in self.cues.agent_heads), "")
            glued = glued[:-2] if glued.endswith("ال") else glued
        if not glued and tok is not None and p.entity:  # a role mention with its clitic: [للرئيس] الباجي
            title, pre = self._title(self.norms[p.tok])
            glued = pre.removesuffix("ال") if title else ""
        if glued:  # proclitic glued to the name: لشويغو، وبكين
            pre = glued
            if "ب" in pre or "ل" in pre:
                p.marker, p.prep = "target", pre[-1]
            elif pre in ("و", "ف"):
                p.marker = "coord"
            elif pre:
                p.marker = "other"
            return
        j = p.tok - 1
        skipped: list[int] = []
        first_title: int | None = None  # the leftmost title word of the person's phrase
        while j >= 0 and p.tok - j <= 6:
            owner = self._party_at(j, before=idx)
            if owner is not None and self.parties[owner].marker and self.parties[owner].entity == p.entity:
                p.marker, p.prep = self.parties[owner].marker, self.parties[owner].prep
                break  # للرئيس الباجي قايد السبسي: the name takes its title's slot
            if owner is not None:
                skipped.append(owner)
                j = self.parties[owner].tok - 1
                continue
            t = self.norms[j]
            if skipped and j == self.parties[skipped[-1]].tok - 1 and self._prep_slot(t):
                skipped.pop()  # في بكين نظيره الروسي لافروف: the preposition and the name before
                break  # the title are the sentence's, not the person's
            if t in ("،", ",") and p.type == "PER" and self._title_before(j):
                self.title_commas.add(j)  # لوزير الزراعة، المهندس X: the title and its holder
                j -= 1
                continue
            if t in BOUNDARY or t in RELATIVES or t in TIME_WORDS and t != "العام":  # الأمين العام: a title
                break
            slot = self._prep_slot(t)
            if slot and t == "من" and j > 0 and self.norms[j - 1] in _PARTITIVES:
                break  # "عدد من جنود المارينز": the noun of a partitive keeps its slot
            if slot:
                p.marker, p.prep = slot, t
                break
            if t == "و":
                p.marker = "coord"
                break
            if any(rest in _DIRECTIONS for _, rest in proclitic_splits(t)):
                p.marker, p.prep = "place", "في"  # شمال غرب باكستان، جنوبي لبنان
                break
            if self._state_of_title(j):
                j -= 1  # وزير الدفاع [بدولة] الكويت الشيخ خالد: the state of the title before
                continue
            if any(rest in self.cues.place_nouns for _, rest in proclitic_splits(t)):
                if any(pre and pre[-1] in "بل" for pre, rest in proclitic_splits(t)
                       if rest in self.cues.place_nouns):
                    p.marker, p.prep = "place", "في"  # بمدينة صنعاء
                    break
                j -= 1  # في [محافظة] صنعاء
                continue
            title, pre = self._title(t)
            if title:
                first_title = j
                clitic = pre.removesuffix("ال")  # the article is no preposition: صاحب [السمو] الملكي
                if "ب" in clitic or "ل" in clitic:
                    p.marker, p.prep = "target", pre
                    break
                if pre in ("و", "ف", "وال", "فال"):
                    p.marker = "coord"
                    break
                j -= 1
                continue
            if t.startswith("ال") and len(t) > 3:  # adjective or definite noun inside a title
                j -= 1
                continue
            if p.entity and j == p.tok - 1 and j > 0 and self._construct_of(j):
                # في [جامعة] القاهرة، على [مواقع] المعارضة: the name ends the phrase the preposition heads
                p.marker, p.prep = self._prep_slot(self.norms[j - 1]), self.norms[j - 1]
            break
        if first_title is not None and p.type in ("PER",):
            for o in skipped:
                if self.parties[o].type != "PER":
                    self.parties[o].absorbed_by = idx
            first = min([first_title] + [self.parties[o].tok for o in skipped])
            self.titled.update(range(first + 1, p.tok + 1))

    def _state_of_title(self, j: int) -> bool:
        """Whether word ``j`` is a state noun with ب or ل (بدولة، لمملكة) after a title word
        within three words: "وزير الدفاع بدولة الكويت" names the minister's state, no place."""
        if not any(pre in ("ب", "ل") and rest in _STATE_NOUNS for pre, rest in proclitic_splits(self.norms[j])):
            return False
        for k in range(j - 1, max(-1, j - 4), -1):
            if self.norms[k] in BOUNDARY:
                return False
            if self._title(self.norms[k])[0]:
                return True
        return False

    def _apposed_title(self, idx: int, p: Party) -> None:
        """A title phrase right after a person named inside a preposition's phrase is that
        person's apposition, not a new party: in "برقية تهنئة للرئيس X رئيس جمهورية
        الإكوادور" Ecuador is X's title. Only there: after a bare subject the same words may be
        the verb's object (استقبل الرئيس X وزير خارجية روسيا). The phrase runs over title words,
        definite words, nouns a title governs and the names inside, and must not lead into
        another person's name (then it is that person's title)."""
        n = self.norms
        k = p.tok_end
        title, pre = self._title(n[k]) if k < len(n) else (False, "")
        if not title or pre not in ("", "ال"):
            return
        inside: list[int] = []
        governs = False
        while k < len(n):
            owner = next((o for o, q in enumerate(self.parties) if q.tok == k), None)
            if owner is not None:
                q = self.parties[owner]
                if q.type == "PER" and q.entity != p.entity:
                    return  # رئيس وزراء باكستان نواز شريف: the title of the next person
                if q.type != "PER":
                    inside.append(owner)
                k, governs = q.tok_end, False
                continue
            t = n[k]
            title, pre = self._title(t)
            if title and pre in ("", "ال", "ل", "لل"):
                governs = True  # النائب الثاني [لرئيس] مجلس الوزراء
            elif (self.boundary_word(t) or self.preposition(t) or t in TIME_WORDS
                  or triggers().match(t) or self.cues.speech.match(t)):
                break
            elif _definite(t) and t.startswith("ال"):
                governs = False
            elif not (governs and not _definite(t)):
                break
            k += 1
        self.titled.update(range(p.tok_end, k))
        for o in inside:
            self.parties[o].absorbed_by = idx

    def _construct_of(self, j: int) -> bool:
        """Whether word ``j`` is a bare noun heading the name after it, right after a place or
        target preposition: no article, no clitic, no act of the lexicon, no speech verb, no
        statement (في بيان إيران: the name is the verb's object, not a place)."""
        t = self.norms[j]
        return (self._prep_slot(self.norms[j - 1]) in ("place", "target") and len(t) > 2
                and not _definite(t) and t not in BOUNDARY and t not in RELATIVES
                and t not in self.cues.statements
                and not triggers().match(t) and not self.cues.speech.match(t))

    def _title_before(self, comma: int) -> bool:
        """Whether the words right before a comma are a title phrase: a title word within three
        words (وزير الخارجية، / رئيس الوزراء الروسي،), no boundary nor name between."""
        for j in range(comma - 1, max(-1, comma - 4), -1):
            if self.norms[j] in BOUNDARY or any(q.tok <= j < q.tok_end for q in self.parties if q.entity):
                return False
            if self._title(self.norms[j])[0]:
                return True
        return False

    def _party_at(self, tok: int, before: int) -> int | None:
        for k in range(before):
            q = self.parties[k]
            if q.tok <= tok < q.tok_end:
                return k
        return None

    def _prep_slot(self, t: str) -> str | None:
        c = self.cues
        if t in c.place_preps:
            return "place"
        if t in c.target_preps:
            return "target"
        if t in c.other_preps:
            return "other"
        return None

    def _title(self, t: str) -> tuple[bool, str]:
        for pre, rest in proclitic_splits(t):
            if rest in self.cues.titles or "ال" + rest in self.cues.titles:
                return True, pre
        return False, ""

    # -- queries --------------------------------------------------------
    def boundary(self, i: int) -> bool:
        return i not in self.title_commas and self.boundary_word(self.norms[i])

    def boundary_word(self, norm: str) -> bool:
        return norm in BOUNDARY or norm in self.cues.complementisers

    def preposition(self, norm: str) -> bool:
        """Whether a word is one of the lexicon's prepositions (place, target or other)."""
        c = self.cues
        return norm in c.place_preps or norm in c.target_preps or norm in c.other_preps

    def right_window(self, i: int, limit: int = 14) -> range:
        """Up to ``limit`` words after ``i`` before a boundary, a name counting as one word
        (وزير الدفاع الأمريكي آشتون كارتر is one party, not five words of the clause)."""
        inner = {k for p in self.parties for k in range(p.tok + 1, p.tok_end)} | self.titled
        j = i + 1
        while j < len(self.tokens) and limit > 0 and not self.boundary(j):
            limit -= j not in inner
            j += 1
        return range(i + 1, j)

    def left_window(self, i: int, limit: int = 12) -> range:
        j = i - 1
        while j >= 0 and i - j <= limit and not self.boundary(j):
            j -= 1
        return range(j + 1, i)

    def subject_before(self, i: int) -> Party | None:
        """The subject of the clause a participle continues ("..., مؤكدا أن"، "..., شاكرا لـ"):
        the first bare named party before ``i``, a person first."""
        people = [p for p in self.parties if p.tok < i and p.entity and p.marker is None and p.absorbed_by is None]
        return next((p for p in people if p.type == "PER"), people[0] if people else None)

    def parties_in(self, window: range, entity_only: bool = False) -> list[Party]:
        out = [p for p in self.parties if p.tok in window and p.absorbed_by is None]
        if entity_only:
            out = [p for p in out if p.entity]
        return out


# Words whose آل/أل is part of the stem, not the article, once normalised.
_NOT_ARTICLE = frozenset(normalise(w) for w in ("آلاف", "آلية", "آليات", "ألف", "ألفا", "آلة"))


def _definite(word: str) -> bool:
    return word.startswith(("ال", "وال", "فال", "بال", "لل")) and word not in _NOT_ARTICLE


def _construct_head(word: str) -> bool:
    """Whether a noun can govern the next one (عشرات المواطنين، عناصر الشرطة): a definite
    noun or a sound plural in ون/ين cannot, so "مئات المتظاهرين قوات الأمن" is two parties."""
    return not _definite(word) and not word.endswith(("ون", "ين"))


def _agrees(noun: str, word: str) -> bool:
    """Whether ``word`` reads as an adjective of ``noun``: a nisba or plural ending, the
    noun's definiteness, and a sound plural after a sound plural (مسلحون مجهولون، not
    "مسلحون مجهولون دورية")."""
    if len(word) < 4 or not word.endswith(_ADJ_ENDINGS) or word in RELATIVES:
        return False
    if _definite(noun) != _definite(word) or (_definite(word) and not word.startswith("ال")):
        return False  # an adjective carries no clitic: "الطلاب والمتظاهرين" is two parties
    return not noun.endswith(("ون", "ين")) or word.endswith(("ون", "ين"))


def _inside(a: Mention, b: Mention) -> bool:
    return b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
