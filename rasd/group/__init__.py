"""Corpus stage: near-duplicates and cross-outlet stories, incremental and sub-quadratic.

Usage: ``index = StoryIndex()`` (or ``StoryIndex.from_state(bytes)``), then
``index.add(doc)`` per analysed article, ``index.stories()`` to read, and
``index.to_state()`` to persist. Nothing here touches the store.
"""
from rasd.group.duplicates import DuplicateIndex
from rasd.group.features import Features, features
from rasd.group.similarity import CorpusStats, Similarity, similarity
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
    "similarity",
]
