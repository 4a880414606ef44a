"""Office titles to people: "وزير الخارجية الصيني وانغ يي", "الرئيس الروسي", "وقال الوزير".

A title followed by a name confirms the name; a title alone is resolved
through the KB's office holders on the article's date, with the country
taken from a nationality adjective (الصيني), a following country name
(وزير خارجية روسيا) or the phrase itself (سيد الكرملين); a bare title
(الوزير, الرئيس) refers back to the last person who held that kind of title
earlier in the article.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from rasd.doc import Doc, Mention
from rasd.kb import KnowledgeBase
from rasd.link.gazetteer import GENERIC_TITLES, MINISTER, Spot, body_tokens, first_readings
from rasd.text.normalise import WORD_CACHE, normalise
from rasd.text.tokens import Token

# Ranks and honorifics that sit between a title and the name (الأدميرال دونغ جون).
_HONORIFICS = {
    normalise(w)
    for w in (
        "الأدميرال", "أدميرال", "الجنرال", "جنرال", "المارشال", "الفريق", "أول", "الفريق أول", "اللواء",
        "العميد", "العقيد", "السيد", "السيدة", "الدكتور", "الدكتورة", "د.", "الشيخ", "الأمير", "الأميرة",
        "السفير", "المستشار", "الرفيق", "المشير",
    )
}
_GENERIC = {normalise(w): MINISTER for w in GENERIC_TITLES}


# Words after a title that make it someone other than the office's current holder.
_NOT_CURRENT = {normalise(w) for w in (
    "السابق", "السابقة", "الأسبق", "الأسبقة", "الراحل", "الراحلة", "المخلوع", "المقبل", "المقبلة", "المنتخب",
    "المنتخبة", "الأسبق", "الفخري", "الفخرية", "بالإنابة", "المكلف", "المكلفة",
)}
# Words that may follow a title that stands alone (وقال الرئيس إن ..., أكد الوزير أن ...).
_AFTER_BARE_TITLE = {normalise(w) for w in (
    "إن", "أن", "بأن", "إنه", "أنه", "بأنه", "في", "إلى", "على", "من", "عن", "مع", "خلال", "أمس", "اليوم", "قد",
    "لم", "لن", "الذي", "التي", "قائلا", "مؤكدا", "مشيرا", "مضيفا", "موضحا", "بعد", "قبل", "عبر", "حيث", "كما",
    "لدى", "أيضا", "نفسه", "وقال", "وأضاف", "وأكد", "خلالها", "خلاله", "يوم", "صباح", "مساء", "الثلاثاء",
)}


def _ends_title(word: str) -> bool:
    """Whether ``word`` can follow a title that names its holder by itself."""
    return word in _AFTER_BARE_TITLE or any(word == p + w for p in ("و", "ف") for w in _AFTER_BARE_TITLE)


def _token_index(tokens: list[Token], mentions: list[Mention]) -> dict[int, Mention]:
    """token index -> the first mention that starts inside that token."""
    starts = [t.start for t in tokens]
    out: dict[int, Mention] = {}
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < tokens[i].end:
            out.setdefault(i, m)
    return out


@lru_cache(maxsize=WORD_CACHE)
def _bare(word: str) -> tuple[int, str]:
    """(normalised proclitic length, rest) when the word is a title/rank word behind و/ف/ب/ل/ك."""
    w = normalise(word)
    for skip, rest in first_readings(w):
        if rest in _HONORIFICS or rest in _GENERIC:
            return skip, rest
    return 0, w


def _role_matches(role: str | None, wanted: str) -> bool:
    if role is None:
        return False
    return role == wanted or (wanted == MINISTER and role.endswith("_minister"))


def _last_holder(doc: Doc, wanted: str, before: int, country: str | None) -> str | None:
    """Entity of the last person mention before ``before`` whose role fits."""
    for m in sorted(doc.mentions, key=lambda m: m.start, reverse=True):
        if m.start >= before or m.entity is None or not _role_matches(m.role, wanted):
            continue
        if country is not None:
            ent = doc.entity(m.entity)
            if ent is not None and ent.country not in (None, country):
                continue
        return m.entity
    return None


def resolve_titles(
    doc: Doc, kb: KnowledgeBase, tokens: list[Token], spots: list[Spot], names: list[Mention], add_person
) -> list[Mention]:
    """Title mentions (type PER, ``role`` set, ``entity`` the person) for the spotted titles.

    ``names`` are the already linked name mentions (sorted); ``add_person``
    puts a KB person into ``doc.entities`` and returns its id.
    """
    name_at_token = _token_index(tokens, names)
    out: list[Mention] = []
    for s in spots:
        cand = s.cands[0]
        role, country = cand.key, cand.of
        k = s.last
        end = s.end
        if k < len(tokens):
            code = kb.nationality(tokens[k].text)
            if code:
                country, end, k = code, tokens[k].end, k + 1
            else:
                m = name_at_token.get(k)
                ent = kb.get(m.entity) if m and m.entity else None
                if ent is not None and ent.type == "GPE" and ent.extra.get("code"):
                    country, end = ent.extra["code"], m.end
                    while k < len(tokens) and tokens[k].start < m.end:
                        k += 1
        while k < len(tokens) and _bare(tokens[k].text)[1] in _HONORIFICS:
            k += 1
        person = None
        m = name_at_token.get(k) if k < len(tokens) else None
        follower = normalise(tokens[k].text) if k < len(tokens) else ""
        if m is not None and m.type == "PER" and m.entity:
            person = m.entity  # the name says who; the title confirms
            if role != MINISTER:
                m.role = m.role or role
        elif follower in _NOT_CURRENT:
            person = None  # "الرئيس الأمريكي السابق": not the holder on the day
        elif country is None and follower.isalpha() and not _ends_title(follower):
            # "الرئيس التنفيذي", "الملك عبدالله" (name not recognised): not the last one so titled
            person = None
        elif role == MINISTER:
            person = _last_holder(doc, role, s.start, country)  # "وقال الوزير", "الوزير الروسي"
        elif country is not None:
            holder = _holder(doc, kb, role, country)
            if holder is not None:
                person = add_person(holder)
        elif s.head.startswith("ال"):
            # "الرئيس" alone is someone named before; "رئيس" alone heads a genitive (رئيس النادي)
            person = _last_holder(doc, role, s.start, None)
        if person is not None:
            if role == MINISTER:
                role = _role_of(doc, person) or role
            mention = Mention(doc.body[s.start : end], s.start, end, "PER", entity=person, role=role, nominal=True)
            out.append(mention)
            doc.mentions.append(mention)  # later bare titles refer back to this one
    return out


def _holder(doc: Doc, kb: KnowledgeBase, role: str, country: str):
    """The one holder of ``role`` in ``country`` on the article's date.

    Offices held by several at once (two CMC vice-chairmen) resolve only to
    one the article names elsewhere.
    """
    holders = kb.holders(role, country, doc.published)
    named = [h for h in holders if doc.entity(h.id) is not None]
    if named:
        return named[0]
    return holders[0] if len(holders) == 1 else None


def _role_of(doc: Doc, entity_id: str) -> str | None:
    for m in doc.mentions:
        if m.entity == entity_id and m.role:
            return m.role
    return None


def resolve_title(doc: Doc, kb: KnowledgeBase, start: int, end: int) -> str | None:
    """The person a title at ``body[start:end]`` refers to, after ``link`` ran (None if unknown).

    For the quotes and events stages: "وقال الوزير" -> the minister named
    before; "وزير الخارجية الصيني" -> the person ``link`` resolved it to.
    """
    for m in doc.mentions:
        if m.role and m.entity and m.start <= start and end <= m.end:
            return m.entity
        if m.role and m.entity and start <= m.start and m.end <= end:
            return m.entity
    words = [normalise(t.text) for t in body_tokens(doc.body[start:end])]
    if not words:
        return None
    phrases = kb.role_phrases()
    for _, first in first_readings(words[0]):
        ws = [first, *words[1:]]
        for n in range(len(ws), 0, -1):
            role = phrases.get(" ".join(ws[:n])) or (_GENERIC.get(ws[0]) if n == 1 else None)
            if role:
                country = kb.nationality(ws[n]) if n < len(ws) else None
                return _last_holder(doc, role, start, country)
    return None
