"""Train the shipped NER model: ``python -m rasd.recognise.train [TRAIN_FILE]``.

Reads the ANERcorp CAMeL Lab *train* split only (the test split is for the
benchmark), trains an L-BFGS CRF with fixed settings (deterministic: same
data, same packages, same model), writes ``rasd/data/models/``.
``--dev F`` instead trains on the first part of the train split and scores
its last fraction F (sequential, like the CAMeL test split), which is how
features and c1/c2 were chosen; it writes nothing into the package and uses
the shipped name-likeness model, fitted on the whole train split, so its
figures are slightly optimistic.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from rasd.recognise import nameness
from rasd.recognise.corpus import read_conll, score
from rasd.recognise.features import corpus_features, word_core, word_features
from rasd.recognise.lexicon import export_person_names, person_name_words, place_names
from rasd.recognise.paths import MODEL_PATH, NAMENESS_PATH, VOCAB_PATH
from rasd.recognise.spans import bio_spans
from rasd.text.normalise import normalise

DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / "shared" / "eval" / "anercorp-camel" / "ANERCorp_CamelLab_train.txt"
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 300, "feature.possible_transitions": True}


def fit(sents: list[tuple[list[str], list[str]]], path: Path, params: dict) -> None:
    """Train a CRF on (tokens, tags) sentences, features as the tagger computes them."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for feats, (_, tags) in zip(corpus_features([t for t, _ in sents]), sents):
        trainer.append(feats, tags)
    trainer.set_params(params)
    trainer.train(str(path))


def entity_words(sents: list[tuple[list[str], list[str]]]) -> list[str]:
    """Normalised tokens that occur inside gold entities (used to trim proclitics)."""
    words = set()
    for toks, tags in sents:
        for a, b, _ in bio_spans(tags):
            words.update(normalise(t) for t in toks[a:b])
    return sorted(words)


def fit_nameness(sents: list[tuple[list[str], list[str]]], path: Path) -> None:
    """Letters-only name model: lexicon names against the training text's non-entity words."""
    names = set(person_name_words())
    for group in place_names().values():
        names.update(w for name in group for w in name.split())
    names = {word_core(w) for w in names if len(w) >= 3}
    others = {
        word_core(normalise(t))
        for toks, tags in sents
        for t, g in zip(toks, tags)
        if g == "O" and len(t) >= 3 and any("\u0621" <= ch <= "\u064A" for ch in t)
    }
    nameness.fit(names, others, path)
    word_features.cache_clear()


def held_out(sents, fraction: float, params: dict) -> dict:
    """Scores on the last ``fraction`` of the sentences, training on the rest."""
    cut = int(len(sents) * (1 - fraction))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.crfsuite"
        fit(sents[:cut], path, params)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        pred = [tagger.tag(f) for f in corpus_features([t for t, _ in sents[cut:]])]
        tagger.close()
    return score([tags for _, tags in sents[cut:]], pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN), help="ANERcorp CamelLab train file")
    ap.add_argument("--dev", type=float, default=0.0, help="score the last fraction of the train split instead")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iters", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    if "test" in Path(args.train).name.lower():
        print(f"{args.train}: refusing to train on a test split", file=sys.stderr)
        return 2
    sents = read_conll(args.train)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iters}
    t0 = time.time()
    if args.dev:
        res = held_out(sents, args.dev, params)
        for typ, r in res.items():
            print(f"{typ:5s} P {r['precision']:.1f} R {r['recall']:.1f} F1 {r['f1']:.1f}")
        print(f"dev={args.dev} params={params} in {time.time() - t0:.0f}s (CRF only, before propagation)")
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not export_person_names():
        print("arabnamer not installed: keeping the shipped person-name list", file=sys.stderr)
    fit_nameness(sents, NAMENESS_PATH)
    fit(sents, out, params)
    out.with_name(VOCAB_PATH.name).write_text(json.dumps(entity_words(sents), ensure_ascii=False), "utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) from {len(sents)} sentences in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
