"""Quotes (placeholder until written)."""
from rasd.doc import Doc, Quote


def find_quotes(doc: Doc) -> list[Quote]:
    return []
