"""Reading CoNLL-style NER files (ANERcorp) and scoring tag sequences.

Scoring is entity-level exact match (span and type), micro-averaged, the way
conlleval and seqeval count, so figures compare with published ones.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from rasd.recognise.spans import bio_spans

_TYPE = {"PERS": "PER"}


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, BIO tags); ANERcorp's PERS is renamed PER."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in Path(path).read_text("utf-8").splitlines():
        parts = line.split()
        if not parts:
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
            continue
        tag = parts[-1]
        if tag != "O":
            prefix, _, typ = tag.partition("-")
            tag = f"{prefix}-{_TYPE.get(typ, typ)}"
        toks.append(parts[0])
        tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Precision/recall/F1 (percent) per type and under "ALL"."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for typ in sorted(set(n_gold) | set(n_pred)) + ["ALL"]:
        t = sum(tp.values()) if typ == "ALL" else tp[typ]
        ng = sum(n_gold.values()) if typ == "ALL" else n_gold[typ]
        np_ = sum(n_pred.values()) if typ == "ALL" else n_pred[typ]
        p = 100 * t / np_ if np_ else 0.0
        r = 100 * t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[typ] = {"precision": p, "recall": r, "f1": f, "support": ng}
    return out
