"""The trained CRF: loaded once per process, tags the sentences of an article.

The model lives in ``rasd/data/models/`` (see its README for data and license)
and is read from the installed package, never downloaded. Tagging an article
is two passes: the CRF tags each sentence with the article's word context as
features (``features.doc_context``), then ``consistency.propagate`` gives
untagged repeats of a tagged name the same tag.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass

import pycrfsuite

from rasd.recognise.consistency import propagate
from rasd.recognise.features import doc_context, sentence_features
from rasd.recognise.paths import MODEL_PATH, VOCAB_PATH


_lock = threading.Lock()
_model: "_Model | None" = None


@dataclass
class _Model:
    tagger: pycrfsuite.Tagger
    entity_words: frozenset[str]  # normalised tokens seen inside entities in training


def model() -> _Model:
    """The process-wide model, loaded on first use (thread-safe)."""
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


def tag_sentences(
    sentences: list[list[str]], window: int | None = None, marginals: bool = False
) -> tuple[list[list[str]], list[list[float]]]:
    """BIO tags (and, if asked, each tag's marginal probability) for an article's sentences.

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
    tagger = m.tagger
    first: list[list[str]] = []
    probs: list[list[float]] = []
    with _lock:  # a pycrfsuite Tagger holds per-call state
        for f in feats:
            tg = list(tagger.tag(f)) if f else []
            first.append(tg)
            probs.append([tagger.marginal(t, j) if t != "O" else 1.0 for j, t in enumerate(tg)] if marginals else [])
    if window is None:
        tags = propagate(sentences, first)
    else:
        tags = [propagate(sentences[around(i)], first[around(i)])[i - around(i).start] for i in range(len(sentences))]
    if marginals:
        with _lock:
            for i, (f, old, new) in enumerate(zip(feats, first, tags)):
                if old != new:  # propagated tags: the model's own probability for them
                    tagger.set(f)
                    probs[i] = [p if a == b else tagger.marginal(b, j) for j, (p, a, b) in enumerate(zip(probs[i], old, new))]
    return tags, probs


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (B-PER, I-ORG, O, ...) for one sentence of tokens."""
    if not tokens:
        return []
    return tag_sentences([tokens])[0][0]
