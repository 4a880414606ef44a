"""How much a word looks like a name, from its letters alone.

Transliterated foreign names (رامسفيلد، كافلنيكوف، موتورولا) and Arabic
proper names have letter patterns common words lack. A logistic model over
character n-grams, trained on thousands of name spellings from the lexicons
(arabnamer's personal names, GeoNames/CLDR places) against the non-name words
of the NER training text, scores words the CRF has never seen; the CRF gets
the score as a binned feature.
"""
from __future__ import annotations

import json
import math
from itertools import repeat
from functools import lru_cache
from pathlib import Path

_N = (2, 3, 4)


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
