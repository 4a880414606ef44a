"""The trained CRF: loaded once per process, tags token sequences with BIO labels.

The model lives in ``rasd/data/models/`` (see its README for data and license)
and is read from the installed package, never downloaded.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from rasd.recognise.features import sentence_features

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_PATH = MODEL_DIR / "ner_anercorp.crfsuite"
VOCAB_PATH = MODEL_DIR / "ner_anercorp.vocab.json"

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


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (B-PER, I-ORG, O, ...) for one sentence of tokens."""
    if not tokens:
        return []
    m = model()
    with _lock:  # a pycrfsuite Tagger holds per-call state
        return list(m.tagger.tag(sentence_features(tokens)))


def tag_with_marginals(tokens: list[str]) -> tuple[list[str], list[float]]:
    """BIO tags and, per token, the model's marginal probability of its tag."""
    if not tokens:
        return [], []
    m = model()
    with _lock:
        tags = list(m.tagger.tag(sentence_features(tokens)))
        probs = [m.tagger.marginal(t, i) for i, t in enumerate(tags)]
    return tags, probs
