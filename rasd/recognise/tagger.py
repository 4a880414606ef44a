"""The trained taggers: loaded once per process, they tag the sentences of an article.

Two models live in ``rasd/data/models/`` (see its README for data and
license), read from the installed package, never downloaded: the CRF, whose
features carry the gazetteers, name-likeness and the article's word context
(``features.doc_context``), and the fine-tuned encoder (``encoder``), which
reads each word in its sentence. Each word's label distribution is the
product of the two, weighted (the encoder's probabilities to the power
``MIX``, the CRF's marginals to ``1 - MIX``, renormalised), decoded into the
best valid BIO sequence; then
``consistency.propagate`` gives untagged repeats of a tagged name the same tag.
The CRF runs first: the encoder, most of the time spent, reads only around
words the CRF gives some chance of being in a name (``SKIP``).
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pycrfsuite

from rasd.recognise.consistency import propagate
from rasd.recognise.encoder import LABELS, bio_decode, encoder
from rasd.recognise.features import doc_context, sentence_features
from rasd.recognise.paths import MODEL_PATH, VOCAB_PATH

MIX = 0.3  # the encoder's weight in each word's label distribution (benchmarks/ner_encoder_dev.py)
# The encoder reads only around words the CRF gives this much chance of being in a name
# (1 - P(O)); elsewhere the CRF's O stands (benchmarks/ner_encoder_dev.py --skip).
SKIP = 0.02
_INDEX = {t: k for k, t in enumerate(LABELS)}

_lock = threading.Lock()
_model: "_Model | None" = None


@dataclass
class _Model:
    tagger: pycrfsuite.Tagger
    entity_words: frozenset[str]  # normalised tokens seen inside entities in training


def model() -> _Model:
    """The process-wide CRF, loaded on first use (thread-safe)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                if not MODEL_PATH.exists():
                    raise FileNotFoundError(
                        f"{MODEL_PATH}: NER model missing; build it with `python -m rasd.recognise.train`"
                    )
                tagger = pycrfsuite.Tagger()
                tagger.open(str(MODEL_PATH))
                words = frozenset(json.loads(VOCAB_PATH.read_text("utf-8"))) if VOCAB_PATH.exists() else frozenset()
                _model = _Model(tagger, words)
    return _model


def crf_marginals(tagger: pycrfsuite.Tagger, feats: list[list[str]]) -> np.ndarray:
    """The CRF's marginal probability of each label (``LABELS`` order) at each token [tokens, labels]."""
    tagger.set(feats)
    known = set(tagger.labels())
    n = len(feats)
    out = np.zeros((n, len(LABELS)))
    for k, t in enumerate(LABELS):
        if t in known:  # one label's column at a time: a C loop of calls rather than Python's
            out[:, k] = list(map(tagger.marginal, repeat(t, n), range(n)))
    return out


def mixed_tags(enc_logp: np.ndarray, crf_probs: np.ndarray, mix: float = MIX) -> tuple[list[str], np.ndarray]:
    """BIO tags from the weighted product of the two per-word label distributions, and that
    distribution (the CRF's alone on words the encoder did not score: NaN rows)."""
    unscored = np.isnan(enc_logp[:, :1])
    logp = np.where(unscored, 0.0, mix * enc_logp) + np.where(unscored, 1.0, 1 - mix) * np.log(crf_probs + 1e-9)
    logp -= np.logaddexp.reduce(logp, axis=1, keepdims=True)
    return bio_decode(logp), np.exp(logp)


def tag_sentences(
    sentences: list[list[str]], window: int | None = None, marginals: bool = False
) -> tuple[list[list[str]], list[list[float]]]:
    """BIO tags (and, if asked, each tag's probability in the combined distribution) for an article's sentences.

    ``window=None`` treats all sentences as one article; a number makes each
    sentence see only that many sentences either side (for corpora such as
    ANERcorp that have no article boundaries).
    """
    m = model()

    def around(i: int) -> slice:
        return slice(0, len(sentences)) if window is None else slice(max(0, i - window), i + window + 1)

    whole = doc_context(sentences) if window is None else None
    feats = [
        sentence_features(toks, whole if whole is not None else doc_context(sentences[around(i)]))
        for i, toks in enumerate(sentences)
    ]
    with _lock:  # a pycrfsuite Tagger holds per-call state
        crf = [crf_marginals(m.tagger, f) if f else np.zeros((0, len(LABELS))) for f in feats]
    enc = encoder().word_logprobs(sentences, [list(1 - c[:, 0] >= SKIP) for c in crf])
    first: list[list[str]] = []
    dists: list[np.ndarray] = []
    for lp, c in zip(enc, crf):
        tg, probs = mixed_tags(lp, c)
        first.append(tg)
        dists.append(probs)
    if window is None:
        tags = propagate(sentences, first)
    else:
        tags = [propagate(sentences[around(i)], first[around(i)])[i - around(i).start] for i in range(len(sentences))]
    probs = [[float(d[j, _INDEX[t]]) if t != "O" else 1.0 for j, t in enumerate(tg)] for d, tg in zip(dists, tags)] if marginals else [[] for _ in tags]
    return tags, probs


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (B-PER, I-ORG, O, ...) for one sentence of tokens."""
    if not tokens:
        return []
    return tag_sentences([tokens])[0][0]
