"""The seed gold's entities through the whole per-article pipeline: every gold mention is
found, lands on an entity with the gold English name (or an alias), and all mentions of one
gold entity land on one entity. A cleaning change once dropped a seed paragraph and, with
it, a head of state: only a benchmark noticed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared seed corpus not available")


def _cases():
    if not GOLD.exists():
        return []
    return [pytest.param(art, id=art["file"][:3]) for art in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]]


@pytest.mark.parametrize("art", _cases())
def test_every_gold_entity_is_found_named_and_kept_whole(art):
    from rasd.core import analyze_raw
    from rasd.ingest import read_paths

    (raw,) = list(read_paths([str(SHARED / "corpus" / "seeds" / art["file"])]))
    doc = analyze_raw(raw)
    problems = []
    for g in art["entities"]:
        accepted = {n.casefold() for n in [g["name"], *g.get("aliases", [])]}
        landed = set()
        for surface in g["mentions"]:
            # the surface itself, or (for a gold short form) inside a longer mention of a name
            hits = [m for m in doc.mentions if m.text == surface] or [
                m for m in doc.mentions if surface in m.text and not m.role]
            if not hits:
                problems.append(f"missed {surface}")
                continue
            landed |= {m.entity for m in hits}
            names = [{e.name.casefold(), *(a.casefold() for a in e.aliases)} if e else set()
                     for e in (doc.entity(m.entity) for m in hits)]
            if not any(n & accepted for n in names):
                problems.append(f"{surface} not linked to {g['name']}")
        if len(landed) > 1:
            problems.append(f"{g['name']} split over {len(landed)} entities")
    assert problems == []
