"""How the fine-tuned encoder should enter the recogniser: options scored on the dev slice.

    python -m rasd.recognise.train_encoder --dev --layers 4 --out /tmp/dev_L4.onnx
    python benchmarks/ner_encoder_dev.py /tmp/dev_L4.onnx [more dev models ...]

Dev slice = the last 15 % of ANERcorp's train split; the CRF here and each
given encoder were trained on the first 85 % only (the test split is not
read). Options, each with and without ``consistency.propagate`` over the
±8 sentences that stand in for the article: ``crf`` (the CRF's own tags),
``encoder`` (the encoder's BIO-constrained decoding), ``mix w`` (per-word
label probabilities ``w * encoder + (1 - w) * CRF marginals``, then the same
decoding), ``product w`` (``encoder^w * CRF^(1 - w)``, renormalised, then the
same decoding: what ``tagger.mixed_tags`` ships, with ``w = tagger.MIX``). Also prints each encoder's pieces per CPU-second on the
slice. The CRF's marginals are cached in ``--cache`` (training it takes minutes).

Figures (2026-12-07, int8 models, 2 heavily shared cores): CRF 72.5, with
propagation 73.1. Encoders (all first layers of e5-small): L3, lr 1e-4,
3 epochs, frozen embeddings: alone 59.7, best combination 73.3 (product 0.3
+ propagation), 12.6k pieces/CPU-s; L4, same recipe: alone 67.0, mix 0.5 +
propagation 74.4, product 0.3 + propagation 74.5, 9.7k pieces/CPU-s; L4, lr
3e-4, 5 epochs, embeddings tuned (the shipped recipe): alone 69.2, mix 0.5 +
propagation 74.3, product 0.3 + propagation 74.9 (shipped), 11.8k
pieces/CPU-s. Per-epoch dev F1 printed while training (fp32): L4 shipped
recipe 65.5, 68.0, 69.2, 69.1, 69.5; L4 frozen lr 3e-4 63.9 after one epoch
(stopped for CPU). L3 with the shipped recipe (same run as the shipped L4,
same load): alone 65.8, mix 0.5 + propagation 73.7, product 0.3 + propagation
74.6 (L4: 74.9), 18.0k pieces/CPU-s (L4: 13.3k). L6 was not trained: 4
layers already use the speed budget.

``--skip`` (2026-12-07): the encoder reading only around words with CRF
1 - P(O) >= t. Only the shipped encoder was at hand, and it was trained on
the dev slice too (no dev encoder: torch training did not fit the shared
CPU), so its losses here are upper bounds: product 0.3 + propagation 83.0 with
all words; t = 0.02: 43 % of words scored, 82.7; 0.05: 40 %, 82.6; 0.1: 38 %,
82.2; 0.2: 36 %, 82.1. Shipped t = 0.02 (tagger.SKIP): 1.2x articles per
CPU-second for the whole pipeline on SaudiNewsNet.

Honest figures at last (issue 12, 2026-12-07): a dev encoder trained on the
85 % alone (``train_encoder --dev --layers 4 --out DIR/ner_e5.onnx``, the
shipped recipe, 2090 s wall on a loaded machine; fp32 dev F1 by epoch 65.5,
68.0, 69.2, 69.1, 69.5), CRF rebuilt (``--cache`` fresh): CRF + propagation
73.9; encoder alone 69.2 (+ propagation 69.8); mix 0.5 + propagation 74.8;
product 0.3 + propagation 75.6 (the shipped MIX stays the best single weight:
0.5 74.8, 0.7 72.6). ``--per-type``: weights chosen on one half do not carry
to the other (half 2: 72.4 -> 71.4, half 1: 78.7 -> 78.8; the choices
disagree: PER 0.7 / 0.4, ORG 0.1 / 0.3), so one MIX for all types stays. A
narrower reading (words where the CRF's 1 - max P >= 0.02, 8 pieces of
context, branch i12f) scored 75.5 here (context 16: 75.6), the pipeline 75.6
vs 75.4 (``ner_pipeline_anercorp.py --dev-crf --encoder``) but PER 77.3 vs
78.3, Wojood PER 56.2 vs 57.3, and on 300 SaudiNewsNet articles it changed 433
name mentions into 502 others, twice as many of them common words by the name
prior (30 vs 16: القلعة as a person, تنظيم alone as an organisation): not
kept, for all its 1.15x articles per CPU-second.
"""
from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from pathlib import Path

import numpy as np
import pycrfsuite

from rasd.recognise.consistency import propagate
from rasd.recognise.corpus import read_conll, score
from rasd.recognise.encoder import LABELS, Encoder, bio_decode
from rasd.recognise.features import corpus_features
from rasd.recognise.paths import ENCODER_VOCAB_PATH
from rasd.recognise.tagger import MIX, crf_marginals, mixed_tags
from rasd.recognise.train import DEFAULT_TRAIN, PARAMS, fit

WINDOW = 8


def crf_on_dev(train, dev) -> tuple[list[list[str]], list[np.ndarray]]:
    """The CRF's tags and per-label marginals [words, labels] on the dev sentences."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.crfsuite"
        fit(train, path, PARAMS)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        tags, margs = [], []
        for f in corpus_features([t for t, _ in dev], WINDOW):
            tags.append(list(tagger.tag(f)))
            margs.append(crf_marginals(tagger, f).reshape(len(f), len(LABELS)))
    return tags, margs


def propagated(sents: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """``propagate`` with each sentence's ±WINDOW neighbours as its article, as the ANERcorp benchmark runs."""
    out = []
    for i in range(len(sents)):
        s = slice(max(0, i - WINDOW), i + WINDOW + 1)
        out.append(propagate(sents[s], tags[s])[i - s.start])
    return out


def line(name: str, gold, pred) -> None:
    print(f"{name:24s} " + "  ".join(f"{t} {r['f1']:.1f}" for t, r in score(gold, pred).items()), flush=True)


TYPES = ("PER", "ORG", "LOC", "MISC")
GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def weights(by_type: dict[str, float]) -> np.ndarray:
    """The product's per-label weight: each type's for its B- and I- labels, tagger.MIX for O."""
    return np.array([by_type.get(t[2:], MIX) for t in LABELS])


def per_type(words, gold, logps, crf_probs) -> None:
    """Per-type weights by coordinate search (two rounds over GRID) on one half of the slice,
    scored on the other half beside the single MIX: how much a weight per type would add."""
    preds: dict[tuple, list] = {}

    def f1(by_type: dict[str, float], part: range) -> float:
        key = tuple(sorted(by_type.items()))
        if key not in preds:
            w = weights(by_type)
            preds[key] = propagated(words, [mixed_tags(lp, cp, w)[0] for lp, cp in zip(logps, crf_probs)])
        return score([gold[i] for i in part], [preds[key][i] for i in part])["ALL"]["f1"]

    half = len(words) // 2
    halves = (range(0, half), range(half, len(words)))
    for k, (fit_on, test_on) in enumerate((halves, halves[::-1])):
        best = {t: MIX for t in TYPES}
        for _ in range(2):
            for t in TYPES:
                best[t] = max(GRID, key=lambda w: (f1({**best, t: w}, fit_on), -abs(w - MIX)))
        print(f"per-type weights chosen on half {k + 1}: {best}; on half {2 - k}: "
              f"product {MIX} {f1({}, test_on):.1f} -> per type {f1(best, test_on):.1f} (+ propagate)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+", help="encoders trained with train_encoder --dev --out")
    ap.add_argument("--vocab", default=str(ENCODER_VOCAB_PATH))
    ap.add_argument("--train", default=str(DEFAULT_TRAIN))
    ap.add_argument("--cache", default="/tmp/rasd-ner-encoder-dev-crf.pkl")
    ap.add_argument("--per-type", action="store_true",
                    help="also: the product's weight chosen per entity type (O keeps tagger.MIX), "
                         "chosen on each half of the slice and scored on the other")
    ap.add_argument("--skip", type=float, nargs="*", default=[],
                    help="also: the shipped product (tagger.MIX) with the encoder reading only around words whose "
                         "CRF 1 - P(O) is at least this (tagger.SKIP)")
    args = ap.parse_args()
    sents = read_conll(args.train)
    cut = int(len(sents) * 0.85)
    dev = sents[cut:]
    words, gold = [t for t, _ in dev], [t for _, t in dev]
    cache = Path(args.cache)
    if not cache.exists():
        cache.write_bytes(pickle.dumps(crf_on_dev(sents[:cut], dev)))
    crf_tags, crf_probs = pickle.loads(cache.read_bytes())
    print(f"dev slice: {len(dev)} sentences, {sum(map(len, words))} tokens")
    line("crf", gold, crf_tags)
    line("crf + propagate", gold, propagated(words, crf_tags))
    for model in args.models:
        enc = Encoder(Path(model), Path(args.vocab))
        enc.word_logprobs(words[:50])
        c0 = time.process_time()
        logps = enc.word_logprobs(words)
        cpu = time.process_time() - c0
        n = sum(len(enc.segment.pieces(w)) for s in words for w in s)
        print(f"{model}: {n / cpu:,.0f} pieces per CPU-second (one thread)")
        for w in (1.0, 0.7, 0.5, 0.3):
            pred = [bio_decode(np.log(w * np.exp(lp) + (1 - w) * cp + 1e-9)) for lp, cp in zip(logps, crf_probs)]
            name = "encoder" if w == 1.0 else f"mix {w}"
            line(name, gold, pred)
            line(name + " + propagate", gold, propagated(words, pred))
        for w in (0.7, 0.5, 0.3):
            pred = [mixed_tags(lp, cp, w)[0] for lp, cp in zip(logps, crf_probs)]
            line(f"product {w}", gold, pred)
            line(f"product {w} + propagate", gold, propagated(words, pred))
        if args.per_type:
            per_type(words, gold, logps, crf_probs)
        for t in args.skip:
            scored = [list(1 - cp[:, 0] >= t) for cp in crf_probs]
            c0 = time.process_time()
            logps = enc.word_logprobs(words, scored)
            skip_cpu = time.process_time() - c0
            read = sum(int((~np.isnan(lp[:, 0])).sum()) for lp in logps)
            pred = [mixed_tags(lp, cp, MIX)[0] for lp, cp in zip(logps, crf_probs)]
            print(f"skip {t}: {read / sum(map(len, words)):.0%} of words scored, encoder {skip_cpu:.1f} CPU-s (all words: {cpu:.1f})")
            line(f"product {MIX} + propagate, skip {t}", gold, propagated(words, pred))


if __name__ == "__main__":
    main()
