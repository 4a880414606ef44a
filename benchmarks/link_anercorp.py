"""How the linker's KB matches line up with ANERcorp's gold entities (test split).

There is no Arabic entity-linking gold here, so this measures what can be
measured: whether the names the linker ties to KB entries are named entities
at all, and with a compatible type (precision of dictionary spotting, the
main risk of a gazetteer in a language where many names are also words), and
how many gold entities the linker ties to the KB or to a corpus entity.
Consecutive sentences are grouped into pseudo-articles of 10 sentences.

Usage: python benchmarks/link_anercorp.py [../shared/eval/anercorp-camel] [--ner]
  --ner  run the recogniser first (full link stage); default: dictionary only
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from rasd.doc import Doc
from rasd.kb import load
from rasd.link import link
from rasd.text.sentences import split_sentences

_COMPATIBLE = {"PER": {"PERS"}, "ORG": {"ORG"}, "GPE": {"LOC"}, "LOC": {"LOC"}, "MISC": {"MISC"}}


def read(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def build(sents: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Body text (one sentence a line) and gold entity spans (start, end, type)."""
    text, spans = [], []
    pos = 0
    for sent in sents:
        cur = None
        for tok, tag in sent:
            start, end = pos, pos + len(tok)
            if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
                if cur:
                    spans.append(tuple(cur))
                cur = [start, end, tag[2:]]
            elif tag.startswith("I-") and cur is not None:
                cur[1] = end
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = None
            text.append(tok)
            pos = end + 1
        if cur:
            spans.append(tuple(cur))
        text[-1] += "\n"
    return " ".join(text).replace("\n ", "\n"), spans


def main(root: Path, with_ner: bool) -> None:
    sents = read(root / "ANERCorp_CamelLab_test.txt")
    kb = load()
    if with_ner:
        from rasd.recognise import recognise
    n_kb = n_kb_ent = n_kb_typed = 0
    n_gold = n_gold_hit = n_gold_kb = 0
    cpu = 0.0
    for i in range(0, len(sents), 10):
        body, gold = build(sents[i : i + 10])
        doc = Doc(id=str(i), body=body)
        doc.sentences = split_sentences(body)
        if with_ner:
            recognise(doc)
        t = time.process_time()
        link(doc, kb)
        cpu += time.process_time() - t
        names = [m for m in doc.mentions if m.entity and not m.role]
        for m in names:
            if not m.entity.startswith("kb:"):
                continue
            n_kb += 1
            hit = [g for g in gold if g[0] < m.end and m.start < g[1]]
            n_kb_ent += bool(hit)
            n_kb_typed += any(g[2] in _COMPATIBLE.get(m.type, ()) for g in hit)
        for g in gold:
            n_gold += 1
            hit = [m for m in names if m.start < g[1] and g[0] < m.end]
            n_gold_hit += bool(hit)
            n_gold_kb += any(m.entity.startswith("kb:") for m in hit)
    print(f"mode: {'recogniser + linker' if with_ner else 'dictionary only (no recogniser)'}")
    print(f"KB-linked mentions on a gold entity       {n_kb_ent / n_kb:6.1%}  ({n_kb_ent}/{n_kb})")
    print(f"  ... and of a compatible type            {n_kb_typed / n_kb:6.1%}")
    print(f"gold entities with a linked mention        {n_gold_hit / n_gold:6.1%}  ({n_gold_hit}/{n_gold})")
    print(f"gold entities linked to the KB             {n_gold_kb / n_gold:6.1%}")
    print(f"link CPU time                              {cpu:.2f} s for {len(sents)} sentences")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared/eval/anercorp-camel", "--ner" in sys.argv)
