"""The fine-tuned Arabic encoder: per-word BIO label scores for sentences of tokens.

A truncated multilingual-e5-small fine-tuned on ANERcorp's train split
(``rasd.recognise.train_encoder``), shipped as an int8 ONNX model with the
SentencePiece pieces it keeps; run with onnxruntime, loaded once per process.
Words are cut into their most probable pieces (unigram Viterbi, as
SentencePiece does), a word's label scores are read at its first piece, and
long sentences go through in windows: a core of at most ``CORE`` pieces that
is scored, with up to ``CONTEXT`` pieces of whole words either side that are
seen but scored in their own window, so every word is scored once, with
context on both sides.
"""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasd.recognise.paths import ENCODER_PATH, ENCODER_VOCAB_PATH
from rasd.text.normalise import WORD_CACHE

META = "\u2581"  # SentencePiece's word-start mark
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
BOS, PAD, EOS = 0, 1, 2  # rows of the kept vocabulary, as in XLM-R's
CORE, CONTEXT = 96, 16  # pieces per window: scored core, context either side
MAX_WORD_PIECES = 16
_BATCH_PIECES = 256  # small batches stay in cache: faster per piece than large ones on one core


class Segmenter:
    """SentencePiece unigram segmentation (Viterbi) over the kept vocabulary."""

    def __init__(self, pieces: list[str], scores: list[float]):
        self.index = {p: k for k, p in enumerate(pieces)}
        self.scores = list(scores)
        self.max_len = max(map(len, pieces))
        self.unk_score = min(scores) - 10.0
        self.pieces = lru_cache(maxsize=WORD_CACHE)(self._pieces)

    def _pieces(self, word: str) -> tuple[int, ...]:
        """Rows of the word's most probable pieces, unknown characters dropped (never none: the
        word-start mark alone is a kept piece)."""
        s = META + unicodedata.normalize("NFKC", word).replace(" ", META)
        n = len(s)
        best = [0.0] + [-1e30] * n
        back = [(0, -1)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_len) + 1):
                j = self.index.get(s[i:e])
                if j is not None and best[i] + self.scores[j] > best[e]:
                    best[e], back[e] = best[i] + self.scores[j], (i, j)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, -1)
        out, i = [], n
        while i > 0:
            i, j = back[i]
            if j >= 0:
                out.append(j)
        return tuple(out[::-1][:MAX_WORD_PIECES])


def windows(sizes: list[int], scored: list[bool] | None = None) -> list[tuple[int, int, int, int]]:
    """(first word seen, first word scored, end of scored, end of seen) for words of ``sizes`` pieces.

    ``scored`` (default: all) marks the words that need scores: cores cover those, and the
    words between two of them when the gap is no wider than two contexts (it would be read
    as context anyway); other words are left out of every core, and out of the model's
    input unless they are context."""
    n_words = len(sizes)
    gap = [0] * (n_words + 1)  # pieces from each word to the next word that needs a score
    gap[n_words] = 1 << 30
    for w in range(n_words - 1, -1, -1):
        gap[w] = 0 if scored is None or scored[w] else sizes[w] + gap[w + 1]
    out = []
    a = 0
    while a < n_words:
        if gap[a]:
            a += 1
            continue
        b, n = a + 1, sizes[a]
        while b < n_words and n + sizes[b] <= CORE and gap[b] <= 2 * CONTEXT:
            n += sizes[b]
            b += 1
        lo, n = a, 0
        while lo > 0 and n + sizes[lo - 1] <= CONTEXT:
            lo -= 1
            n += sizes[lo]
        hi, n = b, 0
        while hi < n_words and n + sizes[hi] <= CONTEXT:
            n += sizes[hi]
            hi += 1
        out.append((lo, a, b, hi))
        a = b
    return out


def window_inputs(pieces: list[tuple[int, ...]], win: tuple[int, int, int, int]) -> tuple[list[int], list[int]]:
    """Piece ids of one window with ``<s>``/``</s>``, and the position of each scored word's first piece."""
    lo, a, b, hi = win
    ids, firsts = [BOS], []
    for w in range(lo, hi):
        if a <= w < b:
            firsts.append(len(ids))
        ids.extend(pieces[w])
    ids.append(EOS)
    return ids, firsts


def bio_decode(logp: np.ndarray) -> list[str]:
    """The best BIO-valid tag sequence (no I-X except after B-X or I-X) for per-word log-probabilities."""
    n = len(logp)
    if n == 0:
        return []
    allowed = _TRANSITIONS
    score = logp[0] + np.where(_STARTS, 0.0, -np.inf)
    back = np.zeros((n, len(LABELS)), int)
    for i in range(1, n):
        cand = score[:, None] + allowed
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [LABELS[k] for k in reversed(path)]


_STARTS = np.array([not t.startswith("I-") for t in LABELS])
_TRANSITIONS = np.array(
    [[0.0 if not b.startswith("I-") or a[2:] == b[2:] else -np.inf for b in LABELS] for a in LABELS]
)


class Encoder:
    """The ONNX session and the kept vocabulary's segmenter."""

    def __init__(self, model_path: Path = ENCODER_PATH, vocab_path: Path = ENCODER_VOCAB_PATH, threads: int = 1):
        import onnxruntime as ort

        vocab = json.loads(vocab_path.read_text("utf-8"))
        self.segment = Segmenter(vocab["pieces"], vocab["scores"])
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])

    def word_logprobs(self, sentences: list[list[str]], scored: list[list[bool]] | None = None) -> list[np.ndarray]:
        """Per sentence, a [words, len(LABELS)] array of label log-probabilities; rows of words
        ``scored`` leaves out (``windows``) are NaN."""
        jobs = []
        for si, words in enumerate(sentences):
            pieces = [self.segment.pieces(w) for w in words]
            for win in windows([len(p) for p in pieces], None if scored is None else scored[si]):
                jobs.append((si, win[1], *window_inputs(pieces, win)))
        out = [np.full((len(s), len(LABELS)), np.nan if scored is not None else 0.0, np.float32) for s in sentences]
        jobs.sort(key=lambda j: len(j[2]))
        k = 0
        while k < len(jobs):
            longest = len(jobs[k][2])
            group = []
            while k < len(jobs) and (len(group) + 1) * len(jobs[k][2]) <= max(_BATCH_PIECES, longest):
                group.append(jobs[k])
                k += 1
            width = len(group[-1][2])
            ids = np.full((len(group), width), PAD, np.int64)
            mask = np.zeros((len(group), width), np.int64)
            for b, (_, _, seq, _) in enumerate(group):
                ids[b, : len(seq)] = seq
                mask[b, : len(seq)] = 1
            (logp,) = self.session.run(None, {"ids": ids, "mask": mask})
            for b, (si, first, _, firsts) in enumerate(group):
                out[si][first : first + len(firsts)] = logp[b, firsts]
        return out


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process-wide encoder, loaded on first use."""
    if not ENCODER_PATH.exists():
        raise FileNotFoundError(f"{ENCODER_PATH}: encoder missing; build it with `python -m rasd.recognise.train_encoder`")
    return Encoder()
