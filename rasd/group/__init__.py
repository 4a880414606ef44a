"""Corpus stage: near-duplicates and cross-outlet stories, incremental and sub-quadratic.

Usage: ``index = StoryIndex()`` (or ``StoryIndex.from_state(bytes)``), then
``index.add(doc)`` per analysed article (its ``Assignment.merged`` names the
stories that article showed to be its own, ``index.resolve(id)`` where an
absorbed id went), ``index.stories()`` to read, and ``index.to_state()`` to
persist. ``similarity(a, b)`` scores one candidate pair of ``features(doc)``
weighed (by an index, or ``weigh_together``); ``pair_vector`` gives what it weighs. Nothing here touches
the store.
"""
from rasd.group.duplicates import DuplicateIndex
from rasd.group.features import Features, features
from rasd.group.similarity import CorpusStats, Similarity, pair_vector, similarity, weigh_together
from rasd.group.stories import Assignment, StoryIndex, StoryRecord

__all__ = [
    "Assignment",
    "CorpusStats",
    "DuplicateIndex",
    "Features",
    "Similarity",
    "StoryIndex",
    "StoryRecord",
    "features",
    "pair_vector",
    "similarity",
    "weigh_together",
]
