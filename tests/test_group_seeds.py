"""The five seed articles through the whole per-article pipeline, then grouping.

All five are about Russia–China military cooperation; only 001 and 003
report the same event (Shoigu meets Wang Yi in Beijing). Expectations come
from the gold file, not from this code.
"""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # CI clones beside a copy of shared/
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared seed corpus not available")


@pytest.fixture(scope="module")
def seed_docs():
    try:
        from rasd.core import analyze_raw
        from rasd.ingest import read_paths
    except ImportError as e:  # the per-article stages are not all in place yet
        pytest.skip(f"pipeline not importable: {e}")
    gold = {a["file"]: a["story"] for a in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]}
    files = sorted(str(SEEDS / f) for f in gold)
    docs = [analyze_raw(raw) for raw in read_paths(files)]
    return [(doc, gold[Path(doc.source.path).name]) for doc in docs]


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_seed_stories_match_gold(seed_docs, order):
    from rasd.group import StoryIndex

    index = StoryIndex()
    pairs = seed_docs if order == "forward" else list(reversed(seed_docs))
    assigned = [(index.add(doc).story_id, gold) for doc, gold in pairs]
    for (s1, g1), (s2, g2) in itertools.combinations(assigned, 2):
        assert (s1 == s2) == (g1 == g2)
    assert len(index.stories()) == len({g for _, g in seed_docs})
