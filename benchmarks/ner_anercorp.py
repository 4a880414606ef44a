"""Entity-level P/R/F1 of the shipped recogniser (CRF and encoder) on the ANERcorp CAMeL Lab test split.

Models built with:  python -m rasd.recognise.train; python -m rasd.recognise.train_encoder   (train split only)
Run:                python benchmarks/ner_anercorp.py [TEST_FILE]

Exact span + type, micro-averaged (conlleval/seqeval counting). Published on
this split: 82.4 F1 CAMeLBERT-MSA (Inoue et al. 2021).
"""
from __future__ import annotations

import sys
from pathlib import Path

from rasd.recognise import tag_sentences
from rasd.recognise.corpus import read_conll, score

TEST = Path(__file__).resolve().parents[2] / "shared" / "eval" / "anercorp-camel" / "ANERCorp_CamelLab_test.txt"


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else TEST
    sents = read_conll(path)
    gold = [tags for _, tags in sents]
    # ANERcorp has no article boundaries: each sentence sees 8 either side as its article.
    pred, _ = tag_sentences([toks for toks, _ in sents], window=8)
    print(f"ANERcorp CamelLab test: {len(sents)} sentences, {sum(len(t) for t, _ in sents)} tokens")
    print("models trained with: python -m rasd.recognise.train; python -m rasd.recognise.train_encoder")
    print(f"{'type':5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    for typ, r in score(gold, pred).items():
        print(f"{typ:5s} {r['precision']:6.1f} {r['recall']:6.1f} {r['f1']:6.1f} {r['support']:6d}")


if __name__ == "__main__":
    main()
