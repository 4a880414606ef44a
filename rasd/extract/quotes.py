"""Quotes and their speakers: direct (in quote marks) and reported (قال إن ...).

A quote needs a speech cue (قال، أكد، أضاف، شدد، أعلن ... or a participle
such as مؤكدا) followed by its content: إن/أن, a colon or an opening quote
mark. Scare quotes ("بلا حدود") and quoted names without a cue are not
quotes. The speaker is resolved in this order:
  1. a name right after the cue (VSO: "وقال وانغ لشويغو: ..."), the person
     winning over the title words around it ("المتحدث باسم وزارة الخارجية
     لين جيان"); a title mention linked to its holder counts as the name;
  2. a title with no name ("وقال الوزير الصيني"): the most recent person
     mentioned with that title;
  3. a name right before the cue (SVO);
  4. no subject at all ("وأضاف: ..."): the previous quote's speaker, which is
     a participle ("مؤكدا أن") takes the speaker of its sentence's speech
     verb, else the subject of its clause.
Quote marks pair loosely: news sites mix “ ” « » " and close with whatever
mark comes next.
"""
from __future__ import annotations

from rasd.doc import Doc, Quote
from rasd.extract.clause import BOUNDARY, Party, SentenceView
from rasd.extract.lexicon import cues, readings, triggers
from rasd.text.normalise import normalise, proclitic_splits

OPENERS = "\"“«„”"
CLOSERS = "\"”»“"
_STOP_NP = frozenset("،,:؛;.\"“”«»„")
_ATTRIBUTION = tuple(normalise(w) for w in ("حسبما", "وفق", "وفقا", "بحسب", "نقلا", "حسب"))
# Read as the impersonal passive when no subject follows: يُذكر أن.
_IMPERSONAL = frozenset({normalise("يذكر")})


def find_quotes(doc: Doc) -> list[Quote]:
    cue = cues()
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    for span in doc.sentences:
        view = SentenceView(doc, span, cue)
        n = len(view.tokens)
        said_by = None  # speaker of this sentence's speech verb, for its participles
        for i in range(n):
            participle = readings(view.norms[i]) & cue.participles
            if not participle and not cue.speech.match(view.norms[i]):
                continue
            if not participle and (i > 0 and view.preposition(view.norms[i - 1])
                                   or not cue.speech.as_written(view.norms[i], article=False)):
                continue  # في إشارة إلى أن، وفي هذا إشارة إلى: a noun, not "he pointed out"
            np_end = _np_end(view, i)
            if np_end == i + 1 and readings(view.norms[i]) & _IMPERSONAL:
                continue  # يذكر أن ...: "it is worth noting", the journalist's aside
            content = _content_start(view, np_end)
            if content is None and participle:
                continue
            before = None if participle else _quote_before(doc, view, i)  # «...»، قال الوزير
            if content is None and before is not None:
                start, end = before
                if not any(a <= start < b for a, b in covered):
                    covered.append((start, end))
                    speaker = _speaker(view, i, np_end, quotes)
                    said_by = said_by or speaker
                    quotes.append(Quote(speaker=speaker, text=doc.body[start:end], start=start, end=end,
                                        kind="direct", cue=view.tokens[i].text))
                continue
            if participle:
                subject = view.subject_before(i)
                speaker = said_by or (subject.entity if subject else None) or (quotes[-1].speaker if quotes else None)
            else:
                speaker = _speaker(view, i, np_end, quotes)
                said_by = said_by or speaker
            if content is None:
                continue
            q = _quote_text(doc, view, content, i)
            if q is None:
                continue
            start, end, kind = q
            if any(a <= start < b for a, b in covered):
                continue
            covered.append((start, end))
            quotes.append(Quote(speaker=speaker, text=doc.body[start:end], start=start, end=end,
                                kind=kind, cue=view.tokens[i].text))
    return quotes



def _np_end(view: SentenceView, i: int) -> int:
    """One past the last token of the speaker noun phrase after the cue.

    A place or field inside a long title does not end it when a person's name
    follows: "وقال قائد حرس الحدود بمنطقة تبوك اللواء محمد الصقير"، "ويقول عالم
    الفلك بالمشروع بوب بيرمان" (an addressee, "لنظيره"، "للصحفيين"، still does)."""
    j = i + 1
    while j < len(view.tokens) and (j - i <= 9 or _inside_person(view, j)):
        t = view.norms[j]
        if t in _STOP_NP or t in view.cues.complementisers or _opens_pp(view, j) and not _title_pp(view, j):
            break
        j += 1
    return j


def _inside_person(view: SentenceView, j: int) -> bool:
    return any(p.type == "PER" and p.tok < j < p.tok_end for p in view.parties)


def _title_pp(view: SentenceView, j: int) -> bool:
    """Whether a في/بـ phrase at ``j`` sits inside a title that a person's name closes."""
    t = view.norms[j]
    if not (t == "في" or t.startswith("ب")) or any(p.tok == j and p.type == "PER" for p in view.parties):
        return False
    for k in range(j + (2 if t == "في" else 1), min(j + 6, len(view.tokens))):  # في's object is no speaker
        if view.norms[k] in _STOP_NP or view.norms[k] in view.cues.complementisers:
            return False
        if any(p.tok == k and p.type == "PER" and p.entity for p in view.parties):
            return True
    return False


def _opens_pp(view: SentenceView, j: int) -> bool:
    t = view.norms[j]
    if t in view.cues.place_preps or t in view.cues.other_preps or t in ("الي", "علي", "ل"):
        return True
    # a ل/ب-prefixed word not inside a name: the addressee (لشويغو) or an adverbial
    inside = any(p.tok <= j < p.tok_end and p.start <= view.tokens[j].start for p in view.parties)
    return not inside and (t.startswith(("لل", "بال")) or (t[:1] in "لب" and not _is_title(view, t)))


def _is_title(view: SentenceView, t: str) -> bool:
    return any(rest in view.cues.titles for _, rest in proclitic_splits(t))


def _content_start(view: SentenceView, j: int) -> int | None:
    """Char offset where the said content begins, if a complementiser/colon/mark follows soon."""
    for k in range(j, min(j + 9, len(view.tokens))):
        t, tok = view.norms[k], view.tokens[k]
        if t in view.cues.complementisers or t == ":":
            return tok.end
        if len(t) == 1 and t in OPENERS and k == j:
            return tok.start
        if t == ".":
            return None
    return None


def _quote_text(doc: Doc, view: SentenceView, pos: int, cue_tok: int) -> tuple[int, int, str] | None:
    body = doc.body
    bare_mark = pos < len(body) and body[pos] in OPENERS  # no إن / colon before the mark
    while pos < len(body) and body[pos] in " \t":
        pos += 1
    if pos < len(body) and body[pos] in OPENERS:
        para_end = body.find("\n", pos)
        para_end = len(body) if para_end < 0 else para_end
        close = next((k for k in range(pos + 1, para_end) if body[k] in CLOSERS), None)
        if close is not None:
            s, e = _trim(body, pos + 1, close)
            if len(body[s:e].split()) >= (4 if bare_mark else 2):  # not a quoted name (وكالة "رويترز")
                return s, e, "direct"
            if bare_mark:
                return None
    # reported: to the next speech cue in the sentence, an attribution tail, or the end
    end = view.span.end
    for k in range(len(view.tokens)):
        tok = view.tokens[k]
        if tok.start <= pos or k == cue_tok:
            continue
        t = view.norms[k]
        joined = t.startswith("و") and k > 0 and view.norms[k - 1] in ("،", ",") and (
            view.cues.speech.match(t) or any(h.tense != "noun" for h in triggers().match(t)))
        if t in _ATTRIBUTION or joined:
            end = view.tokens[k - 1].start if view.norms[k - 1] in ("،", ",") else tok.start
            break
    s, e = _trim(body, pos, end)
    first = body[s:e].split(maxsplit=1)
    if len(first) == 2 and normalise(first[0]) in view.cues.complementisers:  # "وقال X: إن ..."
        s, e = _trim(body, s + len(first[0]), e)
    if len(body[s:e].split()) < 2:
        return None
    return s, e, "reported"


def _quote_before(doc: Doc, view: SentenceView, i: int) -> tuple[int, int] | None:
    """A quote that ends right before the cue: «...»، قال X (text span, at least 4 words)."""
    j = i - 1
    while j >= 0 and view.norms[j] in ("،", ","):
        j -= 1
    if j < 0 or view.norms[j] not in CLOSERS or len(view.norms[j]) != 1:
        return None
    body, close = doc.body, view.tokens[j].start
    para = body.rfind("\n", 0, close) + 1
    opener = next((k for k in range(close - 1, max(para, close - 1500) - 1, -1) if body[k] in OPENERS), None)
    if opener is None:
        return None
    s, e = _trim(body, opener + 1, close)
    return (s, e) if len(body[s:e].split()) >= 4 else None


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    junk = " \t\n.،,:؛\"“”«»„"
    while s < e and body[s] in junk:
        s += 1
    while e > s and body[e - 1] in junk:
        e -= 1
    return s, e


def _speaker(view: SentenceView, i: int, np_end: int, quotes: list[Quote]) -> str | None:
    named = [p for p in view.parties_in(range(i + 1, np_end), entity_only=True)
             if p.marker in (None, "coord") or p.marker == "place" and p.type == "PER"]  # بمنطقة تبوك اللواء X
    if named:
        people = [p for p in named if p.type == "PER"]
        return (people or named)[0].entity
    title = next((view.norms[k] for k in range(i + 1, np_end) if _is_title(view, view.norms[k])), None)
    if title:
        holder = _recent_holder(view, title, view.tokens[i].start)
        if holder:
            return holder
    left = _left_party(view, i)
    if left is not None:
        return left.entity
    return quotes[-1].speaker if quotes and np_end == i + 1 else None


def _recent_holder(view: SentenceView, title: str, before: int) -> str | None:
    """The latest person mentioned before ``before`` with this title in front of them."""
    doc = view.doc
    key = next(rest for _, rest in proclitic_splits(title) if rest in view.cues.titles)
    bare = key[2:] if key.startswith("ال") else key
    for m in sorted((m for m in doc.mentions if m.end <= before and m.entity), key=lambda m: -m.start):
        ent = doc.entity(m.entity)
        if ent is None or ent.type != "PER":
            continue
        context = normalise(doc.body[max(0, m.start - 60) : m.end])
        if bare in context:
            return m.entity
    return None


def _left_party(view: SentenceView, i: int) -> Party | None:
    if i == 0:
        return None
    prev = [p for p in view.parties if p.tok_end == i and p.entity and p.absorbed_by is None]
    return prev[0] if prev and view.norms[i - 1] not in BOUNDARY else None
