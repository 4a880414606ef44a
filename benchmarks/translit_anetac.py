"""Pairwise precision/recall of rasd.text.translit.same_name on ANETAC, plus romaniser accuracy.

Positives: pairs of distinct Arabic spellings that ANETAC gives for one English name
(grouped by accent-stripped, lower-cased English form over EN-AR_Named-entities.txt;
the test split alone has no name with two spellings). Negatives: every pair of
test-split names whose English forms differ (about 4.5M pairs, counted through the
translit key so no pair loop is needed for the key-equality part; the one-edit
tolerance is counted on pairs that share a blocking bucket).

Usage: python benchmarks/translit_anetac.py [../shared/eval/anetac-translit]
"""
from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from rasd.text.translit import romanise, same_name, translit_key


def _en_key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def _is_ar(tok: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in tok)


def main(root: Path) -> None:
    groups: dict[str, set[str]] = defaultdict(set)
    for line in (root / "EN-AR_Named-entities.txt").read_text(encoding="utf-8").splitlines():
        toks = line.split()[1:]
        en = " ".join(t for t in toks if not _is_ar(t))
        ar = " ".join(t for t in toks if _is_ar(t))
        if en and ar:
            groups[_en_key(en)].add(ar)
    pos = [p for v in groups.values() if len(v) > 1 for p in combinations(sorted(v), 2)]
    tp = sum(same_name(a, b) for a, b in pos)

    en = (root / "test.en").read_text(encoding="utf-8").splitlines()
    ar = (root / "test.ar").read_text(encoding="utf-8").splitlines()
    names = {(_en_key(e), a.strip()) for e, a in zip(en, ar) if e.strip() and a.strip()}
    names = sorted(names)
    # Candidate pairs: same key, or same key length bucket +-1 sharing the first 2 key letters
    # (one edit keeps at least one of the two first letters... we block on first letter
    # and length, which covers every pair within edit distance 1 except a first-letter edit).
    buckets: dict[tuple[str, int], list[int]] = defaultdict(list)
    keys = [translit_key(a).replace(" ", "") for _, a in names]
    for i, k in enumerate(keys):
        buckets[(k[:1], len(k))].append(i)
    fp = 0
    seen = set()
    for (first, ln), idx in buckets.items():
        for other in (ln, ln + 1):
            jdx = buckets.get((first, other), [])
            for i in idx:
                for j in jdx:
                    if (other == ln and j <= i) or names[i][0] == names[j][0]:
                        continue
                    if (i, j) in seen:
                        continue
                    seen.add((i, j))
                    if same_name(names[i][1], names[j][1]):
                        fp += 1
    n = len(names)
    neg_pairs = n * (n - 1) // 2
    precision = tp / (tp + fp) if tp + fp else 0.0
    print(f"positives (variant pairs): {len(pos)} from {sum(len(v) > 1 for v in groups.values())} names")
    print(f"negatives: {neg_pairs} pairs of {n} distinct test-split names")
    print(f"same_name recall    {tp / len(pos):.3f}  ({tp}/{len(pos)})")
    print(f"same_name false pos {fp}  (rate {fp / neg_pairs:.2e} of negative pairs)")
    print(f"same_name precision {precision:.3f}  (174 positives against all 4.5M test-split negative pairs)")
    rec, fpr = tp / len(pos), fp / neg_pairs
    print(f"same_name precision {rec / (rec + fpr):.3f}  (as many negative pairs as positive ones)")
    key_tp = sum(translit_key(a) == translit_key(b) for a, b in pos)
    print(f"key equality recall {key_tp / len(pos):.3f}")

    exact = sim = 0.0
    for e, a in zip(en, ar):
        if not e.strip():
            continue
        r = romanise(a.strip()).lower()
        exact += r == _en_key(e)
        sim += Levenshtein.normalized_similarity(r, _en_key(e))
    m = sum(1 for e in en if e.strip())
    print(f"romanise exact {exact / m:.3f}  mean char similarity {sim / m:.3f}  (test split, {m} names)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/eval/anetac-translit")
