"""How precise is the knowledge base as a gazetteer? python benchmarks/kb_gazetteer_anercorp.py [FILE]

Matches every KB Arabic form (longest first, proclitics allowed on the first
token) over ANERcorp (CAMeL split; default: the train file in
../shared/eval, which is read, never copied) and scores each match against
the gold entity spans: a match is right when it covers exactly a gold span,
and type-right when the KB type agrees (GPE/LOC~LOC, ORG~ORG, PER~PERS).
Figures are given per source (countries, curated entries, GeoNames-generated
cities) so the noise of the generated cities is visible, with the most
frequent wrong matches of each.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import re

from rasd.kb import load
from rasd.text.normalise import normalise, proclitic_splits

DEFAULT = Path(__file__).resolve().parents[2] / "shared/eval/anercorp-camel/ANERCorp_CamelLab_train.txt"
TYPE_OK = {"GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "PER": "PERS"}
MAX_TOKENS = 7
ARABIC = re.compile(r"[\u0621-\u064A]")


def read(path: Path):
    tokens, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            tokens.append(None)
            tags.append("O")
            continue
        tok, tag = line.rsplit(None, 1)
        tokens.append(tok)
        tags.append(tag)
    return tokens, tags


def gold_spans(tags):
    spans, start = {}, None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and not t.startswith("I-"):
            spans[(start, i)] = tags[start][2:]
            start = None
        if t.startswith("B-"):
            start = i
    return spans


def source(e) -> str:
    if e.extra.get("generated"):
        return "generated city"
    if "code" in e.extra:
        return "country"
    return {"PER": "person", "ORG": "organisation"}.get(e.type, "curated place")


def form_index(kb) -> dict[str, object]:
    """Normalised KB spelling -> entity, as the linker indexes them (no optional article)."""
    out: dict[str, object] = {}
    for rank in (0, 1, 2):
        for e in kb.entities():
            gen = bool(e.extra.get("generated"))
            forms = e.ar if rank == (2 if gen else 0) else (e.short_ar if rank == 1 and not gen else ())
            for f in forms:
                out.setdefault(" ".join(normalise(f).split()), e)
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    kb = load()
    forms = form_index(kb)
    tokens, tags = read(path)
    gold = gold_spans(tags)
    stats = defaultdict(Counter)
    wrong = defaultdict(Counter)
    i = 0
    while i < len(tokens):
        hit = None
        if tokens[i] is not None and ARABIC.search(tokens[i]):
            # proclitics as the linker reads them: never the bare article
            first = [rest for p, rest in proclitic_splits(normalise(tokens[i])) if not p.endswith("ال")]
            for n in range(MAX_TOKENS, 0, -1):
                span = tokens[i:i + n]
                if len(span) < n or None in span or not ARABIC.search(span[-1]):
                    continue
                tail = " ".join(normalise(t) for t in span[1:])
                for f in first:
                    e = forms.get(f + (" " + tail if tail else ""))
                    if e is not None:
                        hit = (n, e)
                        break
                if hit:
                    break
        if not hit:
            i += 1
            continue
        n, e = hit
        src = source(e)
        g = gold.get((i, i + n))
        stats[src]["matches"] += 1
        if g:
            stats[src]["span_ok"] += 1
            stats[src]["type_ok"] += TYPE_OK[e.type] == g
        else:
            wrong[src][" ".join(tokens[i:i + n])] += 1
        i += n
    print(f"{path.name}: {sum(1 for g in gold.values())} gold entities "
          f"(LOC {sum(1 for g in gold.values() if g == 'LOC')})")
    total = Counter()
    for src, c in sorted(stats.items()):
        total.update(c)
        print(f"  {src:15s} matches {c['matches']:5d}  exact-span precision {c['span_ok'] / c['matches']:.3f}  "
              f"type-right {c['type_ok'] / c['matches']:.3f}")
    print(f"  {'all':15s} matches {total['matches']:5d}  exact-span precision {total['span_ok'] / total['matches']:.3f}  "
          f"type-right {total['type_ok'] / total['matches']:.3f}")
    loc_gold = sum(1 for g in gold.values() if g == "LOC")
    print(f"  gold LOC spans matched by a GPE/LOC entity (recall): "
          f"{(stats['country']['type_ok'] + stats['curated place']['type_ok'] + stats['generated city']['type_ok']) / loc_gold:.3f}")
    for src in ("generated city", "curated place", "organisation", "country", "person"):
        print(f"  most frequent non-entity matches, {src}: {wrong[src].most_common(12)}")


if __name__ == "__main__":
    main()
