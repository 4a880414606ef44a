"""How much a word looks like a name: from its letters, and from how it is used.

Transliterated foreign names (رامسفيلد، كافلنيكوف، موتورولا) and Arabic
proper names have letter patterns common words lack. A logistic model over
character n-grams, trained on thousands of name spellings from the lexicons
(arabnamer's personal names, GeoNames/CLDR places) against the non-name words
of the NER training text, scores words the CRF has never seen; the CRF gets
the score as a binned feature.

Letters alone call كبير or الاثنين name-like. ``prior`` adds what data says
about use: a table (built by ``python -m rasd.kb.build``) of the probability
that a frequent word is (part of) a name, learned on ANERcorp's train split
from its general frequency (wordfreq's Arabic list), how many Wikidata people
carry it as a given name or surname, whether it names a place, and the letter
score. ``common_word`` is the linker's test for recogniser spans that are
ordinary words (أمس, الاثنين, كبير, قال).
"""
from __future__ import annotations

import gzip
import json
import math
from itertools import repeat
from functools import lru_cache
from pathlib import Path

from rasd.recognise.paths import NAMENESS_PATH

_N = (2, 3, 4)
PRIOR_PATH = Path(__file__).resolve().parent.parent / "data" / "kb" / "generated" / "name_prior.tsv.gz"
# Below this prior a word is taken for a common word (الحوثي sits at 0.12, كبير 0.13: kept).
COMMON = 0.1


def ngrams(word: str) -> list[str]:
    w = f"^{word}$"
    return [w[i : i + n] for n in _N for i in range(len(w) - n + 1)]


def fit(names: set[str], others: set[str], path: Path, min_count: int = 3) -> None:
    """Fit the model (L2 logistic regression) and write its n-gram weights as JSON."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    words = sorted(names - others) + sorted(others - names)
    y = np.array([1] * len(names - others) + [0] * len(others - names))
    vec = CountVectorizer(analyzer=ngrams, min_df=min_count, binary=True)
    x = vec.fit_transform(words)
    clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    clf.fit(x, y)
    weights = {g: round(float(w), 4) for g, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-3}
    path.write_text(json.dumps({"bias": float(clf.intercept_[0]), "w": weights}, ensure_ascii=False), "utf-8")


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[float, dict[str, float]]:
    p = Path(path)
    if not p.exists():
        return 0.0, {}
    d = json.loads(p.read_text("utf-8"))
    return d["bias"], d["w"]


def score(word: str, path: Path) -> float:
    """Probability that ``word`` (normalised, clitics stripped) is a name; 0.5 with no model."""
    bias, w = _load(str(path))
    if not w:
        return 0.5
    z = bias + sum(map(w.get, ngrams(word), repeat(0.0)))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def letters_score(word: str) -> float:
    """``score`` with the shipped letter model."""
    return score(word, NAMENESS_PATH)


@lru_cache(maxsize=1)
def _prior_table() -> dict[str, float]:
    if not PRIOR_PATH.exists():
        return {}
    with gzip.open(PRIOR_PATH, "rt", encoding="utf-8") as f:
        return {w: float(p) for w, p in (line.rstrip("\n").split("\t") for line in f)}


def prior(word: str) -> float | None:
    """Learned probability that a frequent normalised word is a name; None for a word too rare to say."""
    return _prior_table().get(word)


def common_word(word: str, below: float = COMMON) -> bool:
    """Whether a normalised word is, by the learned prior, an ordinary word and not a name."""
    p = prior(word)
    return p is not None and p < below
