"""Hand-built linked Docs for extraction tests (no recogniser or KB needed)."""
from __future__ import annotations

from rasd.doc import Doc, Entity, Mention
from rasd.extract import extract
from rasd.text.sentences import split_sentences

# key -> (type, English name, ISO country)
KNOWN = {
    "putin": ("PER", "Vladimir Putin", "RU"),
    "lavrov": ("PER", "Sergey Lavrov", "RU"),
    "wang": ("PER", "Wang Yi", "CN"),
    "erdogan": ("PER", "Recep Tayyip Erdoğan", "TR"),
    "sisi": ("PER", "Abdel Fattah el-Sisi", "EG"),
    "macron": ("PER", "Emmanuel Macron", "FR"),
    "abbas": ("PER", "Mahmoud Abbas", "PS"),
    "zakharova": ("PER", "Maria Zakharova", "RU"),
    "mbs": ("PER", "Mohammed bin Salman", "SA"),
    "shoukry": ("PER", "Sameh Shoukry", "EG"),
    "russia": ("GPE", "Russia", "RU"),
    "china": ("GPE", "China", "CN"),
    "turkey": ("GPE", "Turkey", "TR"),
    "egypt": ("GPE", "Egypt", "EG"),
    "iran": ("GPE", "Iran", "IR"),
    "israel": ("GPE", "Israel", "IL"),
    "us": ("GPE", "United States", "US"),
    "france": ("GPE", "France", "FR"),
    "moscow": ("GPE", "Moscow", "RU"),
    "beijing": ("GPE", "Beijing", "CN"),
    "cairo": ("GPE", "Cairo", "EG"),
    "ankara": ("GPE", "Ankara", "TR"),
    "paris": ("GPE", "Paris", "FR"),
    "gaza": ("GPE", "Gaza City", "PS"),
    "baghdad": ("GPE", "Baghdad", "IQ"),
    "eu": ("ORG", "European Union", None),
    "un": ("ORG", "United Nations", None),
    "hamas": ("ORG", "Hamas", "PS"),
    "mfa_ru": ("ORG", "Ministry of Foreign Affairs (Russia)", "RU"),
}


def make_doc(body: str, mentions: list[tuple[str, str]], published: str | None = None,
             roles: dict[str, str] | None = None) -> Doc:
    """A Doc whose mentions are every occurrence of each (surface, key) pair.

    ``roles`` maps a title surface ("الرئيس الروسي") to the person key it
    resolves to, the way the linker marks role mentions.
    """
    doc = Doc(id="t", body=body, published=published)
    doc.sentences = split_sentences(body)
    pairs = [(s, k, None) for s, k in mentions] + [(s, k, "role") for s, k in (roles or {}).items()]
    taken: list[tuple[int, int]] = []
    for surface, key, role in sorted(pairs, key=lambda p: -len(p[0])):
        etype, name, country = KNOWN[key]
        ent = Entity(id=f"kb:{key}", name=name, name_ar=surface, type=etype, country=country)
        doc.add_entity(ent)
        pos = body.find(surface)
        while pos >= 0:
            end = pos + len(surface)
            if not any(pos < b and a < end for a, b in taken):
                taken.append((pos, end))
                doc.mentions.append(Mention(surface, pos, end, etype, ent.id, role=role))
            pos = body.find(surface, end)
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def run(body: str, mentions, published=None, roles=None) -> Doc:
    doc = make_doc(body, mentions, published, roles)
    extract(doc, None)
    return doc


def names(doc: Doc, ev) -> tuple:
    def n(i):
        e = doc.entity(i)
        return e.name if e else None
    return ev.type, n(ev.actor), n(ev.target), n(ev.location)
