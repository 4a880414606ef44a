"""Near-duplicate articles: wire copy reused by several outlets, a page scraped twice.

MinHash signatures of word shingles of the normalised body, bucketed by
locality-sensitive hashing, find pairs whose shingle sets overlap by about
``THRESHOLD`` (Jaccard) without comparing every pair. Shingles are hashed with
CRC-32 rather than Python's ``hash`` so that signatures are the same in every
process and survive a save/load of the index.
"""
from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from rasd.text.normalise import normalise

THRESHOLD = 0.8
NUM_PERM = 64
SHINGLE = 3  # words per shingle: light edits (a changed dateline) still leave most shingles intact
HEAD_CHARS = 3000  # compare the opening of long bodies only: bounded cost, and copies share it
_SEED = 1
_SCHEME = "affine32"  # stated explicitly: saved signatures are only comparable under one scheme
_WORD = re.compile(r"\w+")


def shingles(body: str, n: int = SHINGLE) -> set[bytes]:
    """Distinct word n-grams of the normalised body (its first ``HEAD_CHARS``), as UTF-8 bytes."""
    words = _WORD.findall(normalise(body[:HEAD_CHARS]))
    if len(words) < n:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}


# Drawing the permutations is a third of the cost of a signature: draw them once.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def signature(body: str) -> np.ndarray | None:
    """MinHash signature of a body (uint32 per permutation); None for an empty body."""
    sh = shingles(body)
    if not sh:
        return None
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint32)


def near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two signatures estimate a Jaccard overlap of at least ``THRESHOLD``: LSH
    buckets admit some false positives, so every bucket match is checked with this."""
    return float(np.mean(a == b)) >= THRESHOLD


def lsh_bands() -> list[tuple[int, int]]:
    """The (start, end) signature slices the LSH index buckets by, for ``THRESHOLD`` and
    ``NUM_PERM``: a distributed join on the same slices finds the same candidate pairs."""
    return list(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)


def _lean(sig: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=_SEED, hashvalues=sig, scheme=_SCHEME)


class DuplicateIndex:
    """Incremental near-duplicate finder over article bodies."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[str, np.ndarray] = {}

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._sigs

    def add(self, doc_id: str, body: str) -> list[str]:
        """Index a body; return ids of earlier bodies that are near-duplicates of it."""
        if doc_id in self._sigs:
            return self.duplicates_of(doc_id)
        sig = signature(body)
        if sig is None:
            return []
        found = self._matches(doc_id, sig)
        self._lsh.insert(doc_id, _lean(sig))
        self._sigs[doc_id] = sig
        return found

    def forget(self, doc_id: str) -> None:
        """Stop matching an article (signature and LSH buckets dropped), so memory follows
        the story index's window, not the corpus."""
        if self._sigs.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def duplicates_of(self, doc_id: str) -> list[str]:
        """All indexed near-duplicates of an indexed article (the relation is symmetric)."""
        sig = self._sigs.get(doc_id)
        return [] if sig is None else self._matches(doc_id, sig)

    def _matches(self, doc_id: str, sig: np.ndarray) -> list[str]:
        out = []
        for other in self._lsh.query(_lean(sig)):
            if other == doc_id:
                continue
            if near_duplicate(self._sigs[other], sig):
                out.append(other)
        return sorted(out)

    def to_plain(self) -> dict:
        ids = list(self._sigs)
        sigs = np.stack([self._sigs[i] for i in ids]) if ids else np.zeros((0, NUM_PERM), np.uint32)
        return {"ids": ids, "sigs": sigs}

    @classmethod
    def from_plain(cls, d: dict) -> "DuplicateIndex":
        idx = cls()
        for doc_id, sig in zip(d["ids"], d["sigs"]):
            idx._lsh.insert(doc_id, _lean(sig))
            idx._sigs[doc_id] = sig
        return idx
