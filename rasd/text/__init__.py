"""Arabic text layer: normalisation for matching, tokens and sentences.

Normalised forms are for matching and search only; every function that
changes text can also return a map back to original offsets.
"""
